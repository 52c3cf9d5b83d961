"""Text of WordprocessingML paragraphs, run by run.

:func:`paragraph_runs` is the one place that decides what text a ``w:p``
has; the DOCX extractor builds every block from it and the DOCX-comments
reporter maps offsets back to runs with it, so the two cannot disagree.

Paragraph text is the concatenation, in document order, of the runs
(``w:r``) of the paragraph, including runs inside ``w:hyperlink``,
``w:ins``, ``w:moveTo``, ``w:smartTag``, ``w:customXml``, ``w:fldSimple``,
``w:dir``/``w:bdo`` and inline content controls (``w:sdt``/``w:sdtContent``),
and one branch of ``mc:AlternateContent`` (the first ``mc:Choice``, else
``mc:Fallback``). Deleted text (``w:del``, ``w:moveFrom``, ``w:delText``),
field codes (``w:instrText``) and the paragraphs of text boxes
(``w:drawing``, ``w:pict``, ``w:object``) are left out. Within a run,
``w:t`` gives its text, ``w:tab``/``w:ptab`` a tab (``"\\t"``),
``w:br``/``w:cr`` a space and ``w:noBreakHyphen`` a hyphen-minus.

Nothing here imports lxml: the functions only walk elements that the caller
parsed (see :mod:`.docx_package`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:  # pragma: no cover
    from lxml.etree import _Element

__all__ = [
    "W",
    "MC",
    "RUN_CHARS",
    "paragraph_runs",
    "paragraph_text",
    "run_text",
    "scan_paragraph",
    "ParagraphScan",
    "LegacyField",
    "InlineControl",
    "own_paragraphs",
    "flat_paragraphs",
    "text_boxes",
    "choose_branch",
    "sdt_info",
    "wval",
]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"

_P = W + "p"
_R = W + "r"
_T = W + "t"
_TAB = W + "tab"
_PTAB = W + "ptab"
_BR = W + "br"
_CR = W + "cr"
_NBHYPHEN = W + "noBreakHyphen"
_FLDCHAR = W + "fldChar"
_SDT = W + "sdt"
_SDTPR = W + "sdtPr"
_SDTCONTENT = W + "sdtContent"
_TXBX = W + "txbxContent"
_ALT = MC + "AlternateContent"
_CHOICE = MC + "Choice"
_FALLBACK = MC + "Fallback"
_VAL = W + "val"

#: Inline containers whose runs are part of the paragraph text.
_INLINE_TRANSPARENT = frozenset(
    W + tag for tag in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo")
)
#: Run children other than ``w:t`` that add text, and the one character each adds.
RUN_CHARS: dict[str, str] = {_TAB: "\t", _PTAB: "\t", _BR: " ", _CR: " ", _NBHYPHEN: "-"}
_RUN_CHARS = RUN_CHARS


def wval(element: "_Element | None", default: str | None = None) -> str | None:
    """The ``w:val`` attribute of an element (or ``default``)."""
    if element is None:
        return default
    return element.get(_VAL, default)


def _on(element: "_Element | None") -> bool:
    """An OOXML on/off property: present without val, or val true/1/on."""
    if element is None:
        return False
    return (element.get(_VAL) or "true").lower() in ("true", "1", "on")


def choose_branch(alternate: "_Element") -> "_Element | None":
    """The one branch of ``mc:AlternateContent`` that is read: first Choice, else Fallback."""
    branch = alternate.find(_CHOICE)
    if branch is None:
        branch = alternate.find(_FALLBACK)
    return branch


def run_text(run: "_Element") -> str:
    """Text of one ``w:r`` by the rules in the module docstring."""
    parts: list[str] = []
    for child in run:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        else:
            char = _RUN_CHARS.get(tag)  # type: ignore[call-overload]
            if char is not None:
                parts.append(char)
    return "".join(parts)


@dataclass(slots=True)
class LegacyField:
    """A legacy form field (``w:fldChar`` with ``w:ffData``) found in a paragraph.

    ``start``/``end`` span its result text in the paragraph text (empty for
    check boxes and drop-downs, which show no result text).
    """

    type: str  # "text", "checkbox", "dropdown"
    name: str
    start: int
    end: int
    default: str | None = None
    checked: bool | None = None
    selected: str | None = None

    def to_source(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.type, "name": self.name, "start": self.start, "end": self.end}
        for key in ("default", "checked", "selected"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data


@dataclass(slots=True)
class InlineControl:
    """An inline content control and the span of its text in the paragraph."""

    info: dict[str, Any]
    start: int
    end: int

    def to_source(self) -> dict[str, Any]:
        return {**self.info, "start": self.start, "end": self.end}


@dataclass(slots=True)
class ParagraphScan:
    """Everything one pass over a paragraph finds."""

    runs: list[tuple["_Element", int, int]] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    controls: list[InlineControl] = field(default_factory=list)
    fields: list[LegacyField] = field(default_factory=list)
    _open: list[dict[str, Any]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _ffdata(ffdata: "_Element") -> dict[str, Any]:
    name = wval(ffdata.find(W + "name"), "") or ""
    checkbox = ffdata.find(W + "checkBox")
    if checkbox is not None:
        checked = checkbox.find(W + "checked")
        state = _on(checked) if checked is not None else _on(checkbox.find(W + "default"))
        return {"type": "checkbox", "name": name, "checked": state}
    ddlist = ffdata.find(W + "ddList")
    if ddlist is not None:
        entries = [wval(e, "") or "" for e in ddlist.findall(W + "listEntry")]
        index_el = ddlist.find(W + "result")
        if index_el is None:
            index_el = ddlist.find(W + "default")
        try:
            index = int(wval(index_el, "0") or 0)
        except ValueError:
            index = 0
        selected = entries[index] if 0 <= index < len(entries) else None
        return {"type": "dropdown", "name": name, "selected": selected}
    text_input = ffdata.find(W + "textInput")
    default = wval(text_input.find(W + "default")) if text_input is not None else None
    return {"type": "text", "name": name, "default": default}


def _field_char(scan: ParagraphScan, fld: "_Element", pos: int) -> None:
    kind = fld.get(W + "fldCharType")
    if kind == "begin":
        ffdata = fld.find(W + "ffData")
        scan._open.append({"ff": _ffdata(ffdata) if ffdata is not None else None, "result": None})
    elif kind == "separate" and scan._open:
        scan._open[-1]["result"] = pos
    elif kind == "end" and scan._open:
        _close_field(scan, scan._open.pop(), pos)


def _close_field(scan: ParagraphScan, opened: dict[str, Any], pos: int) -> None:
    ff = opened["ff"]
    if ff is None:
        return
    start = opened["result"] if opened["result"] is not None else pos
    scan.fields.append(
        LegacyField(
            type=ff["type"], name=ff["name"], start=start, end=pos,
            default=ff.get("default"), checked=ff.get("checked"), selected=ff.get("selected"),
        )
    )


def _run(scan: ParagraphScan, run: "_Element") -> None:
    start = scan.pos
    parts: list[str] = []
    for child in run:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _FLDCHAR:
            _field_char(scan, child, start + sum(len(p) for p in parts))
        else:
            char = _RUN_CHARS.get(tag)  # type: ignore[call-overload]
            if char is not None:
                parts.append(char)
    text = "".join(parts)
    if text:
        scan.pos += len(text)
        scan.parts.append(text)
        scan.runs.append((run, start, scan.pos))


def _walk_inline(scan: ParagraphScan, container: "_Element") -> None:
    for child in container:
        tag = child.tag
        if tag == _R:
            _run(scan, child)
        elif tag in _INLINE_TRANSPARENT:
            _walk_inline(scan, child)
        elif tag == _SDT:
            content = child.find(_SDTCONTENT)
            if content is not None:
                start = scan.pos
                _walk_inline(scan, content)
                scan.controls.append(InlineControl(sdt_info(child), start, scan.pos))
        elif tag == _ALT:
            branch = choose_branch(child)
            if branch is not None:
                _walk_inline(scan, branch)
        # w:pPr, w:del, w:moveFrom, bookmarks, proofing marks, math: no text


def scan_paragraph(p: "_Element") -> ParagraphScan:
    """Runs with spans, text, inline content controls and legacy form fields of one ``w:p``."""
    scan = ParagraphScan()
    _walk_inline(scan, p)
    while scan._open:  # a field left open at the paragraph's end
        _close_field(scan, scan._open.pop(), scan.pos)
    return scan


def paragraph_runs(p: "_Element") -> list[tuple["_Element", int, int]]:
    """The text-bearing ``w:r`` elements of paragraph ``p`` with their ``[start, end)``
    span in the paragraph text (see the module docstring for what counts)."""
    return scan_paragraph(p).runs


def paragraph_text(p: "_Element") -> str:
    """The paragraph's text; equals the concatenation of :func:`paragraph_runs` texts."""
    return scan_paragraph(p).text


