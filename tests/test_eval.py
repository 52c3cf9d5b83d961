"""The evaluation corpus and the evaluation logic.

* matching and metrics on hand-made predictions (independent of rule quality);
* every gold file validates, and every annotated text really is in its document;
* corpus/build.py regenerates the committed documents with identical text;
* a floor on the TEST split, so that rule changes cannot silently get worse.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from dokumentanalys.evaluate import (
    Counts,
    GoldDocument,
    GoldEntry,
    GoldError,
    GoldFinding,
    Prediction,
    load_gold,
    match_document,
    parse_gold,
    render_table,
    score,
    validate_gold,
)
from dokumentanalys.model import CATEGORIES, Assessment, DocumentResult, Finding, Location, Severity

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DOCS = CORPUS / "docs"

# Floors for the TEST split. Set from what the tool achieved when the corpus
# was written (precision 0.94, recall 0.75, marker accuracy 0.90 = 19/21
# documents), rounded down to the 0.05 below. They may only go up: raise them
# when the rules improve, never lower them to make a change pass.
P_FLOOR = 0.90
R_FLOOR = 0.90  # raised from 0.70 in session 2 (test split at its end: P 0.91, R 0.94, marker 0.95)
M_FLOOR = 0.90


def _gold(*findings: GoldFinding, traps: tuple[GoldEntry, ...] = (), ignores: tuple[GoldEntry, ...] = (), marker: int | None = 0) -> GoldDocument:
    return GoldDocument(
        id="doc",
        path=Path("doc.txt"),
        kind="styrdokument",
        gender_marker=marker,
        split="dev",
        findings=findings,
        traps=traps,
        ignores=ignores,
    )


def _pred(category: str, matched: str = "", excerpt: str = "", severity: str = "warning", block: int | None = 1) -> Prediction:
    return Prediction(category=category, matched=matched, excerpt=excerpt, rule="x/y", severity=severity, block=block)


# ---------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------


def test_inflected_and_case_insensitive_text_matches() -> None:
    gold = _gold(GoldFinding("gendered-term", "tjänstemännen"))
    m = match_document(gold, [_pred("gendered-term", "Tjänstemännen")])
    assert len(m.true_positives) == 1 and not m.false_positives and not m.false_negatives


def test_overlap_works_in_both_directions() -> None:
    gold = _gold(
        GoldFinding("unsplit-statistics", "120 elever"),
        GoldFinding("gender-marking", "kvinnlig läkare"),
    )
    preds = [_pred("unsplit-statistics", "120 elever deltog"), _pred("gender-marking", "kvinnlig")]
    m = match_document(gold, preds)
    assert len(m.true_positives) == 2


def test_token_match_does_not_match_inside_words() -> None:
    # "han" is not a token of "handläggaren"; "kön" is not a token of "skönlitteratur"
    gold = _gold(GoldFinding("generic-masculine", "han"))
    m = match_document(gold, [_pred("generic-masculine", "handläggaren")])
    assert len(m.false_positives) == 1 and len(m.false_negatives) == 1


def test_whitespace_variants_in_numbers_match() -> None:
    gold = _gold(GoldFinding("unsplit-statistics", "3 850 medlemmar"))
    m = match_document(gold, [_pred("unsplit-statistics", "3\u00a0850  medlemmar")])
    assert len(m.true_positives) == 1


def test_category_must_agree() -> None:
    gold = _gold(GoldFinding("gendered-term", "hans fru"))
    m = match_document(gold, [_pred("stereotype", "hans fru")])
    assert len(m.false_positives) == 1 and len(m.false_negatives) == 1 and not m.true_positives


def test_each_gold_and_each_prediction_used_once() -> None:
    gold = _gold(GoldFinding("generic-masculine", "han"))
    preds = [_pred("generic-masculine", "han"), _pred("generic-masculine", "han")]
    m = match_document(gold, preds)
    assert len(m.true_positives) == 1 and len(m.false_positives) == 1

    gold2 = _gold(GoldFinding("generic-masculine", "han"), GoldFinding("generic-masculine", "han"))
    m2 = match_document(gold2, [_pred("generic-masculine", "han")])
    assert len(m2.true_positives) == 1 and len(m2.false_negatives) == 1


def test_excerpt_fallback_only_after_text_matches() -> None:
    gold = _gold(GoldFinding("unsplit-statistics", "Medlemmar 7–20 år"), GoldFinding("unsplit-statistics", "612"))
    # the first prediction's excerpt contains both gold texts, but its matched
    # text is "612": it must pair with "612", leaving the other for the second
    preds = [
        _pred("unsplit-statistics", "612", excerpt="Medlemmar 7–20 år 612"),
        _pred("unsplit-statistics", "", excerpt="Förening | Medlemmar 7–20 år | Beviljat"),
    ]
    m = match_document(gold, preds)
    assert len(m.true_positives) == 2


def test_alt_texts_match() -> None:
    gold = _gold(GoldFinding("unsplit-statistics", "Antal brukare", alt=("1 090",)))
    m = match_document(gold, [_pred("unsplit-statistics", "1 090")])
    assert len(m.true_positives) == 1


def test_document_level_gold_matches_any_prediction_of_its_category() -> None:
    gold = _gold(GoldFinding("missing-gender-perspective"))
    m = match_document(gold, [_pred("missing-gender-perspective", block=None)])
    assert len(m.true_positives) == 1
    m2 = match_document(gold, [])
    assert len(m2.false_negatives) == 1
    m3 = match_document(_gold(marker=1), [_pred("missing-gender-perspective", block=None)])
    assert len(m3.false_positives) == 1


def test_optional_and_ignore_are_neutral() -> None:
    gold = _gold(
        GoldFinding("unsplit-statistics", "14 socialsekreterare", optional=True),
        GoldFinding("unsplit-statistics", "99 elever", optional=True),
        ignores=(GoldEntry("god man"),),
    )
    preds = [_pred("unsplit-statistics", "14 socialsekreterare"), _pred("gendered-term", "god man")]
    m = match_document(gold, preds)
    assert not m.true_positives and not m.false_positives and not m.false_negatives
    assert len(m.neutral) == 2


def test_ignore_with_max_severity() -> None:
    ignores = (GoldEntry("polisman", max_severity="info"),)
    m = match_document(_gold(ignores=ignores), [_pred("gendered-term", "polisman", severity="info")])
    assert not m.false_positives
    m2 = match_document(_gold(ignores=ignores), [_pred("gendered-term", "polisman", severity="warning")])
    assert len(m2.false_positives) == 1


def test_ignore_category_restricts() -> None:
    ignores = (GoldEntry("34 brandmän", category="unsplit-statistics"),)
    m = match_document(_gold(ignores=ignores), [_pred("gendered-term", "brandmän")])
    assert len(m.false_positives) == 1


def test_table_gold_absorbs_more_predictions_in_the_same_table() -> None:
    gold = _gold(GoldFinding("unsplit-statistics", "Antal brukare"))
    preds = [
        Prediction("unsplit-statistics", "Antal brukare", table=2),
        Prediction("unsplit-statistics", "Hemtjänst", table=2),
        Prediction("unsplit-statistics", "Korttidsboende", table=3),
        Prediction("gendered-term", "Hemtjänst", table=2),
    ]
    m = match_document(gold, preds)
    assert len(m.true_positives) == 1
    assert [p.matched for p in m.neutral] == ["Hemtjänst"]
    assert [p.matched for p in m.false_positives] == ["Korttidsboende", "Hemtjänst"]


def test_plugin_kinds_count_as_other() -> None:
    from dokumentanalys.evaluate import contract_kind

    assert contract_kind("platsannons") == "other"
    assert contract_kind("ansokan") == "ansokan"
    assert contract_kind(None) is None


def test_trap_hits_are_labelled_false_positives() -> None:
    gold = _gold(traps=(GoldEntry("skönlitteratur"),))
    m = match_document(gold, [_pred("missing-gender-perspective", "skönlitteratur")])
    assert len(m.false_positives) == 1 and len(m.trap_hits) == 1


# ---------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------


def test_counts_metrics() -> None:
    c = Counts(tp=6, fp=2, fn=4)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().precision is None and Counts().f1 is None
    assert Counts(fn=3).precision == 0.0 and Counts(fn=3).recall == 0.0
    assert Counts(fp=3).recall == 0.0


def _result(path: str, kind: str, marker: int | None, findings: list[tuple[str, str]]) -> DocumentResult:
    return DocumentResult(
        path=path,
        kind=kind,
        findings=[
            Finding(rule="t/r", category=c, severity=Severity.WARNING, message="m", location=Location(block=0), matched=t)
            for c, t in findings
        ],
        assessment=Assessment(marker),
    )


def test_score_micro_average_marker_and_kind_accuracy() -> None:
    a = GoldDocument("a", Path("a.txt"), "styrdokument", 0, "dev", (GoldFinding("gendered-term", "talesman"), GoldFinding("missing-gender-perspective")))
    b = GoldDocument("b", Path("b.txt"), "ansokan", None, "dev", (GoldFinding("generic-masculine", "han"),))
    ra = _result("a.txt", "styrdokument", 0, [("gendered-term", "talesman"), ("gendered-term", "Mannheim"), ("missing-gender-perspective", "")])
    rb = _result("b.txt", "styrdokument", 1, [])
    res = score([(a, ra), (b, rb)], "dev")
    assert (res.overall.tp, res.overall.fp, res.overall.fn) == (2, 1, 1)
    assert res.per_category["gendered-term"].precision == pytest.approx(0.5)
    assert res.per_category["generic-masculine"].recall == 0.0
    assert res.marker_accuracy == pytest.approx(0.5)
    assert res.kind_accuracy == pytest.approx(0.5)
    assert res.marker_confusion() == {"0": {"0": 1}, "null": {"1": 1}}
    data = res.to_json()
    assert data["overall"]["tp"] == 2 and data["categories"]["gendered-term"]["fp"] == 1
    fps = [fp["matched"] for d in data["per_document"] for fp in d["false_positives"]]
    assert fps == ["Mannheim"]
    table = render_table(res, show_errors=True)
    assert "totalt (mikro)" in table and "'Mannheim'" in table


# ---------------------------------------------------------------------------
# Gold files
# ---------------------------------------------------------------------------


def test_validate_gold_reports_problems() -> None:
    bad = {
        "file": "x.txt",
        "kind": "policy",
        "gender_marker": 3,
        "split": "train",
        "finding": [{"category": "sexism", "text": "x"}, {"category": "gendered-term"}],
    }
    problems = validate_gold(bad)
    text = "\n".join(problems)
    for needle in ("kind", "gender_marker", "split", "sexism", "only missing-gender-perspective"):
        assert needle in text
    ok = {"file": "x.txt", "kind": "ansokan", "gender_marker": "null", "split": "dev"}
    assert validate_gold(ok) == []
    # marker 0 on a document about people needs the document-level finding
    assert validate_gold({**ok, "gender_marker": 0})


def test_parse_gold_rejects_missing_document(tmp_path: Path) -> None:
    gold = tmp_path / "a.gold.toml"
    gold.write_text('file = "a.pdf"\nkind = "other"\ngender_marker = "null"\nsplit = "dev"\n', encoding="utf-8")
    with pytest.raises(GoldError, match="does not exist"):
        parse_gold(gold)


GOLD_FILES = sorted(DOCS.glob("*.gold.toml"))


def test_corpus_size_and_balance() -> None:
    docs = load_gold(CORPUS)
    assert len(docs) >= 44
    splits = Counter(d.split for d in docs)
    # The test split was fixed when the corpus was first written and never
    # tuned on; new documents written while generalising rules go to dev
    # (they were looked at), so only the dev share grows.
    assert splits["test"] >= 21
    assert splits["dev"] >= splits["test"]
    for split in ("dev", "test"):
        part = [d for d in docs if d.split == split]
        assert {d.kind for d in part} == {"styrdokument", "ansokan", "other"}
        assert {d.gender_marker for d in part} == {0, 1, 2, None}
        assert {d.path.suffix for d in part} == {".docx", ".pdf", ".md", ".txt"}
        per_cat = Counter(f.category for d in part for f in d.findings if not f.optional)
        for category in CATEGORIES:
            assert per_cat[category] >= 6, (split, category)


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_validates_and_texts_are_in_the_document(gold_path: Path) -> None:
    """Every annotated text occurs in the document's source text (as words)."""
    doc = parse_gold(gold_path)
    build = _build_module()
    source = CORPUS / "src" / f"{doc.id}.src"
    assert source.is_file(), f"no source for {doc.id}"
    parsed = build.parse_source(source)
    assert parsed.format == doc.path.suffix.lstrip(".")
    tokens = _tokens(build.render_txt(parsed))
    wanted: Counter[tuple[str, ...]] = Counter()
    for f in doc.findings:
        for text in f.texts():
            assert _occurrences(tokens, _tokens(text)) > 0, f"{f.category} {text!r} not in {doc.id}"
        if f.text and not f.optional:
            wanted[_tokens(f.text)] += 1
    for key, n in wanted.items():
        assert _occurrences(tokens, key) >= n, f"{' '.join(key)!r} annotated {n} times in {doc.id}"
    for entry in doc.traps + doc.ignores:
        assert _occurrences(tokens, _tokens(entry.text)) > 0, f"trap/ignore {entry.text!r} not in {doc.id}"


