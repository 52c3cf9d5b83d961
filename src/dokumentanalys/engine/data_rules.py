"""Data rules: rule packs (TOML) compiled into one shared term index.

All data rules of all packs share one :class:`TermIndex`, built once per
process. A document is scanned once, token by token: each token costs one
dictionary lookup for the whole word plus one per possible compound split,
however many rules there are. The hits are then handed out to the rules,
whose own conditions (``after``, ``unless_sentence_has``, ...) run rule by
rule, each in isolation.

Matching order for one word, longest first: the whole word, then ever
shorter tails (compound heads). The first tail that is either a *keep* word
(``ombudsman`` in ``barnombudsman``) or a rule form decides; so a keep word
wins over any shorter rule form inside it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Iterable, Iterator

from pydantic import ValidationError

from ..language.analyzed import AnalyzedBlock, AnalyzedDocument, Token
from ..language.sv import VOWELS
from ..model import Finding, Severity
from .inflect import inflect
from .rule import Example, Rule, RuleContext, RuleMeta
from .schema import ExampleSpec, PackSpec, RuleSpec

__all__ = ["RulePackError", "load_pack", "TermIndex", "compile_rules", "LoadedPack"]

_CACHE_KEY = "data_rules.hits"
_MIN_MODIFIER = 3
_LINK_CHARS = "-"
#: word forms whose matches a TermIndex remembers before it starts afresh
_MEMO_MAX = 100_000


class RulePackError(Exception):
    """A rule pack that cannot be loaded; the message names the file and the problem."""


@dataclass(frozen=True)
class LoadedPack:
    path: str
    spec: PackSpec


def _read_bytes(path: Path | Traversable) -> bytes:
    return path.read_bytes()


def load_pack(path: Path | Traversable) -> LoadedPack:
    """Read and validate one pack; raises :class:`RulePackError` with a Swedish message."""
    name = str(path)
    try:
        data = tomllib.loads(_read_bytes(path).decode("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(f"{name}: regelpaketet kan inte läsas ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(f"{name}: ogiltig TOML ({exc})") from exc
    try:
        spec = PackSpec.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()[:5]
        )
        raise RulePackError(f"{name}: ogiltigt regelpaket ({problems})") from exc
    return LoadedPack(name, spec)


def _examples(spec: RuleSpec) -> tuple[Example, ...]:
    out: list[Example] = []
    for flag, items in ((True, spec.flag), (False, spec.pass_)):
        for item in items:
            if isinstance(item, ExampleSpec):
                out.append(Example(item.text, flag, item.kind, item.count))
            else:
                out.append(Example(item, flag))
    return tuple(out)


def rule_meta(spec: RuleSpec, pack: str) -> RuleMeta:
    return RuleMeta(
        id=spec.id,
        category=spec.category,
        severity=Severity(spec.severity),
        message=spec.message,
        suggestions=spec.suggestions,
        rationale=spec.rationale,
        source=spec.source,
        url=spec.url,
        name=spec.name,
        status=spec.status,
        kinds=spec.kinds,
        examples=_examples(spec),
        limitations=spec.limitations,
        pack=pack,
    )


# --- the index -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    rule: int  # index into TermIndex.specs
    compounds: bool
    n_tokens: int
    tokens: tuple[str, ...]


@dataclass(slots=True)
class Hit:
    rule: int
    ablock: AnalyzedBlock
    first: int  # token index
    last: int  # token index, inclusive
    compound: bool


@dataclass
class TermIndex:
    """Every form of every data rule, in two dictionaries."""

    specs: list[RuleSpec] = field(default_factory=list)
    #: single-token form -> entries
    words: dict[str, list[_Entry]] = field(default_factory=dict)
    #: first token of a multi-token form -> entries
    phrases: dict[str, list[_Entry]] = field(default_factory=dict)
    #: keep word -> rule indexes it protects (``None`` = every rule)
    keep: dict[str, set[int] | None] = field(default_factory=dict)
    #: per rule: lower-case word sets of its conditions
    conditions: list[dict[str, frozenset[str]]] = field(default_factory=list)
    #: word form -> (entries, is_compound): the result of matching the form, remembered
    _memo: dict[str, tuple[list[_Entry], bool]] = field(default_factory=dict, repr=False, compare=False)

    def add_keep(self, word: str, rule: int | None) -> None:
        self._memo.clear()
        for form in inflect(word):
            if rule is None:
                self.keep[form] = None
            else:
                current = self.keep.get(form, set())
                if current is not None:
                    current.add(rule)
                    self.keep[form] = current

    def add_rule(self, spec: RuleSpec) -> int:
        self._memo.clear()
        idx = len(self.specs)
        self.specs.append(spec)
        for match in spec.match:
            forms: list[str] = []
            if match.lemma:
                forms.extend(inflect(match.lemma, match.paradigm))
            forms.extend(f.lower().strip() for f in match.forms)
            for form in dict.fromkeys(forms):
                tokens = tuple(form.split())
                entry = _Entry(idx, match.compounds and len(tokens) == 1, len(tokens), tokens)
                target = self.words if len(tokens) == 1 else self.phrases
                target.setdefault(tokens[0], []).append(entry)
        for word in spec.except_:
            self.add_keep(word, idx)
        conditions = {
            name: frozenset(w.lower() for w in getattr(spec, name))
            for name in ("before", "after", "sentence_has", "unless_sentence_has", "unless_before", "unless_after")
        }
        conditions["downgrade"] = frozenset(w.lower() for w in spec.downgrade.sentence_has) if spec.downgrade else frozenset()
        self.conditions.append(conditions)
        return idx

    # -- scanning --

    def _word_entries(self, lower: str) -> tuple[list[_Entry], bool, set[int] | None]:
        """Entries for one word: (entries, is_compound, keep-protected rules)."""
        if lower in self.keep:
            protected = self.keep[lower]
            if protected is None:
                return [], False, None
            return [e for e in self.words.get(lower, []) if e.rule not in protected], False, protected
        exact = self.words.get(lower)
        if exact:
            return exact, False, set()
        n = len(lower)
        for cut in range(2, n - 2):
            tail = lower[cut:]
            if tail in self.keep:
                protected = self.keep[tail]
                if protected is None:
                    return [], False, None
            entries = self.words.get(tail)
            if entries and _plausible_modifier(lower[:cut]):
                keep_here = self.keep.get(tail, set()) or set()
                return [e for e in entries if e.compounds and e.rule not in keep_here], True, set()
        return [], False, set()

    def _memo_entries(self, lower: str) -> tuple[list[_Entry], bool]:
        """:meth:`_word_entries` for ``lower``, remembered per word form (bounded, per index)."""
        memo = self._memo
        if len(memo) >= _MEMO_MAX:
            memo.clear()
        entries, compound, _ = self._word_entries(lower) if lower[:1].isalpha() else ([], False, None)
        found = (entries, compound)
        memo[lower] = found
        return found

    def scan(self, document: AnalyzedDocument) -> list[Hit]:
        """Every hit in ``document``.

        Each distinct word of the document is matched once (and remembered
        across documents); then only the tokens whose word has a match, or
        starts a phrase, are looked at.
        """
        hits: list[Hit] = []
        phrases = self.phrases
        memo = self._memo
        hot: dict[str, tuple[list[_Entry], bool]] = {}
        for word in document.vocabulary:
            found = memo.get(word)
            if found is None:
                found = self._memo_entries(word)
            if found[0] or (word in phrases and word[:1].isalpha()):
                hot[word] = found
        if not hot:
            return hits
        for ablock in document.blocks:
            lowers = ablock.lowers
            n_tokens = len(lowers)
            for i, lower in enumerate(lowers):
                if lower not in hot:
                    continue
                if lower in phrases:
                    covered = False
                    for entry in phrases[lower]:
                        n = entry.n_tokens
                        if i + n <= n_tokens and all(lowers[i + k] == entry.tokens[k] for k in range(1, n)):
                            hits.append(Hit(entry.rule, ablock, i, i + n - 1, False))
                            covered = True
                    if covered:
                        continue
                entries, compound = hot[lower]
                for entry in entries:
                    hits.append(Hit(entry.rule, ablock, i, i, compound))
        return hits


def _plausible_modifier(modifier: str) -> bool:
    """Is ``modifier`` a plausible first part of a compound?

    After a hyphen anything goes (``HR-tjänsteman``); otherwise it must be at
    least three letters with a vowel, so that ``skön`` is not ``s`` + ``kön``.
    """
    if modifier.endswith(_LINK_CHARS):
        return len(modifier) > 1
    return len(modifier) >= _MIN_MODIFIER and any(c in VOWELS for c in modifier)


def _is_proper_name(ablock: AnalyzedBlock, tok: Token) -> bool:
    if tok.is_sent_start or tok.i == 0 or not tok.is_title:
        return False
    prev = ablock.tokens[tok.i - 1]
    # after markup or a list/field marker ("**Målsmans underskrift**", "• Förman", "(Talesman)")
    # a capital starts a label, not a name; only a word or a comma before it makes it a name
    return prev.text == "," or any(c.isalnum() for c in prev.text)


def _condition_ok(index: TermIndex, hit: Hit) -> bool:
    spec = index.specs[hit.rule]
    cond = index.conditions[hit.rule]
    tokens = hit.ablock.tokens
    first, last = tokens[hit.first], tokens[hit.last]
    if first.in_quotes and not spec.in_quotes:
        return False
    if not spec.proper_names and _is_proper_name(hit.ablock, first):
        return False
    prev = tokens[hit.first - 1] if hit.first > 0 else None
    nxt = tokens[hit.last + 1] if hit.last + 1 < len(tokens) else None
    if cond["before"] and not (prev and (prev.lower in cond["before"] or prev.lemma in cond["before"])):
        return False
    if cond["unless_before"] and prev and (prev.lower in cond["unless_before"] or prev.lemma in cond["unless_before"]):
        return False
    if cond["after"]:
        if nxt is None:
            return False
        if not (nxt.lower in cond["after"] or nxt.lemma in cond["after"] or _ends_with_any(nxt.lower, cond["after"])):
            return False
    if cond["unless_after"] and nxt and (nxt.lower in cond["unless_after"] or nxt.lemma in cond["unless_after"]):
        return False
    if spec.unless_name_follows and nxt is not None and nxt.is_title and not nxt.is_sent_start:
        return False
    if cond["sentence_has"] and not _sentence_has(hit, cond["sentence_has"]):
        return False
    if cond["unless_sentence_has"] and _sentence_has(hit, cond["unless_sentence_has"]):
        return False
    if spec.unless_number_within:
        sentence = hit.ablock.sentences[first.sent]
        lo = max(sentence.start, hit.first - spec.unless_number_within)
        hi = min(sentence.end, hit.last + 1 + spec.unless_number_within)
        if any(any(c.isdigit() for c in tok.text) for tok in tokens[lo:hi]):
            return False
    return True


def _sentence_has(hit: Hit, words: frozenset[str]) -> bool:
    """Does the hit's sentence hold one of ``words`` (form, lemma, or ``-suffix``)?"""
    tokens = hit.ablock.tokens
    sentence = hit.ablock.sentences[tokens[hit.first].sent]
    suffixes = tuple(w[1:] for w in words if w.startswith("-") and len(w) > 1)
    for tok in tokens[sentence.start : sentence.end]:
        if tok.lower in words or tok.lemma in words:
            return True
        if suffixes and tok.lower.endswith(suffixes):
            return True
    return False


