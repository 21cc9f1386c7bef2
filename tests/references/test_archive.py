import base64
import hashlib
from datetime import UTC, datetime

import pytest
from warcio.archiveiterator import ArchiveIterator

from workbench.errors import ArchiveError, WorkbenchError
from workbench.references.archive import Archive, ArchivedResponse
from workbench.references.fetch import fetch

FILING = b"%PDF-1.4 pretend court filing"


def test_put_and_get(tmp_path):
    archive = Archive(tmp_path / "archive")

    sha = archive.put(FILING)

    assert sha == hashlib.sha256(FILING).hexdigest()
    assert (tmp_path / "archive" / sha[:2] / sha[2:4] / sha).read_bytes() == FILING
    assert archive.has(sha)
    assert archive.get(sha) == FILING


def test_put_is_idempotent_and_leaves_no_temporary_files(tmp_path):
    archive = Archive(tmp_path)

    first = archive.put(FILING)
    second = archive.put(FILING)

    assert first == second
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [first]


def test_damaged_copy_is_reported(tmp_path):
    archive = Archive(tmp_path)
    sha = archive.put(FILING)
    archive.path(sha).write_bytes(FILING.replace(b"court", b"COURT"))

    with pytest.raises(ArchiveError, match="damaged") as caught:
        archive.get(sha)

    assert isinstance(caught.value, WorkbenchError)


def test_missing_copy_is_reported(tmp_path):
    archive = Archive(tmp_path)
    sha = hashlib.sha256(b"never stored").hexdigest()

    assert not archive.has(sha)
    with pytest.raises(ArchiveError, match="missing"):
        archive.get(sha)


@pytest.mark.parametrize("name", ["../../etc/passwd", "ABC", "0" * 63, "G" * 64])
def test_only_digests_name_files(tmp_path, name):
    with pytest.raises(ArchiveError):
        Archive(tmp_path).get(name)


def test_warc_export_reads_back(tmp_path):
    archive = Archive(tmp_path / "archive")
    html = "<html><body><p>Die Regierung kürzt 3,2 Milliarden.</p></body></html>".encode()
    records = [
        ArchivedResponse(
            url="https://tagesblatt.example/politik/haushalt",
            retrieved_at=datetime(2024, 3, 14, 9, 30, 5, tzinfo=UTC),
            status=200,
            headers={
                "content-type": "text/html; charset=utf-8",
                "etag": '"v1"',
                "content-length": "999",  # the compressed length on the wire; must not survive
            },
            sha256=archive.put(html),
        ),
        ArchivedResponse(
            url="https://court.example/court-filing.pdf",
            retrieved_at=datetime(2024, 3, 15, 12, 0, tzinfo=UTC),
            status=200,
            headers={"content-type": "application/pdf"},
            sha256=archive.put(FILING),
        ),
    ]
    warc = tmp_path / "story.warc.gz"

    assert archive.export_warc(records, warc) == 2

    with warc.open("rb") as stream:
        read = [
            (
                record.rec_type,
                record.rec_headers.get_header("WARC-Target-URI"),
                record.rec_headers.get_header("WARC-Date"),
                record.rec_headers.get_header("WARC-Payload-Digest"),
                record.http_headers,
                record.content_stream().read(),
            )
            for record in ArchiveIterator(stream)
        ]
    assert [r[0] for r in read] == ["warcinfo", "response", "response"]
    _, uri, warc_date, digest, http, payload = read[1]
    assert uri == "https://tagesblatt.example/politik/haushalt"
    assert warc_date == "2024-03-14T09:30:05Z"
    assert http.get_statuscode() == "200"
    assert http.protocol == "HTTP/1.1"
    assert http.get_header("Content-Type") == "text/html; charset=utf-8"
    assert http.get_header("ETag") == '"v1"'
    assert http.get_header("Content-Length") == str(len(html))
    assert payload == html
    assert digest == "sha1:" + base64.b32encode(hashlib.sha1(html).digest()).decode()
    assert read[2][5] == FILING


def test_fetched_page_goes_into_the_archive_and_the_warc(tmp_path, server, settings):
    url = server.add(
        "/story", (200, b"<html><body><p>Story.</p></body></html>", {"Content-Type": "text/html"})
    )
    document = fetch(url, settings=settings)
    archive = Archive(tmp_path)

    sha = archive.put(document.content)
    archive.export_warc(
        [
            ArchivedResponse(
                document.final_url, document.retrieved_at, document.status, document.headers, sha
            )
        ],
        tmp_path / "out.warc.gz",
    )

    assert sha == document.sha256
    with (tmp_path / "out.warc.gz").open("rb") as stream:
        responses = [r for r in ArchiveIterator(stream) if r.rec_type == "response"]
        assert len(responses) == 1
