"""The References page (add by URL, upload or paste; versions; flagged evidence) and the
Sources page's provenance graph, driven through the entry script with AppTest."""

from __future__ import annotations

import hashlib
import html
import socket
from pathlib import Path

import pytest
import test_app
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest
from test_app import APP, SOURCES, TIMEOUT, assert_ok

from workbench import catalog
from workbench.evidence import pin_evidence
from workbench.models import Passage, Reference, ReferenceVersion, Source, SourceLink
from workbench.review import get_or_create_reviewer

# test_app's fixtures: both files start the app, and check its database, the same way
fresh_caches = test_app.fresh_caches
app_database_url = test_app.app_database_url
app = test_app.app
db = test_app.db

REFERENCES = "app_pages/references.py"
REPORT = """<!doctype html><html lang="en"><head><title>Council housing audit</title></head><body>
<article><h1>Council housing audit</h1>
<p>The audit found that the council spent 12.3 million dollars of its housing budget in 2023.</p>
<p>The council leader said the remaining money had been committed to new projects.</p>
<p>The auditors will report again in the spring.</p>
</article></body></html>"""
HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture(autouse=True)
def archive_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Fetched and uploaded bytes go to the test's own archive, never to db/archive."""
    archive = tmp_path / "archive"
    monkeypatch.setenv("WORKBENCH_ARCHIVE_DIR", str(archive))
    return archive


@pytest.fixture
def allow_local_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_ALLOW_PRIVATE_URLS", "1")


@pytest.fixture
def page(app: AppTest) -> AppTest:
    app.switch_page(REFERENCES).run()
    assert_ok(app)
    return app


def references_in(db: sessionmaker[Session]) -> list[Reference]:
    with db() as session:
        return list(session.scalars(select(Reference).order_by(Reference.id)))


def count(db: sessionmaker[Session], model: type) -> int:
    with db() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def archived_files(archive: Path) -> list[Path]:
    return sorted(p for p in archive.rglob("*") if p.is_file()) if archive.exists() else []


def fetch_by_url(at: AppTest, url: str) -> None:
    at.text_input(key="references_url").input(url)
    at.button(key="references_fetch").click().run()
    assert_ok(at)


def shown(texts: list[str]) -> list[str]:
    """What the reader sees: the page escapes every text it did not write itself."""
    return [html.unescape(text) for text in texts]


def expander_labels(at: AppTest) -> list[str]:
    return [html.unescape(e.label) for e in at.main.expander]


# --- an empty database ------------------------------------------------------------------------


