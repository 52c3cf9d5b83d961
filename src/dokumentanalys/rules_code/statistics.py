"""Statistics about people that are not split by sex (category ``unsplit-statistics``).

What counts as a statistic about people:

- a count: a number of at least 10 followed by a person noun in the plural,
  with at most two adjectives between (*120 elever*, *1 200 tillsvidareanställda*,
  *cirka 15 000 studenter*, *320 nyanlända elever*);
- a share: *45 % av brukarna*, *hälften av eleverna*, *var tredje deltagare*,
  *varannan elev*, *tre av fyra patienter*, *andelen elever … 82 procent*;
- *antalet elever … 1 200*;
- a table whose header row or first column names a group of people
  (*Antal elever*, *Anställda*) over cells with numbers.

What does not: money, years and dates, law references (*SFS 2001:100*,
*3 kap. 1 §*), ages (*barn under 18 år*: the number follows the noun), counts of
things (*120 lägenheter*), limits and ratios (*högst 25 elever*, *20 elever per
lärare*), counts below 10 (small groups are often not split on purpose, to
protect the people in them), numbers about women or men (*64 kvinnor*) and
population goals (*110 000 invånare år 2035*).

A statistic is left alone when a split by sex is near: in the same or the two
neighbouring sentences, the previous or next block, or a table within two
blocks (*varav 64 flickor och 56 pojkar*, *kvinnor/män*, *fördelat på kön*,
columns *Kvinnor | Män | Totalt*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress
from typing import Iterator

from ..engine.rule import RuleContext, code_rule
from ..language.analyzed import AnalyzedBlock, AnalyzedDocument, Token
from ..model import BlockKind, Finding
from .people import FEMALE_GROUP, MALE_GROUP, SPLIT_PAIRS, PersonNoun, person_head

__all__ = ["RULES", "unsplit_statistics", "find_statistics", "Statistic", "has_sex_split", "is_year"]

_NUMBER = re.compile(r"^\d+(?:,\d+)?$")
#: Years, decades and year ranges ("2025", "1900-talet", "2026–2030"): dates, not figures.
_YEAR = re.compile(r"(1[89]|20)\d\d(-?tal(et|s)?|[–-](1[89]|20)\d\d)?:?")


#: A year written alone in a count position ("2026 elever" is a count; "2026" before anything else is not).
_BARE_YEAR = re.compile(r"(19|20)\d\d")


def is_year(text: str) -> bool:
    """Is this token a year, a decade or a range of years rather than a figure?"""
    return _YEAR.fullmatch(text) is not None

_PERCENT_TOKEN = re.compile(r"^(\d+(?:,\d+)?)%$")
_GROUP = re.compile(r"^\d{3}$")
_CELL_NUMBER = re.compile(r"^(?:ca\.?|cirka|drygt|knappt)?\s*(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,\d+)?\s*(%|procent)?$", re.I)

#: A number right after one of these is a reference, a date, a limit or a time, not a count.
_NOT_COUNT_BEFORE = frozenset(
    """kap. kap kapitel § §§ sfs sid sid. sidan sidorna s. nr nr. nummer mål målet punkt punkten
    bilaga bilagan tabell tabellen figur diagram år året åren årsskiftet tel tel. telefon dnr
    version steg artikel avsnitt del etapp rum vecka v. kl. kl klockan per högst max max.
    maximalt maximum minimum under dag dagar timme timmar""".split()
)
#: "minst"/"åtminstone" after these words sets a condition (*med minst 10 medlemmar*); other
#: large figures after "minst" are targets about people (*ska omfatta minst 5 000 personer*).
_CONDITION_BEFORE_AT_LEAST = frozenset({"med", "har", "ha", "haft", "av", "kräver", "krävs"})
_DETERMINERS = frozenset(
    """de alla samtliga våra dessa kommunens regionens skolans förvaltningens nämndens verksamhetens
    """.split()
)
#: Words that may stand between a number and its noun (adjectives, participles).
_NOT_MODIFIER = frozenset(
    """och eller av i på till för med om som är var har kan ska att en ett den det de
    kronor kr procent""".split()
)
_NUMBER_WORDS = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
    "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tjugo": 20, "hundra": 100,
}
_UNITS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9}
_TENS = {
    "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70,
    "åttio": 80, "nittio": 90,
}
#: Counts written as words, ten and up ("tolv elever", "tjugofem deltagare"). Not "hundra" and
#: "tusen" alone: as words they are round and mostly rhetorical ("omkring tusen medarbetare").
_COUNT_WORDS: dict[str, int] = {
    "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16,
    "sjutton": 17, "arton": 18, "nitton": 19,
    **_TENS,
    **{tens + unit: value + n for tens, value in _TENS.items() for unit, n in _UNITS.items() if unit != "en"},
}
#: Before a count word these make it a bound or a condition, not a figure about people
#: ("med minst tio medlemmar", "färre än tio anställda", "upp till tolv deltagare").
_BOUND_WORDS = frozenset(
    "av minst högst än till över under med maximalt åtminstone om".split()
)
_ORDINALS = frozenset("andra tredje fjärde femte sjätte sjunde åttonde nionde tionde".split())
_FRACTIONS = frozenset(
    """hälften hälft tredjedel tredjedelar fjärdedel fjärdedelar femtedel femtedelar tiondel
    tiondelar""".split()
)
_MULTIPLIERS = {"tusen": 1_000, "miljon": 1_000_000, "miljoner": 1_000_000}
_PERCENT_WORDS = frozenset({"%", "procent"})
_GOAL_WORDS = frozenset(
    """målet målvärde målvärdet målvärden målsättning målsättningen vision visionen prognos
    prognosen riktningen ambition ambitionen målbild målbilden indikator indikatorn""".split()
)
#: "ska/bör" + one of these within three words sets a target (*ska vara nöjda*, *ska öka till*).
_TARGET_VERBS = ("vara", "uppgå", "öka", "minska", "nå", "omfatta", "bered", "uppnå", "växa", "halver", "fördubbl")
_MIN_COUNT = 10


@dataclass(frozen=True, slots=True)
class Statistic:
    """A figure about people: tokens ``[first, last]`` of ``ablock``."""

    ablock: AnalyzedBlock
    first: int
    last: int
    kind: str  # "count" | "share" | "table"
    noun: PersonNoun
    number: str = ""
    noun_text: str = ""

    @property
    def tokens_are_phrase(self) -> bool:
        """True for "antalet deltagare … 120": the example must be rebuilt from number and noun."""
        return self.ablock.tokens[self.first].lower in ("antalet", "antal") and bool(self.number)

    @property
    def start(self) -> int:
        return self.ablock.tokens[self.first].start

    @property
    def end(self) -> int:
        return self.ablock.tokens[self.last].end


def _plural_person(tok: Token) -> PersonNoun | None:
    if not tok.is_alpha and "-" not in tok.text:
        return None
    for form in person_head(tok.lower):
        if form.is_plural and "S" in form.noun.uses and not form.genitive:
            return form.noun
    return None


def _singular_person(tok: Token) -> PersonNoun | None:
    for form in person_head(tok.lower):
        if form.number == "singular" and "S" in form.noun.uses and not form.genitive:
            return form.noun
    return None


def _read_number(ablock: AnalyzedBlock, i: int) -> tuple[float, int, bool] | None:
    """``(value, last token index, is_integer)`` of a number starting at token ``i``."""
    tokens = ablock.tokens
    tok = tokens[i]
    if not _NUMBER.match(tok.text):
        return None
    text = ablock.block.text
    digits = tok.text
    last = i
    if "," not in digits and len(digits) <= 3:
        while (
            last + 1 < len(tokens)
            and _GROUP.match(tokens[last + 1].text)
            and text[tokens[last].end : tokens[last + 1].start] in (" ", "\u00a0", "\u202f")
        ):
            last += 1
            digits += tokens[last].text
    value = float(digits.replace(",", "."))
    if last + 1 < len(tokens) and tokens[last + 1].lower in _MULTIPLIERS:
        last += 1
        value *= _MULTIPLIERS[tokens[last].lower]
    return value, last, "," not in digits


def _noun_after(tokens: list[Token], j: int, max_mods: int = 2) -> tuple[PersonNoun, int] | None:
    """A plural person noun at ``tokens[j]`` or after up to ``max_mods`` adjectives."""
    for k in range(j, min(j + max_mods + 1, len(tokens))):
        tok = tokens[k]
        noun = _plural_person(tok)
        if noun is not None:
            # "de tillfrågade brukarna": the last of two person words is the head
            if k + 1 < len(tokens) and (following := _plural_person(tokens[k + 1])) is not None:
                return following, k + 1
            return noun, k
        if not (tok.is_alpha and tok.text.islower() and tok.lower.endswith(("a", "e")) and tok.lower not in _NOT_MODIFIER):
            return None
    return None


def _is_rule_or_capacity(tokens: list[Token], i: int) -> bool:
    """"Nämnden består av 11 ledamöter" (a composition rule), "plats för 120 elever" (capacity).

    Only a body's composition is a rule: "Personalgruppen består av 14 anställda" is a count.
    """
    before = [t.lower for t in tokens[max(0, i - 3) : i]]
    if before[-1:] == ["av"] and any(w in ("består", "bestå", "utgörs", "utgöras") for w in before):
        subject = [t.lower for t in tokens[max(0, i - 8) : i]]
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if nxt.startswith(("ledam", "ersättar")) or any(w.startswith(_BODIES) for w in subject):
            return True
    return before[-1:] == ["för"] and any(w in _CAPACITY for w in before[:-1])


#: Decision-making bodies whose composition a rule sets ("styrelsen består av 7 ledamöter").
_BODIES = ("nämnd", "styrelse", "utskott", "fullmäktige", "kommitté", "beredning", "presidi", "råd", "delegation")
_CAPACITY = frozenset({"plats", "platser", "kapacitet", "utrymme", "dimensionerad", "dimensionerat", "anpassad", "anpassat", "byggd", "byggt"})


def _earlier_person(ablock: AnalyzedBlock, i: int) -> tuple[PersonNoun, str] | None:
    """The nearest plural person noun before token ``i`` in its sentence."""
    sentence = ablock.sentence_of(ablock.tokens[i])
    for k in range(i - 1, sentence.start - 1, -1):
        noun = _plural_person(ablock.tokens[k])
        if noun is not None:
            return noun, ablock.tokens[k].text
    return None


#: "900 barn per år" is a count over a period; "2 lärare per klass" is a ratio.
_PERIODS = frozenset({"år", "året", "termin", "terminen", "läsår", "läsåret", "månad", "månaden", "vecka", "veckan", "dag", "säsong"})


def _ratio_after(tokens: list[Token], k: int) -> bool:
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is None or not (nxt.lower == "per" or nxt.text == "/"):
        return False
    after = tokens[k + 2].lower if k + 2 < len(tokens) else ""
    return after not in _PERIODS


def _is_target(ablock: AnalyzedBlock, tok: Token, noun: PersonNoun) -> bool:
    """A goal or target value, not an outcome: *80 procent av deltagarna ska vara nöjda*,
    *ambitionen är att minst 500 personer …*, *110 000 invånare år 2035*."""
    sentence = ablock.sentence_tokens(ablock.sentence_of(tok))
    lows = [t.lower for t in sentence]
    if any(w in _GOAL_WORDS for w in lows):
        return True
    for i, low in enumerate(lows):
        if low in ("ska", "skall", "bör") and any(w.startswith(_TARGET_VERBS) for w in lows[i + 1 : i + 4]):
            return True
    if noun.base in ("invånare", "medborgare"):
        return any(
            t.lower == "år" and i + 1 < len(sentence) and re.fullmatch(r"20[3-9]\d", sentence[i + 1].text)
            for i, t in enumerate(sentence)
        )
    return False


#: Lower-case words a statistic can start with (besides numbers): a token that is
#: neither one of these nor starts with a digit starts nothing, so it is skipped.
_STARTS = frozenset(
    {"var", "vart", "varannan", "vartannat", "andelen", "andel", "antalet", "antal"}
    | _FRACTIONS
    | set(_NUMBER_WORDS)
    | set(_COUNT_WORDS)
)


def _start_words(words: frozenset[str] | set[str]) -> frozenset[str]:
    """The words among ``words`` that can start a statistic."""
    return frozenset(w for w in words if w in _STARTS or w[:1].isdigit())


def _block_statistics(ablock: AnalyzedBlock, starts: frozenset[str] | None = None) -> Iterator[Statistic]:
    """Statistics in one block; ``starts`` is :func:`_start_words` of the document, when known."""
    tokens = ablock.tokens
    used: set[int] = set()
    n = len(tokens)
    if starts is None:
        starts = _start_words(ablock.words)
    candidates = list(compress(range(n), map(starts.__contains__, ablock.lowers)))
    if not candidates:
        return
    c = 0
    i = 0
    while True:
        # jump to the next token that can start a statistic (the others only do ``i += 1``)
        while c < len(candidates) and candidates[c] < i:
            c += 1
        if c == len(candidates):
            break
        i = candidates[c]
        tok = tokens[i]
        low = tok.lower
        prev = tokens[i - 1].lower if i > 0 else ""
        # "var tredje deltagare", "varannan elev"
        if low in ("var", "vart") and i + 2 < n and tokens[i + 1].lower in _ORDINALS:
            noun = _singular_person(tokens[i + 2])
            if noun is not None:
                yield Statistic(ablock, i, i + 2, "share", noun, noun_text=tokens[i + 2].text)
                used.update(range(i, i + 3))
                i += 3
                continue
        if low in ("varannan", "vartannat") and i + 1 < n:
            noun = _singular_person(tokens[i + 1])
            if noun is not None:
                yield Statistic(ablock, i, i + 1, "share", noun, noun_text=tokens[i + 1].text)
                used.update(range(i, i + 2))
                i += 2
                continue
        # "hälften av eleverna", "en tredjedel av de anställda"
        if low in _FRACTIONS and i + 1 < n and tokens[i + 1].lower == "av":
            j = i + 2
            while j < n and tokens[j].lower in _DETERMINERS:
                j += 1
            found = _noun_after(tokens, j)
            if found is not None:
                noun, k = found
                first = i - 1 if i > 0 and tokens[i - 1].lower in ("en", "två", "tre") and low != "hälften" else i
                yield Statistic(ablock, first, k, "share", noun, noun_text=tokens[k].text)
                used.update(range(first, k + 1))
                i = k + 1
                continue
        # "tre av fyra patienter", "7 av 10 elever"
        if i + 3 < n and tokens[i + 1].lower == "av" and (low in _NUMBER_WORDS or _NUMBER.match(tok.text)):
            second = tokens[i + 2]
            if second.lower in _NUMBER_WORDS or _NUMBER.match(second.text):
                found = _noun_after(tokens, i + 3)
                if found is not None:
                    noun, k = found
                    yield Statistic(ablock, i, k, "share", noun, noun_text=tokens[k].text)
                    used.update(range(i, k + 1))
                    i = k + 1
                    continue
        # "andelen elever … 82 procent", "antalet deltagare … 1 200"
        if low in ("andelen", "andel", "antalet", "antal") and prev not in ("ett", "stort", "visst"):
            found = _noun_after(tokens, i + 1)
            if found is not None and not _ratio_after(tokens, found[1]):
                noun, k = found
                sentence = ablock.sentence_of(tok)
                number_at = _sentence_figure(ablock, k + 1, sentence.end, share=low.startswith("andel"))
                if number_at is not None and not _is_target(ablock, tok, noun):
                    figure = ablock.block.text[tokens[number_at.start].start : tokens[number_at.stop - 1].end]
                    last = number_at.stop - 1 if number_at.stop - 1 - i <= 12 else k
                    yield Statistic(
                        ablock, i, last, "share" if low.startswith("andel") else "count", noun,
                        number=figure, noun_text=tokens[k].text,
                    )
                    used.update(range(i, k + 1))
                    used.update(number_at)
                    i = k + 1
                    continue
        # "tolv elever", "tjugofem nya medarbetare" (numbers under ten are too small to count)
        if low in _COUNT_WORDS and i not in used and prev not in _NOT_COUNT_BEFORE and prev not in _BOUND_WORDS:
            found = _noun_after(tokens, i + 1)
            if found is not None and not _ratio_after(tokens, found[1]) and not _is_target(ablock, tok, found[0]):
                noun, k = found
                yield Statistic(ablock, i, k, "count", noun, number=tok.text, noun_text=tokens[k].text)
                used.update(range(i, k + 1))
                i = k + 1
                continue
        # numbers
        if i not in used and (_NUMBER.match(tok.text) or _PERCENT_TOKEN.match(tok.text)):
            stat = _number_statistic(ablock, i, used)
            if stat is not None:
                yield stat
                used.update(range(stat.first, stat.last + 1))
                i = stat.last + 1
                continue
            # skip the rest of a grouped number ("1 200" must not yield "200 …")
            read = _read_number(ablock, i)
            if read is not None:
                i = read[1] + 1
                continue
        i += 1


def _sentence_figure(ablock: AnalyzedBlock, start: int, end: int, *, share: bool) -> range | None:
    """Token range of the first percentage (``share``) or count ≥ 10 in ``[start, end)``."""
    tokens = ablock.tokens
    i = start
    while i < end:
        tok = tokens[i]
        if share and _PERCENT_TOKEN.match(tok.text):
            return range(i, i + 1)
        read = _read_number(ablock, i)
        if read is not None:
            value, last, integer = read
            nxt = tokens[last + 1].lower if last + 1 < len(tokens) else ""
            if share and nxt in _PERCENT_WORDS:
                return range(i, last + 2)
            year = integer and last == i and _BARE_YEAR.fullmatch(tokens[i].text) is not None
            if not share and integer and not year and value >= _MIN_COUNT and nxt not in ("år", "%", "procent", "kr", "kronor"):
                if i == 0 or tokens[i - 1].lower not in _NOT_COUNT_BEFORE:
                    return range(i, last + 1)
            i = last + 1
            continue
        i += 1
    return None


def _number_statistic(ablock: AnalyzedBlock, i: int, used: set[int]) -> Statistic | None:
    tokens = ablock.tokens
    tok = tokens[i]
    prev = tokens[i - 1].lower if i > 0 else ""
    if prev == "dag" and i > 1 and tokens[i - 2].lower == "i":
        prev = "i dag"  # the adverb "today" ("har i dag 420 brukare"), not "dag 14"
    if prev in _NOT_COUNT_BEFORE or (prev == "till" and i > 1 and tokens[i - 2].lower == "upp"):
        return None
    at_least = prev in ("minst", "åtminstone")
    if _is_rule_or_capacity(tokens, i):
        return None
    percent = _PERCENT_TOKEN.match(tok.text)
    if percent:
        value, last, integer = float(percent.group(1).replace(",", ".")), i, False
        is_share = True
    else:
        read = _read_number(ablock, i)
        if read is None:
            return None
        value, last, integer = read
        is_share = last + 1 < len(tokens) and tokens[last + 1].lower in _PERCENT_WORDS
        if is_share:
            last += 1
    if is_share:
        j = last + 1
        if j < len(tokens) and tokens[j].lower == "av":
            j += 1
            if j < len(tokens) and (
                tokens[j].lower == "dem"
                or (tokens[j].lower == "dessa" and (j + 1 >= len(tokens) or _plural_person(tokens[j + 1]) is None))
            ):
                # "212 företagare svarade, och 61 procent av dem …": the noun came earlier
                earlier = _earlier_person(ablock, i)
                if earlier is not None:
                    return Statistic(ablock, i, j, "share", earlier[0], noun_text=earlier[1])
                return None
        while j < len(tokens) and tokens[j].lower in _DETERMINERS:
            j += 1
        found = _noun_after(tokens, j)
        if found is None:
            return None
        noun, k = found
        if _is_target(ablock, tok, noun):
            return None
        return Statistic(ablock, i, k, "share", noun, noun_text=tokens[k].text)
    if not integer or value < _MIN_COUNT:
        return None
    if at_least and (value < 100 or (i > 1 and tokens[i - 2].lower in _CONDITION_BEFORE_AT_LEAST)):
        return None  # "föreningar med minst 10 medlemmar": a condition, not a figure
    # a year ("2026 elever" is a count; "2026" before anything else is not)
    if _BARE_YEAR.fullmatch(tokens[i].text) and last == i:
        found = _noun_after(tokens, last + 1, max_mods=0)
    else:
        found = _noun_after(tokens, last + 1)
    if found is None:
        return None
    noun, k = found
    if _ratio_after(tokens, k) or _is_target(ablock, tok, noun):
        return None
    number = ablock.block.text[tok.start : tokens[last].end]
    return Statistic(ablock, i, k, "count", noun, number=number, noun_text=tokens[k].text)


# -- is the figure split by sex somewhere near? --------------------------------------


#: Words for women and men as groups; not the singular (*en kvinnlig ordförande* splits nothing).
_SEX_WORDS = (FEMALE_GROUP | MALE_GROUP) - {
    "kvinna", "kvinnan", "kvinnans", "mannen", "mannens", "flicka", "flickan", "pojke", "pojken",
    "kvinnlig", "kvinnligt", "manlig", "manligt",
}
#: Words that make a sentence with women/men in it a figure (*hälften kvinnor*, *varav flest män*).
_FIGURE_WORDS = frozenset(
    """två tre fyra fem sex sju åtta nio tio hälften hälft majoriteten flertalet merparten andel
    andelen andelar procent % varav tredjedel tredjedelar fjärdedel fjärdedelar""".split()
)


def _split_phrase(tokens: list[Token], i: int) -> bool:
    """"könsuppdelad", "fördelat på kön", "per kön", "efter kön"."""
    low = tokens[i].lower
    if low.startswith(("könsuppdel", "könsfördel", "könsdiffer")):
        return True
    return low in ("kön", "könet") and i > 0 and tokens[i - 1].lower in ("per", "efter", "på")


def _sentence_split(tokens: list[Token]) -> bool:
    """A figure for women or men (a number next to *kvinnor*, *pojkar* …) or a split phrase."""
    return _lowers_split([t.lower for t in tokens])


def _lowers_split(lows: list[str]) -> bool:
    """:func:`_sentence_split` on the sentence's lower-case words."""
    for i, low in enumerate(lows):
        if low.startswith("kön") and (
            low.startswith(("könsuppdel", "könsfördel", "könsdiffer"))
            or (low in ("kön", "könet") and i > 0 and lows[i - 1] in ("per", "efter", "på"))
        ):
            return True
    if _SEX_WORDS.isdisjoint(lows):
        return False
    # "Enligt enkäten 2025 är pojkar oftare …" compares, it gives no figure: years do not count
    return any(w in _FIGURE_WORDS or (any(c.isdigit() for c in w) and not is_year(w)) for w in lows)


