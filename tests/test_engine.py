"""The rule engine: pack validation, the shared term index, isolation of rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from dokumentanalys.engine.data_rules import RulePackError, compile_rules, load_pack
from dokumentanalys.engine.dispatch import run_rules
from dokumentanalys.engine.inflect import inflect
from dokumentanalys.engine.rule import code_rule
from dokumentanalys.language.sv import analyze_text

PACK = """
[pack]
id = "test"
keep = ["ombudsman"]

[[rule]]
id = "t/tjansteman"
category = "gendered-term"
severity = "warning"
message = "”{match}” är könsbundet."
match = [{ lemma = "tjänsteman", paradigm = "man" }]

[[rule]]
id = "t/man"
category = "gendered-term"
severity = "info"
message = "ord på -man"
match = [{ lemma = "talesman" }, { forms = ["god man", "gode män"] }]

[[rule]]
id = "t/kvinnlig"
category = "gender-marking"
severity = "warning"
message = "onödig markering"
match = [{ lemma = "kvinnlig", paradigm = "adj", compounds = false }]
after = ["läkare", "chef"]
unless_sentence_has = ["andelen"]
"""


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("pack") / "pack.toml"
    path.write_text(PACK, encoding="utf-8")
    return compile_rules([load_pack(path)])


def _hits(compiled, text: str) -> list[tuple[str, str]]:
    _, rules = compiled
    doc = analyze_text(text)
    result = run_rules(rules, doc)
    assert not result.errors
    return [(f.rule, f.matched) for f in result.findings]


def test_inflect_man_paradigm() -> None:
    forms = inflect("tjänsteman", "man")
    for form in ("tjänsteman", "tjänstemannen", "tjänstemän", "tjänstemännen", "tjänstemans", "tjänstemännens"):
        assert form in forms


def test_inflect_auto_guesses() -> None:
    assert "lärarinnorna" in inflect("lärarinna")
    assert "servitriserna" in inflect("servitris")
    assert "kvinnliga" in inflect("kvinnlig")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tjänstemännens förslag.", [("t/tjansteman", "Tjänstemännens")]),
        ("Fråga en socialtjänsteman.", [("t/tjansteman", "socialtjänsteman")]),
        ("En HR-tjänsteman svarar.", [("t/tjansteman", "HR-tjänsteman")]),
        ("Barnombudsmannen och ombudsmannen svarar.", []),
        ("Läs skönlitteratur i Mannheim, manuellt och med bemanning.", []),
        ("Hon är god man och gode män finns.", [("t/man", "god man"), ("t/man", "gode män")]),
        ("Vi har en kvinnlig läkare och en kvinnlig förskolechef.", [("t/kvinnlig", "kvinnlig"), ("t/kvinnlig", "kvinnlig")]),
        ("Andelen kvinnliga chefer ökade.", []),
        ("En kvinnlig förebild.", []),
        ("Lagen ”om tjänstemäns ansvar” gäller.", []),
        ("Då svarade Tjänsteman Berg.", []),  # capitalised mid-sentence: a name
    ],
)
def test_term_matching(compiled, text: str, expected: list[tuple[str, str]]) -> None:
    assert _hits(compiled, text) == expected


def test_finding_offsets_point_at_the_word(compiled) -> None:
    _, rules = compiled
    text = "Vi frågade tjänstemännen igen."
    result = run_rules(rules, analyze_text(text))
    (finding,) = result.findings
    assert text[finding.location.start : finding.location.end] == "tjänstemännen"
    assert finding.message == "”tjänstemännen” är könsbundet."
    assert finding.excerpt == text


def test_crashing_rule_becomes_error_and_others_run(compiled) -> None:
    _, rules = compiled

    @code_rule(id="t/kraschar", category="stereotype", severity="info", message="x")
    def crashing(doc, ctx):
        raise ZeroDivisionError("boom")
        yield  # pragma: no cover

    result = run_rules([crashing, *rules], analyze_text("Tjänstemannen svarar."))
    assert [e.code for e in result.errors] == ["rule/crashed"]
    assert "t/kraschar" in result.errors[0].message
    assert [f.rule for f in result.findings] == ["t/tjansteman"]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("[pack]\nid = 'x'\n[[rule]]\nid = 'a'\n", "category"),
        ("[pack]\nid = 'x'\n[[rule]]\nid='a'\ncategory='c'\nseverity='fatal'\nmessage='m'\nmatch=[{lemma='x'}]\n", "severity"),
        ("[pack]\nid = 'x'\n[[rule]]\nid='a'\ncategory='c'\nseverity='info'\nmessage='m'\nmatch=[{}]\n", "lemma"),
        ("[pack\nid = 'x'", "ogiltig TOML"),
        ("[pack]\nid = 'x'\n[[rule]]\nid='a'\ncategory='c'\nseverity='info'\nmessage='m'\nmatch=[{lemma='x'}]\nspelling='oops'\n", "spelling"),
    ],
)
def test_invalid_pack_names_file_and_problem(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RulePackError) as info:
        load_pack(path)
    assert str(path) in str(info.value)
    assert needle in str(info.value)


def test_index_forgets_remembered_words_when_rules_or_keep_words_are_added(tmp_path: Path) -> None:
    """The index remembers each word's matches across documents; a change to the index must reset that."""
    path = tmp_path / "pack.toml"
    path.write_text(PACK, encoding="utf-8")
    index, _ = compile_rules([load_pack(path)])
    text = "Brandmannen och tjänstemannen svarade."
    assert [(index.specs[h.rule].id, h.first) for h in index.scan(analyze_text(text))] == [("t/tjansteman", 2)]
    from dokumentanalys.engine.schema import RuleSpec

    spec = RuleSpec.model_validate(
        {"id": "t/brandman", "category": "gendered-term", "severity": "warning", "message": "m", "match": [{"lemma": "brandman", "paradigm": "man"}]}
    )
    index.add_rule(spec)
    assert [(index.specs[h.rule].id, h.first) for h in index.scan(analyze_text(text))] == [("t/brandman", 0), ("t/tjansteman", 2)]
    index.add_keep("tjänsteman", None)
    assert [(index.specs[h.rule].id, h.first) for h in index.scan(analyze_text(text))] == [("t/brandman", 0)]


def test_analysis_pauses_the_garbage_collector_and_restores_it(compiled) -> None:
    import gc

    from dokumentanalys.pipeline import Analyzer
    from dokumentanalys.testing import document_from_text

    seen: list[bool] = []

    @code_rule(id="t/gc", category="gendered-term", severity="info", message="m")
    def probe(doc, ctx):
        seen.append(gc.isenabled())
        return []

    analyzer = Analyzer()
    analyzer.rules = [probe]
    assert gc.isenabled()
    analyzer.analyze_document(document_from_text("En mening."))
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        analyzer.analyze_document(document_from_text("En mening."))
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
