"""Every example of every installed rule runs here.

A rule's ``flag`` examples must give at least one finding from that rule (or
exactly ``count``), its ``pass`` examples none. A rule without at least two
of each fails too: examples are how a rule proves what it does.
"""

from __future__ import annotations

import pytest

from dokumentanalys.engine.rule import Example, Rule
from dokumentanalys.pipeline import Analyzer, Settings
from dokumentanalys.plugins import load_registry

from examples import document_from_example

_REGISTRY = load_registry()
_CASES = [
    pytest.param(rule, example, id=f"{rule.id}:{'flag' if example.flag else 'pass'}:{n}")
    for rule in _REGISTRY.rules
    for n, example in enumerate(rule.meta.examples)
]


def _findings(rule: Rule, example: Example) -> list:
    kind = example.kind or (rule.meta.kinds[0] if rule.meta.kinds else None)
    analyzer = Analyzer(_REGISTRY, Settings(kind=kind, select=(rule.id,), include_preview=True))
    result = analyzer.analyze_document(document_from_example(example.text))
    assert not result.errors, result.errors
    return [f for f in result.findings if f.rule == rule.id]


@pytest.mark.parametrize(("rule", "example"), _CASES)
def test_rule_example(rule: Rule, example: Example) -> None:
    found = _findings(rule, example)
    if example.flag:
        if example.count is not None:
            assert len(found) == example.count, (example.text, found)
        else:
            assert found, f"{rule.id} should flag: {example.text!r}"
    else:
        assert not found, f"{rule.id} should not flag: {example.text!r} -> {[f.matched for f in found]}"


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
