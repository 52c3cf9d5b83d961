"""Registers the built-in reporters through the same hook plugins use."""

from __future__ import annotations

from .. import hookimpl
from .base import Reporter


@hookimpl
def register_reporters() -> list[Reporter]:
    from .json import JSON
    from .text import TEXT

    return [TEXT, JSON]
