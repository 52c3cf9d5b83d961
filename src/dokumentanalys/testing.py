"""Helpers for plugin tests: run the ``flag``/``pass`` examples of a plugin's rules.

A plugin's test module can be three lines plus imports (this is what
``dokumentanalys new-plugin`` writes)::

    from dokumentanalys.testing import check_example, example_cases, load_plugin_registry

    REGISTRY = load_plugin_registry("exempel")

    @pytest.mark.parametrize(("rule", "example"), example_cases(REGISTRY, "exempel"))
    def test_rule_example(rule, example):
        check_example(REGISTRY, rule, example)

An example text is read like a small document (:func:`document_from_text`):
blank lines separate paragraphs, ``#`` starts a heading, ``|`` a table row
and ``- `` a list item.
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
    """A rule example (a string) as a Document, read as the core example tests read it.

    Blank lines separate paragraphs; a line starting with ``#`` is a heading
    (``##`` level 2, ...) and the lines after it a paragraph; a line starting
    with ``|`` is a table row (cells split on ``|``, ``|---|`` rows skipped);
    lines starting with ``- `` are list items.
    """
    blocks: list[Block] = []
    table_no = -1
    for n, chunk in enumerate(_chunks(text)):
        first = chunk[0].strip()
        if first.startswith("|"):
            table_no += 1
            rows = [r for r in (_cells(line) for line in chunk) if not all(set(c) <= set("-: ") for c in r)]
            for row, cells in enumerate(rows):
                for column, cell in enumerate(cells):
                    if cell:
                        blocks.append(Block(len(blocks), BlockKind.TABLE_CELL, cell, paragraph=n, table=table_no, row=row, column=column))
        elif first.startswith("#"):
            level = len(first) - len(first.lstrip("#"))
            blocks.append(Block(len(blocks), BlockKind.HEADING, first.lstrip("#").strip(), paragraph=n, level=level))
            rest = " ".join(line.strip() for line in chunk[1:])
            if rest:
                blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, rest, paragraph=n))
        elif first.startswith("- "):
            for item in chunk:
                blocks.append(Block(len(blocks), BlockKind.LIST_ITEM, item.strip()[2:], paragraph=n))
        else:
            blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, " ".join(line.strip() for line in chunk), paragraph=n))
    title = next((b.text for b in blocks if b.kind == BlockKind.HEADING), None)
    return Document(path, "txt", blocks, title=title)


def _chunks(text: str) -> list[list[str]]:
    chunks: list[list[str]] = [[]]
    for line in text.strip().splitlines():
        if line.strip():
            chunks[-1].append(line)
        elif chunks[-1]:
            chunks.append([])
    return [c for c in chunks if c]


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


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
