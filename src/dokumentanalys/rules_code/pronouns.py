"""Generic pronouns about an unspecified person (category ``generic-masculine``).

Four rules:

- ``pronomen/generiskt-han``: *han/hans/honom* (and *hon/henne/hennes*)
  whose antecedent is an unspecified person (*sökanden*, *den enskilde*,
  *en elev*) in the same or the previous sentence;
- ``pronomen/han-snedstreck-hon``: *han/hon*, *hon/han* and other slash pairs;
- ``pronomen/denne``: *denne/dennes* (and pronoun *denna*) about such a person;
- ``pronomen/e-form``: *den anställde*, *den unge* where *-a* is the neutral form.

The antecedent search is deliberately narrow (precision before recall): it
looks back through the pronoun's own sentence and the one before it (which may
end the previous block), takes the nearest person noun, and gives up when a
proper name, a noun that names a woman or a man, or a pronoun of the other
sex stands in between: then a specific person is probably meant. A pronoun
in a run of sentences that each had a flagged pronoun keeps the antecedent.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from ..engine.rule import RuleContext, code_rule
from ..language.analyzed import AnalyzedBlock, AnalyzedDocument, Token
from ..language.sv import lemma
from ..model import BlockKind, Finding
from .marking import role_noun
from .people import DEN_PARTICIPLES, MALE_GROUP, SEX_SPECIFIC_SINGULAR, person_head
from .terms import parse_man_word

__all__ = [
    "RULES",
    "generic_pronoun",
    "slash_pronoun",
    "denne_pronoun",
    "e_form",
    "find_antecedent",
    "partner_assumed",
    "Antecedent",
]

_SOURCE = "Isof, Frågelådan svar 77439; Isof, Klarspråkshjälpen: Använd inkluderande språk"
_URL = "https://frageladan.isof.se/visasvar.py?svar=77439"

#: pronoun -> (sex, case)
_PRONOUNS: dict[str, tuple[str, str]] = {
    "han": ("m", "subj"),
    "honom": ("m", "obj"),
    "hans": ("m", "gen"),
    "hon": ("f", "subj"),
    "henne": ("f", "obj"),
    "hennes": ("f", "gen"),
}
#: the same case of the other sex, for "han eller hon" suggestions
_OTHER = {"han": "hon", "honom": "henne", "hans": "hennes", "hon": "han", "henne": "honom", "hennes": "hans"}
_NEUTRAL = {"subj": "hen", "obj": "hen", "gen": "hens"}
_JOINERS = frozenset({"eller", "och", "respektive", "resp.", "alternativt", "el.", "el"})
_SLASHES = frozenset({"/", "\\"})
_SINGULAR_DETERMINERS = frozenset({"en", "ett", "varje", "var", "vart", "någon", "något", "enskild", "enskilt"})
_DEN = frozenset({"den", "denne"})
_PLURAL_DETERMINERS = frozenset(
    """de alla flera många några samtliga dessa våra era deras sina andra övriga båda
    två tre fyra fem sex sju åtta nio tio""".split()
)


def _looks_plural(tokens: list[Token], j: int) -> bool:
    """A bare noun whose singular and plural look alike (*arbetstagare*) in a list or after a number."""
    prev = tokens[j - 1] if j > 0 else None
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if prev is not None and (prev.is_digit or prev.lower in ("och", "eller", ",")):
        return True
    return nxt is not None and nxt.lower in ("och", ",")
#: Capitalised words that end like an organisation or a place, never a person.
_ORG_ENDINGS = (
    "verket", "verkets", "nämnden", "nämndens", "styrelsen", "styrelsens", "myndigheten", "myndighetens",
    "kassan", "kassans", "förmedlingen", "förmedlingens", "kommun", "kommuns", "kommunen", "kommunens",
    "region", "regionen", "regionens", "inspektionen", "förvaltningen", "förvaltningens", "rådet", "rådets",
    "domstolen", "rätten", "skolan", "huset", "sjukhuset", "universitet", "universitetet", "högskolan",
    "ombudsmannen", "kansliet", "departementet", "landstinget", "enheten", "centralen", "bolaget",
    "stiftelsen", "föreningen", "förbundet", "institutet", "biblioteket", "lagen", "balken", "förordningen",
)
_PLACE_WORDS = frozenset({"kommun", "kommuns", "stad", "stads", "region", "regions", "län", "läns", "kommunkoncern"})
_PLACE_PREPOSITIONS = frozenset({"i", "från", "till", "inom", "utanför", "mot", "via", "hos", "på"})
_NO_NAME_BEFORE = frozenset({":", "•", "-", "–", "(", '"', "”", "»", "/", "[", "*"})
#: Capitalised words that are not names in running text.
_NOT_NAMES = frozenset({"sverige", "sveriges", "eu", "eu:s", "europa", "norden", "agenda", "skr", "jag", "du", "ni", "vi"})


@dataclass(frozen=True, slots=True)
class Antecedent:
    """The noun phrase a generic pronoun refers to."""

    text: str  # as written ("sökanden", "den enskilde", "en elev")
    repeat: str  # what to write instead of the pronoun ("sökanden", "den enskilde", "eleven")
    block: int
    token: int


def _is_name(ablock: AnalyzedBlock, tok: Token) -> bool:
    """A capitalised word inside a sentence that is probably a person's name."""
    if tok.is_sent_start or tok.i == 0 or not tok.is_title or not tok.is_alpha or len(tok.text) < 2:
        return False
    tokens = ablock.tokens
    prev = tokens[tok.i - 1]
    if prev.text in _NO_NAME_BEFORE or prev.lower in _PLACE_PREPOSITIONS:
        return False
    low = tok.lower
    if low in _NOT_NAMES or low in _PRONOUNS or low.endswith(_ORG_ENDINGS):
        return False
    nxt = tokens[tok.i + 1] if tok.i + 1 < len(tokens) else None
    if nxt is not None and nxt.lower in _PLACE_WORDS:
        return False
    return not _names_a_thing(tokens, tok.i)


