"""``--format docx``: a reviewed copy of each Word input, with Word comments at the flagged words.

For every DOCX input, ``<name>.granskad.docx`` is written into the
``--output`` folder; the original is only read. Each finding becomes a
comment (author "dokumentanalys") anchored on exactly the flagged words:
runs are split where a finding starts or ends inside them (the pieces keep
the run's formatting), and ``w:commentRangeStart``/``w:commentRangeEnd``
plus a ``w:commentReference`` run are inserted around them. The comment text
is the message, what to write instead, the source and the rule id.

Where the words are is found again by re-reading the original with the DOCX
extractor: each block's ``source`` names the XML part and the ordinals of its
``w:p`` elements, and :func:`~dokumentanalys.extract.docx_text.paragraph_runs`
maps paragraph offsets to runs (the location contract in
:mod:`dokumentanalys.extract.docx`).

The document as a whole gets a comment on its title (first heading, else
first paragraph): the gender marker with its explanation and the
document-level findings (missing gender perspective).

Headers, footers, text boxes and foot/endnotes get no comment marks: Word
ignores comment ranges there, LibreOffice (7.4) drops them on import, and a
``w:commentReference`` inside a header makes LibreOffice refuse to open the
file at all. A finding there gets its own comment on the title instead,
which says where the words are and quotes them.
"""

from __future__ import annotations

import copy
import datetime as _dt
import io
import logging
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from ..model import DocumentResult, Finding
from .base import Report, Reporter, clean_text, write_atomic
from .labels import category_label, location_label, marker_label, severity_label

if TYPE_CHECKING:  # pragma: no cover
    from lxml.etree import _Element

    from ..model import Block

__all__ = ["DOCX", "write_files", "annotate_docx", "reviewed_name", "AUTHOR", "AnnotateResult"]

log = logging.getLogger(__name__)

AUTHOR = "dokumentanalys"
INITIALS = "DA"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_STRICT_MARK = b"http://purl.oclc.org/ooxml/"

#: block kinds whose words get the comment marks themselves (body text of the main part)
_IN_PLACE = frozenset(("heading", "paragraph", "list-item", "table-cell", "form-field", "caption"))
#: where a finding is, for the comment on the title, by block kind
_WHERE = {
    "header": "i sidhuvudet",
    "footer": "i sidfoten",
    "text-box": "i en textruta",
    "footnote": "i en fotnot",
}


def reviewed_name(path: str | Path) -> str:
    """``policy.docx`` -> ``policy.granskad.docx``."""
    p = Path(path)
    stem = p.name[: -len(p.suffix)] if p.suffix else p.name
    return f"{stem}.granskad.docx"


@dataclass
class AnnotateResult:
    """What :func:`annotate_docx` did: comments placed, and findings that went to the title comment."""

    path: Path
    anchored: int = 0
    on_title: list[Finding] = field(default_factory=list)


# --- run surgery ---------------------------------------------------------------------


def _char_len(child: "_Element") -> int:
    """How many characters of paragraph text a run child gives (the extractor's rules)."""
    from ..extract.docx_text import RUN_CHARS

    if child.tag == W + "t":
        return len(child.text or "")
    return len(RUN_CHARS.get(child.tag, ""))


def _split_run(run: "_Element", k: int) -> "_Element | None":
    """Split ``run`` so that its first ``k`` characters stay and the rest move to a new
    run right after it (same attributes and ``w:rPr``). Returns the new run, or
    ``None`` when ``k`` is not inside the run's text."""
    from lxml import etree

    contents = [c for c in run if c.tag != W + "rPr"]
    total = sum(_char_len(c) for c in contents)
    if not 0 < k < total:
        return None
    new = etree.Element(run.tag, attrib=dict(run.attrib), nsmap=run.nsmap)
    rpr = run.find(W + "rPr")
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    pos = 0
    for child in contents:
        length = _char_len(child)
        if pos >= k:
            new.append(child)  # moves it
        elif pos + length > k:  # a w:t that straddles the split
            text = child.text or ""
            cut = k - pos
            tail = etree.SubElement(new, W + "t")
            tail.text = text[cut:]
            tail.set(_XML_SPACE, "preserve")
            child.text = text[:cut]
            child.set(_XML_SPACE, "preserve")
        pos += length
    run.addnext(new)
    return new