def has_sex_split(
    ablock: AnalyzedBlock,
    first_sentence: int = 0,
    last_sentence: int | None = None,
    cache: dict[tuple[int, int], bool] | None = None,
) -> bool:
    """Does a sentence of ``ablock`` (sentences ``first..last``) give a figure split by sex?

    Naming women or men is not enough (*utvecklingen har varit likartad för kvinnor och män*
    splits nothing): the sentence must give a figure for them or say the figures are split.
    ``cache`` remembers the answer per (block, sentence) for the document.
    """
    last = len(ablock.sentences) - 1 if last_sentence is None else last_sentence
    lowers = ablock.lowers
    first = max(first_sentence, 0)
    for n, sentence in enumerate(ablock.sentences[first_sentence : last + 1], start=first):
        if cache is None:
            found = _lowers_split(lowers[sentence.start : sentence.end])
        else:
            key = (id(ablock), n)
            found = cache.get(key)  # type: ignore[assignment]
            if found is None:
                found = cache[key] = _lowers_split(lowers[sentence.start : sentence.end])
        if found:
            return True
    return False


_SEX_CELLS = frozenset({"k", "m", "kv", "kvinna", "kvinnor", "man", "män", "flickor", "pojkar", "flicka", "pojke", "tjejer", "killar", "kön"})


