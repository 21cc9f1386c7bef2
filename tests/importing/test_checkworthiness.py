from workbench.importing.analysis import CHECKWORTHY_THRESHOLD, analyse_text
from workbench.importing.checkworthiness import NameIndex, score_sentence


def score(sentence: str, language: str, context: str = "") -> tuple[float, tuple[str, ...]]:
    names = NameIndex.build(context + " " + sentence, language)
    return score_sentence(sentence, language, names)


def test_amounts_percentages_dates_and_names_are_reasons():
    value, reasons = score(
        "Elon Musk bot im Februar 97,4 Milliarden US-Dollar, 3.400 Stellen fallen weg.", "de"
    )
    assert value >= CHECKWORTHY_THRESHOLD
    assert "amount: 97,4 Milliarden US-Dollar" in reasons
    assert "date: Februar" in reasons
    assert "named person: Elon Musk" in reasons
    value, reasons = score("Shares of Acme Corp fell 7.8% last year.", "en")
    assert "percentage: 7.8%" in reasons
    assert "date: last year" in reasons
    assert "organisation: Acme Corp" in reasons
    _value, reasons = score("The bid was worth $97.4bn, people said.", "en")
    assert "amount: $97.4bn" in reasons


def test_german_names_need_a_cue_not_just_a_capital():
    names = NameIndex.build("Der Konkurrent Mark Zuckerberg und die Firma Meta.", "de")
    assert names.people["Zuckerberg"] == "Mark Zuckerberg"
    assert "Konkurrent" not in names.people
    assert "Firma" not in names.organisations


def test_penalties():
    question, reasons = score("Wird Musk OpenAI im Jahr 2026 kaufen?", "de", "Elon Musk")
    assert question < CHECKWORTHY_THRESHOLD and "question" in reasons
    address, reasons = score("Stellt euch vor, Musk kauft OpenAI für 97 Milliarden.", "de")
    assert address < CHECKWORTHY_THRESHOLD
    assert any(r.startswith("reader address") for r in reasons)
    speculation, reasons = score("Die Enthüllung könnte für Musk Folgen haben.", "de", "Elon Musk")
    assert speculation < CHECKWORTHY_THRESHOLD
    assert "opinion or speculation: könnte" in reasons
    value, reasons = score("Arguably, the deal seems rushed in 2025.", "en")
    assert value < CHECKWORTHY_THRESHOLD
    value, reasons = score("Über diesen Rechtsstreit berichtete auch t3n bereits.", "de")
    assert value < CHECKWORTHY_THRESHOLD and any(r.startswith("self-reference") for r in reasons)
    value, reasons = score("As we reported in May, Acme Corp cut 300 jobs.", "en")
    assert any(r.startswith("self-reference") for r in reasons)


def test_subheadings_and_fragments_are_never_claims():
    value, reasons = score("Ein Angebot, das nie zustande kam", "de")
    assert value == 0.0
    value, _ = score("Acme fell.", "en")
    assert value < CHECKWORTHY_THRESHOLD


def test_claims_come_with_score_and_reasons_in_text_order():
    analysis = analyse_text(
        "Acme Corp cut 3,400 jobs in March, a spokesperson for Acme said. "
        "That might be a mistake. Is it? Acme Corp was founded in 1990."
    )
    assert [c.text[:8] for c in analysis.claims] == ["Acme Cor", "Acme Cor"]
    assert all(0 <= c.score <= 1 and c.reasons for c in analysis.claims)
