"""``dokumentanalys new-plugin NAME``: write the skeleton of a plugin package.

The skeleton is the minimal plugin that ``docs/plugins.md`` walks through,
file for file (``tests/test_docs.py`` checks that the page and these
templates agree): a ``pyproject.toml`` with the entry point, one data rule
in a TOML pack, one code rule, a README and a test module that runs the
rules' examples.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

__all__ = ["ScaffoldError", "plugin_names", "render_plugin", "write_plugin"]


class ScaffoldError(Exception):
    """The skeleton cannot be written; the message is Swedish."""


def plugin_names(name: str) -> dict[str, str]:
    """``name`` -> the names the skeleton uses (distribution, module, rule prefix)."""
    short = name.strip().lower()
    if short.startswith("dokumentanalys-"):
        short = short[len("dokumentanalys-") :]
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", short):
        raise ScaffoldError(
            f"Ogiltigt namn {name!r}: använd små bokstäver a–z, siffror och bindestreck, t.ex. 'min-kommun'."
        )
    return {
        "name": short,
        "distribution": f"dokumentanalys-{short}",
        "module": "dokumentanalys_" + short.replace("-", "_"),
        "test_module": "test_" + short.replace("-", "_") + "_rules",
    }


_PYPROJECT = Template('''\
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "$distribution"
version = "0.1.0"
description = "Egna regler för dokumentanalys"
requires-python = ">=3.11"
dependencies = ["dokumentanalys>=0.1"]

# dokumentanalys finds the plugin through this entry point.
[project.entry-points.dokumentanalys]
$name = "$module"

[tool.setuptools.package-data]
$module = ["*.toml"]
''')

_INIT = Template('''\
"""$distribution: a plugin for dokumentanalys."""

from importlib.resources import files

from dokumentanalys import hookimpl
from dokumentanalys.engine.rule import code_rule


@hookimpl
def register_rule_packs():
    """The data rules: rules.toml, shipped inside this package."""
    return [files(__name__) / "rules.toml"]


@code_rule(
    id="$name/lang-mening",
    category="plain-language",
    severity="info",
    message="Meningen har mer än 35 ord och blir svår att läsa.",
    suggestions=["Dela upp meningen i två eller fler."],
    rationale="Långa meningar är svårare att förstå, särskilt för den som läser på sitt andraspråk.",
    source="Isof, Klarspråkshjälpen",
    limitations="Gränsen 35 ord är vald för exemplets skull.",
    flag=["Den som söker bidrag ska " + "fylla i och skicka in alla uppgifter " * 6 + "i tid."],
    pass_=["Skicka in ansökan senast den 1 mars.", "Fyll i alla uppgifter. Skicka sedan in blanketten."],
)
def long_sentence(document, ctx):
    for ablock, sentence in document.iter_sentences():
        words = [t for t in ablock.sentence_tokens(sentence) if t.is_alpha]
        if len(words) > 35:
            yield ctx.finding(
                ablock,
                sentence.char_start,
                sentence.char_end,
                message=f"Meningen har {len(words)} ord och blir svår att läsa.",
            )


@hookimpl
def register_code_rules():
    return [long_sentence]
''')

_RULES = Template('''\
[pack]
id = "$name"
name = "Egna regler"

[[rule]]
id = "$name/dagis"
category = "plain-language"
severity = "info"
message = "”{match}” är vardagligt; skriv förskola."
suggestions = ["förskola"]
rationale = "Förskola är det ord som skollagen och kommunens beslut använder; dagis är vardagligt."
source = "Skollagen (2010:800) 8 kap."
match = [{ forms = ["dagis", "dagiset", "dagisets"] }]
flag = ["Barnet går på dagis.", "Dagiset stänger klockan fem."]
pass = ["Barnet går i förskola.", "Förskolan stänger klockan fem."]
''')

_TEST = Template('''\
import pytest

from dokumentanalys.testing import check_example, example_cases, load_plugin_registry

REGISTRY = load_plugin_registry("$name")


@pytest.mark.parametrize(("rule", "example"), example_cases(REGISTRY, "$name"))
def test_rule_example(rule, example):
    check_example(REGISTRY, rule, example)


def test_every_rule_has_examples():
    rules = [r for r in REGISTRY.rules if r.meta.plugin == "$name"]
    assert rules
    for rule in rules:
        assert rule.meta.flag_examples and rule.meta.pass_examples, rule.id
''')

_README = Template('''\
# $distribution

Egna regler för dokumentanalys: en dataregel (`$name/dagis` i
`src/$module/rules.toml`) och en kodregel (`$name/lang-mening` i
`src/$module/__init__.py`).

```sh
pip install -e .
dokumentanalys plugins            # $name ska stå med, status ok
dokumentanalys explain $name/dagis
pytest tests
```
''')


def render_plugin(name: str) -> dict[str, str]:
    """The skeleton's files: relative path -> text."""
    names = plugin_names(name)
    module = names["module"]
    return {
        "pyproject.toml": _PYPROJECT.substitute(names),
        "README.md": _README.substitute(names),
        f"src/{module}/__init__.py": _INIT.substitute(names),
        f"src/{module}/rules.toml": _RULES.substitute(names),
        f"tests/{names['test_module']}.py": _TEST.substitute(names),
    }


def write_plugin(name: str, directory: str | Path = ".") -> Path:
    """Write the skeleton into ``directory/dokumentanalys-NAME``; returns that folder."""
    names = plugin_names(name)
    root = Path(directory) / names["distribution"]
    if root.exists():
        raise ScaffoldError(f"{root} finns redan; välj ett annat namn eller en annan mapp med --directory.")
    files = render_plugin(name)
    try:
        for relative, text in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ScaffoldError(f"{root}: kunde inte skriva skelettet ({exc.strerror or exc}).") from exc
    return root
