"""Follow-up over time: the history file, `compare`, and both across two runs where a document was fixed."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from dokumentanalys.cli import main
from dokumentanalys.report.base import Report
from dokumentanalys.report.compare import CompareError, compare, load_report, render_markdown, render_text, to_data
from dokumentanalys.report.history import HistoryError, append_history, entry_for, read_history
from dokumentanalys.report.json import render as render_json

from test_report_samples import finding, policy_with_perspective, policy_without_perspective, sample_report


# --- history --------------------------------------------------------------------------


def test_history_appends_one_line_per_run(tmp_path: Path) -> None:
    path = tmp_path / "historik" / "indikatorer.jsonl"
    first = entry_for(sample_report(), date="2026-03-31")
    assert first["indicators"]["styrdokument_with_perspective"] == 0.5
    assert first["indicator_counts"]["styrdokument_with_perspective"] == [1, 2]
    append_history(path, first)
    later = Report([policy_with_perspective()], generated="2026-06-30T09:00:00+02:00")
    entries = append_history(path, entry_for(later, label="kvartal 2"))
    assert [e["date"] for e in entries] == ["2026-03-31", "2026-06-30"]
    assert entries[1]["label"] == "kvartal 2"
    assert entries[1]["indicators"]["styrdokument_with_perspective"] == 1.0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all(json.loads(line)["schema"] == "dokumentanalys/history/v1" for line in lines)
    assert read_history(path) == entries


def test_history_is_sorted_by_date_and_missing_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    assert read_history(path) == []
    append_history(path, entry_for(sample_report(), date="2026-06-30"))
    append_history(path, entry_for(sample_report(), date="2025-12-31"))
    assert [e["date"] for e in read_history(path)] == ["2025-12-31", "2026-06-30"]


@pytest.mark.parametrize("content", ["inte json\n", '{"date": 3}\n', "[1, 2]\n"])
def test_broken_history_gives_a_swedish_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "h.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(HistoryError, match="[Hh]istorikfilen|historikpost"):
        read_history(path)


def test_bad_date_is_refused() -> None:
    with pytest.raises(HistoryError, match="ÅÅÅÅ-MM-DD"):
        entry_for(sample_report(), date="31/3 2026")


# --- compare --------------------------------------------------------------------------


def test_compare_finds_fixed_new_and_unchanged() -> None:
    before = policy_without_perspective()
    after = policy_without_perspective()
    # the unsplit statistics were fixed, a new gendered term appeared, the text moved (offsets change)
    after.findings = [
        replace(f, location=replace(f.location, start=(f.location.start or 0) + 40))
        for f in after.findings
        if f.category != "unsplit-statistics"
    ] + [finding("term/talesman", block=30, start=5, excerpt="Vår talesman svarar.", matched="talesman")]
    after.assessment = replace(after.assessment, gender_marker=1)
    result = compare([before], [after], "kv1", "kv2")
    (diff,) = result.documents
    assert [f.rule for f in diff.fixed] == ["stat/ej-konsuppdelad"]
    assert [f.rule for f in diff.added] == ["term/talesman"]
    assert sorted(a.rule for a, _ in diff.unchanged) == ["perspektiv/saknas", "term/tjansteman"]
    assert diff.marker_changed and diff.status == "ändrad"
    text = render_text(result)
    assert "1 åtgärdade, 1 nya, 2 kvarstående fynd." in text
    assert "jämställdhetsmarkör 0 – jämställdhetsperspektiv saknas → 1 – jämställdhetsperspektiv finns" in text
    data = to_data(result)
    assert data["totals"] == {"fixed": 1, "new": 1, "unchanged": 2}
    assert "**Åtgärdat**" in render_markdown(result)


def test_compare_pairs_two_versions_of_one_document() -> None:
    old = policy_without_perspective()
    new = replace(policy_without_perspective(), path="mapp/fritidspolicy-v2.pdf", findings=[])
    result = compare([old], [new])
    (diff,) = result.documents
    assert diff.old is old and diff.new is new
    assert len(diff.fixed) == 3 and not diff.added


def test_compare_reports_added_and_removed_documents() -> None:
    result = compare([policy_without_perspective(), policy_with_perspective()], [policy_with_perspective()])
    statuses = {d.path: d.status for d in result.documents}
    assert statuses == {"mapp/jamstalldhetsplan.docx": "oförändrad", "mapp/fritidspolicy.pdf": "borttagen"}


def test_a_finding_repeated_in_the_same_sentence_is_matched_one_to_one() -> None:
    old = replace(policy_with_perspective(), findings=[finding(), finding(start=50)])
    new = replace(policy_with_perspective(), findings=[finding()])
    (diff,) = compare([old], [new]).documents
    assert len(diff.unchanged) == 1 and len(diff.fixed) == 1


def test_load_report_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "rapport.json"
    report = sample_report()
    path.write_text(render_json(report), encoding="utf-8")
    documents, header = load_report(path)
    assert [d.path for d in documents] == [d.path for d in report.documents]
    assert documents[0].findings[0] == report.documents[0].findings[0]
    assert documents[0].gender_marker == 0 and documents[3].errors[0].code == "read/no-text-layer"
    assert header["version"] == "0.1.0"
    (tmp_path / "annan.json").write_text('{"schema": "något/annat"}', encoding="utf-8")
    with pytest.raises(CompareError, match="ingen JSON-rapport"):
        load_report(tmp_path / "annan.json")


# --- the CLI across two runs in which one document was fixed ----------------------------------


def test_history_and_compare_across_two_runs(tmp_path: Path) -> None:
    folder = tmp_path / "styrdokument"
    folder.mkdir()
    plan = folder / "plan.md"
    plan.write_text("# Plan för lokalvård\n\nEn städerska anställs. Ansvarig tjänsteman svarar på frågor.\n", encoding="utf-8")
    (folder / "riktlinje.md").write_text(
        "# Riktlinje för bidrag\n\nAnsökan skickas in av föreningens talesman senast den 1 mars.\n", encoding="utf-8"
    )
    history = tmp_path / "indikatorer.jsonl"
    runner = CliRunner()
    common = ["--fail-on", "never", "--no-cache", "--jobs", "1", "--history", str(history)]
    first = runner.invoke(main, ["scan", str(folder), "--format", "json", "--output", str(tmp_path / "kv1.json"), *common])
    assert first.exit_code == 0, first.output
    plan.write_text("# Plan för lokalvård\n\nEn lokalvårdare anställs. Ansvarig handläggare svarar på frågor.\n", encoding="utf-8")
    second = runner.invoke(main, ["scan", str(folder), "--format", "json", "--output", str(tmp_path / "kv2.json"), *common])
    assert second.exit_code == 0, second.output
    html = runner.invoke(main, ["scan", str(folder), "--format", "html", "--output", str(tmp_path / "r.html"), "--fail-on", "never", "--no-cache", "--jobs", "1"])
    assert html.exit_code == 0, html.output

    entries = read_history(history)
    assert len(entries) == 2
    assert entries[0]["by_category"]["gendered-term"] > entries[1]["by_category"]["gendered-term"]

    res = runner.invoke(main, ["compare", str(tmp_path / "kv1.json"), str(tmp_path / "kv2.json"), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    by_path = {Path(d["new_path"]).name: d for d in data["documents"]}
    assert {f["matched"] for f in by_path["plan.md"]["fixed"]} >= {"städerska", "tjänsteman"}
    assert by_path["plan.md"]["new"] == []
    assert by_path["riktlinje.md"]["status"] == "oförändrad" and by_path["riktlinje.md"]["unchanged"]

    # an old report against today's folder, failing on new findings: none are new
    res = runner.invoke(main, ["compare", str(tmp_path / "kv1.json"), str(folder), "--fail-on-new"])
    assert res.exit_code == 0, res.output
    assert "åtgärdade" in res.output
    # and the other way round the fixed words come back as new
    res = runner.invoke(main, ["compare", str(tmp_path / "kv2.json"), str(tmp_path / "kv1.json"), "--fail-on-new"])
    assert res.exit_code == 1


def test_scan_history_shows_the_trend_in_html(tmp_path: Path) -> None:
    doc = tmp_path / "policy.md"
    doc.write_text("# Policy\n\nAnsvarig tjänsteman svarar.\n", encoding="utf-8")
    history = tmp_path / "h.jsonl"
    history.write_text(
        json.dumps({"date": "2025-12-31", "indicators": {"styrdokument_with_perspective": 0.2, "documents_with_unsplit_statistics": 0.7}}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.html"
    res = CliRunner().invoke(main, ["scan", str(doc), "--format", "html", "--output", str(out), "--history", str(history), "--fail-on", "never", "--no-cache", "--jobs", "1"])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert "Utveckling över tid" in page and "<svg" in page and "31 dec 2025" in page
    assert len(read_history(history)) == 2


def test_broken_history_is_a_usage_error(tmp_path: Path) -> None:
    doc = tmp_path / "policy.md"
    doc.write_text("# Policy\n\nText.\n", encoding="utf-8")
    history = tmp_path / "h.jsonl"
    history.write_text("trasig rad\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["scan", str(doc), "--history", str(history), "--no-cache", "--jobs", "1"])
    assert res.exit_code == 2
    assert "trasig rad 1" in res.output
    assert history.read_text(encoding="utf-8") == "trasig rad\n"


def test_csv_delimiter_option(tmp_path: Path) -> None:
    doc = tmp_path / "policy.md"
    doc.write_text("# Policy\n\nAnsvarig tjänsteman svarar.\n", encoding="utf-8")
    out = tmp_path / "r.csv"
    res = CliRunner().invoke(main, ["scan", str(doc), "--format", "csv", "--csv-delimiter", ",", "--output", str(out), "--fail-on", "never", "--no-cache", "--jobs", "1"])
    assert res.exit_code == 0, res.output
    header = out.read_bytes().decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Dokument,Titel,")
