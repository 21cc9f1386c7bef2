"""Matching claims against the database: evidence candidates and "checked before?".

One ``MatchingIndexes`` per process holds two lexical indexes, over the passages of every
reference's current version and over every claim. ``sync`` brings them up to date with the
database incrementally (new passages and claims are added, superseded or deleted ones
removed), so a reviewer adding a reference sees it matched at the next search. The indexes
are saved under ``db/`` and loaded at the next start, so a restart does not rebuild them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from workbench.evidence import pin_evidence
from workbench.matching.align import align
from workbench.matching.background import LEXICAL_RESTATEMENT, background_for
from workbench.matching.explain import Match, Mismatch
from workbench.matching.hybrid import HybridMatcher
from workbench.matching.index import IndexLoadError, LexicalIndex
from workbench.matching.normalise import NormalisedText, normalise
from workbench.matching.posts import strip_post_furniture
from workbench.matching.semantic import Embedder, semantic_available
from workbench.matching.vectors import PassageVectors
from workbench.models import Article, Claim, Evidence, Passage, Reference, ReferenceVersion
from workbench.review import current_verdict, get_claim

# unsaved changes after which a sync writes the indexes to disk again
SAVE_AFTER_CHANGES = 200
_EVIDENCE, _CLAIMS = "evidence", "claims"


# --- article-level aliases ------------------------------------------------------------------

# "Meta-Chef Mark Zuckerberg", "Tesla-Gründer Elon Musk", "OpenAI CEO Sam Altman": a role word
# that later stands in for the person ("der Meta-Chef"), so it is an alias in this article only.
_ROLE_WORDS = (
    r"Chef|Chefin|Boss|Gründer|Gründerin|Mitgründer|Mitgründerin|Vorstandschef|Vorstandschefin|"
    r"Vorsitzende|Vorsitzender|Sprecher|Sprecherin|Milliardär|Minister|Ministerin"
)
_NAME = r"(?P<name>[A-ZÄÖÜ][\wäöüß.'’-]+(?:\s+[A-ZÄÖÜ][\wäöüß'’-]+){0,2})"
_GERMAN_ROLE_RE = re.compile(rf"\b(?P<role>[A-ZÄÖÜ][\wäöüß]*-(?:{_ROLE_WORDS}))\s+{_NAME}")
_ENGLISH_ROLE_RE = re.compile(
    rf"\b(?P<role>[A-Z][\w&.]*\s+(?:CEO|chief executive|founder|co-founder|boss|chairman))\s+{_NAME}"
)


# "sein Unternehmen Meta", "his company xAI": the person the article ties an organisation to
_OWNER_RE = re.compile(
    r"\b(?P<name>[A-ZÄÖÜ][\wäöüß'’-]+)(?:\s+[a-zäöüß]+){0,2}?\s+(?:sein(?:e|em|en|er)?|his)\s+"
    r"(?:Unternehmen|Firma|Konzern|Konzerns|Start-up|company|firm|startup)\s+"
    r"(?P<org>[A-Z][\w&-]*)"
)
_ROLE_OF_ORG = ("{org}-Chef", "{org}-Chefin", "{org}-Boss", "CEO von {org}", "Chef von {org}",
                "Chefin von {org}", "{org} CEO", "{org}'s CEO", "{org}’s CEO",
                "chief executive of {org}", "{org}'s chief executive")  # fmt: skip


def article_aliases(text: str) -> dict[str, str]:
    """Role words that the article uses for a named person, mapped to the person's surname.

    Only what the article itself says: "Meta-Chef Mark Zuckerberg" makes "Meta-Chef" an alias
    of Zuckerberg, and so does "Zuckerberg und sein Unternehmen Meta" for "der Meta-Chef" or
    "der CEO von Meta" elsewhere in the same article.
    """
    aliases: dict[str, str] = {}
    for pattern in (_GERMAN_ROLE_RE, _ENGLISH_ROLE_RE):
        for match in pattern.finditer(text):
            surname = match.group("name").split()[-1]
            role = match.group("role")
            if surname.lower() != role.lower() and role not in aliases:
                aliases[role] = surname.lower()
    owners: dict[str, set[str]] = {}
    for match in _OWNER_RE.finditer(text):
        owners.setdefault(match.group("org"), set()).add(match.group("name").lower())
    for org, names in owners.items():
        if len(names) != 1:  # two people "own" the same organisation: say nothing
            continue
        (name,) = names
        for template in _ROLE_OF_ORG:
            role = template.format(org=org)
            if role in text:
                aliases.setdefault(role, name)
    return aliases


def claim_context(claim: Claim) -> tuple[dt.date | None, dict[str, str]]:
    """The date that anchors the claim's relative dates, and its article's aliases."""
    article = claim.article
    if article is None:
        return None, {}
    return article.published or article.republished, article_aliases(article.text)


# --- what the app and the CLI show ------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceCandidate:
    """A passage that may support or refute a claim, with the span that matched it."""

    passage_id: int
    reference_id: int
    reference_title: str | None
    reference_url: str | None
    page: int | None
    passage_text: str
    rank: int
    score: float
    matched: dict[str, list[str]]
    mismatches: list[Mismatch]
    # the matched span, in the passage and in its version's text (what pin_evidence takes)
    span_in_passage: tuple[int, int]
    span_in_reference: tuple[int, int]
    already_linked: bool

    def as_json(self) -> dict:
        return {
            "passage_id": self.passage_id,
            "reference_id": self.reference_id,
            "reference_title": self.reference_title,
            "reference_url": self.reference_url,
            "page": self.page,
            "rank": self.rank,
            "score": self.score,
            "text": self.passage_text,
            "span": list(self.span_in_reference),
            "exact": self.passage_text[self.span_in_passage[0] : self.span_in_passage[1]],
            "matched": self.matched,
            "mismatches": [
                {"field": m.field, "claim_value": m.claim_value, "evidence_value": m.evidence_value}
                for m in self.mismatches
            ],
            "already_linked": self.already_linked,
        }


@dataclass(frozen=True)
class SimilarClaim:
    """A claim from another article that says much the same, with its current verdict."""

    claim_id: int
    text: str
    article_id: int | None
    article_title: str | None
    outlet: str | None
    score: float
    matched: dict[str, list[str]]
    mismatches: list[Mismatch]
    rating: str | None
    reviewer: str | None
    explanation: str | None = None
    review_status: str = ""

    def as_json(self) -> dict:
        return {
            "claim_id": self.claim_id,
            "text": self.text,
            "article_id": self.article_id,
            "article_title": self.article_title,
            "outlet": self.outlet,
            "score": self.score,
            "matched": self.matched,
            "mismatches": [
                {"field": m.field, "claim_value": m.claim_value, "evidence_value": m.evidence_value}
                for m in self.mismatches
            ],
            "verdict": None
            if self.rating is None
            else {
                "rating": self.rating,
                "reviewer": self.reviewer,
                "explanation": self.explanation,
            },
        }


@dataclass
class SyncReport:
    added: int = 0
    removed: int = 0
    loaded_from_disk: bool = False

    @property
    def changed(self) -> int:
        return self.added + self.removed


@dataclass
class _Indexed:
    index: LexicalIndex
    unsaved: int = 0
    doc_ids: set[str] = field(default_factory=set)
    vectors: PassageVectors | None = None  # with an embedder: the semantic path


class MatchingIndexes:
    """The process-wide evidence and claims indexes, kept in step with the database.

    Thread-safe: Streamlit serves every user from one instance (``st.cache_resource``).
    """

    def __init__(self, folder: Path | None = None, embedder: Embedder | None = None) -> None:
        """``embedder`` switches on the semantic path: passages and claims are also encoded
        (once; the vectors are saved with the indexes) and matches fuse both scores."""
        self.folder = folder
        self.embedder = embedder
        self._lock = threading.RLock()
        self._parts: dict[str, _Indexed] = {}
        self._loaded = False

    # --- keeping up with the database ---------------------------------------------------------

    def sync(self, session: Session) -> SyncReport:
        """Add what the database gained and drop what it lost since the last sync."""
        with self._lock:
            report = SyncReport()
            if not self._loaded:
                report.loaded_from_disk = self._load()
                self._loaded = True
            self._sync_part(_EVIDENCE, session, _current_passage_ids, _passage_docs, report)
            self._sync_part(_CLAIMS, session, _claim_ids, _claim_docs, report)
            if self.embedder is not None:
                # encoded once per process, here rather than in the first "checked before?"
                background_for(self.embedder)
            if any(p.unsaved >= SAVE_AFTER_CHANGES for p in self._parts.values()):
                self.save()
            return report

    def _sync_part(self, name, session, list_ids, load_docs, report: SyncReport) -> None:
        part = self._parts.get(name)
        if part is None:
            part = self._parts[name] = _Indexed(LexicalIndex())
        if self.embedder is not None and part.vectors is None:
            part.vectors = PassageVectors(self.embedder)
        current: set[str] = list_ids(session)  # ids only: cheap when nothing changed
        gone = part.doc_ids - current
        new = current - part.doc_ids
        for doc_id in gone:
            part.index.remove(doc_id)
            if part.vectors is not None:
                part.vectors.remove(doc_id)
        if new:
            docs = load_docs(session, sorted(new))
            part.index.add_many((d.doc_id, d.text, d.language, d.anchor) for d in docs)
        if part.vectors is not None:
            # the new passages; all of them only when a loaded store lacks some (another
            # model saved it, say), so a sync with nothing new does not walk every id
            todo = new if len(part.vectors) + len(new) == len(current) else current
            missing = [d for d in todo if d not in part.vectors and d in part.index]
            part.vectors.add_many((d, part.index.text(d)) for d in missing)
        part.doc_ids = current
        part.unsaved += len(gone) + len(new)
        report.added += len(new)
        report.removed += len(gone)

    # --- persistence --------------------------------------------------------------------------

    def save(self) -> None:
        """Write both indexes under ``folder`` (atomically: a reader sees old or new)."""
        if self.folder is None:
            return
        with self._lock:
            self.folder.parent.mkdir(parents=True, exist_ok=True)
            staging = self.folder.with_name(self.folder.name + f".new-{threading.get_ident()}")
            shutil.rmtree(staging, ignore_errors=True)
            for name, part in self._parts.items():
                part.index.save(staging / name)
                if part.vectors is not None:
                    part.vectors.save(staging / f"{name}-vectors")
            retired = self.folder.with_name(self.folder.name + f".old-{threading.get_ident()}")
            if self.folder.exists():
                self.folder.rename(retired)
            staging.rename(self.folder)
            shutil.rmtree(retired, ignore_errors=True)
            for part in self._parts.values():
                part.unsaved = 0

    def _load(self) -> bool:
        if self.folder is None or not self.folder.is_dir():
            return False
        parts = {}
        try:
            for name in (_EVIDENCE, _CLAIMS):
                index = LexicalIndex.load(self.folder / name)
                vectors = None
                if self.embedder is not None:  # another model's vectors are not reused
                    vectors = PassageVectors.open(self.folder / f"{name}-vectors", self.embedder)
                parts[name] = _Indexed(index, doc_ids=set(index.doc_ids()), vectors=vectors)
        except (IndexLoadError, OSError, KeyError, ValueError):
            return False  # unreadable or from another version: rebuild from the database
        self._parts = parts
        return True

    # --- searching ----------------------------------------------------------------------------

    def _search(
        self,
        session: Session,
        claim_id: int,
        part: str,
        k: int,
        synced: bool,
        *,
        restatements_only: bool = False,
    ) -> tuple[Claim, NormalisedText, list[Match]]:
        """The claim, how it normalises, and its ``k`` best matches in one index;
        ``restatements_only`` keeps those that say the same thing (see ``checked_before``),
        and prefers among them claims from articles of about the claim's own date."""
        claim = get_claim(session, claim_id)
        if not synced:
            self.sync(session)
        anchor, aliases = claim_context(claim)
        query = normalise(
            strip_post_furniture(claim.text),
            language=claim.language,
            anchor_date=anchor,
            aliases=aliases,
        )
        with self._lock:
            indexed = self._parts[part]
            # evidence is often years older than the article that cites it: no date bonus
            near_date = anchor if restatements_only else None
            if indexed.vectors is None:
                matches = indexed.index.search(
                    query,
                    k=k,
                    near_date=near_date,
                    min_text_score=LEXICAL_RESTATEMENT if restatements_only else 0.0,
                )
                return claim, query, matches
            matcher = HybridMatcher(indexed.index, indexed.vectors)
            matches = matcher.search(  # the model reads the claim without a post's furniture
                claim.text,
                k=k,
                restatements_only=restatements_only,
                normalised=query,
                near_date=near_date,
            )
            return claim, query, matches

    def claim_matches(
        self, session: Session, claim_id: int, evidence_k: int = 5, similar_k: int = 5
    ) -> tuple[list[EvidenceCandidate], list[SimilarClaim]]:
        """What a claim's page shows: its evidence candidates and the claims checked before,
        after one sync (each sync lists every passage and claim id)."""
        self.sync(session)
        return (
            self.evidence_candidates(session, claim_id, evidence_k, synced=True),
            self.checked_before(session, claim_id, similar_k, synced=True),
        )

    def evidence_candidates(
        self, session: Session, claim_id: int, top_k: int = 10, *, synced: bool = False
    ) -> list[EvidenceCandidate]:
        """The passages that best match a claim, best first, with their matched spans."""
        claim, query, matches = self._search(session, claim_id, _EVIDENCE, top_k, synced)
        passages = _passages_by_id(session, [int(m.doc_id[1:]) for m in matches])
        linked = {e.passage_id for e in claim.evidence}
        candidates: list[EvidenceCandidate] = []
        for match in matches:
            passage = passages.get(int(match.doc_id[1:]))
            if passage is None:  # removed by another user since the sync
                continue
            alignment = align(claim.text, passage.text)
            start = passage.start_offset + alignment.start
            mismatches = match.mismatches + _published_before_claimed(
                query, match.matched, match.mismatches, passage.reference.published
            )
            candidates.append(
                EvidenceCandidate(
                    passage_id=passage.id,
                    reference_id=passage.reference_id,
                    reference_title=passage.reference.title,
                    reference_url=passage.reference.url,
                    page=passage.page,
                    passage_text=passage.text,
                    rank=len(candidates) + 1,
                    score=match.score,
                    matched=match.matched,
                    mismatches=mismatches,
                    span_in_passage=(alignment.start, alignment.end),
                    span_in_reference=(start, passage.start_offset + alignment.end),
                    already_linked=passage.id in linked,
                )
            )
        return candidates

    def checked_before(
        self,
        session: Session,
        claim_id: int,
        top_k: int = 5,
        *,
        synced: bool = False,
    ) -> list[SimilarClaim]:
        """Claims from other articles that restate this one, with their current verdicts.

        A claim on the same topic is not listed: on the lexical path the match must score
        ``LEXICAL_RESTATEMENT``; on the semantic path, where a cosine alone means little, it
        must score that or rise clearly above what unrelated sentences reach with the claim
        (``background.py``).
        """
        claim, _, matches = self._search(
            session, claim_id, _CLAIMS, top_k * 4 + 10, synced, restatements_only=True
        )
        others = _claims_by_id(session, [_claim_id_of(m.doc_id) for m in matches])
        found = []
        for match in matches:
            other = others.get(_claim_id_of(match.doc_id))
            if other is None or other.id == claim.id:
                continue
            if claim.article_id is not None and other.article_id == claim.article_id:
                continue
            verdict = current_verdict(other)
            found.append(
                SimilarClaim(
                    claim_id=other.id,
                    text=other.text,
                    article_id=other.article_id,
                    article_title=other.article.title if other.article else None,
                    outlet=other.article.outlet if other.article else None,
                    score=match.score,
                    matched=match.matched,
                    mismatches=match.mismatches,
                    rating=verdict.rating if verdict else None,
                    reviewer=verdict.reviewer.name if verdict else None,
                    explanation=verdict.explanation if verdict else None,
                    review_status=other.review_status,
                )
            )
            if len(found) == top_k:
                break
        return found


