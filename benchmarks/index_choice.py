"""Which engine should run the candidate stage? Measured, not guessed.

All engines get the same input: the synthetic passages of ``benchmarks/matching.py``
normalised once by ``workbench.matching.normalise`` into term streams (terms encoded as
``t<id>`` so every engine's tokenizer keeps them intact), and the same edited queries.
For each engine: build time, median / p95 latency for the top 300 candidates, and how
often the target passage is among them (candidate recall@300) and in the top 10.

Engines: the hand-written numpy BM25 of ``workbench.matching.index`` (candidate stage
only), ``bm25s``, ``tantivy`` and SQLite FTS5 (``bm25()``).

    python benchmarks/index_choice.py --passages 100000 --queries 200
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable

from matching import generate

from workbench.matching.index import LexicalIndex, index_terms
from workbench.matching.normalise import NormalisedText, normalise

CANDIDATES = 300


def term_streams(texts: list[str], queries: list[tuple[str, int]]):
    vocab: dict[str, int] = {}
    docs = [
        [f"t{vocab.setdefault(t, len(vocab))}" for t in index_terms(normalise(x, language="en"))]
        for x in texts
    ]
    query_terms = [
        [f"t{vocab[t]}" for t in index_terms(normalise(q)) if t in vocab] for q, _ in queries
    ]
    return docs, query_terms


def engine_numpy(texts, docs, queries, query_terms):
    index = LexicalIndex(k1=0.9, b=0.4)
    started = time.perf_counter()
    index._append_docs(  # the term streams already made: skip normalising again
        [(str(n), text, "en", None) for n, text in enumerate(texts)],
        [" ".join(terms) + "\t" for terms in docs],
    )
    build = time.perf_counter() - started
    normalised = [NormalisedText(tuple(terms), ()) for terms in query_terms]

    def search(i: int) -> list[int]:
        found, scores = index.candidates(normalised[i], CANDIDATES)
        return found[(-scores).argsort(kind="stable")].tolist()

    return build, search


def engine_bm25s(texts, docs, queries, query_terms):
    import bm25s

    retriever = bm25s.BM25(k1=0.9, b=0.4)
    started = time.perf_counter()
    retriever.index(docs, show_progress=False)
    build = time.perf_counter() - started

    def search(i: int) -> list[int]:
        terms = [t for t in query_terms[i] if t in retriever.vocab_dict] or ["t0"]
        found, _ = retriever.retrieve([terms], k=CANDIDATES, show_progress=False)
        return found[0].tolist()

    return build, search


def engine_tantivy(texts, docs, queries, query_terms):
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("n", stored=True, fast=True)
    builder.add_text_field("body", tokenizer_name="whitespace", index_option="freq")
    schema = builder.build()
    folder = tempfile.mkdtemp(prefix="tantivy-")
    started = time.perf_counter()
    index = tantivy.Index(schema, path=folder)
    writer = index.writer(heap_size=500_000_000, num_threads=2)
    for n, terms in enumerate(docs):
        writer.add_document(tantivy.Document(n=n, body=" ".join(terms)))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()
    build = time.perf_counter() - started

    def search(i: int) -> list[int]:
        query = tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", t))
                for t in dict.fromkeys(query_terms[i])
            ]
        )
        hits = searcher.search(query, CANDIDATES).hits
        return [searcher.doc(address)["n"][0] for _, address in hits]

    return build, search


def engine_fts5(texts, docs, queries, query_terms):
    db = sqlite3.connect(":memory:")
    started = time.perf_counter()
    db.execute("CREATE VIRTUAL TABLE passages USING fts5(body, tokenize='ascii')")
    db.executemany(
        "INSERT INTO passages(rowid, body) VALUES (?, ?)",
        ((n, " ".join(terms)) for n, terms in enumerate(docs)),
    )
    db.commit()
    build = time.perf_counter() - started

    def search(i: int) -> list[int]:
        match = " OR ".join(dict.fromkeys(query_terms[i])) or "t0"
        rows = db.execute(
            "SELECT rowid FROM passages WHERE passages MATCH ? ORDER BY rank LIMIT ?",
            (match, CANDIDATES),
        )
        return [row[0] for row in rows]

    return build, search


ENGINES: dict[str, Callable] = {
    "numpy (workbench)": engine_numpy,
    "bm25s": engine_bm25s,
    "tantivy": engine_tantivy,
    "sqlite fts5": engine_fts5,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    texts, queries = generate(args.passages, args.queries)
    started = time.perf_counter()
    docs, query_terms = term_streams(texts, queries)
    print(
        f"normalised {len(texts)} passages in {time.perf_counter() - started:.1f}s "
        "(shared by all engines, not in build times)"
    )
    print(f"{'engine':<18} {'build s':>8} {'median ms':>10} {'p95 ms':>8} {'R@300':>7} {'R@10':>7}")
    for name in args.engines.split(","):
        build, search = ENGINES[name](texts, docs, queries, query_terms)
        latencies, in_candidates, in_top10 = [], 0, 0
        for i, (_, target) in enumerate(queries):
            started = time.perf_counter()
            found = search(i)
            latencies.append((time.perf_counter() - started) * 1000)
            in_candidates += target in found
            in_top10 += target in found[:10]
        row = {
            "engine": name,
            "build_s": round(build, 2),
            "median_ms": round(statistics.median(latencies), 3),
            "p95_ms": round(sorted(latencies)[int(0.95 * (len(latencies) - 1))], 3),
            "recall_at_300": round(in_candidates / len(queries), 4),
            "recall_at_10": round(in_top10 / len(queries), 4),
        }
        if args.json:
            print(json.dumps(row))
        else:
            print(
                f"{name:<18} {row['build_s']:>8} {row['median_ms']:>10} {row['p95_ms']:>8} "
                f"{row['recall_at_300']:>7} {row['recall_at_10']:>7}",
                flush=True,
            )


if __name__ == "__main__":
    main()
