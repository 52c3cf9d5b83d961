"""Checks for application forms (document kind ``ansokan``).

Forms are made of short labels ("Mor:", "Moderns personnummer", "Kön"), check
boxes and instructions, spread over table cells, form fields and paragraphs.
These rules look at labels token by token, so that "Mor: ____ Far: ____" in
one paragraph and "Mor" alone in a table cell are read the same way.

- :data:`mother_father_fields`: fixed *mor/far* fields where *vårdnadshavare 1/2* fits.
- :data:`mother_only_fields`: only the mother's details are asked for.
- :data:`sex_question_without_purpose`: a *kön* question with no stated purpose (GDPR art. 5.1 c).
- :data:`sex_question_undefined`: options for *kön* without saying what is asked for.
- :data:`applicant_in_third_person`: "Sökanden ska …" instead of addressing the reader as *du*.

Each rule reports at most once per document, at the first place it applies:
the fix (relabel the fields, add a sentence) is one decision for the whole form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..engine.rule import RuleContext, code_rule
from ..language.analyzed import AnalyzedBlock, AnalyzedDocument, Token
from ..model import BlockKind, Finding
from .people import FEMALE_GROUP, MALE_GROUP

#: How a form asks for kön (purpose, what is meant) is a question of data collection, not
#: one of the six built-in categories: it is reported under a category of its own, as a
#: plugin's category would be, so that it is neither lost nor counted as gender marking.
SEX_QUESTION = "sex-question"

__all__ = [
    "RULES",
    "SEX_QUESTION",
    "mother_father_fields",
    "mother_only_fields",
    "sex_question_without_purpose",
    "sex_question_undefined",
    "applicant_in_third_person",
    "partner_fields",
]

_KINDS = ("ansokan",)
_SOS_TB = "Socialstyrelsens termbank: vårdnadshavare"
_SOS_TB_URL = "http://termbank.socialstyrelsen.se/showterm.php?fTid=46"
_KSH = "Isof, Klarspråkshjälpen: Använd inkluderande språk"
_KSH_URL = (
    "https://www.isof.se/stod-och-sprakrad/spraktjanster/klarsprakshjalpen/skriv-klarsprak/"
    "tank-pa-dina-lasare/fordjupning-tank-pa-dina-lasare/anvand-inkluderande-sprak"
)
_GDPR = (
    "Dataskyddsförordningen (GDPR) art. 5.1 c (uppgiftsminimering); IMY, Innovationsportalen steg 3: "
    "uppgiftsminimering"
)


# --- labels --------------------------------------------------------------------------------

_MOTHER = frozenset({"mor", "moder", "mamma", "modern", "mamman", "mors", "moders", "moderns", "mammas", "mammans"})
_FATHER = frozenset({"far", "fader", "pappa", "fadern", "pappan", "fars", "faders", "faderns", "pappas", "pappans"})
#: Nouns that make a field label ("Moderns personnummer", "Far, telefon").
_FIELD_NOUNS = frozenset(
    {
        "namn", "förnamn", "efternamn", "personnummer", "födelsedatum", "adress", "postadress",
        "utdelningsadress", "folkbokföringsadress", "postnummer", "ort", "telefon", "telefonnummer",
        "tfn", "tel", "tel.", "tel.nr", "mobil", "mobilnummer", "mobiltelefon", "e-post",
        "e-postadress", "epost", "underskrift", "namnteckning", "arbetsplats", "yrke", "inkomst",
        "medborgarskap", "namnförtydligande",
    }
)
#: Words before a parent word that still leave it a label ("Barnets mor:").
_LABEL_OWNERS = frozenset({"barnets", "elevens", "sökandens", "den", "och", "eller", "/", "förälder", "vårdnadshavare"})
#: Documents where mother and father are the legal point (paternity, pregnancy).
_PARENTHOOD_STEMS = ("faderskap", "moderskap", "föräldraskapsbekräftelse", "graviditet", "gravid", "förlossning")


def _alpha(tok: Token) -> bool:
    return any(c.isalpha() for c in tok.text)


def _is_label(tokens: list[Token], i: int) -> bool:
    """Is ``tokens[i]`` the head of a field label rather than a word in running text?"""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    prev_ok = prev is None or not _alpha(prev) or prev.lower in _LABEL_OWNERS
    if not prev_ok:
        return False
    if nxt is None:
        return True
    if nxt.lower in _FIELD_NOUNS:
        return True
    if not _alpha(nxt):
        if nxt.text in (".", ",", "-", "–"):
            # "Mor." or "Mor, namn": a label only in a very short block, or before a field noun
            after = tokens[i + 2] if i + 2 < len(tokens) else None
            return len(tokens) <= 4 or (after is not None and after.lower in _FIELD_NOUNS)
        return True
    return False


@dataclass(frozen=True, slots=True)
class _Label:
    ablock: AnalyzedBlock
    token: Token
    tag: str  # "mor"/"far" for parents, "f"/"m" for partners


def _field_labels(document: AnalyzedDocument, tags: dict[str, str]) -> list[_Label]:
    """Every token of ``tags`` that heads a field label ("Mor:", "Moderns personnummer", "Hustruns inkomst")."""
    labels: list[_Label] = []
    for ablock in document.blocks:
        tokens = ablock.tokens
        for i, tok in enumerate(tokens):
            tag = tags.get(tok.lower)
            if tag is None or tok.in_quotes:
                continue
            nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            if nxt == "illa":  # "om barnet far illa"
                continue
            genitive_field = tok.lower.endswith("s") and nxt in _FIELD_NOUNS
            if genitive_field or _is_label(tokens, i):
                labels.append(_Label(ablock, tok, tag))
    return labels


_PARENT_TAGS: dict[str, str] = {**{w: "mor" for w in _MOTHER}, **{w: "far" for w in _FATHER}}


def _parent_labels(document: AnalyzedDocument) -> list[_Label]:
    if any(word.startswith(_PARENTHOOD_STEMS) or "graviditet" in word for word in document.vocabulary):
        return []
    return _field_labels(document, _PARENT_TAGS)


def _at_first(ctx: RuleContext, labels: list[_Label], message: str | None = None, words: int = 1) -> Finding:
    """One finding for the whole form, at the first ``words`` words of its first label (the fix is one decision).

    ``{match}`` in the message becomes the words reported.
    """
    first = labels[0]
    tokens = first.ablock.tokens
    end = tokens[min(first.token.i + words, len(tokens)) - 1].end
    matched = first.ablock.text[first.token.start : end]
    return ctx.finding(first.ablock, first.token.start, end, message=(message or ctx.meta.message).replace("{match}", matched))


#: Between two parent words of one field ("Mor/Far", "Mamma eller pappa").
_PAIR_JOINERS = frozenset({"/", "och", "eller", "-", "–", "respektive"})
_FIELD_JOINERS = frozenset({"och", "eller", ",", "/", "samt"})


def _parent_fields(labels: list[_Label]) -> list[tuple[AnalyzedBlock, int, int]]:
    """One (block, first token, last token) per field: "Mor/Far" is one field, "Moderns namn och
    personnummer" runs to its last field noun."""
    fields: list[tuple[AnalyzedBlock, int, int]] = []
    for label in labels:
        tokens = label.ablock.tokens
        i = label.token.i
        if (
            fields
            and fields[-1][0] is label.ablock
            and tokens[fields[-1][2]].lower in _PARENT_TAGS  # "Mor/Far", not "faderns namn och moderns"
            and all(t.lower in _PAIR_JOINERS for t in tokens[fields[-1][2] + 1 : i])
        ):
            ablock, first, _ = fields.pop()
        else:
            ablock, first = label.ablock, i
        last = i
        while last + 1 < len(tokens):
            nxt = tokens[last + 1]
            if nxt.lower in _FIELD_NOUNS:
                last += 1
            elif nxt.lower in _FIELD_JOINERS and last + 2 < len(tokens) and tokens[last + 2].lower in _FIELD_NOUNS:
                last += 2
            else:
                break
        fields.append((ablock, first, last))
    return fields


