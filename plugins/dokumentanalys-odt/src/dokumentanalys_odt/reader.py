"""ODT -> Document: the ``content.xml`` (and ``styles.xml``) of an OpenDocument text.

Blocks, in this order: the page headers of the master pages (``header``,
each distinct text once), the body in document order, then the footers
(``footer``). In the body:

- ``text:h`` is a ``heading`` with ``level`` from ``text:outline-level``;
- ``text:p`` is a ``paragraph``, or a ``list-item`` inside ``text:list``;
- every cell of a ``table:table`` that has text is a ``table-cell`` with
  ``table``, ``row`` and ``column`` (a cell spanning columns counts its
  span; covered cells are skipped); nested tables get their own number and
  ``parent_table``;
- a text box (``draw:text-box``) becomes a ``text-box`` block and a footnote
  or endnote (``text:note``) a ``footnote`` block, right after the paragraph
  they are anchored in; their text is not part of that paragraph;
- comments (``office:annotation``) and deleted text kept for change
  tracking (``text:tracked-changes``) are not read.

The package is not trusted: members are limited by
``ExtractOptions.max_decompressed_size`` (zip bombs) and XML is parsed with
defusedxml (no entities, no DTDs). Problems become one Swedish ``ReadError``.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from dokumentanalys.errors import ReadError
from dokumentanalys.extract.base import ExtractOptions, Extractor
from dokumentanalys.model import Block, BlockKind, Document

__all__ = ["ODT", "MIMETYPES", "extract_odt", "sniff_odt"]

MIMETYPES = (b"application/vnd.oasis.opendocument.text", b"application/vnd.oasis.opendocument.text-template")

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


H, P, SPAN, LIST, LIST_ITEM, LIST_HEADER = (_q(n) for n in ("text:h", "text:p", "text:span", "text:list", "text:list-item", "text:list-header"))
S, TAB, LINE_BREAK, NOTE, NOTE_BODY, TRACKED = (_q(n) for n in ("text:s", "text:tab", "text:line-break", "text:note", "text:note-body", "text:tracked-changes"))
SECTION, TABLE, ROW, CELL, COVERED = (_q(n) for n in ("text:section", "table:table", "table:table-row", "table:table-cell", "table:covered-table-cell"))
FRAME, TEXT_BOX, ANNOTATION = (_q(n) for n in ("draw:frame", "draw:text-box", "office:annotation"))
_ROW_GROUPS = {_q(n) for n in ("table:table-header-rows", "table:table-rows", "table:table-row-group")}
_SKIP = {ANNOTATION, _q("office:annotation-end"), TRACKED, _q("text:soft-page-break"), _q("text:bookmark"), _q("text:bookmark-start"), _q("text:bookmark-end")}


def sniff_odt(head: bytes, path: Path) -> bool:
    """A zip whose first member is the ``mimetype`` of an OpenDocument text."""
    if head[:4] != b"PK\x03\x04":
        return False
    # The ODF spec puts an uncompressed "mimetype" member first, so its
    # content is in the first bytes; fall back to the zip for files that do not.
    if any(m in head[:200] for m in MIMETYPES):
        return True
    if path.suffix.lower() not in (".odt", ".ott"):
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            return zf.read("mimetype").strip() in MIMETYPES
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError):
        return False


# --- the package -------------------------------------------------------------------------


def _failed(detail: str) -> ReadError:
    return ReadError("read/failed", detail)


def _read_parts(path: Path, options: ExtractOptions) -> dict[str, Element]:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = {i.filename: i for i in zf.infolist()}
            total = sum(i.file_size for i in infos.values())
            if total > options.max_decompressed_size:
                raise ReadError("read/unsafe", f"uppackat {total / 1e6:.0f} MB, gräns {options.max_decompressed_size / 1e6:.0f} MB")
            manifest = zf.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in infos else b""
            if b"encryption-data" in manifest:
                raise _failed("OpenDocument-filen är lösenordsskyddad")
            if "content.xml" not in infos:
                raise _failed("OpenDocument-filen saknar content.xml")
            parts: dict[str, Element] = {}
            for name in ("content.xml", "styles.xml", "meta.xml"):
                if name in infos:
                    parts[name] = _parse(zf.read(name), name)
            return parts
    except ReadError:
        raise
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError) as exc:
        raise _failed(f"skadad OpenDocument-fil: {exc}") from exc


def _parse(data: bytes, name: str) -> Element:
    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise ReadError("read/unsafe", f"{name} innehåller en DTD eller entiteter") from exc
    except ParseError as exc:
        raise _failed(f"{name} är inte giltig XML ({exc})") from exc


# --- text of one paragraph ------------------------------------------------------------------


@dataclass
class _Inline:
    """A paragraph's own text, and the text boxes and notes anchored in it."""

    text: list[str] = field(default_factory=list)
    boxes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _inline(element: Element, out: _Inline) -> None:
    if element.text:
        out.text.append(element.text)
    for child in element:
        tag = child.tag
        if tag == S:
            out.text.append(" " * int(child.get(_q("text:c"), "1")))
        elif tag in (TAB, LINE_BREAK):
            out.text.append(" ")
        elif tag == NOTE:
            body = child.find(NOTE_BODY)
            if body is not None:
                out.notes.append(_plain(body))
        elif tag == FRAME:
            box = child.find(TEXT_BOX)
            if box is not None:
                out.boxes.append(_plain(box))
        elif tag not in _SKIP:
            _inline(child, out)
        if child.tail:
            out.text.append(child.tail)


