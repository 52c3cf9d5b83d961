"""The productive gendered-term rules (rules_code/terms.py): words outside the fixed list.

Each case is a word the term pack does not list, so only the morphology and
the lemma table can find it; the traps are the words that look the same
(surnames, novels, adverbs, keep words, language names, adjectives).
"""

from __future__ import annotations

import pytest

from dokumentanalys.engine.dispatch import run_rules
from dokumentanalys.language.sv import analyze_text
from dokumentanalys.plugins import Registry
from dokumentanalys.rules_code.terms import parse_feminine_word, parse_man_word

_PRODUCTIVE = ("term/man-sammansattning", "term/kvinnlig-andelse", "term/kvinna-sammansattning")


def _findings(registry: Registry, text: str):
    rules = [r for r in registry.rules if r.meta.category == "gendered-term"]
    result = run_rules(rules, analyze_text(text))
    assert not result.errors, result.errors
    return result.findings


def _hits(registry: Registry, text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.matched) for f in _findings(registry, text)]


# --- -man: every inflection, compounds, hyphens ---------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "ordningsman", "ordningsmannen", "ordningsmans", "ordningsmannens",
        "ordningsmän", "ordningsmännen", "ordningsmäns", "ordningsmännens",
        "vaktmännen", "säkerhetsmannen", "köpmän", "utredningsmannens", "kameraman", "linjemännen",
        # not in the lemma table: the modifier is a known word
        "teatermännen", "reklammän", "fackföreningsmän", "kvalitetsmannen",
        # hyphenated abbreviations
        "HR-mannen", "IT-män",
    ],
)
def test_man_compound_in_every_form(registry: Registry, word: str) -> None:
    text = f"I texten står ordet {word} mitt i meningen."
    assert _hits(registry, text) == [("term/man-sammansattning", word)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ordningsmannen bär en gul väst.", "Ordningsmannen"),
        ("Vaktmän anlitas vid större evenemang.", "Vaktmän"),
        ("Köpman är ett gammalt ord för handlare.", "Köpman"),  # the table knows köpman
        ("ORDNINGSMÄN", "ORDNINGSMÄN"),  # a heading in capitals
    ],
)
def test_man_compound_at_the_start_of_a_sentence(registry: Registry, text: str, word: str) -> None:
    assert _hits(registry, text) == [("term/man-sammansattning", word)]


@pytest.mark.parametrize(
    "text",
    [
        # surnames: capitalised mid-sentence, or singular without a plural at the start
        "Kontaktperson är säkerhetssamordnare Tore Lindman.",
        "Anna Bergman och Eva Hedman leder arbetet, och Karin Sundman deltar.",
        "Lindman ersätts under semestern av Bergman.",
        "Bergmans filmer visas i mars, och Lindmans förslag bifölls.",
        "BERGMAN",
        "Mejla tore.lindman@lovsala.se eller anna.bergman@lovsala.se.",
        # companies and places
        "Bergman & Hedman Evenemang AB har ramavtal, och Lantmännen äger lokalen.",
        "Vänorten Mannheim har bidragit, liksom föreningen Teatermännen.",
        # words that are not compounds of man
        "Biblioteket köper in romaner, och romanen och kriminalromanerna lånas ut.",
        "Allmänheten bjuds in, och allmänna handlingar lämnas ut.",
        "Vi arbetar tillsammans och sammanfattar resultatet samman.",
        "Webbdomänen och toppdomänen byts ut.",
        "Hemmanet såldes, och talismanen och kajmanen visades på museet.",
        "Bemanningen är manuell, och den bemannade receptionen öppnar.",
        "Kvinnor och män, mannen och kvinnan, män och pojkar.",
        "Kvinnor–män och kvinnor/män redovisas i tabellen.",
        # male-specific, nationalities, historical offices, words left out on purpose
        "Stödet gäller änkor och änkemän, och hennes fästman följde med.",
        "Engelsmän, fransmän och norrmän besökte festivalen.",
        "Båtsmännen och länsmannen finns i kyrkboken.",
        "Lekmän och spelmän deltog i spelmansstämman.",
        # keep words and their compounds
        "Brandmännen, rådmannen och talmannen kom, och barnombudsmannen talade.",
        "Kommunen är huvudman, och huvudmännen ansvarar.",
        # quoted titles
        "Vi läste boken ”Utredningsmannen” i bokcirkeln.",
    ],
)
def test_man_traps(registry: Registry, text: str) -> None:
    assert [h for h in _hits(registry, text) if h[0] in _PRODUCTIVE] == []


