"""The balance between agentic and communal words in one job ad.

The two word rules in ``ord.toml`` mark each word; this code rule counts
what they find and gives the ad one score::

    balance = (agentic - communal) / (agentic + communal)     # -1.0 … +1.0

+1.0 means only agentic words, -1.0 only communal ones. An ad with at least
:data:`MIN_WORDS` coded words whose one side has at least twice as many as
the other (|balance| > 1/3) gets one document-level finding; every ad of the
kind gets the figures in its report's metadata under ``job_ad_balance``.
The thresholds are ours, not from a study: they only decide when to say
something, the counts are always there.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Iterator

from dokumentanalys.engine.data_rules import compile_rules, load_pack
from dokumentanalys.engine.rule import Rule, RuleContext, code_rule
from dokumentanalys.language.analyzed import AnalyzedDocument
from dokumentanalys.model import Finding

__all__ = ["AGENTIC", "COMMUNAL", "MIN_WORDS", "THRESHOLD", "balance_rule", "count_words"]

AGENTIC = "platsannons/agentiskt-ord"
COMMUNAL = "platsannons/kommunalt-ord"
MIN_WORDS = 3
THRESHOLD = 1 / 3
METADATA_KEY = "job_ad_balance"


@lru_cache(maxsize=1)
def _word_rules() -> dict[str, Rule]:
    """The two word rules, compiled on their own so counting does not depend on --select."""
    _, rules = compile_rules([load_pack(files(__package__) / "ord.toml")])
    return {r.id: r for r in rules if r.id in (AGENTIC, COMMUNAL)}


def count_words(document: AnalyzedDocument) -> dict[str, list[str]]:
    """The agentic and communal words in ``document``, as written, in order."""
    return {rid: [f.matched for f in rule.run(document)] for rid, rule in _word_rules().items()}


def _swedish(x: float) -> str:
    return f"{x:+.2f}".replace(".", ",").replace("+0,00", "0,00")


@code_rule(
    id="platsannons/obalans",
    name="ordobalans i platsannons",
    category="gender-coded-words",
    severity="info",
    kinds=["platsannons"],
    message="Annonsen väger över mot agentiska eller kommunala ord.",
    suggestions=[
        "Byt några av de ord som dominerar mot ord som beskriver arbetsuppgifterna.",
        "Lägg till egenskaper från den andra gruppen om de stämmer för tjänsten.",
    ],
    rationale=(
        "Det är annonsens samlade ordval som påverkar vem som känner sig välkommen att söka, "
        "inte ett enskilt ord. Regeln räknar agentiska (maskulint kodade) och kommunala "
        "(feminint kodade) ord och säger till när den ena sortens ord är minst dubbelt så "
        "många som den andra. Balansen (agentiska − kommunala) / (agentiska + kommunala) "
        "står alltid i rapportens metadata (job_ad_balance)."
    ),
    source="Gaucher, Friesen & Kay (2011), Journal of Personality and Social Psychology 101(1), s. 109–128",
    url="https://doi.org/10.1037/a0022530",
    limitations=(
        "Det finns ingen validerad svensk lista över könskodade ord (okontrollerat); orden och "
        "gränserna (minst tre ord, dubbelt så många på ena sidan) är valda av oss. Räkningen "
        "bryr sig inte om sammanhang eller om ordet står i en mening om någon annan än den sökande."
    ),
    flag=[
        "Vi söker en driven, självständig och analytisk säljare som är tävlingsinriktad.",
        "Du är omtänksam, lyhörd och empatisk. Du är också stöttande mot dina kollegor.",
        {"text": "Vi söker en driven och resultatorienterad ledare. Du är självständig men lyhörd.", "count": 1},
    ],
    pass_=[
        "Vi söker en driven och lyhörd säljare. Du är analytisk och omtänksam.",
        "Vi söker en undersköterska till nattpasset på Solgården.",
        "Du är driven och analytisk.",
    ],
)
def balance_rule(document: AnalyzedDocument, ctx: RuleContext) -> Iterator[Finding]:
    words = count_words(document)
    agentic, communal = words.get(AGENTIC, []), words.get(COMMUNAL, [])
    a, c = len(agentic), len(communal)
    score = (a - c) / (a + c) if a + c else 0.0
    document.document.metadata[METADATA_KEY] = {
        "agentic": a,
        "communal": c,
        "balance": round(score, 2),
        "agentic_words": sorted({w.lower() for w in agentic}),
        "communal_words": sorted({w.lower() for w in communal}),
    }
    if a + c < MIN_WORDS or abs(score) <= THRESHOLD:
        return
    side, other = ("agentiska", "kommunala") if score > 0 else ("kommunala", "agentiska")
    dominant = sorted({w.lower() for w in (agentic if score > 0 else communal)})
    yield ctx.finding(
        None,
        message=(
            f"Annonsen väger över mot {side} ord ({a} agentiska, {c} kommunala; balans {_swedish(score)})."
        ),
        suggestions=[
            f"Se över orden {', '.join(dominant[:6])}: beskriv hellre vad arbetet kräver.",
            f"Lägg till {other} egenskaper om de stämmer för tjänsten.",
        ],
    )