def _boundary(p: "_Element", offset: int, runs_of: Any) -> None:
    """Make sure a run starts (or ends) exactly at paragraph offset ``offset``."""
    for run, start, end in runs_of(p):
        if start < offset < end:
            _split_run(run, offset - start)
            return


def _run_at(p: "_Element", offset: int, runs_of: Any, *, starting: bool) -> "_Element | None":
    runs = runs_of(p)
    for run, start, end in runs:
        if starting and start == offset and end > start:
            return run
        if not starting and end == offset and end > start:
            return run
    return None


def _mark(tag: str, comment_id: int) -> "_Element":
    from lxml import etree

    el = etree.Element(W + tag)
    el.set(W + "id", str(comment_id))
    return el


def _reference_run(comment_id: int) -> "_Element":
    from lxml import etree

    run = etree.Element(W + "r")
    ref = etree.SubElement(run, W + "commentReference")
    ref.set(W + "id", str(comment_id))
    return run


def _anchor(first_p: "_Element", start: int, last_p: "_Element", end: int, comment_id: int, runs_of: Any) -> bool:
    """Put comment ``comment_id`` around paragraph text ``[start`` in ``first_p``, ``end)`` in ``last_p``."""
    _boundary(first_p, start, runs_of)
    _boundary(last_p, end, runs_of)
    first_run = _run_at(first_p, start, runs_of, starting=True)
    last_run = _run_at(last_p, end, runs_of, starting=False)
    if first_run is None or last_run is None:
        return False
    first_run.addprevious(_mark("commentRangeStart", comment_id))
    end_mark = _mark("commentRangeEnd", comment_id)
    last_run.addnext(end_mark)
    end_mark.addnext(_reference_run(comment_id))
    return True


# --- the comments part -----------------------------------------------------------------


def _add_comment(comments: "_Element", comment_id: int, paragraphs: list[str], date: str) -> "_Element":
    from lxml import etree

    comment = etree.SubElement(comments, W + "comment")
    comment.set(W + "id", str(comment_id))
    comment.set(W + "author", AUTHOR)
    comment.set(W + "date", date)
    comment.set(W + "initials", INITIALS)
    for n, text in enumerate(paragraphs or [""]):
        p = etree.SubElement(comment, W + "p")
        if n == 0:
            ref = etree.SubElement(p, W + "r")
            etree.SubElement(ref, W + "annotationRef")
        lines = clean_text(text).split("\n")
        for i, line in enumerate(lines):
            r = etree.SubElement(p, W + "r")
            if i:
                etree.SubElement(r, W + "br")
            t = etree.SubElement(r, W + "t")
            t.text = line
            t.set(_XML_SPACE, "preserve")
    return comment


def finding_comment(finding: Finding) -> list[str]:
    """The paragraphs of one finding's comment: message, suggestion, source, rule."""
    paragraphs = [clean_text(finding.message)]
    if finding.suggestions:
        paragraphs.append("Skriv i stället: " + " / ".join(clean_text(s) for s in finding.suggestions))
    tail = f"{category_label(finding.category)} · {severity_label(finding.severity).lower()} · regel {finding.rule}"
    if finding.source:
        paragraphs.append(f"Källa: {clean_text(finding.source)}")
    paragraphs.append(tail)
    return paragraphs


