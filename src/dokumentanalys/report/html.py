"""``--format html``: one self-contained review report to open in a browser or print.

No network: the CSS and the few lines of script (table sorting) are inline,
the trend chart is SVG drawn here. Everything from a document passes through
Jinja2 autoescaping; no document text is ever marked safe. Report text is
Swedish (labels in :mod:`.labels`).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from ..model import DocumentResult, Finding
from .base import Report, Reporter, clean_text
from .labels import (
    CATEGORY_DESCRIPTIONS,
    INDICATOR_LABELS,
    SEVERITY_PLURALS,
    categories_in,
    category_label,
    category_short,
    document_label,
    excerpt_segments,
    format_label,
    kind_label,
    location_label,
    marker_label,
    marker_short,
    percent,
    severity_label,
    sort_findings,
)

__all__ = ["HTML", "render", "trend_chart", "TrendChart"]

_MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)


def swedish_datetime(iso: str) -> str:
    """'2026-11-23T11:32:11+00:00' -> '23 november 2026 kl. 11.32'."""
    try:
        when = _dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    return f"{when.day} {_MONTHS[when.month - 1]} {when.year} kl. {when.hour:02d}.{when.minute:02d}"


def swedish_date(iso: str) -> str:
    try:
        day = _dt.date.fromisoformat(iso[:10])
    except (TypeError, ValueError):
        return iso or ""
    return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}"


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the report; anything else (javascript:, data:) is dropped."""
    if url and url.strip().lower().startswith(("https://", "http://")) and not any(c.isspace() for c in url.strip()):
        return url.strip()
    return None


# --- the trend chart ------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    css: str
    points: list[tuple[float, float, str, str]]  # x, y, date label, value label
    path: str


@dataclass(frozen=True)
class TrendChart:
    width: int
    height: int
    left: int
    top: int
    plot_width: int
    plot_height: int
    gridlines: list[tuple[float, str]]  # y, label
    xlabels: list[tuple[float, str, str]]  # x, label, text-anchor
    series: list[Series]
    rows: list[dict[str, Any]]  # for the table under the chart


_SERIES = (
    ("styrdokument_with_perspective", "Styrdokument med jämställdhetsperspektiv", "s1"),
    ("documents_with_unsplit_statistics", "Dokument med statistik som inte är könsuppdelad", "s2"),
)


def _anchor_for(i: int, n: int) -> str:
    """First and last date labels lean inwards so that they are not cut at the edges."""
    if n > 1 and i == 0:
        return "start"
    if n > 1 and i == n - 1:
        return "end"
    return "middle"


