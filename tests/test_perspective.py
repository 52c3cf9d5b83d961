"""The gender marker (OECD DAC) and the missing-gender-perspective rule."""

from __future__ import annotations

from pathlib import Path

from dokumentanalys.language.sv import analyze_document
from dokumentanalys.model import DocumentResult, Severity
from dokumentanalys.pipeline import Analyzer, Settings
from dokumentanalys.plugins import Registry
from dokumentanalys.rules_code.perspective import assess, missing_perspective
from dokumentanalys.testing import document_from_text

RULE = "perspektiv/saknas"

BOILERPLATE = """# Riktlinje för fritidsgårdar

Riktlinjen gäller för kommunens fritidsgårdar och antas av kultur- och fritidsnämnden.

Fritidsgårdarna ska erbjuda barn och unga en meningsfull fritid. Verksamheten ska utgå från
besökarnas intressen och ska genomsyras av jämställdhet och jämlikhet.

Personalen ska bemöta alla besökare med respekt. Nämnden följer upp antalet besökare varje år."""

INTEGRATED = """# Plan för föreningsbidrag 2026

Planen antas av kultur- och fritidsnämnden och gäller för alla bidrag till föreningar.

En jämställdhetsanalys av bidragen 2025 visar att pojkar fick 62 procent av aktivitetsstödet
och flickor 38 procent.

Målet är att flickor och pojkar ska ha samma möjligheter till en aktiv fritid. Indikatorerna
för bidragen redovisas uppdelade på kön och följs upp varje år."""

TECHNICAL = """# VA-standard för ledningsnät

Standarden gäller för nyanläggning av vatten- och avloppsledningar i kommunen.

Ledningar ska dimensioneras för en trycknivå på minst 0,6 MPa. Brunnar placeras med högst
80 meters avstånd. Material och rördimensioner framgår av bilaga 1."""

PEOPLE_BODY = """Planen gäller för kommunens äldreomsorg. Brukare och anhöriga ska få stöd i tid.

Medarbetarna i hemtjänsten ska ha rätt kompetens. Brukarna ska kunna påverka insatserna."""


def run(registry: Registry, text: str, kind: str = "styrdokument") -> DocumentResult:
    analyzer = Analyzer(registry, Settings(kind=kind, select=(RULE,)))
    result = analyzer.analyze_document(document_from_text(text))
    assert not result.errors, result.errors
    return result


def rule_findings(result: DocumentResult) -> list:
    return [f for f in result.findings if f.rule == RULE]


def test_boilerplate_only_is_marker_0_with_a_finding(registry: Registry) -> None:
    result = run(registry, BOILERPLATE)
    assert result.gender_marker == 0
    found = rule_findings(result)
    assert len(found) == 1
    f = found[0]
    assert f.severity == Severity.WARNING and f.category == "missing-gender-perspective"
    # anchored on the title, for the whole document
    assert (f.location.block, f.location.start, f.location.end) == (0, None, None)
    assert "Vi letade efter" in f.message and "kvinnor och män" in f.message
    assert "allmän formulering" in f.message
    assert any("4R" in s for s in f.suggestions)
    assert "allmän formulering" in " ".join(result.assessment.signals)


def test_analysis_and_split_goals_is_marker_1(registry: Registry) -> None:
    result = run(registry, INTEGRATED)
    assert result.gender_marker == 1
    assert rule_findings(result) == []
    signals = " ".join(result.assessment.signals)
    assert "jämställdhetsanalys" in signals
    assert "delas upp på kön" in signals
    assert result.assessment.explanation.startswith("Jämställdhetsperspektivet är integrerat")


def test_technical_document_is_not_applicable(registry: Registry) -> None:
    result = run(registry, TECHNICAL)
    assert result.gender_marker is None
    assert rule_findings(result) == []
    assert "handlar inte om människor" in result.assessment.explanation


def test_negated_analysis_is_not_a_signal(registry: Registry) -> None:
    text = "# Tjänsteskrivelse om öppettider\n\n" + PEOPLE_BODY + "\n\nIngen jämställdhetsanalys har gjorts."
    result = run(registry, text)
    assert result.gender_marker == 0
    assert not any(s.startswith("beskriver en jämställdhetsanalys") for s in result.assessment.signals)
    assert any("inte har gjorts" in s for s in result.assessment.signals)
    assert len(rule_findings(result)) == 1
    text = "# Tjänsteskrivelse om öppettider\n\n" + PEOPLE_BODY + "\n\nFörslaget har inte analyserats ur ett jämställdhetsperspektiv."
    assert run(registry, text).gender_marker == 0


def test_a_condition_is_not_a_negation(registry: Registry) -> None:
    text = (
        "# Plan för äldreomsorgen\n\n" + PEOPLE_BODY + "\n\n"
        "All individbaserad statistik ska vara uppdelad efter kön om det inte finns särskilda skäl mot detta."
    )
    result = run(registry, text)
    assert result.gender_marker == 1
    assert any("delas upp på kön" in s for s in result.assessment.signals)