def test_references_page_runs_with_an_empty_database(
    app_database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WORKBENCH_NO_SEED", "1")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page(REFERENCES).run()
    assert_ok(at)
    assert at.title[0].value == "References"
    assert [s.value for s in at.subheader] == ["References (0)"]
    assert any("No references yet" in i.value for i in at.info)
    assert not at.main.expander and not at.error
    # the three ways to add a reference are there
    assert [b.key for b in at.button if b.key.startswith("references_")] == [
        "references_fetch",
        "references_upload_add",
        "references_paste_add",
    ]


def test_the_seed_references_are_listed_with_their_versions(
    page: AppTest,
    db: sessionmaker[Session],
) -> None:
    with db() as session:
        listing = catalog.list_references(session)
    assert len(listing) >= 5
    assert [s.value for s in page.subheader] == [f"References ({len(listing)})"]
    labels = expander_labels(page)
    assert len(labels) == len(listing)
    for label, reference in zip(labels, listing, strict=True):
        assert label.startswith(f"#{reference.id} · ") and "1 version" in label
    first = page.main.expander[0].dataframe[0].value
    assert list(first["sha256"]) == [listing[0].versions[0].sha256]
    assert list(first["current"]) == [True]


# --- by URL -----------------------------------------------------------------------------------


def test_add_a_reference_by_url_from_the_local_server(
    page: AppTest,
    db: sessionmaker[Session],
    server,
    allow_local_server: None,
    archive_dir: Path,
) -> None:
    before = references_in(db)
    url = server.add("/audit", (200, REPORT.encode(), HTML))
    fetch_by_url(page, url)

    assert not page.error
    [success] = shown([s.value for s in page.success])
    new = references_in(db)[len(before) :]
    assert [r.url for r in new] == [url]
    reference_id = new[0].id
    assert success == f"{url}: added as reference {reference_id}"
    with db() as session:
        reference = session.get(Reference, reference_id)
        assert reference is not None
        assert reference.title == "Council housing audit" and reference.language == "en"
        assert "spent 12.3 million dollars" in reference.text
        [version] = reference.versions
        assert version.http_status == 200 and version.final_url == url
        assert version.content_hash == hashlib.sha256(REPORT.encode()).hexdigest()
        assert [p.text for p in version.passages][
            -1
        ] == "The auditors will report again in the spring."
    assert archived_files(archive_dir)[0].read_bytes() == REPORT.encode()
    # the form is ready for the next address, and the list shows the new reference
    assert page.text_input(key="references_url").value == ""
    assert expander_labels(page)[-1] == f"#{reference_id} · Council housing audit · 1 version"
    versions = page.main.expander[-1].dataframe[0].value
    assert list(versions["sha256"]) == [version.content_hash]
    assert list(versions["status"]) == [200]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("refused", "points to an internal address"),
        ("missing", "the server answered 404"),
        ("unreachable", "could not connect to the server"),
        ("not_text", "not a web page, PDF or text file"),
        ("too_large", "larger than 20,000,000 bytes"),
        ("no_text", "no readable text found"),  # fetched, then refused inside the transaction
    ],
)
def test_a_url_that_cannot_be_fetched_shows_an_error_and_writes_nothing(
    page: AppTest,
    db: sessionmaker[Session],
    server,
    monkeypatch: pytest.MonkeyPatch,
    archive_dir: Path,
    case: str,
    message: str,
) -> None:
    if case == "refused":  # the address guard on, as in production
        monkeypatch.delenv("WORKBENCH_ALLOW_PRIVATE_URLS", raising=False)
        url = server.add("/audit", (200, REPORT.encode(), HTML))
    else:
        monkeypatch.setenv("WORKBENCH_ALLOW_PRIVATE_URLS", "1")
        url = {
            "missing": server.url("/missing"),
            "unreachable": f"http://127.0.0.1:{_closed_port()}/audit",
            "not_text": server.add("/photo", (200, bytes(range(256)) * 40, {})),
            "too_large": server.add_endless("/endless"),
            "no_text": server.add("/empty", (200, b"<html><body><p> </p></body></html>", HTML)),
        }[case]
    counts = {model: count(db, model) for model in (Reference, ReferenceVersion, Passage)}
    fetch_by_url(page, url)

    [error] = shown([e.value for e in page.error])
    assert error.startswith(url if case != "no_text" else "empty") and message in error
    assert not page.success
    assert {model: count(db, model) for model in counts} == counts
    assert archived_files(archive_dir) == []
    assert page.text_input(key="references_url").value == url  # kept, to correct and retry
    if case == "refused":
        assert server.hits("/audit") == []  # refused before any request was sent


def test_an_empty_address_is_refused(page: AppTest, db: sessionmaker[Session]) -> None:
    before = count(db, Reference)
    page.button(key="references_fetch").click().run()
    assert_ok(page)
    assert [e.value for e in page.error] == ["Enter the reference&#39;s web address."]
    assert count(db, Reference) == before


# --- pasted text and uploads ------------------------------------------------------------------


def test_pasted_text_becomes_a_reference_with_passages(
    page: AppTest,
    db: sessionmaker[Session],
    archive_dir: Path,
) -> None:
    text = (
        "Call with the council press office, 3 March 2025.\n\n"
        "The spokesperson said 29.2 million dollars were committed to projects starting in 2024."
    )
    page.text_input(key="references_paste_title").input("Call with the press office")
    page.text_input(key="references_paste_publisher").input("Riverton City Council")
    page.text_area(key="references_paste_text").input(text)
    page.button(key="references_paste_add").click().run()
    assert_ok(page)

    assert not page.error
    reference = references_in(db)[-1]
    assert shown([s.value for s in page.success]) == [
        f"Call with the press office: added as reference {reference.id}"
    ]
    assert reference.title == "Call with the press office" and reference.url is None
    assert reference.publisher == "Riverton City Council"
    with db() as session:
        [version] = session.get(Reference, reference.id).versions
        assert version.http_status is None and version.headers["content-type"].endswith("pasted")
        assert [p.text for p in version.passages] == text.split("\n\n")
    assert archived_files(archive_dir)[0].read_bytes() == text.encode()
    # the form is empty again
    assert page.text_area(key="references_paste_text").value == ""
    assert page.text_input(key="references_paste_title").value == ""


