"""The command line, through click's runner and once through a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dokumentanalys import __version__
from dokumentanalys.cli import main

GOOD = "# Riktlinje för bidrag\n\nAnsökan görs av föreningens talesman. Tjänstemännen svarar inom en vecka.\n"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "bra.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "trasig.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    (tmp_path / "text.docx").write_text("Det här är ingen Word-fil.", encoding="utf-8")
    return tmp_path


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_version() -> None:
    result = _run("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


def test_text_output_has_locations_and_suggestions(tmp_path: Path) -> None:
    path = tmp_path / "bra.md"
    path.write_text(GOOD, encoding="utf-8")
    result = _run("scan", str(path))
    assert result.exit_code == 1  # warnings and errors found, default --fail-on warning
    lines = [l for l in result.output.splitlines() if "term/" in l]
    assert len(lines) == 2
    talesman = next(l for l in lines if "term/talesman" in l)
    # path:line:block:offset: severity rule message → suggestion
    assert talesman.startswith(f"{path}:r3:b1:")
    assert " fel term/talesman " in talesman
    assert talesman.endswith("→ talesperson")


def test_json_output_follows_the_contract(tmp_path: Path) -> None:
    path = tmp_path / "bra.md"
    path.write_text(GOOD, encoding="utf-8")
    result = _run("scan", str(path), "--format", "json")
    data = json.loads(result.output)
    assert data["schema"] == "dokumentanalys/report/v1"
    (doc,) = data["documents"]
    assert doc["path"] == str(path) and doc["format"] == "md"
    assert {"kind", "gender_marker", "findings", "errors"} <= set(doc)
    finding = next(f for f in doc["findings"] if f["rule"] == "term/tjansteman")
    assert set(finding) >= {"rule", "category", "severity", "message", "suggestions", "location", "excerpt", "source"}
    assert finding["category"] == "gendered-term"
    loc = finding["location"]
    block_text = "Ansökan görs av föreningens talesman. Tjänstemännen svarar inom en vecka."
    assert block_text[loc["start"] : loc["end"]] == "Tjänstemännen"
    assert loc["block"] == 1 and loc["kind"] == "paragraph"


@pytest.mark.parametrize(("fail_on", "code"), [("never", 0), ("error", 1), ("warning", 1), ("info", 1)])
def test_fail_on(tmp_path: Path, fail_on: str, code: int) -> None:
    path = tmp_path / "bra.md"
    path.write_text(GOOD, encoding="utf-8")
    assert _run("scan", str(path), "--fail-on", fail_on, "-q").exit_code == code


def test_fail_on_error_ignores_warnings(tmp_path: Path) -> None:
    path = tmp_path / "bara-varning.txt"
    path.write_text("Tjänstemännen svarar inom en vecka.", encoding="utf-8")
    assert _run("scan", str(path), "--fail-on", "error", "--select", "term/").exit_code == 0


def test_bad_inputs_are_reported_and_the_rest_goes_on(folder: Path) -> None:
    missing = folder / "finns-inte.pdf"
    result = _run("scan", str(folder), str(missing), "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.output)
    by_name = {Path(d["path"]).name: d for d in data["documents"]}
    assert set(by_name) == {"bra.md", "trasig.pdf", "text.docx", "finns-inte.pdf"}
    assert by_name["bra.md"]["findings"] and not by_name["bra.md"]["errors"]
    assert [e["code"] for e in by_name["trasig.pdf"]["errors"]] == ["read/corrupt-pdf"]
    assert [e["code"] for e in by_name["text.docx"]["errors"]] == ["read/wrong-format"]
    assert [e["code"] for e in by_name["finns-inte.pdf"]["errors"]] == ["read/not-found"]
    for name in ("trasig.pdf", "text.docx", "finns-inte.pdf"):
        (err,) = by_name[name]["errors"]
        assert "\n" not in err["message"] and "Traceback" not in err["message"]


def test_text_errors_are_one_swedish_line_each(folder: Path) -> None:
    result = _run("scan", str(folder))
    assert result.exit_code == 2
    errors = [l for l in result.output.splitlines() if ": fel read/" in l]
    assert len(errors) == 2
    assert any("text.docx: fel read/wrong-format Filen har ändelsen .docx men innehållet är vanlig text" in l for l in errors)
    assert any("PDF-filen är skadad" in l for l in errors)
    assert "Traceback" not in result.output


def test_output_file_is_written(tmp_path: Path) -> None:
    path = tmp_path / "bra.md"
    path.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "rapport" / "r.json"
    result = _run("scan", str(path), "-f", "json", "-o", str(out), "-q")
    assert result.exit_code == 1
    assert json.loads(out.read_text(encoding="utf-8"))["documents"][0]["findings"]


def test_unknown_format_and_kind_are_usage_errors(tmp_path: Path) -> None:
    path = tmp_path / "bra.md"
    path.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", str(path), "--format", "pdfx"])
    assert result.exit_code == 2 and "Okänt format" in result.output
    result = CliRunner().invoke(main, ["scan", str(path), "--kind", "roman"])
    assert result.exit_code == 2 and "Okänd dokumenttyp" in result.output


def test_rules_and_explain() -> None:
    listing = _run("rules")
    assert listing.exit_code == 0
    assert "term/tjansteman" in listing.output and "gendered-term" in listing.output
    explained = _run("explain", "term/tjansteman")
    assert explained.exit_code == 0
    for heading in ("Vad regeln gör", "Varför är det ett problem?", "Exempel", "Skriv i stället", "Källor"):
        assert heading in explained.output
    unknown = CliRunner().invoke(main, ["explain", "term/finns-inte"])
    assert unknown.exit_code == 2 and "finns inte" in unknown.output


def test_real_process(folder: Path) -> None:
    """The installed console script, as a user runs it."""
    exe = Path(sys.executable).with_name("dokumentanalys")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "dokumentanalys"]
    proc = subprocess.run(cmd + ["scan", str(folder / "bra.md"), "--format", "json"], capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert {f["rule"] for f in data["documents"][0]["findings"]} >= {"term/talesman", "term/tjansteman"}
    proc = subprocess.run(cmd + ["scan", str(folder)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
