"""German claims from the seed article find their English evidence on the lexical path."""

from datetime import date

import pytest

ANCHOR = date(2025, 8, 30)  # the article's republication date
ALIASES = {"Meta-Chef": "zuckerberg"}


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        (
            "Knapp 100 Milliarden US-Dollar, genauer 97,4 Milliarden, wollte Musk für das "
            "KI-Unternehmen aus Kalifornien auf den Tisch legen.",
            "offer",
        ),
        (
            "Weder Zuckerberg noch sein Unternehmen Meta unterzeichneten eine entsprechende "
            "Absichtserklärung.",
            "loi",
        ),
        (
            "Die Information stammt aus Gerichtsakten, die im Zuge von Musks laufender Klage "
            "gegen OpenAI öffentlich wurden.",
            "filing",
        ),
        (
            "Erst im vergangenen Jahr forderte Musk den Meta-Chef zu einem „Käfigkampf“ heraus.",
            "cage",
        ),
    ],
)
def test_german_claim_finds_english_passage_first(seed_index, claim, expected):
    matches = seed_index.search(claim, k=3, anchor_date=ANCHOR, aliases=ALIASES)
    assert matches[0].doc_id == expected
    assert matches[0].rank == 1
    assert 0 < matches[0].score <= 1


def test_amount_is_matched_without_mismatch(seed_index):
    claim = (
        "Knapp 100 Milliarden US-Dollar, genauer 97,4 Milliarden, wollte Musk für das "
        "KI-Unternehmen aus Kalifornien auf den Tisch legen."
    )
    best = seed_index.search(claim, k=1, anchor_date=ANCHOR)[0]
    assert "USD:97400000000" in best.matched["numbers"]
    assert "musk" in best.matched["names"]
    assert best.mismatches == []


def test_cage_match_claim_flags_the_wrong_year(seed_index):
    claim = "Erst im vergangenen Jahr forderte Musk den Meta-Chef zu einem „Käfigkampf“ heraus."
    best = seed_index.search(claim, k=1, anchor_date=ANCHOR, aliases=ALIASES)[0]
    assert best.doc_id == "cage"
    assert set(best.matched["names"]) >= {"musk", "zuckerberg"}
    dates = [m for m in best.mismatches if m.field == "date"]
    assert len(dates) == 1
    assert dates[0].claim_value == "2024"
    assert dates[0].evidence_value.startswith("2023-06")


def test_without_the_alias_the_cage_match_is_still_found(seed_index):
    claim = "Erst im vergangenen Jahr forderte Musk den Meta-Chef zu einem „Käfigkampf“ heraus."
    assert seed_index.search(claim, k=1, anchor_date=ANCHOR)[0].doc_id == "cage"
