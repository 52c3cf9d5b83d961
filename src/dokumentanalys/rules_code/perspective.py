"""The document-level assessment (OECD DAC gender marker) and the absence rule.

:func:`assess` reads the whole document once and weighs what it finds:

=====================================================================  ======
signal                                                                 weight
=====================================================================  ======
jämställdhetsanalys, konsekvensbeskrivning för kvinnor och män            3
mål, indikatorer or statistics to be split by sex (*uppdelat på kön*)     3
differences between women and men analysed (*skillnader mellan …*)        3
equality between women and men as a goal (*lika villkor för kvinnor       3
och män*, *jämställdhet mellan flickor och pojkar*)
women and men named together in 3 or more sentences                       3
women and men named together (1–2 sentences)                              2
sex-split figures (*64 flickor och 56 pojkar*, a Kvinnor/Män table)       2
*könsfördelningen* reported or asked for                                  2
jämställdhetspolitiska mål, CEMR, Agenda 2030 mål 5                       2
jämställdhetsintegrering; 3R/4R, JämKAS, Tänk tvärtom                     2
resources by sex (*vem får vad*); men's violence against women            2
*jämställd* as a goal (*jämställt näringsliv*), *jämn könsfördelning*     1 each, at most 2
*jämställdhet* in general words (*ska genomsyras av jämställdhet*)        1 at most
=====================================================================  ======

Each kind of signal counts once (women and men named in many sentences
count more). Recorded but worth nothing: *jämlikhet* and *likabehandling*
(broader concepts), internal HR equality only (*lönekartläggning*, *aktiva
åtgärder*), *könsneutral*, *oavsett kön*, and any signal in a negated
sentence (*ingen jämställdhetsanalys har gjorts*).

The marker:

- **2** when the title or first heading is about gender equality
  (*Jämställdhetsplan*, *Handlingsplan mot mäns våld mot kvinnor*,
  *… kvinnors företagande*). Only the title decides: a document with many
  signals is well integrated (1), not necessarily about gender equality.
  A staff *jämställdhetsplan* is 2 as well: the marker says what the
  document is for, not whom it serves;
- **1** when the score is 3 or more;
- **0** otherwise, for a styrdokument about people;
- **null** (not applicable) for a document that is not about people
  (a VA standard, a naming rule), for application forms (a form is judged
  through the styrdokument behind the service) and for other kinds without
  positive signals (a statute, a job ad: absence is only judged where a
  perspective is expected).

"About people" counts person nouns (*elever, brukare, invånare, anställda,
kvinnor …*; roles of a procedure such as *handläggare* do not count).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Iterator

from ..engine.rule import RuleContext, code_rule
from ..language.analyzed import AnalyzedBlock, AnalyzedDocument, Token
from ..model import Assessment, BlockKind, Finding
from .people import FEMALE_GROUP, MALE_GROUP, person_head
from .statistics import is_year
from .stereotype import generalises_about_sex

__all__ = ["RULES", "assess", "collect_evidence", "Evidence", "Signal", "missing_perspective", "CACHE_KEY"]

#: where :func:`assess` leaves its evidence for the rule (``document.cache``)
CACHE_KEY = "perspective/evidence"

#: women/men words that count when a sentence names both sexes (not a single, specific person);
#: mothers and fathers as groups count too ("deltagarna redovisas uppdelat på mammor och pappor")
_PARENTS_F = frozenset({"mödrar", "mödrarna", "mödrars", "mammor", "mammorna", "mammors", "mammornas"})
_PARENTS_M = frozenset({"fäder", "fäderna", "fäders", "pappor", "papporna", "pappors", "pappornas"})
_FEMALE = (FEMALE_GROUP - {"kvinnan", "kvinnans", "flickan", "döttrar"}) | _PARENTS_F
_MALE = (MALE_GROUP - {"mannen", "mannens", "pojken", "söner"}) | _PARENTS_M
_NEGATIONS = frozenset({"inte", "ej", "ingen", "inget", "inga", "saknas", "saknar", "aldrig", "icke"})
_NOT_NEGATING_AFTER = frozenset({"bara", "enbart", "endast", "minst", "blott"})
_CONDITIONS = frozenset({"om", "såvida", "ifall", "förutsatt"})
#: Words that make a sentence about women and men an analysis of differences: measures and
#: comparisons of figures. Not "mer"/"bättre"/"oftare" alone: generalisations use them too.
_ANALYSIS_WORDS = (
    "skillnad", "jämfört", "jämför", "likartad", "likheter", "andel", "procent", "överrepresenter",
    "underrepresenter", "analys", "statistik", "resultat", "meritvärde", "genomsnitt", "tenderar",
    "fördelning", "lägre", "högre", "fler", "färre", "%",
)
#: Trait words of a generalisation ("flickor är mer ordentliga", "killar är bättre på …").
_TRAIT_WORDS = frozenset(
    """mer mest mindre bättre sämre svårare lättare duktigare duktiga ordentliga ordentligare
    intresserade naturligt typiskt alltid aldrig""".split()
)
_EQUALITY_WORDS = ("jämställd", "jämställdhet")
_EQUALITY_PHRASES = (
    ("lika", "villkor"), ("lika", "förutsättningar"), ("lika", "möjligheter"), ("lika", "rättigheter"),
    ("samma", "makt"), ("samma", "möjligheter"), ("samma", "rättigheter"), ("samma", "villkor"),
    ("jämn", "fördelning"), ("jämnare", "fördelning"),
)
_SPLIT_VERBS = (
    "uppdel", "fördel", "redovis", "statistik", "indikator", "nyckeltal", "uppfölj", "följa", "följs",
    "mått", "resultat", "data", "siffr", "analys", "mål",
)
_ANALYSIS_VERBS = ("analys", "belys", "bedöm", "granska", "undersök", "beskriv", "kartlägg", "konsekvens")
_BOILERPLATE = ("genomsyra", "beakta", "präglas", "hänsyn", "integreras", "tas tillvara")
#: Staff counted in a form (*antal anställda*) describe a business, not the people a service reaches.
_STAFF = frozenset({"anställd", "medarbetare", "chef", "ledare", "arbetstagare", "tränare", "arbetare"})
_PEOPLE_EXTRA = frozenset({"befolkningen", "befolkning", "målgrupp", "målgruppen", "målgrupper", "målgrupperna", "personal", "personalen"})


@dataclass(frozen=True, slots=True)
class Signal:
    """One thing found in one sentence."""

    key: str
    weight: int
    description: str
    block: int
    excerpt: str


@dataclass
class Evidence:
    """Everything :func:`assess` found, for the assessment and the rule's message."""

    signals: list[Signal] = field(default_factory=list)
    weak: list[Signal] = field(default_factory=list)
    people: float = 0.0
    #: words about handing out resources (bidrag, stöd, fördelning): who gets what
    allocation: int = 0
    words: int = 0
    sentences: int = 0
    signal_sentences: int = 0
    principal: str | None = None
    #: blocks of a form that ask for a number of people ("Antal deltagare")
    form_counts: list[int] = field(default_factory=list)
    #: the form asks for women and men, girls and boys (or kön) somewhere
    form_asks_sex: bool = False

    def by_key(self) -> dict[str, list[Signal]]:
        out: dict[str, list[Signal]] = {}
        for s in self.signals:
            out.setdefault(s.key, []).append(s)
        return out

    @property
    def score(self) -> int:
        total = 0
        for key, found in self.by_key().items():
            if key == "par":
                total += 3 if len({s.excerpt for s in found}) >= 3 else 2
            elif key == "jämställd":
                total += min(2, len(found))
            elif key == "jämställdhet":
                total += 1
            else:
                total += max(s.weight for s in found)
        return total

    @property
    def about_people(self) -> bool:
        if any(s.weight >= 2 for s in self.signals):
            return True
        if self.allocation >= 2 and self.people >= 2.0:
            return True  # resource allocation to people: "vem får vad och på vilka villkor?"
        return self.people >= max(4.0, 0.006 * self.words)


