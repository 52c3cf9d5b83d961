"""The Swedish language layer: tokens, sentences, lemmas, compounds, quotes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dokumentanalys.language.sv import LEMMA_OVERRIDES, analyze_text, lemma, split_compound


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        # the lookup table's known mistakes, corrected
        ("han", "han"),
        ("hon", "hon"),
        ("hans", "han"),
        ("honom", "han"),
        ("henne", "hon"),
        ("har", "ha"),
        ("intyg", "intyg"),
        ("kön", "kön"),
        ("mor", "mor"),
        ("far", "far"),
        ("anställda", "anställd"),
        ("sökande", "sökande"),
        # ordinary lookups still work
        ("tjänstemännen", "tjänsteman"),
        ("kvinnorna", "kvinna"),
        ("flickor", "flicka"),
        ("föräldrar", "förälder"),
        ("brukarna", "brukare"),
    ],
)
def test_lemma(form: str, expected: str) -> None:
    assert lemma(form) == expected


def test_overrides_are_lower_case() -> None:
    assert all(k == k.lower() and v == v.lower() for k, v in LEMMA_OVERRIDES.items())


def test_unknown_word_is_its_own_lemma() -> None:
    assert lemma("xyzzyord") == "xyzzyord"


@pytest.mark.parametrize(
    ("word", "heads", "expected"),
    [
        ("socialtjänstemännen", {"tjänstemännen"}, ("social", "tjänstemännen")),
        ("förskolelärarinnor", {"lärarinnor"}, ("förskole", "lärarinnor")),
        ("barnombudsman", {"ombudsman", "man"}, ("barn", "ombudsman")),
        ("skönlitteratur", {"kön"}, None),
        ("skön", {"kön"}, None),  # one letter in front is no compound
        ("tjänstemannen", {"tjänstemannen"}, None),  # the whole word is not a compound
    ],
)
def test_split_compound(word: str, heads: set[str], expected: tuple[str, str] | None) -> None:
    assert split_compound(word, heads) == expected


def test_tokens_carry_offsets_into_the_text() -> None:
    text = "Socialtjänstemännen svarar, t.ex. på frågor om bl.a. bygglov."
    doc = analyze_text(text)
    tokens = doc.blocks[0].tokens
    for tok in tokens:
        assert text[tok.start : tok.end] == tok.text
    # abbreviations stay whole and do not end the sentence
    assert "t.ex." in [t.text for t in tokens]
    assert len(doc.blocks[0].sentences) == 1


def test_sentences_split_and_are_dense() -> None:
    doc = analyze_text("Sökanden ska bifoga intyg. Han ska också skriva under! Klart?")
    ablock = doc.blocks[0]
    assert len(ablock.sentences) == 3
    assert [t.sent for t in ablock.tokens if t.text == "Han"] == [1]
    assert ablock.sentence_text(ablock.sentences[1]) == "Han ska också skriva under!"
    assert ablock.tokens[0].is_sent_start


@pytest.mark.parametrize(
    "text",
    [
        "Enligt ”Lag om tjänstemäns ansvar” gäller detta.",
        'Enligt "Lag om tjänstemäns ansvar" gäller detta.',
        "Enligt »Lag om tjänstemäns ansvar» gäller detta.",
    ],
)
def test_quoted_words_are_marked(text: str) -> None:
    tokens = analyze_text(text).blocks[0].tokens
    quoted = {t.text for t in tokens if t.in_quotes}
    assert quoted == {"Lag", "om", "tjänstemäns", "ansvar"}
    assert not any(t.in_quotes for t in tokens if t.text in ("Enligt", "gäller"))


def test_help_does_not_import_spacy() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from dokumentanalys.cli import main\n"
        "r = CliRunner().invoke(main, ['--help'])\n"
        "assert r.exit_code == 0, r.output\n"
        "heavy = [m for m in ('spacy', 'pdfplumber', 'docx', 'pypdfium2') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_lone_surrogates_do_not_crash_and_keep_offsets() -> None:
    text = "Tjänstemannen \ud800svarar \udfff i dag."
    ablock = analyze_text(text).blocks[0]
    assert ablock.tokens[0].text == "Tjänstemannen"
    last = ablock.tokens[-1]
    assert text[last.start : last.end] == "."


def test_lemma_table_is_sorted_for_bisection() -> None:
    from dokumentanalys.language.sv import _load_lookup

    table = _load_lookup()
    keys = [line.split(b"\t", 1)[0] for line in table.split(b"\n") if line]
    assert len(keys) > 500_000
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
