"""Follow-up between two runs: which findings were fixed, which are new, which remain.

``dokumentanalys compare OLD NEW`` takes two JSON reports
(``dokumentanalys/report/v1``), two folders or files to scan, or one of each
(last quarter's JSON report against today's folder), and also two versions
of one document (``policy-v1.docx policy-v2.docx``).

Documents are paired by path, then by file name, and a lone document on
each side is paired with the other (two versions of one document). Findings
are matched without their offsets, which change whenever text is edited
above them: first on (rule, flagged words, excerpt), then what is left on
(rule, flagged words), in document order.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Assessment, DocumentError, DocumentResult, Finding, Location, Severity
from .base import clean_text, summarize
from .labels import INDICATOR_LABELS, category_label, document_label, location_label, marker_label, percent, severity_label

__all__ = [
    "CompareError",
    "DocumentDiff",
    "Comparison",
    "load_report",
    "compare",
    "render_text",
    "render_markdown",
    "to_data",
]

REPORT_SCHEMA = "dokumentanalys/report/v1"
COMPARE_SCHEMA = "dokumentanalys/compare/v1"


class CompareError(Exception):
    """A report cannot be read for comparison; the message is Swedish, for the user."""


# --- reading a JSON report back --------------------------------------------------------


def _finding(data: dict[str, Any]) -> Finding:
    loc = data.get("location") or {}
    fields = {k: loc.get(k) for k in ("block", "start", "end", "page", "paragraph", "kind", "table", "row", "column", "line")}
    severity = data.get("severity", "warning")
    return Finding(
        rule=str(data["rule"]),
        category=str(data.get("category", "")),
        severity=Severity(severity) if severity in ("error", "warning", "info") else Severity.WARNING,
        message=str(data.get("message", "")),
        location=Location(**fields),
        excerpt=str(data.get("excerpt") or ""),
        suggestions=tuple(str(s) for s in data.get("suggestions") or ()),
        source=str(data.get("source") or ""),
        matched=str(data.get("matched") or ""),
    )


def _document(data: dict[str, Any]) -> DocumentResult:
    assessment = data.get("assessment") or {}
    marker = data.get("gender_marker", assessment.get("gender_marker"))
    return DocumentResult(
        path=str(data["path"]),
        format=data.get("format"),
        kind=data.get("kind"),
        title=data.get("title"),
        pages=data.get("pages"),
        findings=[_finding(f) for f in data.get("findings") or ()],
        errors=[DocumentError(str(e.get("code", "")), str(e.get("message", ""))) for e in data.get("errors") or ()],
        assessment=Assessment(
            marker if marker in (0, 1, 2) else None,
            tuple(assessment.get("signals") or ()),
            str(assessment.get("explanation") or ""),
        ),
    )


def is_report(path: Path) -> bool:
    """Does ``path`` look like a JSON report of ours (by its first bytes)?"""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(512)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and REPORT_SCHEMA.encode() in head


def load_report(path: Path) -> tuple[list[DocumentResult], dict[str, Any]]:
    """The documents of a ``--format json`` report, and its header (generated, version)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise CompareError(f"Rapporten {path} finns inte.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CompareError(f"Rapporten {path} kan inte läsas.") from exc
    except json.JSONDecodeError as exc:
        raise CompareError(f"Rapporten {path} är inte giltig JSON (rad {exc.lineno}).") from exc
    if not isinstance(data, dict) or data.get("schema") != REPORT_SCHEMA:
        raise CompareError(f"{path} är ingen JSON-rapport från dokumentanalys (schema {REPORT_SCHEMA}).")
    try:
        documents = [_document(d) for d in data.get("documents") or ()]
    except (KeyError, TypeError, ValueError) as exc:
        raise CompareError(f"Rapporten {path} är trasig ({type(exc).__name__}: {exc}).") from exc
    return documents, {"generated": data.get("generated", ""), "version": data.get("version", ""), "path": str(path)}


# --- comparing --------------------------------------------------------------------------


@dataclass
class DocumentDiff:
    """One document in both runs (or only in one: ``old`` or ``new`` is None)."""

    old: DocumentResult | None
    new: DocumentResult | None
    fixed: list[Finding] = field(default_factory=list)
    added: list[Finding] = field(default_factory=list)
    unchanged: list[tuple[Finding, Finding]] = field(default_factory=list)

    @property
    def label(self) -> str:
        doc = self.new or self.old
        assert doc is not None
        return document_label(doc)

    @property
    def path(self) -> str:
        if self.old and self.new and self.old.path != self.new.path:
            return f"{self.old.path} → {self.new.path}"
        doc = self.new or self.old
        assert doc is not None
        return doc.path

    @property
    def status(self) -> str:
        if self.old is None:
            return "ny"
        if self.new is None:
            return "borttagen"
        return "ändrad" if self.fixed or self.added or self.marker_changed else "oförändrad"

    @property
    def marker_changed(self) -> bool:
        return bool(self.old and self.new and self.old.gender_marker != self.new.gender_marker)


@dataclass
class Comparison:
    documents: list[DocumentDiff]
    old_summary: dict[str, Any]
    new_summary: dict[str, Any]
    old_label: str = ""
    new_label: str = ""

    @property
    def fixed(self) -> int:
        return sum(len(d.fixed) for d in self.documents)

    @property
    def added(self) -> int:
        return sum(len(d.added) for d in self.documents)

    @property
    def unchanged(self) -> int:
        return sum(len(d.unchanged) for d in self.documents)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _match(old: list[Finding], new: list[Finding]) -> tuple[list[Finding], list[Finding], list[tuple[Finding, Finding]]]:
    """Pair findings that are the same problem in both versions; return (fixed, added, unchanged)."""
    left = list(old)
    right = list(new)
    pairs: list[tuple[Finding, Finding]] = []
    for key in (
        lambda f: (f.rule, _norm(f.matched), _norm(f.excerpt)),
        lambda f: (f.rule, _norm(f.matched)) if f.matched or f.location.block is None else None,
    ):
        pool: dict[Any, list[int]] = defaultdict(list)
        for i, f in enumerate(left):
            k = key(f)
            if k is not None:
                pool[k].append(i)
        used_left: set[int] = set()
        rest: list[Finding] = []
        for f in right:
            k = key(f)
            candidates = [i for i in pool.get(k, []) if i not in used_left] if k is not None else []
            if candidates:
                used_left.add(candidates[0])
                pairs.append((left[candidates[0]], f))
            else:
                rest.append(f)
        left = [f for i, f in enumerate(left) if i not in used_left]
        right = rest
    return left, right, pairs


def _pair_documents(
    old: list[DocumentResult], new: list[DocumentResult]
) -> list[tuple[DocumentResult | None, DocumentResult | None]]:
    pairs: list[tuple[DocumentResult | None, DocumentResult | None]] = []
    old_left = list(old)
    new_left = list(new)
    for key in (lambda d: str(Path(d.path)), lambda d: Path(d.path).name.casefold()):
        index: dict[str, list[DocumentResult]] = defaultdict(list)
        for d in old_left:
            index[key(d)].append(d)
        still_new = []
        for d in new_left:
            candidates = index.get(key(d))
            if candidates:
                match = candidates.pop(0)
                old_left.remove(match)
                pairs.append((match, d))
            else:
                still_new.append(d)
        new_left = still_new
    if len(old_left) == 1 and len(new_left) == 1:  # two versions of one document
        pairs.append((old_left[0], new_left[0]))
        old_left, new_left = [], []
    pairs.extend((d, None) for d in old_left)
    pairs.extend((None, d) for d in new_left)
    order = {id(d): i for i, d in enumerate(new)}
    pairs.sort(key=lambda p: order.get(id(p[1]), len(order)))
    return pairs


def compare(
    old: list[DocumentResult], new: list[DocumentResult], old_label: str = "", new_label: str = ""
) -> Comparison:
    """Compare two runs document by document."""
    diffs = []
    for before, after in _pair_documents(old, new):
        fixed, added, unchanged = _match(before.findings if before else [], after.findings if after else [])
        diffs.append(DocumentDiff(before, after, fixed, added, unchanged))
    return Comparison(diffs, summarize(old), summarize(new), old_label, new_label)


# --- output -----------------------------------------------------------------------------


def _finding_line(f: Finding) -> str:
    matched = clean_text(f.matched, keep_newlines=False)
    words = f"”{matched}” – " if matched and matched not in f.message else ""
    return f"{words}{clean_text(f.message, keep_newlines=False)} [{f.rule}, {location_label(f)}]"


def _indicator_lines(comparison: Comparison) -> list[tuple[str, str, str]]:
    rows = []
    for key, label in INDICATOR_LABELS.items():
        rows.append((label, percent(comparison.old_summary["indicators"].get(key)), percent(comparison.new_summary["indicators"].get(key))))
    return rows


def render_text(comparison: Comparison) -> str:
    lines = [
        f"Jämförelse: {comparison.old_label or 'före'} → {comparison.new_label or 'efter'}",
        f"{comparison.fixed} åtgärdade, {comparison.added} nya, {comparison.unchanged} kvarstående fynd.",
        "",
    ]
    for label, before, after in _indicator_lines(comparison):
        lines.append(f"{label}: {before} → {after}")
    for diff in comparison.documents:
        lines.append("")
        head = f"{diff.path} ({diff.status})"
        if diff.marker_changed:
            assert diff.old and diff.new
            head += f": jämställdhetsmarkör {marker_label(diff.old.gender_marker, inline=True)} → {marker_label(diff.new.gender_marker, inline=True)}"
        lines.append(head)
        for f in diff.fixed:
            lines.append(f"  åtgärdat: {_finding_line(f)}")
        for f in diff.added:
            lines.append(f"  nytt:     {_finding_line(f)}")
        if diff.unchanged:
            lines.append(f"  kvarstår: {len(diff.unchanged)} fynd")
    return "\n".join(lines) + "\n"


def render_markdown(comparison: Comparison) -> str:
    from .markdown import escape

    lines = [
        "# Jämförelse av granskningar",
        "",
        f"{escape(comparison.old_label or 'före')} → {escape(comparison.new_label or 'efter')}: "
        f"**{comparison.fixed}** åtgärdade, **{comparison.added}** nya och **{comparison.unchanged}** kvarstående fynd.",
        "",
        "| Indikator | Före | Efter |",
        "|---|--:|--:|",
    ]
    for label, before, after in _indicator_lines(comparison):
        lines.append(f"| {escape(label)} | {before} | {after} |")
    lines += ["", "| Dokument | Status | Åtgärdade | Nya | Kvarstår |", "|---|---|--:|--:|--:|"]
    for diff in comparison.documents:
        lines.append(f"| {escape(diff.label)} | {diff.status} | {len(diff.fixed)} | {len(diff.added)} | {len(diff.unchanged)} |")
    for diff in comparison.documents:
        if not (diff.fixed or diff.added or diff.marker_changed):
            continue
        lines += ["", f"## {escape(diff.label)}", ""]
        if diff.marker_changed:
            assert diff.old and diff.new
            lines.append(
                f"Jämställdhetsmarkör: {escape(marker_label(diff.old.gender_marker))} → {escape(marker_label(diff.new.gender_marker))}"
            )
            lines.append("")
        for f in diff.fixed:
            lines.append(f"- **Åtgärdat** ({escape(category_label(f.category))}): {escape(_finding_line(f))}")
        for f in diff.added:
            lines.append(f"- **Nytt** ({escape(severity_label(f.severity))}, {escape(category_label(f.category))}): {escape(_finding_line(f))}")
    return "\n".join(lines) + "\n"


def to_data(comparison: Comparison) -> dict[str, Any]:
    return {
        "schema": COMPARE_SCHEMA,
        "old": comparison.old_label,
        "new": comparison.new_label,
        "totals": {"fixed": comparison.fixed, "new": comparison.added, "unchanged": comparison.unchanged},
        "indicators": {"old": comparison.old_summary["indicators"], "new": comparison.new_summary["indicators"]},
        "documents": [
            {
                "old_path": d.old.path if d.old else None,
                "new_path": d.new.path if d.new else None,
                "status": d.status,
                "gender_marker": {
                    "old": d.old.gender_marker if d.old else None,
                    "new": d.new.gender_marker if d.new else None,
                },
                "fixed": [f.to_json() for f in d.fixed],
                "new": [f.to_json() for f in d.added],
                "unchanged": [after.to_json() for _, after in d.unchanged],
            }
            for d in comparison.documents
        ],
    }
