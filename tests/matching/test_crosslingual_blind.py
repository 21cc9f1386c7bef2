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

The third set (data/crosslingual_blind_c.json, 50 cases: sports, culture, tech, food prices,
transport, energy, crime, schools, housing, strikes, migration, weather, space, pharma) was
written after those fixes, blind to the lexicon and the rules, and run once before it was
added: evidence first for 48 (44 with the code of that morning), in the top 5 for all,
no evidence flagged, 74 of 100 distractors flagged (66 that morning).

A fourth set (data/crosslingual_blind_d.json, 50 cases: agriculture, aviation, insurance,
shipping, telecoms, pensions, tourism, zoos, archaeology, military procurement, cyber
attacks, broadcasting fees, churches, chess, retail, bank fines, water, nuclear power, Swiss
and Austrian politics, UK local news, US state politics) was written blind in the next
session. Its first run: evidence first for all 50, 1 evidence passage wrongly flagged (a
German "ab dem 7. April" moved a year back by the past-tense attribution), 75 of 100
distractors flagged with the expected values. After the fixes it led to (currencies,
fractions, "ab dem") and the lexicon it showed unbridged: none flagged wrongly, 95 of 100.

A fifth set (data/crosslingual_blind_e.json, 40 cases: small-town courts and police, regional
elections, science, rents, hospitals, food inspections, road safety, sport transfers,
festivals, energy tariffs, transport strikes, disasters abroad, space, insolvencies, data
protection fines, lotteries) was written blind after all of the above and run once: evidence
first for all 40, none flagged wrongly, 78 of 80 distractors flagged with the expected values.
"""

import json
from datetime import date
from pathlib import Path

import pytest

from workbench.matching.index import LexicalIndex

DATA = Path(__file__).parent / "data"
# set -> (its file, floors a little under what it gives now, so that a regression fails:
# evidence first, evidence in the top 5, share of distractors flagged as expected)
SETS = {
    "b": ("crosslingual_blind.json", 54, 55, 0.93),
    "c": ("crosslingual_blind_c.json", 47, 49, 0.72),
    "d": ("crosslingual_blind_d.json", 49, 50, 0.92),
    "e": ("crosslingual_blind_e.json", 39, 40, 0.95),
}
CASES = {name: json.loads((DATA / file).read_text("utf-8")) for name, (file, *_) in SETS.items()}


def _date(value):
    return date.fromisoformat(value) if value else None


@pytest.fixture(scope="module", params=sorted(SETS))
def results(request):
    cases = CASES[request.param]
    index = LexicalIndex()
    items = []
    for case in cases:
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
    for case in cases:
        claim = case["claim"]
        matches = index.search(
            claim["text"],
            k=len(items),
            language=claim["language"],
            anchor_date=_date(claim["anchor_date"]),
        )
        found[case["id"]] = {m.doc_id: m for m in matches}
    return request.param, cases, found


def _rank(matches, doc_id):
    return next((n for n, d in enumerate(matches, 1) if d == doc_id), None)


def test_no_true_evidence_is_flagged(results):
    _, cases, found = results
    flagged = [
        case["id"]
        for case in cases
        if (m := found[case["id"]].get(f"{case['id']}/evidence")) is not None and m.mismatches
    ]
    assert flagged == []


def test_most_evidence_ranks_first_and_distractors_are_flagged(results):
    name, cases, found = results
    _, min_first, min_top5, min_flagged = SETS[name]
    ranks = [_rank(found[c["id"]], f"{c['id']}/evidence") or 99 for c in cases]
    flagged = total = 0
    for case in cases:
        for i, distractor in enumerate(case["distractors"]):
            if not distractor["mismatch"]:
                continue
            total += 1
            match = found[case["id"]].get(f"{case['id']}/d{i}")
            expected = {
                (e["field"], e["claim_value"], e["evidence_value"]) for e in distractor["mismatch"]
            }
            flagged += bool(
                match
                and expected
                & {(m.field, m.claim_value, m.evidence_value) for m in match.mismatches}
            )
    assert sum(r == 1 for r in ranks) >= min_first, ranks
    assert sum(r <= 5 for r in ranks) >= min_top5, ranks
    assert flagged / total >= min_flagged, (flagged, total)
