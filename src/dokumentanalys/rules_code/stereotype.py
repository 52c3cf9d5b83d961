"""Stereotyped wording about women, men, girls and boys (category ``stereotype``).

These rules are hints, not verdicts (domain primer §4). A generalisation is
built from parts: a *group* (a generic plural such as *flickor*, *unga män*,
*mammor*), a *generalising predicate* (*är*, *har lättare för*, *passar
bättre för*, *tar gärna ansvar för*, *mår bäst av*, *saknar*, *föredrar*,
*vill hellre*, *dras till* …) and a *trait* or *domain* from the categorised
lexicon in :mod:`.stereotype_lexicon`. The rules step aside when the sentence
reads as analysis rather than assumption (numbers, a source, *oftare*, *i
högre grad*), when it talks *about* a stereotype (*myten att*, *föreställningen
att*, *bryta normer*), when the claim is negated (*det är inte så att …*), and
inside quotations.

- :data:`group_generalisation`: "Flickor är mer ordentliga än pojkar",
  "Unga män är mer risktagande", "Kvinnor passar bättre för vården".
- :data:`assumed_gender_role`: tasks and roles handed out by sex ("dans för
  tjejer och motor för killar", "det är mamman som ska fylla i", "Som mamma
  vet du …", "den manliga personalen tar hand om gymmet").
- :data:`mothers_for_parents`: "mammor och barn", "mammagrupp",
  "Mammorna får information om barnets ..." where parents are meant.
- :data:`fathers_help_out`: "pappor som hjälper till hemma", "pappan är barnvakt".
- :data:`assumed_partner`: "sökanden och hans fru".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..engine.rule import RuleContext, code_rule
from ..language.analyzed import AnalyzedBlock, AnalyzedDocument, Sentence, Token
from ..model import Finding
from .pronouns import find_antecedent, partner_assumed
from .people import person_head
from .stereotype_lexicon import (
    DEFINITE_GROUPS,
    FAMILY_WORDS,
    FEMALE_CODED,
    GROUP_GENITIVES,
    GROUP_OF,
    GROUPS,
    INNATE,
    MALE_CODED,
    SEXED_SINGULARS,
    TRAIT_CATEGORY,
    TRAIT_NOUNS,
    derived_trait,
    domain_of,
)

__all__ = [
    "RULES",
    "generalises_about_sex",
    "group_generalisation",
    "assumed_gender_role",
    "mothers_for_parents",
    "fathers_help_out",
    "assumed_partner",
]

_SCHYST = "Region Värmland: Schyst kommunikation – fler schysta tips (”Tänk tvärtom”)"
_SCHYST_URL = "http://schyst.se/schyst-kommunikation/start/fler-schysta-tips/"
_TRAMPOLIN = "Trampolin PR: Inkluderande kommunikation (sekundärkälla)"
_CEMR = "SKR om CEMR-deklarationen (motverka könsstereotyper)"
_KSH = "Isof, Klarspråkshjälpen: Använd inkluderande språk"
_KSH_URL = (
    "https://www.isof.se/stod-och-sprakrad/spraktjanster/klarsprakshjalpen/skriv-klarsprak/"
    "tank-pa-dina-lasare/fordjupning-tank-pa-dina-lasare/anvand-inkluderande-sprak"
)


# --- sentences we leave alone --------------------------------------------------------------

#: Sentences with these words read as analysis, a report of data, or a
#: discussion *of* a stereotype, not as one.
_ANALYSIS = frozenset(
    {
        "%", "procent", "andel", "andelen", "antal", "antalet", "enligt", "statistik", "statistiken",
        "undersökning", "undersökningen", "undersökningar", "studie", "studien", "studier",
        "forskning", "forskningen", "rapport", "rapporten", "scb", "jämfört", "siffror",
        "siffrorna", "data", "mätning", "mätningen", "mätningar", "enkät", "enkäten", "enkäter",
        "kartläggning", "kartläggningen", "betyg", "betygen", "resultat", "resultaten", "pisa", "myt",
        "myten", "myter", "fördom", "fördomar", "fördomen", "föreställning", "föreställningen",
        "föreställningar", "stereotyp", "stereotypa", "stereotyper", "stereotypen", "stereotypt", "norm",
        "normer", "normen", "förväntningar", "förväntas", "anses", "uppfattas", "antas", "tror",
        "påstående", "påståendet", "sägs", "bryta", "utmana", "motverka", "ifrågasätta", "felaktigt",
        "felaktiga", "skillnaderna", "könsroller", "könsrollerna", "traditionella", "traditionellt",
        "idén", "uppfattningen", "klichén", "schablonen", "schabloner", "bilden", "svarar",
        "svarade", "uppger", "uppgav",
    }
)
#: Words of measured frequency or extent ("oftare", "i högre grad"): the clause
#: reports a difference rather than a trait. Checked near the group only, since
#: a later clause ("medan tjejer oftare ...") does not turn the first into data.
_EXTENT = frozenset({"oftare", "grad", "utsträckning", "sällan", "vanligare", "ovanligare"})
_EXTENT_WINDOW = 6
#: Negation or equality: a counter-statement ("inte sämre", "lika omtänksamma").
_NEGATIONS = frozenset({"inte", "aldrig", "ej", "inga", "ingen", "lika", "varken"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "-", "men", "medan", "utan"})


_DIGIT = re.compile(r"\d")


def _has_number(tokens: Iterable[Token]) -> bool:
    return _DIGIT.search("".join([t.text for t in tokens])) is not None


def _sentence_skipped(tokens: list[Token], numbers: bool = True) -> bool:
    """Analysis, data, a question or a quotation: not a stereotype of ours to flag.

    With ``numbers=False`` a number elsewhere in the sentence ("i årskurs 5")
    does not count; the caller checks the claim's own clause instead.
    """
    if not tokens or (tokens[-1].text == "?" and tokens[0].lower != "varför"):
        return True  # a question asks; "Varför är flickor så mycket lugnare …?" presupposes
    if numbers and _has_number(tokens):
        return True
    return any(t.lower in _ANALYSIS for t in tokens)


def _clause_bounds(lowers: list[str], first: int, last: int) -> tuple[int, int]:
    """(start, end) of the clause around ``first..last``: up to the nearest clause breaks."""
    a = first
    while a > 0 and lowers[a - 1] not in _CLAUSE_BREAKS:
        a -= 1
    b = last
    while b + 1 < len(lowers) and lowers[b + 1] not in _CLAUSE_BREAKS:
        b += 1
    return a, b


def _negated_before(lowers: list[str], g: int) -> bool:
    """A negation earlier in the clause: "Det är inte så att pojkar är …", "Det betyder inte att kvinnor …"."""
    for k in range(g - 1, max(-1, g - 7), -1):
        if lowers[k] in _CLAUSE_BREAKS:
            return False
        if lowers[k] in _NEGATIONS:
            return True
    return False


def _text_sentences(document: AnalyzedDocument) -> Iterator[tuple[AnalyzedBlock, list[Token]]]:
    for ablock, sentence in document.iter_sentences():
        tokens = ablock.sentence_tokens(sentence)
        if tokens:
            yield ablock, tokens


def _span_finding(ctx: RuleContext, ablock: AnalyzedBlock, tokens: list[Token], first: int, last: int, message: str | None = None) -> Finding:
    """A finding over ``tokens[first..last]``; ``{match}`` in the rule's message becomes the words."""
    matched = ablock.text[tokens[first].start : tokens[last].end]
    text = (message or ctx.meta.message).replace("{match}", matched)
    return ctx.finding(ablock, tokens[first].start, tokens[last].end, message=text)


# --- group generalisations -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Claim:
    first: int
    last: int
    group: str
    kind: str  # "egenskap:<category>", "förmåga", "intresse", "behov", "roll", "väsen"


#: Before the group: where a generic subject can start ("..., men flickor är").
_SUBJECT_OPENERS = frozenset(
    {"att", "eftersom", "då", "men", "medan", "och", ",", "alla", "flesta", "–", "-", ":", "när", "så", "därför", "ju", "nog"}
)
_GROUP_ADJECTIVES = frozenset({"unga", "äldre", "vuxna", "små", "alla", "flesta", "de", "yngre", "vuxna", "tonåriga"})
#: Adverbs between the group and its verb ("flickor ÄR", "killar har ofta", "tjejer tar gärna").
_ADVERBS = frozenset(
    {
        "ofta", "oftast", "alltid", "också", "även", "gärna", "generellt", "typiskt", "naturligt", "ju", "nog",
        "faktiskt", "egentligen", "i", "regel", "allmänhet", "helt", "enkelt", "av", "naturen", "därför",
        "dessutom", "själva", "sällan", "till", "sin", "natur",
    }
)
#: Words allowed between a copula and the trait.
_FILLERS = frozenset(
    {
        "mer", "mindre", "mycket", "ofta", "oftast", "alltid", "generellt", "helt", "enkelt", "också",
        "även", "lite", "betydligt", "så", "väldigt", "mest", "minst", "av", "naturen", "i", "regel",
        "allmänhet", "sig", "själva", "bara", "vara", "att", "ju", "nog", "sällan", "en", "ett",
        "naturligt", "faktiskt", "egentligen", "klart", "tydligt", "för", "känslomässigt", "mera", "ganska",
        "rätt", "oerhört", "extra", "starkare", "svagare", "tekniskt", "socialt", "fysiskt", "biologiskt", "lätt",
        "till", "sin", "natur",  # "till sin natur"
        "sämre", "bättre", "större",  # "har sämre lokalsinne", "har större tålamod"
        "skäl",  # "av naturliga skäl"
        "särskilt", "familjens", "hushållets",  # "är särskilt lämpade", "är familjens försörjare"
    }
)
_COPULAS = frozenset({"är", "blir", "verkar", "tycks", "förefaller", "var"})
_AUX_TO_COPULA = frozenset({"brukar", "tenderar", "kan"})
#: "svårare att sitta still" is about a trait; "svårare att få jobb" about circumstances.
_TRAIT_VERBS = frozenset(
    {
        "sitta", "prata", "uttrycka", "visa", "koncentrera", "fokusera", "lyssna", "samarbeta", "be",
        "söka", "hantera", "lära", "känna", "förstå", "säga", "planera", "vänta", "lösa", "anpassa",
        "kontrollera", "styra", "leda", "vårda", "ta", "räkna", "läsa", "ge", "knyta", "sätta", "tävla",
        "förhandla", "bestämma", "organisera", "trösta", "skriva", "behärska",
    }
)
_CIRCUMSTANCES = frozenset({"sig"})  # "ta sig in på arbetsmarknaden"
_ABILITY_COMPARATIVES = frozenset({"bättre", "sämre", "bra", "dåliga", "dålig", "bäst", "sämst", "duktigare", "duktiga"})
_ABILITY_NEXT = frozenset(
    {"på", "lämpade", "lämpad", "som", "ledare", "förare", "föräldrar", "chefer", "lyssnare", "rustade", "skickade"}
)
_DEGREE = frozenset({"mer", "mindre", "mera", "större", "stort", "starkare", "extra", "sämre", "bättre", "högre", "lägre"})
_NEED_DEGREE = frozenset({"mer", "mindre", "fler", "extra", "tydligare", "hårdare", "fastare", "mera"})
_PREFER_DIRECT = frozenset({"föredrar", "gillar", "älskar", "uppskattar"})
_PREFER_ADVERBS = frozenset({"hellre", "helst"})
#: Attraction verbs: "tjejer dras naturligt till", "killar lockas av motor", "söker sig till".
#: "passar bättre för", "passar utmärkt som", "passar bäst i".
_SUIT_DEGREE = frozenset({"bättre", "sämre", "bäst", "bra", "dåligt", "utmärkt", "perfekt", "särskilt", "mycket", "väl", "naturligt"})
_INNATE_ADVERBS = frozenset({"instinktivt", "intuitivt", "medfött"})
_ATTRACTED = frozenset({"dras", "lockas", "attraheras", "intresserar", "trivs"})
#: "Killar vill ha fart", "tjejer söker gemenskap", "pojkar längtar efter tävling": a want, with a coded object.
_WANTS = frozenset({"vill", "söker", "längtar", "efterfrågar"})
_WANT_PARTICLES = frozenset({"ha", "hålla", "på", "med", "efter", "syssla", "ägna", "sig", "åt", "göra", "mest", "helst", "gärna"})
_SERVICES = frozenset({"vård", "vården", "omvårdnad", "omsorg", "omsorgen", "samtal", "samtalsstöd"})
#: "är en naturlig resurs", "är självklara vårdare": a role handed to the group.
_GIVEN = frozenset({"självklar", "självklara", "självklart", "given", "givna", "givet", "lämplig", "lämpliga"})
_ROLE_NOUNS = frozenset(
    {
        "resurs", "resurser", "resursen", "vårdare", "vårdgivare", "omsorgsgivare", "anhörigvårdare",
        "stöd", "stödet", "kontaktperson", "kontaktpersoner", "hjälp", "avlastning", "barnvakt", "barnvakter",
    }
)
_ATTRACTION_MODIFIERS = frozenset({"sig", "naturligt", "gärna", "mer", "mest", "bäst", "till", "av", "för", "med", "i", "hellre", "helst"})


def _subject_position(lowers: list[str], g: int) -> bool:
    """Is ``lowers[g]`` a group noun in subject position (sentence start, after att/men, ...)?"""
    j = g - 1
    while j >= 0 and lowers[j] in _GROUP_ADJECTIVES:
        j -= 1
    return j < 0 or lowers[j] in _SUBJECT_OPENERS