def trend_chart(entries: list[dict[str, Any]], width: int = 720, height: int = 260) -> TrendChart | None:
    """Geometry of the indicator chart for the history ``entries`` (oldest first), or None."""
    if not entries:
        return None
    left, right, top, bottom = 48, 16, 16, 44
    pw, ph = width - left - right, height - top - bottom
    n = len(entries)

    def x_of(i: int) -> float:
        return round(left + (pw / 2 if n == 1 else pw * i / (n - 1)), 1)

    def y_of(share: float) -> float:
        return round(top + ph * (1 - max(0.0, min(1.0, share))), 1)

    dates = [str(e.get("date", "")) for e in entries]

    def when(entry: dict[str, Any]) -> str:
        # runs on the same day are told apart by the time of day
        label = swedish_date(str(entry.get("date", "")))
        generated = str(entry.get("generated") or "")
        if dates.count(str(entry.get("date", ""))) > 1 and len(generated) >= 16:
            label += f" {generated[11:13]}.{generated[14:16]}"
        return label

    series: list[Series] = []
    for key, label, css in _SERIES:
        points = []
        for i, entry in enumerate(entries):
            share = (entry.get("indicators") or {}).get(key)
            if isinstance(share, (int, float)):
                points.append((x_of(i), y_of(float(share)), when(entry), percent(float(share))))
        path = " ".join(f"{'M' if j == 0 else 'L'}{x},{y}" for j, (x, y, _, _) in enumerate(points))
        series.append(Series(key, label, css, points, path))
    step = max(1, -(-n // 8))  # at most about eight date labels
    xlabels = [
        (x_of(i), str(e.get("label") or when(e)), _anchor_for(i, n))
        for i, e in enumerate(entries)
        if i % step == 0 or i == n - 1
    ]
    rows = [
        {
            "date": when(e),
            "label": str(e.get("label") or ""),
            "documents": e.get("documents", ""),
            "values": [percent((e.get("indicators") or {}).get(key)) for key, _, _ in _SERIES],
        }
        for e in entries
    ]
    gridlines = [(y_of(v / 100), f"{v} %") for v in (0, 25, 50, 75, 100)]
    return TrendChart(width, height, left, top, pw, ph, gridlines, xlabels, series, rows)


# --- the view model -------------------------------------------------------------


def _finding_view(finding: Finding, rules: dict[str, Any]) -> dict[str, Any]:
    meta = rules.get(finding.rule)
    source = clean_text(finding.source or (getattr(meta, "source", "") if meta else ""), keep_newlines=False)
    return {
        "severity": str(finding.severity),
        "severity_label": severity_label(finding.severity),
        "message": clean_text(finding.message),
        "segments": excerpt_segments(finding),
        "location": location_label(finding),
        "suggestions": [clean_text(s, keep_newlines=False) for s in finding.suggestions],
        # short alternatives ("tjänsteperson · handläggare") on one line, advice in sentences as a list
        "suggestions_inline": all(len(s.split()) <= 3 for s in finding.suggestions),
        "source": source,
        "url": _safe_url(getattr(meta, "url", "") if meta else None),
        "rule": finding.rule,
        "rationale": clean_text(getattr(meta, "rationale", "") if meta else ""),
    }


def _document_view(number: int, doc: DocumentResult, rules: dict[str, Any]) -> dict[str, Any]:
    by_category: dict[str, list[Finding]] = {}
    for finding in doc.findings:
        by_category.setdefault(finding.category, []).append(finding)
    groups = []
    for category in categories_in([doc]):
        findings = sort_findings(by_category.get(category, []))
        if not findings:
            continue
        severities: dict[str, int] = {}
        for f in findings:
            severities[str(f.severity)] = severities.get(str(f.severity), 0) + 1
        groups.append(
            {
                "category": category,
                "label": category_label(category),
                "description": CATEGORY_DESCRIPTIONS.get(category, ""),
                "count": len(findings),
                "severities": ", ".join(
                    f"{severities[s]} {SEVERITY_PLURALS[s] if severities[s] != 1 else severity_label(s).lower()}"
                    for s in ("error", "warning", "info")
                    if s in severities
                ),
                "findings": [_finding_view(f, rules) for f in findings],
            }
        )
    marker = doc.gender_marker
    return {
        "anchor": f"dok-{number}",
        "number": number,
        "title": clean_text(document_label(doc), keep_newlines=False),
        "path": clean_text(doc.path, keep_newlines=False),
        "kind": kind_label(doc.kind),
        "format": format_label(doc.format),
        "pages": doc.pages,
        "readable": doc.readable,
        "marker": marker,
        "marker_class": "na" if marker is None else str(marker),
        "marker_label": marker_label(marker),
        "marker_short": marker_short(marker),
        "explanation": clean_text(doc.assessment.explanation),
        "signals": [clean_text(s, keep_newlines=False) for s in doc.assessment.signals],
        "errors": [{"code": e.code, "message": clean_text(e.message)} for e in doc.errors],
        "count": len(doc.findings),
        "counts": {c: len(by_category.get(c, [])) for c in categories_in([doc])},
        "groups": groups,
    }


def _overview(report: Report) -> dict[str, Any]:
    summary = report.summary
    counts = summary.get("indicator_counts", {})
    indicators = []
    for key, label in INDICATOR_LABELS.items():
        part_whole = counts.get(key) or [None, None]
        indicators.append(
            {
                "key": key,
                "label": label,
                "value": percent(summary["indicators"].get(key)),
                "detail": (
                    f"{part_whole[0]} av {part_whole[1]}" if part_whole[1] else "inga dokument att räkna på"
                ),
            }
        )
    categories = categories_in(report.documents)
    by_category = summary["by_category"]
    most = max([by_category.get(c, 0) for c in categories] + [1])
    seen_category = {f.rule: f.category for d in report.documents for f in d.findings}
    top_rules = []
    for rule_id, count in summary["top_rules"]:
        meta = report.rules.get(rule_id)
        top_rules.append(
            {
                "rule": rule_id,
                "category": category_label(getattr(meta, "category", "") or seen_category.get(rule_id, "")),
                "count": count,
            }
        )
    sev = summary["by_severity"]
    return {
        "documents": summary["documents"],
        "analysed": summary["analysed"],
        "unreadable": summary["unreadable"],
        "findings": summary["findings"],
        "severity": f"{sev.get('error', 0)} fel, {sev.get('warning', 0)} varningar, {sev.get('info', 0)} information",
        "indicators": indicators,
        "categories": [
            {"id": c, "label": category_label(c), "count": by_category.get(c, 0), "width": round(100 * by_category.get(c, 0) / most)}
            for c in categories
        ],
        "top_rules": top_rules,
    }


def _environment():  # type: ignore[no-untyped-def]
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("dokumentanalys.report", "templates"),
        autoescape=True,  # every {{ }} is escaped, whatever the template's name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render(report: Report) -> str:
    """The whole report as one HTML document."""
    documents = [_document_view(i, d, report.rules) for i, d in enumerate(report.documents, start=1)]
    history = report.extra.get("history") or []
    context = {
        "generated": swedish_datetime(report.generated),
        "version": report.version,
        "documents": documents,
        "categories": [
            {"id": c, "label": category_label(c), "short": category_short(c)} for c in categories_in(report.documents)
        ],
        "overview": _overview(report),
        "batch": len(report.documents) > 1,
        "chart": trend_chart(history),
    }
    return _environment().get_template("report.html.j2").render(**context)


HTML = Reporter(
    name="html",
    render=render,
    suffix=".html",
    description="Granskningsrapport som en fristående webbsida (går att skriva ut)",
)
