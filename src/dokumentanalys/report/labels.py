"""Swedish labels every reporter shares: categories, severities, markers, kinds.

What a reader of a report sees is Swedish. The identifiers (``gendered-term``,
``warning``, ``styrdokument``) stay in machine formats (JSON, SARIF, CSV
columns that tools filter on); human formats show these labels. A category or
kind that a plugin adds and that is not listed here is shown by its id.
"""

from __future__ import annotations

from ..model import CATEGORIES, DocumentResult, Finding
from .base import clean_text

__all__ = [
    "CATEGORY_LABELS",
    "CATEGORY_SHORT",
    "CATEGORY_DESCRIPTIONS",
    "SEVERITY_LABELS",
    "SEVERITY_PLURALS",
    "MARKER_LABELS",
    "MARKER_SHORT",
    "KIND_LABELS",
    "FORMAT_LABELS",
    "INDICATOR_LABELS",
    "category_label",
    "category_short",
    "severity_label",
    "marker_label",
    "marker_short",
    "kind_label",
    "format_label",
    "location_label",
    "document_label",
    "categories_in",
    "percent",
    "sort_findings",
    "excerpt_segments",
]

CATEGORY_LABELS: dict[str, str] = {
    "gendered-term": "Könsbundna ord",
    "generic-masculine": "Generiskt maskulinum",
    "stereotype": "Stereotyper",
    "gender-marking": "Onödig könsmarkering",
    "unsplit-statistics": "Statistik utan könsuppdelning",
    "missing-gender-perspective": "Saknat jämställdhetsperspektiv",
    "sex-question": "Frågan om kön i blanketten",
}

#: column headings for narrow tables; U+00AD (soft hyphen) marks where a word may break
CATEGORY_SHORT: dict[str, str] = {
    "gendered-term": "Köns\u00adbundna ord",
    "generic-masculine": "Generiskt masku\u00adlinum",
    "stereotype": "Stereo\u00adtyper",
    "gender-marking": "Onödig köns\u00admarkering",
    "unsplit-statistics": "Ej köns\u00aduppdelad statistik",
    "missing-gender-perspective": "Saknat jäm\u00adställdhets\u00adperspektiv",
    "sex-question": "Frågan om kön",
}

CATEGORY_DESCRIPTIONS: dict[str, str] = {
    "gendered-term": "Titlar och ord som förutsätter ett kön där det finns ett könsneutralt ord.",
    "generic-masculine": "”han”, ”hans” eller ”honom” om en person vars kön inte är känt.",
    "stereotype": "Stereotypa antaganden om kvinnor, män, flickor eller pojkar.",
    "gender-marking": "Kön anges utan att det behövs, till exempel ”kvinnlig läkare”.",
    "unsplit-statistics": "Statistik om personer som inte är uppdelad på kvinnor och män.",
    "missing-gender-perspective": "Dokumentet handlar om människor men tar inte upp kvinnors och mäns villkor.",
    "sex-question": "Blanketten frågar efter kön utan att säga varför, eller utan att säga vad som avses.",
}

SEVERITY_LABELS: dict[str, str] = {"error": "Fel", "warning": "Varning", "info": "Information"}
SEVERITY_PLURALS: dict[str, str] = {"error": "fel", "warning": "varningar", "info": "information"}

#: OECD DAC gender marker, as the reports explain it
MARKER_LABELS: dict[int | None, str] = {
    0: "0 – jämställdhetsperspektiv saknas",
    1: "1 – jämställdhetsperspektiv finns",
    2: "2 – jämställdhet är huvudsyftet",
    None: "Ej tillämplig – bedöms bara för styrdokument och blanketter som handlar om människor",
}
MARKER_SHORT: dict[int | None, str] = {0: "0", 1: "1", 2: "2", None: "–"}

KIND_LABELS: dict[str, str] = {
    "styrdokument": "Styrdokument",
    "ansokan": "Ansökan eller blankett",
    "other": "Övrigt",
}

FORMAT_LABELS: dict[str, str] = {"pdf": "PDF", "docx": "Word", "txt": "Text", "text": "Text", "md": "Markdown"}

INDICATOR_LABELS: dict[str, str] = {
    "styrdokument_with_perspective": "Andel styrdokument med jämställdhetsperspektiv (markör 1 eller 2)",
    "documents_with_unsplit_statistics": "Andel dokument med statistik som inte är könsuppdelad",
}

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category)


def category_short(category: str) -> str:
    """A column heading for the category (may contain soft hyphens)."""
    return CATEGORY_SHORT.get(category, category)


def severity_label(severity: object) -> str:
    return SEVERITY_LABELS.get(str(severity), str(severity))


def marker_label(marker: int | None, inline: bool = False) -> str:
    """The marker with its meaning; ``inline`` for use inside a sentence (lower-case start)."""
    label = MARKER_LABELS.get(marker, str(marker))
    return label[:1].lower() + label[1:] if inline else label


def marker_short(marker: int | None) -> str:
    return MARKER_SHORT.get(marker, str(marker))


def kind_label(kind: str | None) -> str:
    if not kind:
        return "Okänd typ"
    return KIND_LABELS.get(kind, kind)


def format_label(fmt: str | None) -> str:
    if not fmt:
        return "okänt format"
    return FORMAT_LABELS.get(fmt, fmt.upper())


def location_label(finding: Finding) -> str:
    """Where the finding is, for a reader: 's. 3, tabell 2 rad 4 kol 1, block 41'."""
    return finding.location.describe()


def document_label(doc: DocumentResult) -> str:
    """The document's title if it has one, else its file name."""
    if doc.title and doc.title.strip():
        return doc.title.strip()
    return doc.path.replace("\\", "/").rsplit("/", 1)[-1] or doc.path


def categories_in(documents: list[DocumentResult]) -> list[str]:
    """The built-in categories in contract order, then plugin categories that occur."""
    extra = sorted({f.category for d in documents for f in d.findings} - set(CATEGORIES))
    return list(CATEGORIES) + extra


def percent(share: float | None) -> str:
    """0.4567 -> '46 %' (Swedish style, space before the sign); None -> '–'."""
    if share is None:
        return "–"
    return f"{round(share * 100):d} %"


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Most serious first, then in document order."""
    return sorted(
        findings,
        key=lambda f: (
            _SEVERITY_ORDER.get(str(f.severity), 3),
            f.location.block if f.location.block is not None else -1,
            f.location.start or 0,
        ),
    )


def excerpt_segments(finding: Finding) -> list[tuple[str, bool]]:
    """The finding's excerpt as ``(text, flagged)`` pieces, for highlighting the flagged words.

    The excerpt is the sentence (or cell) around the match; ``matched`` is the
    exact text at ``[start, end)`` of the block. The excerpt does not record
    where in the block it starts, so every occurrence of the matched text in
    the excerpt is marked (in practice there is one).
    """
    excerpt = clean_text(finding.excerpt)
    matched = clean_text(finding.matched)
    if not excerpt:
        return []
    if not matched.strip() or matched not in excerpt:
        return [(excerpt, False)]
    pieces: list[tuple[str, bool]] = []
    rest = excerpt
    while matched in rest:
        before, rest = rest.split(matched, 1)
        if before:
            pieces.append((before, False))
        pieces.append((matched, True))
    if rest:
        pieces.append((rest, False))
    return pieces
