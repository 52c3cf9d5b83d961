"""Evaluate the analyser against the hand-annotated corpus (``corpus/``).

Each annotated document has a sidecar ``<id>.gold.toml`` next to it (format
in ``corpus/README.md``). :func:`evaluate` runs the real
:class:`~dokumentanalys.pipeline.Analyzer` on every document of a split,
matches predicted findings to gold findings per category and computes
precision, recall and F1 per category and overall (micro average), plus the
accuracy of the document-level gender marker and of the detected kind.

Matching (one document at a time, one category at a time):

1. A gold finding with text matches a prediction whose ``matched`` text
   overlaps it: after normalising case and whitespace, the tokens of one are
   a contiguous run in the tokens of the other ("tjänstemännen" ~
   "Tjänstemännen", "120 elever" ~ "120 elever deltog"). ``alt`` texts of the
   gold finding count too.
2. Gold findings left over match a prediction whose excerpt contains the gold
   text (for rules that point at a whole sentence or cell).
3. A gold finding without text (document level, e.g.
   ``missing-gender-perspective``) matches any prediction of its category.

Every gold finding and every prediction is used at most once, with one
exception: an ``unsplit-statistics`` gold finding about a table may be
reported once per table or once per row or column, so once it is matched,
further predictions of that category in the same table are neutral. Optional gold
findings (``optional = true``) and ``[[ignore]]`` entries are neutral: a
prediction that lands on them counts neither as right nor as wrong, and an
optional gold finding that nobody predicted is not a miss. Predictions that
hit a ``[[trap]]`` are false positives like any other, but are labelled so in
the error lists.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from .model import CATEGORIES, DocumentResult, Finding

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Analyzer

__all__ = [
    "GoldFinding",
    "GoldEntry",
    "GoldDocument",
    "Prediction",
    "DocumentMatch",
    "Counts",
    "EvalResult",
    "GoldError",
    "KINDS",
    "SPLITS",
    "load_gold",
    "parse_gold",
    "validate_gold",
    "predictions_from_result",
    "match_document",
    "score",
    "evaluate",
    "render_table",
    "contract_kind",
]

KINDS: tuple[str, ...] = ("styrdokument", "ansokan", "other")
SPLITS: tuple[str, ...] = ("dev", "test")
_MARKERS: tuple[Any, ...] = (0, 1, 2, "null")
_DOC_SUFFIXES: tuple[str, ...] = (".docx", ".pdf", ".md", ".txt")
_TOKEN = re.compile(r"\w+|%", re.UNICODE)
_SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}
#: categories whose table-level gold absorbs further predictions in the same table
_TABLE_CATEGORIES: frozenset[str] = frozenset({"unsplit-statistics"})


class GoldError(ValueError):
    """A gold file is missing or malformed (one problem per line in the message)."""


# ---------------------------------------------------------------------------
# Gold data
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldFinding:
    """One expected finding. ``text`` is empty for document-level findings."""

    category: str
    text: str = ""
    alt: tuple[str, ...] = ()
    severity: str | None = None
    optional: bool = False
    note: str = ""

    @property
    def document_level(self) -> bool:
        return not self.text.strip()

    def texts(self) -> tuple[str, ...]:
        return (self.text, *self.alt) if self.text else self.alt


@dataclass(frozen=True)
class GoldEntry:
    """A ``[[trap]]`` (must not be flagged) or ``[[ignore]]`` (neutral) text.

    ``max_severity`` (ignore only): the prediction is neutral only up to this
    severity, e.g. a quoted statute may be flagged as info but not as warning.
    """

    text: str
    category: str | None = None
    note: str = ""
    max_severity: str | None = None


@dataclass(frozen=True)
class GoldDocument:
    id: str
    path: Path
    kind: str
    gender_marker: int | None
    split: str
    findings: tuple[GoldFinding, ...] = ()
    traps: tuple[GoldEntry, ...] = ()
    ignores: tuple[GoldEntry, ...] = ()
    note: str = ""
    gold_path: Path | None = None


def validate_gold(data: dict[str, Any], where: str = "") -> list[str]:
    """Problems with one parsed gold file, as Swedish-neutral developer messages."""
    problems: list[str] = []
    prefix = f"{where}: " if where else ""
    allowed_top = {"file", "kind", "gender_marker", "split", "note", "finding", "trap", "ignore"}
    for key in data:
        if key not in allowed_top:
            problems.append(f"{prefix}unknown key {key!r}")
    for key in ("file", "kind", "gender_marker", "split"):
        if key not in data:
            problems.append(f"{prefix}missing required key {key!r}")
    if "file" in data and not isinstance(data["file"], str):
        problems.append(f"{prefix}'file' must be a string")
    if "kind" in data and data["kind"] not in KINDS:
        problems.append(f"{prefix}kind {data['kind']!r} not in {KINDS}")
    if "gender_marker" in data:
        marker = data["gender_marker"]
        if isinstance(marker, bool) or marker not in _MARKERS:
            problems.append(f"{prefix}gender_marker {marker!r} must be 0, 1, 2 or \"null\"")
    if "split" in data and data["split"] not in SPLITS:
        problems.append(f"{prefix}split {data['split']!r} not in {SPLITS}")
    findings = data.get("finding", [])
    if not isinstance(findings, list):
        problems.append(f"{prefix}'finding' must be an array of tables ([[finding]])")
        findings = []
    doc_level = 0
    for n, f in enumerate(findings, start=1):
        if not isinstance(f, dict):
            problems.append(f"{prefix}finding {n} is not a table")
            continue
        extra = set(f) - {"category", "text", "alt", "severity", "optional", "note"}
        if extra:
            problems.append(f"{prefix}finding {n}: unknown keys {sorted(extra)}")
        category = f.get("category")
        if category not in CATEGORIES:
            problems.append(f"{prefix}finding {n}: category {category!r} not in the contract list")
        text = f.get("text", "")
        if not isinstance(text, str):
            problems.append(f"{prefix}finding {n}: text must be a string")
        elif not text.strip():
            if category != "missing-gender-perspective":
                problems.append(f"{prefix}finding {n}: only missing-gender-perspective may omit text")
            doc_level += 1
        elif not _tokens(text):
            problems.append(f"{prefix}finding {n}: text {text!r} has no word characters")
        alt = f.get("alt", [])
        if not isinstance(alt, list) or not all(isinstance(a, str) and _tokens(a) for a in alt):
            problems.append(f"{prefix}finding {n}: alt must be a list of non-empty strings")
        if "severity" in f and f["severity"] not in ("error", "warning", "info"):
            problems.append(f"{prefix}finding {n}: severity {f['severity']!r} must be error, warning or info")
        if "optional" in f and not isinstance(f["optional"], bool):
            problems.append(f"{prefix}finding {n}: optional must be true or false")
    marker = data.get("gender_marker")
    if doc_level > 1:
        problems.append(f"{prefix}at most one document-level missing-gender-perspective finding")
    if doc_level and marker != 0:
        problems.append(f"{prefix}missing-gender-perspective needs gender_marker = 0")
    if marker == 0 and data.get("kind") != "other" and not doc_level:
        problems.append(f"{prefix}gender_marker = 0 needs a missing-gender-perspective finding")
    for table in ("trap", "ignore"):
        entries = data.get(table, [])
        if not isinstance(entries, list):
            problems.append(f"{prefix}'{table}' must be an array of tables")
            continue
        for n, e in enumerate(entries, start=1):
            if not isinstance(e, dict) or not isinstance(e.get("text"), str) or not _tokens(e["text"]):
                problems.append(f"{prefix}{table} {n}: needs a non-empty text")
                continue
            extra = set(e) - {"text", "category", "note"} - ({"max_severity"} if table == "ignore" else set())
            if extra:
                problems.append(f"{prefix}{table} {n}: unknown keys {sorted(extra)}")
            if "category" in e and e["category"] not in CATEGORIES:
                problems.append(f"{prefix}{table} {n}: category {e['category']!r} not in the contract list")
            if "max_severity" in e and e["max_severity"] not in _SEVERITY_RANK:
                problems.append(f"{prefix}{table} {n}: max_severity must be error, warning or info")
    return problems


def parse_gold(path: Path) -> GoldDocument:
    """Read and validate one ``.gold.toml``; raises :class:`GoldError`."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GoldError(f"{path}: {exc}") from exc
    problems = validate_gold(data, str(path))
    target = path.parent / str(data.get("file", ""))
    if "file" in data and not target.is_file():
        problems.append(f"{path}: document {data['file']!r} does not exist")
    if "file" in data and target.suffix.lower() not in _DOC_SUFFIXES:
        problems.append(f"{path}: document suffix must be one of {_DOC_SUFFIXES}")
    if problems:
        raise GoldError("\n".join(problems))
    marker = data["gender_marker"]
    findings = tuple(
        GoldFinding(
            category=f["category"],
            text=f.get("text", "").strip(),
            alt=tuple(f.get("alt", ())),
            severity=f.get("severity"),
            optional=bool(f.get("optional", False)),
            note=f.get("note", ""),
        )
        for f in data.get("finding", [])
    )

    def entries(key: str) -> tuple[GoldEntry, ...]:
        return tuple(
            GoldEntry(e["text"], e.get("category"), e.get("note", ""), e.get("max_severity"))
            for e in data.get(key, [])
        )

    return GoldDocument(
        id=path.name[: -len(".gold.toml")],
        path=target,
        kind=data["kind"],
        gender_marker=None if marker == "null" else int(marker),
        split=data["split"],
        findings=findings,
        traps=entries("trap"),
        ignores=entries("ignore"),
        note=data.get("note", ""),
        gold_path=path,
    )


