"""Build the evaluation corpus: corpus/src/<id>.src -> corpus/docs/<id>.<format>.

Every document is authored once in a small markup (see corpus/README.md) and
rendered to the format named in its front matter: DOCX (python-docx, with Word
headings, tables, a header and footer with the organisation's name, content
controls and legacy check-box fields in forms), PDF (reportlab platypus, with
tables and a header/footer on every page), Markdown or plain text.

Usage (with the project venv)::

    .venv/bin/python corpus/build.py            # writes corpus/docs/ and corpus/exempel/
    .venv/bin/python corpus/build.py --out DIR  # writes DIR/docs/, DIR/exempel/ (tests)
    .venv/bin/python corpus/build.py ID ...     # only these documents

The output is deterministic (fixed dates, reportlab ``invariant``), so
rebuilding an unchanged source gives the same text and, in practice, the same
bytes. Gold annotations (``<id>.gold.toml``) are written by hand and are never
touched by this script.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
DOCS = HERE / "docs"

FORMATS = ("docx", "pdf", "md", "txt")
FIXED_DATE = _dt.datetime(2026, 1, 15, 9, 0, 0)

# ---------------------------------------------------------------------------
# Source model
# ---------------------------------------------------------------------------


@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Paragraph:
    text: str


@dataclass
class ListItem:
    text: str
    number: int | None = None


@dataclass
class Table:
    rows: list[list[str]]


@dataclass
class Field:
    """A form field: a label and either an empty value or check boxes."""

    label: str
    choices: list[str] = field(default_factory=list)


@dataclass
class Form:
    fields: list[Field]


@dataclass
class Source:
    id: str
    format: str
    org: str
    title: str
    blocks: list[object]
    #: output folder under the corpus root: "docs" (annotated) or "exempel" (demo)
    folder: str = "docs"


_CHECKBOX = re.compile(r"\[ \]\s*([^\[]+)")


def parse_source(path: Path) -> Source:
    """Parse one ``.src`` file (front matter, ``---``, body)."""
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    if not sep:
        raise ValueError(f"{path}: front matter must end with a line '---'")
    meta: dict[str, str] = {}
    for line in head.splitlines():
        if line.strip():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    for key in ("format", "org", "title"):
        if key not in meta:
            raise ValueError(f"{path}: front matter lacks {key!r}")
    if meta["format"] not in FORMATS:
        raise ValueError(f"{path}: unknown format {meta['format']!r}")
    folder = meta.get("folder", "docs")
    if folder not in ("docs", "exempel"):
        raise ValueError(f"{path}: folder must be docs or exempel")

    blocks: list[object] = []
    para: list[str] = []
    table: list[list[str]] | None = None
    form: list[Field] | None = None

    def flush() -> None:
        nonlocal para, table, form
        if para:
            blocks.append(Paragraph(" ".join(para)))
            para = []
        if table is not None:
            blocks.append(Table(table))
            table = None
        if form is not None:
            blocks.append(Form(form))
            form = None

    for raw in body.splitlines():
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        if line.startswith("|"):
            if re.fullmatch(r"\|[\s:|-]+\|?", line):
                continue
            if table is None:
                flush()
                table = []
            table.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        if line.startswith("? "):
            if form is None:
                flush()
                form = []
            label, _, rest = line[2:].partition(" = ")
            choices = [c.strip() for c in _CHECKBOX.findall(rest)]
            form.append(Field(label.strip(), choices))
            continue
        m = re.match(r"^(#{1,3}) (.+)$", line)
        if m:
            flush()
            blocks.append(Heading(len(m.group(1)), m.group(2).strip()))
            continue
        m = re.match(r"^- (.+)$", line)
        if m:
            flush()
            blocks.append(ListItem(m.group(1).strip()))
            continue
        m = re.match(r"^(\d+)\. (.+)$", line)
        if m:
            flush()
            blocks.append(ListItem(m.group(2).strip(), int(m.group(1))))
            continue
        if table is not None or form is not None:
            flush()
        para.append(line.strip())
    flush()
    return Source(path.stem, meta["format"], meta["org"], meta["title"], blocks, folder)


# ---------------------------------------------------------------------------
# Plain text and Markdown
# ---------------------------------------------------------------------------

_BLANK = "_" * 24


def render_txt(src: Source) -> str:
    out: list[str] = [src.org, ""]
    for block in src.blocks:
        if isinstance(block, Heading):
            out += [block.text, ""]
        elif isinstance(block, Paragraph):
            out += [block.text, ""]
        elif isinstance(block, ListItem):
            marker = f"{block.number}." if block.number is not None else "-"
            out.append(f"{marker} {block.text}")
            out.append("")
        elif isinstance(block, Table):
            out += ["\t".join(row) for row in block.rows]
            out.append("")
        elif isinstance(block, Form):
            for f in block.fields:
                if f.choices:
                    out.append(f"{f.label}: " + "  ".join(f"[ ] {c}" for c in f.choices))
                else:
                    out.append(f"{f.label}: {_BLANK}")
                out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_md(src: Source) -> str:
    out: list[str] = [f"*{src.org}*", ""]
    for block in src.blocks:
        if isinstance(block, Heading):
            out += ["#" * block.level + " " + block.text, ""]
        elif isinstance(block, Paragraph):
            out += [block.text, ""]
        elif isinstance(block, ListItem):
            marker = f"{block.number}." if block.number is not None else "-"
            out.append(f"{marker} {block.text}")
            # keep list items as separate blocks but without blank lines between
        elif isinstance(block, Table):
            if out and out[-1] != "":
                out.append("")
            header, *rest = block.rows
            out.append("| " + " | ".join(header) + " |")
            out.append("|" + "|".join("---" for _ in header) + "|")
            out += ["| " + " | ".join(row) + " |" for row in rest]
            out.append("")
        elif isinstance(block, Form):
            if out and out[-1] != "":
                out.append("")
            for f in block.fields:
                if f.choices:
                    out.append(f"**{f.label}:** " + " ".join(f"☐ {c}" for c in f.choices))
                else:
                    out.append(f"**{f.label}:** {_BLANK}")
                out.append("")
        if isinstance(block, ListItem):
            continue
        if out and out[-1] != "":
            out.append("")
    text = "\n".join(out)
    # a list ends before the next non-list block
    text = re.sub(r"(\n(?:-|\d+\.) [^\n]+)\n(?=[^-\d\n|*#])", r"\1\n\n", text)
    return text.rstrip() + "\n"


# ---------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------


def _sdt_text(cell, alias: str) -> None:  # type: ignore[no-untyped-def]
    """Put a plain-text content control (w:sdt) with an empty value into a table cell."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    para = cell.paragraphs[0]
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    a = OxmlElement("w:alias")
    a.set(qn("w:val"), alias)
    tag = OxmlElement("w:tag")
    tag.set(qn("w:val"), re.sub(r"\W+", "_", alias.lower()).strip("_")[:60])
    txt = OxmlElement("w:text")
    pr.extend([a, tag, txt])
    content = OxmlElement("w:sdtContent")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = " "
    run.append(t)
    content.append(run)
    sdt.extend([pr, content])
    para._p.append(sdt)