def title_comment(doc: DocumentResult, whole: Iterable[Finding]) -> list[str]:
    """The paragraphs of the comment on the title: marker, counts, document-level findings."""
    paragraphs = [f"Granskning av dokumentanalys: jämställdhetsmarkör {marker_label(doc.gender_marker, inline=True)}."]
    if doc.assessment.explanation:
        paragraphs.append(clean_text(doc.assessment.explanation))
    counts: dict[str, int] = {}
    for f in doc.findings:
        counts[category_label(f.category)] = counts.get(category_label(f.category), 0) + 1
    if counts:
        paragraphs.append(f"{len(doc.findings)} fynd: " + ", ".join(f"{label} {n}" for label, n in counts.items()) + ".")
    else:
        paragraphs.append("Inga fynd.")
    for f in whole:
        paragraphs.append(f"{category_label(f.category)}: {clean_text(f.message)}")
        if f.suggestions:
            paragraphs.append("Skriv i stället: " + " / ".join(clean_text(s) for s in f.suggestions))
        if f.source:
            paragraphs.append(f"Källa: {clean_text(f.source)}")
    return paragraphs


def elsewhere_comment(finding: Finding, kind: str | None) -> list[str]:
    """A comment on the title for a finding whose words cannot carry the comment themselves."""
    where = _WHERE.get(kind or "", f"på annan plats ({location_label(finding)})")
    quoted = clean_text(finding.matched, keep_newlines=False)
    excerpt = clean_text(finding.excerpt, keep_newlines=False)
    head = f"Fynd {where}: ”{quoted}”" if quoted else f"Fynd {where}"
    if excerpt and excerpt != quoted:
        head += f" i ”{excerpt}”"
    return [head + "."] + finding_comment(finding)


# --- the package -----------------------------------------------------------------------


def _parse(data: bytes, name: str) -> "_Element":
    from ..extract.docx_package import parse_xml

    return parse_xml(data, name)


