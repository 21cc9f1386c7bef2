"""Which sources an attribution phrase may mean (fuzzy, by name and alias), and adding one."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from workbench.errors import InvalidInputError
from workbench.models import Attribution, Claim, Source, SourceLink
from workbench.review import get_or_create_reviewer
from workbench.sources import attribute_to_new_source, create_source, suggest_sources


@pytest.fixture
def newsroom(session: Session) -> Session:
    create_source(
        session,
        name="Financial Times",
        kind="news_outlet",
        aliases=["FT", "Bericht der Financial Times"],
    )
    create_source(session, name="The Associated Press", kind="news_outlet", aliases=["AP"])
    create_source(session, name="Elon Musk", kind="person", aliases=["Musk"])
    create_source(
        session,
        name="OpenAI court filing",
        kind="court_filing",
        aliases=["Gerichtsakten", "Gerichtsdokumente"],
    )
    create_source(session, name="Financial Review", kind="news_outlet")
    return session


def names(session: Session, phrase: str, limit: int = 5) -> list[str]:
    return [s.name for s in suggest_sources(session, phrase, limit)]


def test_the_source_named_in_the_phrase_comes_first(newsroom: Session) -> None:
    (first, *_rest) = suggest_sources(newsroom, "laut einem Bericht der Financial Times")
    assert (first.name, first.kind, first.score) == ("Financial Times", "news_outlet", 100)
    assert first.matched in {"Financial Times", "Bericht der Financial Times"}
    assert first.source_id == newsroom.scalar(
        select(Source.id).where(Source.name == "Financial Times")
    )


def test_typos_and_german_case_endings_still_find_the_source(newsroom: Session) -> None:
    assert names(newsroom, "laut der Finacial Times")[:1] == ["Financial Times"]
    assert names(newsroom, "wie aus Gerichtsdokumenten hervorgeht") == ["OpenAI court filing"]
    assert names(newsroom, "laut den Gerichts-Akten") == ["OpenAI court filing"]


def test_short_aliases_match_whole_words_only(newsroom: Session) -> None:
    assert names(newsroom, "laut AP") == ["The Associated Press"]
    assert names(newsroom, "sagte ein Kapitalmarktexperte") == []
    assert names(newsroom, "the FT reported") == ["Financial Times"]
    # one letter away is another word, not a typo of a four-letter name
    assert names(newsroom, "they must have known") == []


def test_a_phrase_naming_nothing_suggests_nothing(newsroom: Session) -> None:
    assert names(newsroom, "Demnach") == []
    assert names(newsroom, "people familiar with the matter") == []
    assert names(newsroom, "") == []
    assert names(newsroom, "   ") == []


def test_each_source_is_suggested_once_best_first_up_to_the_limit(newsroom: Session) -> None:
    phrase = "Musk told the FT and AP, according to Gerichtsakten"
    suggested = suggest_sources(newsroom, phrase)
    assert sorted(s.name for s in suggested) == [
        "Elon Musk",
        "Financial Times",
        "OpenAI court filing",
        "The Associated Press",
    ]
    scores = [s.score for s in suggested]
    assert scores == sorted(scores, reverse=True)
    assert len(suggest_sources(newsroom, phrase, limit=2)) == 2
    assert suggest_sources(newsroom, phrase, limit=0) == []
    # the close-but-wrong name is ranked below the one the phrase names
    ranked = names(newsroom, "laut der Financial Times")
    assert ranked[0] == "Financial Times" and "Financial Review" not in ranked


def test_suggestions_on_the_seed_story(seeded_sessions: sessionmaker[Session]) -> None:
    with seeded_sessions() as session:
        assert names(session, "laut einem Bericht der Financial Times")[0] == "Financial Times"
        (filing,) = suggest_sources(session, "Die Information stammt aus Gerichtsakten")
        assert filing.kind == "court_filing" and filing.matched == "Gerichtsakten"
        assert names(session, "Demnach") == []


# --- a source that is not in the database yet ---------------------------------------------


def _attribution(session: Session) -> Attribution:
    ft = session.scalars(select(Source).where(Source.name == "Financial Times")).one()
    claim = Claim(text="Musk bid $97.4bn.", language="en")
    attribution = Attribution(source=ft, phrase="laut einem Bericht der WSJ", kind="reported")
    claim.attributions.append(attribution)
    session.add(claim)
    session.flush()
    return attribution


def test_a_new_source_is_added_and_the_attribution_confirmed(newsroom: Session) -> None:
    attribution = _attribution(newsroom)
    ana = get_or_create_reviewer(newsroom, "Ana")
    attribute_to_new_source(
        newsroom, attribution.id, ana, name="  Wall Street   Journal ", kind="news_outlet"
    )
    wsj = newsroom.scalars(select(Source).where(Source.name == "Wall Street Journal")).one()
    assert (attribution.source_id, wsj.kind, attribution.confirmed_by) == (
        wsj.id,
        "news_outlet",
        ana,
    )
    # the same name and kind again is the same source, not a second one
    attribute_to_new_source(
        newsroom, attribution.id, ana, name="Wall Street Journal", kind="news_outlet"
    )
    count = select(func.count(Source.id)).where(Source.name == "Wall Street Journal")
    assert newsroom.scalar(count) == 1


@pytest.mark.parametrize(
    ("name", "kind", "message"),
    [("  ", "news_outlet", "needs a name"), ("WSJ", "newspaper", "Unknown source kind")],
)
def test_a_new_source_needs_a_name_and_a_known_kind(
    newsroom: Session, name: str, kind: str, message: str
) -> None:
    attribution = _attribution(newsroom)
    sources_before = newsroom.scalar(select(func.count(Source.id)))
    links_before = newsroom.scalar(select(func.count(SourceLink.id)))
    with pytest.raises(InvalidInputError, match=message):
        attribute_to_new_source(
            newsroom, attribution.id, get_or_create_reviewer(newsroom, "Ana"), name=name, kind=kind
        )
    assert newsroom.scalar(select(func.count(Source.id))) == sources_before
    assert newsroom.scalar(select(func.count(SourceLink.id))) == links_before
    assert attribution.confirmed_by is None