def _table_has_split(document: AnalyzedDocument, cells: list[int]) -> bool:
    for bi in cells:
        ablock = document.blocks[bi]
        text = ablock.block.text.strip().lower().rstrip(".:")
        if text in _SEX_CELLS or any(t.lower in _SEX_WORDS for t in ablock.tokens) or has_sex_split(ablock):
            return True
    return False


#: Words that tie a split to a figure given before it ("av dem", "varav", "av dessa").
_BACK_REFERENCES = frozenset({"dem", "dessa", "varav", "därav"})


def _sex_counts(ablock: AnalyzedBlock, start: int, end: int) -> list[float]:
    """The counts written right before a women/men word: "35 kvinnor och 6 män" gives [35, 6]."""
    tokens = ablock.tokens
    counts: list[float] = []
    for k in range(start, end):
        if tokens[k].lower not in _SEX_WORDS or k == start:
            continue
        j = k - 1
        while j > start and _NUMBER.match(tokens[j - 1].text) and _GROUP.match(tokens[j].text):
            j -= 1  # "1 200 kvinnor": back to the first group of digits
        read = _read_number(ablock, j)
        if read is not None and read[1] == k - 1:
            counts.append(read[0])
    return counts


def _figure_value(stat: Statistic) -> float | None:
    if stat.number.lower() in _COUNT_WORDS:
        return float(_COUNT_WORDS[stat.number.lower()])
    digits = "".join(c for c in stat.number if c.isdigit() or c == ",")
    try:
        return float(digits.replace(",", ".")) if digits else None
    except ValueError:
        return None