def load_gold(corpus: Path | str, split: str = "all") -> list[GoldDocument]:
    """Every gold document under ``corpus`` (recursively) in the given split."""
    root = Path(corpus)
    if not root.is_dir():
        raise GoldError(f"{root}: not a folder")
    docs: list[GoldDocument] = []
    problems: list[str] = []
    for path in sorted(root.rglob("*.gold.toml")):
        try:
            doc = parse_gold(path)
        except GoldError as exc:
            problems.append(str(exc))
            continue
        if split == "all" or doc.split == split:
            docs.append(doc)
    if problems:
        raise GoldError("\n".join(problems))
    return docs


# ---------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _TOKEN.findall(text.replace("\u00ad", "")))


def _contains(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    n = len(needle)
    if not n or n > len(haystack):
        return False
    return any(tuple(haystack[i : i + n]) == tuple(needle) for i in range(len(haystack) - n + 1))


def _overlaps(a: str, b: str) -> bool:
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta and tb) and (_contains(ta, tb) or _contains(tb, ta))


@dataclass(frozen=True)
class Prediction:
    """What the evaluation needs of a :class:`~dokumentanalys.model.Finding`."""

    category: str
    matched: str = ""
    excerpt: str = ""
    rule: str = ""
    severity: str = ""
    block: int | None = None
    page: int | None = None
    table: int | None = None

    @classmethod
    def of(cls, finding: Finding) -> "Prediction":
        return cls(
            category=finding.category,
            matched=finding.matched,
            excerpt=finding.excerpt,
            rule=finding.rule,
            severity=str(finding.severity),
            block=finding.location.block,
            page=finding.location.page,
            table=finding.location.table,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "rule": self.rule,
            "severity": self.severity,
            "matched": self.matched,
            "excerpt": self.excerpt,
            "block": self.block,
            "page": self.page,
        }


