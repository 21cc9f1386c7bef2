"""Why a passage matched a claim: the names, numbers, dates and words they share, and
the numbers or dates on which they disagree (the fact-checker's "same story, other date")."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from workbench.matching.normalise import Fact, NormalisedText, fold, name_skeleton


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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that come with any figure or any news report, whatever the story: scale, currency
# and percent words, calendar words and reporting verbs. Two passages that share "billion",
# "euro" and "announced" need not be about the same event, so these do not count towards
# the same-story gate (they still show among the matched words). Written as the tokens
# ``normalise.word_tokens`` makes of them: English and German stems ("milliard",
# "dezemb", "woch") and the English words German ones are bridged to ("billion").
# Place, unit and topic words ("Germany", "tonnes", "election") say what a story is about
# and are not here.
GENERIC_NEWS_WORDS = _words(
    """
    thousand tausend hundred hundr hundert dozen dutzend million millio mio mn milliard mrd
    billion billio bn trillion

    percent percentag prozent point punkt prozentpunkt basi basispunkt cent dollar euro
    pound pfund franc frank yen yuan

    year jahr annual jaehrlich jahrlich vorjahr fiscal geschaeftsjahr geschaftsjahr halbjahr
    half quarter quartal month monat week woch day dai tag tage today heut yesterday gest
    january february march april may jun july august september october november december
    januar februar maerz marz mai juni juli septemb oktob novemb dezemb
    monday tuesday wednesday thursday friday saturday sunday
    montag dienstag mittwoch donnerstag freitag samstag sonntag

    told tell report bericht berichtet meldet gemeldet statement mitteilung announc
    announcement teilt mitteilt mitgeteilt sagt erklaert erklart spokesperson spokesman
    spokeswoman sprech sprecheri official show figur zahl angab
    """
)


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
    if _same_story(names, words):
        mismatches += _number_mismatches(claim_numbers, evidence_numbers)
        mismatches += _date_mismatches(claim_dates, evidence_dates)
    return matched, mismatches


def _same_story(names: list[str], words: list[str]) -> bool:
    """Whether two passages look like the same story: a shared name, or enough shared words,
    leaving out those that any story has ("million", "percent", "year"; a weekday or month
    read as a name, "Thursday", is no more telling)."""
    if any(not set(name.split()) <= GENERIC_NEWS_WORDS for name in names):
        return True
    story_words = [w for w in words if w not in GENERIC_NEWS_WORDS]
    return len(story_words) >= MIN_SHARED_WORDS_FOR_MISMATCH


def _shared_names(claim: tuple[Fact, ...], evidence: tuple[Fact, ...]) -> list[str]:
    """The claim's names that the evidence names too, in full or in part ("Musk" and "Elon
    Musk"), spelt alike or transcribed differently ("Sacharowa" and "Zakharova"), or as an
    acronym on one side and spelt out on the other ("SNB" and "Swiss National Bank")."""
    evidence_names = [_name_keys(f.value) for f in evidence if f.kind == "name"]
    shared = []
    for fact in claim:
        if fact.kind != "name":
            continue
        words = _name_keys(fact.value)
        if any(words <= other or other <= words for other in evidence_names):
            shared.append(fact.value)
    shared += _acronym_names(claim, evidence)
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


# --- acronyms ---------------------------------------------------------------------------

# Words an acronym leaves out: the CDC are the "Centers for Disease Control and Prevention".
# Name values are folded, so "für" is "fuer".
_ACRONYM_SKIPS = _words("of and for the der die das des und für fuer")

# Between two names that one long name was cut into: a space, a short word and a space
# (" for ", " and the "); the name extractor cuts runs of capitalised words at the small
# words an institution's name has inside it. A comma or dash (shorter) or a phrase
# (longer) separates names, not parts of one.
_NAME_GAP = range(4, len(" and the ") + 1)


def _acronym_names(claim: tuple[Fact, ...], evidence: tuple[Fact, ...]) -> list[str]:
    """The claim's names that the evidence writes as an acronym of them, or that the claim
    writes as an acronym of an evidence name: "SNB" and "Swiss National Bank"."""
    claim_acronyms = {_acronym(f): f.value for f in claim if f.kind == "name"}
    evidence_acronyms = {_acronym(f) for f in evidence if f.kind == "name"}
    claim_acronyms.pop(None, None)
    evidence_acronyms.discard(None)
    shared = []
    if evidence_acronyms:
        shared += [name for name, initials in _spelled_out(claim) if initials in evidence_acronyms]
    if claim_acronyms:
        spelled = {initials for _, initials in _spelled_out(evidence)}
        shared += [name for acronym, name in claim_acronyms.items() if acronym in spelled]
    return shared


def _acronym(fact: Fact) -> str | None:
    """A one-word name written in capitals ("SNB", "NASA", "ÖBB" -> "obb"), as lower-case
    letters; ``None`` for other names. Only the surface tells an acronym from a word: a
    passage read back from the index keeps only the folded value ("snb"), so its acronyms
    are not seen."""
    letters = fact.surface.replace(".", "")
    if " " in fact.value or len(letters) < 2 or not (letters.isalpha() and letters.isupper()):
        return None
    return "".join(fold(letter)[0] for letter in letters)


def _spelled_out(facts: tuple[Fact, ...]) -> Iterator[tuple[str, str]]:
    """Names an acronym may stand for, with their initials: each name ("Swiss National Bank",
    "snb") and, when they have three initials or more, runs of names that follow one another
    across a small word ("Centers" "Disease Control": "cdc"). Two initials from two names
    are too likely to meet an unrelated acronym by chance."""
    for chain in _name_chains(facts):
        for first in range(len(chain)):
            for last in range(first, len(chain)):
                name = " ".join(f.value for f in chain[first : last + 1])
                words = name.replace("-", " ").split()
                initials = "".join(w[0] for w in words if w not in _ACRONYM_SKIPS)
                if len(initials) >= 2 and (first == last or len(initials) >= 3):
                    yield name, initials


def _name_chains(facts: tuple[Fact, ...]) -> list[list[Fact]]:
    """Names in text order, grouped where one follows the other across a small word and no
    other fact lies between. Names read back from the index have no positions: each is a
    chain of its own (chaining them all made chance acronyms and cost cubic time)."""
    chains: list[list[Fact]] = []
    previous: Fact | None = None
    for fact in sorted(facts, key=lambda f: f.start):
        if fact.kind == "name":
            if previous is not None and _follows(previous, fact):
                chains[-1].append(fact)
            else:
                chains.append([fact])
        previous = fact
    return chains


def _follows(previous: Fact, fact: Fact) -> bool:
    if previous.kind != "name":
        return False
    if previous.start < 0 or fact.start < 0:
        return False  # read back from the index, without positions: no telling what is next
    return fact.start - previous.end in _NAME_GAP


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
    """Equal figures; a sign on one side only does not make them differ: "minus 3,1 Prozent"
    and "exports fell 3.1%" say one thing, the verb carries the sign."""
    return _comparable(a, b) and math.isclose(abs(_split(a)[1]), abs(_split(b)[1]), rel_tol=1e-9)


def _number_mismatches(claim: list[Fact], evidence: list[Fact]) -> list[Mismatch]:
    lone_claim = [c for c in claim if not any(_same_number(c, e) for e in evidence)]
    lone_evidence = [e for e in evidence if not any(_same_number(e, c) for c in claim)]
    mismatches = []
    for c in lone_claim:
        near = [e for e in lone_evidence if _comparable(c, e) and _within_reach(c, e)]
        if near:
            closest = min(near, key=lambda e: _distance(c, e))
            mismatches.append(Mismatch("number", c.value, closest.value))
    return mismatches


def _within_reach(claim: Fact, evidence: Fact) -> bool:
    """Whether an evidence figure may be the one the claim gives otherwise. Percentages
    within ten points or a factor of ten: a rate of 10.7% and one of 1.0% are one quantity
    got wrong, a youth jobless rate of 28% and a rise of 0.5% are two. Other figures within a
    factor of ten: 44 deaths and 2,000 homes are different counts, not one count got wrong."""
    if claim.kind == "percent":
        a, b = abs(_split(claim)[1]), abs(_split(evidence)[1])
        return abs(a - b) <= 10 or (a > 0 and 0.1 <= b / a <= 10)
    value = _split(claim)[1]
    return value > 0 and 0.1 <= _split(evidence)[1] / value <= 10


def _distance(claim: Fact, evidence: Fact) -> tuple[Decimal | float, Decimal]:
    """How far an evidence figure is from the claim's, the nearest being the one flagged.
    Percentages by the difference in points, read exactly from their decimal values: a
    claimed 0.5% is nearer 0.25% (a quarter point) than 1.0% (half a point), though both
    are a factor of two away. At an equal difference the larger figure is nearer: it is
    the smaller change relative to the claim (0.75 is 1.5 times 0.5, 0.25 half of it), so
    the tie goes the way the ratio rule for other figures would take it. Other figures by
    their ratio. (All candidates are of the claim's kind, so the keys compare.)"""
    if claim.kind == "percent":
        value = Decimal(evidence.value)
        return abs(value - Decimal(claim.value)), -value
    return abs(math.log(_split(evidence)[1] / _split(claim)[1])), Decimal(0)


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
