"""An inverted index for fuzzy claim matching that does not scan every passage.

Passages are normalised (``normalise.py``) into word tokens and fact terms (``#amount:...``,
``#date:...``). The candidate stage scores BM25 over numpy postings, reading the rare query
terms' postings in full and adding the common terms' weights only to the best of those
candidates; query words the index has never seen (typos, other word forms) are expanded to
close vocabulary words through a character-trigram index over the vocabulary. The second
stage (``rerank.py``) re-scores a few hundred candidates with rapidfuzz and fact agreement.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from workbench.matching import lexicon as lexicon_module
from workbench.matching import normalise as normalise_module
from workbench.matching import posts as posts_module
from workbench.matching.date_prior import (
    LEXICAL_DATE_WEIGHT,
    date_closeness,
    ranking,
    with_date_bonus,
)
from workbench.matching.explain import Match, explain
from workbench.matching.normalise import Fact, NormalisedText, language_code, normalise
from workbench.matching.posts import strip_post_furniture
from workbench.matching.rerank import DEFAULT_WEIGHTS, Weights, rerank

FORMAT_VERSION = 2  # the saved layout; bump it when index_terms or _signature change
FACT_PREFIX = "#"
FACT_WEIGHT = 1.5  # a shared amount or date says more than a shared word
COMMON_POSTINGS_BUDGET = 150_000  # postings read in full per query; the rest only for the best
_LANGUAGES = ("", "en", "de")  # as stored per passage: 0 = not given, or another language
MIN_RERANK_POOL, MAX_RERANK_POOL = 100, 300

IndexItem = tuple[str, str, str | None, date | None]  # doc_id, text, language, anchor_date


class IndexLoadError(Exception):
    """The index on disk cannot be read."""


def _reader_version() -> str:
    """A digest of the code that reads a passage into terms (the normaliser, its lexicon, the
    post stripper): an index saved by another version read its passages differently, and its
    terms would not meet the queries this version reads, so it is built again instead."""
    digest = hashlib.sha256()
    for module in (normalise_module, lexicon_module, posts_module):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


READER_VERSION = _reader_version()


def index_terms(text: NormalisedText) -> list[str]:
    """The terms a normalised text is indexed under: word tokens plus fact terms."""
    terms = list(text.tokens)
    for fact in text.facts:
        if fact.kind == "name":
            continue
        terms.append(FACT_PREFIX + fact.key)
        if fact.kind == "amount":  # "97.4bn" without a currency still agrees on the number
            terms.append(FACT_PREFIX + "number:" + fact.value.split(":", 1)[1])
    return terms


def _terms_and_signature(item: IndexItem, aliases: dict[str, str] | None) -> tuple[list[str], str]:
    """A passage's index terms and its signature (see ``_signature``)."""
    _, text, language, anchor = item
    normalised = normalise(
        strip_post_furniture(text), language=language, anchor_date=anchor, aliases=aliases
    )
    terms = index_terms(normalised)
    names = dict.fromkeys(f.value for f in normalised.facts if f.kind == "name")
    # index_terms puts the word tokens first and the fact terms after them
    fact_terms = terms[len(normalised.tokens) :]
    return terms, _joined_signature(normalised.tokens, fact_terms, names)


@dataclass
class _TermChunk:
    """Passages' terms as ids into the chunk's own vocabulary, and their signatures: what a
    worker sends back, so that the index maps each distinct term once, not each use."""

    vocab: list[str]  # in order of first use
    term_ids: np.ndarray  # int32: the passages' terms, one passage after another
    lengths: np.ndarray  # int64: terms per passage
    signatures: list[str]


@dataclass
class _MappedTerms:
    """The term frequencies of passages being added, in the index's term ids: one entry per
    distinct (passage, term), sorted by passage then term."""

    docs: np.ndarray  # int64, passages numbered from 0
    terms: np.ndarray  # int32
    tfs: np.ndarray  # uint16
    lengths: np.ndarray  # int64: terms per passage
    signatures: list[str]


class _ChunkVocab(dict[str, int]):
    """Term -> id, numbering a term the first time it is looked up: ``map`` over its
    ``__getitem__`` numbers a passage's terms in C."""

    def __missing__(self, term: str) -> int:
        term_id = self[term] = len(self)
        return term_id