# -- reading sentences ------------------------------------------------------------------


class _Words(list):  # type: ignore[type-arg]
    """A sentence's lower-case words that also answer "does a word start with …" and
    "do these words follow each other" by substring search in one string.

    Tokens never hold whitespace (the tokenizer splits at whitespace first), so
    in ``" w1 w2 … "`` the text ``" " + prefix`` occurs exactly where a word
    starts with ``prefix``, and ``" a b "`` exactly where *a* is followed by *b*.
    """

    __slots__ = ("_joined",)

    @property
    def joined(self) -> str:
        try:
            return self._joined
        except AttributeError:
            self._joined = " " + " ".join(self) + " "
            return self._joined


@lru_cache(maxsize=256)
def _spaced(prefixes: tuple[str, ...] | str) -> tuple[str, ...]:
    """``" " + prefix`` for each prefix; a prefix with a space can never start a token and is left out."""
    items = (prefixes,) if isinstance(prefixes, str) else prefixes
    return tuple(" " + p for p in items if " " not in p)


def _negated(lows: list[str]) -> bool:
    """A negation that governs the sentence ("ingen jämställdhetsanalys har gjorts").

    Not "inte bara", "inte minst", and not a negation inside a condition
    ("… uppdelad efter kön om det inte finns särskilda skäl").
    """
    if _NEGATIONS.isdisjoint(lows):
        return False
    for i, low in enumerate(lows):
        if low in _NEGATIONS:
            if low == "inte" and i + 1 < len(lows) and lows[i + 1] in _NOT_NEGATING_AFTER:
                continue
            if any(w in _CONDITIONS for w in lows[max(0, i - 3) : i]):
                continue
            return True
    return False


