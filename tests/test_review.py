"""Verdicts: append-only, refused when stale, validated, and reviewers' agreement."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from workbench.errors import InvalidInputError, StaleEditError
from workbench.models import Article, Claim, Verdict
from workbench.review import (
    agreement,
    current_verdict,
    get_or_create_reviewer,
    record_verdict,
)


@pytest.fixture
def claim_id(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as session:
        article = Article(language="en", text="Acme hired 3,400 people in 2024.", content_hash="h1")
        claim = Claim(
            article=article, text="Acme hired 3,400 people in 2024.", language="en",
            span_start=0, span_end=32,
        )  # fmt: skip
        session.add(claim)
        session.flush()
        return claim.id


def _verdict(session: Session, claim_id: int, name: str, rating: str, seen: int) -> Verdict:
    reviewer = get_or_create_reviewer(session, name)
    return record_verdict(
        session, claim_id=claim_id, reviewer=reviewer, rating=rating,
        explanation=f"{name} checked the annual report.", seen_version=seen,
    )  # fmt: skip


def test_verdicts_are_appended_and_the_latest_is_current(
    sessions: sessionmaker[Session], claim_id: int
) -> None:
    with sessions.begin() as session:
        _verdict(session, claim_id, "Ana", "mostly_accurate", seen=1)
    with sessions.begin() as session:
        _verdict(session, claim_id, "Ana", "accurate", seen=2)
    with sessions() as session:
        claim = session.get(Claim, claim_id)
        assert claim is not None
        assert [v.rating for v in claim.verdicts] == ["mostly_accurate", "accurate"]
        current = current_verdict(claim)
        assert current is not None and current.rating == "accurate"
        assert claim.version == 3

    with sessions.begin() as session:
        verdict = _verdict(session, claim_id, "Ana", "misleading", seen=3)
        # the new verdict is in the claim's history once, not twice
        assert [v.id for v in verdict.claim.verdicts].count(verdict.id) == 1
        assert claim.review_status == "reviewed"


def test_a_stale_save_is_refused_and_the_other_verdict_kept(
    sessions: sessionmaker[Session], claim_id: int
) -> None:
    with sessions.begin() as session:
        _verdict(session, claim_id, "Ben", "inaccurate", seen=1)
    # Ana loaded the claim at version 1, before Ben saved
    with pytest.raises(StaleEditError, match="Ben: inaccurate"), sessions.begin() as session:
        _verdict(session, claim_id, "Ana", "accurate", seen=1)
    with sessions() as session:
        ratings = session.scalars(select(Verdict.rating).where(Verdict.claim_id == claim_id))
        assert list(ratings) == ["inaccurate"]


def test_concurrent_writers_cannot_both_win(sessions: sessionmaker[Session], claim_id: int) -> None:
    """Two sessions read version 1; the second flush must fail, not overwrite silently."""
    with sessions.begin() as session:
        get_or_create_reviewer(session, "Ana")
        get_or_create_reviewer(session, "Ben")
    first, second = sessions(), sessions()
    try:
        # both reviewers have the claim open at version 1 before either saves
        assert first.get(Claim, claim_id) is not None and second.get(Claim, claim_id) is not None
        _verdict(first, claim_id, "Ana", "accurate", seen=1)
        first.commit()
        with pytest.raises(StaleEditError):
            _verdict(second, claim_id, "Ben", "inaccurate", seen=1)
        second.rollback()
    finally:
        first.close()
        second.close()
    with sessions() as session:
        assert session.scalar(select(func.count(Verdict.id))) == 1


@pytest.mark.parametrize(
    ("rating", "explanation", "message"),
    [("fabulous", "x", "Unknown rating"), ("accurate", "   ", "needs an explanation")],
)
def test_invalid_verdicts_are_refused(
    sessions: sessionmaker[Session], claim_id: int, rating: str, explanation: str, message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message), sessions.begin() as session:
        record_verdict(
            session, claim_id=claim_id, reviewer=get_or_create_reviewer(session, "Ana"),
            rating=rating, explanation=explanation, seen_version=1,
        )  # fmt: skip
    with sessions() as session:
        assert session.scalar(select(func.count(Verdict.id))) == 0


def test_disagreeing_reviewers_mark_the_claim_disputed(
    sessions: sessionmaker[Session], claim_id: int
) -> None:
    with sessions.begin() as session:
        _verdict(session, claim_id, "Ana", "accurate", seen=1)
        _verdict(session, claim_id, "Ben", "misleading", seen=2)
    with sessions() as session:
        claim = session.get(Claim, claim_id)
        assert claim is not None
        assert claim.review_status == "disputed"
        assert agreement(claim).ratings_by_reviewer == {"Ana": "accurate", "Ben": "misleading"}
        assert not agreement(claim).unanimous
    with sessions.begin() as session:
        _verdict(session, claim_id, "Ben", "accurate", seen=3)
    with sessions() as session:
        claim = session.get(Claim, claim_id)
        assert claim is not None and claim.review_status == "reviewed"
        assert len(claim.verdicts) == 3  # history kept
