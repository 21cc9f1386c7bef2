import random
import time

import pytest

from workbench.references.anchor import (
    TextPositionSelector,
    TextQuoteSelector,
    make_selectors,
    reanchor,
)

REPORT = (
    "Riverton City Council approved a housing budget of 41.5 million dollars for 2023. "
    "By the end of the year it had spent 12.3 million dollars, according to figures filed in "
    "court. The council leader said the remaining money had been committed to new projects. "
    "Tenants say they have waited years for repairs."
)
CLAIM = "it had spent 12.3 million dollars"


def anchored(text: str = REPORT, quote: str = CLAIM, occurrence: int = 0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return make_selectors(text, start, start + len(quote))


def test_make_selectors_takes_context_either_side():
    quote, position = anchored()

    assert quote.exact == CLAIM
    assert quote.prefix == "or 2023. By the end of the year "
    assert len(quote.prefix) == len(quote.suffix) == 32
    assert REPORT[position.start : position.end] == CLAIM


def test_context_is_shorter_at_the_edges():
    quote, _ = make_selectors("Budget cut.", 0, 6)

    assert (quote.prefix, quote.exact, quote.suffix) == ("", "Budget", " cut.")


@pytest.mark.parametrize(("start", "end"), [(5, 5), (-1, 3), (3, 2), (0, 10_000)])
def test_make_selectors_refuses_an_empty_or_outside_passage(start, end):
    with pytest.raises(ValueError):
        make_selectors(REPORT, start, end)


def test_selectors_round_trip_as_w3c_json():
    quote, position = anchored()

    assert quote.to_json()["type"] == "TextQuoteSelector"
    assert TextQuoteSelector.from_json(quote.to_json()) == quote
    assert TextPositionSelector.from_json(position.to_json()) == position


def test_unchanged_text_is_same_place():
    quote, position = anchored()

    result = reanchor(quote, position, REPORT)

    assert (result.outcome, result.start, result.end, result.score) == (
        "same_place",
        position.start,
        position.end,
        100.0,
    )


def test_edit_after_the_quote_keeps_it_in_place():
    quote, position = anchored()

    result = reanchor(quote, position, REPORT.replace("Tenants say", "Tenants' groups say"))

    assert result.outcome == "same_place"


def test_text_inserted_before_the_quote_moves_it():
    quote, position = anchored()
    new_text = "Correction appended on 3 May. " + REPORT

    result = reanchor(quote, position, new_text)

    assert result.outcome == "moved"
    assert new_text[result.start : result.end] == CLAIM
    assert result.start == position.start + len("Correction appended on 3 May. ")


def test_paragraphs_swapped_moves_it():
    first, second = REPORT.split(" By the end", 1)
    new_text = "By the end" + second + "\n\n" + first
    quote, position = anchored()

    result = reanchor(quote, position, new_text)

    assert result.outcome == "moved"
    assert new_text[result.start : result.end] == CLAIM


def test_repeated_quote_is_told_apart_by_its_context():
    old = "Mayor: the tax rose. Council: the tax rose."
    quote, position = anchored(old, "the tax rose", occurrence=1)  # the council's words
    new = "Council: the tax rose. Mayor: the tax rose."
    assert new[position.start : position.end] == "the tax rose"  # the mayor's, now

    result = reanchor(quote, position, new)

    assert result.outcome == "moved"
    assert new[: result.start].endswith("Council: ")


def test_repeated_quote_with_the_same_context_prefers_the_old_place():
    text = "The minister said: we will save. " * 5
    quote, position = anchored(text, "we will save", occurrence=3)

    assert reanchor(quote, position, text).outcome == "same_place"
    shifted = "Update. " + text
    result = reanchor(quote, position, shifted)
    assert result.outcome == "moved"
    assert result.start == position.start + len("Update. ")


def test_edited_quote_is_changed_text():
    quote, position = anchored()
    new_text = REPORT.replace("12.3 million dollars", "12.8 million dollars")

    result = reanchor(quote, position, new_text)

    assert result.outcome == "changed_text"
    assert new_text[result.start : result.end] == "it had spent 12.8 million dollars"
    assert 85 <= result.score < 100


def test_words_inserted_into_the_quote_are_covered():
    quote, position = anchored()
    new_text = REPORT.replace("had spent", "had only spent")

    result = reanchor(quote, position, new_text)

    assert result.outcome == "changed_text"
    assert new_text[result.start : result.end] == "it had only spent 12.3 million dollars"


def test_deleted_quote_is_lost():
    quote, position = anchored()
    new_text = REPORT.replace(
        "By the end of the year it had spent 12.3 million dollars, according to figures filed "
        "in court. ",
        "",
    )

    result = reanchor(quote, position, new_text)

    assert (result.outcome, result.start, result.end) == ("lost", None, None)
    assert not result.found


def test_rewritten_quote_is_lost():
    quote, position = anchored()
    new_text = REPORT.replace(CLAIM, "spending stayed well below plan")

    assert reanchor(quote, position, new_text).outcome == "lost"


def test_works_without_a_position():
    quote, _ = anchored()

    result = reanchor(quote, None, "Intro.\n\n" + REPORT)

    assert result.outcome == "moved"


def test_is_fast_and_deterministic_on_a_megabyte():
    rng = random.Random(3)
    words = ("der", "die", "Haushalt", "budget", "million", "Euro", "said", "the", "report")
    text = " ".join(rng.choice(words) for _ in range(150_000))
    text = text[:500_000] + " " + REPORT + " " + text[500_000:]
    quote, position = anchored(text)
    edited = text.replace("12.3 million", "12.9 million")
    moved = text[:1000] + text[2000:]

    started = time.monotonic()
    results = [
        reanchor(quote, position, text),
        reanchor(quote, position, moved),
        reanchor(quote, position, edited),
        reanchor(quote, position, edited),
    ]
    elapsed = time.monotonic() - started

    assert [r.outcome for r in results] == ["same_place", "moved", "changed_text", "changed_text"]
    assert results[2] == results[3]
    assert elapsed < 2
