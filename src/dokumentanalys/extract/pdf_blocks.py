"""Lines and tables of all pages -> the blocks of a PDF document.

Shared by both readers, so the same page gives the same blocks whichever
reader read it. Steps:

1. running headers/footers and page numbers out (:mod:`.pdf_running`);
2. the body font size (most text) and the usual line pitch per font size;
3. lines -> paragraphs: a new paragraph starts at a wider vertical gap than
   the usual pitch, a change of font size or weight, an indented first line,
   a list marker, or after a short line that ends a sentence; a paragraph
   that runs over a page break is continued when the next page starts in
   lower case;
4. paragraphs in a larger font than the body (at most three lines) are
   headings, level by size; short bold paragraphs in body size are headings
   one level below the smallest size heading; paragraphs that start with a
   bullet or an enumerator are list items (a bullet glyph is dropped from
   the text, an enumerator such as "1." is kept);
5. table cells become TABLE_CELL blocks with a document-wide table number.

Every block carries ``source = {"page", "bbox", "lines"}`` where ``lines``
lists ``[offset, page, x0, top, x1, bottom]`` for each line: the character
offset in the block text where that line starts, and where it is on the page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import Block, BlockKind
from .pdf_lines import UNKNOWN_GLYPH, PdfLine, PdfPage, PdfTable, join_lines
from .pdf_running import Running, find_running

__all__ = ["build_blocks", "Layout"]

_BULLETS = "•◦▪▫■□●○‣⁃∙➢➤►▶✓✔❖◆◇"
_BULLET = re.compile(rf"^[{_BULLETS}]\s*(?=\S)|^[{UNKNOWN_GLYPH}*·]\s+(?=\S)")
_BULLET_ONLY = re.compile(rf"^[{_BULLETS}{UNKNOWN_GLYPH}*·]$")
_DASH = re.compile(r"^[-–—]\s+(?=\S)")
_ENUM = re.compile(r"^(?:\d{1,2}[.)]|[a-zåäö][.)]|\(\d{1,2}\)|\([a-zåäö]\)|[ivx]{1,4}[.)])\s+(?=\S)")
_FOOTNOTE = re.compile(r"^(?:\d{1,3}|\*{1,3}|[a-z])\s+\S")
_SENTENCE_END = (".", "!", "?", ":")
_NO_HEADING_END = (".", ",", ";", ":")

#: A line this much larger than the body text (and at least 1 pt) is a heading.
HEADING_RATIO = 1.12
#: A heading has at most this many lines and characters; longer is an ingress paragraph.
HEADING_MAX_LINES = 3
HEADING_MAX_CHARS = 200


@dataclass(frozen=True)
class Layout:
    """Document-wide measures the paragraph rules compare against."""

    body_size: float
    heading_levels: dict[float, int]
    bold_level: int
    pitch: dict[float, float]

    def line_pitch(self, size: float) -> float:
        return self.pitch.get(_bucket(size), 1.2 * size)

    def heading_level(self, size: float) -> int | None:
        return self.heading_levels.get(_bucket(size))


_BUCKETS: dict[float, float] = {}


def _bucket(size: float) -> float:
    bucket = _BUCKETS.get(size)
    if bucket is None:
        bucket = round(size * 2) / 2
        if len(_BUCKETS) < 10_000:
            _BUCKETS[size] = bucket
    return bucket


def _same_size(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= 0.1 * max(a, b, 1.0)


def _by_bucket(raw: dict[float, int]) -> Counter[float]:
    """Counts per exact size -> counts per size bucket (buckets in order of first appearance)."""
    sizes: Counter[float] = Counter()
    for size, count in raw.items():
        sizes[_bucket(size)] += count
    return sizes


def body_size(pages: list[PdfPage]) -> float:
    """The font size of most of the text (by characters), 0 without text."""
    raw: dict[float, int] = {}
    for page in pages:
        for item in page.items:
            if isinstance(item, PdfLine):
                raw[item.size] = raw.get(item.size, 0) + len(item.text)
    sizes = _by_bucket(raw)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def measure(pages: list[PdfPage], drop: set[tuple[int, int]]) -> Layout:
    raw: dict[float, int] = {}
    pitches: dict[float, Counter[float]] = {}
    for page in pages:
        prev: PdfLine | None = None
        for i, item in enumerate(page.items):
            if not isinstance(item, PdfLine) or (page.number, i) in drop:
                prev = None
                continue
            raw[item.size] = raw.get(item.size, 0) + len(item.text)
            if prev is not None and _same_size(prev.size, item.size):
                dy = item.baseline - prev.baseline
                if 0.8 * item.size < dy <= 3 * item.size:
                    pitches.setdefault(_bucket(item.size), Counter())[_bucket(dy)] += 1
            prev = item
    sizes = _by_bucket(raw)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    large = sorted((s for s in sizes if s >= body * HEADING_RATIO and s >= body + 1), reverse=True)
    levels = {s: min(n + 1, 6) for n, s in enumerate(large)}
    pitch: dict[float, float] = {}
    for size, counts in pitches.items():
        total = sum(counts.values())
        # the smallest pitch that is common: line spacing inside paragraphs
        for value in sorted(counts):
            if counts[value] >= 0.2 * total:
                pitch[size] = value
                break
    return Layout(body, levels, min(len(large) + 1, 6), pitch)


@dataclass
class _Para:
    page: int
    lines: list[tuple[int, PdfLine]] = field(default_factory=list)  # (page, line)
    text: str = ""
    offsets: list[int] = field(default_factory=list)
    list_item: bool = False
    marker: str = ""
    marker_x: float = 0.0
    min_x: float = 0.0
    page_height: float = 0.0

    @property
    def last(self) -> PdfLine:
        return self.lines[-1][1]

    def add(self, page: int, line: PdfLine, text: str) -> None:
        if not self.lines:
            self.min_x = line.x0
        joined = join_lines(self.text, text)
        if self.text:
            # join_lines keeps the first part intact except a dropped hyphen
            start = len(joined) - len(text)
        else:
            start = 0
        self.offsets.append(start)
        self.text = joined
        self.lines.append((page, line))
        self.min_x = min(self.min_x, line.x0)


def _marker(text: str) -> tuple[str, str, bool] | None:
    """``(marker, rest, is_enumerator_or_dash)`` when ``text`` starts a list item."""
    m = _BULLET.match(text)
    if m:
        return m.group(0).strip(), text[m.end():], False
    for pattern in (_ENUM, _DASH):
        m = pattern.match(text)
        if m:
            return m.group(0).strip(), text[m.end():], True
    return None


class _Builder:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.blocks: list[Block] = []
        self.current: _Para | None = None
        self.pending_marker: str | None = None
        self.tables = 0
        # running header/footer blocks wait until the open paragraph is closed
        self.pending_running: list[Block] = []

    # -- decisions --

    def _continues(self, para: _Para, line: PdfLine, page: int, right: float, marker: bool) -> bool:
        prev = para.last
        if marker or not _same_size(prev.size, line.size) or prev.bold != line.bold:
            return False
        size = line.size
        if para.lines[-1][0] != page:  # page break: continue a sentence cut by it
            if prev.text.endswith(_SENTENCE_END) or not line.text[:1].islower():
                return False
            if para.list_item:
                return line.x0 > para.marker_x + 1.0
            return abs(line.x0 - para.min_x) <= 0.8 * size
        dy = line.baseline - prev.baseline
        if dy <= 0.3 * size:  # same line or going up: another column or a text box
            return False
        if dy > self.layout.line_pitch(size) * 1.3 + 0.5:
            return False
        if para.list_item:
            return line.x0 > para.marker_x + 1.0
        if line.x0 > prev.x0 + 0.8 * size:  # indented first line of a new paragraph
            return False
        if len(para.lines) >= 2 and line.x0 < prev.x0 - 0.8 * size:
            return False
        if prev.text.endswith(_SENTENCE_END) and prev.x1 < right - max(0.15 * (right - para.min_x), 4 * size):
            return False
        return True

    def _looks_continued(self, para: _Para | None, line: PdfLine, page: int) -> bool:
        """A line starting "2." or "–" right under an unfinished sentence is not a list item."""
        if para is None or para.list_item or para.lines[-1][0] != page:
            return False
        prev = para.last
        dy = line.baseline - prev.baseline
        return (
            not prev.text.endswith(_SENTENCE_END + (";",))
            and 0.3 * line.size < dy <= self.layout.line_pitch(line.size) * 1.3 + 0.5
            and abs(line.x0 - prev.x0) <= 2.0
        )

    # -- output --

    def flush(self) -> None:
        self._flush_paragraph()
        self.blocks.extend(self.pending_running)
        self.pending_running.clear()

    def _flush_paragraph(self) -> None:
        para = self.current
        self.current = None
        if para is None:
            return
        text = para.text.replace("\xad", "").strip()
        if not text:
            return
        first_page = para.lines[0][0]
        kind = BlockKind.LIST_ITEM if para.list_item else BlockKind.PARAGRAPH
        level: int | None = None
        if not para.list_item or _ENUM.match(para.marker + " x"):
            # a numbered heading ("1. Syfte") is a heading, not a list item
            level = self._heading(para, text, bold=not para.list_item)
            if level is not None:
                kind = BlockKind.HEADING
        if kind == BlockKind.PARAGRAPH and self._footnote(para, text):
            kind = BlockKind.FOOTNOTE
        on_first = [line for page, line in para.lines if page == first_page]
        bbox = [
            round(min(line.x0 for line in on_first), 1),
            round(min(line.top for line in on_first), 1),
            round(max(line.x1 for line in on_first), 1),
            round(max(line.bottom for line in on_first), 1),
        ]
        source: dict[str, Any] = {
            "page": first_page,
            "bbox": bbox,
            "lines": [[off, page, *line.bbox()] for off, (page, line) in zip(para.offsets, para.lines)],
        }
        pages = sorted({page for page, _ in para.lines})
        if len(pages) > 1:
            source["pages"] = pages
        if para.marker:
            source["marker"] = para.marker
        self.blocks.append(Block(len(self.blocks), kind, text, page=first_page, level=level, source=source))

    def _footnote(self, para: _Para, text: str) -> bool:
        """Small print at the foot of a page that starts with a note number."""
        first = para.lines[0][1]
        return (
            first.size < 0.92 * self.layout.body_size
            and first.baseline > 0.6 * para.page_height
            and _FOOTNOTE.match(text) is not None
        )

    def _heading(self, para: _Para, text: str, bold: bool = True) -> int | None:
        lines = [line for _, line in para.lines]
        if len(lines) > HEADING_MAX_LINES or len(text) > HEADING_MAX_CHARS:
            return None
        level = self.layout.heading_level(lines[0].size)
        if level is not None:
            return level
        if (
            bold
            and all(line.bold for line in lines)
            and _same_size(lines[0].size, self.layout.body_size)
            and len(lines) <= 2
            and not text.endswith(_NO_HEADING_END)
            and any(ch.isalpha() for ch in text)
        ):
            return self.layout.bold_level
        return None

    def table(self, page: int, table: PdfTable) -> None:
        self.flush()
        for cell in table.cells:
            self.blocks.append(
                Block(
                    len(self.blocks),
                    BlockKind.TABLE_CELL,
                    cell.text,
                    page=page,
                    table=self.tables,
                    row=cell.row,
                    column=cell.column,
                    source={"page": page, "bbox": cell.bbox, "table_bbox": table.bbox},
                )
            )
        self.tables += 1

    def running(self, page: int, line: PdfLine, band: str) -> None:
        kind = BlockKind.HEADER if band == "header" else BlockKind.FOOTER
        block = Block(0, kind, line.text, page=page, source={"page": page, "bbox": line.bbox(), "repeated": True})
        if self.current is None:
            self.blocks.append(block)
        else:
            self.pending_running.append(block)

    def line(self, page: int, line: PdfLine, right: float, page_height: float) -> None:
        text = line.text
        if _BULLET_ONLY.match(text):  # a marker drawn apart from its text
            self.flush()
            self.pending_marker = text
            return
        found = _marker(text)
        if found is not None and found[2] and self._looks_continued(self.current, line, page):
            found = None
        para = self.current
        if para is not None and self.pending_marker is None and self._continues(para, line, page, right, found is not None):
            para.add(page, line, text)
            return
        self.flush()
        para = _Para(page=page, page_height=page_height)
        if self.pending_marker is not None:
            para.list_item, para.marker, para.marker_x = True, self.pending_marker, line.x0 - 1.5
            self.pending_marker = None
        elif found is not None:
            marker, rest, enumerator = found
            para.list_item, para.marker, para.marker_x = True, marker, line.x0
            if not enumerator:
                text = rest
        para.add(page, line, text)
        self.current = para


def build_blocks(pages: list[PdfPage]) -> tuple[list[Block], Running]:
    """All blocks of a document, in reading order, and what was taken out as running text."""
    running = find_running(pages, body_size(pages))
    layout = measure(pages, running.drop)
    builder = _Builder(layout)
    for page in pages:
        body_lines = [
            item for i, item in enumerate(page.items) if isinstance(item, PdfLine) and (page.number, i) not in running.drop
        ]
        right = max((line.x1 for line in body_lines if _same_size(line.size, layout.body_size)), default=page.width)
        footers: list[PdfLine] = []
        for i, item in enumerate(page.items):
            where = (page.number, i)
            if where in running.keep:
                assert isinstance(item, PdfLine)
                if running.keep[where] == "header":
                    builder.running(page.number, item, "header")
                else:
                    footers.append(item)
                continue
            if where in running.drop:
                continue
            if isinstance(item, PdfTable):
                builder.table(page.number, item)
            else:
                builder.line(page.number, item, right, page.height)
        for line in footers:
            builder.running(page.number, line, "footer")
    builder.flush()
    blocks = [
        Block(n, b.kind, b.text, page=b.page, level=b.level, table=b.table, row=b.row, column=b.column, source=b.source)
        for n, b in enumerate(builder.blocks)
    ]
    return blocks, running
