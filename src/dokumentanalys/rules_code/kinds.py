"""Built-in document kinds: styrdokument and ansökan (application forms).

Each kind adds up evidence from three places, title and headings weighing
most, and caps the score at 1.0 (``other`` scores a constant 0.3, so a kind
needs real evidence to claim a document):

=================================  ==========================================  ===========
where                              styrdokument                                ansökan
=================================  ==========================================  ===========
title or first heading             policy, program, plan, strategi,            ansökan, blankett,
                                   riktlinje, budget, tjänsteskrivelse,        anmälan, formulär,
                                   uppdrag, förordning … (also as the head     samtycke …
                                   of a compound: *kostpolicy*)                (0.6)
                                   (0.6; förordning/instruktion 0.45)
other headings                     Syfte, Bakgrund, Mål, Uppföljning,          –
                                   Ansvar, Målgrupp … (0.1 each, max 0.3)
form structure                     –                                           form fields, check
                                                                               boxes (☐, [ ]),
                                                                               many short label
                                                                               blocks (up to 0.6)
vocabulary                         antagen av, beslutad av, fullmäktige,       personnummer,
                                   nämnden, gäller för, uppföljning …          underskrift, fyll i,
                                   (0.07 per distinct hit, max 0.5)            bifoga … (0.08 per
                                                                               hit, max 0.5)
=================================  ==========================================  ===========

:func:`explain_kind` returns the evidence as Swedish lines, for reports and tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..kinds import DocumentKind
from ..language.analyzed import AnalyzedBlock, AnalyzedDocument
from ..model import BlockKind

__all__ = ["STYRDOKUMENT", "ANSOKAN", "score_styrdokument", "score_ansokan", "KindEvidence", "explain_kind"]

_STYR_TITLE_HEADS = (
    "policy", "policyn", "program", "programmet", "plan", "planen", "strategi", "strategin",
    "riktlinje", "riktlinjer", "riktlinjen", "riktlinjerna", "handlingsplan", "verksamhetsplan",
    "budget", "budgeten", "styrdokument", "tjänsteskrivelse", "beslutsunderlag", "reglemente",
    "reglementet", "direktiv", "inriktning", "inriktningen", "uppdrag", "regleringsbrev",
    "delegationsordning", "taxa", "taxor", "riktmärken", "vision", "måldokument", "agenda",
)
_STYR_TITLE_WEAK = (
    "förordning", "instruktion", "föreskrifter", "föreskrift", "handbok", "handboken", "rutin",
    "rutiner", "rutinen", "anvisning", "anvisningar",
)
#: Heads that must stand alone: as compound tails they make other words (*Uppdragsgivare* no,
#: but *forskningsuppdrag*, *tv-agenda* are not governing documents).
_NO_COMPOUND = frozenset({"taxa", "agenda", "vision", "uppdrag"})
#: Compounds of plan/program that are not plans of action.
_NOT_A_PLAN = ("flygplan", "tv-program", "tvprogram", "datorprogram", "radioprogram", "planet")
_STYR_HEADINGS = frozenset(
    """syfte syftet bakgrund mål målet målen uppföljning ansvar ansvarsfördelning genomförande
    giltighet giltighetstid beslut inledning målgrupp målgrupper omfattning definitioner
    ekonomi ekonomiska förslag ärendet ärendebeskrivning utgångspunkter prioriteringar
    styrning aktiviteter insatser revidering""".split()
)
_STYR_PHRASES = (
    ("antagen", "av"), ("antogs", "av"), ("beslutad", "av"), ("beslutat", "av"), ("fastställd", "av"),
    ("fastställs", "av"), ("antas", "av"), ("gäller", "för"), ("gäller", "från"), ("gäller", "tillsvidare"),
    ("följs", "upp"), ("ska", "följas", "upp"), ("förslag", "till", "beslut"), ("regeringen", "uppdrar"),
    ("regeringen", "ger"), ("ska", "redovisas"),
)
_STYR_WORDS = frozenset(
    """kommunfullmäktige regionfullmäktige fullmäktige kommunstyrelsen regionstyrelsen nämnden
    nämndens uppföljning uppföljningen styrdokument styrdokumentet revideras revidering
    förvaltningen diarienummer dnr uppdraget verksamhetsplan budget målgruppen""".split()
)

_FORM_TITLE_HEADS = (
    "ansökan", "ansökningsblankett", "blankett", "blanketten", "anmälan", "anmälningsblankett",
    "formulär", "formuläret", "samtycke", "samtyckesblankett", "samtyckesmall", "intyg", "begäran",
    "ansökningsformulär", "fullmakt",
)
_FORM_WORDS = frozenset(
    """personnummer underskrift namnteckning namnförtydligande bifoga bifogas bifogade
    sökandens postnummer postadress e-postadress telefonnummer mobilnummer kryssa kryss
    ifylld ifyllda blanketten""".split()
)
_FORM_PHRASES = (
    ("fyll", "i"), ("skicka", "blanketten"), ("ort", "och", "datum"), ("datum", "och", "ort"),
    ("skriv", "under"), ("ansökan", "skickas"), ("skicka", "ansökan"), ("kryssa", "i"),
    ("ange", "namn"), ("den", "sökande"),
)
_CHECKBOX = re.compile(r"☐|☒|☑|□|■|\[\s?[xX]?\s?\]")
#: Every match of _CHECKBOX holds one of these characters: a fast first test per block.
_MAY_HAVE_BOX = re.compile(r"[☐☒☑□■\[]")


@dataclass
class KindEvidence:
    """The parts of a kind's score, with Swedish reasons."""

    score: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def add(self, points: float, reason: str) -> None:
        if points:
            self.score += points
            self.reasons.append(f"{reason} ({points:+.2f})")

    @property
    def capped(self) -> float:
        return round(min(1.0, self.score), 3)


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[\wåäöÅÄÖéÉ-]+", text)]


