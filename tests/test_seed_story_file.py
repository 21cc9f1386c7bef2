"""Checks seeds/story.json on its own: structure, cross-references and our-own-words rule.

Plain json + pytest on purpose, so a broken seed file is reported here, with the
offending key, before any loader or database is involved.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

import pytest

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
STORY_PATH = SEEDS_DIR / "story.json"

SOURCE_KINDS = {
    "news_outlet",
    "court_filing",
    "sworn_statement",
    "official_document",
    "person",
    "organisation",
    "anonymous",
    "social_post",
    "other",
}
STANCES = {"supports", "refutes", "context"}
CLAIM_ORIGINS = {"body", "caption", "headline", "claims_file", "manual"}
EXPECTED_SCALE = [
    ("accurate", 5),
    ("mostly_accurate", 4),
    ("misleading", 3),
    ("unverified", None),
    ("inaccurate", 1),
]

# The seed claims of the article, as distinctive substrings (see the seed-story brief).
SEED_BODY_CLAIMS = [
    "laut einem Bericht der Financial Times",
    "Demnach hat Elon Musk im Februar dieses Jahres",
    "genauer 97,4 Milliarden",
    "Die Information stammt aus Gerichtsakten",
    "Laut den Dokumenten kommunizierte Musk",
    "Weder Zuckerberg noch sein Unternehmen Meta",
    "OpenAI selbst wies das Angebot umgehend zurück",
    "als reinen „PR-Stunt“ abgetan",
    "Erst im vergangenen Jahr forderte Musk",
    "Gleichzeitig startete Meta mit Threads",
    "Schließlich verklagt er OpenAI",
]
CAPTION_CLAIM = "Elon Musk hat überlegt, OpenAI zu kaufen."
CAGE_FIGHT_CLAIM = "Erst im vergangenen Jahr forderte Musk"
PR_STUNT_CLAIM = "als reinen „PR-Stunt“ abgetan"

# What a careful reviewer concludes (the brief's last section); checked on the latest verdict.
EXPECTED_CURRENT_RATINGS = {
    CAGE_FIGHT_CLAIM: {"inaccurate"},
    CAPTION_CLAIM: {"misleading"},
    PR_STUNT_CLAIM: {"unverified"},
    "genauer 97,4 Milliarden": {"accurate"},
    "Demnach hat Elon Musk im Februar dieses Jahres": {"accurate"},
    "Die Information stammt aus Gerichtsakten": {"accurate"},
    "Weder Zuckerberg noch sein Unternehmen Meta": {"accurate"},
    "OpenAI selbst wies das Angebot umgehend zurück": {"accurate", "mostly_accurate"},
    "Gleichzeitig startete Meta mit Threads": {"accurate", "mostly_accurate"},
}

REQUIRED_SOURCES = {
    "t3n": "news_outlet",
    "ft": "news_outlet",
    "openai_filing_2025_08_21": "court_filing",
    "musk_interrogatory_answers": "sworn_statement",
    "reuters": "news_outlet",
    "bloomberg": "news_outlet",
    "cnbc": "news_outlet",
    "techcrunch": "news_outlet",
    "dpa_afx": "news_outlet",
    "anonymous_openai_circle": "anonymous",
    "openai": "organisation",
    "sam_altman": "person",
    "ap": "news_outlet",
    "elon_musk": "person",
    "mark_zuckerberg": "person",
    "meta": "organisation",
}

BRIEF_REFERENCE_URLS = {
    "https://www.gadgets360.com/ai/news/elon-musk-mark-zuckerberg-help-openai-big-court-filing-9138732",
    "https://www.pymnts.com/news/artificial-intelligence/2025/openai-says-elon-musk-wanted-mark-zuckerberg-join-acquisition-attempt/",
    "https://toronto.citynews.ca/2025/02/14/openai-board-unanimously-rejects-elon-musks-97-4-billion-proposal/",
    "https://salon.com/2025/02/14/openai-is-not-for-sale-chatgpt-maker-rejects-musk-bid-for-ownership",
    "https://www.wvua23.com/billionaire-bash-cage-match-musk-throws-down-gauntlet-zuckerberg-accepts-challenge/",
    "https://www.sfexaminer.com/news/technology/twitter-meta-clash-pits-the-unsavory-against-the-uncool/article_f2f8b90c-1b98-11ee-ba47-2f9c2d1b3b5f.html",
}

# A run of this many words shared with the article counts as copying.
COPY_RUN_WORDS = 12

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_UTC_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
KEY = re.compile(r"^[a-z0-9_]+$")


@pytest.fixture(scope="module")
def story() -> dict:
    with STORY_PATH.open(encoding="utf-8") as handle:
        return json.load(handle)


@pytest.fixture(scope="module")
def article_text(story: dict) -> str:
    return (SEEDS_DIR / story["article"]["file"]).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sources(story: dict) -> dict[str, dict]:
    return {source["key"]: source for source in story["sources"]}


@pytest.fixture(scope="module")
def references(story: dict) -> dict[str, dict]:
    return {reference["key"]: reference for reference in story["references"]}


@pytest.fixture(scope="module")
def reviewer_names(story: dict) -> set[str]:
    return {reviewer["name"] for reviewer in story["reviewers"]}


def is_http_url(value: object) -> bool:
    if not isinstance(value, str):
        return False
    parsed = urlparse(value)
    return parsed.scheme in {"http", "https"} and bool(parsed.netloc)


def is_iso_date(value: object) -> bool:
    if not isinstance(value, str) or not ISO_DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_iso_utc_datetime(value: object) -> bool:
    if not isinstance(value, str) or not ISO_UTC_DATETIME.match(value):
        return False
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def word_runs(text: str, length: int) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + length]) for i in range(len(tokens) - length + 1)}


def current_verdicts(story: dict) -> dict[str, dict[str, dict]]:
    """claim -> reviewer -> that reviewer's latest verdict (verdicts are append-only)."""
    latest: dict[str, dict[str, dict]] = defaultdict(dict)
    for verdict in sorted(story["verdicts"], key=lambda v: v["at"]):
        latest[verdict["claim"]][verdict["reviewer"]] = verdict
    return latest


