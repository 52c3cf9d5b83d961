"""Word lists for the stereotype rules: groups, traits, predicates and coded domains.

The stereotype rules build a generalisation from parts (a group noun, a
generalising predicate, a trait or a domain), so that a new wording made of
known parts is caught without a rule of its own. Everything here is data:
plain sets of lower-case forms, written out with small form generators,
because the lemma table is unreliable for these words (it reads *bättre* as
*god*, *män* as *man*).

Trait words are grouped by what they ascribe (care, emotions, technology,
leadership, strength, order, appearance, aggression, risk, temperament) so that a message
can name the kind of generalisation. Outcomes (*sjukskrivna*, *utsatta*,
*arbetslösa*) and fear (*rädda*, *otrygga*) are left out on purpose: "kvinnor
är mer otrygga" is usually a survey finding, not a claim about their nature.
(Fear of the other sex's coded domain, "rädda för tekniken", is handled by the rule itself.)
"""

from __future__ import annotations

__all__ = [
    "FEMALE_GROUPS",
    "MALE_GROUPS",
    "GROUPS",
    "GROUP_OF",
    "GROUP_GENITIVES",
    "DEFINITE_GROUPS",
    "SEXED_SINGULARS",
    "TRAITS",
    "TRAIT_CATEGORY",
    "TRAIT_NOUNS",
    "INNATE",
    "FEMALE_CODED",
    "MALE_CODED",
    "FAMILY_WORDS",
    "derived_trait",
    "domain_of",
]


def _adj(*bases: str) -> set[str]:
    """Forms of regular adjectives: base, -t, -a, -e, -are, -ast, -aste.

    Bases in -er, -el and -en drop the e before a vowel: självsäker, självsäkra, självsäkrare.
    """
    forms: set[str] = set()
    for b in bases:
        stem = b[:-2] + b[-1] if b.endswith(("er", "el", "en")) else b
        forms |= {b, b + "t"} | {stem + s for s in ("a", "e", "are", "ast", "aste")}
    return forms


def _adj_sam(*bases: str) -> set[str]:
    """Adjectives in -sam double the m: omtänksam, omtänksamt, omtänksamma."""
    return {b + s for b in bases for s in ("", "t", "ma", "me", "mare", "mast", "maste")}


def _adj_ad(*bases: str) -> set[str]:
    """Participles in -ad: tävlingsinriktad, tävlingsinriktat, tävlingsinriktade."""
    return {f for b in bases for f in (b, b[:-2] + "at", b[:-2] + "ade")}


def _adj_d(*bases: str) -> set[str]:
    """Adjectives in -d after a vowel or consonant: lyhörd, lyhört, lyhörda."""
    return {f for b in bases for f in (b, b[:-1] + "t", b + "a", b + "are", b + "ast")}


def _fixed(*words: str) -> set[str]:
    """Words that do not inflect in the forms we meet (omhändertagande, risktagande)."""
    return set(words)


# --- groups ------------------------------------------------------------------------------

