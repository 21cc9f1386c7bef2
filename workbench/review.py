"""Recording verdicts: append-only history, several reviewers, and whether they agree."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workbench.errors import InvalidInputError, NotFoundError, StaleEditError
from workbench.models import Claim, Reviewer, ReviewStatus, Verdict, utcnow
from workbench.ratings import RATINGS_BY_KEY


@dataclass(frozen=True)
class VerdictView:
    id: int
    rating: str
    rating_label: str
    reviewer: str
    explanation: str
    at: dt.datetime

    @classmethod
    def of(cls, verdict: Verdict) -> VerdictView:
        return cls(
            id=verdict.id,
            rating=verdict.rating,
            rating_label=RATINGS_BY_KEY[verdict.rating].label,
            reviewer=verdict.reviewer.name,
            explanation=verdict.explanation,
            at=verdict.created_at,
        )

    def as_json(self) -> dict[str, str]:
        return {
            "rating": self.rating,
            "reviewer": self.reviewer,
            "explanation": self.explanation,
            "at": self.at.isoformat(),
        }


@dataclass(frozen=True)
class Agreement:
    """Each reviewer's latest rating, and whether they all say the same."""

    ratings_by_reviewer: dict[str, str]

    @property
    def reviewers(self) -> int:
        return len(self.ratings_by_reviewer)

    @property
    def unanimous(self) -> bool:
        return len(set(self.ratings_by_reviewer.values())) <= 1

    @property
    def majority_rating(self) -> str | None:
        if not self.ratings_by_reviewer:
            return None
        return Counter(self.ratings_by_reviewer.values()).most_common(1)[0][0]


def get_claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"There is no claim {claim_id}.")
    return claim


def get_or_create_reviewer(session: Session, name: str, email: str | None = None) -> Reviewer:
    name = " ".join(name.split())
    if not name:
        raise InvalidInputError("A reviewer needs a name.")
    reviewer = session.scalar(select(Reviewer).where(Reviewer.name == name))
    if reviewer is None:
        reviewer = Reviewer(name=name, email=email)
        session.add(reviewer)
        session.flush()
    return reviewer


def list_reviewers(session: Session) -> list[Reviewer]:
    return list(session.scalars(select(Reviewer).order_by(Reviewer.name)))


def latest_verdicts_by_reviewer(claim: Claim) -> dict[str, Verdict]:
    latest: dict[str, Verdict] = {}
    for verdict in sorted(claim.verdicts, key=lambda v: (v.created_at, v.id)):
        latest[verdict.reviewer.name] = verdict
    return latest


def agreement(claim: Claim) -> Agreement:
    latest = latest_verdicts_by_reviewer(claim)
    return Agreement({name: verdict.rating for name, verdict in latest.items()})


def current_verdict(claim: Claim) -> Verdict | None:
    """The latest verdict by anyone; history stays in claim.verdicts."""
    if not claim.verdicts:
        return None
    return max(claim.verdicts, key=lambda v: (v.created_at, v.id))


def record_verdict(
    session: Session,
    *,
    claim_id: int,
    reviewer: Reviewer,
    rating: str,
    explanation: str,
    seen_version: int,
    at: dt.datetime | None = None,
) -> Verdict:
    """Append a verdict. Refused when the claim changed since the reviewer loaded it.

    `seen_version` is the claim version the reviewer's form showed; if another reviewer
    saved in between, the reviewer must look at that verdict first, so nothing is overwritten
    unseen. The caller owns the transaction.
    """
    if rating not in RATINGS_BY_KEY:
        allowed = ", ".join(RATINGS_BY_KEY)
        raise InvalidInputError(f"Unknown rating {rating!r}; choose one of: {allowed}.")
    explanation = explanation.strip()
    if not explanation:
        raise InvalidInputError("A verdict needs an explanation a reader can follow.")
    claim = get_claim(session, claim_id)
    if claim.version != seen_version:
        latest = current_verdict(claim)
        by_whom = f" ({latest.reviewer.name}: {latest.rating})" if latest else ""
        raise StaleEditError(
            f"Claim {claim_id} changed while you were reviewing it{by_whom}. "
            "Your verdict was not saved; reload the claim, read the change, then save again."
        )
    verdict = Verdict(
        claim=claim,
        reviewer=reviewer,
        rating=rating,
        explanation=explanation,
        claim_version=seen_version,
        created_at=at or utcnow(),
    )
    session.add(verdict)  # Verdict(claim=...) already put it in claim.verdicts
    claim.version = seen_version + 1
    claim.review_status = (
        ReviewStatus.REVIEWED.value if agreement(claim).unanimous else ReviewStatus.DISPUTED.value
    )
    # the version column is SQLAlchemy's version_id_col: the UPDATE only succeeds if no other
    # transaction bumped it since we read it, closing the race between the check and the write
    try:
        session.flush()
    except StaleDataError:
        raise StaleEditError(
            f"Claim {claim_id} was changed by someone else at the same moment. "
            "Your verdict was not saved; reload the claim and save again."
        ) from None
    return verdict
