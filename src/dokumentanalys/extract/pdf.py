"""PDF -> Document.

Two readers share one page model (:mod:`.pdf_lines`) and one block builder
(:mod:`.pdf_blocks`):

- the fast reader, pypdfium2 (:mod:`.pdf_fast`), reads running text and,
  in ``pdf_mode="auto"``, finds ruled tables from the page's vector paths
  with pdfplumber's algorithm (:mod:`.pdf_grid`);
- the layout reader, pdfplumber (:mod:`.pdf_layout`), reads characters and
  finds ruled tables itself. It is some hundred times slower and gives the
  same blocks; it is kept as ``pdf_mode="layout"``, to compare against and
  for documents where the fast reader's tables look wrong.

``ExtractOptions.pdf_mode``: ``"auto"`` (default: pypdfium2 with tables),
``"layout"`` (pdfplumber on every page; pypdfium2 where pdfplumber cannot
read a page) or ``"fast"`` (pypdfium2 only, no tables: table text becomes
ordinary lines). Pages are read one at a time and their PDF
objects closed at once; only the lines are kept until the end, where running
headers and footers are found across pages.

``Document.metadata``: ``pdf_mode``, ``layout_pages`` (pages read with
pdfplumber), ``table_pages`` (pages with ruled tables), ``table_search_failed``
(pages whose drawing made the table finder fail; their text is read without
tables), ``pages_without_text`` (pages without a text layer, when some
other page has one), ``running_lines`` (header, footer and page number lines
taken out of the body), and when something went wrong on the way
``unreadable_pages`` and ``layout_failed`` (pdfplumber gave up; PDFium's text
was used).

Errors (:class:`~dokumentanalys.errors.ReadError`): ``read/corrupt-pdf``
(PDFium cannot parse the file, or no page can be read), ``read/encrypted``
(a user password is needed; a file encrypted with an empty user password is
read), ``read/too-many-pages``, ``read/no-text-layer`` (pictures or drawings
but no text anywhere: a scan) and ``read/no-text`` (blank pages only).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import ReadError
from ..model import BlockKind, Document
from .base import ExtractOptions, Extractor, sniff_format
from .pdf_lines import PdfPage, clean_text

__all__ = ["extract_pdf", "PDF", "PDF_MODES"]

PDF_MODES = ("auto", "layout", "fast")

# PDFium load errors (FPDF_ERR_*)
_ERR_FILE, _ERR_FORMAT, _ERR_PASSWORD, _ERR_SECURITY = 2, 3, 4, 5


def _open(path: Path) -> Any:
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (_ERR_PASSWORD, _ERR_SECURITY):
            raise ReadError("read/encrypted", str(exc)) from exc
        if code == _ERR_FILE:
            raise ReadError("read/failed", "filen kunde inte öppnas") from exc
        raise ReadError("read/corrupt-pdf", str(exc)) from exc
    except OSError as exc:
        raise ReadError("read/failed", exc.strerror or str(exc)) from exc


def _read_pages(pdf: Any, path: Path, count: int, mode: str, meta: dict[str, Any]) -> list[PdfPage]:
    from .pdf_fast import read_page

    pages: list[PdfPage] = []
    layout_pages: list[int] = []
    failed: list[int] = []
    tables_failed: list[int] = []
    reader = None
    if mode == "layout":
        from .pdf_layout import LayoutReader

        reader = LayoutReader(path)
    try:
        for index in range(count):
            page: PdfPage | None = None
            if reader is not None:
                page = reader.try_read_page(index)
                if page is not None:
                    layout_pages.append(index + 1)
            if page is None and mode == "auto":
                try:
                    page = read_page(pdf, index, tables=True)
                except Exception:  # noqa: BLE001 - odd drawings must not cost the page its text
                    tables_failed.append(index + 1)
            if page is None:
                try:
                    page = read_page(pdf, index)
                except Exception:  # noqa: BLE001 - a broken page must not stop the document
                    page = None
            if page is None:
                failed.append(index + 1)
                page = PdfPage(number=index + 1, width=0.0, height=0.0)
            pages.append(page)
    finally:
        if reader is not None:
            reader.close()
    meta["layout_pages"] = layout_pages
    meta["table_pages"] = [page.number for page in pages if page.has_tables]
    if tables_failed:
        meta["table_search_failed"] = tables_failed
    if reader is not None and reader.failed:
        meta["layout_failed"] = True
    if failed:
        if len(failed) == count:
            raise ReadError("read/corrupt-pdf", "ingen sida kunde läsas")
        meta["unreadable_pages"] = failed
    return pages


_JUNK_TITLE = re.compile(
    r"^(microsoft (word|powerpoint|excel)\b.*|untitled|namnlös|dokument\s*\d*|document\s*\d*|titel|title|rubrik|"
    r".*\.(docx?|pdf|odt|rtf|txt|indd|xlsx?|pptx?))$",
    re.IGNORECASE,
)


def _metadata_title(value: object) -> str | None:
    title = clean_text(value) if isinstance(value, str) else ""
    if not 3 <= len(title) <= 200 or _JUNK_TITLE.match(title):
        return None
    if sum(ch.isalpha() for ch in title) < 3:
        return None
    return title


def extract_pdf(path: Path, options: ExtractOptions) -> Document:
    from .pdf_blocks import build_blocks

    mode = options.pdf_mode if options.pdf_mode in PDF_MODES else "auto"
    pdf = _open(path)
    try:
        count = len(pdf)
        if count > options.max_pages:
            raise ReadError("read/too-many-pages", f"{count} sidor, gräns {options.max_pages}")
        if count == 0:
            raise ReadError("read/corrupt-pdf", "inga sidor")
        try:
            info = pdf.get_metadata_dict()
        except Exception:  # noqa: BLE001 - metadata is optional
            info = {}
        meta: dict[str, Any] = {"pdf_mode": mode}
        pages = _read_pages(pdf, path, count, mode, meta)
    finally:
        pdf.close()
    if not any(page.chars for page in pages):
        # pictures or drawings but no text: a scan; nothing at all: an empty document
        raise ReadError("read/no-text-layer" if any(page.graphics for page in pages) else "read/no-text")
    empty = [page.number for page in pages if not page.chars and page.number not in meta.get("unreadable_pages", ())]
    if empty:
        meta["pages_without_text"] = empty
    blocks, running = build_blocks(pages)
    meta["running_lines"] = len(running.drop)
    title = _metadata_title(info.get("Title"))
    if title is None:
        title = next((b.text for b in blocks if b.kind == BlockKind.HEADING), None)
    return Document(str(path), "pdf", blocks, title=title, pages=count, metadata=meta)


PDF = Extractor(
    name="pdf",
    sniff=lambda head, path: sniff_format(head, path) == "pdf",
    extract=extract_pdf,
    extensions=(".pdf",),
    description="PDF med textlager: löptext och tabeller med pypdfium2 (pdfplumber i pdf_mode layout)",
)