def _term_chunk(passages: Iterable[tuple[list[str], str]]) -> _TermChunk:
    """A chunk from each passage's terms and signature."""
    vocab = _ChunkVocab()
    term_id = vocab.__getitem__
    ids: list[int] = []
    lengths: list[int] = []
    signatures: list[str] = []
    for terms, signature in passages:
        ids.extend(map(term_id, terms))
        lengths.append(len(terms))
        signatures.append(signature)
    return _TermChunk(
        list(vocab),
        np.array(ids, dtype=np.int32),
        np.array(lengths, dtype=np.int64),
        signatures,
    )


def _normalise_chunk(args: tuple[list[IndexItem], dict[str, str] | None]) -> _TermChunk:
    items, aliases = args
    return _term_chunk(_terms_and_signature(item, aliases) for item in items)


class LexicalIndex:
    """BM25 over normalised tokens and facts, with a rapidfuzz re-rank on top."""

    def __init__(
        self,
        *,
        k1: float = 0.9,
        b: float = 0.4,
        aliases: dict[str, str] | None = None,
        weights: Weights = DEFAULT_WEIGHTS,
    ) -> None:
        self.k1, self.b = k1, b
        self.aliases = aliases
        self.weights = weights
        self._vocab: dict[str, int] = {}
        self._terms: list[str] = []
        self._df = np.zeros(0, dtype=np.int32)
        self._doc_ids: list[str] = []
        self._doc_index: dict[str, int] = {}
        self._texts = _TextStore()
        self._signatures = _TextStore()  # per doc: words, fact terms, names (see _signature)
        # alive passages per distinct signature (by its hash): a term's document frequency
        # counts each distinct text once, so the same wire copy in fifty outlets does not
        # make its words look common; built when first needed after a load
        self._copies: dict[int, int] | None = {}
        self._dl = np.zeros(0, dtype=np.float32)
        self._alive = np.zeros(0, dtype=bool)
        self._lang = np.zeros(0, dtype=np.uint8)
        self._anchor = np.zeros(0, dtype=np.int32)  # date ordinal, 0 = none
        self._total_len = 0.0
        # forward index (doc -> terms) for the merged docs; pending docs as lists
        self._fwd_ptr = np.zeros(1, dtype=np.int64)
        self._fwd_terms = np.zeros(0, dtype=np.int32)
        self._fwd_tf = np.zeros(0, dtype=np.uint16)
        self._pending: list[tuple[np.ndarray, np.ndarray]] = []
        self._pending_post: dict[int, list[tuple[int, int]]] = {}
        self._pending_posted = 0
        # inverted index over the merged docs
        self._post_ptr = np.zeros(1, dtype=np.int64)
        self._post_docs = np.zeros(0, dtype=np.int32)
        self._post_w = np.zeros(0, dtype=np.float32)
        self._grams: dict[str, np.ndarray] | None = None

    # --- size ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._doc_index)  # the passages not removed (a search asks each time)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._doc_index

    def doc_ids(self) -> list[str]:
        """The ids of the passages in the index (removed ones excluded)."""
        return list(self._doc_index)

    @property
    def _merged(self) -> int:
        return len(self._fwd_ptr) - 1

    # --- adding and removing ------------------------------------------------------------

    def add(
        self,
        doc_id: str,
        text: str,
        language: str | None = None,
        anchor_date: date | None = None,
    ) -> None:
        """Add or replace one passage."""
        self.add_many([(doc_id, text, language, anchor_date)])

    def add_many(self, items: Iterable[IndexItem], *, workers: int = 1) -> None:
        """Add or replace passages in bulk; ``workers`` > 1 normalises in processes."""
        items = [(d, t, lang, anchor) for d, t, lang, anchor in items]
        if not items:
            return
        if workers > 1 and len(items) > 20_000:
            batches = [(items[i : i + 10_000], self.aliases) for i in range(0, len(items), 10_000)]
            with ProcessPoolExecutor(workers) as pool:
                # each chunk is taken in as it comes back, while the workers go on
                terms = self._take_chunks(pool.map(_normalise_chunk, batches))
        else:
            terms = self._take_chunks([_normalise_chunk((items, self.aliases))])
        for doc_id, *_ in items:
            if doc_id in self._doc_index:
                self.remove(doc_id)
        self._append_terms(items, terms)
        if len(self._pending) > max(5_000, self._merged // 20):
            self._merge()

    def _append_docs(self, items: list[IndexItem], term_lines: list[str]) -> None:
        """Append passages whose terms are ready: one line each, the terms, a tab and the
        names joined by "|" (``benchmarks/index_choice.py`` skips normalising this way)."""
        passages = []
        for line in term_lines:
            terms, _, names = line.partition("\t")
            words = terms.split()
            passages.append((words, _signature(words, names.split("|"))))
        self._append_terms(items, self._take_chunks([_term_chunk(passages)]))

    def _take_chunks(self, chunks: Iterable[_TermChunk]) -> _MappedTerms:
        """The chunks' terms in the index's ids (a new term gets the next id, in order of first
        use, as if the passages came one by one) and their frequencies per passage."""
        vocab, setdefault = self._vocab, self._vocab.setdefault
        docs, terms, tfs, lengths, signatures = [], [], [], [], []
        offset = 0
        for chunk in chunks:
            to_index = np.array([setdefault(t, len(vocab)) for t in chunk.vocab], dtype=np.int64)
            local_doc = np.repeat(np.arange(len(chunk.lengths), dtype=np.int64), chunk.lengths)
            size = max(1, len(vocab))
            keys, counts = np.unique(
                local_doc * size + to_index[chunk.term_ids], return_counts=True
            )
            docs_of_key, term_ids = np.divmod(keys, size)
            docs.append(docs_of_key + offset)
            terms.append(term_ids.astype(np.int32))
            tfs.append(counts.astype(np.uint16))
            lengths.append(chunk.lengths)
            signatures.extend(chunk.signatures)
            offset += len(chunk.lengths)
        return _MappedTerms(
            np.concatenate(docs),
            np.concatenate(terms),
            np.concatenate(tfs),
            np.concatenate(lengths),
            signatures,
        )

    def _append_terms(self, items: list[IndexItem], mapped: _MappedTerms) -> None:
        vocab = self._vocab
        docs_of_key, term_ids, tfs = mapped.docs, mapped.terms, mapped.tfs
        lengths, signatures = mapped.lengths, mapped.signatures
        if len(vocab) > len(self._terms):
            self._terms.extend(itertools.islice(vocab, len(self._terms), None))
        self._grow_terms(len(vocab))
        again = self._held_already(signatures)
        counted = term_ids[~again[docs_of_key]] if again.any() else term_ids
        self._df += np.bincount(counted, minlength=len(self._df)).astype(np.int32)
        start = len(self._doc_ids)
        stop = start + len(items)
        self._grow_docs(stop)
        self._dl[start:stop] = lengths
        self._alive[start:stop] = True
        codes = {lang: _language_code(lang) for lang in {lang for _, _, lang, _ in items}}
        self._lang[start:stop] = [codes[lang] for _, _, lang, _ in items]
        self._anchor[start:stop] = [a.toordinal() if a else 0 for _, _, _, a in items]
        self._total_len += float(lengths.sum())
        known = len(self._doc_index)
        for offset, (doc_id, _, _, _) in enumerate(items):
            self._doc_ids.append(doc_id)
            self._doc_index[doc_id] = start + offset
        twice = len(self._doc_index) - known < len(items)  # one id twice in this batch
        self._texts.extend([text for _, text, _, _ in items])
        self._signatures.extend(signatures)
        per_doc = np.bincount(docs_of_key, minlength=len(items))
        if len(items) >= 5_000 and not self._pending:
            self._fwd_ptr = np.concatenate([self._fwd_ptr, self._fwd_ptr[-1] + np.cumsum(per_doc)])
            self._fwd_terms = np.concatenate([self._fwd_terms, term_ids])
            self._fwd_tf = np.concatenate([self._fwd_tf, tfs])
            self._build_postings()
        else:
            bounds = np.cumsum(per_doc)[:-1]
            self._pending.extend(
                zip(np.split(term_ids, bounds), np.split(tfs, bounds), strict=True)
            )
        if twice:  # the last one counts, as if they had come one after the other
            for n in range(start, stop):
                if self._doc_index[self._doc_ids[n]] != n:
                    self._drop(n)

    def remove(self, doc_id: str) -> None:
        """Drop a passage; its postings go at the next merge, searches skip it at once."""
        self._drop(self._doc_index.pop(doc_id))

    def _drop(self, n: int) -> None:
        copies = self._signature_copies()
        self._alive[n] = False
        self._total_len -= float(self._dl[n])
        key = hash(self._signatures[n])
        left = copies.get(key, 1) - 1
        if left > 0:
            copies[key] = left
            return  # another copy of the text still counts its terms
        copies.pop(key, None)
        terms, _ = self._doc_terms(n)
        self._df[terms] -= 1

    def _held_already(self, signatures: list[str]) -> np.ndarray:
        """Per new passage, whether the index (or this batch, before it) holds its text."""
        if not self._doc_index and len(signatures) >= 5_000:
            # a first bulk build: duplicates within the batch, found in numpy; the counts are
            # built from the signatures when a passage first comes or goes (a dict of a
            # million counts is 100 MB the build need not hold)
            keys = np.fromiter(map(hash, signatures), dtype=np.int64, count=len(signatures))
            again = np.ones(len(signatures), dtype=bool)
            again[np.unique(keys, return_index=True)[1]] = False
            self._copies = None
            return again
        copies = self._signature_copies()
        again = np.zeros(len(signatures), dtype=bool)
        for n, signature in enumerate(signatures):
            key = hash(signature)
            count = copies.get(key, 0)
            again[n] = count > 0
            copies[key] = count + 1
        return again

    def _signature_copies(self) -> dict[int, int]:
        if self._copies is None:
            copies: dict[int, int] = {}
            for n in np.flatnonzero(self._alive).tolist():
                key = hash(self._signatures[n])
                copies[key] = copies.get(key, 0) + 1
            self._copies = copies
        return self._copies

    def _grow_docs(self, size: int) -> None:
        if size <= len(self._dl):
            return
        capacity = max(size, 2 * len(self._dl), 1024)
        self._dl = _resized(self._dl, capacity)
        self._alive = _resized(self._alive, capacity)
        self._lang = _resized(self._lang, capacity)
        self._anchor = _resized(self._anchor, capacity)

    def _grow_terms(self, size: int) -> None:
        if size > len(self._df):
            self._df = _resized(self._df, max(size, 2 * len(self._df), 1024))

    def _doc_terms(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        if n < self._merged:
            s, e = self._fwd_ptr[n], self._fwd_ptr[n + 1]
            return self._fwd_terms[s:e], self._fwd_tf[s:e]
        return self._pending[n - self._merged]

    def _merge(self) -> None:
        """Fold pending docs into the forward and inverted arrays (and drop removed docs)."""
        if self._pending:
            lengths = np.array([len(t) for t, _ in self._pending], dtype=np.int64)
            self._fwd_ptr = np.concatenate([self._fwd_ptr, self._fwd_ptr[-1] + np.cumsum(lengths)])
            self._fwd_terms = np.concatenate([self._fwd_terms] + [t for t, _ in self._pending])
            self._fwd_tf = np.concatenate([self._fwd_tf] + [f for _, f in self._pending])
            self._pending = []
        self._pending_post = {}
        self._pending_posted = 0
        self._build_postings()

    def _build_postings(self) -> None:
        n_docs = self._merged
        doc_of = np.repeat(
            np.arange(n_docs, dtype=np.int32), np.diff(self._fwd_ptr).astype(np.int64)
        )
        keep = self._alive[:n_docs][doc_of]
        terms, docs, tfs = self._fwd_terms[keep], doc_of[keep], self._fwd_tf[keep]
        order = _stable_order(terms)  # docs stay ascending within a term
        self._post_docs = docs[order]
        counts = np.bincount(terms, minlength=len(self._terms))
        self._post_ptr = np.zeros(len(self._terms) + 1, dtype=np.int64)
        np.cumsum(counts, out=self._post_ptr[1:])
        self._post_w = self._tf_weights(tfs[order].astype(np.float32), self._post_docs)

    def _tf_weights(self, tf: np.ndarray, docs: np.ndarray) -> np.ndarray:
        avgdl = self._avgdl()
        norm = self.k1 * (1 - self.b + self.b * self._dl[docs] / avgdl)
        return (tf * (self.k1 + 1) / (tf + norm)).astype(np.float32)

    def _avgdl(self) -> float:
        alive = max(1, len(self))
        return max(1.0, self._total_len / alive)

    # --- searching ----------------------------------------------------------------------

    def search(
        self,
        query: str | NormalisedText,
        k: int = 10,
        candidates: int | None = None,
        *,
        language: str | None = None,
        anchor_date: date | None = None,
        aliases: dict[str, str] | None = None,
        with_explanation: bool = True,
        near_date: date | None = None,
        min_text_score: float = 0.0,
    ) -> list[Match]:
        """The ``k`` best passages for a claim, best first, with what matched and mismatched.

        ``near_date``: the claim's date; passages dated near it score a little higher (see
        ``date_prior``). ``min_text_score`` drops passages whose text alone scores less.
        """
        if isinstance(query, str):
            query = normalise(
                strip_post_furniture(query),
                language=language,
                anchor_date=anchor_date,
                aliases=(self.aliases or {}) | (aliases or {}) or None,
            )
        docs, lexical = self.candidates(query, candidates or self.rerank_pool())
        if len(docs) == 0:
            return []
        query_terms = index_terms(query)
        query_words = " ".join(t for t in query_terms if not t.startswith(FACT_PREFIX))
        query_facts = frozenset(t for t in query_terms if t.startswith(FACT_PREFIX))
        words, facts = self._candidate_strings(docs)
        scores = rerank(query_words, query_facts, words, facts, lexical, weights=self.weights)
        if min_text_score > 0:
            kept = scores >= min_text_score
            docs, scores = docs[kept], scores[kept]
        if near_date is None:
            best = np.argsort(-scores, kind="stable")[:k]
        else:
            closeness = date_closeness(near_date, self._anchor[docs])
            scores = with_date_bonus(scores, closeness, LEXICAL_DATE_WEIGHT)
            best = ranking(scores, closeness)[:k]
        matches = []
        for rank, i in enumerate(best, start=1):
            n = int(docs[i])
            matched: dict[str, list[str]] = {}
            mismatches: list = []
            if with_explanation:
                matched, mismatches = explain(query, _from_signature(self._signatures[n]))
            matches.append(
                Match(self._doc_ids[n], round(float(scores[i]), 4), rank, matched, mismatches)
            )
        return matches

    def text(self, doc_id: str) -> str:
        return self._texts[self._doc_index[doc_id]]

    def language(self, doc_id: str) -> str | None:
        """The passage's language as it was given ("en" or "de"; "de-CH" is "de"), or None."""
        return _LANGUAGES[self._lang[self._doc_index[doc_id]]] or None

    def date_ordinals(self, doc_ids: list[str]) -> np.ndarray:
        """Each passage's date (its anchor date) as an ordinal, 0 where it has none."""
        rows = np.fromiter(
            (self._doc_index[d] for d in doc_ids), dtype=np.int64, count=len(doc_ids)
        )
        return self._anchor[rows].astype(np.int64)

    def normalised(self, doc_id: str) -> NormalisedText:
        """The passage's words, fact values and names as the index read them (no offsets):
        what an explanation needs, without normalising the passage again."""
        return _from_signature(self._signatures[self._doc_index[doc_id]])

    def rerank_pool(self) -> int:
        """How many candidates the re-rank sees: more as the corpus (and its near-duplicates)
        grows; at 1M synthetic passages 300 keep recall@10 >= 0.99, at 10k 100 lose nothing."""
        return int(min(MAX_RERANK_POOL, max(MIN_RERANK_POOL, len(self) // 200)))

    def candidates(self, query: NormalisedText, limit: int = 300) -> tuple[np.ndarray, np.ndarray]:
        """Candidate doc numbers and their BM25 scores relative to the query's own best."""
        if len(self._pending) > max(5_000, self._merged // 20):
            self._merge()
        weights = self._query_weights(index_terms(query))
        if not weights:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
        term_ids = np.fromiter(weights.keys(), dtype=np.int64, count=len(weights))
        qw = np.fromiter(weights.values(), dtype=np.float64, count=len(weights))
        n_alive = max(1, len(self))
        df = self._df[term_ids].astype(np.float64)
        idf = np.log1p((n_alive - df + 0.5) / (df + 0.5))
        qw = qw * idf
        ideal = float(qw.sum())
        docs, scores = self._score_merged(term_ids, qw, limit)
        if self._pending:
            docs, scores = self._add_pending(term_ids, qw, docs, scores)
        if len(docs) > limit:
            top = np.argpartition(-scores, limit)[:limit]
            docs, scores = docs[top], scores[top]
        return docs, (scores / ideal).astype(np.float32)

    def _query_weights(self, terms: list[str]) -> dict[int, float]:
        weights: dict[int, float] = {}
        for term, count in Counter(terms).items():
            boost = FACT_WEIGHT if term.startswith(FACT_PREFIX) else 1.0
            tid = self._vocab.get(term)
            if tid is not None and self._df[tid] > 0:
                weights[tid] = weights.get(tid, 0.0) + count * boost
            elif term.isalpha() and len(term) >= 4:
                for near, similarity in self._near_terms(term):
                    weights[near] = max(weights.get(near, 0.0), similarity * count)
        return weights

    def _score_merged(
        self, term_ids: np.ndarray, qw: np.ndarray, limit: int
    ) -> tuple[np.ndarray, np.ndarray]:
        known = term_ids < len(self._post_ptr) - 1
        term_ids, qw = term_ids[known], qw[known]
        starts, ends = self._post_ptr[term_ids], self._post_ptr[term_ids + 1]
        order = np.argsort(ends - starts, kind="stable")
        lengths = (ends - starts)[order]
        read = np.cumsum(lengths) <= max(COMMON_POSTINGS_BUDGET, int(lengths[:1].sum()))
        rare, common = order[read], order[~read]
        if len(rare) == 0:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float64)
        docs = np.concatenate([self._post_docs[starts[i] : ends[i]] for i in rare])
        weights = np.concatenate([self._post_w[starts[i] : ends[i]] * qw[i] for i in rare])
        if len(docs) > self._merged // 10:
            # many postings: sum into one slot per passage; the passages found are read off a
            # bool mask, which numpy scans several times faster than the float sums
            dense = np.bincount(docs, weights=weights, minlength=self._merged)
            found = np.zeros(self._merged, dtype=bool)
            found[docs] = True
            cand = np.flatnonzero(found)
            scores = dense[cand]
        else:
            cand, inverse = np.unique(docs, return_inverse=True)
            scores = np.bincount(inverse, weights=weights)
        alive = self._alive[cand]
        cand, scores = cand[alive].astype(np.int32), scores[alive]
        if len(common):
            # common terms only re-score the best few candidates: binary search per term
            if len(cand) > 4 * limit:
                top = np.argpartition(-scores, 4 * limit)[: 4 * limit]
                top.sort()
                cand, scores = cand[top], scores[top]
            for i in common:
                postings = self._post_docs[starts[i] : ends[i]]
                pos = np.searchsorted(postings, cand)
                pos[pos == len(postings)] = 0
                hit = postings[pos] == cand
                scores[hit] += self._post_w[starts[i] + pos[hit]] * qw[i]
        return cand, scores

    def _add_pending(
        self, term_ids: np.ndarray, qw: np.ndarray, docs: np.ndarray, scores: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        for j in range(self._pending_posted, len(self._pending)):
            terms, tfs = self._pending[j]
            for t, tf in zip(terms.tolist(), tfs.tolist(), strict=True):
                self._pending_post.setdefault(t, []).append((self._merged + j, tf))
        self._pending_posted = len(self._pending)
        extra: dict[int, float] = {}
        avgdl = self._avgdl()
        for t, w in zip(term_ids.tolist(), qw.tolist(), strict=True):
            for n, tf in self._pending_post.get(t, ()):
                if self._alive[n]:
                    norm = self.k1 * (1 - self.b + self.b * self._dl[n] / avgdl)
                    extra[n] = extra.get(n, 0.0) + w * tf * (self.k1 + 1) / (tf + norm)
        if not extra:
            return docs, scores
        return (
            np.concatenate([docs, np.fromiter(extra.keys(), dtype=np.int32)]),
            np.concatenate([scores, np.fromiter(extra.values(), dtype=np.float64)]),
        )

    def _candidate_strings(self, docs: np.ndarray) -> tuple[list[str], list[str]]:
        """Each candidate's space-joined words and space-joined fact terms."""
        words, facts = [], []
        for n in docs.tolist():
            word_part, fact_part, _ = self._signatures[n].split("\t")
            words.append(word_part)
            facts.append(fact_part)
        return words, facts

    # --- typo tolerance ---------------------------------------------------------------

    def _near_terms(self, term: str, limit: int = 3) -> list[tuple[int, float]]:
        """Vocabulary words close to an unseen query word, by shared trigrams then edit ratio."""
        grams = self._gram_index()
        lists = [grams[g] for g in _trigrams(term) if g in grams]
        if not lists:
            return []
        counts = np.bincount(np.concatenate(lists))
        needed = max(1, (len(term) - 1) // 3)
        cand = np.flatnonzero(counts >= needed)
        if len(cand) > 2000:
            cand = cand[np.argsort(-counts[cand], kind="stable")[:2000]]
        cand = cand[self._df[cand] > 0].tolist()
        found = process.extract(
            term,
            [self._terms[i] for i in cand],
            scorer=fuzz.ratio,
            limit=limit,
            score_cutoff=75 if len(term) > 5 else 80,
        )
        return [(cand[position], score / 100.0) for _, score, position in found]

    def _gram_index(self) -> dict[str, np.ndarray]:
        if self._grams is None or self._grams_size != len(self._terms):
            lists: dict[str, list[int]] = {}
            for i, term in enumerate(self._terms):
                if term.isalpha():
                    for g in _trigrams(term):
                        lists.setdefault(g, []).append(i)
            self._grams = {g: np.array(ids, dtype=np.int32) for g, ids in lists.items()}
            self._grams_size = len(self._terms)
        return self._grams

    _grams_size = 0

    # --- persistence --------------------------------------------------------------------

    def save(self, path: str | os.PathLike) -> None:
        """Write the index to a directory: numpy arrays plus a JSON manifest."""
        self._merge()
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        n = len(self._doc_ids)
        blob, offsets = self._texts.packed()
        signature_blob, signature_offsets = self._signatures.packed()
        arrays = {
            "fwd_ptr": self._fwd_ptr,
            "fwd_terms": self._fwd_terms,
            "fwd_tf": self._fwd_tf,
            "post_ptr": self._post_ptr,
            "post_docs": self._post_docs,
            "dl": self._dl[:n],
            "alive": self._alive[:n],
            "lang": self._lang[:n],
            "anchor": self._anchor[:n],
            "df": self._df[: len(self._terms)],
            "text_blob": blob,
            "text_offsets": offsets,
            "signature_blob": signature_blob,
            "signature_offsets": signature_offsets,
        }
        for name, array in arrays.items():
            np.save(folder / f"{name}.npy", array, allow_pickle=False)
        manifest = {
            "format": FORMAT_VERSION,
            "reader": READER_VERSION,
            "k1": self.k1,
            "b": self.b,
            "aliases": self.aliases,
            "total_len": self._total_len,
            "terms": self._terms,
            "doc_ids": self._doc_ids,
        }
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    @classmethod
    def load(cls, path: str | os.PathLike) -> LexicalIndex:
        folder = Path(path)
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise IndexLoadError(f"{folder}: not a saved matching index ({error})") from error
        if manifest.get("format") != FORMAT_VERSION:
            raise IndexLoadError(
                f"{folder}: index format {manifest.get('format')} is not supported"
            )
        if manifest.get("reader") != READER_VERSION:
            raise IndexLoadError(f"{folder}: saved by another version of the normaliser")
        index = cls(k1=manifest["k1"], b=manifest["b"], aliases=manifest["aliases"])
        arrays = {p.stem: np.load(p, allow_pickle=False) for p in folder.glob("*.npy")}
        index._terms = manifest["terms"]
        index._vocab = {t: i for i, t in enumerate(index._terms)}
        index._doc_ids = manifest["doc_ids"]
        index._total_len = manifest["total_len"]
        index._fwd_ptr, index._fwd_terms = arrays["fwd_ptr"], arrays["fwd_terms"]
        index._fwd_tf = arrays["fwd_tf"]
        index._post_ptr, index._post_docs = arrays["post_ptr"], arrays["post_docs"]
        index._dl, index._alive = arrays["dl"], arrays["alive"]
        index._lang, index._anchor, index._df = arrays["lang"], arrays["anchor"], arrays["df"]
        index._texts = _TextStore(arrays["text_blob"], arrays["text_offsets"])
        index._signatures = _TextStore(arrays["signature_blob"], arrays["signature_offsets"])
        index._copies = None  # counted from the signatures when a passage comes or goes
        alive = np.flatnonzero(index._alive)
        index._doc_index = {index._doc_ids[i]: int(i) for i in alive.tolist()}
        index._post_w = index._tf_weights(_posting_tfs(index).astype(np.float32), index._post_docs)
        return index


def _posting_tfs(index: LexicalIndex) -> np.ndarray:
    """Term frequencies in posting order, recovered from the forward index."""
    n_docs = index._merged
    doc_of = np.repeat(np.arange(n_docs, dtype=np.int32), np.diff(index._fwd_ptr))
    keep = index._alive[doc_of]
    return index._fwd_tf[keep][_stable_order(index._fwd_terms[keep])]


def _language_code(language: str | None) -> int:
    code = language_code(language)
    return _LANGUAGES.index(code) if code in _LANGUAGES else 0


def _signature(terms: list[str], names: list[str]) -> str:
    """What the re-rank and the explanation need of a passage, without normalising it again:
    its words, its fact terms and its names."""
    words: list[str] = []
    facts: list[str] = []
    for term in terms:  # one pass, not a filtering pass for each
        (facts if term.startswith(FACT_PREFIX) else words).append(term)
    return _joined_signature(words, facts, names)


def _joined_signature(words: Iterable[str], fact_terms: Iterable[str], names: Iterable[str]) -> str:
    """The signature's text: words, fact terms and names (``_from_signature`` reads it)."""
    return " ".join(words) + "\t" + " ".join(fact_terms) + "\t" + "|".join(names)


def _from_signature(signature: str) -> NormalisedText:
    words, fact_terms, names = signature.split("\t")
    facts = [Fact("name", name, name, -1, -1) for name in names.split("|") if name]
    for term in dict.fromkeys(fact_terms.split()):
        kind, value = term[len(FACT_PREFIX) :].split(":", 1)
        facts.append(Fact(kind, value, value, -1, -1))
    return NormalisedText(tuple(words.split()), tuple(facts))


def _stable_order(terms: np.ndarray) -> np.ndarray:
    """``np.argsort(terms, kind="stable")`` for non-negative int32 term ids, twice as fast on
    a million passages' 20M terms: numpy sorts 16-bit keys by radix but 32-bit ones by timsort,
    so sort by the low 16 bits, then stably by the high 16 (a two-pass radix sort)."""
    order = np.argsort((terms & 0xFFFF).astype(np.uint16), kind="stable")
    if len(terms) and int(terms.max()) > 0xFFFF:
        high = (terms[order] >> 16).astype(np.uint16)
        order = order[np.argsort(high, kind="stable")]
    return order


def _trigrams(term: str) -> list[str]:
    padded = f" {term} "
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


def _resized(array: np.ndarray, size: int) -> np.ndarray:
    out = np.zeros(size, dtype=array.dtype)
    out[: len(array)] = array[:size]
    return out


class _TextStore:
    """Passage texts: one UTF-8 blob after a load, plus a list of texts added since."""

    def __init__(self, blob: np.ndarray | None = None, offsets: np.ndarray | None = None):
        self._blob = blob.tobytes() if blob is not None else b""
        self._offsets = offsets if offsets is not None else np.zeros(1, dtype=np.int64)
        self._extra: list[str] = []

    def __getitem__(self, n: int) -> str:
        packed = len(self._offsets) - 1
        if n < packed:
            return self._blob[self._offsets[n] : self._offsets[n + 1]].decode("utf-8")
        return self._extra[n - packed]

    def append(self, text: str) -> None:
        self._extra.append(text)

    def extend(self, texts: list[str]) -> None:
        self._extra.extend(texts)

    def packed(self) -> tuple[np.ndarray, np.ndarray]:
        encoded = [t.encode("utf-8") for t in self._extra]
        lengths = np.array([len(e) for e in encoded], dtype=np.int64)
        offsets = np.concatenate([self._offsets, self._offsets[-1] + np.cumsum(lengths)])
        self._blob = self._blob + b"".join(encoded)
        self._offsets = offsets
        self._extra = []
        return np.frombuffer(self._blob, dtype=np.uint8), offsets
