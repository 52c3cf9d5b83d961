"""Outside check on real public documents (not shipped, not tuned on).

Runs the analysis on the labelled real documents in a folder with a
``MANIFEST.json`` (by default ``../shared/real-docs`` next to the repository)
and prints how the labels and our results agree:

    .venv/bin/python bench/real_docs.py [FOLDER] [--json] [--show]

The documents are read where they are; nothing is copied into the project.
Use the figures to find general causes of errors, never to tune for one file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from dokumentanalys.pipeline import Analyzer
from dokumentanalys.plugins import load_registry

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "real-docs"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _overlaps(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return False
    return a in b or b in a or (len(a) > 40 and a[:40] in b) or (len(b) > 40 and b[:40] in a)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)

    manifest_path = args.folder / "MANIFEST.json"
    if not manifest_path.exists():
        print(f"no MANIFEST.json in {args.folder}", file=sys.stderr)
        return 2
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    registry = load_registry()
    analyzer = Analyzer(registry)
    kinds = {k.name for k in registry.kinds}

    stats = {
        "documents": 0, "unreadable": 0,
        "kind_ok": 0,
        "perspective_ok": 0, "perspective_total": 0,
        "terms_gold": 0, "terms_found": 0, "terms_predicted": 0, "terms_predicted_ok": 0,
        "stats_gold": 0, "stats_found": 0, "stats_predicted": 0, "stats_predicted_ok": 0,
    }
    problems: list[str] = []
    for entry in manifest:
        path = args.folder / entry["file"]
        result = analyzer.analyze(path)
        stats["documents"] += 1
        if not result.readable:
            stats["unreadable"] += 1
            problems.append(f"{entry['file']}: unreadable {[e.code for e in result.errors]}")
            continue
        gold_kind = entry["kind"] if entry["kind"] in kinds else "other"
        if result.kind == gold_kind:
            stats["kind_ok"] += 1
        else:
            problems.append(f"{entry['file']}: kind {result.kind} (label {entry['kind']})")

        gold_p = entry["has_gender_perspective"]
        marker = result.gender_marker
        predicted_p = None if marker is None else marker >= 1
        stats["perspective_total"] += 1
        if predicted_p == gold_p:
            stats["perspective_ok"] += 1
        else:
            problems.append(f"{entry['file']}: marker {marker} (label has_gender_perspective={gold_p})")

        terms = [f for f in result.findings if f.category == "gendered-term"]
        gold_terms = [t.lower() for t in entry["gendered_terms"]]
        stats["terms_gold"] += len(gold_terms)
        stats["terms_predicted"] += len(terms)
        matched_words = [f.matched.lower() for f in terms]
        for term in gold_terms:
            if any(term in w or w in term for w in matched_words):
                stats["terms_found"] += 1
            else:
                problems.append(f"{entry['file']}: missed term {term!r}")
        for f in terms:
            if any(t in f.matched.lower() or f.matched.lower() in t for t in gold_terms):
                stats["terms_predicted_ok"] += 1
            else:
                problems.append(f"{entry['file']}: extra term {f.matched!r} ({f.rule})")

        unsplit = [f for f in result.findings if f.category == "unsplit-statistics"]
        gold_stats = entry["people_statistics_unsplit"]
        stats["stats_gold"] += len(gold_stats)
        stats["stats_predicted"] += len(unsplit)
        for sentence in gold_stats:
            if any(_overlaps(sentence, f.excerpt) for f in unsplit):
                stats["stats_found"] += 1
            else:
                problems.append(f"{entry['file']}: missed statistic {sentence[:80]!r}")
        for f in unsplit:
            if any(_overlaps(s, f.excerpt) for s in gold_stats):
                stats["stats_predicted_ok"] += 1
            else:
                problems.append(f"{entry['file']}: extra statistic {f.excerpt[:80]!r}")

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    readable = stats["documents"] - stats["unreadable"]
    figures = {
        "documents": stats["documents"],
        "unreadable": stats["unreadable"],
        "kind_accuracy": ratio(stats["kind_ok"], readable),
        "perspective_accuracy": ratio(stats["perspective_ok"], stats["perspective_total"]),
        "gendered_term_recall": ratio(stats["terms_found"], stats["terms_gold"]),
        "gendered_term_precision": ratio(stats["terms_predicted_ok"], stats["terms_predicted"]),
        "unsplit_statistics_recall": ratio(stats["stats_found"], stats["stats_gold"]),
        "unsplit_statistics_precision": ratio(stats["stats_predicted_ok"], stats["stats_predicted"]),
        "counts": stats,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            if key != "counts":
                print(f"{key:32} {value}")
        c = stats
        print(f"{'gendered terms':32} gold {c['terms_gold']}, predicted {c['terms_predicted']}")
        print(f"{'unsplit statistics':32} gold {c['stats_gold']}, predicted {c['stats_predicted']}")
    if args.show:
        print("\n".join(problems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
