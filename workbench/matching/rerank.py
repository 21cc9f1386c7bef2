"""Second stage of matching: re-score a few hundred candidates with rapidfuzz.

The final score fuses the candidate stage's BM25 score (relative to what a perfect passage
would score), rapidfuzz token similarity on the normalised token strings (so a German claim
is compared with an English passage through the bilingual lexicon), and fact agreement
(amounts, numbers, dates shared).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process


@dataclass(frozen=True)
class Weights:
    # tuned on the CheckThat! 2022 2A train split (benchmarks/claim_retrieval.py)
    lexical: float = 0.70
    similarity: float = 0.30
    facts: float = 0.05


DEFAULT_WEIGHTS = Weights()


def rerank(
    query_words: str,
    query_facts: frozenset[str],
    candidate_words: list[str],
    candidate_facts: list[str],
    lexical: np.ndarray,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
) -> np.ndarray:
    """Scores in 0..1, one per candidate.

    ``lexical`` is the candidate stage's score already divided by the query's own
    best possible score; ``*_words`` are space-joined normalised tokens and
    ``candidate_facts`` space-joined fact terms (``#date:2023-06``).
    """
    if not candidate_words:
        return np.zeros(0, dtype=np.float32)
    similarity = (
        process.cdist(
            [query_words], candidate_words, scorer=fuzz.token_set_ratio, dtype=np.float32
        )[0]
        / 100.0
    )
    lexical = np.minimum(lexical.astype(np.float32), 1.0)
    if query_facts:
        shared = np.fromiter(
            (len(query_facts.intersection(facts.split())) for facts in candidate_facts),
            dtype=np.float32,
            count=len(candidate_facts),
        )
        fact_score = shared / len(query_facts)
        total = weights.lexical + weights.similarity + weights.facts
        return (
            weights.lexical * lexical + weights.similarity * similarity + weights.facts * fact_score
        ) / total
    total = weights.lexical + weights.similarity
    return (weights.lexical * lexical + weights.similarity * similarity) / total
