"""Built-in document kinds: styrdokument and ansökan (application forms)."""

from __future__ import annotations

from ..kinds import DocumentKind
from ..language.analyzed import AnalyzedDocument

_STYR_WORDS = frozenset(
    "policy program plan strategi riktlinje riktlinjer handlingsplan verksamhetsplan "
    "budget styrdokument tjänsteskrivelse beslutsunderlag mål nämnden fullmäktige".split()
)
_FORM_WORDS = frozenset(
    "ansökan ansökningsblankett blankett sökande personnummer underskrift namnteckning "
    "bifoga bilagor postadress e-postadress telefonnummer datum".split()
)


def _share(document: AnalyzedDocument, words: frozenset[str]) -> float:
    return len(words & document.vocabulary) / len(words)


def _detect_styr(document: AnalyzedDocument) -> float:
    return min(1.0, 2.5 * _share(document, _STYR_WORDS))


def _detect_form(document: AnalyzedDocument) -> float:
    return min(1.0, 2.5 * _share(document, _FORM_WORDS))


STYRDOKUMENT = DocumentKind(
    name="styrdokument",
    label="Styrdokument",
    detect=_detect_styr,
    description="Policy, program, plan, strategi, riktlinje, verksamhetsplan, budget eller beslutsunderlag.",
)

ANSOKAN = DocumentKind(
    name="ansokan",
    label="Ansökan/blankett",
    detect=_detect_form,
    description="Ansökningsblankett eller mall som den sökande fyller i.",
)
