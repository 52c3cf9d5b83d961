"""Swedish language layer: tokens, sentences, lemmas and compound heads.

Built on ``spacy.blank("sv")`` (tokenizer with Swedish abbreviations) plus a
rule-based sentencizer. There is no trained Swedish spaCy model on the
package index, so lemmas come from the lookup table of
``spacy-lookups-data`` (lower-cased and shipped as a sorted table in
``language/data/sv_lemmas.tsv.gz``, searched by bisection: 16 MB instead of a
240 MB dict) with our own corrections in
:data:`LEMMA_OVERRIDES` for entries that are wrong for our texts (the table
says han -> hane, hon -> hona, har -> hare).

Compound analysis (:func:`split_compound`) is suffix based: Swedish
compounds put the head last (socialtjänste|man), so a word is a compound of
a known head when it ends with the head and what is left in front is a
plausible word (at least three letters with a vowel). That is enough for
rule matching, where the heads come from the rule packs.

spaCy is imported on first use only: ``dokumentanalys --help`` must stay fast.
"""

from __future__ import annotations

import gzip
import re
import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from ..model import Block, Document
from .analyzed import AnalyzedBlock, AnalyzedDocument, Sentence, Token

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = [
    "get_nlp",
    "lemma",
    "split_compound",
    "analyze_document",
    "analyze_text",
    "LEMMA_OVERRIDES",
    "VOWELS",
]

VOWELS = frozenset("aeiouyåäöéè")

#: Corrections to the lookup table, lower case form -> lemma. Each line is a
#: mistake we saw in ``sv_lemma_lookup`` or a form the table lacks and rules need.
LEMMA_OVERRIDES: dict[str, str] = {
    # personal pronouns: the table maps them to animal nouns (hane, hona)
    "han": "han",
    "hans": "han",
    "honom": "han",
    "hon": "hon",
    "henne": "hon",
    "hennes": "hon",
    "hen": "hen",
    "hens": "hen",
    "denne": "denne",
    "dennes": "denne",
    "denna": "denna",
    "man": "man",  # the pronoun; the noun "man" has the same lemma anyway (table: mana)
    # verbs and nouns the table reads as something else
    "har": "ha",
    "hade": "ha",
    "intyg": "intyg",
    "intyget": "intyg",
    "kön": "kön",
    "könet": "kön",
    "könen": "kön",
    "mor": "mor",
    "far": "far",
    "mödrar": "mor",
    "fäder": "far",
    "mamma": "mamma",
    "mammor": "mamma",
    "pappa": "pappa",
    "pappor": "pappa",
    "barn": "barn",
    "barnen": "barn",
    "fröken": "fröken",
    "invånare": "invånare",
    "invånarna": "invånare",
    "deltagare": "deltagare",
    "deltagarna": "deltagare",
    "medarbetare": "medarbetare",
    "vårdnadshavare": "vårdnadshavare",
    "vårdnadshavarna": "vårdnadshavare",
    # participles used as nouns: keep them as persons, not verbs
    "anställd": "anställd",
    "anställda": "anställd",
    "anställde": "anställd",
    "sökande": "sökande",
    "sökanden": "sökande",
    "boende": "boende",
    "studerande": "studerande",
    "kvinnlig": "kvinnlig",
    "manlig": "manlig",
    "var": "var",  # adverb/pronoun far more often than "vara" in our texts
}

_nlp_lock = threading.Lock()
_nlp: "Language | None" = None
_lookup: bytes | None = None


def get_nlp() -> "Language":
    """The shared blank Swedish pipeline with a sentencizer (built once per process)."""
    global _nlp
    if _nlp is None:
        with _nlp_lock:
            if _nlp is None:
                import spacy

                nlp = spacy.blank("sv")
                nlp.add_pipe(
                    "sentencizer",
                    config={"punct_chars": [".", "!", "?", "…", ":", ";"]},
                )
                _nlp = nlp
    return _nlp


def _load_lookup() -> bytes:
    """The lemma table: sorted ``form<TAB>lemma`` lines (see scripts/build_lemma_table.py)."""
    global _lookup
    if _lookup is None:
        with _nlp_lock:
            if _lookup is None:
                from importlib.resources import files

                data = files("dokumentanalys.language") / "data" / "sv_lemmas.tsv.gz"
                _lookup = gzip.decompress(data.read_bytes())
    return _lookup


