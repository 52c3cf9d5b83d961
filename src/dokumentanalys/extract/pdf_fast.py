"""The fast PDF reader: pypdfium2 (PDFium) text pages -> :class:`PdfPage`.

PDFium already orders characters in content-stream order and marks line
ends (CR LF) and line-end hyphens (U+FFFE), so one call fetches the whole
page text; a handful of per-character calls per line then give position,
size and weight. That keeps a plain text page at well under a millisecond
of Python work.

Ruled tables are found here too, without pdfplumber: the page's vector paths
(lines, rectangles, the straight sides of other shapes, also inside form
XObjects) give straight edges, :func:`.pdf_grid.find_grids` turns them into
cells exactly as pdfplumber's table finder does, and only the text lines that
touch a table are read character by character, to split the characters
inside the table (cell text, built as the layout reader builds it) from the
ones outside (running text).

pypdfium2 is imported inside functions: ``dokumentanalys --help`` must not
load it.
"""

from __future__ import annotations

import ctypes
import math
import re
from typing import TYPE_CHECKING, Any

from .pdf_grid import Edge, Grid, find_grids
from .pdf_lines import NEW_LINE_DY, SPACE_GAP, PdfLine, PdfPage, clean_text, is_bold_font

if TYPE_CHECKING:  # pragma: no cover
    import pypdfium2

__all__ = ["read_page", "page_edges"]

_LINE_END = "\r\n"
_HYPHEN_END = "\ufffe\x02"
_PATH = 2  # FPDF_PAGEOBJ_PATH
_FORM = 5  # FPDF_PAGEOBJ_FORM
#: Stop looking at a page's drawing after this many objects (maps, charts).
_MAX_OBJECTS = 5000
#: ... and after this many path segments in all.
_MAX_SEGMENTS = 20000
_BEZIER = 1  # FPDF_SEGMENT_BEZIERTO
_MOVETO = 2  # FPDF_SEGMENT_MOVETO


def _page_text(raw: Any, textpage: Any, count: int) -> str:
    """All characters of a text page, one string character per PDFium char index."""
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(memoryview(buffer).cast("B")[: max(0, written - 1) * 2]).decode("utf-16-le", errors="replace")
    if len(text) == count:
        return text
    # Rare: PDFium left out or added characters (or a surrogate pair); go char by char.
    return "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 0xFFFD) for i in range(count))


_SEGMENT = re.compile("[^\r\n\ufffe\x02]*[\ufffe\x02]?")


