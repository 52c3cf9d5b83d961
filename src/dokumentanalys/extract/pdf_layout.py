"""The layout PDF reader: pdfplumber -> :class:`PdfPage` with tables.

pdfplumber (pdfminer) is slow but gives every character with its position
and finds ruled tables. It is used on pages where :func:`.pdf_fast.has_rulings`
saw a possible table grid, and on every page in ``pdf_mode="layout"``.

Lines are rebuilt from characters in content-stream order with the same
measures as the fast reader (see :mod:`.pdf_lines`), so a page without
tables gives the same lines on both paths. Characters inside a table are
taken out of the running text and come back as table cells.

pdfplumber is imported inside :class:`LayoutReader`: ``dokumentanalys
--help`` must not load it.
"""

from __future__ import annotations

import logging
import math
from bisect import bisect_left
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Sequence

from .pdf_lines import NEW_LINE_DY, SPACE_GAP, UNKNOWN_GLYPH, PdfCell, PdfLine, PdfPage, PdfTable, clean_text, is_bold_font, join_lines

__all__ = ["LayoutReader", "lines_from_chars", "inside", "read_table", "place"]


def _char_text(ch: dict[str, Any]) -> str:
    text = ch.get("text") or ""
    if text.startswith("(cid:"):
        return UNKNOWN_GLYPH
    return text


def _size(ch: dict[str, Any]) -> float:
    m = ch.get("matrix")
    size = float(ch.get("size") or 0.0)
    if m and size <= 0:
        size = math.hypot(m[2], m[3])
    return size


def lines_from_chars(chars: Iterable[dict[str, Any]], page_top: float) -> list[PdfLine]:
    """Group pdfplumber characters (in stream order) into :class:`PdfLine` objects.

    ``page_top`` is the y coordinate of the top of the page in the
    characters' frame, so that ``baseline = page_top - y``.
    """
    lines: list[PdfLine] = []
    current: list[tuple[str, dict[str, Any] | None]] = []
    prev: dict[str, Any] | None = None
    for ch in chars:
        text = _char_text(ch)
        if not text:
            continue
        if prev is not None:
            size = max(_size(prev), _size(ch), 1.0)
            dy = abs(ch["matrix"][5] - prev["matrix"][5])
            if dy > NEW_LINE_DY * size or ch["x0"] + size < prev["x0"]:
                _flush(current, page_top, lines)
                current = []
            elif not text.isspace():
                if prev["text"].isspace():
                    # PDFium drops a space that the next glyph mostly overlaps (tab leaders)
                    if ch["x0"] < prev["x1"] - 0.3 * (prev["x1"] - prev["x0"]) and current and current[-1][1] is prev:
                        current.pop()
                elif ch["x0"] - prev["x1"] > SPACE_GAP * size:
                    current.append((" ", None))
        current.append((text, ch))
        prev = ch
    _flush(current, page_top, lines)
    return lines


def _flush(current: list[tuple[str, dict[str, Any] | None]], page_top: float, lines: list[PdfLine]) -> None:
    if not current:
        return
    blank = [text.isspace() or ch is None for text, ch in current]
    if all(blank):
        return
    first = blank.index(False)
    last = len(current) - 1 - blank[::-1].index(False)
    mid = (first + last) // 2
    while blank[mid]:
        mid += 1
    text = clean_text("".join(t for t, _ in current[first : last + 1]))
    if not text:
        return
    f, l, m = current[first][1], current[last][1], current[mid][1]
    assert f is not None and l is not None and m is not None
    lines.append(
        PdfLine(
            text=text,
            x0=float(f["x0"]),
            x1=float(l["x1"]),
            baseline=round(page_top - float(m["matrix"][5]), 2),
            size=round(_size(m), 2),
            bold=is_bold_font(f.get("fontname", "")) and is_bold_font(l.get("fontname", "")),
        )
    )


def inside(ch: dict[str, Any], bbox: Sequence[float]) -> bool:
    """Is the centre of the character ``ch`` in ``bbox`` (x0, top, x1, bottom; right and bottom open)?"""
    x = (ch["x0"] + ch["x1"]) / 2
    y = (ch["top"] + ch["bottom"]) / 2
    return bbox[0] <= x < bbox[2] and bbox[1] <= y < bbox[3]


