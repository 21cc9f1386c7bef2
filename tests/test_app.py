"""The Streamlit app, driven through its entry script with AppTest against a real SQLite file."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest

from workbench import catalog, review, ui
from workbench.db import make_engine, make_session_factory
from workbench.importing.service import content_hash
from workbench.models import Article, Attribution, Claim, Reviewer, Source, Verdict

APP = Path(__file__).resolve().parent.parent / "streamlit_app.py"
DASHBOARD = "app_pages/dashboard.py"
ARTICLE = "app_pages/article.py"
CLAIM = "app_pages/claim.py"
SOURCES = "app_pages/sources.py"
FT_CLAIM = "laut einem Bericht der Financial Times"
# the first run creates the schema and loads the seed story through the importers
TIMEOUT = 60


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    # cached values outlive an AppTest instance (streamlit issue #9139)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def app_database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", url)
    monkeypatch.delenv("WORKBENCH_NO_SEED", raising=False)
    return url


@pytest.fixture
def app(app_database_url: str) -> AppTest:
    """The app after its first run: the database exists and holds the seed story."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert_ok(at)
    return at


@pytest.fixture
def db(app: AppTest, app_database_url: str) -> Iterator[sessionmaker[Session]]:
    """Sessions of our own, apart from the app's, to check what it really saved."""
    engine = make_engine(app_database_url)
    yield make_session_factory(engine)
    engine.dispose()


def assert_ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def markdown_text(at: AppTest) -> str:
    return "\n".join(str(element.value) for element in at.markdown)


def claim_id_containing(db: sessionmaker[Session], fragment: str) -> int:
    with db() as session:
        (claim,) = [c for c in catalog.list_claims(session) if fragment in c.text]
        return claim.id


def open_claim(at: AppTest, claim_id: int) -> AppTest:
    at.query_params["claim"] = str(claim_id)
    at.switch_page(CLAIM).run()
    assert_ok(at)
    return at


def choose_reviewer(at: AppTest, name: str) -> None:
    at.sidebar.selectbox(key="reviewer_choice").set_value(name).run()
    assert_ok(at)


def fill_verdict(at: AppTest, claim_id: int, rating: str, explanation: str) -> None:
    at.selectbox(key=f"claim_rating_{claim_id}").set_value(rating)
    at.text_area(key=f"claim_explanation_{claim_id}").input(explanation)


def submit_verdict(at: AppTest) -> None:
    (button,) = [b for b in at.button if b.label == "Record verdict"]
    button.click().run()
    assert_ok(at)


def verdicts_for(db: sessionmaker[Session], claim_id: int) -> list[tuple[str, str, str, int]]:
    with db() as session:
        rows = session.execute(
            select(Reviewer.name, Verdict.rating, Verdict.explanation, Verdict.claim_version)
            .join(Verdict.reviewer)
            .where(Verdict.claim_id == claim_id)
            .order_by(Verdict.id)
        )
        return [tuple(row) for row in rows]


# --- every page -------------------------------------------------------------------------------


@pytest.mark.parametrize("page", [DASHBOARD, ARTICLE, CLAIM, SOURCES])
def test_every_page_runs_through_the_entry_script(app: AppTest, page: str) -> None:
    app.switch_page(page).run()
    assert_ok(app)
    assert app.title[0].value == Path(page).stem.capitalize()
    # the reviewer choice is on every page
    assert app.sidebar.selectbox(key="reviewer_choice").options == [
        "Lena Hartmann",
        "Mira Osei",
        "Tobias Krüger",
    ]


def test_dashboard_shows_metrics_charts_queue_and_recent_verdicts(
    app: AppTest, db: sessionmaker[Session]
) -> None:
    with db() as session:
        summary = catalog.dashboard_summary(session)
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics == {
        "Claims": str(sum(summary.claims_by_status.values())),
        "Articles": str(summary.articles),
        "Sources": str(summary.sources),
        "Needing review": str(summary.claims_by_status["needs_review"]),
        "Disputed": str(summary.claims_by_status["disputed"]),
    }
    assert int(metrics["Claims"]) >= 10 and int(metrics["Needing review"]) > 0
    assert len(app.get("vega_lite_chart")) == 2
    assert [s.value for s in app.subheader] == [
        "By review status",
        "By current verdict",
        "Review queue",
        "Recent verdicts",
    ]
    queue_buttons = [b.key for b in app.button if b.key.startswith("dashboard_open_")]
    assert queue_buttons == [f"dashboard_open_{c.id}" for c in summary.queue[: len(queue_buttons)]]
    recent = summary.recent_verdicts[0]
    assert f"by {recent.verdict.reviewer}" in markdown_text(app)