def test_statutory_man_words_get_the_statute_note(registry: Registry) -> None:
    found = _findings(registry, "Tvister avgörs av skiljemän, och kommunen kan inte vara bolagsman.")
    assert [(f.rule, str(f.severity)) for f in found] == [("term/lagterm", "info")]


def test_statute_context_downgrades_a_productive_hit(registry: Registry) -> None:
    (finding,) = _findings(registry, "Enligt 3 § lagen ska en tillsynsman utses.")
    assert (finding.rule, str(finding.severity)) == ("term/man-sammansattning", "info")
    assert "lag" in finding.message


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Arrangören utser en ordningsman.", "ordningsansvarig"),
        ("Teatermännen bygger scenen.", "teaterarbetare"),
        ("Köpmännen vill samarbeta.", "handlare"),
        ("Kvalitetsmannen granskar rutinerna.", "kvalitetsperson"),
        ("Fråga HR-mannen.", "HR-person"),
        ("Skyddsmannen går en kurs i arbetsmiljö.", "skyddsombud"),
    ],
)
def test_man_suggestion(registry: Registry, text: str, suggestion: str) -> None:
    (finding,) = _findings(registry, text)
    assert finding.suggestions[0] == suggestion
    assert suggestion in finding.message


# --- feminine suffixes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("tvätterska", "tvätteribiträde"),
        ("tvätterskan", "tvätteribiträde"),
        ("hushållerskorna", "måltidsbiträde"),
        ("diskerskor", "diskare"),
        ("strykerskan", "strykare"),
        ("dansöser", "dansör"),
        ("massösen", "massör"),
        ("direktrisen", "mönsterkonstruktör"),
        ("operatriser", "operatör"),
        ("skulptrisen", "skulptör"),
        ("vårdarinnor", "vårdare"),
        ("hemvårdarinnan", "hemvårdare"),
        ("prästinnan", "präst"),
        ("poetissan", "poet"),
        ("konduktörskan", "konduktör"),
    ],
)
def test_feminine_suffix_with_base(registry: Registry, word: str, base: str) -> None:
    found = _findings(registry, f"I texten står ordet {word} mitt i meningen.")
    assert [(f.rule, f.matched) for f in found] == [("term/kvinnlig-andelse", word)]
    assert found[0].suggestions[0] == base
    assert base in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        # keep words (Språkrådet), every -sköterska, and birth words
        "Sjuksköterskan, barnmorskan, tandsköterskan och undersköterskorna träffas.",
        "Distriktssköterskor och skolsköterskan deltar, liksom förstföderskor.",
        # language names, nationalities, adjectives, verbs, membranes
        "Kursen ges på svenska, engelska, ungerska och praktiska övningar.",
        "Han är nervös och seriös, hon är generös och religiös, och de är arbetslösa.",
        "Vi ska försvinna, vinna och finnas, och påminnas om trumhinnan.",
        "Spanjorskan och fransyskan, svägerskan och människan.",
        # titles of nobility, divinities, relations, animals
        "Prinsessan, grevinnan och gudinnan besökte slottet med sin väninna och lejoninnan.",
        # genitives that end like a suffix
        "Industris och psykiatris resurser, miljös och sjös vatten.",
        # mathematics
        "Matrisen och generatrisen ritas i figuren.",
        # covered by a listed rule: one finding only (see test_one_finding_per_word)
        "Vi spelar pjäsen ”Sömmerskan” i vår.",
        "Remissan skickas till nämnden.",
    ],
)
def test_feminine_traps(registry: Registry, text: str) -> None:
    assert [h for h in _hits(registry, text) if h[0] in _PRODUCTIVE] == []


# --- -kvinna -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "severity", "suggestion"),
    [
        ("kontaktkvinna", "warning", "kontaktperson"),
        ("kontaktkvinnan", "warning", "kontaktperson"),
        ("idrottskvinnor", "warning", "idrottare"),
        ("yrkeskvinnornas", "warning", "yrkesperson"),
        ("poliskvinnan", "warning", "polis"),
        ("affärskvinna", "info", "företagare"),
        ("statskvinnor", "info", "statsperson"),
    ],
)
def test_woman_compound(registry: Registry, word: str, severity: str, suggestion: str) -> None:
    found = _findings(registry, f"I texten står ordet {word} mitt i meningen.")
    assert [(f.rule, f.matched, str(f.severity)) for f in found] == [("term/kvinna-sammansattning", word, severity)]
    assert found[0].suggestions[0] == suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Kvinnor och män, unga kvinnor och äldre kvinnan deltog.",
        "Brandkvinnan och den fackliga förtroendekvinnan kom.",
        "Nätverket för företagskvinnor träffas i maj.",
        "Indiankvinnor och spåkvinnan finns i romanen.",
        "Taleskvinnan svarade.",  # a listed rule takes it
    ],
)
def test_woman_traps(registry: Registry, text: str) -> None:
    assert [h for h in _hits(registry, text) if h[0] in _PRODUCTIVE] == []


