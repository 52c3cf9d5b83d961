"""The schema of a rule pack file (TOML), validated with pydantic.

A pack looks like this (see ``rules/sv-termer.toml`` and ``docs/rules.md``)::

    [pack]
    id = "sv-term"
    name = "Könsbundna titlar och benämningar"
    keep = ["ombudsman", "brandman"]        # never flagged by any rule

    [[rule]]
    id = "term/tjansteman"
    category = "gendered-term"
    severity = "warning"
    message = "”{match}” utgår från att tjänstepersonen är en man."
    suggestions = ["tjänsteperson", "handläggare", "anställd"]
    rationale = "..."
    source = "ISOF, Frågelådan (svar 77439)"
    match = [{ lemma = "tjänsteman", paradigm = "man" }]
    flag = ["Tjänstemännen svarar inom en vecka.", "Fråga en socialtjänsteman."]
    pass = ["Tjänstepersonen svarar inom en vecka."]

Conditions a rule can add to its ``match`` (all optional, all combined with AND):

- ``except``: words (inflected like a lemma) this rule never flags.
- ``before`` / ``after``: the previous / next token must be one of these
  (``after`` also accepts a compound ending in one of them).
- ``unless_before`` / ``unless_after``: skip when the previous / next token is one of these.
- ``sentence_has``: report only when the sentence also has one of these words.
- ``unless_sentence_has``: skip when the sentence has one of these words.
- ``unless_number_within``: skip when a number (a token with a digit) stands
  within this many tokens of the hit in the same sentence ("22 kvinnliga
  chefer" is a count by sex, not gender marking); 0 turns the check off.
- ``unless_name_follows``: skip when the next token is capitalised like a name
  (``fröken Larsson``); at the start of a sentence this is not checked.
- ``in_quotes`` / ``proper_names``: also flag inside quotation marks /
  capitalised words mid-sentence (both skipped by default).
- ``once_per_document``: report only the first hit in a document (for notes
  that would repeat on every line, like a statutory term used throughout).
- ``[rule.downgrade]``: ``sentence_has``, ``severity`` and optional ``message``:
  when the sentence has one of the words, report at that severity with that
  message instead (``polisman`` next to ``polislagen`` or ``§`` is a quote of a
  statute: info, not warning).

Word lists are matched against each token's lower-case form and its lemma.
In the sentence lists (``sentence_has``, ``unless_sentence_has``,
``downgrade.sentence_has``) an entry starting with ``-`` matches every word
ending with the rest: ``"-lagen"`` matches ``skollagen`` and ``polislagen``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = ["MatchSpec", "ExampleSpec", "DowngradeSpec", "RuleSpec", "PackMeta", "PackSpec", "PARADIGMS"]

#: Inflection paradigms a match can name (see :func:`dokumentanalys.engine.inflect.inflect`).
PARADIGMS = ("man", "a", "er", "ar", "adj", "none", "auto")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class MatchSpec(_Strict):
    """What a rule looks for. Give ``lemma`` (inflected by ``paradigm``) or ``forms``.

    Forms may hold spaces (``"god man"``): they then match a sequence of
    tokens. With ``compounds = true`` a single-word form also matches as the
    last part of a compound (``tjänsteman`` in ``socialtjänstemännen``).
    """

    lemma: str | None = None
    paradigm: Literal["man", "a", "er", "ar", "adj", "none", "auto"] = "auto"
    forms: tuple[str, ...] = ()
    compounds: bool = True

    @model_validator(mode="after")
    def _needs_something(self) -> "MatchSpec":
        if not self.lemma and not self.forms:
            raise ValueError("en match behöver 'lemma' eller 'forms'")
        return self


class ExampleSpec(_Strict):
    text: str
    kind: str | None = None
    count: int | None = None


def _check_words(values: tuple[str, ...]) -> tuple[str, ...]:
    out = tuple(v.strip() for v in values)
    for v in out:
        if not v or v == "-":
            raise ValueError("tomt ord i ordlistan")
    return out


class DowngradeSpec(_Strict):
    """Report at ``severity`` (and with ``message``, when given) if the sentence has one of ``sentence_has``."""

    sentence_has: tuple[str, ...] = Field(min_length=1)
    severity: Literal["error", "warning", "info"] = "info"
    message: str = ""

    @field_validator("sentence_has")
    @classmethod
    def _words(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        return _check_words(values)


class RuleSpec(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._/-]*$")
    category: str = Field(min_length=1)
    severity: Literal["error", "warning", "info"]
    message: str = Field(min_length=1)
    suggestions: tuple[str, ...] = ()
    rationale: str = ""
    source: str = ""
    url: str = ""
    name: str = ""
    status: Literal["stable", "preview", "deprecated", "removed"] = "stable"
    kinds: tuple[str, ...] = ()
    limitations: str = ""
    match: tuple[MatchSpec, ...] = Field(min_length=1)
    except_: tuple[str, ...] = Field(default=(), alias="except")
    #: previous token must be one of these (lower-case form or lemma)
    before: tuple[str, ...] = ()
    #: next token must be one of these, or a compound ending in one of them
    after: tuple[str, ...] = ()
    #: skip a hit when its sentence contains one of these (form or lemma)
    unless_sentence_has: tuple[str, ...] = ()
    #: report a hit only when its sentence contains one of these (form or lemma)
    sentence_has: tuple[str, ...] = ()
    #: skip a hit when a number stands within this many tokens of it (same sentence); 0 = off
    unless_number_within: int = Field(default=0, ge=0)
    #: skip a hit when the next token is capitalised like a name ("fröken Larsson")
    unless_name_follows: bool = False
    #: report at another severity (and message) when the sentence has one of the given words
    downgrade: DowngradeSpec | None = None
    #: skip a hit when the previous token is one of these
    unless_before: tuple[str, ...] = ()
    #: skip a hit when the next token is one of these
    unless_after: tuple[str, ...] = ()
    #: also flag inside quotation marks (quoted titles of laws are skipped by default)
    in_quotes: bool = False
    #: also flag capitalised words in mid-sentence (skipped as proper names by default)
    proper_names: bool = False
    #: report only the first hit in a document
    once_per_document: bool = False
    flag: tuple[str | ExampleSpec, ...] = ()
    pass_: tuple[str | ExampleSpec, ...] = Field(default=(), alias="pass")

    @field_validator("suggestions", "except_", "before", "after", "unless_before", "unless_after")
    @classmethod
    def _lower(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(v.strip() for v in values)

    @field_validator("sentence_has", "unless_sentence_has")
    @classmethod
    def _sentence_words(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        return _check_words(values)


class PackMeta(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    name: str = ""
    version: str = "1"
    language: str = "sv"
    description: str = ""
    #: words never flagged by any rule, not even as the last part of a compound
    keep: tuple[str, ...] = ()


class PackSpec(_Strict):
    pack: PackMeta
    rule: tuple[RuleSpec, ...] = ()

    @model_validator(mode="after")
    def _unique_ids(self) -> "PackSpec":
        seen: set[str] = set()
        for rule in self.rule:
            if rule.id in seen:
                raise ValueError(f"regel-id {rule.id!r} förekommer flera gånger")
            seen.add(rule.id)
        return self
