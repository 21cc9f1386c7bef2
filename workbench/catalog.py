"""Read-side views of articles, claims and sources, shaped for the CLI, the app and JSON."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from workbench.errors import NotFoundError
from workbench.models import (
    Article,
    Attribution,
    Claim,
    Evidence,
    EvidenceAnchor,
    Passage,
    Reference,
    ReferenceVersion,
    ReviewStatus,
    Source,
    Verdict,
)
from workbench.ratings import RATINGS_BY_KEY
from workbench.references.archive import ArchivedResponse
from workbench.review import Agreement, VerdictView, agreement, current_verdict, get_claim
from workbench.tracing import SourceChain, trace_claim


@dataclass(frozen=True)
class AttributionView:
    id: int
    phrase: str
    span: tuple[int, int] | None
    source_id: int
    source: str
    source_kind: str
    kind: str
    speaker: str | None
    # the reviewer who confirmed (or corrected) the source; None while it is the importer's guess
    confirmed_by: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "phrase": self.phrase,
            "span": list(self.span) if self.span else None,
            "source": self.source,
            "source_kind": self.source_kind,
            "kind": self.kind,
            "speaker": self.speaker,
        }


@dataclass(frozen=True)
class ClaimSummary:
    id: int
    article_id: int | None
    text: str
    language: str
    span: tuple[int, int] | None
    check_worthiness: float
    reasons: tuple[str, ...]
    review_status: str
    origin: str
    attributions: tuple[AttributionView, ...]
    verdict: VerdictView | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "text": self.text,
            "language": self.language,
            "span": list(self.span) if self.span else None,
            "check_worthiness": round(self.check_worthiness, 3),
            "check_worthiness_reasons": list(self.reasons),
            "review_status": self.review_status,
            "origin": self.origin,
            "attributions": [a.as_json() for a in self.attributions],
            "verdict": self.verdict.as_json() if self.verdict else None,
        }


@dataclass(frozen=True)
class EvidenceView:
    id: int
    stance: str
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    score: float | None
    note: str | None
    anchor_status: str
    reference_id: int
    reference_title: str | None
    reference_url: str | None
    publisher: str | None
    page: int | None
    added_by: str | None


@dataclass(frozen=True)
class ClaimDetail:
    summary: ClaimSummary
    gloss_en: str | None
    version: int
    article_title: str | None
    chains: tuple[SourceChain, ...]
    evidence: tuple[EvidenceView, ...]
    history: tuple[VerdictView, ...]
    agreement: Agreement


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None and end is not None else None


def _attribution_view(attribution: Attribution) -> AttributionView:
    return AttributionView(
        id=attribution.id,
        phrase=attribution.phrase,
        span=_span(attribution.span_start, attribution.span_end),
        source_id=attribution.source_id,
        source=attribution.source.name,
        source_kind=attribution.source.kind,
        kind=attribution.kind,
        speaker=attribution.speaker,
        confirmed_by=attribution.confirmed_by.name if attribution.confirmed_by else None,
    )


def summarise_claim(claim: Claim) -> ClaimSummary:
    verdict = current_verdict(claim)
    return ClaimSummary(
        id=claim.id,
        article_id=claim.article_id,
        text=claim.text,
        language=claim.language,
        span=_span(claim.span_start, claim.span_end),
        check_worthiness=claim.check_worthiness,
        reasons=tuple(claim.check_worthiness_reasons or ()),
        review_status=claim.review_status,
        origin=claim.origin,
        attributions=tuple(_attribution_view(a) for a in claim.attributions),
        verdict=VerdictView.of(verdict) if verdict else None,
    )


def _claims_query() -> Any:
    return select(Claim).options(
        selectinload(Claim.attributions), selectinload(Claim.verdicts).joinedload(Verdict.reviewer)
    )


def list_claims(session: Session, article_id: int | None = None) -> list[ClaimSummary]:
    # NULLs (captions, claims without a span) sort last on every backend
    query = _claims_query().order_by(
        Claim.article_id.asc().nulls_last(), Claim.span_start.asc().nulls_last(), Claim.id
    )
    if article_id is not None:
        if session.get(Article, article_id) is None:
            raise NotFoundError(f"There is no article {article_id}.")
        query = query.where(Claim.article_id == article_id)
    return [summarise_claim(claim) for claim in session.scalars(query)]


def _evidence_view(evidence: Evidence) -> EvidenceView:
    reference = evidence.passage.reference
    return EvidenceView(
        id=evidence.id,
        stance=evidence.stance,
        exact=evidence.quote_exact,
        prefix=evidence.quote_prefix,
        suffix=evidence.quote_suffix,
        start=evidence.position_start,
        end=evidence.position_end,
        score=evidence.match_score,
        note=evidence.note,
        anchor_status=evidence.anchor_status,
        reference_id=reference.id,
        reference_title=reference.title,
        reference_url=reference.url,
        publisher=reference.publisher,
        page=evidence.passage.page,
        added_by=evidence.added_by.name if evidence.added_by else None,
    )


def claim_detail(session: Session, claim_id: int) -> ClaimDetail:
    claim = get_claim(session, claim_id)
    history = sorted(claim.verdicts, key=lambda v: (v.created_at, v.id), reverse=True)
    return ClaimDetail(
        summary=summarise_claim(claim),
        gloss_en=claim.gloss_en,
        version=claim.version,
        article_title=claim.article.title if claim.article else None,
        chains=tuple(trace_claim(session, claim)),
        evidence=tuple(_evidence_view(e) for e in claim.evidence),
        history=tuple(VerdictView.of(v) for v in history),
        agreement=agreement(claim),
    )


@dataclass(frozen=True)
class RecentVerdict:
    claim_id: int
    claim_text: str
    verdict: VerdictView


@dataclass(frozen=True)
class DashboardSummary:
    claims_by_status: dict[str, int]
    claims_by_rating: dict[str, int]
    queue: tuple[ClaimSummary, ...]
    recent_verdicts: tuple[RecentVerdict, ...]
    articles: int
    sources: int


def dashboard_summary(session: Session, recent: int = 10) -> DashboardSummary:
    claims = [summarise_claim(c) for c in session.scalars(_claims_query())]
    by_status = Counter(c.review_status for c in claims)
    by_rating = Counter(c.verdict.rating if c.verdict else "no verdict yet" for c in claims)
    queue = sorted(
        (c for c in claims if c.review_status != ReviewStatus.REVIEWED.value),
        # disputed first (someone must settle them), then the most check-worthy
        key=lambda c: (c.review_status != ReviewStatus.DISPUTED.value, -c.check_worthiness, c.id),
    )
    latest = session.scalars(
        select(Verdict).order_by(Verdict.created_at.desc(), Verdict.id.desc()).limit(recent)
    )
    recent_verdicts = tuple(
        RecentVerdict(v.claim_id, v.claim.text, VerdictView.of(v)) for v in latest
    )
    ordered_ratings = {
        key: by_rating[key] for key in [*RATINGS_BY_KEY, "no verdict yet"] if by_rating[key]
    }
    return DashboardSummary(
        claims_by_status={s.value: by_status[s.value] for s in ReviewStatus},
        claims_by_rating=ordered_ratings,
        queue=tuple(queue),
        recent_verdicts=recent_verdicts,
        articles=session.scalar(select(func.count(Article.id))) or 0,
        sources=session.scalar(select(func.count(Source.id))) or 0,
    )


@dataclass(frozen=True)
class Segment:
    """A run of article text, marked as part of a claim and/or an attribution phrase."""

    text: str
    claim_id: int | None = None
    attribution: bool = False


@dataclass(frozen=True)
class ArticleView:
    id: int
    title: str | None
    outlet: str | None
    author: str | None
    url: str | None
    language: str
    published: dt.date | None
    republished: dt.date | None
    captions: tuple[str, ...]
    segments: tuple[Segment, ...]
    claims: tuple[ClaimSummary, ...] = field(default=())


def segment_text(
    text: str, claim_spans: list[tuple[int, int, int]], attribution_spans: list[tuple[int, int]]
) -> list[Segment]:
    """Cut `text` at every claim and attribution boundary, so each piece is marked once."""
    cuts = {0, len(text)}
    for start, end, _ in claim_spans:
        cuts.update((start, end))
    for start, end in attribution_spans:
        cuts.update((start, end))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    segments: list[Segment] = []
    for start, end in zip(points, points[1:], strict=False):
        claim_id = next((cid for s, e, cid in claim_spans if s <= start and end <= e), None)
        marked = any(s <= start and end <= e for s, e in attribution_spans)
        segments.append(Segment(text[start:end], claim_id, marked))
    return segments


def article_view(session: Session, article_id: int) -> ArticleView:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError(f"There is no article {article_id}.")
    claims = [summarise_claim(c) for c in article.claims]
    claim_spans = [(c.span[0], c.span[1], c.id) for c in claims if c.span]
    attribution_spans = sorted(
        {a.span for c in claims for a in c.attributions if a.span is not None}
    )
    return ArticleView(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        author=article.author,
        url=article.url,
        language=article.language,
        published=article.published,
        republished=article.republished,
        captions=tuple(article.captions or ()),
        segments=tuple(segment_text(article.text, claim_spans, attribution_spans)),
        claims=tuple(claims),
    )


def list_articles(session: Session) -> list[Article]:
    return list(session.scalars(select(Article).order_by(Article.id)))


@dataclass(frozen=True)
class SourceSummary:
    id: int
    name: str
    kind: str
    url: str | None
    description: str | None
    cites: tuple[str, ...]
    cited_by: tuple[str, ...]
    attributed_claims: int


def source_summaries(session: Session) -> list[SourceSummary]:
    counts = dict(
        session.execute(
            select(Attribution.source_id, func.count(func.distinct(Attribution.claim_id))).group_by(
                Attribution.source_id
            )
        ).all()
    )
    return [
        SourceSummary(
            id=source.id,
            name=source.name,
            kind=source.kind,
            url=source.url,
            description=source.description,
            cites=tuple(link.cited.name for link in source.cites),
            cited_by=tuple(link.citing.name for link in source.cited_by),
            attributed_claims=counts.get(source.id, 0),
        )
        for source in session.scalars(select(Source).order_by(Source.kind, Source.name))
    ]


@dataclass(frozen=True)
class VersionView:
    sha256: str
    retrieved_at: dt.datetime
    status: int | None
    final_url: str | None
    current: bool


@dataclass(frozen=True)
class ReferenceSummary:
    id: int
    url: str | None
    title: str | None
    publisher: str | None
    language: str | None
    versions: tuple[VersionView, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "publisher": self.publisher,
            "language": self.language,
            "versions": [
                {
                    "sha256": v.sha256,
                    "retrieved_at": v.retrieved_at.isoformat(),
                    "status": v.status,
                    "final_url": v.final_url,
                    "current": v.current,
                }
                for v in self.versions
            ],
        }


def list_references(session: Session) -> list[ReferenceSummary]:
    summaries = []
    for reference in session.scalars(select(Reference).order_by(Reference.id)):
        versions = reference.versions
        summaries.append(
            ReferenceSummary(
                id=reference.id,
                url=reference.url,
                title=reference.title,
                publisher=reference.publisher,
                language=reference.language,
                versions=tuple(
                    VersionView(
                        v.content_hash,
                        v.retrieved_at,
                        v.http_status,
                        v.final_url,
                        v is versions[-1],
                    )  # fmt: skip
                    for v in versions
                ),
            )
        )
    return summaries


def archived_responses(session: Session) -> list[ArchivedResponse]:
    responses = []
    for version in session.scalars(select(ReferenceVersion).order_by(ReferenceVersion.id)):
        responses.append(
            ArchivedResponse(
                url=version.final_url or version.reference.url or f"urn:workbench:{version.id}",
                retrieved_at=version.retrieved_at,
                status=version.http_status or 200,
                headers={k: str(v) for k, v in (version.headers or {}).items()},
                sha256=version.content_hash,
            )
        )
    return responses


# re-anchoring outcomes a reviewer has to look at: the pinned words are gone or reworded
FLAGGED_OUTCOMES = ("lost", "changed_text")


@dataclass(frozen=True)
class FlaggedEvidence:
    """Evidence a re-fetch could not follow to the same words, with the archived text it was
    pinned to: `before + quote + after` is the passage of the version the reviewer pinned."""

    evidence_id: int
    claim_id: int
    claim_text: str
    reference_id: int
    stance: str
    outcome: str
    quote: str
    before: str
    after: str
    page: int | None
    pinned_sha256: str
    pinned_retrieved_at: dt.datetime
    # for changed text, the words now where the quote was (in the latest version); else None
    now_reads: str | None
    added_by: str | None


def flagged_evidence(session: Session) -> list[FlaggedEvidence]:
    """Evidence whose latest re-anchoring was lost or changed text, by reference, oldest first."""
    evidence = session.scalars(
        select(Evidence)
        .join(Passage, Evidence.passage_id == Passage.id)
        .where(Evidence.anchor_status.in_(FLAGGED_OUTCOMES))
        .options(selectinload(Evidence.claim))
        .order_by(Passage.reference_id, Evidence.id)
    ).all()
    latest: dict[int, EvidenceAnchor] = {}
    if evidence:
        anchors = session.scalars(
            select(EvidenceAnchor)
            .where(EvidenceAnchor.evidence_id.in_([item.id for item in evidence]))
            .order_by(EvidenceAnchor.id)
        )
        latest = {anchor.evidence_id: anchor for anchor in anchors}
    return [_flagged_view(session, item, latest.get(item.id)) for item in evidence]


def _flagged_view(
    session: Session, evidence: Evidence, anchor: EvidenceAnchor | None
) -> FlaggedEvidence:
    passage = evidence.passage
    quote = evidence.quote_exact
    offset = evidence.position_start - passage.start_offset
    if passage.text[offset : offset + len(quote)] == quote:
        before, after = passage.text[:offset], passage.text[offset + len(quote) :]
    else:  # offsets that no longer fit the passage: show the quote on its own, not a wrong cut
        before, after = "", ""
    now_reads = None
    if (
        evidence.anchor_status == "changed_text"
        and anchor is not None
        and anchor.position_start is not None
        and anchor.position_end is not None
    ):
        version = session.get(ReferenceVersion, anchor.version_id)
        if version is not None:
            now_reads = version.text[anchor.position_start : anchor.position_end]
    return FlaggedEvidence(
        evidence_id=evidence.id,
        claim_id=evidence.claim_id,
        claim_text=evidence.claim.text,
        reference_id=passage.reference_id,
        stance=evidence.stance,
        outcome=evidence.anchor_status,
        quote=quote,
        before=before,
        after=after,
        page=passage.page,
        pinned_sha256=passage.version.content_hash,
        pinned_retrieved_at=passage.version.retrieved_at,
        now_reads=now_reads,
        added_by=evidence.added_by.name if evidence.added_by else None,
    )