#: Definite nouns for people that a name can follow ("dottern Sara", "grannen Per").
_RELATIONS = frozenset(
    """partnern sambon vännen väninnan grannen kamraten kompisen släktingen brorsonen systerdottern""".split()
)


def _names_a_thing(tokens: list[Token], i: int) -> bool:
    """Is the capitalised run ending at ``tokens[i]`` the name of a thing after its common noun?

    "i appen Felanmälan Granberg", "projektet Trygg Hemväg": a definite noun that is not a
    person stands before the name, so the name is not a person's ("chefen Anna Berg" is).
    """
    k = i
    while k > 0 and tokens[k - 1].is_title and not tokens[k - 1].is_sent_start:
        k -= 1
    if k == 0:
        return False
    before = tokens[k - 1]
    low = before.lower
    if not before.is_alpha or before.text[:1].isupper() or not low.endswith(("en", "et", "n")):
        return False
    if lemma(low) == low or low in SEX_SPECIFIC_SINGULAR or low in _RELATIONS:
        return False  # unknown word, or a relative ("dottern Sara")
    return not person_head(low) and not role_noun(low)


def _pair_partner(tokens: list[Token], i: int) -> int | None:
    """Index of the other pronoun when ``tokens[i]`` is half of "han eller hon" or "han/hon"."""
    low = tokens[i].lower
    if low not in _PRONOUNS:
        return None
    sex = _PRONOUNS[low][0]
    for step in (1, -1):
        j, k = i + step, i + 2 * step
        if 0 <= k < len(tokens) and (tokens[j].lower in _JOINERS or tokens[j].text in _SLASHES):
            other = tokens[k].lower
            if other in _PRONOUNS and _PRONOUNS[other][0] != sex:
                return k
            if other in ("hen", "hens"):
                return k
    return None


