"""Stereotype rules on a blind bank of unseen sentences (tests/data/stereotype_bank.toml).

Every ``flag`` sentence must get at least one finding of category ``stereotype``; every
``pass_`` sentence (statistics, attributed findings, negated or quoted stereotypes,
counter-stereotyped measures, targeted services, sex-specific health, named persons) none,
both in a styrdokument and in an application form.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from dokumentanalys.model import Finding
from dokumentanalys.pipeline import Analyzer, Settings
from dokumentanalys.plugins import Registry
from dokumentanalys.testing import document_from_text

BANK = tomllib.loads((Path(__file__).parent / "data" / "stereotype_bank.toml").read_text(encoding="utf-8"))

# Known gaps: sentences the rules do not catch yet. Keep this list honest.
KNOWN_MISSES: dict[str, str] = {
    "Som förälder vet du säkert hur viktigt det är för mamma att få vila ibland.":
        "the mother as the one who needs rest is implied inside an impersonal clause; no pattern for it",
    "En flicka vill gärna vara till lags.":
        "singular generic subjects (en flicka, en pojke) are not read as groups",
    "En pojke gråter inte i onödan.":
        "singular generic subject and a negated behaviour; no lexicon for emotional display",
    "Anhörigstödet riktar sig till döttrar som tar hand om sina åldrande föräldrar.":
        "a service targeted at one sex as carers; 'riktar sig till' + care role is not modelled",
    "Hemtjänsten hjälper den äldre mannen med det hushållsarbete som hans fru tidigare skötte.":
        "a generic case with a definite singular (den äldre mannen) is read as one person",
    "Ledarskap kräver egenskaper som män oftare har, som beslutsamhet och tydlighet.":
        "'oftare' makes the clause read as a measured difference; traits in a relative clause on 'egenskaper'",
    "Det är oftast mamman som kontaktar skolan, därför skickas all information till henne.":
        "an observed pattern (oftast) used to justify a practice in the next clause",
}


def stereotype_findings(registry: Registry, text: str, kind: str) -> list[Finding]:
    analyzer = Analyzer(registry, Settings(kind=kind, select=("stereotype",)))
    result = analyzer.analyze_document(document_from_text(text))
    assert not result.errors, result.errors
    return [f for f in result.findings if f.category == "stereotype"]


def _flag_params() -> list[object]:
    params: list[object] = []
    for text in BANK["flag"]:
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[text])] if text in KNOWN_MISSES else []
        params.append(pytest.param(text, marks=marks))
    return params


def test_bank_shape() -> None:
    assert len(BANK["flag"]) == 50
    assert len(BANK["pass_"]) == 30
    assert len(set(BANK["flag"])) == len(BANK["flag"])
    assert set(KNOWN_MISSES) <= set(BANK["flag"])


@pytest.mark.parametrize("text", _flag_params())
def test_flag_sentence_is_found(registry: Registry, text: str) -> None:
    found = stereotype_findings(registry, text, "styrdokument")
    assert found, f"missed: {text}"


@pytest.mark.parametrize("kind", ["styrdokument", "ansokan"])
@pytest.mark.parametrize("text", BANK["pass_"])
def test_trap_sentence_is_quiet(registry: Registry, text: str, kind: str) -> None:
    found = stereotype_findings(registry, text, kind)
    assert not found, [(f.rule, f.matched) for f in found]