def test_weak_signals_do_not_make_a_perspective(registry: Registry) -> None:
    for extra in (
        "Verksamheten ska präglas av jämlikhet och likabehandling.",
        "Förvaltningen gör en årlig lönekartläggning och arbetar med aktiva åtgärder enligt diskrimineringslagen.",
        "Alla texter ska skrivas med ett könsneutralt språk.",
        "Alla ska bemötas lika oavsett kön.",
        "Biblioteket köper in skönlitteratur för alla åldrar.",
        "Flickor är mer ordentliga än pojkar, och pojkar är bättre på att lösa konflikter själva.",
        "Avgiften kan jämkas om brukaren har låga inkomster.",
    ):
        result = run(registry, "# Plan för äldreomsorgen\n\n" + PEOPLE_BODY + "\n\n" + extra)
        assert result.gender_marker == 0, (extra, result.assessment)
        assert len(rule_findings(result)) == 1


def test_women_and_men_named_in_several_places(registry: Registry) -> None:
    text = (
        "# Plan för äldreomsorgen\n\n" + PEOPLE_BODY + "\n\n"
        "Insatserna ska nå både kvinnor och män.\n\nAnhöriga kvinnor och män ska få samma stöd.\n\n"
        "Uppföljningen ska visa hur kvinnor och män upplever hemtjänsten."
    )
    result = run(registry, text)
    assert result.gender_marker == 1
    assert "nämner kvinnor och män, flickor och pojkar (3 ställen)" in result.assessment.signals


def test_one_mention_of_women_and_men_is_not_enough(registry: Registry) -> None:
    result = run(registry, "# Plan för äldreomsorgen\n\n" + PEOPLE_BODY + "\n\nInsatserna ska nå både kvinnor och män.")
    assert result.gender_marker == 0
    assert "nämner kvinnor och män" in rule_findings(result)[0].message


def test_anchors_and_methods_count(registry: Registry) -> None:
    text = (
        "# Plan för äldreomsorgen\n\n" + PEOPLE_BODY + "\n\n"
        "Planen bidrar till de jämställdhetspolitiska målen och följer CEMR-deklarationen.\n\n"
        "Nämnden använder JämKAS och arbetar med jämställdhetsintegrering."
    )
    result = run(registry, text)
    assert result.gender_marker == 1
    signals = " ".join(result.assessment.signals)
    assert "jämställdhetspolitiska" in signals and "CEMR" in signals and "JämKAS" in signals


def test_title_about_gender_equality_is_marker_2(registry: Registry) -> None:
    for title in ("Handlingsplan för jämställdhet 2026–2028", "Jämställdhetsplan för personalen", "Program mot mäns våld mot kvinnor"):
        result = run(registry, f"# {title}\n\nPlanen gäller för alla förvaltningar.")
        assert result.gender_marker == 2, title
        assert title in result.assessment.explanation
        assert rule_findings(result) == []


def test_forms(registry: Registry) -> None:
    counts = (
        "# Ansökan om aktivitetsbidrag\n\nFöreningens namn:\n\n"
        "| Uppgift | Antal |\n|---|---|\n| Antal deltagare 7–20 år | |\n| Antal ledare | |\n\nUnderskrift:"
    )
    result = run(registry, counts, kind="ansokan")
    assert result.gender_marker == 0
    found = rule_findings(result)
    assert len(found) == 1 and found[0].severity == Severity.INFO
    assert "Antal deltagare" in document_from_text(counts).blocks[found[0].location.block].text
    by_sex = counts.replace("| Antal deltagare 7–20 år | |", "| Antal deltagare 7–20 år, flickor | |\n| Antal deltagare 7–20 år, pojkar | |")
    assert run(registry, by_sex, kind="ansokan").gender_marker == 1
    consent = "# Samtycke till informationsöverföring\n\nNamn:\n\nPersonnummer:\n\nUnderskrift:"
    result = run(registry, consent, kind="ansokan")
    assert result.gender_marker is None and rule_findings(result) == []
    staff = "# Ansökan om serveringstillstånd\n\nAntal anställda kockar och bartendrar:\n\nUnderskrift:"
    assert run(registry, staff, kind="ansokan").gender_marker is None
    # one applicant's household is not a count of the people a service reaches
    household = "# Ansökan om förskoleplats\n\nBarnets kön: Flicka / Pojke\n\nAntal barn i hushållet:\n\nUnderskrift:"
    assert run(registry, household, kind="ansokan").gender_marker is None


def test_other_kinds_are_not_given_a_marker_but_say_what_they_show(registry: Registry) -> None:
    result = run(registry, "# Nyhetsbrev\n\n" + PEOPLE_BODY, kind="other")
    assert result.gender_marker is None and rule_findings(result) == []
    # minutes or a newsletter that analyse women and men are still not a policy to mark
    result = run(registry, "# Nyhetsbrev\n\n" + INTEGRATED.split("\n\n", 1)[1], kind="other")
    assert result.gender_marker is None and rule_findings(result) == []
    assert "jämställdhetsanalys" in result.assessment.explanation
    # a text whose title is about gender equality is still a 2
    result = run(registry, "# Jämställdhetspriset 2026\n\n" + PEOPLE_BODY, kind="other")
    assert result.gender_marker == 2