_OF_DETERMINERS = frozenset({"de", "alla", "samtliga", "våra", "kommunens", "regionens"})
_OF_STOPS = frozenset({"var", "är", "gick", "hade", "har", "fick", "blev", "som", "i", "till", "med"})


def _split_of_what(lows: list[str]) -> str | None:
    """What "av (de) X" a split sentence divides: a person noun's base, ``""`` for a thing.

    "Av de stödberättigade aktivitetstillfällena gick 61 procent till pojkar" splits
    sessions, not the members counted before it. ``None`` when the sentence has no
    such phrase.
    """
    for i, low in enumerate(lows):
        if low != "av":
            continue
        if i + 1 < len(lows) and lows[i + 1] in ("dem", "dessa", "dom"):
            return None  # "av dem", "av dessa": a back-reference, handled by the caller
        for k in range(i + 1, min(i + 5, len(lows))):
            word = lows[k]
            if word in _OF_DETERMINERS:
                continue
            if word in _OF_STOPS or any(c.isdigit() for c in word):
                break
            forms = person_head(word)
            if forms:
                return forms[0].noun.base
            if len(word) > 5 and word.endswith(("na", "en")):
                return ""  # a definite plural that names no people
        return None
    return None


def _covers(stat: Statistic, ablock: AnalyzedBlock, n: int, *, same_block: bool) -> bool:
    """Does sentence ``n`` of ``ablock`` split *this* figure by sex?

    A split of another figure nearby does not: "41 vuxna, varav 35 kvinnor och 6 män,
    samt 22 barn" leaves the 22 children unsplit, and a paragraph on girls' and boys'
    stress does not split the number of pupils who saw the counsellor. Counts split a
    count when they add up to it (within 5 %, for rounded figures); otherwise a split
    must stand in the same sentence, refer back ("av dem", "varav"), or name the same
    group of people.
    """
    sentence = ablock.sentences[n]
    lows = ablock.lowers[sentence.start : sentence.end]
    if not _lowers_split(lows):
        return False
    same_sentence = ablock is stat.ablock and ablock.tokens[stat.first].sent == n
    counts = _sex_counts(ablock, sentence.start, sentence.end)
    value = _figure_value(stat) if stat.kind == "count" else None
    if counts and value:
        if len(counts) >= 2:
            return abs(sum(counts) - value) <= max(1.0, 0.05 * value)
        return counts[0] <= value and (same_sentence or not _BACK_REFERENCES.isdisjoint(lows))
    about = _split_of_what(lows)
    if about is not None and not same_sentence:
        return about == stat.noun.base  # "Av de aktivitetstillfällen som … gick 61 procent till pojkar"
    if same_sentence or (same_block and not counts):
        return True
    if not _BACK_REFERENCES.isdisjoint(lows):
        return True
    base = stat.noun.base
    return any(form.noun.base == base for low in lows for form in person_head(low))


