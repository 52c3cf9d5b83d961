"""Every example of every installed rule runs here.

A rule's ``flag`` examples must give at least one finding from that rule (or
exactly ``count``), its ``pass`` examples none. A rule without at least two
of each fails too: examples are how a rule proves what it does.
"""

from __future__ import annotations

import pytest

from dokumentanalys.engine.rule import Example, Rule
from dokumentanalys.plugins import load_registry
from dokumentanalys.testing import check_example, example_cases

_REGISTRY = load_registry()
_CASES = [
    pytest.param(rule, example, id=f"{rule.id}:{'flag' if example.flag else 'pass'}:{n}")
    for n, (rule, example) in enumerate(example_cases(_REGISTRY))
]


@pytest.mark.parametrize(("rule", "example"), _CASES)
def test_rule_example(rule: Rule, example: Example) -> None:
    check_example(_REGISTRY, rule, example)


@pytest.mark.parametrize("rule", _REGISTRY.rules, ids=lambda r: r.id)
def test_rule_has_examples(rule: Rule) -> None:
    assert len(rule.meta.flag_examples) >= 2, f"{rule.id}: needs at least two flag examples"
    assert len(rule.meta.pass_examples) >= 2, f"{rule.id}: needs at least two pass examples"


@pytest.mark.parametrize("rule", _REGISTRY.rules, ids=lambda r: r.id)
def test_rule_documents_itself(rule: Rule) -> None:
    meta = rule.meta
    assert meta.message.strip() and meta.rationale.strip() and meta.source.strip(), meta.id
    assert meta.category, meta.id


def test_registry_loads_without_problems() -> None:
    assert _REGISTRY.problems == []
