"""Stereotype rules: what they catch, and the analysis and critique they must leave alone.

Each rule's own examples run in ``test_rule_examples.py``; the cases here are
the traps: statistics by sex (which is good practice, not a stereotype),
sentences that discuss a stereotype, quotations, counter-statements.
"""

from __future__ import annotations

import pytest

from dokumentanalys.engine.dispatch import run_rules
from dokumentanalys.language.sv import analyze_text
from dokumentanalys.plugins import Registry


def _hits(registry: Registry, text: str) -> list[tuple[str, str]]:
    rules = [r for r in registry.rules if r.meta.category == "stereotype"]
    result = run_rules(rules, analyze_text(text))
    assert not result.errors, result.errors
    return [(f.rule, f.matched) for f in result.findings]


def _rules(registry: Registry, text: str) -> list[str]:
    return [rule for rule, _ in _hits(registry, text)]


GEN = "stereotyp/generalisering-om-kon"


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Flickor är mer ordentliga än pojkar.", "Flickor är mer ordentliga"),
        ("Tjejer är duktigare i skolan.", "Tjejer är duktigare"),
        ("Killar är bättre på matte.", "Killar är bättre på"),
        ("Kvinnor är mer omtänksamma än män.", "Kvinnor är mer omtänksamma"),
        ("Män har svårare att be om hjälp.", "Män har svårare att be"),
        ("Flickor har en naturlig fallenhet för språk.", "Flickor har en naturlig fallenhet"),
        ("Pappor brukar vara mindre lyhörda.", "Pappor brukar vara mindre lyhörda"),
        ("Därför är pojkar mer stökiga på lektionerna.", "är pojkar mer stökiga"),
        ("Vi vet ju att unga män är mer aggressiva.", "unga män är mer aggressiva"),
        ("Mammor är naturligt mer känsliga för barnens behov.", "Mammor är naturligt"),
        ("Kvinnor är sämre lämpade för tunga lyft.", "Kvinnor är sämre lämpade"),
    ],
)
def test_generalisations_are_flagged(registry: Registry, text: str, matched: str) -> None:
    assert (GEN, matched) in _hits(registry, text)


@pytest.mark.parametrize(
    "text",
    [
        # statistics and sources: sex-disaggregated analysis is what we want
        "Enligt SCB är kvinnor oftare sjukskrivna än män.",
        "Flickor har bättre betyg än pojkar i alla ämnen utom idrott.",
        "Kvinnor är i högre grad än män deltidsanställda.",
        "Studien visar att pojkar är mer stillasittande än flickor.",
        "Av eleverna svarade 62 procent av flickorna att de är stressade.",
        "Män är överrepresenterade bland dem som dör i trafiken.",
        "Kvinnor har lägre löner än män.",
        # talking about the stereotype
        "Myten att flickor är mer ordentliga lever kvar.",
        "Vi vill motverka föreställningen att killar är bättre på teknik.",
        "Flickor förväntas ofta vara duktiga och ordentliga.",
        "Är flickor verkligen mer ordentliga än pojkar?",
        "Eleverna diskuterade påståendet ”killar är bättre på teknik”.",
        # counter-statements and equality
        "Flickor är inte sämre på teknik än pojkar.",
        "Pojkar kan vara lika omtänksamma som flickor.",
        # specific groups, goals, plain facts
        "Flickorna i klass 4 är duktiga på att läsa.",
        "Flickor och pojkar ska bli starka och trygga.",
        "Alla flickor och pojkar ska ha samma möjligheter.",
        "Kvinnor och män har rätt till lika lön för lika arbete.",
        "Män har oftare högre inkomster än kvinnor.",
        "Kvinnor har svårare att få fast anställning.",
        "Kvinnor har svårare att ta sig in på arbetsmarknaden.",
        "Pojkar har svagare resultat i läsförståelse.",
        "Kvinnor är mer rädda att gå ut ensamma på kvällen.",
        "Många pappor är föräldralediga i mer än tre månader.",
        # words that only look like group nouns
        "Mannen är duktig på att laga mat.",
        "Alla män är välkomna på mötet.",
    ],
)
def test_analysis_and_critique_are_not_flagged(registry: Registry, text: str) -> None:
    assert GEN not in _rules(registry, text)


