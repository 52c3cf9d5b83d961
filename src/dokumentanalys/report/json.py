"""``--format json``: the report contract ``dokumentanalys/report/v1``.

Written with orjson when it is installed (some twenty times faster than the
standard library's pure-Python indenting encoder; the same JSON text except
that very small or large floats may be spelled differently), else with
:mod:`json`.
"""

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


def dumps(data: object) -> str:
    """``data`` as JSON with two-space indentation and without ASCII escapes, plus a final newline."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a dependency, but optional at heart
        orjson = None
    if orjson is not None:
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
        except (TypeError, ValueError):  # lone surrogates, huge integers, non-string keys ...
            pass
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(report: Report) -> str:
    return dumps(to_data(report))


JSON = Reporter(name="json", render=render, suffix=".json", description="Maskinläsbar rapport (dokumentanalys/report/v1)")