#: Generic plural group nouns (indefinite: "flickor är …", not "flickorna i klassen"),
#: mapped to the group name used in messages.
FEMALE_GROUPS: dict[str, str] = {
    "kvinnor": "kvinnor", "flickor": "flickor", "tjejer": "tjejer", "mammor": "mammor",
    "mödrar": "mödrar", "döttrar": "döttrar", "svärdöttrar": "svärdöttrar", "systrar": "systrar",
    "damer": "kvinnor", "tanter": "kvinnor",
}
MALE_GROUPS: dict[str, str] = {
    "män": "män", "pojkar": "pojkar", "killar": "killar", "pappor": "pappor", "fäder": "fäder",
    "söner": "söner", "svärsöner": "svärsöner", "grabbar": "killar",
    # everyday register for grown men: "gubbar vill ju mest …", "karlar biter ihop"
    "herrar": "män", "gubbar": "män", "karlar": "män",
}
GROUPS: dict[str, str] = {**FEMALE_GROUPS, **MALE_GROUPS}
#: "f" or "m" for every group word, definite and genitive forms included.
GROUP_OF: dict[str, str] = {}
GROUP_GENITIVES = frozenset(w + "s" for w in GROUPS)
#: Definite plurals: a generic group in a plan ("Papporna uppmuntras …") or a specific one.
DEFINITE_GROUPS: dict[str, str] = {
    "kvinnorna": "kvinnor", "flickorna": "flickor", "tjejerna": "tjejer", "mammorna": "mammor",
    "mödrarna": "mödrar", "männen": "män", "pojkarna": "pojkar", "killarna": "killar",
    "papporna": "pappor", "fäderna": "fäder", "grabbarna": "killar",
    # the elderly care register: "en snickarverkstad för herrarna", "damerna stickar"
    "damerna": "kvinnor", "herrarna": "män", "gubbarna": "män", "karlarna": "män", "tanterna": "kvinnor",
}
#: Definite singulars that can stand for the whole group ("mamman är den som …").
SEXED_SINGULARS: dict[str, str] = {
    "kvinnan": "f", "mamman": "f", "modern": "f", "flickan": "f", "tjejen": "f",
    "mannen": "m", "pappan": "m", "fadern": "m", "pojken": "m", "killen": "m",
}
for _w in FEMALE_GROUPS:
    GROUP_OF[_w] = GROUP_OF[_w + "s"] = "f"
for _w in MALE_GROUPS:
    GROUP_OF[_w] = GROUP_OF[_w + "s"] = "m"
for _w, _g in DEFINITE_GROUPS.items():
    GROUP_OF[_w] = GROUP_OF[_w + "s"] = GROUP_OF[_g]
GROUP_OF.update(SEXED_SINGULARS)


# --- traits --------------------------------------------------------------------------------

_TRAITS_BY_CATEGORY: dict[str, set[str]] = {
    "omsorg": _adj("känslig", "empatisk", "tålmodig", "mjuk", "moderlig", "faderlig", "snäll", "barnkär", "varsam")
    | _adj_sam("omtänksam", "hjälpsam", "uppmärksam")
    | _adj_d("lyhörd")
    | _fixed("omhändertagande", "omvårdande", "vårdande", "fostrande"),
    "känslor": _adj(
        "emotionell", "känslomässig", "sentimental", "hysterisk", "gnällig", "pratig", "skvallrig",
        "pratglad", "lättrörd", "lynnig", "intuitiv", "social", "kommunikativ", "verbal",
    )
    | _adj_sam("känslosam", "pratsam"),
    "teknik": _adj("teknisk", "logisk", "rationell", "analytisk", "händig", "matematisk", "praktisk"),
    "ledarskap": _adj(
        "dominant", "handlingskraftig", "beslutsam", "bestämd", "självsäker", "ambitiös", "auktoritär",
        "självständig", "framåt",
    )
    | _adj_ad("tävlingsinriktad", "karriärinriktad", "resultatinriktad", "målinriktad")
    | _fixed("driven", "drivet", "drivna"),
    "styrka": _adj("stark", "svag", "fysisk", "tuff", "hård", "robust", "kraftfull", "uthållig", "klen", "skör", "ömtålig"),
    "ordning": _adj("ordentlig", "noggrann", "flitig", "plikttrogen", "huslig", "hemkär", "pedantisk", "petig", "slarvig", "lat", "lydig", "duktig")
    | _adj_sam("ordningsam", "skötsam"),
    "utseende": _adj("fåfäng", "söt", "gullig", "snygg") | _adj_ad("utseendefixerad"),
    "aggression": _adj(
        "aggressiv", "bråkig", "stökig", "vild", "högljudd", "konfliktbenägen", "busig",
        "livlig", "rastlös", "impulsiv", "hetsig",
    )
    | _adj_sam("våldsam", "bråksam")
    | _fixed("utåtagerande"),
    "risk": _adj("försiktig", "modig", "orädd", "feg", "riskbenägen", "våghalsig", "djärv")
    | _fixed("risktagande", "riskmedveten", "riskmedvetna"),
    "lynne": _adj("lugn", "konfliktskygg", "blyg", "tillbakadragen", "lekfull", "tystlåten", "anpasslig", "självkritisk")
    | _adj_sam("stillsam")
    | _fixed("mogen", "moget", "mogna", "mognare", "mognast"),
    "förmåga": _adj_ad("intresserad", "begåvad", "lämpad") | _fixed("lagd", "lagda", "naturligt", "lättare", "svårare"),
}
TRAIT_CATEGORY: dict[str, str] = {w: c for c, ws in _TRAITS_BY_CATEGORY.items() for w in ws}
TRAITS = frozenset(TRAIT_CATEGORY)

