"""Unsplit statistics: what is a figure about people, and when a split by sex is near enough."""

from __future__ import annotations

import pytest

from dokumentanalys.model import Finding, Severity
from dokumentanalys.pipeline import Analyzer, Settings
from dokumentanalys.plugins import Registry
from dokumentanalys.testing import document_from_text

RULE = "statistik/ej-konsuppdelad"


def findings(registry: Registry, text: str) -> list[Finding]:
    analyzer = Analyzer(registry, Settings(kind="styrdokument", select=(RULE,)))
    result = analyzer.analyze_document(document_from_text(text))
    assert not result.errors, result.errors
    return [f for f in result.findings if f.rule == RULE]


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Under året deltog 120 elever i sommarskolan.", "120 elever"),
        ("Förvaltningen har 1 200 anställda.", "1 200 anställda"),
        ("Förvaltningen har 1\u00a0200 anställda.", "1\u00a0200 anställda"),
        ("Enligt enkäten är 45 % av brukarna nöjda.", "45 % av brukarna"),
        ("Enligt enkäten är 45 procent av de tillfrågade brukarna nöjda.", "45 procent av de tillfrågade brukarna"),
        ("Var tredje deltagare hade fått arbete efter ett år.", "Var tredje deltagare"),
        ("Hälften av eleverna i årskurs 9 når inte målen.", "Hälften av eleverna"),
        ("Universitetet har cirka 15 000 studenter.", "15 000 studenter"),
        ("Tre av fyra patienter fick en tid inom 30 dagar.", "Tre av fyra patienter"),
        ("Skolan har 340 gymnasieelever.", "340 gymnasieelever"),
        ("I kommunen finns 1 450 förskolebarn.", "1 450 förskolebarn"),
        ("Under våren började 14 nya medarbetare.", "14 nya medarbetare"),
        ("Varannan elev äter inte frukost.", "Varannan elev"),
        ("Andelen elever med godkända betyg var 82 procent.", "Andelen elever med godkända betyg var 82 procent"),
        ("I enkäten svarade 212 företagare, och 61 procent av dem var nöjda.", "61 procent av dem"),
        ("Under 2025 fick 688 hushåll ekonomiskt bistånd.", "688 hushåll"),
        ("Hemtjänsten har i dag 420 brukare.", "420 brukare"),
        ("Tolv elever hade ett åtgärdsprogram vid terminens slut.", "Tolv elever"),
        ("Bokbussen når omkring 900 barn per år.", "900 barn"),
        ("Personalgruppen på fritidsgårdarna består av 14 anställda.", "14 anställda"),
        ("I år började tjugofem nya medarbetare på förvaltningen.", "tjugofem nya medarbetare"),
    ],
)
def test_flagged(registry: Registry, text: str, matched: str) -> None:
    found = findings(registry, text)
    assert matched in [f.matched for f in found], [f.matched for f in found]
    assert all(f.severity == Severity.WARNING and f.category == "unsplit-statistics" for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen äger 120 lägenheter och driver 12 skolor.",
        "Budgeten för insatsen är 4,2 mnkr.",
        "Enligt förordningen (SFS 2001:100) ska statistiken vara uppdelad.",
        "Detta följer av 3 kap. 1 § förordningen (2000:605).",
        "Insatsen gäller barn under 18 år.",
        "Planen gäller från år 2026.",
        "Arbetet bidrar till mål 5 i Agenda 2030.",
        "Under året deltog 120 elever, varav 64 flickor och 56 pojkar.",
        "48 % av kvinnorna och 41 % av männen är nöjda med hemtjänsten.",
        "Högst 25 elever per klass.",
        "Varje lärare har 20 elever per grupp.",
        "Bidrag ges till föreningar med minst 10 medlemmar.",
        "Ring 08-123 456 78 för mer information, se sidan 12.",
        "I gruppen finns 5 elever.",
        "Indikator: 80 procent av deltagarna ska vara nöjda.",
        "Kommunen har som mål att nå 110 000 invånare år 2035.",
        "Under året deltog 120 kvinnor i kursen.",
        "Den 1 januari 2026 träder planen i kraft.",
        "Avgiften är 1 200 kronor per elev och termin.",
        "Nämnden består av 11 ledamöter och 11 ersättare.",
        "Den nya skolan har plats för 420 elever.",
    ],
)
def test_not_flagged(registry: Registry, text: str) -> None:
    assert findings(registry, text) == []


