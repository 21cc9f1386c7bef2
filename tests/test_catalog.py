"""Read-side views: evidence a re-fetch could not follow is flagged with its archived text."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from workbench.catalog import flagged_evidence
from workbench.evidence import pin_evidence
from workbench.models import Article, Claim, Reference
from workbench.references.archive import Archive
from workbench.references.service import ReferenceService
from workbench.review import get_or_create_reviewer

URL = "https://news.example/filing"
FIRST = """<html lang="en"><head><title>Filing shows Musk sought Zuckerberg</title></head><body>
<article><h1>Filing shows Musk sought Zuckerberg</h1>
<p>OpenAI said in a court filing on Thursday that Elon Musk had contacted Mark Zuckerberg about
financing a $97.4 billion bid for the company in February.</p>
<p>Neither Zuckerberg nor Meta signed the letter of intent, according to the filing.</p>
<p>Meta did not respond to a request for comment on Friday.</p>
</article></body></html>"""
# one sentence reworded (changed text), one removed (lost), one left alone
EDITED = FIRST.replace("$97.4 billion bid", "$97.5 billion bid").replace(
    "<p>Meta did not respond to a request for comment on Friday.</p>", ""
)
BID = "financing a $97.4 billion bid for the company in February"
COMMENT = "Meta did not respond to a request for comment"
SIGNED = "Neither Zuckerberg nor Meta signed the letter"


def _pin(session: Session, claim: Claim, reference: Reference, quote: str) -> int:
    start = reference.text.index(quote)
    passage = next(p for p in reference.passages if p.start_offset <= start < p.end_offset)
    return pin_evidence(
        session, claim_id=claim.id, passage_id=passage.id, start=start, end=start + len(quote),
        stance="supports", reviewer=get_or_create_reviewer(session, "Ana"),
    ).id  # fmt: skip


def test_lost_and_changed_evidence_is_flagged_with_the_archived_text(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    archive = Archive(tmp_path / "archive")
    with sessions.begin() as session:
        added = ReferenceService(session, archive).add_document(
            FIRST.encode(), "text/html", url=URL
        )
        reference = session.get(Reference, added.reference_id)
        assert reference is not None
        article = Article(language="en", text="Musk asked Zuckerberg.", content_hash="c1")
        claim = Claim(article=article, text="Musk asked Zuckerberg to help.", language="en")
        session.add(claim)
        session.flush()
        bid, comment, _ = (_pin(session, claim, reference, q) for q in (BID, COMMENT, SIGNED))
        claim_id, first_sha = claim.id, reference.content_hash
        assert flagged_evidence(session) == []  # freshly pinned: nothing to check

    with sessions.begin() as session:
        again = ReferenceService(session, archive).add_document(
            EDITED.encode(), "text/html", url=URL
        )
    assert again.new_version

    with sessions() as session:
        flagged = flagged_evidence(session)
    # the untouched sentence is not flagged; the other two are, in the order they were pinned
    assert [(f.evidence_id, f.outcome) for f in flagged] == [
        (bid, "changed_text"),
        (comment, "lost"),
    ]
    changed, lost = flagged
    for item in flagged:
        assert item.reference_id == added.reference_id and item.claim_id == claim_id
        assert item.claim_text == "Musk asked Zuckerberg to help."
        assert item.stance == "supports" and item.added_by == "Ana"
        # pinned to the first version: its digest and the passage as archived then
        assert item.pinned_sha256 == first_sha
    assert changed.quote == BID and changed.now_reads is not None
    assert "$97.5 billion" in changed.now_reads
    assert changed.before.startswith("OpenAI said in a court filing")
    assert lost.quote == COMMENT and lost.now_reads is None
    assert lost.before == "" and lost.after == " on Friday."
