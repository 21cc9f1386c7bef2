"""The Claim page's "Attributed to" controls: confirm an attribution's source, or correct it."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest
from test_app import (  # fixtures and helpers of the page tests
    FT_CLAIM,
    app,
    app_database_url,
    assert_ok,
    choose_reviewer,
    claim_id_containing,
    db,
    fresh_caches,
    open_claim,
)

from workbench.models import Attribution, Claim, Reviewer, Source, SourceLink

NO_REVIEWER = "Choose your name under “Reviewing as” in the sidebar first."


def only_attribution(db: sessionmaker[Session], claim_id: int) -> int:
    with db() as session:
        (attribution_id,) = session.scalars(
            select(Attribution.id).where(Attribution.claim_id == claim_id)
        )
        return attribution_id


def source_id(db: sessionmaker[Session], name: str) -> int:
    with db() as session:
        return session.scalars(select(Source.id).where(Source.name == name)).one()


def attribution_row(db: sessionmaker[Session], attribution_id: int) -> tuple[str, str | None]:
    """The source an attribution names, and who confirmed it."""
    with db() as session:
        attribution = session.get(Attribution, attribution_id)
        assert attribution is not None
        confirmed = attribution.confirmed_by_id
        reviewer = session.get(Reviewer, confirmed) if confirmed is not None else None
        return attribution.source.name, reviewer.name if reviewer else None


def chain_hops(at: AppTest) -> list[list[str]]:
    chains = [m.value for m in at.markdown if " → " in m.value]
    return [[hop.split("</b>")[0].removeprefix("<b>") for hop in c.split(" → ")] for c in chains]


def statuses(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if "workbench-attribution-status" in m.value]


def correct_to(at: AppTest, attribution_id: int, choice: int | str) -> None:
    at.selectbox(key=f"claim_attr_source_{attribution_id}").set_value(choice)
    at.button(key=f"claim_attr_correct_{attribution_id}").click().run()
    assert_ok(at)


def database_state(db: sessionmaker[Session]) -> tuple[list[tuple], int, list[tuple]]:
    with db() as session:
        attributions = session.execute(
            select(Attribution.id, Attribution.source_id, Attribution.confirmed_by_id).order_by(
                Attribution.id
            )
        ).all()
        sources = session.scalar(select(func.count(Source.id))) or 0
        links = session.execute(
            select(SourceLink.citing_source_id, SourceLink.cited_source_id).order_by(SourceLink.id)
        ).all()
        return [tuple(r) for r in attributions], sources, [tuple(r) for r in links]


def test_each_attribution_has_controls_below_the_table(
    app: AppTest, db: sessionmaker[Session]
) -> None:
    claim_id = claim_id_containing(db, FT_CLAIM)
    attribution_id = only_attribution(db, claim_id)
    open_claim(app, claim_id)
    (attributions,) = [m.value for m in app.markdown if "workbench-attributions" in m.value]
    assert attributions.count("<tr>") == 2
    assert [e.label for e in app.expander if e.label.startswith("Confirm or correct")] == [
        f"Confirm or correct “{FT_CLAIM}”"
    ]
    assert statuses(app) == [
        '<span class="workbench-attribution-status">Not confirmed: <b>Financial Times</b> '
        "(news outlet) is the importer's guess.</span>"
    ]
    options = app.selectbox(key=f"claim_attr_source_{attribution_id}").options
    # the fuzzy suggestion first, then every other source, then a new one
    assert options[0].startswith("Financial Times (news outlet) · suggested")
    assert "Reuters (news outlet)" in options[1:]
    assert not any("suggested" in option for option in options[1:])
    assert options[-1] == "A new source…"
    with db() as session:
        assert len(options) == session.scalar(select(func.count(Source.id))) + 1


def test_confirm_an_attribution(app: AppTest, db: sessionmaker[Session]) -> None:
    claim_id = claim_id_containing(db, FT_CLAIM)
    attribution_id = only_attribution(db, claim_id)
    assert attribution_row(db, attribution_id) == ("Financial Times", None)
    choose_reviewer(app, "Mira Osei")
    open_claim(app, claim_id)
    app.button(key=f"claim_attr_confirm_{attribution_id}").click().run()
    assert_ok(app)

    assert attribution_row(db, attribution_id) == ("Financial Times", "Mira Osei")
    assert [s.value for s in app.success if s.value.startswith("Confirmed")] == [
        "Confirmed: the phrase means Financial Times."
    ]
    assert statuses(app) == [
        '<span class="workbench-attribution-status">Confirmed by <b>Mira Osei</b>: it means '
        "<b>Financial Times</b> (news outlet).</span>"
    ]
    # the chain is the one it was
    assert chain_hops(app)[0][:2] == ["t3n", "Financial Times"]


def test_correct_the_ft_claim_to_another_source_and_the_chain_follows(
    app: AppTest, db: sessionmaker[Session]
) -> None:
    claim_id = claim_id_containing(db, FT_CLAIM)
    attribution_id = only_attribution(db, claim_id)
    t3n, reuters = source_id(db, "t3n"), source_id(db, "Reuters")
    choose_reviewer(app, "Tobias Krüger")
    open_claim(app, claim_id)
    assert all(hops[1] == "Financial Times" for hops in chain_hops(app))

    correct_to(app, attribution_id, reuters)

    assert [s.value for s in app.success if s.value.startswith("Corrected")] == [
        "Corrected: the phrase now means Reuters."
    ]
    assert attribution_row(db, attribution_id) == ("Reuters", "Tobias Krüger")
    with db() as session:
        link = session.scalar(
            select(SourceLink).where(
                SourceLink.citing_source_id == t3n, SourceLink.cited_source_id == reuters
            )
        )
        assert link is not None and link.note == FT_CLAIM
    # Reuters reported the filing itself and recalled the counterclaims: two chains, no FT
    hops = chain_hops(app)
    assert sorted(h[-1] for h in hops) == [
        "Elon Musk&#39;s sworn answers to OpenAI&#39;s interrogatories",
        "OpenAI&#39;s counterclaims against Elon Musk (April 2025)",
    ]
    assert all(h[:2] == ["t3n", "Reuters"] for h in hops)
    assert not any("Financial Times" in hop for h in hops for hop in h)
    (attributions,) = [m.value for m in app.markdown if "workbench-attributions" in m.value]
    assert "<b>Reuters</b><br><small>news outlet</small>" in attributions
    assert app.selectbox(key=f"claim_attr_source_{attribution_id}").value is None


def test_create_a_new_source_through_the_form(app: AppTest, db: sessionmaker[Session]) -> None:
    claim_id = claim_id_containing(db, FT_CLAIM)
    attribution_id = only_attribution(db, claim_id)
    choose_reviewer(app, "Lena Hartmann")
    open_claim(app, claim_id)
    assert not [t for t in app.text_input if t.key == f"claim_attr_new_name_{attribution_id}"]
    app.selectbox(key=f"claim_attr_source_{attribution_id}").set_value("new").run()
    assert_ok(app)
    app.text_input(key=f"claim_attr_new_name_{attribution_id}").input("The Wall Street Journal")
    app.selectbox(key=f"claim_attr_new_kind_{attribution_id}").set_value("news_outlet")
    app.button(key=f"claim_attr_correct_{attribution_id}").click().run()
    assert_ok(app)

    assert not app.error
    with db() as session:
        wsj = session.scalars(select(Source).where(Source.name == "The Wall Street Journal")).one()
        assert wsj.kind == "news_outlet"
    assert attribution_row(db, attribution_id) == ("The Wall Street Journal", "Lena Hartmann")
    assert chain_hops(app) == [["t3n", "The Wall Street Journal"]]
    assert any(
        option == "The Wall Street Journal (news outlet)"
        for option in app.selectbox(key=f"claim_attr_source_{attribution_id}").options
    )


def test_a_new_source_needs_a_name(app: AppTest, db: sessionmaker[Session]) -> None:
    claim_id = claim_id_containing(db, FT_CLAIM)
    attribution_id = only_attribution(db, claim_id)
    before = database_state(db)
    choose_reviewer(app, "Lena Hartmann")
    open_claim(app, claim_id)
    app.selectbox(key=f"claim_attr_source_{attribution_id}").set_value("new").run()
    app.text_input(key=f"claim_attr_new_name_{attribution_id}").input("   ")
    app.button(key=f"claim_attr_correct_{attribution_id}").click().run()
    assert_ok(app)
    assert [e.value for e in app.error] == ["A new source needs a name."]
    assert database_state(db) == before
    # the choice stays, to be finished
    assert app.selectbox(key=f"claim_attr_source_{attribution_id}").value == "new"


def test_refused_without_a_reviewer_and_nothing_is_written(
    app: AppTest, db: sessionmaker[Session]
) -> None:
    claim_id = claim_id_containing(db, FT_CLAIM)
    attribution_id = only_attribution(db, claim_id)
    before = database_state(db)
    open_claim(app, claim_id)

    app.button(key=f"claim_attr_confirm_{attribution_id}").click().run()
    assert_ok(app)
    assert [e.value for e in app.error] == [NO_REVIEWER]

    correct_to(app, attribution_id, source_id(db, "Reuters"))
    assert [e.value for e in app.error] == [NO_REVIEWER]

    app.selectbox(key=f"claim_attr_source_{attribution_id}").set_value("new").run()
    app.text_input(key=f"claim_attr_new_name_{attribution_id}").input("Nobody's Gazette")
    app.button(key=f"claim_attr_correct_{attribution_id}").click().run()
    assert_ok(app)
    assert [e.value for e in app.error] == [NO_REVIEWER]

    assert database_state(db) == before
    assert chain_hops(app)[0][:2] == ["t3n", "Financial Times"]


def test_correcting_needs_a_chosen_source(app: AppTest, db: sessionmaker[Session]) -> None:
    claim_id = claim_id_containing(db, FT_CLAIM)
    attribution_id = only_attribution(db, claim_id)
    before = database_state(db)
    choose_reviewer(app, "Mira Osei")
    open_claim(app, claim_id)
    app.button(key=f"claim_attr_correct_{attribution_id}").click().run()
    assert_ok(app)
    assert [e.value for e in app.error] == ["Choose the source the phrase means."]
    assert database_state(db) == before


def test_attribution_controls_escape_article_text(app: AppTest, db: sessionmaker[Session]) -> None:
    phrase = "laut <script>alert(1)</script> **Quelle** $x$"
    with db.begin() as session:
        hostile = Source(name="<img src=x onerror=alert(1)> Gazette", kind="news_outlet")
        claim = Claim(text="Something happened.", language="en")
        claim.attributions.append(Attribution(source=hostile, phrase=phrase, kind="reported"))
        session.add_all([hostile, claim])
        session.flush()
        claim_id = claim.id
    open_claim(app, claim_id)
    (label,) = [e.label for e in app.expander if e.label.startswith("Confirm or correct")]
    (status,) = statuses(app)
    for shown in (label, status):
        for raw in ("<script", "<img", "**", "$"):
            assert raw not in shown, (raw, shown)
    assert "&lt;script&gt;" in label and "&lt;img src=x onerror=alert(1)&gt; Gazette" in status
