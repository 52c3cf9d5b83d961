"""``--format markdown``: a review report to paste into an issue tracker or an intranet page.

Plain CommonMark/GitHub-flavoured Markdown: headings, tables and lists. Every
piece of document text is escaped, so an excerpt cannot open a link, an
image, raw HTML or break a table.
"""

from __future__ import annotations

import re

from ..model import DocumentResult, Finding
from .base import Report, Reporter, clean_text
from .labels import (
    INDICATOR_LABELS,
    categories_in,
    category_label,
    document_label,
    excerpt_segments,
    kind_label,
    location_label,
    marker_label,
    marker_short,
    percent,
    severity_label,
    sort_findings,
)

__all__ = ["MARKDOWN", "render", "escape", "escape_cell"]

# The characters that can start or end inline markup in CommonMark and GFM.
# Document text never starts a line here (it always follows a prefix such as
# "- **Fel:** "), so block markers (-, +, 1., =) need no escaping; "(" and "!"
# only act next to "[" or "]", which are escaped.
_SPECIAL = re.compile(r"([\\`*_\[\]#|<>~&])")


def escape(text: str | None) -> str:
    """Document text as literal Markdown: markup characters are backslash-escaped.

    ``<`` and ``&`` are escaped too, so no raw HTML or entity reaches a
    renderer that allows HTML. Newlines become spaces (one line per item).
    """
    text = clean_text(text, keep_newlines=False)
    return _SPECIAL.sub(r"\\\1", text)


def escape_cell(text: str | None) -> str:
    """Like :func:`escape`, for a table cell (``|`` is already escaped there)."""
    return escape(text) or " "


def _excerpt(finding: Finding) -> str:
    out = []
    for text, hit in excerpt_segments(finding):
        piece = escape(text)
        if hit and piece.strip():
            # keep the spaces outside the emphasis markers, or they do not render
            lead = piece[: len(piece) - len(piece.lstrip())]
            trail = piece[len(piece.rstrip()) :]
            piece = f"{lead}**{piece.strip()}**{trail}"
        out.append(piece)
    return "".join(out)


def _anchor_note(doc: DocumentResult) -> str:
    parts = [kind_label(doc.kind), f"jämställdhetsmarkör {marker_label(doc.gender_marker, inline=True)}"]
    if doc.pages:
        parts.append(f"{doc.pages} sidor")
    return " · ".join(parts)


def _document(doc: DocumentResult, lines: list[str], level: str) -> None:
    lines.append(f"{level} {escape(document_label(doc))}")
    lines.append("")
    lines.append(f"`{clean_text(doc.path, keep_newlines=False).replace('`', '´')}` · {escape(_anchor_note(doc))}")
    lines.append("")
    for err in doc.errors:
        lines.append(f"> **Problem:** {escape(err.message)} ({escape(err.code)})")
        lines.append("")
    if not doc.readable:
        return
    if doc.assessment.explanation:
        lines.append(f"**Jämställdhetsmarkör {escape(marker_short(doc.gender_marker))}:** {escape(doc.assessment.explanation)}")
        lines.append("")
    if not doc.findings:
        lines.append("Inga fynd.")
        lines.append("")
        return
    by_category: dict[str, list[Finding]] = {}
    for f in doc.findings:
        by_category.setdefault(f.category, []).append(f)
    for category in categories_in([doc]):
        findings = by_category.get(category)
        if not findings:
            continue
        lines.append(f"{level}# {escape(category_label(category))} ({len(findings)})")
        lines.append("")
        for f in sort_findings(findings):
            lines.append(f"- **{severity_label(f.severity)}:** {escape(f.message)}  ")
            if f.excerpt:
                lines.append(f"  > {_excerpt(f)}  ")
            lines.append(f"  Plats: {escape(location_label(f))} · Regel: `{f.rule.replace('`', '´')}`  ")
            if f.suggestions:
                lines.append(f"  Skriv i stället: {' / '.join(escape(s) for s in f.suggestions)}  ")
            if f.source:
                lines.append(f"  Källa: {escape(f.source)}")
            lines[-1] = lines[-1].rstrip()
        lines.append("")


def render(report: Report) -> str:
    lines: list[str] = ["# Granskningsrapport – jämställdhetsperspektiv", ""]
    summary = report.summary
    sev = summary["by_severity"]
    lines.append(
        f"{summary['documents']} dokument, {summary['findings']} fynd "
        f"({sev['error']} fel, {sev['warning']} varningar, {sev['info']} information). "
        f"Skapad {escape(report.generated[:16].replace('T', ' '))} med dokumentanalys {escape(report.version)}."
    )
    lines.append("")
    batch = len(report.documents) > 1
    if batch:
        lines.append("## Översikt")
        lines.append("")
        counts = summary.get("indicator_counts", {})
        for key, label in INDICATOR_LABELS.items():
            part, whole = (counts.get(key) or [None, None])[:2]
            detail = f" ({part} av {whole})" if whole else ""
            lines.append(f"- {label}: **{percent(summary['indicators'].get(key))}**{detail}")
        lines.append("")
        categories = categories_in(report.documents)
        header = ["Dokument", "Typ", "Markör"] + [category_label(c) for c in categories] + ["Totalt"]
        lines.append("| " + " | ".join(escape_cell(h) for h in header) + " |")
        lines.append("|" + "|".join(["---", "---", "--:"] + ["--:"] * len(categories) + ["--:"]) + "|")
        for doc in report.documents:
            per = {c: 0 for c in categories}
            for f in doc.findings:
                per[f.category] = per.get(f.category, 0) + 1
            row = [escape_cell(document_label(doc)), escape_cell(kind_label(doc.kind)), marker_short(doc.gender_marker)]
            row += [str(per[c]) for c in categories] + [str(len(doc.findings))]
            lines.append("| " + " | ".join(row) + " |")
        lines.append("")
        if summary["top_rules"]:
            lines.append("Vanligaste reglerna: " + ", ".join(f"`{r}` ({n})" for r, n in summary["top_rules"]))
            lines.append("")
    for doc in report.documents:
        _document(doc, lines, "##")
    return "\n".join(lines).rstrip("\n") + "\n"


MARKDOWN = Reporter(
    name="markdown",
    render=render,
    suffix=".md",
    description="Granskningsrapport i Markdown för ärendesystem och intranät",
)
