"""The exact stretch of a passage that best matches a claim, for a quote selector.

Returns character offsets into the passage, widened to whole words, together with the
prefix/suffix context a W3C TextQuoteSelector carries, so the reference can be anchored
both by position and by quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

CONTEXT_CHARS = 32


@dataclass(frozen=True)
class Alignment:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    score: float  # 0..1

    def text_position_selector(self) -> dict:
        return {"type": "TextPositionSelector", "start": self.start, "end": self.end}

    def text_quote_selector(self) -> dict:
        return {
            "type": "TextQuoteSelector",
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }


def align(claim: str, passage: str) -> Alignment:
    """Where in ``passage`` the claim's wording is found best (rapidfuzz partial alignment)."""
    if not passage:
        return Alignment(0, 0, "", "", "", 0.0)
    found = fuzz.partial_ratio_alignment(claim.lower(), passage.lower())
    start, end = found.dest_start, found.dest_end
    if end <= start:
        start, end = 0, len(passage)
    start, end = _word_bounds(passage, start, end)
    return Alignment(
        start=start,
        end=end,
        exact=passage[start:end],
        prefix=passage[max(0, start - CONTEXT_CHARS) : start],
        suffix=passage[end : end + CONTEXT_CHARS],
        score=round(found.score / 100.0, 4),
    )


_WORD_CHAR = re.compile(r"\w")


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) so it neither starts nor ends inside a word, then trim spaces."""
    while start > 0 and _WORD_CHAR.match(text[start - 1]) and _WORD_CHAR.match(text[start]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end - 1]) and _WORD_CHAR.match(text[end]):
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
