"""The rating scale reviewers choose from, with the numbers ClaimReview's reviewRating needs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rating:
    key: str
    label: str
    # position on ClaimReview's 1 (worst) .. 5 (best) scale; None: not a truth rating
    value: int | None
    description: str


RATING_SCALE: tuple[Rating, ...] = (
    Rating("accurate", "Accurate", 5, "The claim is correct and nothing significant is missing."),
    Rating(
        "mostly_accurate",
        "Mostly accurate",
        4,
        "Correct in substance; a detail, date or nuance is off or missing.",
    ),
    Rating(
        "misleading",
        "Misleading",
        3,
        "Literally defensible but leaves a false impression (understated, out of context).",
    ),
    Rating(
        "unverified",
        "Unverified",
        None,
        "No primary evidence found either way, e.g. it rests on anonymous sources only.",
    ),
    Rating("inaccurate", "Inaccurate", 1, "The evidence contradicts the claim."),
)

RATINGS_BY_KEY: dict[str, Rating] = {rating.key: rating for rating in RATING_SCALE}
BEST_RATING_VALUE = 5
WORST_RATING_VALUE = 1
