"""The newsroom's records as typed SQLAlchemy 2 models: articles, claims, sources and verdicts."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from workbench.ratings import RATING_SCALE

# Named constraints let Alembic find, alter and drop them later (SQLite batch mode needs names).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite keeps no zone of its own)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; Workbench stores aware UTC datetimes only")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


# JSONB on PostgreSQL: comparable, so DISTINCT and indexes work on rows that carry JSON
JSONDocument = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: UTCDateTime, dt.date: Date, dict[str, Any]: JSONDocument}


class SourceKind(StrEnum):
    NEWS_OUTLET = "news_outlet"
    COURT_FILING = "court_filing"
    SWORN_STATEMENT = "sworn_statement"
    OFFICIAL_DOCUMENT = "official_document"
    PERSON = "person"
    ORGANISATION = "organisation"
    ANONYMOUS = "anonymous"
    SOCIAL_POST = "social_post"
    OTHER = "other"


class AttributionKind(StrEnum):
    REPORTED = "reported"
    DIRECT_QUOTE = "direct_quote"
    ANONYMOUS = "anonymous"
    DOCUMENT = "document"


class Stance(StrEnum):
    SUPPORTS = "supports"
    REFUTES = "refutes"
    CONTEXT = "context"


class ReviewStatus(StrEnum):
    NEEDS_REVIEW = "needs_review"
    REVIEWED = "reviewed"
    # reviewers' current verdicts differ: an editor has to settle it
    DISPUTED = "disputed"


class ClaimOrigin(StrEnum):
    BODY = "body"
    CAPTION = "caption"
    HEADLINE = "headline"
    # a claim from a claims file (CSV/JSON/ClaimReview) rather than from an article's text
    CLAIMS_FILE = "claims_file"
    MANUAL = "manual"


def _enum_check(column: str, enum: type[StrEnum]) -> CheckConstraint:
    values = ", ".join(f"'{member.value}'" for member in enum)
    return CheckConstraint(f"{column} IN ({values})", name=f"{column}_valid")


class Reviewer(Base):
    __tablename__ = "reviewer"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    email: Mapped[str | None] = mapped_column(String(320))
    # "reviewer" or "editor"; the team mode enforces roles in the services
    role: Mapped[str] = mapped_column(String(20), default="reviewer")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Source(Base):
    """Who or what a claim rests on: an outlet, a filing, a person, an anonymous circle."""

    __tablename__ = "source"
    __table_args__ = (
        UniqueConstraint("name", "kind", name="uq_source_name_kind"),
        _enum_check("kind", SourceKind),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(30))
    url: Mapped[str | None] = mapped_column(String(2000))
    description: Mapped[str | None] = mapped_column(Text)
    aliases: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    published: Mapped[dt.date | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    cites: Mapped[list[SourceLink]] = relationship(
        foreign_keys="SourceLink.citing_source_id", back_populates="citing", lazy="selectin"
    )
    cited_by: Mapped[list[SourceLink]] = relationship(
        foreign_keys="SourceLink.cited_source_id", back_populates="cited", lazy="selectin"
    )


class SourceLink(Base):
    """A provenance edge: the citing source took something from the cited one."""

    __tablename__ = "source_link"
    __table_args__ = (
        UniqueConstraint("citing_source_id", "cited_source_id", name="uq_source_link_pair"),
        CheckConstraint("citing_source_id <> cited_source_id", name="not_self"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    citing_source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"))
    cited_source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    citing: Mapped[Source] = relationship(foreign_keys=[citing_source_id], back_populates="cites")
    cited: Mapped[Source] = relationship(foreign_keys=[cited_source_id], back_populates="cited_by")


class Article(Base):
    __tablename__ = "article"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(String(1000))
    outlet: Mapped[str | None] = mapped_column(String(300))
    author: Mapped[str | None] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(8))
    published: Mapped[dt.date | None]
    republished: Mapped[dt.date | None]
    # the body as analysed: furniture stripped; claim spans index into it
    text: Mapped[str] = mapped_column(Text)
    captions: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    # SHA-256 of the body text: importing the same article twice is a no-op
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # the outlet as a Source, so a claim's trace starts at the article's publisher
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id", ondelete="SET NULL"))
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    source: Mapped[Source | None] = relationship()
    claims: Mapped[list[Claim]] = relationship(back_populates="article", order_by="Claim.id")


class Claim(Base):
    __tablename__ = "claim"
    __table_args__ = (
        _enum_check("origin", ClaimOrigin),
        _enum_check("review_status", ReviewStatus),
        CheckConstraint(
            "(span_start IS NULL AND span_end IS NULL) OR (span_start >= 0 AND span_end > span_start)",
            name="span_valid",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    gloss_en: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int | None]
    span_end: Mapped[int | None]
    check_worthiness: Mapped[float] = mapped_column(Float, default=0.0)
    check_worthiness_reasons: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    origin: Mapped[str] = mapped_column(String(20), default=ClaimOrigin.BODY.value)
    review_status: Mapped[str] = mapped_column(
        String(20), default=ReviewStatus.NEEDS_REVIEW.value, index=True
    )
    # bumped by every review action; a save made against an older version is refused
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    article: Mapped[Article | None] = relationship(back_populates="claims")
    attributions: Mapped[list[Attribution]] = relationship(
        back_populates="claim", order_by="Attribution.span_start", cascade="all, delete-orphan"
    )
    verdicts: Mapped[list[Verdict]] = relationship(
        back_populates="claim", order_by="Verdict.id", cascade="all, delete-orphan"
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="claim", order_by="Evidence.id", cascade="all, delete-orphan"
    )

    # we bump `version` ourselves; SQLAlchemy adds "WHERE version = <read value>" to the UPDATE
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}


class Attribution(Base):
    __tablename__ = "attribution"
    __table_args__ = (_enum_check("kind", AttributionKind),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="RESTRICT"))
    phrase: Mapped[str] = mapped_column(Text)
    # offsets into the article text; NULL for claims that came without an article
    span_start: Mapped[int | None]
    span_end: Mapped[int | None]
    kind: Mapped[str] = mapped_column(String(20))
    speaker: Mapped[str | None] = mapped_column(String(300))
    # a reviewer confirmed (or corrected) which source the phrase refers to
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("reviewer.id"))

    claim: Mapped[Claim] = relationship(back_populates="attributions")
    source: Mapped[Source] = relationship(lazy="joined")
    confirmed_by: Mapped[Reviewer | None] = relationship()


class Reference(Base):
    """A document a reviewer checks claims against; text and hash are of its current version."""

    __tablename__ = "reference"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(String(1000))
    publisher: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[dt.date | None]
    language: Mapped[str | None] = mapped_column(String(8))
    retrieved_at: Mapped[dt.datetime | None]
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text)
    # the Source this document is a record of (e.g. the FT report), if known
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    source: Mapped[Source | None] = relationship()
    versions: Mapped[list[ReferenceVersion]] = relationship(
        back_populates="reference", order_by="ReferenceVersion.id", cascade="all, delete-orphan"
    )

    @property
    def current_version(self) -> ReferenceVersion | None:
        return self.versions[-1] if self.versions else None

    @property
    def passages(self) -> list[Passage]:
        """The passages of the current version."""
        current = self.current_version
        return list(current.passages) if current else []


class ReferenceVersion(Base):
    """One retrieval of a reference; versions are only ever added, never replaced."""

    __tablename__ = "reference_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference_id: Mapped[int] = mapped_column(ForeignKey("reference.id", ondelete="CASCADE"))
    content_hash: Mapped[str] = mapped_column(String(64))
    retrieved_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    final_url: Mapped[str | None] = mapped_column(String(2000))
    http_status: Mapped[int | None]
    headers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    text: Mapped[str] = mapped_column(Text)

    reference: Mapped[Reference] = relationship(back_populates="versions")
    passages: Mapped[list[Passage]] = relationship(
        back_populates="version", order_by="Passage.position", cascade="all, delete-orphan"
    )


class Passage(Base):
    __tablename__ = "passage"
    __table_args__ = (
        UniqueConstraint("version_id", "position", name="uq_passage_position"),
        CheckConstraint("start_offset >= 0 AND end_offset > start_offset", name="offsets_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference_id: Mapped[int] = mapped_column(
        ForeignKey("reference.id", ondelete="CASCADE"), index=True
    )
    # passages belong to one retrieved version; old versions keep theirs for pinned evidence
    version_id: Mapped[int] = mapped_column(
        ForeignKey("reference_version.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    start_offset: Mapped[int]
    end_offset: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    page: Mapped[int | None]

    reference: Mapped[Reference] = relationship()
    version: Mapped[ReferenceVersion] = relationship(back_populates="passages")


class Evidence(Base):
    """A pinned span of a passage, linked to a claim with a stance (W3C Web Annotation selectors)."""

    __tablename__ = "evidence"
    __table_args__ = (_enum_check("stance", Stance),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    passage_id: Mapped[int] = mapped_column(ForeignKey("passage.id", ondelete="RESTRICT"))
    stance: Mapped[str] = mapped_column(String(20))
    # TextQuoteSelector
    quote_exact: Mapped[str] = mapped_column(Text)
    quote_prefix: Mapped[str] = mapped_column(Text, default="")
    quote_suffix: Mapped[str] = mapped_column(Text, default="")
    # TextPositionSelector, offsets into the reference text
    position_start: Mapped[int]
    position_end: Mapped[int]
    match_score: Mapped[float | None]
    note: Mapped[str | None] = mapped_column(Text)
    # same_place / moved / changed_text / lost after a re-fetch of the reference
    anchor_status: Mapped[str] = mapped_column(String(20), default="same_place")
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("reviewer.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="evidence")
    passage: Mapped[Passage] = relationship(lazy="joined")
    added_by: Mapped[Reviewer | None] = relationship(lazy="joined")


class EvidenceAnchor(Base):
    """Where a piece of evidence landed in one version of its reference (kept for every version)."""

    __tablename__ = "evidence_anchor"
    __table_args__ = (
        CheckConstraint(
            "outcome IN ('same_place', 'moved', 'changed_text', 'lost')", name="outcome_valid"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence.id", ondelete="CASCADE"), index=True
    )
    version_id: Mapped[int] = mapped_column(ForeignKey("reference_version.id", ondelete="CASCADE"))
    outcome: Mapped[str] = mapped_column(String(20))
    position_start: Mapped[int | None]
    position_end: Mapped[int | None]
    score: Mapped[float | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Verdict(Base):
    """Append-only: a claim's current verdict is its latest; earlier ones stay as history."""

    __tablename__ = "verdict"
    __table_args__ = (
        CheckConstraint(
            "rating IN (" + ", ".join(f"'{rating.key}'" for rating in RATING_SCALE) + ")",
            name="rating_valid",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("reviewer.id", ondelete="RESTRICT"))
    rating: Mapped[str] = mapped_column(String(30))
    explanation: Mapped[str] = mapped_column(Text)
    # the claim version the reviewer was looking at when they decided
    claim_version: Mapped[int]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="verdicts")
    reviewer: Mapped[Reviewer] = relationship(lazy="joined")
