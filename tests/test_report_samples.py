"""Synthetic results for the reporter tests, and tests of the shared labels.

The reporter tests build their input here instead of running the analyser,
so that every category, severity, marker and hostile text is covered whatever
the rules find today. Import with ``from test_report_samples import ...``.
"""

from __future__ import annotations

from dokumentanalys.engine.rule import RuleMeta
from dokumentanalys.model import (
    Assessment,
    DocumentError,
    DocumentResult,
    Finding,
    Location,
    Severity,
)
from dokumentanalys.report.base import Report, clean_text
from dokumentanalys.report.labels import (
    category_label,
    categories_in,
    document_label,
    excerpt_segments,
    kind_label,
    percent,
)

HOSTILE = '<script>alert("x")</script> & =HYPERLINK("http://example.invalid") | *fet* [länk](javascript:alert(1))'


def finding(
    rule: str = "term/talesman",
    category: str = "gendered-term",
    severity: str = "error",
    *,
    excerpt: str = "Ansökan skickas in av föreningens talesman senast den 1 mars.",
    matched: str = "talesman",
    block: int | None = 3,
    start: int | None = 34,
    page: int | None = None,
    line: int | None = 7,
    kind: str | None = "paragraph",
    message: str = "”talesman” är en könsbunden titel; skriv talesperson.",
    suggestions: tuple[str, ...] = ("talesperson",),
    source: str = "Isof, Frågelådan",
) -> Finding:
    end = None if start is None else start + len(matched)
    return Finding(
        rule=rule,
        category=category,
        severity=Severity(severity),
        message=message,
        location=Location(block=block, start=start, end=end, page=page, line=line, kind=kind),
        excerpt=excerpt,
        suggestions=suggestions,
        source=source,
        matched=matched,
    )


def policy_without_perspective() -> DocumentResult:
    return DocumentResult(
        path="mapp/fritidspolicy.pdf",
        format="pdf",
        kind="styrdokument",
        title="Fritidspolicy 2027",
        pages=4,
        blocks=40,
        findings=[
            finding(
                "stat/ej-konsuppdelad",
                "unsplit-statistics",
                "warning",
                excerpt="Förvaltningen har 1 200 anställda och 340 av dem arbetar deltid.",
                matched="1 200 anställda",
                block=12,
                start=18,
                page=2,
                line=None,
                message="Statistiken om personer är inte uppdelad på kvinnor och män.",
                suggestions=("Redovisa antalet kvinnor och män.",),
                source="SCB, Statistiklagen",
            ),
            finding(
                "perspektiv/saknas",
                "missing-gender-perspective",
                "warning",
                excerpt="",
                matched="",
                block=None,
                start=None,
                line=None,
                kind=None,
                message="Dokumentet handlar om människor men nämner aldrig kvinnor och män.",
                suggestions=("Beskriv hur insatserna fördelas mellan kvinnor och män.",),
                source="Jämställdhetsmyndigheten",
            ),
            finding(
                "term/tjansteman",
                "gendered-term",
                "warning",
                excerpt="Ansvarig tjänsteman svarar inom en vecka.",
                matched="tjänsteman",
                block=20,
                start=9,
                page=3,
                line=None,
                message="”tjänsteman” är en könsbunden benämning.",
                suggestions=("tjänsteperson", "handläggare"),
            ),
        ],
        assessment=Assessment(0, (), "Inga ord om kvinnor, män eller kön hittades i dokumentet."),
    )


def policy_with_perspective() -> DocumentResult:
    return DocumentResult(
        path="mapp/jamstalldhetsplan.docx",
        format="docx",
        kind="styrdokument",
        title="Jämställdhetsplan",
        blocks=25,
        findings=[
            finding(
                "stereotyp/flickor-ordentliga",
                "stereotype",
                "info",
                excerpt="Flickor är ofta mer ordentliga än pojkar.",
                matched="Flickor är ofta mer ordentliga",
                block=4,
                start=0,
                line=None,
                kind="table-cell",
                message="Meningen tillskriver flickor en egenskap utifrån kön.",
                suggestions=("Beskriv det faktiska beteendet utan att koppla det till kön.",),
            )
        ],
        assessment=Assessment(1, ("kvinnor och män", "könsuppdelad statistik"), "Dokumentet redovisar statistik uppdelad på kön."),
    )


