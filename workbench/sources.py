"""Sources and the provenance links between them: finding, creating and citing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils
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
# a suggestion needs a run of the phrase's words this close to a name or alias (0-100):
# high enough that "Musk" does not suggest "must", low enough for German case endings
# ("Gerichtsdokumenten" / "Gerichtsdokumente") and typos ("Finacial Times")
SUGGESTION_THRESHOLD = 85


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


@dataclass(frozen=True)
class SourceSuggestion:
    """A source an attribution phrase may mean, and the name or alias that made it likely."""

    source_id: int
    name: str
    kind: str
    score: float
    matched: str


def _word_runs(words: list[str], longest: int) -> list[str]:
    return [
        " ".join(words[start : start + size])
        for size in range(1, min(longest, len(words)) + 1)
        for start in range(len(words) - size + 1)
    ]


def suggest_sources(session: Session, phrase: str, limit: int = 5) -> list[SourceSuggestion]:
    """The sources whose name or an alias appears in `phrase`, closest first.

    Names are compared with runs of whole words of the phrase, so "laut einem Bericht der
    Financial Times" finds "Financial Times" and a short alias ("AP") never matches inside a
    longer word ("Kapital"). Sources of every kind are suggested; the reviewer decides.
    """
    words = utils.default_process(phrase).split()
    if not words or limit <= 0:
        return []
    suggestions: list[SourceSuggestion] = []
    for source in session.scalars(select(Source).order_by(Source.id)):
        best: tuple[float, str] | None = None
        for alias in dict.fromkeys(_names(source)):
            wanted = utils.default_process(alias)
            if not wanted:
                continue
            # a word more than the alias has: "Gerichts-Akten" is two words once hyphens go
            runs = _word_runs(words, len(wanted.split()) + 1)
            found = process.extractOne(wanted, runs, scorer=fuzz.ratio, processor=None)
            if found is not None and (best is None or found[1] > best[0]):
                best = (found[1], alias)
        if best is not None and best[0] >= SUGGESTION_THRESHOLD:
            suggestions.append(
                SourceSuggestion(source.id, source.name, source.kind, best[0], best[1])
            )
    suggestions.sort(key=lambda s: (-s.score, _fold(s.name), s.source_id))
    return suggestions[:limit]


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
    attribution.confirmed_by = reviewer
    session.flush()
    return attribution


def attribute_to_new_source(
    session: Session, attribution_id: int, reviewer: Reviewer, *, name: str, kind: str
) -> Attribution:
    """A reviewer says the phrase means a source not in the database yet: add it, link it.

    A shared source of that name and kind that already exists is used rather than doubled.
    """
    if not " ".join(name.split()):
        raise InvalidInputError("A new source needs a name.")
    source = create_source(session, name=name, kind=kind)
    return confirm_attribution(session, attribution_id, reviewer, source_id=source.id)


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
