"""Pinning evidence: a span of a reference passage linked to a claim with a stance."""

from __future__ import annotations

from sqlalchemy.orm import Session

from workbench.errors import InvalidInputError, NotFoundError
from workbench.models import Evidence, EvidenceAnchor, Passage, Reviewer, Stance
from workbench.references.anchor import make_selectors
from workbench.review import get_claim


def pin_evidence(
    session: Session,
    *,
    claim_id: int,
    passage_id: int,
    start: int,
    end: int,
    stance: str,
    reviewer: Reviewer | None,
    score: float | None = None,
    note: str | None = None,
) -> Evidence:
    """Link `reference.text[start:end]` (which must lie in the passage) to a claim.

    Offsets are into the reference text of the passage's version; the selectors stored are the
    W3C TextQuoteSelector and TextPositionSelector, so the span survives later edits.
    """
    if stance not in {s.value for s in Stance}:
        raise InvalidInputError(f"Unknown stance {stance!r}; use supports, refutes or context.")
    claim = get_claim(session, claim_id)
    passage = session.get(Passage, passage_id)
    if passage is None:
        raise NotFoundError(f"There is no passage {passage_id}.")
    if not (passage.start_offset <= start < end <= passage.end_offset):
        raise InvalidInputError(
            f"The span {start}-{end} is outside passage {passage_id} "
            f"({passage.start_offset}-{passage.end_offset})."
        )
    quote, position = make_selectors(passage.version.text, start, end)
    evidence = Evidence(
        passage=passage,
        stance=stance,
        quote_exact=quote.exact,
        quote_prefix=quote.prefix,
        quote_suffix=quote.suffix,
        position_start=position.start,
        position_end=position.end,
        match_score=score,
        note=note,
        added_by=reviewer,
    )
    claim.evidence.append(evidence)
    session.flush()
    session.add(
        EvidenceAnchor(
            evidence_id=evidence.id, version_id=passage.version_id, outcome="same_place",
            position_start=position.start, position_end=position.end, score=score,
        )
    )  # fmt: skip
    session.flush()
    return evidence
