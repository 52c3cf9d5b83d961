"""The configuration file: discovery, validation, and how it combines with flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dokumentanalys.cli import main
from dokumentanalys.config import Config, ConfigError, find_config, glob_matches, load_config, resolve_config

TEXT = (
    "# Riktlinje för föreningsbidrag\n\n"
    "Ansökan görs av föreningens talesman. Tjänstemännen på förvaltningen svarar inom en vecka.\n\n"
    "Kontakta en tjänsteman om du har frågor. Bidraget söks via mail.\n"
)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _scan(*args: str):
    return CliRunner().invoke(main, ["scan", *args], catch_exceptions=False)


def _findings(*args: str) -> list[dict]:
    result = _scan(*args, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    return [f for d in json.loads(result.stdout)["documents"] for f in d["findings"]]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    _write(tmp_path / "dokument" / "riktlinje.md", TEXT)
    return tmp_path


# --- discovery -------------------------------------------------------------------------


def test_found_by_walking_up_from_the_scanned_file(project: Path) -> None:
    config = _write(project / "dokumentanalys.toml", 'ignore = ["term/talesman"]\n')
    assert find_config(project / "dokument" / "riktlinje.md") == config
    assert find_config(project / "dokument") == config
    assert resolve_config([str(project / "dokument" / "riktlinje.md")]).path == config.resolve()


def test_nearest_file_wins_and_nothing_is_merged(project: Path) -> None:
    _write(project / "dokumentanalys.toml", 'ignore = ["term/talesman"]\nfail-on = "error"\n')
    near = _write(project / "dokument" / "pyproject.toml", '[tool.dokumentanalys]\nignore = ["term/tjansteman"]\n')
    config = resolve_config([str(project / "dokument" / "riktlinje.md")])
    assert config.path == near.resolve()
    assert config.ignore == ("term/tjansteman",)
    assert config.fail_on is None  # not inherited from the file further up


def test_pyproject_without_our_table_is_passed_over(project: Path) -> None:
    root = _write(project / "dokumentanalys.toml", "select = []\n")
    _write(project / "dokument" / "pyproject.toml", '[project]\nname = "annat"\n')
    _write(project / "dokument" / "sub" / "pyproject.toml", "this is [ not toml")
    assert find_config(project / "dokument" / "sub") == root


def test_dokumentanalys_toml_before_pyproject_in_the_same_folder(project: Path) -> None:
    own = _write(project / "dokumentanalys.toml", "select = []\n")
    _write(project / "pyproject.toml", "[tool.dokumentanalys]\nselect = []\n")
    assert find_config(project) == own


def test_no_file_gives_the_empty_configuration(tmp_path: Path) -> None:
    found = find_config(tmp_path)
    assert found is None or tmp_path not in found.parents  # nothing in the project; above it is not ours
    assert resolve_config([str(tmp_path)], isolated=True) == Config()


def test_config_flag_overrides_discovery_and_no_config_skips_it(project: Path) -> None:
    _write(project / "dokumentanalys.toml", 'ignore = ["term/"]\n')
    other = _write(project / "annan.toml", 'ignore = ["term/talesman"]\n')
    doc = str(project / "dokument")
    assert {f["rule"] for f in _findings(doc)} & {"term/talesman", "term/tjansteman"} == set()
    assert {f["rule"] for f in _findings(doc, "--config", str(other))} >= {"term/tjansteman"}
    assert "term/talesman" not in {f["rule"] for f in _findings(doc, "--config", str(other))}
    assert {f["rule"] for f in _findings(doc, "--no-config")} >= {"term/tjansteman", "term/talesman"}


# --- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "value", "words"),
    [
        ('[severity]\n"term/tjansteman" = "hög"\n', 'severity."term/tjansteman"', "'hög'", "error, warning eller info"),
        ('ignor = ["term/"]\n', "ignor", "", "menade du 'ignore'"),
        ('fail-on = "ofta"\n', "fail-on", "'ofta'", "never"),
        ('select = "term/"\n', "select", "'term/'", "lista"),
        ('select = ["term/", 3]\n', "select[1]", "3", "text"),
        ('[plugins]\nenable = ["husstil"]\ndisable = ["husstil"]\n', "plugins", "['husstil']", "både"),
        ('[plugins]\nactivate = ["husstil"]\n', "plugins.activate", "", "enable, disable"),
        ('[kinds]\n"blanketter/**" = 3\n', 'kinds."blanketter/**"', "3", "dokumenttyp"),
        ('strict-plugins = "ja"\n', "strict-plugins", "'ja'", "true eller false"),
        ('[[term]]\nword = "mail"\n', "term[0].id", "", "saknas"),
        ('[[term]]\nid = "hus/mail"\n', "term[0].word", "", "word, words eller forms"),
        ('[[term]]\nid = "hus/mail"\nword = "mail"\nseverity = "hög"\n', "term[0].severity", "'hög'", "tillåtet"),
        ('[[term]]\nid = "Hus Mail"\nword = "mail"\n', "term[0].id", "'Hus Mail'", "ogiltigt id"),
        ('[[term]]\nid = "hus/mail"\nword = "mail"\n"använd" = ["e-post"]\n', 'term[0]."använd"', "", "okänd nyckel"),
        (
            '[[term]]\nid = "hus/mail"\nword = "mail"\n[[term]]\nid = "hus/mail"\nword = "mejl"\n',
            "term[1].id",
            "'hus/mail'",
            "term[0]",
        ),
        ('packs = ["finns-inte.toml"]\n', "packs[0]", "'finns-inte.toml'", "finns inte"),
    ],
)
def test_errors_name_file_key_and_value(tmp_path: Path, text: str, key: str, value: str, words: str) -> None:
    path = _write(tmp_path / "dokumentanalys.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path.resolve()}: {key}")
    if value:
        assert f"{key} = {value}:" in message
    assert words in message


def test_keys_in_pyproject_are_named_with_their_table(tmp_path: Path) -> None:
    path = _write(tmp_path / "pyproject.toml", '[tool.dokumentanalys]\nfail-on = "ofta"\n')
    with pytest.raises(ConfigError, match=r"tool\.dokumentanalys\.fail-on = 'ofta'"):
        load_config(path)


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "dokumentanalys.toml", "select = [\n")
    with pytest.raises(ConfigError, match="ogiltig TOML") as info:
        load_config(path)
    assert str(path) in str(info.value)


def test_cli_reports_config_errors_with_exit_2(project: Path) -> None:
    _write(project / "dokumentanalys.toml", '[severity]\n"term/tjansteman" = "hög"\n')
    result = _scan(str(project / "dokument"))
    assert result.exit_code == 2
    assert "dokumentanalys.toml: severity.\"term/tjansteman\" = 'hög'" in result.output
    assert "Traceback" not in result.output


def test_unknown_kind_in_kinds_is_an_error(project: Path) -> None:
    _write(project / "dokumentanalys.toml", '[kinds]\n"dokument/**" = "blankett"\n')
    result = _scan(str(project / "dokument"))
    assert result.exit_code == 2
    assert "kinds.\"dokument/**\" = 'blankett': okänd dokumenttyp" in result.output


def test_selectors_that_match_nothing_are_warnings(project: Path) -> None:
    _write(project / "dokumentanalys.toml", 'ignore = ["term/tjänsteman"]\n[plugins]\nenable = ["finns-inte"]\n')
    result = _scan(str(project / "dokument"), "--fail-on", "never")
    assert result.exit_code == 0
    assert "ignore = 'term/tjänsteman' matchar ingen installerad regel" in result.stderr
    assert "plugins.enable: insticksmodulen 'finns-inte' är inte installerad" in result.stderr


# --- what the settings do ----------------------------------------------------------------------


def test_ignoring_a_rule_in_the_file_removes_exactly_its_findings(project: Path) -> None:
    doc = str(project / "dokument")
    before = _findings(doc)
    assert sum(f["rule"] == "term/tjansteman" for f in before) == 2
    _write(project / "dokumentanalys.toml", 'ignore = ["term/tjansteman"]\n')
    after = _findings(doc)
    assert after == [f for f in before if f["rule"] != "term/tjansteman"]


def test_select_flag_replaces_the_file_and_ignore_flag_adds_to_it(project: Path) -> None:
    doc = str(project / "dokument")
    _write(project / "dokumentanalys.toml", 'select = ["term/talesman"]\n')
    assert {f["rule"] for f in _findings(doc)} == {"term/talesman"}
    assert {f["rule"] for f in _findings(doc, "--select", "term/tjansteman")} == {"term/tjansteman"}
    _write(project / "dokumentanalys.toml", 'select = ["term/"]\nignore = ["term/talesman"]\n')
    assert {f["rule"] for f in _findings(doc)} == {"term/tjansteman"}
    assert _findings(doc, "--ignore", "term/tjansteman") == []


def test_fail_on_flag_beats_the_file(project: Path) -> None:
    doc = str(project / "dokument")
    _write(project / "dokumentanalys.toml", 'select = ["term/tjansteman"]\nfail-on = "error"\n')  # warnings only
    assert _scan(doc).exit_code == 0
    assert _scan(doc, "--fail-on", "warning").exit_code == 1


def test_severity_overrides_exact_id_then_prefix_then_category(project: Path) -> None:
    doc = str(project / "dokument")
    _write(
        project / "dokumentanalys.toml",
        '[severity]\n"gendered-term" = "error"\n"term/" = "info"\n"term/talesman" = "warning"\n',
    )
    severities = {f["rule"]: f["severity"] for f in _findings(doc, "--select", "term/")}
    assert severities == {"term/talesman": "warning", "term/tjansteman": "info"}
    _write(project / "dokumentanalys.toml", '[severity]\n"gendered-term" = "info"\n')
    assert {f["severity"] for f in _findings(doc, "--select", "term/")} == {"info"}


def test_extra_terms_become_rules(project: Path) -> None:
    _write(
        project / "dokumentanalys.toml",
        '[[term]]\nid = "hus/mejl"\nforms = ["mail", "mailen"]\nuse = ["e-post"]\n'
        '[[term]]\nid = "hus/forelder"\nforms = ["förälder", "föräldern", "förälderns"]\nuse = "vårdnadshavare"\n'
        'kinds = ["ansokan"]\nseverity = "error"\n',
    )
    (finding,) = [f for f in _findings(str(project / "dokument")) if f["rule"].startswith("hus/")]
    assert finding["rule"] == "hus/mejl" and finding["category"] == "house-style"
    assert finding["severity"] == "warning"
    assert finding["message"] == "”mail” följer inte organisationens skrivregler; skriv e-post."
    assert finding["suggestions"] == ["e-post"]
    form = _write(project / "blanketter" / "ansokan.md", "Förälderns underskrift krävs.\n")
    hits = [f for f in _findings(str(form), "--kind", "ansokan") if f["rule"] == "hus/forelder"]
    assert [(h["severity"], h["matched"]) for h in hits] == [("error", "Förälderns")]
    assert not [f for f in _findings(str(form), "--kind", "styrdokument") if f["rule"] == "hus/forelder"]


def test_extra_terms_are_listed_and_explained(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(project / "dokumentanalys.toml", '[[term]]\nid = "hus/mejl"\nword = "mail"\nuse = ["e-post"]\n')
    monkeypatch.chdir(project)
    listed = CliRunner().invoke(main, ["rules", "--json"], catch_exceptions=False)
    rule = next(r for r in json.loads(listed.stdout) if r["id"] == "hus/mejl")
    assert rule["plugin"] == "config"
    explained = CliRunner().invoke(main, ["explain", "hus/mejl"], catch_exceptions=False)
    assert "Skriv i stället" in explained.output and "e-post" in explained.output


def test_kind_globs(project: Path) -> None:
    text = "Ansökan görs av föreningens talesman.\n"
    form = _write(project / "blanketter" / "bidrag" / "ansokan.md", text)
    other = _write(project / "ovrigt" / "ansokan.md", text)
    _write(project / "dokumentanalys.toml", '[kinds]\n"blanketter/**" = "ansokan"\n"*.md" = "styrdokument"\n')

    def kinds(*args: str) -> dict[str, str]:
        result = _scan(str(project / "blanketter"), str(project / "ovrigt"), "--format", "json", "--fail-on", "never", *args)
        return {Path(d["path"]).parent.name: d["kind"] for d in json.loads(result.stdout)["documents"]}

    assert kinds() == {"bidrag": "ansokan", "ovrigt": "styrdokument"}  # first matching glob wins
    assert kinds("--kind", "other") == {"bidrag": "other", "ovrigt": "other"}  # the flag beats the file
    assert form.exists() and other.exists()


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("blanketter/**", "blanketter/a.docx", True),
        ("blanketter/**", "blanketter/x/y/a.docx", True),
        ("blanketter/", "blanketter/x/a.docx", True),
        ("blanketter/*", "blanketter/x/a.docx", False),
        ("blanketter/**", "andra/blanketter/a.docx", False),
        ("**/blanketter/*.docx", "andra/blanketter/a.docx", True),
        ("*.docx", "djupt/ned/a.docx", True),
        ("ansokan-?.pdf", "x/ansokan-1.pdf", True),
        ("ansokan-?.pdf", "x/ansokan-12.pdf", False),
    ],
)
def test_glob_semantics(tmp_path: Path, pattern: str, path: str, expected: bool) -> None:
    assert glob_matches(pattern, tmp_path / path, tmp_path) is expected


def test_paths_outside_the_config_folder_match_only_name_globs(tmp_path: Path) -> None:
    root = tmp_path / "projekt"
    assert not glob_matches("blanketter/**", tmp_path / "blanketter" / "a.docx", root)
    assert glob_matches("*.docx", tmp_path / "blanketter" / "a.docx", root)
