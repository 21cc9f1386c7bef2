"""Pytest plugin: a real HTTP server on 127.0.0.1, fixture pages and a hand-made PDF."""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from workbench.references.fetch import FetchSettings, resolve_host

PAGES = Path(__file__).parent / "references" / "pages"
LOOPBACK = ipaddress.ip_address("127.0.0.1")
# Names tests may use without any DNS: news.test is the local test server, the rest are
# internal addresses the guard must refuse.
TEST_HOSTS = {
    "news.test": "127.0.0.1",
    "metadata.test": "169.254.169.254",
    "intranet.test": "10.0.0.7",
}


def fake_resolver(host: str, port: int) -> list[str]:
    """Resolves TEST_HOSTS and IP literals only, so no test ever asks a real DNS server."""
    if host in TEST_HOSTS:
        return [TEST_HOSTS[host]]
    if host == "localhost" or any(ch.isdigit() for ch in host[:1]) or ":" in host:
        return resolve_host(host, port)
    raise socket.gaierror(socket.EAI_NONAME, f"{host} is not a test host")


def only_loopback(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Address policy for tests: the local test server is the only 'public' address."""
    return ip == LOOPBACK


@pytest.fixture
def settings() -> FetchSettings:
    """Guard on, but the test server counts as allowed; small limits so nothing hangs."""
    return FetchSettings(
        timeout_connect=1.0,
        timeout_read=2.0,
        deadline=5.0,
        retries=0,
        backoff=0.01,
        max_retry_wait=0.2,
        allow_private_urls=False,
        resolver=fake_resolver,
        is_allowed_address=only_loopback,
    )


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[BaseHTTPRequestHandler], None]


class LocalServer:
    """Routes registered per test: a list of Replies (served in turn, the last one repeats) or
    a handler function for streaming and slow behaviour. Records each request's headers."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply] | Handler] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _RequestHandler)
        self._httpd.local = self
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def add(self, path: str, *replies: tuple) -> str:
        """Serve (status, body) or (status, body, headers) replies in turn; the last repeats."""
        self.routes[path] = [Reply(*reply) for reply in replies]
        return self.url(path)

    def add_handler(self, path: str, handler: Handler) -> str:
        self.routes[path] = handler
        return self.url(path)

    def add_slow(self, path: str, seconds: float) -> str:
        return self.add_handler(path, slow_reply(seconds))

    def add_endless(self, path: str) -> str:
        return self.add_handler(path, endless_text)

    def add_trickle(self, path: str) -> str:
        return self.add_handler(path, trickle)

    def hits(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # slow handlers notice `stopping` and end on their own
    local: LocalServer

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        pass  # clients hanging up mid-response is what several tests do on purpose


class _RequestHandler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        local = self.server.local
        path = self.path.split("?", 1)[0]
        local.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
        route = local.routes.get(path)
        if route is None:
            route = [Reply(404, b"<html><body><p>Not found</p></body></html>")]
        if callable(route):
            route(self)
            return
        reply = route.pop(0) if len(route) > 1 else route[0]
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if "Content-Length" not in reply.headers:
            self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def server() -> Iterator[LocalServer]:
    local = LocalServer()
    local.start()
    try:
        yield local
    finally:
        local.stop()


# --- behaviours for add_handler -----------------------------------------------------------


def slow_reply(seconds: float) -> Handler:
    """Answers only after `seconds` (longer than the client's read timeout)."""

    def handler(request: BaseHTTPRequestHandler) -> None:
        stopping = request.server.local.stopping  # type: ignore[attr-defined]
        if stopping.wait(seconds):
            return
        _send_head(request, "text/plain")
        request.wfile.write(b"too late\n")

    return handler


def endless_text(request: BaseHTTPRequestHandler) -> None:
    """Text without end (no Content-Length), until the client hangs up."""
    _send_head(request, "text/plain; charset=utf-8")
    line = b"All work and no play makes Jack a dull boy.\n" * 1000
    stopping = request.server.local.stopping  # type: ignore[attr-defined]
    try:
        for _ in range(50_000):  # about 2 GB if nobody stops reading
            if stopping.is_set():
                return
            request.wfile.write(line)
    except OSError:
        return


def trickle(request: BaseHTTPRequestHandler) -> None:
    """A byte every 50 ms: never slow enough for a read timeout, never done."""
    _send_head(request, "text/plain")
    stopping = request.server.local.stopping  # type: ignore[attr-defined]
    try:
        for _ in range(200):
            if stopping.wait(0.05):
                return
            request.wfile.write(b"x")
            request.wfile.flush()
    except OSError:
        return


def _send_head(request: BaseHTTPRequestHandler, content_type: str) -> None:
    request.send_response(200)
    request.send_header("Content-Type", content_type)
    request.end_headers()


# --- documents ----------------------------------------------------------------------------


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def build_pdf(
    pages: list[list[str]], *, title: str | None = None, author: str | None = None
) -> bytes:
    """A small valid PDF: one page per list of lines (an empty list makes a page without text),
    Helvetica text in a plain content stream, a correct xref table."""

    def literal(text: str) -> bytes:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"(" + escaped.encode("cp1252") + b")"

    page_ids = [4 + 2 * i for i in range(len(pages))]
    info_id = 4 + 2 * len(pages)
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R /Lang (en-US) >>",
        2: f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    for pid, lines in zip(page_ids, pages, strict=True):
        stream = b""
        if lines:
            shown = b" ".join(literal(line) + b" Tj T*" for line in lines)
            stream = b"BT /F1 11 Tf 14 TL 72 720 Td " + shown + b" ET"
        objects[pid] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {pid + 1} 0 R >>"
        ).encode()
        objects[pid + 1] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    info = b"<<"
    if title:
        info += b" /Title " + literal(title)
    if author:
        info += b" /Author " + literal(author)
    objects[info_id] = info + b" >>"

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for number in sorted(objects):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, info_id)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


COURT_FILING_PAGES = [
    [
        "IN THE DISTRICT COURT OF RIVERTON COUNTY",
        "Case No. 2024-CV-0187",
        "Riverton Tenants Union v. City of Riverton",
    ],
    [
        "COMPLAINT",
        "1. The City approved a budget of 41.5 million dollars for housing in 2023.",
        "2. Only 12.3 million dollars of that budget was spent by December 31, 2023.",
    ],
    [],  # a scanned exhibit: no text layer
    [
        "PRAYER FOR RELIEF",
        "The plaintiffs ask the Court to order the City to publish its housing accounts.",
    ],
]


@pytest.fixture
def fixture_page() -> Callable[[str], bytes]:
    return page


@pytest.fixture
def pdf_builder() -> Callable[..., bytes]:
    return build_pdf


@pytest.fixture
def court_filing_pages() -> list[list[str]]:
    return COURT_FILING_PAGES


@pytest.fixture
def court_filing_pdf() -> bytes:
    return build_pdf(
        COURT_FILING_PAGES,
        title="Complaint, Riverton Tenants Union v. City of Riverton",
        author="Riverton Tenants Union",
    )