def test_queue_row_opens_the_claim_page(app: AppTest, db: sessionmaker[Session]) -> None:
    with db() as session:
        first = catalog.dashboard_summary(session).queue[0]
    app.button(key=f"dashboard_open_{first.id}").click().run()
    assert_ok(app)
    assert app.title[0].value == "Claim"
    assert app.session_state["claim_id"] == first.id
    assert app.selectbox(key="claim_choice").value == first.id
    # the claim's URL can be shared
    assert app.query_params["claim"] == str(first.id)


# --- article ----------------------------------------------------------------------------------


def test_article_page_highlights_claims_and_attribution_phrases(
    app: AppTest, db: sessionmaker[Session]
) -> None:
    app.switch_page(ARTICLE).run()
    assert_ok(app)
    body = next(m.value for m in app.markdown if "workbench-article" in m.value)
    assert body.count("<mark") >= 10
    assert (
        '<b style="text-decoration: underline">laut einem Bericht der Financial Times</b>' in body
    )
    assert "t3n" in markdown_text(app) and "Dieter Petereit" in markdown_text(app)
    with db() as session:
        article = catalog.list_articles(session)[0]
        claims = catalog.list_claims(session, article.id)
    # in reading order; claims from captions or added by hand (no place in the text) last
    claims.sort(key=lambda c: (c.span is None, c.span or (0, 0), c.id))
    opened = [b.key for b in app.button if b.key.startswith("article_open_")]
    assert opened == [f"article_open_{c.id}" for c in claims]

    app.button(key=f"article_open_{claims[2].id}").click().run()
    assert_ok(app)
    assert app.title[0].value == "Claim"
    assert app.selectbox(key="claim_choice").value == claims[2].id


def test_article_text_and_captions_are_escaped(app: AppTest, db: sessionmaker[Session]) -> None:
    body = (
        "Intro. <script>alert('x')</script> **not bold** costs $5 and $6, see [a](javascript:x).\n\n"
        "The mayor said <b>nothing</b>, according to the Gazette."
    )
    claim_text = "The mayor said <b>nothing</b>"
    phrase = "according to the Gazette"
    with db.begin() as session:
        gazette = Source(name="The <i>Gazette</i>", kind="news_outlet")
        article = Article(
            title="Hostile <img src=x onerror=alert(1)> title",
            outlet="Gazette & Co",
            language="en",
            text=body,
            captions=["<iframe src='https://evil.example'></iframe> _caption_"],
            content_hash=content_hash(body),
            url="javascript:alert(1)",
        )
        start = body.index(claim_text)
        claim = Claim(
            article=article,
            text=claim_text,
            language="en",
            span_start=start,
            span_end=body.index(phrase) + len(phrase),
        )
        claim.attributions.append(
            Attribution(
                source=gazette,
                phrase=phrase,
                span_start=body.index(phrase),
                span_end=body.index(phrase) + len(phrase),
                kind="reported",
            )
        )
        session.add_all([gazette, article, claim])
        session.flush()
        article_id = article.id

    app.switch_page(ARTICLE).run()
    app.selectbox(key="article_choice").set_value(article_id).run()
    assert_ok(app)
    shown = markdown_text(app)
    article_html = next(m.value for m in app.markdown if "workbench-article" in m.value)
    for raw in ("<script", "<img", "<iframe", "**", "$", "[a]", "javascript:", "<b>nothing"):
        assert raw not in shown, raw
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in article_html
    assert "&#42;&#42;not bold&#42;&#42;" in article_html
    assert "<mark" in article_html and "&lt;b&gt;nothing&lt;/b&gt;" in article_html
    assert '<b style="text-decoration: underline">according to the Gazette</b>' in article_html
    assert "&lt;iframe src=&#39;https&#58;//evil.example&#39;&gt;" in shown
    assert "Gazette &amp; Co" in shown
    assert "&lt;img src=x onerror=alert(1)&gt;" in app.header[0].value


def test_escape_keeps_the_text_and_leaves_no_markup() -> None:
    nasty = "<a href='x'>&amp; \"q\"</a> **b** _i_ `c` [l](u) $x$ :smile: # h | ~s~ \\ \nnext"
    escaped = ui.escape(nasty)
    assert html.unescape(escaped.replace("<br>", "\n")) == nasty
    assert not set(escaped.replace("<br>", "")) & set("<>\"'`*_[]$|~\\\n")


# --- claim --------------------------------------------------------------------------------------


