"""Batch matching of a file of claims against a file of passages (the ``match`` command).

QUERIES: ``id<TAB>text[<TAB>YYYY-MM-DD]`` (the date anchors "last year" and the like);
CORPUS: ``id<TAB>text[<TAB>YYYY-MM-DD]`` (when the passage was published). Where a query
(by its date, or a pasted post by its embed signature) and a passage are both dated,
passages dated near the query score a little higher (``date_prior``). Output: TSV ``query_id, corpus_id, rank, score`` or JSON lines
with the matched facts and mismatches as well. The lexical path searches a ``LexicalIndex``;
the semantic path a ``HybridMatcher`` over the same index and the corpus's vectors.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Literal, TextIO

from tqdm import tqdm

from workbench.matching.hybrid import HybridMatcher
from workbench.matching.index import IndexLoadError, LexicalIndex
from workbench.matching.posts import post_date
from workbench.matching.semantic import Embedder, default_embedder
from workbench.matching.vectors import PassageVectors


class MatchInputError(Exception):
    """A queries or corpus file a fact-checker handed us cannot be read."""


# id, text and the date given (or None): a query's or a passage's line
DatedRow = tuple[str, str, date | None]


def read_queries(path: str | os.PathLike) -> list[DatedRow]:
    """The claims to match: id, text and the date given (or None)."""
    return _dated_rows(path)


def read_corpus(path: str | os.PathLike) -> list[DatedRow]:
    """The passages: id, text and the date they were published (or None)."""
    return _dated_rows(path)


def _dated_rows(path: str | os.PathLike) -> list[DatedRow]:
    """``id<TAB>text[<TAB>YYYY-MM-DD]`` rows."""
    rows = []
    for line_no, fields in _rows(path):
        if len(fields) not in (2, 3) or not fields[0] or not fields[1].strip():
            raise MatchInputError(
                f"{path}: line {line_no}: expected id<TAB>text[<TAB>YYYY-MM-DD], "
                f"found {len(fields)} field(s)"
            )
        dated = None
        if len(fields) == 3 and fields[2].strip():
            dated = _iso_date(fields[2].strip())
            if dated is None:
                raise MatchInputError(
                    f"{path}: line {line_no}: expected id<TAB>text[<TAB>YYYY-MM-DD], but the "
                    f"third field {fields[2].strip()[:40]!r} is not a date (a tab in the text?)"
                )
        rows.append((fields[0], fields[1], dated))
    return rows


_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(text: str) -> date | None:
    """YYYY-MM-DD as written, nothing else ISO 8601 allows ("20190312", "2019-W11")."""
    if not _ISO_DATE_RE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _rows(path: str | os.PathLike):
    try:
        with open(path, encoding="utf-8") as handle:
            for line_no, line in enumerate(handle, start=1):
                line = line.rstrip("\r\n")
                if line.strip():
                    yield line_no, line.split("\t")
    except OSError as error:
        raise MatchInputError(f"{path}: cannot read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise MatchInputError(f"{path}: not UTF-8 text") from None


def build_index(
    corpus_path: str | os.PathLike,
    *,
    cache_dir: str | os.PathLike | None = None,
    workers: int = 1,
) -> LexicalIndex:
    """An index over the corpus file, reused from ``cache_dir`` while the file is unchanged."""
    cached = _cache_folder(corpus_path, cache_dir) if cache_dir else None
    if cached and (cached / "manifest.json").exists():
        try:
            return LexicalIndex.load(cached)
        except IndexLoadError:
            pass  # an old format: rebuild below
    index = LexicalIndex()
    index.add_many(
        ((doc_id, text, None, dated) for doc_id, text, dated in read_corpus(corpus_path)),
        workers=workers,
    )
    if cached:
        index.save(cached)
    return index


def _cache_folder(corpus_path: str | os.PathLike, cache_dir: str | os.PathLike) -> Path:
    stat = os.stat(corpus_path)
    key = f"{os.path.abspath(corpus_path)}|{stat.st_size}|{stat.st_mtime_ns}"
    return Path(cache_dir) / ("index-" + hashlib.sha1(key.encode()).hexdigest()[:16])


def vector_cache_folder(
    rows: Iterable[tuple[str, str]], embedder: Embedder, cache_dir: str | os.PathLike
) -> Path:
    """Where a corpus's vectors are kept: keyed by its ids and texts (not its dates, which
    no vector depends on), the model and its weights."""
    content = hashlib.sha256()
    for doc_id, text in rows:
        content.update(f"{doc_id}\t{text}\n".encode())
    key = f"{content.hexdigest()}|{embedder.model_id}|{embedder.weights_hash}"
    return Path(cache_dir) / ("vectors-" + hashlib.sha1(key.encode()).hexdigest()[:16])


def build_vectors(
    corpus_path: str | os.PathLike,
    embedder: Embedder,
    *,
    cache_dir: str | os.PathLike | None = None,
    progress: bool = False,
    log: Callable[[str], None] | None = None,
) -> PassageVectors:
    """The corpus's passage vectors, reused from ``cache_dir`` for the same corpus and model."""
    rows = [(doc_id, text) for doc_id, text, _ in read_corpus(corpus_path)]
    folder = vector_cache_folder(rows, embedder, cache_dir) if cache_dir else None
    vectors = PassageVectors.open(folder, embedder)
    before = len(vectors)
    encoded = vectors.sync(rows, progress=progress)
    if folder and (encoded or len(vectors) != before):
        vectors.save(folder)
    if log and folder:
        log(f"vector cache: {folder} ({len(rows) - encoded} reused, {encoded} encoded)")
    return vectors


