"""Build DOCX test files: python-docx for the ordinary parts, raw XML for the rest.

python-docx cannot write content controls, text boxes, legacy form fields,
footnotes or tracked changes, so those are written as WordprocessingML
fragments (:func:`append_xml`) or added as parts after saving
(:func:`add_part`, :func:`save` with ``footnotes=``). Everything here writes
its own example text; reusable by any test that needs a DOCX.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any, Callable
from xml.sax.saxutils import escape

__all__ = [
    "NS",
    "NSDECLS",
    "new_document",
    "append_xml",
    "run",
    "paragraph",
    "block_control",
    "inline_control_paragraph",
    "text_box_paragraph",
    "vml_text_box_paragraph",
    "legacy_text_field_paragraph",
    "legacy_checkbox_paragraph",
    "legacy_dropdown_paragraph",
    "note_reference_paragraph",
    "notes_part",
    "save",
    "add_part",
    "rewrite_parts",
    "zip_bomb",
    "bytes_of",
    "FORM_TEXTS",
    "form_document",
]

NS: dict[str, str] = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
}
NSDECLS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NS.items())

_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT_BASE = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def new_document() -> Any:
    """A fresh python-docx Document (default template)."""
    import docx

    return docx.Document()


def append_xml(doc: Any, fragment: str) -> None:
    """Append WordprocessingML block elements (``w:p``, ``w:tbl``, ``w:sdt``...) to the body,
    before its final ``w:sectPr``. Prefixes from :data:`NS` may be used freely."""
    from docx.oxml import parse_xml

    wrapper = parse_xml(f"<w:wrapper {NSDECLS}>{fragment}</w:wrapper>")
    body = doc.element.body
    sectpr = body.find(f"{{{NS['w']}}}sectPr")
    for child in list(wrapper):
        if sectpr is not None:
            sectpr.addprevious(child)
        else:
            body.append(child)


def run(text: str, tag: str = "t") -> str:
    """One run with text (``tag="delText"`` for deleted text, ``"instrText"`` for field code)."""
    return f'<w:r><w:{tag} xml:space="preserve">{escape(text)}</w:{tag}></w:r>'


def paragraph(*parts: str, style: str | None = None, ppr: str = "") -> str:
    """A paragraph of run XML (plain strings become runs)."""
    body = "".join(p if p.startswith("<") else run(p) for p in parts)
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{body}</w:p>"


def block_control(*paragraph_texts: str, tag: str = "falt", alias: str = "Fält",
                  kind: str = "richText", placeholder: bool = False, style: str | None = None) -> str:
    """A block-level content control holding one paragraph per text."""
    props = f'<w:alias w:val="{alias}"/><w:tag w:val="{tag}"/>'
    if placeholder:
        props += "<w:showingPlcHdr/>"
    if kind == "docPartObj":
        props += '<w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj>'
    elif kind != "richText":
        props += f"<w:{kind}/>"
    content = "".join(paragraph(t, style=style) for t in paragraph_texts)
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"


def inline_control_paragraph(before: str, field_text: str, after: str, tag: str = "namn") -> str:
    """A paragraph with an inline plain-text content control in the middle."""
    control = (
        f'<w:sdt><w:sdtPr><w:alias w:val="Namn"/><w:tag w:val="{tag}"/><w:text/></w:sdtPr>'
        f"<w:sdtContent>{run(field_text)}</w:sdtContent></w:sdt>"
    )
    return paragraph(before, control, after)


def _drawing_box(box_xml: str) -> str:
    return (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2743200" cy="914400"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" name="Textruta 1"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2743200" cy="914400"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{box_xml}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )


def _vml_box(box_xml: str) -> str:
    return (
        '<w:pict><v:shape id="Textruta1" type="#_x0000_t202" style="width:216pt;height:72pt">'
        f"<v:textbox><w:txbxContent>{box_xml}</w:txbxContent></v:textbox></v:shape></w:pict>"
    )


def text_box_paragraph(anchor_text: str, *box_texts: str) -> str:
    """A paragraph anchoring a text box written the way Word writes it: DrawingML in
    ``mc:Choice`` and the same text box again as VML in ``mc:Fallback``."""
    box = "".join(paragraph(t) for t in box_texts)
    alternate = (
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{_drawing_box(box)}</mc:Choice>'
        f"<mc:Fallback>{_vml_box(box)}</mc:Fallback></mc:AlternateContent></w:r>"
    )
    return paragraph(anchor_text, alternate)


def vml_text_box_paragraph(anchor_text: str, *box_texts: str) -> str:
    """A paragraph with an old-style VML text box only (no AlternateContent)."""
    box = "".join(paragraph(t) for t in box_texts)
    return paragraph(anchor_text, f"<w:r>{_vml_box(box)}</w:r>")


def _fld(kind: str, inner: str = "") -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}">{inner}</w:fldChar></w:r>'


def legacy_text_field_paragraph(label: str, result: str, name: str = "Text1", default: str = "") -> str:
    """A paragraph with a legacy FORMTEXT field whose shown result is ``result``."""
    ffdata = (
        f'<w:ffData><w:name w:val="{name}"/><w:enabled/><w:calcOnExit w:val="0"/>'
        f'<w:textInput><w:default w:val="{escape(default)}"/></w:textInput></w:ffData>'
    )
    return paragraph(
        label, _fld("begin", ffdata), run(" FORMTEXT ", "instrText"), _fld("separate"), run(result), _fld("end")
    )


def legacy_checkbox_paragraph(label: str, checked: bool, name: str = "Kryss1") -> str:
    state = '<w:checked/>' if checked else '<w:checked w:val="0"/>'
    ffdata = (
        f'<w:ffData><w:name w:val="{name}"/><w:enabled/><w:calcOnExit w:val="0"/>'
        f'<w:checkBox><w:sizeAuto/><w:default w:val="0"/>{state}</w:checkBox></w:ffData>'
    )
    return paragraph(_fld("begin", ffdata), run(" FORMCHECKBOX ", "instrText"), _fld("end"), label)


def legacy_dropdown_paragraph(label: str, entries: list[str], selected: int, name: str = "Lista1") -> str:
    items = "".join(f'<w:listEntry w:val="{escape(e)}"/>' for e in entries)
    ffdata = (
        f'<w:ffData><w:name w:val="{name}"/><w:enabled/><w:calcOnExit w:val="0"/>'
        f'<w:ddList><w:result w:val="{selected}"/>{items}</w:ddList></w:ffData>'
    )
    return paragraph(label, _fld("begin", ffdata), run(" FORMDROPDOWN ", "instrText"), _fld("end"))


def note_reference_paragraph(text: str, note_id: int, kind: str = "footnote") -> str:
    """A paragraph ending in a footnote (or endnote) reference mark."""
    ref = f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="{note_id}"/></w:r>'
    return paragraph(text, ref)


def notes_part(notes: dict[int, str], kind: str = "footnote") -> bytes:
    """XML of ``word/footnotes.xml`` (or endnotes) with the two separators Word always writes."""
    sep = (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>'
    )
    body = "".join(
        f'<w:{kind} w:id="{nid}"><w:p><w:r><w:{kind}Ref/></w:r>{run(" " + text)}</w:p></w:{kind}>'
        for nid, text in notes.items()
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s {NSDECLS}>{sep}{body}</w:{kind}s>'
    ).encode()


def bytes_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def rewrite_parts(path: Path, parts: dict[str, bytes | None] | Callable[[dict[str, bytes]], dict[str, bytes]]) -> None:
    """Rewrite a DOCX in place, replacing (or with ``None`` deleting) parts."""
    members = bytes_of(path)
    if callable(parts):
        members = parts(members)
    else:
        for name, data in parts.items():
            if data is None:
                members.pop(name, None)
            else:
                members[name] = data
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def add_part(path: Path, name: str, data: bytes, rel_type: str, content_type: str,
             source: str = "word/document.xml") -> str:
    """Add a part with a relationship from ``source`` and a content-type override; returns the rId."""
    members = bytes_of(path)
    folder, base = source.rsplit("/", 1)
    rels_name = f"{folder}/_rels/{base}.rels"
    rels = members.get(rels_name, b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>').decode()
    rid = f"rIdGen{rels.count('<Relationship ') + 1}"
    target = name[len(folder) + 1:] if name.startswith(folder + "/") else "/" + name
    rels = rels.replace(
        "</Relationships>", f'<Relationship Id="{rid}" Type="{_REL_BASE}{rel_type}" Target="{target}"/></Relationships>'
    )
    types = members["[Content_Types].xml"].decode().replace(
        "</Types>", f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'
    )
    rewrite_parts(path, {name: data, rels_name: rels.encode(), "[Content_Types].xml": types.encode()})
    return rid


def save(doc: Any, path: Path, footnotes: dict[int, str] | None = None,
         endnotes: dict[int, str] | None = None) -> Path:
    """Save a python-docx document and add footnote/endnote parts if given."""
    doc.save(str(path))
    if footnotes:
        add_part(path, "word/footnotes.xml", notes_part(footnotes, "footnote"), "footnotes",
                 _CT_BASE + "footnotes+xml")
    if endnotes:
        add_part(path, "word/endnotes.xml", notes_part(endnotes, "endnote"), "endnotes",
                 _CT_BASE + "endnotes+xml")
    return path


def zip_bomb(path: Path, size: int) -> Path:
    """A DOCX-shaped zip whose document.xml expands to about ``size`` bytes of padding."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {NSDECLS}><w:body>'
        f"<w:p><w:r><w:t>{' ' * size}</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        zf.writestr("word/document.xml", document)
    return path


