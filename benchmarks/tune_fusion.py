"""Tune the semantic path's fusion on the CheckThat! 2022 2A train split (never dev or test).

For every train tweet the hybrid matcher's candidates are gathered once, with wide lexical
and embedding top-k; then every combination of the three weights (lexical, passage cosine,
best-sentence cosine; steps of 0.05 summing to 1) and both top-k is scored by MAP@5 on
train, and the best few are printed. The chosen values are written by hand
into ``workbench.matching.hybrid.Fusion``.

    python benchmarks/tune_fusion.py --cache /tmp/claim-retrieval
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from tqdm import tqdm

sys.path.insert(0, str(Path(__file__).parent))

from claim_retrieval import (  # noqa: E402
    _average_precision,
    load_corpus,
    load_split,
    write_corpus,
)

from workbench.matching.batch import build_matcher  # noqa: E402
from workbench.matching.hybrid import Candidates, Fusion, HybridMatcher, fuse  # noqa: E402
from workbench.matching.posts import post_date  # noqa: E402

SPLIT = "train"  # the only split this script reads
WIDE = Fusion(lexical_k=100, semantic_k=100)
LEXICAL_K = (20, 50, 100)
SEMANTIC_K = (10, 20, 50)
STEPS = 20  # weights in steps of 1/20
DATE_WEIGHTS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8)


def restricted(found: Candidates, lexical_k: int, semantic_k: int) -> Candidates:
    """The candidates the matcher would have with these top-k (ranks are 1-based, 0 = absent)."""
    lexical_in = (found.lexical_rank > 0) & (found.lexical_rank <= lexical_k)
    semantic_in = (found.semantic_rank > 0) & (found.semantic_rank <= semantic_k)
    keep = np.flatnonzero(lexical_in | semantic_in)
    return Candidates(
        found.query,
        [found.doc_ids[i] for i in keep],
        np.where(lexical_in, found.lexical, 0.0)[keep],
        np.where(lexical_in, found.lexical_rank, 0)[keep],
        found.cosine[keep],
        found.segment[keep],
        np.where(semantic_in, found.semantic_rank, 0)[keep],
        found.query_vector,
        found.closeness[keep],
    )


def map_at_5(gathered: list[tuple[Candidates, set[str]]], fusion: Fusion) -> float:
    total = 0.0
    for found, relevant in gathered:
        scores = fuse(found, fusion)
        top = np.argsort(-scores, kind="stable")[:5]
        total += _average_precision([found.doc_ids[i] for i in top], relevant)
    return total / len(gathered)


def records_matcher(cache: Path | None) -> HybridMatcher:
    """The semantic matcher over the 14,231 fact-checks, its index and vectors kept in
    ``cache`` when given (encoding them takes most of an hour)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = cache or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        corpus_path = write_corpus(load_corpus(), folder)
        return build_matcher(corpus_path, semantic=True, cache_dir=cache, progress=True, log=print)


def gather_train(cache: Path | None) -> list[tuple[Candidates, set[str]]]:
    """Every train tweet's candidates with wide top-k, and its gold fact-checks. The tweets
    go in raw, as the batch CLI gets them (the matcher strips a post's furniture)."""
    queries, gold = load_split(SPLIT)
    matcher = records_matcher(cache)
    started = time.perf_counter()
    gathered = []
    for query_id, text in tqdm(queries, desc="train candidates", unit="tweet"):
        if query_id in gold:
            # as the batch CLI dates a pasted post (its relative dates stay unresolved)
            found = matcher.candidates(text, fusion=WIDE, near_date=post_date(text))
            gathered.append((found, gold[query_id]))
    print(f"{len(gathered)} train tweets, {time.perf_counter() - started:.0f} s for candidates")
    return gathered


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="the index and vectors claim_retrieval keeps")
    args = parser.parse_args(argv)
    gathered = gather_train(args.cache)
    results = []
    for lexical_k, semantic_k in itertools.product(LEXICAL_K, SEMANTIC_K):
        subsets = [(restricted(f, lexical_k, semantic_k), rel) for f, rel in gathered]
        for lexical, semantic in itertools.product(range(STEPS + 1), repeat=2):
            if lexical + semantic <= STEPS:
                segment = STEPS - lexical - semantic
                weights = [round(w / STEPS, 2) for w in (lexical, semantic, segment)]
                fusion = Fusion(*weights, lexical_k=lexical_k, semantic_k=semantic_k, date=0.0)
                results.append((map_at_5(subsets, fusion), fusion))
    # best MAP@5 first; among ties, fewer candidates (cheaper, less to explain)
    results.sort(key=lambda r: (-round(r[0], 4), r[1].lexical_k + r[1].semantic_k))
    alone = {
        name: max(m for m, f in results if getattr(f, name) == 1)
        for name in ("lexical", "semantic", "segment")
    }
    print(
        "train MAP@5 with one weight alone: " + ", ".join(f"{k} {v:.4f}" for k, v in alone.items())
    )
    no_segment = max((r for r in results if r[1].segment == 0), key=lambda r: r[0])
    print(f"best without the sentence cosine: {no_segment[0]:.4f} {no_segment[1]}")
    print(f"{'MAP@5':>7} {'lexical':>8} {'semantic':>9} {'segment':>8} {'lex_k':>6} {'sem_k':>6}")
    for score, fusion in results[:15]:
        print(
            f"{score:>7.4f} {fusion.lexical:>8.2f} {fusion.semantic:>9.2f} {fusion.segment:>8.2f} "
            f"{fusion.lexical_k:>6} {fusion.semantic_k:>6}"
        )
    # then the date bonus (date_prior), for the best fusion and for the lexical score alone
    # (what LexicalIndex.search ranks by); it counts where tweet and fact-check are dated
    best = results[0][1]
    lexical_alone = Fusion(1.0, 0.0, 0.0, lexical_k=best.lexical_k, semantic_k=best.semantic_k)
    for name, fusion in (("fusion", best), ("lexical alone", lexical_alone)):
        subsets = [(restricted(f, fusion.lexical_k, fusion.semantic_k), rel) for f, rel in gathered]
        scored = [
            (map_at_5(subsets, dataclasses.replace(fusion, date=weight)), weight)
            for weight in DATE_WEIGHTS
        ]
        print(f"date bonus on the {name}: " + ", ".join(f"{w:.2f}: {m:.4f}" for m, w in scored))


if __name__ == "__main__":
    main()