def _published_before_claimed(
    claim: NormalisedText,
    matched: dict[str, list[str]],
    mismatches: list[Mismatch],
    published: dt.date | None,
) -> list[Mismatch]:
    """A report about the same people, published before the date the claim gives the event.

    The passage itself may not repeat the date (the AP item on the cage-match challenge names
    it a paragraph later), but a report cannot describe an event from after its own date.
    """
    if published is None or len(matched.get("names", [])) < 2 or matched.get("dates"):
        return []
    if any(m.field == "date" for m in mismatches):
        return []
    claimed = sorted({f.value for f in claim.facts if f.kind == "date"})
    for value in claimed:
        if _date_floor(value) > published:
            return [Mismatch("date", value, f"{published.isoformat()} (the report's own date)")]
    return []


def _date_floor(value: str) -> dt.date:
    """The first day a date value ("2024", "2024-06", "2024-06-21") can mean."""
    parts = [int(p) for p in value.split("-")[:3]]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def link_candidate(
    session: Session, candidate: EvidenceCandidate, *, claim_id: int, stance: str, reviewer
) -> Evidence:
    """Pin a candidate's matched span as evidence for the claim (one call, caller commits)."""
    start, end = candidate.span_in_reference
    return pin_evidence(
        session,
        claim_id=claim_id,
        passage_id=candidate.passage_id,
        start=start,
        end=end,
        stance=stance,
        reviewer=reviewer,
        score=candidate.score,
    )


