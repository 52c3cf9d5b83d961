"""A small reportlab-based generator of test PDFs.

Tests (and benchmarks) describe a document as a list of items; the generator
lays them out top to bottom with fixed, predictable geometry and starts a new
page when the current one is full or on :class:`PageBreak`. Line breaks are
explicit (``Para(lines=[...])``) where a test needs a particular break, for
example a hyphenated one, or computed with :func:`para` from running text.

Only reportlab's built-in Helvetica is used; it carries å, ä, ö (WinAnsi
encoding), "•" and "–".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence, Union

__all__ = [
    "Heading",
    "Para",
    "Bullet",
    "Table",
    "PageBreak",
    "Item",
    "para",
    "wrap",
    "write_pdf",
    "image_only_pdf",
    "rotated_pdf",
    "text_pdf",
    "BODY_SIZE",
    "LEFT",
    "WIDTH",
]

PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
LEFT = 72.0
WIDTH = PAGE_W - 2 * LEFT
TOP = 770.0
BOTTOM = 70.0
BODY_SIZE = 11.0
LEADING = 1.3  # line pitch as a multiple of the font size
PARA_GAP = 8.0  # extra space between paragraphs, in points


@dataclass(frozen=True)
class Heading:
    text: str
    size: float = 16.0
    bold: bool = True


@dataclass(frozen=True)
class Para:
    lines: tuple[str, ...]
    size: float = BODY_SIZE
    indent: float = 0.0

    def __init__(self, lines: Sequence[str] | str, size: float = BODY_SIZE, indent: float = 0.0) -> None:
        object.__setattr__(self, "lines", (lines,) if isinstance(lines, str) else tuple(lines))
        object.__setattr__(self, "size", size)
        object.__setattr__(self, "indent", indent)


@dataclass(frozen=True)
class Bullet:
    """A list item: marker at LEFT, text (possibly wrapped) with a hanging indent."""

    lines: tuple[str, ...]
    marker: str = "•"

    def __init__(self, lines: Sequence[str] | str, marker: str = "•") -> None:
        object.__setattr__(self, "lines", (lines,) if isinstance(lines, str) else tuple(lines))
        object.__setattr__(self, "marker", marker)


@dataclass(frozen=True)
class Table:
    """A ruled grid; every cell is one line of text."""

    rows: tuple[tuple[str, ...], ...]
    col_width: float = 140.0
    row_height: float = 20.0

    def __init__(self, rows: Sequence[Sequence[str]], col_width: float = 140.0, row_height: float = 20.0) -> None:
        object.__setattr__(self, "rows", tuple(tuple(r) for r in rows))
        object.__setattr__(self, "col_width", col_width)
        object.__setattr__(self, "row_height", row_height)


@dataclass(frozen=True)
class PageBreak:
    pass


Item = Union[Heading, Para, Bullet, Table, PageBreak]


def wrap(text: str, width: float = WIDTH, size: float = BODY_SIZE, font: str = "Helvetica") -> list[str]:
    """Greedy word wrap with reportlab's metrics."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def para(text: str, size: float = BODY_SIZE, width: float = WIDTH) -> Para:
    return Para(wrap(text, width, size), size=size)


@dataclass
class _Writer:
    canvas: object
    header: str | None
    footer: str | None
    total_pages: int
    page: int = 1
    y: float = TOP
    started: bool = field(default=False)

    def _decorate(self) -> None:
        c = self.canvas
        c.setFont("Helvetica", 9)  # type: ignore[attr-defined]
        fields = {"page": self.page, "pages": self.total_pages}
        if self.header:
            c.drawString(LEFT, PAGE_H - 40, self.header.format(**fields))  # type: ignore[attr-defined]
        if self.footer:
            c.drawString(LEFT, 36, self.footer.format(**fields))  # type: ignore[attr-defined]

    def new_page(self) -> None:
        self.canvas.showPage()  # type: ignore[attr-defined]
        self.page += 1
        self.y = TOP
        self._decorate()

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.new_page()

    def line(self, text: str, x: float, size: float, bold: bool = False) -> None:
        pitch = size * LEADING
        self.need(pitch)
        self.y -= size
        self.canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)  # type: ignore[attr-defined]
        self.canvas.drawString(x, self.y, text)  # type: ignore[attr-defined]
        self.y -= pitch - size

    def item(self, item: Item) -> None:
        c = self.canvas
        if isinstance(item, PageBreak):
            self.new_page()
        elif isinstance(item, Heading):
            self.need(item.size * 3)
            self.y -= item.size * 0.6
            self.line(item.text, LEFT, item.size, bold=item.bold)
            self.y -= PARA_GAP
        elif isinstance(item, Para):
            for n, text in enumerate(item.lines):
                self.line(text, LEFT + (item.indent if n == 0 else 0.0), item.size)
            self.y -= PARA_GAP
        elif isinstance(item, Bullet):
            for n, text in enumerate(item.lines):
                if n == 0:
                    self.need(BODY_SIZE * LEADING)
                    c.setFont("Helvetica", BODY_SIZE)  # type: ignore[attr-defined]
                    c.drawString(LEFT + 6, self.y - BODY_SIZE, item.marker)  # type: ignore[attr-defined]
                self.line(text, LEFT + 20, BODY_SIZE)
            self.y -= PARA_GAP / 2
        elif isinstance(item, Table):
            height = item.row_height * len(item.rows)
            self.need(height + 10)
            top = self.y - 4
            ncols = max(len(r) for r in item.rows)
            xs = [LEFT + i * item.col_width for i in range(ncols + 1)]
            ys = [top - i * item.row_height for i in range(len(item.rows) + 1)]
            c.setLineWidth(0.8)  # type: ignore[attr-defined]
            for yy in ys:
                c.line(xs[0], yy, xs[-1], yy)  # type: ignore[attr-defined]
            for xx in xs:
                c.line(xx, ys[0], xx, ys[-1])  # type: ignore[attr-defined]
            c.setFont("Helvetica", 10)  # type: ignore[attr-defined]
            for r, row in enumerate(item.rows):
                for col, text in enumerate(row):
                    c.drawString(xs[col] + 4, ys[r] - item.row_height + 6, text)  # type: ignore[attr-defined]
            self.y = ys[-1] - PARA_GAP - 4
        else:  # pragma: no cover - programming error in a test
            raise TypeError(item)