def test_one_finding_per_clause(registry: Registry) -> None:
    text = "Flickor är ordentliga och pojkar är stökiga. Killar är starka."
    assert [m for r, m in _hits(registry, text) if r == GEN] == [
        "Flickor är ordentliga",
        "pojkar är stökiga",
        "Killar är starka",
    ]


MOM = "stereotyp/mammor-i-stallet-for-foraldrar"


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Rytmik för mammor och barn på biblioteket.", "mammor och barn"),
        ("Kafét är öppet för mammorna och barnen.", "mammorna och barnen"),
        ("Vi startar nya mammagrupper i höst.", "mammagrupper"),
        ("Pedagogen kontaktar mamman om barnet har feber.", "mamman"),
    ],
)
def test_mothers_where_parents_are_meant(registry: Registry, text: str, matched: str) -> None:
    assert (MOM, matched) in _hits(registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Barnmorskan besöker mamman och barnet efter förlossningen.",
        "Stöd till mammor som ammar.",
        "Kvinnojouren tar emot mammor och barn som utsatts för våld.",
        "Ensamstående mammor och deras barn har ofta låga inkomster.",
        "Förskolan kontaktar föräldrarna om barnet har feber.",
        "Pappor och mammor får samma information om barnet.",
        "Det är fortfarande oftast mamman som tar kontakt med förskolan om barnet.",
        "Anna är mamma till två barn.",
        "Barnet får bo hos mamman varannan vecka.",
        "Mödrahälsovården följer mödrar och barn under graviditeten.",
    ],
)
def test_mothers_who_really_are_meant(registry: Registry, text: str) -> None:
    assert MOM not in _rules(registry, text)


DAD = "stereotyp/pappor-hjalper-till"


@pytest.mark.parametrize(
    "text",
    [
        "Pappor som hjälper till hemma mår bättre.",
        "Papporna hjälper till med matlagningen.",
        "Hemma hjälper pappan till med disken.",
        "Mannen hjälper till med barnen när han kan.",
    ],
)
def test_fathers_helping_out(registry: Registry, text: str) -> None:
    assert DAD in _rules(registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pappor som tar hand om barnen mår bättre.",
        "Pappor i föreningen hjälper till vid loppisen på torget.",
        "Männen hjälper till att bära stolar.",
        "Personalen hjälper till med läxorna.",
        "Om barnet far illa hjälper socialtjänsten till.",
    ],
)
def test_other_help_is_not_flagged(registry: Registry, text: str) -> None:
    assert DAD not in _rules(registry, text)


TYP = "stereotyp/typiskt-kvinnligt-manligt"


def test_typically_female_all_forms(registry: Registry) -> None:
    hits = _hits(registry, "Det är typiskt manligt att tävla, och sömnad är ett typiskt kvinnligt hantverk.")
    assert [(r, m) for r, m in hits if r == TYP] == [(TYP, "typiskt manligt"), (TYP, "typiskt kvinnligt")]


def test_typically_female_in_a_discussion_of_norms(registry: Registry) -> None:
    assert TYP not in _rules(registry, "Eleverna diskuterar normer om vad som är typiskt kvinnligt.")


PARTNER = "stereotyp/antagen-partner"


@pytest.mark.parametrize(
    "text",
    [
        "Sökanden och hans hustru ska bifoga sina lönebesked.",
        "Hyresgästen och dennes fru får inte hyra ut lägenheten i andra hand.",
        "Arbetstagaren och hennes make omfattas av försäkringen.",
    ],
)
def test_assumed_partner(registry: Registry, text: str) -> None:
    assert PARTNER in _rules(registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Sökanden och sökandens make, maka eller sambo ska skriva under.",
        "Sökanden och hans eller hennes partner ska skriva under.",
        "Kungen och hans fru besökte kommunen.",
        "Sökanden bifogar intyg från ”hans fru” enligt blanketten.",
    ],
)
def test_partner_named_neutrally_or_a_real_couple(registry: Registry, text: str) -> None:
    assert PARTNER not in _rules(registry, text)


