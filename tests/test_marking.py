"""Gender marking (``rules_code/marking.py``): roles by morphology, context local to the hit.

The rules' own flag/pass examples run in ``test_rule_examples.py``; here:
which nouns count as roles, that exceptions only look at the words around
the hit (one statistics word elsewhere in the sentence must not hide a
marking), the traps where sex is the point, spans and messages.
"""

from __future__ import annotations

import pytest

from dokumentanalys.engine.dispatch import run_rules
from dokumentanalys.language.sv import analyze_text
from dokumentanalys.rules_code.marking import RULES, role_noun


def _hits(text: str) -> list[tuple[str, str]]:
    result = run_rules(RULES, analyze_text(text))
    assert not result.errors, result.errors
    return [(f.rule, f.matched) for f in result.findings]


# --- which nouns are roles ------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "socionom", "lantmätare", "brandinspektörer", "specialistsjuksköterskan", "elevassistent",
        "HR-strategen", "IT-teknikern", "fastighetsteknikern", "rekryteringsansvariga", "platschef",
        "kommundirektören", "dietist", "utredare", "fotograf", "kollegor", "ledamöterna", "vd",
        "undersköterskorna", "kock", "kocken", "präster", "tjänsteperson", "brandman", "kandidaten",
        # agent suffixes without a listed head: -peut, -ceut, -urg, -iater, -oped, -arie, -ator, -ombud
        "arbetsterapeuten", "fysioterapeuter", "receptarie", "barnkirurg", "barnpsykiater", "logopeden",
        "arkivarien", "projektkoordinator", "skyddsombudet", "sjukhusfysiker",
    ],
)
def test_roles_are_recognised_by_morphology(word: str) -> None:
    assert role_noun(word)


@pytest.mark.parametrize(
    "word",
    [
        "patienter", "elever", "hyresgästerna", "brukare", "sökande", "arbetstagare", "idrottare",
        "förebilder", "personal", "element", "dialog", "variant", "könsstympning", "röst", "kör",
        "perspektiv", "gärningsperson", "läkarstudent", "moped", "generator", "indikatorer",
    ],
)
def test_non_roles_are_not(word: str) -> None:
    assert not role_noun(word)


# --- hits ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule", "matched"),
    [
        ("Ärendet handläggs av en kvinnlig socionom.", "markering/kvinnlig-yrkestitel", "kvinnlig socionom"),
        ("Vår manliga dietist har gjort nya matsedlar.", "markering/manlig-yrkestitel", "manliga dietist"),
        ("Utställningen invigdes av ett kvinnligt kommunalråd.", "markering/kvinnlig-yrkestitel", "kvinnligt kommunalråd"),
        ("En kvinnlig, erfaren HR-strateg leder passet.", "markering/kvinnlig-yrkestitel", "kvinnlig, erfaren HR-strateg"),
        ("De manliga undersköterskorna på Ängsgården har en ny rutin.", "markering/manlig-yrkestitel", "manliga undersköterskorna"),
        ("Vid mässan talade en kvinnopräst.", "markering/kvinno-sammansattning", "kvinnopräst"),
        ("Vi välkomnar vår nya kvinnliga räddningschef!", "markering/kvinnlig-yrkestitel", "kvinnliga räddningschef"),
        ("Ny manlig enhetschef på Solbacken", "markering/manlig-yrkestitel", "manlig enhetschef"),
        ("Bedömningen görs av en kvinnlig fysioterapeut från rehabenheten.", "markering/kvinnlig-yrkestitel", "kvinnlig fysioterapeut"),
        ("Enheten har fått ett manligt skyddsombud.", "markering/manlig-yrkestitel", "manligt skyddsombud"),
        # a percentage in the same sentence, but the marked noun is one particular person
        ("Den manliga logopeden visade att väntetiden sjönk med 12 procent.", "markering/manlig-yrkestitel", "manliga logopeden"),
    ],
)
def test_marking_spans_adjective_and_noun(text: str, rule: str, matched: str) -> None:
    assert _hits(text) == [(rule, matched)]


def test_message_and_suggestion_name_the_words() -> None:
    result = run_rules(RULES, analyze_text("Beslutet fattades av en kvinnlig handläggare."))
    (finding,) = result.findings
    assert "kvinnlig handläggare" in finding.message and "”kvinnlig”" in finding.message
    assert finding.suggestions[0] == "Stryk ”kvinnlig” om könet inte är relevant: ”en handläggare”."
    assert finding.severity.value == "warning"


def test_two_markings_in_one_sentence_are_both_flagged() -> None:
    hits = _hits("Till mottagningen kommer en kvinnlig jurist och en manlig familjebehandlare.")
    assert [m for _, m in hits] == ["kvinnlig jurist", "manlig familjebehandlare"]