def _has_phrase(lows: list[str], phrase: tuple[str, ...]) -> bool:
    if phrase and phrase[0] not in lows:
        return False
    if phrase and type(lows) is _Words:
        return all(" " not in w for w in phrase) and " " + " ".join(phrase) + " " in lows.joined
    n = len(phrase)
    return any(tuple(lows[i : i + n]) == phrase for i in range(len(lows) - n + 1))


def _starts(lows: list[str], prefixes: tuple[str, ...] | str) -> bool:
    if type(lows) is _Words:
        joined = lows.joined
        return any(p in joined for p in _spaced(prefixes))
    return any(low.startswith(prefixes) for low in lows)


def _both_sexes(lows: list[str]) -> bool:
    """A woman/girl word and a man/boy word within twelve words of each other."""
    if _FEMALE.isdisjoint(lows) or _MALE.isdisjoint(lows):
        return False
    female = [i for i, w in enumerate(lows) if w in _FEMALE]
    male = [i for i, w in enumerate(lows) if w in _MALE]
    return any(abs(f - m) <= 12 for f in female for m in male)


def _generalises(lows: list[str]) -> bool:
    """"Flickor är mer ordentliga", "kvinnor är mer intresserade av …": a trait word right after
    a group of women or men, in a sentence with no figures or analysis words."""
    if _starts(lows, _ANALYSIS_WORDS) or any(any(c.isdigit() for c in w) for w in lows):
        return False
    for i, low in enumerate(lows):
        if low in _FEMALE or low in _MALE:
            after = lows[i + 1 : i + 5]
            if after[:1] and after[0] in ("är", "har", "blir", "kan", "vill", "tycker") and any(w in _TRAIT_WORDS for w in after):
                return True
    return False


def _split_by_sex(lows: list[str]) -> bool:
    """"uppdelad på kön", "redovisas per kön", "könsuppdelad statistik"."""
    if _starts(lows, ("könsuppdel", "könsdisaggreg")):
        return True
    if "kön" not in lows and "könet" not in lows:
        return False
    for i, low in enumerate(lows):
        if low in ("kön", "könet"):
            before = lows[max(0, i - 4) : i]
            if i > 0 and lows[i - 1] in ("per", "efter"):
                return True
            if any(w in ("per", "efter", "på") for w in before) and _starts(lows, _SPLIT_VERBS):
                return True
    return False


def _has_number(tokens: list[Token]) -> bool:
    """A figure in the sentence: a token with a digit that is not a year."""
    return any(any(c.isdigit() for c in t.text) and not is_year(t.text) for t in tokens)


#: A sentence can hold a signal only if one of its words is one of these or starts with one:
#: a cheap first pass, so that the full reading runs on few sentences.
_TRIGGER_WORDS = frozenset({"kön", "könet", "5", "3r", "4r", "vem", "våld", "aktiva", "oavsett", "hänsyn", "tänk", "deklarationen"})
_TRIGGER_PREFIXES = (
    "jämställ", "jämlik", "köns", "genus", "konsekvens", "cemr", "resursfördelning", "hedersrelater",
    "kvinnofrid", "likabehandling", "icke-diskriminering", "lönekartläggning", "diskrimineringslag",
    "3r-", "4r-", "jämkas",
)


def _may_signal(lows: list[str]) -> bool:
    return any(
        w in _TRIGGER_WORDS or w in _FEMALE or w in _MALE or w.startswith(_TRIGGER_PREFIXES) for w in lows
    )