class _Context:
    """Which blocks and tables lie near a block, computed once per document."""

    def __init__(self, document: AnalyzedDocument) -> None:
        self.document = document
        self.tables: dict[int, list[int]] = {}
        for bi, ablock in enumerate(document.blocks):
            if ablock.block.kind == BlockKind.TABLE_CELL and ablock.block.table is not None:
                self.tables.setdefault(ablock.block.table, []).append(bi)
        self._table_split: dict[int, bool] = {}
        self.split_cache: dict[tuple[int, int], bool] = {}

    def table_split(self, table: int) -> bool:
        if table not in self._table_split:
            self._table_split[table] = _table_has_split(self.document, self.tables.get(table, []))
        return self._table_split[table]

    def _neighbour(self, bi: int, step: int) -> int | None:
        blocks = self.document.blocks
        j = bi + step
        while 0 <= j < len(blocks) and blocks[j].block.kind in (BlockKind.HEADER, BlockKind.FOOTER):
            j += step
        return j if 0 <= j < len(blocks) else None

    def _outside_table(self, bi: int, step: int) -> int | None:
        """First block before (step -1) or after (+1) the table that holds ``bi``."""
        table = self.document.blocks[bi].block.table
        cells = self.tables.get(table, [bi]) if table is not None else [bi]
        edge = min(cells) if step < 0 else max(cells)
        return self._neighbour(edge, step)

    def split_near(self, stat: Statistic) -> bool:
        document = self.document
        ablock = stat.ablock
        bi = ablock.block.index
        # same block: the statistic's sentence and two on either side
        sent = ablock.tokens[stat.first].sent
        if has_sex_split(ablock, max(0, sent - 2), sent + 2, self.split_cache) and any(
            _covers(stat, ablock, n, same_block=True)
            for n in range(max(0, sent - 2), min(sent + 3, len(ablock.sentences)))
        ):
            return True
        table = ablock.block.table if ablock.block.kind == BlockKind.TABLE_CELL else None
        if table is not None:
            if self.table_split(table):
                return True
            neighbours = [self._outside_table(bi, -1), self._outside_table(bi, 1)]
        else:
            neighbours = [self._neighbour(bi, -1), self._neighbour(bi, 1)]
        for j in neighbours:
            if j is None:
                continue
            other = document.blocks[j]
            if other.block.kind == BlockKind.TABLE_CELL and other.block.table is not None:
                if self.table_split(other.block.table):
                    return True
            elif has_sex_split(other, cache=self.split_cache) and any(
                _covers(stat, other, n, same_block=False) for n in range(len(other.sentences))
            ):
                return True
        # a table within two blocks (a caption or a short heading may stand between)
        for step in (-1, 1):
            j = bi
            for _ in range(2):
                j = self._neighbour(j, step) if j is not None else None
                if j is None:
                    break
                other = document.blocks[j].block
                if other.kind == BlockKind.TABLE_CELL and other.table is not None and other.table != table:
                    if self.table_split(other.table):
                        return True
                    break
                if len(other.text) > 120:
                    break  # a paragraph, not a caption, stands between: that table is about something else
        return False