def predictions_from_result(result: DocumentResult) -> list[Prediction]:
    """Predictions in the contract categories; plugin categories have no gold to score against."""
    return [Prediction.of(f) for f in result.findings if f.category in CATEGORIES]


@dataclass
class DocumentMatch:
    """The outcome of matching one document's predictions to its gold."""

    doc_id: str
    true_positives: list[tuple[GoldFinding, Prediction]] = field(default_factory=list)
    false_positives: list[Prediction] = field(default_factory=list)
    false_negatives: list[GoldFinding] = field(default_factory=list)
    neutral: list[Prediction] = field(default_factory=list)
    trap_hits: list[tuple[GoldEntry, Prediction]] = field(default_factory=list)


def _text_match(gold: GoldFinding, pred: Prediction) -> bool:
    return bool(pred.matched) and any(_overlaps(t, pred.matched) for t in gold.texts())


def _excerpt_match(gold: GoldFinding, pred: Prediction) -> bool:
    source = pred.excerpt or pred.matched
    tokens = _tokens(source)
    return any(_contains(tokens, _tokens(t)) for t in gold.texts())


def _entry_hit(entry: GoldEntry, pred: Prediction) -> bool:
    if entry.category is not None and entry.category != pred.category:
        return False
    if entry.max_severity is not None and _SEVERITY_RANK.get(pred.severity, 3) > _SEVERITY_RANK[entry.max_severity]:
        return False
    if pred.matched:
        return _overlaps(entry.text, pred.matched)
    return _contains(_tokens(pred.excerpt), _tokens(entry.text))


