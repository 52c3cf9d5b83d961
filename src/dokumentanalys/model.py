"""The document model and the result types every stage shares.

Data flows one way::

    file -> extractor -> Document(blocks) -> language -> rules -> Finding -> reporter

Everything here is a plain, frozen dataclass so that results can be pickled
to worker processes, cached, and compared in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field, asdict
from enum import StrEnum
from typing import Any

__all__ = [
    "BlockKind",
    "Block",
    "Document",
    "Severity",
    "Location",
    "Finding",
    "DocumentError",
    "Assessment",
    "DocumentResult",
    "CATEGORIES",
]

#: The built-in finding categories (a contract: reports and plugins rely on them).
CATEGORIES: tuple[str, ...] = (
    "gendered-term",
    "generic-masculine",
    "stereotype",
    "gender-marking",
    "unsplit-statistics",
    "missing-gender-perspective",
)


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    TABLE_CELL = "table-cell"
    HEADER = "header"
    FOOTER = "footer"
    FORM_FIELD = "form-field"
    TEXT_BOX = "text-box"
    FOOTNOTE = "footnote"
    CAPTION = "caption"


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of text with enough location data to lead a reader back to it.

    ``index`` is the block's position in the document (0-based, stable for a
    given file and extractor version). ``page`` is 1-based (PDF) and
    ``paragraph`` the 0-based paragraph index in the source (DOCX body, text
    files). Table cells carry ``table`` (document-wide table number), ``row``
    and ``column`` (0-based); nested tables get their own table number and
    ``parent_table``. ``source`` holds whatever the extractor needs to map
    character offsets back to the file, e.g. the DOCX part name and XML path,
    or line numbers of a text file. Offsets used in findings are offsets into
    ``text``.
    """

    index: int
    kind: BlockKind
    text: str
    page: int | None = None
    paragraph: int | None = None
    level: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    parent_table: int | None = None
    line: int | None = None
    source: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(slots=True)
class Document:
    """A read document: ordered blocks plus what we know about the file."""

    path: str
    format: str
    blocks: list[Block]
    title: str | None = None
    pages: int | None = None
    kind: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding is: block index always, page for PDF, offsets in the block."""

    block: int | None
    start: int | None = None
    end: int | None = None
    page: int | None = None
    paragraph: int | None = None
    kind: str | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    line: int | None = None

    @classmethod
    def of(cls, block: Block, start: int | None = None, end: int | None = None) -> "Location":
        return cls(
            block=block.index,
            start=start,
            end=end,
            page=block.page,
            paragraph=block.paragraph,
            kind=str(block.kind),
            table=block.table,
            row=block.row,
            column=block.column,
            line=block.line,
        )

    def to_json(self) -> dict[str, Any]:
        data = {"page": self.page, "block": self.block, "start": self.start, "end": self.end}
        for key in ("kind", "paragraph", "table", "row", "column", "line"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data

    def describe(self) -> str:
        """Short Swedish location label for humans: 's. 3, tabell 2 rad 4'."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"s. {self.page}")
        if self.line is not None:
            parts.append(f"rad {self.line}")
        if self.kind == "table-cell" and self.row is not None:
            parts.append(f"tabell {(self.table or 0) + 1} rad {self.row + 1} kol {(self.column or 0) + 1}")
        elif self.kind in ("header", "footer"):
            parts.append({"header": "sidhuvud", "footer": "sidfot"}[self.kind])
        elif self.kind in ("form-field",):
            parts.append("formulärfält")
        elif self.kind in ("text-box",):
            parts.append("textruta")
        elif self.kind in ("footnote",):
            parts.append("fotnot")
        if self.block is not None:
            parts.append(f"block {self.block}")
        return ", ".join(parts) if parts else "hela dokumentet"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    category: str
    severity: Severity
    message: str
    location: Location
    excerpt: str = ""
    suggestions: tuple[str, ...] = ()
    source: str = ""
    matched: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "suggestions": list(self.suggestions),
            "location": self.location.to_json(),
            "excerpt": self.excerpt,
            "matched": self.matched,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class DocumentError:
    """A problem with one document that stops (part of) its analysis.

    ``code`` is stable (see :mod:`dokumentanalys.errors`), ``message`` is one
    Swedish sentence for the reader of the report.
    """

    code: str
    message: str
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True, slots=True)
class Assessment:
    """The document-level verdict: OECD DAC gender marker and why."""

    gender_marker: int | None
    signals: tuple[str, ...] = ()
    explanation: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "gender_marker": self.gender_marker,
            "signals": list(self.signals),
            "explanation": self.explanation,
        }


@dataclass(slots=True)
class DocumentResult:
    """Everything the reporters need about one input."""

    path: str
    format: str | None = None
    kind: str | None = None
    title: str | None = None
    pages: int | None = None
    blocks: int = 0
    findings: list[Finding] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)
    assessment: Assessment = field(default_factory=lambda: Assessment(None))
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def gender_marker(self) -> int | None:
        return self.assessment.gender_marker

    @property
    def readable(self) -> bool:
        return not any(e.code.startswith("read/") for e in self.errors)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "kind": self.kind,
            "title": self.title,
            "pages": self.pages,
            "gender_marker": self.gender_marker,
            "assessment": self.assessment.to_json(),
            "findings": [f.to_json() for f in self.findings],
            "errors": [e.to_json() for e in self.errors],
            "metadata": _jsonable(self.metadata),
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if hasattr(value, "__dataclass_fields__"):
        return _jsonable(asdict(value))
    return str(value)