def semantic_matching() -> bool:
    """Whether the database is matched on the semantic path: when the [semantic] extra is
    installed, unless ``WORKBENCH_MATCHING=lexical``."""
    if os.environ.get("WORKBENCH_MATCHING", "").strip().lower() == "lexical":
        return False
    return semantic_available()


def index_folder(database_url: str, db_dir: Path) -> Path:
    """Where the indexes of one database live: beside a SQLite file, else under ``db/``."""
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(url.database).with_name(Path(url.database).name + ".match-index")
    digest = hashlib.sha256(database_url.encode("utf-8")).hexdigest()[:12]
    return db_dir / "match-index" / digest


# --- reading the database -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Doc:
    doc_id: str
    text: str
    language: str | None
    anchor: dt.date | None


_CHUNK = 900  # bound parameters per IN (...) query, well under SQLite's limit


def _current_passage_ids(session: Session) -> set[str]:
    latest = (
        select(func.max(ReferenceVersion.id))
        .group_by(ReferenceVersion.reference_id)
        .scalar_subquery()
    )
    return {
        f"p{pid}"
        for pid in session.scalars(select(Passage.id).where(Passage.version_id.in_(latest)))
    }


def _passage_docs(session: Session, doc_ids: list[str]) -> list[_Doc]:
    docs = []
    ids = [int(d[1:]) for d in doc_ids]
    for i in range(0, len(ids), _CHUNK):
        rows = session.execute(
            select(Passage.id, Passage.text, Reference.language, Reference.published)
            .join(Reference, Reference.id == Passage.reference_id)
            .where(Passage.id.in_(ids[i : i + _CHUNK]))
        )
        docs += [_Doc(f"p{pid}", text, lang, pub) for pid, text, lang, pub in rows]
    return docs


