"""No text crashes the normaliser, the index or the aligner, and what they return is sane:
fact offsets inside the text, scores in 0..1, ranks from 1, alignments inside the passage."""

from __future__ import annotations

import contextlib
import warnings
from datetime import date
from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.matching.align import align
from workbench.matching.index import LexicalIndex
from workbench.matching.normalise import normalise

# When a property fails, Hypothesis imports libcst to suggest a patch; libcst's import warns
# (mypy_extensions.TypedDict), and warnings-as-errors would turn the report into an
# INTERNALERROR that hides the falsifying example. Import it once here, that warning muted.
with warnings.catch_warnings(), contextlib.suppress(ImportError):
    warnings.simplefilter("ignore", DeprecationWarning)
    import hypothesis.extra._patching  # noqa: F401

# database=None: other engineers share the work tree, so no .hypothesis folder in it
PROPERTY = settings(max_examples=150, deadline=None, database=None)

# Pieces that reach the number, date and name rules, mixed into arbitrary text.
FRAGMENTS = [
    "9" * 400,
    "1.2.3.4,5",
    "3,4 Milliarden Euro",
    "€3.4bn",
    "US$97.4bn",
    "$",
    "€",
    "£",
    "CHF",
    "12,5 Prozent",
    "12.5%",
    "0,500",
    "1.234.567",
    "rund 3.400 Stellen",
    "sieben Prozent",
    "eine halbe Milliarde",
    "im vergangenen März",
    "last March",
    "21. Juni 2023",
    "June 21, 2023",
    "22.08.2025",
    "2025-02-30",
    "99.99.9999",
    "Mai",
    "may",
    "Dezember",
    "im Vormonat",
    "next month",
    "vor zwei Jahren",
    "3 years ago",
    "Elon Musk",
    "die Commerzbank",
    "EZB",
    "Meta-Chef",
    "Bad Mergentheim",
    "Ä",
    "ß",
    "İ",
    "\u00a0",
    "\n\n",
    "  ",
    ".",
    ",",
    "-",
    "'",
    "„",
    "“",
    "٣٤",
]
TEXT = st.lists(
    st.one_of(
        st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
        st.sampled_from(FRAGMENTS),
    ),
    max_size=12,
).map("".join)
LANGUAGES = st.sampled_from([None, "de", "en"])
ANCHORS = st.one_of(st.none(), st.dates(), st.sampled_from([date.min, date.max]))
ALIASES = st.one_of(
    st.none(),
    st.dictionaries(st.text(min_size=1, max_size=12), st.text(max_size=12), max_size=2),
)


@PROPERTY
@given(text=TEXT, language=LANGUAGES, anchor=ANCHORS, aliases=ALIASES)
def test_normalise_never_crashes_and_facts_point_into_the_text(text, language, anchor, aliases):
    found = normalise(text, language=language, anchor_date=anchor, aliases=aliases)
    assert found.language in ("de", "en")
    assert all(isinstance(token, str) and token for token in found.tokens)
    for fact in found.facts:
        assert 0 <= fact.start <= fact.end <= len(text), fact
        assert text[fact.start : fact.end] == fact.surface, fact


PASSAGES = [
    "Musk challenged Zuckerberg to a cage match on June 21, 2023.",
    "Die Commerzbank will bis 2028 rund 3.900 Stellen abbauen.",
    "Brussels fined Apple €1.84 billion in March 2024.",
    "Die Inflationsrate ist im Dezember auf 2,6 Prozent gestiegen.",
    "",
    "9" * 400,
    "1.2.3.4,5 €",
]


@lru_cache(maxsize=1)
def _index() -> LexicalIndex:
    index = LexicalIndex()
    index.add_many(
        (str(i), text, lang, anchor)
        for i, (text, lang, anchor) in enumerate(
            [(p, None, None) for p in PASSAGES]
            + [("Der Bundestag stimmte am 6. Mai 2025 ab.", "de", date(2025, 5, 20))]
        )
    )
    return index


@PROPERTY
@given(query=TEXT, k=st.integers(1, 20), language=LANGUAGES, anchor=ANCHORS)
def test_search_never_crashes_and_ranks_from_one(query, k, language, anchor):
    matches = _index().search(query, k=k, language=language, anchor_date=anchor)
    assert len(matches) <= k
    assert [m.rank for m in matches] == list(range(1, len(matches) + 1))
    assert all(0 <= m.score <= 1 for m in matches)
    assert len({m.doc_id for m in matches}) == len(matches)


@PROPERTY
@given(claim=TEXT, passage=TEXT)
def test_align_never_crashes_and_stays_inside_the_passage(claim, passage):
    found = align(claim, passage)
    assert 0 <= found.start <= found.end <= len(passage)
    assert passage[found.start : found.end] == found.exact
    assert 0 <= found.score <= 1
