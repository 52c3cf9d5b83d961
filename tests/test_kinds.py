"""Document kind detection: styrdokument, ansökan, other."""

from __future__ import annotations

from dokumentanalys.kinds import OTHER, choose_kind
from dokumentanalys.language.sv import analyze_document
from dokumentanalys.model import Block, BlockKind, Document
from dokumentanalys.rules_code.kinds import ANSOKAN, STYRDOKUMENT, explain_kind, score_ansokan, score_styrdokument
from dokumentanalys.testing import document_from_text

KINDS = [STYRDOKUMENT, ANSOKAN, OTHER]


def kind_of(text: str) -> str:
    return choose_kind(KINDS, analyze_document(document_from_text(text)))[0]


def test_policy_with_title_and_headings() -> None:
    text = """# Kostpolicy för Björkviks kommun

Antagen av kommunfullmäktige 2026-03-12.

## Syfte

Policyn gäller för alla kommunens måltidsverksamheter.

## Uppföljning

Nämnden följer upp policyn varje år."""
    analyzed = analyze_document(document_from_text(text))
    name, scores = choose_kind(KINDS, analyzed)
    assert name == "styrdokument"
    assert scores["styrdokument"] == 1.0 and scores["ansokan"] == 0.0
    reasons = explain_kind(analyzed)["styrdokument"]
    assert any("kostpolicy" in r for r in reasons)
    assert any("syfte" in r for r in reasons)


def test_budget_and_tjansteskrivelse_titles() -> None:
    assert kind_of("# Mål och budget 2027\n\nSocialnämndens ansvar omfattar individ- och familjeomsorg.") == "styrdokument"
    assert kind_of("# Tjänsteskrivelse\n\nFörvaltningen föreslår att nämnden beslutar enligt förslaget.") == "styrdokument"
    assert kind_of("# Jämställdhetsplan 2026\n\nPlanen beskriver arbetet.") == "styrdokument"


def test_title_found_in_an_early_block_without_heading() -> None:
    text = "Utbildningsförvaltningen, dnr 2026:71\n\nKostpolicy för kommunen. Vision för alla matgäster.\n\nMaten ska vara god."
    assert kind_of(text) == "styrdokument"


def test_an_early_section_does_not_outweigh_the_title() -> None:
    text = """# Riktlinjer för ekonomiskt bistånd

## Ansökan

Den sökande lämnar in ansökan till socialtjänsten.

Namn:

Adress:

Telefon:"""
    assert kind_of(text) == "styrdokument"


def test_application_form() -> None:
    text = """# Ansökan om föreningsbidrag

Fyll i blanketten och skicka den till kultur- och fritidsnämnden.

Föreningens namn:

Organisationsnummer:

Kontaktpersonens personnummer:

☐ Ja ☐ Nej

Underskrift:

Namnförtydligande:"""
    analyzed = analyze_document(document_from_text(text))
    name, scores = choose_kind(KINDS, analyzed)
    assert name == "ansokan"
    assert scores["ansokan"] == 1.0
    reasons = " ".join(explain_kind(analyzed)["ansokan"])
    assert "ansökan" in reasons and "kryssrutor" in reasons and "fältetiketter" in reasons


def test_form_fields_without_a_title() -> None:
    blocks = [Block(0, BlockKind.PARAGRAPH, "Uppgifter om den sökande", paragraph=0)]
    for label in ("Namn", "Adress", "Telefon", "E-post", "Personnummer", "Datum"):
        blocks.append(Block(len(blocks), BlockKind.FORM_FIELD, label))
    analyzed = analyze_document(Document("<f>", "docx", blocks))
    assert score_ansokan(analyzed).capped > 0.3 + 0.2
    assert choose_kind(KINDS, analyzed)[0] == "ansokan"


def test_title_weighs_more_than_body_vocabulary() -> None:
    form = """# Ansökan om bygglov

Blanketten är beslutad av nämnden och gäller från 1 januari.

Sökandens namn:

Underskrift:"""
    assert kind_of(form) == "ansokan"
    guideline = """# Riktlinje för ekonomiskt bistånd

Den sökande ska bifoga kontoutdrag och ange personnummer. Riktlinjen antas av socialnämnden.

Riktlinjen följs upp varje år."""
    assert kind_of(guideline) == "styrdokument"


def test_other() -> None:
    text = "# Nyhetsbrev inför skolstarten\n\nVälkommen tillbaka! Skolan börjar måndagen den 18 augusti."
    assert kind_of(text) == "other"
    # "flygplan" ends in "plan" but is no plan
    assert kind_of("# Flygplan i Sverige\n\nEn text om luftfart.") == "other"


def test_statute_paragraph_numbers_are_not_form_labels() -> None:
    blocks = [Block(0, BlockKind.PARAGRAPH, "Lag om offentlig anställning", paragraph=0)]
    for n in range(1, 9):
        blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, f"{n} §"))
        blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, "Arbetstagare ska iaktta det som föreskrivs i denna lag."))
    analyzed = analyze_document(Document("<lag>", "txt", blocks, title="Lag om offentlig anställning"))
    assert score_ansokan(analyzed).capped == 0.0
    assert choose_kind(KINDS, analyzed)[0] == "other"


def test_scores_are_between_0_and_1() -> None:
    text = "# Policy, plan och strategi\n\n" + "Antagen av kommunfullmäktige. Nämnden följs upp. " * 30
    analyzed = analyze_document(document_from_text(text))
    for score in (score_styrdokument(analyzed).capped, score_ansokan(analyzed).capped):
        assert 0.0 <= score <= 1.0


def test_minutes_and_newsletters_are_not_governing_documents() -> None:
    """Minutes quote decisions, plans and follow-up: their title says what they are."""
    from dokumentanalys.language.sv import analyze_document
    from dokumentanalys.rules_code.kinds import score_styrdokument
    from dokumentanalys.testing import document_from_text

    body = (
        "Nämnden beslutar att anta handlingsplanen för äldreomsorgen. Planen gäller från den 1 maj "
        "och följs upp av förvaltningen i verksamhetsplanen. Kommunfullmäktige har fastställt budgeten."
    )
    policy = analyze_document(document_from_text("# Handlingsplan för äldreomsorgen\n\n" + body))
    minutes = analyze_document(document_from_text("# Socialnämnden – protokoll\n\n" + body))
    assert score_styrdokument(minutes).capped < score_styrdokument(policy).capped - 0.5
    assert any("protokoll" in reason for reason in score_styrdokument(minutes).reasons)


def test_names_and_later_sections_are_not_titles() -> None:
    """A square called Hamnplan is no plan; a newsletter's holiday programme is no programme."""
    letter = (
        "Sjöhamns kommun\n\nVälkommen till Sjöhamn!\n\n"
        "Biblioteket ligger vid Hamnplan och är öppet alla dagar. Fritidsgården har öppet på kvällarna.\n\n"
        "Lovaktiviteter\n\nUnder lovet finns ett jullovsprogram med bad och pyssel för alla barn."
    )
    assert kind_of(letter) == "other"
    newsletter = "Sjöhamns kommun\n\nFritidsnytt – november 2026\n\nHär kommer höstens sista nyhetsbrev med lovprogram."
    assert kind_of(newsletter) == "other"


def test_a_handbook_title_without_heading_style_is_a_governing_document() -> None:
    text = (
        "Älvstads kommun\n\nChefshandbok: rekrytering och introduktion\n\n"
        "Handboken är fastställd av kommundirektören och gäller för alla förvaltningar. "
        "Förvaltningen ansvarar för uppföljningen."
    )
    assert kind_of(text) == "styrdokument"
