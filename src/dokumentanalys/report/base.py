"""What a reporter is, and the batch report every reporter gets."""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..atomic import write_atomic
from ..model import CATEGORIES, DocumentResult

__all__ = ["Report", "Reporter", "summarize", "write_atomic", "clean_text"]


@dataclass
class Report:
    """The results of one run, handed to a reporter."""

    documents: list[DocumentResult]
    generated: str = field(default_factory=lambda: _dt.datetime.now().astimezone().isoformat(timespec="seconds"))
    version: str = ""
    #: rule id -> RuleMeta, for reporters that print rule help (SARIF, HTML)
    rules: dict[str, Any] = field(default_factory=dict)
    #: extra data (history of indicators, settings) for reporters that want it
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def summary(self) -> dict[str, Any]:
        return summarize(self.documents)


@dataclass(frozen=True)
class Reporter:
    """An output format.

    :param name: the ``--format`` value.
    :param render: ``render(report) -> str | bytes``, the whole output as one file.
    :param suffix: file suffix for ``--output`` defaults, e.g. ``".html"``.
    :param write_files: for formats that write one file per input (the reviewed
        DOCX copies): ``write_files(report, output_dir) -> list[Path]``.
    :param description: one line for ``dokumentanalys plugins``.
    """

    name: str
    render: Callable[[Report], str | bytes] | None = None
    suffix: str = ".txt"
    write_files: Callable[[Report, Path], list[Path]] | None = None
    description: str = ""
    plugin: str = field(default="", compare=False)


def summarize(documents: list[DocumentResult]) -> dict[str, Any]:
    """Counts and indicators over a batch (also used for the history file)."""
    by_category: Counter[str] = Counter({c: 0 for c in CATEGORIES})
    by_severity: Counter[str] = Counter({"error": 0, "warning": 0, "info": 0})
    by_rule: Counter[str] = Counter()
    for doc in documents:
        for finding in doc.findings:
            by_category[finding.category] += 1
            by_severity[str(finding.severity)] += 1
            by_rule[finding.rule] += 1
    readable = [d for d in documents if d.readable]
    styr = [d for d in readable if d.kind == "styrdokument"]
    styr_rated = [d for d in styr if d.gender_marker is not None]
    with_perspective = [d for d in styr_rated if (d.gender_marker or 0) >= 1]
    with_unsplit = [d for d in readable if any(f.category == "unsplit-statistics" for f in d.findings)]
    return {
        "documents": len(documents),
        "analysed": len(readable),
        "unreadable": len(documents) - len(readable),
        "findings": sum(len(d.findings) for d in documents),
        "errors": sum(len(d.errors) for d in documents),
        "by_category": dict(by_category),
        "by_severity": dict(by_severity),
        "top_rules": by_rule.most_common(10),
        "kinds": dict(Counter(d.kind or "okänd" for d in readable)),
        "markers": dict(Counter(str(d.gender_marker) for d in readable)),
        "indicators": {
            "styrdokument_with_perspective": _share(len(with_perspective), len(styr_rated)),
            "documents_with_unsplit_statistics": _share(len(with_unsplit), len(readable)),
        },
        # the numerator and denominator of each indicator ("2 av 5")
        "indicator_counts": {
            "styrdokument_with_perspective": [len(with_perspective), len(styr_rated)],
            "documents_with_unsplit_statistics": [len(with_unsplit), len(readable)],
        },
    }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


# C0 and C1 control characters except tab and newline, DEL, lone surrogates and
# the two noncharacters XML 1.0 forbids
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str | None, keep_newlines: bool = True) -> str:
    """Document text made safe to put in any report: control characters become spaces.

    Text extracted from files may hold form feeds, NULs or escape sequences
    that break XML (DOCX comments), terminals and spreadsheet cells.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    if not keep_newlines:
        text = " ".join(text.split("\n"))
    return text