# -- tables ------------------------------------------------------------------------------

_MONEY = frozenset("kr kronor tkr mnkr msek sek kostnad kostnader belopp euro €".split())


def _cell_number(text: str) -> tuple[float, bool] | None:
    m = _CELL_NUMBER.match(text.strip())
    if not m:
        return None
    digits = re.sub(r"[ \u00a0\u202f]", "", m.group(1))
    return float(digits), bool(m.group(2))


def _table_statistics(document: AnalyzedDocument, context: _Context) -> Iterator[Statistic]:
    """One statistic per table whose header row or first column names people over numbers.

    The statistic is anchored on the first such header cell; the others are listed in
    :attr:`Statistic.number` (as "also") for the message.
    """
    for table, cells in context.tables.items():
        by_pos = {(document.blocks[bi].block.row, document.blocks[bi].block.column): bi for bi in cells}
        headers: list[tuple[AnalyzedBlock, PersonNoun, str]] = []
        for bi in cells:
            ablock = document.blocks[bi]
            row, col = ablock.block.row, ablock.block.column
            if row is None or col is None or (row != 0 and col != 0):
                continue
            if _cell_number(ablock.block.text) is not None:
                continue
            lows = [t.lower for t in ablock.tokens]
            if any(w in _MONEY or w == "per" or w == "/" for w in lows):
                continue
            person = next(((t, n) for t in ablock.tokens if (n := _plural_person(t)) is not None), None)
            if person is None:
                continue
            tok, noun = person
            if row == 0:
                data = [by_pos[p] for p in by_pos if p[1] == col and (p[0] or 0) > 0]
            else:
                data = [by_pos[p] for p in by_pos if p[0] == row and (p[1] or 0) > 0]
            numbers = [n for b in data if (n := _cell_number(document.blocks[b].block.text)) is not None]
            if not numbers or not any(v >= _MIN_COUNT or pct for v, pct in numbers):
                continue
            headers.append((ablock, noun, ablock.block.text.strip()))
        if headers:
            first, noun, _ = headers[0]
            groups = tuple(dict.fromkeys(h[1].group for h in headers))
            yield Statistic(
                first, 0, len(first.tokens) - 1, "table", noun,
                number=" | ".join(h[2] for h in headers[1:3]), noun_text=",".join(groups),
            )


