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


def _candidates(page: PdfPage, max_size: float) -> list[tuple[int, str]]:
    """(item index, "header"|"footer") for the outermost lines in the bands.

    Lines in a larger font than ``max_size`` are headings ("Kapitel 3" at the
    top of every new chapter page), not running text.
    """
    lines = [(i, item) for i, item in enumerate(page.items) if isinstance(item, PdfLine) and item.size <= max_size]
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


#: Running lines sit at the same height on every page, within this many points.
POSITION_TOLERANCE = 2.5


def find_running(pages: list[PdfPage], body_size: float) -> Running:
    """Running lines of ``pages``; ``body_size`` is the font size of most of the text.

    A candidate must recur, with the same text modulo digits, at the same
    distance from the top (header) or bottom (footer) edge of the page.
    """
    result = Running()
    seen: dict[tuple[str, str], list[tuple[float, int, int]]] = defaultdict(list)
    max_size = body_size * 1.12 if body_size > 0 else float("inf")
    for page in pages:
        for i, band in _candidates(page, max_size):
            line = page.items[i]
            assert isinstance(line, PdfLine)
            if is_page_number(line.text):
                result.drop.add((page.number, i))
                continue
            position = line.baseline if band == "header" else page.height - line.baseline
            seen[(band, _key(line.text))].append((position, page.number, i))
    needed = 2 if len(pages) <= 4 else 3
    for (band, _), found in seen.items():
        for group in _same_position(found):
            where = []
            for _, number, i in sorted(group, key=lambda item: item[1]):
                if not where or where[-1][0] != number:
                    where.append((number, i))
            if len(where) < needed or not _digits_follow_pages(pages, where):
                continue
            result.drop.update(where)
            result.keep[where[0]] = band
    return result


def _digits_follow_pages(pages: list[PdfPage], where: list[tuple[int, int]]) -> bool:
    """Texts that differ in their digits must differ by the page number ("Plan 2024 | 7").

    Lines that are the same modulo unrelated numbers ("rad 2" on one page,
    "rad 51" on the next) are body text that happens to repeat.
    """
    by_number = {page.number: page for page in pages}
    texts = [by_number[number].items[i].text for number, i in where]  # type: ignore[union-attr]
    if len(set(texts)) == 1:
        return True
    groups = [[int(d) for d in _DIGITS.findall(t)] for t in texts]
    if len({len(g) for g in groups}) != 1:
        return False
    for j in range(len(groups[0])):
        offsets = {g[j] - number for g, (number, _) in zip(groups, where)}
        others = {tuple(v for k, v in enumerate(g) if k != j) for g in groups}
        if len(offsets) == 1 and len(others) == 1:
            return True
    return False


def _same_position(found: list[tuple[float, int, int]]) -> list[list[tuple[float, int, int]]]:
    groups: list[list[tuple[float, int, int]]] = []
    for item in sorted(found):
        if groups and item[0] - groups[-1][-1][0] <= POSITION_TOLERANCE:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups
