"""A baseline: the findings a team has looked at and accepted.

Inline suppressions are impossible in PDF and unwanted in DOCX, so a
finding is accepted by recording it in a baseline file::

    dokumentanalys scan dokument/ --write-baseline accepterade.json
    dokumentanalys scan dokument/ --baseline accepterade.json   # only new findings

A finding is keyed by its rule, its document (the path relative to the
baseline file's folder) and its excerpt, normalised (case, whitespace,
quotation marks and dashes). Block numbers and offsets are not part of the
key, so a paragraph added elsewhere in the document does not bring old
findings back; editing the sentence a finding sits in does, which is
intended: it is a new text to review. The same key may occur several times
(two "tjänsteman" in one sentence); the baseline stores a count and hides
at most that many findings, as PHPStan's baseline does.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from .model import DocumentResult, Finding

__all__ = [
    "SCHEMA",
    "Baseline",
    "BaselineError",
    "BaselineKey",
    "document_key",
    "normalize_excerpt",
]

SCHEMA = "dokumentanalys/baseline/v1"

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_QUOTES = str.maketrans({c: '"' for c in "”“„»«″"} | {c: "'" for c in "’‘‚′"} | {c: "-" for c in "–—‐‑−"})


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message is Swedish and names the file."""


class BaselineKey(NamedTuple):
    rule: str
    document: str
    excerpt: str


def normalize_excerpt(text: str) -> str:
    """The excerpt as the baseline compares it: case, spacing and typography do not count."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_QUOTES)
    text = text.replace("…", " ").casefold()
    return re.sub(r"\s+", " ", text).strip(" .,;:!?")


def document_key(path: str | os.PathLike[str], root: Path) -> str:
    """The document's path relative to ``root`` with ``/``; absolute if it lies outside."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive
        return Path(absolute).as_posix()
    if relative == ".." or relative.startswith(".." + os.sep):
        return Path(absolute).as_posix()
    return Path(relative).as_posix()


def _key(finding: Finding, document: str) -> BaselineKey:
    return BaselineKey(finding.rule, document, normalize_excerpt(finding.excerpt))


@dataclass
class Baseline:
    """Accepted findings, counted by :class:`BaselineKey`."""

    root: Path
    counts: Counter[BaselineKey] = field(default_factory=Counter)
    path: Path | None = None

    @classmethod
    def from_results(cls, results: Iterable[DocumentResult], path: str | os.PathLike[str]) -> "Baseline":
        """Every finding of ``results``, for a baseline file to be written at ``path``."""
        root = Path(os.path.abspath(path)).parent
        counts: Counter[BaselineKey] = Counter()
        for result in results:
            document = document_key(result.path, root)
            counts.update(_key(f, document) for f in result.findings)
        return cls(root, counts, Path(path))

    def __len__(self) -> int:
        return sum(self.counts.values())

    def to_json(self, version: str = "") -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "generated": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "dokumentanalys": version,
            "findings": [
                {"document": k.document, "rule": k.rule, "excerpt": k.excerpt, "count": n}
                for k, n in sorted(self.counts.items())
            ],
        }

    def write(self, path: str | os.PathLike[str], version: str = "") -> None:
        from .report.base import write_atomic

        text = json.dumps(self.to_json(version), ensure_ascii=False, indent=2) + "\n"
        try:
            write_atomic(Path(path), text)
        except OSError as exc:
            raise BaselineError(f"{path}: baslinjefilen kan inte skrivas ({exc.strerror or exc}).") from exc

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> "Baseline":
        file = Path(path)
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise BaselineError(f"{file}: baslinjefilen finns inte; skapa den med --write-baseline.") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise BaselineError(f"{file}: baslinjefilen kan inte läsas ({exc}).") from exc
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{file}: baslinjefilen är inte giltig JSON (rad {exc.lineno}).") from exc
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise BaselineError(f"{file}: filen är ingen baslinje från dokumentanalys (schema {SCHEMA} saknas).")
        counts: Counter[BaselineKey] = Counter()
        entries = data.get("findings")
        if not isinstance(entries, list):
            raise BaselineError(f"{file}: nyckeln 'findings' ska vara en lista.")
        for i, entry in enumerate(entries):
            try:
                key = BaselineKey(str(entry["rule"]), str(entry["document"]), normalize_excerpt(str(entry["excerpt"])))
                count = int(entry.get("count", 1))
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise BaselineError(f"{file}: findings[{i}] saknar rule, document eller excerpt.") from exc
            if count < 1:
                raise BaselineError(f"{file}: findings[{i}].count = {count}: ska vara minst 1.")
            counts[key] += count
        return cls(Path(os.path.abspath(file)).parent, counts, file)

    def apply(self, results: Iterable[DocumentResult]) -> tuple[list[DocumentResult], int, int]:
        """Hide accepted findings: ``(results, hidden, stale)``.

        ``stale`` counts accepted findings of the scanned documents that no
        longer occur (fixed, or their sentence changed): a hint that the
        baseline can be written anew.
        """
        remaining = Counter(self.counts)
        out: list[DocumentResult] = []
        hidden = 0
        scanned: set[str] = set()
        for result in results:
            document = document_key(result.path, self.root)
            scanned.add(document)
            kept: list[Finding] = []
            for finding in result.findings:
                key = _key(finding, document)
                if remaining[key] > 0:
                    remaining[key] -= 1
                    hidden += 1
                else:
                    kept.append(finding)
            out.append(replace(result, findings=kept) if len(kept) != len(result.findings) else result)
        stale = sum(n for k, n in remaining.items() if k.document in scanned and n > 0)
        return out, hidden, stale