def build_matcher(
    corpus_path: str | os.PathLike,
    *,
    semantic: bool,
    embedder: Embedder | None = None,
    cache_dir: str | os.PathLike | None = None,
    progress: bool = False,
    log: Callable[[str], None] | None = None,
) -> LexicalIndex | HybridMatcher:
    """The lexical index over the corpus, wrapped with its vectors on the semantic path."""
    index = build_index(corpus_path, cache_dir=cache_dir)
    if log and cache_dir:
        log(f"index cache: {_cache_folder(corpus_path, cache_dir)}")
    if not semantic:
        return index
    embedder = embedder or default_embedder()
    vectors = build_vectors(corpus_path, embedder, cache_dir=cache_dir, progress=progress, log=log)
    return HybridMatcher(index, vectors)


def match_files(
    queries_path: str | os.PathLike,
    corpus_path: str | os.PathLike,
    *,
    top_k: int = 10,
    output_format: Literal["tsv", "json"] = "tsv",
    out: TextIO,
    progress: bool = False,
    cache_dir: str | os.PathLike | None = None,
    index: LexicalIndex | HybridMatcher | None = None,
    semantic: bool = False,
    embedder: Embedder | None = None,
    log: Callable[[str], None] | None = None,
) -> int:
    """Match every query against the corpus and write the results; returns the query count.

    ``semantic`` searches a ``HybridMatcher`` (needs the [semantic] extra); ``index`` is a
    matcher built already (either kind), which the other options then do not change.
    """
    if output_format not in ("tsv", "json"):
        raise ValueError(f"unknown output format {output_format!r}")
    queries = read_queries(queries_path)
    index = index or build_matcher(
        corpus_path,
        semantic=semantic,
        embedder=embedder,
        cache_dir=cache_dir,
        progress=progress,
        log=log,
    )
    explain = output_format == "json"
    for query_id, text, anchor in tqdm(
        queries, desc="matching", unit="claim", disable=not progress
    ):
        # a post's signature dates it for the date bonus, but its "last year" stays
        # unresolved: on CheckThat! train, anchoring tweets' relative dates cost 0.002 MAP@5
        near_date = anchor or post_date(text)
        for match in index.search(
            text, k=top_k, anchor_date=anchor, with_explanation=explain, near_date=near_date
        ):
            if output_format == "tsv":
                out.write(f"{query_id}\t{match.doc_id}\t{match.rank}\t{match.score:.4f}\n")
            else:
                record = {
                    "query_id": query_id,
                    "corpus_id": match.doc_id,
                    "rank": match.rank,
                    "score": match.score,
                    "mismatches": [asdict(m) for m in match.mismatches],
                    "matched": match.matched,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(queries)
