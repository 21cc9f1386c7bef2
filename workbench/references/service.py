"""Adding references and their versions: archive the bytes, extract passages, re-anchor evidence."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import InvalidInputError, NotFoundError
from workbench.models import (
    Evidence,
    EvidenceAnchor,
    Passage,
    Reference,
    ReferenceVersion,
    utcnow,
)
from workbench.references.anchor import (
    TextPositionSelector,
    TextQuoteSelector,
    make_selectors,
    reanchor,
)
from workbench.references.archive import Archive
from workbench.references.extract import ExtractedDocument, extract, split_passages
from workbench.references.fetch import FetchedDocument, fetch


@dataclass(frozen=True)
class AnchorOutcome:
    evidence_id: int
    claim_id: int
    outcome: str
    exact: str


@dataclass(frozen=True)
class ReferenceAdded:
    reference_id: int
    version_id: int
    created: bool
    new_version: bool
    anchors: tuple[AnchorOutcome, ...] = ()
    warnings: tuple[str, ...] = ()

    def describe(self, name: str) -> str:
        if self.created:
            text = f"{name}: added as reference {self.reference_id}"
        elif self.new_version:
            text = f"{name}: reference {self.reference_id} changed; new version kept beside the old"
        else:
            text = f"{name}: reference {self.reference_id} unchanged"
        lost = [a for a in self.anchors if a.outcome == "lost"]
        if self.anchors:
            moved = sum(a.outcome != "same_place" for a in self.anchors)
            text += f"; {len(self.anchors)} evidence re-anchored ({moved} moved or changed)"
        if lost:
            text += f"; {len(lost)} LOST, flagged for review"
        return text + "".join(f"\n  warning: {w}" for w in self.warnings)


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class ReferenceService:
    """Takes a session (the caller owns the transaction) and the on-disk archive."""

    def __init__(self, session: Session, archive: Archive):
        self.session = session
        self.archive = archive

    def by_url(self, url: str) -> Reference | None:
        return self.session.scalar(select(Reference).where(Reference.url == url))

    def add_fetched(self, document: FetchedDocument, *, title: str | None = None) -> ReferenceAdded:
        return self.add_document(
            document.content,
            document.media_type,
            url=document.url,
            final_url=document.final_url,
            title=title,
            retrieved_at=document.retrieved_at,
            http_status=document.status,
            headers=dict(document.headers),
            encoding=document.encoding,
        )

    def add_document(
        self,
        content: bytes,
        media_type: str,
        *,
        url: str | None = None,
        final_url: str | None = None,
        title: str | None = None,
        retrieved_at: dt.datetime | None = None,
        http_status: int | None = None,
        headers: dict[str, str] | None = None,
        encoding: str | None = None,
    ) -> ReferenceAdded:
        """A fetched or uploaded document: a new reference, or a new version of the one at `url`."""
        extracted = extract(content, media_type, url=final_url or url, encoding=encoding)
        sha = self.archive.put(content)
        return self._store(
            extracted,
            sha,
            url=url,
            final_url=final_url,
            title=title,
            retrieved_at=retrieved_at or utcnow(),
            http_status=http_status,
            headers={**(headers or {}), "content-type": media_type},
        )

    def add_text(
        self,
        text: str,
        *,
        title: str,
        url: str | None = None,
        publisher: str | None = None,
        language: str | None = None,
        published: dt.date | None = None,
    ) -> ReferenceAdded:
        """Pasted text, e.g. a reviewer's notes from a phone call or a paywalled page."""
        text = text.strip()
        if not text:
            raise InvalidInputError("The pasted reference has no text.")
        if not title.strip():
            raise InvalidInputError("A pasted reference needs a title.")
        content = text.encode("utf-8")
        sha = self.archive.put(content)
        extracted = ExtractedDocument(
            text=text, title=title.strip(), author=None, publisher=publisher,
            published=published, language=language, pages=(),
        )  # fmt: skip
        return self._store(
            extracted, sha, url=url, final_url=url, title=title, retrieved_at=utcnow(),
            http_status=None, headers={"content-type": "text/plain; pasted"},
        )  # fmt: skip

    def _store(
        self,
        extracted: ExtractedDocument,
        sha: str,
        *,
        url: str | None,
        final_url: str | None,
        title: str | None,
        retrieved_at: dt.datetime,
        http_status: int | None,
        headers: dict[str, str],
    ) -> ReferenceAdded:
        reference = self.by_url(url) if url else None
        created = reference is None
        if reference is None:
            reference = Reference(
                url=url,
                title=title or extracted.title,
                publisher=extracted.publisher,
                published=extracted.published,
                language=extracted.language,
                content_hash=sha,
                text=extracted.text,
                retrieved_at=retrieved_at,
            )
            self.session.add(reference)
        elif reference.current_version and reference.current_version.content_hash == sha:
            return ReferenceAdded(reference.id, reference.current_version.id, False, False)
        # a page that went back to an earlier text gets a version again: the history shows it
        version = ReferenceVersion(
            content_hash=sha,
            retrieved_at=retrieved_at,
            final_url=final_url,
            http_status=http_status,
            headers=headers,
            text=extracted.text,
        )
        reference.versions.append(version)
        for passage in split_passages(extracted.text, extracted.pages):
            version.passages.append(
                Passage(
                    reference=reference,
                    position=passage.index,
                    start_offset=passage.start,
                    end_offset=passage.end,
                    text=passage.text,
                    page=passage.page,
                )
            )
        reference.text = extracted.text
        reference.content_hash = sha
        reference.retrieved_at = retrieved_at
        reference.title = reference.title or title or extracted.title
        self.session.flush()
        anchors = () if created else tuple(self._reanchor_evidence(reference, version))
        warnings = tuple(getattr(extracted, "warnings", ()) or ())
        return ReferenceAdded(reference.id, version.id, created, not created, anchors, warnings)

    def _reanchor_evidence(
        self, reference: Reference, version: ReferenceVersion
    ) -> list[AnchorOutcome]:
        evidence = self.session.scalars(
            select(Evidence)
            .join(Passage, Evidence.passage_id == Passage.id)
            .where(Passage.reference_id == reference.id)
            .order_by(Evidence.id)
        ).all()
        outcomes = []
        for item in evidence:
            result = reanchor(
                TextQuoteSelector(item.quote_exact, item.quote_prefix, item.quote_suffix),
                TextPositionSelector(item.position_start, item.position_end),
                version.text,
            )
            self.session.add(
                EvidenceAnchor(
                    evidence_id=item.id,
                    version_id=version.id,
                    outcome=result.outcome,
                    position_start=result.start if result.found else None,
                    position_end=result.end if result.found else None,
                    score=result.score,
                )
            )
            passage = (
                next(
                    (p for p in version.passages if p.start_offset <= result.start < p.end_offset),
                    None,
                )
                if result.found
                else None
            )
            if passage is not None and result.outcome in {"same_place", "moved"}:
                # the very words the reviewer pinned are there: follow them to the new version
                _, position = make_selectors(version.text, result.start, result.end)
                item.passage = passage
                item.position_start, item.position_end = position.start, position.end
            # changed text is never swapped in under the reviewer's stance: the evidence keeps
            # what was pinned (and its old passage), the new wording is recorded on the anchor
            # row and the evidence is flagged; lost evidence likewise keeps its archived text
            item.anchor_status = (
                result.outcome if passage is not None or not result.found else "lost"
            )
            outcomes.append(
                AnchorOutcome(item.id, item.claim_id, item.anchor_status, item.quote_exact)
            )
        self.session.flush()
        return outcomes


def refetch(
    session: Session,
    archive: Archive,
    reference_id: int,
    fetcher: Callable[..., FetchedDocument] = fetch,
) -> ReferenceAdded:
    """Fetch a reference again (conditionally); a changed page becomes a new version."""
    reference = session.get(Reference, reference_id)
    if reference is None:
        raise NotFoundError(f"There is no reference {reference_id}.")
    if not reference.url:
        raise InvalidInputError(f"Reference {reference_id} was pasted or uploaded; it has no URL.")
    headers = reference.current_version.headers if reference.current_version else {}
    document = fetcher(
        reference.url, etag=headers.get("etag"), last_modified=headers.get("last-modified")
    )
    if document.not_modified:
        current = reference.current_version
        assert current is not None
        return ReferenceAdded(reference.id, current.id, False, False)
    return ReferenceService(session, archive).add_fetched(document)
