"""The seed story: loaded once, its chain traced to the sworn answers, its verdicts in place."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from workbench.catalog import claim_detail, dashboard_summary, list_claims
from workbench.config import SEEDS_DIR
from workbench.models import Article, Claim
from workbench.seeding import load_seed_story
from workbench.tracing import shared_primary_sources

CURATED = json.loads((SEEDS_DIR / "claims.json").read_text("utf-8"))


def _claim(session: Session, fragment: str) -> Claim:
    return session.scalars(select(Claim).where(Claim.text.contains(fragment))).one()


def test_seed_loads_once(seeded_sessions: sessionmaker[Session]) -> None:
    with seeded_sessions.begin() as session:
        again = load_seed_story(session, SEEDS_DIR)
        assert not again.loaded
        assert session.scalar(select(func.count(Article.id))) == 1
        article = session.scalars(select(Article)).one()
        assert article.outlet == "t3n" and article.author == "Dieter Petereit"
        assert str(article.published) == "2025-08-22" and str(article.republished) == "2025-08-30"
        assert "Anzeige" not in article.text and "2 Min." not in article.text


def test_seed_claims_have_spans_into_the_article(seeded_sessions: sessionmaker[Session]) -> None:
    with seeded_sessions() as session:
        summaries = list_claims(session)
        body = [s for s in summaries if s.origin == "body"]
        assert [s.text for s in body] == [c["quote"] for c in CURATED]
        article = session.scalars(select(Article)).one()
        for summary in body:
            assert summary.span is not None
            assert article.text[summary.span[0] : summary.span[1]] == summary.text
            for attribution in summary.attributions:
                assert attribution.span is not None
                assert article.text[attribution.span[0] : attribution.span[1]] == attribution.phrase
        caption = [s for s in summaries if s.origin == "caption"]
        assert (
            len(caption) == 1 and caption[0].verdict and caption[0].verdict.rating == "misleading"
        )


def test_ft_claim_traces_to_the_interrogatory_answers(
    seeded_sessions: sessionmaker[Session],
) -> None:
    with seeded_sessions() as session:
        claim = _claim(session, "laut einem Bericht der Financial Times")
        chains = claim_detail(session, claim.id).chains
        names = [[hop.name for hop in chain.hops] for chain in chains]
        assert any(chain[0] == "t3n" and "Financial Times" in chain[1] for chain in names), names
        primaries = {chain.primary.kind for chain in chains}
        assert primaries == {"sworn_statement"}
        assert not any(chain.circular for chain in chains)


def test_anonymous_claim_chain_ends_unverified(seeded_sessions: sessionmaker[Session]) -> None:
    with seeded_sessions() as session:
        claim = _claim(session, "PR-Stunt")
        chains = claim_detail(session, claim.id).chains
        assert chains and all(chain.ends_unverified for chain in chains)


def test_many_outlets_rest_on_one_filing(seeded_sessions: sessionmaker[Session]) -> None:
    with seeded_sessions() as session:
        shared = shared_primary_sources(session)
        top = shared[0]
        assert top.primary.kind == "court_filing"
        assert {"Reuters", "Bloomberg", "CNBC", "Financial Times", "t3n"} <= set(top.outlets)


def test_seed_verdicts_match_the_brief(seeded_sessions: sessionmaker[Session]) -> None:
    with seeded_sessions() as session:
        cage = claim_detail(session, _claim(session, "Käfigkampf").id)
        assert cage.summary.verdict is not None and cage.summary.verdict.rating == "inaccurate"
        assert any(e.stance == "refutes" for e in cage.evidence)
        stunt = claim_detail(session, _claim(session, "PR-Stunt").id)
        assert stunt.summary.verdict is not None and stunt.summary.verdict.rating == "unverified"
        summary = dashboard_summary(session)
        assert summary.queue, "the demo must leave claims to review"
        assert summary.recent_verdicts
