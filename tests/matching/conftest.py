"""Shared fixtures: a small English reference set about the seed story, plus distractors."""

from __future__ import annotations

import pytest

from workbench.matching.index import LexicalIndex

# Written in our own words from shared/briefs/seed-story-references.md.
SEED_PASSAGES = {
    "offer": "On Monday, February 10, 2025, a group of investors led by Elon Musk and his "
    "company xAI made an unsolicited offer of $97.4 billion for the nonprofit that "
    "controls OpenAI.",
    "interrogatory": "In sworn answers to OpenAI's interrogatories, Musk named Mark "
    "Zuckerberg as one of the people he had talked to about the letter of intent, "
    "including possible financing or investments.",
    "loi": "Neither Zuckerberg nor Meta signed the letter of intent, and Meta did not "
    "join the bid.",
    "filing": "The details come from a court filing that OpenAI made public on August 21, "
    "2025 in Musk's lawsuit against OpenAI and Sam Altman in federal court in California.",
    "cage": "Musk challenged Zuckerberg to a cage match on June 21, 2023; Zuckerberg "
    "answered by asking for the location.",
    "threads": "Meta launched Threads, its rival to Twitter, on July 5, 2023.",
    "rejected": "OpenAI's board unanimously rejected the offer on February 14, 2025, saying "
    "the company is not for sale.",
    "sued": "Musk sued OpenAI and Altman in February 2024, saying the company had abandoned "
    "its nonprofit mission.",
}

DISTRACTORS = {
    "d-activision": "Microsoft agreed to acquire Activision Blizzard for $68.7 billion in "
    "January 2022.",
    "d-diesel": "A court in Munich ruled that a car maker must pay damages to diesel owners.",
    "d-softbank": "The Financial Times reported that SoftBank is weighing a new investment "
    "in the chip designer Arm.",
    "d-grocery": "Amazon signed a letter of intent to buy a regional grocery chain for "
    "$1.2 billion.",
    "d-glasses": "Zuckerberg presented new smart glasses at Meta's developer conference in "
    "September 2024.",
    "d-tesla": "Musk said Tesla would cut about 10% of its global workforce in April 2024.",
    "d-google": "Google faces a lawsuit from the Justice Department over its search business.",
    "d-xai": "xAI raised $6 billion in a funding round in May 2024.",
    "d-boxing": "Two heavyweight boxers agreed to a rematch in Las Vegas next spring.",
    "d-twitter": "Musk completed his $44 billion takeover of Twitter in October 2022.",
    "d-court": "A federal judge in California dismissed a lawsuit against Apple over its "
    "app store fees.",
    "d-bid": "Pfizer made an offer of $43 billion for the biotech company Seagen in March 2023.",
}


@pytest.fixture(scope="package")
def seed_index() -> LexicalIndex:
    index = LexicalIndex()
    index.add_many(
        (doc_id, text, "en", None) for doc_id, text in (SEED_PASSAGES | DISTRACTORS).items()
    )
    return index