def _antecedent_at(ablock: AnalyzedBlock, j: int) -> Antecedent | None:
    """Is ``tokens[j]`` the head of a noun phrase naming an unspecified singular person?"""
    tokens = ablock.tokens
    tok = tokens[j]
    low = tok.lower
    prev = tokens[j - 1].lower if j > 0 else ""
    # "den som"
    if low == "som" and prev == "den":
        return Antecedent("den som", "den som", ablock.block.index, j - 1)
    # "den vi söker" (job ads)
    if low in ("vi", "ni") and prev == "den" and j + 1 < len(tokens) and tokens[j + 1].lower in (
        "söker", "anställer", "rekryterar", "behöver", "letar"
    ):
        return Antecedent(f"den {low} {tokens[j + 1].lower}", "personen", ablock.block.index, j - 1)
    # "var och en"
    if low == "en" and j >= 2 and prev == "och" and tokens[j - 2].lower == "var":
        return Antecedent("var och en", "var och en", ablock.block.index, j - 2)
    bare = low[:-1] if low.endswith("s") and low[:-1] in DEN_PARTICIPLES else low
    if bare in DEN_PARTICIPLES and prev in _DEN:
        phrase = f"den {_E_FORMS.get(bare, bare)}"
        return Antecedent(f"{tokens[j - 1].text.lower()} {tok.text}", phrase, ablock.block.index, j - 1)
    if prev in _DEN:
        # any adjective or participle standing as a noun: "den anhörige", "den nyanställde"
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        e_found = _e_form(low, nxt)
        if e_found is not None:
            return Antecedent(f"{tokens[j - 1].text.lower()} {tok.text}", f"den {e_found[1]}", ablock.block.index, j - 1)
        if _nominal_adjective(low, nxt):
            return Antecedent(f"{tokens[j - 1].text.lower()} {tok.text}", f"den {low}", ablock.block.index, j - 1)
    man = _man_title(ablock, tok)
    if man is not None:
        return Antecedent(tok.text.lower() if tok.is_sent_start else tok.text, man, ablock.block.index, j)
    if prev in _SINGULAR_DETERMINERS and prev not in ("enskild", "enskilt") and _agent_noun(low):
        # "en lokalvårdare", "varje handledare": a role noun outside the person list
        return Antecedent(f"{tokens[j - 1].lower} {tok.text}", f"{low}n" if low.endswith("e") else f"den {low}",
                          ablock.block.index, j - 1)
    for form in person_head(low):
        if "A" not in form.noun.uses or form.is_plural:
            continue
        noun = form.noun
        if form.number == "definite":
            # "eleven" (also "gymnasieeleven"); not when a name follows ("eleven Anna")
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt is not None and _is_name(ablock, nxt):
                return None
            word = tok.text.lower()
            repeat = word[:-1] if form.genitive else word
            return Antecedent(tok.text.lower() if tok.is_sent_start else tok.text, repeat, ablock.block.index, j)
        # "en elev", "varje sökande"; and the bare singular of legal style ("Innan polisman
        # använder skjutvapen, skall han …"), unless a plural word comes before it
        if form.number == "singular" and prev not in _PLURAL_DETERMINERS and (
            prev in _SINGULAR_DETERMINERS or not _looks_plural(tokens, j)
        ):
            head = low[:-1] if form.genitive else low
            modifier = head[: len(head) - len(noun.singular or head)]
            repeat = modifier + (noun.definite or head) if noun.definite else f"den {head}"
            if prev in _SINGULAR_DETERMINERS:
                return Antecedent(f"{tokens[j - 1].lower} {tok.text}", repeat, ablock.block.index, j - 1)
            return Antecedent(tok.text.lower() if tok.is_sent_start else tok.text, repeat, ablock.block.index, j)
    return None


_MAN_SINGULAR = ("mannens", "mannen", "mans", "man")


def _man_title(ablock: AnalyzedBlock, tok: Token) -> str | None:
    """``tok`` is a singular title on *-man* (kontaktman, tjänstemannen): what to repeat instead."""
    low = tok.lower
    if not low.endswith(_MAN_SINGULAR) or low in ("man", "mans"):
        return None
    word = parse_man_word(low)
    if word is None or word.ending not in _MAN_SINGULAR or _is_name(ablock, tok):
        return None
    if tok.is_title and not word.attested and not word.definite_or_plural:
        return None  # Bergman, Lindman at the start of a sentence: a surname
    return f"{word.modifier.rstrip('-')}personen"


def _agent_noun(low: str) -> bool:
    """A singular role noun (lokalvårdare, ingenjör, arbetsterapeut), not a comparative (tydligare)."""
    if len(low) < 5 or not low.isalpha() or person_head(low):
        return False
    if low.endswith("are") and lemma(low) != low:
        return False  # "en tydligare bild": a comparative
    return role_noun(low)


def _blocks_reference(ablock: AnalyzedBlock, tok: Token, sex: str) -> bool:
    """Does ``tok`` show that a specific person is meant (name, sexed noun, other pronoun)?"""
    low = tok.lower
    if low in SEX_SPECIFIC_SINGULAR or low in _SEX_MARKERS:
        return True  # "mamman", "en ny manlig tekniker": the nearer person has a known sex
    if low == "man" and tok.i > 0:
        before = ablock.tokens[tok.i - 1].lower
        if before in ("en", "ung", "ensam") or before.endswith(("ig", "årig", "are", "gammal", "äldre", "yngre", "stående")):
            return True  # "en man", "en 45-årig man": the noun, not the pronoun
    if low in _PRONOUNS and _PRONOUNS[low][0] != sex and _pair_partner(ablock.tokens, tok.i) is None:
        return True
    return _is_name(ablock, tok)


_SEX_MARKERS = frozenset(
    {"kvinnlig", "kvinnliga", "kvinnligt", "kvinnlige", "manlig", "manliga", "manligt", "manlige"}
)


def _sex_marked(tokens: list[Token], first: int, head: int) -> bool:
    """Is the noun phrase ``tokens[first..head]`` marked for sex ("en ny manlig tekniker")?

    Then the pronoun after it is not generic: the writer has said which sex the
    person has (whether that marking is needed is the gender-marking rule's question).
    """
    return any(t.lower in _SEX_MARKERS for t in tokens[max(first - 3, 0) : head])


