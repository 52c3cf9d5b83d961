"""Document kinds (profiles): what sort of document this is.

A kind decides which rules apply (``RuleMeta.kinds``) and how the
gender-perspective assessment weighs its signals. Kinds are registered
through the ``register_document_kinds`` hook; every kind scores each
document with ``detect`` and the highest score wins. ``other`` scores a
constant floor, so a document that no kind claims is ``other``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from .language.analyzed import AnalyzedDocument

__all__ = ["DocumentKind", "choose_kind", "OTHER"]


@dataclass(frozen=True)
class DocumentKind:
    """A kind of document.

    :param name: stable identifier used in reports and ``--kind`` (``"styrdokument"``).
    :param label: Swedish name for reports (``"Styrdokument"``).
    :param detect: ``detect(document) -> float``: how strongly the document looks like
        this kind, 0.0 (not at all) to 1.0 (certainly).
    :param description: one Swedish sentence for ``dokumentanalys plugins``.
    """

    name: str
    label: str
    detect: "Callable[[AnalyzedDocument], float]"
    description: str = ""
    plugin: str = field(default="", compare=False)


#: score given to ``other``: a kind must beat this to claim a document
OTHER_FLOOR = 0.3

OTHER = DocumentKind(
    name="other",
    label="Övrigt",
    detect=lambda document: OTHER_FLOOR,
    description="Dokument som varken är styrdokument eller ansökningsblanketter.",
)


def choose_kind(kinds: "Sequence[DocumentKind]", document: "AnalyzedDocument") -> tuple[str, dict[str, float]]:
    """The best-scoring kind and every kind's score (for the report's explanation)."""
    scores: dict[str, float] = {}
    for kind in kinds:
        try:
            scores[kind.name] = float(kind.detect(document))
        except Exception:  # noqa: BLE001 - a broken kind must not stop the document
            scores[kind.name] = 0.0
    if not scores:
        return OTHER.name, {OTHER.name: OTHER_FLOOR}
    best = max(scores, key=lambda name: scores[name])
    return best, scores