def _trait_at(lowers: list[str], k: int, after_har: bool) -> int | None:
    """End index (inclusive) of a trait or ability phrase starting at ``k``, else ``None``.

    After *har* only abilities count ("har svårare att sitta still", "har en
    naturlig fallenhet"): "har svagare resultat" is an outcome, not a trait.
    """
    n = len(lowers)
    low = lowers[k]
    nxt = lowers[k + 1] if k + 1 < n else ""
    after = lowers[k + 2] if k + 2 < n else ""
    if low in ("lättare", "svårare", "lätt", "svårt"):
        if nxt == "för":
            return k + 1
        if nxt == "att" and after in _TRAIT_VERBS:
            third = lowers[k + 3] if k + 3 < n else ""
            return None if third in _CIRCUMSTANCES else k + 2
        return None
    if low in _ABILITY_COMPARATIVES and nxt in _ABILITY_NEXT:
        return k + 1
    if low in INNATE and nxt in TRAIT_NOUNS:
        return k + 1
    if low in TRAIT_NOUNS and k > 0 and lowers[k - 1] in _DEGREE | INNATE:
        return k
    if low in ("fallenhet", "talang", "begåvning", "instinkt") :
        return k
    if low in INNATE | _GIVEN and nxt in _ROLE_NOUNS:
        return k + 1  # "är en naturlig resurs", "är självklara vårdare"
    if low.endswith(("försörjare", "försörjaren")):
        return k  # "är i regel familjens försörjare"
    if after_har:
        return None
    if low in ("naturen", "naturligt") and k > 0 and lowers[k - 1] in ("av", "är", "blir"):
        return k
    if low in ("födda", "född") and nxt in ("till", "med"):
        return k + 1
    if low in TRAIT_CATEGORY or derived_trait(low) is not None:
        return k
    return None


def _trait_category(word: str) -> str | None:
    return TRAIT_CATEGORY.get(word) or derived_trait(word)


def _scan(lowers: list[str], start: int, after_har: bool) -> int | None:
    """Look up to five words on from ``start`` for a trait, across fillers, stopping at a negation."""
    for k in range(start, min(start + 5, len(lowers))):
        if lowers[k] in _NEGATIONS:
            return None
        end = _trait_at(lowers, k, after_har)
        if end is not None:
            return end
        if lowers[k] not in _FILLERS and lowers[k] not in INNATE:
            return None
    return None


def _coded_object(lowers: list[str], start: int, sex: str) -> int | None:
    """Index of a domain word coded for ``sex`` within four words of ``start``."""
    for k in range(start, min(start + 4, len(lowers))):
        if lowers[k] in _NEGATIONS or lowers[k] in (".", ";"):
            return None
        if domain_of(lowers[k]) == sex:
            return k
    return None


def _predicate(lowers: list[str], g: int, group: str) -> tuple[int, str] | None:
    """(last index, kind) of a generalising predicate after the group at ``g``."""
    n = len(lowers)
    v = g + 1
    while v < n and lowers[v] in _ADVERBS:
        v += 1
    if v >= n:
        return None
    verb = lowers[v]
    nxt = lowers[v + 1] if v + 1 < n else ""
    sex = GROUP_OF.get(group, "")
    if any(lowers[k] in _PREFER_ADVERBS for k in range(g + 1, min(v + 2, n))) and verb not in _NEGATIONS:
        return min(v + 1, n - 1), "intresse"  # "killar vill hellre", "de hellre umgås"
    if verb in _AUX_TO_COPULA and nxt == "ha" or (verb in _AUX_TO_COPULA and nxt == "att" and v + 2 < n and lowers[v + 2] == "ha"):
        v, verb = v + (1 if nxt == "ha" else 2), "har"  # "killar brukar ha svårare att …"
        nxt = lowers[v + 1] if v + 1 < n else ""
    if verb in ("kan", "bör", "ska") and lowers[v + 1 : v + 3] == ["med", "fördel"] and v + 3 < n and lowers[v + 3].endswith("as"):
        return v + 3, "roll"  # "pappor kan med fördel engageras vid …": a task handed to the group
    if lowers[v + 1 : v + 2] and nxt in _INNATE_ADVERBS:
        return v + 1, "förmåga"  # "mödrar vet instinktivt"
    if verb in _COPULAS or (verb in _AUX_TO_COPULA and nxt in ("vara", "att")):
        start = v + 1 if verb in _COPULAS else v + 2
        if start < n and lowers[start] == "vara":
            start += 1
        if start < n and lowers[start] == group and start + 1 < n and lowers[start - 1] in ("vara", "är"):
            return start, "väsen"  # "pojkar är pojkar"
        end = _scan(lowers, start, after_har=False)
        if end is None:
            end = _aversion_at(lowers, start, sex)
            if end is not None:
                return end, "intresse"
        if end is None and start + 1 < n and lowers[start] in ("vana", "van") and lowers[start + 1] == "vid":
            return start + 1, "roll"  # "är vana vid att ta hand om andra"
        if end is None:
            end = _by_nature(lowers, start)
            if end is not None:
                return end, "väsen"  # "är av naturliga skäl mindre engagerade"
        if end is not None:
            if lowers[end] in _ROLE_NOUNS:
                return end, "roll"
            word = next((lowers[k] for k in range(start, end + 1) if _trait_category(lowers[k])), "")
            return end, "egenskap:" + (_trait_category(word) or "förmåga")
        return None
    if verb == "har":
        for k in range(v + 1, min(v + 6, n)):
            if lowers[k] == "behov" and lowers[k - 1] in _DEGREE | INNATE | {"naturligt", "större"}:
                return k, "behov"
            if lowers[k] == "behov" and lowers[k - 1] == "samma" and set(lowers[g + 1 : k]) & {"sällan", "inte", "aldrig"}:
                return k, "behov"  # "killar har sällan samma behov av att prata"
        end = _scan(lowers, v + 1, after_har=True)
        return (end, "förmåga") if end is not None else None
    if verb == "saknar":
        for k in range(v + 1, min(v + 4, n)):
            if lowers[k] in TRAIT_NOUNS:
                return k, "förmåga"
            if lowers[k] not in ("ofta", "oftast", "det", "den", "ett", "en", "naturligt", "helt"):
                return None
        return None
    if verb in _PREFER_DIRECT and nxt not in _NEGATIONS:
        return v + 1, "intresse"
    if verb in _PREFER_DIRECT | {"vill", "kan"} and nxt in ("inte", "aldrig"):
        coded = _coded_object(lowers, v + 2, _OTHER_SEX.get(sex, ""))
        return (coded, "intresse") if coded is not None else None  # "tjejer gillar inte att tävla"
    if verb in _ATTRACTED or (verb == "söker" and nxt == "sig"):
        k = v + 1
        while k < n and lowers[k] in _ATTRACTION_MODIFIERS:
            k += 1
        if set(lowers[v + 1 : k]) & {"naturligt", "gärna", "mest", "bäst", "hellre", "helst"}:
            return min(k, n - 1), "intresse"
        if verb in ("dras", "lockas", "attraheras") and set(lowers[v + 1 : k]) & {"till", "av"}:
            return min(k, n - 1), "intresse"  # "killar lockas av fart"
        coded = _coded_object(lowers, k, sex)
        return (coded, "intresse") if coded is not None else None
    if verb in _WANTS and nxt not in _NEGATIONS and nxt != "sig":
        k = v + 1
        while k < n and k < v + 3 and lowers[k] in _WANT_PARTICLES:
            k += 1
        coded = _coded_object(lowers, k, sex)
        if coded is None or (verb == "söker" and lowers[coded] in _SERVICES):
            return None  # "kvinnor söker vård för depression" is about using a service
        return coded, "intresse"
    if verb == "behöver":
        for k in range(v + 1, min(v + 6, n)):
            if lowers[k] in TRAIT_NOUNS and lowers[k] not in ("stöd", "hjälp", "vana", "vanan", "intresse", "intresset"):
                return k, "behov"  # "tjejer behöver stärkas i sin självkänsla"
            if lowers[k] in _CLAUSE_BREAKS:
                break
    if verb == "behöver" and (any(w in _NEED_DEGREE for w in lowers[v + 1 : v + 4]) or _has_pair(lowers[v + 1 : v + 6], "för", "att")):
        return min(v + 2, n - 1), "behov"
    if verb == "behöver" and "utlopp" in lowers[v + 1 : v + 4]:
        return lowers.index("utlopp", v + 1), "behov"  # "pojkar behöver få utlopp för sin energi"
    if verb == "lär" and nxt == "sig":
        for k in range(v + 2, min(v + 7, n)):
            if lowers[k] in _CLAUSE_BREAKS or lowers[k] in _NEGATIONS:
                break
            if lowers[k] in ("snabbt", "snabbare", "fort", "fortare", "lätt", "lättare", "långsamt", "långsammare"):
                return k, "förmåga"  # "yngre män lär sig tekniken snabbt"
    if verb == "mår" and nxt in ("bäst", "bra", "bättre") and v + 2 < n and lowers[v + 2] == "av":
        return v + 2, "behov"
    if verb == "tar":
        k = v + 1
        while k < n and lowers[k] in ("gärna", "ofta", "oftast", "alltid", "naturligt", "självklart", "också", "även"):
            k += 1
        if lowers[k : k + 2] in (["hand", "om"], ["ansvar", "för"]):
            return k + 1, "roll"
        given = set(lowers[v + 1 : k]) & {"naturligt", "självklart", "gärna", "alltid"}
        if given and k < n and lowers[k].endswith(("rollen", "ansvaret", "ledningen", "befälet")):
            return k, "roll"  # "killarna tar naturligt ledarrollen"
        return None
    if verb == "sköter" or (verb == "ansvarar" and nxt == "för"):
        return v + 1, "roll"
    if verb == "passar":
        k = v + 1
        while k < n and k < v + 3 and lowers[k] in _SUIT_DEGREE:
            k += 1
        if k < n and (lowers[k] in ("för", "som", "till") or (k > v + 1 and lowers[k] == "i")):
            return k, "roll"
        return None
    if verb == "klarar" and any(w in ("bättre", "sämre", "bäst") for w in lowers[v + 1 : v + 3]):
        return min(v + 2, n - 1), "förmåga"
    if verb == "ligger" and nxt == "för":
        return v + 1, "roll"
    if verb == "lämpar" and nxt == "sig":
        return v + 1, "roll"
    return None


#: "av naturen", "av naturliga skäl", "till sin natur", "naturligt": what follows is presented as innate.
_NATURE_WORDS = frozenset({"naturen", "natur", "naturligt", "naturliga", "biologiskt", "biologiska"})


def _by_nature(lowers: list[str], start: int) -> int | None:
    """End of "av naturliga skäl mindre engagerade" after a copula: a nature phrase and the word it qualifies."""
    n = len(lowers)
    k, innate = start, False
    while k < n and k < start + 6 and lowers[k] in _FILLERS | _NATURE_WORDS:
        innate |= lowers[k] in _NATURE_WORDS
        k += 1
    if not innate or k >= n or lowers[k] in _NEGATIONS or lowers[k] in _CLAUSE_BREAKS or lowers[k] in (".", "!", "?"):
        return None
    return k


_OTHER_SEX = {"f": "m", "m": "f"}
#: Aversion or unease: "äldre kvinnor är rädda för tekniken", "tjejer är ointresserade av bilar".
_AVERSION = frozenset(
    {"rädd", "rädda", "ointresserad", "ointresserade", "osäker", "osäkra", "obekväm", "obekväma", "ängslig", "ängsliga"}
)


def _aversion_at(lowers: list[str], start: int, sex: str) -> int | None:
    """End of an aversion to the other sex's coded domain after a copula ("rädda för tekniken"), else ``None``."""
    for k in range(start, min(start + 3, len(lowers) - 1)):
        if lowers[k] in _AVERSION and lowers[k + 1] in ("för", "av", "med", "inför"):
            return _coded_object(lowers, k + 2, _OTHER_SEX.get(sex, ""))
        if lowers[k] not in _FILLERS:
            return None
    return None


#: "kör bil sämre än män", "röra på sig mer än flickor": a behaviour compared with the other sex.
_COMPARED = frozenset({"bättre", "sämre", "mer", "mera", "mindre"})
#: Verbs whose comparison is an outcome or a circumstance, not a trait ("mår sämre än", "tjänar mer än").
_OUTCOME_VERBS = frozenset(
    {
        "mår", "presterar", "lyckas", "tjänar", "förtjänar", "lever", "arbetar", "jobbar", "får", "betalar",
        "äger", "kostar", "reser", "använder", "tar", "ut", "har", "hade", "blir", "drabbas", "utsätts",
        "söker", "deltar", "röstar", "sover", "äter", "dricker", "röker", "pendlar", "vårdas", "sjukskrivs",
    }
)


#: "mer än" compares a need, not a measured amount: "pojkar behöver röra på sig mer än flickor".
_NEED_VERBS = frozenset({"behöver", "vill", "måste", "orkar"})


def _compared(lowers: list[str], g: int, group: str) -> tuple[int, str] | None:
    """(end, kind) of "<group> <verb …> sämre/mer än <other sex's group>" in the group's clause, else ``None``."""
    other = _OTHER_SEX.get(GROUP_OF.get(group, ""), "")
    for k in range(g + 1, min(g + 9, len(lowers) - 2)):
        low = lowers[k]
        if low in _CLAUSE_BREAKS or low in _NEGATIONS or low in _OUTCOME_VERBS:
            return None
        if low in _COMPARED and lowers[k + 1] == "än":
            if low not in ("bättre", "sämre") and not set(lowers[g + 1 : k]) & _NEED_VERBS:
                return None  # "vuxna män lånar mindre än kvinnor" is a measured difference
            j = k + 2
            while j < len(lowers) and lowers[j] in _GROUP_ADJECTIVES:
                j += 1
            if j < len(lowers) and lowers[j] in GROUPS and GROUP_OF.get(lowers[j]) == other:
                return j, "förmåga"
            return None
    return None


#: Habit verbs: "Mammor brukar vilja packa själva", "Pojkarna brukar glömma tandborsten".
_HABIT_VERBS = frozenset({"brukar", "tenderar"})


