"""dokumentanalys-odt: OpenDocument text (.odt, .ott) as a new input format.

Adds one :class:`~dokumentanalys.extract.base.Extractor` through the
``register_extractors`` hook; everything after extraction (language, kinds,
rules, reports) works on ODT files as on DOCX. See :mod:`.reader`.
"""

from __future__ import annotations

from dokumentanalys import hookimpl
from dokumentanalys.extract.base import Extractor

from .reader import ODT

__version__ = "0.1.0"


@hookimpl
def register_extractors() -> list[Extractor]:
    return [ODT]
