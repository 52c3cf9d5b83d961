"""``--format json``: the report contract ``dokumentanalys/report/v1``."""

from __future__ import annotations

import json

from .base import Report, Reporter

SCHEMA = "dokumentanalys/report/v1"


def to_data(report: Report) -> dict:
    return {
        "schema": SCHEMA,
        "generated": report.generated,
        "version": report.version,
        "documents": [d.to_json() for d in report.documents],
        "summary": report.summary,
    }


def render(report: Report) -> str:
    return json.dumps(to_data(report), ensure_ascii=False, indent=2) + "\n"


JSON = Reporter(name="json", render=render, suffix=".json", description="Maskinläsbar rapport (dokumentanalys/report/v1)")