def _habit(lowers: list[str], g: int, group: str) -> tuple[int, str] | None:
    """(end, "beteende") of "<group> brukar <verb> …", a habit ascribed to the whole group, else ``None``.

    Outcome verbs ("brukar drabbas", "brukar få") report circumstances, not behaviour.
    """
    n = len(lowers)
    v = g + 1
    while v < n and lowers[v] in ("också", "även", "ju", "nog", "själva"):
        v += 1
    if v + 1 >= n or lowers[v] not in _HABIT_VERBS:
        return None
    verb = lowers[v + 1]
    if verb in _OUTCOME_VERBS or verb in _NEGATIONS or verb in _CLAUSE_BREAKS or verb in ("drabbas", "utsättas", "behöva"):
        return None
    k = v + 1
    while k + 1 < n and k < v + 4 and lowers[k + 1] not in _CLAUSE_BREAKS and lowers[k + 1] != ".":
        k += 1
    return k, "beteende"


def _has_pair(words: list[str], a: str, b: str) -> bool:
    return any(words[i] == a and words[i + 1] == b for i in range(len(words) - 1))


def _group_starts(tokens: list[Token], lowers: list[str]) -> Iterator[tuple[int, int, str, int]]:
    """(first token, group token, group, anchor) for every generic group subject in the sentence.

    ``anchor`` is where the group is named: the group token itself, or for
    "de" the earlier group it stands for (extent words are looked for from there).
    """
    last: tuple[str, int] | None = None
    for g, tok in enumerate(tokens):
        low = lowers[g]
        if tok.in_quotes:
            continue
        group = GROUPS.get(low)
        if group is not None:
            if _both_sexes_before(lowers, g) and _essence_at(lowers, g) is None:
                continue  # "flickor och pojkar behöver …" is about children, not one sex
            if lowers[g + 1 : g + 3] == [",", "som"]:
                yield g, g, group, g  # "… mot tjejer, som naturligt dras till vården"
            elif _subject_position(lowers, g):
                last = (group, g)
                yield g, g, group, g
            elif g > 0 and lowers[g - 1] in _COPULAS | {"har"}:
                yield g - 1, g, group, g  # inverted: "Därför är killar …"
            elif _essence_at(lowers, g) is not None:
                yield g, g, group, g  # "låta flickor vara flickor"
        elif low in DEFINITE_GROUPS and not _both_sexes_before(lowers, g):
            group = DEFINITE_GROUPS[low]
            if _subject_position(lowers, g):
                last = (group, g)
                yield g, g, group, g  # "Männen har svårare att …" (kept only with a generic predicate, see _claims)
            elif g > 0 and lowers[g - 1] in _INVERTED_VERBS:
                last = (group, g)
                yield g - 1, g, group, g  # "I rådet tar killarna naturligt ledarrollen"
        elif low in ("kvinnliga", "manliga") and g + 1 < len(lowers) and _plural_person(lowers[g + 1]) and _subject_position(lowers, g):
            group = "kvinnor" if low == "kvinnliga" else "män"
            last = (group, g)
            yield g + 1, g + 1, group, g  # "Kvinnliga brukare uppskattar ofta …"
        elif low == "de" and last is not None and g > 0 and lowers[g - 1] in _SUBJECT_OPENERS:
            yield g, g, last[0], last[1]  # "Flickor slutar … eftersom de hellre umgås …"
        elif low in ("natur", "natura") and g > 0 and lowers[g - 1] in GROUP_GENITIVES:
            yield g - 1, -1, lowers[g - 1][:-1], g - 1  # "det ligger i killars natur"


#: Verbs before an inverted definite subject ("Därför tar killarna …", "I gruppen brukar männen …").
_INVERTED_VERBS = frozenset({"är", "har", "tar", "brukar", "sköter", "vill", "blir"})
#: A definite plural ("Männen", "Tjejerna") is usually a specific group described factually
#: ("Flickorna i klass 4 är duktiga på att läsa"). It is read as a generalisation only with
#: a habit, ease or nature word in its predicate, or when the sentence sets it against the
#: other sex ("Mammorna vill prata om känslor, papporna vill ha konkreta råd").
_GENERIC_MARKERS = frozenset(
    {
        "brukar", "tenderar", "naturligt", "naturen", "naturliga", "natur", "regel", "vana", "van",
        "svårare", "lättare", "självklart", "samma", "instinktivt", "intuitivt", "medfött",
    }
)
#: "Kvinnorna i boendet", "Männen på avdelningen": a place phrase between the group and its verb.
_PLACE_PREPOSITIONS = frozenset({"i", "på", "inom", "vid"})


def _generic_definite(lowers: list[str], g: int, first: int, end: int, kind: str) -> bool:
    """Does the claim about the definite group at ``g`` read as a generalisation (see :data:`_GENERIC_MARKERS`)?

    A bare habit ("Männen i kören brukar träffas på tisdagar") needs the contrast with the other sex.
    """
    if kind != "beteende" and set(lowers[min(first, g) : end + 1]) & _GENERIC_MARKERS:
        return True
    sex = GROUP_OF.get(lowers[g])
    return any(GROUP_OF.get(w, sex) != sex and (w in GROUPS or w in DEFINITE_GROUPS) for w in lowers)


def _past_place(lowers: list[str], g: int) -> int:
    """The index before the predicate of "Kvinnorna i boendet är …": ``g`` itself if no place phrase follows."""
    if g + 2 < len(lowers) and lowers[g + 1] in _PLACE_PREPOSITIONS and lowers[g + 2] not in _ADVERBS:
        k = g + 3
        if k < len(lowers) and lowers[k] in _PREDICATE_VERBS:
            return k - 1
    return g


def _plural_person(low: str) -> bool:
    """Is ``low`` a plural person noun ("brukare", "chefer", "elever")?"""
    return any(f.number == "plural" and not f.genitive for f in person_head(low))


def _both_sexes_before(lowers: list[str], g: int) -> bool:
    """Is the group at ``g`` coordinated with a group of the other sex ("kvinnor och män", "pojkar eller flickor")?"""
    sex = GROUP_OF.get(lowers[g])
    if g >= 2 and lowers[g - 1] in ("och", "eller") and GROUP_OF.get(lowers[g - 2], sex) != sex:
        return True
    return g + 2 < len(lowers) and lowers[g + 1] in ("och", "eller") and GROUP_OF.get(lowers[g + 2], sex) != sex


#: Where a main predicate can start after a restrictive relative clause ("män som blivit ensamma OFTA SAKNAR").
_PREDICATE_VERBS = (
    _COPULAS | _AUX_TO_COPULA | _PREFER_DIRECT | _ATTRACTED
    | {"har", "saknar", "behöver", "mår", "tar", "sköter", "ansvarar", "passar", "klarar", "ligger", "lämpar", "vill", "söker", "lär"}
)
_RELATIVE_STOPS = frozenset({",", ";", ":", ".", "–", "men", "medan", "och", "eller", "som", "att"})


def _after_relative(lowers: list[str], g: int, group: str) -> tuple[int, str] | None:
    """The main predicate after a restrictive relative clause: "Döttrar som bor i närheten är en naturlig resurs".

    The relative clause's own verb is skipped (it restricts the group: "pojkar
    som ofta är stökiga" is not about all boys); a predicate is looked for in the
    next few words, before any clause break.
    """
    n = len(lowers)
    if g + 2 >= n or lowers[g + 1] != "som":
        return None
    r = g + 2
    while r < n and lowers[r] in _ADVERBS:
        r += 1
    for j in range(r + 1, min(r + 7, n)):
        if lowers[j] in _RELATIVE_STOPS:
            return None
        if lowers[j] in _PREDICATE_VERBS or (lowers[j] in _ADVERBS and j + 1 < n and lowers[j + 1] in _PREDICATE_VERBS):
            found = _predicate(lowers, j - 1, group)
            if found is not None:
                return found
    return None


def _essence_at(lowers: list[str], g: int) -> int | None:
    """End of "pojkar är pojkar", "låta flickor vara flickor", "killar får vara killar" at ``g``."""
    k = g + 1
    while k < len(lowers) and k < g + 3 and lowers[k] in ("får", "ska", "måste", "få", "kan", "fortsätta"):
        k += 1
    if k + 1 < len(lowers) and lowers[k] in ("vara", "är") and lowers[k + 1] == lowers[g]:
        return k + 1
    return None


#: What a group "needs" in a generalisation about its nature: an outlet for energy or feelings, calm.
_OUTLETS = frozenset({"springa", "röra", "gråta", "prata", "leka", "ta", "lugna", "lugn", "lugnare", "trygga", "tuffa", "fysiska"})
_OUTLET_ENDS = frozenset({"sig", "ut", "av"})
_EASE = frozenset({"lättare", "enklare", "svårare"})


def _extra_claim(lowers: list[str], g: int) -> int | None:
    """End of a nature claim at the generic group ``g`` that the predicate table does not hold.

    "Pojkar behöver få röra på sig", "Mammor behöver ofta få gråta ut", "Kvinnor har
    lättare än män att …", "Kvinnor pratar av sig själva lättare", "killar är ju killar",
    "För flickorna passar de lugnare formerna bättre".
    """
    n = len(lowers)
    low = lowers[g]
    if g > 1 and lowers[g - 1] in ("och", "eller") and lowers[g - 2] in GROUP_OF:
        return None  # "Flickor och pojkar behöver …": both sexes together
    if low in GROUPS and g + 1 < n:
        nxt = lowers[g + 1]
        if nxt == "är" and g + 3 < n and lowers[g + 2] in ("ju", "nu", "helt", "bara") and lowers[g + 3] == low:
            return g + 3
        if nxt == "behöver":
            for k in range(g + 2, min(n, g + 6)):
                if lowers[k] in _CLAUSE_BREAKS:
                    break
                if lowers[k] in _OUTLETS and (lowers[k] in ("lugna", "lugn", "lugnare") or set(lowers[k + 1 : k + 4]) & _OUTLET_ENDS):
                    return min(n - 1, k + 2)
        if nxt == "har" and g + 4 < n and lowers[g + 2] in _EASE and lowers[g + 3] == "än" and lowers[g + 4] in GROUPS:
            return g + 4
        if _finite_after(lowers, g + 1) and nxt not in _SCENE_MODALS:
            for k in range(g + 2, min(n, g + 7)):
                if lowers[k] in _CLAUSE_BREAKS:
                    break
                if lowers[k] in ("lättare", "enklare") and "än" not in lowers[g : k + 3]:
                    return k
    if g >= 1 and lowers[g - 1] == "för" and (g == 1 or lowers[g - 2] in _CLAUSE_BREAKS) and g + 1 < n and lowers[g + 1] in ("passar", "lämpar"):
        return g + 1
    return None


#: Softeners that make a habit or taste the group's own: "killar läser JU HELST …",
#: "pappor har SÄLLAN tålamod", "mammorna BRUKAR ställa upp". Without a source or a
#: measure in the sentence (see :data:`_ANALYSIS`) they generalise rather than observe.
_SOFTENERS = frozenset({"ju", "helst", "gärna", "mest", "sällan", "oftast", "ofta", "brukar", "bäst", "annars"})
#: Softeners strong enough to make a definite group ("gubbarna", "mammorna") generic on their own.
_DEFINITE_SOFTENERS = frozenset({"ju", "helst", "gärna", "mest", "sällan", "oftast"})
#: Verbs after which a softened clause still reports circumstances, not the group's ways.
_SOFT_OUTCOMES = (_OUTCOME_VERBS - {"har", "tar", "söker"}) | {
    "är", "blir", "var", "får", "kan", "ska", "måste", "bör", "behöver", "saknar", "väljer", "bor", "studerar", "avstår",
}
#: A comparison in the clause ("läser oftast mindre än") reports a difference: left to the comparison rules.
_SOFT_COMPARISONS = frozenset({"mer", "mindre", "fler", "färre", "än", "oftare", "mera"})
#: "i den åldern", "i den här åldern": an age band, still the whole group.
_AGE_BANDS = (["i", "den", "åldern"], ["i", "den", "här", "åldern"], ["i", "den", "där", "åldern"], ["i", "denna", "ålder"])


def _coded_prefix(low: str, sex: str) -> bool:
    """Is ``low`` coded for ``sex`` itself or as the first part of a compound ("kioskvakter", "fikaansvariga")?"""
    if domain_of(low) == sex:
        return True
    words = FEMALE_CODED if sex == "f" else MALE_CODED
    return any(len(w) >= 4 and low.startswith(w) and len(low) - len(w) >= 4 for w in words)


def _softened(lowers: list[str], g: int, group: str) -> tuple[int, str] | None:
    """(end, "beteende") of "<group> (i den åldern) (, som) <softener> <verb> …", else ``None``.

    "Killar läser ju helst faktaböcker", "Pappor har sällan tålamod", "Gubbarna vill ju
    mest spela boule", "Karlar vill annars gärna bita ihop". A definite group needs a
    strong softener or a coded object ("Mammorna brukar ställa upp som kioskvakter").
    """
    n = len(lowers)
    k = g + 1
    for band in _AGE_BANDS:
        if lowers[k : k + len(band)] == band:
            k += len(band)
            break
    if lowers[k : k + 2] == [",", "som"]:
        k += 2
    softeners: set[str] = set()
    verb: int | None = None
    j = k
    while j < n and j < k + 5:
        low = lowers[j]
        if low in _CLAUSE_BREAKS or low in _NEGATIONS or low in (".", "?", "!"):
            return None
        if low in _SOFTENERS:
            softeners.add(low)
            if low == "brukar" and verb is None:
                verb = j
        elif verb is None and (_finite_after(lowers, j) or low == "trivs"):
            verb = j
        elif verb is not None:
            break
        j += 1
    if verb is not None and lowers[verb] == "har" and lowers[verb + 1 : verb + 3] == ["svårt", "att"]:
        if verb + 3 < n and lowers[verb + 3] in _TRAIT_VERBS:
            softeners.add("svårt")  # "killar i den åldern har svårt att sitta still"
    if verb is None or not softeners:
        return None
    if lowers[verb] in _SOFT_OUTCOMES or (lowers[verb].endswith("s") and lowers[verb] != "trivs"):
        return None
    if lowers[verb] == "brukar" and (j >= n or lowers[j] in _SOFT_OUTCOMES or lowers[j] in _NEGATIONS | {"drabbas", "utsättas"}):
        return None
    if lowers[verb] == "har" and not (
        set(lowers[j : j + 3]) & (TRAIT_NOUNS | {"svårt", "lätt", "koll"})
    ):
        return None  # "har ofta deltid" is a circumstance; "har sällan tålamod" a trait
    if set(lowers[k : min(n, j + 4)]) & _SOFT_COMPARISONS:
        return None
    sex = GROUP_OF.get(lowers[g], "")
    end = j
    while end + 1 < n and end < j + 3 and lowers[end + 1] not in _CLAUSE_BREAKS and lowers[end + 1] not in (".", "och"):
        end += 1
    end = min(end, n - 1)
    if lowers[g] in DEFINITE_GROUPS and not (
        softeners & _DEFINITE_SOFTENERS
        or any(_coded_prefix(w, sex) for w in lowers[j : min(n, j + 8)])
    ):
        return None
    return end, "beteende"


