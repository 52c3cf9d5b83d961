"""Ruled tables on the fast path (pypdfium2 + pdf_grid) against pdfplumber (pdf_mode layout).

Both paths must give the same blocks: kinds, text, table/row/column and cell
boxes, on every PDF in the corpus and on generated tables of many shapes
(merged cells, tables over several pages, no outer border, shaded rows, rules
drawn as thin filled rectangles, tables next to text, in a form XObject).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

from dokumentanalys.extract.base import ExtractOptions
from dokumentanalys.extract.pdf import extract_pdf
from dokumentanalys.extract.pdf_grid import find_grids
from dokumentanalys.model import BlockKind, Document

pytest.importorskip("reportlab")

ROOT = Path(__file__).resolve().parent.parent
CORPUS_PDFS = sorted((ROOT / "corpus" / "docs").glob("*.pdf")) + sorted((ROOT / "corpus" / "exempel").glob("*.pdf"))


def read(path: Path, mode: str) -> Document:
    return extract_pdf(path, ExtractOptions(pdf_mode=mode))


def signature(doc: Document) -> list[tuple[Any, ...]]:
    out = []
    for b in doc.blocks:
        row: tuple[Any, ...] = (str(b.kind), b.text, b.page, b.level, b.table, b.row, b.column)
        if b.kind == BlockKind.TABLE_CELL:
            row += (tuple(b.source["bbox"]), tuple(b.source["table_bbox"]))
        out.append(row)
    return out


def cells(doc: Document) -> list[tuple[int | None, int | None, int | None, str]]:
    return [(b.table, b.row, b.column, b.text) for b in doc.blocks if b.kind == BlockKind.TABLE_CELL]


def assert_same(path: Path) -> Document:
    auto, layout = read(path, "auto"), read(path, "layout")
    assert signature(auto) == signature(layout)
    assert auto.metadata["layout_pages"] == []
    return auto


# -- generated tables ----------------------------------------------------------------------

PROSE = (
    "Nämnden följer upp arbetet varje år och redovisar resultatet uppdelat på kvinnor och män. "
    "Förvaltningen ansvarar för att uppgifterna är korrekta och att de lämnas i tid."
)
HEADER = ["Verksamhet", "Kvinnor", "Män", "Kommentar"]
ROWS = [
    ["Hemtjänst", "412", "138", "Ökning sedan förra året"],
    ["Förskola", "380", "22", "Oförändrat"],
    ["Fritidsgårdar", "18", "31", "Ny verksamhet i Norra"],
    ["Bibliotek", "44", "12", "Minskning"],
]


def _platypus(path: Path, story: Callable[[Any, Any], list[Any]]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import SimpleDocTemplate

    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1)
    doc.build(story(styles, doc))
    return path


def _table(data: list[list[str]], style: list[tuple[Any, ...]], **kw: Any) -> Any:
    from reportlab.platypus import Table, TableStyle

    table = Table(data, **kw)
    table.setStyle(TableStyle(style))
    return table


def full_grid(path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph

    return _platypus(path, lambda s, d: [
        Paragraph("Personal per verksamhet", s["Heading1"]),
        Paragraph(PROSE, s["BodyText"]),
        _table([HEADER, *ROWS], [("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                 ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.92, 0.95))]),
        Paragraph(PROSE, s["BodyText"]),
    ])


def merged_cells(path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph

    data = [
        ["Område", "Antal", "", "Kommentar"],
        ["", "Kvinnor", "Män", ""],
        ["Hemtjänst", "412", "138", "Ökning"],
        ["Förskola", "380", "22", ""],
        ["Totalt", "792", "160", "Summa för båda verksamheterna"],
    ]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (1, 0), (2, 0)),
        ("SPAN", (3, 0), (3, 1)),
        ("SPAN", (3, 3), (3, 3)),
    ]
    return _platypus(path, lambda s, d: [Paragraph(PROSE, s["BodyText"]), _table(data, style)])


def multi_page(path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph

    data = [HEADER] + [[f"Enhet {n}", str(10 + n), str(40 - n), "Uppföljning i december"] for n in range(90)]
    return _platypus(path, lambda s, d: [
        Paragraph("Statistik per enhet", s["Heading1"]),
        _table(data, [("GRID", (0, 0), (-1, -1), 0.5, colors.grey)], repeatRows=1),
        Paragraph(PROSE, s["BodyText"]),
    ])


def no_outer_border(path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph

    return _platypus(path, lambda s, d: [
        Paragraph(PROSE, s["BodyText"]),
        _table([HEADER, *ROWS], [("INNERGRID", (0, 0), (-1, -1), 0.5, colors.black)]),
        Paragraph(PROSE, s["BodyText"]),
    ])


def horizontal_rules_only(path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph

    return _platypus(path, lambda s, d: [
        Paragraph(PROSE, s["BodyText"]),
        _table([HEADER, *ROWS], [("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black),
                                 ("LINEABOVE", (0, 0), (-1, 0), 1.0, colors.black)]),
        Paragraph(PROSE, s["BodyText"]),
    ])


def shaded_rows(path: Path) -> Path:
    """No lines at all: every other row has a background (filled rectangles make edges in pdfplumber)."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph

    style = [("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.Color(0.9, 0.9, 0.9), colors.white])]
    return _platypus(path, lambda s, d: [Paragraph(PROSE, s["BodyText"]), _table([HEADER, *ROWS], style)])


def two_tables_side_by_side_text(path: Path) -> Path:
    """Two tables on one page, text right next to a table on the same baseline, a paragraph between."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, height - 72, "Tabellen nedan visar fördelningen per kön och verksamhet.")
    _grid(canvas, [HEADER[:2], *[r[:2] for r in ROWS]], 72, height - 100, [110, 60], 16)
    canvas.drawString(260, height - 112, "Bredvid tabellen: en kommentar om tjänstemännen.")
    canvas.drawString(72, height - 220, "Mellan tabellerna står en mening om uppföljningen.")
    _grid(canvas, [["Kvartal", "Utfall"], ["1", "12,5"], ["2", "14,0"]], 72, height - 240, [80, 80], 18)
    canvas.drawString(72, height - 320, "Efter tabellerna kommer ett avslutande stycke.")
    canvas.showPage()
    canvas.save()
    return path


def thin_rectangles(path: Path) -> Path:
    """Rules drawn as thin filled rectangles (as some word processors do), with cell text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, height - 72, "Ansökan ska innehålla följande uppgifter.")
    xs = [72, 200, 330, 460]
    ys = [height - 90 - 20 * r for r in range(5)]
    for y in ys:
        canvas.rect(xs[0], y - 0.25, xs[-1] - xs[0], 0.5, stroke=0, fill=1)
    for x in xs:
        canvas.rect(x - 0.25, ys[-1], 0.5, ys[0] - ys[-1], stroke=0, fill=1)
    texts = [["Namn", "Roll", "Telefon"], ["Anna Berg", "ordförande", "070-111"], ["Omar Said", "kassör", "070-222"],
             ["Lena Ek", "sekreterare", "070-333"]]
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            canvas.drawString(xs[c] + 4, ys[r] - 14, text)
    canvas.drawString(72, ys[-1] - 30, "Föreningens talesman skriver under ansökan.")
    canvas.showPage()
    canvas.save()
    return path


def table_in_form_xobject(path: Path) -> Path:
    """The grid is drawn inside a form XObject placed with a translation."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    canvas.beginForm("rutnat")
    _grid(canvas, [["Mål", "Indikator"], ["Trygghet", "Andel trygga, per kön"], ["Hälsa", "Sjuktal"]], 0, 0, [120, 160], 18)
    canvas.endForm()
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, height - 72, "Målen följs upp med indikatorer.")
    canvas.saveState()
    canvas.translate(72, height - 100)
    canvas.doForm("rutnat")
    canvas.restoreState()
    canvas.drawString(72, height - 200, "Indikatorerna redovisas varje år.")
    canvas.showPage()
    canvas.save()
    return path


def _grid(canvas: Any, rows: list[list[str]], x: float, top: float, widths: list[float], row_h: float) -> None:
    xs = [x]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top - r * row_h for r in range(len(rows) + 1)]
    canvas.setLineWidth(0.7)
    for y in ys:
        canvas.line(xs[0], y, xs[-1], y)
    for xx in xs:
        canvas.line(xx, ys[0], xx, ys[-1])
    canvas.setFont("Helvetica", 9)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            canvas.drawString(xs[c] + 3, ys[r] - row_h + 5, text)


GENERATED = [
    full_grid,
    merged_cells,
    multi_page,
    no_outer_border,
    horizontal_rules_only,
    shaded_rows,
    two_tables_side_by_side_text,
    thin_rectangles,
    table_in_form_xobject,
]


@pytest.mark.parametrize("make", GENERATED, ids=lambda f: f.__name__)
def test_generated_tables_same_as_pdfplumber(tmp_path: Path, make: Callable[[Path], Path]) -> None:
    assert_same(make(tmp_path / f"{make.__name__}.pdf"))


def test_full_grid_cells(tmp_path: Path) -> None:
    doc = assert_same(full_grid(tmp_path / "t.pdf"))
    got = cells(doc)
    assert got[:4] == [(0, 0, c, text) for c, text in enumerate(HEADER)]
    assert (0, 3, 3, "Ny verksamhet i Norra") in got
    assert len(got) == 20
    assert doc.metadata["table_pages"] == [1]
    # table text is not running text, the prose around it is
    paragraphs = [b.text for b in doc.blocks if b.kind == BlockKind.PARAGRAPH]
    assert paragraphs == [PROSE, PROSE]


def test_merged_cells_leave_gaps(tmp_path: Path) -> None:
    got = cells(assert_same(merged_cells(tmp_path / "t.pdf")))
    by_pos = {(r, c): text for _, r, c, text in got}
    assert by_pos[(0, 0)] == "Område"
    assert by_pos[(0, 1)] == "Antal"
    assert (0, 2) not in by_pos  # merged into "Antal"
    assert by_pos[(1, 1)] == "Kvinnor" and by_pos[(1, 2)] == "Män"
    assert (1, 0) not in by_pos and (1, 3) not in by_pos
    assert by_pos[(4, 3)] == "Summa för båda verksamheterna"


def test_table_over_several_pages(tmp_path: Path) -> None:
    doc = assert_same(multi_page(tmp_path / "t.pdf"))
    pages = doc.metadata["table_pages"]
    assert len(pages) >= 2
    got = cells(doc)
    assert len({t for t, *_ in got}) == len(pages)  # one table per page, numbered through the document
    assert [text for *_, text in got].count("Verksamhet") == len(pages)  # the repeated header row
    assert sum(1 for *_, text in got if text.startswith("Enhet ")) == 90


def test_table_without_outer_border_keeps_inner_cells(tmp_path: Path) -> None:
    got = cells(assert_same(no_outer_border(tmp_path / "t.pdf")))
    # as in pdfplumber, only what the inner lines close on four sides is a cell
    assert [text for *_, text in got] == ["412", "138", "380", "22", "18", "31"]


def test_thin_rectangles_are_rules(tmp_path: Path) -> None:
    doc = assert_same(thin_rectangles(tmp_path / "t.pdf"))
    got = cells(doc)
    assert (0, 1, 0, "Anna Berg") in got and (0, 3, 2, "070-333") in got
    assert doc.blocks[-1].text == "Föreningens talesman skriver under ansökan."


def test_text_beside_a_table_stays_running_text(tmp_path: Path) -> None:
    doc = assert_same(two_tables_side_by_side_text(tmp_path / "t.pdf"))
    texts = [b.text for b in doc.blocks if b.kind != BlockKind.TABLE_CELL]
    assert any("tjänstemännen" in t for t in texts)
    assert sorted({t for t, *_ in cells(doc)}) == [0, 1]


def test_form_xobject_table(tmp_path: Path) -> None:
    got = cells(assert_same(table_in_form_xobject(tmp_path / "t.pdf")))
    assert (0, 1, 1, "Andel trygga, per kön") in got


def test_bench_document_same_as_pdfplumber(tmp_path: Path) -> None:
    from dokumentanalys.bench import write_pdf

    doc = assert_same(write_pdf(tmp_path / "plan.pdf", 6, seed=4))
    assert doc.metadata["table_pages"] == [3, 6]


# -- the corpus ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", CORPUS_PDFS, ids=lambda p: p.name)
def test_corpus_pdf_same_as_pdfplumber(path: Path) -> None:
    assert_same(path)


def test_corpus_has_tables() -> None:
    """The corpus comparison above is only worth something if it has tables to compare."""
    with_tables = [p for p in CORPUS_PDFS if read(p, "auto").metadata["table_pages"]]
    assert len(with_tables) >= 10


# -- the grid finder on its own ------------------------------------------------------------


def test_grid_from_edges() -> None:
    # a 2 x 2 grid whose lines do not quite meet (within the snap and join tolerances)
    h = [(100.0, 100.0, 300.0, 100.0), (100.0, 120.5, 200.0, 120.5), (201.0, 121.0, 300.0, 121.0), (99.0, 140.0, 301.0, 140.0)]
    v = [(100.0, 99.0, 100.0, 141.0), (200.0, 100.0, 200.0, 140.0), (301.5, 100.0, 301.5, 140.0)]
    (grid,) = find_grids(h, v)
    assert len(grid.rows) == 2 and all(len(row) == 2 for row in grid.rows)
    assert grid.cells == 4
    assert grid.bbox[0] == 100.0 and grid.bbox[2] == pytest.approx(301.5)


def test_lone_frame_is_not_a_table() -> None:
    h = [(100.0, 100.0, 300.0, 100.0), (100.0, 200.0, 300.0, 200.0)]
    v = [(100.0, 100.0, 100.0, 200.0), (300.0, 100.0, 300.0, 200.0)]
    assert find_grids(h, v) == []


def test_a_page_of_graph_paper_is_not_searched_for_tables() -> None:
    n = 400  # 401 x 401 lines: 160,000 crossings
    h = [(0.0, 5.0 * i, 5.0 * n, 5.0 * i) for i in range(n + 1)]
    v = [(5.0 * i, 0.0, 5.0 * i, 5.0 * n) for i in range(n + 1)]
    assert find_grids(h, v) == []
    small = find_grids([(0.0, y0, 50.0, y1) for _, y0, _, y1 in h[:11]], [(x0, 0.0, x1, 50.0) for x0, _, x1, _ in v[:11]])
    assert len(small) == 1 and small[0].cells == 100


def test_grid_matches_pdfplumber_on_generated_pages(tmp_path: Path) -> None:
    """Cell boxes straight from pdfplumber's find_tables() against ours, page by page."""
    import pdfplumber
    import pypdfium2
    import pypdfium2.raw as raw

    from dokumentanalys.extract.pdf_fast import page_edges

    for make in GENERATED:
        path = make(tmp_path / f"{make.__name__}.pdf")
        pdf = pypdfium2.PdfDocument(str(path))
        with pdfplumber.open(path) as plumber:
            for index, ppage in enumerate(plumber.pages):
                expected = [
                    [[tuple(round(v, 2) for v in c) if c else None for c in row.cells] for row in t.rows]
                    for t in ppage.find_tables()
                ]
                page = pdf[index]
                top = page.get_mediabox()[3]
                grids = find_grids(*page_edges(raw, page.raw, top))
                page.close()
                got = [[[tuple(round(v, 2) for v in c) if c else None for c in row] for row in g.rows] for g in grids]
                assert got == expected, f"{make.__name__} page {index + 1}"
        pdf.close()


def test_findings_same_on_both_paths(registry: Any, tmp_path: Path) -> None:
    """Whole analysis: the same findings (rule, text, page, table position) in auto and layout mode."""
    from dokumentanalys.pipeline import Analyzer, Settings

    paths = [*CORPUS_PDFS, thin_rectangles(tmp_path / "t.pdf"), merged_cells(tmp_path / "m.pdf")]
    found: dict[str, list[Any]] = {}
    for mode in ("auto", "layout"):
        analyzer = Analyzer(registry, Settings(extract=ExtractOptions(pdf_mode=mode)))
        found[mode] = [
            (Path(r.path).name, f.rule, f.matched, f.location.page, f.location.kind, f.location.table, f.location.row, f.location.column)
            for r in map(analyzer.analyze, paths)
            for f in r.findings
        ]
    assert found["auto"] == found["layout"]
    assert any(item[4] == "table-cell" for item in found["auto"])


def test_a_failing_table_finder_costs_only_the_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dokumentanalys.extract.pdf_fast as fast

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("trasig ritning")

    monkeypatch.setattr(fast, "find_grids", broken)
    doc = read(full_grid(tmp_path / "t.pdf"), "auto")
    assert doc.metadata["table_search_failed"] == [1]
    assert not cells(doc)
    assert PROSE in [b.text for b in doc.blocks]
    assert any("Hemtjänst" in b.text for b in doc.blocks)  # table text as running text
