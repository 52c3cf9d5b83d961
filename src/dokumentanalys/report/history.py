"""Follow-up over time: a history file of batch indicators, one line per run.

``dokumentanalys scan mapp/ --history indikatorer.jsonl`` appends one JSON
object per run (JSON Lines) with the date, the two indicators (share of
styrdokument with a gender perspective, share of documents with statistics
not split by sex), their counts, and counts by category. The HTML report
draws the indicators over time from the same file. JSON Lines keeps every
run on its own line, so a file can be read, diffed and merged by hand.
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import Any

from .base import Report, write_atomic

__all__ = ["HISTORY_SCHEMA", "HistoryError", "entry_for", "read_history", "append_history"]

HISTORY_SCHEMA = "dokumentanalys/history/v1"


class HistoryError(Exception):
    """The history file cannot be read or written; the message is Swedish, for the user."""


def entry_for(report: Report, date: str | None = None, label: str | None = None) -> dict[str, Any]:
    """The history line for one batch: its date and indicators.

    :param date: ISO date (``2026-03-31``); defaults to the date the report was generated.
    :param label: an optional name for the run, e.g. ``"2026 kvartal 1"``.
    """
    summary = report.summary
    if date is None:
        date = (report.generated or _dt.date.today().isoformat())[:10]
    _check_date(date)
    entry: dict[str, Any] = {
        "schema": HISTORY_SCHEMA,
        "date": date,
        "generated": report.generated,
        "version": report.version,
        "documents": summary["documents"],
        "analysed": summary["analysed"],
        "findings": summary["findings"],
        "indicators": summary["indicators"],
        "indicator_counts": summary.get("indicator_counts", {}),
        "by_category": summary["by_category"],
        "kinds": summary["kinds"],
    }
    if label:
        entry["label"] = label
    return entry


def _check_date(date: str) -> None:
    try:
        _dt.date.fromisoformat(date)
    except ValueError as exc:
        raise HistoryError(f"Datumet {date!r} är inte ett datum på formen ÅÅÅÅ-MM-DD.") from exc


def read_history(path: Path) -> list[dict[str, Any]]:
    """Every entry of a history file, oldest first; a missing file is an empty history."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return []
    except UnicodeDecodeError as exc:
        raise HistoryError(f"Historikfilen {path} är inte UTF-8-text.") from exc
    except OSError as exc:
        raise HistoryError(f"Historikfilen {path} kan inte läsas ({exc.strerror or exc}).") from exc
    entries: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise HistoryError(f"Historikfilen {path} har en trasig rad {number}: {exc.msg}.") from exc
        if not isinstance(entry, dict) or not isinstance(entry.get("date"), str) or not isinstance(entry.get("indicators"), dict):
            raise HistoryError(f"Rad {number} i historikfilen {path} är ingen historikpost från dokumentanalys.")
        entries.append(entry)
    entries.sort(key=lambda e: e["date"])  # stable: runs on the same day keep their order
    return entries


def append_history(path: Path, entry: dict[str, Any]) -> list[dict[str, Any]]:
    """Add ``entry`` to the history file (created if missing) and return the whole history.

    The file is rewritten through a temporary file, so an interrupted run
    never leaves half a line behind.
    """
    path = Path(path)
    entries = read_history(path)
    try:
        old = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    except OSError as exc:
        raise HistoryError(f"Historikfilen {path} kan inte läsas ({exc.strerror or exc}).") from exc
    if old and not old.endswith("\n"):
        old += "\n"
    try:
        write_atomic(path, old + json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
    except OSError as exc:
        raise HistoryError(f"Historikfilen {path} kan inte skrivas ({exc.strerror or exc}).") from exc
    entries.append(entry)
    entries.sort(key=lambda e: e["date"])
    return entries
