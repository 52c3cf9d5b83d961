"""Registers the built-in reporters through the same hook plugins use."""

from __future__ import annotations

from .. import hookimpl
from .base import Reporter


@hookimpl
def register_reporters() -> list[Reporter]:
    from .csv import CSV
    from .docx_comments import DOCX
    from .html import HTML
    from .json import JSON
    from .markdown import MARKDOWN
    from .sarif import SARIF
    from .text import TEXT

    return [TEXT, JSON, HTML, MARKDOWN, CSV, SARIF, DOCX]