# --- top level and article ---------------------------------------------------------------


def test_top_level_sections(story):
    assert set(story) == {
        "article",
        "rating_scale",
        "reviewers",
        "sources",
        "source_links",
        "extra_claims",
        "references",
        "evidence",
        "verdicts",
    }


def test_article_record(story, article_text):
    article = story["article"]
    assert (SEEDS_DIR / article["file"]).is_file()
    assert is_http_url(article["url"])
    assert article["outlet"] == "t3n"
    assert article["author"] == "Dieter Petereit"
    assert article["language"] == "de"
    assert article["published"] == "2025-08-22"
    assert article["republished"] == "2025-08-30"
    assert article["title"] in article_text


# --- rating scale and reviewers --------------------------------------------------------------


def test_rating_scale_keys_order_and_values(story):
    scale = story["rating_scale"]
    assert [(entry["rating"], entry["value"]) for entry in scale] == EXPECTED_SCALE
    for entry in scale:
        assert set(entry) == {"rating", "label", "value", "description"}
        assert entry["label"].strip() and entry["description"].strip()


def test_reviewers(story):
    reviewers = story["reviewers"]
    assert 2 <= len(reviewers) <= 3
    names = [reviewer["name"] for reviewer in reviewers]
    assert len(set(names)) == len(names)
    for reviewer in reviewers:
        assert reviewer["email"].endswith("@example.org"), reviewer


# --- sources and links ---------------------------------------------------------------------


def test_sources_are_well_formed(story):
    keys = [source["key"] for source in story["sources"]]
    assert len(set(keys)) == len(keys), Counter(keys).most_common(3)
    # the database keeps one source per (name, kind)
    name_kinds = [(source["name"], source["kind"]) for source in story["sources"]]
    assert len(set(name_kinds)) == len(name_kinds)
    for source in story["sources"]:
        where = source["key"]
        assert KEY.match(source["key"]), where
        assert source["kind"] in SOURCE_KINDS, where
        assert source["name"].strip(), where
        assert source["url"] is None or is_http_url(source["url"]), where
        assert source["published"] is None or is_iso_date(source["published"]), where
        assert isinstance(source["aliases"], list), where
        assert all(isinstance(alias, str) and alias.strip() for alias in source["aliases"]), where
        description = source["description"]
        assert description.strip() and "\n" not in description, where


