"""Generic pronouns (generic-masculine): antecedents, the cases that must stay quiet, suggestions."""

from __future__ import annotations

import pytest

from dokumentanalys.model import Finding, Severity
from dokumentanalys.pipeline import Analyzer, Settings
from dokumentanalys.plugins import Registry
from dokumentanalys.testing import document_from_text

GENERIC = "pronomen/generiskt-han"
SLASH = "pronomen/han-snedstreck-hon"
DENNE = "pronomen/denne"
E_FORM = "pronomen/e-form"


def findings(registry: Registry, text: str, rule: str = GENERIC, kind: str = "styrdokument") -> list[Finding]:
    analyzer = Analyzer(registry, Settings(kind=kind, select=(rule,)))
    result = analyzer.analyze_document(document_from_text(text))
    assert not result.errors, result.errors
    return [f for f in result.findings if f.rule == rule]


def test_generic_han_after_sokanden(registry: Registry) -> None:
    text = "Sökanden ska bifoga intyg om han har ett eget företag."
    found = findings(registry, text)
    assert len(found) == 1
    f = found[0]
    assert f.matched == "han"
    assert f.category == "generic-masculine"
    assert f.severity == Severity.WARNING
    start = text.index(" han ") + 1
    assert (f.location.block, f.location.start, f.location.end) == (0, start, start + 3)
    assert "sökanden" in f.message.lower() and "generiskt han" in f.message
    assert f.suggestions[:2] == ("hen", "den")
    assert "hon eller han" in f.suggestions
    assert "sökanden" in f.suggestions


@pytest.mark.parametrize(
    "text",
    [
        "Sökanden ska bifoga intyg om han eller hon har ett eget företag.",
        "Sökanden ska bifoga intyg om hon eller han har ett eget företag.",
        "Handläggaren ska informera sökanden om vad som anförs mot honom eller henne.",
        "Sökanden ska bifoga intyg om hen har ett eget företag.",
        "Om man behöver hjälp kan man kontakta kundtjänst.",
        "Kommunchef Anna Berg presenterade förslaget. Hon betonade vikten av samverkan.",
        "Eleven Sara Lind har skrivit ett brev till nämnden. Hon vill ha fler lektioner i slöjd.",
        "Eleven ska berätta för sin mamma att hon behöver skriva under.",
        "Eleven ska kontakta rektorn. Hans Andersson nås på telefon varje förmiddag.",
        "Han var en av de första som anmälde sig.",
        'I lagen står det: "Sökanden ska visa att han har rätt till bidraget."',
        "De sökande ska bifoga intyg. Alla handlingar skickas till nämnden.",
        # the sex is given in the noun phrase: the marking may be a finding, the pronoun is not
        "När en kvinnlig chef tillträder på en ny enhet ska hon få en mentor.",
        "Chefen berättade att en ny manlig tekniker har anställts i Västerby. Han börjar i maj.",
        # a named person earlier in the sentence is who the pronoun is about
        "Vi gratulerar Lena Ek, som har utsetts till årets chef i kommunen. Hon tar emot priset i maj.",
        # "en äldre man" is the noun: the sex is given
        "Brukaren är en äldre man som bor ensam. Hemtjänsten hjälper honom med inköp.",
        "Tackar en äldre man nej till hjälp bör handläggaren ge honom tid och återkomma.",
        # the subject is taken up by "sig": the object pronoun is somebody else
        "Kuratorn finns på skolan varje dag, och den som behöver kan vända sig till henne.",
    ],
)
def test_not_generic(registry: Registry, text: str) -> None:
    assert findings(registry, text) == []


def test_a_noun_in_its_own_clause_before_the_main_clause_is_still_the_antecedent(registry: Registry) -> None:
    text = "Om en elev behöver stöd ska skolan ge honom extra tid."
    assert [f.matched for f in findings(registry, text)] == ["honom"]


def test_a_name_elsewhere_does_not_hide_a_generic_pronoun(registry: Registry) -> None:
    text = "Beslutet fattas av Karin Lund. Sökanden ska bifoga intyg om han har ett eget företag."
    assert [f.matched for f in findings(registry, text)] == ["han"]