def test_pasted_text_without_text_is_refused_and_keeps_the_title(
    page: AppTest,
    db: sessionmaker[Session],
) -> None:
    before = count(db, Reference)
    page.text_input(key="references_paste_title").input("Notes from the call")
    page.text_area(key="references_paste_text").input("   \n  ")
    page.button(key="references_paste_add").click().run()
    assert_ok(page)
    assert [e.value for e in page.error] == ["The pasted reference has no text."]
    assert count(db, Reference) == before
    assert page.text_input(key="references_paste_title").value == "Notes from the call"


def test_an_uploaded_html_file_becomes_a_reference(
    page: AppTest,
    db: sessionmaker[Session],
    archive_dir: Path,
    fixture_page,
) -> None:
    content = fixture_page("council-housing.en.html")
    page.file_uploader[0].set_value(("council-housing.html", content, "text/html"))
    page.button(key="references_upload_add").click().run()
    assert_ok(page)

    assert not page.error
    reference = references_in(db)[-1]
    assert shown([s.value for s in page.success]) == [
        f"council-housing.html: added as reference {reference.id}"
    ]
    # the page's own title and publisher, not the file name
    assert reference.title == "Council spent only a third of its housing budget"
    assert reference.publisher == "Riverton Courier" and reference.url is None
    assert "spent 12.3 million dollars of the 41.5 million dollars" in reference.text
    with db() as session:
        [version] = session.get(Reference, reference.id).versions
        assert version.headers["content-type"] == "text/html"
        assert version.content_hash == hashlib.sha256(content).hexdigest()
        assert len(version.passages) >= 3
    assert archived_files(archive_dir)[0].read_bytes() == content
    # the uploader is emptied, so a second click cannot add the file twice
    assert page.file_uploader[0].value is None


def test_an_uploaded_pdf_keeps_its_pages_and_warns_about_a_page_without_text(
    page: AppTest, db: sessionmaker[Session], court_filing_pdf: bytes
) -> None:
    page.file_uploader[0].set_value(("complaint.pdf", court_filing_pdf, "application/pdf"))
    page.button(key="references_upload_add").click().run()
    assert_ok(page)
    assert not page.error
    reference = references_in(db)[-1]
    assert reference.title == "Complaint, Riverton Tenants Union v. City of Riverton"
    assert [w.value for w in page.warning] == ["the document&#58; page 3 has no text layer"]
    with db() as session:
        passages = session.get(Reference, reference.id).passages
        assert {p.page for p in passages} == {1, 2, 4}
        assert any("12.3 million dollars" in p.text and p.page == 2 for p in passages)


def test_an_upload_that_is_not_a_document_is_refused(
    page: AppTest,
    db: sessionmaker[Session],
    archive_dir: Path,
) -> None:
    before = count(db, Reference)
    page.file_uploader[0].set_value(("scan.txt", bytes(range(256)) * 40, "text/plain"))
    page.text_input(key="references_upload_title").input("Scanned letter")
    page.button(key="references_upload_add").click().run()
    assert_ok(page)
    assert shown([e.value for e in page.error]) == [
        "scan.txt: this is not a web page, PDF or text file Workbench can read"
    ]
    assert count(db, Reference) == before and archived_files(archive_dir) == []
    assert page.text_input(key="references_upload_title").value == "Scanned letter"


def test_reference_text_is_escaped(page: AppTest, db: sessionmaker[Session]) -> None:
    page.text_input(key="references_paste_title").input("<script>alert(1)</script> **$5**")
    page.text_input(key="references_paste_url").input("javascript:alert(1)")
    page.text_area(key="references_paste_text").input("Some <b>text</b>.")
    page.button(key="references_paste_add").click().run()
    assert_ok(page)
    assert not page.error
    raw = [e.label for e in page.main.expander] + [s.value for s in page.success]
    raw += [m.value for m in page.markdown]
    for fragment in ("<script", "**", "$5", '"javascript'):
        assert not any(fragment in text for text in raw), fragment
    assert any("&lt;script&gt;" in label for label in raw)


# --- evidence a re-fetch lost or changed ------------------------------------------------------