def _serialize(root: "_Element") -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class _Package:
    """The original's zip entries, the parts we change, and the parts we add."""

    def __init__(self, source: Path) -> None:
        self.source = source
        with zipfile.ZipFile(source) as zf:
            self.infos = zf.infolist()
        self.names = {i.filename.lower().lstrip("/"): i.filename for i in self.infos}
        self.parsed: dict[str, "_Element"] = {}

    def raw(self, name: str) -> bytes | None:
        real = self.names.get(name.lower().lstrip("/"))
        if real is None:
            return None
        with zipfile.ZipFile(self.source) as zf:
            return zf.read(real)

    def xml(self, name: str) -> "_Element | None":
        key = name.lower().lstrip("/")
        if key not in self.parsed:
            data = self.raw(name)
            if data is None:
                return None
            if _STRICT_MARK in data:
                raise _Unsupported("dokumentet är sparat som strikt Open XML")
            self.parsed[key] = _parse(data, name)
        return self.parsed[key]

    def write(self, dest: Path) -> None:
        """Write the changed package to ``dest`` (through a temporary file)."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(self.source) as zin, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in self.infos:
                key = info.filename.lower().lstrip("/")
                data = _serialize(self.parsed[key]) if key in self.parsed else zin.read(info)
                out = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                out.compress_type = zipfile.ZIP_DEFLATED
                out.external_attr = info.external_attr or (0o644 << 16)
                zout.writestr(out, data)
        write_atomic(dest, buffer.getvalue())


def _now_tuple() -> tuple[int, int, int, int, int, int]:
    now = _dt.datetime.now()
    return (now.year, now.month, now.day, now.hour, now.minute, now.second)


class _Unsupported(Exception):
    pass


def _comments_part(package: _Package, main: str) -> tuple["_Element", int]:
    """The comments part (existing or new, wired into rels and content types) and the next free id."""
    from lxml import etree

    folder, base = posixpath.split(main)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    rels = package.xml(rels_name)
    if rels is None:
        rels = etree.Element("{%s}Relationships" % _RELS_NS, nsmap={None: _RELS_NS})
        package.parsed[rels_name.lower()] = rels
        package.names[rels_name.lower()] = rels_name
        package.infos.append(zipfile.ZipInfo(rels_name, date_time=_now_tuple()))
    target = None
    for rel in rels:
        if (rel.get("Type") or "").endswith("/comments") and (rel.get("TargetMode") or "") != "External":
            target = rel.get("Target")
    if target is not None:
        name = posixpath.normpath(posixpath.join(folder, target)) if not target.startswith("/") else target.lstrip("/")
        root = package.xml(name)
        if root is not None:
            ids = [int(c.get(W + "id")) for c in root.iter(W + "comment") if (c.get(W + "id") or "").lstrip("-").isdigit()]
            return root, (max(ids) + 1 if ids else 0)
    # a new comments part
    name = posixpath.join(folder, "comments.xml")
    n = 1
    while name.lower() in package.names:
        name = posixpath.join(folder, f"comments{n}.xml")
        n += 1
    used = {rel.get("Id") for rel in rels}
    rid = next(f"rId{i}" for i in range(1, len(used) + 2) if f"rId{i}" not in used)
    rel = etree.SubElement(rels, "{%s}Relationship" % _RELS_NS)
    rel.set("Id", rid)
    rel.set("Type", _COMMENTS_TYPE)
    rel.set("Target", posixpath.relpath(name, folder) if folder else name)
    types = package.xml("[Content_Types].xml")
    if types is None:
        raise _Unsupported("[Content_Types].xml saknas")
    override = etree.SubElement(types, "{%s}Override" % _CT_NS)
    override.set("PartName", "/" + name)
    override.set("ContentType", _COMMENTS_CT)
    root = etree.Element(W + "comments", nsmap={"w": W_NS})
    package.parsed[name.lower()] = root
    package.names[name.lower()] = name
    package.infos.append(zipfile.ZipInfo(name, date_time=_now_tuple()))
    return root, 0


def _locate(block: "Block", start: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Paragraph ordinal and in-paragraph offset of ``start`` and of ``end`` in the block.

    The block's text is its paragraphs joined with "\n"; ``source["paragraphs"]``
    gives each paragraph's ordinal in its part and where its text starts.
    """
    paragraphs = block.source.get("paragraphs") if isinstance(block.source, dict) else None
    if not paragraphs:
        return None
    spans: list[tuple[int, int, int]] = []
    for i, (ordinal, offset) in enumerate(paragraphs):
        stop = int(paragraphs[i + 1][1]) - 1 if i + 1 < len(paragraphs) else len(block.text)
        spans.append((int(ordinal), int(offset), stop))
    first = next(((o, start - a) for o, a, b in spans if a <= start < b), None)
    last = next(((o, end - a) for o, a, b in spans if a < end <= b), None)
    if first is None or last is None:
        return None
    return first, last