def _lookup_lemma(table: bytes, form: str) -> str | None:
    """Binary search for ``form`` in the sorted table; ``None`` when absent."""
    key = form.encode("utf-8")
    lo, hi = 0, len(table)
    while lo < hi:
        mid = (lo + hi) // 2
        start = table.rfind(b"\n", 0, mid) + 1
        end = table.find(b"\n", start)
        if end < 0:
            end = len(table)
        tab = table.find(b"\t", start, end)
        found = table[start:tab]
        if found == key:
            return table[tab + 1 : end].decode("utf-8")
        if found < key:
            lo = end + 1
        else:
            hi = start
    return None


@lru_cache(maxsize=200_000)
def lemma(lower: str) -> str:
    """Lemma of a lower-case word form; the form itself when unknown."""
    override = LEMMA_OVERRIDES.get(lower)
    if override is not None:
        return override
    return _lookup_lemma(_load_lookup(), lower) or lower


def split_compound(word: str, heads: Iterable[str] | dict[str, object], min_modifier: int = 3) -> tuple[str, str] | None:
    """Split ``word`` into (modifier, head) for the longest known ``head`` it ends with.

    ``socialtjänstemännen`` with head ``tjänstemännen`` gives
    ``("social", "tjänstemännen")``. The modifier must be at least
    ``min_modifier`` letters and contain a vowel, so ``skön`` is not a
    compound of ``kön``. Returns ``None`` when no head fits.
    """
    lower = word.lower()
    head_set = heads if isinstance(heads, (set, frozenset, dict)) else set(heads)
    for cut in range(min_modifier, len(lower) - 1):
        head = lower[cut:]
        if head in head_set:
            modifier = lower[:cut].rstrip("-")
            if len(modifier) >= min_modifier and any(c in VOWELS for c in modifier):
                return modifier, head
    return None


#: Quotation marks. Each one toggles "inside a quotation"; that handles Swedish
#: ”…” and »…», English "…" and German „…“ alike. Apostrophes are left out:
#: they are far more often part of a word than a quote.
_QUOTES = frozenset('"”“„»«')


def _analyze_block(block: Block, doc: object) -> AnalyzedBlock:
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    in_quotes = False
    sent_no = -1
    sent_start_tok = 0
    for t in doc:  # type: ignore[attr-defined]
        text = t.text
        if t.is_sent_start or sent_no < 0:
            if sent_no >= 0:
                sentences.append(_sentence(tokens, sent_start_tok, len(tokens)))
            sent_no += 1
            sent_start_tok = len(tokens)
            start_of_sentence = True
        else:
            start_of_sentence = False
        if text.isspace():
            continue
        quote_char = text in _QUOTES
        if quote_char:
            in_quotes = not in_quotes
        low = text.lower()
        tokens.append(
            Token(
                text=text,
                lower=low,
                lemma=lemma(low),
                start=t.idx,
                end=t.idx + len(text),
                i=len(tokens),
                sent=max(sent_no, 0),
                in_quotes=in_quotes and not quote_char,
                is_sent_start=start_of_sentence,
            )
        )
    if tokens:
        sentences.append(_sentence(tokens, sent_start_tok, len(tokens)))
    # sentence numbers must be dense indexes into ``sentences``
    for n, sentence in enumerate(sentences):
        for tok in tokens[sentence.start : sentence.end]:
            tok.sent = n
    sentences = [s for s in sentences if s.end > s.start]
    for n, sentence in enumerate(sentences):
        for tok in tokens[sentence.start : sentence.end]:
            tok.sent = n
    return AnalyzedBlock(block, tokens, sentences)


def _sentence(tokens: list[Token], start: int, end: int) -> Sentence:
    if end <= start:
        return Sentence(start, end, 0, 0)
    return Sentence(start, end, tokens[start].start, tokens[end - 1].end)


#: Lone surrogates (from broken UTF-16 or ``surrogateescape``) crash spaCy's
#: tokenizer. They are replaced one for one, so every offset stays valid.
_SURROGATES = re.compile("[\ud800-\udfff]")


def analyze_document(document: Document, batch_size: int = 256) -> AnalyzedDocument:
    """Tokenise every block of ``document`` and attach lemmas and sentences."""
    nlp = get_nlp()
    texts = [_SURROGATES.sub("\ufffd", b.text) for b in document.blocks]
    ablocks = [
        _analyze_block(block, doc)
        for block, doc in zip(document.blocks, nlp.pipe(texts, batch_size=batch_size))
    ]
    vocabulary = frozenset(t.lower for ab in ablocks for t in ab.tokens)
    return AnalyzedDocument(document, ablocks, vocabulary=vocabulary)


def analyze_text(text: str) -> AnalyzedDocument:
    """Analyse one string as a one-paragraph document (handy in tests and examples)."""
    from ..model import BlockKind

    document = Document("<text>", "txt", [Block(0, BlockKind.PARAGRAPH, text, paragraph=0)])
    return analyze_document(document)
