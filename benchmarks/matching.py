"""Benchmark the two-stage lexical matcher against an exhaustive rapidfuzz scan.

Generates N synthetic news-like passages (deterministic), makes queries from known targets
by realistic edits (dropped and reordered words, typos, numbers and dates written the German
way, shorter paraphrases) and prints build time, peak memory, latency and recall, beside
``rapidfuzz.process.extract`` with the same scorer on the same corpus. ``median_ms`` and
``p95_ms`` time the ranking (as the exhaustive scan and the TSV output do);
``explained_median_ms`` times the same search with the matched facts and mismatches of the
top 10 (what the app and the JSON output show).

    python benchmarks/matching.py --passages 100000 --queries 300
    python benchmarks/matching.py --passages 1000000 --queries 300 --json
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import time
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from workbench.matching.index import LexicalIndex


def _words(text: str, separator: str | None = None) -> list[str]:
    return text.split(separator)


FIRST = _words(
    "Anna Ben Carla David Elena Felix Greta Hannah Ivan Julia Karl Lena Marco Nina Oliver "
    "Paula Rafael Sofia Tobias Ursula Viktor Wanda Yusuf Zoe Amir Bianca Chen Dmitri Emma "
    "Farid Gloria Hugo Ines Jonas Kira Lukas Maya Noah Olga Pavel Rosa Samuel Tara"
)
SYLLABLES = _words(
    "ber man sch ko wal ter ling ham rod ner vic sen berg stein feld dor mey ach lan gru ost "
    "win kel hau ros mar tin bra del fon gar hel jor kan lor mun nor pet ril sal tor ung vel"
)
ORG_TAILS = _words("Group Holdings Bank Motors Energy Labs Media Pharma Systems Capital Airlines")
PLACES = _words(
    "Berlin Munich Hamburg London Paris Madrid Rome Vienna Zurich Warsaw Prague Lisbon Dublin "
    "Chicago Boston Seattle Toronto Austin Denver Tokyo Seoul Mumbai Sydney Cairo Lagos Lima"
)
TOPICS = _words(
    "data protection|emissions targets|a software patent|unpaid wages|a failed merger|"
    "price fixing|a product recall|a supply contract|tax avoidance|a data breach|"
    "misleading advertising|a licensing deal|factory safety|pension payments|a drug trial",
    "|",
)
MONTHS_EN = _words(
    "January February March April May June July August September October November December"
)
MONTHS_DE = _words(
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
)
FILLER = _words(
    "according to people familiar with the matter|the company said in a statement|"
    "analysts had expected the move|shares fell in early trading|the report said|"
    "officials declined to comment|the deal still needs regulatory approval|"
    "critics called the decision premature|the figures were published on its website",
    "|",
)


@dataclass
class Slot:
    english: str
    german: str


def _name(rng: random.Random) -> str:
    surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{rng.choice(FIRST)} {surname}"


def _org(rng: random.Random) -> str:
    stem = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    return f"{stem} {rng.choice(ORG_TAILS)}"


def _amount(rng: random.Random) -> Slot:
    whole, tenth = rng.randint(1, 999), rng.randint(0, 9)
    scale_en, scale_de = rng.choice([("billion", "Milliarden"), ("million", "Millionen")])
    if rng.random() < 0.5:
        return Slot(f"${whole}.{tenth} {scale_en}", f"{whole},{tenth} {scale_de} US-Dollar")
    return Slot(f"{whole}.{tenth} {scale_en} euros", f"{whole},{tenth} {scale_de} Euro")


def _count(rng: random.Random) -> Slot:
    n = rng.randint(1, 99) * 100 + rng.choice([0, 50])
    return Slot(f"{n:,}", f"{n:,}".replace(",", "."))


def _date(rng: random.Random) -> Slot:
    year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    return Slot(f"{MONTHS_EN[month - 1]} {day}, {year}", f"{day}. {MONTHS_DE[month - 1]} {year}")


def _percent(rng: random.Random) -> Slot:
    whole, tenth = rng.randint(1, 60), rng.randint(1, 9)
    return Slot(f"{whole}.{tenth}%", f"{whole},{tenth} Prozent")


def make_passage(rng: random.Random) -> list[str | Slot]:
    """One passage as words and slots (numbers and dates with both renderings)."""
    person, org, other, place = _name(rng), _org(rng), _org(rng), rng.choice(PLACES)
    templates = [
        lambda: [org, "agreed to buy", other, "for", _amount(rng), "on", _date(rng)],
        lambda: [
            person + ", chief executive of",
            org + ", said the company would cut",
            _count(rng),
            "jobs in",
            place,
        ],
        lambda: [org, "reported a", _percent(rng), "rise in quarterly revenue to", _amount(rng)],
        lambda: [
            "A court in",
            place,
            "ruled on",
            _date(rng),
            "that",
            org,
            "must pay",
            _amount(rng),
            "in damages over",
            rng.choice(TOPICS),
        ],
        lambda: [person, "filed a lawsuit against", org, "over", rng.choice(TOPICS), "in", place],
        lambda: [
            org,
            "opened a new plant in",
            place,
            "with",
            _count(rng),
            "workers on",
            _date(rng),
        ],
        lambda: [
            person,
            "was appointed chair of",
            org,
            "after a vote by",
            _count(rng),
            "shareholders",
        ],
        lambda: ["Regulators in", place, "fined", org, _amount(rng), "for", rng.choice(TOPICS)],
    ]
    parts: list[str | Slot] = list(rng.choice(templates)())
    if rng.random() < 0.6:
        parts += [",", rng.choice(FILLER)]
    return parts


def render(parts: list[str | Slot], german_slots: bool = False) -> str:
    out = []
    for p in parts:
        out.append((p.german if german_slots else p.english) if isinstance(p, Slot) else p)
    return " ".join(out).replace(" ,", ",") + "."


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5 or not word.isalpha():
        return word
    i = rng.randint(1, len(word) - 2)
    kind = rng.randint(0, 2)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    return word[:i] + rng.choice("aeiourstn") + word[i:]


_NOT_NAMES = set(FIRST) | set(PLACES) | set(ORG_TAILS) | {"A", "Regulators"}


def _is_name(word: str) -> bool:
    """A surname or an organisation's own name: what makes a claim about *this* passage."""
    core = word.strip(",.")
    return core[:1].isupper() and core not in _NOT_NAMES


