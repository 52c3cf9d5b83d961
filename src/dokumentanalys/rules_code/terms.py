"""Gendered person nouns beyond the fixed term list, found by Swedish morphology.

The rule pack ``sv-termer.toml`` lists the common gendered titles one by one.
The three rules here find the rest productively, from the shape of the word
and the lemma table (:func:`dokumentanalys.language.sv.lemma`):

- :data:`man_compounds`: titles on *-man* (*ordningsman*, *vaktmännen*,
  *HR-mannen*). A word counts when the lemma table knows it as a *-man*
  noun (``lemma("köpmännen") == "köpman"``), or when what stands before
  *-man* is a known word. A capitalised word in the middle of a sentence is
  a name; at the start of a sentence, the singular (*Bergman*, *Lindman*)
  is read as a title only when the table knows its plural: Swedish surnames
  on *-man* have no plural and no definite form.
- :data:`feminine_suffixes`: female job titles on *-inna*, *-erska*,
  *-örska*, *-tris*, *-ös* and *-issa*, when the masculine or neutral base
  exists (*lärarinna* → *lärare*, *tvätterska* → *tvätta*/*tvättare*,
  *dansös* → *dansör*, *direktris* → *direktör*). The base test keeps out
  verbs (*försvinna*), language names (*ungerska*) and adjectives (*nervös*),
  and gives the suggestion.
- :data:`woman_compounds`: titles on *-kvinna* whose *-man* form is a title
  (*kontaktkvinna*, *idrottskvinnor*).

Words a rule of the packs already covers (its forms and compounds, and the
keep words) are left to that rule, so no word gets two findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Iterator

from ..engine.data_rules import load_pack
from ..engine.inflect import inflect
from ..engine.rule import RuleContext, code_rule
from ..language.analyzed import AnalyzedBlock, AnalyzedDocument, Token
from ..language.sv import VOWELS, lemma
from ..model import Finding

__all__ = [
    "RULES",
    "man_compounds",
    "feminine_suffixes",
    "woman_compounds",
    "ManWord",
    "FeminineWord",
    "parse_man_word",
    "parse_feminine_word",
    "parse_manna_word",
    "manna_compounds",
    "listed_by_packs",
]

_FL_26282 = "https://frageladan.isof.se/visasvar.py?svar=26282"
_SOURCE = "Isof, Frågelådan svar 26282 (strategierna tillämpade av oss); Isof, Klarspråkshjälpen: Använd inkluderande språk"

# --- words ----------------------------------------------------------------------------

#: -man words that are never flagged: nationalities and kin, words about a
#: particular man, historical offices, idioms, ranks and titles with no
#: established neutral form (as brandman and rådman in the pack's keep list),
#: surnames the lemma table knows, and words the pack leaves out on purpose
#: (lekman, lantman: see the comment at the top of sv-termer.toml).
_STOP_MAN = frozenset(
    """
    engelsman fransman norrman nordman landsman bushman
    fästman änkeman gentleman he-man sportsman lebeman rikeman herreman hedersman danneman
    adelsman båtsman länsman fjärdingsman hövitsman hovman riddersman krigsman bergsman odalman
    tolvman uppbördsman befallningsman mästerman böneman bästeman fångesman hemulsman
    barnavårdsman såningsman lieman vandringsman världsman visman renlevnadsman avundsman
    storman örlogsman överman framtidsman högerman mörkerman mörkman stålman stigman långeman
    grodman troman vederdeloman giftoman gudsman medicinman kyrkoman prästman spåman
    styrman flottstyrman jungman spelman speleman lekman lantman sandwichman scratchman
    löftesman medlöftesman vingman snöman hemmaman vingårdsman ålderman borgensman
    samman tillsammans hemman roman talisman kajman ottoman human german shaman schaman domän
    """.split()
)

#: Better words than ``-person`` where one is established (Språkrådet's other strategies:
#: a derivation, a synonym, another head). The first one goes into the message.
_MAN_SUGGESTIONS: dict[str, tuple[str, ...]] = {
    "ordningsman": ("ordningsansvarig", "ordningsvakt (om personen har förordnande)"),
    "säkerhetsman": ("säkerhetsansvarig", "säkerhetsperson"),
    "vaktman": ("väktare", "vakt"),
    "hallåman": ("programpresentatör", "hallåa"),
    "linjeman": ("linjedomare", "assisterande domare"),
    "kameraman": ("fotograf", "kameraperson"),
    "köpman": ("handlare", "näringsidkare"),
    "handelsman": ("handlare", "näringsidkare"),
    "affärsman": ("företagare", "affärsperson"),
    "utredningsman": ("utredare",),
    "granskningsman": ("granskare",),
    "värderingsman": ("värderare", "värderingsperson"),
    "föregångsman": ("föregångare",),
    "finansman": ("finansiär",),
    "besättningsman": ("besättningsmedlem",),
    "timmerman": ("snickare",),
    "tidningsman": ("journalist",),
    "toppman": ("toppchef", "högsta chef"),
    "nyckelman": ("nyckelperson",),
    "privatman": ("privatperson",),
    "ämbetsman": ("ämbetsinnehavare", "tjänsteperson"),
    "landstingsman": ("regionpolitiker", "förtroendevald i regionen"),
    "kommunalman": ("kommunpolitiker", "förtroendevald"),
    "valman": ("väljare",),
    "knivman": ("knivbeväpnad person", "gärningsperson"),
    "attentatsman": ("gärningsperson",),
    "våldsman": ("gärningsperson", "förövare"),
    "våldtäktsman": ("gärningsperson", "förövare"),
    "illgärningsman": ("gärningsperson",),
    "missgärningsman": ("gärningsperson",),
    "stuntman": ("stuntperson",),
    "tillsynsman": ("tillsynsperson", "tillsynsansvarig"),
    "tillsyningsman": ("tillsynsansvarig",),
    "uppsyningsman": ("tillsynsansvarig",),
    "sagesman": ("källa", "sagesperson"),
    "statsman": ("statsperson", "politiker"),
    "styresman": ("chef", "föreståndare"),
    "serviceman": ("servicetekniker",),
    "radioman": ("radiooperatör",),
    "pr-man": ("pr-konsult", "kommunikatör"),
    "teaterman": ("teaterarbetare", "teaterperson"),
    "förlikningsman": ("medlare",),
    "skyddsman": ("skyddsombud",),
    "lagerman": ("lagerarbetare", "lagerpersonal"),
    "kongressman": ("kongressledamot",),
    "bankman": ("bankanställd", "bankchef"),
    "motståndsman": ("motståndskämpe",),
    "upprorsman": ("upprorsmakare",),
    "borgensman": ("borgensåtagare", "den som går i borgen"),
}

#: Feminine words never flagged: titles of nobility and divinities, animals,
#: nationalities and kin, relations, and keep words (sjuksköterska and every
#: other -sköterska, words about giving birth).
_STOP_FEMININE_HEADS = (
    "gudinna", "grevinna", "hertiginna", "kejsarinna", "infantinna", "prinsessa", "baronessa",
    "björninna", "lejoninna", "varginna", "grekinna", "judinna", "slavinna", "jättinna",
    "romarinna", "väninna", "älskarinna", "härskarinna", "landsmaninna", "abbedissa",
    "sköterska", "föderska", "svägerska", "tronföljerska", "efterleverska", "manslukerska",
    "mansslukerska", "änglamakerska", "generatris", "bisektris", "matris", "remissa",
)

#: Bases for feminine words whose base is irregular or missing in the lemma table.
_FEMININE_SUGGESTIONS: dict[str, tuple[str, ...]] = {
    "sömmerska": ("sömmare", "textilhantverkare", "kostymtekniker"),
    "tvätterska": ("tvätteribiträde", "tvättpersonal"),
    "hushållerska": ("måltidsbiträde", "hushållsbiträde"),
    "diskerska": ("diskare", "diskpersonal"),
    "kokerska": ("kock", "måltidspersonal"),
    "sminkerska": ("sminkör", "maskör"),
    "väverska": ("vävare",),
    "ackuschörska": ("barnmorska",),
    "diakonissa": ("diakon",),
    "poetissa": ("poet",),
    "vokalissa": ("vokalist", "sångare"),
    "direktris": ("mönsterkonstruktör", "modellkonstruktör"),
}

#: -kvinna words never flagged (ethnic or not a title), and the ones attested
#: in the lemma table whose -man form the rule would not know otherwise.
_STOP_WOMAN = frozenset({"indiankvinna", "eskortkvinna", "spåkvinna", "kvinnosakskvinna", "trosskvinna"})

_SEX_WORDS = frozenset({"kvinna", "man", "flicka", "pojke", "tjej", "kille", "dam", "herre"})

_MAN_ENDINGS = ("männens", "mannens", "männen", "mannen", "mäns", "män", "mans", "man")
_DEFINITE_OR_PLURAL = frozenset({"männens", "mannens", "männen", "mannen", "mäns", "män"})
_WOMAN_ENDINGS = ("kvinnornas", "kvinnorna", "kvinnors", "kvinnans", "kvinnor", "kvinnan", "kvinnas", "kvinna")

# inflection endings of the first (-a) and third (-er) declensions, longest first
_A_INFLECTIONS = ("ornas", "orna", "ors", "ans", "or", "an", "as", "a")
_ER_INFLECTIONS = ("ernas", "erna", "ens", "ers", "er", "en", "")
_A_ROOTS = ("inn", "ersk", "örsk", "iss")
_ER_ROOTS = ("tris", "ös")
_FEMININE_TAILS = tuple(r + i for r in _A_ROOTS for i in _A_INFLECTIONS) + tuple(
    r + i for r in _ER_ROOTS for i in _ER_INFLECTIONS
)

_NOUN_SUFFIXES = ("en", "n", "et", "er", "ar", "or", "na", "erna", "arna", "s")
_LINKS = ("s", "e", "a", "o", "u")

#: Words that mark a statute in the sentence: the word is the law's and gets an info note.
_STATUTE_WORDS = frozenset({"§", "lag", "lagen", "lagens", "förordning", "förordningen", "lagtexten", "sfs"})

_MAN_MESSAGE = "”{match}” är en könsbunden benämning; skriv {suggestion} eller en annan könsneutral benämning."
_FEMININE_MESSAGE = "”{match}” markerar kön i en yrkestitel; skriv {suggestion}."
_WOMAN_MESSAGE = "”{match}” markerar kön i en titel; skriv {suggestion}."

_NAME_BREAKS = frozenset({":", "•", "-", "–", "(", '"', "”", "»", "/"})


# --- the lemma table as a dictionary ---------------------------------------------------------


@lru_cache(maxsize=20_000)
def _is_lemma(word: str) -> bool:
    """Is ``word`` a lemma in the table (some inflected form of it leads back to it)?"""
    return any(lemma(word + s) == word for s in _NOUN_SUFFIXES + ("a", "t", "ade", "de", "te"))


@lru_cache(maxsize=20_000)
def _is_noun(word: str) -> bool:
    return any(lemma(word + s) == word for s in ("en", "n", "er", "ar", "erna", "arna", "or"))


@lru_cache(maxsize=20_000)
def _is_a_noun(word: str) -> bool:
    """Is ``word`` (ending in -a) a noun of the first declension (lärarinna, -n, -or)?"""
    return lemma(word + "n") == word or lemma(word[:-1] + "or") == word or lemma(word[:-1] + "orna") == word


@lru_cache(maxsize=20_000)
def _is_adjective(word: str) -> bool:
    return lemma(word + "t") == word or lemma(word + "a") == word


def _is_noun_or_compound(word: str) -> bool:
    """A known noun, or a compound of a known word and a known noun (hemvårdare = hem + vårdare)."""
    if _is_noun(word):
        return True
    for cut in range(3, len(word) - 4):
        modifier, head = word[:cut], word[cut:]
        if _is_noun(head) and _known_word(modifier):
            return True
    return False


@lru_cache(maxsize=20_000)
def _is_verb(infinitive: str) -> bool:
    """Is ``infinitive`` (ending in -a) a verb in the table (its present or past tense leads back)?"""
    stem = infinitive[:-1]
    return any(lemma(stem + s) == infinitive for s in ("ar", "ade", "er", "te", "de"))


@lru_cache(maxsize=20_000)
def _known_word(word: str) -> bool:
    """Is ``word`` (a compound modifier, linking letter and all) a word the table knows?"""
    if len(word) < 3 or not any(c in VOWELS for c in word):
        return False
    candidates = [word]
    if word.endswith(_LINKS) and len(word) > 3:
        candidates.append(word[:-1])
    # a lemma of its own, not just some inflected form (sam is a past tense of simma)
    for cand in candidates:
        if _is_lemma(cand):
            return True
    # a compound modifier: its own head is a known word (elsäkerhets -> säkerhet)
    for cand in candidates:
        for cut in range(2, len(cand) - 3):
            if _is_lemma(cand[cut:]):
                return True
    return False


def _plausible_modifier(modifier: str) -> bool:
    if modifier.endswith("-"):
        return len(modifier) > 1
    return len(modifier) >= 3 and any(c in VOWELS for c in modifier)


# --- what the packs already cover ----------------------------------------------------------


@dataclass(frozen=True)
class _Listed:
    #: single-word forms of the packs' gendered-term rules -> their suggestions
    forms: dict[str, tuple[str, ...]]
    #: keep words of the packs, all forms
    keep: frozenset[str]
    #: -man lemmas of the statutory-term rule (god man, nämndeman, ...)
    statutory: frozenset[str]


@lru_cache(maxsize=1)
def listed_by_packs() -> _Listed:
    """Every single-word form the built-in packs match (any category), and their keep words."""
    forms: dict[str, tuple[str, ...]] = {}
    keep: set[str] = set()
    statutory: set[str] = set()
    for path in sorted(files("dokumentanalys.rules").iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".toml"):
            continue
        spec = load_pack(path).spec
        for word in spec.pack.keep:
            keep.update(inflect(word))
        for rule in spec.rule:
            for word in rule.except_:
                keep.update(inflect(word))
            for match in rule.match:
                words = list(match.forms)
                if match.lemma:
                    words.extend(inflect(match.lemma, match.paradigm))
                    if rule.id == "term/lagterm":
                        statutory.add(match.lemma.lower())
                for form in words:
                    form = form.lower().strip()
                    if " " not in form:
                        forms.setdefault(form, tuple(rule.suggestions))
    return _Listed(forms, frozenset(keep), frozenset(statutory))


def _covered(lower: str) -> bool:
    """Does a pack rule (or keep word) already decide this word, whole or as a compound head?"""
    listed = listed_by_packs()
    if lower in listed.forms or lower in listed.keep:
        return True
    for cut in range(2, len(lower) - 2):
        tail = lower[cut:]
        if (tail in listed.forms or tail in listed.keep) and _plausible_modifier(lower[:cut]):
            return True
    return False


def _heads(word: str) -> Iterator[str]:
    """``word`` and every compound head of it (behind a plausible modifier)."""
    yield word
    for cut in range(2, len(word) - 2):
        if _plausible_modifier(word[:cut]):
            yield word[cut:]


# --- -man ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ManWord:
    """A word read as a compound of *man*: ``lemma`` (``ordningsman``), ``ending`` as written."""

    lemma: str
    modifier: str
    ending: str
    attested: bool

    @property
    def definite_or_plural(self) -> bool:
        return self.ending in _DEFINITE_OR_PLURAL


def parse_man_word(lower: str) -> ManWord | None:
    """Read ``lower`` as a *-man* compound, or ``None`` (not one, or one never flagged)."""
    for ending in _MAN_ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending):
            stem = lower[: -len(ending)]
            break
    else:
        return None
    if not all(c.isalpha() or c == "-" for c in stem) or stem.startswith("-"):
        return None
    modifier = stem.rstrip("-")
    hyphen = stem.endswith("-")
    if not modifier:
        return None
    word = stem + "man"
    table = lemma(lower)
    if table != lower and table != word:
        return None  # the table reads it as another word (blommans -> blomma, allmäns -> allmän)
    attested = any(lemma(stem + f) == word for f in ("män", "männen", "mannen"))
    if not attested:
        if word.endswith(("roman", "oman")):
            return None  # novels and manias (ungdomsroman, kleptoman)
        if ending in ("man", "män", "mans") and _is_lemma(lower):
            return None  # a word of its own (allmän, hemman, talisman, domän)
        if _is_lemma(word):
            return None  # the table knows the word but not as a noun with -män (Bergman, Sundman)
        if hyphen:
            if lemma(modifier) in _SEX_WORDS or not (modifier.isalpha() and (len(modifier) <= 5 or _known_word(modifier))):
                return None
        elif not _known_word(modifier):
            return None
    if any(h in _STOP_MAN for h in _heads(word)):
        return None
    return ManWord(word, modifier, ending, attested)


def _man_suggestions(word: str, modifier: str) -> tuple[str, ...]:
    for head in _heads(word):
        if head in _MAN_SUGGESTIONS:
            prefix = word[: len(word) - len(head)]
            return tuple(prefix + s if " " not in s else s for s in _MAN_SUGGESTIONS[head])
    listed = listed_by_packs().forms
    for head in _heads(word):
        if head in listed and listed[head]:
            prefix = word[: len(word) - len(head)]
            return tuple(prefix + s for s in listed[head])
    return (word[:-3] + "person",)


# --- shared token tests ---------------------------------------------------------------------


def _is_name(ablock: AnalyzedBlock, tok: Token) -> bool:
    """Capitalised in the middle of a sentence: a name (Tore Lindman, föreningen Talesmännen)."""
    if tok.is_sent_start or tok.i == 0 or not tok.is_title:
        return False
    return ablock.tokens[tok.i - 1].text not in _NAME_BREAKS


def _in_statute(ablock: AnalyzedBlock, tok: Token) -> bool:
    sentence = ablock.sentences[tok.sent]
    for other in ablock.tokens[sentence.start : sentence.end]:
        if other.lower in _STATUTE_WORDS or other.lower.endswith("balken"):
            return True
    return False


def _candidates(document: AnalyzedDocument, endings: tuple[str, ...]) -> Iterator[tuple[AnalyzedBlock, Token]]:
    words = {w for w in document.vocabulary if w.endswith(endings)}
    if not words:
        return
    for ablock in document.blocks:
        for tok in ablock.tokens:
            if tok.lower in words and not tok.in_quotes and not _is_name(ablock, tok) and not _covered(tok.lower):
                yield ablock, tok


# --- the rules -----------------------------------------------------------------------------


@code_rule(
    id="term/man-sammansattning",
    name="titlar på -man utanför termlistan",
    category="gendered-term",
    severity="warning",
    message="”{match}” är en könsbunden benämning; skriv -person eller en titel som beskriver uppgiften.",
    suggestions=["-person i stället för -man", "en titel som beskriver uppgiften"],
    rationale="""Språkrådet avråder från titlar på -man när ett neutralt alternativ finns: efterledet
