"""Plugins: the installed examples, broken plugins, strict mode, and the new-plugin skeleton.

Broken plugins are installed for real, as a ``*.dist-info`` with an entry
point in a folder put on ``sys.path``: the same path as ``pip install``.
"""

from __future__ import annotations

import itertools
import json
import runpy
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dokumentanalys.cli import main
from dokumentanalys.plugins import PluginError, load_registry
from dokumentanalys.scaffold import plugin_names, render_plugin
from dokumentanalys.testing import check_example, example_cases

TEXT = "# Riktlinje\n\nAnsökan görs av föreningens talesman.\n"
_counter = itertools.count()


def install_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, *, files: dict[str, str] | None = None) -> str:
    """Install a one-module plugin under a fresh name; returns the entry-point name."""
    n = next(_counter)
    name, module = f"trasig{n}", f"dokumentanalys_trasig{n}_test"
    site = tmp_path / f"site{n}"
    site.mkdir()
    (site / f"{module}.py").write_text(source, encoding="utf-8")
    for relative, text in (files or {}).items():
        (site / relative).write_text(text, encoding="utf-8")
    info = site / f"dokumentanalys_trasig{n}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: dokumentanalys-trasig{n}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[dokumentanalys]\n{name} = {module}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    return name


# --- the example plugins in plugins/ ---------------------------------------------------------