def test_suggestion_shows_the_split(registry: Registry) -> None:
    found = findings(registry, "Under året deltog 120 elever i sommarskolan.")
    assert len(found) == 1
    f = found[0]
    assert f.suggestions[0] == "Redovisa till exempel: 120 elever, varav X flickor och Y pojkar."
    assert "120 elever" in f.message and "kön" in f.message
    text = "Under året deltog 120 elever i sommarskolan."
    assert (f.location.start, f.location.end) == (text.index("120"), text.index(" i sommar"))
    share = findings(registry, "Enligt enkäten är 45 % av brukarna nöjda.")[0]
    assert "X % av kvinnorna och Y % av männen" in share.suggestions[0]


def test_split_in_the_table_right_below(registry: Registry) -> None:
    text = (
        "Under året deltog 120 elever i sommarskolan.\n\n"
        "| | Flickor | Pojkar | Totalt |\n|---|---|---|---|\n| Sommarskola | 64 | 56 | 120 |"
    )
    assert findings(registry, text) == []


def test_split_in_a_table_after_a_caption(registry: Registry) -> None:
    text = (
        "Under året deltog 120 elever i sommarskolan.\n\n"
        "Tabell 1. Deltagare i sommarskolan.\n\n"
        "| | K | M | Totalt |\n|---|---|---|---|\n| Sommarskola | 64 | 56 | 120 |"
    )
    assert findings(registry, text) == []


def test_split_in_the_previous_paragraph(registry: Registry) -> None:
    text = "Av deltagarna var 64 flickor och 56 pojkar.\n\nTotalt deltog 120 elever i sommarskolan."
    assert findings(registry, text) == []


def test_naming_girls_and_boys_is_not_a_split(registry: Registry) -> None:
    text = "Under året deltog 120 elever i sommarskolan. Både flickor och pojkar var nöjda."
    assert [f.matched for f in findings(registry, text)] == ["120 elever"]
    text = "Förra årets pristagare var en kvinnlig ordförande som byggt upp en verksamhet för 300 barn."
    assert [f.matched for f in findings(registry, text)] == ["300 barn"]


@pytest.mark.parametrize(
    "text",
    [
        "Stödet går till företag med färre än tio anställda.",
        "Föreningen ska ha minst tolv medlemmar.",
        "Grupperna tar emot upp till femton deltagare.",
        "De närmaste åren kommer vi att anställa omkring tusen medarbetare varje år.",
    ],
)
def test_count_words_as_bounds_are_not_figures(registry: Registry, text: str) -> None:
    assert findings(registry, text) == []


def test_a_split_of_another_figure_does_not_split_this_one(registry: Registry) -> None:
    text = "Under året fick 41 vuxna stöd, varav 35 kvinnor och 6 män, samt 22 barn."
    assert [f.matched for f in findings(registry, text)] == ["22 barn"]
    text = (
        "Av eleverna med hög frånvaro var 19 pojkar och 9 flickor.\n\n"
        "Under läsåret hade 47 elever minst ett samtal med kurator."
    )
    assert [f.matched for f in findings(registry, text)] == ["47 elever"]


def test_counts_that_add_up_split_the_figure_in_the_next_paragraph(registry: Registry) -> None:
    text = "Under läsåret hade 47 elever minst ett samtal med kurator.\n\nAv dem var 30 flickor och 17 pojkar."
    assert findings(registry, text) == []
    text = "Under läsåret hade 47 elever minst ett samtal med kurator.\n\nDet var 30 flickor och 17 pojkar."
    assert findings(registry, text) == []


