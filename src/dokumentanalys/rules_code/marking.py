"""Unnecessary marking of sex (category ``gender-marking``).

Three rules:

- ``markering/kvinnlig-yrkestitel``: *kvinnlig* (all forms) before a person's
  role: "en kvinnlig läkare", "den kvinnliga ekonomichefen", "en kvinnlig,
  erfaren jurist";
- ``markering/manlig-yrkestitel``: the same with *manlig*: "en manlig
  sjuksköterska", "förskolans manliga kock";
- ``markering/kvinno-sammansattning``: a compound that marks sex in the word
  itself: "kvinnopräst", "tjejpolis".

**What counts as a role.** Not a list of occupations but Swedish morphology
(:func:`role_noun`): the noun, its lemma or its compound head is a curated
role word (*chef, polis, präst, pilot, kollega, ledamot, ordförande, vd*), or
it ends in an agent suffix (*-are, -ör, -ist, -log, -iker, -ent, -ant,
-nom, -graf, -sköterska, -man, -person*; *lärare, direktör, journalist,
psykolog, tekniker, assistent, praktikant, ekonom, fotograf*). Nouns for the
people a service is *for* (*patient, elev, brukare, sökande, hyresgäst,
idrottare, personal*) are not roles: "kvinnliga patienter" nearly always
describes a group by sex on purpose. *Förebild* is left out for the same
reason ("kvinnliga förebilder" is about sex by design).

**Context is local to the hit** (the old data rule skipped a whole sentence
for one word such as *fler* or *mentor* anywhere in it). A hit is skipped when

- a number stands right before it, or a word of quantity, share or
  representation stands just before it (*andelen, antalet, fler, få, bland,
  av de, för, första, enda, ytterligare*), or just after the noun (*än,
  oftare, fler, färre, få, ökar, saknas, behövs, tjänar, utsätts*);
- a request or choice stands before it (*önska, begära, välja, rätt, vill,
  erbjuda*): "du kan begära en kvinnlig läkare";
- recruitment for balance stands right before it (*rekrytera, gärna,
  välkomnar*), or the hit follows *som* ("som kvinnlig chef möter man …");
- the other sex is named next to it (*kvinnliga och manliga chefer*, "…
  mindre än manliga"), or *kvinnor, män, flickor, pojkar, kön* stand within a
  few words;
- its sentence is explicitly about the sexes: *könsfördelning, jämställdhet,
  underrepresenterad, kvinnodominerad* and the like;
- the noun names an association or a measure (*nätverk, förening,
  mentorsprogram* after it), the words are a proper name (capitalised in
  mid-sentence) or stand inside quotation marks;
- the text is about sex-specific care (*gynekologisk undersökning*,
  *kroppsvisitation*).

Decisions (documented in the rule limitations): *dam-/herr-* compounds
(*damfrisör, herrfrisör, damtränare*) name a service or a team for a target
group, not the sex of the worker: not flagged. *Kvinnoläkare* is a
gynaecologist: not flagged. Targeted measures (*mentorsprogram för kvinnliga
chefer*, *stöd till kvinnliga företagare*) are gender-equality work: not
flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from ..engine.rule import RuleContext, code_rule
from ..language.analyzed import AnalyzedBlock, AnalyzedDocument, Token
from ..language.sv import VOWELS, lemma
from ..model import Finding

__all__ = [
    "RULES",
    "female_role",
    "male_role",
    "sex_compound",
    "role_noun",
    "find_markings",
    "Marking",
]

_SOURCE = (
    "Lunds universitet, HT-fakulteterna: Checklista för inkluderande kommunikation (sekundärkälla); "
    "Trampolin PR: Inkluderande kommunikation; Region Värmland: Schyst kommunikation (”Tänk tvärtom”)"
)
_URL = "https://trampolinpr.se/inkluderande-kommunikation/"

_FEMALE = frozenset({"kvinnlig", "kvinnligt", "kvinnliga", "kvinnlige"})
_MALE = frozenset({"manlig", "manligt", "manliga", "manlige"})
_NEUTER = frozenset({"kvinnligt", "manligt"})
_SEX_ADJECTIVES = _FEMALE | _MALE

# --- which nouns are roles ---------------------------------------------------------

#: Role nouns (lemma or singular form) that carry no agent suffix, or whose
#: suffix we do not trust on its own. Also the heads of compounds
#: (*avdelnings|chef*, *HR-|strateg*, *rekryterings|ansvarig*).
_ROLES = frozenset(
    """
    chef polis präst pilot domare kollega ledamot ordförande representant talare rektor lärare
    läkare sköterska barnmorska kurator moderator revisor professor lektor doktor inspektor
    kock officer soldat advokat diplomat byråkrat kandidat kapten biskop konstnär arkitekt
    ingenjör jurist tekniker politiker vd controller konsult expert specialist coach designer
    entreprenör företagare konstapel sergeant veterinär tandläkare biträde vårdbiträde statsråd
    kommunalråd regionråd oppositionsråd landstingsråd borgmästare landshövding talman
    minister ambassadör befäl kommissarie åklagare notarie bibliotekarie sekreterare assistent
    handläggare medarbetare anställd kollega strateg pedagog ansvarig värd chaufför förare
    präst diakon pastor imam rabbin kantor domprost prost vaktmästare brandman tjänsteman
    tjänsteperson kontaktperson talesperson vikarie fadder direktör ombudsman rådman nämndeman
    författare journalist fotograf regissör producent dirigent musiker skådespelare
    forskare doktorand postdoc docent amanuens chefredaktör redaktör ekonom socionom agronom
    kassör sjukskötare undersköterska förskollärare fritidsledare fritidspedagog guide
    smed gymnast sjukgymnast poet vakt livvakt ombud
    """.split()
)

#: The people a service is for, and others who are described by sex on
#: purpose (sport is split by sex; *personal* is a collective).
_NOT_ROLES = frozenset(
    """
    patient elev student studerande brukare sökande arbetssökande deltagare invånare medborgare
    barn ungdom kund besökare medlem boende klient vårdtagare omsorgstagare tagare konsument
    väljare åskådare resenär passagerare läsare lyssnare användare mottagare idrottare utövare
    spelare löpare åkare simmare brottare ryttare gäst hyresgäst person individ människa
    förälder vårdnadshavare anhörig närstående pensionär flykting invandrare nyanländ
    arbetstagare respondent intervjuperson huvudperson karaktär figur rollfigur förebild
    personal arbetskraft tolk mentor partner make maka sambo vän väninna
    gärningsperson förövare misstänkt offer vittne målsägande
    """.split()
)

#: Words with a person-like ending that are not people.
_NOT_PERSON = frozenset(
    """
    variant diamant elefant konsonant moment element dokument instrument argument segment
    departement parlament cement procent talent patent komponent ornament sakrament testamente
    katalog dialog monolog prolog epilog analog paragraf telegraf autograf kalligraf högtalare
    kylare värmare sändare hammare släckare tändare fläkt
    moped generator ventilator indikator radiator kalkylator acceleratör isolator
    kalendarie seminarie inventarie formulär
    könscell könsorgan könshormon hormon kromosom röst namn perspektiv ledarskap kön
    """.split()
)

#: Agent suffixes, checked on the lemma and on the word without its ending.
_AGENT_SUFFIXES = (
    "are", "ör", "ist", "log", "iker", "ent", "ant", "nom", "graf", "sköterska", "morska",
    "erska", "man", "person", "chef", "ledare", "ansvarig", "ansvarige",
    # terapeut, farmaceut, kirurg, psykiater, logoped, bibliotekarie, koordinator, skyddsombud
    "peut", "ceut", "urg", "iater", "oped", "arie", "ator", "ombud",
)
#: Inflectional endings to strip before the suffix check (longest first),
#: with what to put back: ``sköterskorna`` -> ``sköterska``, ``vårdarna`` -> ``vårdare``.
_ENDINGS = (
    ("orna", "a"), ("arna", "are"), ("erna", ""), ("arna", ""), ("or", "a"), ("an", "a"),
    ("en", ""), ("et", ""), ("er", ""), ("ar", ""), ("na", ""), ("n", ""), ("s", ""),
)


def _stems(word: str) -> list[str]:
    """The word, its lemma, and guesses at its base form (for words the lemma table lacks)."""
    out = [word, lemma(word)]
    for ending, repl in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)] + repl
            out.append(stem)
            out.append(lemma(stem))
    return list(dict.fromkeys(out))


def _classify(word: str) -> bool | None:
    """True for a role, False for a non-role person or a non-person, None when unknown."""
    for stem in _stems(word):
        if stem in _NOT_PERSON or stem in _NOT_ROLES:
            return False
        if stem in _ROLES:
            return True
    return None


@lru_cache(maxsize=4096)
def role_noun(word: str) -> bool:
    """Is ``word`` (any inflection, compounds included) a noun for a person's role or occupation?

    ``överläkarna``, ``HR-strategen``, ``fastighetsteknikern``, ``ekonomichefen``
    and ``energiingenjör`` are roles; ``patienter``, ``hyresgästerna``,
    ``förebilder`` and ``element`` are not.
    """
    lower = word.lower().strip("-")
    if len(lower) < 2 or not any(c.isalpha() for c in lower) or lower in _ADJECTIVES:
        return False  # "erfaren" is not "erfare" + -n
    if "-" in lower:  # HR-strateg, IT-tekniker: the part after the last hyphen is the head
        head = lower.rsplit("-", 1)[1]
        return bool(head) and role_noun(head)
    found = _classify(lower)
    if found is not None:
        return found
    # compound head: the longest known tail decides (arbets|tagare is a recipient, not an arbetare)
    for cut in range(3, len(lower) - 2):
        modifier = lower[:cut]
        if not any(c in VOWELS for c in modifier):
            continue
        found = _classify(lower[cut:])
        if found is not None:
            return found
    for stem in _stems(lower):
        if stem.endswith(_AGENT_SUFFIXES) and len(stem) >= 5:
            return True
    return False


# --- adjectives between the sex adjective and the noun -----------------------------

_ADJECTIVES = frozenset(
    """
    ny nya nye nytt ung unga unge gammal gamla gamle erfaren erfarna erfarne tidigare
    blivande ordinarie biträdande tillförordnad tillförordnade ansvarig ansvariga egen egna
    nyanställd nyanställda nyanställde nyutbildad nyutbildade nyexaminerad nyexaminerade
    legitimerad legitimerade utbildad utbildade duktig duktiga skicklig skickliga känd kända
    svensk svenska lokal lokala regional regionala kommunal kommunala erfarna fast fasta
    """.split()
)
_ADJ_ENDING = re.compile(r"(?:ig|iga|igt|ige|isk|iska|iskt|iske|erad|erade|erat|bar|bara|sam|samma|lös|lösa|ell|ella)$")
#: Adjectives that make the sex the point ("personlig assistent" is chosen by the user).
_STOP_ADJECTIVES = frozenset({"personlig", "personliga", "personlige"})
_JOINERS = frozenset({"och", "eller", "samt", "respektive", ",", "/"})
_MAX_GAP = 3


def _adjective_like(tok: Token) -> bool:
    low = tok.lower
    if low in _ADJECTIVES:
        return True
    return tok.is_alpha and len(low) >= 5 and bool(_ADJ_ENDING.search(low)) and not role_noun(low)


# --- context ----------------------------------------------------------------------

#: Just before the sex adjective (up to 3 words): share, count, representation, target group.
_BEFORE_NEAR = frozenset(
    """
    andel andelen andelar antal antalet fler flera färre flest få många fåtal fåtalet hälften
    majoritet majoriteten minoritet minoriteten procent % varav bland fler mer mest mindre del
    delen rekrytera rekryterar rekryterade
    rekryteras rekrytering rekryteringen attrahera attraherar locka lockar gärna särskilt
    uppmuntrar uppmuntra jämfört jämförelse jämförs
    """.split()
)
#: Before the sex adjective (up to 6 words): a request or a choice, or a first
#: ("för första gången får bolaget en kvinnlig vd").
_BEFORE_FAR = frozenset(
    """
    första enda ende ensam ensamma ytterligare
    önska önskar önskade önskas önskemål begära begär begärde begäran välja väljer valde val
    rätt erbjuda erbjuder erbjuds erbjudas kräva kräver riktar riktas riktat riktade riktad
    målgrupp målgruppen målgrupperna vänder vänds
    """.split()
)
#: "vill" is a request only with one of these after it ("vill träffa en kvinnlig läkare").
_WANT = frozenset({"vill", "ville"})
_WANT_VERBS = frozenset({"ha", "träffa", "prata", "tala", "möta", "få", "kunna", "vända", "byta"})
#: Right after the noun (up to 4 words) of a *group* ("kvinnliga poliser", "de manliga
#: cheferna"): comparison, trend, shortage, group experience, a targeted offer.
_AFTER_NEAR = frozenset(
    """
    än jämfört jämförelse oftare sällan sällsynt sällsynta ovanlig ovanliga vanligare mer mindre
    högre lägre fler färre få många ökar ökade ökat öka minskar minskade minskat minska
    behövs saknas efterfrågas underrepresenterade överrepresenterade dominerar utsätts utsatta
    drabbas tjänar lön löner lönen procent % andel andelen varav majoriteten minoriteten
    söka söker erbjuds uppmuntras rätt upplever upplevde vittnar uppger uppgav anser ansåg
    svarar svarade känner kände
    """.split()
)
#: Measures aimed at a group, before "till" ("stöd till kvinnliga företagare").
_MEASURES = ("stöd", "bidrag", "stipendi", "satsning", "insats", "lån", "pris", "priset", "program", "utbildning", "kurs")
#: After the noun (up to 7 words), for every noun phrase: a request.
_AFTER_REQUEST = frozenset(
    {
        "önskar", "önskas", "önskemål", "önskat", "önskade", "önskats", "begär", "begärs", "begärt",
        "begärde", "efterfrågar", "efterfrågat", "efterfrågade", "efterfrågats", "efterfrågan",
    }
)
#: Two-word requests after the noun: "som tjejerna bett om", "eftersom killarna ville ha det".
_AFTER_REQUEST_PAIRS = frozenset({("bett", "om"), ("bad", "om"), ("ber", "om"), ("ville", "ha"), ("vill", "ha")})
#: Right after a genitive noun: an association or a measure ("kvinnliga chefers nätverk").
_AFTER_ORG = frozenset(
    """
    nätverk nätverket förening föreningen förbund förbundet mentorsprogram mentorsprogrammet
    program programmet grupp gruppen organisation organisationen
    """.split()
)
#: Determiners that make the noun phrase one particular person ("en kvinnlig läkare",
#: "den kvinnliga chefen", "förskolans manliga kock"): comparison words after it are not
#: about the sexes ("har mer än 20 års erfarenhet").
_SINGLE = frozenset({"en", "ett", "den", "det", "denna", "detta", "vår", "min", "din", "er", "sin", "hans", "hennes"})
#: Within a few words on either side: the sexes themselves.
_SEX_WORDS = frozenset(
    """
    kvinnor kvinnorna kvinnors män männen mäns flickor flickorna pojkar pojkarna tjejer killar
    kön könet könen könens
    """.split()
)
_SEX_WINDOW = 8
#: Anywhere in the sentence: the sentence is about the sexes or about sex-specific care.
_SENTENCE_PREFIXES = (
    "könsfördelning", "könsbalans", "könssammansättning", "jämställd", "underrepresenter",
    "överrepresenter", "gynekolog", "visiter", "kroppsvisit", "intimundersök", "könsuppdel",
    "könsstympning", "omskärelse",
)
_SENTENCE_SUFFIXES = ("dominerad", "dominerade", "dominerat")
#: Words for a share; before a group ("manliga konstnärer", no determiner of one person)
#: within :data:`_SHARE_WINDOW` words, they make the sentence a statistic about that group.
_SHARES = frozenset(
    """procent procentenheter % andel andelen andelar hälften hälft majoriteten minoriteten
    tredjedel tredjedelar fjärdedel fjärdedelar tiondel varannan vart varav""".split()
)
_SHARE_WINDOW = 10
_NUMBER_BEFORE = 2


def _is_number(tok: Token) -> bool:
    return any(c.isdigit() for c in tok.text)


def _hits_set(tokens: list[Token], words: frozenset[str]) -> bool:
    """Word forms only: lemmas would read "fått" as "få" (few) and "får" as "få"."""
    return any(t.lower in words for t in tokens)


def _sentence_about_sex(tokens: list[Token]) -> bool:
    for t in tokens:
        low = t.lower
        if low.startswith(_SENTENCE_PREFIXES) or (len(low) > 6 and low.endswith(_SENTENCE_SUFFIXES)):
            return True
        if low in ("kön", "könet", "könen"):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Marking:
    """A sex adjective (``adj``) and the role noun it marks (``noun``), as token indexes."""

    ablock: AnalyzedBlock
    adj: int
    noun: int
    female: bool

    @property
    def start(self) -> int:
        return self.ablock.tokens[self.adj].start

    @property
    def end(self) -> int:
        return self.ablock.tokens[self.noun].end


def _noun_after(tokens: list[Token], a: int, end: int) -> int | None:
    """Index of the role noun the adjective at ``a`` modifies, or None."""
    j = a + 1
    gap = 0
    while j < end and gap <= _MAX_GAP:
        tok = tokens[j]
        low = tok.lower
        if low in _FEMALE or low in _MALE or low in _STOP_ADJECTIVES:
            return None  # "kvinnlig och manlig", "kvinnlig personlig assistent"
        if tok.is_alpha or "-" in low:
            if role_noun(low):
                return j
            if not _adjective_like(tok):
                return None
        elif low not in (",",):
            return None
        j += 1
        gap += 1
    return None


def _other_sex_nearby(tokens: list[Token], m: Marking, lo: int, hi: int) -> bool:
    """The other sex adjective next to the hit, without a role noun of its own (a comparison)."""
    other = _MALE if m.female else _FEMALE
    for k in range(lo, hi):
        if k in (m.adj, m.noun) or tokens[k].lower not in other:
            continue
        own = _noun_after(tokens, k, hi)
        if own is None or own == m.noun:
            return True
        # "kvinnliga än manliga chefer", "kvinnliga och manliga chefer"
        if k == m.adj + 1 or k == m.adj + 2 and tokens[m.adj + 1].lower in _JOINERS:
            return True
        if k > 0 and tokens[k - 1].lower in ("än", "med"):
            return True
    return False


def _skip(ablock: AnalyzedBlock, m: Marking) -> bool:
    tokens = ablock.tokens
    adj = tokens[m.adj]
    sentence = ablock.sentences[adj.sent]
    s, e = sentence.start, sentence.end
    # quotations and proper names (Föreningen Kvinnliga chefer)
    if adj.in_quotes or tokens[m.noun].in_quotes:
        return True
    if adj.is_title and not adj.is_sent_start and m.adj > s and tokens[m.adj - 1].text not in (":", "(", "•", "-", "–"):
        return True
    before_near = tokens[max(s, m.adj - 3) : m.adj]
    before_far = tokens[max(s, m.adj - 6) : m.adj]
    after_near = tokens[m.noun + 1 : min(e, m.noun + 5)]
    # a count: "22 kvinnliga chefer"
    if any(_is_number(t) for t in tokens[max(s, m.adj - _NUMBER_BEFORE) : m.adj]):
        return True
    if _hits_set(before_near, _BEFORE_NEAR) or _hits_set(before_far, _BEFORE_FAR):
        return True
    for k, t in enumerate(before_far):
        if t.lower in _WANT and _hits_set(before_far[k + 1 : k + 4], _WANT_VERBS):
            return True
    # partitive "av de kvinnliga", target group "för kvinnliga chefer", "som kvinnlig chef"
    prev = tokens[m.adj - 1].lower if m.adj > s else ""
    prev2 = tokens[m.adj - 2].lower if m.adj - 1 > s else ""
    if prev in ("för", "som") or (prev2 in ("för", "av") and prev in ("de", "dem", "alla", "samtliga", "våra", "dessa", "era")):
        return True
    if prev in ("alla", "samtliga"):
        return True
    # a measure aimed at the group: "stöd till kvinnliga företagare", "bidrag till manliga ..."
    if prev == "till" and m.adj - 2 >= s and tokens[m.adj - 2].lower.startswith(_MEASURES):
        return True
    single = prev in _SINGLE or (prev.endswith("s") and len(prev) > 3 and m.adj > s and tokens[m.adj - 1].is_alpha)
    if not single and (_hits_set(after_near, _AFTER_NEAR) or any(_is_number(t) for t in after_near[:1])):
        return True
    # a share earlier in the clause is about the group: "71 procent av verken är gjorda av
    # manliga konstnärer", "hälften av tjänsterna innehas av kvinnliga chefer"
    if not single and _hits_set(tokens[max(s, m.adj - _SHARE_WINDOW) : m.adj], _SHARES):
        return True
    if after_near and tokens[m.noun].lower.endswith("s") and after_near[0].lower in _AFTER_ORG:
        return True
    # a request after the noun: "en kvinnlig kontaktperson finns för den som önskar det"
    after_request = tokens[m.noun + 1 : min(e, m.noun + 9)]
    if _hits_set(after_request, _AFTER_REQUEST):
        return True
    if any((a.lower, b.lower) in _AFTER_REQUEST_PAIRS for a, b in zip(after_request, after_request[1:])):
        return True
    lo, hi = max(s, m.adj - _SEX_WINDOW), min(e, m.noun + 1 + _SEX_WINDOW)
    if any(t.lower in _SEX_WORDS for t in tokens[lo:hi]):
        return True
    if _other_sex_nearby(tokens, m, max(s, m.adj - 6), min(e, m.noun + 7)):
        return True
    return _sentence_about_sex(tokens[s:e])


def find_markings(document: AnalyzedDocument) -> Iterator[Marking]:
    """Every sex adjective + role noun in ``document`` whose context does not make sex the point."""
    for ablock in document.blocks_with(_SEX_ADJECTIVES):
        tokens = ablock.tokens
        for i, tok in enumerate(tokens):
            low = tok.lower
            female = low in _FEMALE
            if not female and low not in _MALE:
                continue
            sentence = ablock.sentences[tok.sent]
            noun = _noun_after(tokens, i, sentence.end)
            if noun is None:
                continue
            if low in _NEUTER and not _neuter_role(tokens[noun].lower):
                continue  # "ett kvinnligt perspektiv"; person nouns are common gender but a few
            m = Marking(ablock, i, noun, female)
            if not _skip(ablock, m):
                yield m


_NEUTER_ROLES = ("biträde", "råd", "befäl", "vittne", "ombud", "statsråd")


def _neuter_role(word: str) -> bool:
    return any(word.startswith(r) or r in word for r in _NEUTER_ROLES)


# --- the rules ----------------------------------------------------------------------

_COMMON_LIMITS = (
    "Regeln hittar ordet framför ett ord för yrke eller roll, med högst tre ord emellan (”en "
    "kvinnlig, erfaren läkare”); står det efter (”läkaren var kvinnlig”) hittas det inte. Den hoppar över träffar där könet är poängen: statistik och andelar "
    "(”andelen kvinnliga chefer”, ”fler manliga förskollärare”), jämförelser (”kvinnliga och manliga "
    "chefer”), önskemål (”du kan begära en kvinnlig läkare”), representation (”kommunens första "
    "kvinnliga rektor”), riktade satsningar (”mentorsprogram för kvinnliga chefer”) och vård där "
    "könet spelar roll. Bara orden närmast träffen räknas, inte hela meningen. Ord för dem en "
    "verksamhet riktar sig till (patienter, elever, brukare, sökande, idrottare) och ”förebild” "
    "räknas inte som yrkesord. Prefixen dam- och herr- (damfrisör, herrfrisör) markeras inte: de "
    "beskriver en målgrupp."
)


#: The message of one finding; the rule's own message (for ``explain``) says the same in general.
_FINDING_MESSAGE = "”{match}”: ordet ”{adj}” pekar ut kön utan att det behövs. Stryk det om könet inte är relevant."


def _message(m: Marking) -> str:
    text = m.ablock.block.text
    adj = m.ablock.tokens[m.adj]
    return _FINDING_MESSAGE.replace("{match}", text[m.start : m.end]).replace("{adj}", text[adj.start : adj.end])


def _suggestions(m: Marking) -> list[str]:
    tokens = m.ablock.tokens
    text = m.ablock.block.text
    adj = tokens[m.adj].text
    rest = text[tokens[m.adj + 1].start : tokens[m.noun].end] if m.noun > m.adj else ""
    before = tokens[m.adj - 1].lower if m.adj > 0 else ""
    lead = before + " " if before in ("en", "ett", "den", "det", "de", "vår", "våra", "er", "era") else ""
    return [
        f"Stryk ”{adj}” om könet inte är relevant: ”{lead}{rest.replace(', ', ' ').strip(' ,')}”.",
        "Behåll ordet bara när könet spelar roll för saken, och skriv då varför.",
    ]


def _rule_for(female: bool):
    def check(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
        for m in find_markings(document):
            if m.female == female:
                yield ctx.finding(m.ablock, m.start, m.end, message=_message(m), suggestions=_suggestions(m))

    return check


female_role = code_rule(
    id="markering/kvinnlig-yrkestitel",
    name="kvinnlig + yrke eller roll",
    category="gender-marking",
    severity="warning",
    message="Ordet ”kvinnlig” framför ett yrke eller en roll pekar ut kön utan att det behövs. Stryk det om könet inte är relevant.",
    suggestions=["Stryk ”kvinnlig” om könet inte är relevant: ”en läkare”, ”chefen”.", "Behåll ordet bara när könet spelar roll, och skriv då varför."],
    rationale=(
        "Att skriva kvinnlig läkare eller kvinnlig chef antyder att det normala är en man i yrket. "
        "Stryk adjektivet när könet inte behövs för att förstå texten. Tänk tvärtom: skulle du "
        "skriva ”manlig läkare”? När könet är poängen, som i statistik, jämförelser eller när "
        "någon får önska en kvinnlig läkare, ska ordet stå kvar."
    ),
    source=_SOURCE,
    url=_URL,
    limitations=_COMMON_LIMITS,
    flag=[
        "Patienten träffade en kvinnlig läkare på vårdcentralen.",
        "Den kvinnliga ekonomichefen presenterade bokslutet, som visar att kostnaderna ökade med 4 procent jämfört med året innan.",
        "Introduktionen leds av en kvinnlig, erfaren HR-strateg.",
        "Vi har anställt en ny kvinnlig fastighetstekniker i Västerby.",
        "Kvinnliga poliser patrullerar i centrum på fredagar.",
        "Mötet leddes av en kvinnlig moderator från ett studieförbund.",
        {"text": "Till mottagningen kommer en kvinnlig jurist och en manlig familjebehandlare.", "count": 1},
    ],
    pass_=[
        "Andelen kvinnliga chefer ökade under året.",
        "Av 40 chefer är 22 kvinnliga.",
        "Vi vill ha fler kvinnliga brandmän.",
        "Hon blev kommunens första kvinnliga rektor.",
        "Du kan begära en kvinnlig läkare vid undersökningen.",
        "Både kvinnliga och manliga chefer deltar i programmet.",
        "Utbildningen handlar om kvinnlig könsstympning.",
        "Kommunen startar ett mentorsprogram för kvinnliga chefer.",
        "Kvinnliga patienter får oftare vänta längre.",
        "Skriv inte ”vi söker en kvinnlig undersköterska” i annonsen.",
        "Föreningen Kvinnliga chefer i Lövsala träffas i juni.",
        "Kvinnliga chefer tjänar i snitt mindre än manliga.",
        "Pojkarna saknar kvinnliga förebilder inom teknik.",
        "Hon står för ett kvinnligt perspektiv i styrelsen.",
    ],
)(_rule_for(True))


male_role = code_rule(
    id="markering/manlig-yrkestitel",
    name="manlig + yrke eller roll",
    category="gender-marking",
    severity="warning",
    message="Ordet ”manlig” framför ett yrke eller en roll pekar ut kön utan att det behövs. Stryk det om könet inte är relevant.",
    suggestions=["Stryk ”manlig” om könet inte är relevant: ”en sjuksköterska”, ”förskolläraren”.", "Behåll ordet bara när könet spelar roll, och skriv då varför."],
    rationale=(
        "Att skriva manlig sjuksköterska eller manlig förskollärare antyder att det normala är en "
        "kvinna i yrket. Stryk adjektivet när könet inte behövs för att förstå texten. Tänk "
        "tvärtom: skulle du skriva ”kvinnlig sjuksköterska”? En annons som söker en ”manlig "
        "förskollärare” utan skäl pekar dessutom ut vem som får söka."
    ),
    source=_SOURCE,
    url=_URL,
    limitations=_COMMON_LIMITS,
    flag=[
        "En manlig sjuksköterska tog emot oss på akuten.",
        "Vi söker nu en manlig förskollärare till avdelningen Blåbäret.",
        "Köket sköts av förskolans manliga kock.",
        "Till varje grupp knyts en erfaren och manlig personalspecialist.",
        "Den manlige barnmorskan informerade om amning.",
    ],
    pass_=[
        "Vi behöver rekrytera fler manliga förskollärare.",
        "Bara 3 procent av barnmorskorna är manliga.",
        "Pojkarna saknar manliga förebilder i skolan.",
        "Manliga sjuksköterskor är underrepresenterade i regionen.",
        "Den manliga kören sjunger i kyrkan.",
        "Han fick ”manlig sjuksköterska” som yrkestitel i artikeln.",
        "Nätverket för manliga förskollärare träffas två gånger per termin.",
        "Vid kroppsvisitation ska en manlig polis visitera en man.",
        "Vi ser gärna manliga sökande.",
    ],
)(_rule_for(False))


# --- compounds: kvinnopräst, tjejpolis ----------------------------------------------

_COMPOUND_MODIFIERS = ("kvinno", "tjej", "kille", "kill")
#: Heads that read as the sex of the worker after kvinno-/tjej-. Left out on
#: purpose: läkare (kvinnoläkare = gynaecologist), forskare (kvinnoforskning is a
#: field), tränare/ledare/coach (a team or group for girls), representant/ombud,
#: politiker (kvinnopolitik is a field), författare/konstnär/jurist (historical or
#: association terms: 1800-talets kvinnoförfattare).
_COMPOUND_HEADS = frozenset(
    """
    präst polis pilot chef domare soldat officer ingenjör kock tekniker snickare elektriker
    brandman kapten biskop pastor
    """.split()
)


def _compound_marking(word: str) -> tuple[str, str] | None:
    lower = word.lower()
    for mod in _COMPOUND_MODIFIERS:
        if lower.startswith(mod) and len(lower) > len(mod) + 2:
            head = lower[len(mod) :]
            for stem in _stems(head):
                if stem in _COMPOUND_HEADS:
                    return mod, stem
    return None


def _sex_compounds(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    candidates = frozenset(w for w in document.vocabulary if w.startswith(_COMPOUND_MODIFIERS) and _compound_marking(w))
    for ablock in document.blocks_with(candidates):
        tokens = ablock.tokens
        for tok in tokens:
            if not tok.is_alpha or tok.in_quotes or len(tok.lower) < 8:
                continue
            found = _compound_marking(tok.lower)
            if found is None:
                continue
            if tok.is_title and not tok.is_sent_start:
                continue  # a name
            sentence = ablock.sentences[tok.sent]
            window = tokens[max(sentence.start, tok.i - 3) : tok.i]
            if _hits_set(window, _BEFORE_NEAR) or _sentence_about_sex(tokens[sentence.start : sentence.end]):
                continue
            mod, head = found
            yield ctx.finding(
                ablock,
                tok.start,
                tok.end,
                message=f"”{tok.text}” pekar ut kön i själva ordet. Skriv bara ”{head}” om könet inte är relevant.",
                suggestions=[f"Skriv ”{head}”.", "Behåll könet bara när det spelar roll, och skriv då varför."],
            )


sex_compound = code_rule(
    id="markering/kvinno-sammansattning",
    name="kvinno-/tjej- + yrke",
    category="gender-marking",
    severity="warning",
    message="Ordet pekar ut kön i själva yrkesordet. Skriv bara yrket om könet inte är relevant.",
    suggestions=["Skriv bara yrket: ”präst”, ”polis”.", "Behåll könet bara när det spelar roll, och skriv då varför."],
    rationale=(
        "Sammansättningar som kvinnopräst och tjejpolis gör kvinnan till ett undantag i yrket, "
        "på samma sätt som ”kvinnlig präst”. Skriv bara yrket när könet inte behövs."
    ),
    source=_SOURCE,
    url=_URL,
    limitations=(
        "Regeln känner bara igen förleden kvinno-, tjej- och kill(e)- framför vanliga yrkesord. "
        "Kvinnoläkare (gynekolog), kvinnoforskare, tjejtränare och tjejledare (för en grupp "
        "flickor) markeras inte, inte heller dam- och herr- (damfrisör, herrfrisör)."
    ),
    flag=[
        "Vid invigningen talade en kvinnopräst från församlingen.",
        "En tjejpolis från Sjöhamn besökte skolan.",
    ],
    pass_=[
        "Mottagningen har en kvinnoläkare och två barnmorskor.",
        "Lokalen hyrs ut till en herrfrisör.",
        "Tjejtränaren leder träningen på tisdagar.",
        "Kvinnofridssamordnaren håller i utbildningen.",
    ],
)(_sex_compounds)


RULES = [female_role, male_role, sex_compound]