def test_severities(registry: Registry) -> None:
    severities = {r.id: str(r.meta.severity) for r in registry.rules if r.meta.category == "stereotype"}
    assert severities[PARTNER] == "warning"
    for rule_id in (GEN, MOM, DAD, TYP):
        assert severities[rule_id] == "info"


# --- generalisations built from parts: wordings no rule names one by one ---------------------


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Män är generellt bättre lämpade för ledande positioner.", "Män är generellt bättre lämpade"),
        ("De flesta män har svårt att visa känslor.", "flesta män har svårt att visa"),
        ("Kvinnor har en medfödd omsorgsförmåga.", "Kvinnor har en medfödd omsorgsförmåga"),
        ("Killar saknar tålamod med små barn.", "Killar saknar tålamod"),
        ("Killar lockas av fart och spänning.", "Killar lockas av fart"),
        ("Pojkar mår bra av tydliga gränser.", "Pojkar mår bra av"),
        ("Kvinnor passar utmärkt som undersköterskor.", "Kvinnor passar utmärkt som"),
        ("Tjejer tar ofta hand om de yngre barnen på fritids.", "Tjejer tar ofta hand om"),
        ("Män ligger för teknik och mekanik.", "Män ligger för"),
        ("Män brukar vara mer självsäkra.", "Män brukar vara mer självsäkra"),
        ("Unga män är mer våldsamma.", "Unga män är mer våldsamma"),
        ("Killar brukar ha svårare att sitta still.", "Killar brukar ha svårare att sitta"),
        ("Mödrar vet instinktivt vad barnet behöver.", "Mödrar vet instinktivt"),
        ("Pojkar ska få vara pojkar.", "Pojkar ska få vara pojkar"),
        ("Vi ska låta flickor vara flickor och pojkar vara pojkar.", "flickor vara flickor och pojkar vara pojkar"),
        ("Flickor slutar tidigt eftersom de hellre umgås med kompisar.", "de hellre umgås"),
    ],
)
def test_generalisations_from_parts(registry: Registry, text: str, matched: str) -> None:
    assert (GEN, matched) in _hits(registry, text)


@pytest.mark.parametrize(
    "text",
    [
        # sex-disaggregated facts: outcomes, measures, sources
        "Kvinnor har lägre inkomst än män.",
        "Kvinnor tar fortfarande större ansvar för hem och barn.",
        "Män tar större ansvar för bilen och kvinnor för tvätten, visar tidsanvändningsundersökningen.",
        "Kvinnor söker vård för depression.",
        "Unga kvinnor saknar ofta fast anställning.",
        "Flickor blir mer stressade av skolan än pojkar, visar elevhälsans enkät.",
        "Män lever i genomsnitt kortare än kvinnor.",
        # negated, quoted or discussed stereotypes
        "Det är inte så att killar är sämre på att läsa.",
        "Det betyder inte att kvinnor är sämre företagare än män.",
        "Myten om att tjejer inte kan teknik lever kvar.",
        "Pojkar är pojkar, brukar man säga, men det vill vi ifrågasätta.",
        "Medan flickor oftare får beröm för att de är hjälpsamma, får pojkar fler tillsägelser.",
        # targeted services and rights
        "Tjejjouren har öppet på kvällar för tjejer som vill prata.",
        "Pappor har rätt till föräldrapenning på samma villkor som mammor.",
        "Kvinnor som driver företag kan söka stöd från Almi.",
        "Pojkar som vill dansa ska känna sig välkomna.",
        # specific groups, equality
        "Killarna i klass 8 är stökiga på lektionerna.",
        "Killar och tjejer är lika bra på matematik.",
    ],
)
def test_facts_and_counter_statements_stay_quiet(registry: Registry, text: str) -> None:
    assert _rules(registry, text) == []


