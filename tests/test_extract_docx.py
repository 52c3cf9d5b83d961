"""DOCX extraction: document order, tables, headers, notes, forms, safety, locations."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from dokumentanalys.errors import ReadError
from dokumentanalys.extract.base import ExtractOptions
from dokumentanalys.extract.docx import extract_docx, paragraph_runs, paragraph_text
from dokumentanalys.extract.docx_text import run_text
from dokumentanalys.model import BlockKind, Document

import docxgen
from docxgen import FORM_TEXTS as T

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read(path: Path, **options: int) -> Document:
    return extract_docx(path, ExtractOptions(**options))


def by_text(doc: Document, text: str):
    found = [b for b in doc.blocks if text in b.text]
    assert len(found) == 1, (text, [b.text for b in found])
    return found[0]


@pytest.fixture(scope="module")
def form_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return docxgen.form_document(tmp_path_factory.mktemp("docx") / "ansokan.docx")


@pytest.fixture(scope="module")
def form(form_path: Path) -> Document:
    return read(form_path)


# -- document order and block kinds --


def test_form_blocks_in_document_order(form: Document) -> None:
    texts = [b.text for b in form.blocks]
    order = [T["header"], T["title"], T["intro"], T["merged"], T["cell_label"], T["nested"], T["control"],
             T["inline_before"] + T["inline_value"], "Observera:", T["box"], T["legacy_label"],
             T["footer"], T["footnote"], T["endnote"]]
    positions = [next(i for i, t in enumerate(texts) if o in t) for o in order]
    assert positions == sorted(positions)
    assert [b.index for b in form.blocks] == list(range(len(form.blocks)))


def test_title_and_heading_levels_from_styles(form: Document) -> None:
    title = by_text(form, T["title"])
    assert (title.kind, title.level) == (BlockKind.HEADING, 0)
    heading = by_text(form, "Om föreningen")
    assert (heading.kind, heading.level) == (BlockKind.HEADING, 1)
    assert by_text(form, T["intro"]).kind == BlockKind.PARAGRAPH
    assert form.title == T["title"]


def test_heading_levels_by_name_outline_level_and_based_on(tmp_path: Path) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    doc = docxgen.new_document()
    swedish = doc.styles.add_style("Rubrik 2", WD_STYLE_TYPE.PARAGRAPH)
    derived = doc.styles.add_style("Min rubrik", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = doc.styles["Heading 1"]
    outlined = doc.styles.add_style("Avsnitt", WD_STYLE_TYPE.PARAGRAPH)
    from docx.oxml import parse_xml

    outlined.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {docxgen.NSDECLS} w:val="3"/>'))
    doc.add_paragraph("Svensk rubrik", style=swedish)
    doc.add_paragraph("Ärvd rubrik", style=derived)
    doc.add_paragraph("Avsnitt med dispositionsnivå", style=outlined)
    doc.add_heading("Tredje nivån", 3)
    docxgen.append_xml(doc, docxgen.paragraph("Direkt dispositionsnivå", ppr='<w:outlineLvl w:val="1"/>'))
    docxgen.append_xml(doc, docxgen.paragraph("Brödtext trots rubrikstil", style="Heading1",
                                              ppr='<w:outlineLvl w:val="9"/>'))
    doc.add_paragraph("Vanlig brödtext.")
    path = docxgen.save(doc, tmp_path / "rubriker.docx")
    got = {b.text: (b.kind, b.level) for b in read(path).blocks}
    assert got["Svensk rubrik"] == (BlockKind.HEADING, 2)
    assert got["Ärvd rubrik"] == (BlockKind.HEADING, 1)
    assert got["Avsnitt med dispositionsnivå"] == (BlockKind.HEADING, 4)
    assert got["Tredje nivån"] == (BlockKind.HEADING, 3)
    assert got["Direkt dispositionsnivå"] == (BlockKind.HEADING, 2)
    assert got["Brödtext trots rubrikstil"] == (BlockKind.PARAGRAPH, None)
    assert got["Vanlig brödtext."] == (BlockKind.PARAGRAPH, None)


def test_list_items_by_style_and_direct_numbering(tmp_path: Path) -> None:
    doc = docxgen.new_document()
    doc.add_paragraph("Punkt i punktlista", style="List Bullet")
    docxgen.append_xml(doc, docxgen.paragraph(
        "Underpunkt", ppr='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'))
    docxgen.append_xml(doc, docxgen.paragraph(
        "Numrering avstängd", style="ListBullet", ppr='<w:numPr><w:numId w:val="0"/></w:numPr>'))
    got = {b.text: (b.kind, b.level) for b in read(docxgen.save(doc, tmp_path / "lista.docx")).blocks}
    assert got["Punkt i punktlista"] == (BlockKind.LIST_ITEM, 1)
    assert got["Underpunkt"] == (BlockKind.LIST_ITEM, 2)
    assert got["Numrering avstängd"] == (BlockKind.PARAGRAPH, None)


def test_core_property_title_wins(tmp_path: Path) -> None:
    doc = docxgen.new_document()
    doc.core_properties.title = "Riktlinje för bidrag"
    doc.add_heading("En annan rubrik", 1)
    assert read(docxgen.save(doc, tmp_path / "titel.docx")).title == "Riktlinje för bidrag"


# -- tables --


def test_merged_cells_appear_once(form: Document) -> None:
    cells = [b for b in form.blocks if b.kind == BlockKind.TABLE_CELL and b.table == 0]
    assert [b.text for b in cells].count(T["merged"]) == 1
    assert [b.text for b in cells].count(T["vmerged"]) == 1
    merged = by_text(form, T["merged"])
    assert (merged.row, merged.column, merged.source["col_span"]) == (0, 0, 3)
    vmerged = by_text(form, T["vmerged"])
    assert (vmerged.row, vmerged.column, vmerged.source["row_span"]) == (2, 0, 2)
    value = by_text(form, T["cell_value"])
    assert (value.table, value.row, value.column) == (0, 1, 1)
    assert by_text(form, "Telefon").column == 1


def test_nested_table_has_own_index_and_parent(form: Document) -> None:
    nested = by_text(form, T["nested"])
    assert nested.kind == BlockKind.TABLE_CELL
    assert (nested.table, nested.parent_table, nested.row, nested.column) == (1, 0, 0, 0)
    outer = [b for b in form.blocks if b.table == 0]
    assert all(b.parent_table is None for b in outer)
    assert form.metadata["tables"] == 2


def test_multi_paragraph_cell_joined_with_newline(tmp_path: Path) -> None:
    doc = docxgen.new_document()
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "Första raden"
    cell.add_paragraph("")
    cell.add_paragraph("Andra raden")
    block = read(docxgen.save(doc, tmp_path / "cell.docx")).blocks[0]
    assert block.text == "Första raden\nAndra raden"
    starts = [start for _, start in block.source["paragraphs"]]
    assert starts == [0, len("Första raden") + 1]


# -- headers, footers, notes --


def test_header_footer_and_notes(form: Document) -> None:
    header = by_text(form, T["header"])
    assert header.kind == BlockKind.HEADER and header.source["part"].startswith("word/header")
    footer = by_text(form, T["footer"])
    assert footer.kind == BlockKind.FOOTER and footer.source["part"].startswith("word/footer")
    note = by_text(form, T["footnote"])
    assert note.kind == BlockKind.FOOTNOTE and note.source["part"] == "word/footnotes.xml"
    assert note.source["note"] == "footnote"
    endnote = by_text(form, T["endnote"])
    assert endnote.kind == BlockKind.FOOTNOTE and endnote.source["note"] == "endnote"
    assert not any(b.text.strip() == "" for b in form.blocks)  # separators give no block


def test_each_distinct_header_text_once(tmp_path: Path) -> None:
    doc = docxgen.new_document()
    doc.add_paragraph("Avsnitt ett.")
    doc.add_section()
    doc.add_paragraph("Avsnitt två.")
    first, second = doc.sections
    first.header.paragraphs[0].text = "Gemensamt sidhuvud"
    first.footer.paragraphs[0].text = "Sidfot ett"
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Gemensamt sidhuvud"
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = "Sidfot två"
    second.different_first_page_header_footer = True
    second.first_page_header.is_linked_to_previous = False
    second.first_page_header.paragraphs[0].text = "Försättsblad"
    result = read(docxgen.save(doc, tmp_path / "sektioner.docx"))
    kinds = [(b.kind, b.text) for b in result.blocks]
    assert [t for k, t in kinds if k == BlockKind.HEADER].count("Gemensamt sidhuvud") == 1
    assert (BlockKind.HEADER, "Försättsblad") in kinds
    footers = [t for k, t in kinds if k == BlockKind.FOOTER]
    assert footers == ["Sidfot ett", "Sidfot två"]
    texts = [t for _, t in kinds]
    # a section's footer follows its body, the next section's headers come before its body
    assert texts.index("Avsnitt ett.") < texts.index("Sidfot ett") < texts.index("Försättsblad") < texts.index("Avsnitt två.")
    assert result.metadata["sections"] == 2


# -- forms: content controls, legacy fields, text boxes --


def test_block_content_control_is_form_field(form: Document) -> None:
    block = by_text(form, T["control"])
    assert block.kind == BlockKind.FORM_FIELD
    assert block.source["content_control"]["tag"] == "verksamhet"
    assert block.source["content_control"]["alias"] == "Verksamhet"


def test_inline_content_control_text_stays_in_paragraph(form: Document) -> None:
    block = by_text(form, T["inline_value"])
    assert block.kind == BlockKind.PARAGRAPH
    assert block.text == T["inline_before"] + T["inline_value"] + T["inline_after"]
    (control,) = block.source["content_controls"]
    assert block.text[control["start"]:control["end"]] == T["inline_value"]
    assert control["tag"] == "namn" and control["type"] == "text"


def test_wrapper_controls_are_not_form_fields(tmp_path: Path) -> None:
    doc = docxgen.new_document()
    docxgen.append_xml(doc, docxgen.block_control("Innehåll", style="Heading1", kind="docPartObj"))
    docxgen.append_xml(doc, docxgen.block_control("1. Bakgrund 3", kind="docPartObj"))
    docxgen.append_xml(doc, docxgen.block_control("Rubrik i fält", style="Heading2"))
    docxgen.append_xml(doc, docxgen.block_control("Klicka här för att ange text.", placeholder=True))
    result = read(docxgen.save(doc, tmp_path / "toc.docx"))
    got = {b.text: b for b in result.blocks}
    assert got["Innehåll"].kind == BlockKind.HEADING
    assert got["1. Bakgrund 3"].kind == BlockKind.PARAGRAPH
    assert (got["Rubrik i fält"].kind, got["Rubrik i fält"].level) == (BlockKind.HEADING, 2)
    placeholder = got["Klicka här för att ange text."]
    assert placeholder.kind == BlockKind.FORM_FIELD and placeholder.source["content_control"]["placeholder"]
    assert result.metadata["form_fields"] == 2


def test_content_control_in_table_cell(tmp_path: Path) -> None:
    doc = docxgen.new_document()
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ort"
    tc = table.cell(0, 1)._tc
    for p in tc.findall(W + "p"):
        tc.remove(p)
    from docx.oxml import parse_xml

    tc.append(parse_xml(f"<w:wrapper {docxgen.NSDECLS}>{docxgen.block_control('Umeå', tag='ort')}</w:wrapper>")[0])
    result = read(docxgen.save(doc, tmp_path / "cellfalt.docx"))
    cell = by_text(result, "Umeå")
    assert (cell.kind, cell.row, cell.column) == (BlockKind.TABLE_CELL, 0, 1)
    assert cell.source["content_control"]["tag"] == "ort"


def test_text_box_read_once_from_alternate_content(form: Document) -> None:
    boxes = [b for b in form.blocks if b.kind == BlockKind.TEXT_BOX]
    assert [b.text for b in boxes] == [T["box"]]
    anchor = by_text(form, "Observera:")
    assert anchor.text == "Observera:" and anchor.index + 1 == boxes[0].index
    assert form.metadata["text_boxes"] == 1


def test_vml_text_box_and_text_box_in_table_cell(tmp_path: Path) -> None:
    doc = docxgen.new_document()
    docxgen.append_xml(doc, docxgen.vml_text_box_paragraph("Ankare", "Gammal textruta", "Andra stycket"))
    table = doc.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Cell"
    from docx.oxml import parse_xml

    box_p = parse_xml(f"<w:wrapper {docxgen.NSDECLS}>{docxgen.text_box_paragraph('', 'Ruta i cell')}</w:wrapper>")[0]
    table.cell(0, 0)._tc.append(box_p)
    result = read(docxgen.save(doc, tmp_path / "rutor.docx"))
    boxes = [b for b in result.blocks if b.kind == BlockKind.TEXT_BOX]
    assert [b.text for b in boxes] == ["Gammal textruta\nAndra stycket", "Ruta i cell"]
    cell = by_text(result, "Cell")
    assert cell.text == "Cell" and cell.index + 1 == boxes[1].index


def test_legacy_text_field_result_inline(form: Document) -> None:
    block = by_text(form, T["legacy_value"])
    assert block.text == T["legacy_label"] + T["legacy_value"]
    assert "FORMTEXT" not in block.text
    field = block.source["form_fields"][0]
    assert (field["type"], field["name"]) == ("text", "Konto")
    assert block.text[field["start"]:field["end"]] == T["legacy_value"]


def test_legacy_checkbox_and_dropdown_state(tmp_path: Path) -> None:
    doc = docxgen.new_document()
    docxgen.append_xml(doc, docxgen.legacy_checkbox_paragraph(" Ja", checked=True, name="Ja"))
    docxgen.append_xml(doc, docxgen.legacy_checkbox_paragraph(" Nej", checked=False, name="Nej"))
    docxgen.append_xml(doc, docxgen.legacy_dropdown_paragraph("Kön: ", ["Välj", "Kvinna", "Man", "Annat"], 1))
    result = read(docxgen.save(doc, tmp_path / "kryss.docx"))
    yes = by_text(result, "Ja").source["form_fields"][0]
    no = by_text(result, "Nej").source["form_fields"][0]
    assert (yes["type"], yes["checked"]) == ("checkbox", True)
    assert (no["type"], no["checked"]) == ("checkbox", False)
    drop = by_text(result, "Kön:").source["form_fields"][0]
    assert (drop["type"], drop["selected"]) == ("dropdown", "Kvinna")
    assert result.metadata["form_fields"] == 3


def test_tracked_changes_hyperlinks_and_fields(form: Document) -> None:
    block = by_text(form, "Beslutet är")
    assert block.text == "Beslutet är godkänd och gäller ett år. Läs mer på villkorssidan."
    assert T["deleted"].strip() not in block.text


def test_runs_tabs_breaks_and_skipped_parts(tmp_path: Path) -> None:
    doc = docxgen.new_document()
    docxgen.append_xml(doc, docxgen.paragraph(
        "<w:r><w:t>Datum</w:t><w:tab/><w:t>ort</w:t><w:br/><w:t>rad</w:t><w:noBreakHyphen/><w:t>två</w:t></w:r>",
        '<w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>',
        f'<w:smartTag w:uri="x" w:element="place">{docxgen.run(" Umeå")}</w:smartTag>',
        f'<w:moveFrom w:id="3" w:author="A" w:date="2024-01-01T00:00:00Z">{docxgen.run("flyttad")}</w:moveFrom>',
    ))
    block = read(docxgen.save(doc, tmp_path / "runs.docx")).blocks[0]
    assert block.text == "Datum\tort rad-två7 Umeå"


# -- the location contract --


def _check_location_contract(path: Path, doc: Document) -> int:
    """For every block: its paragraphs, found by ordinal in a fresh parse of the part,
    give through paragraph_runs exactly the block's text at the recorded offsets."""
    roots: dict[str, etree._Element] = {}
    with zipfile.ZipFile(path) as zf:
        for block in doc.blocks:
            name = block.source["part"]
            if name not in roots:
                roots[name] = etree.fromstring(zf.read(name))
    checked = 0
    for block in doc.blocks:
        paragraphs = list(roots[block.source["part"]].iter(W + "p"))
        pieces = []
        expected_start = 0
        for ordinal, start in block.source["paragraphs"]:
            runs = paragraph_runs(paragraphs[ordinal])
            position = 0
            for run, run_start, run_end in runs:
                assert run.tag == W + "r"
                assert run_start == position and run_end - run_start == len(run_text(run)) > 0
                position = run_end
            text = "".join(run_text(run) for run, _, _ in runs)
            assert text == paragraph_text(paragraphs[ordinal])
            assert start == expected_start
            assert block.text[start:start + len(text)] == text
            pieces.append(text)
            expected_start = start + len(text) + 1
            checked += 1
        assert "\n".join(pieces) == block.text
        assert block.paragraph == block.source["paragraphs"][0][0]
    return checked