# --- no double findings ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "tjänstemännen", "socialtjänstemännen", "riksdagsmän", "talesmannen", "polismän", "förmännen",
        "kontaktmannen", "besiktningsmän", "sjömännen", "lärarinnor", "förskolelärarinnan", "städerskan",
        "kassörskor", "frisörskan", "servitriserna", "aktrisen", "flygvärdinnan", "kokerskor",
        "föreståndarinnan", "författarinnor", "sångerskan", "skådespelerskor", "taleskvinnor",
        "riksdagskvinnan", "husmodern", "barnflickor", "springpojkarna",
    ],
)
def test_one_finding_per_word(registry: Registry, word: str) -> None:
    hits = _hits(registry, f"I texten står ordet {word} mitt i meningen.")
    assert len(hits) == 1 and hits[0][0] not in _PRODUCTIVE, hits


# --- the parsers ---------------------------------------------------------------------------------


def test_parse_man_word_reads_the_lemma_and_ending() -> None:
    word = parse_man_word("värderingsmännens")
    assert word is not None
    assert (word.lemma, word.ending, word.attested, word.definite_or_plural) == (
        "värderingsman", "männens", True, True,
    )
    unattested = parse_man_word("reklammän")
    assert unattested is not None and (unattested.lemma, unattested.attested) == ("reklamman", False)


@pytest.mark.parametrize("word", ["roman", "allmän", "samman", "blommans", "domän", "engelsman", "man", "män"])
def test_parse_man_word_rejects(word: str) -> None:
    assert parse_man_word(word) is None


def test_parse_feminine_word_gives_the_base() -> None:
    word = parse_feminine_word("dansöserna")
    assert word is not None and (word.lemma, word.bases) == ("dansös", ("dansör",))
    assert parse_feminine_word("ungerska") is None
    assert parse_feminine_word("sjuksköterskan") is None


# --- -manna- compounds ----------------------------------------------------------------------

from dokumentanalys.rules_code.terms import parse_manna_word  # noqa: E402


@pytest.mark.parametrize(
    ("text", "matched", "suggestion"),
    [
        ("Kontaktmannaskapet följs upp i samband med genomförandeplanen.", "Kontaktmannaskapet", "Kontaktpersonskapet"),
        ("Förvaltningen ser över tjänstemannaansvaret i delegationsordningen.", "tjänstemannaansvaret", "tjänstepersonsansvaret"),
        ("Ordningsmannauppdraget gäller under hela evenemanget.", "Ordningsmannauppdraget", "Ordningspersonsuppdraget"),
    ],
)
def test_manna_compounds_are_flagged(registry: Registry, text: str, matched: str, suggestion: str) -> None:
    found = [f for f in _findings(registry, text) if f.rule == "term/manna-sammansattning"]
    assert [f.matched for f in found] == [matched]
    assert found[0].suggestions[0] == suggestion
    assert "könsbundna titeln" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Brandmannautbildningen pågår i tio veckor.",  # brandman is a keep word
        "Revisorerna och en lekmannarevisor granskar bolaget.",  # statutory term
        "Barnombudsmannaämbetet inrättades 1993.",  # ombudsman is kept
        "Till efterrätt serveras mannagrynspudding.",
        "Vi möttes på Lindmannavägen i Sjöhamn.",
        "Nämnden beslutar enligt tjänstemannaförslaget.",  # the term pack reports it, once
    ],
)
def test_manna_traps(registry: Registry, text: str) -> None:
    assert [f for f in _findings(registry, text) if f.rule == "term/manna-sammansattning"] == []


def test_parse_manna_word() -> None:
    assert parse_manna_word("kontaktmannaskap") == ("kontaktman", "kontakt", "skap")
    assert parse_manna_word("mannagryn") is None
    assert parse_manna_word("brandmannautbildning") is None
