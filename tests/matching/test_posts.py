"""Social-post furniture is stripped before matching; other text is left alone."""

import pytest

from workbench.matching.posts import strip_post_furniture


@pytest.mark.parametrize(
    ("post", "claim"),
    [
        (
            "Illinois GOP bill attacks single moms https://t.co/wDGczl94dF — Morgan Fairchild "
            "(@morgfair) February 25, 2016",
            "Illinois GOP bill attacks single moms",
        ),
        (
            "RT @newsdesk: #Breaking Musk bought #Twitter pic.twitter.com/abc",
            "Breaking Musk bought Twitter",
        ),
        (
            "@a @b Laut @tagesschau stiegen die Preise um 3 % https://x.de/a",
            "Laut tagesschau stiegen die Preise um 3 %",
        ),
        (
            "#CrookedHillary lied &amp; @realDonaldTrump knows it #COVID19 #no_more_lies",
            "Crooked Hillary lied & real Donald Trump knows it COVID 19 no more lies",
        ),
        (
            ".@JaneDoeMD tells @newsdesk: the ride collapsed#kankaria#ThemePark@cityNews",
            "Jane Doe MD tells newsdesk: the ride collapsed kankaria Theme Park city News",
        ),
    ],
)
def test_post_furniture_is_stripped(post: str, claim: str) -> None:
    assert strip_post_furniture(post) == claim


@pytest.mark.parametrize(
    "text",
    [
        "Musk bot 97,4 Milliarden US-Dollar - so die Financial Times.",
        "The council approved the budget on 3 March 2025 (by 27 votes to 19).",
        "",
    ],
)
def test_text_that_is_not_a_post_is_unchanged(text: str) -> None:
    assert strip_post_furniture(text) == text


def test_a_post_of_nothing_but_a_link_keeps_its_text() -> None:
    assert strip_post_furniture("https://t.co/abc") == "https://t.co/abc"
