"""The document kind "platsannons": a job ad, recognised by the phrases job ads are built from."""

from __future__ import annotations

import re

from dokumentanalys.kinds import DocumentKind
from dokumentanalys.language.analyzed import AnalyzedDocument

__all__ = ["PLATSANNONS", "detect"]

#: Phrases in the voice of a job ad, which policies about recruitment do not
#: use: each distinct one found adds 0.25.
STRONG = (
    "vi söker",
    "söker vi",
    "om tjänsten",
    "dina arbetsuppgifter",
    "din profil",
    "kvalifikationer",
    "meriterande",
    "vi erbjuder",
    "sista ansökningsdag",
    "ansök senast",
    "välkommen med din ansökan",
    "urval sker löpande",
    "personligt brev",
    "upplysningar lämnas av",
    "upplysningar om tjänsten",
)
#: Words that also occur in HR policies and plans ("I varje platsannons ska
#: rekryterande chef ..."): each adds 0.05.
WEAK = (
    "tillsvidare",
    "tillsvidareanställning",
    "visstidsanställning",
    "provanställning",
    "tillträde",
    "sysselsättningsgrad",
    "heltid",
    "deltid",
    "lön",
    "rekrytering",
    "arbetsgivare",
    "fackliga företrädare",
    "kontaktperson",
    "arbetsuppgifter",
    "cv",
    "platsannons",
    "rekryterande chef",
)
#: Below this many strong phrases a document is not a job ad, whatever else it says.
MIN_STRONG = 2


def _present(phrases: tuple[str, ...], text: str) -> int:
    """How many of ``phrases`` occur in ``text`` as whole words.

    The plain substring test runs first: it is done in C and rules out almost every
    phrase in a long document, so the word-boundary regex only runs on real candidates.
    """
    return sum(1 for p in phrases if p in text and re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", text))


def detect(document: AnalyzedDocument) -> float:
    """0.0–1.0: how much the document reads like a job ad."""
    text = " ".join(document.document.text.lower().split())
    strong = _present(STRONG, text)
    if strong < MIN_STRONG:
        return 0.0
    return min(1.0, 0.25 * strong + 0.05 * _present(WEAK, text))


PLATSANNONS = DocumentKind(
    name="platsannons",
    label="Platsannons",
    detect=detect,
    description="Platsannons eller rekryteringsannons (Vi söker, Om tjänsten, Kvalifikationer, Sista ansökningsdag).",
)
