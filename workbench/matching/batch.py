"""Batch matching of a file of claims against a file of passages (the ``match`` command).

QUERIES: ``id<TAB>text[<TAB>YYYY-MM-DD]`` (the date anchors "last year" and the like);
CORPUS: ``id<TAB>text``. Output: TSV ``query_id, corpus_id, rank, score`` or JSON lines
with the matched facts and mismatches as well.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Literal, TextIO

from tqdm import tqdm

from workbench.matching.index import IndexLoadError, LexicalIndex


class MatchInputError(Exception):
    """A queries or corpus file a fact-checker handed us cannot be read."""


Query = tuple[str, str, date | None]


def read_queries(path: str | os.PathLike) -> list[Query]:
    queries = []
    for line_no, fields in _rows(path):
        if len(fields) not in (2, 3) or not fields[0] or not fields[1].strip():
            raise MatchInputError(
                f"{path}: line {line_no}: expected id<TAB>text[<TAB>YYYY-MM-DD], "
                f"found {len(fields)} field(s)"
            )
        anchor = None
        if len(fields) == 3 and fields[2].strip():
            try:
                anchor = date.fromisoformat(fields[2].strip())
            except ValueError:
                raise MatchInputError(
                    f"{path}: line {line_no}: {fields[2].strip()!r} is not a date (YYYY-MM-DD)"
                ) from None
        queries.append((fields[0], fields[1], anchor))
    return queries


def read_corpus(path: str | os.PathLike) -> list[tuple[str, str]]:
    rows = []
    for line_no, fields in _rows(path):
        if len(fields) != 2 or not fields[0] or not fields[1].strip():
            raise MatchInputError(
                f"{path}: line {line_no}: expected id<TAB>text, found {len(fields)} field(s)"
            )
        rows.append((fields[0], fields[1]))
    return rows


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
        ((doc_id, text, None, None) for doc_id, text in read_corpus(corpus_path)), workers=workers
    )
    if cached:
        index.save(cached)
    return index


def _cache_folder(corpus_path: str | os.PathLike, cache_dir: str | os.PathLike) -> Path:
    stat = os.stat(corpus_path)
    key = f"{os.path.abspath(corpus_path)}|{stat.st_size}|{stat.st_mtime_ns}"
    return Path(cache_dir) / ("index-" + hashlib.sha1(key.encode()).hexdigest()[:16])


def match_files(
    queries_path: str | os.PathLike,
    corpus_path: str | os.PathLike,
    *,
    top_k: int = 10,
    output_format: Literal["tsv", "json"] = "tsv",
    out: TextIO,
    progress: bool = False,
    cache_dir: str | os.PathLike | None = None,
    index: LexicalIndex | None = None,
) -> int:
    """Match every query against the corpus and write the results; returns the query count."""
    if output_format not in ("tsv", "json"):
        raise ValueError(f"unknown output format {output_format!r}")
    queries = read_queries(queries_path)
    index = index or build_index(corpus_path, cache_dir=cache_dir)
    explain = output_format == "json"
    for query_id, text, anchor in tqdm(
        queries, desc="matching", unit="claim", disable=not progress
    ):
        for match in index.search(text, k=top_k, anchor_date=anchor, with_explanation=explain):
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