def test_a_split_of_other_things_in_the_same_paragraph_does_not_count(registry: Registry) -> None:
    text = (
        "Drygt 3 800 barn och unga är medlemmar i kommunens föreningar. "
        "Av de bokade träningspassen gick 58 procent till pojkar och 42 procent till flickor."
    )
    assert [f.matched for f in findings(registry, text)] == ["3 800 barn"]
    text = "Under året deltog 120 elever i sommarskolan. Av dem var 60 procent flickor."
    assert findings(registry, text) == []
    text = "Under året deltog 120 elever i sommarskolan. Av eleverna var 60 procent flickor."
    assert findings(registry, text) == []


def test_a_table_beyond_a_paragraph_is_about_something_else(registry: Registry) -> None:
    text = (
        "| | Flickor | Pojkar |\n|---|---|---|\n| Känner sig stressade | 40 % | 22 % |\n\n"
        "Stressen har ökat mest bland flickorna i årskurs 8, och elevhälsan har därför utökat "
        "sina öppna mottagningstider under vårterminen.\n\n"
        "Under läsåret hade 47 elever minst ett samtal med kurator."
    )
    assert [f.matched for f in findings(registry, text)] == ["47 elever"]


def test_a_comparison_with_a_year_in_it_is_not_a_split(registry: Registry) -> None:
    text = (
        "Kulturskolan har 640 elever.\n\n"
        "Enligt ungdomsenkäten 2025 deltar flickor oftare än pojkar i kulturskolan."
    )
    assert [f.matched for f in findings(registry, text)] == ["640 elever"]


def test_a_split_far_away_does_not_count(registry: Registry) -> None:
    text = (
        "Under året deltog 120 elever i sommarskolan.\n\n"
        "Skolan har nya lokaler.\n\n"
        "Lokalerna invigdes i maj.\n\n"
        "Av deltagarna var 64 flickor och 56 pojkar."
    )
    assert [f.matched for f in findings(registry, text)] == ["120 elever"]


def test_unsplit_table_gives_one_finding_per_table(registry: Registry) -> None:
    text = (
        "| Nyckeltal | 2024 | 2025 |\n|---|---|---|\n"
        "| Barn placerade i familjehem | 51 | 48 |\n"
        "| Personer med insats enligt LSS | 249 | 256 |\n"
        "| Vuxna i missbruksvård | 128 | 140 |"
    )
    found = findings(registry, text)
    assert len(found) == 1
    f = found[0]
    assert f.location.table == 0 and f.location.row == 1 and f.location.column == 0
    assert "Barn placerade i familjehem" in f.message and "Personer med insats enligt LSS" in f.message
    assert "Kvinnor | Män | Totalt" in f.suggestions[0]


def test_tables_that_are_split_or_not_about_people(registry: Registry) -> None:
    split = (
        "| Indikator | Kvinnor | Män | Totalt |\n|---|---|---|---|\n"
        "| Anställda | 640 | 560 | 1 200 |"
    )
    assert findings(registry, split) == []
    money = (
        "| Skola | Kostnad per elev (kr) |\n|---|---|\n"
        "| Norrskolan | 95 000 |"
    )
    assert findings(registry, money) == []
    things = "| Område | Lägenheter |\n|---|---|\n| Centrum | 120 |"
    assert findings(registry, things) == []


def test_column_header_table(registry: Registry) -> None:
    text = "| Skola | Antal elever |\n|---|---|\n| Norrskolan | 340 |\n| Söderskolan | 215 |"
    found = findings(registry, text)
    assert len(found) == 1
    assert found[0].matched == "Antal elever"
    assert "Flickor | Pojkar | Totalt" in found[0].suggestions[0]
