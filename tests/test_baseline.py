"""The baseline: accepted findings stay hidden, new ones are reported, and nothing else."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dokumentanalys.baseline import SCHEMA, Baseline, BaselineError, normalize_excerpt
from dokumentanalys.cli import main

TEXT = """# Riktlinje för föreningsbidrag

Ansökan görs av föreningens talesman.

Tjänstemännen på förvaltningen svarar inom en vecka.

Frågor besvaras av en tjänsteman på kultur och fritid."""


def _scan(*args: str):
    return CliRunner().invoke(main, ["scan", "--no-config", *args], catch_exceptions=False)


def _keys(*args: str) -> list[tuple[str, str]]:
    result = _scan(*args, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    return [(f["rule"], f["excerpt"]) for d in json.loads(result.stdout)["documents"] for f in d["findings"]]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "dokument"
    docs.mkdir()
    (docs / "riktlinje.md").write_text(TEXT, encoding="utf-8")
    return docs


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ansökan görs av föreningens talesman.", "ansökan  görs av\nföreningens TALESMAN"),
        ("”Talesman” – så står det.", '"talesman" - så står det'),
        ("Tjänste\u00admännen svarar.", "Tjänstemännen svarar"),
        ("…svarar inom en vecka…", "svarar inom en vecka"),
    ],
)
def test_excerpts_are_compared_without_typography(a: str, b: str) -> None:
    assert normalize_excerpt(a) == normalize_excerpt(b)


def test_different_sentences_stay_different() -> None:
    assert normalize_excerpt("Tjänstemannen svarar.") != normalize_excerpt("Tjänstemannen svarar inte.")


def test_round_trip_hides_every_recorded_finding(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "accepterade.json"
    before = _keys(str(folder))
    assert len(before) == 3
    written = _scan(str(folder), "--write-baseline", str(baseline))
    assert written.exit_code == 0, written.output
    assert "Skrev baslinjen" in written.stderr and "3 fynd i 1 dokument" in written.stderr
    assert written.stdout == ""  # no report when writing a baseline
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA
    assert {e["document"] for e in data["findings"]} == {"dokument/riktlinje.md"}  # relative to the baseline
    result = _scan(str(folder), "--baseline", str(baseline))
    assert result.exit_code == 0
    assert "3 fynd dolda av baslinjen" in result.stderr
    assert _keys(str(folder), "--baseline", str(baseline)) == []


def test_only_new_findings_are_reported_after_edits_elsewhere(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "accepterade.json"
    _scan(str(folder), "--write-baseline", str(baseline))
    edited = TEXT.replace(
        "# Riktlinje för föreningsbidrag\n",
        "# Riktlinje för föreningsbidrag\n\nRiktlinjen gäller från den 1 januari.\n\nEn ny inledning på två rader\nsom flyttar alla block.\n",
    ) + "\n\nEn ny mening där gärningsmannen nämns.\n\nFrågor besvaras av en tjänsteman på kultur och fritid."
    (folder / "riktlinje.md").write_text(edited, encoding="utf-8")
    after = _keys(str(folder))
    assert len(after) == 5  # 3 old (moved), 1 new term, 1 repeated sentence
    new = _keys(str(folder), "--baseline", str(baseline))
    # exactly the findings the baseline did not record: the new word, and the second copy of a sentence
    assert sorted(new) == sorted(
        [
            ("term/garningsman", "En ny mening där gärningsmannen nämns."),
            ("term/tjansteman", "Frågor besvaras av en tjänsteman på kultur och fritid."),
        ]
    )


def test_rewording_the_sentence_brings_the_finding_back(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "accepterade.json"
    _scan(str(folder), "--write-baseline", str(baseline))
    path = folder / "riktlinje.md"
    path.write_text(path.read_text(encoding="utf-8").replace("inom en vecka", "inom två dagar"), encoding="utf-8")
    result = _scan(str(folder), "--baseline", str(baseline), "--format", "json", "--fail-on", "never")
    findings = json.loads(result.stdout)["documents"][0]["findings"]
    assert [(f["rule"], f["excerpt"]) for f in findings] == [
        ("term/tjansteman", "Tjänstemännen på förvaltningen svarar inom två dagar.")
    ]
    assert "1 accepterade fynd finns inte längre" in result.stderr


def test_the_baseline_moves_with_the_folder(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "accepterade.json"
    _scan(str(folder), "--write-baseline", str(baseline))
    moved = tmp_path / "flyttad"
    moved.mkdir()
    shutil.copytree(folder, moved / "dokument")
    shutil.copy(baseline, moved / "accepterade.json")
    assert _keys(str(moved / "dokument"), "--baseline", str(moved / "accepterade.json")) == []


def test_another_document_is_not_hidden(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "accepterade.json"
    _scan(str(folder), "--write-baseline", str(baseline))
    (folder / "kopia.md").write_text(TEXT, encoding="utf-8")
    new = _keys(str(folder), "--baseline", str(baseline))
    assert len(new) == 3


def test_baseline_named_in_the_config_file(folder: Path, tmp_path: Path) -> None:
    _scan(str(folder), "--write-baseline", str(tmp_path / "accepterade.json"))
    (tmp_path / "dokumentanalys.toml").write_text('baseline = "accepterade.json"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "3 fynd dolda" in result.stderr


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "finns inte"),
        ("{inte json", "inte giltig JSON"),
        ('{"schema": "annat"}', "ingen baslinje"),
        (json.dumps({"schema": SCHEMA, "findings": [{"rule": "term/x"}]}), "findings[0]"),
    ],
)
def test_bad_baseline_files_are_usage_errors(folder: Path, tmp_path: Path, content: str | None, words: str) -> None:
    path = tmp_path / "bas.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match="bas.json") as info:
        Baseline.load(path)
    assert words in str(info.value)
    result = _scan(str(folder), "--baseline", str(path))
    assert result.exit_code == 2 and words in result.output and "Traceback" not in result.output


def test_unreadable_input_when_writing_gives_exit_2(folder: Path, tmp_path: Path) -> None:
    (folder / "trasig.docx").write_text("ingen Word-fil", encoding="utf-8")
    result = _scan(str(folder), "--write-baseline", str(tmp_path / "bas.json"))
    assert result.exit_code == 2
    assert "trasig.docx: fel read/" in result.stderr
    assert len(Baseline.load(tmp_path / "bas.json")) == 3  # what could be read is still recorded
