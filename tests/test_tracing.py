"""Provenance chains: to the primary source, circular citation, shared primaries, the drawn graph."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from workbench.catalog import claim_detail
from workbench.models import Article, Attribution, Claim, Source
from workbench.review import get_or_create_reviewer
from workbench.sources import confirm_attribution, create_source, link_sources
from workbench.tracing import circular_citations, provenance_dot, trace_claim


def test_circular_citation_is_cut_and_reported(session: Session) -> None:
    blog = create_source(session, name="Tech Blog", kind="news_outlet")
    wire = create_source(session, name="Wire Service", kind="news_outlet")
    paper = create_source(session, name="Daily Paper", kind="news_outlet")
    link_sources(session, blog, wire)
    link_sources(session, wire, paper)
    link_sources(session, paper, blog)
    article = Article(language="en", text="X happened.", content_hash="x", source=blog)
    claim = Claim(article=article, text="X happened.", language="en")
    claim.attributions.append(
        Attribution(source=wire, phrase="Wire Service reported", kind="reported")
    )
    session.add(claim)
    session.flush()
    [chain] = trace_claim(session, claim)
    assert chain.circular
    assert [hop.name for hop in chain.hops] == [
        "Tech Blog",
        "Wire Service",
        "Daily Paper",
        "Tech Blog",
    ]
    assert circular_citations(session) == [("Tech Blog", "Wire Service", "Daily Paper")]


def test_reviewer_corrects_an_attribution_and_the_trace_follows(
    seeded_sessions: sessionmaker[Session],
) -> None:
    with seeded_sessions.begin() as session:
        claim = session.scalars(
            select(Claim).where(Claim.text.contains("Laut den Dokumenten"))
        ).one()
        attribution = claim.attributions[0]
        answers = session.scalars(select(Source).where(Source.kind == "sworn_statement")).one()
        confirm_attribution(
            session, attribution.id, get_or_create_reviewer(session, "Ana"), source_id=answers.id
        )
        claim_id = claim.id
    with seeded_sessions() as session:
        detail = claim_detail(session, claim_id)
        assert detail.summary.attributions[0].source_kind == "sworn_statement"
        assert any(chain.hops[-1].kind == "sworn_statement" for chain in detail.chains)
        attribution = session.scalars(
            select(Attribution).where(Attribution.claim_id == claim_id)
        ).one()
        assert attribution.confirmed_by_id is not None


def test_provenance_graph_draws_the_chain(seeded_sessions: sessionmaker[Session]) -> None:
    with seeded_sessions() as session:
        claim = session.scalars(select(Claim).where(Claim.text.contains("Financial Times"))).one()
        dot = provenance_dot(session, claim_detail(session, claim.id).chains)
    assert dot.startswith("digraph provenance {") and dot.rstrip().endswith("}")
    assert "Financial Times\\n(news_outlet)" in dot
    assert dot.count("penwidth=3") == 3  # t3n -> FT -> filing -> sworn answers


def test_dense_citation_web_is_bounded(session: Session) -> None:
    """40 outlets each citing the next four: paths are capped, loops found by components."""
    from workbench.tracing import MAX_PATHS, citation_graph, paths_to_primary

    outlets = [create_source(session, name=f"Outlet {i}", kind="news_outlet") for i in range(40)]
    for i, outlet in enumerate(outlets):
        for j in range(i + 1, min(i + 5, 40)):
            link_sources(session, outlet, outlets[j])
    link_sources(session, outlets[-1], outlets[0])  # one long loop back
    graph = citation_graph(session)
    sources = {s.id: s for s in session.scalars(select(Source))}
    paths = paths_to_primary(outlets[0].id, graph, sources)
    assert 0 < len(paths) <= MAX_PATHS
    [loop] = circular_citations(session)
    assert set(loop) == {f"Outlet {i}" for i in range(40)} and loop[0] == "Outlet 0"