def test_claim_page_traces_the_ft_claim_to_the_interrogatory_answers(
    app: AppTest, db: sessionmaker[Session]
) -> None:
    claim_id = claim_id_containing(db, FT_CLAIM)
    open_claim(app, claim_id)
    assert app.selectbox(key="claim_choice").value == claim_id
    shown = markdown_text(app)
    assert FT_CLAIM in shown
    assert "What sounds like the script of a Hollywood film" in shown
    chain = next(m.value for m in app.markdown if " → " in m.value)
    hops = [hop.split("</b>")[0].removeprefix("<b>") for hop in chain.split(" → ")]
    assert hops[:2] == ["t3n", "Financial Times"]
    assert "OpenAI court filing" in hops[2]
    assert "interrogatories" in hops[-1]
    assert any("Primary source" in s.value and "interrogatories" in s.value for s in app.success)
    (attributions,) = [m.value for m in app.markdown if "workbench-attributions" in m.value]
    assert attributions.count("<tr>") == 2  # the header and one attribution
    assert f"<td>“{FT_CLAIM}”</td><td>reported</td>" in attributions
    assert "<b>Financial Times</b><br><small>news outlet</small>" in attributions
    (evidence,) = [s.value for s in app.subheader if s.value.startswith("Evidence (")]
    assert evidence != "Evidence (0)"
    assert "the same filing was reported on August 22, 2025" in shown


def test_claim_resting_on_anonymous_sources_is_flagged(
    app: AppTest, db: sessionmaker[Session]
) -> None:
    open_claim(app, claim_id_containing(db, "PR-Stunt"))
    assert any("unverifiable source" in w.value for w in app.warning)


def test_record_a_verdict_through_the_form(app: AppTest, db: sessionmaker[Session]) -> None:
    claim_id = claim_id_containing(db, FT_CLAIM)
    before = verdicts_for(db, claim_id)
    with db() as session:
        version = catalog.claim_detail(session, claim_id).version
    choose_reviewer(app, "Mira Osei")
    open_claim(app, claim_id)
    explanation = (
        "The FT reported OpenAI's filing of 21 August 2025; the claim is attributed correctly."
    )
    fill_verdict(app, claim_id, "accurate", explanation)
    submit_verdict(app)

    assert [s.value for s in app.success if s.value.startswith("Recorded")] == [
        "Recorded your verdict: Accurate."
    ]
    assert verdicts_for(db, claim_id) == [*before, ("Mira Osei", "accurate", explanation, version)]
    # the history shows it first, and the form is ready for the next verdict
    history = [m.value for m in app.markdown if "Mira Osei" in m.value and "<br>" in m.value]
    assert history and "Accurate" in history[0]
    assert app.text_area(key=f"claim_explanation_{claim_id}").value == ""


def test_a_new_reviewer_can_be_added_and_signs_verdicts(
    app: AppTest, db: sessionmaker[Session]
) -> None:
    app.sidebar.text_input(key="reviewer_new_name").input("  Ada   Quelle ")
    app.sidebar.button(key="reviewer_add").click().run()
    assert_ok(app)
    assert app.session_state["reviewer"] == "Ada Quelle"
    assert "Ada Quelle" in app.sidebar.selectbox(key="reviewer_choice").options
    with db() as session:
        assert session.scalar(select(Reviewer).where(Reviewer.name == "Ada Quelle")) is not None

    app.sidebar.text_input(key="reviewer_new_name").input("   ")
    app.sidebar.button(key="reviewer_add").click().run()
    assert_ok(app)
    assert [e.value for e in app.sidebar.error] == ["A reviewer needs a name."]


def test_a_stale_save_is_refused_and_keeps_what_was_typed(
    app: AppTest, db: sessionmaker[Session]
) -> None:
    claim_id = claim_id_containing(db, FT_CLAIM)
    choose_reviewer(app, "Mira Osei")
    open_claim(app, claim_id)
    before = verdicts_for(db, claim_id)

    # while Mira reads the claim, Tobias saves a verdict from another session
    with db.begin() as session:
        version = session.get(Claim, claim_id).version
        tobias = review.get_or_create_reviewer(session, "Tobias Krüger")
        review.record_verdict(
            session,
            claim_id=claim_id,
            reviewer=tobias,
            rating="mostly_accurate",
            explanation="The FT did report it, but it rests on OpenAI's filing.",
            seen_version=version,
        )
    typed = "My careful explanation, typed before I knew Tobias had saved."
    fill_verdict(app, claim_id, "accurate", typed)
    submit_verdict(app)

    assert any("changed while you were reviewing" in w.value for w in app.warning)
    after = verdicts_for(db, claim_id)
    assert after[: len(before)] == before
    assert [row[:2] for row in after[len(before) :]] == [("Tobias Krüger", "mostly_accurate")]
    assert app.text_area(key=f"claim_explanation_{claim_id}").value == typed
    assert app.selectbox(key=f"claim_rating_{claim_id}").value == "accurate"
    # the page now shows Tobias's verdict; having seen it, Mira can save
    assert any("Tobias Krüger" in m.value and "Mostly accurate" in m.value for m in app.markdown)
    submit_verdict(app)
    assert [row[:3] for row in verdicts_for(db, claim_id)[-1:]] == [
        ("Mira Osei", "accurate", typed)
    ]


