"""Publication dates as a tie-breaker between claims that read alike.

A claim and a fact-check of it tend to appear within days of each other: a rumour circulates,
is checked, and fades, and the next rumour about the same people is a different claim. So
when both sides carry a date (the claim's article or post, the fact-check's publication),
passages dated near the claim get a small bonus that decays with the distance in days. It
reorders passages whose text scores are close; it cannot lift an unrelated passage over a
restatement, and an old fact-check of a resurfacing claim still ranks by its text.

The bonus is for "checked before?": evidence for a claim (a court filing, a report the
article cites) is often years older than the article, so evidence searches do not use it.

Tuned on CheckThat! 2022 2A train only (997 tweets dated by their embed signature, the
fact-checks by their publication; ``benchmarks/tune_fusion.py``): MAP@5 of the lexical
score 0.810 -> 0.881 with weight 0.15, of the semantic fusion 0.883 -> 0.925 with 0.03
(``hybrid.Fusion.date``), both with a 30-day scale (7, 14 and 90 days did no better).
In that data 83% of the fact-checks appeared within 30 days after the tweet.
"""

from __future__ import annotations

from datetime import date

import numpy as np

DATE_SCALE_DAYS = 30.0
# the bonus's weight beside a score in 0..1; the lexical score spreads over 0..1 while the
# fused score crowds (its cosines sit in 0.7..0.9), so each scale has its own weight
LEXICAL_DATE_WEIGHT = 0.15


def date_closeness(
    near: date | None, ordinals: np.ndarray, scale_days: float = DATE_SCALE_DAYS
) -> np.ndarray:
    """exp(-days apart / scale) per passage, from each passage's date as an ordinal (0 =
    undated); 0 for an undated passage, and all 0 when ``near`` is None."""
    ordinals = np.asarray(ordinals, dtype=np.int64)
    if near is None:
        return np.zeros(len(ordinals), dtype=np.float32)
    apart = np.abs(ordinals - near.toordinal()).astype(np.float64)
    closeness = np.exp(-apart / scale_days)
    return np.where(ordinals > 0, closeness, 0.0).astype(np.float32)


def with_date_bonus(scores: np.ndarray, closeness: np.ndarray, weight: float) -> np.ndarray:
    """Scores with the date bonus, kept in 0..1; unchanged when no passage is dated near."""
    if weight <= 0 or not closeness.any():
        return scores
    return (scores + weight * closeness) / (1.0 + weight)
