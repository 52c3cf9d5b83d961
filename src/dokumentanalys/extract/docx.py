"""DOCX -> Document, read straight from the package's XML parts.

python-docx's object model leaves out much of what application forms are
made of (content controls, text boxes, legacy form fields, footnotes, runs in
``w:ins``/``w:smartTag``/``w:fldSimple``, the cells of merged tables once
each), so this reader walks the WordprocessingML itself, with the safe zip
and XML handling of :mod:`.docx_package`.

Blocks, in this order
---------------------
For each section: the section's headers (``header``, each distinct header
text once), then the section's body content in document order, then its
footers (``footer``, each distinct text once). After the body: footnotes,
then endnotes (both ``footnote``; ``source["note"]`` says which).

Body content:

- a paragraph becomes ``heading`` (with ``level``: 1-9 from the style name
  "Heading N"/"Rubrik N", the style's outline level or the paragraph's own
  ``w:outlineLvl``; 0 for the Title style), ``list-item`` (``w:numPr`` on
  the paragraph or its style; ``level`` = 1-based nesting level),
  ``caption`` or ``paragraph``. Whitespace-only paragraphs give no block;
- a table gives one ``table-cell`` block per cell that has text, with
  ``table`` (document-wide, in order of appearance, nested tables included),
  ``row``, ``column`` (grid column: a cell spanning several columns is
  reported once, at its first column, with ``source["col_span"]``; vertically
  merged cells once, at the first row, with ``source["row_span"]``); a nested
  table has its own ``table`` number and ``parent_table``, and its cells come
  right after the cell that holds it;
- a block-level content control (``w:sdt``) is a form field: its paragraphs
  become ``form-field`` blocks (headings stay headings) with
  ``source["content_control"]`` (type, tag, alias, placeholder). Controls that
  only group or wrap building blocks (table of contents, cover page, group)
  are read as ordinary content;
- an inline content control's text stays in its paragraph (location kind
  ``paragraph``); its span is in ``source["content_controls"]``;
- a legacy form field (``w:fldChar`` with ``w:ffData``) keeps its result text
  inline in its paragraph; type, name, default text, check box state and
  drop-down choice are in ``source["form_fields"]`` with their span;
- a text box (``w:txbxContent`` in DrawingML or VML; of an
  ``mc:AlternateContent`` only the first ``mc:Choice``, else the
  ``mc:Fallback``, is read, so a text box is never read twice) becomes one
  ``text-box`` block right after the block of the paragraph it is anchored in.

Headers, footers and notes are one block each: all their paragraphs
(including those in tables and text boxes) joined with ``"\\n"``.

Location contract
-----------------
Every block's ``source`` holds::

    {"part": "word/document.xml",            # or word/header1.xml, word/footnotes.xml, ...
     "paragraphs": [[p_ordinal, start_offset], ...]}

``p_ordinal`` is the index of the ``w:p`` element among *all* ``w:p``
elements of that part in document order, i.e.
``list(root.iter(W + "p")).index(p)``; ``start_offset`` is where that
paragraph's text starts in ``block.text``. A block's text is its
paragraphs' texts joined with ``"\\n"``, each exactly as
:func:`~.docx_text.paragraph_runs` gives it (no stripping), so
``block.text[start:start + len(paragraph_text(p))] == paragraph_text(p)``.
Offsets of findings map back to runs with :func:`paragraph_runs`.
``Block.paragraph`` is the ordinal of the block's first paragraph in its part.

Document.title is the core property title when set, else the first heading.
Document.metadata counts tables, form fields (block and inline content
controls, legacy fields), text boxes, headers, footers, footnotes,
endnotes, sections and paragraphs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from ..errors import ReadError
from ..model import Block, BlockKind, Document
from .base import ExtractOptions, Extractor, sniff_format
from .docx_text import (
    MC,
    W,
    ParagraphScan,
    choose_branch,
    flat_paragraphs,
    own_paragraphs,
    paragraph_runs,
    paragraph_text,
    scan_paragraph,
    sdt_info,
    text_boxes,
    wval,
)

if TYPE_CHECKING:  # pragma: no cover
    from lxml.etree import _Element

    from .docx_package import DocxPackage
    from .docx_styles import Styles

__all__ = ["extract_docx", "paragraph_runs", "paragraph_text", "DOCX"]

_P = W + "p"
_PPR = W + "pPr"
_TBL = W + "tbl"
_TR = W + "tr"
_TC = W + "tc"
_SDT = W + "sdt"
_SDTCONTENT = W + "sdtContent"
_CUSTOMXML = W + "customXml"
_ALT = MC + "AlternateContent"
_BODY = W + "body"
_SECTPR = W + "sectPr"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"

#: Block-level content controls that are not form fields: read their content as usual.
_WRAPPER_CONTROLS = frozenset(("docPartObj", "docPartList", "group", "bibliography", "citation", "equation"))
_NOTE_SKIP = frozenset(("separator", "continuationSeparator", "continuationNotice"))
_KIND = {
    "heading": BlockKind.HEADING,
    "list-item": BlockKind.LIST_ITEM,
    "caption": BlockKind.CAPTION,
    "paragraph": BlockKind.PARAGRAPH,
}


class _Part:
    """A parsed XML part and the ordinals of its paragraphs (built on first use)."""

    __slots__ = ("name", "root", "_ordinals")

    def __init__(self, name: str, root: "_Element") -> None:
        self.name = name
        self.root = root
        self._ordinals: dict["_Element", int] | None = None

    def ordinal(self, p: "_Element") -> int:
        if self._ordinals is None:
            self._ordinals = {el: i for i, el in enumerate(self.root.iter(_P))}
        return self._ordinals[p]


class _Reader:
    def __init__(self, package: "DocxPackage", path: Path) -> None:
        from .docx_styles import Styles

        self.package = package
        self.path = path
        self.main = package.main_part()
        root = package.xml(self.main)
        if root is None or root.tag != W + "document":
            raise ReadError("read/corrupt-docx", f"{self.main} är inget Word-dokument")
        body = root.find(_BODY)
        if body is None:
            raise ReadError("read/corrupt-docx", f"{self.main} saknar w:body")
        self.body = body
        self.part = _Part(self.main, root)
        style_rel = package.related(self.main, "styles")
        self.styles: Styles = Styles(package.xml(style_rel[0].target) if style_rel else None)
        self.blocks: list[Block] = []
        self.counts: dict[str, int] = dict.fromkeys(
            ("tables", "form_fields", "text_boxes", "headers", "footers", "footnotes", "endnotes", "sections"), 0
        )
        self._seen: dict[str, set[str]] = {"header": set(), "footer": set()}
        self._seen_parts: set[str] = set()

    # -- blocks --

    def _scan(self, p: "_Element") -> ParagraphScan:
        scan = scan_paragraph(p)
        self.counts["form_fields"] += len(scan.fields) + sum(
            1 for c in scan.controls if c.info.get("type") not in _WRAPPER_CONTROLS
        )
        return scan

    def _add(
        self,
        kind: BlockKind,
        part: _Part,
        paragraphs: list[tuple["_Element", ParagraphScan]],
        extra: dict[str, Any] | None = None,
        dedupe: set[str] | None = None,
        **fields: Any,
    ) -> Block | None:
        pieces: list[str] = []
        positions: list[list[int]] = []
        controls: list[dict[str, Any]] = []
        legacy: list[dict[str, Any]] = []
        pos = 0
        for p, scan in paragraphs:
            text = scan.text
            if not text.strip():
                continue
            if pieces:
                pos += 1
            positions.append([part.ordinal(p), pos])
            pieces.append(text)
            for control in scan.controls:
                item = control.to_source()
                item["start"] += pos
                item["end"] += pos
                controls.append(item)
            for fld in scan.fields:
                item = fld.to_source()
                item["start"] += pos
                item["end"] += pos
                legacy.append(item)
            pos += len(text)
        if not pieces:
            return None
        text = "\n".join(pieces)
        if dedupe is not None:
            if text in dedupe:
                return None
            dedupe.add(text)
        source: dict[str, Any] = {"part": part.name, "paragraphs": positions}
        if controls:
            source["content_controls"] = controls
        if legacy:
            source["form_fields"] = legacy
        if extra:
            source.update(extra)
        block = Block(len(self.blocks), kind, text, paragraph=positions[0][0], source=source, **fields)
        self.blocks.append(block)
        return block

    # -- body --

    def _content(self, container: "_Element", part: _Part, form: dict[str, Any] | None) -> None:
        for child in container:
            tag = child.tag
            if tag == _P:
                self._paragraph(child, part, form)
            elif tag == _TBL:
                self._table(child, part, form, None)
            elif tag == _SDT:
                self._block_control(child, part, form)
            elif tag == _CUSTOMXML:
                self._content(child, part, form)
            elif tag == _ALT:
                branch = choose_branch(child)
                if branch is not None:
                    self._content(branch, part, form)

    def _block_control(self, sdt: "_Element", part: _Part, form: dict[str, Any] | None) -> None:
        content = sdt.find(_SDTCONTENT)
        if content is None:
            return
        info = sdt_info(sdt)
        if info["type"] in _WRAPPER_CONTROLS:
            self._content(content, part, form)
        else:
            self.counts["form_fields"] += 1
            self._content(content, part, info)

    def _paragraph(self, p: "_Element", part: _Part, form: dict[str, Any] | None) -> None:
        from .docx_styles import paragraph_kind

        scan = self._scan(p)
        kind_name, level, style = paragraph_kind(self.styles, p.find(_PPR))
        kind = _KIND[kind_name]
        extra: dict[str, Any] = {}
        if style:
            extra["style"] = style
        if form is not None:
            extra["content_control"] = form
            if kind is not BlockKind.HEADING:
                kind, level = BlockKind.FORM_FIELD, None
        self._add(kind, part, [(p, scan)], extra, level=level)
        for box in text_boxes(p):
            self._text_box(box, part)

    def _text_box(self, box: "_Element", part: _Part) -> None:
        self.counts["text_boxes"] += 1
        paragraphs = [(p, self._scan(p)) for p in own_paragraphs(box)]
        self._add(BlockKind.TEXT_BOX, part, paragraphs)
        for p, _ in paragraphs:
            for inner in text_boxes(p):
                self._text_box(inner, part)

    # -- tables --

    def _table(self, tbl: "_Element", part: _Part, form: dict[str, Any] | None, parent: int | None) -> None:
        index = self.counts["tables"]
        self.counts["tables"] += 1
        layout = _table_layout(tbl)
        continuing = {(r, cell.col) for r, (_, cells) in enumerate(layout) for cell in cells if cell.vmerge == "continue"}
        for r, (deleted, cells) in enumerate(layout):
            if deleted:
                continue
            for cell in cells:
                paragraphs, nested, controls = self._cell_content(cell.tc)
                extra: dict[str, Any] = {}
                if cell.span > 1:
                    extra["col_span"] = cell.span
                if cell.vmerge == "restart":
                    rows = 1
                    while (r + rows, cell.col) in continuing:
                        rows += 1
                    if rows > 1:
                        extra["row_span"] = rows
                elif cell.vmerge == "continue" or cell.hmerge:
                    extra["merged"] = "continue"
                control = cell.control or (controls[0] if controls else None) or form
                if control is not None:
                    extra["content_control"] = control
                self._add(
                    BlockKind.TABLE_CELL, part, paragraphs, extra,
                    table=index, row=r, column=cell.col, parent_table=parent,
                )
                for p, _ in paragraphs:
                    for box in text_boxes(p):
                        self._text_box(box, part)
                for inner in nested:
                    self._table(inner, part, form, index)

    def _cell_content(
        self, container: "_Element"
    ) -> tuple[list[tuple["_Element", ParagraphScan]], list["_Element"], list[dict[str, Any]]]:
        paragraphs: list[tuple["_Element", ParagraphScan]] = []
        nested: list["_Element"] = []
        controls: list[dict[str, Any]] = []

        def walk(node: "_Element") -> None:
            for child in node:
                tag = child.tag
                if tag == _P:
                    paragraphs.append((child, self._scan(child)))
                elif tag == _TBL:
                    nested.append(child)
                elif tag == _SDT:
                    info = sdt_info(child)
                    if info["type"] not in _WRAPPER_CONTROLS:
                        self.counts["form_fields"] += 1
                        controls.append(info)
                    content = child.find(_SDTCONTENT)
                    if content is not None:
                        walk(content)
                elif tag == _CUSTOMXML:
                    walk(child)
                elif tag == _ALT:
                    branch = choose_branch(child)
                    if branch is not None:
                        walk(branch)

        walk(container)
        return paragraphs, nested, controls

    # -- headers, footers, notes --

    def _parsed(self, name: str) -> _Part | None:
        root = self.package.xml(name)
        return None if root is None else _Part(name, root)

    def _section_parts(self, sectpr: "_Element", reference: str) -> list[str]:
        rels = self.package.relationships(self.main)
        out = []
        for ref in sectpr.findall(W + reference):
            rel = rels.get(ref.get(_R_ID) or "")
            if rel is not None and not rel.external:
                out.append(rel.target)
        return out

    def _margins(self, sectpr: "_Element | None", kind: str) -> None:
        """Headers (kind "header") or footers ("footer") of one section."""
        if sectpr is None:
            return
        block_kind = BlockKind.HEADER if kind == "header" else BlockKind.FOOTER
        for name in self._section_parts(sectpr, kind + "Reference"):
            if name in self._seen_parts:
                continue
            self._seen_parts.add(name)
            part = self._parsed(name)
            if part is None:
                continue
            paragraphs = [(p, self._scan(p)) for p in flat_paragraphs(part.root)]
            if self._add(block_kind, part, paragraphs, dedupe=self._seen[kind]) is not None:
                self.counts[kind + "s"] += 1

    def _notes(self) -> None:
        for rel_type, tag, note_kind in (("footnotes", "footnote", "footnote"), ("endnotes", "endnote", "endnote")):
            for rel in self.package.related(self.main, rel_type):
                part = self._parsed(rel.target)
                if part is None:
                    continue
                for note in part.root.findall(W + tag):
                    if note.get(W + "type") in _NOTE_SKIP:
                        continue
                    paragraphs = [(p, self._scan(p)) for p in flat_paragraphs(note)]
                    extra = {"note": note_kind, "id": note.get(W + "id")}
                    if self._add(BlockKind.FOOTNOTE, part, paragraphs, extra) is not None:
                        self.counts[note_kind + "s"] += 1

    # -- the whole document --

    def read(self) -> Document:
        sections = _sections(self.body)
        self.counts["sections"] = max(1, len(sections))
        current = 0
        self._margins(sections[0] if sections else None, "header")
        for child in self.body:
            if child.tag == _SECTPR:
                continue
            self._content_child(child)
            ends = sum(1 for s in child.iter(_SECTPR) if _is_section_end(s))
            for _ in range(ends):
                if current + 1 >= len(sections):
                    break
                self._margins(sections[current], "footer")
                current += 1
                self._margins(sections[current], "header")
        if sections:
            self._margins(sections[current], "footer")
        self._notes()
        if not self.blocks:
            raise ReadError("read/no-text")
        metadata: dict[str, Any] = dict(self.counts)
        metadata["paragraphs"] = sum(1 for _ in self.part.root.iter(_P))
        return Document(str(self.path), "docx", self.blocks, title=self._title(), metadata=metadata)

    def _content_child(self, child: "_Element") -> None:
        tag = child.tag
        if tag == _P:
            self._paragraph(child, self.part, None)
        elif tag == _TBL:
            self._table(child, self.part, None, None)
        elif tag == _SDT:
            self._block_control(child, self.part, None)
        elif tag in (_CUSTOMXML, _ALT):
            self._content(_wrapper(child), self.part, None)

    def _title(self) -> str | None:
        for rel in self.package.related("", "core-properties"):
            root = self.package.xml(rel.target)
            if root is not None:
                title = root.find(_DC_TITLE)
                if title is not None and title.text and title.text.strip():
                    return " ".join(title.text.split())
        for block in self.blocks:
            if block.kind is BlockKind.HEADING:
                return " ".join(block.text.split())
        return None


class _Cell:
    __slots__ = ("tc", "col", "span", "vmerge", "hmerge", "control")

    def __init__(self, tc: "_Element", col: int, span: int, vmerge: str | None, hmerge: bool,
                 control: dict[str, Any] | None) -> None:
        self.tc = tc
        self.col = col
        self.span = span
        self.vmerge = vmerge
        self.hmerge = hmerge
        self.control = control


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _wrapped(parent: "_Element", tag: str, control: dict[str, Any] | None = None
             ) -> Iterator[tuple["_Element", dict[str, Any] | None]]:
    """Children of ``parent`` with ``tag``, looking through row/cell-level content controls
    and custom XML; yields ``(child, enclosing form control info or None)``."""
    for child in parent:
        ctag = child.tag
        if ctag == tag:
            yield child, control
        elif ctag == _SDT:
            content = child.find(_SDTCONTENT)
            if content is not None:
                info = sdt_info(child)
                yield from _wrapped(content, tag, control if info["type"] in _WRAPPER_CONTROLS else info)
        elif ctag == _CUSTOMXML:
            yield from _wrapped(child, tag, control)


def _table_layout(tbl: "_Element") -> list[tuple[bool, list[_Cell]]]:
    """Rows of a table as ``(deleted, cells with grid columns)``."""
    rows: list[tuple[bool, list[_Cell]]] = []
    for tr, _ in _wrapped(tbl, _TR):
        trpr = tr.find(W + "trPr")
        deleted = trpr is not None and trpr.find(W + "del") is not None
        col = 0
        if trpr is not None:
            col = _int(wval(trpr.find(W + "gridBefore")), 0)
        cells: list[_Cell] = []
        for tc, control in _wrapped(tr, _TC):
            tcpr = tc.find(W + "tcPr")
            span, vmerge, hmerge = 1, None, False
            if tcpr is not None:
                span = max(1, _int(wval(tcpr.find(W + "gridSpan")), 1))
                vm = tcpr.find(W + "vMerge")
                if vm is not None:
                    vmerge = "restart" if wval(vm) == "restart" else "continue"
                hm = tcpr.find(W + "hMerge")
                hmerge = hm is not None and wval(hm) != "restart"
            cells.append(_Cell(tc, col, span, vmerge, hmerge, control))
            col += span
        rows.append((deleted, cells))
    return rows


def _is_section_end(sectpr: "_Element") -> bool:
    """A section break (``w:pPr/w:sectPr`` of a paragraph) or the body's final ``w:sectPr``;
    not the old properties kept in ``w:sectPrChange``/``w:pPrChange``."""
    parent = sectpr.getparent()
    if parent is None:
        return False
    if parent.tag == _BODY:
        return True
    grand = parent.getparent()
    return parent.tag == _PPR and grand is not None and grand.tag == _P


def _sections(body: "_Element") -> list["_Element"]:
    return [s for s in body.iter(_SECTPR) if _is_section_end(s)]


def _wrapper(child: "_Element") -> "_Element":
    if child.tag == _ALT:
        branch = choose_branch(child)
        return branch if branch is not None else child
    return child


def extract_docx(path: Path, options: ExtractOptions) -> Document:
    """Read a DOCX file; see the module docstring for blocks and locations."""
    from .docx_package import DocxPackage

    with DocxPackage(path, options) as package:
        return _Reader(package, path).read()


def _sniff(head: bytes, path: Path) -> bool:
    """A DOCX by content; also a ``.docx`` zip that is broken or lacks its main part,
    so that it is reported as a damaged Word file rather than as the wrong format."""
    found = sniff_format(head, path)
    if found == "docx":
        return True
    if found != "zip" or path.suffix.lower() != ".docx":
        return False
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            return any(name.startswith("word/") for name in zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return True


DOCX = Extractor(
    name="docx",
    sniff=_sniff,
    extract=extract_docx,
    extensions=(".docx",),
    description="Word (DOCX) med tabeller, sidhuvuden, fotnoter, textrutor och formulärfält",
)
