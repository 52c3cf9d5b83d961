"""Safe access to the parts of a DOCX package (a zip of XML parts).

Nothing here trusts the file:

- the zip's total uncompressed size (sum of ``ZipInfo.file_size``) must stay
  within ``ExtractOptions.max_decompressed_size``, no member may expand more
  than :data:`MAX_RATIO` times (zip bombs), and the bytes actually read are
  counted against the same budget (a member whose header lies about its size
  cannot get past it);
- every XML part is parsed by lxml with entity resolution, DTD loading and
  network access off, and a part that carries a DOCTYPE (entity declarations,
  "billion laughs", external entities) is rejected outright;
- Strict OOXML namespaces are mapped to the transitional ones, so one walker
  reads both.

Problems become :class:`~dokumentanalys.errors.ReadError`: ``read/unsafe``
for anything that looks like an attack, ``read/corrupt-docx`` for a broken
zip or XML. lxml is imported inside functions so that importing this module
stays cheap.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ReadError
from .base import ExtractOptions

if TYPE_CHECKING:  # pragma: no cover
    from lxml.etree import _Element

__all__ = [
    "DocxPackage",
    "Relationship",
    "parse_xml",
    "MAX_RATIO",
    "RATIO_MIN_SIZE",
    "MAX_MEMBERS",
]

#: A member larger than :data:`RATIO_MIN_SIZE` that expands more than this many
#: times is taken for a zip bomb. Deflate tops out near 1030:1 on a run of one
#: byte; real Word parts stay far below 100:1.
MAX_RATIO = 400
#: Members smaller than this are never judged by their ratio.
RATIO_MIN_SIZE = 4 * 1024 * 1024
#: More members than this is not a Word document.
MAX_MEMBERS = 20_000

_STRICT_TO_TRANSITIONAL: tuple[tuple[bytes, bytes], ...] = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
     b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
)
_STRICT_MARK = b"http://purl.oclc.org/ooxml/"

_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError)


def _unsafe(detail: str) -> ReadError:
    return ReadError("read/unsafe", detail)


def _corrupt(detail: str) -> ReadError:
    return ReadError("read/corrupt-docx", detail)


def parse_xml(data: bytes, name: str = "XML") -> "_Element":
    """Parse one XML part safely and return its root element.

    Rejects (``read/unsafe``) any part with a DOCTYPE, since Word never
    writes one and it is what entity attacks need; parses with entity
    resolution, DTD loading and network access off, and without lxml's
    ``huge_tree`` allowance. Malformed XML gives ``read/corrupt-docx``.
    """
    from lxml import etree

    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise _unsafe(f"XML-delen {name} innehåller en DTD med entitetsdeklarationer")
    if _STRICT_MARK in data:
        for strict, transitional in _STRICT_TO_TRANSITIONAL:
            data = data.replace(strict, transitional)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _corrupt(f"{name}: {exc}") from exc
    if root is None:
        raise _corrupt(f"{name}: tom XML-del")
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        # UTF-16 parts slip past the byte check above; the parser still saw the DTD.
        raise _unsafe(f"XML-delen {name} innehåller en DTD med entitetsdeklarationer")
    return root


@dataclass(frozen=True, slots=True)
class Relationship:
    """One entry of a ``.rels`` part, with the target resolved to a part name."""

    id: str
    type: str
    target: str
    external: bool = False

    def is_a(self, suffix: str) -> bool:
        """Type check by the last path segment (works for transitional and strict)."""
        return self.type.rsplit("/", 1)[-1] == suffix


_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class DocxPackage:
    """An opened DOCX: checked limits, budgeted reads, cached parsed parts.

    Use as a context manager; raises :class:`ReadError` on open when the zip
    is broken or exceeds the limits.
    """

    def __init__(self, path: Path, options: ExtractOptions) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
        except _READ_ERRORS as exc:
            raise _corrupt(str(exc)) from exc
        try:
            self._check(options)
        except BaseException:
            self._zip.close()
            raise
        self._budget = options.max_decompressed_size
        self._xml: dict[str, "_Element | None"] = {}
        self._rels: dict[str, dict[str, Relationship]] = {}

    def _check(self, options: ExtractOptions) -> None:
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _unsafe(f"zip-arkivet har {len(infos)} delar")
        total = sum(info.file_size for info in infos)
        limit = options.max_decompressed_size
        if total > limit:
            raise _unsafe(f"uppackat {_mb(total)}, gränsen är {_mb(limit)}")
        for info in infos:
            if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                ratio = info.file_size // max(info.compress_size, 1)
                raise _unsafe(f"delen {info.filename} packas upp {ratio} gånger, troligen en zip-bomb")
        # OPC part names are case-insensitive.
        self._members = {info.filename.lower().lstrip("/"): info for info in infos}

    # -- context manager --

    def __enter__(self) -> "DocxPackage":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    # -- reading --

    def has(self, name: str) -> bool:
        return name.lower().lstrip("/") in self._members

    def read(self, name: str) -> bytes | None:
        """Bytes of a part, or ``None`` when the package has no such part."""
        info = self._members.get(name.lower().lstrip("/"))
        if info is None:
            return None
        try:
            with self._zip.open(info) as fh:
                data = fh.read(self._budget + 1)
        except _READ_ERRORS as exc:
            raise _corrupt(f"{name}: {exc}") from exc
        self._budget -= len(data)
        if self._budget < 0:
            raise _unsafe("uppackat innehåll över gränsen för uppackad storlek")
        return data

    def xml(self, name: str) -> "_Element | None":
        """The parsed root of an XML part (cached), ``None`` when it is missing."""
        key = name.lower().lstrip("/")
        if key not in self._xml:
            data = self.read(name)
            self._xml[key] = None if data is None else parse_xml(data, name)
        return self._xml[key]

    def relationships(self, part: str) -> dict[str, Relationship]:
        """Relationships of ``part`` (``""`` for the package), by id; targets resolved."""
        part = part.lstrip("/")
        if part in self._rels:
            return self._rels[part]
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        root = self.xml(rels_name)
        out: dict[str, Relationship] = {}
        if root is not None:
            for rel in root.iter(_RELS_NS + "Relationship"):
                rid = rel.get("Id") or ""
                target = rel.get("Target") or ""
                external = (rel.get("TargetMode") or "").lower() == "external"
                if not external:
                    target = _resolve(folder, target)
                out[rid] = Relationship(rid, rel.get("Type") or "", target, external)
        self._rels[part] = out
        return out

    def related(self, part: str, suffix: str) -> list[Relationship]:
        """Internal relationships of ``part`` whose type ends with ``/suffix``."""
        return [r for r in self.relationships(part).values() if r.is_a(suffix) and not r.external]

    def main_part(self) -> str:
        """Name of the main document part (``word/document.xml`` in practice)."""
        for rel in self.related("", "officeDocument"):
            if self.has(rel.target):
                return rel.target
        if self.has("word/document.xml"):
            return "word/document.xml"
        raise _corrupt("word/document.xml saknas")


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def _mb(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    return f"{max(1, size // 1024)} kB"