class LayoutReader:
    """One pdfplumber document, opened on first use and read page by page."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pdf: Any = None
        self._stream: BinaryIO | None = None
        #: pdfplumber could not open the file or read a page
        self.failed = False
        self._unusable = False

    def _open(self) -> Any:
        if self._pdf is None:
            import pdfplumber

            # pdfminer logs every repair it makes as a warning; the report says what matters
            miner = logging.getLogger("pdfminer")
            if miner.level == logging.NOTSET:
                miner.setLevel(logging.ERROR)
            self._stream = open(self.path, "rb")  # noqa: SIM115 - closed in close()
            try:
                self._pdf = pdfplumber.open(self._stream)
            except BaseException:
                self._stream.close()
                self._stream = None
                raise
        return self._pdf

    def close(self) -> None:
        # Pages are closed one by one as they are read; pdfplumber's own close()
        # walks the page tree again, which fails on some damaged files.
        self._pdf = None
        if self._stream is not None:
            self._stream.close()
            self._stream = None

    def try_read_page(self, index: int) -> PdfPage | None:
        """:meth:`read_page`, or ``None`` when pdfminer cannot read the page.

        Also ``None`` for a page with ``/Rotate``: pdfminer turns such a page
        into display space while PDFium keeps user space, so the two readers
        would not measure lines alike; the fast reader reads it.
        """
        if self._unusable:
            return None
        try:
            if self._open().pages[index].rotation:
                return None
            return self.read_page(index)
        except Exception:  # noqa: BLE001 - pdfminer gives up on some files PDFium reads
            self.failed = True
            if self._pdf is None:
                self._unusable = True
            return None

    def read_page(self, index: int, *, tables: bool = True) -> PdfPage:
        """Read page ``index`` (0-based); the pdfplumber page is closed afterwards."""
        pdf = self._open()
        page = pdf.pages[index]
        try:
            height = float(page.height)
            result = PdfPage(number=index + 1, width=float(page.width), height=height, layout=True)
            found = _tables(page) if tables else []
            boxes = [t.bbox for t in found]
            chars = page.chars
            body = [ch for ch in chars if not any(inside(ch, b) for b in boxes)] if boxes else chars
            page_top = height  # pdfminer puts the MediaBox origin at (0, 0)
            items: list[PdfLine | PdfTable] = list(lines_from_chars(body, page_top))
            for table in found:
                place(items, read_table(table.bbox, [row.cells for row in table.rows], chars, page_top), height)
            result.items = items
            result.chars = sum(1 for ch in chars if not _char_text(ch).isspace())
            if not result.chars:
                result.graphics = sum(len(page.objects.get(kind, ())) for kind in ("image", "rect", "line", "curve"))
            return result
        finally:
            page.close()


def _tables(page: Any) -> list[Any]:
    """Ruled tables with at least two cells (a lone frame is not a table)."""
    return [t for t in page.find_tables() if len(t.cells) >= 2]


def read_table(
    bbox: Sequence[float], rows: Sequence[Sequence[Sequence[float] | None]], chars: list[dict[str, Any]], page_top: float
) -> PdfTable:
    """A table from its box, its rows of cell boxes (``None``: merged away) and the page's characters.

    A character belongs to the cell its centre is in; a cell's lines are
    built as running text is and joined with :func:`.pdf_lines.join_lines`.
    Shared by both readers.
    """
    box = tuple(float(v) for v in bbox)
    result = PdfTable(top=box[1], bbox=[round(v, 1) for v in box])
    # centres of the characters in the table, by height, to find each cell's characters quickly
    centres = sorted(
        ((ch["top"] + ch["bottom"]) / 2, (ch["x0"] + ch["x1"]) / 2, n, ch) for n, ch in enumerate(chars) if inside(ch, box)
    )
    heights = [c[0] for c in centres]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            x0, top, x1, bottom = cell
            found = [
                (n, ch)
                for _, x, n, ch in centres[bisect_left(heights, top) : bisect_left(heights, bottom)]
                if x0 <= x < x1
            ]
            found.sort(key=lambda item: item[0])  # back to stream order
            text = ""
            for line in lines_from_chars((ch for _, ch in found), page_top):
                text = join_lines(text, line.text)
            text = text.replace("\xad", "")
            if text:
                result.cells.append(PdfCell(r, c, text, [round(float(v), 1) for v in cell]))
    return result


def place(items: list[PdfLine | PdfTable], table: PdfTable, page_height: float) -> None:
    """Put ``table`` after the last line above it (in stream order).

    Lines in the top band (running headers, often drawn last) only count when
    nothing else is above the table.
    """
    band = 0.1 * page_height
    above = [i for i, item in enumerate(items) if isinstance(item, PdfLine) and item.baseline <= table.top]
    body_above = [i for i in above if items[i].top > band]  # type: ignore[union-attr]
    chosen = body_above or above
    items.insert(chosen[-1] + 1 if chosen else 0, table)