def _count_pages(items: Sequence[Item], header: str | None, footer: str | None) -> int:
    """Dry run on a throwaway canvas, so that footers can say 'av N'."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    writer = _Writer(Canvas(io.BytesIO(), pagesize=(PAGE_W, PAGE_H)), None, None, 0)
    for item in items:
        writer.item(item)
    return writer.page


def write_pdf(
    path: str | Path,
    items: Sequence[Item],
    *,
    header: str | None = None,
    footer: str | None = None,
    title: str | None = None,
    user_password: str | None = None,
    owner_password: str = "ägare",
) -> Path:
    """Write ``items`` to ``path``.

    ``header``/``footer`` are drawn on every page; ``{page}`` and ``{pages}``
    are filled in. ``user_password`` encrypts the file (``""`` gives a file
    that opens without a password but is still encrypted).
    """
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    path = Path(path)
    encrypt = None
    if user_password is not None:
        encrypt = StandardEncryption(user_password, ownerPassword=owner_password, canPrint=1, canCopy=1)
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), encrypt=encrypt, invariant=1)
    if title:
        canvas.setTitle(title)
    total = _count_pages(items, header, footer)
    writer = _Writer(canvas, header, footer, total)
    writer._decorate()
    for item in items:
        writer.item(item)
    canvas.showPage()
    canvas.save()
    return path


def image_only_pdf(path: str | Path, pages: int = 1) -> Path:
    """Pages that look scanned: a picture (pixels) and shapes, no text at all."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas
    from PIL import Image

    path = Path(path)
    image = Image.new("L", (60, 80), color=200)
    for x in range(10, 50):
        for y in range(20, 24):
            image.putpixel((x, y), 20)
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    for _ in range(pages):
        canvas.drawImage(ImageReader(image), LEFT, 200, width=WIDTH, height=500)
        canvas.rect(LEFT, 100, 100, 50, fill=1)
        canvas.showPage()
    canvas.save()
    return path


def rotated_pdf(path: str | Path, lines: Sequence[str]) -> Path:
    """One page with ``/Rotate 90``: text drawn upright in the page's own coordinates."""
    from reportlab.pdfgen.canvas import Canvas

    path = Path(path)
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    canvas.setPageRotation(90)
    canvas.setFont("Helvetica", BODY_SIZE)
    y = TOP
    for text in lines:
        canvas.drawString(LEFT, y, text)
        y -= BODY_SIZE * LEADING
    canvas.showPage()
    canvas.save()
    return path


_FILLER = (
    "Nämnden ansvarar för att verksamheten bedrivs enligt gällande lagar och "
    "föreskrifter samt enligt de mål och riktlinjer som kommunfullmäktige har "
    "fastställt. Förvaltningen redovisar varje år hur arbetet har utvecklats, "
    "vilka insatser som har genomförts och vilka resultat som har uppnåtts för "
    "invånare, brukare och medarbetare i de olika verksamheterna."
)


def text_pdf(path: str | Path, pages: int, *, header: str | None = "Riktlinjer för bidrag", footer: str | None = "Sida {page} av {pages}") -> Path:
    """Plain running text filling about ``pages`` pages (for benchmarks and big-file tests)."""
    body = para(_FILLER)
    items: list[Item] = []
    for n in range(pages):
        items.append(Heading(f"Avsnitt {n + 1}", size=14))
        items.extend([body] * 7)
        items.append(PageBreak())
    items.pop()
    return write_pdf(path, items, header=header, footer=footer)
