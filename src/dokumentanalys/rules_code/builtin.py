"""Registers the built-in Swedish rule packs, code rules, document kinds and assessment.

Code rules live in the modules of this package; each module lists its rules
in a module-level ``RULES`` list and is named in :data:`RULE_MODULES`. Add a
module there to add built-in code rules.
"""

from __future__ import annotations

import importlib
from importlib.resources import files
from importlib.resources.abc import Traversable

from .. import hookimpl
from ..engine.rule import Rule
from ..kinds import OTHER, DocumentKind
from ..language.analyzed import AnalyzedDocument
from ..model import Assessment

#: Modules of this package that define ``RULES: list[Rule]`` (one per line, to merge easily).
RULE_MODULES: tuple[str, ...] = (
    "stereotype",
    "forms",
    "pronouns",
    "statistics",
    "perspective",
    "marking",
    "terms",
)


@hookimpl
def register_rule_packs() -> list[Traversable]:
    root = files("dokumentanalys.rules")
    return sorted((p for p in root.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)


@hookimpl
def register_code_rules() -> list[Rule]:
    rules: list[Rule] = []
    for name in RULE_MODULES:
        module = importlib.import_module(f"{__package__}.{name}")
        rules.extend(module.RULES)
    return rules


@hookimpl
def register_document_kinds() -> list[DocumentKind]:
    from .kinds import ANSOKAN, STYRDOKUMENT

    return [STYRDOKUMENT, ANSOKAN, OTHER]


@hookimpl(trylast=True)
def assess_document(document: AnalyzedDocument, kind: str) -> Assessment | None:
    """The built-in gender marker (see :mod:`.perspective` for the signals and weights)."""
    from .perspective import assess

    return assess(document, kind)