def _segments(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` char ranges of the lines PDFium marked (CR LF, or a line-end hyphen)."""
    return [m.span() for m in _SEGMENT.finditer(text) if m.end() > m.start()]


class _Probe:
    """Reusable ctypes out-parameters for the per-character calls."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.x = ctypes.c_double()
        self.y = ctypes.c_double()
        self.rect = raw.FS_RECTF()
        self.matrix = raw.FS_MATRIX()
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        # out-parameters passed by reference, made once (a few hundred calls per page)
        self._x, self._y = ctypes.byref(self.x), ctypes.byref(self.y)
        self._rect, self._matrix, self._flags = ctypes.byref(self.rect), ctypes.byref(self.matrix), ctypes.byref(self.flags)
        self._origin = raw.FPDFText_GetCharOrigin
        self._loose_box = raw.FPDFText_GetLooseCharBox
        self._get_matrix = raw.FPDFText_GetMatrix
        self._font_size = raw.FPDFText_GetFontSize
        self._font_info = raw.FPDFText_GetFontInfo
        #: font name (bytes) -> bold?
        self._bold: dict[bytes, bool] = {}
        #: text object address -> (size, font name, matrix a, b, c, d)
        self.styles: dict[int, tuple[float, str, float, float, float, float]] = {}
        # FPDFText_GetTextObject returning the address as an int (a hashable key, no ctypes.cast per call)
        self.text_object = ctypes.cast(
            raw.FPDFText_GetTextObject, ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
        )

    def origin_x(self, tp: Any, i: int) -> float:
        self._origin(tp, i, self._x, self._y)
        return self.x.value

    def right(self, tp: Any, i: int) -> float:
        self._loose_box(tp, i, self._rect)
        return self.rect.right

    def baseline_and_size(self, tp: Any, i: int) -> tuple[float, float]:
        m = self.matrix
        self._get_matrix(tp, i, self._matrix)
        size = self._font_size(tp, i) * math.hypot(m.c, m.d)
        return m.f, size

    def font(self, tp: Any, i: int) -> str:
        n = self._font_info(tp, i, self.name, 128, self._flags)
        return self.name.value.decode("latin-1", errors="replace") if n else ""

    def bold(self, tp: Any, i: int) -> bool:
        """:func:`.pdf_lines.is_bold_font` of the character's font, remembered per font name."""
        name = self.name.value if self._font_info(tp, i, self.name, 128, self._flags) else b""
        found = self._bold.get(name)
        if found is None:
            found = self._bold[name] = is_bold_font(name.decode("latin-1", errors="replace"))
        return found

    def char(self, tp: Any, i: int, text: str, page_top: float) -> dict[str, Any]:
        """One character in the shape of a pdfplumber char (the keys the layout reader uses).

        Size and font belong to the character's text object (one font, size
        and matrix each), so they are looked up once per object.
        """
        self._loose_box(tp, i, self._rect)
        self._origin(tp, i, self._x, self._y)
        key = self.text_object(tp, i)
        style = self.styles.get(key) if key else None
        if style is None:
            _, size = self.baseline_and_size(tp, i)
            m = self.matrix
            style = (size, self.font(tp, i), m.a, m.b, m.c, m.d)
            if key:
                self.styles[key] = style
        size, font, a, b, c, d = style
        y = self.y.value
        return {
            "text": text,
            "x0": self.x.value,
            "x1": self.rect.right,
            "top": page_top - self.rect.top,
            "bottom": page_top - self.rect.bottom,
            "matrix": (a, b, c, d, self.x.value, y),
            "size": size,
            "fontname": font,
        }


def read_page(pdf: "pypdfium2.PdfDocument", index: int, *, tables: bool = False) -> PdfPage:
    """Read page ``index`` (0-based) into lines, and ruled tables when ``tables``.

    Page objects are closed before returning. Tables are not looked for on
    a page with ``/Rotate`` (nor does the layout reader read one).
    """
    import pypdfium2.raw as raw

    from .pdf_layout import inside, lines_from_chars, place, read_table

    page = pdf[index]
    textpage = None
    try:
        grids: list[Grid] = []
        left, bottom, right, top = page.get_mediabox()
        if page.get_rotation():
            # Read in the page's own coordinates (in memory only; the file is
            # never written): PDFium orders text by display position otherwise.
            page.set_rotation(0)
        elif tables:
            horizontal, vertical = page_edges(raw, page.raw, top)
            grids = find_grids(horizontal, vertical)
        result = PdfPage(number=index + 1, width=right - left, height=top - bottom)
        textpage = page.get_textpage()
        tp = textpage.raw
        text = _page_text(raw, tp, textpage.count_chars())
        probe = _Probe(raw)
        boxes = [grid.bbox for grid in grids]
        table_chars: list[dict[str, Any]] = []
        items: list[PdfLine] = []
        chars = 0
        for start, end in _segments(text):
            first = start
            while first < end and text[first].isspace():
                first += 1
            if first == end:
                continue
            last = end - 1
            while text[last].isspace():
                last -= 1
            mid = (first + last) // 2
            while text[mid].isspace():
                mid += 1
            line_text = clean_text(text[first : last + 1])
            if not line_text:
                continue
            chars += len(line_text) - line_text.count(" ")
            y, size = probe.baseline_and_size(tp, mid)
            x0 = probe.origin_x(tp, first)
            x1 = probe.right(tp, last)
            baseline = round(top - y, 2)
            if boxes and _near(boxes, x0, x1, baseline, size):
                split = _split_segment(raw, probe, tp, text, first, last + 1, top, boxes, inside)
                if split is not None:
                    outside, table_part = split
                    table_chars.extend(table_part)
                    items.extend(lines_from_chars(outside, top))
                    continue
            items.append(
                PdfLine(
                    text=line_text,
                    x0=x0,
                    x1=x1,
                    baseline=baseline,
                    size=round(size, 2),
                    bold=probe.bold(tp, first) and probe.bold(tp, last),
                )
            )
        result.chars = chars
        if not chars:
            result.graphics = raw.FPDFPage_CountObjects(page.raw)
        result.items = _merge_same_baseline(items)  # type: ignore[assignment]
        for grid in grids:
            place(result.items, read_table(grid.bbox, grid.rows, table_chars, top), result.height)
        return result
    finally:
        if textpage is not None:
            textpage.close()
        page.close()


def _near(boxes: list[tuple[float, float, float, float]], x0: float, x1: float, baseline: float, size: float) -> bool:
    """Could a character of this line have its centre inside one of the table boxes?"""
    reach = 1.5 * max(size, 1.0)  # a character's centre is within half a size of its baseline
    for bx0, btop, bx1, bbottom in boxes:
        if baseline + reach >= btop and baseline - reach <= bbottom and x1 + reach >= bx0 and x0 - reach <= bx1:
            return True
    return False


def _split_segment(
    raw: Any, probe: _Probe, tp: Any, text: str, start: int, end: int, top: float, boxes: list[Any], inside: Any
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]] | None:
    """The line's characters outside and inside the tables; ``None`` when none is inside."""
    outside: list[dict[str, Any]] = []
    within: list[dict[str, Any]] = []
    for i in range(start, end):
        char = text[i]
        if not char.isalnum() and raw.FPDFText_IsGenerated(tp, i) == 1:
            continue  # a space PDFium added; the char-based line builder decides on spaces itself
        ch = probe.char(tp, i, char, top)
        for box in boxes:
            if inside(ch, box):
                within.append(ch)
                break
        else:
            outside.append(ch)
    if not within:
        return None
    return outside, within


def _merge_same_baseline(lines: list[PdfLine]) -> list[PdfLine]:
    """Undo PDFium's line breaks after a raised footnote mark ("innovation²", ", samverkan").

    A segment that continues to the right on the same baseline is the same
    line, as in the character-based line builder of the layout reader.
    """
    out: list[PdfLine] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and abs(line.baseline - prev.baseline) <= NEW_LINE_DY * max(line.size, prev.size, 1.0)
            and line.x0 >= prev.x1 - 0.5
        ):
            gap = line.x0 - prev.x1
            joiner = " " if gap > SPACE_GAP * max(line.size, prev.size, 1.0) else ""
            main = line if len(line.text) > len(prev.text) else prev
            out[-1] = PdfLine(
                text=prev.text + joiner + line.text,
                x0=prev.x0,
                x1=line.x1,
                baseline=main.baseline,
                size=main.size,
                bold=prev.bold and line.bold,
            )
        else:
            out.append(line)
    return out




# -- vector paths -> straight edges (in pdfplumber's coordinates: top measured down) ---------


def page_edges(raw: Any, page: Any, page_top: float) -> tuple[list[Edge], list[Edge]]:
    """Horizontal and vertical edges of the page's vector paths, as pdfplumber sees them.

    pdfminer turns every subpath into a line, a rectangle or a curve, and
    pdfplumber makes an edge of every pair of consecutive points (for a
    curve, its end points; control points are skipped) that is exactly
    horizontal or vertical. A two-point subpath is a line, and a slanted
    line counts as vertical (pdfplumber's ``line_to_edge``).
    """
    horizontal: list[Edge] = []
    vertical: list[Edge] = []
    budget = [_MAX_OBJECTS, _MAX_SEGMENTS]
    _walk(raw, page, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, None, page_top, horizontal, vertical, budget, 0)
    return horizontal, vertical


_Matrix = tuple[float, float, float, float, float, float]


def _compose(inner: _Matrix, outer: _Matrix | None) -> _Matrix:
    if outer is None:
        return inner
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _walk(
    raw: Any,
    parent: Any,
    count_fn: Any,
    get_fn: Any,
    outer: _Matrix | None,
    page_top: float,
    horizontal: list[Edge],
    vertical: list[Edge],
    budget: list[int],
    depth: int,
) -> None:
    matrix = raw.FS_MATRIX()
    x = ctypes.c_float()
    y = ctypes.c_float()
    for i in range(count_fn(parent)):
        budget[0] -= 1
        if budget[0] < 0 or budget[1] < 0:
            return
        obj = get_fn(parent, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind != _PATH and (kind != _FORM or depth >= 8):
            continue
        if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
            continue
        m = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        if kind == _FORM:
            _walk(raw, obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, m, page_top, horizontal, vertical, budget, depth + 1)
            continue
        segments = raw.FPDFPath_CountSegments(obj)
        budget[1] -= segments
        if segments < 2 or budget[1] < 0:
            continue
        a, b, c, d, e, f = m
        subpath: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        bezier = 0
        for s in range(segments):
            seg = raw.FPDFPath_GetPathSegment(obj, s)
            stype = raw.FPDFPathSegment_GetType(seg)
            if stype == _BEZIER:
                bezier += 1
                if bezier % 3:
                    continue  # a control point
            else:
                bezier = 0
            raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
            px, py = x.value, y.value
            point = (round(a * px + c * py + e, 3), round(page_top - (b * px + d * py + f), 3))
            if stype == _MOVETO:
                _subpath_edges(subpath, horizontal, vertical)
                subpath = [point]
                start = point
                continue
            subpath.append(point)
            if raw.FPDFPathSegment_GetClose(seg) and start is not None and point != start:
                subpath.append(start)
        _subpath_edges(subpath, horizontal, vertical)


def _subpath_edges(points: list[tuple[float, float]], horizontal: list[Edge], vertical: list[Edge]) -> None:
    n = len(points)
    if n < 2:
        return
    if n == 2 or (n == 3 and points[2] == points[0]):
        # pdfminer's LTLine ("ml", "mlh"): horizontal when level, otherwise vertical
        (x0, y0), (x1, y1) = points[0], points[1]
        edge = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        (horizontal if y0 == y1 else vertical).append(edge)
        return
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if x0 == x1:
            vertical.append((x0, min(y0, y1), x1, max(y0, y1)))
        elif y0 == y1:
            horizontal.append((min(x0, x1), y0, max(x0, x1), y1))
