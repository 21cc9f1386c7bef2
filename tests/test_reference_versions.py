"""References over time: fetched, archived, re-fetched when changed, evidence re-anchored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from workbench.cli import cli
from workbench.evidence import pin_evidence
from workbench.models import Article, Claim, Evidence, EvidenceAnchor, Reference
from workbench.references.archive import Archive
from workbench.references.fetch import fetch
from workbench.references.service import ReferenceService, refetch
from workbench.review import get_or_create_reviewer

FIRST = """<html lang="en"><head><title>Filing shows Musk sought Zuckerberg</title></head><body>
<article><h1>Filing shows Musk sought Zuckerberg</h1>
<p>OpenAI said in a court filing on Thursday that Elon Musk had contacted Mark Zuckerberg about
financing a $97.4 billion bid for the company in February.</p>
<p>Neither Zuckerberg nor Meta signed the letter of intent, according to the filing.</p>
<p>Meta did not respond to a request for comment on Friday.</p>
</article></body></html>"""

# the publisher inserted a paragraph (moves everything) and reworded one sentence
EDITED = FIRST.replace(
    "<p>OpenAI said",
    "<p>Updated with background on the lawsuit, which goes to trial next spring.</p><p>OpenAI said",
).replace("Meta did not respond to a request for comment on Friday.", "Meta declined to comment.")


@pytest.fixture(autouse=True)
def allow_local_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_ALLOW_PRIVATE_URLS", "1")


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return Archive(tmp_path / "archive")


def _claim(session: Session) -> Claim:
    article = Article(language="en", text="Musk asked Zuckerberg to help.", content_hash="c1")
    claim = Claim(article=article, text="Musk asked Zuckerberg to help.", language="en")
    session.add(claim)
    session.flush()
    return claim


def _pin(session: Session, claim: Claim, reference: Reference, quote: str) -> Evidence:
    start = reference.text.index(quote)
    passage = next(p for p in reference.passages if p.start_offset <= start < p.end_offset)
    return pin_evidence(
        session, claim_id=claim.id, passage_id=passage.id, start=start, end=start + len(quote),
        stance="supports", reviewer=get_or_create_reviewer(session, "Ana"),
    )  # fmt: skip


def test_refetch_keeps_versions_and_reanchors_evidence(
    sessions: sessionmaker[Session], server, archive: Archive
) -> None:
    url = server.add(
        "/filing",
        (200, FIRST.encode(), {"Content-Type": "text/html"}),
        (200, EDITED.encode(), {"Content-Type": "text/html"}),
    )
    with sessions.begin() as session:
        added = ReferenceService(session, archive).add_fetched(fetch(url))
        assert added.created
        reference = session.get(Reference, added.reference_id)
        assert reference is not None and archive.has(reference.content_hash)
        claim = _claim(session)
        signed = _pin(session, claim, reference, "Neither Zuckerberg nor Meta signed the letter")
        comment = _pin(session, claim, reference, "Meta did not respond to a request for comment")
        ids = (signed.id, comment.id)
    with sessions.begin() as session:
        again = refetch(session, archive, added.reference_id)
    assert again.new_version and not again.created
    outcomes = {a.evidence_id: a.outcome for a in again.anchors}
    assert outcomes == {ids[0]: "moved", ids[1]: "lost"}
    with sessions() as session:
        reference = session.get(Reference, added.reference_id)
        assert reference is not None and len(reference.versions) == 2
        assert "Updated with background" in reference.text
        moved, lost = (session.get(Evidence, i) for i in ids)
        assert moved is not None and lost is not None
        assert reference.text[moved.position_start : moved.position_end] == moved.quote_exact
        assert moved.passage.version_id == reference.versions[-1].id
        # lost evidence is flagged, never deleted, and still shows the archived text
        assert lost.anchor_status == "lost"
        assert lost.passage.version_id == reference.versions[0].id
        assert "Meta did not respond" in lost.passage.text
        anchors = session.scalars(select(EvidenceAnchor).order_by(EvidenceAnchor.id)).all()
        by_version = [(a.version_id, a.outcome) for a in anchors]
        first, second = (v.id for v in reference.versions)
        assert by_version == [
            (first, "same_place"), (first, "same_place"), (second, "moved"), (second, "lost"),
        ]  # fmt: skip
    # the same content again adds nothing
    with sessions.begin() as session:
        third = refetch(session, archive, added.reference_id)
    assert not third.new_version and not third.created


def test_cli_fetch_references_and_warc(
    server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", f"sqlite:///{tmp_path / 'wb.sqlite3'}")
    monkeypatch.setenv("WORKBENCH_NO_SEED", "1")
    monkeypatch.setenv("WORKBENCH_ARCHIVE_DIR", str(tmp_path / "archive"))
    good = server.add("/a", (200, FIRST.encode(), {"Content-Type": "text/html"}))
    missing = server.url("/missing")
    runner = CliRunner()
    result = runner.invoke(cli, ["fetch", good, missing])
    assert result.exit_code == 1
    assert "added as reference 1" in result.output and "404" in result.output
    listing = json.loads(runner.invoke(cli, ["references", "--json"]).stdout)
    [reference] = listing
    assert reference["url"] == good and reference["title"].startswith("Filing shows")
    [version] = reference["versions"]
    assert set(version) >= {"sha256", "retrieved_at", "status"} and version["status"] == 200
    warc = tmp_path / "out.warc.gz"
    exported = runner.invoke(cli, ["archive", "export", str(warc)])
    assert exported.exit_code == 0, exported.output
    from warcio.archiveiterator import ArchiveIterator

    with warc.open("rb") as stream:
        records = [r for r in ArchiveIterator(stream) if r.rec_type == "response"]
    assert [r.rec_headers.get_header("WARC-Target-URI") for r in records] == [good]


def test_cli_trace_of_the_seed_claim(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", f"sqlite:///{tmp_path / 'wb.sqlite3'}")
    runner = CliRunner()
    listing = json.loads(runner.invoke(cli, ["claims", "--json"]).stdout)
    ft = next(c for c in listing if "Financial Times" in c["text"])
    result = runner.invoke(cli, ["trace", str(ft["id"])])
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    hops = [line for line in lines if line.startswith("->")]
    assert hops[0].startswith("-> t3n") and "Financial Times" in hops[1]
    assert "[court_filing]" in hops[2] and "[sworn_statement]" in hops[3]
    assert any(line.startswith("NOTE:") and "Reuters" in line for line in lines)
    assert runner.invoke(cli, ["trace", "999"]).exit_code == 2


def test_changed_wording_is_flagged_not_swapped_in(
    sessions: sessionmaker[Session], server, archive: Archive
) -> None:
    """A pinned "supports" span must never silently become different words."""
    before = FIRST.encode()
    after = FIRST.replace("$97.4 billion bid", "$97.5 billion bid").encode()
    url = server.add(
        "/f", (200, before, {"Content-Type": "text/html"}), (200, after, {"Content-Type": "text/html"}),
        (200, before, {"Content-Type": "text/html"}),
    )  # fmt: skip
    quote = "financing a $97.4 billion bid for the company in February"
    with sessions.begin() as session:
        added = ReferenceService(session, archive).add_fetched(fetch(url))
        reference = session.get(Reference, added.reference_id)
        assert reference is not None
        evidence_id = _pin(session, _claim(session), reference, quote).id
    with sessions.begin() as session:
        changed = refetch(session, archive, added.reference_id)
    assert [a.outcome for a in changed.anchors] == ["changed_text"]
    with sessions() as session:
        evidence = session.get(Evidence, evidence_id)
        assert evidence is not None and evidence.anchor_status == "changed_text"
        assert evidence.quote_exact == quote  # what the reviewer pinned, unchanged
        new_anchor = session.scalars(
            select(EvidenceAnchor).where(EvidenceAnchor.evidence_id == evidence_id)
            .order_by(EvidenceAnchor.id.desc())
        ).first()  # fmt: skip
        assert new_anchor is not None and new_anchor.outcome == "changed_text"
    # the page went back to its first text: that is a new version again, and current
    with sessions.begin() as session:
        back = refetch(session, archive, added.reference_id)
        assert back.new_version
        reference = session.get(Reference, added.reference_id)
        assert reference is not None and "$97.4 billion" in reference.text
        assert len(reference.versions) == 3