def test_generic_hon_is_flagged_too(registry: Registry) -> None:
    found = findings(registry, "Patienten ska informeras om att hon kan överklaga beslutet.")
    assert [f.matched for f in found] == ["hon"]
    assert "generiskt hon" in found[0].message
    assert "hon eller han" in found[0].suggestions


def test_chain_of_sentences(registry: Registry) -> None:
    text = "Sökanden ska bifoga intyg om han har ett eget företag. Han ska också bifoga ett utdrag ur registret."
    assert [f.matched for f in findings(registry, text)] == ["han", "Han"]


def test_chain_stops_at_a_pronoun_inside_a_new_clause(registry: Registry) -> None:
    # "Han" at the start of the second sentence carries the applicant on; the "han" deep in the
    # third sentence is the justitiekansler, a specific office holder, so the chain stops there
    text = (
        "Sökanden ska bifoga intyg om han har ett eget företag. Han ska också bifoga ett utdrag. "
        "När justitiekanslern begär ett yttrande får han förelägga vite."
    )
    assert [f.matched for f in findings(registry, text)] == ["han", "Han"]


def test_window_is_one_sentence_back(registry: Registry) -> None:
    text = "Sökanden ska fylla i blanketten. Blanketten skickas till nämnden. Om han vill kan han ringa."
    assert findings(registry, text) == []


def test_antecedent_in_previous_paragraph(registry: Registry) -> None:
    found = findings(registry, "Den enskilde ska få beslutet skriftligt.\n\nHan kan överklaga inom tre veckor.")
    assert len(found) == 1
    assert found[0].location.block == 1
    assert "den enskilde" in found[0].suggestions


def test_indefinite_and_legal_bare_singular(registry: Registry) -> None:
    assert [f.matched for f in findings(registry, "Om en elev är sjuk ska hans vårdnadshavare ringa skolan.")] == ["hans"]
    found = findings(registry, "Innan handläggare fattar beslut ska han samråda med sin chef.")
    assert [f.matched for f in found] == ["han"]
    # a bare noun in a list is plural: no antecedent
    assert findings(registry, "Lärare och rektorer ska samverka. Han ska leda arbetet.") == []


def test_genitive_suggestion_and_forms_suggest_du(registry: Registry) -> None:
    found = findings(registry, "Sökanden ska skicka in hans senaste deklaration.", kind="ansokan")
    assert len(found) == 1
    suggestions = found[0].suggestions
    assert suggestions[0].startswith("du")
    assert "hens" in suggestions and "sökandens" in suggestions
    assert "den" not in suggestions  # no "den" for a genitive


def test_slash_pairs_are_info_not_generic(registry: Registry) -> None:
    text = "Sökanden ska bifoga intyg om han/hon har ett eget företag."
    assert findings(registry, text) == []
    found = findings(registry, text, SLASH)
    assert [(f.matched, f.severity) for f in found] == [("han/hon", Severity.INFO)]
    assert found[0].suggestions[0] == "hon eller han"
    assert [f.matched for f in findings(registry, "Eleven och hans/hennes vårdnadshavare kallas.", SLASH)] == ["hans/hennes"]
    assert findings(registry, "Avgiften är 200 kr/månad.", SLASH) == []


def test_denne(registry: Registry) -> None:
    found = findings(registry, "Handläggaren ska kontakta sökanden och meddela denne beslutet.", DENNE)
    assert [(f.matched, f.severity) for f in found] == [("denne", Severity.INFO)]
    assert "hen" in found[0].suggestions
    assert findings(registry, "Denna plan gäller från och med 1 januari.", DENNE) == []
    assert findings(registry, "Beslutet skickas till denne.", DENNE) == []  # no person to refer to


