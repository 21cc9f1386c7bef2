"""Fetch a reference over HTTP(S) with limits a hostile or broken server cannot get around.

Every hop is checked against an SSRF guard (no loopback, private, link-local ... addresses), the
body is streamed under a size cap and a wall-clock deadline, and the document type is judged by
its bytes, not by what the server claims.
"""

from __future__ import annotations

import codecs
import hashlib
import ipaddress
import os
import re
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import charset_normalizer
import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NameResolutionError,
    NewConnectionError,
    ReadTimeoutError,
)
from urllib3.util import connection as urllib3_connection
from urllib3.util.retry import Retry

from workbench import __version__
from workbench.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]
AddressPolicy = Callable[[IPAddress], bool]

USER_AGENT = (
    f"Workbench/{__version__} (+https://github.com/workbench-factcheck/workbench; fact-checking)"
)
KEPT_HEADERS = (
    "content-type",
    "etag",
    "last-modified",
    "date",
    "content-length",
    "content-language",
)
ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1"
RETRY_STATUSES = (429, 500, 502, 503, 504)
_CHUNK = 64 * 1024
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to, in resolver order (numeric hosts need no lookup).

    Raises socket.gaierror when the name does not resolve.
    """
    literal = _ip_literal(host)
    if literal is not None:
        return [str(literal)]
    addresses: list[str] = []
    for *_, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        address = str(sockaddr[0]).split("%", 1)[0]
        if address not in addresses:
            addresses.append(address)
    return addresses


def is_public_address(ip: IPAddress) -> bool:
    """True for addresses on the public internet; False for anything internal or special."""
    if isinstance(ip, ipaddress.IPv6Address):
        # Addresses that carry an IPv4 address inside are judged by that address.
        if ip.ipv4_mapped is not None:
            return is_public_address(ip.ipv4_mapped)
        if ip.sixtofour is not None:
            return is_public_address(ip.sixtofour)
        if ip in _NAT64:
            return is_public_address(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if ip.teredo is not None or ip.is_site_local:
            return False
    if (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or ip in _CGNAT
    ):
        return False
    return ip.is_global


def _allow_private_from_env() -> bool:
    return os.environ.get("WORKBENCH_ALLOW_PRIVATE_URLS", "").strip().lower() in {"1", "true"}


@dataclass(frozen=True)
class FetchSettings:
    """Limits for one fetch. `resolver` and `is_allowed_address` are hooks for tests."""

    timeout_connect: float = 5.0
    timeout_read: float = 15.0
    deadline: float = 60.0
    max_bytes: int = 20_000_000
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 0.5
    max_retry_wait: float = 10.0
    allow_private_urls: bool = field(default_factory=_allow_private_from_env)
    user_agent: str = USER_AGENT
    resolver: Resolver = field(default=resolve_host, repr=False)
    is_allowed_address: AddressPolicy = field(default=is_public_address, repr=False)


@dataclass(frozen=True)
class FetchedDocument:
    """What a server answered for a reference. For a 304 the content is empty and `not_modified`
    is True: keep the copy you have. `media_type` is sniffed: "text/html", "application/pdf" or
    "text/plain" ("" for a 304)."""

    url: str
    final_url: str
    status: int
    content: bytes
    media_type: str
    encoding: str | None
    headers: dict[str, str]
    retrieved_at: datetime
    sha256: str
    not_modified: bool = False
    redirects: tuple[str, ...] = ()


class _RefusedAddress(Exception):
    """Raised inside the connection layer; fetch() turns it into a FetchError."""

    def __init__(self, host: str, address: str):
        super().__init__(f"{host} resolves to {address}")
        self.host = host
        self.address = address


@dataclass(frozen=True)
class _AddressGuard:
    resolver: Resolver
    is_allowed_address: AddressPolicy
    allow_private_urls: bool

    def addresses(self, host: str, port: int) -> list[str]:
        """Resolved addresses of host, each one checked; raises _RefusedAddress or gaierror."""
        host = host.strip("[]").rstrip(".")
        addresses = list(self.resolver(host, port))
        if not addresses:
            raise socket.gaierror(socket.EAI_NONAME, f"{host} has no address")
        if not self.allow_private_urls:
            for address in addresses:
                if not self.is_allowed_address(ipaddress.ip_address(address)):
                    raise _RefusedAddress(host, address)
        return addresses


class _GuardedConnectionMixin:
    """Resolves, checks and connects to the checked address in one step.

    Because the address that was checked is the one connected to, a DNS answer that changes
    between the check in fetch() and the connection (DNS rebinding) cannot reach an internal host.
    TLS still verifies the certificate against the host name (urllib3 uses `self.host` for SNI).
    """

    address_guard: _AddressGuard
    _dns_host: str
    port: int
    timeout: Any
    source_address: Any
    socket_options: Any

    def _new_conn(self) -> socket.socket:
        try:
            addresses = self.address_guard.addresses(self._dns_host, self.port)
        except socket.gaierror as error:
            raise NameResolutionError(self._dns_host, self, error) from error  # type: ignore[arg-type]
        last_error: OSError | None = None
        for address in addresses:
            try:
                return urllib3_connection.create_connection(
                    (address, self.port),
                    self.timeout,
                    source_address=self.source_address,
                    socket_options=self.socket_options,
                )
            except TimeoutError as error:
                raise ConnectTimeoutError(
                    self, f"Connection to {self._dns_host} timed out"
                ) from error
            except OSError as error:
                last_error = error
        raise NewConnectionError(
            self,  # type: ignore[arg-type]
            f"Failed to establish a new connection: {last_error}",
        )


def _guarded_pool_classes(guard: _AddressGuard) -> dict[str, type[HTTPConnectionPool]]:
    http_conn = type(
        "GuardedHTTPConnection", (_GuardedConnectionMixin, HTTPConnection), {"address_guard": guard}
    )
    https_conn = type(
        "GuardedHTTPSConnection",
        (_GuardedConnectionMixin, HTTPSConnection),
        {"address_guard": guard},
    )
    return {
        "http": type(
            "GuardedHTTPConnectionPool", (HTTPConnectionPool,), {"ConnectionCls": http_conn}
        ),
        "https": type(
            "GuardedHTTPSConnectionPool", (HTTPSConnectionPool,), {"ConnectionCls": https_conn}
        ),
    }


class _GuardedAdapter(HTTPAdapter):
    def __init__(self, guard: _AddressGuard, **kwargs: Any):
        self._guard = guard  # before super().__init__, which builds the pool manager
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _guarded_pool_classes(self._guard)


class _CappedRetry(Retry):
    """urllib3 Retry that honours Retry-After but never sleeps longer than `max_wait`."""

    def __init__(self, *args: Any, max_wait: float = 10.0, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.max_wait = max_wait

    def new(self, **kwargs: Any) -> _CappedRetry:
        retry = super().new(**kwargs)
        retry.max_wait = self.max_wait  # type: ignore[attr-defined]
        return retry  # type: ignore[return-value]

    def parse_retry_after(self, retry_after: str) -> float:
        return min(super().parse_retry_after(retry_after), self.max_wait)


def make_session(settings: FetchSettings | None = None) -> requests.Session:
    """A session whose every connection goes through the address guard of `settings`.

    Reuse it across fetches made with the same settings (keep-alive); close it when done.
    """
    settings = settings or FetchSettings()
    retry = _CappedRetry(
        total=settings.retries,
        connect=settings.retries,
        read=False,  # a read timeout is not retried: it would multiply the wait
        status=settings.retries,
        other=False,
        backoff_factor=settings.backoff,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET", "HEAD"}),
        respect_retry_after_header=True,
        raise_on_status=False,
        max_wait=settings.max_retry_wait,
    )
    guard = _AddressGuard(
        settings.resolver, settings.is_allowed_address, settings.allow_private_urls
    )
    session = requests.Session()
    # No proxies or .netrc from the environment: a proxy would connect on our behalf and bypass
    # the address guard.
    session.trust_env = False
    session.headers["User-Agent"] = settings.user_agent
    session.headers["Accept"] = ACCEPT
    adapter = _GuardedAdapter(guard, max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def check_url(url: str, settings: FetchSettings | None = None) -> None:
    """Raise FetchError (bad_url, refused_address, connection) if `url` may not be fetched."""
    settings = settings or FetchSettings()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise FetchError(url, "bad_url", f"{url}: not a valid web address ({error})") from error
    if parts.scheme.lower() not in {"http", "https"}:
        raise FetchError(url, "bad_url", f"{url}: only http and https links can be fetched")
    host = parts.hostname
    if not host:
        raise FetchError(url, "bad_url", f"{url}: the link has no host name")
    if parts.username or parts.password:
        raise FetchError(url, "bad_url", f"{url}: links with a user name or password are refused")
    guard = _AddressGuard(
        settings.resolver, settings.is_allowed_address, settings.allow_private_urls
    )
    try:
        guard.addresses(host, port or (443 if parts.scheme.lower() == "https" else 80))
    except _RefusedAddress as refused:
        raise _refused(url, refused) from None
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(url, "connection", f"{url}: could not find the server {host}") from error


def fetch(
    url: str,
    *,
    settings: FetchSettings | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    session: requests.Session | None = None,
) -> FetchedDocument:
    """Fetch `url`, following at most `settings.max_redirects` redirects, each one checked.

    Pass the `etag` / `last_modified` of an earlier fetch to re-fetch conditionally. A `session`
    must come from make_session() with the same settings; without one a session is made and
    closed for this call.
    """
    settings = settings or FetchSettings()
    own_session = session is None
    session = session or make_session(settings)
    try:
        return _fetch(session, url, settings, etag, last_modified)
    except FetchError as error:
        if error.url == url:
            raise
        # Failed after a redirect: file it under the link that was asked for, say where it went.
        raise FetchError(url, error.reason, f"{url} led to {error}", status=error.status) from None
    finally:
        if own_session:
            session.close()


def _fetch(
    session: requests.Session,
    url: str,
    settings: FetchSettings,
    etag: str | None,
    last_modified: str | None,
) -> FetchedDocument:
    deadline = time.monotonic() + settings.deadline
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    redirects: list[str] = []
    current = url
    while True:
        check_url(current, settings)
        remaining = _remaining(url, deadline)
        timeout = (min(settings.timeout_connect, remaining), min(settings.timeout_read, remaining))
        try:
            response = session.get(
                current, headers=headers, stream=True, allow_redirects=False, timeout=timeout
            )
        except _RefusedAddress as refused:
            raise _refused(current, refused) from None
        except (requests.RequestException, HTTPError, OSError) as error:
            raise _failure(current, error) from error
        with response:
            retrieved_at = datetime.now(UTC)
            if response.is_redirect:
                if len(redirects) >= settings.max_redirects:
                    raise FetchError(
                        url,
                        "too_many_redirects",
                        f"{url}: more than {settings.max_redirects} redirects; giving up",
                    )
                target = session.get_redirect_target(response) or ""
                current = urljoin(current, target)
                redirects.append(current)
                continue
            kept = {k: response.headers[k] for k in KEPT_HEADERS if k in response.headers}
            if response.status_code == 304 and (etag or last_modified):
                return FetchedDocument(
                    url=url,
                    final_url=current,
                    status=304,
                    content=b"",
                    media_type="",
                    encoding=None,
                    headers=kept,
                    retrieved_at=retrieved_at,
                    sha256="",
                    not_modified=True,
                    redirects=tuple(redirects),
                )
            if not 200 <= response.status_code < 300:
                raise FetchError(
                    current,
                    "http_error",
                    f"{current}: the server answered {response.status_code} {response.reason}",
                    status=response.status_code,
                )
            content = _read_capped(response, current, settings, deadline)
            status = response.status_code
            break
    sniffed = sniff(content, kept.get("content-type"))
    if sniffed is None:
        raise FetchError(
            current,
            "not_text",
            f"{current}: this is not a web page, PDF or text file Workbench can read",
        )
    media_type, encoding = sniffed
    return FetchedDocument(
        url=url,
        final_url=current,
        status=status,
        content=content,
        media_type=media_type,
        encoding=encoding,
        headers=kept,
        retrieved_at=retrieved_at,
        sha256=hashlib.sha256(content).hexdigest(),
        not_modified=False,
        redirects=tuple(redirects),
    )


def _read_capped(
    response: requests.Response, url: str, settings: FetchSettings, deadline: float
) -> bytes:
    too_large = FetchError(
        url,
        "too_large",
        f"{url}: the document is larger than {settings.max_bytes:,} bytes; not downloaded",
    )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise too_large
    body = bytearray()
    try:
        while True:
            # read1 returns whatever one socket read brings, so the deadline is checked even
            # against a server that trickles a byte at a time (read() would wait for a full chunk).
            chunk = response.raw.read1(_CHUNK, decode_content=True)
            if not chunk:
                break
            body += chunk
            if len(body) > settings.max_bytes:
                raise too_large
            _remaining(url, deadline)
    except (requests.RequestException, HTTPError, OSError) as error:
        raise _failure(url, error) from error
    return bytes(body)


def _remaining(url: str, deadline: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(url, "timeout", f"{url}: the server took too long; gave up")
    return remaining


def _refused(url: str, refused: _RefusedAddress) -> FetchError:
    return FetchError(
        url,
        "refused_address",
        f"{url}: refused, {refused.host} points to an internal address ({refused.address}). "
        "Set WORKBENCH_ALLOW_PRIVATE_URLS=1 to fetch from internal networks.",
    )


def _failure(url: str, error: BaseException) -> FetchError:
    if _is_timeout(error):
        return FetchError(url, "timeout", f"{url}: the server took too long to answer")
    if isinstance(error, requests.exceptions.SSLError):
        return FetchError(
            url, "connection", f"{url}: the server's security certificate could not be verified"
        )
    if isinstance(error, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return FetchError(url, "bad_url", f"{url}: not a valid web address")
    return FetchError(url, "connection", f"{url}: could not connect to the server")


def _is_timeout(error: BaseException | None) -> bool:
    """Timeouts arrive wrapped in various requests/urllib3 errors; look through the wrapping."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, NewConnectionError):  # a subclass of ConnectTimeoutError in urllib3
            return False
        if isinstance(
            error, requests.Timeout | ReadTimeoutError | ConnectTimeoutError | TimeoutError
        ):
            return True
        inner = getattr(error, "reason", None)
        if isinstance(inner, BaseException) and _is_timeout(inner):
            return True
        if error.args and isinstance(error.args[0], BaseException) and _is_timeout(error.args[0]):
            return True
        error = error.__cause__ or error.__context__
    return False


