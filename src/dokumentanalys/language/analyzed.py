"""The analysed document rules work on: blocks split into sentences and tokens.

These are plain dataclasses, independent of spaCy, so that rule authors get a
small, stable interface: ``Token.lower``, ``Token.lemma``, ``Token.start`` /
``Token.end`` (offsets in the block's text), sentence boundaries and whether a
token stands inside quotation marks.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..model import Assessment, Block, Document

__all__ = ["Token", "Sentence", "AnalyzedBlock", "AnalyzedDocument"]


@dataclass(slots=True)
class Token:
    text: str
    lower: str
    lemma: str
    start: int
    end: int
    i: int
    sent: int
    in_quotes: bool = False
    is_sent_start: bool = False

    @property
    def is_alpha(self) -> bool:
        return self.text.isalpha()

    @property
    def is_digit(self) -> bool:
        return self.text.isdigit()

    @property
    def is_title(self) -> bool:
        """Capitalised like a name: ``Berg``, not ``HR-chef`` or ``SCB``."""
        return self.text[:1].isupper() and self.text[1:2].islower()


@dataclass(slots=True)
class Sentence:
    """Token index range ``[start, end)`` within the block, plus its character span."""

    start: int
    end: int
    char_start: int
    char_end: int


@dataclass(slots=True)
class AnalyzedBlock:
    block: Block
    tokens: list[Token]
    sentences: list[Sentence]
    #: ``[t.lower for t in tokens]``, built with the tokens: scanning words is
    #: cheaper through this list than through the Token objects
    lowers: list[str] = None  # type: ignore[assignment]
    #: indexes of the tokens that hold a digit, in order (see :meth:`has_digit`)
    digits: list[int] = None  # type: ignore[assignment]
    _words: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.lowers is None:
            self.lowers = [t.lower for t in self.tokens]
        if self.digits is None:
            self.digits = [t.i for t in self.tokens if any(c.isdigit() for c in t.text)]

    @property
    def text(self) -> str:
        return self.block.text

    @property
    def words(self) -> frozenset[str]:
        """The block's distinct lower-case words (built on first use)."""
        if self._words is None:
            self._words = frozenset(self.lowers)
        return self._words

    def has_any(self, words: frozenset[str] | set[str]) -> bool:
        """Does the block hold one of ``words`` (lower case)? A cheap filter before a closer look."""
        return not self.words.isdisjoint(words)

    def sentence_lowers(self, sentence: Sentence) -> list[str]:
        return self.lowers[sentence.start : sentence.end]

    def has_digit(self, start: int = 0, end: int | None = None) -> bool:
        """Does a token in ``tokens[start:end]`` hold a digit (``12``, ``2026-års``, ``5:e``)?"""
        digits = self.digits
        k = bisect_left(digits, start)
        return k < len(digits) and (end is None or digits[k] < end)

    def sentence_has_digit(self, sentence: Sentence) -> bool:
        """Does a token of ``sentence`` hold a digit? Cheaper than looking at every token."""
        return self.has_digit(sentence.start, sentence.end)

    def sentence_of(self, token: Token) -> Sentence:
        return self.sentences[token.sent]

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.start : sentence.end]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.block.text[sentence.char_start : sentence.char_end]


@dataclass(slots=True)
class AnalyzedDocument:
    document: Document
    blocks: list[AnalyzedBlock]
    kind: str = "other"
    assessment: Assessment = field(default_factory=lambda: Assessment(None))
    #: words (lower case) of the whole document, for cheap presence checks
    vocabulary: frozenset[str] = frozenset()
    #: per-document scratch space for shared passes (e.g. the term matcher's hits)
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def iter_sentences(self) -> Iterator[tuple[AnalyzedBlock, Sentence]]:
        for ablock in self.blocks:
            for sentence in ablock.sentences:
                yield ablock, sentence

    def has_any(self, words: frozenset[str] | set[str]) -> bool:
        """Does the document hold one of ``words`` (lower case)? Rules use it to skip a document."""
        return not self.vocabulary.isdisjoint(words)

    def blocks_with(self, words: frozenset[str] | set[str]) -> list[AnalyzedBlock]:
        """The blocks that hold one of ``words`` (lower case), in order; none when the document lacks them all."""
        if self.vocabulary.isdisjoint(words):
            return []
        return [ablock for ablock in self.blocks if not ablock.words.isdisjoint(words)]

    def iter_tokens(self) -> Iterator[tuple[AnalyzedBlock, Token]]:
        for ablock in self.blocks:
            for token in ablock.tokens:
                yield ablock, token

    def block_at(self, index: int) -> AnalyzedBlock:
        return self.blocks[index]