def _tokens(text: str) -> tuple[str, ...]:
    from dokumentanalys.evaluate import _tokens as tokens

    return tokens(text)


def _occurrences(hay: tuple[str, ...], needle: tuple[str, ...]) -> int:
    n = len(needle)
    return sum(1 for i in range(len(hay) - n + 1) if hay[i : i + n] == needle)


def test_every_source_has_a_gold_file() -> None:
    sources = {p.stem for p in (CORPUS / "src").glob("*.src")}
    build = _build_module()
    docs_sources = {s for s in sources if build.parse_source(CORPUS / "src" / f"{s}.src").folder == "docs"}
    gold = {p.name[: -len(".gold.toml")] for p in GOLD_FILES}
    assert docs_sources == gold


# ---------------------------------------------------------------------------
# Build script
# ---------------------------------------------------------------------------


def _build_module():  # type: ignore[no-untyped-def]
    if "corpus_build" in sys.modules:
        return sys.modules["corpus_build"]
    spec = importlib.util.spec_from_file_location("corpus_build", CORPUS / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_build"] = module
    spec.loader.exec_module(module)
    return module


def _plain_text(path: Path) -> str:
    """Text of a generated document, read with the plain libraries (not our extractors)."""
    if path.suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [p.text for s in d.sections for p in s.header.paragraphs]
        for p in d.paragraphs:
            parts.append(p.text)
        for t in d.tables:
            for row in t.rows:
                parts.extend(c.text for c in row.cells)
        return "\n".join(parts)
    if path.suffix == ".pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    return path.read_text(encoding="utf-8")


def test_build_regenerates_identical_text(tmp_path: Path) -> None:
    build = _build_module()
    assert build.main(["--out", str(tmp_path)]) == 0
    built = {p.name: p for p in tmp_path.rglob("*") if p.is_file()}
    assert built, "build.py produced nothing"
    for name, fresh in sorted(built.items()):
        folder = fresh.parent.name
        committed = CORPUS / folder / name
        assert committed.is_file(), f"{folder}/{name} is not committed; run corpus/build.py"
        if fresh.read_bytes() == committed.read_bytes():
            continue  # the build is deterministic, so this is the usual case
        assert _plain_text(fresh) == _plain_text(committed), f"{folder}/{name} differs from its source; run corpus/build.py"


def test_pdf_text_round_trips_swedish_characters() -> None:
    text = _plain_text(DOCS / "foreningsstod-bjorkvik.pdf")
    for word in ("Björkviks kommun", "föreningsstöd", "målsmans", "åldern", "7–20 år", "Sida 2"):
        assert word in text


# ---------------------------------------------------------------------------
# The real analyser on the test split
# ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def test_split_result(analyzer):  # type: ignore[no-untyped-def]
    from dokumentanalys.evaluate import evaluate

    return evaluate(CORPUS, "test", analyzer)


def test_every_test_document_is_read(test_split_result) -> None:  # type: ignore[no-untyped-def]
    for outcome in test_split_result.documents:
        assert not any(e.startswith("read/") for e in outcome.errors), (outcome.gold.id, outcome.errors)


def test_floor_on_test_split(test_split_result) -> None:  # type: ignore[no-untyped-def]
    res = test_split_result
    assert res.overall.precision is not None and res.overall.precision >= P_FLOOR, render_table(res)
    assert res.overall.recall is not None and res.overall.recall >= R_FLOOR, render_table(res)
    assert res.marker_accuracy is not None and res.marker_accuracy >= M_FLOOR, render_table(res)


def test_eval_command_json(tmp_path: Path) -> None:
    """The CLI runs on a tiny corpus and prints the contract numbers."""
    import json
    import shutil

    from click.testing import CliRunner

    from dokumentanalys.cli import main

    for name in ("folkhalsoprogram-granberg.txt", "folkhalsoprogram-granberg.gold.toml"):
        shutil.copy(DOCS / name, tmp_path / name)
    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--split", "all", "--format", "json", "--show-errors"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["documents"] == 1
    assert set(data["categories"]) >= set(CATEGORIES)
    assert {"precision", "recall", "f1", "tp", "fp", "fn"} <= set(data["overall"])
    assert "false_negatives" in data["per_document"][0]


def test_eval_command_reports_bad_gold(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dokumentanalys.cli import main

    (tmp_path / "x.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "x.gold.toml").write_text('file = "x.txt"\nkind = "policy"\ngender_marker = 0\nsplit = "dev"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert "kind" in result.output


def test_plugin_categories_are_not_scored() -> None:
    from dokumentanalys.evaluate import predictions_from_result
    from dokumentanalys.model import DocumentResult, Finding, Location, Severity

    def finding(category: str) -> Finding:
        return Finding("x/y", category, Severity.INFO, "m", Location(block=0, start=0, end=1), matched="a")

    result = DocumentResult(path="a.txt", findings=[finding("gender-coded-words"), finding("gendered-term")])
    assert [p.category for p in predictions_from_result(result)] == ["gendered-term"]
