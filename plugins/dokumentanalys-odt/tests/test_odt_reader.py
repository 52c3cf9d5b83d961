"""ODT files made here (zip + XML), read through the plugin and scanned through the CLI."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from dokumentanalys.cli import main
from dokumentanalys.errors import ReadError
from dokumentanalys.extract.base import ExtractOptions
from dokumentanalys.model import BlockKind
from dokumentanalys.testing import load_plugin_registry
from dokumentanalys_odt.reader import extract_odt, sniff_odt

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)
MIMETYPE = "application/vnd.oasis.opendocument.text"

BODY = """
<text:h text:outline-level="1">Riktlinje för föreningsbidrag</text:h>
<text:p>Ansökan bereds av en tjänsteman<text:note text:note-class="footnote"><text:note-body>
  <text:p>Se delegationsordningen.</text:p></text:note-body></text:note> på kultur<text:s/>och fritid.</text:p>
<text:list><text:list-item><text:p>Föreningens talesman skriver under.</text:p></text:list-item>
  <text:list-item><text:p>Bifoga<text:tab/>verksamhetsberättelse.</text:p></text:list-item></text:list>
<text:p>Se rutan.<draw:frame><draw:text-box><text:p>Kontakta ansvarig handläggare.</text:p></draw:text-box></draw:frame></text:p>
<text:p>Kommentaren läses inte.<office:annotation><text:p>Stryk talesman här</text:p></office:annotation></text:p>
<table:table>
  <table:table-header-rows><table:table-row>
    <table:table-cell><text:p>Grupp</text:p></table:table-cell>
    <table:table-cell><text:p>Antal</text:p></table:table-cell></table:table-row></table:table-header-rows>
  <table:table-row>
    <table:table-cell table:number-columns-spanned="2"><text:p>Deltagare</text:p></table:table-cell>
    <table:covered-table-cell/>
  </table:table-row>
  <table:table-row>
    <table:table-cell><text:p>Ledare</text:p>
      <table:table><table:table-row><table:table-cell><text:p>Inre</text:p></table:table-cell></table:table-row></table:table>
    </table:table-cell>
    <table:table-cell><text:p>12</text:p></table:table-cell>
  </table:table-row>
</table:table>
"""
STYLES = f"""<office:document-styles {NS}><office:master-styles>
<style:master-page style:name="Standard">
  <style:header><text:p>Exempelkommunen</text:p></style:header>
  <style:footer><text:p>Sida 1</text:p></style:footer>
