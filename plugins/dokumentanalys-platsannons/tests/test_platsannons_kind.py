"""The platsannons kind claims job ads and nothing else."""

from __future__ import annotations

import pytest

from dokumentanalys.kinds import choose_kind
from dokumentanalys.language.sv import analyze_document
from dokumentanalys.testing import document_from_text, load_plugin_registry

REGISTRY = load_plugin_registry("platsannons")

AD = """# Handläggare till bygglovsenheten

Vi söker en handläggare till bygglovsenheten.

# Om tjänsten

Dina arbetsuppgifter är att pröva ansökningar om bygglov.

# Kvalifikationer

Du har högskoleexamen. Det är meriterande med erfarenhet från kommun.

Tjänsten är en tillsvidareanställning på heltid med tillträde enligt överenskommelse.
Sista ansökningsdag är den 30 april. Välkommen med din ansökan!"""

AD_WITHOUT_HEADINGS = """Platsannons: ambulanssjuksköterska till Exempelregionen

Ambulansen i Exempelregionen söker sjuksköterskor med specialistutbildning. Vem söker vi?
Du har legitimation och C1-körkort. Skicka CV och personligt brev senast den 1 juni.
Upplysningar lämnas av enhetschefen."""

HR_POLICY = """# Rekryteringspolicy för Exempelkommunen

Policyn gäller all rekrytering i kommunen och är beslutad av kommunfullmäktige.
I varje platsannons ska rekryterande chef beskriva arbetsuppgifter och krav.
Nämnden ansvarar för att varje tillsvidareanställning föregås av en kravprofil.
Lön sätts enligt lönepolicyn. Provanställning används när det är lämpligt.
Målet är att kommunen ska vara en attraktiv arbetsgivare med jämn könsfördelning."""

FORM = """# Ansökan om föreningsbidrag

Sökande förening fyller i blanketten. Bifoga verksamhetsberättelse.
Underskrift av firmatecknare. Postadress och e-postadress."""

ONE_PHRASE = """# Vi söker nya medlemmar

Föreningen Exempelkören vi söker fler tenorer till vårens konserter."""


def _kind(text: str) -> tuple[str, dict[str, float]]:
    return choose_kind(REGISTRY.kinds, analyze_document(document_from_text(text)))


@pytest.mark.parametrize("text", [AD, AD_WITHOUT_HEADINGS], ids=["with-headings", "without-headings"])
def test_a_job_ad_is_a_platsannons(text: str) -> None:
    kind, scores = _kind(text)
    assert kind == "platsannons"
    assert scores["platsannons"] >= 0.75  # three phrases in an ad's voice or more


@pytest.mark.parametrize("text", [HR_POLICY, FORM, ONE_PHRASE], ids=["hr-policy", "form", "one-phrase"])
def test_other_documents_are_not_claimed(text: str) -> None:
    kind, scores = _kind(text)
    assert kind != "platsannons"
    assert scores["platsannons"] == 0.0