def make_query(parts: list[str | Slot], rng: random.Random) -> str:
    """A reviewer's version of a passage: edited, partly the other language's way.

    Words are dropped and reordered, one or two get a typo, numbers and dates may be written
    the German way and the claim may be a shorter window of the passage; but, as in a real
    claim, it still names who it is about (a surname or the company's own name may carry a
    typo, but not every one of them vanishes), or no matcher could tell which passage is meant.
    """
    german = rng.random() < 0.5
    # a slot's words stay together through the edits ("97,4 Milliarden US-Dollar")
    glued = [
        Slot(p.english.replace(" ", "\xa0"), p.german.replace(" ", "\xa0"))
        if isinstance(p, Slot)
        else p
        for p in parts
    ]
    words = render(glued, german_slots=german).rstrip(".").split(" ")
    if rng.random() < 0.3 and len(words) > 10:  # a shorter paraphrase: a window of it
        size = max(8, int(len(words) * 0.7))
        starts = [
            s for s in range(len(words) - size + 1) if any(map(_is_name, words[s : s + size]))
        ]
        start = rng.choice(starts) if starts else 0
        words = words[start : start + size]
    names = [i for i, w in enumerate(words) if _is_name(w)]
    kept_name = rng.choice(names) if names else -1
    words = [
        w
        for i, w in enumerate(words)
        if i == kept_name or rng.random() > 0.15 or "\xa0" in w or w[:1].isdigit()
    ]
    if len(words) > 6 and rng.random() < 0.5:  # reorder: move a chunk to the front
        cut = rng.randint(2, len(words) - 2)
        words = words[cut:] + words[:cut]
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(len(words))
        words[i] = _typo(words[i], rng)
    return " ".join(words).replace("\xa0", " ")


def generate(n: int, queries: int, seed: int = 7) -> tuple[list[str], list[tuple[str, int]]]:
    rng = random.Random(seed)
    parts = [make_passage(rng) for _ in range(n)]
    texts = [render(p) for p in parts]
    qrng = random.Random(seed + 1)
    targets = [qrng.randrange(n) for _ in range(queries)]
    return texts, [(make_query(parts[t], qrng), t) for t in targets]


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int, n_queries: int, exhaustive_sample: int | None = None) -> dict:
    texts, queries = generate(n, n_queries)
    before = _maxrss_mb()
    started = time.perf_counter()
    index = LexicalIndex()
    index.add_many(
        ((str(i), t, "en", None) for i, t in enumerate(texts)), workers=2 if n >= 50_000 else 1
    )
    index.search("warm up")  # first search: builds the vocabulary trigram map
    build_s = time.perf_counter() - started
    latencies, explained, hits1, hits10 = [], [], 0, 0
    for query, target in queries:
        # ranking only, like the exhaustive scan below and the batch TSV output
        started = time.perf_counter()
        matches = index.search(query, k=10, with_explanation=False)
        latencies.append((time.perf_counter() - started) * 1000)
        # what the app and JSON output add: matched facts and mismatches of the top 10
        started = time.perf_counter()
        index.search(query, k=10)
        explained.append((time.perf_counter() - started) * 1000)
        ids = [m.doc_id for m in matches]
        hits1 += ids[:1] == [str(target)]
        hits10 += str(target) in ids
    peak_mb = _maxrss_mb() - before
    sample = queries[: exhaustive_sample or (len(queries) if n <= 10_000 else 20)]
    exhaustive, ex1, ex10 = [], 0, 0
    processed = [utils.default_process(t) for t in texts]
    for query, target in sample:
        started = time.perf_counter()
        found = process.extract(
            utils.default_process(query),
            processed,
            scorer=fuzz.token_set_ratio,
            limit=10,
            processor=None,
        )
        exhaustive.append((time.perf_counter() - started) * 1000)
        ids = [i for _, _, i in found]
        ex1 += ids[:1] == [target]
        ex10 += target in ids
    median = statistics.median(latencies)
    return {
        "passages": n,
        "queries": len(queries),
        "build_s": round(build_s, 2),
        "peak_mb": round(peak_mb, 1),
        "median_ms": round(median, 3),
        "p95_ms": round(sorted(latencies)[int(0.95 * (len(latencies) - 1))], 3),
        "explained_median_ms": round(statistics.median(explained), 3),
        "recall_at_1": round(hits1 / len(queries), 4),
        "recall_at_10": round(hits10 / len(queries), 4),
        "exhaustive_queries": len(sample),
        "exhaustive_median_ms": round(statistics.median(exhaustive), 2),
        "exhaustive_recall_at_1": round(ex1 / len(sample), 4),
        "exhaustive_recall_at_10": round(ex10 / len(sample), 4),
        "speedup": round(statistics.median(exhaustive) / median, 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--exhaustive-sample", type=int, default=None)
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args(argv)
    result = run(args.passages, args.queries, args.exhaustive_sample)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>24}: {value}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