#: The texts :func:`form_document` puts in each place, for tests to look for.
FORM_TEXTS: dict[str, str] = {
    "title": "Ansökan om föreningsbidrag",
    "intro": "Fyll i blanketten och skicka den till kommunen.",
    "header": "Kultur- och fritidsförvaltningen, dnr KFN 2024/17",
    "footer": "Sidan skrivs ut dubbelsidigt.",
    "cell_label": "Föreningens namn",
    "cell_value": "Idrottsklubben Norrsken",
    "merged": "Uppgifter om sökande",
    "vmerged": "Kontaktperson",
    "nested": "Antal aktiva medlemmar",
    "control": "Beskriv verksamheten under året.",
    "inline_before": "Ansvarig ledare: ",
    "inline_value": "Kim Lind",
    "inline_after": " (ordförande)",
    "box": "Sista ansökningsdag är den 1 mars.",
    "legacy_label": "Kontonummer: ",
    "legacy_value": "1234-5678",
    "checkbox": " Föreningen har fått bidrag tidigare",
    "footnote": "Med aktiv medlem avses den som deltagit minst tio gånger.",
    "endnote": "Uppgifterna behandlas enligt dataskyddsförordningen.",
    "inserted": "godkänd ",
    "deleted": "preliminär ",
}


def form_document(path: Path) -> Path:
    """An application form with every kind of DOCX content the extractor reads.

    Title, a heading, a paragraph; a table with a horizontally merged header
    row, a vertically merged cell and a nested table; a block-level content
    control; an inline content control; a DrawingML text box with its VML
    fallback; a legacy text field and check box; a tracked insertion and
    deletion; a hyperlink; a header and footer; one footnote and one endnote.
    Texts are in :data:`FORM_TEXTS`.
    """
    t = FORM_TEXTS
    doc = new_document()
    doc.core_properties.title = ""
    doc.add_heading(t["title"], 0)
    doc.add_heading("Om föreningen", 1)
    doc.add_paragraph(t["intro"])
    table = doc.add_table(rows=4, cols=3)
    top = table.cell(0, 0).merge(table.cell(0, 2))
    top.text = t["merged"]
    table.cell(1, 0).text = t["cell_label"]
    table.cell(1, 1).text = t["cell_value"]
    left = table.cell(2, 0).merge(table.cell(3, 0))
    left.text = t["vmerged"]
    table.cell(2, 1).text = "Telefon"
    inner = table.cell(3, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = t["nested"]
    inner.cell(0, 1).text = "42"
    append_xml(doc, block_control(t["control"], tag="verksamhet", alias="Verksamhet"))
    append_xml(doc, inline_control_paragraph(t["inline_before"], t["inline_value"], t["inline_after"]))
    append_xml(doc, text_box_paragraph("Observera:", t["box"]))
    append_xml(doc, legacy_text_field_paragraph(t["legacy_label"], t["legacy_value"], name="Konto"))
    append_xml(doc, legacy_checkbox_paragraph(t["checkbox"], checked=True, name="Tidigare"))
    append_xml(
        doc,
        paragraph(
            "Beslutet är ",
            f'<w:ins w:id="1" w:author="Handläggare" w:date="2024-01-01T00:00:00Z">{run(t["inserted"])}</w:ins>',
            f'<w:del w:id="2" w:author="Handläggare" w:date="2024-01-01T00:00:00Z">{run(t["deleted"], "delText")}</w:del>',
            "och gäller ett år. Läs mer på ",
            f'<w:hyperlink w:anchor="villkor">{run("villkorssidan")}</w:hyperlink>',
            ".",
        ),
    )
    append_xml(doc, note_reference_paragraph("Ange antal aktiva medlemmar.", 1))
    append_xml(doc, note_reference_paragraph("Underteckna ansökan.", 1, kind="endnote"))
    section = doc.sections[0]
    section.header.paragraphs[0].text = t["header"]
    section.footer.paragraphs[0].text = t["footer"]
    return save(doc, path, footnotes={1: t["footnote"]}, endnotes={1: t["endnote"]})
