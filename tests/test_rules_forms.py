"""Form checks (kind ``ansokan``): mor/far fields, the kön question, the applicant as du.

Forms arrive as table cells, form fields and short paragraphs; the tests
build such documents block by block, the way the DOCX and PDF extractors do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dokumentanalys.model import Block, BlockKind, Document
from dokumentanalys.pipeline import Analyzer, Settings
from dokumentanalys.plugins import Registry

_FORM_RULES = (
    "blankett/mor-far-falt",
    "blankett/bara-moderns-uppgifter",
    "blankett/kon-utan-syfte",
    "blankett/kon-oklart-vad-som-avses",
    "blankett/sokanden-i-tredje-person",
)


def _form(*cells: tuple[str, BlockKind] | str) -> Document:
    blocks = []
    for n, cell in enumerate(cells):
        text, kind = (cell, BlockKind.PARAGRAPH) if isinstance(cell, str) else cell
        extra = {"table": 0, "row": n // 3, "column": n % 3} if kind == BlockKind.TABLE_CELL else {}
        blocks.append(Block(n, kind, text, paragraph=n, **extra))
    return Document("<blankett>", "docx", blocks)


def _run(registry: Registry, document: Document, kind: str | None = "ansokan") -> list[tuple[str, str]]:
    analyzer = Analyzer(registry, Settings(kind=kind, select=_FORM_RULES))
    result = analyzer.analyze_document(document)
    assert not result.errors, result.errors
    return [(f.rule, f.matched) for f in result.findings]


def _cell(text: str) -> tuple[str, BlockKind]:
    return (text, BlockKind.TABLE_CELL)


def _field(text: str) -> tuple[str, BlockKind]:
    return (text, BlockKind.FORM_FIELD)


# --- mor/far ---------------------------------------------------------------------------


def test_each_mother_and_father_field_is_a_finding(registry: Registry) -> None:
    doc = _form(_cell("Moderns namn"), _cell("Moderns personnummer"), _cell("Faderns namn"), _cell("Faderns personnummer"))
    hits = _run(registry, doc)
    assert hits == [
        ("blankett/mor-far-falt", "Moderns namn"),
        ("blankett/mor-far-falt", "Moderns personnummer"),
        ("blankett/mor-far-falt", "Faderns namn"),
        ("blankett/mor-far-falt", "Faderns personnummer"),
    ]


def test_a_field_runs_to_its_last_field_noun(registry: Registry) -> None:
    doc = _form(_field("Mammans namn och telefonnummer"), _field("Pappans namn, adress"), "Fyll i alla fält.")
    assert [m for _, m in _run(registry, doc)] == ["Mammans namn och telefonnummer", "Pappans namn, adress"]


def test_mother_slash_father_in_one_label_is_one_field(registry: Registry) -> None:
    doc = _form(_cell("Mor/Far"), _cell("Telefon"))
    assert [m for _, m in _run(registry, doc)] == ["Mor/Far"]


def test_count_of_fields_is_in_each_message(registry: Registry) -> None:
    doc = _form(_field("Mor"), _field("Far"), _field("Mammans telefon"))
    result = Analyzer(registry, Settings(kind="ansokan", select=("blankett/mor-far-falt",))).analyze_document(doc)
    assert [f.location.block for f in result.findings] == [0, 1, 2]
    for finding in result.findings:
        assert "(ett av 3 sådana fält)" in finding.message
    assert "”Mammans telefon”" in result.findings[2].message


def test_single_father_field_is_reported_without_count(registry: Registry) -> None:
    doc = _form("Ansökan om skolskjuts", _cell("Faderns namn"))
    (finding,) = Analyzer(registry, Settings(kind="ansokan", select=("blankett/mor-far-falt",))).analyze_document(doc).findings
    assert "sådana fält" not in finding.message and finding.matched == "Faderns namn"


@pytest.mark.parametrize(
    "labels",
    [
        ("Mamma:", "Pappa:"),
        ("Barnets mor", "Barnets far"),
        ("Förälder 1 (mor)", "Förälder 2 (far)"),
        ("Mor/Far",),
        ("Pappa, telefon",),
    ],
)
def test_label_shapes(registry: Registry, labels: tuple[str, ...]) -> None:
    doc = _form("Ansökan om skolskjuts", *(_cell(label) for label in labels))
    assert [rule for rule, _ in _run(registry, doc)] == ["blankett/mor-far-falt"] * len(labels)


@pytest.mark.parametrize(
    "text",
    [
        "Om barnet far illa ska du kontakta socialtjänsten.",
        "Skolan samarbetar med barnets mor- och farföräldrar.",
        "Vi använder modern teknik för att hantera ansökan.",
        "Du kan söka bidrag om du är mamma eller pappa till ett barn under 18 år.",
        "Vi skickar beslutet till den vårdnadshavare som du anger.",
    ],
)
def test_running_text_is_not_a_label(registry: Registry, text: str) -> None:
    assert _run(registry, _form(text)) == []


def test_paternity_forms_are_skipped(registry: Registry) -> None:
    doc = _form("Bekräftelse av faderskap", _cell("Moderns namn"), _cell("Faderns namn"))
    assert _run(registry, doc) == []


def test_mother_only(registry: Registry) -> None:
    doc = _form(_cell("Barnets namn"), _cell("Mammans namn"), _cell("Mammans telefonnummer"))
    assert _run(registry, doc) == [("blankett/bara-moderns-uppgifter", "Mammans")]


def test_form_rules_only_run_on_forms(registry: Registry) -> None:
    doc = _form(_cell("Mor"), _cell("Far"), "Kön: ☐ Kvinna ☐ Man")
    assert _run(registry, doc, kind="styrdokument") == []


# --- kön ---------------------------------------------------------------------------------


def test_sex_in_table_cells(registry: Registry) -> None:
    doc = _form(_cell("Kön"), _cell("☐ Kvinna"), _cell("☐ Man"))
    assert _run(registry, doc) == [("blankett/kon-utan-syfte", "Kön")]


def test_purpose_anywhere_in_the_form_is_enough(registry: Registry) -> None:
    doc = _form(
        _cell("Kön"),
        _cell("Kvinna"),
        _cell("Man"),
        "Om personuppgifter",
        "Vi frågar om ditt kön för att kunna följa upp att bidragen fördelas jämställt. "
        "Vi menar ditt juridiska kön.",
    )
    assert _run(registry, doc) == []


def test_purpose_in_the_next_sentence_or_about_girls_and_boys(registry: Registry) -> None:
    doc = _form(
        "Ange antalet deltagare per kön. Uppgifterna används för att följa upp hur bidragen fördelas mellan flickor och pojkar.",
        _field("Antal flickor"),
        _field("Antal pojkar"),
        _field("Antal deltagare som inte vill ange kön"),
    )
    found = [rule for rule, _ in _run(registry, doc)]
    assert "blankett/kon-utan-syfte" not in found


def test_purpose_words_far_from_any_sex_question_do_not_count(registry: Registry) -> None:
    doc = _form(_cell("Kön"), _cell("Kvinna"), _cell("Man"), "Ansökan används för att fördela bidrag.", "Namn: ______")
    assert ("blankett/kon-utan-syfte", "Kön") in _run(registry, doc)


def test_purpose_without_definition_gives_the_definition_hint(registry: Registry) -> None:
    doc = _form(_cell("Kön"), _cell("Kvinna"), _cell("Man"), _cell("Annat"), "Uppgiften om kön används för statistik.")
    assert _run(registry, doc) == [("blankett/kon-oklart-vad-som-avses", "Kön")]


def test_two_and_three_options_are_treated_alike(registry: Registry) -> None:
    two = _run(registry, _form("Kön: ☐ Kvinna ☐ Man"))
    three = _run(registry, _form("Kön: ☐ Kvinna ☐ Man ☐ Annat"))
    assert two == three == [("blankett/kon-utan-syfte", "Kön")]


@pytest.mark.parametrize(
    "text",
    [
        "Statistiken redovisas per kön och ålder.",
        "Sökanden kan vara kvinna eller man.",
        "Vi behandlar inte uppgifter om kön.",
        "Skönlitteratur och facklitteratur lånas ut.",
    ],
)
def test_prose_about_sex_is_not_a_question(registry: Registry, text: str) -> None:
    assert [rule for rule, _ in _run(registry, _form(text)) if rule.startswith("blankett/kon")] == []


# --- du, not sökanden -------------------------------------------------------------------


def test_third_person_applicant(registry: Registry) -> None:
    doc = _form(_cell("Sökandens namn"), "Sökanden intygar att uppgifterna är riktiga.", "Sökanden ska bifoga intyg.")
    assert _run(registry, doc) == [("blankett/sokanden-i-tredje-person", "Sökanden")]


def test_third_person_is_fine_when_the_form_also_says_du(registry: Registry) -> None:
    doc = _form("Sökanden ska bifoga intyg.", "Har du frågor? Ring oss.")
    assert _run(registry, doc) == []


def test_through_a_text_file(tmp_path: Path, registry: Registry) -> None:
    path = tmp_path / "blankett.txt"
    path.write_text(
        "Ansökan om bidrag\n\nSökandens namn: ______  Personnummer: ______\n\n"
        "Mor: ______\n\nFar: ______\n\nKön: ☐ Kvinna ☐ Man\n\n"
        "Bifoga bilagor. Datum och underskrift.\n",
        encoding="utf-8",
    )
    result = Analyzer(registry, Settings()).analyze(path)
    assert result.kind == "ansokan"
    rules = {f.rule for f in result.findings}
    assert {"blankett/mor-far-falt", "blankett/kon-utan-syfte"} <= rules
    assert "blankett/sokanden-i-tredje-person" not in rules


# --- a partner of one sex --------------------------------------------------------------------


def test_wife_field_is_one_finding_at_the_first(registry: Registry) -> None:
    analyzer = Analyzer(registry, Settings(kind="ansokan", select=("blankett/antagen-partner",)))
    doc = _form(_field("Sökandens inkomst"), _field("Hustruns inkomst"), _field("Hustruns personnummer"))
    result = analyzer.analyze_document(doc)
    assert [(f.rule, f.matched, f.location.block) for f in result.findings] == [
        ("blankett/antagen-partner", "Hustruns inkomst", 1)
    ]
    assert "Hustruns inkomst" in result.findings[0].message


@pytest.mark.parametrize(
    "labels",
    [
        ("Inkomst för make, maka eller sambo",),
        ("Partnerns inkomst",),
        ("Hustru/sambo, namn",),
        ("Makes eller makas namn",),
    ],
)
def test_partner_fields_that_name_the_alternatives(registry: Registry, labels: tuple[str, ...]) -> None:
    analyzer = Analyzer(registry, Settings(kind="ansokan", select=("blankett/antagen-partner",)))
    assert analyzer.analyze_document(_form(*(_field(label) for label in labels))).findings == []
