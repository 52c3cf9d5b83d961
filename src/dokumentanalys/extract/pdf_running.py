"""Running headers, footers and page numbers of a PDF.

A line is a running header (footer) when, modulo digits, the same text sits
among the topmost (bottommost) lines of several pages. Such lines are taken
out of the body; each distinct one is kept once, as a HEADER or FOOTER block
on the first page where it appears, so that its words are still checked but
not once per page. Lines that are nothing but a page number ("7", "Sida 7 av
12", "- 7 -", "7 (12)") in the top or bottom band are dropped everywhere.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .pdf_lines import PdfLine, PdfPage

__all__ = ["Running", "find_running", "is_page_number"]

#: Share of the page height, at the top and at the bottom, where running lines live.
BAND = 0.12
#: How many of the outermost lines of a page are candidates.
OUTERMOST = 3

_PAGE_NUMBER = re.compile(
    r"^[-–—(\[]?\s*(?:(?:sida|sid\.?|s\.|page|p\.)\s*)?\d{1,4}\s*"
    r"(?:(?:av|of|/|\()\s*\d{1,4}\s*\)?)?[-–—)\]]?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_BLANKS = re.compile(r"\s+")


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def _key(text: str) -> str:
    return _BLANKS.sub(" ", _DIGITS.sub("#", text.lower())).strip()


@dataclass
class Running:
    """What to take out of the body, and what to keep once."""

    #: (page number, item index) of every line that leaves the body
    drop: set[tuple[int, int]] = field(default_factory=set)
    #: (page number, item index) -> "header" | "footer" for the one occurrence kept
    keep: dict[tuple[int, int], str] = field(default_factory=dict)


def _candidates(page: PdfPage) -> list[tuple[int, str]]:
    """(item index, "header"|"footer") for the outermost lines in the bands."""
    lines = [(i, item) for i, item in enumerate(page.items) if isinstance(item, PdfLine)]
    if not lines or page.height <= 0:
        return []
    ordered = sorted(lines, key=lambda pair: pair[1].baseline)
    out: list[tuple[int, str]] = []
    for i, line in ordered[:OUTERMOST]:
        if line.top < BAND * page.height:
            out.append((i, "header"))
    for i, line in ordered[-OUTERMOST:]:
        if line.bottom > (1 - BAND) * page.height and (i, "header") not in out:
            out.append((i, "footer"))
    return out


def find_running(pages: list[PdfPage]) -> Running:
    result = Running()
    seen: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for page in pages:
        for i, band in _candidates(page):
            line = page.items[i]
            assert isinstance(line, PdfLine)
            if is_page_number(line.text):
                result.drop.add((page.number, i))
                continue
            where = seen[(band, _key(line.text))]
            if not where or where[-1][0] != page.number:
                where.append((page.number, i))
    needed = 2 if len(pages) <= 4 else 3
    for (band, _), where in seen.items():
        if len(where) < needed:
            continue
        result.drop.update(where)
        result.keep[where[0]] = band
    return result