# --- judging the document by its bytes -----------------------------------------------------

_HTML_MARKER = re.compile(
    rb"<(!doctype\s+html|html|head|body|title|meta|base|link|div|p|article|script|style|h1|br)"
    rb"[\s>/]",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def sniff(content: bytes, content_type: str | None = None) -> tuple[str, str | None] | None:
    """(media type, text encoding) judged from the bytes, or None if it is not a readable text.

    The Content-Type header only contributes its charset, and only when the bytes agree.
    """
    if not content.strip():
        return None
    head = content[:1024].lstrip()
    # The PDF header may follow some junk, but a page that merely mentions "%PDF-" is a page.
    if head.startswith(b"%PDF-") or (b"%PDF-" in head and not head.startswith(b"<")):
        return "application/pdf", None
    encoding = _bom_encoding(content)
    if encoding is None and b"\x00" in content[:8192]:
        return None
    candidates = [
        encoding,
        _charset_param(content_type),
        _meta_charset(content[:2048]),
        "utf-8",
    ]
    encoding = next((c for c in candidates if c and _decodes(content, c)), None)
    if encoding is None:
        best = charset_normalizer.from_bytes(content[:65536]).best()
        encoding = _normal_encoding(best.encoding) if best else None
        if encoding is None or not _decodes(content, encoding):
            return None
    sample = content[:65536].decode(encoding, errors="ignore")
    if _looks_binary(sample):
        return None
    start = sample[:2048].lstrip().encode("utf-8", errors="ignore")
    if start.startswith(b"<") and _HTML_MARKER.search(start):
        return "text/html", encoding
    return "text/plain", encoding


def _bom_encoding(content: bytes) -> str | None:
    return next((name for bom, name in _BOMS if content.startswith(bom)), None)


def _charset_param(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return _normal_encoding(match.group(1)) if match else None


def _meta_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    return _normal_encoding(match.group(1).decode("ascii", "ignore")) if match else None


def _normal_encoding(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # Browsers read Latin-1 and ASCII labels as Windows-1252; servers mean it that way.
    return "cp1252" if name in {"latin-1", "iso8859-1", "ascii"} else name


def _decodes(content: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        decoder.decode(content, final=True)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _looks_binary(sample: str) -> bool:
    if not sample:
        return False
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v\x1b")
    return controls / len(sample) > 0.01 or "\x00" in sample


def _ip_literal(host: str) -> IPAddress | None:
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    # Legacy IPv4 spellings (0x7f000001, 2130706433, 127.1) that the C resolver also accepts.
    if re.fullmatch(r"[0-9a-fA-FxX.]+", host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None
