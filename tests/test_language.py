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


# --- tokens and sentences on tricky Swedish text (expected values written by hand) -----------


def _tokens(text: str) -> list[str]:
    return [t.text for t in analyze_text(text).blocks[0].tokens]


def _sentences(text: str) -> list[str]:
    ablock = analyze_text(text).blocks[0]
    return [ablock.sentence_text(s) for s in ablock.sentences]


def test_abbreviations_references_numbers_and_addresses_stay_whole() -> None:
    text = "Kontakta oss t.ex. via e-post: hr@kommun.se eller bl.a. på www.kommun.se. Se SFS 2001:100 och 12,5 % av budgeten."
    assert _tokens(text) == [
        "Kontakta", "oss", "t.ex.", "via", "e-post", ":", "hr@kommun.se", "eller", "bl.a.", "på",
        "www.kommun.se", ".", "Se", "SFS", "2001:100", "och", "12,5", "%", "av", "budgeten", ".",
    ]
    # ":" ends a sentence (spaCy's sentencizer); abbreviations and "2001:100" do not
    assert _sentences(text) == [
        "Kontakta oss t.ex. via e-post:",
        "hr@kommun.se eller bl.a. på www.kommun.se.",
        "Se SFS 2001:100 och 12,5 % av budgeten.",
    ]


def test_hyphen_compounds_quotes_and_closing_punctuation() -> None:
    text = "HR-tjänstemannen sa: ”Vi ses kl. 9.” Sedan  gick hon."
    ablock = analyze_text(text).blocks[0]
    assert [t.text for t in ablock.tokens] == [
        "HR-tjänstemannen", "sa", ":", "”", "Vi", "ses", "kl.", "9", ".", "”", "Sedan", "gick", "hon", ".",
    ]
    # punctuation after a sentence end stays in that sentence
    assert [ablock.sentence_text(s) for s in ablock.sentences] == ["HR-tjänstemannen sa: ”", "Vi ses kl. 9.”", "Sedan  gick hon."]
    assert [t.text for t in ablock.tokens if t.is_sent_start] == ["HR-tjänstemannen", "Vi", "Sedan"]
    assert [t.text for t in ablock.tokens if t.in_quotes] == ["Vi", "ses", "kl.", "9", "."]
    for tok in ablock.tokens:
        assert text[tok.start : tok.end] == tok.text


def test_whitespace_before_a_word_takes_its_sentence_start() -> None:
    # spaCy makes tokens of leading whitespace and of line breaks; a sentence then starts at
    # that (dropped) token, so the next word is not marked as the sentence's first
    text = "  Indraget stycke. Nästa!\n\nNy rad (se 3 kap. 2 §)."
    ablock = analyze_text(text).blocks[0]
    assert [t.text for t in ablock.tokens] == [
        "Indraget", "stycke", ".", "Nästa", "!", "Ny", "rad", "(", "se", "3", "kap.", "2", "§", ")", ".",
    ]
    assert [ablock.sentence_text(s) for s in ablock.sentences] == ["Indraget stycke.", "Nästa!", "Ny rad (se 3 kap. 2 §)."]
    assert [t.text for t in ablock.tokens if t.is_sent_start] == ["Nästa"]
    assert [t.sent for t in ablock.tokens if t.text in ("Indraget", "Nästa", "Ny")] == [0, 1, 2]


def test_lowers_digits_and_word_sets() -> None:
    from dokumentanalys.model import Block, BlockKind, Document
    from dokumentanalys.language.sv import analyze_document

    document = Document(
        "<t>", "txt",
        [
            Block(0, BlockKind.PARAGRAPH, "Under 2026 deltog 120 Elever.", paragraph=0),
            Block(1, BlockKind.PARAGRAPH, "Inga siffror här. Men kvinnor och män.", paragraph=1),
        ],
    )
    analyzed = analyze_document(document)
    first, second = analyzed.blocks
    assert first.lowers == ["under", "2026", "deltog", "120", "elever", "."]
    assert first.digits == [1, 3]
    assert first.has_digit() and not first.has_digit(4) and first.has_digit(2, 4) and not first.has_digit(2, 3)
    assert [second.sentence_has_digit(s) for s in second.sentences] == [False, False]
    assert second.words == frozenset({"inga", "siffror", "här", ".", "men", "kvinnor", "och", "män"})
    assert analyzed.vocabulary == first.words | second.words
    assert analyzed.has_any({"elever"}) and not analyzed.has_any({"pojkar"})
    assert analyzed.blocks_with({"män", "pojkar"}) == [second]
    assert analyzed.blocks_with({"pojkar"}) == []


_SPACY_TEXTS = [
    "Kontakta oss t.ex. via e-post: hr@kommun.se eller bl.a. på www.kommun.se. Se SFS 2001:100.",
    "HR-tjänstemannen sa: ”Vi ses kl. 9.” Sedan  gick hon.",
    "  Indraget stycke. Nästa!\n\nNy rad\t(se 3 kap. 2 §).  ",
    "Kvinnor (52 %) och män (48 %) – dvs. alla – deltog. Ca 1 200 personer; jfr. 2023-års siffror…",
    "Fråga?Svar!Nästa.Mening: slut; ny",
    "a)\tPunkt ett\nb) Punkt två\n• Punkt tre\u00a0och\u00a0mer",
    "Jämställdhetsintegrering/-arbete, kvinnor/män, hen/hon/han, barn- och ungdomsnämnden, 5–10 år.",
    "U.S.A. och EU:s mål 5.1–5.6 (Agenda 2030) ... Nr. 3, nr 4. Fr.o.m. 1 jan. t.o.m. 31 dec.",
    "Emoji 😀 och 👩‍⚕️ text. »Citat» 'enkelt' “engelska” „tyska“.",
    "",
    " ",
    "\n",
]


@pytest.mark.parametrize("text", _SPACY_TEXTS)
def test_same_tokens_and_sentence_starts_as_spacy(text: str) -> None:
    """The language layer tokenises per chunk and finds sentences itself; spaCy on the whole
    text (tokenizer and sentencizer) is the reference it must agree with."""
    from dokumentanalys.language.sv import get_nlp

    doc = get_nlp()(text)
    expected = [(t.idx, t.text) for t in doc if not t.is_space]
    ablock = analyze_text(text).blocks[0]
    assert [(t.start, t.text) for t in ablock.tokens] == expected
    # a sentence starts at the first kept token at or after each of spaCy's sentence starts
    starts = sorted({next((t.i for t in ablock.tokens if t.start >= s.start_char), None) for s in doc.sents} - {None})
    assert [s.start for s in ablock.sentences] == starts


def test_blocks_tokenise_alike_together_and_alone_and_after_the_chunk_table_is_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    from dokumentanalys.language import sv
    from dokumentanalys.model import Block, BlockKind, Document

    texts = [t for t in _SPACY_TEXTS if t.strip()]
    alone = [[(t.text, t.start, t.sent, t.in_quotes, t.is_sent_start) for t in analyze_text(x).blocks[0].tokens] for x in texts]
    monkeypatch.setattr(sv, "_CHUNKS_MAX", 5)
    sv._chunks.clear()
    document = Document("<t>", "txt", [Block(i, BlockKind.PARAGRAPH, x, paragraph=i) for i, x in enumerate(texts)])
    together = [[(t.text, t.start, t.sent, t.in_quotes, t.is_sent_start) for t in ab.tokens] for ab in sv.analyze_document(document).blocks]
    assert together == alone
