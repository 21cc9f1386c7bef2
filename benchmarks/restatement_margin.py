"""How far above the background level a restatement's cosine rises, for "checked before?".

On the semantic path a claim's cosine with any sentence is 0.7-0.9, so "checked before?"
lists a claim only when its cosine rises ``margin`` above the claim's background level: what
the nearest of a fixed set of unrelated sentences reach (``workbench/matching/background.py``).
This script shows, per margin:

- on CheckThat! 2022 2A **train** (the only split it reads; raw tweets against the 14,231
  fact-checks): how many tweets keep their gold fact-check, and how often the 1st, 10th, 100th
  and 1,000th closest other fact-check passes too. The closest ones are often Snopes checks
  of the same rumour, so their rate is an upper bound on false restatements; the 100th and
  1,000th are what an unrelated claim looks like;
- on the German/English set the matching tests use (``tests/matching/data/crosslingual.json``,
  written for Workbench, not tuned on): how many claims keep their evidence in the other
  language, and how many unrelated sentences pass.

    python benchmarks/restatement_margin.py --cache /tmp/cr
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claim_retrieval import load_split  # noqa: E402
from tune_fusion import records_matcher  # noqa: E402

from workbench.matching.background import RESTATEMENT_MARGIN, background_for  # noqa: E402
from workbench.matching.posts import strip_post_furniture  # noqa: E402
from workbench.matching.semantic import Embedder  # noqa: E402

CROSSLINGUAL = Path(__file__).resolve().parents[1] / "tests/matching/data/crosslingual.json"
MARGINS = [round(m, 2) for m in np.arange(0.0, 0.121, 0.01)]
OTHER_RANKS = (1, 10, 100, 1000)


def train_margins(cache: Path | None) -> tuple[np.ndarray, np.ndarray, Embedder]:
    """Per train tweet: its gold's margin, and the margins of its other fact-checks at
    ``OTHER_RANKS`` (cosine minus the tweet's background level, best of whole and sentence)."""
    queries, gold = load_split("train")
    matcher = records_matcher(cache)
    background = background_for(matcher.embedder)
    tweets = [(q, strip_post_furniture(text)) for q, text in queries if q in gold]
    started = time.perf_counter()
    vectors = matcher.embedder.encode([text for _, text in tweets], kind="query")
    print(f"{len(tweets)} train tweets encoded in {time.perf_counter() - started:.0f} s")
    gold_margins, other_margins = [], []
    for (query_id, _), vector in zip(tweets, vectors, strict=True):
        level = background.level(vector, "en")
        scores = matcher.vectors.scores(vector)
        passage, segment = scores.of(sorted(gold[query_id]))
        gold_margins.append(float(np.maximum(passage, segment).max()) - level)
        ranked = scores.top(max(OTHER_RANKS) + len(gold[query_id]))
        others = [cosine for doc_id, cosine in ranked if doc_id not in gold[query_id]]
        other_margins.append([others[r - 1] - level for r in OTHER_RANKS])
    return np.array(gold_margins), np.array(other_margins), matcher.embedder


def crosslingual_margins(embedder: Embedder) -> tuple[np.ndarray, np.ndarray]:
    """Per case of the German/English set: the claim's margin with its evidence, and with
    each unrelated sentence."""
    data = json.loads(CROSSLINGUAL.read_text(encoding="utf-8"))
    background = background_for(embedder)
    claims = embedder.encode([c["claim"]["text"] for c in data["cases"]], kind="query")
    evidence = embedder.encode([c["evidence"]["text"] for c in data["cases"]], kind="passage")
    unrelated = embedder.encode([u["text"] for u in data["unrelated"]], kind="passage")
    cases = zip(claims, data["cases"], strict=True)
    evidence_levels = np.array([background.level(v, c["evidence"]["language"]) for v, c in cases])
    restated = np.einsum("ij,ij->i", claims, evidence) - evidence_levels
    unrelated_levels = np.array(
        [[background.level(v, u["language"]) for u in data["unrelated"]] for v in claims]
    )
    return restated, (claims @ unrelated.T - unrelated_levels).ravel()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="the index and vectors claim_retrieval keeps")
    args = parser.parse_args(argv)
    gold, others, embedder = train_margins(args.cache)
    restated, unrelated = crosslingual_margins(embedder)
    ranks = "/".join(map(str, OTHER_RANKS))
    print(f"margin  train: gold kept, others pass at rank {ranks}  |  de-en: kept, unrelated pass")
    for margin in MARGINS:
        passes = " ".join(f"{(others[:, j] >= margin).mean():.3f}" for j in range(len(OTHER_RANKS)))
        shipped = "  <- shipped" if abs(margin - RESTATEMENT_MARGIN) < 1e-9 else ""
        print(
            f"{margin:6.2f}  {(gold >= margin).mean():.3f}  {passes}"
            f"  |  {(restated >= margin).mean():.3f}  {(unrelated >= margin).mean():.3f}{shipped}"
        )


if __name__ == "__main__":
    main()
