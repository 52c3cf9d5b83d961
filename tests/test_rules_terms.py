"""The gendered-term and gender-marking packs: inflection, compounds, names, quotes, traps.

Every rule's own ``flag``/``pass`` examples run in ``test_rule_examples.py``;
this file covers what cuts across rules (words no rule may flag, statutory
terms, severities) and the generic rule conditions the packs rely on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dokumentanalys.engine.data_rules import compile_rules, load_pack
from dokumentanalys.engine.dispatch import run_rules
from dokumentanalys.language.sv import analyze_text
from dokumentanalys.plugins import Registry

_CATEGORIES = ("gendered-term", "gender-marking", "stereotype")  # term/mammaledig is a stereotype


def _findings(registry: Registry, text: str, categories: tuple[str, ...] = _CATEGORIES):
    rules = [r for r in registry.rules if r.meta.category in categories]
    result = run_rules(rules, analyze_text(text))
    assert not result.errors, result.errors
    return result.findings


def _hits(registry: Registry, text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.matched) for f in _findings(registry, text)]


# --- every inflected form and compound hits the same rule -------------------------


@pytest.mark.parametrize(
    ("word", "rule"),
    [
        ("tjänsteman", "term/tjansteman"),
        ("tjänstemannen", "term/tjansteman"),
        ("tjänstemän", "term/tjansteman"),
        ("tjänstemännen", "term/tjansteman"),
        ("tjänstemännens", "term/tjansteman"),
        ("socialtjänstemännen", "term/tjansteman"),
        ("HR-tjänstemannen", "term/tjansteman"),
        ("tjänstemannaförslaget", "term/tjansteman"),
        ("riksdagsmännen", "term/riksdagsman"),
        ("talesmännens", "term/talesman"),
        ("presstalesman", "term/talesman"),
        ("justeringsmän", "term/justeringsman"),
        ("målsmans", "term/malsman"),
        ("polismännen", "term/polisman"),
        ("vetenskapsmännen", "term/vetenskapsman"),
        ("naturvetenskapsman", "term/vetenskapsman"),
        ("gärningsmannens", "term/garningsman"),
        ("upphovsmän", "term/upphovsman"),
        ("idrottsmännen", "term/idrottsman"),
        ("förmannen", "term/forman"),
        ("kontaktmannen", "term/kontaktman"),
        ("taleskvinnan", "term/taleskvinna"),
        ("riksdagskvinnor", "term/riksdagskvinna"),
        ("lärarinnorna", "term/lararinna"),
        ("förskolelärarinnor", "term/lararinna"),
        ("fröknarna", "term/froken"),
        ("dagisfröken", "term/froken"),
        ("skådespelerskan", "term/skadespelerska"),
        ("operasångerskor", "term/sangerska"),
        ("författarinnans", "term/forfattarinna"),
        ("städerskorna", "term/staderska"),
        ("kassörskan", "term/kassorska"),
        ("frisörskor", "term/frisorska"),
        ("servitriserna", "term/servitris"),
        ("flygvärdinnor", "term/vardinna"),
        ("skolkokerskan", "term/kokerska"),
        ("dagmammorna", "term/dagmamma"),
        ("föreståndarinnan", "term/forestandarinna"),
        ("mammaledig", "term/mammaledig"),
        ("sjömännen", "term/sjoman"),
        ("sjömansyrket", "term/sjoman"),
        ("gode männen", "term/lagterm"),
        ("pappalediga", "term/mammaledig"),
        ("pappaledigheten", "term/mammaledig"),
        ("husmödrarna", "term/husmor"),
        ("lägerhusmor", "term/husmor"),
        ("barnflickorna", "term/barnflicka"),
        ("springpojkar", "term/springpojke"),
        ("skiljemännen", "term/lagterm"),
        ("bolagsmannens", "term/lagterm"),
    ],
)
def test_inflections_and_compounds_hit_the_rule(registry: Registry, word: str, rule: str) -> None:
    text = f"I texten står ordet {word} mitt i meningen."
    assert (rule, word) in _hits(registry, text)


# --- words that must never be flagged ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the indefinite pronoun and the noun man
        "Man kan ansöka om bidrag hela året.",
        "Om man har frågor kan man ringa oss.",
        "Hon kom med sin man och sina barn.",
        "Kvinnor och män ska ha samma makt att forma samhället.",
        # words that merely contain the letters
        "Biblioteket lånar ut skönlitteratur och facklitteratur.",
        "Vi besökte Mannheim och Manchester under resan.",
        "Manuell hantering och bemanning i romantikens anda.",
        "Förmånen gäller alla anställda, och förmånerna beskattas.",
        "Dagens manifestation samlade många, och mannekängen log.",
        # titles Språkrådet keeps, and their compounds
        "Barnombudsmannen och ombudsmännen svarar.",
        "Ombudsmannen för barn i Sverige heter Barnombudsmannen.",
        "Brandmännen kom snabbt och rådmannen dömde.",
        "Talmannen leder riksdagens arbete.",
        "Kommunen är huvudman för skolan, och huvudmännen ansvarar.",
        "Sjuksköterskan, barnmorskan, tandsköterskan och undersköterskorna träffas.",
        "Röntgensjuksköterskor och distriktssköterskor behövs.",
        # court titles kept like rådman
        "Lagmannen vid tingsrätten leder arbetet.",
        # quoted titles of laws and works
        "Se lagen ”om tjänstemäns ansvar” och boken ”Vetenskapsmannen”.",
        "Vi spelar pjäsen ”Lärarinnan” i vår.",
        # proper names: capitalised in mid-sentence
        "Hon bor på Talesmansgatan och arbetar på Förmansbolaget.",
        # names of laws and registers
        "Sjömanslagen och sjömansregistret nämns i texten.",
        # neutral replacements
        "Tjänstepersonen, talespersonen och riksdagsledamoten kom.",
        "Lokalvårdaren, läraren och servitören är nöjda.",
        "Gärningspersonen greps, och upphovspersonen fick ersättning.",
        "Föräldraledig personal kan söka tjänsten.",
    ],
)
def test_never_flagged(registry: Registry, text: str) -> None:
    assert _hits(registry, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Tingsrätten utser en god man, och de gode männen redovisar årligen.",
        "Nämndemännen deltar i rättegången.",
        "Föreningens lekmannarevisor granskar räkenskaperna.",
        "Den fackliga förtroendemannen har rätt till ledighet.",
    ],
)
def test_statutory_terms_give_one_info_note(registry: Registry, text: str) -> None:
    found = _findings(registry, text, ("gendered-term",))
    assert [(f.rule, str(f.severity)) for f in found] == [("term/lagterm", "info")]
    assert "lagterm" in found[0].message


def test_statutory_note_once_per_document(registry: Registry) -> None:
    text = "God man utses av tingsrätten. Den gode mannen redovisar. Gode män får arvode. Nämndemän dömer."
    assert [f.rule for f in _findings(registry, text, ("gendered-term",))] == ["term/lagterm"]


# --- severities and messages -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule", "severity"),
    [
        ("Två riksdagsmän deltog.", "term/riksdagsman", "error"),
        ("Nämndens talesman svarar.", "term/talesman", "error"),
        ("Två justeringsmän utses.", "term/justeringsman", "error"),
        ("Målsman skriver under.", "term/malsman", "error"),
        ("Polismannen kom till platsen.", "term/polisman", "warning"),
        ("Tjänstemannen svarar.", "term/tjansteman", "warning"),
        ("Lärarinnan kommer.", "term/lararinna", "warning"),
        ("Han är pappaledig i vår.", "term/mammaledig", "info"),
    ],
)
def test_severity_follows_the_term_table(registry: Registry, text: str, rule: str, severity: str) -> None:
    found = [f for f in _findings(registry, text) if f.rule == rule]
    assert [str(f.severity) for f in found] == [severity]


def test_message_names_the_matched_form(registry: Registry) -> None:
    (finding,) = _findings(registry, "Fråga socialtjänstemännen.")
    assert finding.message.startswith("”socialtjänstemännen”")
    assert "tjänsteperson" in finding.suggestions


@pytest.mark.parametrize(
    "text",
    [
        "Enligt 10 § polislagen får en polisman ingripa.",
        "Av polislagen framgår vad en polisman får göra.",
        "Upphovsmannen har enligt upphovsrättslagen rätt till ersättning.",
    ],
)
def test_statute_context_downgrades_to_info(registry: Registry, text: str) -> None:
    (finding,) = _findings(registry, text)
    assert finding.severity == "info"
    assert "lag" in finding.message


def test_same_word_outside_statute_context_is_a_warning(registry: Registry) -> None:
    (finding,) = _findings(registry, "En polisman kom till skolan och pratade med eleverna.")
    assert finding.severity == "warning"


def test_froken_before_a_name_is_not_a_title(registry: Registry) -> None:
    assert _hits(registry, "Vi ringde fröken Larsson och Fröken Julie spelades.") == []
    assert _hits(registry, "Fröken på förskolan läser en saga.") == [("term/froken", "Fröken")]


def test_one_finding_per_word(registry: Registry) -> None:
    hits = _hits(registry, "Tjänstemännen och riksdagsmännen träffade talesmannen.")
    assert [rule for rule, _ in hits] == ["term/tjansteman", "term/riksdagsman", "term/talesman"]


# --- the generic conditions the packs use (engine/schema.py) ------------------------

_PACK = """
[pack]
id = "villkor"

