"""``--format docx``: reviewed copies with Word comments anchored on exactly the flagged words."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from dokumentanalys.extract.base import ExtractOptions
from dokumentanalys.extract.docx import DOCX as DOCX_EXTRACTOR
from dokumentanalys.model import Assessment, DocumentResult, Finding, Location, Severity
from dokumentanalys.report.base import Report
from dokumentanalys.report.docx_comments import AUTHOR, annotate_docx, reviewed_name, write_files

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def make_docx(path: Path) -> Path:
    """A form with flagged words in a header, a heading, a paragraph split over
    formatted runs, a table cell, and a hostile string."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Kontakt: kommunens talesman för fritidsfrågor"
    d.add_heading("Riktlinje för föreningsbidrag", level=1)
    p = d.add_paragraph("Ansökan skickas in av föreningens ")
    bold = p.add_run("tales")
    bold.bold = True
    italic = p.add_run("man senast den 1 mars.")
    italic.italic = True
    d.add_paragraph("Målsmans underskrift krävs för sökande under 18 år.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Roll"
    table.cell(0, 1).text = "Ansvar"
    table.cell(1, 0).text = "Handläggande tjänsteman"
    table.cell(1, 1).text = "Gör en första bedömning."
    d.add_paragraph('Texten <script>alert("x")</script> & =SUMMA(A1) står kvar.')
    d.save(str(path))
    return path


def finding_at(block_text: str, block: int, word: str, kind: str, message: str, *, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = block_text.index(word, start + 1)
    return Finding(
        rule="test/ord",
        category="gendered-term",
        severity=Severity.ERROR,
        message=message,
        location=Location(block=block, start=start, end=start + len(word), kind=kind),
        excerpt=block_text,
        suggestions=("talesperson",),
        source="Testkälla <b>fet</b>",
        matched=word,
    )


def result_for(path: Path, words: list[str], whole: bool = True) -> DocumentResult:
    """Findings on the first block that contains each word (located with the real extractor).

    A word given as ``"talesman@föreningens"`` is looked for in the first block
    that also contains ``föreningens``.
    """
    document = DOCX_EXTRACTOR.extract(path, ExtractOptions())
    findings = []
    for spec in words:
        word, _, context = spec.partition("@")
        block = next(b for b in document.blocks if word in b.text and context in b.text)
        findings.append(finding_at(block.text, block.index, word, str(block.kind), f"”{word}” är könsbundet <&>."))
    if whole:
        findings.append(
            Finding(
                rule="perspektiv/saknas",
                category="missing-gender-perspective",
                severity=Severity.WARNING,
                message="Dokumentet nämner aldrig kvinnor och män.",
                location=Location(block=None),
                suggestions=("Beskriv vilka som söker bidrag, uppdelat på kön.",),
            )
        )
    return DocumentResult(
        path=str(path),
        format="docx",
        kind="styrdokument",
        findings=findings,
        assessment=Assessment(0, (), "Inga ord om kvinnor och män."),
    )


def comments_by_anchor(path: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(comment id -> anchored text, comment id -> comment text, comment id -> author) of a DOCX."""
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        comments = etree.fromstring(zf.read("word/comments.xml"))
        anchored: dict[str, str] = {}
        for name in names:
            if not (name.startswith("word/") and name.endswith(".xml")) or name == "word/comments.xml":
                continue
            root = etree.fromstring(zf.read(name))
            open_ids: list[str] = []
            for el in root.iter():
                if el.tag == W + "commentRangeStart":
                    open_ids.append(el.get(W + "id"))
                    anchored.setdefault(el.get(W + "id"), "")
                elif el.tag == W + "commentRangeEnd":
                    open_ids.remove(el.get(W + "id"))
                elif el.tag == W + "t":
                    for cid in open_ids:
                        anchored[cid] += el.text or ""
    texts = {}
    authors = {}
    for c in comments.iter(W + "comment"):
        cid = c.get(W + "id")
        texts[cid] = "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p"))
        authors[cid] = c.get(W + "author")
    return anchored, texts, authors


@pytest.fixture()
def form(tmp_path: Path) -> Path:
    return make_docx(tmp_path / "blankett.docx")


def test_comments_are_anchored_on_exactly_the_flagged_words(form: Path, tmp_path: Path) -> None:
    # "talesman" in a paragraph (split over a bold and an italic run), in a table cell and in the header
    doc = result_for(form, ["talesman@föreningens", "Målsmans", "tjänsteman", "talesman@Kontakt"])
    dest = tmp_path / "ut" / reviewed_name(form)
    result = annotate_docx(form, dest, doc)
    anchored, texts, authors = comments_by_anchor(dest)
    assert set(authors.values()) == {AUTHOR}
    assert sorted(anchored.values()) == sorted(
        ["talesman", "Målsmans", "tjänsteman"] + ["Riktlinje för föreningsbidrag"] * 2
    )
    by_text = {anchored[cid]: texts[cid] for cid in anchored}
    assert by_text["tjänsteman"].startswith("”tjänsteman” är könsbundet <&>.")
    assert "Skriv i stället: talesperson" in by_text["tjänsteman"]
    assert "Källa: Testkälla <b>fet</b>" in by_text["tjänsteman"]
    assert by_text["talesman"].startswith("”talesman” är könsbundet")
    assert result.anchored == 3
    assert len(result.on_title) == 2  # the header finding and the document-level one


def test_header_findings_go_to_the_title_with_the_words_quoted(form: Path, tmp_path: Path) -> None:
    # "talesman" first occurs in the header block
    doc = result_for(form, ["talesman"], whole=False)
    assert doc.findings[0].location.kind == "header"
    dest = tmp_path / reviewed_name(form)
    annotate_docx(form, dest, doc)
    anchored, texts, _ = comments_by_anchor(dest)
    with zipfile.ZipFile(dest) as zf:
        header = zf.read("word/header1.xml")
    assert b"commentRangeStart" not in header and b"commentReference" not in header
    on_title = [texts[cid] for cid, words in anchored.items() if words == "Riktlinje för föreningsbidrag"]
    assert len(on_title) == 2  # the document comment and the header finding
    assert any(t.startswith("Fynd i sidhuvudet: ”talesman”") for t in on_title)


def test_document_level_findings_and_marker_in_the_title_comment(form: Path, tmp_path: Path) -> None:
    doc = result_for(form, [], whole=True)
    dest = tmp_path / reviewed_name(form)
    annotate_docx(form, dest, doc)
    anchored, texts, _ = comments_by_anchor(dest)
    (cid,) = [c for c, words in anchored.items() if words == "Riktlinje för föreningsbidrag"]
    assert "jämställdhetsmarkör 0 – jämställdhetsperspektiv saknas" in texts[cid]
    assert "Dokumentet nämner aldrig kvinnor och män." in texts[cid]
    assert "Beskriv vilka som söker bidrag, uppdelat på kön." in texts[cid]


def test_split_runs_keep_their_formatting(form: Path, tmp_path: Path) -> None:
    document = DOCX_EXTRACTOR.extract(form, ExtractOptions())
    block = next(b for b in document.blocks if "föreningens tales" in b.text)
    doc = DocumentResult(str(form), "docx", findings=[finding_at(block.text, block.index, "talesman", "paragraph", "x")])
    dest = tmp_path / reviewed_name(form)
    annotate_docx(form, dest, doc)
    with zipfile.ZipFile(dest) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    p = next(p for p in root.iter(W + "p") if "föreningens" in "".join(t.text or "" for t in p.iter(W + "t")))
    inside, state = [], False
    for el in p:
        if el.tag == W + "commentRangeStart":
            state = True
        elif el.tag == W + "commentRangeEnd":
            state = False
        elif el.tag == W + "r" and state:
            inside.append(el)
    assert ["".join(t.text for t in r.iter(W + "t")) for r in inside] == ["tales", "man"]
    assert inside[0].find(f"{W}rPr/{W}b") is not None
    assert inside[1].find(f"{W}rPr/{W}i") is not None
    # the rest of the italic run is still italic and still there
    after = "".join("".join(t.text or "" for t in r.iter(W + "t")) for r in p.iter(W + "r"))
    assert after == "Ansökan skickas in av föreningens talesman senast den 1 mars."
    tail = [r for r in p.iter(W + "r") if "".join(t.text or "" for t in r.iter(W + "t")) == " senast den 1 mars."]
    assert tail and tail[0].find(f"{W}rPr/{W}i") is not None


def test_a_word_in_the_middle_of_a_run(form: Path, tmp_path: Path) -> None:
    document = DOCX_EXTRACTOR.extract(form, ExtractOptions())
    block = next(b for b in document.blocks if b.text.startswith("Målsmans"))
    doc = DocumentResult(str(form), "docx", findings=[finding_at(block.text, block.index, "sökande", "paragraph", "x")])
    dest = tmp_path / reviewed_name(form)
    annotate_docx(form, dest, doc)
    anchored, _, _ = comments_by_anchor(dest)
    assert "sökande" in anchored.values()
    assert DOCX_EXTRACTOR.extract(dest, ExtractOptions()).blocks[block.index].text == block.text


def test_the_original_is_never_modified(form: Path, tmp_path: Path) -> None:
    before = hashlib.sha256(form.read_bytes()).hexdigest()
    mtime = form.stat().st_mtime_ns
    doc = result_for(form, ["talesman@föreningens", "Målsmans", "tjänsteman"])
    written = write_files(Report([doc]), tmp_path / "granskat")
    assert written == [tmp_path / "granskat" / "blankett.granskad.docx"]
    assert hashlib.sha256(form.read_bytes()).hexdigest() == before
    assert form.stat().st_mtime_ns == mtime
    # writing into the input's own folder still never overwrites it
    written = write_files(Report([doc]), form.parent)
    assert written[0] != form and written[0].exists()
    assert hashlib.sha256(form.read_bytes()).hexdigest() == before


def test_hostile_text_is_escaped_in_the_comments(form: Path, tmp_path: Path) -> None:
    document = DOCX_EXTRACTOR.extract(form, ExtractOptions())
    block = next(b for b in document.blocks if "<script>" in b.text)
    f = finding_at(block.text, block.index, "<script>", "paragraph", 'Meddelande med <w:t>, &amp; och \x00\x1b styrtecken.')
    dest = tmp_path / reviewed_name(form)
    annotate_docx(form, dest, DocumentResult(str(form), "docx", findings=[f]))
    anchored, texts, _ = comments_by_anchor(dest)  # parses: the XML is well formed
    cid = next(c for c, words in anchored.items() if words == "<script>")
    assert texts[cid].startswith("Meddelande med <w:t>, &amp; och    styrtecken.")


def test_existing_comments_are_kept_and_ids_do_not_clash(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Plan för fritid", level=1)
    para = d.add_paragraph("Ansvarig tjänsteman svarar.")
    d.add_comment(para.runs, text="En kommentar som redan fanns.", author="Handläggare", initials="H")
    path = tmp_path / "plan.docx"
    d.save(str(path))
    doc = result_for(path, ["tjänsteman"], whole=False)
    dest = tmp_path / "ut" / reviewed_name(path)
    annotate_docx(path, dest, doc)
    anchored, texts, authors = comments_by_anchor(dest)
    assert "Handläggare" in authors.values()
    assert sorted(authors.values()).count(AUTHOR) == 2
    assert len(set(texts)) == len(texts) == 3
    assert "En kommentar som redan fanns." in texts.values()


def test_non_docx_inputs_are_skipped(tmp_path: Path) -> None:
    doc = DocumentResult(str(tmp_path / "a.pdf"), "pdf")
    assert write_files(Report([doc]), tmp_path / "ut") == []


def test_cli_writes_reviewed_copies(form: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dokumentanalys.cli import main

    out = tmp_path / "granskat"
    res = CliRunner().invoke(main, ["scan", str(form), "--format", "docx", "--output", str(out), "--fail-on", "never"])
    assert res.exit_code == 0, res.output
    assert (out / "blankett.granskad.docx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_reviewed_copy_with_the_comments(form: Path, tmp_path: Path) -> None:
    doc = result_for(form, ["talesman@föreningens", "Målsmans", "tjänsteman", "talesman@Kontakt"])
    dest = tmp_path / reviewed_name(form)
    annotate_docx(form, dest, doc)
    outdir = tmp_path / "lo"
    env = dict(os.environ, HOME=str(tmp_path))  # a fresh LibreOffice profile
    proc = subprocess.run(
        ["soffice", "--headless", "--norestore", "--convert-to", "odt", "--outdir", str(outdir), str(dest)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    odt = outdir / (dest.stem + ".odt")
    assert odt.exists(), proc.stdout + proc.stderr
    with zipfile.ZipFile(odt) as zf:
        content = zf.read("content.xml").decode("utf-8")
    # three findings in place, the document comment and the header finding on the title
    assert content.count("<office:annotation ") == 5
    assert content.count("<office:annotation-end") == 5
    assert sorted(odt_anchors(content)) == sorted(
        ["talesman", "Målsmans", "tjänsteman"] + ["Riktlinje för föreningsbidrag"] * 2
    )


def odt_anchors(content: str) -> list[str]:
    """The text each annotation of an ODT content.xml is anchored on."""
    import re

    marked = re.sub(
        r'<office:annotation [^>]*office:name="([^"]+)"[^>]*>.*?</office:annotation>',
        lambda m: f"\x01{m.group(1)}\x02",
        content,
        flags=re.S,
    )
    marked = re.sub(r'<office:annotation-end [^>]*office:name="([^"]+)"[^>]*/>', lambda m: f"\x03{m.group(1)}\x02", marked)
    text = re.sub(r"<[^>]+>", "", marked)
    out = []
    for name in re.findall(r"\x01([^\x02]+)\x02", text):
        inner = text.split(f"\x01{name}\x02", 1)[1].split(f"\x03{name}\x02", 1)[0]
        out.append(re.sub(r"[\x01\x03][^\x02]*\x02", "", inner))
    return out


def test_split_inside_a_run_with_a_tab(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Blankett", level=1)
    d.add_paragraph().add_run("Kontakt:\tansvarig tjänsteman\tpå förvaltningen")
    path = tmp_path / "tab.docx"
    d.save(str(path))
    document = DOCX_EXTRACTOR.extract(path, ExtractOptions())
    block = next(b for b in document.blocks if "tjänsteman" in b.text)
    doc = DocumentResult(str(path), "docx", findings=[finding_at(block.text, block.index, "tjänsteman", "paragraph", "x")])
    dest = tmp_path / reviewed_name(path)
    annotate_docx(path, dest, doc)
    anchored, _, _ = comments_by_anchor(dest)
    assert "tjänsteman" in anchored.values()
    # the text, tabs included, reads back unchanged
    assert DOCX_EXTRACTOR.extract(dest, ExtractOptions()).blocks[block.index].text == block.text
    with zipfile.ZipFile(dest) as zf:
        assert zf.read("word/document.xml").count(b"<w:tab/>") == 2
