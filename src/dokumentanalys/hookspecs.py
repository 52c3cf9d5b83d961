"""The plugin contract: every hook dokumentanalys calls, in one module.

Each hook is documented in ``docs/plugin-hooks.md`` under a heading that is
its exact signature (a test checks that they agree). Built-in extractors,
reporters, document kinds and rules register through these same hooks.

Plugins implement them with ``from dokumentanalys import hookimpl`` and are
found through the setuptools entry-point group ``dokumentanalys``. A plugin
may accept fewer arguments than the spec lists (pluggy "opt-in arguments"),
so hooks grow by gaining arguments, never by changing them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:  # pragma: no cover - imports for type checkers only
    from importlib.resources.abc import Traversable
    from pathlib import Path

    from .engine.rule import Rule
    from .extract.base import Extractor
    from .kinds import DocumentKind
    from .language.analyzed import AnalyzedDocument
    from .model import Assessment
    from .report.base import Reporter

hookspec = pluggy.HookspecMarker("dokumentanalys")

__all__ = ["hookspec"]


# --- extract: file -> Document -----------------------------------------------


@hookspec
def register_extractors() -> "list[Extractor]":
    """Return extractors for input formats this plugin reads.

    Called once when the plugin manager is built. An extractor says which
    files it takes by sniffing the first bytes (``Extractor.sniff``); the
    first extractor whose sniff accepts a file reads it, plugins before
    built-ins, so a plugin may take over a format.

    :return: a list of :class:`dokumentanalys.extract.base.Extractor`.
    """


# --- language and kinds: Document -> AnalyzedDocument --------------------------


@hookspec
def register_document_kinds() -> "list[DocumentKind]":
    """Return document kinds (profiles) this plugin can recognise.

    Called once per plugin manager. For each document every kind's
    ``detect`` gives a score; the highest score wins unless ``--kind`` or the
    configuration sets the kind. A kind can limit which rules apply.

    :return: a list of :class:`dokumentanalys.kinds.DocumentKind`.
    """


@hookspec(firstresult=True)
def assess_document(document: "AnalyzedDocument", kind: str) -> "Assessment | None":
    """Give the document's gender marker (0, 1, 2 or None) and the signals behind it.

    Called once per document after its kind is known and before rules run,
    so that rules can read ``document.assessment``. The first plugin that
    returns an :class:`~dokumentanalys.model.Assessment` wins; return
    ``None`` to leave the decision to others (the built-in assessment runs
    last).

    :param document: the analysed document.
    :param kind: the document kind name, e.g. ``"styrdokument"``.
    """


# --- rules: AnalyzedDocument -> Findings ----------------------------------------


@hookspec
def register_rule_packs() -> "list[Path | Traversable]":
    """Return paths of TOML rule packs (data rules) this plugin ships.

    Called once per plugin manager. Each file is validated against the rule
    schema; an invalid pack is reported once and skipped.

    :return: a list of paths (``pathlib.Path`` or ``importlib.resources`` files).
    """


@hookspec
def register_code_rules() -> "list[Rule]":
    """Return code rules: Python functions that need more than a word list.

    Made with :func:`dokumentanalys.engine.rule.code_rule`. Each rule runs
    on its own; an exception inside one becomes an error entry on that
    document and every other rule still runs.

    :return: a list of :class:`dokumentanalys.engine.rule.Rule`.
    """


# --- report: results -> files ---------------------------------------------------


@hookspec
def register_reporters() -> "list[Reporter]":
    """Return reporters (output formats) for ``--format NAME``.

    :return: a list of :class:`dokumentanalys.report.base.Reporter`.
    """

