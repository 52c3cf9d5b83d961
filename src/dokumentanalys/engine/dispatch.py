"""Run rules over one document, each in isolation.

pluggy stops a whole hook call when one implementation raises, so rules are
not run through a hook: each :class:`~dokumentanalys.engine.rule.Rule` is
called here on its own, and an exception inside one becomes a
``rule/crashed`` error entry on the document while every other rule runs.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, field
from typing import Sequence

from ..errors import error
from ..language.analyzed import AnalyzedDocument
from ..model import DocumentError, Finding
from .rule import Rule

__all__ = ["RunResult", "run_rules"]

log = logging.getLogger(__name__)


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)


def run_rules(rules: Sequence[Rule], document: AnalyzedDocument, *, debug: bool = False) -> RunResult:
    result = RunResult()
    for rule in rules:
        if not rule.applies_to(document.kind):
            continue
        try:
            found = rule.run(document)
        except Exception as exc:  # noqa: BLE001 - one rule must never stop the others
            log.debug("rule %s crashed\n%s", rule.id, traceback.format_exc())
            result.errors.append(
                error("rule/crashed", rule.id if not debug else f"{rule.id} ({type(exc).__name__}: {exc})")
            )
            if debug:
                log.error("%s", traceback.format_exc())
            continue
        result.findings.extend(found)
    result.findings.sort(key=_order)
    return result


def _order(f: Finding) -> tuple[int, int, str]:
    loc = f.location
    return (
        loc.block if loc.block is not None else -1,
        loc.start if loc.start is not None else -1,
        f.rule,
    )
