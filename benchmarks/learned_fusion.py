"""Would a learned fusion beat the three tuned weights? A check on CheckThat! 2022 2A train only.

For every train tweet (raw, as the batch CLI gets it) the hybrid matcher's candidates are
gathered once with wide lexical and embedding top-k. For each pair of top-k, a linear model
over eight features (lexical score, passage cosine, best-sentence cosine, the lexical and
the cosine gap to the best candidate, both reciprocal ranks, the date closeness) is fitted with a listwise loss
(softmax over each tweet's candidates) and measured by five-fold cross-validation on train
(MAP@5 on the held-out folds), beside the shipped fusion (``hybrid.DEFAULT_FUSION``) on the
same candidates. On 2026-12-05, before dates took part, it gained 0.003 MAP@5 (0.8855
against 0.8829), too little to ship; the script stays so the comparison can be run again for another model.

    python benchmarks/learned_fusion.py --cache /tmp/claim-retrieval
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from claim_retrieval import _average_precision  # noqa: E402
from tune_fusion import gather_train, restricted  # noqa: E402

from workbench.matching.hybrid import DEFAULT_FUSION, Candidates, fuse  # noqa: E402

TOP_K = ((100, 10), (100, 20), (100, 50), (50, 20), (50, 50))
FOLDS = 5
L2 = 1e-3


FEATURES = (
    "lexical",
    "cosine",
    "segment",
    "lexical_gap",
    "semantic_gap",
    "lexical_rr",
    "semantic_rr",
    "closeness",
)


def fusion_features(found: Candidates) -> np.ndarray:
    """One row per candidate, one column per name in ``FEATURES``."""
    lexical = np.asarray(found.lexical, dtype=np.float64)
    cosine = np.clip(np.asarray(found.cosine, dtype=np.float64), 0.0, 1.0)
    segment = np.clip(np.asarray(found.segment, dtype=np.float64), 0.0, 1.0)
    closest = np.maximum(cosine, segment)
    return np.stack(
        [
            lexical,
            cosine,
            segment,
            lexical - lexical.max(),
            closest - closest.max(),
            _reciprocal(found.lexical_rank),
            _reciprocal(found.semantic_rank),
            np.asarray(found.closeness, dtype=np.float64),
        ],
        axis=1,
    )


def _reciprocal(ranks: np.ndarray) -> np.ndarray:
    ranks = np.asarray(ranks, dtype=np.float64)
    return np.where(ranks > 0, 1.0 / np.maximum(ranks, 1.0), 0.0)


def labels(found: Candidates, relevant: set[str]) -> np.ndarray:
    return np.array([d in relevant for d in found.doc_ids], dtype=np.float64)


def fit_listwise(lists: list[tuple[np.ndarray, np.ndarray]], steps: int = 400) -> np.ndarray:
    """Weights minimising the softmax cross-entropy of each list's gold (Adam, L2)."""
    lists = [(x, y) for x, y in lists if y.sum() > 0]
    stacked = np.concatenate([x for x, _ in lists])
    mean, scale = stacked.mean(axis=0), stacked.std(axis=0) + 1e-9
    standard = [((x - mean) / scale, y / y.sum()) for x, y in lists]
    w = np.zeros(stacked.shape[1])
    m, v = np.zeros_like(w), np.zeros_like(w)
    for t in range(1, steps + 1):
        grad = np.zeros_like(w)
        for x, target in standard:
            s = x @ w
            p = np.exp(s - s.max())
            grad += x.T @ (p / p.sum() - target)
        grad = grad / len(standard) + L2 * w
        m, v = 0.9 * m + 0.1 * grad, 0.999 * v + 0.001 * grad * grad
        w -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w / scale  # in the features' own units (a shift per list changes no ranking)


def map_at_5(gathered: list[tuple[Candidates, set[str]]], scorer) -> float:
    total = 0.0
    for found, relevant in gathered:
        top = np.argsort(-scorer(found), kind="stable")[:5]
        total += _average_precision([found.doc_ids[i] for i in top], relevant)
    return total / len(gathered)


def shipped_fusion(found: Candidates) -> np.ndarray:
    return fuse(found, DEFAULT_FUSION)


def cross_validated(gathered: list[tuple[Candidates, set[str]]]) -> float:
    folds = np.random.default_rng(0).permutation(len(gathered)) % FOLDS
    total = 0.0
    for fold in range(FOLDS):
        train = [
            (fusion_features(f), labels(f, r))
            for (f, r), k in zip(gathered, folds, strict=True)
            if k != fold
        ]
        weights = fit_listwise(train)
        held_out = [g for g, k in zip(gathered, folds, strict=True) if k == fold]
        total += map_at_5(held_out, lambda f, w=weights: fusion_features(f) @ w) * len(held_out)
    return total / len(gathered)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="the index and vectors claim_retrieval keeps")
    args = parser.parse_args(argv)
    gathered = gather_train(args.cache)
    print(f"{'lex_k':>6} {'sem_k':>6} {'shipped':>9} {'fitted (5-fold CV)':>19}")
    for lexical_k, semantic_k in TOP_K:
        subset = [(restricted(f, lexical_k, semantic_k), r) for f, r in gathered]
        before = map_at_5(subset, shipped_fusion)
        after = cross_validated(subset)
        print(f"{lexical_k:>6} {semantic_k:>6} {before:>9.4f} {after:>19.4f}", flush=True)


if __name__ == "__main__":
    main()
