"""The exact stretch of a passage that best matches a claim, for a quote selector.

Returns character offsets into the passage, widened to whole words, together with the
prefix/suffix context a W3C TextQuoteSelector carries, so the reference can be anchored
both by position and by quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from workbench.matching.normalise import WORD_RE, detect_language, normalise, word_tokens

CONTEXT_CHARS = 32
# Below this character-level score the claim is probably in another language: align on
# normalised tokens (which bridge German and English) instead.
CROSS_LANGUAGE_BELOW = 0.6
MISS_PENALTY = 0.4


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
    found = fuzz.partial_ratio_alignment(_lower(claim), _lower(passage))
    start, end, score = found.dest_start, found.dest_end, found.score / 100.0
    if score < CROSS_LANGUAGE_BELOW:
        start, end, score = _token_window(claim, passage, start, end, score)
    if end <= start:
        start, end = 0, len(passage)
    start, end = _word_bounds(passage, start, end)
    return Alignment(
        start=start,
        end=end,
        exact=passage[start:end],
        prefix=passage[max(0, start - CONTEXT_CHARS) : start],
        suffix=passage[end : end + CONTEXT_CHARS],
        score=round(score, 4),
    )


def _token_window(
    claim: str, passage: str, start: int, end: int, score: float
) -> tuple[int, int, float]:
    """The passage window richest in words that share a normalised token with the claim."""
    claim_tokens = set(normalise(claim).tokens)
    language = detect_language(passage)
    words = list(WORD_RE.finditer(passage))
    gains = [
        1.0 if claim_tokens & set(word_tokens(m.group(0).lower(), language)) else -MISS_PENALTY
        for m in words
    ]
    best, best_span, running, first = 0.0, None, 0.0, 0
    for i, gain in enumerate(gains):  # maximum-sum window (Kadane)
        if running <= 0:
            running, first = 0.0, i
        running += gain
        if running > best:
            best, best_span = running, (first, i)
    if best_span is None:
        return start, end, score
    hits = sum(g > 0 for g in gains[best_span[0] : best_span[1] + 1])
    token_score = hits / max(1, len(claim_tokens))
    return words[best_span[0]].start(), words[best_span[1]].end(), min(1.0, token_score)


def _lower(text: str) -> str:
    """Lower case that keeps every offset: "İ".lower() is two characters, so keep "İ"."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


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