[[rule]]
id = "t/ord"
category = "gendered-term"
severity = "warning"
message = "”{match}”"
match = [{ lemma = "tjänsteman", paradigm = "man" }]
sentence_has = ["kommunen", "-nämnden"]
unless_number_within = 3
downgrade = { sentence_has = ["§", "-balken"], severity = "info", message = "lag: {match}" }

[[rule]]
id = "t/titel"
category = "gendered-term"
severity = "warning"
message = "titel"
match = [{ lemma = "fröken", paradigm = "none" }]
unless_name_follows = true
"""


@pytest.fixture(scope="module")
def conditions_rules(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("pack") / "villkor.toml"
    path.write_text(_PACK, encoding="utf-8")
    return compile_rules([load_pack(path)])[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tjänstemannen i kommunen svarar.", [("t/ord", "warning", "”Tjänstemannen”")]),
        ("Tjänstemannen i socialnämnden svarar.", [("t/ord", "warning", "”Tjänstemannen”")]),
        ("Tjänstemannen svarar.", []),  # sentence_has not met
        ("Kommunens 40 tjänstemän i kommunen svarar.", []),  # a number next to the hit
        ("Tjänstemannen i kommunen svarar, enligt 3 kap. brottsbalken.", [("t/ord", "info", "lag: Tjänstemannen")]),
        ("Tjänstemannen i kommunen enligt brottsbalken.", [("t/ord", "info", "lag: Tjänstemannen")]),
        ("Vi ringde fröken Berg.", []),
        ("Fröken läser.", [("t/titel", "warning", "titel")]),
    ],
)
def test_generic_conditions(conditions_rules, text: str, expected: list[tuple[str, str, str]]) -> None:
    result = run_rules(conditions_rules, analyze_text(text))
    assert [(f.rule, str(f.severity), f.message) for f in result.findings] == expected


def test_empty_word_in_sentence_list_is_rejected(tmp_path: Path) -> None:
    from dokumentanalys.engine.data_rules import RulePackError

    path = tmp_path / "bad.toml"
    path.write_text(
        "[pack]\nid='x'\n[[rule]]\nid='a'\ncategory='c'\nseverity='info'\nmessage='m'\n"
        "match=[{lemma='x'}]\nsentence_has=['-']\n",
        encoding="utf-8",
    )
    with pytest.raises(RulePackError, match="sentence_has"):
        load_pack(path)


# --- titles before names -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Riksdagsman Andersson talade först.",
        "Vi intervjuade riksdagsman Berg om vägen.",
    ],
)
def test_a_title_before_a_name_is_still_the_title(registry: Registry, text: str) -> None:
    assert [rule for rule, _ in _hits(registry, text)] == ["term/riksdagsman"]


def test_capitalised_title_mid_sentence_is_read_as_a_name(registry: Registry) -> None:
    assert _hits(registry, "Vi samarbetar med föreningen Talesmännen och Förmannen AB.") == []


# --- gender marking ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Vi fick hjälp av en kvinnlig vaktmästare.", "markering/kvinnlig-yrkestitel"),
        ("Den kvinnliga tandläkaren var mycket noggrann.", "markering/kvinnlig-yrkestitel"),
        ("Två manliga barnskötare har börjat på förskolan.", "markering/manlig-yrkestitel"),
        ("En manlig undersköterska tog blodprovet.", "markering/manlig-yrkestitel"),
        ("Den manlige förskolläraren spelar gitarr.", "markering/manlig-yrkestitel"),
    ],
)
def test_gender_marking_flags_the_adjective(registry: Registry, text: str, rule: str) -> None:
    hits = _hits(registry, text)
    assert [r for r, _ in hits] == [rule]
    assert hits[0][1].lower().startswith(("kvinnlig", "manlig"))


@pytest.mark.parametrize(
    "text",
    [
        "Andelen kvinnliga chefer ökade från 40 till 52 procent.",
        "Förvaltningen har 31 kvinnliga och 12 manliga chefer.",
        "Kvinnliga chefer tjänar i snitt mindre än manliga.",
        "Vi har för få manliga förskollärare.",
        "Du har rätt att välja en kvinnlig läkare.",
        "Kvinnliga poliser utsätts oftare för hot på nätet.",
        "Hon blev länets första kvinnliga landshövding och biskop.",
        "Kvinnliga förebilder inom teknik behövs.",
        "Rådet ska ha en jämn könsfördelning, och manliga ledamöter uppmuntras att söka.",
        "En kvinnlig röst läser upp hållplatserna.",
        "Kvinnliga företagare kan söka stöd för att starta eget.",
        "Manliga sjuksköterskor är fortfarande få, men antalet ökar.",
    ],
)
def test_gender_marking_leaves_relevant_sex_alone(registry: Registry, text: str) -> None:
    assert [r for r, _ in _hits(registry, text) if r.startswith("markering/")] == []


def test_a_capital_after_markup_starts_a_label_not_a_name(registry: Registry) -> None:
    """Form labels in Markdown or after a bullet: "**Målsmans underskrift:**" is the term."""
    assert ("term/malsman", "Målsmans") in _hits(registry, "Fyll i blanketten. **Målsmans underskrift:** ____")
    assert ("term/malsman", "Målsmans") in _hits(registry, "Underskrifter • Målsmans underskrift")
    # a capital after a word is still a name
    assert _hits(registry, "Ring Anna Talesman om du har frågor.") == []
