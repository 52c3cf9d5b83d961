"""HTML, Markdown, CSV and SARIF: each parsed back and checked, hostile text included."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from dokumentanalys.report import csv as csv_report
from dokumentanalys.report import html as html_report
from dokumentanalys.report import markdown as md_report
from dokumentanalys.report import sarif as sarif_report
from dokumentanalys.report.base import Report

from test_report_samples import HOSTILE, hostile_form, policy_with_perspective, sample_report

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


# --- HTML ---------------------------------------------------------------------------


class Collect(HTMLParser):
    """Elements, attributes and text of an HTML page, as the browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.marks: list[str] = []
        self.text: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "link", "br", "img", "input", "line", "circle", "path"):
            self._stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] == "script":
            self.scripts.append(data)
        elif self._stack and self._stack[-1] == "mark":
            self.marks.append(data)
        self.text.append(data)


def parse(page: str) -> Collect:
    parser = Collect()
    parser.feed(page)
    parser.close()
    return parser


def test_html_is_self_contained_and_swedish() -> None:
    page = html_report.render(sample_report())
    doc = parse(page)
    assert page.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "sv"}) in doc.tags
    # no network: no external scripts, styles, images or fonts
    for tag, attrs in doc.tags:
        assert not (tag in ("script", "img", "iframe") and attrs.get("src")), (tag, attrs)
        assert tag != "link"
    assert "@import" not in page and "url(" not in page
    text = " ".join(doc.text)
    for label in ("Översikt", "Könsbundna ord", "Statistik utan könsuppdelning", "Saknat jämställdhetsperspektiv", "Skriv i stället"):
        assert label in text


def test_html_escapes_document_text() -> None:
    page = html_report.render(sample_report())
    doc = parse(page)
    # the only script is ours; the document's <script> is text
    assert len(doc.scripts) == 1 and "alert" not in doc.scripts[0]
    assert sum(1 for tag, _ in doc.tags if tag == "script") == 1
    assert "&lt;script&gt;alert(" in page
    # and it reads back as the very text of the document
    assert HOSTILE in "".join(doc.text)
    # javascript: links from rule data never become links
    assert all(not (attrs.get("href") or "").lower().startswith("javascript") for _, attrs in doc.tags)
    # control characters from the document are gone
    assert "\x00" not in page and "\x1b" not in page


def test_html_marks_the_flagged_words_and_shows_locations() -> None:
    doc = parse(html_report.render(sample_report()))
    assert "tjänsteman" in doc.marks and "1 200 anställda" in doc.marks and "han" in doc.marks
    text = " ".join(doc.text)
    assert "s. 2, block 12" in text and "rad 3, block 2" in text
    assert "Jämställdhetsmarkör: 0 – jämställdhetsperspektiv saknas" in text
    assert "Inga ord om kvinnor, män eller kön hittades i dokumentet." in text
    assert "kunde inte läsas" in text.lower()


def test_html_overview_links_to_each_document() -> None:
    report = sample_report()
    doc = parse(html_report.render(report))
    ids = {attrs.get("id") for _, attrs in doc.tags if attrs.get("id")}
    links = [attrs["href"] for tag, attrs in doc.tags if tag == "a" and (attrs.get("href") or "").startswith("#dok-")]
    assert len(links) == len(report.documents)
    assert all(link[1:] in ids for link in links)
    sortable = [attrs for tag, attrs in doc.tags if tag == "table" and "sortable" in (attrs.get("class") or "")]
    assert len(sortable) == 1


def test_html_single_document_has_no_overview_table() -> None:
    page = html_report.render(Report([policy_with_perspective()], generated="2026-01-01T10:00:00+01:00"))
    doc = parse(page)
    assert not any(tag == "table" for tag, _ in doc.tags)
    assert "Jämställdhetsplan" in " ".join(doc.text)


def test_html_trend_chart_from_history() -> None:
    history = [
        {"date": "2025-09-30", "indicators": {"styrdokument_with_perspective": 0.25, "documents_with_unsplit_statistics": 0.5}},
        {"date": "2025-12-31", "indicators": {"styrdokument_with_perspective": 0.5, "documents_with_unsplit_statistics": None}},
        {"date": "2026-03-31", "indicators": {"styrdokument_with_perspective": 0.75, "documents_with_unsplit_statistics": 0.25}},
    ]
    page = html_report.render(sample_report(history))
    doc = parse(page)
    circles = [attrs for tag, attrs in doc.tags if tag == "circle"]
    assert len(circles) == 5  # one value is missing
    chart = html_report.trend_chart(history)
    assert chart is not None
    first = chart.series[0].points
    # higher share is higher up: y decreases as the share grows
    assert first[0][1] > first[1][1] > first[2][1]
    assert [p[3] for p in first] == ["25 %", "50 %", "75 %"]
    assert "31 mar 2026" in " ".join(doc.text)
    assert html_report.trend_chart([]) is None


# --- Markdown -----------------------------------------------------------------------