def _sentence_signals(lows: list[str], tokens: list[Token], text: str, block: int) -> Iterator[tuple[Signal, bool]]:
    """Signals in one sentence, each with ``True`` when the sentence negates it."""
    if not _may_signal(lows):
        return
    negated = _negated(lows)
    excerpt = text.strip()

    def sig(key: str, weight: int, description: str) -> Signal:
        return Signal(key, weight, description, block, excerpt)

    analysis = _starts(lows, ("jämställdhetsanalys", "könskonsekvens", "jämställdhetskonsekvens", "genusanalys", "jämställdhetsbedömning"))
    if not analysis and _starts(lows, ("konsekvensanalys", "konsekvensbeskrivning", "konsekvensbedömning")):
        analysis = _both_sexes(lows) or _starts(lows, _EQUALITY_WORDS) or "kön" in lows
    if not analysis and _starts(lows, "jämställdhetsperspektiv") and _starts(lows, _ANALYSIS_VERBS):
        analysis = True
    if analysis:
        yield sig("analys", 3, "beskriver en jämställdhetsanalys eller konsekvenser för kvinnor och män"), negated

    if _split_by_sex(lows):
        if _starts(lows, ("mål", "indikator", "nyckeltal")):
            description = "anger att mål eller indikatorer ska delas upp på kön"
        else:
            description = "anger att statistik och uppföljning ska delas upp på kön"
        yield sig("uppdelat", 3, description), negated

    both = _both_sexes(lows)
    if both and (_generalises(lows) or generalises_about_sex(tokens)):
        yield sig(
            "generalisering", 0,
            "generaliserar om kvinnor och män, flickor och pojkar (”flickor är mer …”), vilket inte är en analys",
        ), True
        both = False
    if both:
        equality = _starts(lows, _EQUALITY_WORDS) or any(_has_phrase(lows, p) for p in _EQUALITY_PHRASES)
        # a count of women and men is statistics (below); an analysis compares or explains
        compared = _starts(lows, _ANALYSIS_WORDS)
        if compared and not negated:
            yield sig("skillnader", 3, "analyserar skillnader mellan kvinnor och män, flickor och pojkar"), False
        elif equality and not negated:
            yield sig("jämställdhetsmål", 3, "anger jämställdhet mellan kvinnor och män som mål"), False
        if _has_number(tokens):
            yield sig("statistik", 2, "redovisar siffror för kvinnor och män var för sig"), False
        screening = negated and _starts(lows, ("påverk", "konsekvens", "berör"))
        yield sig("par", 2, "nämner kvinnor och män, flickor och pojkar"), screening

    for i, low in enumerate(lows if _starts(lows, "könsfördelning") else ()):
        if low.startswith("könsfördelning"):
            if i > 0 and lows[i - 1] in ("jämn", "jämnare"):
                yield sig("jämställd", 1, "eftersträvar en jämn könsfördelning"), negated
            else:
                yield sig("könsfördelning", 2, "redovisar eller efterfrågar könsfördelningen"), negated
            break

    if _starts(lows, "jämställdhetspolitisk"):
        yield sig("politiska-mål", 2, "hänvisar till de jämställdhetspolitiska målen"), negated
    if _starts(lows, "cemr") or ("deklarationen" in lows and _starts(lows, "jämställdhet") and ("europeiska" in lows or "lokal" in lows)):
        yield sig("cemr", 2, "hänvisar till CEMR-deklarationen om jämställdhet"), negated
    if "5" in lows and any(lows[i] in ("mål", "målet", "delmål") and lows[i + 1] == "5" for i in range(len(lows) - 1)) and (
        "agenda" in lows or _starts(lows, ("global", "jämställd"))
    ):
        yield sig("agenda2030", 2, "hänvisar till Agenda 2030 mål 5 om jämställdhet"), negated
    # JämKAS is written with capitals; "jämkas" is also a verb (avgiften kan jämkas)
    jamkas = _starts(lows, "jämkas") and any(t.text.startswith(("JämKAS", "JÄMKAS", "Jämkas-")) for t in tokens)
    if (
        jamkas
        or (_starts(lows, ("3r", "4r")) and any(low in ("3r", "4r") or low.startswith(("3r-", "4r-")) for low in lows))
        or _has_phrase(lows, ("tänk", "tvärtom"))
    ):
        yield sig("metod", 2, "använder en metod för jämställdhetsanalys (3R/4R, JämKAS, Tänk tvärtom)"), negated
    if _starts(lows, "jämställdhetsintegr"):
        yield sig("integrering", 2, "arbetar med jämställdhetsintegrering"), negated
    if _has_phrase(lows, ("vem", "får", "vad")) or (_starts(lows, "resursfördelning") and (both or "kön" in lows)):
        yield sig("resurser", 2, "beskriver hur resurser fördelas mellan kvinnor och män"), negated
    if (
        _has_phrase(lows, ("våld", "mot", "kvinnor"))
        or _has_phrase(lows, ("våld", "i", "nära", "relationer"))
        or _starts(lows, ("hedersrelater", "kvinnofrid"))
    ):
        yield sig("våld", 2, "tar upp mäns våld mot kvinnor eller våld i nära relationer"), negated

    equal = _starts(lows, "jämställ")
    adjective = equal and [w for w in lows if w in ("jämställd", "jämställt", "jämställda")]
    if adjective:
        yield sig("jämställd", 1, "använder jämställd som mål (till exempel ”jämställt näringsliv”)"), negated
    general = equal and [w for w in lows if w.startswith("jämställdhet") and not w.startswith(("jämställdhetsanalys", "jämställdhetsintegr", "jämställdhetspolitisk", "jämställdhetskonsekvens"))]
    if general and not both:
        if _starts(lows, _BOILERPLATE):
            # "ska genomsyras av jämställdhet": a boilerplate sentence is not a perspective and adds nothing
            description = "nämner jämställdhet bara i en allmän formulering (till exempel ”ska genomsyras av jämställdhet”)"
            yield sig("jämställdhet", 0, description), negated
        else:
            yield sig("jämställdhet", 1, "nämner jämställdhet i allmänna ordalag"), negated

    # worth nothing, but worth saying
    if _starts(lows, ("jämlikhet", "jämlik")) and not _starts(lows, "jämställd"):
        yield sig("jämlikhet", 0, "nämner jämlikhet, som är ett bredare begrepp än jämställdhet"), True
    if _starts(lows, ("likabehandling", "icke-diskriminering")):
        yield sig("likabehandling", 0, "nämner likabehandling, som inte är en analys av kvinnors och mäns villkor"), True
    if _starts(lows, ("lönekartläggning", "diskrimineringslag")) or _has_phrase(lows, ("aktiva", "åtgärder")):
        yield sig("hr", 0, "tar bara upp intern personalpolitik (lönekartläggning, aktiva åtgärder)"), True
    if _starts(lows, "könsneutral"):
        yield sig("könsneutral", 0, "nämner könsneutralt språk, som inte är ett jämställdhetsperspektiv"), True
    if _has_phrase(lows, ("oavsett", "kön")) or _has_phrase(lows, ("hänsyn", "till", "kön")):
        yield sig("oavsett-kön", 0, "säger att kön inte ska spela roll (”oavsett kön”), utan att analysera villkoren"), True


