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
import unicodedata
from functools import lru_cache
from itertools import chain
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

#: Characters that end a sentence (the ``punct_chars`` of spaCy's sentencizer).
_SENTENCE_END = frozenset([".", "!", "?", "…", ":", ";"])

# flags of a token's form (see _form_info)
_QUOTE = 1
_ENDS_SENTENCE = 2  # one of _SENTENCE_END
_PUNCT = 4  # only punctuation characters (spaCy's ``is_punct``), or _ENDS_SENTENCE
_DIGIT = 8  # holds a digit (``str.isdigit``)

#: One token of a chunk: (offset in the chunk, length, text, lower case, lemma, flags).
_Part = tuple[int, int, str, str, str, int]

#: Per distinct chunk (a run of non-whitespace characters, as ``str.split``
#: gives them): its tokens. A text repeats its words, so tokenising, lower
#: casing, the lemma lookup and the character tests cost one dictionary
#: lookup per chunk. Cleared when it grows past _CHUNKS_MAX (a worker process
#: scans many documents).
_chunks: dict[str, tuple[_Part, ...]] = {}
_CHUNKS_MAX = 50_000  # about 22 MB when full


def _form_info(word: str) -> tuple[str, str, int]:
    low = word.lower()
    flags = 0
    if word in _QUOTES:
        flags |= _QUOTE
    if word in _SENTENCE_END:
        flags |= _ENDS_SENTENCE | _PUNCT
    elif all(unicodedata.category(c).startswith("P") for c in word):
        flags |= _PUNCT
    if any(c.isdigit() for c in word):
        flags |= _DIGIT
    return low, lemma(low), flags


def _learn(chunks: Iterable[str]) -> None:
    """Tokenise ``chunks`` with spaCy (in one call) and remember their tokens in :data:`_chunks`.

    spaCy's tokenizer splits a text at whitespace first and tokenises every
    whitespace-free chunk on its own (prefixes, suffixes, infixes and the
    Swedish exceptions such as ``t.ex.``), so a chunk has the same tokens
    wherever it stands. The chunks are joined by blank lines, which keep
    spaCy's special-case matcher from joining tokens of two chunks.
    """
    from spacy.attrs import IDX, LENGTH

    todo = list(dict.fromkeys(chunks))
    if len(_chunks) + len(todo) > _CHUNKS_MAX:
        _chunks.clear()
    if not todo:
        return
    joined = "\n\n".join(todo)
    array = get_nlp().tokenizer(joined).to_array([IDX, LENGTH])
    starts = array[:, 0].tolist()
    lengths = array[:, 1].tolist()
    k = 0
    n = len(starts)
    base = 0
    for chunk in todo:
        end = base + len(chunk)
        parts: list[_Part] = []
        while k < n and starts[k] < end:
            rel = starts[k] - base
            if rel >= 0:  # skip the blank-line tokens between chunks
                word = chunk[rel : rel + lengths[k]]
                parts.append((rel, lengths[k], word, *_form_info(word)))
            k += 1
        _chunks[chunk] = tuple(parts)
        base = end + 2