# -- the rule ----------------------------------------------------------------------------


def find_statistics(document: AnalyzedDocument) -> list[Statistic]:
    """Every statistic about people in ``document`` (split or not)."""
    stats: list[Statistic] = []
    starts = _start_words(document.vocabulary)
    for ablock in document.blocks:
        if ablock.block.kind in (BlockKind.HEADER, BlockKind.FOOTER):
            continue
        stats.extend(
            stat for stat in _block_statistics(ablock, starts)
            if not _is_target(ablock, ablock.tokens[stat.first], stat.noun)
        )
    return stats


def _pair(noun: PersonNoun) -> tuple[str, str, str, str]:
    return SPLIT_PAIRS.get(noun.group, SPLIT_PAIRS["vuxen"])


def _message(stat: Statistic) -> tuple[str, list[str]]:
    female, male, female_def, male_def = _pair(stat.noun)
    written = stat.ablock.block.text[stat.start : stat.end]
    if stat.kind == "table":
        cell = stat.ablock.block.text.strip()
        also = f" (och {stat.number})" if stat.number else ""
        groups = stat.noun_text.split(",")
        if groups == ["barn"]:
            columns = "Flickor | Pojkar | Totalt"
        elif "barn" in groups:
            columns = "Kvinnor | Män | Totalt (Flickor | Pojkar för barn)"
        else:
            columns = "Kvinnor | Män | Totalt"
        return (
            f"Tabellen redovisar ”{cell}”{also} utan uppdelning på kön.",
            [
                f"Dela upp siffrorna på kön, till exempel med kolumnerna {columns}.",
                "Om det finns särskilda skäl att inte dela upp siffrorna, till exempel att grupperna är så små att personer kan identifieras, skriv det under tabellen.",
            ],
        )
    if stat.kind == "share":
        return (
            f"”{written}” redovisas inte för {female} och {male} var för sig.",
            [
                f"Redovisa andelen för {female} och {male} var för sig, till exempel: X % av {female_def} och Y % av {male_def}.",
                "Kommentera skillnaderna mellan könen, om det finns några.",
            ],
        )
    example = f"{stat.number} {stat.noun_text}" if stat.tokens_are_phrase else written
    return (
        f"”{written}” redovisas inte uppdelat på kön.",
        [
            f"Redovisa till exempel: {example}, varav X {female} och Y {male}.",
            "Om det finns särskilda skäl att inte dela upp siffran, till exempel att gruppen är så liten att personer kan identifieras, skriv det.",
        ],
    )


