"""The whole flow for one file: extract -> language -> kind -> assessment -> rules.

:class:`Analyzer` is built once per process (it holds the registry: plugins,
compiled rules, the term index) and then analyses any number of files.
Nothing that goes wrong with one file escapes :meth:`Analyzer.analyze`: a
file that cannot be read becomes a :class:`~dokumentanalys.model.DocumentError`
on its :class:`~dokumentanalys.model.DocumentResult`.
"""

from __future__ import annotations

import gc
import logging
import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .engine.dispatch import run_rules
from .engine.rule import Rule
from .errors import ReadError, error
from .extract.base import HEAD_BYTES, ExtractOptions, Extractor, sniff_format, wrong_format
from .files import collect_files
from .files import format_guess as _format_guess
from .kinds import choose_kind
from .model import Assessment, Document, DocumentResult, Finding, Severity
from .plugins import Registry, call_each, load_registry

__all__ = ["Settings", "Analyzer", "collect_files"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """Everything that changes what a scan does (from flags and the config file)."""

    kind: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: rule id, id prefix (``term/``) or category -> "error" | "warning" | "info"
    severity_overrides: dict[str, str] = field(default_factory=dict)
    #: ``kind_for(path) -> kind name | None``: per-file kinds from the configuration's globs
    kind_for: Callable[[str], str | None] | None = None
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    include_preview: bool = False
    debug: bool = False


def _matches(rule_id: str, selectors: Iterable[str]) -> bool:
    return any(rule_id == s or rule_id.startswith(s.rstrip("/") + "/") or (s.endswith("*") and rule_id.startswith(s[:-1])) for s in selectors)


def select_rules(rules: Iterable[Rule], settings: Settings) -> list[Rule]:
    """Rules after ``select``/``ignore`` by id or prefix (``term/`` selects a whole group)."""
    out = []
    for rule in rules:
        rid = rule.id
        if rule.meta.status == "removed":
            continue
        if settings.select and not (_matches(rid, settings.select) or _matches(rule.meta.category, settings.select)):
            continue
        if _matches(rid, settings.ignore) or rule.meta.category in settings.ignore:
            continue
        if rule.meta.status == "preview" and not settings.include_preview and not _matches(rid, settings.select):
            continue
        out.append(rule)
    return out


class Analyzer:
    def __init__(self, registry: Registry | None = None, settings: Settings | None = None) -> None:
        self.registry = registry or load_registry()
        self.settings = settings or Settings()
        self.rules = select_rules(self.registry.rules, self.settings)

    # -- reading --

    def extractor_for(self, path: Path, head: bytes) -> Extractor:
        for extractor in self.registry.extractors:
            try:
                if extractor.sniff(head, path):
                    return extractor
            except Exception:  # noqa: BLE001 - a broken sniff must not hide other formats
                log.debug("sniff of %s failed", extractor.name, exc_info=True)
        actual = sniff_format(head, path)
        expected = {ext for e in self.registry.extractors for ext in e.extensions}
        if path.suffix.lower() in expected:
            raise wrong_format(path, actual)
        raise ReadError("read/unsupported", path.suffix.lower() or actual)

    def read(self, path: Path) -> Document:
        try:
            stat = path.stat()
        except FileNotFoundError as exc:
            raise ReadError("read/not-found") from exc
        except PermissionError as exc:
            raise ReadError("read/permission") from exc
        except OSError as exc:
            raise ReadError("read/failed", exc.strerror or str(exc)) from exc
        if not path.is_file():
            raise ReadError("read/not-a-file")
        if stat.st_size == 0:
            raise ReadError("read/empty")
        limit = self.settings.extract.max_file_size
        if stat.st_size > limit:
            raise ReadError("read/too-large", f"{stat.st_size / 2**20:.0f} MB, gräns {limit / 2**20:.0f} MB")
        try:
            with path.open("rb") as fh:
                head = fh.read(HEAD_BYTES)
        except PermissionError as exc:
            raise ReadError("read/permission") from exc
        except OSError as exc:
            raise ReadError("read/failed", exc.strerror or str(exc)) from exc
        extractor = self.extractor_for(path, head)
        document = extractor.extract(path, self.settings.extract)
        if not document.blocks:
            raise ReadError("read/no-text")
        return document

    # -- analysing --

    def analyze_document(self, document: Document) -> DocumentResult:
        """Language, kind, assessment and rules for an already extracted document.

        The cyclic garbage collector is paused meanwhile: the analysis makes
        some 100,000 small objects per 200 pages (tokens, sentences) and no
        reference cycles, and the collector's passes over them (and over
        spaCy's objects) cost as much time as the tokens themselves.
        Everything is still freed by reference counting.
        """
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._analyze_document(document)
        finally:
            if enabled:
                gc.enable()

    def _analyze_document(self, document: Document) -> DocumentResult:
        from .language.sv import analyze_document

        result = DocumentResult(
            path=document.path,
            format=document.format,
            title=document.title,
            pages=document.pages,
            blocks=len(document.blocks),
            metadata=dict(document.metadata),
        )
        analyzed = analyze_document(document)
        kind = self.settings.kind or (self.settings.kind_for and self.settings.kind_for(document.path)) or document.kind
        scores: dict[str, float] = {}
        if not kind:
            kind, scores = choose_kind(self.registry.kinds, analyzed)
        analyzed.kind = kind
        document.kind = kind
        result.kind = kind
        if scores:
            result.metadata["kind_scores"] = {k: round(v, 3) for k, v in scores.items()}
        # one implementation at a time: a plugin whose assessment raises is an
        # error on this document, and the next implementation (in the end the
        # built-in one) still decides
        answers = call_each(
            self.registry.pm,
            "assess_document",
            lambda plugin, message: result.errors.append(error("rule/crashed", f"assess_document i {plugin}")),
            first=True,
            document=analyzed,
            kind=kind,
        )
        assessment = answers[0][1] if answers else None
        analyzed.assessment = assessment if isinstance(assessment, Assessment) else Assessment(None)
        result.assessment = analyzed.assessment
        run = run_rules(self.rules, analyzed, debug=self.settings.debug)
        result.findings = [self._override(f) for f in run.findings]
        result.errors.extend(run.errors)
        # document-level figures that rules recorded (e.g. a plugin's balance score)
        for key, value in document.metadata.items():
            result.metadata.setdefault(key, value)
        return result

    def _override(self, finding: Finding) -> Finding:
        """Apply ``severity_overrides``: exact id, then the longest id prefix, then category."""
        overrides = self.settings.severity_overrides
        if not overrides:
            return finding
        key = finding.rule if finding.rule in overrides else None
        if key is None:
            prefixes = [k for k in overrides if _matches(finding.rule, (k,))]
            key = max(prefixes, key=len) if prefixes else None
        if key is None and finding.category in overrides:
            key = finding.category
        if key is None:
            return finding
        from dataclasses import replace

        return replace(finding, severity=Severity(overrides[key]))

    def analyze(self, path: str | os.PathLike[str]) -> DocumentResult:
        """Analyse one file. Never raises for a problem with the file itself."""
        p = Path(path)
        try:
            document = self.read(p)
        except ReadError as exc:
            return DocumentResult(path=str(path), format=_format_guess(p), errors=[exc.to_error()])
        except MemoryError:
            return DocumentResult(path=str(path), errors=[error("read/too-large", "minnet räckte inte")])
        except Exception as exc:  # noqa: BLE001 - a broken file must not stop the batch
            log.debug("extraction of %s failed", path, exc_info=True)
            detail = f"{type(exc).__name__}: {exc}" if self.settings.debug else type(exc).__name__
            if self.settings.debug:
                log.error("%s", traceback.format_exc())
            return DocumentResult(path=str(path), format=_format_guess(p), errors=[error("read/failed", detail)])
        document.path = str(path)
        try:
            return self.analyze_document(document)
        except Exception as exc:  # noqa: BLE001
            log.debug("analysis of %s failed", path, exc_info=True)
            if self.settings.debug:
                log.error("%s", traceback.format_exc())
            return DocumentResult(
                path=str(path), format=document.format, errors=[error("internal", f"{type(exc).__name__}: {exc}")]
            )

    def analyze_many(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[DocumentResult]:
        for path in paths:
            yield self.analyze(path)


