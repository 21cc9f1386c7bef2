"""A second German/English claim set, written by another author than the first.

A helper session wrote 56 cases in domains and outlets unlike tests/matching/data/
crosslingual.json (foreign central banks, international courts, elections abroad, earnings,
health statistics, city budgets, science, disasters), each with its evidence in the other
language, two or three same-story distractors that differ in a number or date, and three
unrelated passages; all 336 passages share one index. Its first run (2026-12-05, before the
fixes it led to) found the evidence first for 52 cases, flagged 2 true evidence passages
and 86 of 104 distractors. The lexicon was then extended with a broad batch of news words
that includes the words this set showed unbridged, so the set is no longer blind; a third
set, kept out of the repository until then, measured the same fixes blind (README).
"""

import json
from datetime import date
from pathlib import Path

import pytest

from workbench.matching.index import LexicalIndex

CASES = json.loads((Path(__file__).parent / "data" / "crosslingual_blind.json").read_text("utf-8"))


def _date(value):
    return date.fromisoformat(value) if value else None


@pytest.fixture(scope="module")
def results():
    index = LexicalIndex()
    items = []
    for case in CASES:
        ev = case["evidence"]
        items.append(
            (f"{case['id']}/evidence", ev["text"], ev["language"], _date(ev["anchor_date"]))
        )
        for i, d in enumerate(case["distractors"]):
            items.append((f"{case['id']}/d{i}", d["text"], d["language"], _date(d["anchor_date"])))
        for i, u in enumerate(case["unrelated"]):
            items.append((f"{case['id']}/u{i}", u["text"], u["language"], None))
    index.add_many(items)
    found = {}
    for case in CASES:
        claim = case["claim"]
        matches = index.search(
            claim["text"], k=20, language=claim["language"], anchor_date=_date(claim["anchor_date"])
        )
        found[case["id"]] = {m.doc_id: m for m in matches}
    return found


def _rank(matches, doc_id):
    return next((n for n, d in enumerate(matches, 1) if d == doc_id), None)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_the_evidence_is_found_and_not_flagged(results, case):
    matches = results[case["id"]]
    evidence_id = f"{case['id']}/evidence"
    rank = _rank(matches, evidence_id)
    if rank is None or rank > 5:
        pytest.xfail(f"evidence at rank {rank}: counted in the aggregate test")
    assert matches[evidence_id].mismatches == [], "correct evidence flagged as a mismatch"


def test_most_evidence_ranks_first_and_distractors_are_flagged(results):
    first = sum(_rank(results[c["id"]], f"{c['id']}/evidence") == 1 for c in CASES)
    top5 = sum((_rank(results[c["id"]], f"{c['id']}/evidence") or 99) <= 5 for c in CASES)
    flagged = total = 0
    for case in CASES:
        for i, distractor in enumerate(case["distractors"]):
            if not distractor["mismatch"]:
                continue
            total += 1
            match = results[case["id"]].get(f"{case['id']}/d{i}")
            expected = {
                (e["field"], e["claim_value"], e["evidence_value"]) for e in distractor["mismatch"]
            }
            flagged += bool(
                match
                and expected
                & {(m.field, m.claim_value, m.evidence_value) for m in match.mismatches}
            )
    # floors a little under what the set gives now (55, 56, 101 of 104), so a regression fails
    assert first >= 54 and top5 >= 55, (first, top5)
    assert flagged / total >= 0.93, (flagged, total)
