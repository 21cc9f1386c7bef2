"""The rules by which ``explain`` flags a figure: percentages compared in points, a same-story
gate that generic news words do not open, and acronyms that name what is spelt out."""

from __future__ import annotations

import pytest

from workbench.matching.explain import GENERIC_NEWS_WORDS, Mismatch, explain
from workbench.matching.normalise import Fact, NormalisedText, normalise, word_tokens

# A name both texts share: the same-story gate is open and only the figures are at stake.
SHARED = Fact("name", "eurostat", "Eurostat", 0, 8)


def _text(*facts: Fact, tokens: tuple[str, ...] = ()) -> NormalisedText:
    return NormalisedText(tokens, (SHARED, *facts))


def _percent(value: str) -> Fact:
    return Fact("percent", value, f"{value}%", -1, -1)


def _flags(claim: NormalisedText, evidence: NormalisedText) -> list[Mismatch]:
    return explain(claim, evidence)[1]


# --- percentages in points --------------------------------------------------------------


def test_a_percentage_ten_times_another_is_still_flagged():
    # 10.7% and 1.0% are 9.7 points apart: one rate misstated, whatever the ratio
    flags = _flags(_text(_percent("10.7")), _text(_percent("1")))
    assert flags == [Mismatch("number", "10.7", "1")]


@pytest.mark.parametrize("order", [("1", "3.5"), ("3.5", "1")])
def test_the_nearest_percentage_in_points_is_the_one_flagged(order):
    # 2% is 1 point from 1% and 1.5 points from 3.5%; by ratio 3.5% (x1.75) beats 1% (x0.5)
    flags = _flags(_text(_percent("2")), _text(*map(_percent, order)))
    assert flags == [Mismatch("number", "2", "1")]


@pytest.mark.parametrize("order", [("2.2", "2.4"), ("2.4", "2.2")])
def test_a_tie_in_points_goes_to_the_larger_percentage(order):
    # exactly 0.1 points either way (in floats 2.3 - 2.2 is the smaller difference)
    flags = _flags(_text(_percent("2.3")), _text(*map(_percent, order)))
    assert flags == [Mismatch("number", "2.3", "2.4")]


def test_other_figures_keep_the_ratio_window():
    claim = _text(Fact("amount", "EUR:100000000", "100 Mio. Euro", -1, -1))
    far = _text(Fact("amount", "EUR:5000000", "5 Mio. Euro", -1, -1))
    near = _text(Fact("amount", "EUR:150000000", "150 Mio. Euro", -1, -1))
    assert _flags(claim, far) == []
    assert _flags(claim, near) == [Mismatch("number", "EUR:100000000", "EUR:150000000")]


def test_a_percentage_is_not_compared_with_a_count():
    claim = _text(_percent("4.5"))
    evidence = _text(Fact("number", "5", "5", -1, -1))
    assert _flags(claim, evidence) == []


def test_percentages_in_points_end_to_end():
    claim = normalise(
        "Die chinesischen Exporte sind im Dezember um 10,7 Prozent gestiegen, meldete der "
        "Zoll in Peking.",
        language="de",
    )
    evidence = normalise(
        "China's customs office in Beijing said exports rose 1.0% in December.", language="en"
    )
    assert Mismatch("number", "10.7", "1") in _flags(claim, evidence)


# --- the same-story gate ----------------------------------------------------------------


def _words_only(tokens: str, *facts: Fact) -> NormalisedText:
    return NormalisedText(tuple(tokens.split()), facts)


def test_generic_news_words_do_not_make_the_same_story():
    # "billion", "euro", "year" and "announced" come with any budget or earnings story
    claim = _words_only(
        "adida erwartet expect gewinn profit milliard billion euro year announc",
        Fact("amount", "EUR:1700000000", "1,7 Milliarden Euro", -1, -1),
    )
    evidence = _words_only(
        "city munich invest billion euro year council announc",
        Fact("amount", "EUR:2300000000", "2.3 billion euros", -1, -1),
    )
    matched, flags = explain(claim, evidence)
    assert set(matched["words"]) == {"billion", "euro", "year", "announc"}
    assert flags == []


def test_three_story_words_still_make_the_same_story():
    claim = _words_only(
        "toyota profit forecast billion yen", Fact("amount", "JPY:4800000000000", "", -1, -1)
    )
    evidence = _words_only(
        "toyota profit forecast trillion yen", Fact("amount", "JPY:3800000000000", "", -1, -1)
    )
    assert _flags(claim, evidence) == [Mismatch("number", "JPY:4800000000000", "JPY:3800000000000")]


def test_a_weekday_shared_as_a_name_does_not_make_the_same_story():
    claim = normalise("On Thursday the index of consumer prices rose 2.4%.", language="en")
    evidence = normalise("On Thursday the league said attendance rose 7%.", language="en")
    matched, flags = explain(claim, evidence)
    assert "thursday" in matched["names"]
    assert flags == []