def sdt_info(sdt: "_Element") -> dict[str, Any]:
    """What a content control is: type, tag, alias (title), placeholder state."""
    info: dict[str, Any] = {"type": "richText"}
    props = sdt.find(_SDTPR)
    if props is None:
        return info
    for child in props:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        local = tag.rsplit("}", 1)[-1]
        if tag == W + "tag":
            info["tag"] = wval(child, "")
        elif tag == W + "alias":
            info["alias"] = wval(child, "")
        elif tag == W + "showingPlcHdr":
            info["placeholder"] = _on(child)
        elif local in _SDT_TYPES:
            info["type"] = local
    return info


_SDT_TYPES = frozenset(
    (
        "text", "richText", "comboBox", "dropDownList", "date", "picture", "checkbox",
        "docPartObj", "docPartList", "group", "citation", "bibliography", "equation",
        "repeatingSection", "repeatingSectionItem",
    )
)


def _in_other_branch(element: "_Element", stop: "_Element") -> bool:
    """True if ``element`` lies, below ``stop``, in an AlternateContent branch that is not read,
    or inside a paragraph other than ``stop``."""
    node = element.getparent()
    while node is not None and node is not stop:
        tag = node.tag
        if tag == _P:
            return True
        if tag in (_CHOICE, _FALLBACK):
            alternate = node.getparent()
            if alternate is not None and choose_branch(alternate) is not node:
                return True
        node = node.getparent()
    return False


def text_boxes(p: "_Element") -> list["_Element"]:
    """The ``w:txbxContent`` elements anchored in paragraph ``p`` (one per text box:
    the duplicate in the unread ``mc:AlternateContent`` branch is skipped)."""
    return [tx for tx in p.iter(_TXBX) if not _in_other_branch(tx, p)]


def own_paragraphs(container: "_Element") -> Iterator["_Element"]:
    """The ``w:p`` elements of a container (body, cell, text box, note, header) in order,
    through tables, content controls and custom XML, choosing one AlternateContent branch.
    Paragraphs of text boxes anchored in those paragraphs are not included."""
    for child in container:
        tag = child.tag
        if tag == _P:
            yield child
        elif tag == _ALT:
            branch = choose_branch(child)
            if branch is not None:
                yield from own_paragraphs(branch)
        elif isinstance(tag, str) and not tag.endswith(("Pr", "PrChange")):
            yield from own_paragraphs(child)


def flat_paragraphs(container: "_Element") -> Iterator["_Element"]:
    """Like :func:`own_paragraphs`, followed after each paragraph by its text boxes' paragraphs."""
    for p in own_paragraphs(container):
        yield p
        for box in text_boxes(p):
            yield from flat_paragraphs(box)
