"""Point at a passage of a reference the way W3C Web Annotation does (quote + position), and
find that passage again after the reference has been edited."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from rapidfuzz import fuzz

Outcome = Literal["same_place", "moved", "changed_text", "lost"]
FUZZY_THRESHOLD = 85.0
# How far around the old position to look first when the quote was edited.
_LOCAL_WINDOW = 2000
_SEARCH_SLACK = 15.0


@dataclass(frozen=True)
class TextQuoteSelector:
    """The quoted text with a little context either side (W3C TextQuoteSelector)."""

    exact: str
    prefix: str = ""
    suffix: str = ""

    def to_json(self) -> dict[str, str]:
        return {
            "type": "TextQuoteSelector",
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TextQuoteSelector:
        return cls(data["exact"], data.get("prefix", ""), data.get("suffix", ""))


@dataclass(frozen=True)
class TextPositionSelector:
    """Character offsets into the extracted text: text[start:end] (W3C TextPositionSelector)."""

    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"type": "TextPositionSelector", "start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TextPositionSelector:
        return cls(int(data["start"]), int(data["end"]))


@dataclass(frozen=True)
class Reanchored:
    """Where a quote is in the new text. `start`/`end` are None when it is lost; `score` is
    100 for an exact match, the rapidfuzz similarity (0-100) for changed text, and for a lost
    quote the best similarity seen (below the threshold)."""

    outcome: Outcome
    start: int | None
    end: int | None
    score: float

    @property
    def found(self) -> bool:
        return self.outcome != "lost"


def make_selectors(
    text: str, start: int, end: int, context: int = 32
) -> tuple[TextQuoteSelector, TextPositionSelector]:
    """Both selectors for text[start:end], with up to `context` characters either side."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"not a passage of the text: {start}..{end} (length {len(text)})")
    quote = TextQuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )
    return quote, TextPositionSelector(start, end)


def reanchor(
    quote: TextQuoteSelector,
    position: TextPositionSelector | None,
    new_text: str,
    *,
    threshold: float = FUZZY_THRESHOLD,
) -> Reanchored:
    """Find `quote` in `new_text`: at its old position, elsewhere verbatim, or edited.

    Verbatim copies are told apart by how much of the prefix and suffix still surrounds them,
    then by closeness to the old position. Edited quotes are found with a fuzzy alignment that
    must score at least `threshold`.
    """
    exact = quote.exact
    if not exact:
        return Reanchored("lost", None, None, 0.0)
    hint = position.start if position is not None else 0
    occurrences = _occurrences(new_text, exact)
    if occurrences:
        best = max(
            occurrences,
            key=lambda s: (_context_score(new_text, s, s + len(exact), quote), -abs(s - hint), -s),
        )
        if (
            position is not None
            and new_text[position.start : position.end] == exact
            and _context_score(new_text, position.start, position.end, quote)
            == _context_score(new_text, best, best + len(exact), quote)
        ):
            return Reanchored("same_place", position.start, position.end, 100.0)
        return Reanchored("moved", best, best + len(exact), 100.0)
    return _fuzzy(quote, hint if position is not None else None, new_text, threshold)


def _occurrences(text: str, exact: str) -> list[int]:
    found, at = [], text.find(exact)
    while at != -1:
        found.append(at)
        at = text.find(exact, at + 1)
    return found


def _context_score(text: str, start: int, end: int, quote: TextQuoteSelector) -> int:
    """How many characters of prefix (read backwards) and suffix still surround text[start:end]."""
    score = 0
    for a, b in zip(
        reversed(quote.prefix),
        reversed(text[max(0, start - len(quote.prefix)) : start]),
        strict=False,
    ):
        if a != b:
            break
        score += 1
    for a, b in zip(quote.suffix, text[end : end + len(quote.suffix)], strict=False):
        if a != b:
            break
        score += 1
    return score


def _fuzzy(
    quote: TextQuoteSelector, hint: int | None, new_text: str, threshold: float
) -> Reanchored:
    exact = quote.exact
    if len(new_text) < len(exact) * threshold / 100:
        return Reanchored("lost", None, None, 0.0)
    # The alignment window has the quote's own length, so words added to the quote cost it
    # twice; look with a lower bar, then judge the refined span against the threshold.
    cutoff = max(0.0, threshold - _SEARCH_SLACK)
    best = fuzz.partial_ratio_alignment(exact, new_text, score_cutoff=cutoff)
    if best is None:
        return Reanchored("lost", None, None, 0.0)
    start, end = best.dest_start, best.dest_end
    if hint is not None:
        # Prefer a match near the old place when it is as good as the best one anywhere.
        window_start = max(0, hint - _LOCAL_WINDOW)
        window = new_text[window_start : hint + len(exact) + _LOCAL_WINDOW]
        local = fuzz.partial_ratio_alignment(exact, window, score_cutoff=best.score)
        if local is not None and local.score >= best.score:
            start, end = window_start + local.dest_start, window_start + local.dest_end
    start, end, score = _refine(exact, new_text, start, end)
    if score < threshold:
        return Reanchored("lost", None, None, round(score, 1))
    return Reanchored("changed_text", start, end, round(score, 1))


def _refine(exact: str, text: str, start: int, end: int) -> tuple[int, int, float]:
    """Widen or narrow the aligned span so words inserted into or cut from the quote are covered.

    partial_ratio aligns a window of the quote's own length; an edit that changed the length
    leaves that window a little off at one end.
    """
    reach = min(len(exact) // 4 + 5, 200)

    def ratio(s: int, e: int) -> float:
        return fuzz.ratio(exact, text[s:e]) if s < e else 0.0

    score = ratio(start, end)
    for _ in range(2):
        for e in range(max(start + 1, end - reach), min(len(text), end + reach) + 1):
            if (r := ratio(start, e)) > score:
                score, end = r, e
        for s in range(max(0, start - reach), min(end, start + reach)):
            if (r := ratio(s, end)) > score:
                score, start = r, s
    return start, end, score
