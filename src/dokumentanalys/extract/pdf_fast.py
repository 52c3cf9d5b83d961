"""The fast PDF reader: pypdfium2 (PDFium) text pages -> :class:`PdfPage`.

PDFium already orders characters in content-stream order and marks line
ends (CR LF) and line-end hyphens (U+FFFE), so one call fetches the whole
page text; a handful of per-character calls per line then give position,
size and weight. That keeps a plain text page at well under a millisecond
of Python work. :func:`has_rulings` decides cheaply, from the page's vector
paths, whether pdfplumber's table finder is worth running on a page.

pypdfium2 is imported inside functions: ``dokumentanalys --help`` must not
load it.
"""

from __future__ import annotations

import ctypes
import math
import re
from typing import TYPE_CHECKING, Any

from .pdf_lines import NEW_LINE_DY, SPACE_GAP, PdfLine, PdfPage, clean_text, is_bold_font

if TYPE_CHECKING:  # pragma: no cover
    import pypdfium2

__all__ = ["read_page", "has_rulings"]

_LINE_END = "\r\n"
_HYPHEN_END = "\ufffe\x02"
_PATH = 2  # FPDF_PAGEOBJ_PATH
#: Stop looking at a page's drawing after this many objects (maps, charts).
_MAX_OBJECTS = 5000
_FORM = 5  # FPDF_PAGEOBJ_FORM
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

    def origin_x(self, tp: Any, i: int) -> float:
        self.raw.FPDFText_GetCharOrigin(tp, i, ctypes.byref(self.x), ctypes.byref(self.y))
        return self.x.value

    def right(self, tp: Any, i: int) -> float:
        self.raw.FPDFText_GetLooseCharBox(tp, i, ctypes.byref(self.rect))
        return self.rect.right

    def baseline_and_size(self, tp: Any, i: int) -> tuple[float, float]:
        m = self.matrix
        self.raw.FPDFText_GetMatrix(tp, i, ctypes.byref(m))
        size = self.raw.FPDFText_GetFontSize(tp, i) * math.hypot(m.c, m.d)
        return m.f, size

    def font(self, tp: Any, i: int) -> str:
        n = self.raw.FPDFText_GetFontInfo(tp, i, self.name, 128, ctypes.byref(self.flags))
        return self.name.value.decode("latin-1", errors="replace") if n else ""


def read_page(pdf: "pypdfium2.PdfDocument", index: int, *, rulings: bool = False) -> tuple[PdfPage, bool]:
    """Read page ``index`` (0-based) into lines; page objects are closed before returning.

    Returns the page and, when ``rulings`` is true, whether :func:`has_rulings`
    holds for it (else ``False``).
    """
    import pypdfium2.raw as raw

    page = pdf[index]
    textpage = None
    try:
        ruled = rulings and _has_rulings(raw, page.raw)
        if page.get_rotation():
            # Read in the page's own coordinates (in memory only; the file is
            # never written): PDFium orders text by display position otherwise.
            page.set_rotation(0)
        left, bottom, right, top = page.get_mediabox()
        result = PdfPage(number=index + 1, width=right - left, height=top - bottom)
        textpage = page.get_textpage()
        tp = textpage.raw
        text = _page_text(raw, tp, textpage.count_chars())
        probe = _Probe(raw)
        fonts: dict[int, bool] = {}
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
            bold = []
            for i in (first, last):
                if i not in fonts:
                    fonts[i] = is_bold_font(probe.font(tp, i))
                bold.append(fonts[i])
            result.items.append(
                PdfLine(
                    text=line_text,
                    x0=probe.origin_x(tp, first),
                    x1=probe.right(tp, last),
                    baseline=round(top - y, 2),
                    size=round(size, 2),
                    bold=all(bold),
                )
            )
        result.chars = chars
        if not chars:
            result.graphics = raw.FPDFPage_CountObjects(page.raw)
        result.items = _merge_same_baseline(result.items)  # type: ignore[arg-type]
        return result, ruled
    finally:
        if textpage is not None:
            textpage.close()
        page.close()


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


def has_rulings(pdf: "pypdfium2.PdfDocument", index: int) -> bool:
    """Does page ``index`` draw straight rules that could make a table grid?

    Counts horizontal and vertical straight segments of vector paths (curves
    are logos and charts, not tables). A lone frame or a few underlines do
    not count; two boxes, or a grid of lines or thin rectangles, do.
    """
    import pypdfium2.raw as raw

    page = pdf[index]
    try:
        return _has_rulings(raw, page.raw)
    finally:
        page.close()


def _enough(counts: list[int]) -> bool:
    h, v = counts
    return h >= 2 and v >= 2 and h + v >= 5


def _has_rulings(raw: Any, page: Any) -> bool:
    counts = [0, 0]  # horizontal, vertical
    return _count_rules(raw, page, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, counts, 0)


def _count_rules(raw: Any, parent: Any, count_fn: Any, get_fn: Any, counts: list[int], depth: int) -> bool:
    n = min(count_fn(parent), _MAX_OBJECTS)
    matrix = raw.FS_MATRIX()
    x = ctypes.c_float()
    y = ctypes.c_float()
    for i in range(n):
        obj = get_fn(parent, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == _FORM and depth < 3:
            if _count_rules(raw, obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, counts, depth + 1):
                return True
            continue
        if kind != _PATH:
            continue
        segments = raw.FPDFPath_CountSegments(obj)
        if segments < 2 or segments > 400:
            continue
        raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix))
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        points: list[tuple[int, float, float, bool]] = []
        curved = False
        for s in range(segments):
            seg = raw.FPDFPath_GetPathSegment(obj, s)
            stype = raw.FPDFPathSegment_GetType(seg)
            if stype == _BEZIER:
                curved = True
                break
            raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
            px, py = x.value, y.value
            points.append((stype, a * px + c * py + e, b * px + d * py + f, bool(raw.FPDFPathSegment_GetClose(seg))))
        if curved:
            continue
        start = prev = None
        for stype, px, py, close in points:
            if stype == _MOVETO or prev is None:
                start = prev = (px, py)
                continue
            _classify(prev, (px, py), counts)
            prev = (px, py)
            if close and start is not None:
                _classify(prev, start, counts)
                prev = start
        if _enough(counts):
            return True
    return False


def _classify(p: tuple[float, float], q: tuple[float, float], counts: list[int]) -> None:
    dx = abs(q[0] - p[0])
    dy = abs(q[1] - p[1])
    if dy <= 1.0 and dx >= 4.0:
        counts[0] += 1
    elif dx <= 1.0 and dy >= 4.0:
        counts[1] += 1