</style:master-page>
<style:master-page style:name="Andra"><style:header><text:p>Exempelkommunen</text:p></style:header></style:master-page>
</office:master-styles></office:document-styles>"""


def write_odt(path: Path, body: str = BODY, *, styles: str | None = STYLES, title: str | None = "Bidragsriktlinje",
              mimetype_first: bool = True, content: str | None = None) -> Path:
    content = content or f"<office:document-content {NS}><office:body><office:text>{body}</office:text></office:body></office:document-content>"
    with zipfile.ZipFile(path, "w") as zf:
        if mimetype_first:
            zf.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        if styles:
            zf.writestr("styles.xml", styles)
        if title:
            zf.writestr("meta.xml", f"<office:document-meta {NS}><office:meta><dc:title>{title}</dc:title></office:meta></office:document-meta>")
        zf.writestr("META-INF/manifest.xml", "<manifest/>")
        if not mimetype_first:
            zf.writestr("mimetype", MIMETYPE)
    return path


@pytest.fixture()
def odt(tmp_path: Path) -> Path:
    return write_odt(tmp_path / "riktlinje.odt")


def test_blocks_in_order_with_kinds_and_locations(odt: Path) -> None:
    document = extract_odt(odt)
    got = [(b.kind, b.text) for b in document.blocks]
    assert got == [
        (BlockKind.HEADER, "Exempelkommunen"),
        (BlockKind.HEADING, "Riktlinje för föreningsbidrag"),
        (BlockKind.PARAGRAPH, "Ansökan bereds av en tjänsteman på kultur och fritid."),
        (BlockKind.FOOTNOTE, "Se delegationsordningen."),
        (BlockKind.LIST_ITEM, "Föreningens talesman skriver under."),
        (BlockKind.LIST_ITEM, "Bifoga verksamhetsberättelse."),
        (BlockKind.PARAGRAPH, "Se rutan."),
        (BlockKind.TEXT_BOX, "Kontakta ansvarig handläggare."),
        (BlockKind.PARAGRAPH, "Kommentaren läses inte."),
        (BlockKind.TABLE_CELL, "Grupp"),
        (BlockKind.TABLE_CELL, "Antal"),
        (BlockKind.TABLE_CELL, "Deltagare"),
        (BlockKind.TABLE_CELL, "Ledare"),
        (BlockKind.TABLE_CELL, "Inre"),
        (BlockKind.TABLE_CELL, "12"),
        (BlockKind.FOOTER, "Sida 1"),
    ]
    assert [b.index for b in document.blocks] == list(range(len(document.blocks)))
    assert document.blocks[1].level == 1
    cells = {b.text: (b.table, b.row, b.column, b.parent_table) for b in document.blocks if b.kind == BlockKind.TABLE_CELL}
    assert cells["Antal"] == (0, 0, 1, None)
    assert cells["Deltagare"] == (0, 1, 0, None)
    assert cells["12"] == (0, 2, 1, None)  # after a two-column span and a covered cell
    assert cells["Inre"] == (1, 0, 0, 0)
    assert document.title == "Bidragsriktlinje" and document.format == "odt"


def test_sniff_by_content_not_by_name(tmp_path: Path, odt: Path) -> None:
    head = odt.read_bytes()[:4096]
    assert sniff_odt(head, odt)
    renamed = tmp_path / "utan-andelse"
    renamed.write_bytes(odt.read_bytes())
    assert sniff_odt(head, renamed)
    late = write_odt(tmp_path / "sen.odt", mimetype_first=False)
    assert sniff_odt(late.read_bytes()[:4096], late)
    assert not sniff_odt(b"PK\x03\x04" + b"\x00" * 100, tmp_path / "x.docx")
    assert not sniff_odt(b"%PDF-1.7", tmp_path / "x.odt")


@pytest.mark.parametrize(
    ("make", "code", "words"),
    [
        (lambda p: p.write_bytes(b"PK\x03\x04trasig"), "read/failed", "skadad"),
        (lambda p: write_odt(p, content="<office:document-content"), "read/failed", "giltig XML"),
        (
            lambda p: write_odt(p, content='<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'),
            "read/unsafe",
            "DTD",
        ),
        (lambda p: write_odt(p, body="<text:p>   </text:p>", styles=None), "read/no-text", ""),
    ],
    ids=["broken-zip", "broken-xml", "entities", "empty"],
)
def test_bad_files_give_one_read_error(tmp_path: Path, make, code: str, words: str) -> None:
    path = tmp_path / "fel.odt"
    make(path)
    with pytest.raises(ReadError) as info:
        extract_odt(path)
    assert info.value.code == code
    assert words in str(info.value)


def test_decompressed_size_limit(odt: Path) -> None:
    with pytest.raises(ReadError) as info:
        extract_odt(odt, ExtractOptions(max_decompressed_size=100))
    assert info.value.code == "read/unsafe"


def test_registered_through_the_extractor_hook() -> None:
    registry = load_plugin_registry("odt")
    assert registry.plugins["odt"].formats == ["odt"]
    assert registry.extractors[0].name == "odt"  # plugins come before the built-ins


def test_scan_finds_terms_in_odt(odt: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["scan", "--no-config", str(odt), "--format", "json"], catch_exceptions=False)
    (doc,) = json.loads(result.stdout)["documents"]
    assert doc["format"] == "odt" and doc["errors"] == []
    rules = {f["rule"]: f for f in doc["findings"]}
    assert {"term/tjansteman", "term/talesman"} <= set(rules)
    assert rules["term/talesman"]["location"]["kind"] == "list-item"
    # the comment ("Stryk talesman här") is not part of the document
    assert sum(1 for f in doc["findings"] if f["rule"] == "term/talesman") == 1


def test_folder_scan_picks_up_odt(odt: Path) -> None:
    result = CliRunner().invoke(main, ["scan", "--no-config", str(odt.parent), "--format", "json"], catch_exceptions=False)
    paths = [Path(d["path"]).name for d in json.loads(result.stdout)["documents"]]
    assert paths == ["riktlinje.odt"]
