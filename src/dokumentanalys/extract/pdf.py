"""PDF -> Document (placeholder: full version with tables and fast path comes next)."""

from __future__ import annotations

from pathlib import Path

from ..errors import ReadError
from ..model import Block, BlockKind, Document
from .base import ExtractOptions, Extractor, sniff_format


def extract_pdf(path: Path, options: ExtractOptions) -> Document:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    blocks: list[Block] = []
    try:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
            for number, page in enumerate(pdf.pages, start=1):
                text = page.extract_text() or ""
                for para in [p for p in text.split("\n") if p.strip()]:
                    blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, para.strip(), page=number))
                page.close()
    except PDFSyntaxError as exc:
        raise ReadError("read/corrupt-pdf", str(exc)) from exc
    if not blocks:
        raise ReadError("read/no-text-layer")
    return Document(str(path), "pdf", blocks, pages=pages)


PDF = Extractor(
    name="pdf",
    sniff=lambda head, path: sniff_format(head, path) == "pdf",
    extract=extract_pdf,
    extensions=(".pdf",),
    description="PDF med textlager (pdfplumber)",
)