def test_location_contract_on_form(form_path: Path, form: Document) -> None:
    assert _check_location_contract(form_path, form) == len(form.blocks)


def test_location_contract_on_multi_paragraph_blocks(tmp_path: Path) -> None:
    doc = docxgen.new_document()
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "Ett"
    cell.add_paragraph("Två\tmed tabb")
    docxgen.append_xml(doc, docxgen.text_box_paragraph("Före", "Ruta ett", "", "Ruta två"))
    header = doc.sections[0].header
    header.paragraphs[0].text = "Sidhuvud rad ett"
    header.add_paragraph("Sidhuvud rad två")
    path = docxgen.save(doc, tmp_path / "flera.docx", footnotes={1: "Fotnot", 2: "Andra fotnoten"})
    result = read(path)
    assert _check_location_contract(path, result) > len(result.blocks)
    assert by_text(result, "Ruta ett").text == "Ruta ett\nRuta två"
    assert by_text(result, "Sidhuvud rad ett").text == "Sidhuvud rad ett\nSidhuvud rad två"


def test_ordinals_count_every_paragraph_of_the_part(form_path: Path, form: Document) -> None:
    # the text box paragraph comes after its anchor and its duplicate in mc:Fallback counts too
    anchor = by_text(form, "Observera:")
    box = by_text(form, T["box"])
    assert box.source["paragraphs"][0][0] == anchor.source["paragraphs"][0][0] + 1
    legacy = by_text(form, T["legacy_value"])
    assert legacy.source["paragraphs"][0][0] == box.source["paragraphs"][0][0] + 2