#: Second parts of compound adjectives that name a disposition, whatever the first
#: part: risk|benägen, konflikt|rädd, lätt|skrämd, tekniskt lagd, tävlings|glad, barn|kär.
#: Mapped to (the shortest first part, category); inflected forms are listed too.
_DISPOSITION_ENDINGS: dict[str, tuple[int, str]] = {
    **{e: (3, "lynne") for e in ("benägen", "benäget", "benägna", "benägnare", "benägnast")},
    **{e: (3, "lynne") for e in ("rädd", "rädda", "räddare", "räddast")},
    **{e: (3, "lynne") for e in ("skygg", "skyggt", "skygga", "skyggare")},
    **{e: (4, "lynne") for e in ("glad", "glada", "gladare")},
    **{e: (3, "omsorg") for e in ("kär", "kära", "kärare")},
    **{e: (4, "förmåga") for e in ("lagd", "lagda", "lagt")},
}
#: lätt|skrämd, lätt|påverkad, lätt|ledd: "lätt" and a participle is a disposition.
_EASILY = "lätt"
_PARTICIPLE_ENDINGS = ("ad", "ade", "at", "d", "da", "dd", "dda", "ed", "da", "t")
_NOT_DISPOSITIONS = frozenset(
    {"rätt", "orätt", "upprätt", "lättad", "lättade", "lättat", "lättnad", "lättast", "lättare", "lätta", "lätt", "glada", "glad"}
)


def derived_trait(low: str) -> str | None:
    """Category of a compound trait adjective not in the lexicon ("riskbenägna", "lättskrämda"), else ``None``."""
    if low in _NOT_DISPOSITIONS:
        return None
    if low.startswith(_EASILY) and len(low) >= 8 and low.endswith(_PARTICIPLE_ENDINGS) and not low.endswith("het"):
        return "lynne"
    for ending, (shortest, category) in _DISPOSITION_ENDINGS.items():
        if low.endswith(ending) and len(low) - len(ending) >= shortest:
            return category
    return None

#: Nouns for traits and abilities: "har ett medfött tålamod", "saknar självförtroende".
TRAIT_NOUNS = frozenset(
    {
        "tålamod", "tålamodet", "självförtroende", "självförtroendet", "självkänsla", "självkänslan",
        "empati", "empatin", "fallenhet", "talang", "talanger", "begåvning", "instinkt", "instinkter",
        "modersinstinkt", "modersinstinkten", "förmåga", "förmågan", "känsla", "känslan", "ordningssinne",
        "tävlingsinstinkt", "tävlingsinstinkten", "pondus", "auktoritet", "ledaregenskaper", "omsorgsförmåga",
        "simultanförmåga", "lokalsinne", "handlag", "öga", "sinne", "intresse", "intresset", "driv",
        "ledarförmåga", "styrka", "kraft", "råstyrka", "fingertoppskänsla", "spärrar", "vana", "vanan",
        "spring",  # "har mer spring i benen"
    }
)
#: Words that make an ability innate: "ett medfött tålamod", "en naturlig fallenhet".
INNATE = frozenset(
    {"medfött", "medfödd", "medfödda", "naturligt", "naturlig", "naturliga", "inbyggt", "inbyggd", "inbyggda", "biologiskt"}
)


# --- coded domains ------------------------------------------------------------------------