ROLE = "stereotyp/antagen-konsroll"


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        (
            "Vi erbjuder smink och mode för tjejer och bilar och motor för killar.",
            "smink och mode för tjejer och bilar och motor för killar",
        ),
        ("De kvinnliga pedagogerna sköter pysslet.", "De kvinnliga pedagogerna sköter pysslet"),
        ("Det är pappan som ska bestämma om ekonomin.", "pappan som ska bestämma"),
        ("Vid inskolningen är det mamman som är hemma med barnet.", "mamman som är hemma"),
        ("Som pappa vet du att barnen behöver gränser.", "Som pappa vet du"),
        ("Som kvinnlig företagare behöver man kunna kombinera arbetet med familjen.", "Som kvinnlig företagare behöver man"),
    ],
)
def test_roles_handed_out_by_sex(registry: Registry, text: str, matched: str) -> None:
    assert (ROLE, matched) in _hits(registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Vi satsar på fotboll för tjejer och dans för killar.",
        "Vi vill att fler tjejer ska prova motor och fler killar ska prova dans.",
        "Flickor och pojkar ska få prova både dans och fotboll.",
        "Den kvinnliga personalen är i majoritet i förskolan.",
        "Det är oftast mamman som är hemma med sjuka barn.",
        "Det är mamman som har vårdnaden om barnet enligt tingsrättens dom.",
        "Före förlossningen är det mamman som ska anmäla graviditeten till Försäkringskassan.",
        "Som man har du rätt att söka vård på mansmottagningen.",
        "Som förälder vet du hur svårt det kan vara att få ihop vardagen.",
    ],
)
def test_roles_not_handed_out(registry: Registry, text: str) -> None:
    assert ROLE not in _rules(registry, text)


def test_a_cleft_about_the_mother_is_one_finding(registry: Registry) -> None:
    hits = _hits(registry, "Söker du för ett barn? Då är det mamman som ska fylla i blanketten.")
    assert hits == [(ROLE, "mamman som ska fylla i")]


def test_mother_child_phrases_are_built_from_parts(registry: Registry) -> None:
    assert (MOM, "mammor och deras bebisar") in _hits(registry, "Babycafé för mammor och deras bebisar.")
    assert (MOM, "mammor med småbarn") in _hits(registry, "Öppen förskola för mammor med småbarn.")


def test_father_as_babysitter(registry: Registry) -> None:
    assert (DAD, "Papporna uppmuntras att vara barnvakt") in _hits(
        registry, "Papporna uppmuntras att vara barnvakt en kväll i veckan."
    )
    assert DAD not in _rules(registry, "Föräldrar kan boka barnvakt genom föreningen.")


def test_fixed_phrases(registry: Registry) -> None:
    assert ("stereotyp/riktig-man", "riktig man") in _hits(registry, "Unga behöver se hur en riktig man tar ansvar.")
    assert ("stereotyp/konsbundna-egenskaper", "kvinnogöra") in _hits(registry, "Disken är inget kvinnogöra.")
    assert _rules(registry, "Vi vill utmana normer om vad en riktig man är.") == []


def test_assumed_partner_gives_one_finding_not_two(registry: Registry) -> None:
    """The stereotype finding replaces the generic-pronoun one on the same words."""
    rules = [r for r in registry.rules if r.meta.category in ("stereotype", "generic-masculine")]
    text = "Om fastigheten ägs gemensamt ska sökanden och hans fru båda skriva under."
    found = [(f.rule, f.matched) for f in run_rules(rules, analyze_text(text)).findings]
    assert found == [(PARTNER, "hans fru")]
    # the pronoun rule still reports a generic han elsewhere in the sentence; an alternative that
    # names the other spouse covers everyone
    text = "Sökanden ska bifoga intyg om han äger fastigheten tillsammans med hans fru eller make."
    found = [(f.rule, f.matched) for f in run_rules(rules, analyze_text(text)).findings]
    assert ("pronomen/generiskt-han", "han") in found and PARTNER not in [r for r, _ in found]
    # "eller sambo" only covers those who are not married: a married partner is still a wife
    text = "Sökanden ska bifoga intyg om han äger fastigheten tillsammans med hans fru eller sambo."
    found = [(f.rule, f.matched) for f in run_rules(rules, analyze_text(text)).findings]
    assert (PARTNER, "hans fru") in found


