"""A content-addressed store of fetched documents on disk, and WARC export of what was fetched,
so an archivist's tool can replay exactly what a fact-checker saw."""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path

from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

from workbench import __version__
from workbench.errors import ArchiveError

_SHA256 = re.compile(r"[0-9a-f]{64}")
# Headers that describe the stored bytes' transport, not the bytes: the archive keeps decoded
# content, so these would mislead a WARC reader.
_TRANSPORT_HEADERS = {"content-length", "content-encoding", "transfer-encoding", "connection"}


@dataclass(frozen=True)
class ArchivedResponse:
    """One fetch to write into a WARC: the URL that answered, when, and the archived content."""

    url: str
    retrieved_at: datetime
    status: int
    headers: dict[str, str]
    sha256: str
    extra: dict[str, str] = field(default_factory=dict)  # more WARC headers, e.g. WARC-Refers-To


class Archive:
    """Files named by the SHA-256 of their content under root/ab/cd/<sha256>."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        if not _SHA256.fullmatch(sha256):
            raise ArchiveError(f"{sha256!r} is not a SHA-256 digest")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, content: bytes) -> str:
        """Store `content` (once) and return its SHA-256 hex digest."""
        sha256 = hashlib.sha256(content).hexdigest()
        target = self.path(sha256)
        if target.exists():
            return sha256
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written under a temporary name and renamed, so a crash never leaves a half file under
        # the digest name; two writers racing both rename the same bytes into place.
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".tmp-", delete=False) as tmp:
            try:
                tmp.write(content)
                tmp.flush()
                os.fsync(tmp.fileno())
            except BaseException:
                tmp.close()
                os.unlink(tmp.name)
                raise
        os.replace(tmp.name, target)
        return sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def get(self, sha256: str) -> bytes:
        """The stored content, checked against its digest."""
        target = self.path(sha256)
        try:
            content = target.read_bytes()
        except FileNotFoundError:
            raise ArchiveError(
                f"The archived copy {sha256[:12]}… is missing from {self.root}"
            ) from None
        if hashlib.sha256(content).hexdigest() != sha256:
            raise ArchiveError(
                f"The archived copy {sha256[:12]}… in {self.root} is damaged: its content no "
                "longer matches its fingerprint. Fetch the reference again."
            )
        return content

    def export_warc(self, records: Iterable[ArchivedResponse], path: Path) -> int:
        """Write a gzipped WARC with one `response` record per fetch; returns how many."""
        count = 0
        with open(path, "wb") as out:
            writer = WARCWriter(out, gzip=True, warc_version="1.1")
            writer.write_record(
                writer.create_warcinfo_record(
                    Path(path).name,
                    {"software": f"Workbench/{__version__}", "format": "WARC File Format 1.1"},
                )
            )
            for record in records:
                writer.write_record(self._response_record(writer, record))
                count += 1
        return count

    def _response_record(self, writer: WARCWriter, record: ArchivedResponse) -> ArcWarcRecord:
        content = self.get(record.sha256)
        headers = [
            (name.title(), value)
            for name, value in record.headers.items()
            if name.lower() not in _TRANSPORT_HEADERS
        ]
        headers.append(("Content-Length", str(len(content))))
        try:
            reason = HTTPStatus(record.status).phrase
        except ValueError:
            reason = ""
        http_headers = StatusAndHeaders(
            f"{record.status} {reason}".strip(), headers, protocol="HTTP/1.1"
        )
        retrieved_at = record.retrieved_at
        if retrieved_at.tzinfo is None:
            raise ArchiveError("retrieved_at must be an aware datetime (UTC)")
        warc_date = datetime_to_iso_date(retrieved_at.astimezone(UTC).replace(tzinfo=None))
        return writer.create_warc_record(
            record.url,
            "response",
            payload=io.BytesIO(content),
            length=len(content),  # known length: warcio then needs no temporary buffer file
            http_headers=http_headers,
            warc_headers_dict={"WARC-Date": warc_date, **record.extra},
        )
