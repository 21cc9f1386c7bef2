"""Sources and the provenance links between them: finding, creating and citing."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import InvalidInputError, NotFoundError
from workbench.models import Attribution, Claim, Reviewer, Source, SourceKind, SourceLink

# Sources of these kinds are named generically in articles ("Gerichtsakten", "people familiar
# with the matter"): the same words in two articles are usually two different sources.
ARTICLE_LOCAL_KINDS = frozenset(
    {
        SourceKind.ANONYMOUS,
        SourceKind.COURT_FILING,
        SourceKind.OFFICIAL_DOCUMENT,
        SourceKind.SWORN_STATEMENT,
    }
)
FUZZY_NAME_THRESHOLD = 92


def _names(source: Source) -> list[str]:
    return [source.name, *(source.aliases or [])]


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def find_source(session: Session, name: str, kind: str | None = None) -> Source | None:
    """A shared source by name or alias: exact (case-insensitive) first, then fuzzy."""
    query = select(Source).order_by(Source.id)
    if kind is not None:
        query = query.where(Source.kind == kind)
    candidates = [s for s in session.scalars(query) if s.kind not in ARTICLE_LOCAL_KINDS]
    wanted = _fold(name)
    for source in candidates:
        if any(_fold(alias) == wanted for alias in _names(source)):
            return source
    best: tuple[float, Source] | None = None
    for source in candidates:
        score = max(fuzz.ratio(wanted, _fold(alias)) for alias in _names(source))
        if score >= FUZZY_NAME_THRESHOLD and (best is None or score > best[0]):
            best = (score, source)
    return best[1] if best else None


def create_source(
    session: Session,
    *,
    name: str,
    kind: str,
    url: str | None = None,
    aliases: Iterable[str] = (),
    description: str | None = None,
) -> Source:
    if kind not in {k.value for k in SourceKind}:
        raise InvalidInputError(f"Unknown source kind {kind!r}.")
    name = " ".join(name.split())
    existing = session.scalar(select(Source).where(Source.name == name, Source.kind == kind))
    if existing is not None and kind not in ARTICLE_LOCAL_KINDS:
        return existing
    if existing is not None:
        # an article-local source with a name already taken: keep both, tell them apart
        suffix = 2
        while session.scalar(
            select(Source.id).where(Source.name == f"{name} ({suffix})", Source.kind == kind)
        ):
            suffix += 1
        aliases = [name, *aliases]
        name = f"{name} ({suffix})"
    source = Source(
        name=name, kind=kind, url=url, aliases=list(dict.fromkeys(aliases)), description=description
    )
    session.add(source)
    session.flush()
    return source


def find_or_create_source(
    session: Session, *, name: str, kind: str, url: str | None = None
) -> Source:
    if kind not in ARTICLE_LOCAL_KINDS:
        found = find_source(session, name, kind)
        if found is not None:
            return found
    return create_source(session, name=name, kind=kind, url=url)


def link_sources(
    session: Session, citing: Source, cited: Source, note: str | None = None
) -> SourceLink | None:
    """Record that `citing` took something from `cited`; returns None if already recorded."""
    if citing.id == cited.id:
        return None
    existing = session.scalar(
        select(SourceLink).where(
            SourceLink.citing_source_id == citing.id, SourceLink.cited_source_id == cited.id
        )
    )
    if existing is not None:
        return None
    link = SourceLink(citing=citing, cited=cited, note=note)
    session.add(link)
    session.flush()
    return link


def list_sources(session: Session) -> list[Source]:
    return list(session.scalars(select(Source).order_by(Source.kind, Source.name)))


def confirm_attribution(
    session: Session, attribution_id: int, reviewer: Reviewer, source_id: int | None = None
) -> Attribution:
    """A reviewer confirms which source an attribution phrase means, or corrects it.

    Correcting also records the provenance edge publisher -> new source, so the trace follows.
    """
    attribution = session.get(Attribution, attribution_id)
    if attribution is None:
        raise NotFoundError(f"There is no attribution {attribution_id}.")
    if source_id is not None and source_id != attribution.source_id:
        source = session.get(Source, source_id)
        if source is None:
            raise NotFoundError(f"There is no source {source_id}.")
        previous = attribution.source
        attribution.source = source
        session.flush()
        article = attribution.claim.article
        if article is not None and article.source is not None:
            link_sources(session, article.source, source, note=attribution.phrase)
            _drop_unused_link(session, article.source, previous)
    attribution.confirmed_by_id = reviewer.id
    session.flush()
    return attribution


def _drop_unused_link(session: Session, publisher: Source, cited: Source) -> None:
    """After a correction, the publisher -> old source edge goes if no attribution needs it."""
    still_used = session.scalar(
        select(Attribution.id)
        .join(Attribution.claim)
        .where(Attribution.source_id == cited.id, Claim.article.has(source_id=publisher.id))
        .limit(1)
    )
    if still_used is None:
        link = session.scalar(
            select(SourceLink).where(
                SourceLink.citing_source_id == publisher.id, SourceLink.cited_source_id == cited.id
            )
        )
        if link is not None:
            session.delete(link)
            session.flush()