def _names_before(ablock: AnalyzedBlock, start: int, head: int) -> bool:
    """Does a person's name stand earlier in the same sentence span as the antecedent?

    "Grattis till Lena Ek, som har utsetts till årets chef. Hon …": the pronoun is
    about the named person, not about an unspecified chef.
    """
    return any(_is_name(ablock, t) for t in ablock.tokens[start:head])


_REFLEXIVES = frozenset({"sig", "sin", "sitt", "sina"})
#: Words that open a new clause: a pronoun after one may refer back to the subject before it.
_CLAUSE_OPENERS = frozenset(
    {",", ";", ":", "att", "om", "när", "eftersom", "innan", "vad", "där", "hur", "ifall", "medan", "och", "men", "som", "vilket", "vilken"}
)


_SUBORDINATORS = frozenset({"om", "när", "eftersom", "innan", "ifall", "att", "då", "sedan", "medan", "för", "som"})
#: Modals and common finite verbs next to a main-clause subject.
_FINITE = frozenset(
    {"ska", "skall", "bör", "måste", "kan", "får", "vill", "har", "är", "ger", "gör", "tar", "brukar", "behöver"}
)


def _same_clause_object(tokens: list[Token], head: int, pronoun: Token) -> bool:
    """Is ``pronoun`` an object pronoun with no new clause begun since the noun at ``head``?

    A Swedish object pronoun does not refer to the subject of its own clause (that
    would be *sig*): in "handläggaren bör ge honom tid" *honom* is somebody else, and
    in "den som behöver kan vända sig till henne" *sig* takes up the subject, so
    *henne* is another person.
    """
    if _PRONOUNS.get(pronoun.lower, ("", ""))[1] != "obj":
        return False
    return _CLAUSE_OPENERS.isdisjoint(t.lower for t in tokens[head + 1 : pronoun.i])


def _main_subject(tokens: list[Token], head: int) -> bool:
    """Is the noun at ``head`` the subject of a main clause (next to its finite verb)?

    "Handläggaren ska ge honom …", "… bör handläggaren ge honom": yes. Not "Om en elev
    behöver stöd ska skolan ge honom …", where the noun stands in a clause of its own.
    """
    start = tokens[head].i
    while start > 0 and tokens[start - 1].sent == tokens[head].sent:
        start -= 1
    if any(t.lower in _SUBORDINATORS for t in tokens[start:head]):
        return False
    before = tokens[head - 1].lower if head > start else ""
    after = tokens[head + 1].lower if head + 1 < len(tokens) else ""
    return head == start and after in _FINITE or before in _FINITE


def _window(document: AnalyzedDocument, bi: int, sent: int) -> list[tuple[AnalyzedBlock, int, int, tuple[int, int]]]:
    """The previous sentence as (block, token start, token end, key), possibly in the previous block."""
    ablock = document.blocks[bi]
    if sent > 0:
        s = ablock.sentences[sent - 1]
        return [(ablock, s.start, s.end, (bi, sent - 1))]
    j = bi - 1
    while j >= 0 and document.blocks[j].block.kind in (BlockKind.HEADER, BlockKind.FOOTER):
        j -= 1
    if j < 0 or not document.blocks[j].sentences:
        return []
    prev = document.blocks[j]
    s = prev.sentences[-1]
    return [(prev, s.start, s.end, (j, len(prev.sentences) - 1))]


def find_antecedent(
    document: AnalyzedDocument,
    bi: int,
    tok: Token,
    sex: str,
    chained: dict[tuple[int, int], Antecedent] | None = None,
) -> Antecedent | None:
    """The unspecified person ``tok`` (a pronoun in block ``bi``) refers to, or None."""
    ablock = document.blocks[bi]
    sentence = ablock.sentences[tok.sent]
    spans: list[tuple[AnalyzedBlock, int, int]] = [(ablock, sentence.start, tok.i)]
    previous = _window(document, bi, tok.sent)
    spans += [(b, s, e) for b, s, e, _ in previous]
    skip_until = -1
    for span_block, start, end in spans:
        tokens = span_block.tokens
        for j in range(end - 1, start - 1, -1):
            if span_block is ablock and j == skip_until:
                continue
            t = tokens[j]
            partner = _pair_partner(tokens, j)
            if partner is not None:
                continue
            if _blocks_reference(span_block, t, sex):
                return None
            found = _antecedent_at(span_block, j)
            if found is not None:
                if _sex_marked(tokens, found.token, j) or _names_before(span_block, start, found.token):
                    return None  # "en manlig tekniker … Han", "Lena Ek … årets chef. Hon"
                if span_block is ablock and _same_clause_object(tokens, j, tok):
                    if not _REFLEXIVES.isdisjoint(t.lower for t in tokens[j + 1 : tok.i]):
                        return None  # "den som behöver kan vända sig till henne": henne is someone else
                    if _main_subject(tokens, j):
                        continue  # "handläggaren bör ge honom tid": honom is somebody before
                return found
    # a chain ("Sökanden … han … . Han ska också …") carries over only to a pronoun at the
    # start of its sentence, where it is the subject and no other person has come up
    if chained is not None and tok.i - sentence.start <= 3:
        for _, _, _, key in previous:
            if key in chained:
                return chained[key]
        key = (bi, tok.sent)
        if key in chained:
            return chained[key]
    return None