# --- unseen wording: relative clauses, derived traits, wants, sexed compounds, mothers as contact ---

ROLE = "stereotyp/antagen-konsroll"


@pytest.mark.parametrize(
    ("text", "rule", "matched"),
    [
        # a non-restrictive relative clause is about the whole group
        ("Satsningen riktas mot pojkar, som till sin natur är mer rastlösa.", GEN, "pojkar, som till sin natur är mer rastlösa"),
        # the main predicate after a restrictive relative clause
        ("Kvinnor som arbetar i vården är ofta mer omtänksamma.", GEN, "Kvinnor som arbetar i vården är ofta mer omtänksamma"),
        ("Söner och svärsöner som bor nära är en självklar resurs vid flytten.", GEN, "Söner och svärsöner som bor nära är en självklar resurs"),
        # compound trait adjectives that are not in the lexicon
        ("Unga män är mer våldsbenägna och behöver tydliga gränser.", GEN, "Unga män är mer våldsbenägna"),
        ("Flickor är mer lättledda än pojkar.", GEN, "Flickor är mer lättledda"),
        ("Flickor är till sin natur mer konflikträdda än pojkar.", GEN, "Flickor är till sin natur mer konflikträdda"),
        # a number in another clause does not make the claim a statistic
        ("Pojkar behöver mer fysisk aktivitet, och därför får årskurs 3 en extra rast.", GEN, "Pojkar behöver mer fysisk"),
        # wants with a coded object
        ("Tjejer längtar efter dans och drama.", GEN, "Tjejer längtar efter dans"),
        ("Killar vill hålla på med motor och bygga saker.", GEN, "Killar vill hålla på med motor"),
        # activities split by sexed compounds or bare parent words
        ("Biblioteket har pojkträffar med datorspel och flickträffar med pyssel.", ROLE, "pojkträffar med datorspel och flickträffar med pyssel"),
        ("Mässan har smink för mamma och motorer för pappa.", ROLE, "smink för mamma och motorer för pappa"),
        # a job ad that asks for a person of one sex with that sex's coded traits
        ("Vi söker en stark och praktisk man till lagret.", ROLE, "stark och praktisk man"),
        # mothers as the contact or the volunteer
        ("Hämtningen görs av en vuxen, helst mamman, senast klockan 17.", MOM, "vuxen, helst mamman"),
        ("Förskolan kontaktar barnets mamma om barnet har feber.", MOM, "barnets mamma"),
        ("Vi tackar mammorna som ställde upp i kiosken.", MOM, "mammorna som ställde"),
    ],
)
def test_unseen_wordings_are_flagged(registry: Registry, text: str, rule: str, matched: str) -> None:
    assert (rule, matched) in _hits(registry, text)