-person, en avledning (utredare), en synonym (väktare) eller en annan titel. Regeln hittar
sammansättningar med -man som inte står i termlistan, i alla böjningsformer (ordningsman,
ordningsmannen, vaktmän, vaktmännens, HR-mannen). Ord som Språkrådet säger att man kan behålla
(brandman, rådman, talman, ombudsman) och lagtermer markeras inte som fel.""",
    source=_SOURCE,
    url=_FL_26282,
    limitations="""Ett ord räknas när lemmatabellen känner till det som ett ord på -man, eller när förleden
är ett känt ord. Efternamn (Bergman, Lindman) känns igen på stor bokstav mitt i meningen, och i
början av en mening på att de saknar plural. Historiska ämbeten, nationalitetsord och ord om en
viss man (änkeman, fästman) markeras inte.""",
    flag=[
        "Arrangören utser en ordningsman för varje evenemang.",
        "Vaktmännen ska ha förordnande som ordningsvakt.",
        "En särskild utredningsman har granskat handeln, och utredningsmannens rapport finns i bilagan.",
        "Köpmännen i centrum vill bilda ett bolag.",
        "Kontakta vår HR-man om du har frågor.",
    ],
    pass_=[
        "Säkerhetssamordnare Tore Lindman är kontaktperson, och Anna Bergman ersätter honom.",
        "Lindman ersätts under semestern av Bergman.",
        "Biblioteket köper in romaner, och romanen lånas ut i fyra veckor.",
        "Brandmännen och ombudsmannen deltog, och kvinnor och män bjöds in.",
        "Bemanningen ökar, och allmänheten kan lämna synpunkter i Mannheim.",
        "Vi läste boken ”Utredningsmannen” i bokcirkeln.",
        "Stödet gäller änkor och änkemän, engelsmän och fransmän.",
    ],
)
def man_compounds(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """Titles on -man outside the term list (see the module docstring)."""
    statutory = listed_by_packs().statutory
    for ablock, tok in _candidates(document, _MAN_ENDINGS):
        word = parse_man_word(tok.lower)
        if word is None or word.lemma in statutory:
            continue
        # Bergman, BERGMAN; not HR-man, whose capitals are the abbreviation's
        capital = tok.is_title or (tok.text.isupper() and "-" not in tok.text)
        if capital and not word.definite_or_plural and not word.attested:
            continue  # Bergman, Lindmans: a surname unless the table knows the word
        suggestions = _man_suggestions(word.lemma, word.modifier)
        if "-" in tok.text:  # keep the abbreviation as written: HR-person, not hr-person
            written = tok.text[: tok.text.index("-") + 1]
            suggestions = tuple(
                written + s[len(written) :] if s.startswith(written.lower()) else s for s in suggestions
            )
        message = _MAN_MESSAGE.format(match=tok.text, suggestion=suggestions[0])
        severity = None
        if _in_statute(ablock, tok):
            severity = "info"
            message = f"”{tok.text}” står i lagtexten; behåll det i lagcitat men skriv {suggestions[0]} i egen text."
        yield ctx.finding(ablock, tok.start, tok.end, message=message, suggestions=suggestions, severity=severity)


@dataclass(frozen=True, slots=True)
class FeminineWord:
    """A female title: ``lemma`` (``tvätterska``) and the neutral ``bases`` to suggest."""

    lemma: str
    bases: tuple[str, ...]


def _feminine_lemma(lower: str) -> str | None:
    table = lemma(lower)
    if table != lower and table.endswith(("inna", "erska", "örska", "issa", "tris", "ös")):
        return table
    for root in _A_ROOTS:
        for infl in _A_INFLECTIONS:
            if lower.endswith(root + infl):
                return lower[: len(lower) - len(infl)] + "a"
    for root in _ER_ROOTS:
        for infl in _ER_INFLECTIONS:
            if lower.endswith(root + infl):
                return lower[: len(lower) - len(infl)] if infl else lower
    return None


def parse_feminine_word(lower: str) -> FeminineWord | None:
    """Read ``lower`` as a female title with a neutral base, or ``None``."""
    if lower.endswith(_WOMAN_ENDINGS) or not lower.isalpha():
        return None
    word = _feminine_lemma(lower)
    if word is None or len(word) < 6:
        return None
    table = lemma(lower)
    if table != lower and table != word:
        return None  # the table reads it as another word (romerska -> romersk, svenska -> svensk)
    if word.endswith("ska") and _is_adjective(word[:-1]):
        return None  # an adjective in -sk (kättersk, ungersk)
    if any(h in _STOP_FEMININE_HEADS or h.endswith("hinna") for h in _heads(word)):
        return None
    attested = lemma(lower) == word and lower != word or _is_lemma(word)
    bases: list[str] = []
    if word.endswith("arinna"):
        base = word[:-6] + "are"
        if _is_noun_or_compound(base) or attested:
            bases.append(base)
    elif word.endswith("inna"):
        if attested and len(word) >= 7 and _is_a_noun(word):
            bases.extend(b for b in (word[:-4] + "e", word[:-4]) if _is_noun(b))
    elif word.endswith("erska"):
        stem = word[:-5]
        if _is_noun_or_compound(stem + "are") or _is_verb(stem + "a"):
            bases.append(stem + "are")
    elif word.endswith("örska"):
        if _is_noun_or_compound(word[:-5] + "ör"):
            bases.append(word[:-5] + "ör")
    elif word.endswith("issa"):
        if attested and _is_a_noun(word) and _is_noun(word[:-4]):
            bases.append(word[:-4])
    elif word.endswith("tris"):
        bases.extend(b for b in (word[:-4] + "tör", word[:-4] + "tor") if _is_noun_or_compound(b))
    elif word.endswith("ös") and not word.endswith("lös"):
        if not _is_adjective(word) and _is_noun_or_compound(word[:-2] + "ör"):
            bases.append(word[:-2] + "ör")
    if not bases:
        return None
    for head in _heads(word):
        if head in _FEMININE_SUGGESTIONS:
            prefix = word[: len(word) - len(head)]
            return FeminineWord(word, tuple(prefix + s for s in _FEMININE_SUGGESTIONS[head]))
    return FeminineWord(word, tuple(dict.fromkeys(bases)))


@code_rule(
    id="term/kvinnlig-andelse",
    name="kvinnliga ändelser utanför termlistan",
    category="gendered-term",
    severity="warning",
    message="”{match}” markerar kön i en yrkestitel; skriv samma benämning som för alla i yrket.",
    suggestions=["samma yrkesbenämning för alla"],
    rationale="""Språkrådet rekommenderar samma yrkesbenämning för kvinnor och män: lärare, inte
