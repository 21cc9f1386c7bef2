"""Publication dates as a tie-breaker between claims that read alike.

A claim and a fact-check of it tend to appear within days of each other: a rumour circulates,
is checked, and fades, and the next rumour about the same people is a different claim. So
when both sides carry a date (the claim's article or post, the fact-check's publication),
passages dated near the claim get a bonus that decays with the distance in days: a score s
becomes s + w * closeness * (1 - s). Undated and distant passages keep their score, a
perfect match stays 1, and the bonus can lift a passage by at most w * (1 - s): it reorders
passages whose text scores are close, and an old fact-check of a resurfacing claim still
ranks by its text. Passages that score the same (the same wire copy in several outlets, a
perfect match each) are ordered by their closeness: ``ranking``.

The bonus is for "checked before?": evidence for a claim (a court filing, a report the
article cites) is often years older than the article, so evidence searches do not use it.

Tuned on CheckThat! 2022 2A train only (the tweets dated by their embed signature, the
fact-checks by their publication; ``benchmarks/tune_fusion.py``), with a 30-day scale:
see the weights below and ``hybrid.Fusion.date``. In that data 83% of the fact-checks
appeared within 30 days after the tweet.
"""

from __future__ import annotations

from datetime import date

import numpy as np

DATE_SCALE_DAYS = 30.0
# the bonus's weight for the lexical score; the fused score has its own (hybrid.Fusion.date)
LEXICAL_DATE_WEIGHT = 0.25  # train MAP@5 0.809 -> 0.881 (0.15: 0.871, 0.4: 0.873)


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
    """Scores with the date bonus: s + weight * closeness * (1 - s), in 0..1 for scores in
    0..1 and a weight up to 1; a passage with closeness 0 keeps its score."""
    if weight <= 0 or not closeness.any():
        return scores
    return scores + weight * closeness * (1.0 - np.clip(scores, 0.0, 1.0))


def ranking(scores: np.ndarray, closeness: np.ndarray) -> np.ndarray:
    """Indices best first: by score, equal scores by closeness, then in the order given."""
    return np.lexsort((-closeness, -scores))