@pytest.mark.parametrize(
    "text",
    [
        # the relative clause restricts the group: not about all of them
        "Pojkar som ofta är stökiga får extra stöd av specialpedagogen.",
        "Flickor som är intresserade av teknik får gå på sommarlägret.",
        "Tjejer som vill ha fart och tävling är välkomna i motorklubben.",
        "Äldre kvinnor som bor ensamma har ofta låga pensioner.",
        "Kvinnor som söker stöd hos kvinnojouren ska få hjälp samma dag.",
        # a non-restrictive clause that reports a situation, not a trait
        "Flickor, som i dag är underrepresenterade i idrottsföreningarna, ska nås genom riktade insatser.",
        # statistics, surveys, extent, negation
        "Andelen flickor som söker sig till teknikprogrammet har ökat.",
        "I enkäten uppger pojkar att de vill ha mer fart och tävling.",
        "Pojkar i årskurs 9 har 20 poäng lägre meritvärde.",
        "Döttrar som bor nära sina föräldrar ger oftare stöd än söner.",
        "Det är inte så att pojkar av naturen är mer riskbenägna.",
        "Kvinnor söker vård för depression oftare än män.",
        "Killar söker gemenskap lika mycket som tjejer.",
        # both sexes named together
        "Flickor och pojkar behöver mer rörelse under skoldagen.",
        "Kvinnor och män söker gemenskap på träffpunkten.",
        # wants without a coded object
        "Killar vill ha fler mötesplatser i centrum.",
        # counter-stereotypes and sex-neutral activities
        "Föreningen ordnar tjejkvällar med fotboll och killkvällar med dans.",
        "Föreningen har damlag i fotboll och herrlag i innebandy.",
        "Vi söker en teknisk tjej till vårt team.",
        "Vi söker en noggrann medarbetare till vårt team.",
        "Han är en stark man som söker nya utmaningar.",
        # both parents, a described case, birth
        "Mentorn kontaktar elevens mamma eller pappa samma dag.",
        "Elevens mamma har själv kontaktat skolan.",
        "Barnmorskan kontaktar barnets mor efter förlossningen.",
        "Den förälder som tar ut flest dagar är oftast mamman.",
        "Pappor och mammor som bakade till marknaden fick tack.",
    ],
)
def test_unseen_traps_stay_quiet(registry: Registry, text: str) -> None:
    assert _hits(registry, text) == []


def test_wife_or_sambo_still_assumes_a_wife(registry: Registry) -> None:
    text = "Om den enskilde har en ny relation ska han och hans fru eller sambo lämna uppgifter."
    assert (PARTNER, "hans fru") in _hits(registry, text)
    text = "Om den enskilde har en ny relation ska hans fru, make eller sambo lämna uppgifter."
    assert PARTNER not in _rules(registry, text)


# --- definite groups, habits, role instructions, forms (written for issue 4, blind-c) -----------

ROLE = "stereotyp/antagen-konsroll"
MOTHERS = "stereotyp/mammor-i-stallet-for-foraldrar"
FATHERS = "stereotyp/pappor-hjalper-till"
PARTNER = "stereotyp/antagen-partner"


@pytest.mark.parametrize(
    ("text", "rule", "matched"),
    [
        ("Damerna på träffpunkten är vana vid att sköta hushållet.", GEN, "Damerna på träffpunkten är vana vid"),
        ("Killarna har svårare att lyssna på instruktioner.", GEN, "Killarna har svårare att lyssna"),
        ("Flickorna brukar vara mer försiktiga i skogen.", GEN, "Flickorna brukar vara mer försiktiga"),
        ("Kvinnorna är av naturliga skäl mer delaktiga i skolgången.", GEN, "Kvinnorna är av naturliga skäl mer delaktiga"),
        ("Pojkarna vill ha fart, flickorna vill hellre pyssla.", GEN, "Pojkarna vill ha fart"),
        ("På lägret tar pojkarna självklart befälet.", GEN, "tar pojkarna självklart befälet"),
        ("Någon samtalsgrupp behövs inte, eftersom män sällan har samma behov av stöd.", GEN, "män sällan har samma behov"),
        ("Unga män lär sig nya appar snabbt.", GEN, "Unga män lär sig nya appar snabbt"),
        ("Söner behöver få utlopp för sin energi.", GEN, "Söner behöver få utlopp"),
        ("Kvinnor i gruppen är särskilt lämpade för kundkontakt.", GEN, "Kvinnor i gruppen är särskilt lämpade"),
        ("Mammor brukar vilja sköta packningen själva.", GEN, "Mammor brukar vilja sköta packningen"),
        ("Pappor är i regel familjens försörjare.", GEN, "Pappor är i regel familjens försörjare"),
        ("Mammor kan med fördel tillfrågas när fikat ska ordnas.", GEN, "Mammor kan med fördel tillfrågas"),
        ("Tjejerna sköter gärna anteckningarna, medan killarna tar naturligt ledningen.", GEN, "Tjejerna sköter gärna"),
        ("Vi ordnar ett stickcafé för damerna och en bilverkstad för herrarna.", ROLE, "stickcafé för damerna och en bilverkstad för herrarna"),
        ("På vårfesten bakar vi tårta där mammorna bakar medan papporna bär bänkar.", ROLE, "mammorna bakar medan papporna bär"),
        ("Broschyren ges till flickorna, eftersom det är de som ansvarar för skyddet.", ROLE, "de som ansvarar"),
        ("Hemtjänsten lagar inte mat om frun kan laga mat själv.", ROLE, "om frun kan laga mat"),
        ("Ange om någon anhörig hjälper dig, till exempel din syster eller dotter.", ROLE, "din syster eller dotter"),
        ("Kallelsen skickas i första hand till elevens mamma.", MOTHERS, "i första hand till elevens mamma"),
        ("Mamma eller annan vuxen hämtar barnet vid busshållplatsen.", MOTHERS, "Mamma eller annan vuxen"),
        ("Vi behöver pappor som kan hjälpa till som chaufförer på utflykten.", FATHERS, "pappor som kan hjälpa till"),
        ("Om du är gift eller sambo ska din fru också lämna uppgifter om inkomst.", PARTNER, "din fru"),
    ],
)
def test_definite_groups_habits_and_instructions_are_flagged(registry: Registry, text: str, rule: str, matched: str) -> None:
    hits = _hits(registry, text)
    assert any(r == rule and matched in m for r, m in hits), hits