lärarinna. Regeln hittar kvinnliga ändelser som inte står i termlistan (-inna, -erska, -örska,
-tris, -ös, -issa) när ordets grundform finns: strykerska – strykare, dansös – dansör,
direktris – direktör, poetissa – poet. Sjuksköterska, barnmorska och de andra orden som
Språkrådet säger att man kan behålla markeras inte.""",
    source="Isof, Frågelådan svar 26282",
    url=_FL_26282,
    limitations="""Adelstitlar (grevinna, prinsessa), gudinnor, djur, nationalitetsord och språknamn
(ungerska, svenska) markeras inte. Grundformen kommer från lemmatabellen; ett ord vars
grundform tabellen saknar markeras inte.""",
    flag=[
        "Vi söker en tvätterska till äldreboendet.",
        "Två dansöser från danskompaniet medverkar.",
        "Direktrisen ansvarar för kostymerna, och sminkerskan arbetar på timmar.",
        "Hemmets vårdarinnor får handledning.",
    ],
    pass_=[
        "Sjuksköterskan, barnmorskan och undersköterskorna träffas varje vecka.",
        "Kursen ges på svenska, engelska och ungerska.",
        "Prinsessan och grevinnan besökte slottet.",
        "Han är nervös och seriös inför uppdraget.",
        "Vi spelar pjäsen ”Sömmerskan” i vår.",
    ],
)
def feminine_suffixes(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """Female job titles by suffix outside the term list (see the module docstring)."""
    for ablock, tok in _candidates(document, _FEMININE_TAILS):
        word = parse_feminine_word(tok.lower)
        if word is None:
            continue
        message = _FEMININE_MESSAGE.format(match=tok.text, suggestion=word.bases[0])
        yield ctx.finding(ablock, tok.start, tok.end, message=message, suggestions=word.bases)


def _woman_word(lower: str) -> tuple[str, tuple[str, ...], bool] | None:
    """(-man counterpart, suggestions, is the -man word a listed title) for a -kvinna title."""
    for ending in _WOMAN_ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending):
            stem = lower[: -len(ending)]
            break
    else:
        return None
    if not stem.replace("-", "").isalpha() or not _plausible_modifier(stem):
        return None
    word = stem + "kvinna"
    if word in _STOP_WOMAN:
        return None
    man = stem + "man"
    listed = listed_by_packs()
    if man in listed.keep or man in listed.statutory or any(h in listed.keep for h in _heads(man)):
        return None  # brandkvinna, förtroendekvinna: the -man word is kept
    if man in listed.forms:
        return man, tuple(listed.forms[man]) or (stem + "person",), True
    parsed = parse_man_word(man)
    if parsed is not None and (parsed.attested or any(lemma(stem + f) == word for f in ("kvinnor", "kvinnan"))):
        return man, _man_suggestions(man, stem), False
    return None


@code_rule(
    id="term/kvinna-sammansattning",
    name="titlar på -kvinna",
    category="gendered-term",
    severity="warning",
    message="”{match}” markerar kön i en titel; skriv -person eller samma titel som för alla.",
    suggestions=["-person i stället för -kvinna"],
    rationale="""Att byta -man mot -kvinna löser inte problemet: titeln pekar fortfarande ut kön.
