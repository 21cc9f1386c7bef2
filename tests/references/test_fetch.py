import hashlib
import ipaddress
import time
from dataclasses import replace
from datetime import UTC

import pytest

from workbench.errors import FetchError
from workbench.references.fetch import (
    FetchSettings,
    fetch,
    is_public_address,
    make_session,
    sniff,
)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def fails(url, settings, **kwargs) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(url, settings=settings, **kwargs)
    return caught.value


# --- fetching -------------------------------------------------------------------------------


def test_fetches_a_news_page_with_its_headers(server, settings, fixture_page):
    body = fixture_page("haushalt-bildung.de.html")
    url = server.add(
        "/politik/haushalt",
        (
            200,
            body,
            {
                "Content-Type": "text/html; charset=utf-8",
                "ETag": '"v1"',
                "Last-Modified": "Thu, 14 Mar 2024 08:30:00 GMT",
                "Content-Language": "de",
                "Set-Cookie": "session=secret",
            },
        ),
    )

    document = fetch(url, settings=settings)

    assert document.status == 200
    assert document.url == document.final_url == url
    assert document.content == body
    assert document.media_type == "text/html"
    assert document.encoding == "utf-8"
    assert document.sha256 == hashlib.sha256(body).hexdigest()
    assert document.retrieved_at.tzinfo is UTC
    assert document.headers["etag"] == '"v1"'
    assert document.headers["content-language"] == "de"
    assert "set-cookie" not in document.headers
    assert not document.not_modified
    assert document.redirects == ()
    sent = server.hits("/politik/haushalt")[0]
    assert sent["user-agent"].startswith("Workbench/0.1")
    assert "(+https://github.com/" in sent["user-agent"]
    assert "fact-checking" in sent["user-agent"]


def test_pdf_is_recognised_by_its_bytes_not_its_content_type(server, settings, court_filing_pdf):
    url = server.add(
        "/filing", (200, court_filing_pdf, {"Content-Type": "application/octet-stream"})
    )

    document = fetch(url, settings=settings)

    assert document.media_type == "application/pdf"
    assert document.encoding is None


def test_follows_redirects_and_records_each_hop(server, settings):
    final = server.add("/story", (200, b"<html><body><p>The story.</p></body></html>"))
    middle = server.add("/go", (302, b"", {"Location": "/story"}))
    first = server.add("/old", (301, b"", {"Location": middle}))

    document = fetch(first, settings=settings)

    assert document.final_url == final
    assert document.redirects == (middle, final)
    assert document.url == first


def test_redirect_by_host_name_connects_to_the_resolved_address(server, settings):
    target = server.add("/page", (200, b"hello, reader\n"))
    start = server.add("/start", (302, b"", {"Location": server.url("/page", host="news.test")}))

    document = fetch(start, settings=settings)

    assert document.final_url == server.url("/page", host="news.test")
    assert document.content == b"hello, reader\n"
    assert target != document.final_url


def test_too_many_redirects(server, settings):
    url = server.add("/loop", (302, b"", {"Location": "/loop"}))

    error = fails(url, replace(settings, max_redirects=3))

    assert error.reason == "too_many_redirects"
    assert len(server.hits("/loop")) == 4


@pytest.mark.parametrize(
    "location",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://metadata.test/computeMetadata/v1/",
        "http://intranet.test:8080/admin",
        "http://[::ffff:10.0.0.1]/",
        "file:///etc/passwd",
    ],
)
def test_redirect_to_an_internal_address_is_refused(server, settings, location):
    url = server.add("/innocent", (302, b"", {"Location": location}))

    error = fails(url, settings)

    assert error.reason in {"refused_address", "bad_url"}
    assert error.url == url
    assert location.split("/")[2] in str(error) or "file" in str(error)


def test_guard_checks_the_address_it_connects_to(server, settings):
    # DNS rebinding: the name looks local-test-server for the check, then internal.
    answers = iter(["127.0.0.1", "10.0.0.9"])
    settings = replace(settings, resolver=lambda host, port: [next(answers, "10.0.0.9")])

    error = fails(server.url("/anything", host="rebind.test"), settings)

    assert error.reason == "refused_address"
    assert "10.0.0.9" in str(error)
    assert server.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/",
        "http://127.0.0.1:8501/",
        "http://10.0.0.1/",
        "http://192.168.1.1/router",
        "http://172.16.0.1/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://0x7f000001/",
        "http://2130706433/",
        "http://127.1/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
    ],
)
def test_internal_addresses_are_refused_by_default(monkeypatch, url):
    monkeypatch.delenv("WORKBENCH_ALLOW_PRIVATE_URLS", raising=False)

    error = fails(url, FetchSettings(retries=0))

    assert error.reason == "refused_address"
    assert "internal address" in str(error)


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/file.txt", "http://", "not a link", "http://[::1"],
)
def test_only_http_links_are_fetched(url):
    assert fails(url, FetchSettings(retries=0)).reason == "bad_url"