def _ends_with_any(word: str, heads: frozenset[str]) -> bool:
    return any(
        word.endswith(h) and len(word) - len(h) >= _MIN_MODIFIER for h in heads
    )


def _hits(index: TermIndex, document: AnalyzedDocument) -> dict[int, list[Hit]]:
    cached = document.cache.get(_CACHE_KEY)
    if cached is None or cached[0] is not index:
        grouped: dict[int, list[Hit]] = {}
        for hit in index.scan(document):
            grouped.setdefault(hit.rule, []).append(hit)
        cached = (index, grouped)
        document.cache[_CACHE_KEY] = cached
    return cached[1]


def _make_check(index: TermIndex, rule_idx: int):
    def check(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
        for hit in _hits(index, document).get(rule_idx, ()):
            if not _condition_ok(index, hit):
                continue
            tokens = hit.ablock.tokens
            start, end = tokens[hit.first].start, tokens[hit.last].end
            matched = hit.ablock.block.text[start:end]
            spec = index.specs[rule_idx]
            severity = None
            template = ctx.meta.message
            if spec.downgrade and _sentence_has(hit, index.conditions[rule_idx]["downgrade"]):
                severity = spec.downgrade.severity
                template = spec.downgrade.message or template
            message = template.replace("{match}", matched)
            yield ctx.finding(hit.ablock, start, end, message=message, severity=severity)
            if spec.once_per_document:
                return

    return check


def compile_rules(packs: Iterable[LoadedPack], extra_keep: Iterable[str] = ()) -> tuple[TermIndex, list[Rule]]:
    """Build the shared index and one :class:`Rule` per data rule."""
    index = TermIndex()
    rules: list[Rule] = []
    for word in extra_keep:
        index.add_keep(word, None)
    for pack in packs:
        for word in pack.spec.pack.keep:
            index.add_keep(word, None)
        for spec in pack.spec.rule:
            idx = index.add_rule(spec)
            rules.append(Rule(rule_meta(spec, pack.spec.pack.id), _make_check(index, idx)))
    return index, rules