@code_rule(
    id="blankett/mor-far-falt",
    name="fasta fält för mor och far",
    category="gendered-term",
    severity="warning",
    kinds=_KINDS,
    message="Fältet ”{match}” förutsätter att barnet har en mor och en far; skriv vårdnadshavare 1 och vårdnadshavare 2.",
    suggestions=["Vårdnadshavare 1", "Vårdnadshavare 2", "Förälder 1", "Förälder 2"],
    rationale=(
        "Alla barn har inte en mor och en far som vårdnadshavare: det kan vara två mammor, två "
        "pappor, en ensam vårdnadshavare eller en särskilt förordnad vårdnadshavare. Med fälten "
        "vårdnadshavare 1 och 2 kan alla fylla i blanketten."
    ),
    source=_SOS_TB + "; Isof, Frågelådan svar 26282 (strategierna tillämpade av oss)",
    url=_SOS_TB_URL,
    limitations=(
        "Blanketter om faderskap, föräldraskap, graviditet eller förlossning hoppas över: där är mor "
        "och far juridiska begrepp. Regeln rapporterar varje fält för sig (”Moderns namn”, ”Faderns "
        "telefon”), så att den som rättar blanketten ser alla ställen; ”Mor/Far” i ett fält är ett fynd."
    ),
    flag=[
        {"text": "| Mor | Far |\n| Namn | Namn |", "kind": "ansokan", "count": 2},
        {"text": "Barnets namn: ______\n\nMor: ______ Far: ______", "kind": "ansokan", "count": 2},
        {"text": "Fyll i faderns personnummer och moderns personnummer.", "kind": "ansokan", "count": 2},
        {"text": "Mor/Far: ______\n\nModerns namn och telefon: ______", "kind": "ansokan", "count": 2},
    ],
    pass_=[
        {"text": "| Vårdnadshavare 1 | Vårdnadshavare 2 |\n| Namn | Namn |", "kind": "ansokan"},
        {"text": "Ange om barnet far illa eller riskerar att fara illa.", "kind": "ansokan"},
        {"text": "Bekräftelse av faderskap\n\nMor: ______ Far: ______", "kind": "ansokan"},
        {"text": "Anmälan för barnets mor- och farföräldrar till öppna förskolan.", "kind": "ansokan"},
        {"text": "Mamma: ______", "kind": "ansokan"},
    ],
)
def mother_father_fields(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """Each field labelled mor/far (or mamma/pappa) where both parents are asked for, or the father only."""
    labels = _parent_labels(document)
    if "far" not in {label.tag for label in labels}:
        return
    fields = _parent_fields(labels)
    for ablock, first, last in fields:
        tokens = ablock.tokens
        start, end = tokens[first].start, tokens[last].end
        message = ctx.meta.message.replace("{match}", ablock.text[start:end])
        if len(fields) > 1:
            message = message.replace("; skriv", f" (ett av {len(fields)} sådana fält); skriv")
        yield ctx.finding(ablock, start, end, message=message)


@code_rule(
    id="blankett/bara-moderns-uppgifter",
    name="bara mammans uppgifter",
    category="stereotype",
    severity="warning",
    kinds=_KINDS,
    message="Blanketten frågar bara efter mammans uppgifter; fråga efter vårdnadshavare eller förälder.",
    suggestions=["Vårdnadshavare 1", "Vårdnadshavare 2", "Förälder"],
    rationale=(
        "När bara mamman efterfrågas förutsätter blanketten att det är hon som har hand om barnet. "
        "Det stänger ute pappor och andra vårdnadshavare och befäster bilden av mamman som den "
        "ansvariga föräldern."
    ),
    source=_SOS_TB + "; Region Värmland: Schyst kommunikation – fler schysta tips",
    url=_SOS_TB_URL,
    limitations=(
        "Blanketter om graviditet, förlossning eller faderskap hoppas över. Instruktioner som ”fyll "
        "bara i moderns uppgifter” räknas också, om inte fadern nämns i samma mening. Regeln "
        "rapporterar en gång per blankett."
    ),
    flag=[
        {"text": "Barnets namn: ______\n\nMamma: ______\n\nMammans telefonnummer: ______", "kind": "ansokan", "count": 1},
        {"text": "| Moderns namn | Moderns personnummer |", "kind": "ansokan"},
        {"text": "Mor: ____ Far: ____\n\nHar barnet en vårdnadshavare fyller du bara i mammans uppgifter.", "kind": "ansokan"},
        {"text": "Vid ensam vårdnad anges enbart moderns adress.", "kind": "ansokan"},
    ],
    pass_=[
        {"text": "Barnets namn: ______\n\nMamma: ______ Pappa: ______", "kind": "ansokan"},
        {"text": "Vårdnadshavare 1: ______\n\nVårdnadshavare 2: ______", "kind": "ansokan"},
        {"text": "Ansökan om graviditetspenning\n\nModerns namn: ______", "kind": "ansokan"},
        {"text": "Har barnet en vårdnadshavare fyller du bara i den vårdnadshavarens uppgifter.", "kind": "ansokan"},
        {"text": "Fyll bara i moderns eller faderns uppgifter om ni bor på samma adress.", "kind": "ansokan"},
    ],
)
def mother_only_fields(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """Only mother fields, or an instruction to give only the mother's details ("fyll bara i moderns uppgifter")."""
    instruction = _mother_only_instruction(document)
    if instruction is not None:
        ablock, first, last = instruction
        yield ctx.finding(ablock, first.start, last.end)
        return
    labels = _parent_labels(document)
    if not labels or any(label.tag == "far" for label in labels):
        return
    yield _at_first(ctx, labels)


_ONLY = frozenset({"endast", "bara", "enbart"})
_INSTRUCTION_STOPS = frozenset({".", ",", ";", ":", "eller", "och"})


def _mother_only_instruction(document: AnalyzedDocument) -> tuple[AnalyzedBlock, Token, Token] | None:
    """(block, first, last) of "endast … modern" / "bara mammans uppgifter" when no father word is near."""
    if any(word.startswith(_PARENTHOOD_STEMS) for word in document.vocabulary):
        return None
    for ablock in document.blocks:
        tokens = ablock.tokens
        for i, tok in enumerate(tokens):
            if tok.lower not in _ONLY or tok.in_quotes:
                continue
            for k in range(i + 1, min(i + 6, len(tokens))):
                low = tokens[k].lower
                if low in _INSTRUCTION_STOPS or low in _FATHER:
                    break
                if low in _MOTHER:
                    sentence = ablock.sentence_tokens(ablock.sentence_of(tok))
                    if not any(t.lower in _FATHER for t in sentence):
                        return ablock, tok, tokens[k]
                    break
    return None


# --- a partner of one sex ---------------------------------------------------------------

#: Spouse words of one sex as a field label ("Hustruns inkomst", "Makens namn").
_PARTNER_TAGS: dict[str, str] = {
    **{w: "f" for w in ("hustru", "hustrun", "hustruns", "hustrus", "fru", "frun", "fruns", "makan", "makans")},
    **{w: "m" for w in ("maken", "makens")},
}
#: Words in the same block that name the alternatives ("Hustru/sambo", "Make, maka eller sambo").
_PARTNER_ALTERNATIVES = frozenset({"sambo", "sambons", "sambo:s", "partner", "partnerns", "eller", "/", "respektive"})


def _partner_labels(document: AnalyzedDocument) -> list[_Label]:
    return [
        label
        for label in _field_labels(document, _PARTNER_TAGS)
        if not any(t.lower in _PARTNER_ALTERNATIVES for t in label.ablock.tokens)
    ]


@code_rule(
    id="blankett/antagen-partner",
    name="fält för hustru eller make",
    category="stereotype",
    severity="warning",
    kinds=_KINDS,
    message="Fältet ”{match}” förutsätter att den som söker har en partner av motsatt kön; fråga efter partner.",
    suggestions=["Partnerns inkomst", "Make, maka, sambo eller registrerad partner", "Din eventuella partners inkomst"],
    rationale=(
        "Ett fält för hustruns inkomst utgår från att den som söker är en man som är gift med en kvinna. "
        "Den som söker kan vara kvinna eller man och leva med en partner av vilket kön som helst, vara "
        "sambo eller leva ensam. Isof råder att inte anta vem som söker och att tilltala läsaren med du."
    ),
    source=_KSH,
    url=_KSH_URL,
    limitations=(
        "Bara fältrubriker (t.ex. ”Hustruns inkomst”, ”Makens namn”) räknas, och inte när fältet också "
        "nämner sambo, partner eller ett alternativ med eller. Regeln rapporterar en gång per blankett."
    ),
    flag=[
        {"text": "Sökandens inkomst: ______\n\nHustruns inkomst: ______", "kind": "ansokan", "count": 1},
        {"text": "| Makens namn | Makens personnummer |", "kind": "ansokan"},
    ],
    pass_=[
        {"text": "Din inkomst: ______\n\nDin eventuella partners inkomst: ______", "kind": "ansokan"},
        {"text": "Inkomst för make, maka eller sambo: ______", "kind": "ansokan"},
        {"text": "Skicka beslutet till sökanden och hustrun för kännedom om ärendet.", "kind": "ansokan"},
    ],
)
def partner_fields(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """A field for the applicant's wife (or husband) only."""
    labels = _partner_labels(document)
    if labels:
        yield _at_first(ctx, labels, words=2)  # "Hustruns inkomst"


# --- the question about kön -------------------------------------------------------------

_SEX_WORDS = frozenset({"kön", "könet"})
_SEX_OWNERS = frozenset(
    {
        "barnets", "elevens", "sökandens", "sökandes", "deltagarens", "personens", "brukarens",
        "patientens", "ditt", "ange", "uppge", "vilket",
    }
)
_OPTIONS = frozenset({"kvinna", "man", "flicka", "pojke", "tjej", "kille", "annat", "annan", "ickebinär"})
_OPTION_PAIRS = (("kvinna", "man"), ("flicka", "pojke"), ("tjej", "kille"))
_PURPOSE = frozenset(
    {
        "statistik", "statistiken", "uppföljning", "uppföljningen", "följa", "följer", "syfte",
        "syftet", "ändamål", "ändamålet", "används", "använder", "behöver", "behövs", "eftersom",
        "analys", "analysera", "jämställdhet", "jämställdheten", "jämställt", "jämställd",
        "fördelning", "fördelningen", "fördelas", "redovisa", "redovisas", "redovisning", "varför",
    }
)
_DEFINITION = frozenset(
    {
        "juridiskt", "juridiska", "folkbokföring", "folkbokföringen", "folkbokförd", "folkbokfört",
        "identifierar", "identifiera", "självidentifierat", "självupplevt", "könsidentitet",
        "könsidentiteten", "upplever",
    }
)


@dataclass(frozen=True, slots=True)
class _SexQuestion:
    ablock: AnalyzedBlock
    start: int
    end: int
    has_options: bool


def _option_pair(ablock: AnalyzedBlock) -> tuple[int, int] | None:
    """Offsets of a "Kvinna ☐ Man" / "Kvinna/Man" option pair in one block."""
    tokens = ablock.tokens
    for i, tok in enumerate(tokens):
        for a, b in _OPTION_PAIRS:
            if tok.lower != a:
                continue
            for j in range(i + 1, min(i + 4, len(tokens))):
                if _alpha(tokens[j]):
                    if tokens[j].lower == b:
                        return tok.start, tokens[j].end
                    break
    return None


def _cell_options(document: AnalyzedDocument, index: int) -> bool:
    """Options in neighbouring table cells: | Kön | Kvinna | Man |."""
    near = document.blocks[index + 1 : index + 4]
    words = {ab.text.strip(" ☐□❏○◯[]").lower() for ab in near if ab.block.kind == BlockKind.TABLE_CELL}
    return any(a in words and b in words for a, b in _OPTION_PAIRS)


def _sex_question(document: AnalyzedDocument) -> _SexQuestion | None:
    for index, ablock in enumerate(document.blocks):
        tokens = ablock.tokens
        pair = _option_pair(ablock)
        for i, tok in enumerate(tokens):
            if tok.lower not in _SEX_WORDS or tok.in_quotes:
                continue
            prev = tokens[i - 1] if i > 0 else None
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            prev_ok = prev is None or not _alpha(prev) or prev.lower in _SEX_OWNERS
            next_ok = nxt is None or not _alpha(nxt) or nxt.lower in _OPTIONS
            if prev_ok and next_ok:
                options = pair is not None or _cell_options(document, index)
                if not options and index + 1 < len(document.blocks):
                    options = _option_pair(document.blocks[index + 1]) is not None
                return _SexQuestion(ablock, tok.start, tok.end, options)
        if pair is not None and any(not _alpha(t) and t.text not in ".,;" for t in tokens):
            return _SexQuestion(ablock, pair[0], pair[1], True)
    return None


def _purpose_stated(document: AnalyzedDocument, question: _SexQuestion) -> bool:
    if any(t.lower in _PURPOSE for t in question.ablock.tokens):
        return True
    previous_about_sex = False
    for ablock, sentence in document.iter_sentences():
        tokens = ablock.sentence_tokens(sentence)
        lowers = {t.lower for t in tokens}
        about_sex = bool(
            lowers & {"kön", "könet", "könen"}
            or any(w.startswith("köns") for w in lowers)
            or (lowers & FEMALE_GROUP and lowers & MALE_GROUP)  # "… fördelas mellan flickor och pojkar"
        )
        # the purpose may follow in the next sentence: "Ange antal per kön. Uppgifterna används för …"
        if (about_sex or previous_about_sex) and lowers & _PURPOSE:
            return True
        previous_about_sex = about_sex
    return False


@code_rule(
    id="blankett/kon-utan-syfte",
    name="fråga om kön utan syfte",
    category=SEX_QUESTION,
    severity="info",
    kinds=_KINDS,
    message="Blanketten frågar efter kön utan att säga varför uppgiften behövs.",
    suggestions=[
        "Skriv varför ni frågar, t.ex. ”Vi frågar efter kön för att kunna följa upp att stödet fördelas jämställt.”",
        "Ta bort frågan om uppgiften inte behövs eller kan tas fram ur personnumret.",
    ],
    rationale=(
        "Enligt dataskyddsförordningen får ni bara samla in uppgifter som behövs för ändamålet. "
        "Uppgiften om kön kan behövas för att följa upp verksamheten för kvinnor och män, och då "
        "ska blanketten säga det. Fråga bara efter kön om uppgiften behövs, och säg varför."
    ),
    source=_GDPR,
    limitations=(
        "Ett syfte räknas som angivet när en mening om kön också nämner t.ex. statistik, "
        "uppföljning, syfte eller jämställdhet. Regeln tar inte ställning till vilka svarsalternativ "
        "som är rätt."
    ),
    flag=[
        {"text": "Namn: ______\n\nKön: ☐ Kvinna ☐ Man", "kind": "ansokan"},
        {"text": "| Barnets namn | Barnets kön |\n| | |", "kind": "ansokan"},
        {"text": "Personnummer: ______\n\n☐ Flicka ☐ Pojke", "kind": "ansokan"},
    ],
    pass_=[
        {
            "text": "Kön: ☐ Kvinna ☐ Man\n\nVi frågar efter kön för att kunna följa upp att bidragen fördelas jämställt.",
            "kind": "ansokan",
        },
        {"text": "Namn: ______\n\nPersonnummer: ______", "kind": "ansokan"},
        {"text": "Statistiken redovisas efter kön.\n\nNamn: ______", "kind": "ansokan"},
    ],
)
def sex_question_without_purpose(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """A kön label or kvinna/man options, and no sentence that says why."""
    question = _sex_question(document)
    if question is None or _purpose_stated(document, question):
        return
    yield ctx.finding(question.ablock, question.start, question.end)


@code_rule(
    id="blankett/kon-oklart-vad-som-avses",
    name="oklart vad frågan om kön avser",
    category=SEX_QUESTION,
    severity="info",
    kinds=_KINDS,
    message="Det framgår inte om frågan om kön gäller juridiskt kön eller hur den sökande själv identifierar sig.",
    suggestions=[
        "Skriv vad som avses, t.ex. ”juridiskt kön enligt folkbokföringen” eller ”det kön du identifierar dig som”.",
        "Fundera på om ett tredje svarsalternativ behövs och hur små grupper skyddas när ni redovisar.",
    ],
    rationale=(
        "Juridiskt kön framgår av folkbokföringen, medan könsidentitet är en känslig uppgift där "
        "rättsläget är oklart. Svarsalternativen bör följa syftet, och den som fyller i blanketten "
        "ska förstå vad som efterfrågas. Regeln tar inte ställning till vilket alternativ som är rätt."
    ),
    source=(
        "SKR om frågor om kön i enkäter; Kulturrådet: Svarsalternativ för kön; " + _GDPR
    ),
    url="https://www.kulturradet.se/bidragsinformation/svarsalternativ-for-kon/",
    limitations="Regeln körs bara när blanketten redan säger varför den frågar om kön (annars räcker blankett/kon-utan-syfte).",
    flag=[
        {
            "text": "Kön: ☐ Kvinna ☐ Man ☐ Annat\n\nUppgiften om kön används för statistik.",
            "kind": "ansokan",
        },
        {
            "text": "Kön: Kvinna/Man\n\nVi frågar om kön för att följa upp jämställdheten.",
            "kind": "ansokan",
        },
    ],
    pass_=[
        {
            "text": "Juridiskt kön: ☐ Kvinna ☐ Man\n\nUppgiften om kön används för statistik.",
            "kind": "ansokan",
        },
        {
            "text": "Kön: ☐ Kvinna ☐ Man ☐ Annat\n\nAnge det kön du identifierar dig som. Vi använder uppgiften om kön för statistik.",
            "kind": "ansokan",
        },
        {"text": "Kön: ☐ Kvinna ☐ Man", "kind": "ansokan"},
    ],
)
def sex_question_undefined(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """Options for kön, a stated purpose, but no word on which kön is meant."""
    question = _sex_question(document)
    if question is None or not question.has_options or not _purpose_stated(document, question):
        return
    if _DEFINITION & document.vocabulary:
        return
    yield ctx.finding(question.ablock, question.start, question.end)


# --- the applicant in third person --------------------------------------------------------

_APPLICANT = frozenset({"sökanden", "sökande"})
_INSTRUCTION_VERBS = frozenset(
    {
        "ska", "skall", "måste", "bör", "kan", "får", "ansvarar", "intygar", "förbinder", "försäkrar",
        "bifogar", "lämnar", "skickar", "anger", "uppger", "har",
    }
)
_YOU = frozenset({"du", "dig", "din", "ditt", "dina", "ni", "er", "ert", "era"})
#: Someone else fills in the form (a doctor, a representative) or it is an
#: internal decision template: there "den sökande" is the right way to write.
_THIRD_PARTY = frozenset(
    {
        "ombud", "ombudet", "ombudets", "fullmakt", "fullmakten", "läkare", "läkaren", "läkarintyg",
        "läkarintyget", "intygsskrivande", "förvaltare", "ställföreträdare", "ställföreträdaren",
        "handläggaren", "handläggarens", "beviljas", "avslås", "beviljar", "avslår",
    }
)


@code_rule(
    id="blankett/sokanden-i-tredje-person",
    name="sökanden i tredje person",
    category="generic-masculine",
    severity="info",
    kinds=_KINDS,
    message="Blanketten talar om ”sökanden” i tredje person; tilltala läsaren med du.",
    suggestions=["Du ska bifoga …", "Jag intygar att …"],
    rationale=(
        "Isof rekommenderar att blanketter tilltalar läsaren direkt med du. Då behövs inga "
        "pronomen för ”sökanden”, och risken för ett generiskt han försvinner."
    ),
    source=_KSH,
    url=_KSH_URL,
    limitations=(
        "Regeln rapporterar bara när blanketten aldrig tilltalar läsaren med du eller ni, och bara "
        "en gång per blankett. Fältrubriker som ”Sökandens namn” räknas inte, och inte heller "
        "blanketter som fylls i av någon annan (läkare, ombud, förvaltare) eller beslutsmallar."
    ),
    flag=[
        {"text": "Sökandens namn: ______\n\nSökanden ska bifoga ett intyg från arbetsgivaren.", "kind": "ansokan"},
        {"text": "Den sökande ansvarar för att uppgifterna är riktiga.", "kind": "ansokan", "count": 1},
    ],
    pass_=[
        {"text": "Sökandens namn: ______\n\nDu ska bifoga ett intyg från arbetsgivaren.", "kind": "ansokan"},
        {
            "text": "Sökanden ska bifoga ett intyg. Om du har frågor kan du ringa oss.",
            "kind": "ansokan",
        },
        {"text": "Sökandens namn: ______\n\nPersonnummer: ______", "kind": "ansokan"},
        {"text": "Läkarintyg\n\nDen sökande kan gå kortare sträckor utan hjälpmedel.", "kind": "ansokan"},
    ],
)
def applicant_in_third_person(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    """Instructions about "sökanden" in a form that never says du."""
    if _YOU & document.vocabulary or _THIRD_PARTY & document.vocabulary:
        return
    for ablock in document.blocks:
        tokens = ablock.tokens
        for i, tok in enumerate(tokens[:-1]):
            if tok.lower not in _APPLICANT or tok.in_quotes:
                continue
            if tok.lower == "sökande" and not (i > 0 and tokens[i - 1].lower == "den"):
                continue
            if tokens[i + 1].lower in _INSTRUCTION_VERBS:
                start = tokens[i - 1].start if tok.lower == "sökande" else tok.start
                yield ctx.finding(ablock, start, tok.end)
                return


RULES = [
    mother_father_fields,
    mother_only_fields,
    partner_fields,
    sex_question_without_purpose,
    sex_question_undefined,
    applicant_in_third_person,
]