def test_rule_assesses_when_the_hook_did_not_run() -> None:
    analyzed = analyze_document(document_from_text(BOILERPLATE))
    analyzed.kind = "styrdokument"
    found = missing_perspective.run(analyzed)
    assert len(found) == 1 and found[0].location.block == 0


def test_assess_directly_and_through_a_file(tmp_path: Path, registry: Registry) -> None:
    analyzed = analyze_document(document_from_text(INTEGRATED))
    assert assess(analyzed, "styrdokument").gender_marker == 1
    assert assess(analyzed, "ansokan").gender_marker == 1  # positive evidence counts for any kind
    path = tmp_path / "plan.md"
    path.write_text(BOILERPLATE, encoding="utf-8")
    result = Analyzer(registry, Settings(kind="styrdokument")).analyze(path)
    assert result.gender_marker == 0
    assert [f.rule for f in result.findings if f.category == "missing-gender-perspective"] == [RULE]
    assert result.to_json()["gender_marker"] == 0


def test_short_grant_guideline_is_about_people() -> None:
    """Handing out grants is resource allocation to people, even in a short text."""
    from dokumentanalys.rules_code.perspective import collect_evidence

    text = (
        "# Riktlinje för aktivitetsbidrag\n\n"
        "Nämnden fördelar bidrag till föreningar varje år.\n\n"
        "Bidraget söks av föreningen. Under året deltog 900 barn och unga."
    )
    assert collect_evidence(analyze_document(document_from_text(text))).about_people


def test_one_grant_word_is_not_enough() -> None:
    from dokumentanalys.rules_code.perspective import collect_evidence

    text = "# Riktlinje för vattenmätare\n\nMätaren byts vart tionde år. Stöd för montering finns i bilaga 2."
    assert not collect_evidence(analyze_document(document_from_text(text))).about_people


STEREOTYPED_CULTURE = """# Plan för kulturskolan

Kulturskolan är öppen för alla barn och unga i kommunen, och avgiften är 300 kronor per termin.

Flickor föredrar dans och sång medan pojkar hellre spelar trummor, och utbudet anpassas efter det.

Konsthallen visar en utställning om kvinnliga och manliga konstnärer under 1900-talet.

Eleverna ska kunna välja kurser efter intresse. Nämnden följer upp antalet elever varje år."""


def test_a_stereotype_or_a_year_is_not_an_analysis_of_women_and_men(registry: Registry) -> None:
    result = run(registry, STEREOTYPED_CULTURE)
    assert result.gender_marker == 0
    signals = " ".join(result.assessment.signals)
    assert "analyserar skillnader" not in signals
    assert "redovisar siffror" not in signals
    assert len(rule_findings(result)) == 1


PARENTS = """# Policy för föräldrastöd

Policyn gäller kommunens föräldragrupper och familjecentraler.

Under 2025 deltog 214 föräldrar i grupperna, varav 161 mammor och 53 pappor.

Familjecentralen redovisar deltagandet uppdelat på mammor och pappor och analyserar varför
pappor deltar mindre än mammor."""


def test_mothers_and_fathers_as_groups_count_like_women_and_men(registry: Registry) -> None:
    result = run(registry, PARENTS)
    assert result.gender_marker == 1
    assert "analyserar skillnader" in " ".join(result.assessment.signals)
    assert rule_findings(result) == []


MENTION_AND_BOILERPLATE = """# Riktlinje för biståndsbedömning

Riktlinjen gäller för kommunens hemtjänst och ska genomsyras av jämställdhet och jämlikhet.

Både kvinnor och män kan ansöka om hemtjänst. Handläggaren bedömer behovet i varje enskilt
ärende. Brukarna ska kunna påverka insatserna och få stöd i tid. Styrelsen består av fyra
personer, varav två kvinnor och två män."""


def test_a_mention_and_a_boilerplate_sentence_are_not_a_perspective(registry: Registry) -> None:
    result = run(registry, MENTION_AND_BOILERPLATE)
    assert result.gender_marker == 0
    signals = " ".join(result.assessment.signals)
    assert "analyserar skillnader" not in signals  # a count of women and men is not an analysis
    assert len(rule_findings(result)) == 1



def test_a_form_that_only_mentions_girls_and_boys_is_judged_as_a_form(registry: Registry) -> None:
    form = (
        "# Anmälan till sommarlovsaktiviteter\n\n"
        "Aktiviteterna är öppna för flickor och pojkar i alla åldrar. Både flickor och pojkar kan välja "
        "fotboll, dans, slöjd och kanot. Vi vill att flickor och pojkar ska känna sig välkomna.\n\n"
        "Barnets namn:\n\nVårdnadshavares telefon:\n\nUnderskrift:"
    )
    result = run(registry, form, kind="ansokan")
    assert result.gender_marker is None
    assert "Blanketten samlar inte in" in result.assessment.explanation