_ALLOCATION_HEADS = ("bidrag", "bidraget", "bidragen", "stöd", "stödet", "fördelar", "fördelas", "fördelning", "fördelningen")


def _is_allocation(low: str) -> bool:
    """``bidrag``, ``föreningsbidrag``, ``aktivitetsstödet``, ``fördelas`` …"""
    return low.endswith(_ALLOCATION_HEADS)


def _people_weight(low: str) -> float:
    if low in _PEOPLE_EXTRA or low in _FEMALE or low in _MALE:
        return 1.0
    best = 0.0
    for form in person_head(low):
        if "P" in form.noun.uses:
            best = max(best, 1.0 if form.is_plural else 0.5)
    return best


def _title_block(document: AnalyzedDocument) -> AnalyzedBlock | None:
    blocks = [b for b in document.blocks if b.block.kind not in (BlockKind.HEADER, BlockKind.FOOTER)]
    title = (document.document.title or "").strip()
    if title:
        for ablock in blocks[:10]:
            if ablock.block.text.strip() == title:
                return ablock
    for ablock in blocks[:10]:
        if ablock.block.kind == BlockKind.HEADING:
            return ablock
    return blocks[0] if blocks else None


_PRINCIPAL_TITLE_GROUPS = frozenset({"kvinnor", "kvinnors", "flickor", "flickors", "tjejer", "tjejers"})


def _principal_title(document: AnalyzedDocument) -> str | None:
    """The title (or first heading) when it says the document is about gender equality."""
    candidates: list[str] = []
    if document.document.title:
        candidates.append(document.document.title)
    first_heading = next((b for b in document.blocks if b.block.kind == BlockKind.HEADING), None)
    if first_heading is not None:
        candidates.append(first_heading.block.text)
    for title in candidates:
        lows = [w.lower() for w in re.findall(r"[\wåäöÅÄÖéÉ-]+", title)]
        if (
            _starts(lows, ("jämställ", "kvinnofrid", "cemr"))
            or _has_phrase(lows, ("våld", "mot", "kvinnor"))
            or any(w in _PRINCIPAL_TITLE_GROUPS for w in lows)
        ):
            return title.strip()
    return None


def _word_tables(document: AnalyzedDocument) -> tuple[frozenset[str], dict[str, float], frozenset[str]]:
    """Per distinct word of the document: (words that may signal, people weights > 0, allocation words)."""
    triggers = frozenset(
        w for w in document.vocabulary
        if w in _TRIGGER_WORDS or w in _FEMALE or w in _MALE or w.startswith(_TRIGGER_PREFIXES)
    )
    weights = {w: weight for w in document.vocabulary if (weight := _people_weight(w))}
    allocation = frozenset(w for w in document.vocabulary if _is_allocation(w))
    return triggers, weights, allocation