# -- through the Analyzer --


def test_term_found_in_cell_header_and_content_control(tmp_path: Path, analyzer) -> None:
    word = "tjänstemännen"
    doc = docxgen.new_document()
    doc.add_heading("Anvisningar", 1)
    doc.add_paragraph("Läs anvisningarna innan du fyller i blanketten.")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Handläggning"
    table.cell(0, 1).text = f"Ansökan granskas av {word} på enheten."
    docxgen.append_xml(doc, docxgen.block_control(f"Beskriv hur {word} har informerats.", tag="info"))
    doc.sections[0].header.paragraphs[0].text = f"Frågor besvaras av {word} i receptionen"
    path = docxgen.save(doc, tmp_path / "termer.docx")
    result = analyzer.analyze(path)
    assert result.errors == []
    hits = [f for f in result.findings if f.rule == "term/tjansteman"]
    assert sorted(f.location.kind for f in hits) == ["form-field", "header", "table-cell"]
    blocks = analyzer.read(path).blocks
    for finding in hits:
        location = finding.location
        assert blocks[location.block].text[location.start:location.end] == word
    cell = next(f for f in hits if f.location.kind == "table-cell").location
    assert (cell.table, cell.row, cell.column) == (0, 0, 1)


def test_term_in_inline_control_is_in_paragraph(tmp_path: Path, analyzer) -> None:
    doc = docxgen.new_document()
    docxgen.append_xml(doc, docxgen.inline_control_paragraph("Mottagare: ", "tjänstemannen på enheten", "."))
    path = docxgen.save(doc, tmp_path / "inline.docx")
    hits = [f for f in analyzer.analyze(path).findings if f.rule == "term/tjansteman"]
    assert [f.location.kind for f in hits] == ["paragraph"]
    block = analyzer.read(path).blocks[hits[0].location.block]
    assert block.text[hits[0].location.start:hits[0].location.end] == "tjänstemannen"


