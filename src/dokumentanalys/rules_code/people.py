"""Swedish nouns for people, shared by the pronoun, statistics and perspective rules.

A word list, not a grammar: every noun is written out in the forms the rules
need (indefinite and definite, singular and plural). Compounds are found by
their head (*gymnasie|elever*, *förskole|barn*, *enhets|chefen*) with
:func:`person_head`, which asks for a modifier of at least three letters with
a vowel, so *sekunder* is not a compound of *kunder*.

Columns of :data:`_TABLE`:

``base  singular  definite  plural  plural-definite  group  uses``

``group`` says how a figure about the noun is split by sex (``barn``:
flickor/pojkar, ``unga``: unga kvinnor/unga män, ``vuxen``: kvinnor/män).
``uses`` is a set of letters: ``S`` the noun can carry a statistic
("120 elever"), ``A`` its singular can be the antecedent of a generic
pronoun ("sökanden … han"), ``P`` it makes a document *about people*
(population, target group, staff). Roles that occur in any procedure
(handläggare, användare, arbetsgivare) are ``A`` only: they do not make a
technical or procedural text a text about people. ``-`` stands for a form
that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..language.sv import VOWELS

__all__ = [
    "PersonNoun",
    "NOUNS",
    "Form",
    "person_form",
    "person_head",
    "SPLIT_PAIRS",
    "FEMALE_GROUP",
    "MALE_GROUP",
    "SEX_SPECIFIC_SINGULAR",
    "DEN_PARTICIPLES",
    "sex_group",
]


@dataclass(frozen=True, slots=True)
class PersonNoun:
    base: str
    singular: str | None
    definite: str | None
    plural: str | None
    plural_definite: str | None
    group: str
    uses: frozenset[str]
    compounds: bool = True


# Participles and adjectives used as nouns (den anställda, de boende) have no
# compounds of their own worth matching, except those marked below.
_TABLE = """
# base           singular       definite         plural          plural-definite   group  uses
elev             elev           eleven           elever          eleverna          barn   SAP
barn             barn           barnet           barn            barnen            barn   SAP
ungdom           ungdom         ungdomen         ungdomar        ungdomarna        unga   SAP
student          student        studenten        studenter       studenterna       vuxen  SAP
studerande       studerande     studeranden      studerande      -                 vuxen  SAP
anställd         anställd       -                anställda       -                 vuxen  SAP
medarbetare      medarbetare    medarbetaren     medarbetare     medarbetarna      vuxen  SAP
invånare         invånare       invånaren        invånare        invånarna         vuxen  SAP
medborgare       medborgare     medborgaren      medborgare      medborgarna       vuxen  SAP
brukare          brukare        brukaren         brukare         brukarna          vuxen  SAP
deltagare        deltagare      deltagaren       deltagare       deltagarna        vuxen  SAP
sökande          sökande        sökanden         sökande         -                 vuxen  SAP
patient          patient        patienten        patienter       patienterna       vuxen  SAP
person           person         personen         personer        personerna        vuxen  SAP
besökare         besökare       besökaren        besökare        besökarna         vuxen  SAP
medlem           medlem         medlemmen        medlemmar       medlemmarna       vuxen  SAP
kund             kund           kunden           kunder          kunderna          vuxen  SAP
klient           klient         klienten         klienter        klienterna        vuxen  SAP
pensionär        pensionär      pensionären      pensionärer     pensionärerna     vuxen  SAP
förälder         förälder       föräldern        föräldrar       föräldrarna       vuxen  SAP
vårdnadshavare   vårdnadshavare vårdnadshavaren  vårdnadshavare  vårdnadshavarna   vuxen  SAP
vårdtagare       vårdtagare     vårdtagaren      vårdtagare      vårdtagarna       vuxen  SAP
omsorgstagare    omsorgstagare  omsorgstagaren   omsorgstagare   omsorgstagarna    vuxen  SAP
chef             chef           chefen           chefer          cheferna          vuxen  SAP
ledamot          ledamot        ledamoten        ledamöter       ledamöterna       vuxen  SA
lärare           lärare         läraren          lärare          lärarna           vuxen  SAP
pedagog          pedagog        pedagogen        pedagoger       pedagogerna       vuxen  SAP
rektor           rektor         rektorn          rektorer        rektorerna        vuxen  SAP
individ          individ        individen        individer       individerna       vuxen  SAP
människa         människa       människan        människor       människorna       vuxen  SAP
arbetstagare     arbetstagare   arbetstagaren    arbetstagare    arbetstagarna     vuxen  SAP
företagare       företagare     företagaren      företagare      företagarna       vuxen  SAP
anhörig          anhörig        -                anhöriga        -                 vuxen  SAP
närstående       närstående     -                närstående      -                 vuxen  SAP
flykting         flykting       flyktingen       flyktingar      flyktingarna      vuxen  SAP
invandrare       invandrare     invandraren      invandrare      invandrarna       vuxen  SAP
läkare           läkare         läkaren          läkare          läkarna           vuxen  SAP
sköterska        sköterska      sköterskan       sköterskor      sköterskorna      vuxen  SAP
tjänsteperson    tjänsteperson  tjänstepersonen  tjänstepersoner tjänstepersonerna vuxen  SAP
politiker        politiker      politikern       politiker       politikerna       vuxen  SA
doktorand        doktorand      doktoranden      doktorander     doktoranderna     vuxen  SAP
forskare         forskare       forskaren        forskare        forskarna         vuxen  SA
sekreterare      sekreterare    sekreteraren     sekreterare     sekreterarna      vuxen  SAP
assistent        assistent      assistenten      assistenter     assistenterna     vuxen  SAP
biträde          biträde        biträdet         biträden        biträdena         vuxen  SAP
socionom         socionom       socionomen       socionomer      socionomerna      vuxen  SAP
psykolog         psykolog       psykologen       psykologer      psykologerna      vuxen  SAP
kurator          kurator        kuratorn         kuratorer       kuratorerna       vuxen  SAP
skötare          skötare        skötaren         skötare         skötarna          vuxen  SAP
ledare           ledare         ledaren          ledare          ledarna           vuxen  SA
tränare          tränare        tränaren         tränare         tränarna          vuxen  SA
tolk             tolk           tolken           tolkar          tolkarna          vuxen  SA
volontär         volontär       volontären       volontärer      volontärerna      vuxen  SAP
praktikant       praktikant     praktikanten     praktikanter    praktikanterna    vuxen  SAP
lärling          lärling        lärlingen        lärlingar       lärlingarna       vuxen  SAP
arbetare         arbetare       arbetaren        arbetare        arbetarna         vuxen  SAP
tagare           tagare         tagaren          tagare          tagarna           vuxen  SAP
ställare         ställare       ställaren        ställare        ställarna         vuxen  SA
hushåll          hushåll        hushållet        hushåll         hushållen         hushåll S
gäst             gäst           gästen           gäster          gästerna          vuxen  SAP
åskådare         åskådare       åskådaren        åskådare        åskådarna         vuxen  SA
utövare          utövare        utövaren         utövare         utövarna          vuxen  SAP
idrottare        idrottare      idrottaren       idrottare       idrottarna        vuxen  SAP
spelare          spelare        spelaren         spelare         spelarna          vuxen  SA
respondent       respondent     respondenten     respondenter    respondenterna    vuxen  S
handläggare      handläggare    handläggaren     handläggare     handläggarna      vuxen  SA
användare        användare      användaren       användare       användarna        vuxen  SA
mottagare        mottagare      mottagaren       mottagare       mottagarna        vuxen  SA
arbetsgivare     arbetsgivare   arbetsgivaren    -               -                 vuxen  A
befattningshavare befattningshavare befattningshavaren -         -                 vuxen  A
utlänning        utlänning      utlänningen      -               -                 vuxen  A
ordförande       ordförande     ordföranden      -               -                 vuxen  A
ägare            ägare          ägaren           -               -                 vuxen  A
byggherre        byggherre      byggherren       -               -                 vuxen  A
tjänsteman       tjänsteman     tjänstemannen    -               -                 vuxen  A
polisman         polisman       polismannen      -               -                 vuxen  A
sjöman           sjöman         sjömannen        -               -                 vuxen  A
polis            polis          polisen          poliser         poliserna         vuxen  SA
representant     representant   representanten   representanter  representanterna  vuxen  SAP
kandidat         kandidat       kandidaten       kandidater      kandidaterna      vuxen  SAP
referent         referent       referenten       referenter      referenterna      vuxen  SA
svarande         svarande       -                svarande        -                 vuxen  SP
nyanställd       nyanställd     -                nyanställda     -                 vuxen  SAP
"""

# Plural-only words that count people but have no compounds we trust
# (*äldreboende* is a building, *tunga* is not young people).
_PLURAL_ONLY = """
# plural          group  uses
boende            vuxen  SP
unga              unga   SP
vuxna             vuxen  SP
nyanlända         vuxen  SP
arbetslösa        vuxen  SP
förtroendevalda   vuxen  S
tillfrågade       vuxen  S
ensamstående      vuxen  SP
"""


def _parse() -> tuple[PersonNoun, ...]:
    nouns: list[PersonNoun] = []
    for line in _TABLE.strip().splitlines():
        if line.startswith("#"):
            continue
        base, sg, de, pl, pld, group, uses = line.split()
        nouns.append(
            PersonNoun(
                base,
                None if sg == "-" else sg,
                None if de == "-" else de,
                None if pl == "-" else pl,
                None if pld == "-" else pld,
                group,
                frozenset(uses),
            )
        )
    for line in _PLURAL_ONLY.strip().splitlines():
        if line.startswith("#"):
            continue
        pl, group, uses = line.split()
        nouns.append(PersonNoun(pl, None, None, pl, None, group, frozenset(uses), compounds=False))
    return tuple(nouns)


NOUNS: tuple[PersonNoun, ...] = _parse()

#: Heads that look like person nouns but never are, as compound tails
#: (*se|kunder* is two letters anyway; *milli|se|kunder* is not).
_NOT_COMPOUND = ("sekund", "sekunder", "sekunden", "sekunderna")


@dataclass(frozen=True, slots=True)
class Form:
    """One word form of a person noun and what it is."""

    noun: PersonNoun
    number: str  # "singular" | "definite" | "plural" | "plural_definite"
    genitive: bool = False

    @property
    def is_plural(self) -> bool:
        return self.number in ("plural", "plural_definite")


def _index() -> tuple[dict[str, list[Form]], dict[str, list[Form]]]:
    exact: dict[str, list[Form]] = {}
    heads: dict[str, list[Form]] = {}
    for noun in NOUNS:
        for number in ("singular", "definite", "plural", "plural_definite"):
            word = getattr(noun, number)
            if not word:
                continue
            for form, genitive in ((word, False), (word + "s", True)):
                if word.endswith("s") and genitive:
                    continue
                entry = Form(noun, number, genitive)
                exact.setdefault(form, []).append(entry)
                if noun.compounds:
                    heads.setdefault(form, []).append(entry)
    return exact, heads


_EXACT, _HEADS = _index()


def person_form(lower: str) -> tuple[Form, ...]:
    """Every reading of ``lower`` as an exact person-noun form (``barn`` is singular and plural)."""
    return tuple(_EXACT.get(lower, ()))


@lru_cache(maxsize=50_000)
def person_head(lower: str) -> tuple[Form, ...]:
    """Readings of ``lower`` as a person noun, exact or as the head of a compound."""
    exact = _EXACT.get(lower)
    if exact:
        return tuple(exact)
    if "-" in lower:
        # "förskole-barn", "gymnasie- och vuxenelever" keeps the last part
        tail = lower.rsplit("-", 1)[1]
        if tail in _EXACT and len(lower) - len(tail) > 3:
            return tuple(f for f in _EXACT[tail] if f.noun.compounds)
    if lower.endswith(_NOT_COMPOUND):
        return ()
    for cut in range(3, len(lower) - 2):
        head = lower[cut:]
        forms = _HEADS.get(head)
        if forms:
            modifier = lower[:cut]
            if any(c in VOWELS for c in modifier):
                return tuple(forms)
            return ()
    return ()


#: Words for groups of women or girls, and of men or boys: a sentence naming
#: one of each is a sentence about women and men. Lower case word forms.
FEMALE_GROUP: frozenset[str] = frozenset(
    """kvinnor kvinnorna kvinnors kvinnornas kvinna kvinnan kvinnans kvinnlig kvinnliga kvinnligt
    flickor flickorna flickors flickornas flicka flickan tjejer tjejerna tjejers
    döttrar mödrar mammor""".split()
)
MALE_GROUP: frozenset[str] = frozenset(
    """män männen mäns männens mannen mannens manlig manliga manligt
    pojkar pojkarna pojkars pojkarnas pojke pojken killar killarna killars
    söner fäder pappor""".split()
)

#: Split of a figure about each noun group: (women, men) in indefinite and definite plural.
SPLIT_PAIRS: dict[str, tuple[str, str, str, str]] = {
    "barn": ("flickor", "pojkar", "flickorna", "pojkarna"),
    "unga": ("unga kvinnor", "unga män", "de unga kvinnorna", "de unga männen"),
    "vuxen": ("kvinnor", "män", "kvinnorna", "männen"),
    # households are split by the sex of the person who applies or heads them
    "hushåll": (
        "hushåll med en kvinna som sökande", "hushåll med en man som sökande",
        "hushållen med en kvinna som sökande", "hushållen med en man som sökande",
    ),
}

#: Singular nouns that name a woman or a man: a pronoun after them is not generic.
SEX_SPECIFIC_SINGULAR: frozenset[str] = frozenset(
    """kvinnan kvinnans mannen mannens flickan flickans pojken pojkens
    mamman mammans pappan pappans modern moderns mors fadern faderns fars
    dottern dotterns sonen sonens hustrun hustruns frun fruns maken makens makan makans
    systern systerns brodern broderns mormor farmor morfar farfar
    gravida gravid
    kvinna flicka pojke mamma pappa mor dotter son fru hustru make maka syster bror""".split()
)

#: Participles and adjectives that stand for a person after "den" (den sökande, den enskilde).
DEN_PARTICIPLES: frozenset[str] = frozenset(
    """sökande enskilde enskilda anställda anställde boende studerande unga unge äldre
    försäkrade tilltalade drabbade berörda berörde inskrivna inskrivne nyanlända nyanlände
    arbetslösa arbetslöse sjuka sjuke avlidne avlidna förtroendevalda förtroendevalde
    vårdbehövande funktionsnedsatta""".split()
)


def sex_group(lower: str) -> str | None:
    """``"f"`` for a word naming women or girls, ``"m"`` for men or boys, else None."""
    if lower in FEMALE_GROUP:
        return "f"
    if lower in MALE_GROUP:
        return "m"
    return None