def _checkbox(paragraph, name: str) -> None:  # type: ignore[no-untyped-def]
    """Append a legacy FORMCHECKBOX field (unchecked) to a paragraph."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(child) -> None:  # type: ignore[no-untyped-def]
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    ff = OxmlElement("w:ffData")
    n = OxmlElement("w:name")
    n.set(qn("w:val"), name[:20])
    en = OxmlElement("w:enabled")
    cb = OxmlElement("w:checkBox")
    size = OxmlElement("w:sizeAuto")
    default = OxmlElement("w:default")
    default.set(qn("w:val"), "0")
    cb.extend([size, default])
    ff.extend([n, en, cb])
    begin.append(ff)
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " FORMCHECKBOX "
    run_with(instr)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def render_docx(src: Source, path: Path) -> None:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    props = d.core_properties
    props.author = src.org
    props.last_modified_by = src.org
    props.title = src.title
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.revision = 1
    d.styles["Normal"].font.name = "Calibri"
    d.styles["Normal"].font.size = Pt(11)
    section = d.sections[0]
    section.header.paragraphs[0].text = src.org
    section.footer.paragraphs[0].text = f"{src.org} – {src.title}"

    checkbox_no = 0
    for block in src.blocks:
        if isinstance(block, Heading):
            d.add_heading(block.text, level=block.level)
        elif isinstance(block, Paragraph):
            d.add_paragraph(block.text)
        elif isinstance(block, ListItem):
            style = "List Number" if block.number is not None else "List Bullet"
            d.add_paragraph(block.text, style=style)
        elif isinstance(block, Table):
            ncols = max(len(r) for r in block.rows)
            table = d.add_table(rows=len(block.rows), cols=ncols)
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, value in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = value
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            d.add_paragraph("")
        elif isinstance(block, Form):
            table = d.add_table(rows=len(block.fields), cols=2)
            table.style = "Table Grid"
            for r, f in enumerate(block.fields):
                table.cell(r, 0).text = f.label
                value = table.cell(r, 1)
                if f.choices:
                    para = value.paragraphs[0]
                    for i, choice in enumerate(f.choices):
                        checkbox_no += 1
                        _checkbox(para, f"Kryss{checkbox_no}")
                        para.add_run(f" {choice}" + ("   " if i < len(f.choices) - 1 else ""))
                else:
                    _sdt_text(value, f.label)
            d.add_paragraph("")
    d.save(str(path))
    _normalise_zip(path)


def _normalise_zip(path: Path) -> None:
    """Rewrite the zip with fixed timestamps so rebuilds give the same bytes."""
    import zipfile

    with zipfile.ZipFile(path) as zin:
        items = [(info, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in items:
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            zout.writestr(fixed, data)


# ---------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_pdf(src: Source, path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph as P
    from reportlab.platypus import SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as T
    from reportlab.platypus import TableStyle

    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName="Helvetica", fontSize=10.5, leading=14, alignment=TA_LEFT, spaceAfter=6)
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12, spaceAfter=0)
    head_cell = ParagraphStyle("headcell", parent=cell, fontName="Helvetica-Bold")
    h = {
        1: ParagraphStyle("h1", parent=styles["Heading1"], fontName="Helvetica-Bold", fontSize=17, leading=21, spaceAfter=10),
        2: ParagraphStyle("h2", parent=styles["Heading2"], fontName="Helvetica-Bold", fontSize=13.5, leading=17, spaceBefore=8, spaceAfter=6),
        3: ParagraphStyle("h3", parent=styles["Heading3"], fontName="Helvetica-Bold", fontSize=11.5, leading=15, spaceBefore=6, spaceAfter=4),
    }
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=4, spaceAfter=3)

    def on_page(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8.5)
        canvas.drawString(20 * mm, A4[1] - 12 * mm, src.org)
        canvas.drawString(20 * mm, 10 * mm, src.title)
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, f"Sida {doc.page}")
        canvas.restoreState()

    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.92, 0.95)),
        ]
    )
    form_style = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.95, 0.95, 0.95)),
        ]
    )
    width = A4[0] - 40 * mm
    story: list[object] = []
    for block in src.blocks:
        if isinstance(block, Heading):
            story.append(P(_esc(block.text), h[block.level]))
        elif isinstance(block, Paragraph):
            story.append(P(_esc(block.text), body))
        elif isinstance(block, ListItem):
            mark = f"{block.number}." if block.number is not None else "–"
            story.append(P(_esc(block.text), bullet, bulletText=mark))
        elif isinstance(block, Table):
            ncols = max(len(r) for r in block.rows)
            rows = [
                [P(_esc(v), head_cell if r == 0 else cell) for v in row] + [""] * (ncols - len(row))
                for r, row in enumerate(block.rows)
            ]
            story.append(T(rows, colWidths=[width / ncols] * ncols, style=grid, repeatRows=1))
            story.append(Spacer(1, 8))
        elif isinstance(block, Form):
            rows = []
            for f in block.fields:
                value = "    ".join(f"[ ] {c}" for c in f.choices) if f.choices else ""
                rows.append([P(_esc(f.label), cell), P(_esc(value), cell)])
            story.append(T(rows, colWidths=[width * 0.38, width * 0.62], style=form_style, rowHeights=None))
            story.append(Spacer(1, 8))
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        title=src.title,
        author=src.org,
        creator="dokumentanalys corpus/build.py",
        invariant=1,
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


# ---------------------------------------------------------------------------


def build(source: Path, root: Path) -> Path:
    """Render one source into ``root/<folder>/`` (folder from its front matter)."""
    src = parse_source(source)
    out_dir = root / src.folder
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{src.id}.{src.format}"
    if src.format == "docx":
        render_docx(src, target)
    elif src.format == "pdf":
        render_pdf(src, target)
    elif src.format == "md":
        target.write_text(render_md(src), encoding="utf-8")
    else:
        target.write_text(render_txt(src), encoding="utf-8")
    return target


def sources(ids: list[str] | None = None) -> list[Path]:
    found = sorted(SRC.glob("*.src"))
    if ids:
        wanted = set(ids)
        found = [p for p in found if p.stem in wanted]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*", help="build only these document ids")
    parser.add_argument("--out", type=Path, default=HERE, help="corpus root to write docs/ and exempel/ into (default: corpus/)")
    args = parser.parse_args(argv)
    paths = sources(args.ids)
    if not paths:
        print("no sources found", file=sys.stderr)
        return 1
    for path in paths:
        target = build(path, args.out)
        print(target.relative_to(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
