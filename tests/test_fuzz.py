"""Property-based tests on the text pipeline and rule engine, and a bounded mutation fuzz run.

The long fuzz run is by hand: ``python -m dokumentanalys.fuzz --cases 10000``.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dokumentanalys.engine.dispatch import run_rules
from dokumentanalys.fuzz import fuzz, mutate
from dokumentanalys.language.sv import analyze_text
from dokumentanalys.model import Block, BlockKind, Document
from dokumentanalys.pipeline import Analyzer

#: words that rules react to, so that random texts reach the rules' code paths
WORDS = [
    "Tjänstemannen", "talesman", "han", "hans", "honom", "hon", "sökanden", "denne", "kvinnlig", "läkare",
    "1 240", "anställda", "elever", "varav", "kvinnor", "män", "flickor", "pojkar", "”", "“", "«", "-", "–",
    "socialtjänstemännens", "ombudsman", "god man", "Mannheim", ".", "?", ":", ";", "\n", "\t", "%", "procent",
    "brukaren", "mammor", "pappor", "Flickor är", "jämställdhet", "kön", "könsuppdelad",
]

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

any_char = st.characters(blacklist_categories=())  # includes lone surrogates and control characters
words_and_noise = st.lists(st.one_of(st.sampled_from(WORDS), st.text(any_char, max_size=12)), max_size=40).map(" ".join)
texts = st.one_of(st.text(any_char, max_size=300), words_and_noise)


def _check_locations(document: Document, result) -> None:  # type: ignore[no-untyped-def]
    by_index = {b.index: b for b in document.blocks}
    for finding in result.findings:
        loc = finding.location
        if loc.block is None:
            continue
        text = by_index[loc.block].text
        if loc.start is not None and loc.end is not None:
            assert 0 <= loc.start <= loc.end <= len(text)
            assert finding.matched == text[loc.start : loc.end]


@SETTINGS
@given(blocks=st.lists(texts, min_size=1, max_size=5))
def test_analysis_of_any_unicode_never_raises(analyzer: Analyzer, blocks: list[str]) -> None:
    document = Document(
        "<hypotes>", "txt", [Block(i, BlockKind.PARAGRAPH, text, paragraph=i) for i, text in enumerate(blocks)]
    )
    result = analyzer.analyze_document(document)
    assert not [e for e in result.errors if e.code.startswith("rule/")], result.errors
    _check_locations(document, result)


@SETTINGS
@given(text=texts)
def test_every_rule_survives_any_text_alone(analyzer: Analyzer, text: str) -> None:
    analyzed = analyze_text(text)
    for kind in ("styrdokument", "ansokan", "other"):
        analyzed.kind = kind
        run = run_rules(analyzer.rules, analyzed)
        assert run.errors == [], (kind, run.errors)


@SETTINGS
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".pdf", ".docx"]))
def test_any_bytes_end_as_findings_or_one_error(analyzer: Analyzer, data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fil{suffix}"
        path.write_bytes(data)
        result = analyzer.analyze(path)
    codes = [e.code for e in result.errors]
    assert len(codes) <= 1, codes
    assert not codes or codes[0].startswith("read/"), codes


@SETTINGS
@given(text=words_and_noise, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_text_files_in_any_encoding(analyzer: Analyzer, text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, "replace")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fil.txt"
        path.write_bytes(data)
        result = analyzer.analyze(path)
    assert len(result.errors) <= 1
    assert all(e.code.startswith("read/") for e in result.errors), result.errors


def test_mutate_changes_bytes_and_is_deterministic() -> None:
    data = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 5
    a = [mutate(data, random.Random(s)) for s in range(20)]
    b = [mutate(data, random.Random(s)) for s in range(20)]
    assert a == b
    assert sum(m != data for m in a) >= 18


def test_bounded_mutation_fuzz_run() -> None:
    pytest.importorskip("reportlab")
    stats = fuzz(160, seed=20240, jobs=2, timeout=60, batch=80)
    assert stats.cases == 160
    assert stats.ok, stats.failures[:5]
    # the loop reaches both outcomes: documents that still read and documents that fail cleanly
    assert any(k in ("fynd", "inga fynd") for k in stats.outcomes)
    assert any(k.startswith("read/") for k in stats.outcomes)