def test_opt_in_from_the_environment_allows_internal_addresses(monkeypatch, server):
    monkeypatch.setenv("WORKBENCH_ALLOW_PRIVATE_URLS", "1")
    url = server.add("/intranet", (200, b"internal memo\n"))

    settings = FetchSettings(retries=0, timeout_read=2.0)

    assert settings.allow_private_urls
    assert fetch(url, settings=settings).content == b"internal memo\n"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("100.100.0.1", False),
        ("169.254.169.254", False),
        ("192.0.2.10", False),
        ("255.255.255.255", False),
        ("::1", False),
        ("::", False),
        ("fc00::1", False),
        ("ff02::1", False),
        ("::ffff:10.0.0.1", False),
        ("::ffff:93.184.215.14", True),
        ("64:ff9b::a00:1", False),
        ("2002:a00:1::", False),
    ],
)
def test_is_public_address(address, public):
    assert is_public_address(ipaddress.ip_address(address)) is public


def test_not_found_is_an_http_error(server, settings):
    error = fails(server.url("/missing"), settings)

    assert error.reason == "http_error"
    assert error.status == 404
    assert "404" in str(error)


def test_slow_server_times_out(server, settings):
    url = server.add_slow("/slow", seconds=3)
    started = time.monotonic()

    error = fails(url, replace(settings, timeout_read=0.3))

    assert error.reason == "timeout"
    assert time.monotonic() - started < 2


def test_trickling_server_is_cut_off_at_the_deadline(server, settings):
    url = server.add_trickle("/trickle")
    started = time.monotonic()

    error = fails(url, replace(settings, timeout_read=1.0, deadline=0.5))

    assert error.reason == "timeout"
    assert time.monotonic() - started < 2


def test_endless_response_is_cut_at_max_bytes(server, settings):
    url = server.add_endless("/endless")
    started = time.monotonic()

    error = fails(url, replace(settings, max_bytes=1_000_000))

    assert error.reason == "too_large"
    assert time.monotonic() - started < 3


def test_declared_huge_length_is_refused_before_reading(server, settings):
    url = server.add("/huge", (200, b"x" * 100, {"Content-Length": "2000000000"}))

    assert fails(url, settings).reason == "too_large"


def test_unavailable_then_available_is_retried(server, settings):
    url = server.add(
        "/busy",
        (503, b"busy", {"Retry-After": "1"}),
        (200, b"<html><body><p>Back.</p></body></html>"),
    )
    started = time.monotonic()

    document = fetch(url, settings=replace(settings, retries=2))

    elapsed = time.monotonic() - started
    assert document.status == 200
    assert len(server.hits("/busy")) == 2
    # Retry-After was honoured, but only up to max_retry_wait (0.2 s), not the full second.
    assert 0.15 <= elapsed < 0.9


def test_gives_up_after_the_retries(server, settings):
    url = server.add("/down", (503, b"down"))

    error = fails(url, replace(settings, retries=2, max_retry_wait=0.0))

    assert error.reason == "http_error"
    assert error.status == 503
    assert len(server.hits("/down")) == 3


def test_conditional_refetch_returns_not_modified(server, settings):
    page = b"<html><body><p>Budget figures.</p></body></html>"
    url = server.add("/figures", (200, page, {"ETag": '"abc"'}), (304, b"", {"ETag": '"abc"'}))

    first = fetch(url, settings=settings)
    again = fetch(url, settings=settings, etag=first.headers["etag"], last_modified="yesterday")

    assert again.not_modified
    assert again.status == 304
    assert again.content == b""
    sent = server.hits("/figures")[1]
    assert sent["if-none-match"] == '"abc"'
    assert sent["if-modified-since"] == "yesterday"


def test_a_changed_page_has_a_new_fingerprint(server, settings):
    url = server.add(
        "/live",
        (200, b"<html><body><p>Turnout was 61 percent.</p></body></html>"),
        (200, b"<html><body><p>Turnout was 64 percent.</p></body></html>"),
    )
    with make_session(settings) as session:
        before = fetch(url, settings=settings, session=session)
        after = fetch(url, settings=settings, session=session)

    assert before.sha256 != after.sha256


def test_binary_response_is_not_text(server, settings):
    url = server.add("/logo", (200, PNG, {"Content-Type": "text/html"}))

    assert fails(url, settings).reason == "not_text"


def test_connection_refused(settings):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    error = fails(f"http://127.0.0.1:{port}/", settings)

    assert error.reason == "connection"


# --- sniffing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "content_type", "expected"),
    [
        (b"<!DOCTYPE html><html><p>Hi</p></html>", None, ("text/html", "utf-8")),
        (
            b'<html><head><meta charset="iso-8859-1"></head><body>M\xe4rz</body></html>',
            None,
            ("text/html", "cp1252"),
        ),
        ("Plain report, März 2024\n".encode(), "text/html", ("text/plain", "utf-8")),
        ("\ufeffText mit BOM".encode("utf-16"), None, ("text/plain", "utf-16")),
        (b"%PDF-1.7\n...", "text/plain", ("application/pdf", None)),
        (b"Caf\xe9 au lait", "text/plain; charset=latin-1", ("text/plain", "cp1252")),
        (PNG, "text/plain", None),
        (b"\x00\x01\x02\x03binary", None, None),
        (b"   ", "text/plain", None),
    ],
)
def test_sniff(content, content_type, expected):
    assert sniff(content, content_type) == expected


def test_sniff_guesses_an_undeclared_legacy_encoding():
    content = b"  \n<html lang=de><body>Gr\xfc\xdfe aus M\xfcnchen</body></html>"

    media_type, encoding = sniff(content)

    assert media_type == "text/html"
    assert "Grüße aus München" in content.decode(encoding)
