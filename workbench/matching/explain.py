"""Why a passage matched a claim: the names, numbers, dates and words they share, and
the numbers or dates on which they disagree (the fact-checker's "same story, other date")."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from workbench.matching.normalise import Fact, NormalisedText, name_skeleton


@dataclass(frozen=True)
class Mismatch:
    field: Literal["number", "date"]
    claim_value: str
    evidence_value: str

    def describe(self) -> str:
        return f"the claim says {self.claim_value}, the evidence {self.evidence_value}"


@dataclass(frozen=True)
class Match:
    doc_id: str
    score: float
    rank: int
    matched: dict[str, list[str]] = field(default_factory=dict)
    mismatches: list[Mismatch] = field(default_factory=list)


# Mismatches are only worth flagging when the passage is about the same event.
MIN_SHARED_WORDS_FOR_MISMATCH = 3


def explain(claim: NormalisedText, evidence: NormalisedText) -> tuple[dict, list[Mismatch]]:
    """``matched`` (names, numbers, dates, words) and ``mismatches`` between two texts."""
    names = _shared_names(claim.facts, evidence.facts)
    evidence_tokens = set(evidence.tokens)
    name_words = {w for n in names for w in n.split()}
    words = [t for t in dict.fromkeys(claim.tokens) if t in evidence_tokens and t not in name_words]
    claim_numbers, evidence_numbers = _numeric(claim.facts), _numeric(evidence.facts)
    numbers = [c.value for c in claim_numbers if any(_same_number(c, e) for e in evidence_numbers)]
    claim_dates, evidence_dates = _finest_dates(claim.facts), _finest_dates(evidence.facts)
    dates = [c for c in claim_dates if any(_same_date(c, e) for e in evidence_dates)]
    matched = {
        "names": names,
        "numbers": list(dict.fromkeys(numbers)),
        "dates": list(dict.fromkeys(dates)),
        "words": words,
    }
    mismatches: list[Mismatch] = []
    if names or len(words) >= MIN_SHARED_WORDS_FOR_MISMATCH:
        mismatches += _number_mismatches(claim_numbers, evidence_numbers)
        mismatches += _date_mismatches(claim_dates, evidence_dates)
    return matched, mismatches


def _shared_names(claim: tuple[Fact, ...], evidence: tuple[Fact, ...]) -> list[str]:
    """The claim's names that the evidence names too, in full or in part ("Musk" and "Elon
    Musk"), spelt alike or transcribed differently ("Sacharowa" and "Zakharova")."""
    evidence_names = [_name_keys(f.value) for f in evidence if f.kind == "name"]
    shared = []
    for fact in claim:
        if fact.kind != "name":
            continue
        words = _name_keys(fact.value)
        if any(words <= other or other <= words for other in evidence_names):
            shared.append(fact.value)
    return list(dict.fromkeys(shared))


def _name_keys(name: str) -> frozenset[str]:
    """A name's words as compared: each word's skeleton (three letters or more) with how it
    ends, so that "Selenskyj" meets "Zelensky" but "Christian" not "Christiane"."""
    keys = set()
    for word in name.replace("-", " ").split():
        skeleton = name_skeleton(word)
        if len(skeleton) < 3:
            keys.add(word)
            continue
        last = word[-1]
        ending = "i" if last in "iyj" else last if last in "aeouäöü" else ""
        keys.add(f"{skeleton}:{ending}")
    return frozenset(keys)


# --- numbers ----------------------------------------------------------------------------


def _numeric(facts: tuple[Fact, ...]) -> list[Fact]:
    """Amounts, numbers and percentages; a bare number repeating an amount's value is dropped."""
    amounts = {f.value.split(":", 1)[1] for f in facts if f.kind == "amount"}
    return [
        f
        for f in facts
        if f.kind in ("amount", "percent") or (f.kind == "number" and f.value not in amounts)
    ]


def _split(fact: Fact) -> tuple[str | None, float]:
    if fact.kind == "amount":
        currency, value = fact.value.split(":", 1)
        return currency, float(value)
    return None, float(fact.value)


def _comparable(a: Fact, b: Fact) -> bool:
    if (a.kind == "percent") != (b.kind == "percent"):
        return False
    currency_a, _ = _split(a)
    currency_b, _ = _split(b)
    return currency_a is None or currency_b is None or currency_a == currency_b


def _same_number(a: Fact, b: Fact) -> bool:
    return _comparable(a, b) and math.isclose(_split(a)[1], _split(b)[1], rel_tol=1e-9)


def _number_mismatches(claim: list[Fact], evidence: list[Fact]) -> list[Mismatch]:
    lone_claim = [c for c in claim if not any(_same_number(c, e) for e in evidence)]
    lone_evidence = [e for e in evidence if not any(_same_number(e, c) for c in claim)]
    mismatches = []
    for c in lone_claim:
        value = _split(c)[1]
        near = [
            e
            for e in lone_evidence
            if _comparable(c, e) and value > 0 and 0.1 <= _split(e)[1] / value <= 10
        ]
        if near:
            closest = min(near, key=lambda e: abs(math.log(_split(e)[1] / value)))
            mismatches.append(Mismatch("number", c.value, closest.value))
    return mismatches


# --- dates ------------------------------------------------------------------------------


def _finest_dates(facts: tuple[Fact, ...]) -> list[str]:
    """The most specific dates: ``2023-06-21`` stands for ``2023-06`` and ``2023``."""
    values = list(dict.fromkeys(f.value for f in facts if f.kind == "date"))
    return [v for v in values if not any(o != v and o.startswith(v) for o in values)]


def _same_date(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _date_mismatches(claim: list[str], evidence: list[str]) -> list[Mismatch]:
    lone_claim = [c for c in claim if not any(_same_date(c, e) for e in evidence)]
    lone_evidence = [e for e in evidence if not any(_same_date(e, c) for c in claim)]
    mismatches = []
    for c in lone_claim:
        if lone_evidence:
            closest = min(lone_evidence, key=lambda e: (abs(int(e[:4]) - int(c[:4])), -len(e)))
            mismatches.append(Mismatch("date", c, closest))
    return mismatches