Språkrådet rekommenderar samma benämning för alla, till exempel talesperson. Regeln hittar
titlar på -kvinna vars motsvarighet på -man är en titel (kontaktkvinna, idrottskvinnor).
När motsvarigheten inte står i termlistan ges bara en upplysning: om ordet gäller en viss
kvinna och könet är poängen kan det stå kvar.""",
    source="Isof, Frågelådan svar 26282 (strategierna tillämpade av oss)",
    url=_FL_26282,
    limitations="Ord där -man-formen får stå kvar (brandman, förtroendeman) markeras inte heller på -kvinna.",
    flag=[
        "Ange föreningens kontaktkvinna.",
        "Lägret vänder sig till idrottskvinnor och unga idrottare.",
        {"text": "Hon är en framgångsrik affärskvinna.", "count": 1},
    ],
    pass_=[
        "Ange föreningens kontaktperson.",
        "Kvinnor och män, flickor och pojkar ska ha samma möjligheter.",
        "Brandkvinnan och brandmannen ryckte ut.",
        "Stödet riktar sig till unga kvinnor och yrkesverksamma.",
    ],
)
def woman_compounds(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """Titles on -kvinna whose -man form is a title (see the module docstring)."""
    for ablock, tok in _candidates(document, _WOMAN_ENDINGS):
        found = _woman_word(tok.lower)
        if found is None:
            continue
        _man, suggestions, listed = found
        message = _WOMAN_MESSAGE.format(match=tok.text, suggestion=suggestions[0])
        severity = None
        if not listed:
            severity = "info"
            message = (
                f"”{tok.text}” markerar kön; skriv {suggestions[0]} om det inte är poängen att personen är kvinna."
            )
        yield ctx.finding(ablock, tok.start, tok.end, message=message, suggestions=suggestions, severity=severity)


# --- -manna- (the linking form of -man inside a compound) -----------------------------------

_MANNA = "manna"


def parse_manna_word(lower: str) -> tuple[str, str, str] | None:
    """Read ``lower`` as ``<title on -man>`` + *-manna-* + tail: (man title, modifier, tail), or None.

    *kontaktmannaskap* is (kontaktman, kontakt, skap); *tjänstemannaansvar* is
    (tjänsteman, tjänste, ansvar). The title must be a *-man* title that is
    flagged on its own (not a keep word such as *brandman* or a statutory term
    such as *lekman*), and the tail a word the lemma table knows.
    """
    k = lower.find(_MANNA, 3)
    if k < 0:
        return None
    stem, tail = lower[:k], lower[k + len(_MANNA) :]
    if len(tail) < 3 or not tail.isalpha() or not stem.replace("-", "").isalpha():
        return None
    man = stem + "man"
    listed = listed_by_packs()
    if man in listed.keep or man in listed.statutory or lower in listed.forms or lower in listed.keep:
        return None
    if any(h in listed.keep or h in listed.statutory for h in _heads(man)):
        return None  # barnombudsmanna-, fackliga förtroendemanna-: the -man word is kept
    if man not in listed.forms and parse_man_word(man) is None:
        return None
    if not (lemma(tail) != tail or _known_word(tail)):
        return None
    return man, stem, tail


@code_rule(
    id="term/manna-sammansattning",
    name="sammansättningar med -manna-",
    category="gendered-term",
    severity="warning",
    message="”{match}” bygger på en könsbunden titel på -man; skriv -person i stället.",
    suggestions=["-persons- i stället för -manna-"],
    rationale="""En titel på -man finns kvar i ord som är bildade av den, med fogeformen -manna-:
kontaktmannaskap, tjänstemannaansvar, förtroendemannauppdrag. Språkrådet rekommenderar -person
i stället för -man när ett neutralt alternativ finns, och det gäller också sammansättningarna:
kontaktpersonskap, tjänstepersonsansvar.""",
    source=_SOURCE,
    url=_FL_26282,
    limitations="""Ord som bygger på en titel som får stå kvar (brandmannautbildning, ombudsmannaexpedition)
och lagtermer (lekmannarevisor) markeras inte. Efterledet måste vara ett ord som lemmatabellen känner.""",
    flag=[
        "Kontaktmannaskapet innebär att en medarbetare har ett särskilt ansvar för brukaren.",
        "Frågan gäller tjänstemannaansvaret vid myndighetsutövning.",
        "Talesmannauppdraget roterar mellan styrelsens ledamöter.",
    ],
    pass_=[
        "Kontaktpersonskapet innebär att en medarbetare har ett särskilt ansvar för brukaren.",
        "Brandmannautbildningen pågår i tio veckor.",
        "Föreningen väljer en lekmannarevisor.",
        "Mannagrynsgröt serveras på fredagar.",
        "Vi besökte Bergmannagatan och Lindmanna gård.",
    ],
)
def manna_compounds(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """Compounds with a -man title as modifier (kontaktmannaskap, tjänstemannaansvar)."""
    words = {w for w in document.vocabulary if _MANNA in w[3:]}
    if not words:
        return
    for ablock in document.blocks:
        for tok in ablock.tokens:
            if tok.lower not in words or tok.in_quotes or _is_name(ablock, tok):
                continue
            found = parse_manna_word(tok.lower)
            if found is None:
                continue
            _man, stem, tail = found
            link = "" if tail.startswith("s") else "s"
            suggestion = f"{stem}person{link}{tail}"
            if tok.text[:1].isupper():
                suggestion = suggestion[:1].upper() + suggestion[1:]
            message = f"”{tok.text}” bygger på den könsbundna titeln {_man}; skriv {suggestion}."
            yield ctx.finding(ablock, tok.start, tok.end, message=message, suggestions=(suggestion,))


RULES = [man_compounds, feminine_suffixes, woman_compounds, manna_compounds]