@pytest.mark.parametrize(
    "text",
    [
        # a specific group described factually
        "Kvinnorna på avdelningen är nöjda med det nya schemat.",
        "Männen i gruppen har svårt att få tag på bostad.",
        "Männen på boendet har svårare att få plats i dagverksamheten.",
        "Männen i kören brukar träffas på tisdagar.",
        "Tjejerna i laget brukar samlas efter träningen.",
        "Killarna på fritidsgården har önskat fler turneringar.",
        "Killarna tar ledarrollen i projektet under våren.",
        "Flickorna i klass 5 är vana vid att arbeta i par.",
        # observed or measured
        "Männen deltar sällan i samtalsgrupperna, visar uppföljningen.",
        "Killar söker fortfarande sällan stöd för psykisk ohälsa.",
        # no group behind a cleft, everyone offered help, both sexes as examples
        "Ekonomerna har fått uppdraget, eftersom det är de som ansvarar för budgeten.",
        "Ange vem som hjälper dig, till exempel din dotter, son eller granne.",
        "Om frun har egen inkomst ska den också redovisas.",
        "Skicka kallelsen i första hand till vårdnadshavare via lärplattformen.",
        "Mamma eller pappa skriver under anmälan.",
        "Om du är gift eller sambo ska du och din partner båda skriva under.",
        "Flera pappor ställer upp som ledare i föreningen.",
    ],
)
def test_specific_groups_and_neutral_instructions_stay_quiet(registry: Registry, text: str) -> None:
    assert _hits(registry, text) == []


def test_a_leader_requested_by_the_participants_is_not_gender_marking(registry: Registry) -> None:
    rules = [r for r in registry.rules if r.meta.category == "gender-marking"]
    asked = "Killkvällarna leds av manliga ledare, eftersom killarna själva bett om det."
    wished = "Cirkeln leds av en kvinnlig ledare, som deltagarna efterfrågat."
    plain = "Cirkeln leds av en kvinnlig ledare med lång erfarenhet."
    assert run_rules(rules, analyze_text(asked)).findings == []
    assert run_rules(rules, analyze_text(wished)).findings == []
    assert [f.matched for f in run_rules(rules, analyze_text(plain)).findings] == ["kvinnlig ledare"]