def test_markdown_escapes_markup() -> None:
    text = md_report.render(sample_report())
    assert "<script>" not in text
    assert r"\<script\>" in text
    assert "[länk](javascript" not in text
    assert r"\[länk\]" in text
    assert "\x00" not in text and "\x1b" not in text
    # a table row keeps its column count even with '|' in a title
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    widths = {len([c for c in row.replace(r"\|", "").split("|")]) for row in rows}
    assert len(widths) == 1


def test_markdown_structure() -> None:
    text = md_report.render(sample_report())
    assert text.startswith("# Granskningsrapport")
    assert "## Översikt" in text
    assert "### Könsbundna ord (1)" in text
    assert "**tjänsteman**" in text
    assert "Skriv i stället: tjänsteperson / handläggare" in text
    assert "Andel styrdokument med jämställdhetsperspektiv (markör 1 eller 2): **50 %** (1 av 2)" in text


# --- CSV ----------------------------------------------------------------------------


def read_csv(data: bytes, delimiter: str = ";") -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def test_csv_one_row_per_finding() -> None:
    report = sample_report()
    rows = read_csv(csv_report.render(report))
    findings = sum(len(d.findings) for d in report.documents)
    unreadable = sum(1 for d in report.documents if not d.findings)
    assert len(rows) == findings + unreadable
    assert list(rows[0]) == list(csv_report.COLUMNS)
    row = next(r for r in rows if r["Regel"] == "term/tjansteman")
    assert row["Kategori"] == "Könsbundna ord" and row["Kategori-id"] == "gendered-term"
    assert row["Sida"] == "3" and row["Block"] == "20" and row["Träff"] == "tjänsteman"
    assert row["Förslag"] == "tjänsteperson / handläggare"
    scanned = next(r for r in rows if r["Dokument"].endswith("inskannad.pdf"))
    assert "textlager" in scanned["Meddelande"]


def test_csv_semicolon_by_default_for_swedish_excel() -> None:
    data = csv_report.render(sample_report())
    header = data.decode("utf-8-sig").splitlines()[0]
    assert header.split(";") == list(csv_report.COLUMNS)


def test_csv_comma_and_formula_injection() -> None:
    report = sample_report()
    report.extra["csv_delimiter"] = ","
    data = csv_report.render(report)
    rows = read_csv(data, ",")
    hostile = next(r for r in rows if r["Regel"] == "pronomen/han-generisk")
    assert hostile["Meddelande"].startswith("'=SUM(A1:A2)")
    assert hostile["Förslag"].startswith("'+hen")
    assert hostile["Källa"].startswith("'")  # started with a tab
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
            assert "\x00" not in value and "\x1b" not in value
    assert b"\r\n" in data


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("-2", "'-2"), ("\t=1", "'\t=1"), ("\x00=1", "' =1"), ("vanlig text", "vanlig text"), (3, "3"), (None, "")],
)
def test_safe_cell(value: object, expected: str) -> None:
    assert csv_report.safe_cell(value) == expected


# --- SARIF --------------------------------------------------------------------------


def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return jsonschema.Draft4Validator(schema)


def test_sarif_validates_against_the_oasis_schema() -> None:
    log = json.loads(sarif_report.render(sample_report()))
    errors = sorted(sarif_validator().iter_errors(log), key=str)
    assert not errors, errors[:3]


def test_the_schema_rejects_broken_sarif() -> None:
    log = json.loads(sarif_report.render(sample_report()))
    log["runs"][0]["results"][0]["level"] = "fel"
    assert list(sarif_validator().iter_errors(log))


def test_sarif_rules_and_results() -> None:
    report = sample_report()
    log = json.loads(sarif_report.render(report))
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == sum(len(d.findings) for d in report.documents)
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
        assert result["partialFingerprints"]
    talesman = next(r for r in rules if r["id"] == "term/tjansteman")
    assert "Ordet förutsätter en man." in talesman["help"]["text"]
    assert "helpUri" not in talesman  # javascript: URLs are dropped
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels["stereotyp/flickor-ordentliga"] == "note"
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["descriptor"]["id"] == "read/no-text-layer"
    assert run["invocations"][0]["executionSuccessful"] is False
    uris = {a["location"]["uri"] for a in run["artifacts"]}
    assert "mapp/%3Cblankett%3E%26.md" in uris


def test_sarif_finds_line_and_column_in_text_files(tmp_path: Path) -> None:
    path = tmp_path / "riktlinje.md"
    path.write_text("# Rubrik\n\nFörsta stycket.\nAnsökan skickas av föreningens talesman.\n", encoding="utf-8")
    doc = hostile_form()
    doc.path, doc.format = str(path), "md"
    f = doc.findings[0]
    from dataclasses import replace

    doc.findings = [replace(f, matched="talesman", location=replace(f.location, line=3))]
    log = sarif_report.to_sarif(Report([doc]))
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (4, 32, 40)
    assert not list(sarif_validator().iter_errors(log))
