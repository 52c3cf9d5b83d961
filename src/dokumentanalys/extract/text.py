"""Plain text and Markdown -> Document.

Text files: paragraphs are runs of non-blank lines. Line breaks inside a
paragraph become spaces, so every character offset in a block is also the
offset from ``source["offset"]`` in the decoded file. Markdown adds headings
(``#`` and underlined), list items and pipe tables.

Encoding: UTF-8 (with or without BOM), UTF-16 with BOM, then cp1252 and
latin-1 as fallbacks; the encoding used is recorded in ``metadata["encoding"]``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ReadError
from ..model import Block, BlockKind, Document
from .base import ExtractOptions, Extractor, sniff_format

__all__ = ["decode_text", "extract_text", "extract_markdown", "TEXT", "MARKDOWN"]

_MD_SUFFIXES = (".md", ".markdown")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode file bytes; returns ``(text, encoding)``."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ReadError("read/decode", str(exc)) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _read(path: Path) -> tuple[str, str]:
    data = path.read_bytes()
    text, encoding = decode_text(data)
    # Normalise newlines without changing lengths inside lines.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def _paragraphs(text: str) -> list[tuple[int, int, str]]:
    """(offset, first line number, paragraph text with newlines as spaces)."""
    out: list[tuple[int, int, str]] = []
    for match in re.finditer(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*", text):
        chunk = match.group(0)
        line = text.count("\n", 0, match.start()) + 1
        out.append((match.start(), line, chunk.replace("\n", " ")))
    return out


def _strip_ws(offset: int, text: str) -> tuple[int, str]:
    stripped = text.lstrip()
    offset += len(text) - len(stripped)
    return offset, stripped.rstrip()


def extract_text(path: Path, options: ExtractOptions | None = None) -> Document:
    text, encoding = _read(path)
    blocks: list[Block] = []
    for n, (offset, line, para) in enumerate(_paragraphs(text)):
        offset, para = _strip_ws(offset, para)
        kind = BlockKind.PARAGRAPH
        if re.match(r"^([-*•–]|\d{1,2}[.)])\s+\S", para):
            kind = BlockKind.LIST_ITEM
        blocks.append(
            Block(len(blocks), kind, para, paragraph=n, line=line, source={"offset": offset})
        )
    if not blocks:
        raise ReadError("read/no-text")
    return Document(str(path), "txt", blocks, title=_title(blocks), metadata={"encoding": encoding})


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LIST = re.compile(r"^(\s*)([-*+]|\d{1,3}[.)])\s+(\[[ xX]\]\s+)?")
_MD_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def extract_markdown(path: Path, options: ExtractOptions | None = None) -> Document:
    text, encoding = _read(path)
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    blocks: list[Block] = []
    paragraph_no = 0
    table_no = -1
    para_lines: list[int] = []

    def add(kind: BlockKind, text_: str, line_idx: int, offset: int, **kw: object) -> None:
        offset, text_ = _strip_ws(offset, text_)
        if text_:
            blocks.append(
                Block(len(blocks), kind, text_, paragraph=paragraph_no, line=line_idx + 1,
                      source={"offset": offset}, **kw)  # type: ignore[arg-type]
            )

    def flush() -> None:
        nonlocal paragraph_no, para_lines
        if para_lines:
            first = para_lines[0]
            joined = " ".join(lines[i] for i in para_lines)
            add(BlockKind.PARAGRAPH, joined, first, offsets[first])
            paragraph_no += 1
            para_lines = []

    i = 0
    in_fence = False
    while i < len(lines):
        line = lines[i]
        if line.strip().startswith(("```", "~~~")):
            flush()
            in_fence = not in_fence
            i += 1
            continue
        if in_fence:
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            flush()
            start = offsets[i] + heading.start(2)
            add(BlockKind.HEADING, heading.group(2), i, start, level=len(heading.group(1)))
            paragraph_no += 1
            i += 1
            continue
        if (
            para_lines
            and len(para_lines) == 1
            and re.fullmatch(r"\s*(=+|-+)\s*", line)
        ):
            first = para_lines[0]
            level = 1 if "=" in line else 2
            add(BlockKind.HEADING, lines[first], first, offsets[first], level=level)
            paragraph_no += 1
            para_lines = []
            i += 1
            continue
        if "|" in line and i + 1 < len(lines) and _MD_TABLE_SEP.match(lines[i + 1]):
            flush()
            table_no += 1
            row = 0
            j = i
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                if j == i + 1:
                    j += 1
                    continue
                for col, (cell_start, cell) in enumerate(_pipe_cells(lines[j])):
                    add(BlockKind.TABLE_CELL, cell, j, offsets[j] + cell_start,
                        table=table_no, row=row, column=col)
                row += 1
                j += 1
            paragraph_no += 1
            i = j
            continue
        item = _MD_LIST.match(line)
        if item:
            flush()
            add(BlockKind.LIST_ITEM, line[item.end():], i, offsets[i] + item.end())
            paragraph_no += 1
            i += 1
            continue
        para_lines.append(i)
        i += 1
    flush()
    if not blocks:
        raise ReadError("read/no-text")
    return Document(str(path), "md", blocks, title=_title(blocks), metadata={"encoding": encoding})


def _pipe_cells(line: str) -> list[tuple[int, str]]:
    cells: list[tuple[int, str]] = []
    start = 0
    stripped = line.rstrip()
    inner_start = stripped.find("|") + 1 if stripped.lstrip().startswith("|") else 0
    end = len(stripped) - 1 if stripped.endswith("|") else len(stripped)
    pos = inner_start
    start = inner_start
    while pos <= end:
        if pos == end or stripped[pos] == "|":
            cells.append((start, stripped[start:pos]))
            start = pos + 1
        pos += 1
    return cells


def _title(blocks: list[Block]) -> str | None:
    for block in blocks[:5]:
        if block.kind == BlockKind.HEADING:
            return block.text
    first = blocks[0].text if blocks else ""
    return first if 0 < len(first) <= 120 else None


def _is_text(head: bytes, path: Path) -> bool:
    return sniff_format(head, path) == "text" and path.suffix.lower() not in (".docx", ".pdf", ".doc", ".odt", ".rtf")


TEXT = Extractor(
    name="txt",
    sniff=lambda head, path: _is_text(head, path) and path.suffix.lower() not in _MD_SUFFIXES,
    extract=extract_text,
    extensions=(".txt", ".text"),
    description="Vanlig text (UTF-8, UTF-16, cp1252, latin-1)",
)

MARKDOWN = Extractor(
    name="md",
    sniff=lambda head, path: _is_text(head, path) and path.suffix.lower() in _MD_SUFFIXES,
    extract=extract_markdown,
    extensions=_MD_SUFFIXES,
    description="Markdown: rubriker, listor och tabeller",
)