def collect_evidence(document: AnalyzedDocument) -> Evidence:
    """Read every sentence once; see the module docstring for what counts.

    Word counts (words, people, allocation) are document totals, so they are
    counted per distinct word; only sentences with a word that may signal
    something (:func:`_may_signal`) are read closely.
    """
    evidence = Evidence()
    triggers, weights, allocation = _word_tables(document)
    counts: Counter[str] = Counter()
    exact_alpha = any("\u0307" in w for w in document.vocabulary)  # "İ".lower() is not alphabetic
    words = 0
    for ablock in document.blocks:
        if ablock.block.kind in (BlockKind.HEADER, BlockKind.FOOTER):
            continue
        lowers = ablock.lowers
        counts.update(lowers)
        if exact_alpha:
            words += sum(1 for t in ablock.tokens if t.is_alpha)
        evidence.sentences += len(ablock.sentences)
        if ablock.words.isdisjoint(triggers):
            continue
        for sentence in ablock.sentences:
            lows = _Words(lowers[sentence.start : sentence.end])
            if triggers.isdisjoint(lows):
                continue
            tokens = ablock.sentence_tokens(sentence)
            found = False
            for signal, negated in _sentence_signals(lows, tokens, ablock.sentence_text(sentence), ablock.block.index):
                if negated or signal.weight == 0:
                    if negated and signal.weight > 0:
                        signal = Signal(
                            f"negerad:{signal.key}", 0,
                            f"säger att något saknas eller inte har gjorts (”{_short(signal.excerpt)}”)",
                            signal.block, signal.excerpt,
                        )
                    evidence.weak.append(signal)
                else:
                    evidence.signals.append(signal)
                    found = True
            if found:
                evidence.signal_sentences += 1
    evidence.words = words if exact_alpha else sum(n for w, n in counts.items() if w.isalpha())
    # weights are 1.0 and 0.5: sums of them are exact in any order
    evidence.people = float(sum(weights[w] * n for w, n in counts.items() if w in weights))
    evidence.allocation = sum(n for w, n in counts.items() if w in allocation)
    evidence.signals.extend(_table_signals(document))
    evidence.principal = _principal_title(document)
    evidence.form_counts, evidence.form_asks_sex = _form_questions(document)
    return evidence


def _form_questions(document: AnalyzedDocument) -> tuple[list[int], bool]:
    """Blocks that ask for a number of people (*Antal deltagare*), and whether sex is asked for."""
    counts: list[int] = []
    asks_sex = not document.vocabulary.isdisjoint(_SEX_QUESTION)
    for ablock in document.blocks_with(_COUNT_WORDS):
        lows = ablock.lowers
        for i, low in enumerate(lows):
            if _HOUSEHOLD.isdisjoint(lows[i + 1 : i + 6]) and low in ("antal", "antalet") and any(
                any(f.is_plural and "S" in f.noun.uses and f.noun.base not in _STAFF for f in person_head(w))
                for w in lows[i + 1 : i + 4]
            ):
                counts.append(ablock.block.index)
                break
    return counts, asks_sex


_SEX_QUESTION = _FEMALE | _MALE | {"kön"}
#: "Antal barn i hushållet" describes one applicant's household, not the people a service reaches.
_HOUSEHOLD = frozenset({"hushållet", "hushåll", "familjen", "bostaden", "lägenheten", "hemmet"})
_COUNT_WORDS = frozenset({"antal", "antalet"})


def _table_signals(document: AnalyzedDocument) -> Iterator[Signal]:
    """A table with columns or rows for women and men and numbers in it."""
    tables: dict[int, list[AnalyzedBlock]] = {}
    for ablock in document.blocks:
        if ablock.block.kind == BlockKind.TABLE_CELL and ablock.block.table is not None:
            tables.setdefault(ablock.block.table, []).append(ablock)
    for cells in tables.values():
        texts = [c.block.text.strip().lower() for c in cells]
        female = any(t in ("kvinnor", "flickor", "tjejer", "k", "kv", "kvinna") for t in texts)
        male = any(t in ("män", "pojkar", "killar", "m", "man") for t in texts)
        numbers = any(re.fullmatch(r"[\d\s\u00a0,%]+", t) for t in texts)
        if female and male and numbers:
            yield Signal("statistik", 2, "redovisar siffror för kvinnor och män var för sig", cells[0].block.index, " | ".join(texts[:6]))


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _describe(signals: list[Signal]) -> list[str]:
    """One Swedish line per kind of signal, strongest first, with how often it occurs."""
    grouped: dict[str, list[Signal]] = {}
    for s in signals:
        key = "negerad" if s.key.startswith("negerad:") else s.key
        grouped.setdefault(key, []).append(s)
    ordered = sorted(grouped.values(), key=lambda found: (-max(s.weight for s in found), -len(found)))
    out = []
    for found in ordered:
        places = len({(s.block, s.excerpt) for s in found})
        description = found[0].description
        if found[0].key.startswith("negerad:") and places > 1:
            description = "säger på flera ställen att något saknas eller inte har gjorts"
        out.append(f"{description} ({places} ställen)" if places > 1 else description)
    return out


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