def test_required_sources_present_with_kinds(sources):
    for key, kind in REQUIRED_SOURCES.items():
        assert key in sources, key
        assert sources[key]["kind"] == kind, key
    kinds = Counter(source["kind"] for source in sources.values())
    assert kinds["social_post"] >= 1 and kinds["official_document"] >= 1


def test_court_filing_aliases_cover_the_article_wording(sources):
    aliases = set(sources["openai_filing_2025_08_21"]["aliases"])
    assert {"Gerichtsakten", "Dokumente", "court filing"} <= aliases
    assert sources["openai_filing_2025_08_21"]["published"] == "2025-08-21"


def test_source_links_reference_known_sources(story, sources):
    pairs = []
    for link in story["source_links"]:
        assert link["from"] in sources, link
        assert link["to"] in sources, link
        assert link["from"] != link["to"], link
        assert link["note"].strip(), link
        pairs.append((link["from"], link["to"]))
    assert len(set(pairs)) == len(pairs), "duplicate source link"


def test_source_links_have_no_cycle(story):
    graph: dict[str, list[str]] = defaultdict(list)
    for link in story["source_links"]:
        graph[link["from"]].append(link["to"])
    done: set[str] = set()
    on_path: list[str] = []

    def visit(node: str) -> None:
        if node in done:
            return
        assert node not in on_path, f"cycle: {' -> '.join([*on_path, node])}"
        on_path.append(node)
        for cited in graph[node]:
            visit(cited)
        on_path.pop()
        done.add(node)

    for node in list(graph):
        visit(node)


def test_provenance_chain_and_many_outlets_one_primary_source(story):
    pairs = {(link["from"], link["to"]) for link in story["source_links"]}
    chain = ["t3n", "ft", "openai_filing_2025_08_21", "musk_interrogatory_answers"]
    for citing, cited in zip(chain, chain[1:], strict=False):
        assert (citing, cited) in pairs, (citing, cited)
    for outlet in ("reuters", "bloomberg", "cnbc", "techcrunch", "dpa_afx"):
        assert (outlet, "openai_filing_2025_08_21") in pairs, outlet
    assert ("t3n", "anonymous_openai_circle") in pairs
    assert any(citing == "ap" and "board_statement" in cited for citing, cited in pairs)


# --- extra claims ----------------------------------------------------------------------------


def test_extra_claims_are_in_the_article(story, article_text):
    quotes = [claim["quote"] for claim in story["extra_claims"]]
    assert CAPTION_CLAIM in quotes
    for claim in story["extra_claims"]:
        assert claim["quote"] in article_text, claim["quote"]
        assert claim["origin"] in CLAIM_ORIGINS
        assert claim["gloss"].strip()


# --- references ------------------------------------------------------------------------------


def test_references_are_well_formed(story, sources):
    keys = [reference["key"] for reference in story["references"]]
    assert len(set(keys)) == len(keys)
    for reference in story["references"]:
        where = reference["key"]
        assert KEY.match(reference["key"]), where
        assert is_http_url(reference["url"]), where
        assert reference["title"].strip() and reference["publisher"].strip(), where
        assert is_iso_date(reference["published"]), where
        assert reference["language"] == "en", where
        assert is_iso_utc_datetime(reference["retrieved_at"]), where
        assert reference["source"] is None or reference["source"] in sources, where
        paragraphs = [part for part in reference["text"].split("\n\n") if part.strip()]
        assert 3 <= len(paragraphs) <= 6, (where, len(paragraphs))


def test_references_cover_the_brief_urls_and_the_docket(story):
    urls = {reference["url"] for reference in story["references"]}
    assert urls >= BRIEF_REFERENCE_URLS
    docket = [ref for ref in story["references"] if ref["source"] == "openai_filing_2025_08_21"]
    assert len(docket) == 1
    assert "4:24-cv-04722" in docket[0]["title"] + docket[0]["text"]


def test_references_carry_bridge_facts(references):
    """Amounts and dates in English forms, the bridge to the German article."""
    all_text = "\n".join(reference["text"] for reference in references.values())
    for fact in (
        "$97.4 billion",
        "February 10, 2025",
        "February 14, 2025",
        "August 21, 2025",
        "June 21, 2023",
        "July 5, 2023",
        "potential financing arrangements or investments",
        "sham bid",
    ):
        assert fact in all_text, fact