def _title_hit(words: list[str], heads: tuple[str, ...]) -> str | None:
    """The first title word that is one of ``heads`` or a compound ending in one (*kostpolicy*)."""
    for word in words:
        if word.endswith(_NOT_A_PLAN):
            continue
        for head in heads:
            if word == head:
                return word
            if head not in _NO_COMPOUND and word.endswith(head) and len(word) - len(head) >= 3:
                return word
    return None


def _titles(document: AnalyzedDocument) -> list[str]:
    """The title and the first heading, or a first block that reads like a title."""
    out = []
    if document.document.title:
        out.append(document.document.title)
    for ablock in document.blocks[:15]:
        if ablock.block.kind == BlockKind.HEADING:
            out.append(ablock.block.text)
            break
    if not out:
        first = next((b for b in document.blocks if b.block.text.strip()), None)
        if first is not None and len(first.block.text) <= 250 and not first.block.text.rstrip().endswith("."):
            out.append(first.block.text)
    return out


def _any_title_hit(document: AnalyzedDocument) -> bool:
    """Does the title name a kind? Then early blocks are sections, not a title the extractor missed
    (a guideline with an early section "Ansökan" is still a guideline)."""
    heads = _STYR_TITLE_HEADS + _STYR_TITLE_WEAK + _FORM_TITLE_HEADS
    return any(_title_hit(_words(title), heads) for title in _titles(document))


def _early_blocks(document: AnalyzedDocument, limit: int = 12) -> list[AnalyzedBlock]:
    blocks = [b for b in document.blocks if b.block.kind not in (BlockKind.HEADER, BlockKind.FOOTER)]
    return blocks[:limit]


def _early_hit(document: AnalyzedDocument, heads: tuple[str, ...], *, max_words: int | None, first_words: int) -> str | None:
    """A head word among the first words of an early block (a title the extractor did not see).

    Capitalised words inside a block are names, not kinds: the square *Hamnplan* is no
    plan (a title in capitals, BEMANNINGSPOLICY, still counts). In running text (a sentence,
    or more than twelve words) a compound counts only as the first word, where a title
    stands (*Kostpolicy för kommunen.*), not inside (*… finns ett jullovsprogram med bad*).
    """
    for ablock in _early_blocks(document):
        text = ablock.block.text
        raw = re.findall(r"[\wåäöÅÄÖéÉ-]+", text)
        if max_words is not None and len(raw) > max_words:
            continue
        prose = len(raw) > 12 or text.rstrip().endswith((".", "!", "?"))
        words = [
            w.lower() for n, w in enumerate(raw[:first_words]) if n == 0 or not (w[:1].isupper() and not w.isupper())
        ]
        hit = _title_hit(words, heads)
        if hit and (not prose or hit in heads or (words and hit == words[0])):
            return hit  # in prose a compound counts only where a title would stand: first
    return None


def _phrase_hits(document: AnalyzedDocument, phrases: tuple[tuple[str, ...], ...]) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    firsts = {p[0] for p in phrases}
    for ablock in document.blocks_with(firsts):
        lows = ablock.lowers
        for i, low in enumerate(lows):
            if low not in firsts:
                continue
            for phrase in phrases:
                if phrase[0] == low and tuple(lows[i : i + len(phrase)]) == phrase:
                    found.add(phrase)
    return found


#: Title words of texts that report on or announce something rather than govern it:
#: minutes, notices, newsletters. Minutes quote decisions and plans, so the vocabulary
#: of a governing document alone would read them as one.
_RECORD_TITLE_HEADS = (
    "protokoll", "protokollet", "sammanträdesprotokoll", "minnesanteckningar", "mötesanteckningar",
    "kallelse", "dagordning", "föredragningslista", "nyhetsbrev", "pressmeddelande", "nytt",
)


def _add_vocabulary(
    evidence: KindEvidence,
    document: AnalyzedDocument,
    words: frozenset[str],
    phrases: tuple[tuple[str, ...], ...],
    *,
    per_hit: float,
) -> None:
    """Points for a kind's typical words and phrases, at most 0.5, with a sample as the reason."""
    found = words & document.vocabulary
    found_phrases = _phrase_hits(document, phrases)
    hits = len(found) + len(found_phrases)
    if hits:
        sample = sorted(found)[:3] + [" ".join(p) for p in sorted(found_phrases)[:3]]
        evidence.add(min(0.5, per_hit * hits), f"ord som {', '.join(sample)}")


