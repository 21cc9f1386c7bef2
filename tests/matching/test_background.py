"""The background level that tells a restatement from a claim on the same topic."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.matching.background import (
    LEXICAL_RESTATEMENT,
    RESTATEMENT_MARGIN,
    SENTENCES,
    Background,
    background_for,
)
from workbench.matching.hybrid import Candidates, restatements
from workbench.matching.normalise import normalise


class LanguageEmbedder:
    """Puts every English background sentence on one axis and every German one on another,
    with the first sentence of each language nearer the claim than the rest."""

    model_id = "test/language-axes"
    weights_hash = "sha256:0"
    dim = 3

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts, kind="query"):
        self.calls += 1
        rows = []
        for text in texts:
            axis = 0 if text in SENTENCES["en"] else 1 if text in SENTENCES["de"] else 2
            row = np.zeros(self.dim, dtype=np.float32)
            row[axis] = 1.0
            if text in (SENTENCES["en"][0], SENTENCES["de"][0]):
                row[2] = 1.0  # on the claim's topic
            rows.append(row / np.linalg.norm(row))
        return np.array(rows)


def test_the_level_is_taken_in_the_passage_language_and_no_one_sentence_sets_it() -> None:
    background = Background(LanguageEmbedder(), nearest=5)
    # a "German" claim: closer to all German sentences, closest to the one on its topic
    claim = np.array([0.2, 0.9, 0.4], dtype=np.float32)
    claim /= np.linalg.norm(claim)
    on_topic = (claim[1] + claim[2]) / np.sqrt(2)
    assert on_topic > claim[1]
    assert background.level(claim, "de") == pytest.approx((on_topic + 4 * claim[1]) / 5)
    assert background.level(claim, "en") < background.level(claim, "de")
    # a language the background lacks, or none: the lowest level, so nothing is hidden
    assert background.level(claim, "fr") == background.level(claim, None)
    assert background.level(claim, None) == background.level(claim, "en")


def test_the_background_is_encoded_once_per_model() -> None:
    embedder = LanguageEmbedder()
    first = background_for(embedder)
    assert background_for(embedder) is first
    assert embedder.calls == len(SENTENCES)  # one batch per language, once


class FixedLevels:
    def __init__(self, levels: dict[str | None, float]) -> None:
        self.levels = levels

    def level(self, query_vector, language=None) -> float:
        return self.levels[language]


def _candidates(lexical, cosine, segment) -> Candidates:
    n = len(lexical)
    return Candidates(
        normalise("a claim"),
        [f"p{i}" for i in range(n)],
        np.array(lexical, dtype=np.float32),
        np.arange(1, n + 1, dtype=np.int32),
        np.array(cosine, dtype=np.float32),
        np.array(segment, dtype=np.float32),
        np.arange(1, n + 1, dtype=np.int32),
        np.zeros(3, dtype=np.float32),
        np.zeros(n, dtype=np.float32),
    )


def test_a_restatement_rises_above_the_level_of_its_own_language() -> None:
    levels = FixedLevels({"en": 0.78, "de": 0.82})
    above_en = 0.78 + RESTATEMENT_MARGIN + 0.01
    found = _candidates(
        lexical=[0.0, 0.0, 0.0, LEXICAL_RESTATEMENT, 0.1],
        cosine=[above_en, above_en, 0.70, 0.70, 0.70],
        segment=[0.0, 0.0, 0.0, 0.0, above_en],
    )
    _, kept = restatements(found, ["en", "de", "en", "en", "en"], levels)
    # English passage above the English level; the same cosine is no restatement in German,
    # where every sentence comes closer; an unrelated one; one the lexical matcher alone
    # finds; one whose closest sentence restates the claim
    assert kept.tolist() == [True, False, False, True, True]


def test_a_regional_language_code_takes_its_language_level() -> None:
    background = Background(LanguageEmbedder(), nearest=5)
    claim = np.array([0.2, 0.9, 0.4], dtype=np.float32)
    claim /= np.linalg.norm(claim)
    assert background.level(claim, "de-CH") == background.level(claim, "de")
    assert background.level(claim, "DE") == background.level(claim, "de")
