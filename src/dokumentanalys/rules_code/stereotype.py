"""Stereotyped wording about women, men, girls and boys (category ``stereotype``).

These rules are hints, not verdicts (domain primer §4), so they are tuned for
precision: each looks for a narrow sentence pattern and steps aside when the
sentence reads as analysis rather than assumption (numbers, a source,
"oftare", "i högre grad"), or when it talks *about* a stereotype ("myten att",
"föreställningar om", "bryta normer").

- :data:`group_generalisation`: "Flickor är mer ordentliga än pojkar",
  "Killar är bättre på teknik", "Kvinnor är av naturen omhändertagande".
- :data:`mothers_for_parents`: "mammor och barn", "mammagrupp",
  "Mammorna får information om barnets ..." where parents are meant.
- :data:`fathers_help_out`: "pappor som hjälper till hemma".

Word lists are plain sets of lower-case forms; the lemma table is not used
because it is unreliable for these words (it reads *bättre* as *god*).
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ..engine.rule import RuleContext, code_rule
from ..language.analyzed import AnalyzedBlock, AnalyzedDocument, Sentence, Token
from ..model import Finding

__all__ = ["RULES", "group_generalisation", "mothers_for_parents", "fathers_help_out"]

_SCHYST = "Region Värmland: Schyst kommunikation – fler schysta tips (”Tänk tvärtom”)"
_SCHYST_URL = "http://schyst.se/schyst-kommunikation/start/fler-schysta-tips/"
_TRAMPOLIN = "Trampolin PR: Inkluderande kommunikation (sekundärkälla)"


# --- shared word lists ---------------------------------------------------------------

#: Generic plural group nouns (indefinite: "flickor är ...", not "flickorna i klassen").
_GROUPS: dict[str, str] = {
    "kvinnor": "kvinnor",
    "män": "män",
    "flickor": "flickor",
    "pojkar": "pojkar",
    "tjejer": "tjejer",
    "killar": "killar",
    "mammor": "mammor",
    "pappor": "pappor",
    "mödrar": "mödrar",
    "fäder": "fäder",
}
_GROUP_GENITIVES = frozenset(
    {"kvinnors", "mäns", "flickors", "pojkars", "tjejers", "killars", "mammors", "pappors", "mödrars", "fäders"}
)


def _adj(base: str, *extra: str) -> set[str]:
    """Forms of a regular adjective: base, -t, -a, -e, -are, -ast, -aste (plus ``extra``)."""
    forms = {base + s for s in ("", "t", "a", "e", "are", "ast", "aste")}
    return forms | set(extra)


def _adj_sam(base: str) -> set[str]:
    """Adjectives in -sam double the m: omtänksam, omtänksamt, omtänksamma."""
    return {base, base + "t", base + "ma", base + "me", base + "mare", base + "mast", base + "maste"}


def _adj_ad(base: str) -> set[str]:
    """Participles in -ad: tävlingsinriktad, tävlingsinriktat, tävlingsinriktade."""
    stem = base[:-2]
    return {base, stem + "at", stem + "ade"}


#: Traits and abilities that generalisations ascribe to a sex. Outcomes
#: (sjukskrivna, utsatta, arbetslösa) are left out on purpose: "kvinnor är mer
#: sjukskrivna än män" describes a measured difference, not a trait.
_TRAITS: frozenset[str] = frozenset(
    set().union(
        *(
            _adj(w)
            for w in (
                "ordentlig", "duktig", "känslig", "flitig", "pratig", "skvallrig", "svag", "stark",
                "teknisk", "logisk", "aggressiv", "bråkig", "stökig", "försiktig", "lydig",
                "mjuk", "hård", "tuff", "dominant", "handlingskraftig", "våldsam", "slarvig", "lat",
                "intuitiv", "lugn", "snäll", "fåfäng", "empatisk", "modig", "självsäker", "noggrann",
                "högljudd", "vild", "pratglad", "petig", "impulsiv", "känslosam",
            )
        ),
        *(_adj_sam(w) for w in ("omtänksam", "uppmärksam", "pratsam")),
        *(_adj_ad(w) for w in ("tävlingsinriktad", "intresserad", "lagd", "begåvad", "lämpad")),
        {
            "emotionell", "emotionellt", "emotionella", "rationell", "rationellt", "rationella",
            "omhändertagande", "omvårdande", "vårdande", "lyhörd", "lyhört", "lyhörda",
            "ambitiös", "ambitiöst", "ambitiösa", "praktiskt", "naturligt", "lättare", "svårare",
        },
    )
)
#: Fear and worry are left out of _TRAITS too: "kvinnor är mer rädda att gå ut" is
#: usually a finding of a safety survey, not a claim about women's nature.

#: "svårare att sitta still" is about a trait; "svårare att få jobb" about circumstances.
_TRAIT_VERBS = frozenset(
    {
        "sitta", "prata", "uttrycka", "visa", "koncentrera", "fokusera", "lyssna", "samarbeta", "be",
        "söka", "hantera", "lära", "känna", "förstå", "säga", "planera", "vänta", "lösa", "anpassa",
        "kontrollera", "styra", "leda", "vårda", "ta", "räkna", "läsa",
    }
)
_CIRCUMSTANCES = frozenset({"sig"})  # "ta sig in på arbetsmarknaden"
#: "har en naturlig fallenhet för": an innate ability.
_ABILITY_NOUNS = frozenset({"fallenhet", "talang", "begåvning", "instinkt", "förmåga", "känsla"})

#: Comparatives that need a following "på"/"lämpade"/a role noun to be about ability.
_ABILITY_COMPARATIVES = frozenset({"bättre", "sämre", "bra", "dåliga", "dålig"})
_ABILITY_NEXT = frozenset(
    {"på", "lämpade", "lämpad", "som", "ledare", "förare", "föräldrar", "chefer", "lyssnare"}
)
#: Verbs that carry a generalising statement ("flickor ÄR", "pojkar HAR svårare").
_VERBS = frozenset({"är", "blir", "har", "kan", "brukar", "tenderar", "verkar", "tycks", "var"})
#: Preference verbs: "killar vill hellre tävla", "flickor föredrar dans".
#: vill/väljer need a preference adverb next; behöver needs a degree word or "för att".
_PREFER_DIRECT = frozenset({"föredrar", "gillar", "älskar"})
_PREFER_ADVERB = frozenset({"vill", "väljer", "söker"})
_PREFER_ADVERBS = frozenset({"hellre", "helst"})
_NEED = frozenset({"behöver"})
_NEED_DEGREE = frozenset({"mer", "mindre", "fler", "extra", "tydligare", "hårdare", "fastare", "mera"})
#: Care verbs that hand a group a responsibility: "mammor tar hand om", "kvinnor sköter".
_CARE_VERBS = frozenset({"sköter", "tar"})
#: Words allowed between the group and the trait.
_FILLERS = frozenset(
    {
        "mer", "mindre", "mycket", "ofta", "oftast", "alltid", "generellt", "helt", "enkelt", "också",
        "även", "lite", "betydligt", "så", "väldigt", "mest", "minst", "av", "naturen", "i", "regel",
        "allmänhet", "sig", "själva", "bara", "vara", "att", "ju", "nog", "mycket", "sällan", "en",
        "naturligt", "faktiskt", "egentligen", "klart", "tydligt", "ett", "för",
    }
)
#: Before the group: where a generic subject can start ("..., men flickor är").
_SUBJECT_OPENERS = frozenset({"att", "eftersom", "då", "men", "medan", "och", ",", "alla", "flesta", "–", "-", ":"})
_GROUP_ADJECTIVES = frozenset({"unga", "äldre", "vuxna", "små", "alla", "flesta", "de"})
#: Negation or equality between the group and the trait: a counter-statement.
_NEGATIONS = frozenset({"inte", "aldrig", "ej", "inga", "ingen", "lika", "varken"})

#: Sentences with these words read as analysis, a report of data, or a
#: discussion *of* a stereotype, not as one.
_ANALYSIS = frozenset(
    {
        "%", "procent", "andel", "andelen", "antal", "antalet", "enligt", "statistik", "statistiken",
        "undersökning", "undersökningen", "undersökningar", "studie", "studien", "studier",
        "forskning", "forskningen", "rapport", "rapporten", "scb", "jämfört", "siffror",
        "siffrorna", "data", "mätning", "mätningen", "mätningar", "enkät", "enkäten", "enkäter",
        "kartläggning", "kartläggningen", "betyg", "betygen", "resultat", "resultaten", "pisa", "myt", "myten", "myter", "fördom", "fördomar", "fördomen", "föreställning",
        "föreställningen", "föreställningar", "stereotyp", "stereotypa", "stereotyper",
        "stereotypen", "stereotypt", "norm", "normer", "normen", "förväntningar", "förväntas",
        "anses", "uppfattas", "antas", "tror", "påstående", "påståendet", "sägs", "bryta",
        "utmana", "motverka", "ifrågasätta", "felaktigt", "felaktiga", "skillnaderna", "könsroller",
        "könsrollerna", "traditionella", "traditionellt",
    }
)


def _has_number(tokens: Iterable[Token]) -> bool:
    return any(any(c.isdigit() for c in t.text) for t in tokens)


#: Words of measured frequency or extent ("oftare", "i högre grad"): the clause
#: reports a difference rather than a trait. Checked near the group only, since
#: a later clause ("medan tjejer oftare ...") does not turn the first into data.
_EXTENT = frozenset({"oftare", "grad", "utsträckning", "sällan", "vanligare", "ovanligare"})
_EXTENT_WINDOW = 6


def _sentence_skipped(tokens: list[Token]) -> bool:
    """Analysis, data, a question or a quotation: not a stereotype of ours to flag."""
    if not tokens:
        return True
    if tokens[-1].text == "?":
        return True
    if _has_number(tokens):
        return True
    return any(t.lower in _ANALYSIS for t in tokens)


def _text_blocks(document: AnalyzedDocument) -> Iterator[tuple[AnalyzedBlock, Sentence, list[Token]]]:
    for ablock, sentence in document.iter_sentences():
        tokens = ablock.sentence_tokens(sentence)
        if tokens:
            yield ablock, sentence, tokens


# --- group generalisations -------------------------------------------------------------


def _subject_position(tokens: list[Token], g: int) -> bool:
    """Is ``tokens[g]`` a group noun in subject position (sentence start, after att/men, ...)?"""
    j = g - 1
    while j >= 0 and tokens[j].lower in _GROUP_ADJECTIVES:
        j -= 1
    return j < 0 or tokens[j].lower in _SUBJECT_OPENERS


def _trait_at(tokens: list[Token], k: int, verb: str) -> int | None:
    """End index (inclusive) of a trait or ability phrase starting at ``k``, else ``None``.

    After *har* only abilities count ("har svårare att sitta still", "har en
    naturlig fallenhet"): "har svagare resultat" is an outcome, not a trait.
    """
    low = tokens[k].lower
    nxt = tokens[k + 1].lower if k + 1 < len(tokens) else ""
    after = tokens[k + 2].lower if k + 2 < len(tokens) else ""
    if low in ("lättare", "svårare"):
        if nxt == "för":
            return k + 1
        if nxt == "att" and after in _TRAIT_VERBS:
            third = tokens[k + 3].lower if k + 3 < len(tokens) else ""
            return None if third in _CIRCUMSTANCES else k + 2
        return None
    if low in _ABILITY_COMPARATIVES and nxt in _ABILITY_NEXT:
        return k + 1
    if low in _ABILITY_NOUNS or (low in ("naturlig", "medfödd") and nxt in _ABILITY_NOUNS):
        return k + 1 if low in ("naturlig", "medfödd") else k
    if verb == "har":
        return None
    if low in ("naturen", "naturligt") and k > 0 and tokens[k - 1].lower in ("av", "är", "blir"):
        return k
    if low in _TRAITS:
        return k
    return None


def _generalisation(tokens: list[Token]) -> tuple[int, int, str] | None:
    """(first token, last token, group) of a generalising clause in the sentence."""
    for g, tok in enumerate(tokens):
        group = _GROUPS.get(tok.lower)
        if group is None or tok.in_quotes:
            continue
        # subject first: "Flickor är ...";  inverted: "Därför är killar ..."
        if g + 1 < len(tokens) and tokens[g + 1].lower in _VERBS and _subject_position(tokens, g):
            start, verb = g + 2, tokens[g + 1].lower
        elif g > 0 and tokens[g - 1].lower in _VERBS:
            start, verb = g + 1, tokens[g - 1].lower
        else:
            continue
        for k in range(start, min(start + 5, len(tokens))):
            low = tokens[k].lower
            if low in _NEGATIONS:
                break
            end = _trait_at(tokens, k, verb)
            if end is not None:
                first = g if start == g + 2 else g - 1
                near = tokens[max(0, first - 3) : end + _EXTENT_WINDOW]
                if any(t.lower in _EXTENT for t in near):
                    break
                return first, min(end, len(tokens) - 1), group
            if low not in _FILLERS:
                break
    found = _preference(tokens)
    if found is not None:
        return found
    # "det ligger i killars natur"
    for g, tok in enumerate(tokens[:-1]):
        if tok.lower in _GROUP_GENITIVES and tokens[g + 1].lower in ("natur", "natura") and not tok.in_quotes:
            return g, g + 1, tok.lower[:-1]
    return None


def _preference(tokens: list[Token]) -> tuple[int, int, str] | None:
    """Group + preference, need or care verb: "killar vill hellre tävla", "pojkar behöver mer rörelse"."""
    lowers = [t.lower for t in tokens]
    for g, tok in enumerate(tokens):
        group = _GROUPS.get(lowers[g])
        if group is None or tok.in_quotes or not _subject_position(tokens, g):
            continue
        v = g + 1
        while v < len(tokens) and lowers[v] in ("ofta", "oftast", "alltid", "också", "även", "gärna", "generellt"):
            v += 1
        if v + 1 >= len(tokens):
            continue
        verb, nxt = lowers[v], lowers[v + 1]
        tail = lowers[v + 1 : v + 6]
        if any(w in _NEGATIONS or w in _EXTENT for w in lowers[max(0, g - 3) : v + 8]):
            continue
        if verb in _PREFER_DIRECT and nxt not in _NEGATIONS:
            return g, v + 1, group
        if verb in _PREFER_ADVERB and nxt in _PREFER_ADVERBS:
            return g, min(v + 2, len(tokens) - 1), group
        if verb in _NEED and (any(w in _NEED_DEGREE for w in tail[:3]) or _has_pair(tail, "för", "att")):
            return g, min(v + 2, len(tokens) - 1), group
        if verb in _CARE_VERBS and (verb == "sköter" or tail[:2] == ["hand", "om"]):
            return g, min(v + (3 if verb == "tar" else 1), len(tokens) - 1), group
    return None


def _has_pair(words: list[str], a: str, b: str) -> bool:
    return any(words[i] == a and words[i + 1] == b for i in range(len(words) - 1))


@code_rule(
    id="stereotyp/generalisering-om-kon",
    name="generalisering om kvinnor och män",
    category="stereotype",
    severity="info",
    message="Meningen tillskriver kvinnor, män, flickor eller pojkar som grupp en egenskap; det kan befästa stereotyper.",
    suggestions=[
        "Beskriv vad ni faktiskt har sett och stöd det med statistik eller en källa.",
        "Skriv om beteendet eller behovet i stället för om kvinnor, män, flickor eller pojkar som grupp.",
    ],
    rationale=(
        "Påståenden som ”flickor är ordentliga” eller ”killar är bättre på teknik” gör en "
        "egenskap till en fråga om kön och kan styra hur individer bemöts. Pröva med ”Tänk "
        "tvärtom”: skulle du skriva samma sak om det andra könet? Skillnader som bygger på "
        "statistik är något annat – redovisa dem med källa."
    ),
    source=_SCHYST + "; SKR om CEMR-deklarationen (motverka könsstereotyper)",
    url=_SCHYST_URL,
    limitations=(
        "Regeln känner bara igen mönstret grupp + är/har/kan/brukar + egenskap i samma mening, "
        "t.ex. ”flickor är mer ordentliga”. Meningar med siffror, källa (enligt, visar, statistik) "
        "eller ord som oftare och i högre grad räknas som analys och hoppas över, liksom meningar "
        "som diskuterar fördomar eller normer."
    ),
    flag=[
        "Flickor är mer ordentliga än pojkar och passar därför bra som klassvärdar.",
        "Killar är bättre på teknik, så de får börja med robotarna.",
        "Kvinnor är av naturen mer omhändertagande.",
        "Vi vet att män har svårare att prata om känslor.",
        "Det ligger i pojkars natur att tävla.",
        "Personalen märker att tjejer är bättre på att planera, medan killar oftare glömmer läxan.",
        "Erfarenheten visar att män är mer tekniskt intresserade.",
        "Killar vill hellre spela match än träna teknik.",
        "Pojkar behöver mer rörelse under skoldagen.",
        "Flickor föredrar pyssel och högläsning.",
        "Hushållets ekonomi är viktig, eftersom kvinnor tar hand om den dagliga planeringen.",
    ],
    pass_=[
        "Enligt SCB är kvinnor oftare sjukskrivna än män.",
        "Flickor har i högre grad än pojkar behörighet till gymnasiet.",
        "Flickor är inte sämre på teknik än pojkar.",
        "Vi vill bryta föreställningen att flickor är mer ordentliga än pojkar.",
        "Flickorna i klass 4 är duktiga på att läsa.",
        "Kvinnor och män ska ha samma makt att forma samhället.",
        "Pojkar är mer utsatta för våld i det offentliga rummet.",
        "I elevenkäten svarade 62 procent av flickorna att de är stressade.",
        "Pojkar behöver lika mycket stöd som flickor.",
        "Flickor väljer oftare naturvetenskapliga program än pojkar.",
        "Kvinnor vill ha samma lön som män.",
        "Pappor tar ut en allt större del av föräldraledigheten.",
    ],
)
def group_generalisation(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """Generic plural group noun + är/har/kan/brukar + a trait, in one sentence."""
    for ablock, _sentence, tokens in _text_blocks(document):
        if _sentence_skipped(tokens):
            continue
        found = _generalisation(tokens)
        if found is None:
            continue
        first, last, group = found
        message = f"Meningen tillskriver {group} som grupp en egenskap; det kan befästa stereotyper."
        yield ctx.finding(ablock, tokens[first].start, tokens[last].end, message=message)


# --- mothers where parents are meant ---------------------------------------------------

_MOTHER_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "mammor och barn",
        "mammorna och barnen",
        "mammor med barn",
        "mammor med småbarn",
        "mammor och småbarn",
        "mammor och bebisar",
        "mammor och deras barn",
        "mödrar och barn",
        "mödrarna och barnen",
        "mamma och barn",
    )
)
_MOTHER_GROUP_WORDS = frozenset({"mammagrupp", "mammagruppen", "mammagrupper", "mammagrupperna", "mammagruppens"})
#: Mothers as the generic contact parent (the bare singular "mamma" is left out:
#: it is often one named person or a form label, see the form rules).
_MOTHERS = frozenset({"mammor", "mammorna", "mamman", "mödrar", "mödrarna"})
_CHILD = frozenset({"barn", "barnet", "barnets", "barnen", "barnens", "eleven", "elevens", "eleverna", "elevernas"})
_CONTACT = frozenset(
    {
        "information", "informationen", "informerar", "informera", "informeras", "kontakt", "kontakten",
        "kontaktar", "kontakta", "kontaktas", "ringer", "ring", "ringa", "meddelar", "meddela",
        "meddelas", "hämtar", "hämta", "lämnar", "lämna", "ansvarar", "ansvaret", "ansvar", "bjuds",
        "bjuder", "kallas", "kallar", "erbjuds", "erbjuder",
        # forms: "mamman fyller i och skriver under"
        "fyller", "fylla", "fyll", "skriver", "skriva", "undertecknar", "underteckna", "skickar", "skicka",
    }
)
#: Where mothers really are meant: pregnancy, birth, breastfeeding, violence, single mothers.
_MOTHERS_MEANT = frozenset(
    {
        "gravid", "gravida", "graviditet", "graviditeten", "förlossning", "förlossningen",
        "förlossningar", "amning", "amningen", "ammar", "ammande", "amma", "bb", "mödrahälsovård",
        "mödrahälsovården", "mödravård", "mödravården", "barnmorska", "barnmorskan", "nyförlösta",
        "födsel", "födseln", "föda", "föder", "våld", "våldet", "våldsutsatta", "skyddat", "skyddade",
        "kvinnojour", "kvinnojouren", "ensamstående",
    }
)
#: The contact-parent pattern steps aside when other parents are named too, or
#: when the sentence describes how things are ("det är oftast mammorna som ...").
_OTHER_PARENTS = frozenset(
    {
        "pappa", "pappor", "papporna", "pappan", "fäder", "fäderna", "fadern", "förälder", "föräldrar",
        "föräldrarna", "föräldern", "vårdnadshavare", "vårdnadshavaren", "vårdnadshavarna", "ofta",
        "oftast", "oftare", "vanligen", "vanligtvis", "fortfarande", "flesta", "majoriteten",
        "statistik", "andelen", "procent", "%",
    }
)


#: Chores that a text hands to mothers ("alla mammor som bakade"): parents are meant.
_MOTHER_CHORES = frozenset(
    {
        "bakar", "bakade", "bakat", "baka", "lagar", "lagade", "lagat", "syr", "sydde", "sytt",
        "tvättar", "tvättade", "städar", "städade", "fixar", "fixade", "ordnar", "ordnade",
        "kokar", "kokade", "dukar", "dukade", "skjutsar", "skjutsade",
    }
)


def _chore_at(tokens: list[Token], i: int) -> int | None:
    """End of "mammor som (gärna) bakade" starting at ``i``, else ``None``."""
    if tokens[i].lower not in ("mammor", "mammorna") or i + 2 >= len(tokens) or tokens[i + 1].lower != "som":
        return None
    for k in range(i + 2, min(i + 5, len(tokens))):
        if tokens[k].lower in _MOTHER_CHORES:
            return k
        if tokens[k].lower not in ("gärna", "alltid", "också", "ofta", "har", "kan", "vill", "ska"):
            return None
    return None


#: Words without which none of the mother patterns can match: a cheap first test per sentence.
_MOTHER_TRIGGERS = frozenset(
    {phrase[0] for phrase in _MOTHER_PHRASES} | {"mammor", "mammorna"} | _MOTHER_GROUP_WORDS | _MOTHERS
)
_PHRASES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _MOTHER_PHRASES:
    _PHRASES_BY_FIRST.setdefault(_phrase[0], []).append(tuple(_phrase))


def _phrase_at(tokens: list[Token], i: int) -> int | None:
    for phrase in _PHRASES_BY_FIRST.get(tokens[i].lower, ()):
        n = len(phrase)
        if i + n <= len(tokens) and all(tokens[i + k].lower == phrase[k] for k in range(n)):
            return i + n - 1
    return None


@code_rule(
    id="stereotyp/mammor-i-stallet-for-foraldrar",
    name="mammor där föräldrar avses",
    category="stereotype",
    severity="info",
    message="”{match}” utgår från att det är mamman som tar hand om barnet; skriv föräldrar om alla föräldrar avses.",
    suggestions=["föräldrar och barn", "föräldrar", "vårdnadshavare", "föräldragrupp"],
    rationale=(
        "Familjer ser olika ut, och många barn har en pappa, två mammor eller andra vuxna som tar "
        "hand om dem. När texten säger mammor fast den menar föräldrar stänger den ute andra "
        "föräldrar och befäster bilden av mamman som den som ansvarar för barnen."
    ),
    source=_SCHYST + "; " + _TRAMPOLIN,
    url=_SCHYST_URL,
    limitations=(
        "Meningar om graviditet, förlossning, amning och våld i nära relationer hoppas över, "
        "liksom meningar som också nämner pappor eller föräldrar, eller som beskriver hur det "
        "ofta är (”det är oftast mammorna som …”)."
    ),
    flag=[
        "Öppna förskolan är en mötesplats för mammor och barn.",
        "BVC erbjuder mammagrupper för nyblivna föräldrar.",
        "Mammorna får information om barnets vaccinationer via brev.",
        "Förskolan ringer mamman om barnet blir sjukt.",
        "Vi tackar alla mammor som bakade till julmarknaden.",
    ],
    pass_=[
        "Öppna förskolan är en mötesplats för föräldrar och barn.",
        "Barnmorskan följer mamman och barnet efter förlossningen.",
        "Skyddat boende för mammor och barn som utsatts för våld.",
        "Det är oftast mammorna som har kontakt med förskolan.",
        "Mammor och pappor får information om barnets vaccinationer.",
        "Mödrahälsovården följer den gravida under graviditeten.",
        "Vi tackar alla föräldrar som bakade till julmarknaden.",
    ],
)
def mothers_for_parents(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """Mothers named where parents are meant: fixed phrases and mothers as the contact parent."""
    for ablock, _sentence, tokens in _text_blocks(document):
        lowers = {t.lower for t in tokens}
        if not lowers & _MOTHER_TRIGGERS or lowers & _MOTHERS_MEANT:
            continue
        contact_parent = bool(lowers & _CHILD and lowers & _CONTACT) and not lowers & _OTHER_PARENTS
        for i, tok in enumerate(tokens):
            if tok.in_quotes:
                continue
            end = _phrase_at(tokens, i)
            if end is None:
                end = _chore_at(tokens, i)
            if end is None and tok.lower in _MOTHER_GROUP_WORDS:
                end = i
            if end is None and contact_parent and tok.lower in _MOTHERS:
                end = i
            if end is not None:
                matched = ablock.text[tok.start : tokens[end].end]
                yield ctx.finding(
                    ablock, tok.start, tokens[end].end, message=ctx.meta.message.replace("{match}", matched)
                )
                break


# --- fathers who "help out" ------------------------------------------------------------

_HELP = frozenset({"hjälper", "hjälpa", "hjälpte", "hjälpt", "ställer", "ställa", "ställde", "ställt"})
#: The particle that makes the verb "help out": hjälper till, ställer upp.
_HELP_PARTICLE = {"hjälper": "till", "hjälpa": "till", "hjälpte": "till", "hjälpt": "till"}
_FATHERS = frozenset(
    {"pappa", "pappan", "pappor", "papporna", "pappas", "pappans", "fäder", "fäderna", "fadern", "pappaledig"}
)
#: Men and partners: only with a word about home and children in the sentence.
_MEN = frozenset({"män", "männen", "mannen", "maken", "make", "killar", "killarna"})
_DOMESTIC = frozenset(
    {
        "hemma", "hemmet", "hushållet", "hushållsarbetet", "hemarbetet", "disken", "tvätten",
        "städningen", "matlagningen", "barnen", "barnet", "barnomsorgen", "läxorna", "nattningen",
        "hämtning", "lämning", "blöjbyten", "bebisen", "föräldraledigheten", "omsorgen", "vabb",
        "hushållssysslorna", "sysslorna",
    }
)
_HELP_FILLERS = frozenset({"gärna", "ofta", "också", "även", "mer", "lite", "gärna", "att"})
_OPEN_ENDINGS = frozenset({".", ",", "!", "när", "om", "så", "och", "mer", "ibland", "hemma"})


def _helps_out(tokens: list[Token], h: int) -> tuple[int, int] | None:
    """(first, last) of "<father> ... hjälper (…) till" around the verb at ``h``."""
    j = h + 1
    while j < len(tokens) and (tokens[j].lower in _HELP_FILLERS or tokens[j].lower in _FATHERS):
        j += 1
    if j >= len(tokens) or tokens[j].lower != _HELP_PARTICLE.get(tokens[h].lower, "upp"):
        return None
    lowers = [t.lower for t in tokens]
    domestic = any(w in _DOMESTIC for w in lowers)
    open_end = j + 1 >= len(tokens) or lowers[j + 1] in _OPEN_ENDINGS
    for k in range(max(0, h - 5), j):
        if lowers[k] in _FATHERS and (domestic or open_end):
            return min(k, h), j
        if lowers[k] in _MEN and domestic:
            return min(k, h), j
    return None


@code_rule(
    id="stereotyp/pappor-hjalper-till",
    name="pappor som hjälper till",
    category="stereotype",
    severity="info",
    message="”{match}” antyder att hem och barn är mammans ansvar och att pappan bara hjälper till.",
    suggestions=[
        "Skriv att föräldrarna delar på ansvaret: ”pappor som tar hand om barnen”.",
        "Skriv vad pappan gör, utan ”hjälper till”: ”pappor som är hemma med barnen”.",
    ],
    rationale=(
        "Den som hjälper till gör det åt någon annan. Att pappor ”hjälper till” hemma utgår från "
        "att hem och barn egentligen är mammans ansvar – tvärtemot målet att det obetalda hem- och "
        "omsorgsarbetet ska delas lika."
    ),
    source=_TRAMPOLIN + "; Jämställdhetsmyndigheten: de jämställdhetspolitiska delmålen (obetalt hem- och omsorgsarbete)",
    url="https://trampolinpr.se/inkluderande-kommunikation/",
    limitations="Bara formen ”hjälper till” med en pappa, man eller make i närheten hittas.",
    flag=[
        "Kampanjen riktar sig till pappor som hjälper till hemma.",
        "Många pappor hjälper gärna till med nattningen.",
        "Maken hjälper till med disken och tvätten.",
        "Pappor som ställer upp och hämtar barnen ska uppmuntras.",
    ],
    pass_=[
        "Kampanjen riktar sig till pappor som tar hand om barnen.",
        "Föräldrarna hjälps åt med läxorna.",
        "Männen i föreningen hjälper till att bygga scenen.",
        "Socialtjänsten hjälper till om barnet far illa.",
        "Flera pappor ställer upp som ledare i föreningen.",
    ],
)
def fathers_help_out(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """A father (or a man, in a home context) who "helps out" at home."""
    for ablock, _sentence, tokens in _text_blocks(document):
        for h, tok in enumerate(tokens):
            if tok.lower not in _HELP or tok.in_quotes:
                continue
            span = _helps_out(tokens, h)
            if span is None:
                continue
            first, last = span
            matched = ablock.text[tokens[first].start : tokens[last].end]
            yield ctx.finding(
                ablock,
                tokens[first].start,
                tokens[last].end,
                message=ctx.meta.message.replace("{match}", matched),
            )
            break


RULES = [group_generalisation, mothers_for_parents, fathers_help_out]
