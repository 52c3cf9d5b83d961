"""One interface for every rule, whether it is data (TOML) or code (Python).

A rule has metadata (:class:`RuleMeta`: id, category, severity, Swedish
message, suggestions, rationale, source, examples) and a ``check`` function
that takes an :class:`~dokumentanalys.language.analyzed.AnalyzedDocument`
and yields :class:`~dokumentanalys.model.Finding`. Code rules are written
with :func:`code_rule`::

    from dokumentanalys.engine.rule import code_rule

    @code_rule(
        id="demo/lang-mening",
        category="plain-language",
        severity="info",
        message="Meningen är mycket lång.",
        suggestions=["Dela upp meningen i två."],
        rationale="Långa meningar är svåra att läsa.",
        source="Klarspråkshjälpen",
        flag=["En mening " + "med många ord " * 20 + "."],
        pass_=["En kort mening."],
    )
    def long_sentence(doc, ctx):
        for ablock, sentence in doc.iter_sentences():
            if sentence.end - sentence.start > 60:
                yield ctx.finding(ablock, sentence.char_start, sentence.char_end)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Iterator

from ..language.analyzed import AnalyzedBlock, AnalyzedDocument
from ..model import Finding, Location, Severity

__all__ = ["Example", "RuleMeta", "Rule", "RuleContext", "code_rule", "excerpt_for"]

#: Statuses a rule can have (as ruff's RuleGroup): preview rules run only when selected.
STATUSES = ("stable", "preview", "deprecated", "removed")


@dataclass(frozen=True, slots=True)
class Example:
    """A text a rule must flag (``flag=True``) or must leave alone.

    ``kind`` pins the document kind for the example (for kind-dependent rules);
    ``count`` (flag examples only) is the number of findings expected, when given.
    """

    text: str
    flag: bool
    kind: str | None = None
    count: int | None = None


@dataclass(frozen=True, slots=True)
class RuleMeta:
    id: str
    category: str
    severity: Severity
    message: str
    suggestions: tuple[str, ...] = ()
    rationale: str = ""
    source: str = ""
    url: str = ""
    name: str = ""
    status: str = "stable"
    kinds: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()
    limitations: str = ""
    pack: str = ""
    plugin: str = ""

    @property
    def flag_examples(self) -> tuple[Example, ...]:
        return tuple(e for e in self.examples if e.flag)

    @property
    def pass_examples(self) -> tuple[Example, ...]:
        return tuple(e for e in self.examples if not e.flag)


CheckFn = Callable[[AnalyzedDocument, "RuleContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule: its metadata and the function that checks a document."""

    meta: RuleMeta
    check: CheckFn = field(compare=False)

    @property
    def id(self) -> str:
        return self.meta.id

    def applies_to(self, kind: str) -> bool:
        return not self.meta.kinds or kind in self.meta.kinds

    def with_plugin(self, plugin: str) -> "Rule":
        return Rule(replace(self.meta, plugin=plugin), self.check)

    def run(self, document: AnalyzedDocument) -> list[Finding]:
        return list(self.check(document, RuleContext(self.meta)))


def excerpt_for(ablock: AnalyzedBlock, start: int, end: int, limit: int = 300) -> str:
    """The sentence around ``[start, end)`` (or the cell), trimmed to ``limit`` characters."""
    text = ablock.block.text
    for sentence in ablock.sentences:
        if sentence.char_start <= start < max(sentence.char_end, sentence.char_start + 1):
            s, e = sentence.char_start, sentence.char_end
            break
    else:
        s, e = 0, len(text)
    # keep a match that spans sentences whole
    s, e = min(s, start), max(e, end)
    excerpt = text[s:e]
    if len(excerpt) > limit:
        rel = start - s
        lo = max(0, rel - limit // 2)
        excerpt = ("…" if lo else "") + excerpt[lo : lo + limit] + "…"
    return excerpt


@dataclass(frozen=True, slots=True)
class RuleContext:
    """Handed to code rules: makes findings that carry the rule's metadata."""

    meta: RuleMeta

    def finding(
        self,
        ablock: AnalyzedBlock | None,
        start: int | None = None,
        end: int | None = None,
        *,
        message: str | None = None,
        suggestions: Iterable[str] | None = None,
        severity: Severity | str | None = None,
        excerpt: str | None = None,
        source: str | None = None,
    ) -> Finding:
        """A finding at ``[start, end)`` in ``ablock``, or for the whole document (``ablock=None``)."""
        if ablock is None:
            location = Location(block=None)
            matched = ""
            default_excerpt = ""
        else:
            location = Location.of(ablock.block, start, end)
            matched = ablock.block.text[start:end] if start is not None and end is not None else ""
            default_excerpt = (
                excerpt_for(ablock, start, end if end is not None else start)
                if start is not None
                else ablock.block.text[:300]
            )
        return Finding(
            rule=self.meta.id,
            category=self.meta.category,
            severity=Severity(severity) if severity is not None else self.meta.severity,
            message=message if message is not None else self.meta.message,
            location=location,
            excerpt=excerpt if excerpt is not None else default_excerpt,
            suggestions=tuple(suggestions) if suggestions is not None else self.meta.suggestions,
            source=source if source is not None else self.meta.source,
            matched=matched,
        )


def _examples(flag: Iterable[Any], pass_: Iterable[Any]) -> tuple[Example, ...]:
    out: list[Example] = []
    for is_flag, items in ((True, flag), (False, pass_)):
        for item in items:
            if isinstance(item, Example):
                out.append(replace(item, flag=is_flag))
            elif isinstance(item, dict):
                out.append(Example(item["text"], is_flag, item.get("kind"), item.get("count")))
            else:
                out.append(Example(str(item), is_flag))
    return tuple(out)


def code_rule(
    *,
    id: str,
    category: str,
    severity: str,
    message: str,
    suggestions: Iterable[str] = (),
    rationale: str = "",
    source: str = "",
    url: str = "",
    name: str = "",
    status: str = "stable",
    kinds: Iterable[str] = (),
    limitations: str = "",
    flag: Iterable[Any] = (),
    pass_: Iterable[Any] = (),
) -> Callable[[CheckFn], Rule]:
    """Decorator that turns ``fn(document, ctx) -> Iterable[Finding]`` into a :class:`Rule`."""

    def wrap(fn: CheckFn) -> Rule:
        meta = RuleMeta(
            id=id,
            category=category,
            severity=Severity(severity),
            message=message,
            suggestions=tuple(suggestions),
            rationale=rationale or (fn.__doc__ or "").strip(),
            source=source,
            url=url,
            name=name or fn.__name__,
            status=status,
            kinds=tuple(kinds),
            examples=_examples(flag, pass_),
            limitations=limitations,
        )
        return Rule(meta, fn)

    return wrap


def iter_findings(rule: Rule, document: AnalyzedDocument) -> Iterator[Finding]:
    yield from rule.check(document, RuleContext(rule.meta))
