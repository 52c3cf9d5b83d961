"""Paragraph styles of a DOCX: which style makes a heading, a list item or a caption.

A style is a heading when its name or id is "Heading N"/"Rubrik N" (Word
stores the built-in names in English, "heading 1", and Swedish Word uses the
style id ``Rubrik1``), when it or a style it is based on has an outline
level (``w:outlineLvl`` 0-8 gives heading level 1-9), and "Title"/"Rubrik"
gives level 0. Numbering (``w:numPr``) in a style makes its paragraphs list
items. A paragraph's own ``w:outlineLvl`` and ``w:numPr`` win over its
style's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .docx_text import W, wval

if TYPE_CHECKING:  # pragma: no cover
    from lxml.etree import _Element

__all__ = ["StyleInfo", "Styles", "TITLE_LEVEL", "paragraph_style_id", "paragraph_kind"]

#: Heading level given to the document title (style Title / Rubrik).
TITLE_LEVEL = 0

_HEADING_NAME = re.compile(r"^(?:heading|rubrik)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = frozenset(("title", "rubrik"))
_CAPTION_NAMES = frozenset(("caption", "beskrivning", "bildtext"))
_BODY_LEVEL = 9


@dataclass(frozen=True, slots=True)
class StyleInfo:
    """What a paragraph style means for extraction."""

    id: str
    name: str
    heading: int | None = None
    list_level: int | None = None
    caption: bool = False


_PLAIN = StyleInfo("", "")


def _outline(ppr: "_Element | None") -> int | None:
    if ppr is None:
        return None
    value = wval(ppr.find(W + "outlineLvl"))
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _numbering(ppr: "_Element | None") -> int | None:
    """List level (0-based) from ``w:numPr``; -1 when numbering is switched off (numId 0)."""
    if ppr is None:
        return None
    numpr = ppr.find(W + "numPr")
    if numpr is None:
        return None
    num_id = wval(numpr.find(W + "numId"))
    if num_id == "0":
        return -1
    try:
        return int(wval(numpr.find(W + "ilvl"), "0") or 0)
    except ValueError:
        return 0


def paragraph_style_id(ppr: "_Element | None") -> str | None:
    return wval(ppr.find(W + "pStyle")) if ppr is not None else None


class Styles:
    """Paragraph styles from ``word/styles.xml`` (empty when the part is missing)."""

    def __init__(self, root: "_Element | None") -> None:
        self._raw: dict[str, tuple[str, str | None, int | None, int | None]] = {}
        self._resolved: dict[str, StyleInfo] = {}
        self.default_id: str | None = None
        if root is None:
            return
        for style in root.iter(W + "style"):
            if style.get(W + "type") not in (None, "paragraph"):
                continue
            sid = style.get(W + "styleId") or ""
            name = wval(style.find(W + "name"), sid) or sid
            based_on = wval(style.find(W + "basedOn"))
            ppr = style.find(W + "pPr")
            self._raw[sid] = (name, based_on, _outline(ppr), _numbering(ppr))
            if (style.get(W + "default") or "").lower() in ("1", "true", "on"):
                self.default_id = sid

    def get(self, style_id: str | None) -> StyleInfo:
        """Resolved info of a style id; the default paragraph style when ``None``."""
        sid = style_id if style_id is not None else self.default_id
        if sid is None:
            return _PLAIN
        found = self._resolved.get(sid)
        if found is None:
            found = self._resolve(sid, set())
        return found

    def _resolve(self, sid: str, seen: set[str]) -> StyleInfo:
        if sid in self._resolved:
            return self._resolved[sid]
        raw = self._raw.get(sid)
        if raw is None or sid in seen:
            return StyleInfo(sid, sid, *_by_name(sid, sid))
        seen.add(sid)
        name, based_on, outline, numbering = raw
        heading, caption = _by_name(sid, name)
        parent = self._resolve(based_on, seen) if based_on else _PLAIN
        if heading is None:
            if outline is not None:
                heading = outline + 1 if outline < _BODY_LEVEL else None
            else:
                heading = parent.heading
        if numbering is None:
            list_level = parent.list_level
        else:
            list_level = numbering if numbering >= 0 else None
        info = StyleInfo(sid, name, heading, list_level, caption or parent.caption)
        self._resolved[sid] = info
        return info


def _by_name(sid: str, name: str) -> tuple[int | None, bool]:
    """(heading level, is caption) from a style's name or id."""
    for candidate in (name.strip(), sid.strip()):
        match = _HEADING_NAME.match(candidate)
        if match:
            return int(match.group(1)), False
        low = candidate.lower()
        if low in _TITLE_NAMES:
            return TITLE_LEVEL, False
        if low in _CAPTION_NAMES:
            return None, True
    return None, False


def paragraph_kind(styles: Styles, ppr: "_Element | None") -> tuple[str, int | None, str | None]:
    """``(kind, level, style id)`` of a paragraph: kind is heading, list-item, caption or paragraph.

    Heading level: paragraph ``w:outlineLvl`` (9 = body text, not a heading),
    else the style's. List level: 1-based nesting level from ``w:numPr``.
    """
    sid = paragraph_style_id(ppr)
    style = styles.get(sid)
    heading = style.heading
    own_outline = _outline(ppr)
    if own_outline is not None:
        heading = own_outline + 1 if own_outline < _BODY_LEVEL else None
    if heading is not None:
        return "heading", heading, sid
    own_numbering = _numbering(ppr)
    list_level = style.list_level if own_numbering is None else (own_numbering if own_numbering >= 0 else None)
    if list_level is not None:
        return "list-item", list_level + 1, sid
    if style.caption:
        return "caption", None, sid
    return "paragraph", None, sid

