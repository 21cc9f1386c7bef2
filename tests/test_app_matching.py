"""The Claim page's evidence candidates and "checked before?" panel, driven through AppTest."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest
from test_app import (  # fixtures and helpers of the page tests
    app,
    app_database_url,
    assert_ok,
    choose_reviewer,
    claim_id_containing,
    db,
    fresh_caches,
    open_claim,
)

from workbench.importing.service import import_one
from workbench.models import Evidence, Reviewer

CAGE = "Erst im vergangenen Jahr forderte Musk den Meta-Chef"


def candidate_blocks(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if "<blockquote>" in m.value and "match " in m.value]


def test_candidates_show_the_matched_span_and_flag_the_wrong_year(
    app: AppTest, db: sessionmaker[Session]
) -> None:
    open_claim(app, claim_id_containing(db, CAGE))
    assert any(s.value == "Evidence candidates" for s in app.subheader)
    blocks = candidate_blocks(app)
    assert blocks and all("<mark>" in block for block in blocks)
    flags = [w.value for w in app.warning if w.value.startswith("Same story, different date")]
    assert any("the claim says 2024" in flag and "2023" in flag for flag in flags)


def test_link_a_candidate_as_evidence_with_a_stance(
    app: AppTest, db: sessionmaker[Session]
) -> None:
    claim_id = claim_id_containing(db, CAGE)
    choose_reviewer(app, "Mira Osei")
    open_claim(app, claim_id)
    with db() as session:
        before = set(session.scalars(select(Evidence.id).where(Evidence.claim_id == claim_id)))
    link = next(b for b in app.button if b.label == "Link as evidence")
    passage_id = int(link.key.rsplit("_", 1)[1])
    app.selectbox(key=f"claim_candidate_stance_{claim_id}_{passage_id}").set_value("refutes")
    link.click().run()
    assert_ok(app)
    assert any(s.value.startswith("Linked the passage as evidence") for s in app.success)
    with db() as session:
        added = session.scalars(
            select(Evidence).where(Evidence.claim_id == claim_id, Evidence.id.not_in(before))
        ).all()
        assert [(e.passage_id, e.stance) for e in added] == [(passage_id, "refutes")]
        assert added[0].added_by == session.scalar(
            select(Reviewer).where(Reviewer.name == "Mira Osei")
        )
        assert added[0].quote_exact
    # the candidate now says it is linked, and the button is gone
    assert not any(b.key == link.key for b in app.button)


def test_linking_needs_a_reviewer(app: AppTest, db: sessionmaker[Session]) -> None:
    claim_id = claim_id_containing(db, CAGE)
    open_claim(app, claim_id)
    with db() as session:
        before = session.scalars(select(Evidence.id).where(Evidence.claim_id == claim_id)).all()
    next(b for b in app.button if b.label == "Link as evidence").click().run()
    assert_ok(app)
    assert any("Reviewing as" in e.value for e in app.error)
    with db() as session:
        after = session.scalars(select(Evidence.id).where(Evidence.claim_id == claim_id)).all()
    assert after == before


def test_checked_before_lists_the_same_claim_from_another_article(
    app: AppTest, db: sessionmaker[Session], tmp_path
) -> None:
    claims_file = tmp_path / "other.csv"
    claims_file.write_text(
        "text,language,article_title\n"
        '"Musk challenged Mark Zuckerberg, the Meta CEO, to a cage fight in 2024.",en,'
        "Another outlet\n",
        encoding="utf-8",
    )
    assert not isinstance(import_one(db, str(claims_file)), Exception)
    open_claim(app, claim_id_containing(db, CAGE))
    panel = [m.value for m in app.markdown if "Another outlet" in m.value]
    assert panel and "cage fight in 2024" in panel[0]
    assert "no verdict yet" in panel[0]
