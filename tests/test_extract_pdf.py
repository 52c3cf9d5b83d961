"""The PDF extractor: blocks, running headers, de-hyphenation, tables, errors, fast vs layout path.

Every PDF is generated with reportlab (tests/pdfgen.py) into tmp_path.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dokumentanalys.errors import ReadError
from dokumentanalys.extract.base import ExtractOptions
from dokumentanalys.extract.pdf import PDF, extract_pdf
from dokumentanalys.extract.pdf_lines import join_lines
from dokumentanalys.extract.pdf_running import is_page_number
from dokumentanalys.model import BlockKind, Document

from pdfgen import Bullet, Heading, PageBreak, Para, Table, image_only_pdf, para, rotated_pdf, text_pdf, write_pdf

pytest.importorskip("reportlab")


def read(path: Path, mode: str = "auto", **kw: object) -> Document:
    return extract_pdf(path, ExtractOptions(pdf_mode=mode, **kw))  # type: ignore[arg-type]


def texts(doc: Document, kind: BlockKind | None = None) -> list[str]:
    return [b.text for b in doc.blocks if kind is None or b.kind == kind]


def body(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.kind not in (BlockKind.HEADER, BlockKind.FOOTER)]


# -- a realistic multi-page document ---------------------------------------------------------

POLICY_ITEMS = [
    Heading("Riktlinjer för föreningsbidrag"),
    para(
        "Kommunen fördelar varje år bidrag till föreningar som bedriver verksamhet för barn och unga. "
        "Bidraget ska främja en meningsfull fritid för flickor och pojkar i alla stadsdelar."
    ),
    Heading("Syfte och mål", size=13),
    Para([
        "Arbetet med jämställdhets-",
        "integrering ska genomsyra alla beslut om bidrag, även i HR-",
        "frågor och när för-",
        "och nackdelar med en ny modell vägs mot varandra.",
    ]),
    para("Åsa och Örjan på kultur- och fritidsförvaltningen följer upp ärendena två gånger om året."),
    Bullet(["ansökan lämnas senast den 1 mars och ska vara", "undertecknad av föreningens ordförande"]),
    Bullet("redovisningen ska visa antalet deltagare per kön"),
    Bullet("1. första numrerade punkten", marker=""),
    PageBreak(),
    Heading("Villkor", size=13),
    para(
        "Föreningen ska ha en demokratisk uppbyggnad och vara öppen för alla. Styrelsen ansvarar för att "
        "medlemsregistret är aktuellt och att redovisningen lämnas i tid till förvaltningen."
    ),
    para("Handläggningen tar normalt sex veckor räknat från den dag då en komplett ansökan kom in."),
    PageBreak(),
    Heading("Uppföljning", size=13),
    para("Förvaltningen redovisar varje år till nämnden hur bidragen har fördelats och vilka grupper som har nåtts."),
]


@pytest.fixture(scope="module")
def policy_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "policy.pdf"
    return write_pdf(path, POLICY_ITEMS, header="Kultur- och fritidsnämnden", footer="Sida {page} av {pages}")


@pytest.fixture(scope="module")
def policy(policy_pdf: Path) -> Document:
    return read(policy_pdf)


def test_pages_and_page_numbers_on_every_block(policy: Document) -> None:
    assert policy.pages == 3
    assert policy.format == "pdf"
    assert all(b.page in (1, 2, 3) for b in policy.blocks)
    assert {b.page for b in policy.blocks} == {1, 2, 3}
    assert [b.index for b in policy.blocks] == list(range(len(policy.blocks)))
    villkor = next(b for b in policy.blocks if b.text == "Villkor")
    assert villkor.page == 2


def test_running_header_and_page_numbers_leave_the_body(policy: Document) -> None:
    for text in body(policy):
        assert "Kultur- och fritidsnämnden" not in text
        assert not text.startswith("Sida ")
    headers = texts(policy, BlockKind.HEADER)
    assert headers == ["Kultur- och fritidsnämnden"]  # kept once, not once per page
    assert not any("Sida" in t for t in texts(policy))
    assert policy.metadata["running_lines"] >= 6


def test_hyphenated_line_breaks_are_joined(policy: Document) -> None:
    text = next(t for t in texts(policy) if t.startswith("Arbetet med"))
    assert "jämställdhetsintegrering" in text
    assert "jämställdhets-" not in text
    assert "HR-frågor" in text  # upper case before the hyphen: a real compound hyphen
    assert "för- och nackdelar" in text  # suspended compound keeps hyphen and space


def test_lines_of_a_paragraph_are_joined_with_spaces(policy: Document) -> None:
    paragraphs = texts(policy, BlockKind.PARAGRAPH)
    assert (
        "Kommunen fördelar varje år bidrag till föreningar som bedriver verksamhet för barn och unga. "
        "Bidraget ska främja en meningsfull fritid för flickor och pojkar i alla stadsdelar."
    ) in paragraphs
    assert not any("  " in p or "\n" in p for p in paragraphs)


def test_swedish_letters_round_trip(policy: Document) -> None:
    assert "Åsa och Örjan på kultur- och fritidsförvaltningen följer upp ärendena två gånger om året." in texts(
        policy, BlockKind.PARAGRAPH
    )


def test_headings_with_levels_and_title(policy: Document) -> None:
    headings = [(b.text, b.level) for b in policy.blocks if b.kind == BlockKind.HEADING]
    assert headings == [
        ("Riktlinjer för föreningsbidrag", 1),
        ("Syfte och mål", 2),
        ("Villkor", 2),
        ("Uppföljning", 2),
    ]
    assert policy.title == "Riktlinjer för föreningsbidrag"


def test_list_items(policy: Document) -> None:
    items = texts(policy, BlockKind.LIST_ITEM)
    assert items[:2] == [
        "ansökan lämnas senast den 1 mars och ska vara undertecknad av föreningens ordförande",
        "redovisningen ska visa antalet deltagare per kön",
    ]
    assert "1. första numrerade punkten" in items  # enumerators are kept, bullets dropped


def test_source_locates_each_block(policy: Document) -> None:
    for block in policy.blocks:
        assert block.source["page"] == block.page
        x0, top, x1, bottom = block.source["bbox"]
        assert 0 <= x0 < x1 <= 600 and 0 <= top < bottom <= 842
    block = next(b for b in policy.blocks if b.text.startswith("Arbetet med"))
    lines = block.source["lines"]
    assert len(lines) == 4
    offsets = [line[0] for line in lines]
    assert block.text[offsets[1]:].startswith("integrering ska")
    assert block.text[offsets[2]:].startswith("frågor och när")
    assert [line[1] for line in lines] == [1, 1, 1, 1]
    assert lines[0][3] < lines[1][3] < lines[2][3]  # top grows down the page


def test_metadata_title_wins_when_sensible(tmp_path: Path) -> None:
    good = write_pdf(tmp_path / "a.pdf", [Heading("Rubrik i texten"), para("Text.")], title="Plan för likabehandling")
    junk = write_pdf(tmp_path / "b.pdf", [Heading("Rubrik i texten"), para("Text.")], title="Microsoft Word - plan.docx")
    assert read(good).title == "Plan för likabehandling"
    assert read(junk).title == "Rubrik i texten"


# -- fast path and layout path agree ----------------------------------------------------------


def signature(doc: Document) -> list[tuple[str, str, int | None, int | None]]:
    return [(str(b.kind), b.text, b.page, b.level) for b in doc.blocks]


def test_fast_and_layout_paths_give_the_same_blocks(policy_pdf: Path) -> None:
    fast = read(policy_pdf, "fast")
    layout = read(policy_pdf, "layout")
    auto = read(policy_pdf, "auto")
    assert signature(fast) == signature(layout) == signature(auto)
    assert layout.metadata["layout_pages"] == [1, 2, 3]
    assert fast.metadata["layout_pages"] == []
    assert auto.metadata["layout_pages"] == []  # no rules drawn: pdfplumber is not needed


def test_fast_and_layout_agree_on_a_long_generated_text(tmp_path: Path) -> None:
    path = text_pdf(tmp_path / "long.pdf", 6)
    fast, layout = read(path, "fast"), read(path, "layout")
    assert signature(fast) == signature(layout)
    assert len(texts(fast, BlockKind.HEADING)) == 6


@pytest.mark.parametrize("mode", ["fast", "layout"])
def test_rotated_page_reads_in_order(tmp_path: Path, mode: str) -> None:
    path = rotated_pdf(tmp_path / "rot.pdf", ["Första raden i stycket om", "tjänstemännen och deras uppdrag."])
    assert texts(read(path, mode)) == ["Första raden i stycket om tjänstemännen och deras uppdrag."]


# -- paragraphs across a page break ---------------------------------------------------------


def test_paragraph_cut_by_a_page_break_is_one_block(tmp_path: Path) -> None:
    lines = [f"och här fortsätter rad {n} i det långa stycket" for n in range(1, 61)]
    lines[0] = "Det långa stycket börjar här"
    lines[-1] = "och slutar här."
    path = write_pdf(tmp_path / "span.pdf", [Para(lines)], header="Nämndens riktlinjer", footer="Sida {page}")
    doc = read(path)
    paragraphs = [b for b in doc.blocks if b.kind == BlockKind.PARAGRAPH]
    assert len(paragraphs) == 1
    assert paragraphs[0].page == 1
    assert paragraphs[0].source["pages"] == [1, 2]
    assert paragraphs[0].text.startswith("Det långa stycket börjar här och här fortsätter rad 2")
    assert paragraphs[0].text.endswith("rad 59 i det långa stycket och slutar här.")
    assert all("Nämndens" not in p.text for p in paragraphs)


def test_new_page_starting_a_sentence_starts_a_paragraph(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "two.pdf", [para("Första sidans stycke slutar här."), PageBreak(), para("Andra sidan börjar.")])
    assert texts(read(path), BlockKind.PARAGRAPH) == ["Första sidans stycke slutar här.", "Andra sidan börjar."]


# -- tables ----------------------------------------------------------------------------------

TABLE_ITEMS = [
    Heading("Personal"),
    para("Tabellen visar hur många som arbetar i förvaltningen."),
    Table([["Yrkesgrupp", "Antal"], ["tjänstemännen", "120"], ["Lärare", "80"]]),
    para("Efter tabellen kommer en avslutande mening."),
]


def test_table_cells_with_row_column_and_page(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "table.pdf", [para("Inledning."), PageBreak(), *TABLE_ITEMS])
    doc = read(path)
    cells = [b for b in doc.blocks if b.kind == BlockKind.TABLE_CELL]
    assert [(c.row, c.column, c.text) for c in cells] == [
        (0, 0, "Yrkesgrupp"),
        (0, 1, "Antal"),
        (1, 0, "tjänstemännen"),
        (1, 1, "120"),
        (2, 0, "Lärare"),
        (2, 1, "80"),
    ]
    assert {c.page for c in cells} == {2}
    assert {c.table for c in cells} == {0}
    # table text is not repeated as running text
    assert not any("tjänstemännen" in t or "Yrkesgrupp" in t for t in texts(doc, BlockKind.PARAGRAPH))
    # reading order: paragraph, table, paragraph
    kinds = [b.kind for b in doc.blocks if b.page == 2]
    assert kinds.index(BlockKind.TABLE_CELL) > kinds.index(BlockKind.PARAGRAPH)
    assert doc.blocks[-1].text == "Efter tabellen kommer en avslutande mening."
    assert doc.metadata["table_pages"] == [2]
    assert doc.metadata["layout_pages"] == []  # tables come from pypdfium2: pdfplumber is not needed


def test_tables_are_numbered_across_the_document(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "tables.pdf", [*TABLE_ITEMS, PageBreak(), Table([["A", "B"], ["1", "2"]])])
    cells = [b for b in read(path).blocks if b.kind == BlockKind.TABLE_CELL]
    assert sorted({(c.table, c.page) for c in cells}) == [(0, 1), (1, 2)]


def test_fast_mode_reads_table_text_as_lines(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "table.pdf", TABLE_ITEMS)
    doc = read(path, "fast")
    assert not any(b.kind == BlockKind.TABLE_CELL for b in doc.blocks)
    assert any("tjänstemännen" in t for t in texts(doc))


def test_layout_and_auto_agree_on_table_pages(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "table.pdf", [*TABLE_ITEMS, PageBreak(), para("Sista sidan.")])
    assert signature(read(path, "auto")) == signature(read(path, "layout"))


# -- errors ----------------------------------------------------------------------------------


def read_error(path: Path, **kw: object) -> ReadError:
    with pytest.raises(ReadError) as info:
        read(path, **kw)  # type: ignore[arg-type]
    return info.value


def test_image_only_pdf_has_no_text_layer(tmp_path: Path) -> None:
    err = read_error(image_only_pdf(tmp_path / "scan.pdf", pages=2))
    assert err.code == "read/no-text-layer"
    assert "saknar textlager" in err.to_error().message


def test_pdf_with_only_blank_pages_has_no_text(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "tom.pdf", [PageBreak()])
    assert read_error(path).code == "read/no-text"


def test_some_pages_without_text_are_noted(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "blank.pdf", [para("Första sidan."), PageBreak(), PageBreak(), para("Tredje sidan.")])
    doc = read(path)
    assert doc.pages == 3
    assert doc.metadata["pages_without_text"] == [2]


def test_truncated_pdf_is_corrupt(tmp_path: Path, policy_pdf: Path) -> None:
    data = policy_pdf.read_bytes()
    path = tmp_path / "trasig.pdf"
    path.write_bytes(data[: len(data) // 2])
    err = read_error(path)
    assert err.code == "read/corrupt-pdf"
    assert err.to_error().message == "PDF-filen är skadad och kan inte läsas."


def test_garbage_after_pdf_header_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "skrap.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    assert read_error(path).code == "read/corrupt-pdf"


def test_password_protected_pdf(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "last.pdf", [para("Hemlig text.")], user_password="hemligt")
    err = read_error(path)
    assert err.code == "read/encrypted"
    assert "lösenord" in err.to_error().message


@pytest.mark.parametrize("mode", ["auto", "layout"])
def test_encrypted_pdf_with_empty_user_password_is_read(tmp_path: Path, mode: str) -> None:
    path = write_pdf(tmp_path / "open.pdf", [para("Öppen text om tjänstemännen.")], user_password="")
    assert texts(read(path, mode)) == ["Öppen text om tjänstemännen."]


def test_too_many_pages(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "many.pdf", [para("A."), PageBreak(), para("B."), PageBreak(), para("C.")])
    err = read_error(path, max_pages=2)
    assert err.code == "read/too-many-pages"
    assert "3 sidor" in err.to_error().message
    assert read(path, max_pages=3).pages == 3


def test_extractor_object() -> None:
    assert PDF.name == "pdf"
    assert ".pdf" in PDF.extensions
    assert PDF.sniff(b"%PDF-1.4\n", Path("x.bin"))
    assert not PDF.sniff(b"PK\x03\x04", Path("x.pdf"))


def test_help_does_not_load_pdf_libraries() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from dokumentanalys.cli import main\n"
        "import dokumentanalys.extract.pdf\n"
        "assert CliRunner().invoke(main, ['--help']).exit_code == 0\n"
        "print(sorted(m for m in ('pypdfium2', 'pdfplumber', 'pdfminer') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- small pieces ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("jämställdhets-", "integrering", "jämställdhetsintegrering"),
        ("HR-", "frågor", "HR-frågor"),
        ("2023-", "2024", "2023-2024"),
        ("kvinno-", "och mansdominerade yrken", "kvinno- och mansdominerade yrken"),
        ("verksamheten -", "inte bara", "verksamheten - inte bara"),
        ("skol-", "Sverige", "skol-Sverige"),
        ("mellan", "kvinnor", "mellan kvinnor"),
        ("jäm\xad", "ställdhet", "jämställdhet"),
        ("", "början", "början"),
    ],
)
def test_join_lines(first: str, second: str, joined: str) -> None:
    assert join_lines(first, second) == joined


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7", True), ("Sida 7 av 12", True), ("- 7 -", True), ("7 (12)", True), ("s. 3", True), ("3/12", True),
     ("Bilaga 2", False), ("2024 års budget", False), ("Kapitel 7", False)],
)
def test_is_page_number(text: str, expected: bool) -> None:
    assert is_page_number(text) is expected


# -- end to end --------------------------------------------------------------------------------


def test_analyzer_finds_terms_on_the_right_page(tmp_path: Path, analyzer: object) -> None:
    path = write_pdf(
        tmp_path / "e2e.pdf",
        [
            Heading("Rutin för ärendehandläggning"),
            para("Rutinen gäller alla som handlägger ärenden om bistånd."),
            PageBreak(),
            para("Tjänstemännen ska dokumentera varje kontakt med den enskilde."),
            PageBreak(),
            Table([["Roll", "Ansvar"], ["tjänstemännen", "Dokumentation"]]),
        ],
        header="Socialförvaltningen",
        footer="Sida {page} av {pages}",
    )
    result = analyzer.analyze(path)  # type: ignore[attr-defined]
    assert result.errors == []
    assert result.format == "pdf" and result.pages == 3
    hits = [f for f in result.findings if f.rule == "term/tjansteman"]
    assert sorted((f.location.page, f.location.kind) for f in hits) == [(2, "paragraph"), (3, "table-cell")]
    cell = next(f for f in hits if f.location.kind == "table-cell")
    assert (cell.location.table, cell.location.row, cell.location.column) == (0, 1, 0)
