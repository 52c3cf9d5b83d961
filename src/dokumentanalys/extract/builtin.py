"""Registers the built-in extractors through the same hook plugins use."""

from __future__ import annotations

from .. import hookimpl
from .base import Extractor


@hookimpl
def register_extractors() -> list[Extractor]:
    from .docx import DOCX
    from .pdf import PDF
    from .text import MARKDOWN, TEXT

    return [PDF, DOCX, MARKDOWN, TEXT]
