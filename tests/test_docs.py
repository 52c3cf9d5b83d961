"""docs/plugins.md agrees with the code: hook headings, the skeleton, the examples, the links."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest

from dokumentanalys import hookspecs
from dokumentanalys.plugins import load_registry
from dokumentanalys.scaffold import render_plugin
from dokumentanalys.testing import check_example, example_cases

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGE = (DOCS / "plugins.md").read_text(encoding="utf-8")


def _signature(fn: object) -> str:
    sig = inspect.signature(fn)  # type: ignore[arg-type]
    params = ", ".join(
        f"{name}: {str(p.annotation).strip(chr(39) + chr(34))}" for name, p in sig.parameters.items()
    )
    return f"{fn.__name__}({params}) -> {str(sig.return_annotation).strip(chr(39) + chr(34))}"  # type: ignore[attr-defined]


SPECS = {name: fn for name, fn in vars(hookspecs).items() if hasattr(fn, "dokumentanalys_spec")}


def _hook_sections() -> dict[str, str]:
    """Heading text (without backticks) -> the section's text, for the hook reference."""
    reference = PAGE.split("\n## Hook reference\n", 1)[1].split("\n## ", 1)[0]
    parts = re.split(r"^### (.+)$", reference, flags=re.M)
    return {parts[i].strip().strip("`"): parts[i + 1] for i in range(1, len(parts), 2)}


def test_every_hook_has_a_heading_spelled_as_its_signature() -> None:
    assert SPECS, "no hookspecs found"
    assert set(_hook_sections()) == {_signature(fn) for fn in SPECS.values()}


@pytest.mark.parametrize("heading", sorted(_hook_sections()))
def test_every_hook_section_has_when_return_example_and_link(heading: str) -> None:
    section = _hook_sections()[heading]
    assert "**When:**" in section and "**Return:**" in section
    assert "```python" in section
    assert re.search(r"\]\(\.\./(plugins|src)/[^)]+\)", section), "link to a plugin or built-in that implements it"


def _examples() -> list[tuple[str, str]]:
    return [(h, m.group(1)) for h, s in _hook_sections().items() for m in re.finditer(r"```python\n(.*?)```", s, re.S)]


@pytest.mark.parametrize(("heading", "code"), _examples(), ids=[h.split("(")[0] for h, _ in _examples()])
def test_hook_examples_load_as_plugins(
    heading: str, code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each example, saved as a package next to the skeleton's rules.toml, loads without problems."""
    name = heading.split("(")[0]
    package = tmp_path / f"docs_example_{name}"
    package.mkdir()
    (package / "__init__.py").write_text(code, encoding="utf-8")
    (package / "rules.toml").write_text(render_plugin("exempel")["src/dokumentanalys_exempel/rules.toml"], encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module(package.name)
    registry = load_registry(load_entrypoints=False, extra=(module,))
    assert registry.problems == []
    hook = getattr(registry.pm.hook, name)
    assert any(impl.plugin is module for impl in hook.get_hookimpls()), f"the example does not implement {name}"
    for rule, example in example_cases(registry):
        if rule.id.startswith("exempel/"):
            check_example(registry, rule, example)


def test_the_skeleton_on_the_page_is_what_new_plugin_writes() -> None:
    blocks = dict(re.findall(r"<!-- skeleton: (\S+) -->\n```\w*\n(.*?)```", PAGE, re.S))
    written = render_plugin("exempel")
    assert blocks == {path: text for path, text in written.items() if path != "README.md"}


def test_local_links_resolve() -> None:
    for page in ("plugins.md", "configuration.md"):
        text = (DOCS / page).read_text(encoding="utf-8")
        for target in re.findall(r"\]\((?!https?:|#)([^)#]+)", text):
            assert (DOCS / target).exists(), f"{page}: {target}"