def test_text_file_named_docx_is_wrong_format(tmp_path: Path, analyzer) -> None:
    path = tmp_path / "blankett.docx"
    path.write_text("Det här är vanlig text, inte ett Word-dokument.\n", encoding="utf-8")
    result = analyzer.analyze(path)
    assert [e.code for e in result.errors] == ["read/wrong-format"]


def test_corrupt_zip_through_analyzer(tmp_path: Path, analyzer) -> None:
    good = docxgen.form_document(tmp_path / "hel.docx").read_bytes()
    path = tmp_path / "trasig.docx"
    path.write_bytes(good[: len(good) // 2])
    result = analyzer.analyze(path)
    assert [e.code for e in result.errors] == ["read/corrupt-docx"]
    assert "skadad" in result.errors[0].message


# -- bad and hostile input --


def test_corrupt_zip(tmp_path: Path) -> None:
    path = tmp_path / "trasig.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(ReadError) as info:
        read(path)
    assert info.value.code == "read/corrupt-docx"


def test_missing_document_part(tmp_path: Path) -> None:
    path = docxgen.save(docxgen.new_document(), tmp_path / "utan.docx")
    docxgen.rewrite_parts(path, {"word/document.xml": None})
    with pytest.raises(ReadError) as info:
        read(path)
    assert info.value.code == "read/corrupt-docx"


def test_malformed_document_xml(tmp_path: Path) -> None:
    path = docxgen.save(docxgen.new_document(), tmp_path / "fel.docx")
    docxgen.rewrite_parts(path, {"word/document.xml": b"<w:document><w:body><w:p></w:body>"})
    with pytest.raises(ReadError) as info:
        read(path)
    assert info.value.code == "read/corrupt-docx"


def _document_with_doctype(doctype: str, body: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n<w:document {docxgen.NSDECLS}><w:body>'
        f"<w:p><w:r><w:t>{body}</w:t></w:r></w:p></w:body></w:document>"
    ).encode()


BILLION_LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + "]>"
)


@pytest.mark.parametrize(
    ("part", "data"),
    [
        ("word/document.xml", _document_with_doctype(BILLION_LAUGHS, "&lol9;")),
        ("word/document.xml",
         _document_with_doctype('<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;")),
        ("word/styles.xml",
         b'<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY e SYSTEM "http://127.0.0.1:9/x">]>'
         b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&e;</w:styles>'),
        ("word/document.xml",
         _document_with_doctype('<!DOCTYPE w:document [<!ENTITY a "b">]>', "&a;")
         .decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")),
    ],
    ids=["billion-laughs", "external-entity", "entity-in-styles", "utf16-doctype"],
)
def test_entity_declarations_are_unsafe(tmp_path: Path, part: str, data: bytes) -> None:
    doc = docxgen.new_document()
    doc.add_paragraph("Text")
    path = docxgen.save(doc, tmp_path / "entitet.docx")
    docxgen.rewrite_parts(path, {part: data})
    with pytest.raises(ReadError) as info:
        read(path)
    assert info.value.code == "read/unsafe"


def test_zip_bomb_over_decompressed_limit(tmp_path: Path, analyzer) -> None:
    path = docxgen.zip_bomb(tmp_path / "bomb.docx", 2 * 1024 * 1024)
    assert path.stat().st_size < 20_000
    with pytest.raises(ReadError) as info:
        read(path, max_decompressed_size=1024 * 1024)
    assert info.value.code == "read/unsafe"


def test_zip_bomb_by_compression_ratio(tmp_path: Path) -> None:
    from dokumentanalys.extract.docx_package import MAX_RATIO, RATIO_MIN_SIZE

    path = docxgen.zip_bomb(tmp_path / "bomb.docx", RATIO_MIN_SIZE + 1024)
    member = zipfile.ZipFile(path).getinfo("word/document.xml")
    assert member.file_size > MAX_RATIO * member.compress_size
    with pytest.raises(ReadError) as info:
        read(path)
    assert info.value.code == "read/unsafe"


def test_strict_ooxml_namespace(tmp_path: Path) -> None:
    doc = docxgen.new_document()
    doc.add_heading("Strikt rubrik", 1)
    doc.add_paragraph("Strikt text.")
    path = docxgen.save(doc, tmp_path / "strikt.docx")
    strict = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    docxgen.rewrite_parts(path, lambda parts: {
        name: data.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", strict)
        for name, data in parts.items()
    })
    got = [(b.kind, b.text) for b in read(path).blocks]
    assert got == [(BlockKind.HEADING, "Strikt rubrik"), (BlockKind.PARAGRAPH, "Strikt text.")]


def test_input_file_is_not_modified(form_path: Path) -> None:
    before = form_path.read_bytes()
    read(form_path)
    assert form_path.read_bytes() == before


def test_metadata_counts(form: Document) -> None:
    meta = form.metadata
    assert meta["tables"] == 2
    assert meta["form_fields"] == 4  # block control, inline control, legacy text field, check box
    assert meta["text_boxes"] == 1
    assert (meta["headers"], meta["footers"], meta["footnotes"], meta["endnotes"]) == (1, 1, 1, 1)


def test_row_and_cell_level_controls_and_deleted_rows(tmp_path: Path) -> None:
    cell = lambda text: f"<w:tc>{docxgen.paragraph(text)}</w:tc>"  # noqa: E731
    table = (
        '<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>'
        f"<w:tr>{cell('Namn')}<w:sdt><w:sdtPr><w:tag w:val='namnfalt'/></w:sdtPr>"
        f"<w:sdtContent>{cell('Alva Ek')}</w:sdtContent></w:sdt></w:tr>"
        f"<w:sdt><w:sdtPr><w:tag w:val='rader'/><w:group/></w:sdtPr><w:sdtContent>"
        f"<w:tr>{cell('Ort')}{cell('Luleå')}</w:tr></w:sdtContent></w:sdt>"
        f'<w:tr><w:trPr><w:del w:id="9" w:author="A" w:date="2024-01-01T00:00:00Z"/></w:trPr>{cell("Struken")}{cell("rad")}</w:tr>'
        f'<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>{cell("Sist")}</w:tr>'
        "</w:tbl>"
    )
    doc = docxgen.new_document()
    docxgen.append_xml(doc, table)
    result = read(docxgen.save(doc, tmp_path / "radfalt.docx"))
    got = {b.text: b for b in result.blocks}
    assert got["Alva Ek"].source["content_control"]["tag"] == "namnfalt"
    assert (got["Alva Ek"].row, got["Alva Ek"].column) == (0, 1)
    assert (got["Luleå"].row, got["Luleå"].column) == (1, 1)
    assert "content_control" not in got["Luleå"].source
    assert "Struken" not in got
    assert (got["Sist"].row, got["Sist"].column) == (3, 1)


def test_swedish_title_style_is_level_zero(tmp_path: Path) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    doc = docxgen.new_document()
    doc.add_paragraph("Plan för jämställdhet", style=doc.styles.add_style("Rubrik", WD_STYLE_TYPE.PARAGRAPH))
    (block,) = read(docxgen.save(doc, tmp_path / "rubrik.docx")).blocks
    assert (block.kind, block.level) == (BlockKind.HEADING, 0)


def test_document_without_text(tmp_path: Path) -> None:
    doc = docxgen.new_document()
    doc.add_paragraph("   ")
    with pytest.raises(ReadError) as info:
        read(docxgen.save(doc, tmp_path / "tom.docx"))
    assert info.value.code == "read/no-text"


def test_docx_zip_without_main_part_through_analyzer(tmp_path: Path, analyzer) -> None:
    path = docxgen.save(docxgen.new_document(), tmp_path / "utan.docx")
    docxgen.rewrite_parts(path, {"word/document.xml": None})
    assert [e.code for e in analyzer.analyze(path).errors] == ["read/corrupt-docx"]
    other = tmp_path / "kalkyl.docx"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    assert [e.code for e in analyzer.analyze(other).errors] == ["read/wrong-format"]