def assess(document: AnalyzedDocument, kind: str) -> Assessment:
    """The gender marker of ``document`` read as ``kind``, with the signals behind it."""
    evidence = collect_evidence(document)
    document.cache[CACHE_KEY] = evidence
    positive = _describe(evidence.signals)
    weak = [f"svagt: {d}" for d in _describe(evidence.weak)]
    signals = tuple(positive + weak)
    score = evidence.score

    if evidence.principal is not None:
        return Assessment(2, signals, f"Jämställdhet är dokumentets huvudsyfte: rubriken ”{_short(evidence.principal)}” handlar om jämställdhet.")
    if kind not in ("styrdokument", "ansokan"):
        seen = f" Det som syns: dokumentet {_join(positive[:3])}." if positive else ""
        return Assessment(
            None, signals,
            "Markören gäller styrdokument och blanketter; det här dokumentet är ett annat slag av text "
            "(till exempel ett protokoll, en nyhet eller en annons), så den bedöms inte." + seen,
        )
    # a form that only mentions girls and boys (options, examples) is judged as a form, by
    # whether it collects figures by sex; only an analysis or a split makes it integrated
    strong = any(sig.weight >= 3 for sig in evidence.signals)
    if score >= 3 and (kind != "ansokan" or strong):
        return Assessment(1, signals, f"Jämställdhetsperspektivet är integrerat: dokumentet {_join(positive[:3])}.")
    if kind == "ansokan":
        return _assess_form(evidence, signals)
    if not evidence.about_people:
        return Assessment(
            None, signals,
            "Dokumentet handlar inte om människor (målgrupper, brukare, personal eller resursfördelning), så ett jämställdhetsperspektiv bedöms inte.",
        )
    found = positive + [d for d in _describe(evidence.weak)]
    tail = f" Det som finns räcker inte: dokumentet {_join(found[:3])}." if found else ""
    return Assessment(0, signals, "Dokumentet handlar om människor men saknar ett jämställdhetsperspektiv." + tail)


def _assess_form(evidence: Evidence, signals: tuple[str, ...]) -> Assessment:
    """A form is judged only when it collects figures about people for follow-up.

    A grant form that asks how many participants or members an activity has
    feeds the follow-up of a service: it should ask for girls and boys, women
    and men. Other forms (a building permit, a consent) are judged through the
    styrdokument behind the service.
    """
    if not evidence.form_counts:
        return Assessment(
            None, signals,
            "Blanketten samlar inte in uppgifter om antal personer för uppföljning; jämställdhetsperspektivet "
            "bedöms i det styrdokument som tjänsten bygger på.",
        )
    if evidence.form_asks_sex:
        return Assessment(
            1, signals + ("frågar efter antal deltagare uppdelat på kön",),
            "Blanketten frågar efter antalet personer uppdelat på kön, så tjänsten kan följas upp för kvinnor och män, flickor och pojkar.",
        )
    return Assessment(
        0, signals,
        "Blanketten frågar efter antalet personer men inte uppdelat på kön, så det går inte att följa upp "
        "hur tjänsten når kvinnor och män, flickor och pojkar.",
    )


# -- the rule -------------------------------------------------------------------------------

_LOOKED_FOR = (
    "en jämställdhetsanalys eller konsekvensbeskrivning för kvinnor och män, "
    "mål, indikatorer eller statistik uppdelade på kön, kvinnor och män (flickor och pojkar) "
    "i målgrupp eller resultat, och hänvisningar till de jämställdhetspolitiska målen, "
    "CEMR-deklarationen eller Agenda 2030 mål 5"
)
_ADD = [
    "Skriv vilka kvinnor och män, flickor och pojkar som berörs och hur, i målgrupp och förväntade resultat.",
    "Dela upp mål, indikatorer och statistik på kön och kommentera skillnaderna.",
    "Gör en jämställdhetsanalys eller konsekvensbeskrivning för kvinnor och män, till exempel med 4R-metoden: vem får vad och på vilka villkor?",
    "Koppla dokumentet till de jämställdhetspolitiska målen eller till CEMR-deklarationen om organisationen har antagit den.",
]

_ADD_FORM = [
    "Be om antalet uppdelat på kön, till exempel: Antal deltagare – flickor ___ pojkar ___ (eller kvinnor ___ män ___).",
    "Skriv varför uppgiften behövs: att följa upp hur bidraget fördelas mellan flickor och pojkar, kvinnor och män.",
    "Be inte om kön för enskilda personer om det inte behövs; antal per kön räcker för uppföljningen.",
]

_STYR_NO = """# Riktlinje för fritidsverksamhet

Riktlinjen gäller för kommunens fritidsgårdar och antas av kultur- och fritidsnämnden.

Fritidsgårdarna ska erbjuda barn och unga en meningsfull fritid. Verksamheten ska utgå från
besökarnas intressen och ska genomsyras av jämställdhet och jämlikhet.

Nämnden följer upp antalet besökare och deltagarnas synpunkter varje år."""

_STYR_NEGATED = """# Tjänsteskrivelse: Nya öppettider i hemtjänsten

Förvaltningen föreslår att nämnden beslutar om nya öppettider för brukare i hemtjänsten.

Förändringen berör brukare, anhöriga och medarbetare. Ingen jämställdhetsanalys har gjorts.

Brukarna informeras i god tid innan beslutet börjar gälla."""

