"""End to end: the real app in a `streamlit run` subprocess, driven in headless Chromium."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright
from sqlalchemy.orm import Session, sessionmaker

from workbench import catalog
from workbench.db import make_engine, make_session_factory

pytestmark = pytest.mark.browser

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
# generous for a cold start: the first page view creates the database and loads the seed story
STARTUP_SECONDS = 30
STEP_MS = 20_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"CI must run the browser tests, but there is no Chromium at {CHROMIUM}")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="module")
def browser_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('browser') / 'workbench.sqlite3'}"


@pytest.fixture(scope="module")
def app_url(
    chromium: Path, browser_database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    port = _free_port()
    log_path = tmp_path_factory.mktemp("server") / "streamlit.log"
    env = {**os.environ, "WORKBENCH_DATABASE_URL": browser_database_url}
    env.pop("WORKBENCH_NO_SEED", None)
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "streamlit_app.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + STARTUP_SECONDS
            while True:
                if server.poll() is not None:
                    pytest.fail(f"streamlit exited early:\n{log_path.read_text()}")
                try:
                    with urllib.request.urlopen(f"{base}/_stcore/health", timeout=1) as answer:
                        if answer.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"streamlit did not start in time:\n{log_path.read_text()}")
                time.sleep(0.2)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


@pytest.fixture
def page(chromium: Path) -> Iterator[Page]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(STEP_MS)
            expect.set_options(timeout=STEP_MS)
            yield page
        finally:
            browser.close()


@pytest.fixture
def app_sessions(browser_database_url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(browser_database_url)
    yield make_session_factory(engine)
    engine.dispose()


def _choose(page: Page, label: str, option: str) -> None:
    """Pick `option` in the Streamlit selectbox labelled `label`."""
    page.get_by_label(label, exact=True).click()
    page.get_by_role("option", name=option).click()


def test_review_a_claim_from_the_dashboard(
    app_url: str, page: Page, app_sessions: sessionmaker[Session]
) -> None:
    page.goto(app_url)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Review queue")).to_be_visible()
    expect(main.get_by_text("Needing review")).to_be_visible()
    with app_sessions() as session:
        first = catalog.dashboard_summary(session).queue[0]
        verdicts_before = len(catalog.claim_detail(session, first.id).history)
    expect(main.get_by_text(f"#{first.id}").first).to_be_visible()

    _choose(page, "Reviewing as", "Mira Osei")
    main.get_by_role("button", name="Open").first.click()
    expect(main.get_by_role("heading", name="Record a verdict")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/claim\?claim={first.id}$"))
    # the reviewer chosen on the dashboard signs the verdict here
    expect(main.get_by_text("Signed as Mira Osei.")).to_be_visible()

    explanation = "Checked in the browser against OpenAI's filing of 21 August 2025."
    _choose(page, "Rating", "Misleading — Literally defensible")
    main.get_by_label("Explanation").fill(explanation)
    main.get_by_role("button", name="Record verdict").click()

    expect(main.get_by_text("Recorded your verdict: Misleading.")).to_be_visible()
    history = f"Verdict history ({verdicts_before + 1})"
    expect(main.get_by_role("heading", name=history)).to_be_visible()
    entry = main.get_by_test_id("stMarkdownContainer").filter(has_text=explanation)
    expect(entry).to_contain_text("Misleading · Mira Osei")
    expect(main.get_by_label("Explanation")).to_have_value("")
    with app_sessions() as session:
        latest = catalog.claim_detail(session, first.id).history[0]
    assert (latest.reviewer, latest.rating, latest.explanation) == (
        "Mira Osei",
        "misleading",
        explanation,
    )
