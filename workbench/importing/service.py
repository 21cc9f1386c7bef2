"""The claim import: detect a source's format, analyse it, and write claims in one transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from workbench.errors import WorkbenchError
from workbench.importing.analysis import ArticleAnalysis, analyse_article, analyse_text
from workbench.importing.claimfiles import MalformedFileError, read_csv, read_json
from workbench.importing.claimreview import is_claimreview, read_claimreview
from workbench.importing.language import detect_language
from workbench.models import (
    Article,
    Attribution,
    AttributionKind,
    Claim,
    ClaimOrigin,
    Reviewer,
    Source,
    SourceKind,
)
from workbench.review import get_or_create_reviewer, record_verdict
from workbench.sources import find_or_create_source, link_sources

FORMATS = ("text", "html", "csv", "json", "claimreview", "url")
MAX_FILE_BYTES = 20_000_000
# an article page is small; a slow or endless server must not hold an import for long
URL_TIMEOUT_SECONDS = 20.0
URL_MAX_BYTES = 10_000_000


@dataclass(frozen=True)
class ArticleMeta:
    """What the caller knows about an article beyond its text (CLI options, seed data)."""

    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    language: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True)
class ImportResult:
    name: str
    format: str
    article_ids: tuple[int, ...]
    claims_added: int
    attributions_added: int
    already_imported: bool = False

    def describe(self) -> str:
        if self.already_imported:
            ids = ", ".join(str(i) for i in self.article_ids)
            return f"{self.name}: already imported (article {ids}); nothing changed"
        articles = ", ".join(str(i) for i in self.article_ids) or "none"
        return (
            f"{self.name}: {self.claims_added} claims, {self.attributions_added} attributions "
            f"({self.format}; article {articles})"
        )


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_hash(text: str, outlet: str | None) -> str:
    """The same text from the same outlet is the same article; a syndicated copy from another
    outlet is a second article (and a second outlet resting on the same source)."""
    return content_hash(f"{(outlet or '').casefold().strip()}\n{text}")


def _decode(name: str, data: bytes) -> str:
    if not data.strip():
        raise MalformedFileError(name, "the file is empty")
    if b"\x00" in data[:8192]:
        raise MalformedFileError(name, "this is a binary file, not text, HTML, CSV or JSON")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise MalformedFileError(name, "the file is not UTF-8 text", line) from None


def detect_format(name: str, text: str) -> str:
    """The format by extension, confirmed or overridden by a look at the content."""
    suffix = Path(name).suffix.lower()
    head = text.lstrip()[:2000].lower()
    if suffix in {".txt", ".md", ".markdown", ".text"}:
        # an article may well start with "[Home](...)": the extension says what it is
        return "text"
    if head.startswith(("{", "[")):
        try:
            if is_claimreview(json.loads(text)):
                return "claimreview"
        except json.JSONDecodeError:
            pass
        return "json"
    if suffix in {".json", ".jsonl", ".jsonld", ".ndjson"}:
        return "json"
    if suffix in {".html", ".htm", ".xhtml"} or head.startswith(("<!doctype html", "<html")):
        return "html"
    if suffix in {".csv", ".tsv"}:
        return "csv"
    return "text"


class ArticleWriter:
    """Writes one analysed article: the article, its claims, their sources and attributions."""

    def __init__(self, session: Session):
        self.session = session

    def existing(self, text: str, outlet: str | None) -> Article | None:
        return self.session.scalar(
            select(Article).where(Article.content_hash == article_hash(text, outlet))
        )

    def write(self, analysis: ArticleAnalysis, meta: ArticleMeta) -> tuple[Article, int, int]:
        cleaned = analysis.article
        publisher = None
        outlet = meta.outlet
        if outlet:
            publisher = find_or_create_source(
                self.session, name=outlet, kind=SourceKind.NEWS_OUTLET.value, url=meta.url
            )
        article = Article(
            url=meta.url,
            title=meta.title or cleaned.title,
            outlet=outlet,
            author=meta.author or cleaned.author,
            language=meta.language or cleaned.language,
            published=meta.published or cleaned.published,
            republished=cleaned.republished,
            text=cleaned.text,
            captions=list(cleaned.captions),
            content_hash=article_hash(cleaned.text, outlet),
            source=publisher,
        )
        self.session.add(article)
        self.session.flush()
        # within one article, one name is one source ("Gerichtsakten" then "den Dokumenten")
        sources: dict[tuple[str, str], Source] = {}
        attributions = 0
        for detected in analysis.claims:
            claim = Claim(
                article=article,
                text=detected.text,
                language=detected.language,
                span_start=detected.start,
                span_end=detected.end,
                check_worthiness=detected.score,
                check_worthiness_reasons=list(detected.reasons),
                origin=ClaimOrigin.BODY.value,
            )
            self.session.add(claim)
            for found in detected.attributions:
                key = (found.source_name.casefold(), found.source_kind)
                if key not in sources:
                    sources[key] = find_or_create_source(
                        self.session, name=found.source_name, kind=found.source_kind
                    )
                source = sources[key]
                claim.attributions.append(
                    Attribution(
                        source=source,
                        phrase=found.phrase,
                        span_start=found.start,
                        span_end=found.end,
                        kind=found.kind,
                        speaker=found.speaker,
                    )
                )
                attributions += 1
                if publisher is not None:
                    link_sources(self.session, publisher, source, note=found.phrase)
        self.session.flush()
        return article, len(analysis.claims), attributions


def import_article_text(
    session: Session, name: str, raw: str, meta: ArticleMeta, *, already_clean: bool = False
) -> ImportResult:
    analyse = analyse_text if already_clean else analyse_article
    analysis = analyse(raw, language=meta.language)
    if not analysis.article.text.strip():
        raise MalformedFileError(name, "no article text left after removing page furniture")
    writer = ArticleWriter(session)
    existing = writer.existing(analysis.article.text, meta.outlet)
    if existing is not None:
        return ImportResult(name, "text", (existing.id,), 0, 0, already_imported=True)
    article, claims, attributions = writer.write(analysis, meta)
    return ImportResult(name, "text", (article.id,), claims, attributions)


def _claims_file_article(
    session: Session, rows_text: list[str], url: str | None, title: str | None, language: str
) -> tuple[Article, bool]:
    text = "\n\n".join(rows_text)
    digest = content_hash(f"{url or ''}\n{title or ''}\n{text}")
    existing = session.scalar(select(Article).where(Article.content_hash == digest))
    if existing is not None:
        return existing, False
    article = Article(url=url, title=title, language=language, text=text, content_hash=digest)
    session.add(article)
    session.flush()
    return article, True


def import_claim_rows(session: Session, name: str, text: str, fmt: str) -> ImportResult:
    rows = read_csv(name, text) if fmt == "csv" else read_json(name, text)
    groups: dict[tuple[str | None, str | None], list] = {}
    for row in rows:
        groups.setdefault((row.url, row.article_title), []).append(row)
    article_ids: list[int] = []
    claims_added = attributions_added = 0
    new_articles = 0
    sources: dict[tuple[str, str], Source] = {}
    for (url, title), group in groups.items():
        language = group[0].language or detect_language(" ".join(r.text for r in group))
        article, created = _claims_file_article(
            session, [r.text for r in group], url, title, language
        )
        article_ids.append(article.id)
        if not created:
            continue
        new_articles += 1
        offset = 0
        for row in group:
            claim = Claim(
                article=article,
                text=row.text,
                language=row.language or language,
                gloss_en=row.gloss_en,
                span_start=offset,
                span_end=offset + len(row.text),
                origin=ClaimOrigin.CLAIMS_FILE.value,
                check_worthiness=1.0,
                check_worthiness_reasons=[f"listed in {Path(name).name}, line {row.line}"],
            )
            offset += len(row.text) + 2
            session.add(claim)
            claims_added += 1
            if row.source:
                kind = row.source_kind or SourceKind.OTHER.value
                key = (row.source.casefold(), kind)
                if key not in sources:
                    sources[key] = find_or_create_source(session, name=row.source, kind=kind)
                source = sources[key]
                claim.attributions.append(
                    Attribution(
                        source=source,
                        phrase=row.attribution or row.source,
                        kind=row.attribution_kind or AttributionKind.REPORTED.value,
                    )
                )
                attributions_added += 1
    session.flush()
    return ImportResult(
        name, fmt, tuple(article_ids), claims_added, attributions_added, new_articles == 0
    )


def import_claimreviews(session: Session, name: str, text: str) -> ImportResult:
    records = read_claimreview(name, text)
    article_ids: list[int] = []
    claims_added = attributions_added = 0
    for record in records:
        language = record.language or detect_language(record.claim_text)
        article, created = _claims_file_article(
            session, [record.claim_text], record.appearance_url, record.appearance_title, language
        )
        article_ids.append(article.id)
        if not created:
            continue
        article.published = record.claim_date
        claim = Claim(
            article=article,
            text=record.claim_text,
            language=language,
            span_start=0,
            span_end=len(record.claim_text),
            origin=ClaimOrigin.CLAIMS_FILE.value,
            check_worthiness=1.0,
            check_worthiness_reasons=[f"fact-checked before by {record.fact_checker}"],
        )
        session.add(claim)
        session.flush()
        claims_added += 1
        if record.claimant:
            source = find_or_create_source(session, name=record.claimant, kind=record.claimant_kind)
            claim.attributions.append(
                Attribution(source=source, phrase=record.claimant, kind="reported")
            )
            attributions_added += 1
        if record.rating:
            # another newsroom's verdict: recorded through the same service as ours (so any
            # permission or audit check applies), by a reviewer marked as external
            known = session.scalar(select(Reviewer).where(Reviewer.name == record.fact_checker))
            checker = known or get_or_create_reviewer(session, record.fact_checker)
            if known is None:
                checker.role = "external"
                session.flush()
            words = f" ({record.rating_text})" if record.rating_text else ""
            link = f" {record.review_url}" if record.review_url else ""
            at = (
                dt.datetime.combine(record.review_date, dt.time(), tzinfo=dt.UTC)
                if record.review_date
                else None
            )
            record_verdict(
                session,
                claim_id=claim.id,
                reviewer=checker,
                rating=record.rating,
                explanation=f"Imported ClaimReview by {record.fact_checker}{words}.{link}",
                seen_version=claim.version,
                at=at,
            )
    session.flush()
    return ImportResult(
        name, "claimreview", tuple(article_ids), claims_added, attributions_added, claims_added == 0
    )


def import_html(session: Session, name: str, html: bytes, meta: ArticleMeta) -> ImportResult:
    from workbench.references.extract import extract

    document = extract(html, "text/html", url=meta.url)
    meta = ArticleMeta(
        url=meta.url,
        outlet=meta.outlet or document.publisher,
        title=meta.title or document.title,
        author=meta.author or document.author,
        language=meta.language or document.language,
        published=meta.published or document.published,
    )
    # the extractor drops navigation and boilerplate; captions and credits can remain
    result = import_article_text(session, name, document.text, meta)
    return ImportResult(
        name,
        "html",
        result.article_ids,
        result.claims_added,
        result.attributions_added,
        result.already_imported,
    )


def import_url(session: Session, url: str, meta: ArticleMeta) -> ImportResult:
    from workbench.references.fetch import FetchSettings, fetch

    settings = FetchSettings(
        timeout_read=URL_TIMEOUT_SECONDS, deadline=URL_TIMEOUT_SECONDS * 2, max_bytes=URL_MAX_BYTES
    )
    document = fetch(url, settings=settings)
    meta = ArticleMeta(
        url=document.final_url or url,
        outlet=meta.outlet,
        title=meta.title,
        author=meta.author,
        language=meta.language,
        published=meta.published,
    )
    if document.media_type == "text/html":
        result = import_html(session, url, document.content, meta)
    elif document.media_type == "text/plain":
        text = document.content.decode(document.encoding or "utf-8", errors="replace")
        result = import_article_text(session, url, text, meta)
    else:
        raise WorkbenchError(
            f"{url}: {document.media_type} is not an article Workbench can import; "
            "add it as a reference instead"
        )
    return ImportResult(
        url,
        "url",
        result.article_ids,
        result.claims_added,
        result.attributions_added,
        result.already_imported,
    )


def import_source(
    session: Session, source: str, *, fmt: str | None = None, meta: ArticleMeta | None = None
) -> ImportResult:
    """Import one file or URL. The caller owns the transaction: on error, roll it back."""
    meta = meta or ArticleMeta()
    if fmt is not None and fmt not in FORMATS:
        raise WorkbenchError(f"Unknown format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    if fmt == "url" or (fmt is None and source.startswith(("http://", "https://"))):
        return import_url(session, source, meta)
    path = Path(source)
    if not path.is_file():
        raise WorkbenchError(f"{source}: no such file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise MalformedFileError(
            source, f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB; split it first"
        )
    data = path.read_bytes()
    text = _decode(source, data)
    fmt = fmt or detect_format(source, text)
    if fmt == "html":
        return import_html(session, source, data, meta)
    if fmt in {"csv", "json"}:
        return import_claim_rows(session, source, text, fmt)
    if fmt == "claimreview":
        return import_claimreviews(session, source, text)
    return import_article_text(session, source, text, meta)


def import_many(
    session_factory, sources: Iterable[str], **options
) -> list[tuple[str, ImportResult | WorkbenchError]]:
    """Each source in its own transaction: one bad file writes nothing and stops nothing else."""
    outcomes: list[tuple[str, ImportResult | WorkbenchError]] = []
    for source in sources:
        outcomes.append((source, import_one(session_factory, source, **options)))
    return outcomes


def import_one(session_factory, source: str, **options) -> ImportResult | WorkbenchError:
    """One source, one transaction; any failure rolls it back and comes back as an error."""
    try:
        with session_factory.begin() as session:
            return import_source(session, source, **options)
    except WorkbenchError as error:
        return error
    except SQLAlchemyError as error:
        # the database refused something the checks let through: report it, keep going
        detail = str(getattr(error, "orig", error)).splitlines()[0]
        return WorkbenchError(f"{source}: the database refused this import ({detail})")