def test_evidence_lost_or_changed_by_a_refetch_is_flagged_with_its_archived_text(
    page: AppTest,
    db: sessionmaker[Session],
    server,
    allow_local_server: None,
) -> None:
    lost_quote = "The council leader said the remaining money had been committed"
    changed_quote = "spent 12.3 million dollars of its housing budget"
    edited = REPORT.replace(
        "<p>The council leader said the remaining money had been committed to new projects.</p>",
        "",
    ).replace("12.3 million", "14.1 million")
    url = server.add("/audit", (200, REPORT.encode(), HTML), (200, edited.encode(), HTML))
    fetch_by_url(page, url)
    reference_id = references_in(db)[-1].id
    with db.begin() as session:
        reference = session.get(Reference, reference_id)
        claim_id = catalog.list_claims(session)[0].id
        pinned = []
        for quote in (lost_quote, changed_quote):
            start = reference.text.index(quote)
            passage = next(p for p in reference.passages if p.start_offset <= start < p.end_offset)
            pinned.append(
                pin_evidence(
                    session, claim_id=claim_id, passage_id=passage.id, start=start,
                    end=start + len(quote), stance="supports",
                    reviewer=get_or_create_reviewer(session, "Mira Osei"),
                ).id
            )  # fmt: skip
    page.run()
    assert not [w for w in page.warning if "evidence to check again" in w.value]

    fetch_by_url(page, url)  # the page changed: a second version, evidence re-anchored
    [success] = shown([s.value for s in page.success])
    assert f"reference {reference_id} changed" in success and "1 LOST" in success
    with db() as session:
        assert len(session.get(Reference, reference_id).versions) == 2
    assert any("2 evidence to check again" in w.value for w in page.warning)
    label = expander_labels(page)[-1]
    assert label.startswith(f"#{reference_id} · ") and "2 versions" in label
    assert "2 evidence to check" in label
    flagged = page.main.expander[-1]
    assert list(flagged.dataframe[0].value["current"]) == [True, False]
    notes = shown([m.value for m in flagged.markdown])
    assert any(n.startswith(f"**Lost** · evidence #{pinned[0]} (supports)") for n in notes)
    assert any(n.startswith(f"**Changed text** · evidence #{pinned[1]}") for n in notes)
    # the archived text each was pinned to, the quote marked; and what stands there now
    assert any(f"<mark>{lost_quote}</mark> to new projects." in n for n in notes)
    assert any(f"that the council <mark>{changed_quote}</mark> in 2023." in n for n in notes)
    assert any(n.startswith("<small>Now reads:</small>") and "14.1 million" in n for n in notes)
    flagged.button(key=f"references_open_{pinned[0]}").click().run()
    assert_ok(page)
    assert page.title[0].value == "Claim" and page.session_state["claim_id"] == claim_id


# --- sources: the provenance graph and circles ------------------------------------------------


def test_sources_page_draws_the_provenance_graph(
    app: AppTest,
    db: sessionmaker[Session],
) -> None:
    app.switch_page(SOURCES).run()
    assert_ok(app)
    [chart] = app.get("graphviz_chart")
    dot = chart.proto.spec
    assert dot.startswith("digraph provenance {")
    with db() as session:
        linked = [s for s in catalog.source_summaries(session) if s.cites or s.cited_by]
        edges = session.scalar(select(func.count()).select_from(SourceLink))
    assert {"t3n", "Financial Times"} <= {s.name for s in linked}
    for source in linked:
        name = source.name.replace('"', '\\"')  # as DOT quotes it
        assert f'label="{name}\\n({source.kind})"' in dot, source.name
    assert dot.count(" -> ") == edges
    assert "Who cites whom" in [s.value for s in app.subheader]
    # no circle in the seed story
    assert not [w for w in app.warning if "Circular citation" in w.value]


def test_sources_page_warns_about_circular_citations(
    app: AppTest,
    db: sessionmaker[Session],
) -> None:
    with db.begin() as session:
        echo = Source(name="Daily Echo", kind="news_outlet")
        mirror = Source(name="Evening <i>Mirror</i>", kind="news_outlet")
        session.add_all([echo, mirror])
        session.flush()
        session.add_all(
            [
                SourceLink(citing_source_id=echo.id, cited_source_id=mirror.id),
                SourceLink(citing_source_id=mirror.id, cited_source_id=echo.id),
            ]
        )
    app.switch_page(SOURCES).run()
    assert_ok(app)
    [warning] = [w.value for w in app.warning if "Circular citation" in w.value]
    assert "Daily Echo → Evening &lt;i&gt;Mirror&lt;/i&gt; → Daily Echo" in warning
    [chart] = app.get("graphviz_chart")
    assert "Daily Echo" in chart.proto.spec