def match_document(gold: GoldDocument, predictions: Iterable[Prediction]) -> DocumentMatch:
    """Pair predictions with gold findings (see the module docstring for the rules)."""
    result = DocumentMatch(gold.id)
    preds = list(predictions)
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs: dict[int, int] = {}

    order = [i for i, g in enumerate(gold.findings) if not g.optional] + [
        i for i, g in enumerate(gold.findings) if g.optional
    ]
    doc_level = [i for i in order if gold.findings[i].document_level]
    textual = [i for i in order if not gold.findings[i].document_level]

    def assign(gold_ids: list[int], test) -> None:  # type: ignore[no-untyped-def]
        for gi in gold_ids:
            if gi in used_gold:
                continue
            g = gold.findings[gi]
            for pi, p in enumerate(preds):
                if pi in used_pred or p.category != g.category:
                    continue
                if test(g, p):
                    used_gold.add(gi)
                    used_pred.add(pi)
                    pairs[gi] = pi
                    break

    # document-level gold: prefer predictions without a block, then any
    assign(doc_level, lambda g, p: p.block is None)
    assign(doc_level, lambda g, p: True)
    assign(textual, _text_match)
    assign(textual, _excerpt_match)

    for gi, g in enumerate(gold.findings):
        if gi in pairs:
            if g.optional:
                result.neutral.append(preds[pairs[gi]])
            else:
                result.true_positives.append((g, preds[pairs[gi]]))
        elif not g.optional:
            result.false_negatives.append(g)
    matched_tables = {
        (preds[pi].category, preds[pi].table)
        for gi, pi in pairs.items()
        if preds[pi].table is not None and gold.findings[gi].category in _TABLE_CATEGORIES
    }
    for pi, p in enumerate(preds):
        if pi in used_pred:
            continue
        if (p.category, p.table) in matched_tables or any(_entry_hit(e, p) for e in gold.ignores):
            result.neutral.append(p)
            continue
        result.false_positives.append(p)
        for trap in gold.traps:
            if _entry_hit(trap, p):
                result.trap_hits.append((trap, p))
                break
    return result


# ---------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------


def contract_kind(kind: str | None) -> str | None:
    """Map a kind to the contract kinds: plugin kinds (e.g. ``platsannons``) count as ``other``."""
    if kind is None or kind in KINDS:
        return kind
    return "other"



