"""Turn a rule example (a string) into a Document, the way the example tests read them.

Blank lines separate paragraphs; a line starting with ``#`` is a heading
(``##`` level 2, ...); a line starting with ``|`` is a table row (cells split
on ``|``); a line starting with ``- `` is a list item.
"""

from __future__ import annotations

from dokumentanalys.model import Block, BlockKind, Document

__all__ = ["document_from_example"]


def document_from_example(text: str, path: str = "<exempel>") -> Document:
    blocks: list[Block] = []
    table_no = -1
    row = 0
    in_table = False
    for n, chunk in enumerate(_chunks(text)):
        for line in chunk:
            stripped = line.strip()
            if stripped.startswith("|"):
                if not in_table:
                    table_no += 1
                    row = 0
                    in_table = True
                cells = [c.strip() for c in stripped.strip("|").split("|")]
                if all(set(c) <= set("-: ") for c in cells):
                    continue
                for col, cell in enumerate(cells):
                    if cell:
                        blocks.append(Block(len(blocks), BlockKind.TABLE_CELL, cell, paragraph=n, table=table_no, row=row, column=col))
                row += 1
                continue
            in_table = False
        if chunk and not chunk[0].strip().startswith("|"):
            first = chunk[0].strip()
            if first.startswith("#"):
                level = len(first) - len(first.lstrip("#"))
                blocks.append(Block(len(blocks), BlockKind.HEADING, first.lstrip("#").strip(), paragraph=n, level=level))
                rest = " ".join(l.strip() for l in chunk[1:])
                if rest:
                    blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, rest, paragraph=n))
            elif first.startswith("- "):
                for item in chunk:
                    blocks.append(Block(len(blocks), BlockKind.LIST_ITEM, item.strip()[2:], paragraph=n))
            else:
                blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, " ".join(l.strip() for l in chunk), paragraph=n))
    title = next((b.text for b in blocks if b.kind == BlockKind.HEADING), None)
    return Document(path, "txt", blocks, title=title)


def _chunks(text: str) -> list[list[str]]:
    chunks: list[list[str]] = [[]]
    for line in text.strip().splitlines():
        if line.strip():
            chunks[-1].append(line)
        elif chunks[-1]:
            chunks.append([])
    return [c for c in chunks if c]
