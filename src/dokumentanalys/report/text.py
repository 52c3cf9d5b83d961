"""``--format text``: one line per finding, like a compiler, then a summary.

    path:page:block:start: severity rule-id message → suggestion
"""

from __future__ import annotations

from ..model import DocumentResult, Finding
from .base import Report, Reporter

_SEVERITY = {"error": "fel", "warning": "varning", "info": "info"}
_MARKER = {
    None: "ej tillämplig",
    0: "0 – jämställdhetsperspektiv saknas",
    1: "1 – jämställdhetsperspektiv finns",
    2: "2 – jämställdhet är huvudsyftet",
}


def location_label(doc: DocumentResult, finding: Finding) -> str:
    loc = finding.location
    parts = [doc.path]
    if loc.page is not None:
        parts.append(f"s{loc.page}")
    elif loc.line is not None:
        parts.append(f"r{loc.line}")
    if loc.block is not None:
        parts.append(f"b{loc.block}")
        if loc.start is not None:
            parts.append(str(loc.start))
    return ":".join(parts)


def format_finding(doc: DocumentResult, finding: Finding) -> str:
    line = f"{location_label(doc, finding)}: {_SEVERITY[str(finding.severity)]} {finding.rule} {finding.message}"
    if finding.suggestions:
        line += " → " + " / ".join(finding.suggestions[:3])
    return line


def render(report: Report) -> str:
    lines: list[str] = []
    for doc in report.documents:
        for err in doc.errors:
            lines.append(f"{doc.path}: fel {err.code} {err.message}")
        for finding in doc.findings:
            lines.append(format_finding(doc, finding))
    summary = report.summary
    if report.documents:
        lines.append("")
        for doc in report.documents:
            if doc.readable:
                lines.append(
                    f"{doc.path}: {doc.kind or 'okänd typ'}, jämställdhetsmarkör {_MARKER.get(doc.gender_marker, doc.gender_marker)}, "
                    f"{len(doc.findings)} fynd"
                )
        sev = summary["by_severity"]
        lines.append(
            f"{summary['documents']} dokument, {summary['findings']} fynd "
            f"({sev['error']} fel, {sev['warning']} varningar, {sev['info']} info), "
            f"{summary['unreadable']} kunde inte läsas."
        )
    return "\n".join(lines) + "\n"


TEXT = Reporter(name="text", render=render, suffix=".txt", description="En rad per fynd, som en kompilator")
