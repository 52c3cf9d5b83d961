"""Helpers for plugin tests: run the ``flag``/``pass`` examples of a plugin's rules.

A plugin's test module can be three lines plus imports (this is what
``dokumentanalys new-plugin`` writes)::

    from dokumentanalys.testing import check_example, example_cases, load_plugin_registry

    REGISTRY = load_plugin_registry("exempel")

    @pytest.mark.parametrize(("rule", "example"), example_cases(REGISTRY, "exempel"))
    def test_rule_example(rule, example):
        check_example(REGISTRY, rule, example)

An example text is read like a small document: blank lines separate
paragraphs and a line that starts with ``#`` is a heading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Block, BlockKind, Document, Finding

if TYPE_CHECKING:  # pragma: no cover
    from .engine.rule import Example, Rule
    from .plugins import Registry

__all__ = ["check_example", "document_from_text", "example_cases", "example_findings", "load_plugin_registry"]


def load_plugin_registry(plugin: str) -> "Registry":
    """The registry with every installed plugin; fails clearly if ``plugin`` is missing or broken.

    ``plugin`` is enabled even if it is off by default (``off_by_default = True``).
    """
    from .plugins import load_registry

    registry = load_registry(enabled=frozenset({plugin}))
    if plugin not in registry.plugins:
        raise AssertionError(
            f"insticksmodulen {plugin!r} är inte installerad (entry point i gruppen 'dokumentanalys'); "
            "kör pip install -e . i paketets mapp"
        )
    info = registry.plugins[plugin]
    if info.problems:
        raise AssertionError(f"insticksmodulen {plugin!r} har problem: {'; '.join(info.problems)}")
    return registry


def document_from_text(text: str, path: str = "<exempel>") -> Document:
    """Paragraphs split on blank lines; ``# Rubrik`` lines become headings."""
    blocks: list[Block] = []
    for n, chunk in enumerate(c for c in text.strip().split("\n\n") if c.strip()):
        for line in chunk.strip().splitlines() if chunk.lstrip().startswith("#") else [chunk]:
            stripped = " ".join(line.split())
            if stripped.startswith("#"):
                level = len(stripped) - len(stripped.lstrip("#"))
                blocks.append(Block(len(blocks), BlockKind.HEADING, stripped.lstrip("#").strip(), paragraph=n, level=level))
            elif stripped:
                blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, stripped, paragraph=n))
    return Document(path, "txt", blocks)


def example_cases(registry: "Registry", plugin: str | None = None) -> list[tuple["Rule", "Example"]]:
    """``(rule, example)`` for every example of every rule (of ``plugin``, if given)."""
    return [
        (rule, example)
        for rule in registry.rules
        if plugin is None or rule.meta.plugin == plugin
        for example in rule.meta.examples
    ]


def example_findings(registry: "Registry", rule: "Rule", example: "Example") -> list[Finding]:
    """What ``rule`` finds in ``example`` (run alone, with the example's or the rule's kind)."""
    from .pipeline import Analyzer, Settings

    kind = example.kind or (rule.meta.kinds[0] if rule.meta.kinds else None)
    analyzer = Analyzer(registry, Settings(kind=kind, select=(rule.id,), include_preview=True))
    result = analyzer.analyze_document(document_from_text(example.text))
    if result.errors:
        raise AssertionError(f"{rule.id}: {[e.message for e in result.errors]}")
    return [f for f in result.findings if f.rule == rule.id]


def check_example(registry: "Registry", rule: "Rule", example: "Example") -> None:
    """Raise :class:`AssertionError` unless ``rule`` flags (or passes) ``example`` as it says."""
    found = example_findings(registry, rule, example)
    if example.flag and example.count is not None and len(found) != example.count:
        raise AssertionError(f"{rule.id} ska ge {example.count} fynd i {example.text!r}, gav {len(found)}")
    if example.flag and not found:
        raise AssertionError(f"{rule.id} ska markera {example.text!r}")
    if not example.flag and found:
        raise AssertionError(f"{rule.id} ska inte markera {example.text!r}: {[f.matched for f in found]}")