def annotate_docx(source: Path, dest: Path, doc: DocumentResult, date: str | None = None) -> AnnotateResult:
    """Write ``dest``: a copy of ``source`` with a comment for each finding of ``doc``."""
    from ..extract.base import ExtractOptions
    from ..extract.docx import DOCX as DOCX_EXTRACTOR
    from ..extract.docx_text import paragraph_runs

    source, dest = Path(source), Path(dest)
    if dest.resolve() == source.resolve():
        raise ValueError("the reviewed copy must not overwrite the original")
    date = date or _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    document = DOCX_EXTRACTOR.extract(source, ExtractOptions())
    blocks = {b.index: b for b in document.blocks}
    package = _Package(source)
    main = next((b.source.get("part") for b in document.blocks if b.source.get("part")), "word/document.xml")
    main = _main_part(package) or main
    comments, next_id = _comments_part(package, main)
    paragraphs_by_part: dict[str, list["_Element"]] = {}

    def paragraph(part: str, ordinal: int) -> "_Element | None":
        if part not in paragraphs_by_part:
            root = package.xml(part)
            paragraphs_by_part[part] = [] if root is None else list(root.iter(W + "p"))
        ps = paragraphs_by_part[part]
        return ps[ordinal] if 0 <= ordinal < len(ps) else None

    result = AnnotateResult(dest)
    whole: list[Finding] = []
    elsewhere: list[tuple[Finding, str | None]] = []
    for finding in doc.findings:
        loc = finding.location
        block = blocks.get(loc.block) if loc.block is not None else None
        if loc.block is None:
            whole.append(finding)
            continue
        if block is None or loc.start is None or loc.end is None or loc.end <= loc.start:
            elsewhere.append((finding, None))
            continue
        kind = str(block.kind)
        part = block.source.get("part")
        if kind not in _IN_PLACE or part != main:
            elsewhere.append((finding, kind))
            continue
        if finding.matched and block.text[loc.start : loc.end] != finding.matched:
            log.warning("%s: fyndet %s hittades inte på sin plats i dokumentet", source, finding.rule)
            elsewhere.append((finding, None))
            continue
        place = _locate(block, loc.start, loc.end)
        first_p = paragraph(part, place[0][0]) if place else None
        last_p = paragraph(part, place[1][0]) if place else None
        if place is None or first_p is None or last_p is None:
            elsewhere.append((finding, None))
            continue
        if not _anchor(first_p, place[0][1], last_p, place[1][1], next_id, paragraph_runs):
            elsewhere.append((finding, None))
            continue
        _add_comment(comments, next_id, finding_comment(finding), date)
        next_id += 1
        result.anchored += 1

    # comments on the title: the document as a whole, then findings that live elsewhere
    title = _title_block(document.blocks, main)
    title_p = paragraph(main, int(title.source["paragraphs"][0][0])) if title is not None else None
    texts = [title_comment(doc, whole)] + [elsewhere_comment(f, kind) for f, kind in elsewhere]
    runs = paragraph_runs(title_p) if title_p is not None else []
    if runs:
        for text in texts:
            if _anchor(title_p, 0, title_p, runs[-1][2], next_id, paragraph_runs):
                _add_comment(comments, next_id, text, date)
                next_id += 1
    result.on_title = [f for f, _ in elsewhere] + whole
    package.write(dest)
    return result


def _main_part(package: _Package) -> str | None:
    rels = package.xml("_rels/.rels")
    if rels is None:
        return None
    for rel in rels:
        if (rel.get("Type") or "").endswith("/officeDocument"):
            target = (rel.get("Target") or "").lstrip("/")
            if target.lower() in package.names:
                return package.names[target.lower()]
    return None


def _title_block(blocks: list["Block"], main: str) -> "Block | None":
    body = [b for b in blocks if b.source.get("part") == main and b.source.get("paragraphs") and str(b.kind) in ("heading", "paragraph", "list-item", "caption", "form-field")]
    for b in body[:10]:
        if str(b.kind) == "heading":
            return b
    return body[0] if body else None


# --- the reporter ----------------------------------------------------------------------


def write_files(report: Report, output: Path) -> list[Path]:
    """One reviewed copy per readable DOCX input in folder ``output``; inputs are never touched."""
    output = Path(output)
    if output.exists() and not output.is_dir():
        raise NotADirectoryError(str(output))
    written: list[Path] = []
    used: set[str] = set()
    for doc in report.documents:
        if (doc.format or "") != "docx" or not doc.readable:
            continue
        source = Path(doc.path)
        name = reviewed_name(source)
        n = 2
        while name.lower() in used:
            name = reviewed_name(source).replace(".granskad.docx", f"-{n}.granskad.docx")
            n += 1
        used.add(name.lower())
        dest = output / name
        if dest.resolve() == source.resolve():
            dest = output / ("granskad-" + name)
        try:
            annotate_docx(source, dest, doc)
        except _Unsupported as exc:
            log.warning("%s: ingen granskad kopia skrevs: %s.", source, exc)
            continue
        except Exception as exc:  # noqa: BLE001 - one document must not stop the others
            from ..errors import ReadError

            if isinstance(exc, ReadError):
                log.warning("%s: ingen granskad kopia skrevs: %s", source, exc)
                continue
            raise
        written.append(dest)
    return written


DOCX = Reporter(
    name="docx",
    suffix=".docx",
    write_files=write_files,
    description="Granskad kopia av varje Word-fil med kommentarer vid de markerade orden",
)
