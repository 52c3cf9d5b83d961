"""``--format csv``: one row per finding, for Excel and other spreadsheets.

UTF-8 with a byte order mark (so Excel reads å, ä, ö right), CRLF line ends,
every field quoted when needed. The delimiter is ``;`` by default, because
Excel with Swedish regional settings splits columns on ``;`` (a ``,`` file
opens as one column there); ``--csv-delimiter ','`` or ``tab`` for other
tools, or ``Report.extra["csv_delimiter"]``.

Cells that a spreadsheet would run as a formula (text starting with ``=``,
``+``, ``-``, ``@``, tab or carriage return) get a leading apostrophe, as
OWASP recommends against CSV injection. Documents that could not be read get
one row with the error, so that no input disappears from the sheet.
"""

from __future__ import annotations

import csv
import io

from ..model import DocumentResult, Finding
from .base import Report, Reporter, clean_text
from .labels import category_label, document_label, kind_label, location_label, severity_label

__all__ = ["CSV", "COLUMNS", "render", "safe_cell", "DELIMITERS", "DEFAULT_DELIMITER"]

#: column headings (Swedish, the first row of the file)
COLUMNS: tuple[str, ...] = (
    "Dokument",
    "Titel",
    "Dokumenttyp",
    "Jämställdhetsmarkör",
    "Kategori",
    "Kategori-id",
    "Allvarlighetsgrad",
    "Regel",
    "Meddelande",
    "Förslag",
    "Utdrag",
    "Träff",
    "Plats",
    "Sida",
    "Block",
    "Start",
    "Slut",
    "Källa",
)

DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\t": "\t"}
#: Swedish Excel splits columns on semicolons.
DEFAULT_DELIMITER = ";"

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A value as spreadsheet-safe text: no control characters, no formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    # tab and CR are checked before cleaning, so that a cleaned cell cannot start a formula either
    text = clean_text(text, keep_newlines=False)
    if text.lstrip().startswith(_FORMULA_START) and not text.startswith("'"):
        text = "'" + text
    return text


def _row(doc: DocumentResult, f: Finding | None) -> list[object]:
    marker = doc.gender_marker
    base: list[object] = [doc.path, document_label(doc), kind_label(doc.kind), "" if marker is None else marker]
    if f is None:
        message = "; ".join(e.message for e in doc.errors) or "Inga fynd."
        return base + ["", "", "", "", message, "", "", "", "", "", "", "", "", ""]
    loc = f.location
    return base + [
        category_label(f.category),
        f.category,
        severity_label(f.severity),
        f.rule,
        f.message,
        " / ".join(f.suggestions),
        f.excerpt,
        f.matched,
        location_label(f),
        loc.page,
        loc.block,
        loc.start,
        loc.end,
        f.source,
    ]


def render(report: Report) -> bytes:
    delimiter = DELIMITERS.get(str(report.extra.get("csv_delimiter", DEFAULT_DELIMITER)), DEFAULT_DELIMITER)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for doc in report.documents:
        rows = [_row(doc, f) for f in doc.findings] if doc.findings else [_row(doc, None)]
        for row in rows:
            writer.writerow([safe_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


CSV = Reporter(
    name="csv",
    render=render,
    suffix=".csv",
    description="En rad per fynd för Excel (UTF-8 med BOM, semikolon mellan kolumnerna som svenskt Excel vill ha)",
)