@code_rule(
    id="statistik/ej-konsuppdelad",
    category="unsplit-statistics",
    severity="warning",
    message="Statistiken om personer redovisas inte uppdelad på kön.",
    suggestions=["Redovisa till exempel: 120 elever, varav X flickor och Y pojkar."],
    rationale="""Statistik om personer ska redovisas och analyseras efter kön, annars syns inte
skillnader mellan kvinnor och män, flickor och pojkar, och beslut fattas på ett underlag som
är könsblint. För statliga myndigheter kräver förordningen (2000:605) om årsredovisning och
budgetunderlag att individbaserad statistik i resultatredovisningen delas upp efter kön, och
förordningen (2001:100) om den officiella statistiken kräver det för officiell statistik.
Kommuner och regioner bygger samma krav på SKR:s vägledning för jämställdhetsintegrering och
CEMR-deklarationen.""",
    source="SKR: Jämställdhetsintegrering, statistik och analyser; förordning (2000:605) 3 kap. 1 §; förordning (2001:100) 14 §",
    url="https://skr.se/skr/demokratiledningstyrning/manskligarattigheter/jamstalldhet/jamstalldhetsintegrering.html",
    limitations="""Regeln ser bara siffror om personer i plural (120 elever) och andelar (45 % av
brukarna, var tredje deltagare), inte omskrivningar som ”de flesta eleverna”. Antal under 10
markeras inte: små grupper delas ofta inte upp för att skydda personerna. En uppdelning som
står längre bort än närmaste stycke eller tabell hittas inte.""",
    flag=[
        "Förvaltningen har 1 200 anställda och cirka 300 timanställda.",
        "Under året deltog 120 elever i sommarskolan.",
        "Enligt enkäten är 45 % av brukarna nöjda med hemtjänsten.",
        "Var tredje deltagare hade fått arbete efter ett år.",
        "Hälften av eleverna i årskurs 9 når inte målen i matematik.",
        "Tre av fyra patienter fick en tid inom 30 dagar.",
        "Andelen elever med godkända betyg var 82 procent.",
        {"text": "| Skola | Antal elever |\n|---|---|\n| Norrskolan | 340 |\n| Söderskolan | 215 |", "count": 1},
    ],
    pass_=[
        "Under året deltog 120 elever, varav 64 flickor och 56 pojkar.",
        "Kommunen äger 120 lägenheter och driver 12 skolor.",
        "Budgeten för insatsen är 4,2 mnkr för år 2026.",
        "Enligt SFS 2001:100 och 3 kap. 1 § förordningen ska statistiken redovisas.",
        "Insatsen gäller barn under 18 år.",
        "Arbetet bidrar till mål 5 i Agenda 2030.",
        "48 % av kvinnorna och 41 % av männen är nöjda med hemtjänsten.",
        "Under året deltog 120 elever i sommarskolan.\n\n| | Flickor | Pojkar | Totalt |\n|---|---|---|---|\n| Sommarskola | 64 | 56 | 120 |",
        "Högst 25 elever per klass.",
        "Kommunen har i dag 105 000 invånare och målet är 110 000 invånare år 2035.\n\nAv invånarna är 51 procent kvinnor och 49 procent män.",
    ],
)
def unsplit_statistics(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """Figures about people with no split by sex nearby."""
    context = _Context(document)
    seen: set[tuple[int, int]] = set()
    stats = find_statistics(document) + list(_table_statistics(document, context))
    for stat in stats:
        key = (stat.ablock.block.index, stat.start)
        if key in seen or context.split_near(stat):
            continue
        seen.add(key)
        message, suggestions = _message(stat)
        yield ctx.finding(stat.ablock, stat.start, stat.end, message=message, suggestions=suggestions)


RULES = [unsplit_statistics]
