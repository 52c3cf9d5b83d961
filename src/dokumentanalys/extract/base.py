"""What an extractor is, and how a file finds its extractor.

An extractor turns one file into a :class:`~dokumentanalys.model.Document`.
Files are matched by content (magic bytes), not by name: a ``.docx`` that is
really a text file is reported as such instead of crashing the DOCX reader.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import ReadError
from ..model import Document

__all__ = [
    "Extractor",
    "ExtractOptions",
    "sniff_format",
    "HEAD_BYTES",
]

#: How many leading bytes a sniff function gets to see.
HEAD_BYTES = 4096


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Limits and switches every extractor honours."""

    max_file_size: int = 200 * 1024 * 1024
    max_pages: int = 10_000
    max_decompressed_size: int = 500 * 1024 * 1024
    #: "auto" picks the fast text path where it gives the same result; "layout" forces pdfplumber.
    pdf_mode: str = "auto"


@dataclass(frozen=True)
class Extractor:
    """An input format.

    :param name: short format name used in reports (``"pdf"``, ``"docx"``).
    :param sniff: ``sniff(head, path) -> bool``: does this extractor read the
        file whose first :data:`HEAD_BYTES` bytes are ``head``?
    :param extract: ``extract(path, options) -> Document``; raise
        :class:`~dokumentanalys.errors.ReadError` for files that cannot be read.
    :param extensions: file suffixes (lower case, with dot) that folder scans
        pick up for this format.
    :param description: one line for ``dokumentanalys plugins``.
    """

    name: str
    sniff: Callable[[bytes, Path], bool]
    extract: Callable[[Path, ExtractOptions], Document]
    extensions: tuple[str, ...] = ()
    description: str = ""
    plugin: str = field(default="", compare=False)


def _zip_names(path: Path) -> set[str]:
    try:
        with zipfile.ZipFile(path) as zf:
            return set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()


def sniff_format(head: bytes, path: Path) -> str:
    """Best guess of what a file really is, from its first bytes.

    Returns one of ``pdf``, ``docx``, ``odt``, ``zip``, ``doc`` (old binary
    Word), ``rtf``, ``text``, ``binary``, ``empty``. Used for clear error
    messages when no extractor takes a file.
    """
    if not head:
        return "empty"
    if head.lstrip(b"\x00\t\r\n \xef\xbb\xbf")[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        names = _zip_names(path)
        if "word/document.xml" in names:
            return "docx"
        if "content.xml" in names:
            return "odt"
        return "zip"
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "doc"
    if head[:5] == b"{\\rtf":
        return "rtf"
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[:3] == b"\xef\xbb\xbf":
        return "text"
    sample = head[:HEAD_BYTES]
    if b"\x00" in sample:
        return "binary"
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return "binary" if control > len(sample) * 0.05 else "text"


#: Swedish names for sniffed formats, for the "wrong format" message.
FORMAT_LABELS: dict[str, str] = {
    "pdf": "en PDF-fil",
    "docx": "ett Word-dokument (DOCX)",
    "odt": "ett OpenDocument-dokument",
    "zip": "ett zip-arkiv",
    "doc": "ett gammalt Word-dokument (DOC)",
    "rtf": "ett RTF-dokument",
    "text": "vanlig text",
    "binary": "binärdata som inte är text",
    "empty": "tomt",
}


def wrong_format(path: Path, actual: str) -> ReadError:
    ext = path.suffix.lower() or "(ingen)"
    return ReadError("read/wrong-format", actual, ext=ext, actual=FORMAT_LABELS.get(actual, actual))