def test_an_empty_explanation_is_refused(app: AppTest, db: sessionmaker[Session]) -> None:
    claim_id = claim_id_containing(db, FT_CLAIM)
    before = verdicts_for(db, claim_id)
    choose_reviewer(app, "Lena Hartmann")
    open_claim(app, claim_id)
    fill_verdict(app, claim_id, "inaccurate", "   ")
    submit_verdict(app)
    assert [e.value for e in app.error] == ["A verdict needs an explanation a reader can follow."]
    assert verdicts_for(db, claim_id) == before


def test_a_verdict_needs_a_reviewer_and_a_rating(app: AppTest, db: sessionmaker[Session]) -> None:
    claim_id = claim_id_containing(db, FT_CLAIM)
    before = verdicts_for(db, claim_id)
    open_claim(app, claim_id)
    fill_verdict(app, claim_id, "accurate", "Signed by nobody.")
    submit_verdict(app)
    assert any("Reviewing as" in e.value for e in app.error)
    choose_reviewer(app, "Lena Hartmann")
    app.text_area(key=f"claim_explanation_{claim_id}").input("No rating chosen.")
    app.selectbox(key=f"claim_rating_{claim_id}").set_value(None)
    submit_verdict(app)
    assert [e.value for e in app.error] == ["Choose a rating."]
    assert verdicts_for(db, claim_id) == before


# --- sources ----------------------------------------------------------------------------------


def test_sources_page_warns_about_many_outlets_resting_on_one_source(
    app: AppTest, db: sessionmaker[Session]
) -> None:
    with db() as session:
        sources = catalog.source_summaries(session)
    app.switch_page(SOURCES).run()
    assert_ok(app)
    warnings = [w.value for w in app.warning if "Many outlets, one primary source" in w.value]
    # the FT, Reuters, Bloomberg, ... all reported the one court filing
    (warning,) = [w for w in warnings if "Financial Times" in w]
    assert "court filing" in warning
    for outlet in ("Bloomberg", "CNBC", "Reuters", "TechCrunch"):
        assert outlet in warning
    table = app.dataframe[0].value
    ft = table[table["source"] == "Financial Times"].iloc[0]
    assert ft["kind"] == "news outlet" and "t3n" in ft["cited by"]
    assert "OpenAI court filing" in ft["cites"] and ft["claims"] >= 2

    ft_id = next(s.id for s in sources if s.name == "Financial Times")
    app.selectbox(key="sources_detail").set_value(ft_id).run()
    assert_ok(app)
    (detail,) = [m.value for m in app.markdown if m.value.startswith("<b>Financial Times</b>")]
    assert "<b>Cited by:</b> t3n" in detail and "OpenAI court filing" in detail

    app.multiselect(key="sources_kinds").set_value(["court_filing"]).run()
    assert_ok(app)
    filtered = app.dataframe[0].value
    assert len(filtered) >= 1 and set(filtered["kind"]) == {"court filing"}


# --- an empty database, and one the app cannot use ------------------------------------------


@pytest.mark.parametrize("page", [DASHBOARD, ARTICLE, CLAIM, SOURCES])
def test_every_page_copes_with_an_empty_database(
    app_database_url: str, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    monkeypatch.setenv("WORKBENCH_NO_SEED", "1")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page(page).run()
    assert_ok(at)
    assert at.title[0].value == Path(page).stem.capitalize()
    assert at.sidebar.selectbox(key="reviewer_choice").options == []


def _database_at_revision(path: Path, revision: str) -> str:
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        connection.execute(text("INSERT INTO alembic_version VALUES (:r)"), {"r": revision})
    engine.dispose()
    return url


def test_a_database_behind_the_schema_shows_an_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _database_at_revision(tmp_path / "old.sqlite3", "0001")
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", url)
    # pretend this Workbench has a newer migration than the database's 0001
    monkeypatch.setattr("workbench.db.head_revision", lambda: "0002")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert_ok(at)
    (error,) = at.error
    assert "schema revision 0001" in error.value and "workbench db upgrade" in error.value
    assert not at.metric


def test_a_database_at_an_unknown_revision_shows_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _database_at_revision(tmp_path / "future.sqlite3", "ffff_from_the_future")
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", url)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert_ok(at)
    (error,) = at.error
    assert "ffff_from_the_future" in error.value
    with make_engine(url).connect() as connection:
        # nothing was created or seeded in a database the app refused
        assert connection.scalar(text("SELECT count(*) FROM sqlite_master")) == 1
