"""Loading the seed story (seeds/): article, claims, sources, references, evidence and verdicts."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.config import SEEDS_DIR
from workbench.errors import WorkbenchError
from workbench.evidence import pin_evidence
from workbench.importing.analysis import analyse_article
from workbench.importing.service import article_hash, content_hash
from workbench.models import (
    Article,
    Attribution,
    Claim,
    ClaimOrigin,
    Passage,
    Reference,
    ReferenceVersion,
    Source,
)
from workbench.references.extract import split_passages
from workbench.review import get_or_create_reviewer, record_verdict
from workbench.sources import create_source, link_sources


class SeedDataError(WorkbenchError):
    """The seed files disagree with each other or with the article text."""


@dataclass(frozen=True)
class SeedResult:
    article_id: int
    loaded: bool
    claims: int = 0
    sources: int = 0
    references: int = 0
    evidence: int = 0
    verdicts: int = 0

    def describe(self) -> str:
        if not self.loaded:
            return f"The seed story is already loaded (article {self.article_id}); nothing changed."
        return (
            f"Loaded the seed story as article {self.article_id}: {self.claims} claims, "
            f"{self.sources} sources, {self.references} references, {self.evidence} evidence "
            f"links, {self.verdicts} verdicts."
        )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _datetime(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(dt.UTC)


def _locate(text: str, needle: str, near: int = 0, what: str = "text") -> tuple[int, int]:
    """Offsets of `needle` in `text`, choosing the occurrence nearest to `near`."""
    positions = []
    start = text.find(needle)
    while start != -1:
        positions.append(start)
        start = text.find(needle, start + 1)
    if not positions:
        raise SeedDataError(f"seed {what} not found in the article text: {needle[:80]!r}")
    best = min(positions, key=lambda p: abs(p - near))
    return best, best + len(needle)


class SeedLoader:
    def __init__(self, session: Session, seeds_dir: Path = SEEDS_DIR):
        self.session = session
        self.story: dict[str, Any] = json.loads((seeds_dir / "story.json").read_text("utf-8"))
        self.curated_claims: list[dict[str, Any]] = json.loads(
            (seeds_dir / "claims.json").read_text("utf-8")
        )
        self.raw = (seeds_dir / self.story["article"]["file"]).read_text("utf-8")
        self.sources: dict[str, Source] = {}

    def source_for(self, name: str, kind: str) -> Source:
        wanted = name.casefold()
        for source in self.sources.values():
            names = [source.name, *(source.aliases or [])]
            if any(n.casefold() == wanted for n in names) and source.kind == kind:
                return source
        for source in self.sources.values():
            if any(n.casefold() == wanted for n in [source.name, *(source.aliases or [])]):
                return source
        source = create_source(self.session, name=name, kind=kind)
        self.sources[f"auto:{name}"] = source
        return source

    def load(self) -> SeedResult:
        analysis = analyse_article(self.raw, language=self.story["article"].get("language"))
        text = analysis.article.text
        outlet = self.story["article"].get("outlet")
        existing = self.session.scalar(
            select(Article).where(Article.content_hash == article_hash(text, outlet))
        )
        if existing is not None:
            first_reference = (self.story.get("references") or [{}])[0].get("url")
            if first_reference and not self.session.scalar(
                select(Reference.id).where(Reference.url == first_reference)
            ):
                raise SeedDataError(
                    f"The seed article was already imported as a plain article ({existing.id}), "
                    "without the seed story's sources, references and verdicts. Load the seed "
                    "into a new database (e.g. WORKBENCH_DATABASE_URL=sqlite:///db/demo.sqlite3)."
                )
            return SeedResult(existing.id, loaded=False)

        for entry in self.story["sources"]:
            source = create_source(
                self.session,
                name=entry["name"],
                kind=entry["kind"],
                url=entry.get("url"),
                aliases=entry.get("aliases", []),
                description=entry.get("description"),
            )
            source.published = _date(entry.get("published"))
            self.sources[entry["key"]] = source
        for link in self.story["source_links"]:
            link_sources(
                self.session, self.sources[link["from"]], self.sources[link["to"]], link.get("note")
            )

        meta = self.story["article"]
        article = Article(
            url=meta.get("url"),
            title=meta.get("title") or analysis.article.title,
            outlet=meta.get("outlet"),
            author=meta.get("author") or analysis.article.author,
            language=meta.get("language") or analysis.article.language,
            published=_date(meta.get("published")) or analysis.article.published,
            republished=_date(meta.get("republished")) or analysis.article.republished,
            text=text,
            captions=list(analysis.article.captions),
            content_hash=article_hash(text, outlet),
            source=self.sources.get(meta.get("source", "t3n")),
        )
        self.session.add(article)

        detected = {(c.start, c.end): c for c in analysis.claims}
        claims: list[Claim] = []
        for curated in self.curated_claims:
            start, end = _locate(text, curated["quote"], what="claim")
            found = detected.get((start, end))
            claim = Claim(
                article=article,
                text=curated["quote"],
                language=article.language,
                gloss_en=curated.get("gloss"),
                span_start=start,
                span_end=end,
                check_worthiness=found.score if found else 1.0,
                check_worthiness_reasons=list(found.reasons) if found else ["curated seed claim"],
                origin=ClaimOrigin.BODY.value,
            )
            for entry in curated.get("attributions", []):
                phrase_start, phrase_end = _locate(text, entry["phrase"], near=start, what="phrase")
                claim.attributions.append(
                    Attribution(
                        source=self.source_for(entry["source_name"], entry["source_kind"]),
                        phrase=entry["phrase"],
                        span_start=phrase_start,
                        span_end=phrase_end,
                        kind=entry["kind"],
                        speaker=entry.get("speaker"),
                    )
                )
            claims.append(claim)
        for extra in self.story.get("extra_claims", []):
            claims.append(
                Claim(
                    article=article,
                    text=extra["quote"],
                    language=article.language,
                    gloss_en=extra.get("gloss"),
                    origin=extra.get("origin", ClaimOrigin.MANUAL.value),
                    check_worthiness=1.0,
                    check_worthiness_reasons=[f"curated seed claim ({extra.get('origin')})"],
                )
            )
        self.session.add_all(claims)
        self.session.flush()

        reviewers = {
            entry["name"]: get_or_create_reviewer(self.session, entry["name"], entry.get("email"))
            for entry in self.story.get("reviewers", [])
        }
        references = self._load_references()
        evidence = self._load_evidence(claims, references, reviewers)
        verdicts = 0
        for entry in sorted(self.story.get("verdicts", []), key=lambda v: v["at"]):
            claim = self._claim_by_quote(claims, entry["claim"])
            reviewer = reviewers.get(entry["reviewer"]) or get_or_create_reviewer(
                self.session, entry["reviewer"]
            )
            record_verdict(
                self.session,
                claim_id=claim.id,
                reviewer=reviewer,
                rating=entry["rating"],
                explanation=entry["explanation"],
                seen_version=claim.version,
                at=_datetime(entry["at"]),
            )
            verdicts += 1
        self.session.flush()
        return SeedResult(
            article.id,
            loaded=True,
            claims=len(claims),
            sources=len(self.sources),
            references=len(references),
            evidence=evidence,
            verdicts=verdicts,
        )

    @staticmethod
    def _claim_by_quote(claims: list[Claim], quote: str) -> Claim:
        matches = [claim for claim in claims if quote in claim.text]
        if len(matches) != 1:
            raise SeedDataError(f"seed quote matches {len(matches)} claims: {quote[:80]!r}")
        return matches[0]

    def _load_references(self) -> dict[str, Reference]:
        references: dict[str, Reference] = {}
        for entry in self.story.get("references", []):
            text = entry["text"].strip()
            retrieved_at = _datetime(entry["retrieved_at"]) if entry.get("retrieved_at") else None
            reference = Reference(
                url=entry.get("url"),
                title=entry.get("title"),
                publisher=entry.get("publisher"),
                published=_date(entry.get("published")),
                language=entry.get("language"),
                retrieved_at=retrieved_at,
                content_hash=content_hash(text),
                text=text,
                source=self.sources.get(entry.get("source") or ""),
            )
            version = ReferenceVersion(
                content_hash=reference.content_hash,
                retrieved_at=retrieved_at or dt.datetime.now(dt.UTC),
                final_url=entry.get("url"),
                text=text,
                headers={"note": "seed record written by the Workbench team"},
            )
            reference.versions.append(version)
            for passage in split_passages(text):
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
            self.session.add(reference)
            references[entry["key"]] = reference
        self.session.flush()
        return references

    def _load_evidence(
        self, claims: list[Claim], references: dict[str, Reference], reviewers: dict[str, Any]
    ) -> int:
        count = 0
        for entry in self.story.get("evidence", []):
            claim = self._claim_by_quote(claims, entry["claim"])
            reference = references[entry["reference"]]
            start = reference.text.find(entry["quote"])
            if start == -1:
                raise SeedDataError(f"evidence quote not in reference {entry['reference']}")
            end = start + len(entry["quote"])
            passage = next(
                (p for p in reference.passages if p.start_offset <= start < p.end_offset), None
            )
            if passage is None:
                raise SeedDataError(f"evidence quote outside passages of {entry['reference']}")
            pin_evidence(
                self.session, claim_id=claim.id, passage_id=passage.id, start=start, end=end,
                stance=entry["stance"], reviewer=reviewers.get(entry.get("reviewer", "")),
                note=entry.get("note"),
            )  # fmt: skip
            count += 1
        self.session.flush()
        return count


def load_seed_story(session: Session, seeds_dir: Path = SEEDS_DIR) -> SeedResult:
    """Load the seed story once; a second call finds the article and changes nothing."""
    return SeedLoader(session, seeds_dir).load()
