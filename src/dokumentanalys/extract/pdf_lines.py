"""The page model both PDF readers produce: lines of text and tables.

The fast reader (pypdfium2, :mod:`.pdf_fast`) and the layout reader
(pdfplumber, :mod:`.pdf_layout`) each turn a page into a :class:`PdfPage`;
everything after that (header/footer removal, paragraphs, headings, lists,
de-hyphenation, in :mod:`.pdf_blocks`) is shared. Both readers measure a line
the same way, so the same page gives the same blocks whichever reader read it:

- ``baseline``: the baseline of the middle non-blank character, measured
  from the top of the page (points);
- ``x0``: the origin of the first character, ``x1``: the advance edge of the
  last one;
- ``size``: the effective font size of the middle character (font size times
  the vertical scale of its text matrix);
- ``bold``: the first and the last character are both in a bold font.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "PdfLine",
    "PdfCell",
    "PdfTable",
    "PdfPage",
    "clean_text",
    "join_lines",
    "is_bold_font",
    "UNKNOWN_GLYPH",
    "NEW_LINE_DY",
    "SPACE_GAP",
]

#: A character this far (in font sizes) off the previous baseline starts a new line.
NEW_LINE_DY = 0.5
#: A horizontal gap wider than this (in font sizes) between two glyphs is a word space.
SPACE_GAP = 0.15

#: What an unmapped glyph becomes (pdfminer's "(cid:N)", pdfium's U+FFFD).
UNKNOWN_GLYPH = "\ufffd"

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)

# Ligatures and look-alikes that PDF fonts use, mapped to what a reader types.
_TRANSLATE = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\ufffe": "-",  # pdfium: hyphen at the end of a line
        "\x02": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\xa0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\t": " ",
        "\r": " ",
        "\n": " ",
        "\x00": "",
        "\u200b": "",
        "\ufeff": "",
        # Symbol/Wingdings bullets in the private use area (Word exports).
        "\uf0b7": "•",
        "\uf0a7": "▪",
        "\uf0d8": "•",
        "\uf076": "•",
        "\uf0fc": "•",
        "\uf0a8": "•",
        "\uf06e": "▪",
        "\uf0e8": "•",
    }
)

_SPACES = re.compile(r"\s+")
#: Any character :data:`_TRANSLATE` changes (most lines have none: skip the slow translate).
_SPECIAL = re.compile("[" + re.escape("".join(chr(k) for k in _TRANSLATE)) + "]")


def clean_text(text: str) -> str:
    """Normalise one line: ligatures, odd spaces and hyphens, collapsed blanks."""
    if _SPECIAL.search(text) is not None:
        text = text.translate(_TRANSLATE)
    if "\xad" in text:  # soft hyphens: invisible inside a line, a break point at its end
        text = text.rstrip()
        text = text[:-1].replace("\xad", "") + text[-1:]
    if "  " in text or "\u3000" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


#: Words after a line-end hyphen that mean the hyphen is a suspended compound ("för- och nackdelar").
_SUSPENDED = frozenset({"och", "eller", "samt", "respektive", "resp.", "till", "som", "and", "or"})


def join_lines(first: str, second: str) -> str:
    """Join two lines of one paragraph, undoing hyphenation at the line break.

    ``jämställdhets-`` + ``integrering`` gives ``jämställdhetsintegrering``:
    the hyphen goes when there is a lower-case letter on both sides. Otherwise
    a hyphen that ends a word stays and no space is added (``HR-`` +
    ``frågor`` gives ``HR-frågor``, ``2023-`` + ``2024`` gives ``2023-2024``),
    and a suspended compound keeps its space (``för-`` + ``och nackdelar``).
    A soft hyphen (U+00AD) is always dropped.
    """
    if not first:
        return second
    if not second:
        return first
    if first.endswith("\xad"):
        return first[:-1] + second
    if first.endswith("-") and len(first) >= 2 and not first[-2].isspace() and first[-2] != "-":
        next_word = second.split(" ", 1)[0].lower()
        if next_word in _SUSPENDED:
            return f"{first} {second}"
        if first[-2].isalpha() and first[-2].islower() and second[0].isalpha() and second[0].islower():
            return first[:-1] + second
        if first[-2].isalnum() and second[0].isalnum():
            return first + second
    return f"{first} {second}"


def is_bold_font(name: str) -> bool:
    return bool(name) and _BOLD.search(name) is not None


@dataclass(slots=True)
class PdfLine:
    """One line of running text on a page (see the module docstring for the measures)."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    bold: bool = False

    @property
    def top(self) -> float:
        return self.baseline - 0.8 * self.size

    @property
    def bottom(self) -> float:
        return self.baseline + 0.25 * self.size

    def bbox(self) -> list[float]:
        return [round(self.x0, 1), round(self.top, 1), round(self.x1, 1), round(self.bottom, 1)]


@dataclass(slots=True)
class PdfCell:
    row: int
    column: int
    text: str
    bbox: list[float]


@dataclass(slots=True)
class PdfTable:
    """A ruled table found by pdfplumber; ``top`` places it among the lines."""

    top: float
    bbox: list[float]
    cells: list[PdfCell] = field(default_factory=list)


@dataclass(slots=True)
class PdfPage:
    """What a reader found on one page, in reading (content stream) order."""

    number: int
    width: float
    height: float
    items: list[PdfLine | PdfTable] = field(default_factory=list)
    #: read with pdfplumber (tables or forced layout mode)
    layout: bool = False
    #: characters that are not blank (0 on a scanned page)
    chars: int = 0
    #: pictures and drawings, counted only on pages without text (a scan, or a blank page?)
    graphics: int = 0

    @property
    def lines(self) -> list[PdfLine]:
        return [item for item in self.items if isinstance(item, PdfLine)]

    @property
    def has_tables(self) -> bool:
        return any(isinstance(item, PdfTable) for item in self.items)