def _analyze_block(block: Block, text: str, chunks: list[str]) -> AnalyzedBlock:
    """Tokens and sentences of one block, from its whitespace-free ``chunks`` (all in :data:`_chunks`).

    The tokens are exactly spaCy's (see :func:`_learn`). Sentence starts follow
    spaCy's rule-based sentencizer exactly: a token starts a sentence when a
    sentence-ending character came before it and it is not punctuation
    itself. spaCy makes a token of whitespace other than one space after a
    word; such a token can start a sentence too (then the next word does not
    count as the sentence's first), and is not kept.
    """
    tokens: list[Token] = []
    lowers: list[str] = []
    sentences: list[Sentence] = []
    digits: list[int] = []
    append = tokens.append
    append_lower = lowers.append
    known = _chunks
    find = text.find
    in_quotes = False
    seen_end = False
    n_tok = 0  # len(tokens)
    first_tok = 0  # index in ``tokens`` of the current sentence's first token
    n_sent = 0  # number of the current sentence among the non-empty ones
    start_of_sentence = not text[:1].isspace()  # else spaCy's first token is whitespace
    pos = 0
    for chunk in chunks:
        at = find(chunk, pos)
        if seen_end and at != pos and (at - pos > 1 or text[pos] != " "):
            # a whitespace token after a sentence end: it starts the next sentence
            seen_end = False
            if n_tok > first_tok:
                sentences.append(Sentence(first_tok, n_tok, tokens[first_tok].start, tokens[-1].end))
                n_sent += 1
            first_tok = n_tok
            start_of_sentence = False
        pos = at + len(chunk)
        for rel, length, word, low, lem, flags in known[chunk]:
            if flags:  # punctuation, a quotation mark or a digit
                if flags & _DIGIT:
                    digits.append(n_tok)
                if seen_end and not flags & _PUNCT:
                    seen_end = False
                    if n_tok > first_tok:
                        sentences.append(Sentence(first_tok, n_tok, tokens[first_tok].start, tokens[-1].end))
                        n_sent += 1
                    first_tok = n_tok
                    start_of_sentence = True
                elif flags & _ENDS_SENTENCE:
                    seen_end = True
                if flags & _QUOTE:
                    in_quotes = not in_quotes
                    quoted = False
                else:
                    quoted = in_quotes
            else:
                if seen_end:
                    seen_end = False
                    if n_tok > first_tok:
                        sentences.append(Sentence(first_tok, n_tok, tokens[first_tok].start, tokens[-1].end))
                        n_sent += 1
                    first_tok = n_tok
                    start_of_sentence = True
                quoted = in_quotes
            start = at + rel
            append(Token(word, low, lem, start, start + length, n_tok, n_sent, quoted, start_of_sentence))
            append_lower(low)
            n_tok += 1
            start_of_sentence = False
    if n_tok > first_tok:
        sentences.append(Sentence(first_tok, n_tok, tokens[first_tok].start, tokens[-1].end))
    return AnalyzedBlock(block, tokens, sentences, lowers, digits)


#: Lone surrogates (from broken UTF-16 or ``surrogateescape``) crash spaCy's
#: tokenizer. They are replaced one for one, so every offset stays valid.
_SURROGATES = re.compile("[\ud800-\udfff]")


def analyze_document(document: Document, batch_size: int = 256) -> AnalyzedDocument:
    """Tokenise every block of ``document`` and attach lemmas and sentences.

    Tokens are spaCy's, but spaCy's tokenizer only runs on chunks (words with
    their punctuation) not seen before in this process; sentence starts
    follow spaCy's sentencizer (see :func:`_analyze_block`). ``batch_size``
    is kept for compatibility and has no effect.
    """
    texts = [_SURROGATES.sub("\ufffd", b.text) if _SURROGATES.search(b.text) else b.text for b in document.blocks]
    splits = [text.split() for text in texts]
    distinct = set(chain.from_iterable(splits))
    new = distinct.difference(_chunks)
    if new:
        _learn(new)
        if not distinct.issubset(_chunks):  # the table was cleared while learning
            _learn(distinct)
    known = _chunks
    vocabulary = frozenset(part[3] for chunk in distinct for part in known[chunk])
    ablocks = [_analyze_block(block, text, chunks) for block, text, chunks in zip(document.blocks, texts, splits)]
    return AnalyzedDocument(document, ablocks, vocabulary=vocabulary)


def analyze_text(text: str) -> AnalyzedDocument:
    """Analyse one string as a one-paragraph document (handy in tests and examples)."""
    from ..model import BlockKind

    document = Document("<text>", "txt", [Block(0, BlockKind.PARAGRAPH, text, paragraph=0)])
    return analyze_document(document)
