"""``--format sarif``: SARIF 2.1.0 for CI systems and code-scanning views.

One run; ``tool.driver.rules`` holds every rule that has a result, with its
Swedish message, rationale and sources as help text. Each result points at
the file: for text and Markdown files the exact line and columns of the
flagged words (found by reading the file again near the block's first line);
for PDF and DOCX, which have no lines, line 1 of the file with the page and
block in the message and in ``properties`` (code-scanning views need a
``startLine``). Documents that could not be read become error notifications
of the invocation. ``partialFingerprints`` stay stable when text moves, so a
code-scanning view recognises a finding across runs.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from ..model import DocumentResult, Finding
from .base import Report, Reporter, clean_text
from .labels import category_label, location_label

__all__ = ["SARIF", "render", "to_sarif", "SARIF_SCHEMA_URI"]

SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_TEXT_FORMATS = {"txt", "text", "md", "markdown"}
#: how many lines after a block's first line to look for the flagged words
_LINE_WINDOW = 200


def artifact_uri(path: str) -> str:
    """A file path as a SARIF ``uri``: relative paths stay relative (forward slashes)."""
    p = Path(path)
    if p.is_absolute():
        return p.resolve().as_uri()
    return quote(PurePosixPath(*p.parts).as_posix() if p.parts else path.replace(os.sep, "/"), safe="/")


def _fingerprint(doc: DocumentResult, f: Finding, seen: dict[str, int]) -> str:
    basis = "\x1f".join([f.rule, doc.path, f.matched.casefold(), " ".join(f.excerpt.split()).casefold()])
    digest = hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]
    seen[digest] = seen.get(digest, 0) + 1
    return f"{digest}:{seen[digest]}"


class _TextFile:
    """Lines of a text input, read once, to turn block offsets into line and column."""

    def __init__(self, path: str) -> None:
        self.lines: list[str] | None = None
        try:
            raw = Path(path).read_bytes()
        except OSError:
            return
        for encoding in ("utf-8-sig", "cp1252", "latin-1"):
            try:
                self.lines = raw.decode(encoding).splitlines()
                return
            except UnicodeDecodeError:
                continue

    def region(self, first_line: int, matched: str) -> dict[str, int] | None:
        if not self.lines or not matched or "\n" in matched:
            return None
        start = max(first_line - 1, 0)
        for number in range(start, min(start + _LINE_WINDOW, len(self.lines))):
            column = self.lines[number].find(matched)
            if column >= 0:
                return {
                    "startLine": number + 1,
                    "startColumn": column + 1,
                    "endLine": number + 1,
                    "endColumn": column + 1 + len(matched),
                }
        return None


def _region(doc: DocumentResult, f: Finding, files: dict[str, _TextFile]) -> dict[str, Any]:
    loc = f.location
    region: dict[str, Any] | None = None
    if (doc.format or "") in _TEXT_FORMATS and loc.line is not None:
        text_file = files.setdefault(doc.path, _TextFile(doc.path))
        region = text_file.region(loc.line, f.matched)
        if region is None:
            region = {"startLine": max(loc.line, 1)}
    if region is None:
        region = {"startLine": 1}
    excerpt = clean_text(f.excerpt)
    if excerpt:
        region["snippet"] = {"text": excerpt}
    return region


def _rule_descriptor(rule_id: str, meta: Any, category: str) -> dict[str, Any]:
    message = clean_text(getattr(meta, "message", "") or "") if meta else ""
    rationale = clean_text(getattr(meta, "rationale", "") or "") if meta else ""
    suggestions = [clean_text(s) for s in (getattr(meta, "suggestions", ()) or ())] if meta else []
    source = clean_text(getattr(meta, "source", "") or "") if meta else ""
    url = (getattr(meta, "url", "") or "") if meta else ""
    name = (getattr(meta, "name", "") or "") if meta else ""
    short = message or category_label(category)
    help_lines = [f"Kategori: {category_label(category)}."]
    md_lines = [f"**Kategori:** {category_label(category)}", ""]
    if rationale:
        help_lines.append(f"Varför: {rationale}")
        md_lines += ["**Varför är det ett problem?**", "", rationale, ""]
    if suggestions:
        help_lines.append("Skriv i stället: " + " / ".join(suggestions) + ".")
        md_lines += ["**Skriv i stället:** " + " / ".join(suggestions), ""]
    if source:
        help_lines.append(f"Källa: {source}.")
        md_lines += [f"**Källa:** [{source}]({url})" if url.startswith(("https://", "http://")) else f"**Källa:** {source}", ""]
    help_lines.append(f"Mer: dokumentanalys explain {rule_id}")
    descriptor: dict[str, Any] = {
        "id": rule_id,
        "shortDescription": {"text": short},
        "fullDescription": {"text": rationale or short},
        "help": {"text": "\n".join(help_lines), "markdown": "\n".join(md_lines).strip()},
        "defaultConfiguration": {"level": _LEVEL.get(str(getattr(meta, "severity", "warning")), "warning")},
        "properties": {"category": category, "tags": ["jämställdhet", category]},
    }
    if name:
        descriptor["name"] = name
    if url.startswith(("https://", "http://")):
        descriptor["helpUri"] = url
    return descriptor


def _result_message(f: Finding) -> str:
    text = clean_text(f.message, keep_newlines=False)
    if f.suggestions:
        text += " Skriv i stället: " + " / ".join(clean_text(s, keep_newlines=False) for s in f.suggestions) + "."
    place = location_label(f)
    if place and f.location.line is None:
        text += f" ({place})"
    return text


def to_sarif(report: Report) -> dict[str, Any]:
    """The SARIF log as a dict (validated against the OASIS schema in the tests)."""
    rule_ids: list[str] = []
    categories: dict[str, str] = {}
    for doc in report.documents:
        for f in doc.findings:
            if f.rule not in categories:
                rule_ids.append(f.rule)
                categories[f.rule] = f.category
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    rules = [_rule_descriptor(r, report.rules.get(r), categories[r]) for r in rule_ids]

    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}
    files: dict[str, _TextFile] = {}
    seen: dict[str, int] = {}
    for doc in report.documents:
        uri = artifact_uri(doc.path)
        if uri not in artifact_index:
            artifact_index[uri] = len(artifacts)
            artifact: dict[str, Any] = {"location": {"uri": uri}, "roles": ["analysisTarget"]}
            if doc.kind or doc.gender_marker is not None:
                artifact["properties"] = {"kind": doc.kind, "genderMarker": doc.gender_marker}
            artifacts.append(artifact)
        for err in doc.errors:
            notifications.append(
                {
                    "level": "error" if err.code.startswith("read/") or err.code == "internal" else "warning",
                    "message": {"text": f"{doc.path}: {clean_text(err.message, keep_newlines=False)}"},
                    "descriptor": {"id": err.code},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri, "index": artifact_index[uri]}}}],
                }
            )
        for f in doc.findings:
            loc = f.location
            properties: dict[str, Any] = {"category": f.category, "location": location_label(f)}
            for key in ("page", "block", "start", "end", "kind", "table", "row", "column"):
                value = getattr(loc, key)
                if value is not None:
                    properties[key] = value
            if f.source:
                properties["source"] = clean_text(f.source, keep_newlines=False)
            if f.suggestions:
                properties["suggestions"] = [clean_text(s, keep_newlines=False) for s in f.suggestions]
            results.append(
                {
                    "ruleId": f.rule,
                    "ruleIndex": index[f.rule],
                    "level": _LEVEL.get(str(f.severity), "warning"),
                    "message": {"text": _result_message(f)},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": uri, "index": artifact_index[uri]},
                                "region": _region(doc, f, files),
                            }
                        }
                    ],
                    "partialFingerprints": {"dokumentanalysFinding/v1": _fingerprint(doc, f, seen)},
                    "properties": properties,
                }
            )
    summary = report.summary
    invocation: dict[str, Any] = {
        "executionSuccessful": not any(not d.readable for d in report.documents),
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "dokumentanalys",
                "version": report.version or "0",
                "semanticVersion": report.version or "0.0.0",
                "language": "sv-SE",
                "rules": rules,
            }
        },
        "invocations": [invocation],
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
        "language": "sv-SE",
        "properties": {"indicators": summary["indicators"], "byCategory": summary["by_category"]},
    }
    return {"$schema": SARIF_SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report) -> str:
    return json.dumps(to_sarif(report), ensure_ascii=False, indent=2) + "\n"


SARIF = Reporter(
    name="sarif",
    render=render,
    suffix=".sarif",
    description="SARIF 2.1.0 för CI och kodgranskningsvyer",
)
