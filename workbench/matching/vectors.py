"""Passage vectors by doc id, computed once, stored, and updated as passages come and go.

Each store belongs to one model: it records the embedder's model id and weights hash, and
a store saved by another model is discarded on load, so its passages are encoded afresh.
Each passage's text hash is kept too, so adding a passage again re-encodes it only when its
text changed. A passage of several sentences is also encoded sentence by sentence: a claim
that restates one of them matches it better than the whole passage's mean.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm import tqdm

from workbench.matching.semantic import ENCODE_BATCH, Embedder

FORMAT_VERSION = 2
SEGMENTER_VERSION = 1  # bump when segments() changes: stored segment vectors are then stale
MAX_SEGMENTS = 8
MIN_SEGMENT_WORDS = 3
# dashes set off a headline; a sentence ends before a capital or a digit, but not after
# "U.S.", "Dr." or a German ordinal ("am 23. Februar")
_SEGMENT_BREAK = re.compile(
    r"\s+[—–]\s+"
    r"|(?<=[.!?…])(?<![A-Z]\.[A-Z]\.)(?<!\b[DMS][rts]\.)(?<!\b\d\.)(?<!\b\d\d\.)"
    r"\s+(?=[\"„“«‘(]?[A-ZÄÖÜ0-9])"
)


class VectorLoadError(Exception):
    """The vectors on disk cannot be read."""


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def segments(text: str) -> list[str]:
    """The sentences (and dash-separated headlines) of a passage; none for a single one."""
    parts = [p.strip() for p in _SEGMENT_BREAK.split(text)]
    parts = [p for p in parts if len(p.split()) >= MIN_SEGMENT_WORDS]
    return parts[:MAX_SEGMENTS] if len(parts) > 1 else []


@dataclass(frozen=True)
class PassageScores:
    """One query's cosine with every stored passage, whole and best sentence."""

    store: PassageVectors
    passage: np.ndarray  # per row; -inf for removed rows
    segment: np.ndarray  # per row: the best segment's cosine, or the passage's if it has none

    def top(self, k: int) -> list[tuple[str, float]]:
        """The ``k`` passages with the best cosine (whole or by sentence), best first."""
        best = np.maximum(self.passage, self.segment)
        k = min(k, len(self.store))
        if k <= 0:
            return []
        top = np.argpartition(-best, k - 1)[:k] if k < len(best) else np.arange(len(best))
        top = top[np.argsort(-best[top], kind="stable")]
        return [(self.store._ids[i], float(best[i])) for i in top.tolist()]

    def of(self, doc_ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Passage and best-segment cosines for these passages (0 where not stored)."""
        rows = np.array([self.store._row.get(d, -1) for d in doc_ids], dtype=np.int64)
        held = rows >= 0
        passage = np.zeros(len(doc_ids), dtype=np.float32)
        segment = np.zeros(len(doc_ids), dtype=np.float32)
        passage[held] = self.passage[rows[held]]
        segment[held] = self.segment[rows[held]]
        return passage, segment


class PassageVectors:
    """One L2-normalised vector per passage (and per sentence), for cosine search."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self.model_id = embedder.model_id
        self.weights_hash = embedder.weights_hash
        self._matrix = np.zeros((0, embedder.dim), dtype=np.float32)
        self._alive = np.zeros(0, dtype=bool)
        self._ids: list[str] = []  # row -> doc id (rows of removed passages stay until save)
        self._hashes: list[str] = []
        self._row: dict[str, int] = {}
        # segment vectors, appended; a replaced or removed passage's segments are marked dead
        self._seg_matrix = np.zeros((0, embedder.dim), dtype=np.float32)
        self._seg_owner = np.zeros(0, dtype=np.int64)
        self._seg_alive = np.zeros(0, dtype=bool)
        self._seg_count = 0
        self.encoded = 0  # passages this store has encoded, for reports and tests
        self.discarded: list[str] = []  # ids whose saved vectors came from another model

    def __len__(self) -> int:
        return len(self._row)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._row

    def doc_ids(self) -> list[str]:
        return list(self._row)

    # --- adding and removing ------------------------------------------------------------

    def add(self, doc_id: str, text: str) -> int:
        return self.add_many([(doc_id, text)])

    def add_many(self, passages: Iterable[tuple[str, str]], *, progress: bool = False) -> int:
        """Add or replace passages; only new or changed texts are encoded. Returns how many."""
        todo: dict[str, tuple[str, str]] = {}
        for doc_id, text in passages:
            digest = text_hash(text)
            row = self._row.get(doc_id)
            if row is None or self._hashes[row] != digest:
                todo[doc_id] = (text, digest)
            else:
                todo.pop(doc_id, None)  # a later, unchanged copy wins over an earlier edit
        if not todo:
            return 0
        ids = list(todo)
        pieces = [segments(todo[d][0]) for d in ids]
        texts = [todo[d][0] for d in ids] + [p for parts in pieces for p in parts]
        vectors = self._encode(texts, progress)
        for doc_id in ids:
            if doc_id in self._row:
                self._kill_segments(self._row[doc_id])
            else:
                self._grow(len(self._ids) + 1)
                self._row[doc_id] = len(self._ids)
                self._ids.append(doc_id)
                self._hashes.append("")
        rows = np.array([self._row[d] for d in ids], dtype=np.int64)
        self._matrix[rows] = vectors[: len(ids)]
        self._alive[rows] = True
        for doc_id in ids:
            self._hashes[self._row[doc_id]] = todo[doc_id][1]
        owners = np.repeat(rows, [len(parts) for parts in pieces])
        self._append_segments(vectors[len(ids) :], owners)
        self.encoded += len(ids)
        return len(ids)

    def sync(self, passages: Iterable[tuple[str, str]], *, progress: bool = False) -> int:
        """Make the store hold exactly these passages; returns how many were encoded."""
        passages = list(passages)
        keep = {doc_id for doc_id, _ in passages}
        for doc_id in [d for d in self._row if d not in keep]:
            self.remove(doc_id)
        return self.add_many(passages, progress=progress)

    def remove(self, doc_id: str) -> None:
        row = self._row.pop(doc_id, None)
        if row is not None:
            self._alive[row] = False
            self._kill_segments(row)

    def _kill_segments(self, row: int) -> None:
        n = self._seg_count
        self._seg_alive[:n][self._seg_owner[:n] == row] = False

    def _append_segments(self, vectors: np.ndarray, owners: np.ndarray) -> None:
        start, stop = self._seg_count, self._seg_count + len(vectors)
        if stop > len(self._seg_matrix):
            capacity = max(stop, 2 * len(self._seg_matrix), 1024)
            self._seg_matrix = _grown(self._seg_matrix, capacity)
            self._seg_owner = _grown(self._seg_owner, capacity)
            self._seg_alive = _grown(self._seg_alive, capacity)
        self._seg_matrix[start:stop] = vectors
        self._seg_owner[start:stop] = owners
        self._seg_alive[start:stop] = True
        self._seg_count = stop

    def _encode(self, texts: list[str], progress: bool) -> np.ndarray:
        chunks = [texts[i : i + ENCODE_BATCH] for i in range(0, len(texts), ENCODE_BATCH)]
        bar = tqdm(total=len(texts), desc="encoding passages", unit="text", disable=not progress)
        parts = []
        with bar:
            for chunk in chunks:
                parts.append(self.embedder.encode(chunk, kind="passage"))
                bar.update(len(chunk))
        return np.concatenate(parts)

    def _grow(self, size: int) -> None:
        if size > len(self._matrix):
            capacity = max(size, 2 * len(self._matrix), 256)
            self._matrix = _grown(self._matrix, capacity)
            self._alive = _grown(self._alive, capacity)

    # --- searching ----------------------------------------------------------------------

    def scores(self, query_vector: np.ndarray) -> PassageScores:
        """The query's cosine with every passage, whole and by its best segment."""
        n = len(self._ids)
        query_vector = query_vector.astype(np.float32)
        passage = _dot(self._matrix[:n], query_vector)
        passage[~self._alive[:n]] = -np.inf
        segment = passage.copy()
        m = self._seg_count
        if m:
            by_segment = _dot(self._seg_matrix[:m], query_vector)
            by_segment[~self._seg_alive[:m]] = -np.inf
            np.maximum.at(segment, self._seg_owner[:m], by_segment)
        return PassageScores(self, passage, segment)

    def search(self, query_vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        """The ``k`` passages closest to the query vector: (doc id, cosine), best first."""
        return self.scores(query_vector).top(k)

    def similarity(self, query_vector: np.ndarray, doc_ids: list[str]) -> np.ndarray:
        """Cosine of the query with each whole passage (0 for one the store does not hold)."""
        return self.scores(query_vector).of(doc_ids)[0]

    def vector(self, doc_id: str) -> np.ndarray:
        return self._matrix[self._row[doc_id]].copy()

    # --- persistence --------------------------------------------------------------------

    def save(self, path: str | os.PathLike) -> None:
        """Write ``vectors.npy``, ``segments.npy``, ``segment_owner.npy`` and ``manifest.json``
        (written last: no manifest, no store)."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        ids = list(self._row)
        rows = np.array([self._row[d] for d in ids], dtype=np.int64)
        new_row = np.full(max(1, len(self._ids)), -1, dtype=np.int64)
        new_row[rows] = np.arange(len(rows))
        alive = np.flatnonzero(self._seg_alive[: self._seg_count])
        np.save(folder / "vectors.npy", self._matrix[rows], allow_pickle=False)
        np.save(folder / "segments.npy", self._seg_matrix[alive], allow_pickle=False)
        np.save(folder / "segment_owner.npy", new_row[self._seg_owner[alive]], allow_pickle=False)
        manifest = {
            "format": FORMAT_VERSION,
            "segmenter": SEGMENTER_VERSION,
            "model_id": self.model_id,
            "weights_hash": self.weights_hash,
            "dim": int(self._matrix.shape[1]),
            "doc_ids": ids,
            "text_hashes": [self._hashes[r] for r in rows.tolist()],
        }
        partial = folder / "manifest.json.partial"
        partial.write_text(json.dumps(manifest), encoding="utf-8")
        partial.replace(folder / "manifest.json")

    @classmethod
    def load(cls, path: str | os.PathLike, embedder: Embedder) -> PassageVectors:
        """The saved store, or an empty one (with ``discarded`` set) if another model made it."""
        folder = Path(path)
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            if manifest.get("format") != FORMAT_VERSION:
                raise ValueError(f"vector format {manifest.get('format')} is unknown")
            matrix = np.load(folder / "vectors.npy", allow_pickle=False)
            seg_matrix = np.load(folder / "segments.npy", allow_pickle=False)
            seg_owner = np.load(folder / "segment_owner.npy", allow_pickle=False)
        except (OSError, ValueError) as error:
            raise VectorLoadError(f"{folder}: not a saved vector store ({error})") from error
        store = cls(embedder)
        ids = manifest["doc_ids"]
        same = (manifest["model_id"], manifest["weights_hash"], manifest["segmenter"]) == (
            embedder.model_id,
            embedder.weights_hash,
            SEGMENTER_VERSION,
        )
        if not same or matrix.shape != (len(ids), embedder.dim):
            store.discarded = list(ids)
            return store
        store._matrix = matrix.astype(np.float32, copy=False)
        store._alive = np.ones(len(ids), dtype=bool)
        store._ids = list(ids)
        store._hashes = list(manifest["text_hashes"])
        store._row = {doc_id: i for i, doc_id in enumerate(ids)}
        store._seg_matrix = seg_matrix.astype(np.float32, copy=False)
        store._seg_owner = seg_owner.astype(np.int64, copy=False)
        store._seg_alive = np.ones(len(seg_owner), dtype=bool)
        store._seg_count = len(seg_owner)
        return store

    @classmethod
    def open(cls, path: str | os.PathLike | None, embedder: Embedder) -> PassageVectors:
        """The store saved at ``path`` if there is a readable one, else an empty store."""
        if path is not None and (Path(path) / "manifest.json").exists():
            try:
                return cls.load(path, embedder)
            except VectorLoadError:
                pass  # an old format or a broken write: start afresh
        return cls(embedder)


def _dot(matrix: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """Matrix times vector without BLAS: BLAS threads left spinning after ``@`` made the
    embedder's OpenMP threads of the next query five times slower on two cores."""
    return np.einsum("ij,j->i", matrix, vector)


def _grown(array: np.ndarray, capacity: int) -> np.ndarray:
    out = np.zeros((capacity, *array.shape[1:]), dtype=array.dtype)
    out[: len(array)] = array
    return out