def _paragraph_text(element: Element) -> _Inline:
    out = _Inline()
    _inline(element, out)
    return out


def _plain(container: Element) -> str:
    """All paragraph text under ``container``, one line per paragraph."""
    lines = []
    for p in container.iter():
        if p.tag in (P, H):
            text = " ".join("".join(_paragraph_text(p).text).split())
            if text:
                lines.append(text)
    return "\n".join(lines)


# --- the body -----------------------------------------------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.paragraph = 0
        self.tables = 0

    def add(self, kind: BlockKind, text: str, **fields: object) -> None:
        text = " ".join(text.split()) if kind not in (BlockKind.HEADER, BlockKind.FOOTER) else text.strip()
        if text:
            self.blocks.append(Block(len(self.blocks), kind, text, **fields))  # type: ignore[arg-type]

    def paragraph_block(self, element: Element, kind: BlockKind, level: int | None = None) -> None:
        inline = _paragraph_text(element)
        n = self.paragraph
        self.paragraph += 1
        self.add(kind, "".join(inline.text), paragraph=n, level=level, source={"part": "content.xml", "paragraph": n})
        for box in inline.boxes:
            self.add(BlockKind.TEXT_BOX, box, paragraph=n, source={"part": "content.xml", "paragraph": n})
        for note in inline.notes:
            self.add(BlockKind.FOOTNOTE, note, paragraph=n, source={"part": "content.xml", "paragraph": n})

    def walk(self, element: Element, in_list: bool = False) -> None:
        for child in element:
            tag = child.tag
            if tag == H:
                level = int(child.get(_q("text:outline-level"), "1") or 1)
                self.paragraph_block(child, BlockKind.HEADING, level)
            elif tag == P:
                self.paragraph_block(child, BlockKind.LIST_ITEM if in_list else BlockKind.PARAGRAPH)
            elif tag in (LIST, LIST_ITEM, LIST_HEADER):
                self.walk(child, in_list=True)
            elif tag == TABLE:
                self.table(child, None)
            elif tag not in _SKIP:
                self.walk(child, in_list)

    def table(self, element: Element, parent: int | None) -> None:
        number = self.tables
        self.tables += 1
        for row_no, row in enumerate(_rows(element)):
            column = 0
            for cell in row:
                if cell.tag == COVERED:
                    column += 1
                    continue
                if cell.tag != CELL:
                    continue
                span = int(cell.get(_q("table:number-columns-spanned"), "1") or 1)
                repeat = int(cell.get(_q("table:number-columns-repeated"), "1") or 1)
                text = _plain_cell(cell)
                self.add(BlockKind.TABLE_CELL, text, paragraph=self.paragraph, table=number, row=row_no,
                         column=column, parent_table=parent, source={"part": "content.xml"})
                for nested in cell.findall(TABLE):
                    self.table(nested, number)
                column += span * repeat
        self.paragraph += 1


def _rows(table: Element) -> Iterator[Element]:
    for child in table:
        if child.tag == ROW:
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from _rows(child)


def _plain_cell(cell: Element) -> str:
    """A cell's own paragraphs (not those of tables nested in it)."""
    lines = []
    for child in cell:
        if child.tag in (P, H):
            lines.append("".join(_paragraph_text(child).text))
        elif child.tag in (LIST, SECTION):
            lines.append(_plain(child))
    return " ".join(" ".join(lines).split())


def extract_odt(path: Path, options: ExtractOptions | None = None) -> Document:
    parts = _read_parts(path, options or ExtractOptions())
    content = parts["content.xml"]
    body = content.find(f"{_q('office:body')}/{_q('office:text')}")
    if body is None:
        raise _failed("content.xml saknar office:text; är det ett kalkylark eller en presentation?")
    builder = _Builder()
    headers, footers = _page_parts(parts.get("styles.xml"))
    for text in headers:
        builder.add(BlockKind.HEADER, text, source={"part": "styles.xml"})
    builder.walk(body)
    for text in footers:
        builder.add(BlockKind.FOOTER, text, source={"part": "styles.xml"})
    if not builder.blocks:
        raise ReadError("read/no-text")
    return Document(str(path), "odt", builder.blocks, title=_title(parts.get("meta.xml"), builder.blocks))


def _page_parts(styles: Element | None) -> tuple[list[str], list[str]]:
    headers: dict[str, None] = {}
    footers: dict[str, None] = {}
    if styles is not None:
        for page in styles.iter(_q("style:master-page")):
            for child in page:
                local = child.tag.rsplit("}", 1)[-1]
                target = headers if local.startswith("header") else footers if local.startswith("footer") else None
                text = _plain(child) if target is not None else ""
                if target is not None and text:
                    target[text] = None
    return list(headers), list(footers)


def _title(meta: Element | None, blocks: list[Block]) -> str | None:
    if meta is not None:
        title = meta.find(f".//{_q('dc:title')}")
        if title is not None and (title.text or "").strip():
            return title.text.strip()
    for block in blocks[:5]:
        if block.kind == BlockKind.HEADING:
            return block.text
    return None


ODT = Extractor(
    name="odt",
    sniff=sniff_odt,
    extract=extract_odt,
    extensions=(".odt", ".ott"),
    description="OpenDocument-text (LibreOffice, .odt): rubriker, listor, tabeller, textrutor, fotnoter, sidhuvud och sidfot",
)
