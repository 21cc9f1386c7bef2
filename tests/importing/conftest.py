"""Fixtures for the article-analysis tests: the seed article and the hand-annotated articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = Path(__file__).resolve().parent / "articles"
SEED_RAW = ROOT / "seeds" / "t3n-2025-08-30-musk-zuckerberg-openai.de.txt"
SEED_CLAIMS = ROOT / "seeds" / "claims.json"


def annotated_articles() -> list[tuple[Path, dict]]:
    found = []
    for expected in sorted(ARTICLES.glob("*.expected.json")):
        raw = expected.with_name(expected.name.replace(".expected.json", ".txt"))
        found.append((raw, json.loads(expected.read_text(encoding="utf-8"))))
    return found


@pytest.fixture
def seed_raw() -> str:
    return SEED_RAW.read_text(encoding="utf-8")


@pytest.fixture
def seed_claims() -> list[dict]:
    return json.loads(SEED_CLAIMS.read_text(encoding="utf-8"))