#: "tänkt för damerna", "avsedd för killarna": an activity earmarked for one sex.
_MEANT_FOR = frozenset({"tänkt", "tänkta", "avsett", "avsedd", "avsedda", "riktat", "riktad", "riktade", "passar"})


def _activity_split(lowers: list[str]) -> tuple[int, int, str] | None:
    """(first, last, group) of "X är tänkt för damerna, medan herrarna kan …": activities split by sex."""
    n = len(lowers)
    for m, low in enumerate(lowers):
        if low != "medan" or m + 2 >= n:
            continue
        other = lowers[m + 1]
        if other not in GROUP_OF or not (other in GROUPS or other in DEFINITE_GROUPS):
            continue
        for f in range(m - 1, max(-1, m - 8), -1):
            if lowers[f] in (".", ";", ":"):
                break
            if lowers[f] == "för" and f > 0 and lowers[f - 1] in _MEANT_FOR:
                g = f + 1
                while g < m and lowers[g] in _GROUP_ADJECTIVES:
                    g += 1
                head = lowers[g] if g < m else ""
                if head in GROUP_OF and head in GROUPS | DEFINITE_GROUPS and GROUP_OF[head] != GROUP_OF[other] and not _negated_before(lowers, f):
                    first, _ = _clause_bounds(lowers, f - 1, f - 1)
                    last = min(n - 2, m + 6)
                    while last > m + 1 and lowers[last] in _CLAUSE_BREAKS | {"."}:
                        last -= 1
                    return first, last, GROUPS.get(head, DEFINITE_GROUPS.get(head, head))
    return None


_PARENT_WORDS = {
    "mamma": "f", "mamman": "f", "mor": "f", "modern": "f", "mammas": "f", "mammans": "f",
    "pappa": "m", "pappan": "m", "far": "m", "fadern": "m", "pappas": "m", "pappans": "m",
}
_PARENT_GROUP = {"f": "mammor", "m": "pappor"}
_USUALLY = frozenset({"oftast", "ofta", "ju", "brukar", "alltid", "vanligtvis", "vanligen"})


def _parent_by_habit(lowers: list[str]) -> tuple[int, int, str] | None:
    """(first, last, group) of "fråga mamma, hon har oftast koll" / "mamman, eftersom det oftast är hon som hämtar".

    A parent picked out and the choice justified by what mothers (or fathers) usually do.
    """
    n = len(lowers)
    for i, low in enumerate(lowers):
        sex = _PARENT_WORDS.get(low)
        if sex is None or _mother_first_at(lowers, i) is not None or _narrowed_to_mother(lowers, i) is not None:
            continue  # "i första hand till barnets mamma": reported by stereotyp/mammor-i-stallet-for-foraldrar
        pronoun = "hon" if sex == "f" else "han"
        for p in range(i + 1, min(n, i + 10)):
            if lowers[p] in (".", ";", "men"):
                break
            if lowers[p] != pronoun:
                continue
            before, after = lowers[max(i + 1, p - 4) : p], lowers[p + 1 : p + 3]
            if not (set(before) | set(after)) & _USUALLY or set(lowers[i:p]) & _NEGATIONS:
                break
            if not (lowers[p - 1] == "," or {"eftersom", "då"} & set(before)):
                break
            last = p
            while last + 1 < n and last < p + 4 and lowers[last + 1] not in _CLAUSE_BREAKS | {".", "och"}:
                last += 1
            return i, last, _PARENT_GROUP[sex]
    return None


def _has_source(lowers: list[str]) -> bool:
    """A source or a measure in the sentence: "enligt enkäten", "statistiken visar", a number."""
    return bool(set(lowers) & (_ANALYSIS | {"visar", "visade", "andel", "andelen"})) or any(_DIGIT.search(w) for w in lowers)


def _claims(tokens: list[Token]) -> list[_Claim]:
    lowers = [t.lower for t in tokens]
    claims: list[_Claim] = []
    covered = -1
    for first, g, group, anchor in _group_starts(tokens, lowers):
        if first <= covered or _negated_before(lowers, first):
            continue
        essence = _essence_at(lowers, g) if g >= 0 and lowers[g] in GROUPS else None
        found: tuple[int, str] | None
        if essence is not None:
            found = (essence, "väsen")
        elif g < 0:
            found = (first + 1, "väsen")  # "i pojkars natur"
        elif first < g and lowers[first] not in _COPULAS | {"har"}:  # "tar killarna naturligt ledarrollen"
            swapped = lowers[:first] + [lowers[g], lowers[first]] + lowers[g + 1 :]
            found = _predicate(swapped, first, group)
        elif first < g:  # inverted: "Därför är killar mer stökiga"
            end = _scan(lowers, g + 1, after_har=lowers[first] == "har")
            found = (end, "egenskap:" + (_trait_category(lowers[end]) or "förmåga")) if end is not None else None
        elif lowers[g + 1 : g + 3] == [",", "som"]:
            found = _predicate(lowers, g + 2, group)  # a non-restrictive clause is about the whole group
        else:
            found = _predicate(lowers, _past_place(lowers, g), group) or (
                _after_relative(lowers, g, group) if lowers[g] in GROUPS else None
            )
            if found is None and lowers[g] in GROUPS | DEFINITE_GROUPS:
                found = _habit(lowers, g, group)
            if found is None and lowers[g] in GROUPS:
                found = _compared(lowers, g, group)
        softened = False
        if found is not None and g >= 0 and lowers[g] in DEFINITE_GROUPS and first == g and not _generic_definite(lowers, g, first, *found):
            found = None  # "Mammorna brukar ställa upp som kioskvakter": try the softened reading below
        if found is None and g >= 0 and lowers[g] in GROUPS | DEFINITE_GROUPS and first == g:
            found = _softened(lowers, g, group)
            softened = found is not None
        if found is None:
            continue
        end, kind = found
        if lowers[g] == "de" and any(c.group == group for c in claims):
            continue  # "Tjejer behöver …, de sköter det själva": one claim, already found
        if not softened and g >= 0 and lowers[g] in DEFINITE_GROUPS and not _generic_definite(lowers, g, first, end, kind):
            continue
        near = lowers[max(0, min(first, anchor) - 3) : end + _EXTENT_WINDOW]
        extent = {w for w in near if w in _EXTENT}
        if extent == {"sällan"} and not _has_source(lowers):
            extent = set()  # "pappor har sällan tålamod": a frequency word without a measure
        if extent and not _has_pair(lowers[first : end + 1], "samma", "behov"):
            continue
        previous = claims[-1] if claims else None
        if kind == "väsen" and previous is not None and previous.kind == "väsen" and lowers[previous.last + 1 : first] == ["och"]:
            claims[-1] = _Claim(previous.first, end, previous.group, kind)  # "flickor vara flickor och pojkar vara pojkar"
            covered = end
            continue
        if (
            previous is not None
            and g >= 0
            and lowers[g] in DEFINITE_GROUPS
            and GROUP_OF.get(previous.group) != GROUP_OF.get(group)
            and set(lowers[previous.last + 1 : first]) & {"medan", ",", "och", "men"}
            and first - previous.last <= 8
        ):
            claims[-1] = _Claim(previous.first, end, previous.group, previous.kind)  # "…, medan tjejerna gärna sköter …"
            covered = end
            continue
        while first > 0 and lowers[first - 1] in _GROUP_ADJECTIVES and lowers[first - 1] not in ("de", "alla"):
            first -= 1  # "Unga kvinnor saknar …"
        if first >= 2 and lowers[first - 1] in ("och", "eller") and GROUP_OF.get(lowers[first - 2]) == GROUP_OF.get(lowers[g]):
            first -= 2  # "Döttrar och svärdöttrar som …"
        claims.append(_Claim(first, min(end, len(tokens) - 1), group, kind))
        covered = end
    return claims


def generalises_about_sex(tokens: list[Token]) -> bool:
    """Does this sentence generalise about women, men, girls or boys ("flickor föredrar dans")?

    The perspective assessment uses it so that a stereotype is never read as an
    analysis of women and men.
    """
    return bool(_claims(tokens))


_KIND_TEXT = {
    "förmåga": "en förmåga eller brist",
    "intresse": "vissa intressen",
    "behov": "vissa behov",
    "roll": "en viss roll eller uppgift",
    "väsen": "ett givet sätt att vara",
    "beteende": "ett visst beteende",
}


def _claim_message(claim: _Claim) -> str:
    if claim.kind.startswith("egenskap:"):
        category = claim.kind.split(":", 1)[1]
        what = "en egenskap" if category == "förmåga" else f"en egenskap som rör {category}"
    else:
        what = _KIND_TEXT[claim.kind]
    return f"Meningen tillskriver {claim.group} som grupp {what}; det kan befästa stereotyper."


