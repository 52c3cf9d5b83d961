"""DOCX -> Document (placeholder: full version with tables, headers, content controls comes next)."""

from __future__ import annotations

from pathlib import Path

from ..errors import ReadError
from ..model import Block, BlockKind, Document
from .base import ExtractOptions, Extractor, sniff_format


def extract_docx(path: Path, options: ExtractOptions) -> Document:
    import docx

    try:
        d = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001
        raise ReadError("read/corrupt-docx", str(exc)) from exc
    blocks: list[Block] = []
    for n, para in enumerate(d.paragraphs):
        if para.text.strip():
            blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, para.text, paragraph=n))
    if not blocks:
        raise ReadError("read/no-text")
    return Document(str(path), "docx", blocks)


DOCX = Extractor(
    name="docx",
    sniff=lambda head, path: sniff_format(head, path) == "docx",
    extract=extract_docx,
    extensions=(".docx",),
    description="Word (DOCX) med tabeller, sidhuvuden och formulärfält",
)
