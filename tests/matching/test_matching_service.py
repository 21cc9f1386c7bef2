"""Matching against the database: evidence candidates, checked-before, sync, save and load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from workbench.importing.service import import_one
from workbench.matching.service import MatchingIndexes, article_aliases, link_candidate
from workbench.models import Claim, Evidence
from workbench.references.archive import Archive
from workbench.references.service import ReferenceService
from workbench.review import get_or_create_reviewer

CAGE = "Erst im vergangenen Jahr forderte Musk den Meta-Chef"
BID = "97,4 Milliarden"


def _claim_id(sessions: sessionmaker[Session], fragment: str) -> int:
    with sessions() as session:
        return session.scalars(select(Claim.id).where(Claim.text.contains(fragment))).first()


def test_article_aliases_come_from_the_article_itself() -> None:
    text = "Meta-Chef Mark Zuckerberg lehnte ab. Später sagte OpenAI CEO Sam Altman, ..."
    assert article_aliases(text) == {"Meta-Chef": "zuckerberg", "OpenAI CEO": "altman"}
    assert article_aliases("Der Meta-Chef lehnte ab.") == {}


def test_the_cage_fight_claim_finds_the_2023_report_and_flags_the_year(
    seeded_sessions: sessionmaker[Session],
) -> None:
    indexes = MatchingIndexes()
    claim_id = _claim_id(seeded_sessions, CAGE)
    with seeded_sessions() as session:
        candidates = indexes.evidence_candidates(session, claim_id, top_k=5)
    assert all("cage" in c.passage_text.lower() for c in candidates[:3])
    # the AP report on the challenge names both men and predates the year the claim gives
    report = next(c for c in candidates[:3] if {"musk", "zuckerberg"} <= set(c.matched["names"]))
    years = [m for m in report.mismatches if m.field == "date"]
    assert years and years[0].claim_value == "2024"
    assert years[0].evidence_value.startswith("2023")
    start, end = report.span_in_passage
    assert 0 <= start < end <= len(report.passage_text)


def test_the_bid_claim_finds_the_974_billion_passage(
    seeded_sessions: sessionmaker[Session],
) -> None:
    indexes = MatchingIndexes()
    claim_id = _claim_id(seeded_sessions, BID)
    with seeded_sessions() as session:
        best = indexes.evidence_candidates(session, claim_id, top_k=3)[0]
    assert "97.4" in best.passage_text
    assert "USD:97400000000" in best.matched["numbers"]


def test_linking_a_candidate_pins_its_span_as_evidence(
    seeded_sessions: sessionmaker[Session],
) -> None:
    indexes = MatchingIndexes()
    claim_id = _claim_id(seeded_sessions, CAGE)
    with seeded_sessions() as session:
        candidate = next(
            c for c in indexes.evidence_candidates(session, claim_id) if not c.already_linked
        )
    with seeded_sessions.begin() as session:
        reviewer = get_or_create_reviewer(session, "Test Reviewer")
        link_candidate(session, candidate, claim_id=claim_id, stance="refutes", reviewer=reviewer)
    with seeded_sessions() as session:
        evidence = session.scalars(
            select(Evidence).where(
                Evidence.claim_id == claim_id, Evidence.passage_id == candidate.passage_id
            )
        ).one()
        start, end = candidate.span_in_passage
        assert evidence.quote_exact == candidate.passage_text[start:end]
        assert evidence.stance == "refutes"
        again = indexes.evidence_candidates(session, claim_id)
    assert next(c for c in again if c.passage_id == candidate.passage_id).already_linked


def test_a_new_reference_is_matched_at_the_next_search(
    seeded_sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    indexes = MatchingIndexes()
    claim_id = _claim_id(seeded_sessions, BID)
    with seeded_sessions() as session:
        before = indexes.sync(session)
    assert before.added > 0
    text = (
        "Elon Musk and a group of investors offered $97.4 billion for OpenAI's nonprofit "
        "parent on February 10, 2025, according to a letter seen by our reporters."
    )
    with seeded_sessions.begin() as session:
        ReferenceService(session, Archive(tmp_path / "archive")).add_text(
            text, title="Pasted wire copy", language="en"
        )
    with seeded_sessions() as session:
        candidates = indexes.evidence_candidates(session, claim_id, top_k=10)
    assert any(c.reference_title == "Pasted wire copy" for c in candidates)


def test_checked_before_finds_the_same_claim_in_another_article_with_its_verdict(
    seeded_sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    claims_file = tmp_path / "claims.csv"
    claims_file.write_text(
        "text,language,article_title\n"
        '"Musk challenged Meta CEO Mark Zuckerberg to a cage fight in June 2023.",en,Other outlet\n'
        '"The city council approved a new budget for schools.",en,Other outlet\n',
        encoding="utf-8",
    )
    outcome = import_one(seeded_sessions, str(claims_file))
    assert not isinstance(outcome, Exception), outcome
    indexes = MatchingIndexes()
    seed_claim = _claim_id(seeded_sessions, CAGE)
    with seeded_sessions() as session:
        similar = indexes.checked_before(session, seed_claim)
    assert similar, "the English cage-fight claim should be found"
    assert "cage fight" in similar[0].text
    assert all("budget" not in s.text for s in similar)
    # and the other way round: the seed claim carries the seed story's verdict
    english = _claim_id(seeded_sessions, "cage fight in June 2023")
    with seeded_sessions() as session:
        back = indexes.checked_before(session, english)
    seed_match = next(s for s in back if s.claim_id == seed_claim)
    assert seed_match.rating is not None
    assert any(m.field == "date" for m in seed_match.mismatches)


def test_saved_indexes_are_loaded_and_synced_after_a_restart(
    seeded_sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    folder = tmp_path / "match-index"
    first = MatchingIndexes(folder)
    with seeded_sessions() as session:
        first.sync(session)
    first.save()
    assert (folder / "evidence" / "manifest.json").exists()
    second = MatchingIndexes(folder)
    with seeded_sessions() as session:
        report = second.sync(session)
        assert report.loaded_from_disk
        assert report.changed == 0
        claim_id = _claim_id(seeded_sessions, CAGE)
        assert (
            second.evidence_candidates(session, claim_id)[0].passage_id
            == first.evidence_candidates(session, claim_id)[0].passage_id
        )


def test_an_unreadable_saved_index_is_rebuilt(
    seeded_sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    folder = tmp_path / "match-index"
    (folder / "evidence").mkdir(parents=True)
    (folder / "evidence" / "manifest.json").write_text("{not json", encoding="utf-8")
    indexes = MatchingIndexes(folder)
    with seeded_sessions() as session:
        report = indexes.sync(session)
    assert not report.loaded_from_disk
    assert report.added > 0


def test_an_index_saved_by_another_normaliser_is_rebuilt(
    seeded_sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    """After an upgrade that reads passages differently, the saved terms would not meet the
    claims the new version reads: the indexes are built again from the database."""
    folder = tmp_path / "match-index"
    first = MatchingIndexes(folder)
    with seeded_sessions() as session:
        first.sync(session)
    first.save()
    for part in ("evidence", "claims"):
        manifest_path = folder / part / "manifest.json"
        manifest = json.loads(manifest_path.read_text("utf-8"))
        manifest_path.write_text(json.dumps(manifest | {"reader": "older"}), "utf-8")
    second = MatchingIndexes(folder)
    with seeded_sessions() as session:
        report = second.sync(session)
    assert not report.loaded_from_disk
    assert report.added > 0


def test_an_unknown_claim_is_a_clear_error(seeded_sessions: sessionmaker[Session]) -> None:
    from workbench.errors import NotFoundError

    with seeded_sessions() as session, pytest.raises(NotFoundError):
        MatchingIndexes().evidence_candidates(session, 999_999)


def test_checked_before_lists_a_restatement_that_several_outlets_carry(
    seeded_sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    """The same English claim in two outlets: each copy must score as one copy would, not
    lower because its words now look twice as common."""
    english = "Musk challenged Meta CEO Mark Zuckerberg to a cage fight in June 2023."
    for outlet in ("Outlet one", "Outlet two"):
        claims_file = tmp_path / f"{outlet}.csv"
        claims_file.write_text(
            f'text,language,article_title\n"{english}",en,{outlet}\n', encoding="utf-8"
        )
        assert not isinstance(import_one(seeded_sessions, str(claims_file)), Exception)
    seed_claim = _claim_id(seeded_sessions, CAGE)
    with seeded_sessions() as session:
        similar = MatchingIndexes().checked_before(session, seed_claim)
    assert sorted(s.article_title for s in similar if s.text == english) == [
        "Outlet one",
        "Outlet two",
    ]