@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        if self.tp + self.fp == 0:
            return None if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        if self.tp + self.fn == 0:
            return None if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_json(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass
class DocumentOutcome:
    gold: GoldDocument
    match: DocumentMatch
    kind: str | None
    gender_marker: int | None
    errors: list[str] = field(default_factory=list)


@dataclass
class EvalResult:
    split: str
    per_category: dict[str, Counts]
    overall: Counts
    documents: list[DocumentOutcome]

    @property
    def marker_accuracy(self) -> float | None:
        if not self.documents:
            return None
        return sum(d.gold.gender_marker == d.gender_marker for d in self.documents) / len(self.documents)

    @property
    def kind_accuracy(self) -> float | None:
        if not self.documents:
            return None
        return sum(d.gold.kind == contract_kind(d.kind) for d in self.documents) / len(self.documents)

    def marker_confusion(self) -> dict[str, dict[str, int]]:
        """gold marker -> predicted marker -> number of documents."""
        table: dict[str, dict[str, int]] = {}
        for d in self.documents:
            row = table.setdefault(_marker_label(d.gold.gender_marker), {})
            key = _marker_label(d.gender_marker)
            row[key] = row.get(key, 0) + 1
        return table

    def to_json(self, show_errors: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "schema": "dokumentanalys/eval/v1",
            "split": self.split,
            "documents": len(self.documents),
            "overall": self.overall.to_json(),
            "categories": {c: n.to_json() for c, n in self.per_category.items()},
            "marker_accuracy": _round(self.marker_accuracy),
            "kind_accuracy": _round(self.kind_accuracy),
            "marker_confusion": self.marker_confusion(),
            "trap_hits": sum(len(d.match.trap_hits) for d in self.documents),
        }
        per_doc = []
        for d in self.documents:
            entry: dict[str, Any] = {
                "id": d.gold.id,
                "file": d.gold.path.name,
                "gold_kind": d.gold.kind,
                "kind": d.kind,
                "gold_marker": d.gold.gender_marker,
                "gender_marker": d.gender_marker,
                "tp": len(d.match.true_positives),
                "fp": len(d.match.false_positives),
                "fn": len(d.match.false_negatives),
            }
            if d.errors:
                entry["errors"] = d.errors
            if show_errors:
                trap_ids = {id(p) for _, p in d.match.trap_hits}
                entry["false_positives"] = [
                    {**p.to_json(), "trap": id(p) in trap_ids} for p in d.match.false_positives
                ]
                entry["false_negatives"] = [
                    {"category": g.category, "text": g.text, "note": g.note} for g in d.match.false_negatives
                ]
            per_doc.append(entry)
        data["per_document"] = per_doc
        return data


def _marker_label(marker: int | None) -> str:
    return "null" if marker is None else str(marker)


def score(pairs: Iterable[tuple[GoldDocument, DocumentResult]], split: str = "all") -> EvalResult:
    """Match and count, given gold documents and the analyser's results for them."""
    per_category: dict[str, Counts] = {c: Counts() for c in CATEGORIES}
    overall = Counts()
    outcomes: list[DocumentOutcome] = []
    for gold, result in pairs:
        match = match_document(gold, predictions_from_result(result))
        for g, _ in match.true_positives:
            per_category.setdefault(g.category, Counts()).tp += 1
        for p in match.false_positives:
            per_category.setdefault(p.category, Counts()).fp += 1
        for g in match.false_negatives:
            per_category.setdefault(g.category, Counts()).fn += 1
        outcomes.append(
            DocumentOutcome(
                gold=gold,
                match=match,
                kind=result.kind,
                gender_marker=result.gender_marker,
                errors=[f"{e.code}: {e.message}" for e in result.errors],
            )
        )
    for counts in per_category.values():
        overall.add(counts)
    return EvalResult(split=split, per_category=per_category, overall=overall, documents=outcomes)


def evaluate(corpus: Path | str, split: str = "dev", analyzer: "Analyzer | None" = None) -> EvalResult:
    """Run the analyser on every gold document of ``split`` and score it."""
    if split not in (*SPLITS, "all"):
        raise ValueError(f"unknown split {split!r}")
    docs = load_gold(corpus, split)
    if analyzer is None:
        from .pipeline import Analyzer

        analyzer = Analyzer()
    return score(((doc, analyzer.analyze(doc.path)) for doc in docs), split)


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def render_table(result: EvalResult, show_errors: bool = False) -> str:
    """A plain-text table (Swedish headings) with the same numbers as the JSON."""
    lines = [f"Utvärdering mot korpusen, delmängd {result.split}: {len(result.documents)} dokument", ""]
    header = f"{'Kategori':<28} {'TP':>4} {'FP':>4} {'FN':>4} {'Precision':>9} {'Täckning':>9} {'F1':>6}"
    lines += [header, "-" * len(header)]
    rows = list(result.per_category.items()) + [("totalt (mikro)", result.overall)]
    for name, c in rows:
        if name == "totalt (mikro)":
            lines.append("-" * len(header))
        lines.append(
            f"{name:<28} {c.tp:>4} {c.fp:>4} {c.fn:>4} {_fmt(c.precision):>9} {_fmt(c.recall):>9} {_fmt(c.f1):>6}"
        )
    lines.append("")
    lines.append(f"Jämställdhetsmarkör, träffsäkerhet: {_fmt(result.marker_accuracy)}")
    lines.append(f"Dokumenttyp, träffsäkerhet:         {_fmt(result.kind_accuracy)}")
    traps = sum(len(d.match.trap_hits) for d in result.documents)
    lines.append(f"Fällor som flaggades:               {traps}")
    confusion = result.marker_confusion()
    if confusion:
        labels = ["0", "1", "2", "null"]
        lines.append("")
        lines.append("Markör (rad = facit, kolumn = verktyget): " + "  ".join(f"{lab:>4}" for lab in labels))
        for gold_label in labels:
            row = confusion.get(gold_label, {})
            if row:
                cells = "  ".join(f"{row.get(lab, 0):>4}" for lab in labels)
                lines.append(f"{'':>37}{gold_label:>4}: {cells}")
    if show_errors:
        for d in result.documents:
            if not (d.match.false_positives or d.match.false_negatives or d.errors):
                continue
            lines.append("")
            lines.append(f"== {d.gold.path.name} (typ {d.kind}/{d.gold.kind}, markör {_marker_label(d.gender_marker)}/{_marker_label(d.gold.gender_marker)})")
            for e in d.errors:
                lines.append(f"  FEL  {e}")
            traps_hit = {id(p): t for t, p in d.match.trap_hits}
            for p in d.match.false_positives:
                mark = " [fälla]" if id(p) in traps_hit else ""
                text = p.matched or p.excerpt[:60]
                lines.append(f"  FP   {p.category:<27} {text!r} ({p.rule}){mark}")
            for g in d.match.false_negatives:
                lines.append(f"  FN   {g.category:<27} {g.text!r}")
    return "\n".join(lines) + "\n"