def score_styrdokument(document: AnalyzedDocument) -> KindEvidence:
    evidence = KindEvidence()
    record = next(
        (hit for title in _titles(document) if (hit := _title_hit(_words(title), _RECORD_TITLE_HEADS))), None
    ) or _early_hit(document, _RECORD_TITLE_HEADS, max_words=8, first_words=8)
    if record and record != "nytt":  # "Fritidsnytt", "Skolnytt"; not "Nytt förslag till …"
        evidence.add(-0.6, f"rubriken (”{record}”) visar att texten återger eller kallar till något, den styr inte")
    for title in _titles(document):
        words = _words(title)
        hit = _title_hit(words, _STYR_TITLE_HEADS)
        if hit:
            evidence.add(0.6, f"rubriken innehåller ”{hit}”")
            break
        weak = _title_hit(words, _STYR_TITLE_WEAK)
        if weak:
            evidence.add(0.45, f"rubriken innehåller ”{weak}”")
            break
    else:
        if not _any_title_hit(document):
            early = _early_hit(document, _STYR_TITLE_HEADS, max_words=None, first_words=6)
            if early:
                evidence.add(0.45, f"”{early}” står tidigt i dokumentet")
            else:
                weak_early = _early_hit(document, _STYR_TITLE_WEAK, max_words=12, first_words=4)
                if weak_early:
                    evidence.add(0.35, f"”{weak_early}” står tidigt i dokumentet")
    headings = {
        w
        for ablock in document.blocks
        if ablock.block.kind == BlockKind.HEADING
        for w in _words(ablock.block.text)[:2]
        if w in _STYR_HEADINGS
    }
    # short paragraph lines that work as headings in plain text ("Syfte", "Bakgrund")
    headings |= {
        ablock.block.text.strip().lower().rstrip(":")
        for ablock in document.blocks
        if ablock.block.kind == BlockKind.PARAGRAPH and ablock.block.text.strip().lower().rstrip(":") in _STYR_HEADINGS
    }
    if headings:
        evidence.add(min(0.3, 0.1 * len(headings)), f"rubriker som {', '.join(sorted(headings)[:4])}")
    _add_vocabulary(evidence, document, _STYR_WORDS, _STYR_PHRASES, per_hit=0.07)
    return evidence


_PARAGRAPH_SIGN = re.compile(r"^\d+\s*[a-z]?\s*§+$")


def _is_label(ablock: AnalyzedBlock) -> bool:
    text = ablock.block.text.strip()
    if not text or len(text) > 60 or _PARAGRAPH_SIGN.match(text):
        return False
    if text.endswith(":") or _CHECKBOX.search(text):
        return True
    return len(ablock.lowers) <= 5 and not text.endswith((".", "!", "?"))


def score_ansokan(document: AnalyzedDocument) -> KindEvidence:
    evidence = KindEvidence()
    for title in _titles(document):
        hit = _title_hit(_words(title), _FORM_TITLE_HEADS)
        if hit:
            evidence.add(0.6, f"rubriken innehåller ”{hit}”")
            break
    else:
        early = None if _any_title_hit(document) else _early_hit(document, _FORM_TITLE_HEADS, max_words=10, first_words=10)
        if early:
            evidence.add(0.45, f"”{early}” står tidigt i dokumentet")
    blocks = [b for b in document.blocks if b.block.kind not in (BlockKind.HEADER, BlockKind.FOOTER)]
    n = max(1, len(blocks))
    fields = sum(1 for b in blocks if b.block.kind == BlockKind.FORM_FIELD)
    if fields:
        evidence.add(0.4 if fields / n >= 0.1 or fields >= 5 else 0.2, f"{fields} formulärfält")
    boxes = sum(len(_CHECKBOX.findall(b.block.text)) for b in blocks if _MAY_HAVE_BOX.search(b.block.text))
    if boxes >= 2:
        evidence.add(0.25, f"{boxes} kryssrutor")
    labels = sum(1 for b in blocks if b.block.kind != BlockKind.HEADING and _is_label(b))
    if n >= 6 and labels / n >= 0.4:
        evidence.add(0.2, f"{labels} av {n} block är korta fältetiketter")
    _add_vocabulary(evidence, document, _FORM_WORDS, _FORM_PHRASES, per_hit=0.08)
    return evidence


def explain_kind(document: AnalyzedDocument) -> dict[str, list[str]]:
    """Why each built-in kind scored what it did (Swedish reasons)."""
    return {
        "styrdokument": score_styrdokument(document).reasons,
        "ansokan": score_ansokan(document).reasons,
    }


STYRDOKUMENT = DocumentKind(
    name="styrdokument",
    label="Styrdokument",
    detect=lambda document: score_styrdokument(document).capped,
    description="Policy, program, plan, strategi, riktlinje, verksamhetsplan, budget eller beslutsunderlag.",
)

ANSOKAN = DocumentKind(
    name="ansokan",
    label="Ansökan/blankett",
    detect=lambda document: score_ansokan(document).capped,
    description="Ansökningsblankett eller mall som den sökande fyller i.",
)
