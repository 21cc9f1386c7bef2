"""Building the index in worker processes gives the index built in one process: the same
term ids, postings and signatures, and so the same search results."""

import random

import numpy as np

from workbench.matching.index import LexicalIndex, _stable_order

COMPANIES = ["Brückner Systems", "Wallor Holdings", "Kofon Airlines", "Nerter Bank"]
TEMPLATES = [
    "{c} will {n} Stellen streichen, teilte das Unternehmen am {d}. März 2024 mit.",
    "{c} agreed to buy a rival for ${n}.{d} billion on June {d}, 2023.",
    "{c} reported a {d}.{n}% rise in revenue in {place}.",
]
PLACES = ["Berlin", "Toronto", "München", "Lagos"]


def passages(count):
    rng = random.Random(3)
    for i in range(count):
        text = rng.choice(TEMPLATES).format(
            c=rng.choice(COMPANIES), n=rng.randint(1, 999), d=rng.randint(1, 28),
            place=rng.choice(PLACES),
        )  # fmt: skip
        yield str(i), text, rng.choice(["en", "de", None]), None


def test_workers_build_the_same_index():
    items = list(passages(20_500))  # above the size that goes to workers
    alone, pooled = LexicalIndex(), LexicalIndex()
    alone.add_many(items)
    pooled.add_many(items, workers=2)
    assert list(alone._vocab) == list(pooled._vocab)
    for name in ("_df", "_dl", "_fwd_ptr", "_fwd_terms", "_fwd_tf", "_post_ptr", "_post_docs"):
        assert np.array_equal(getattr(alone, name), getattr(pooled, name)), name
    assert np.array_equal(alone._post_w, pooled._post_w)
    assert all(alone._signatures[n] == pooled._signatures[n] for n in range(0, 20_500, 97))
    query = "Brückner Systems streicht 812 Stellen"
    assert alone.search(query, k=5) == pooled.search(query, k=5)


def test_the_radix_order_of_postings_is_numpys_stable_argsort():
    rng = np.random.default_rng(5)
    for high in (10, 0xFFFF, 0x10000, 3_000_000):  # one pass; two passes from 2**16 on
        terms = rng.integers(0, high + 1, 50_000, dtype=np.int32)
        terms[:3] = high  # the largest id decides whether the second pass runs
        assert np.array_equal(_stable_order(terms), np.argsort(terms, kind="stable")), high
    assert len(_stable_order(np.zeros(0, dtype=np.int32))) == 0
