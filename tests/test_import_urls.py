"""Importing articles by URL from a local server: HTML works, failures are clear and write nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from workbench.errors import FetchError
from workbench.importing.service import import_many
from workbench.models import Article, Claim

ARTICLE_HTML = """<!doctype html><html lang="en"><head><title>Council approves budget</title>
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Riverside Post">
<meta property="article:published_time" content="2025-03-14"></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Council approves budget</h1>
<p>The Riverside city council approved a budget of $1.2 billion on Tuesday, according to
the minutes of the meeting.</p>
<p>Mayor Ana Silva said the plan adds 340 teachers by 2026.</p>
<p>Critics called the vote rushed.</p>
</article><footer>Copyright 2025 Riverside Post. All rights reserved.</footer></body></html>"""


@pytest.fixture(autouse=True)
def allow_local_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_ALLOW_PRIVATE_URLS", "1")


def _articles(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(func.count(Article.id))) or 0


def test_html_article_by_url(sessions: sessionmaker[Session], server) -> None:
    url = server.add("/budget", (200, ARTICLE_HTML.encode(), {"Content-Type": "text/html"}))
    [(_, result)] = import_many(sessions, [url])
    assert not isinstance(result, Exception), result
    with sessions() as session:
        article = session.scalars(select(Article)).one()
        assert article.url == url and article.language == "en"
        assert "Home" not in article.text and "All rights reserved" not in article.text
        claims = session.scalars(select(Claim.text)).all()
        assert any("$1.2 billion" in text for text in claims)


def test_url_that_times_out(sessions: sessionmaker[Session], server, monkeypatch) -> None:
    monkeypatch.setattr("workbench.importing.service.URL_TIMEOUT_SECONDS", 0.5)
    url = server.add_slow("/slow", seconds=3)
    [(_, outcome)] = import_many(sessions, [url])
    assert isinstance(outcome, FetchError) and outcome.reason == "timeout"
    assert url in str(outcome)
    assert _articles(sessions) == 0


def test_unreachable_and_refused_urls(sessions: sessionmaker[Session], server, monkeypatch) -> None:
    missing = server.url("/gone")
    closed = "http://127.0.0.1:9/"  # discard port: nothing listens there
    outcomes = dict(import_many(sessions, [missing, closed]))
    assert isinstance(outcomes[missing], FetchError) and "404" in str(outcomes[missing])
    assert isinstance(outcomes[closed], FetchError) and outcomes[closed].reason == "connection"
    monkeypatch.delenv("WORKBENCH_ALLOW_PRIVATE_URLS")
    [(_, refused)] = import_many(sessions, [server.url("/budget")])
    assert isinstance(refused, FetchError) and refused.reason == "refused_address"
    assert _articles(sessions) == 0


def test_huge_page_is_cut_off(sessions: sessionmaker[Session], server, monkeypatch) -> None:
    monkeypatch.setattr("workbench.importing.service.URL_MAX_BYTES", 50_000)
    url = server.add_endless("/endless")
    [(_, outcome)] = import_many(sessions, [url])
    assert isinstance(outcome, FetchError) and outcome.reason == "too_large"
    assert _articles(sessions) == 0