def hostile_form() -> DocumentResult:
    """A form whose text tries HTML, Markdown, CSV formula and control-character injection."""
    excerpt = f"Sökanden {HOSTILE}\x00\x1b[31m ska bifoga intyg om han har det."
    return DocumentResult(
        path="mapp/<blankett>&.md",
        format="md",
        kind="ansokan",
        title=HOSTILE,
        blocks=5,
        findings=[
            finding(
                "pronomen/han-generisk",
                "generic-masculine",
                "error",
                excerpt=excerpt,
                matched="han",
                block=2,
                start=len(excerpt) - 13,
                line=3,
                message=f"=SUM(A1:A2) {HOSTILE}",
                suggestions=("+hen eller omskrivning", "-den sökande", "@vårdnadshavare"),
                source="\tkälla\rmed styrtecken",
            ),
            finding(
                "plugin/egen-regel",
                "plain-language",
                "info",
                excerpt="En mycket lång mening.",
                matched="lång",
                block=4,
                start=9,
                line=5,
                message="Meningen är lång.",
                suggestions=(),
                source="",
            ),
        ],
        assessment=Assessment(None, (), "Dokumentet är en blankett."),
    )


def unreadable() -> DocumentResult:
    return DocumentResult(
        path="mapp/inskannad.pdf",
        format="pdf",
        errors=[DocumentError("read/no-text-layer", "PDF-filen saknar textlager och kan inte granskas.")],
    )


RULES = {
    "term/talesman": RuleMeta(
        id="term/talesman",
        category="gendered-term",
        severity=Severity.ERROR,
        message="”talesman” är en könsbunden titel.",
        suggestions=("talesperson",),
        rationale="Titeln förutsätter att personen är en man.",
        source="Isof, Frågelådan",
        url="https://frageladan.isof.se/visasvar.py?svar=26282",
        name="Könsbunden titel: talesman",
    ),
    "term/tjansteman": RuleMeta(
        id="term/tjansteman",
        category="gendered-term",
        severity=Severity.WARNING,
        message="”tjänsteman” är en könsbunden benämning.",
        rationale="Ordet förutsätter en man.",
        source="Isof",
        url="javascript:alert(1)",
    ),
    "pronomen/han-generisk": RuleMeta(
        id="pronomen/han-generisk",
        category="generic-masculine",
        severity=Severity.ERROR,
        message="”han” om en okänd person.",
        rationale=HOSTILE,
        source="Språkrådet",
    ),
}


def sample_documents() -> list[DocumentResult]:
    return [policy_without_perspective(), policy_with_perspective(), hostile_form(), unreadable()]


def sample_report(history: list | None = None) -> Report:
    report = Report(sample_documents(), generated="2026-03-31T14:05:00+02:00", version="0.1.0", rules=dict(RULES))
    if history is not None:
        report.extra["history"] = history
    return report


# --- tests of the shared labels and helpers -------------------------------------------


def test_category_labels_are_swedish_and_plugins_fall_back_to_their_id() -> None:
    assert category_label("gendered-term") == "Könsbundna ord"
    assert category_label("missing-gender-perspective") == "Saknat jämställdhetsperspektiv"
    assert category_label("plain-language") == "plain-language"
    assert categories_in([hostile_form()])[-1] == "plain-language"
    assert categories_in([hostile_form()])[:6] == [
        "gendered-term",
        "generic-masculine",
        "stereotype",
        "gender-marking",
        "unsplit-statistics",
        "missing-gender-perspective",
    ]


def test_kind_and_document_labels() -> None:
    assert kind_label("ansokan") == "Ansökan eller blankett"
    assert kind_label(None) == "Okänd typ"
    assert document_label(unreadable()) == "inskannad.pdf"
    assert document_label(policy_with_perspective()) == "Jämställdhetsplan"


def test_percent_is_rounded_swedish_style() -> None:
    assert percent(0.4567) == "46 %"
    assert percent(None) == "–"
    assert percent(1.0) == "100 %"


def test_excerpt_segments_mark_the_matched_words() -> None:
    segments = excerpt_segments(finding())
    assert [text for text, hit in segments if hit] == ["talesman"]
    assert "".join(text for text, _ in segments) == "Ansökan skickas in av föreningens talesman senast den 1 mars."
    no_match = finding(matched="ordförande")
    assert excerpt_segments(no_match) == [(no_match.excerpt, False)]


def test_clean_text_removes_control_characters() -> None:
    assert clean_text("a\x00b\x1b[31mc\r\nd\x85e") == "a b [31mc\nd e"
    assert clean_text("rad 1\nrad 2", keep_newlines=False) == "rad 1 rad 2"
