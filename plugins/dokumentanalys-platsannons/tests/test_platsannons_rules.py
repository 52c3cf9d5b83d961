"""Every example of the plugin's rules, and the word lists themselves."""

from __future__ import annotations

from collections import Counter
from importlib.resources import files

import pytest

from dokumentanalys.engine.data_rules import load_pack
from dokumentanalys.engine.inflect import inflect
from dokumentanalys.testing import check_example, example_cases, load_plugin_registry

REGISTRY = load_plugin_registry("platsannons")


@pytest.mark.parametrize(
    ("rule", "example"),
    example_cases(REGISTRY, "platsannons"),
    ids=lambda v: getattr(v, "id", None) or getattr(v, "text", "")[:40],
)
def test_rule_example(rule, example) -> None:
    check_example(REGISTRY, rule, example)


def test_the_plugin_brings_its_kind_and_three_rules() -> None:
    info = REGISTRY.plugins["platsannons"]
    assert info.kinds == ["platsannons"]
    assert sorted(info.rules) == ["platsannons/agentiskt-ord", "platsannons/kommunalt-ord", "platsannons/obalans"]
    for rule_id in info.rules:
        meta = REGISTRY.rule(rule_id).meta
        assert meta.kinds == ("platsannons",), rule_id
        assert str(meta.severity) == "info", rule_id
        # domain.md §4: say that no validated Swedish list exists
        assert "ingen validerad svensk" in meta.limitations, rule_id


def _forms(rule_spec) -> list[str]:
    out: list[str] = []
    for match in rule_spec.match:
        if match.lemma:
            out.extend(inflect(match.lemma, match.paradigm))
        out.extend(f.lower() for f in match.forms)
    return out


def test_no_word_is_counted_twice_or_on_both_sides() -> None:
    pack = load_pack(files("dokumentanalys_platsannons") / "ord.toml")
    agentic, communal = (_forms(spec) for spec in pack.spec.rule)
    for forms in (agentic, communal):
        assert [f for f, n in Counter(forms).items() if n > 1] == []
    assert set(agentic) & set(communal) == set()


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("omtänksam", {"omtänksam", "omtänksamt", "omtänksamma"}),
        ("lyhörd", {"lyhörd", "lyhört", "lyhörda"}),
        ("analytisk", {"analytisk", "analytiskt", "analytiska"}),
        ("tävlingsinriktad", {"tävlingsinriktad", "tävlingsinriktat", "tävlingsinriktade"}),
        ("driven", {"driven", "drivet", "drivna"}),
    ],
)
def test_inflected_forms_are_in_the_lists(word: str, forms: set[str]) -> None:
    pack = load_pack(files("dokumentanalys_platsannons") / "ord.toml")
    every = set().union(*(_forms(spec) for spec in pack.spec.rule))
    assert forms <= every, forms - every