def test_example_plugins_are_installed_and_listed() -> None:
    result = CliRunner().invoke(main, ["plugins", "--json", "--no-config"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    infos = {i["name"]: i for i in json.loads(result.stdout)}
    platsannons, odt, husstil = infos["platsannons"], infos["odt"], infos["husstil"]
    assert (platsannons["distribution"], platsannons["version"], platsannons["status"]) == ("dokumentanalys-platsannons", "0.1.0", "ok")
    assert platsannons["kinds"] == ["platsannons"] and len(platsannons["rules"]) == 3
    assert odt["formats"] == ["odt"] and odt["status"] == "ok"
    assert husstil["status"] == "avstängd" and husstil["rules"] == []
    assert infos["dokumentanalys.rules_code.builtin"]["builtin"] is True


def test_plugins_text_listing() -> None:
    result = CliRunner().invoke(main, ["plugins", "--no-config"], catch_exceptions=False)
    assert "platsannons (dokumentanalys-platsannons 0.1.0) – ok" in result.output
    assert "  dokumenttyper: platsannons" in result.output
    assert "  inläsning: odt" in result.output
    assert "husstil (dokumentanalys-husstil 0.1.0) – avstängd" in result.output


def test_config_can_disable_an_installed_plugin(tmp_path: Path) -> None:
    (tmp_path / "dokumentanalys.toml").write_text('[plugins]\ndisable = ["platsannons"]\n', encoding="utf-8")
    registry = load_registry(disabled=frozenset({"platsannons"}))
    assert registry.plugins["platsannons"].status == "avstängd"
    assert "platsannons" not in {k.name for k in registry.kinds}
    result = CliRunner().invoke(main, ["plugins", "--json", "--config", str(tmp_path / "dokumentanalys.toml")])
    assert {i["name"]: i["status"] for i in json.loads(result.stdout)}["platsannons"] == "avstängd"


# --- broken plugins ------------------------------------------------------------------------------

HOOK_RAISES = """
from dokumentanalys import hookimpl

@hookimpl
def register_rule_packs():
    raise RuntimeError("avsiktligt fel")
"""
BAD_PACK = """
from pathlib import Path
from dokumentanalys import hookimpl

@hookimpl
def register_rule_packs():
    return [Path(__file__).with_name("trasig_regel.toml")]
"""
MISSPELLED = """
from dokumentanalys import hookimpl

@hookimpl
def register_rule_pack():
    return []
"""
WRONG_RESULT = """
from dokumentanalys import hookimpl

@hookimpl
def register_code_rules():
    return "inte en lista"

@hookimpl
def register_extractors():
    return ["inte en extractor"]
"""
WRONG_ARGUMENTS = """
from dokumentanalys import hookimpl

@hookimpl
def register_extractors(settings):
    return []
"""
CASES = {
    "import": ("raise ImportError('beroendet finns inte')", {}, "kunde inte laddas: ImportError: beroendet finns inte"),
    "hook-raises": (HOOK_RAISES, {}, "register_rule_packs gav ett fel: RuntimeError: avsiktligt fel"),
    "bad-rule-data": (
        BAD_PACK,
        {"trasig_regel.toml": '[pack]\nid = "trasig"\n[[rule]]\nid = "trasig/x"\ncategory = "x"\nseverity = "hög"\nmessage = "x"\nmatch = [{ lemma = "x" }]\n'},
        "trasig_regel.toml: ogiltigt regelpaket (rule.0.severity",
    ),
    "misspelled-hook": (MISSPELLED, {}, "okänd krok 'register_rule_pack'"),
    "wrong-result": (WRONG_RESULT, {}, "register_code_rules ska returnera en lista"),
    "wrong-arguments": (WRONG_ARGUMENTS, {}, "insticksmodulen avvisades"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_broken_plugin_is_reported_and_the_rest_loads(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, files, expected = CASES[case]
    name = install_plugin(tmp_path, monkeypatch, source, files=files)
    registry = load_registry()
    mine = [message for plugin, message in registry.problems if plugin == name]
    assert any(expected in message for message in mine), registry.problems
    assert [p for p, _ in registry.problems if p != name] == []  # nobody else is blamed
    assert registry.plugins[name].status == "fel"
    assert {"term/talesman", "platsannons/obalans"} <= {r.id for r in registry.rules}
    assert {"pdf", "docx", "odt"} <= {e.name for e in registry.extractors}
    with pytest.raises(PluginError, match=name):
        load_registry(strict=True)


def test_wrong_result_reports_each_bad_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = install_plugin(tmp_path, monkeypatch, WRONG_RESULT)
    messages = [m for p, m in load_registry().problems if p == name]
    assert len(messages) == 2
    assert any("register_extractors gav str ('inte en extractor') där Extractor väntades" in m for m in messages)


def test_scan_goes_on_and_warns_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = install_plugin(tmp_path, monkeypatch, HOOK_RAISES)
    for n in range(3):
        (tmp_path / f"dok{n}.md").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", "--no-config", *(str(tmp_path / f"dok{n}.md") for n in range(3))])
    assert result.exit_code == 1  # the findings, not the plugin, decide the exit code
    warnings = [l for l in result.stderr.splitlines() if f"insticksmodulen {name}" in l]
    assert len(warnings) == 1 and "avsiktligt fel" in warnings[0]
    assert result.stdout.count("term/talesman") == 3


def test_strict_plugins_makes_it_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = install_plugin(tmp_path, monkeypatch, "raise ImportError('beroendet finns inte')")
    (tmp_path / "dok.md").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", "--no-config", "--strict-plugins", str(tmp_path / "dok.md")])
    assert result.exit_code == 2
    assert name in result.output and "beroendet finns inte" in result.output
    assert "term/talesman" not in result.stdout
    (tmp_path / "dokumentanalys.toml").write_text("strict-plugins = true\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["scan", str(tmp_path / "dok.md")]).exit_code == 2


def test_plugins_command_shows_the_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = install_plugin(tmp_path, monkeypatch, MISSPELLED)
    result = CliRunner().invoke(main, ["plugins", "--no-config"])
    assert result.exit_code == 1
    assert f"{name} (dokumentanalys-{name} 0.1) – fel" in result.output
    assert "problem: okänd krok 'register_rule_pack'" in result.output


CRASHING_RULE = """
from dokumentanalys import hookimpl
from dokumentanalys.engine.rule import code_rule

@code_rule(id="trasig/kraschar", category="x", severity="info", message="x", rationale="x", source="x")
def crash(document, ctx):
    raise ZeroDivisionError("avsiktligt")

@hookimpl
def register_code_rules():
    return [crash]
"""


def test_a_rule_that_crashes_is_an_error_on_the_document_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_plugin(tmp_path, monkeypatch, CRASHING_RULE)
    (tmp_path / "dok.md").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", "--no-config", "--format", "json", str(tmp_path / "dok.md")])
    (doc,) = json.loads(result.stdout)["documents"]
    assert [e["code"] for e in doc["errors"]] == ["rule/crashed"]
    assert "trasig/kraschar" in doc["errors"][0]["message"]
    assert [f["rule"] for f in doc["findings"]] == ["term/talesman"]


# --- the skeleton --------------------------------------------------------------------------------


def test_new_plugin_writes_a_working_skeleton(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(main, ["new-plugin", "min-kommun", "--directory", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    root = tmp_path / "dokumentanalys-min-kommun"
    assert sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) == sorted(render_plugin("min-kommun"))
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points.dokumentanalys]\nmin-kommun = "dokumentanalys_min_kommun"' in pyproject
    # "install" it the way pip would: the package on sys.path, its entry point in a dist-info
    info = tmp_path / "site" / "dokumentanalys_min_kommun-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: dokumentanalys-min-kommun\nVersion: 0.1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text('[dokumentanalys]\nmin-kommun = dokumentanalys_min_kommun\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.syspath_prepend(str(root / "src"))
    try:
        tests = runpy.run_path(str(root / "tests" / "test_min_kommun_rules.py"))
        registry = tests["REGISTRY"]
        assert sorted(registry.plugins["min-kommun"].rules) == ["min-kommun/dagis", "min-kommun/lang-mening"]
        tests["test_every_rule_has_examples"]()
        cases = example_cases(registry, "min-kommun")
        assert len(cases) == 7
        for rule, example in cases:
            tests["test_rule_example"](rule, example)
    finally:
        sys.modules.pop("dokumentanalys_min_kommun", None)


@pytest.mark.parametrize("name", ["Min Kommun", "1kommun", "kommun_", "å"])
def test_new_plugin_rejects_bad_names(name: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["new-plugin", name, "--directory", str(tmp_path)])
    assert result.exit_code == 2 and "Ogiltigt namn" in result.output


def test_new_plugin_does_not_overwrite(tmp_path: Path) -> None:
    (tmp_path / "dokumentanalys-exempel").mkdir()
    result = CliRunner().invoke(main, ["new-plugin", "exempel", "--directory", str(tmp_path)])
    assert result.exit_code == 2 and "finns redan" in result.output


def test_plugin_names() -> None:
    assert plugin_names("dokumentanalys-Min-Kommun") == {
        "name": "min-kommun",
        "distribution": "dokumentanalys-min-kommun",
        "module": "dokumentanalys_min_kommun",
        "test_module": "test_min_kommun_rules",
    }


ASSESSMENT_RAISES = """
from dokumentanalys import hookimpl

@hookimpl
def assess_document(document, kind):
    raise RuntimeError("avsiktligt")
"""


def test_an_assessment_that_raises_leaves_the_decision_to_the_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "# Plan för fritidsverksamheten\n\nNämnden beslutar om målen. Verksamheten ska nå flickor och pojkar lika "
        "och resultaten redovisas för kvinnor och män.\n",
        encoding="utf-8",
    )

    def scan() -> dict:
        result = CliRunner().invoke(main, ["scan", "--no-config", "--format", "json", "--fail-on", "never", str(path)])
        return json.loads(result.stdout)["documents"][0]

    before = scan()
    name = install_plugin(tmp_path, monkeypatch, ASSESSMENT_RAISES)
    after = scan()
    assert [(e["code"], name in e["message"]) for e in after["errors"]] == [("rule/crashed", True)]
    assert after["assessment"] == before["assessment"]
    assert after["findings"] == before["findings"]