def _pronoun_suggestions(low: str, antecedent: Antecedent, kind: str) -> list[str]:
    _, case = _PRONOUNS[low]
    neutral = _NEUTRAL[case]
    female, male = (low, _OTHER[low]) if _PRONOUNS[low][0] == "f" else (_OTHER[low], low)
    both = f"{female} eller {male}"
    repeat = _repeat(antecedent, case)
    out: list[str] = []
    if kind == "ansokan":
        out.append("du (tilltala den som fyller i blanketten direkt)")
    out += [neutral]
    if case != "gen":
        out.append("den")
    out += [both, repeat, "skriv om meningen, till exempel i plural"]
    return out


#: "sökanden och hans fru": a possessive or a generic person's genitive and a spouse of the
#: other sex. ``stereotyp/antagen-partner`` reports these words; the pronoun rules leave them
#: to it, so that one assumption gives one finding.
_PARTNER_OF: dict[str, frozenset[str]] = {
    "hans": frozenset({"fru", "frun", "frus", "hustru", "hustrun", "hustrus", "maka", "makas", "fruar"}),
    "hennes": frozenset({"man", "mans", "make", "makes", "maken"}),
}
_ANY_PARTNER = _PARTNER_OF["hans"] | _PARTNER_OF["hennes"]
_GENERIC_GENITIVES = frozenset(
    {
        "dennes", "sökandens", "sökandes", "enskildes", "hyresgästens", "låntagarens", "arbetstagarens",
        "medlemmens", "kundens", "brukarens", "klientens", "fastighetsägarens", "byggherrens", "försäkrades",
    }
)
_PARTNER_ALTERNATIVES = frozenset({"eller", "/", "respektive", "alternativt", "el.", "resp."})
_NEUTRAL_PARTNERS = frozenset({"sambo", "sambon", "sambos", "partner", "partnern", "partners", "registrerad"})


def partner_assumed(ablock: AnalyzedBlock, i: int) -> bool:
    """Is ``tokens[i]`` the owner in "hans fru", "hennes man", "sökandens hustru" (no alternatives named)?"""
    tokens = ablock.tokens
    if i + 1 >= len(tokens):
        return False
    owner, partner = tokens[i].lower, tokens[i + 1].lower
    partners = _PARTNER_OF.get(owner, _ANY_PARTNER if owner in _GENERIC_GENITIVES else frozenset())
    if partner not in partners:
        return False
    if i + 2 < len(tokens) and tokens[i + 2].lower in _PARTNER_ALTERNATIVES:
        return False
    sentence = ablock.sentence_of(tokens[i])
    return not any(t.lower in _NEUTRAL_PARTNERS for t in ablock.sentence_tokens(sentence))


def _iter_text_blocks(document: AnalyzedDocument) -> Iterator[tuple[int, AnalyzedBlock]]:
    for bi, ablock in enumerate(document.blocks):
        if ablock.block.kind in (BlockKind.HEADER, BlockKind.FOOTER):
            continue
        yield bi, ablock


def _iter_pronouns(document: AnalyzedDocument, words: dict[str, object]) -> Iterator[tuple[int, AnalyzedBlock, Token, Token | None]]:
    """(block index, block, token, next token) for each unquoted token in ``words`` outside headers and footers.

    Owners of an assumed partner ("sökanden och hans fru") are left out:
    ``stereotyp/antagen-partner`` reports them, so one assumption gives one finding.
    """
    for bi, ablock in _iter_text_blocks(document):
        tokens = ablock.tokens
        for tok in tokens:
            if tok.lower not in words or tok.in_quotes or partner_assumed(ablock, tok.i):
                continue
            yield bi, ablock, tok, tokens[tok.i + 1] if tok.i + 1 < len(tokens) else None


def _repeat(antecedent: Antecedent, case: str) -> str:
    """The antecedent to repeat instead of the pronoun, in the genitive for a genitive pronoun."""
    return antecedent.repeat + ("s" if case == "gen" and not antecedent.repeat.endswith("s") else "")