_STYR_GOOD = """# Plan för föreningsbidrag 2026

Planen antas av kultur- och fritidsnämnden och gäller för alla bidrag till föreningar.

En jämställdhetsanalys av bidragen 2025 visar att pojkar fick 62 procent av aktivitetsstödet
och flickor 38 procent. Skillnaden beror främst på vilka idrotter som får stöd.

Målet är att flickor och pojkar ska ha samma möjligheter till en aktiv fritid. Indikatorerna
för bidragen redovisas uppdelade på kön och följs upp varje år."""

_FORM_COUNTS = """# Ansökan om aktivitetsbidrag

Föreningens namn:

| Uppgift | Antal |
|---|---|
| Antal deltagare 7–20 år | |
| Antal ledare | |

Underskrift:"""

_STYR_TECH = """# VA-standard för ledningsnät

Standarden gäller för nyanläggning av vatten- och avloppsledningar i kommunen.

Ledningar ska dimensioneras för en trycknivå på minst 0,6 MPa. Brunnar placeras med högst
80 meters avstånd. Material och rördimensioner framgår av bilaga 1."""


@code_rule(
    id="perspektiv/saknas",
    category="missing-gender-perspective",
    severity="warning",
    message="Dokumentet handlar om människor men beskriver inte hur kvinnor och män, flickor och pojkar berörs.",
    suggestions=_ADD,
    rationale="""Ett styrdokument som handlar om människor – invånare, brukare, elever, personal –
påverkar kvinnor och män, flickor och pojkar på olika sätt. Om dokumentet inte säger något
om det blir beslutet könsblint, och ojämställdhet kan bestå utan att någon märker det. SKR:s
vägledning för jämställdhetsintegrering säger att jämställdhetsperspektivet ska synas i mål,
budget och andra styrdokument, att individbaserad statistik ska redovisas och analyseras
efter kön, och att beslutsunderlag ska beskriva konsekvenser för kvinnor och män, flickor
och pojkar. Regeln bedömer hela dokumentet och använder OECD:s jämställdhetsmarkör:
0 = inget jämställdhetsperspektiv, 1 = integrerat, 2 = jämställdhet är huvudsyftet.""",
    source="SKR: Jämställdhetsintegrering – vägledning; OECD DAC gender equality policy marker",
    url="https://www.oecd.org/dac/gender-development/dac-gender-equality-marker.htm",
    kinds=(),
    limitations="""Regeln letar efter ord och uttryck, inte efter hur väl analysen är gjord: ett
dokument som nämner kvinnor och män på flera ställen räknas som integrerat även om
resonemanget är tunt. Allmänna formuleringar som ”ska genomsyras av jämställdhet” räcker
inte. Tekniska dokument som inte handlar om människor bedöms inte, och blanketter bedöms
genom det styrdokument som tjänsten bygger på.""",
    flag=[
        {"text": _STYR_NO, "kind": "styrdokument"},
        {"text": _STYR_NEGATED, "kind": "styrdokument"},
        {"text": _FORM_COUNTS, "kind": "ansokan"},
    ],
    pass_=[
        {"text": _STYR_GOOD, "kind": "styrdokument"},
        {"text": _STYR_TECH, "kind": "styrdokument"},
        {"text": "# Handlingsplan för jämställdhet 2026–2028\n\nPlanen gäller för alla förvaltningar.", "kind": "styrdokument"},
        {"text": "# Ansökan om bidrag\n\nSökandens namn:\n\nPersonnummer:\n\nUnderskrift:", "kind": "ansokan"},
    ],
)
def missing_perspective(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """A document about people with gender marker 0."""
    assessment = document.assessment
    if assessment == Assessment(None) and CACHE_KEY not in document.cache:
        assessment = assess(document, document.kind)  # the hook did not run (a bare rule call)
    if assessment.gender_marker != 0:
        return
    evidence: Evidence | None = document.cache.get(CACHE_KEY)
    found = []
    if evidence is not None:
        found = _describe(evidence.signals) + _describe(evidence.weak)
    if document.kind == "ansokan" and evidence is not None and evidence.form_counts:
        anchor = document.blocks[evidence.form_counts[0]]
        yield ctx.finding(
            anchor, None, None,
            message=(
                "Blanketten frågar efter antalet personer men inte uppdelat på kön, så det går inte att "
                "följa upp hur bidraget eller tjänsten når flickor och pojkar, kvinnor och män."
            ),
            suggestions=_ADD_FORM,
            severity="info",
        )
        return
    message = (
        "Dokumentet handlar om människor men beskriver inte hur kvinnor och män, flickor och pojkar berörs. "
        f"Vi letade efter {_LOOKED_FOR}"
        + (f"; dokumentet {_join(found[:3])}, men det räcker inte." if found else " men hittade inget av det.")
    )
    anchor = _title_block(document)
    severity = "warning" if document.kind == "styrdokument" else "info"
    yield ctx.finding(anchor, None, None, message=message, suggestions=_ADD, severity=severity)


RULES = [missing_perspective]