@pytest.mark.parametrize(
    "text",
    [
        # role scenes: two sexed actors with a verb each, a parent sent off while the children play
        "Medan pappa bär in matkassarna kan mamma duka bordet.",
        "Mamma tvättar kläderna, pappa klipper gräsmattan.",
        "På vårfesten grillar papporna och mammorna ordnar lotteriet.",
        "Papporna kan ta en kopp kaffe medan barnen klättrar.",
        "På skolavslutningen är det mamma som står vid kakbordet.",
        # nature and ease claims
        "Flickor behöver få prata av sig efter skoldagen.",
        "Män har svårare än kvinnor att be om hjälp med ekonomin.",
        "Killar lär sig lättare genom att göra.",
        "Men tjejer är ju tjejer.",
        # figures with a coded trait, images chosen by sex
        "Skriv så att en farfar som aldrig har haft en mobil förstår.",
        "Låt inte som en sur gubbe i receptionen.",
        "Till nyheter om teknik väljer vi bilder på män vid maskiner och till nyheter om förskolan bilder på kvinnor som tröstar barn.",
    ],
)
def test_scenes_nature_claims_and_figures_are_flagged(registry: Registry, text: str) -> None:
    assert _hits(registry, text) != []


@pytest.mark.parametrize(
    "text",
    [
        "Vi får inte utgå från att det är papporna som sköter skjutsningen.",
        "Handläggaren ska inte förutsätta att det är kvinnorna som tar hand om tvätten.",
        "Mammor och pappor kan anmäla sig till kursen.",
        "Kvinnorna tar ut fler dagar än männen, visar statistiken.",
        "Barnen målar medan föräldrarna fikar.",
        "Min mormor lärde mig att simma.",
        "Välj bilder som visar både kvinnor och män i olika yrken.",
        "Flickor och pojkar behöver få röra på sig varje dag.",
    ],
)
def test_negated_frames_and_neutral_scenes_stay_quiet(registry: Registry, text: str) -> None:
    assert _hits(registry, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # habits and tastes softened by modal particles and frequency words
        "Tjejer vill ju helst rita och pyssla på fritids.",
        "Mammor har sällan tålamod med fotbollsträningar i regn.",
        "Grabbar brukar gärna ta för sig vid matbordet.",
        "Tanterna vill ju mest fika och prata.",
        "Karlar har ofta svårt att uttrycka oro.",
        "Vi ordnar cykelkurs för damer, som ju sällan vågar cykla i trafiken.",
        "Herrar i den åldern har svårt att be om hjälp.",
        # an activity earmarked by sex, a parent chosen by habit
        "Snickarverkstaden är tänkt för herrarna, medan damerna kan baka i köket.",
        "Ange pappans nummer först, eftersom det oftast är han som skjutsar.",
        "Undrar du över packningen, fråga mamma, hon har ju koll på kläderna.",
    ],
)
def test_softened_generalisations_are_flagged(registry: Registry, text: str) -> None:
    assert GEN in _rules(registry, text)


@pytest.mark.parametrize(
    "text",
    [
        # a source or a measure turns the frequency word into an observation
        "Enligt enkäten läser pojkar oftast faktaböcker.",
        "Statistiken visar att pappor sällan tar ut hela föräldraledigheten.",
        "I enkäten svarade 40 flickor att de helst spelar handboll.",
        # circumstances and comparisons, not the group's ways
        "Äldre kvinnor bor ofta ensamma efter att partnern har dött.",
        "Unga män saknar oftast fast anställning de första åren.",
        "Pojkar läser oftast mindre än flickor.",
        "Kursen är tänkt för nyblivna föräldrar, medan barnen leker i rummet bredvid.",
        "Rummet är inte tänkt för damerna, medan herrarna har ett eget.",
        "Ring mamma om hon inte svarar i telefon.",
        "Det är oftast mamman som har kontakt med förskolan.",
        "Damerna i kören brukar öva på onsdagar.",
    ],
)
def test_observed_frequencies_stay_quiet(registry: Registry, text: str) -> None:
    assert GEN not in _rules(registry, text)


def test_pronoun_de_does_not_repeat_a_claim(registry: Registry) -> None:
    text = "Flickor i lågstadiet behöver ingen extra uppmuntran, de sköter det själva."
    assert _rules(registry, text).count(GEN) == 1