def _claim_ids(session: Session) -> set[str]:
    # the version is in the id, so an edited claim is indexed again
    return {
        f"c{cid}v{version}" for cid, version in session.execute(select(Claim.id, Claim.version))
    }


def _claim_docs(session: Session, doc_ids: list[str]) -> list[_Doc]:
    wanted = {_claim_id_of(d): d for d in doc_ids}
    ids = list(wanted)
    docs = []
    for i in range(0, len(ids), _CHUNK):
        rows = session.execute(
            select(Claim.id, Claim.text, Claim.language, Article.published, Article.republished)
            .outerjoin(Article, Article.id == Claim.article_id)
            .where(Claim.id.in_(ids[i : i + _CHUNK]))
        )
        docs += [
            _Doc(wanted[cid], text, language, published or republished)
            for cid, text, language, published, republished in rows
        ]
    return docs


def _claim_id_of(doc_id: str) -> int:
    """``c12v3`` -> 12."""
    return int(doc_id[1:].split("v")[0])


def _claims_by_id(session: Session, ids: list[int]) -> dict[int, Claim]:
    if not ids:
        return {}
    rows = session.scalars(
        select(Claim)
        .where(Claim.id.in_(ids))
        .options(selectinload(Claim.verdicts), joinedload(Claim.article))
    )
    return {c.id: c for c in rows}


def _passages_by_id(session: Session, ids: list[int]) -> dict[int, Passage]:
    if not ids:
        return {}
    rows = session.scalars(
        select(Passage).where(Passage.id.in_(ids)).options(joinedload(Passage.reference))
    )
    return {p.id: p for p in rows}
