"""dokumentanalys-platsannons: gender-coded words in Swedish job ads.

Registers a document kind (``platsannons``), a rule pack with agentic and
communal words (``ord.toml``), a code rule that gives each ad a balance
score (``balance.py``), and an assessment that marks job ads as not
applicable for the OECD gender marker (a job ad is not a policy).
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from dokumentanalys import hookimpl
from dokumentanalys.engine.rule import Rule
from dokumentanalys.kinds import DocumentKind
from dokumentanalys.language.analyzed import AnalyzedDocument
from dokumentanalys.model import Assessment

from .balance import balance_rule
from .kind import PLATSANNONS

__version__ = "0.1.0"


@hookimpl
def register_document_kinds() -> list[DocumentKind]:
    return [PLATSANNONS]


@hookimpl
def register_rule_packs() -> list[Traversable]:
    return [files(__name__) / "ord.toml"]


@hookimpl
def register_code_rules() -> list[Rule]:
    return [balance_rule]


@hookimpl
def assess_document(document: AnalyzedDocument, kind: str) -> Assessment | None:
    if kind != PLATSANNONS.name:
        return None  # leave every other kind to the built-in assessment
    return Assessment(
        None,
        (),
        "Platsannonser bedöms inte med jämställdhetsmarkören; se ordbalansen (platsannons/obalans) i stället.",
    )
