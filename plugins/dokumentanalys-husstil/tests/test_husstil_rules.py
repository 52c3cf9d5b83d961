"""The house-style rules: their examples, and that they only run when enabled."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dokumentanalys.cli import main
from dokumentanalys.plugins import load_registry
from dokumentanalys.testing import check_example, example_cases, load_plugin_registry

REGISTRY = load_plugin_registry("husstil")

FORM = """# Ansökan om plats i förskola

Sökande vårdnadshavare fyller i blanketten. Båda föräldrarna ska skriva under.
Bifoga intyg. Skicka blanketten via mail. Underskrift och personnummer."""


@pytest.mark.parametrize(("rule", "example"), example_cases(REGISTRY, "husstil"))
def test_rule_example(rule, example) -> None:
    check_example(REGISTRY, rule, example)


def test_the_plugin_is_data_only() -> None:
    info = REGISTRY.plugins["husstil"]
    assert sorted(info.rules) == [
        "husstil/forelder-i-blankett", "husstil/handikappad", "husstil/medborgare", "husstil/mejl"
    ]
    assert all(REGISTRY.rule(r).meta.pack == "husstil" for r in info.rules)  # from the TOML, no code rules
    assert all(REGISTRY.rule(r).meta.category == "house-style" for r in info.rules)


def test_off_unless_enabled() -> None:
    registry = load_registry()
    info = registry.plugins["husstil"]
    assert info.status == "avstängd" and "enable" in info.note
    assert not [r for r in registry.rules if r.id.startswith("husstil/")]
    assert registry.problems == []


def _scan(folder: Path) -> list[str]:
    result = CliRunner().invoke(main, ["scan", str(folder / "ansokan.md"), "--fail-on", "never"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [line.split()[2] for line in result.output.splitlines() if line.startswith(str(folder)) and " husstil/" in line]


def test_enabled_by_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "ansokan.md").write_text(FORM, encoding="utf-8")
    assert _scan(tmp_path) == []
    (tmp_path / "dokumentanalys.toml").write_text('[plugins]\nenable = ["husstil"]\n', encoding="utf-8")
    assert _scan(tmp_path) == ["husstil/forelder-i-blankett", "husstil/mejl"]


def test_the_distribution_name_works_too(tmp_path: Path) -> None:
    (tmp_path / "ansokan.md").write_text(FORM, encoding="utf-8")
    (tmp_path / "dokumentanalys.toml").write_text('[plugins]\nenable = ["dokumentanalys-husstil"]\n', encoding="utf-8")
    assert _scan(tmp_path) == ["husstil/forelder-i-blankett", "husstil/mejl"]
