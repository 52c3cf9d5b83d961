"""Registers the built-in Swedish rule packs, code rules, document kinds and assessment."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from .. import hookimpl
from ..engine.rule import Rule
from ..kinds import OTHER, DocumentKind
from ..language.analyzed import AnalyzedDocument
from ..model import Assessment


@hookimpl
def register_rule_packs() -> list[Traversable]:
    root = files("dokumentanalys.rules")
    return sorted((p for p in root.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)


@hookimpl
def register_code_rules() -> list[Rule]:
    return []


@hookimpl
def register_document_kinds() -> list[DocumentKind]:
    from .kinds import ANSOKAN, STYRDOKUMENT

    return [STYRDOKUMENT, ANSOKAN, OTHER]


@hookimpl(trylast=True)
def assess_document(document: AnalyzedDocument, kind: str) -> Assessment | None:
    return Assessment(None, (), "Bedömningen av jämställdhetsperspektiv är inte införd ännu.")