@code_rule(
    id="stereotyp/generalisering-om-kon",
    name="generalisering om kvinnor och män",
    category="stereotype",
    severity="info",
    message="Meningen tillskriver kvinnor, män, flickor eller pojkar som grupp en egenskap; det kan befästa stereotyper.",
    suggestions=[
        "Beskriv vad ni faktiskt har sett och stöd det med statistik eller en källa.",
        "Skriv om beteendet eller behovet i stället för om kvinnor, män, flickor eller pojkar som grupp, t.ex. ”barn som behöver röra på sig”.",
    ],
    rationale=(
        "Påståenden som ”flickor är ordentliga”, ”killar är bättre på teknik” eller ”kvinnor passar "
        "bättre i vården” gör en egenskap, ett intresse eller en roll till en fråga om kön och kan styra "
        "hur individer bemöts och vilka val de får. Pröva med ”Tänk tvärtom”: skulle du skriva samma sak "
        "om det andra könet? Skillnader som bygger på statistik är något annat – redovisa dem med källa."
    ),
    source=_SCHYST + "; " + _CEMR,
    url=_SCHYST_URL,
    limitations=(
        "Regeln känner igen en grupp i allmän plural (kvinnor, unga män, flickor, killar, mammor …) "
        "följd av ett generaliserande predikat (är, har lättare för, saknar, passar bättre för, tar "
        "ansvar för, behöver mer, mår bäst av, föredrar, vill hellre, vill ha eller söker något "
        "könskodat …) i samma sats, också efter en relativsats (”män som blivit ensamma saknar ofta …”, "
        "”tjejer, som naturligt dras till …”). Egenskapsord känns igen ur ordlistan och ur sammansättningar "
        "(riskbenägen, konflikträdd, lättskrämd). Jämförelser med det andra könet (”kör bil sämre än män”, "
        "”behöver röra på sig mer än flickor”), ovilja mot det andra könets kodade områden (”rädda för "
        "tekniken”, ”gillar inte att tävla”) och retoriska varför-frågor räknas också. En bestämd grupp "
        "(männen, tjejerna, damerna) räknas bara när predikatet säger något om vana eller natur (brukar, "
        "är vana vid, har svårare att, av naturliga skäl, naturligt) eller när meningen ställer den mot "
        "det andra könet; ”Flickorna i klass 4 är duktiga på att läsa” beskriver en viss grupp. Satser med siffror, källa eller ord som oftare och i "
        "högre grad räknas som analys och hoppas över, liksom "
        "nekade påståenden och meningar som diskuterar fördomar eller normer. Vanor och smak som "
        "mjukas upp med ju, helst, gärna, mest, brukar, sällan eller oftast (”killar läser ju helst "
        "faktaböcker”, ”pappor har sällan tålamod”) räknas som generaliseringar när meningen saknar "
        "källa eller mått; ”enligt enkäten läser pojkar oftast …” hoppas över."
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
        "Äldre män saknar ofta förmågan att be om hjälp.",
        "Kvinnor passar bäst som samordnare i teamet.",
        "Mödrar har ett naturligt tålamod med barn.",
        "Killar har sämre ordningssinne än tjejer.",
        "Tjejer behöver stärkas i sitt självförtroende.",
        "Varför är pojkar så mycket stökigare på rasten?",
        "Pojkar gillar inte att sjunga i kör.",
        "Äldre män är osäkra inför matlagning.",
        "Kvinnliga chefer är mer lyhörda för personalen.",
        "Flickor läser kartor sämre än pojkar.",
        "Pojkar behöver springa av sig mer än flickor.",
        "Papporna har av naturliga skäl svårare att trösta.",
        "Damerna brukar vara mer pratsamma än herrarna.",
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
        "Det är inte så att pojkar är mindre lämpade som förskollärare.",
        "Kvinnor har lägre inkomster än män och saknar oftare tjänstepension.",
        "Varför väljer så få flickor teknikprogrammet?",
        "Flickor mår sämre än pojkar i årskurs nio.",
        "Vuxna män lånar mindre än kvinnor på biblioteket.",
        "Tjejer behöver stöd i övergången till gymnasiet.",
        "Kvinnliga företagare får mindre riskkapital än manliga.",
        "Männen i styrelsen har svårt att hinna med kvällsmötena.",
        "Damerna i kören brukar öva på onsdagar.",
    ],
)
def group_generalisation(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """A generic group + a generalising predicate, once per clause."""
    for ablock, tokens in _text_sentences(document):
        if _sentence_skipped(tokens, numbers=False):
            continue
        lowers = [t.lower for t in tokens]
        claims = _claims(tokens)
        scene = _role_scene(lowers) if set(lowers) & GROUP_OF.keys() else None
        for g, low in enumerate(lowers):
            if low not in GROUP_OF or tokens[g].in_quotes or any(c.first <= g <= c.last for c in claims):
                continue
            if scene is not None and scene[0] <= g <= scene[1]:
                continue  # reported once, as a scene (stereotyp/antagen-konsroll)
            end = _extra_claim(lowers, g)
            if end is not None and not _negated_before(lowers, g) and not _negated_frame(lowers, g):
                first = g - 1 if lowers[g - 1 : g] == ["för"] else g
                claims.append(_Claim(first, end, GROUPS.get(low, DEFINITE_GROUPS.get(low, low)), "väsen"))
        habit = _parent_by_habit(lowers) if not claims and not _has_source(lowers) else None
        if habit is not None:
            claims.append(_Claim(habit[0], habit[1], habit[2], "roll"))
        split = _activity_split(lowers) if not claims else None
        if split is not None and (scene is None or not scene[0] <= split[0] <= scene[1]):
            claims.append(_Claim(split[0], split[1], split[2], "roll"))
        for claim in claims:
            a, b = _clause_bounds(lowers, claim.first, claim.last)
            if _has_number(tokens[a : b + 1]):
                continue  # "Pojkar i årskurs 5 har 20 poäng …": a figure about the group
            yield _span_finding(ctx, ablock, tokens, claim.first, claim.last, _claim_message(claim))


# --- roles handed out by sex ----------------------------------------------------------------

#: Observed patterns ("det är oftast mamman som", "mest killar i gymmet"): a description, not an assignment.
_OBSERVED = frozenset(
    {
        "oftast", "ofta", "oftare", "fortfarande", "vanligtvis", "vanligen", "mest", "flest", "nästan",
        "majoriteten", "dominerar", "domineras", "övervägande", "överrepresenterade", "underrepresenterade",
        "grad", "utsträckning", "vanligare",
    }
)
_CLEFT_ADVERBS = frozenset(
    {"oftast", "ofta", "alltid", "fortfarande", "vanligtvis", "vanligen", "främst", "i", "första", "hand", "självklart", "naturligtvis", "mest", "nästan", "ju"}
)
_CLEFT_HOLDERS = frozenset(SEXED_SINGULARS) | frozenset(DEFINITE_GROUPS) | frozenset({"mamma", "pappa"})
_MODALS = frozenset({"ska", "skall", "bör", "måste", "får"})
_PARTICLE_VERBS = frozenset({"fylla", "skriva", "lämna", "ställa", "ringa", "skicka", "hämta", "ta"})
_PARTICLES = frozenset({"i", "in", "upp", "under", "hand"})
#: Role verbs after "det är mamman som …", with the word that must follow (None: any).
_ROLE_AFTER_SOM: dict[str, frozenset[str] | None] = {
    "är": frozenset({"hemma", "föräldraledig", "ledig", "ansvarig", "kontaktperson"}),
    "stannar": frozenset({"hemma"}),
    "står": frozenset({"vid", "för", "längst", "i"}),
    "tar": frozenset({"hand", "ansvar", "ansvaret", "hem"}),
    "har": frozenset({"hand", "ansvar", "ansvaret", "kontakt", "kontakten"}),
    "sköter": None, "ansvarar": None, "lagar": None, "städar": None, "tvättar": None, "vabbar": None,
    "hämtar": None, "lämnar": None, "fyller": None, "försörjer": None,
}


def _cleft_at(lowers: list[str], i: int) -> tuple[int, int] | None:
    """(holder, end) of "det är (oftast) mamman som ska fylla i" / "är det mamman som är hemma"."""
    n = len(lowers)
    if lowers[i : i + 2] not in (["det", "är"], ["är", "det"]):
        return None
    k, observed = i + 2, False
    while k < n and lowers[k] in _CLEFT_ADVERBS:
        observed |= lowers[k] in _OBSERVED
        k += 1
    if k + 2 < n and lowers[k] == "de" and lowers[k + 1] == "som" and any(
        w in GROUP_OF for w in lowers[max(0, i - 8) : i]
    ):
        pass  # "… till tjejerna, eftersom det är de som ansvarar för …"
    elif k + 2 >= n or lowers[k] not in _CLEFT_HOLDERS or lowers[k + 1] != "som":
        return None
    p = k + 2
    if lowers[p] in _MODALS and p + 1 < n:  # an instruction: "det är mamman som ska fylla i"
        particle = p + 2 < n and lowers[p + 1] in _PARTICLE_VERBS and lowers[p + 2] in _PARTICLES
        return k, p + 1 + particle
    follow = _ROLE_AFTER_SOM.get(lowers[p], frozenset())
    if observed or (follow is not None and (p + 1 >= n or lowers[p + 1] not in follow)):
        return None
    return k, p if follow is None else p + 1


_AS_NOUNS = frozenset({"mamma", "pappa", "kvinna", "man", "tjej", "kille", "mor", "far", "förälder"})
_SEX_ADJECTIVES = {"kvinnlig": "f", "kvinnliga": "f", "manlig": "m", "manliga": "m"}
_AS_VERBS = frozenset({"vet", "förstår", "känner", "brukar", "behöver", "måste"})


def _as_role_at(lowers: list[str], i: int) -> int | None:
    """End of "Som mamma vet du", "Som kvinnlig företagare behöver man" at ``i``."""
    n = len(lowers)
    if lowers[i] != "som" or (i > 0 and lowers[i - 1] != ","):
        return None
    k = i + 1 + (i + 1 < n and lowers[i + 1] in ("en", "ett"))
    if k < n and lowers[k] in _SEX_ADJECTIVES:
        k += 2
    elif k < n and lowers[k] in _AS_NOUNS and lowers[k] != "förälder":
        k += 1
    else:
        return None
    if k + 1 < n and lowers[k] in _AS_VERBS and lowers[k + 1] in ("du", "man", "ni"):
        return k + 1
    return None


#: A recruiting sentence: "Vi söker en händig och teknisk kille".
_RECRUIT = frozenset({"söker", "sökes", "letar", "rekryterar", "rekrytera", "anställa", "anställer", "önskar", "önskas"})
#: Sexed person nouns a job ad can ask for.
_SEXED_PERSONS = {
    "kille": "m", "grabb": "m", "man": "m", "karl": "m", "pojke": "m", "herre": "m",
    "tjej": "f", "kvinna": "f", "flicka": "f", "dam": "f", "tös": "f",
}
#: Trait categories that stereotypes tie to each sex.
_CODED_TRAITS = {
    "m": frozenset({"teknik", "styrka", "ledarskap", "risk", "aggression"}),
    "f": frozenset({"omsorg", "känslor", "ordning", "utseende", "lynne"}),
}


def _wanted_person_at(lowers: list[str], i: int) -> int | None:
    """Start of "en händig och teknisk kille", "en social och omtänksam tjej" ending at ``i``.

    Only traits coded for the noun's own sex count: "en teknisk tjej" goes
    against the stereotype. Returns the index of the first trait word.
    """
    sex = _SEXED_PERSONS.get(lowers[i])
    if sex is None:
        return None
    k, start, coded = i - 1, None, False
    while k >= 0 and k > i - 7:
        category = TRAIT_CATEGORY.get(lowers[k]) or derived_trait(lowers[k])
        if category is not None:
            start, coded = k, coded or category in _CODED_TRAITS[sex]
        elif lowers[k] not in ("och", ",", "riktigt", "mycket", "väldigt"):
            break
        k -= 1
    if start is None or not coded or k < 0 or lowers[k] not in ("en", "ett"):
        return None
    if k >= 1 and lowers[k - 1] in ("är", "var") and not (k >= 2 and lowers[k - 2] == "som"):
        return None  # "Han är en stark man som söker nya utmaningar": one person described
    return start


#: Role verbs for staff divided by sex: "den manliga personalen tar hand om gymmet".
_STAFF_ROLE_VERBS = frozenset({"tar", "ansvarar", "sköter", "leder", "har"})
#: Collective staff nouns that the person-noun table does not hold.
_STAFF = frozenset({"personal", "personalen", "personalgruppen", "personalstyrkan", "arbetslaget"})


def _sex_markers(tokens: list[Token], lowers: list[str]) -> list[tuple[int, int, str, bool]]:
    """(first, head, sex, staff) for group words and "den kvinnliga personalen"-style phrases."""
    markers: list[tuple[int, int, str, bool]] = []
    for i, low in enumerate(lowers):
        if tokens[i].in_quotes:
            continue
        if low in _SEX_ADJECTIVES and i + 1 < len(lowers) and (lowers[i + 1] in _STAFF or person_head(lowers[i + 1])):
            first = i - 1 if i > 0 and lowers[i - 1] in ("den", "de") else i
            markers.append((first, i + 1, _SEX_ADJECTIVES[low], True))
        elif low in GROUP_OF and not (i > 0 and lowers[i - 1] in _SEX_ADJECTIVES):
            markers.append((i, i, GROUP_OF[low], False))
        elif low in _BARE_PARENTS and i > 0 and lowers[i - 1] in _RECEIVER_PREPOSITIONS:
            markers.append((i, i, _BARE_PARENTS[low], False))  # "butiker för mamma, bilverkstad för pappa"
        else:
            sex = _sexed_event(low)
            if sex is not None:
                markers.append((i, i, sex, False))  # "tjejkvällar med pyssel", "killgrupp med gaming"
    return markers


#: Role verbs after a definite group ("kvinnorna står för fikat"); *har* is left out ("har kontakt med vården").
_GROUP_ROLE_VERBS = frozenset({"tar", "ansvarar", "sköter", "står", "fixar", "ordnar"})


def _role_verb_after(lowers: list[str], head: int) -> bool:
    """A role verb within four words after a definite group, across a place phrase ("Kvinnorna i arbetslaget ansvarar")."""
    for k in range(head + 1, min(head + 5, len(lowers))):
        if lowers[k] in _GROUP_ROLE_VERBS:
            return True
        if lowers[k] in _CLAUSE_BREAKS:
            return False
    return False


#: "för mamma", "åt pappa": a bare parent word as the receiver of an activity.
_BARE_PARENTS = {"mamma": "f", "mor": "f", "pappa": "m", "far": "m"}
#: First parts of compounds that name an event or group for one sex: tjej|kväll, kill|läger, dam|träff.
_SEX_PREFIXES = (
    ("tjej", "f"), ("flick", "f"), ("dam", "f"), ("kvinno", "f"), ("mamma", "f"), ("mödra", "f"),
    ("kill", "m"), ("pojk", "m"), ("herr", "m"), ("grabb", "m"), ("pappa", "m"), ("gubb", "m"),
)
_SEX_PREFIX_STARTS = tuple(prefix for prefix, _ in _SEX_PREFIXES)
_EVENT_HEADS = (
    "kväll", "grupp", "dag", "läger", "lägret", "träff", "klubb", "kurs", "helg", "verksamhet", "aktivitet",
    "timme", "timmar", "café", "kafé", "cirkel", "cirklar", "jour", "lördag", "söndag", "fredag",
)


def _sexed_event(low: str) -> str | None:
    """"f" or "m" for a compound like *tjejkvällar*, *killgruppen*, *herrträffen*, else ``None``."""
    if not low.startswith(_SEX_PREFIX_STARTS):
        return None
    for prefix, sex in _SEX_PREFIXES:
        if low.startswith(prefix):
            rest = low[len(prefix) :]
            return sex if rest.startswith(_EVENT_HEADS) else None
    return None


#: Prepositions before a marker that make it the receiver of what comes before ("dans för tjejer").
_RECEIVER_PREPOSITIONS = frozenset({"för", "till", "åt", "bland", "hos"})


def _division(tokens: list[Token], lowers: list[str]) -> tuple[int, int] | None:
    """Span of tasks or activities handed out by sex in the stereotyped direction.

    A marker after *för/till/åt* ("dans och pyssel för tjejer") receives the
    coded domain words before it; any other marker ("den manliga personalen
    tar hand om gymmet") the words after it, up to the next marker or clause
    break. A division is reported when a female marker gets only
    female-coded words and a male marker only male-coded ones, or when staff of
    one sex get a role verb and their own-coded tasks.
    """
    markers = _sex_markers(tokens, lowers)
    if not markers:
        return None
    clause = [0] * len(lowers)
    for i in range(1, len(lowers)):
        clause[i] = clause[i - 1] + (lowers[i - 1] in _CLAUSE_BREAKS)
    reach: list[range] = []
    for m, (first, head, _, _) in enumerate(markers):
        if first > 0 and lowers[first - 1] in _RECEIVER_PREPOSITIONS:
            previous = markers[m - 1][1] + 1 if m > 0 else 0
            reach.append(range(max(previous, first - 8), first))
        else:
            following = markers[m + 1][0] if m + 1 < len(markers) else len(lowers)
            reach.append(range(head + 1, min(following, head + 9)))
    assigned: dict[int, set[str]] = {}
    spans: dict[int, list[int]] = {}
    for k, low in enumerate(lowers):
        sex = domain_of(low)
        if sex is None:
            continue
        owners = [m for m, r in enumerate(reach) if k in r and clause[markers[m][1]] == clause[k]]
        if len(owners) != 1:
            continue
        assigned.setdefault(owners[0], set()).add(sex)
        spans.setdefault(owners[0], []).append(k)
    if any(sexes != {markers[m][2]} for m, sexes in assigned.items()):
        return None
    own = list(assigned)
    chosen = own if {markers[m][2] for m in own} == {"f", "m"} else [
        m for m in own
        if (markers[m][3] and markers[m][1] + 1 < len(lowers) and lowers[markers[m][1] + 1] in _STAFF_ROLE_VERBS)
        or (lowers[markers[m][1]] in DEFINITE_GROUPS and _role_verb_after(lowers, markers[m][1]))
    ]
    if not chosen:
        return None
    points = [p for m in chosen for p in (markers[m][0], markers[m][1], *spans[m])]
    return min(points), max(points)


#: "om hustrun kan laga maten": the applicant's wife assumed to do the housework.
_WIVES = frozenset({"hustrun", "frun", "makan"})
_HOUSEWORK = frozenset(
    {
        "laga", "lagar", "städa", "städar", "tvätta", "tvättar", "diska", "diskar", "handla", "handlar",
        "baka", "bakar", "sköta", "sköter", "ta",
    }
)
_HOUSEWORK_OBJECTS = frozenset({"maten", "mat", "hemmet", "hushållet", "tvätten", "disken", "städningen", "inköpen", "hand"})


def _wife_chore_at(lowers: list[str], i: int) -> int | None:
    """End of "hustrun kan laga maten" at ``i``: a wife (of an unnamed reader or applicant) doing the housework."""
    if lowers[i] not in _WIVES:
        return None
    for k in range(i + 1, min(i + 4, len(lowers) - 1)):
        if lowers[k] in _HOUSEWORK and lowers[k + 1] in _HOUSEWORK_OBJECTS | {"om"}:
            return k + 1
        if lowers[k] not in ("kan", "ska", "får", "brukar", "bör", "också", "även", "själv"):
            return None
    return None


#: Relatives offered as examples of who helps: "t.ex. din dotter eller svärdotter".
_FEMALE_RELATIVES = frozenset(
    {"dotter", "svärdotter", "döttrar", "svärdöttrar", "syster", "systrar", "fru", "hustru", "maka", "mor", "mamma", "svärmor"}
)
_MALE_RELATIVES = frozenset(
    {"son", "svärson", "söner", "svärsöner", "bror", "bröder", "make", "man", "far", "pappa", "svärfar", "sambo", "partner"}
)
_EXAMPLE_MARKERS = frozenset({"t.ex.", "exempel", "exempelvis", "såsom"})
_CARE_WORDS = frozenset({"hjälp", "hjälper", "hjälpa", "anhöriga", "anhörig", "anhörigas", "omsorg", "stöd", "sköter", "vårdar", "avlastning"})


def _female_examples_at(lowers: list[str], i: int) -> tuple[int, int] | None:
    """(start, end) of "t.ex. din dotter eller svärdotter" after the example marker at ``i``: only women as examples of carers."""
    if lowers[i] not in _EXAMPLE_MARKERS:
        return None
    k = i + 1
    start, end = k, None
    while k < len(lowers) and k < i + 8:
        low = lowers[k]
        if low in _FEMALE_RELATIVES:
            end = k
        elif low in _MALE_RELATIVES:
            return None
        elif low not in ("din", "er", "sin", "en", "eller", "och", ",", "/"):
            break
        k += 1
    if end is None or (k < len(lowers) and lowers[k] in _MALE_RELATIVES):
        return None
    if lowers[start] in (",", "eller", "och"):
        start += 1
    return start, end

#: "Vi ska inte utgå från att det är mammorna som …": a negated assumption frame silences the claim inside it.
_ASSUME_VERBS = frozenset(
    {"utgå", "utgår", "förutsätta", "förutsätter", "förutsätts", "anta", "antar", "antas", "räkna", "räknar", "tro", "tror", "ta", "tar"}
)
_FRAME_NEGATIONS = frozenset({"inte", "aldrig", "ej", "undvik", "undvika"})


def _negated_frame(lowers: list[str], i: int) -> bool:
    """Is ``i`` inside "inte utgå från att …", "undvik att anta att …"?"""
    for k in range(i - 1, max(-1, i - 12), -1):
        if lowers[k] != "att":
            continue
        before = lowers[max(0, k - 6) : k]
        if set(before) & _ASSUME_VERBS and set(before) & _FRAME_NEGATIONS:
            return True
    return False


#: Actors of a family or group scene: "mamma packar, pappa kör", "killarna bygger och tjejerna syr".
_SCENE_ACTORS: dict[str, str] = {
    **{w: s for w, s in _BARE_PARENTS.items() if w in ("mamma", "pappa")},
    "mamman": "f", "pappan": "m",
    **{w: GROUP_OF[w] for w in DEFINITE_GROUPS},
    **{w: GROUP_OF[w] for w in GROUPS},
}
_SCENE_MODALS = frozenset({"kan", "ska", "får", "måste", "bör", "brukar", "behöver", "vill", "är", "har", "tar"})
#: Words in -r that are not finite verbs after a subject.
_NOT_VERBS = frozenset({"för", "efter", "under", "över", "eller", "är", "har", "hur", "när", "där", "var", "vår", "här", "år", "mer", "fler", "färre"})
#: A comparison or a measurement: the sentence describes, it does not hand out roles.
_SCENE_OBSERVED = frozenset({"mer", "mindre", "fler", "färre", "än", "andel", "andelen", "procent", "statistik", "statistiken", "enligt", "visar", "undersökning", "undersökningen", "kartläggningen"})
_SCENE_CHILDREN = frozenset({"barnen", "ungarna", "de små", "småbarnen"})


def _finite_after(lowers: list[str], k: int) -> bool:
    """Does a finite verb stand at ``k`` ("packar", "kör", "kan")?"""
    if k >= len(lowers):
        return False
    low = lowers[k]
    if low in _SCENE_MODALS:
        return True
    return low.isalpha() and len(low) >= 3 and low.endswith("r") and low not in _NOT_VERBS and low not in GROUP_OF


def _scene_actors(lowers: list[str]) -> list[tuple[int, str]]:
    """(index, sex) of sexed actors with a verb of their own: subject ("mamma packar") or inverted ("kan pappa köra")."""
    actors: list[tuple[int, str]] = []
    for i, low in enumerate(lowers):
        sex = _SCENE_ACTORS.get(low)
        if sex is None:
            continue
        if i > 0 and lowers[i - 1] in _RECEIVER_PREPOSITIONS | {"på", "av", "med", "om", "än", "som"}:
            continue  # "bilder på män", "lika för kvinnor": not the subject
        if i > 1 and lowers[i - 1] in ("och", "eller") and lowers[i - 2] in _SCENE_ACTORS and not (
            low not in GROUPS and i > 2 and _finite_after(lowers, i - 3) and _finite_after(lowers, i + 1)
        ):
            continue  # "mammor och pappor …": both sexes together (but "bakar mammorna och papporna ordnar")
        if i + 2 < len(lowers) and lowers[i + 1] in ("och", "eller") and lowers[i + 2] in _SCENE_ACTORS and not (
            low not in GROUPS and i > 0 and _finite_after(lowers, i - 1) and _finite_after(lowers, i + 3)
        ):
            continue  # "mammor och pappor …": both sexes together
        subject = _finite_after(lowers, i + 1) or (i + 2 < len(lowers) and lowers[i + 1] in ("ju", "gärna", "själva", "oftast") and _finite_after(lowers, i + 2))
        inverted = i > 0 and (lowers[i - 1] in _SCENE_MODALS or _finite_after(lowers, i - 1))
        if subject or inverted:
            actors.append((i, sex))
    return actors


def _role_scene(lowers: list[str]) -> tuple[int, int] | None:
    """Span of a scene that hands out parts by sex.

    Two actors of opposite sex, each with a verb of its own, in different clauses
    ("Medan mamma packar upp kan pappa köra kartongerna", "Killarna bygger scenen och
    tjejerna syr kostymerna"), or a parent sent off to rest while "the children"
    do something ("mammorna kan slå sig ner medan barnen målar"). Comparisons and
    measurements are descriptions and are skipped.
    """
    if set(lowers) & _SCENE_OBSERVED:
        return None
    actors = _scene_actors(lowers)
    for (a, sex_a), (b, sex_b) in zip(actors, actors[1:]):
        if sex_a != sex_b and set(lowers[a + 1 : b]) & (_CLAUSE_BREAKS | {"och", "kan", "ska"}) and b - a <= 14:
            end = b + 1
            while end + 1 < len(lowers) and lowers[end + 1] not in _CLAUSE_BREAKS | {".", "och", "?", "!"} and end < b + 4:
                end += 1
            return a, end
    words = set(lowers)
    if "medan" in words and words & _SCENE_CHILDREN:
        for a, _ in actors:
            if lowers[a] in ("mamma", "pappa", "mammorna", "papporna"):
                m = lowers.index("medan")
                if a < m:
                    return a, m - 1
    return None


#: Age-and-sex figures used as an example of a type: "en tjatig tant", "en mormor som aldrig använt en dator".
_FIGURES = {
    "mormor": "f", "farmor": "f", "tant": "f", "gumma": "f", "kärring": "f", "mormödrar": "f", "tanter": "f",
    "morfar": "m", "farfar": "m", "farbror": "m", "gubbe": "m", "gubbar": "m", "morfäder": "m",
}
#: Traits pinned on such figures: nagging, confused, talkative, grumpy.
_FIGURE_TRAITS = frozenset(
    {
        "tjatig", "tjatiga", "gnällig", "gnälliga", "sur", "sura", "virrig", "virriga", "pratig", "pratiga",
        "pratsjuk", "pratsjuka", "skvallrig", "skvallriga", "förvirrad", "förvirrade", "bitter", "bittra",
        "gnatig", "gnatiga", "grinig", "griniga", "snål", "snåla", "ilsken", "ilskna", "arg", "arga",
    }
)
#: Technology that the figure "has never used".
_TECH = frozenset(
    {"dator", "datorn", "datorer", "mobil", "mobilen", "mobiltelefon", "smarttelefon", "internet", "nätet", "teknik",
     "tekniken", "surfplatta", "app", "appen", "appar", "e-legitimation", "bankid", "mejl", "e-post"}
)


def _figure_at(lowers: list[str], i: int) -> tuple[int, int] | None:
    """Span of an indefinite age-sex figure with a coded trait at ``i``."""
    sex = _FIGURES.get(lowers[i])
    if sex is None:
        return None
    k = i - 1
    trait = k >= 0 and lowers[k] in _FIGURE_TRAITS
    while k >= 0 and (lowers[k] in _FIGURE_TRAITS or lowers[k] in ("och", "gammal", "äldre", "liten")):
        k -= 1
    if k < 0 or lowers[k] not in ("en", "någon", "ett", "som"):
        return None
    start = k + 1 if lowers[k] == "som" else k
    if trait:
        return start, i
    if i + 1 < len(lowers) and lowers[i + 1] == "som":
        tail = lowers[i + 2 : i + 10]
        for j, low in enumerate(tail):
            if low in _CLAUSE_BREAKS or low in (".", "?", "!"):
                break
            tech = low in _TECH and set(tail[:j]) & {"aldrig", "inte", "inga", "ingen"}
            if tech or domain_of(low) == sex:
                return start, i + 2 + j
    return None


_IMAGES = frozenset({"bild", "bilder", "bilderna", "foto", "foton", "fotona", "fotografier", "illustrationer", "illustrationerna", "bildval"})


def _images_by_sex(lowers: list[str]) -> tuple[int, int] | None:
    """Span of "bilder på män i skyddshjälm … bilder på kvinnor som hjälper äldre": pictures chosen by sex and topic."""
    if not set(lowers) & _IMAGES:
        return None
    shown = [
        (i, GROUP_OF[low]) for i, low in enumerate(lowers)
        if low in GROUP_OF and i >= 2 and lowers[i - 1] in ("på", "av", "med") and lowers[i - 2] in _IMAGES
    ]
    if len({sex for _, sex in shown}) < 2:
        return None
    domains = {domain_of(low) for low in lowers}
    if not {"f", "m"} <= domains and not set(lowers) & {"teknik", "omsorg", "bygg", "vård"}:
        return None
    first = shown[0][0] - 2
    last = shown[-1][0]
    return first, min(last + 3, len(lowers) - 1)



def _role_triggers() -> frozenset[str]:
    """Every word one of the role patterns needs: a group, a sexed adjective or person, a parent."""
    return frozenset(
        set(GROUP_OF) | set(_SEX_ADJECTIVES) | set(_BARE_PARENTS) | set(_CLEFT_HOLDERS)
        | set(_AS_NOUNS) | set(_SEXED_PERSONS) | _WIVES | _FEMALE_RELATIVES
        | set(_SCENE_ACTORS) | set(_FIGURES)
    )


_ROLE_TRIGGERS = _role_triggers()


def _may_assign_roles(ablock: AnalyzedBlock) -> bool:
    """Can any role pattern fire in this block? Each needs one of its trigger words or a
    sexed compound (*tjejkväll*); most blocks of a long document have neither, and are
    skipped before any sentence is read token by token."""
    if ablock.has_any(_ROLE_TRIGGERS):
        return True
    return any(w.startswith(_SEX_PREFIX_STARTS) and _sexed_event(w) is not None for w in ablock.words)


@code_rule(
    id="stereotyp/antagen-konsroll",
    name="uppgifter och roller efter kön",
    category="stereotype",
    severity="info",
    message="”{match}” fördelar uppgifter eller roller efter kön; det befäster bilden av vad kvinnor och män ska göra.",
    suggestions=[
        "Erbjud aktiviteterna och uppgifterna till alla: ”kurser i dans, sång, elgitarr och trummor för alla som vill”.",
        "Skriv vad uppgiften kräver, inte vilket kön som brukar göra den: ”den förälder som är hemma”, ”den som har hand om ekonomin”.",
    ],
    rationale=(
        "När en text delar ut aktiviteter, uppgifter eller föräldraroller efter kön – dans för tjejer och "
        "motor för killar, mamman som den som ska fylla i blanketten – styr den människor in i traditionella "
        "roller och stänger ute dem som inte passar mallen. Ett av de jämställdhetspolitiska delmålen gäller "
        "det obetalda hem- och omsorgsarbetet, och kommuner som skrivit under CEMR-deklarationen har åtagit "
        "sig att motverka könsstereotyper. Pröva med ”Tänk tvärtom”."
    ),
    source=_SCHYST + "; " + _CEMR + "; Jämställdhetsmyndigheten: de jämställdhetspolitiska delmålen",
    url=_SCHYST_URL,
    limitations=(
        "Regeln hittar tre mönster: aktiviteter eller uppgifter som fördelas efter kön i samma mening (med "
        "ord från en lista över traditionellt kvinno- och manskodade områden), ”det är mamman/pappan som "
        "ska …” och ”Som mamma vet du …”. Meningar som beskriver hur det ser ut (oftast, mest, "
        "majoriteten, statistik) hoppas över."
    ),
    flag=[
        "Vi erbjuder dans och pyssel för tjejer och fotboll och gaming för killar.",
        "Den manliga personalen sköter verkstaden, medan den kvinnliga personalen tar hand om köket.",
        "Vid inskrivningen är det mamman som ska fylla i hälsodeklarationen.",
        "Som mamma vet du hur svårt det är att få ihop vardagen.",
        "Männen i föreningen grillar medan kvinnorna dukar.",
        "Kvinnorna i personalgruppen står som vanligt för fikat.",
    ],
    pass_=[
        "Vi erbjuder fotboll för tjejer och dans för killar.",
        "I dag är det mest killar i gymmet och tjejer i dansen.",
        "Det är oftast mamman som har kontakt med förskolan.",
        "Som förälder vet du hur svårt det är att få ihop vardagen.",
        "Enligt Riksidrottsförbundet dominerar pojkar i fotboll och flickor i ridsport.",
        "Kvinnorna i gruppen har kontakt med vården varje vecka.",
        "Alla som vill får hjälpa till att duka och bära stolar.",
    ],
)
def assumed_gender_role(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """Activities, tasks or parent roles handed out by sex."""
    may_fire: dict[int, bool] = {}
    for ablock, tokens in _text_sentences(document):
        key = id(ablock)
        if key not in may_fire:
            may_fire[key] = _may_assign_roles(ablock)
        if not may_fire[key] or _sentence_skipped(tokens):
            continue
        lowers = [t.lower for t in tokens]
        spans: list[tuple[int, int]] = []
        if not set(lowers) & _OBSERVED and not _claims(tokens):
            division = _division(tokens, lowers) or _role_scene(lowers) or _images_by_sex(lowers)
            if division is not None:
                spans.append(division)
        words = set(lowers)
        family = bool(words & FAMILY_WORDS)
        for i, tok in enumerate(tokens):
            if tok.in_quotes or any(a <= i <= b for a, b in spans):
                continue
            cleft = None if words & _MOTHERS_MEANT else _cleft_at(lowers, i)
            if cleft is not None:
                spans.append(cleft)
                continue
            end = _as_role_at(lowers, i) if family else None
            if end is not None:
                spans.append((i, end))
                continue
            start = _wanted_person_at(lowers, i) if words & _RECRUIT else None
            if start is not None:
                spans.append((start, i))
                continue
            end = _wife_chore_at(lowers, i)
            if end is not None:
                spans.append((i - 1 if i > 0 and lowers[i - 1] == "om" else i, end))
                continue
            examples = _female_examples_at(lowers, i) if words & _CARE_WORDS else None
            if examples is not None:
                spans.append(examples)
                continue
            figure = _figure_at(lowers, i)
            if figure is not None:
                spans.append(figure)
        for first, last in spans:
            if not _negated_frame(lowers, first):
                yield _span_finding(ctx, ablock, tokens, first, last)


# --- mothers where parents are meant ---------------------------------------------------

_MOTHER_HEADS = frozenset({"mammor", "mammorna", "mödrar", "mödrarna", "mamma"})
#: "mammor och (deras) barn", "mammor med (små) barn", "mammor och bebisar", "mammor med barnvagn".
_CHILD_NOUNS = frozenset(
    {
        "barn", "barnen", "småbarn", "bebisar", "bebisarna", "bebis", "bebisen", "bäbisar", "spädbarn",
        "barnvagn", "barnvagnar", "barnvagnarna", "knoppar", "ungar",
    }
)
_CHILD_MODIFIERS = frozenset({"deras", "sina", "sin", "sitt", "små", "nyfödda", "deras små", "sina små"})
_MOTHER_GROUP_WORDS = frozenset({"mammagrupp", "mammagruppen", "mammagrupper", "mammagrupperna", "mammagruppens"})
#: Mothers as the generic contact parent (the bare singular "mamma" is left out:
#: it is often one named person or a form label, see the form rules).
_MOTHERS = frozenset({"mammor", "mammorna", "mamman", "mammans", "mödrar", "mödrarna"})
_CHILD = frozenset(
    {
        "barn", "barnet", "barnets", "barnen", "barnens", "eleven", "elevens", "eleverna", "elevernas",
        # the school or preschool writing home stands for the child
        "skolan", "förskolan", "fritids", "fritidshemmet", "mentorn", "klassläraren", "veckobrevet", "veckobrev",
    }
)
_CONTACT = frozenset(
    {
        "information", "informationen", "informerar", "informera", "informeras", "kontakt", "kontakten",
        "kontaktar", "kontakta", "kontaktas", "ringer", "ring", "ringa", "meddelar", "meddela",
        "meddelas", "hämtar", "hämta", "lämnar", "lämna", "ansvarar", "ansvaret", "ansvar", "bjuds",
        "bjuder", "kallas", "kallar", "erbjuds", "erbjuder",
        # forms: "mamman fyller i och skriver under"
        "fyller", "fylla", "fyll", "skriver", "skriva", "undertecknar", "underteckna", "skickar", "skicka",
        # passives and reaching someone: "undertecknas av barnets mor", "barnen hämtas av mamma", "nå henne"
        "undertecknas", "skrivas", "fyllas", "hämtas", "lämnas", "skickas", "nå", "nås", "når",
    }
)
#: Where mothers really are meant: pregnancy, birth, breastfeeding, violence, single mothers.
_MOTHERS_MEANT = frozenset(
    {
        "gravid", "gravida", "graviditet", "graviditeten", "förlossning", "förlossningen",
        "förlossningar", "amning", "amningen", "ammar", "ammande", "amma", "bb", "mödrahälsovård",
        "mödrahälsovården", "mödravård", "mödravården", "barnmorska", "barnmorskan", "nyförlösta",
        "födsel", "födseln", "föda", "föder", "våld", "våldet", "våldsutsatta", "skyddat", "skyddade",
        "kvinnojour", "kvinnojouren", "ensamstående", "utsatts", "utsatta",
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
        # volunteering: "mammor som hjälper till med fika", "mammorna som ställer upp i kiosken"
        "hjälper", "hjälpte", "ställer", "ställde", "sköter", "skötte", "fikar", "fikade",
    }
)
#: "elevens mamma", "barnets mor": the child's mother as the one to contact.
_CHILD_GENITIVES = frozenset({"barnets", "barnens", "elevens", "elevernas", "ungdomens", "ungdomarnas", "flickans", "pojkens"})
_BARE_MOTHERS = frozenset({"mamma", "mor", "moder", "mammor", "mödrar"})
#: "en förälder, oftast mamman": a neutral parent narrowed down to the mother.
_NEUTRAL_PARENTS = frozenset(
    {"förälder", "föräldern", "föräldrar", "vårdnadshavare", "vårdnadshavaren", "anhörig", "vuxen", "familjemedlem"}
)
_NARROWING = frozenset(
    {"oftast", "helst", "gärna", "vanligtvis", "vanligen", "normalt", "företrädesvis", "främst", "i", "regel", "första", "hand", "t.ex.", "exempelvis", "till", "exempel"}
)
_MOTHER_SINGULARS = frozenset({"mamman", "modern", "mamma", "mor"})


def _narrowed_to_mother(lowers: list[str], i: int) -> int | None:
    """Start of "förälder, oftast mamman" / "vårdnadshavare (helst mamman)" ending at the mother word ``i``."""
    if lowers[i] not in _MOTHER_SINGULARS:
        return None
    k = i - 1
    while k >= 0 and k > i - 5 and lowers[k] in _NARROWING:
        k -= 1
    if k == i - 1 or k < 1 or lowers[k] not in (",", "(", "–"):
        return None
    return k - 1 if lowers[k - 1] in _NEUTRAL_PARENTS else None
#: "skickas i första hand till barnets mamma": the mother named as the first contact.
_PRIORITY_ENDS = frozenset({"hand", "främst", "företrädesvis", "helst", "primärt"})


def _mother_first_at(lowers: list[str], i: int) -> int | None:
    """Start of "i första hand till barnets mamma" ending at the mother word ``i``, else ``None``."""
    if lowers[i] not in _MOTHER_SINGULARS | _BARE_MOTHERS | {"mammorna", "mödrarna"}:
        return None
    k = i - 1
    if k >= 0 and lowers[k] in _CHILD_GENITIVES:
        k -= 1
    if k < 1 or lowers[k] not in ("till", "via", "med"):
        return None
    if lowers[k - 1] == "hand" and k >= 3 and lowers[k - 3 : k - 1] == ["i", "första"]:
        return k - 3
    return k - 1 if lowers[k - 1] in _PRIORITY_ENDS else None


#: "Mamma eller annan vuxen ska följa med": the mother as the default adult.
_OTHER_ADULTS = frozenset({"vuxen", "anhörig", "förälder", "vårdnadshavare", "person", "familjemedlem"})


def _mother_by_default(lowers: list[str], i: int) -> int | None:
    """End of "Mamma eller annan vuxen" at ``i``: the mother named first, anyone else as the exception."""
    if lowers[i] not in ("mamma", "mamman", "mor", "modern") or i + 3 >= len(lowers) or lowers[i + 1] != "eller":
        return None
    k = i + 2 + (lowers[i + 2] in ("en", "någon"))
    if lowers[k] in ("annan", "annat", "någon") and k + 1 < len(lowers) and lowers[k + 1] in _OTHER_ADULTS:
        return k + 1
    return None


_MOTHER_TRIGGERS = _MOTHER_HEADS | _MOTHER_GROUP_WORDS | _MOTHERS


def _mother_child_at(lowers: list[str], i: int) -> int | None:
    """End of "mammor och (deras) barn", "mammor med småbarn" starting at ``i``."""
    if lowers[i] not in _MOTHER_HEADS or i + 2 >= len(lowers) or lowers[i + 1] not in ("och", "med"):
        return None
    k = i + 2
    while k < len(lowers) and lowers[k] in _CHILD_MODIFIERS and k < i + 4:
        k += 1
    return k if k < len(lowers) and lowers[k] in _CHILD_NOUNS else None


def _chore_at(lowers: list[str], i: int) -> int | None:
    """End of "mammor som (gärna) bakade" starting at ``i``, else ``None``."""
    if lowers[i] not in ("mammor", "mammorna") or i + 2 >= len(lowers) or lowers[i + 1] != "som":
        return None
    if i >= 2 and lowers[i - 1] in ("och", "eller") and lowers[i - 2] in _OTHER_PARENTS:
        return None  # "pappor och mammor som bakade"
    for k in range(i + 2, min(i + 5, len(lowers))):
        if lowers[k] in _MOTHER_CHORES:
            return k
        if lowers[k] not in ("gärna", "alltid", "också", "ofta", "har", "kan", "vill", "ska"):
            return None
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
        "Babysim för mammor med sina små bebisar varje fredag.",
        "Barnen hämtas av mamma senast klockan 17.",
        "Skolan skickar veckobrevet till mammorna.",
        "Föräldrautbildningen vänder sig till blivande mammor.",
    ],
    pass_=[
        "Öppna förskolan är en mötesplats för föräldrar och barn.",
        "Barnmorskan följer mamman och barnet efter förlossningen.",
        "Skyddat boende för mammor och barn som utsatts för våld.",
        "Det är oftast mammorna som har kontakt med förskolan.",
        "Mammor och pappor får information om barnets vaccinationer.",
        "Mödrahälsovården följer den gravida under graviditeten.",
        "Vi tackar alla föräldrar som bakade till julmarknaden.",
        "Skolan skickar veckobrevet till vårdnadshavarna.",
        "Föräldrautbildningen vänder sig till blivande mammor och pappor.",
        "Ammande mammor kan använda amningsrummet på förskolan.",
    ],
)
def mothers_for_parents(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """Mothers named where parents are meant: fixed phrases and mothers as the contact parent."""
    for ablock, tokens in _text_sentences(document):
        lowers = [t.lower for t in tokens]
        words = set(lowers)
        if not words & (_MOTHER_TRIGGERS | _MOTHER_SINGULARS | _BARE_MOTHERS) or words & _MOTHERS_MEANT:
            continue
        child_contact = bool(words & _CONTACT) and not words & _OTHER_PARENTS
        contact_parent = bool(words & _CHILD) and child_contact
        parent_compound = any(w.startswith("föräldra") and len(w) > 9 for w in words) and not words & _OTHER_PARENTS
        clefts = {c[0] for c in (_cleft_at(lowers, i) for i in range(len(lowers))) if c is not None}
        for i, tok in enumerate(tokens):
            if tok.in_quotes or i in clefts:
                continue  # "det är mamman som ska …" is stereotyp/antagen-konsroll
            start = _narrowed_to_mother(lowers, i)
            if start is None:
                start = _mother_first_at(lowers, i)
            default = _mother_by_default(lowers, i) if start is None else None
            if default is not None:
                yield _span_finding(ctx, ablock, tokens, i, default)
                break
            if start is not None:
                yield _span_finding(ctx, ablock, tokens, start, i)
                break
            end = _mother_child_at(lowers, i)
            if end is None:
                end = _chore_at(lowers, i)
            if end is None and child_contact and lowers[i] in _BARE_MOTHERS | _MOTHER_SINGULARS and i > 0 and lowers[i - 1] == "av":
                yield _span_finding(ctx, ablock, tokens, i - 1, i)  # passive agent: "barnen hämtas av mamma"
                break
            if end is None and parent_compound and lowers[i] in ("mammor", "mödrar", "mammorna", "mödrarna"):
                end = i  # "föräldrautbildningen riktar sig till blivande mammor"
            if end is None and child_contact and lowers[i] in _BARE_MOTHERS and i > 0 and lowers[i - 1] in _CHILD_GENITIVES:
                yield _span_finding(ctx, ablock, tokens, i - 1, i)  # "Mentorn kontaktar elevens mamma"
                break
            if end is None and (lowers[i] in _MOTHER_GROUP_WORDS or (contact_parent and lowers[i] in _MOTHERS)):
                end = i
            if end is not None:
                yield _span_finding(ctx, ablock, tokens, i, end)
                break


# --- fathers who "help out" ------------------------------------------------------------

_HELP = frozenset({"hjälper", "hjälpa", "hjälpte", "hjälpt", "ställer", "ställa", "ställde", "ställt"})
#: The particle that makes the verb "help out": hjälper till, ställer upp.
_HELP_PARTICLE = {"hjälper": "till", "hjälpa": "till", "hjälpte": "till", "hjälpt": "till"}
#: A father who looks after his own children as a "babysitter".
_BABYSIT = frozenset({"barnvakt", "barnvakten", "barnvakter", "barnvaktar", "barnvakta", "barnvaktade", "barnvaktandet"})
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
#: "hjälpa till som extra vuxna": helping with someone else's task.
#: ("ställer upp som ledare" takes on a role, and is left alone.)
_HELP_TILL_ENDINGS = frozenset({"som"})


def _helps_out(lowers: list[str], h: int) -> tuple[int, int] | None:
    """(first, last) of "<father> ... hjälper (…) till" around the verb at ``h``."""
    j = h + 1
    while j < len(lowers) and (lowers[j] in _HELP_FILLERS or lowers[j] in _FATHERS):
        j += 1
    if j >= len(lowers) or lowers[j] != _HELP_PARTICLE.get(lowers[h], "upp"):
        return None
    domestic = any(w in _DOMESTIC for w in lowers)
    open_end = j + 1 >= len(lowers) or lowers[j + 1] in _OPEN_ENDINGS or (lowers[j] == "till" and lowers[j + 1] in _HELP_TILL_ENDINGS)
    for k in range(max(0, h - 5), j):
        if lowers[k] in _FATHERS and (domestic or open_end):
            return min(k, h), j
        if lowers[k] in _MEN and domestic:
            return min(k, h), j
    return None


_ALSO = frozenset({"även", "också"})
_EXCEPTION_MESSAGE = (
    "”{match}” gör pappor till ett undantag; det antyder att verksamheten egentligen är till för mammor. "
    "Skriv föräldrar eller vårdnadshavare."
)


def _fathers_as_exception(tokens: list[Token], lowers: list[str]) -> tuple[int, int] | None:
    """(first, last) of "välkomnar även pappor", "pappor är också välkomna": fathers welcomed as an exception."""
    if not any(w.startswith(("välkom", "inbjud")) for w in lowers):
        return None
    for i, low in enumerate(lowers[:-1]):
        if tokens[i].in_quotes or low not in _ALSO:
            continue
        if lowers[i + 1] in _FATHERS:
            return i, i + 1  # "välkomnar även pappor"
        if i >= 2 and lowers[i - 1] in ("är", "blir") and lowers[i - 2] in _FATHERS:
            return i - 2, i + 1 if lowers[i + 1].startswith("välkom") else i  # "pappor är också välkomna"
    return None


def _babysits(lowers: list[str], b: int) -> tuple[int, int] | None:
    """(first, last) of a father "babysitting" (his own) children: "papporna uppmuntras att vara barnvakt"."""
    for k in range(max(0, b - 6), b):
        if lowers[k] in _FATHERS:
            return k, b
    return None


@code_rule(
    id="stereotyp/pappor-hjalper-till",
    name="pappor som hjälper till",
    category="stereotype",
    severity="info",
    message="”{match}” antyder att hem och barn är mammans ansvar och att pappan bara hjälper till.",
    suggestions=[
        "Skriv att föräldrarna delar på ansvaret: ”pappor som tar hand om barnen”.",
        "Skriv vad pappan gör, utan ”hjälper till” eller ”barnvakt”: ”pappor som är hemma med barnen”.",
    ],
    rationale=(
        "Den som hjälper till gör det åt någon annan, och den som är barnvakt passar någon annans barn. "
        "Att pappor ”hjälper till” hemma eller ”är barnvakt” utgår från att hem och barn egentligen är "
        "mammans ansvar – tvärtemot målet att det obetalda hem- och omsorgsarbetet ska delas lika."
    ),
    source=_TRAMPOLIN + "; Jämställdhetsmyndigheten: de jämställdhetspolitiska delmålen (obetalt hem- och omsorgsarbete)",
    url="https://trampolinpr.se/inkluderande-kommunikation/",
    limitations=(
        "Bara ”hjälper till”, ”ställer upp” och ”barnvakt” med en pappa, man eller make i närheten hittas, "
        "och pappor som välkomnas som undantag (”vi välkomnar även pappor”, ”pappor är också välkomna”)."
    ),
    flag=[
        "Kampanjen riktar sig till pappor som hjälper till hemma.",
        "Många pappor hjälper gärna till med nattningen.",
        "Maken hjälper till med disken och tvätten.",
        "Pappor som ställer upp och hämtar barnen ska uppmuntras.",
        "På lördagar är pappan barnvakt så att mamman kan träna.",
        "Vi välkomnar även pappor till babyrytmiken.",
        "Pappor är också välkomna på öppna förskolan.",
    ],
    pass_=[
        "Kampanjen riktar sig till pappor som tar hand om barnen.",
        "Föräldrarna hjälps åt med läxorna.",
        "Männen i föreningen hjälper till att bygga scenen.",
        "Socialtjänsten hjälper till om barnet far illa.",
        "Flera pappor ställer upp som ledare i föreningen.",
        "Föräldrar kan boka barnvakt genom föreningen.",
        "Vi välkomnar både mammor och pappor till babyrytmiken.",
        "Pappor som är föräldralediga är också med i gruppen.",
    ],
)
def fathers_help_out(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """A father (or a man, in a home context) who "helps out" at home or "babysits"."""
    for ablock, tokens in _text_sentences(document):
        lowers = [t.lower for t in tokens]
        exception = _fathers_as_exception(tokens, lowers)
        if exception is not None:
            yield _span_finding(ctx, ablock, tokens, *exception, message=_EXCEPTION_MESSAGE)
            continue
        for h, tok in enumerate(tokens):
            if tok.in_quotes:
                continue
            span = _helps_out(lowers, h) if lowers[h] in _HELP else _babysits(lowers, h) if lowers[h] in _BABYSIT else None
            if span is not None:
                yield _span_finding(ctx, ablock, tokens, *span)
                break


# --- an applicant with a wife ---------------------------------------------------------------

_POSSESSIVES = frozenset({"hans", "hennes", "dennes"})
#: Spouses of one sex after a possessive: "hans hustru eller sambo" still assumes a wife.
_ONE_SEX_SPOUSES = {
    "hans": frozenset({"fru", "frun", "hustru", "hustrun", "maka", "makan"}),
    "hennes": frozenset({"man", "make", "maken"}),
}
_OTHER_SPOUSE = {"hans": frozenset({"make", "maken", "man", "mannen"}), "hennes": frozenset({"maka", "makan", "fru", "hustru"})}


def _one_spouse_or_sambo(ablock: AnalyzedBlock, i: int) -> bool:
    """"hans hustru eller sambo": the alternative covers cohabiting, but a married partner is still a wife.

    Alternatives that name the other sex's spouse or a partner ("hans fru eller make", "hennes man
    eller partner") cover everyone and are left alone.
    """
    tokens = ablock.tokens
    owner = tokens[i].lower
    if owner not in _ONE_SEX_SPOUSES or i + 3 >= len(tokens) or tokens[i + 1].lower not in _ONE_SEX_SPOUSES[owner]:
        return False
    if tokens[i + 2].lower not in ("eller", "/") or tokens[i + 3].lower not in ("sambo", "sambon"):
        return False
    words = {t.lower for t in ablock.sentence_tokens(ablock.sentence_of(tokens[i]))}
    return not words & (_OTHER_SPOUSE[owner] | {"partner", "partnern", "registrerad"})


#: One-sex spouses after a reflexive or second-person possessive: "sin frus inkomst", "din fru".
_SPOUSES_OF_ONE_SEX = frozenset(
    {"fru", "frun", "frus", "hustru", "hustrun", "hustrus", "maka", "makan", "makas", "make", "maken", "makes", "man", "mans"}
)
#: Every spouse word the partner patterns look for after an owner (a cheap filter per block).
_ALL_SPOUSE_WORDS = _SPOUSES_OF_ONE_SEX | frozenset(
    {"fruar", "hustrur", "makar", "män", "hustruns", "makans", "makens", "fruns"}
)
_SPOUSE_ALTERNATIVES = frozenset({"eller", "/", "partner", "partnern", "sambo", "sambon", "maka", "make", "registrerad"})
_READER_PARTNER = "”{match}” förutsätter läsarens kön och att partnern är av motsatt kön."


def _status_word(tokens: list[Token], j: int) -> bool:
    """Is the partner word at ``j`` the reader's civil status ("om du är gift eller sambo"), not an alternative spouse?"""
    return any(t.lower in ("är", "gift", "lever", "bor") for t in tokens[max(0, j - 3) : j])


def _reflexive_spouse(tokens: list[Token], i: int) -> bool:
    """"Sökanden ska bifoga sin frus …", "stäm av med din fru": a one-sex spouse of a generic person or the reader."""
    owner = tokens[i].lower
    if owner not in ("sin", "sina", "din", "er") or tokens[i + 1].lower not in _SPOUSES_OF_ONE_SEX or tokens[i].in_quotes:
        return False
    if tokens[i + 1].lower in ("man", "mans") and owner in ("sin", "sina"):
        return False  # "sin man" is also the pronoun-free "the man"; leave it to the pronoun rules
    following = {t.lower for t in tokens[i + 2 : i + 4]}
    if following & _SPOUSE_ALTERNATIVES or any(
        t.lower in ("partner", "partnern", "sambo", "sambon") and not _status_word(tokens, j) for j, t in enumerate(tokens)
    ):
        return False
    if owner in ("din", "er"):
        return True
    before = tokens[:i]
    if any(t.text[:1].isupper() for t in before[1:]):
        return False  # a named person: "Per Holm tog med sin fru"
    return any(person_head(t.lower) for t in before)


@code_rule(
    id="stereotyp/antagen-partner",
    name="sökanden och hans fru",
    category="stereotype",
    severity="warning",
    message="”{match}” förutsätter sökandens kön och att partnern är av motsatt kön.",
    suggestions=[
        "sökandens eventuella partner",
        "make, maka eller sambo",
        "Tilltala läsaren: ”du och din eventuella partner”.",
    ],
    rationale=(
        "Sökanden kan vara kvinna eller man och kan ha en partner av vilket kön som helst – eller "
        "ingen. Isof avråder från att anta vem som söker; i en blankett tilltalar du läsaren med du och "
        "frågar efter partner, make, maka eller sambo."
    ),
    source=_KSH,
    url=_KSH_URL,
    limitations=(
        "Ett pronomen (hans fru, hennes man, dennes hustru) markeras när det syftar på en person i "
        "allmänhet (sökanden, den enskilde, hyresgästen …), inte på en namngiven person. Fältrubriker "
        "som ”Hustruns inkomst” i en blankett hittas av blankettregeln för antagen partner. Uppräkningar "
        "(make, maka eller sambo) och meningar som nämner sambo eller partner hoppas över."
    ),
    flag=[
        "Sökanden och hans fru ska båda skriva under ansökan.",
        "Ange sökandens hustru och barn som bor i hushållet.",
        "Om den enskilde och hennes man har gemensam ekonomi räknas båda inkomsterna.",
        "Sökanden ska bifoga sin hustrus lönebesked.",
        "Som företagare kan du ta med din fru på kursen.",
    ],
    pass_=[
        "Du och din eventuella partner ska båda skriva under ansökan.",
        "Ange sökandens make, maka eller sambo och barn som bor i hushållet.",
        "Per Holm och hans fru tog emot priset.",
        "Sökanden ska bifoga sin makes eller makas lönebesked.",
        "Du kan ta med din fru eller sambo på kursen.",
        "Pristagaren Per Holm kom med sin fru.",
    ],
)
def assumed_partner(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """A possessive (or a generic person's genitive) followed by a spouse of the other sex."""
    if not document.has_any(_ALL_SPOUSE_WORDS):
        return  # every pattern below needs a spouse word right after its owner
    for ablock, tokens in _text_sentences(document):
        if not ablock.has_any(_ALL_SPOUSE_WORDS):
            continue
        for i in range(len(tokens) - 1):
            if _reflexive_spouse(tokens, i):
                message = _READER_PARTNER if tokens[i].lower in ("din", "er") else None
                yield _span_finding(ctx, ablock, tokens, i, i + 1, message)
    for bi, ablock in enumerate(document.blocks):
        if not ablock.has_any(_ALL_SPOUSE_WORDS):
            continue
        tokens = ablock.tokens
        for tok in tokens[:-1]:
            if tok.in_quotes or not (partner_assumed(ablock, tok.i) or _one_spouse_or_sambo(ablock, tok.i)):
                continue
            end = tokens[tok.i + 1].end
            if tok.lower not in _POSSESSIVES:  # "sökandens hustru"
                yield ctx.finding(ablock, tok.start, end)
                continue
            sex = "f" if tok.lower == "hennes" else "m"
            if find_antecedent(document, bi, tok, sex) is not None:
                yield ctx.finding(ablock, tok.start, end)


RULES = [group_generalisation, assumed_gender_role, mothers_for_parents, fathers_help_out, assumed_partner]