#: Activities and fields that stereotypes tie to women and girls. A word counts
#: when it is one of these forms or a compound ending in one (samtals|grupperna).
FEMALE_CODED = frozenset(
    {
        "dans", "dansen", "dansa", "drama", "sång", "sången", "sjunga", "pyssel", "pysslet", "pyssla",
        "pysslande", "smink", "sminket", "mode", "skönhetsvård", "hårvård", "kläder", "matlagning",
        "matlagningen", "bakning", "bakningen", "baka", "städning", "städningen", "städa", "tvätt",
        "tvätten", "disk", "disken", "hushåll", "hushållet", "hushållsarbete", "hushållsarbetet", "omsorg",
        "omsorgen", "vård", "vården", "omvårdnad", "omvårdnaden", "barnpassning", "barnomsorg", "samtal",
        "samtalen", "samtalsgrupper", "samtalsgrupperna", "relationer", "känslor", "ridning", "ridningen",
        "hästar", "högläsning", "broderi", "sömnad", "sy", "handarbete", "handarbetet", "pysselrum", "köket",
        "omsorgsyrken", "vårdyrken", "skönhet", "gemenskap", "gemenskapen", "butiker", "butikerna",
        "caféer", "kaféer", "shopping", "shoppa", "fika", "fikat", "kiosk", "kiosken",
        # table and decorations: "tjejerna dukar", "kvinnorna ansvarar för julpyntet"
        "duka", "dukar", "dukning", "dukningen", "pynt", "pyntet", "pynta", "pyntar", "pyntning",
        "bakar", "stickning", "stickningen", "sticka", "stickar", "stickcafé", "stickcaféet", "stickcirkel",
        "virkning", "virka", "virkar", "pysselverkstad", "pysselverkstaden",
    }
)
#: Activities and fields that stereotypes tie to men and boys.
MALE_CODED = frozenset(
    {
        "teknik", "tekniken", "motor", "motorer", "motorn", "bilar", "bilarna", "bilverkstad",
        "bilverkstaden", "verkstad", "verkstaden", "mekanik", "datorer", "programmering",
        "spel", "spelen", "gaming", "datorspel", "fotboll", "fotbollen", "ishockey", "hockey", "innebandy",
        "bollsporter", "bollsport", "gym", "gymmet", "styrketräning", "styrketräningen", "elgitarr",
        "elgitarren", "trummor", "trummorna", "snickeri", "snickra", "bygga", "byggande", "lyft", "matte",
        "matematik", "naturvetenskap", "fiske", "jakt", "vapen", "tävling", "tävlingar", "tävla",
        "brottning", "kampsport", "robotar", "robotarna", "programmera", "förhandlingar", "fastighetsskötsel", "innebandyhallen", "mopeder", "moped",
        "fart", "farten", "action", "äventyr", "sport", "sporten", "motorsport", "turnering", "turneringar",
        # heavy lifting and the barbecue: "killarna bär stolarna", "männen sköter grillen"
        "bära", "bär", "lyfta", "lyfter", "grill", "grillen", "grilla", "grillar", "grillning",
    }
)
#: Family and everyday life: "Som mamma vet du hur svårt det är att få ihop vardagen".
FAMILY_WORDS = frozenset(
    {
        "familj", "familjen", "familjer", "familjens", "familjeliv", "familjelivet", "barn", "barnen",
        "barnet", "barnens", "barnets", "vardag", "vardagen", "vardagspusslet", "hem", "hemmet", "hemma",
        "hushållet", "omsorg", "omsorgen", "föräldraskap", "föräldraskapet", "småbarn", "småbarnsåren",
        "förskolan", "hämtning", "lämning",
    }
)

_COMPOUND_HEADS = tuple(sorted((w for w in FEMALE_CODED | MALE_CODED if len(w) >= 5), key=len, reverse=True))


def domain_of(low: str) -> str | None:
    """"f" or "m" when ``low`` is a female- or male-coded domain word (or a compound ending in one)."""
    if low in FEMALE_CODED:
        return "f"
    if low in MALE_CODED:
        return "m"
    for head in _COMPOUND_HEADS:
        if low.endswith(head) and len(low) - len(head) >= 3:
            return "f" if head in FEMALE_CODED else "m"
    return None
