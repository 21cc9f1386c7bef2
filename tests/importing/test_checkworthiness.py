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


def test_rhetorical_quotes_and_evaluations_are_not_claims():
    context = "Landrat Peter Imhoff und Senatorin Ruth Gallagher."
    cases = [
        ("„Das ist ein Schlag ins Gesicht aller Pendler“, sagte Landrat Peter Imhoff.", "de"),
        ("Landrat Peter Imhoff nannte den Plan „Augenwischerei“.", "de"),
        ("Imhoff sagte, die Sanierung sei „überfällig“.", "de"),
        ("Imhoff forderte, die Mittel sofort freizugeben.", "de"),
        ("„Wer jetzt zögert, muss das den Eltern erklären“, sagte Imhoff.", "de"),
        ('"We will not back down on this," Senator Ruth Gallagher said.', "en"),
        ('Senator Ruth Gallagher called the bill a "shambles".', "en"),
    ]
    for sentence, language in cases:
        names = NameIndex.build(context + " " + sentence, language)
        value, reasons = score_sentence(sentence, language, names, ("sagte",))
        assert value < CHECKWORTHY_THRESHOLD, (sentence, value, reasons)
    _value, reasons = score("Imhoff nannte den Plan „Augenwischerei“.", "de", context)
    assert "evaluative label: Augenwischerei" in reasons
    _value, reasons = score("Imhoff forderte, die Mittel sofort freizugeben.", "de", context)
    assert "demand: forderte" in reasons
    _value, reasons = score('"We will not back down," Gallagher said.', "en", context)
    assert "statement of resolve: We will not" in reasons


def test_a_quote_with_a_fact_keeps_its_speaker_weight():
    context = "Landrat Peter Imhoff."
    sentence = "„Wir haben 2024 genau 312 Anträge bewilligt“, sagte Landrat Peter Imhoff."
    names = NameIndex.build(context + " " + sentence, "de")
    value, reasons = score_sentence(sentence, "de", names, ("sagte Landrat Peter Imhoff",))
    assert value >= CHECKWORTHY_THRESHOLD
    assert "quote states no checkable fact" not in reasons
    sentence = "„Wir lieben diese Stadt und ihre Menschen“, sagte Landrat Peter Imhoff."
    _value, reasons = score_sentence(sentence, "de", names, ("sagte Landrat Peter Imhoff",))
    assert "quote states no checkable fact" in reasons


def test_short_factual_sentences_with_number_words_are_claims():
    for sentence, language in [
        ("Drei Beschäftigte wurden leicht verletzt.", "de"),
        ("Vier Abgeordnete enthielten sich.", "de"),
        ("Der Bundesrat muss der Novelle noch zustimmen.", "de"),
        ("Nach elf Runden hat der Klub sieben Punkte.", "de"),
        ("Twelve passengers were treated for minor injuries.", "en"),
    ]:
        value, reasons = score(sentence, language)
        assert value >= CHECKWORTHY_THRESHOLD, (sentence, value, reasons)
    _value, reasons = score("Vier Abgeordnete enthielten sich.", "de")
    assert "quantity: Vier Abgeordnete" in reasons and "very short" not in reasons
    _value, reasons = score("Analysts expect two of its plants to close.", "en")
    assert not any(r.startswith("quantity") for r in reasons)


def test_a_print_edition_line_is_not_a_claim():
    value, reasons = score("Appeared in the May 3, 2025, print edition as 'Acme Cuts Jobs'.", "en")
    assert value < CHECKWORTHY_THRESHOLD
    assert any(r.startswith("self-reference") for r in reasons)


def test_factual_uses_of_judging_words_are_not_rhetoric():
    for sentence, language in [
        ("Der Landkreis grenzt an Tschechien und hat 94.000 Einwohner.", "de"),
        ("Die überfällige Rechnung über 4.000 Euro wurde im März bezahlt.", "de"),
        ("Shareholders approved the merger at an extraordinary general meeting in May.", "en"),
        ("Die Gemeinde Stolzenau hat 2024 rund 300 Wohnungen genehmigt.", "de"),
    ]:
        value, reasons = score(sentence, language)
        assert not any(r.startswith("rhetoric") for r in reasons), (sentence, reasons)
        assert value >= CHECKWORTHY_THRESHOLD, (sentence, value, reasons)
