"""`pip install` the plugin, then `dokumentanalys scan annons.docx` with no other flag."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from dokumentanalys.cli import main

SKEWED = [
    ("Title", "Projektledare till Exempelkommunen"),
    ("Heading 1", "Om tjänsten"),
    ("Normal", "Vi söker en driven och resultatorienterad projektledare som är självständig och analytisk."),
    ("Heading 1", "Din profil"),
    ("Normal", "Du är en naturlig ledare, tävlingsinriktad och lyhörd."),
    ("Heading 1", "Kvalifikationer"),
    ("Normal", "Högskoleexamen. Det är meriterande med erfarenhet av offentlig sektor."),
    ("Normal", "Tillsvidareanställning på heltid. Sista ansökningsdag 15 maj. Välkommen med din ansökan!"),
]
BALANCED = [
    ("Title", "Undersköterska till Solgården"),
    ("Normal", "Vi söker en undersköterska som är självständig och omtänksam."),
    ("Heading 1", "Om tjänsten"),
    ("Normal", "Dina arbetsuppgifter är omvårdnad och dokumentation. Du är analytisk och lyhörd."),
    ("Normal", "Sista ansökningsdag 15 maj. Välkommen med din ansökan!"),
]


def _docx(path: Path, paragraphs: list[tuple[str, str]]) -> Path:
    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    document.save(str(path))
    return path


def _scan(*args: str):
    return CliRunner().invoke(main, ["scan", "--no-config", *args], catch_exceptions=False)


@pytest.fixture()
def annons(tmp_path: Path) -> Path:
    return _docx(tmp_path / "annons.docx", SKEWED)


def test_text_report_has_coded_words_and_the_balance(annons: Path) -> None:
    result = _scan(str(annons))
    lines = result.output.splitlines()
    agentic = [l for l in lines if " platsannons/agentiskt-ord " in l]
    communal = [l for l in lines if " platsannons/kommunalt-ord " in l]
    assert {l.split("”")[1] for l in agentic} == {
        "driven", "resultatorienterad", "självständig", "analytisk", "ledare", "tävlingsinriktad"
    }
    assert [l.split("”")[1] for l in communal] == ["lyhörd"]
    (balance,) = [l for l in lines if " platsannons/obalans " in l]
    assert "Annonsen väger över mot agentiska ord (6 agentiska, 1 kommunala; balans +0,71)" in balance
    assert "platsannons, " in result.output  # the kind in the summary line
    assert result.exit_code == 0  # info only; default --fail-on warning


def test_json_report_has_the_balance_in_metadata(annons: Path) -> None:
    data = json.loads(_scan(str(annons), "--format", "json").stdout)
    (doc,) = data["documents"]
    assert doc["kind"] == "platsannons"
    assert doc["gender_marker"] is None
    balance = doc["metadata"]["job_ad_balance"]
    assert (balance["agentic"], balance["communal"], balance["balance"]) == (6, 1, 0.71)
    assert balance["communal_words"] == ["lyhörd"]


def test_a_balanced_ad_gets_counts_but_no_balance_finding(tmp_path: Path) -> None:
    path = _docx(tmp_path / "balans.docx", BALANCED)
    data = json.loads(_scan(str(path), "--format", "json").stdout)
    (doc,) = data["documents"]
    rules = [f["rule"] for f in doc["findings"]]
    assert "platsannons/obalans" not in rules
    assert rules.count("platsannons/agentiskt-ord") == 2 and rules.count("platsannons/kommunalt-ord") == 2
    assert doc["metadata"]["job_ad_balance"]["balance"] == 0.0


def test_ignoring_the_balance_rule_keeps_the_word_findings(annons: Path) -> None:
    full = json.loads(_scan(str(annons), "--format", "json").stdout)["documents"][0]["findings"]
    less = json.loads(_scan(str(annons), "--format", "json", "--ignore", "platsannons/obalans").stdout)[
        "documents"
    ][0]["findings"]
    assert less == [f for f in full if f["rule"] != "platsannons/obalans"]