# --- exceptions are local to the hit (the old defect) -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Den kvinnliga ekonomichefen presenterade bokslutet, där kostnaderna ökade med 4 procent jämfört med året innan.",
        "När en kvinnlig chef tillträder på en klinik ska hon få en mentor under första året.",
        "På Björkängsskolan har en manlig förskollärare startat en läsgrupp som fler skolor ska pröva.",
        "Vid förra årets rekrytering av ekonomichef anställdes en kvinnlig controller, och rekryteringstiden minskade.",
        "En kvinnlig ingenjör berättar i kommunens rekryteringsfilm om sitt arbete för att locka fler sökande.",
        "Den kvinnliga rektorn har mer än 20 års erfarenhet av skolutveckling.",
        "Enheten har fått en manlig socialsekreterare.",
    ],
)
def test_context_words_away_from_the_hit_do_not_hide_it(text: str) -> None:
    assert len(_hits(text)) == 1


# --- traps: sex is the point -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # statistics and comparisons
        "Andelen kvinnliga rektorer har ökat.",
        "Av de kvinnliga cheferna uppgav 30 procent att arbetsbelastningen var för hög.",
        "Fler kvinnliga än manliga sökande gick vidare till intervju.",
        "Kvinnliga och manliga chefer har lika stort personalansvar.",
        "Stadsdelen har 12 kvinnliga och 8 manliga förskollärare.",
        "Kvinnliga chefer tjänar i genomsnitt mindre än manliga chefer.",
        "Kvinnliga konstnärer har historiskt fått mindre utrymme.",
        "Kvinnliga kollegor i ledningsgruppen upplever att de inte blir lyssnade på.",
        "Hon var en av få kvinnliga ingenjörer på företaget.",
        # a share earlier in the clause: a statistic about the group
        "Av skulpturerna i parken är 64 procent utförda av manliga skulptörer.",
        "Hälften av timmarna på mottagningen bemannas i dag av kvinnliga barnläkare.",
        # representation and recruitment for balance
        "Hon blev den första kvinnliga landshövdingen i länet.",
        "Ordföranden konstaterade att bolaget för första gången får en kvinnlig vd.",
        "Det finns för få manliga förskollärare.",
        "Målet är en jämn könsfördelning, och vi söker därför särskilt kvinnliga chefer till tekniska förvaltningen.",
        "Inom yrken där ett kön är underrepresenterat får annonsen nämna manliga undersköterskor eller kvinnliga ingenjörer som exempel.",
        # requests and choice, sex-specific care
        "Den som vill kan begära en kvinnlig läkare.",
        "Hyresgästerna vill kunna vända sig till en kvinnlig bovärd.",
        "Vid kroppsvisitation ska en kvinnlig polis visitera kvinnor.",
        "Vi söker en kvinnlig handläggare eftersom flera av våra klienter är kvinnor som har utsatts för våld.",
        "Som manlig förskollärare får man ofta frågor om sitt yrkesval.",
        # targeted measures and associations
        "Vi har inrättat ett mentorsprogram för kvinnliga chefer.",
        "Projektet riktar sig till kvinnliga företagare i glesbygd.",
        "Kommunen ger stöd till kvinnliga företagare i glesbygd.",
        "Kvinnliga chefers nätverk träffas en gång i månaden.",
        "Föreningen Kvinnliga chefer i Lövsala bjuder in till frukost.",
        # not roles, not people, quotes
        "Kvinnliga patienter får oftare fel diagnos.",
        "Kvinnliga idrottare får mindre medieutrymme.",
        "Barnen behöver manliga förebilder.",
        "Utbildningen handlar om kvinnlig könsstympning och manlig omskärelse.",
        "Tjänsten är kvinnligt kodad.",
        "Vårdtagaren önskar hjälp av kvinnlig personal.",
        "En kvinnlig kontaktperson finns för den som önskar det.",
        "Det är viktigt att ha både manliga och kvinnliga ledare.",
        "Han är en av de få manliga förskollärarna i kommunen.",
        "Skriv inte ”vi söker en kvinnlig undersköterska” i annonsen.",
        "Polisen letar efter en kvinnlig gärningsperson.",
        # compounds that are not marking
        "Lokalen hyrs ut till en herrfrisör och en kvinnoläkarmottagning.",
        "Kvinnofridssamordnaren håller i utbildningen.",
        "Tjejtränaren leder träningen på tisdagar.",
    ],
)
def test_sex_is_the_point(text: str) -> None:
    assert _hits(text) == []