def test_generic_news_words_end_to_end():
    claim = normalise(
        "Adidas erwartet für das Jahr einen Betriebsgewinn von 1,7 Milliarden Euro, teilte "
        "der Konzern am Dienstag mit.",
        language="de",
    )
    evidence = normalise(
        "Munich's city council announced on Tuesday that it will invest 2.3 billion euros "
        "in schools this year.",
        language="en",
    )
    assert _flags(claim, evidence) == []


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "thousand million millions billion trillion percent percentage points basis"),
        ("en", "dollars euros pounds francs yen yuan years annual months weeks days quarter"),
        ("en", "today yesterday fiscal january march june september december monday friday"),
        ("en", "told reported statement announced spokesman officials showed figures"),
        ("de", "tausend millionen milliarden mrd mio prozent prozentpunkte basispunkte euro"),
        ("de", "pfund franken jahr jahre vorjahr geschäftsjahr monat wochen tag tage quartal"),
        ("de", "heute gestern januar märz juni dezember montag mittwoch donnerstag"),
        ("de", "sagte erklärte teilte mitteilung bericht meldete gemeldet sprecher angaben"),
    ],
)
def test_generic_news_words_are_written_as_the_tokens_text_makes(language, words):
    # if the stemmer or the lexicon changes, the list must follow it or it stops working
    for word in words.split():
        tokens = set(word_tokens(word, language))
        assert tokens and tokens <= GENERIC_NEWS_WORDS, (word, tokens - GENERIC_NEWS_WORDS)


# --- acronyms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "evidence", "shared"),
    [
        (
            "Die Schweizerische Nationalbank (SNB) senkt den Leitzins auf 0,5 Prozent.",
            "The Swiss National Bank cut its policy rate to 1.0% on Thursday.",
            "snb",
        ),
        (
            "The CDC counted 25,000 cases of whooping cough this year.",
            "The Centers for Disease Control and Prevention counted 35,000 cases.",
            "cdc",
        ),
        (
            "The National Aeronautics and Space Administration will launch the probe in 2026.",
            "NASA said the probe would launch in 2027.",
            "national aeronautics space administration",
        ),
    ],
)
def test_an_acronym_names_what_the_other_text_spells_out(claim, evidence, shared):
    matched, _ = explain(normalise(claim), normalise(evidence))
    assert shared in matched["names"]


def test_an_acronym_opens_the_same_story_gate():
    claim = normalise("The CDC counted 25,000 cases in 2024.", language="en")
    evidence = normalise(
        "The Centers for Disease Control and Prevention counted 35,000 cases.", language="en"
    )
    assert Mismatch("number", "25000", "35000") in _flags(claim, evidence)


def _name(value: str, surface: str, start: int) -> Fact:
    return Fact("name", value, surface, start, start + len(surface))


def test_only_a_name_written_in_capitals_is_an_acronym():
    spelt_out = NormalisedText((), (_name("swiss national bank", "Swiss National Bank", 4),))
    for surface in ("Snb", "snb"):
        claim = NormalisedText((), (_name("snb", surface, 0),))
        assert explain(claim, spelt_out)[0]["names"] == []
    claim = NormalisedText((), (_name("snb", "SNB", 0),))
    assert explain(claim, spelt_out)[0]["names"] == ["snb"]


def test_names_apart_are_not_read_as_one_spelt_out_name():
    # "Canada, Denmark and China": a comma parts names; "DC" from two names is chance
    evidence = NormalisedText(
        (),
        (_name("canada", "Canada", 0), _name("denmark", "Denmark", 8), _name("china", "China", 20)),
    )
    for acronym in ("CDC", "DC"):
        claim = NormalisedText((), (_name(acronym.lower(), acronym, 0),))
        assert explain(claim, evidence)[0]["names"] == []


def test_a_sign_on_one_side_only_is_no_mismatch():
    claim = normalise("Deutsche Exporte im Januar: minus 3,1 Prozent", language="de")
    evidence = normalise("German exports fell 3.1% in January", language="en")
    _, mismatches = explain(claim, evidence)
    assert mismatches == []


def test_percentages_far_apart_are_different_quantities():
    claim = normalise(
        "Die Arbeitslosenquote in Spanien sank auf 11,7 Prozent, die Jugendarbeitslosigkeit auf "
        "28 Prozent.",
        language="de",
    )
    evidence = normalise(
        "Spain's unemployment rate fell to 11.7 percent while employment rose 0.5 percent.",
        language="en",
    )
    _, mismatches = explain(claim, evidence)
    assert not any(m.claim_value == "28" for m in mismatches)