def test_no_reference_text_copies_a_run_of_article_words(story, article_text):
    article_runs = word_runs(article_text, COPY_RUN_WORDS)
    for reference in story["references"]:
        shared = word_runs(reference["text"], COPY_RUN_WORDS) & article_runs
        assert not shared, (reference["key"], " ".join(sorted(shared)[0]))


def test_reference_texts_do_not_repeat_each_other(story):
    seen: dict[tuple[str, ...], str] = {}
    for reference in story["references"]:
        for run in word_runs(reference["text"], COPY_RUN_WORDS):
            other = seen.setdefault(run, reference["key"])
            assert other == reference["key"], (other, reference["key"], " ".join(run))


# --- evidence --------------------------------------------------------------------------------


def test_evidence_cross_references(story, article_text, references, reviewer_names):
    for item in story["evidence"]:
        where = (item["claim"], item["reference"])
        assert article_text.count(item["claim"]) == 1, where
        assert item["reference"] in references, where
        assert item["quote"] in references[item["reference"]]["text"], where
        # the loader pins evidence to one passage; passages are paragraphs
        assert "\n" not in item["quote"], where
        assert item["stance"] in STANCES, where
        assert item["reviewer"] in reviewer_names, where
        assert item["note"].strip(), where


def test_every_seed_claim_has_one_to_three_evidence_links(story, article_text):
    per_claim = Counter(item["claim"] for item in story["evidence"])
    for claim in [*SEED_BODY_CLAIMS, CAPTION_CLAIM]:
        assert article_text.count(claim) == 1, claim
        assert 1 <= per_claim[claim] <= 3, (claim, per_claim[claim])
    known = {*SEED_BODY_CLAIMS, CAPTION_CLAIM}
    assert set(per_claim) <= known, set(per_claim) - known


def test_cage_fight_claim_is_refuted_by_the_2023_ap_report(story, references):
    refuting = [
        item
        for item in story["evidence"]
        if item["claim"] == CAGE_FIGHT_CLAIM and item["stance"] == "refutes"
    ]
    assert any(
        references[item["reference"]]["published"].startswith("2023-")
        and references[item["reference"]]["source"] == "ap"
        for item in refuting
    )


# --- verdicts --------------------------------------------------------------------------------


def test_verdicts_cross_references(story, article_text, reviewer_names):
    ratings = {entry["rating"] for entry in story["rating_scale"]}
    for verdict in story["verdicts"]:
        where = (verdict["claim"], verdict["reviewer"], verdict["at"])
        assert article_text.count(verdict["claim"]) == 1, where
        assert verdict["reviewer"] in reviewer_names, where
        assert verdict["rating"] in ratings, where
        assert is_iso_utc_datetime(verdict["at"]), where
        # "English, 1-3 sentences": a length cap, since "v." and "Cal." defeat sentence counting
        assert 0 < len(verdict["explanation"].strip()) <= 400, where
    stamps = [
        (verdict["claim"], verdict["reviewer"], verdict["at"]) for verdict in story["verdicts"]
    ]
    assert len(set(stamps)) == len(stamps)


def test_current_verdicts_match_the_brief(story):
    latest = current_verdicts(story)
    for claim, allowed in EXPECTED_CURRENT_RATINGS.items():
        for reviewer, verdict in latest.get(claim, {}).items():
            assert verdict["rating"] in allowed, (claim, reviewer, verdict["rating"])
    for claim in (CAGE_FIGHT_CLAIM, CAPTION_CLAIM, PR_STUNT_CLAIM):
        assert claim in latest, claim


def test_demo_shows_history_agreement_and_an_open_queue(story):
    latest = current_verdicts(story)
    per_claim_reviewer = Counter(
        (verdict["claim"], verdict["reviewer"]) for verdict in story["verdicts"]
    )
    assert any(count >= 2 for count in per_claim_reviewer.values()), "no revised verdict"
    assert any(
        len(by_reviewer) >= 2 and len({v["rating"] for v in by_reviewer.values()}) == 1
        for by_reviewer in latest.values()
    ), "no two reviewers agreeing"
    unreviewed = [claim for claim in [*SEED_BODY_CLAIMS, CAPTION_CLAIM] if claim not in latest]
    assert len(unreviewed) >= 3, unreviewed