def test_e_form(registry: Registry) -> None:
    found = findings(registry, "Den anställde ska få skriftlig information.", E_FORM)
    assert [(f.matched, f.severity) for f in found] == [("Den anställde", Severity.INFO)]
    assert found[0].suggestions == ("den anställda",)
    found = findings(registry, "Arbetsgivaren ska ge den nyanställdes handledare tid.", E_FORM)
    assert found[0].suggestions == ("den nyanställdas",)
    for text in (
        "Den enskilde har rätt att överklaga.",
        "Den skyldige ska betala.",
        "Den sökande ska bifoga intyg.",
        "Den anställda ska få skriftlig information.",
        "Den unge mannen kom till mottagningen.",
    ):
        assert findings(registry, text, E_FORM) == [], text


# --- antecedents beyond the person list (session 2) -------------------------------------------


@pytest.mark.parametrize(
    ("text", "pronoun", "antecedent"),
    [
        # titles on -man are unspecified persons too
        ("Varje enhet utser en kontaktman som ska se till att hans telefonnummer står på anslagstavlan.", "hans", "kontaktman"),
        ("Talesmannen ska godkänna pressmeddelandet innan han skickar ut det.", "han", "talesmannen"),
        # role nouns outside the person list, after en/varje
        ("Om en vaktmästare behöver en lift ska han beställa den via fastighetsenheten.", "han", "en vaktmästare"),
        ("Om en arbetsterapeut gör ett hembesök ska hon dokumentera det samma dag.", "hon", "en arbetsterapeut"),
        # any -e adjective or participle standing as a noun after "den"
        ("Den misstänkte ska underrättas om att han har rätt till en offentlig försvarare.", "han", "den misstänkte"),
        ("Den nyinflyttade får ett välkomstbrev där han kan läsa om kommunens service.", "han", "den nyinflyttade"),
        # a capitalised name of a thing after its common noun does not block
        ("Den som anmäler ett fel i tjänsten Felanmälan Västerby får ett kvitto. Han kan sedan följa ärendet.", "Han", "den som"),
    ],
)
def test_antecedents_beyond_the_person_list(registry: Registry, text: str, pronoun: str, antecedent: str) -> None:
    found = findings(registry, text)
    assert [f.matched for f in found] == [pronoun]
    assert f"”{antecedent}”" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Vår kontaktman Per Holm nås på telefon. Han svarar på vardagar.",
        "Bergman har skrivit rapporten. Han presenterar den för nämnden i maj.",
        "Vi fick en tydligare bild av behoven. Hon redovisade dem för nämnden.",
        "Den som vill veta mer kan kontakta enhetschefen Sara Lind. Hon svarar på frågor.",
        "Den som vill veta mer kan kontakta Sara Lind. Hon svarar på frågor.",
        "Den som har frågor kan ringa till dottern Eva. Hon hjälper gärna till.",
        "En snabbare handläggning gynnar alla. Han betonade det i sitt anförande.",
    ],
)
def test_specific_persons_and_non_persons_are_not_antecedents(registry: Registry, text: str) -> None:
    assert findings(registry, text) == []


@pytest.mark.parametrize(
    ("text", "matched", "neutral"),
    [
        ("Den anhörige som vårdar en närstående kan få avlösning.", "Den anhörige", "den anhöriga"),
        ("Den dömde har rätt att överklaga inom tre veckor.", "Den dömde", "den dömda"),
        ("Handläggaren ska informera den berörde om beslutet.", "den berörde", "den berörda"),
        ("Den nyinflyttade får ett välkomstbrev.", None, None),  # -ade participles have no -e form
    ],
)
def test_e_form_is_found_from_the_lemma_table(registry: Registry, text: str, matched: str | None, neutral: str | None) -> None:
    found = findings(registry, text, E_FORM)
    if matched is None:
        assert found == []
        return
    assert [f.matched for f in found] == [matched]
    assert neutral in found[0].suggestions


@pytest.mark.parametrize(
    "text",
    [
        "Den närmaste chefen ansvarar för uppföljningen.",
        "Den närmaste ska kontaktas vid en olycka.",
        "Den andre parten ska också höras.",
        "Den enskilde har rätt att överklaga.",
        "Den blinde pianisten Karl spelade.",
        "Den gröna zonen är öppen för alla.",
    ],
)
def test_e_form_traps(registry: Registry, text: str) -> None:
    assert findings(registry, text, E_FORM) == []