@code_rule(
    id="pronomen/generiskt-han",
    category="generic-masculine",
    severity="warning",
    message="”han” syftar på en person vars kön inte är känt; skriv könsneutralt.",
    suggestions=["hen", "den", "hon eller han", "skriv om meningen, till exempel i plural"],
    rationale="""När texten handlar om en person i allmänhet – den sökande, eleven, patienten –
utesluter ”han” (eller ”hon”) alla som inte har det könet, och texten utgår från att den
typiska sökanden är en man. Språkrådet avråder från generiskt han och lika mycket från
generiskt hon. Skriv hen, den, han eller hon, upprepa ordet, skriv i plural eller
formulera om meningen. I blanketter är det bäst att tilltala läsaren med du.""",
    source=_SOURCE,
    url=_URL,
    limitations="""Regeln letar efter en person i samma eller föregående mening och hoppar över
pronomen när ett namn, ett ord som anger kön (kvinnan, pappan) eller ett pronomen av andra
könet står emellan: då avses troligen en bestämd person. Långa kedjor av pronomen som
syftar flera meningar bakåt hittas bara om varje mening har ett markerat pronomen.""",
    flag=[
        "Sökanden ska bifoga intyg om han har ett eget företag.",
        "Den enskilde ska informeras om beslutet. Hans synpunkter ska dokumenteras.",
        "Om eleven är sjuk ska vårdnadshavaren meddela skolan innan hon kommer tillbaka.",
        {"text": "Sökanden ska skriva under ansökan. Han ska också bifoga ett utdrag ur registret.", "kind": "ansokan", "count": 1},
        "Varje medarbetare ska ha ett utvecklingssamtal med sin chef där han får återkoppling.",
    ],
    pass_=[
        "Sökanden ska bifoga intyg om han eller hon har ett eget företag.",
        "Kommunchef Anna Berg presenterade förslaget. Hon betonade vikten av samverkan.",
        "Sökanden ska bifoga intyg om hen har ett eget företag.",
        "Om man behöver hjälp kan man kontakta kundtjänst.",
        "Eleven ska berätta för sin mamma att hon behöver skriva under.",
        "Han var en av de första som anmälde sig.",
        "Sökanden ska bifoga intyg om han/hon har ett eget företag.",
    ],
)
def generic_pronoun(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """Generic han/hon about an unspecified person."""
    chained: dict[tuple[int, int], Antecedent] = {}
    for bi, ablock, tok, nxt in _iter_pronouns(document, _PRONOUNS):
        low = tok.lower
        if _pair_partner(ablock.tokens, tok.i) is not None:
            continue
        if low == "hans" and (not tok.is_sent_start and tok.is_title or (nxt is not None and nxt.is_title)):
            continue  # the first name Hans
        sex = _PRONOUNS[low][0]
        antecedent = find_antecedent(document, bi, tok, sex, chained)
        if antecedent is None:
            continue
        chained[(bi, tok.sent)] = antecedent
        generic = "generiskt han" if sex == "m" else "generiskt hon"
        message = (
            f"”{tok.text}” syftar på en person vars kön inte är känt (”{antecedent.text}”); "
            f"undvik {generic} och skriv könsneutralt."
        )
        yield ctx.finding(
            ablock, tok.start, tok.end, message=message,
            suggestions=_pronoun_suggestions(low, antecedent, document.kind),
        )


@code_rule(
    id="pronomen/han-snedstreck-hon",
    category="generic-masculine",
    severity="info",
    message="”han/hon” med snedstreck är svårläst; skriv hellre ”hon eller han”, hen eller formulera om.",
    suggestions=["hon eller han", "hen", "skriv om meningen, till exempel i plural"],
    rationale="""Snedstrecksformer som han/hon och hans/hennes stör läsningen och ser ut som ett
formulär. Skriv ut ”hon eller han” när könet spelar roll, använd hen, eller formulera om så
att pronomenet inte behövs.""",
    source="Textfixarna; Isof, Frågelådan svar 77439",
    url=_URL,
    flag=[
        "Sökanden ska bifoga intyg om han/hon har ett eget företag.",
        "Eleven och hans/hennes vårdnadshavare kallas till mötet.",
        "Patienten ska informeras om att hon / han kan överklaga.",
    ],
    pass_=[
        "Sökanden ska bifoga intyg om hon eller han har ett eget företag.",
        "Patienten ska informeras om att hen kan överklaga.",
        "Avgiften är 200 kr/månad.",
    ],
)
def slash_pronoun(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """han/hon, hon/han, hans/hennes …"""
    for _, ablock in _iter_text_blocks(document):
        tokens = ablock.tokens
        for i in range(len(tokens) - 2):
            first, mid, last = tokens[i], tokens[i + 1], tokens[i + 2]
            if mid.text not in _SLASHES or first.lower not in _PRONOUNS or last.lower not in _PRONOUNS:
                continue
            if _PRONOUNS[first.lower][0] == _PRONOUNS[last.lower][0]:
                continue
            if i > 0 and tokens[i - 1].text in _SLASHES:
                continue  # the second half of "han/hon/hen" is already reported
            written = ablock.block.text[first.start : last.end]
            pair = f"{first.lower} eller {last.lower}"
            if _PRONOUNS[first.lower][0] == "m":
                pair = f"{last.lower} eller {first.lower}"
            yield ctx.finding(
                ablock, first.start, last.end,
                message=f"”{written}” med snedstreck är svårläst; skriv hellre ”{pair}”, hen eller formulera om.",
                suggestions=[pair, _NEUTRAL[_PRONOUNS[first.lower][1]], "skriv om meningen, till exempel i plural"],
            )


_DENNE = {"denne": "subj", "dennes": "gen", "denna": "subj"}
_DENNA_PRONOUN_NEXT = frozenset(
    {"själv", "och", "eller", "ska", "skall", "har", "är", "kan", "får", "inte", "vill", "bör", "måste", "behöver", "om"}
)


@code_rule(
    id="pronomen/denne",
    category="generic-masculine",
    severity="info",
    message="”denne” är inte könsneutralt; skriv hen, den eller upprepa ordet.",
    suggestions=["hen", "den", "upprepa ordet", "skriv om meningen"],
    rationale="""Denne är den maskulina formen av pronomenet (denna den feminina), så det är inte
könsneutralt när det syftar på en person vars kön inte är känt. Det låter dessutom
kanslisvenska. Skriv hen, den, upprepa ordet eller formulera om.""",
    source=_SOURCE,
    url=_URL,
    limitations="”denna” markeras bara när det står som pronomen (”… kontakta denna.”), inte framför ett substantiv (”denna plan”).",
    flag=[
        "Handläggaren ska kontakta sökanden och meddela denne beslutet.",
        "Den enskilde har rätt att ta del av dennes journal.",
    ],
    pass_=[
        "Handläggaren ska kontakta sökanden och meddela hen beslutet.",
        "Denna plan gäller från och med 1 januari.",
        "Beslutet skickas till denne.",
    ],
)
def denne_pronoun(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """denne/dennes about an unspecified person."""
    for bi, ablock, tok, nxt in _iter_pronouns(document, _DENNE):
        low = tok.lower
        if low == "denna" and nxt is not None and nxt.is_alpha and nxt.lower not in _DENNA_PRONOUN_NEXT:
            continue  # "denna plan": a determiner
        antecedent = find_antecedent(document, bi, tok, "m")
        if antecedent is None:
            continue
        case = _DENNE[low]
        repeat = _repeat(antecedent, case)
        yield ctx.finding(
            ablock, tok.start, tok.end,
            message=f"”{tok.text}” syftar på ”{antecedent.text}” och är inte könsneutralt; skriv hen, den eller upprepa ordet.",
            suggestions=[_NEUTRAL[case], *(["den"] if case != "gen" else []), repeat, "skriv om meningen"],
        )


#: -e forms of adjectives and participles with a neutral -a form (den anställde -> den anställda).
#: Not here: den enskilde and den skyldige (fixed forms), -ade/-ande participles (no -a/-e pair).
_E_FORMS: dict[str, str] = {
    "anställde": "anställda",
    "unge": "unga",
    "gamle": "gamla",
    "sjuke": "sjuka",
    "inskrivne": "inskrivna",
    "förtroendevalde": "förtroendevalda",
    "nyanlände": "nyanlända",
    "avlidne": "avlidna",
    "omyndige": "omyndiga",
    "arbetslöse": "arbetslösa",
    "berörde": "berörda",
    "döde": "döda",
    "äldste": "äldsta",
    "yngste": "yngsta",
}
_E_COMPOUND_HEADS = ("anställde",)


#: -e words after "den" that are not the masculine form of an adjective used as a noun:
#: ordinals and pronoun-like words (den andre, den förste, den samme), and fixed forms.
_NOT_E_FORMS = frozenset(
    """andre förste tredje fjärde femte ende samme själve densamme förre lille store hele
    enskilde skyldige""".split()
)
#: What can follow an adjective used as a noun ("den anhörige som …", "den misstänkte ska …"):
#: not a noun, which would make it an ordinary attribute ("den unge mannen").
_NOMINAL_NEXT = frozenset(
    """som ska skall har hade är var blir blev kan kunde får fick vill måste bör behöver
    kommer brukar och eller samt inte själv själva i på till med av för från vid hos om
    under efter enligt genom utan mot ges erbjuds erbjudas tas""".split()
)


@lru_cache(maxsize=8192)
def _productive_e_form(word: str) -> str | None:
    """The neutral -a form of ``word`` when it is the -e form of an adjective or participle.

    The lemma table decides: *anhörige* and *anhöriga* share the lemma *anhörig*,
    *nyanställde* and *nyanställda* share *nyanställa*. Superlatives on *-aste*
    (den närmaste, den snabbaste) have -e for everyone and are left alone.
    """
    if len(word) < 4 or not word.endswith("e") or not word.isalpha() or word in _NOT_E_FORMS:
        return None
    if word.endswith("aste") or word.endswith(("ande", "ende")):
        return None  # superlatives; present participles (den sökande) have no -a/-e pair
    neutral = word[:-1] + "a"
    base = lemma(word)
    if base == word:
        return None  # unknown to the table
    if base == neutral or base == lemma(neutral):
        return neutral
    return None


def _nominal_adjective(low: str, nxt: Token | None) -> bool:
    """After "den": a participle or an -a adjective standing as a noun ("den drabbade som …",
    "den anhöriga ska …"), judged by the word after it (nothing noun-like)."""
    if nxt is None or not low.isalpha() or len(low) < 6 or (nxt.is_alpha and nxt.lower not in _NOMINAL_NEXT):
        return False
    if low.endswith(("ade", "ande", "ende")):
        return True  # den drabbade, den nyinflyttade, den vårdbehövande
    return low.endswith("a") and _productive_e_form(low[:-1] + "e") == low  # den anhöriga, den misstänkta


def _e_form(low: str, nxt: Token | None = None) -> tuple[str, str] | None:
    genitive = low.endswith("s") and not low.endswith("ss")
    word = low[:-1] if genitive else low
    if word in _E_FORMS:
        return word, _E_FORMS[word] + ("s" if genitive else "")
    for head in _E_COMPOUND_HEADS:
        if word.endswith(head) and len(word) - len(head) >= 2:
            return word, word[:-1] + "a" + ("s" if genitive else "")
    # any other adjective or participle, when it stands as a noun (nothing noun-like after it)
    if nxt is None or (nxt.is_alpha and nxt.lower not in _NOMINAL_NEXT):
        return None
    if genitive:
        return None  # "den anhöriges" would need a noun after it
    neutral = _productive_e_form(word)
    if neutral is None:
        return None
    return word, neutral


@code_rule(
    id="pronomen/e-form",
    category="generic-masculine",
    severity="info",
    message="”den anställde” med -e syftar på en man; skriv ”den anställda” när personen kan vara vem som helst.",
    suggestions=["den anställda", "den unga"],
    rationale="""I bestämd form kan adjektiv och particip sluta på -e när de syftar på en man
(den anställde) och på -a annars (den anställda). Språkrådet råder att välja -a när man är
osäker eller syftar på en person i allmänhet. Fasta uttryck som den enskilde och den
skyldige går bra, och den sökande har ingen -a/-e-form.""",
    source="Isof, Frågelådan svar 79535",
    url="https://frageladan.isof.se/visasvar.py?svar=79535",
    flag=[
        "Den anställde ska få skriftlig information om sina arbetsuppgifter.",
        "Arbetsgivaren ska samråda med den nyanställde och den unge om schemat.",
    ],
    pass_=[
        "Den anställda ska få skriftlig information om sina arbetsuppgifter.",
        "Den enskilde har rätt att överklaga beslutet.",
        "Den sökande ska bifoga intyg.",
        "Den unge mannen kom till mottagningen.",
    ],
)
def e_form(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """den anställde, den unge (generic) -> den anställda, den unga."""
    for _, ablock in _iter_text_blocks(document):
        tokens = ablock.tokens
        for tok in tokens[1:]:
            if tokens[tok.i - 1].lower != "den" or tok.in_quotes:
                continue
            nxt = tokens[tok.i + 1] if tok.i + 1 < len(tokens) else None
            found = _e_form(tok.lower, nxt)
            if found is None:
                continue
            if nxt is not None and (
                nxt.lower in MALE_GROUP or nxt.lower in SEX_SPECIFIC_SINGULAR or (nxt.is_title and not nxt.is_sent_start)
            ):
                continue  # "den unge mannen", "den avlidne Karl": a man is meant
            word, neutral = found
            det = tokens[tok.i - 1]
            yield ctx.finding(
                ablock, det.start, tok.end,
                message=f"”{det.text} {tok.text}” med -e syftar på en man; skriv ”{det.text.lower()} {neutral}” när personen kan vara vem som helst.",
                suggestions=[f"{det.text.lower()} {neutral}"],
            )


RULES = [generic_pronoun, slash_pronoun, denne_pronoun, e_form]
