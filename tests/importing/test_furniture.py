import datetime
import json

import pytest

from workbench.importing.analysis import clean_article
from workbench.importing.furniture import parse_date

from .conftest import SEED_RAW, annotated_articles

ALL_RAW = [SEED_RAW] + [raw for raw, _ in annotated_articles()]


@pytest.mark.parametrize("raw_path", ALL_RAW, ids=lambda p: p.name)
def test_nothing_of_the_body_is_lost(raw_path):
    raw = raw_path.read_text(encoding="utf-8")
    article = clean_article(raw)
    removed = {line for line, _reason in article.removed}
    for line in raw.splitlines():
        line = line.strip()
        if line and line not in removed:
            assert line in article.text, line


@pytest.mark.parametrize(
    ("raw_path", "expected"), annotated_articles(), ids=lambda v: getattr(v, "name", "")
)
def test_metadata_of_annotated_articles(raw_path, expected):
    article = clean_article(raw_path.read_text(encoding="utf-8"))
    assert article.language == expected["language"]
    assert article.title == expected["title"]
    assert article.author == expected["author"]
    published = expected["published"]
    assert article.published == (datetime.date.fromisoformat(published) if published else None)
    assert list(article.captions) == expected["captions"]


RAW = """\
Startseite > Politik > Inland
Anzeige
Regierung plant neue Regeln für Mieten
Von Anna Schmidt und Jan Weber
Lesezeit: 3 Minuten
Veröffentlicht am 3. März 2025, 10:15 Uhr
Teilen | Tweet | E-Mail

Die Bundesregierung will die Mietpreisbremse bis 2029 verlängern.

Ministerin bei einer Pressekonferenz. Foto: Kay Nietfeld/dpa

Das sagte eine Sprecherin am Montag.
Mehr zum Thema
Mietpreisbremse: Was Mieter wissen müssen

Newsletter abonnieren und nichts verpassen
Dieser Artikel erschien zuerst am 01.03.2025 in unserer Printausgabe.
© 2025 Beispielverlag GmbH. Alle Rechte vorbehalten.
Wir verwenden Cookies. Mit der Nutzung akzeptieren Sie unsere Cookie-Einstellungen.
"""

RAW_EN = """\
Advertisement
Acme to cut 3,400 jobs as sales slump
By Jane Doe
5 min read
Updated March 4, 2025 at 9:02 a.m. ET
Share

Acme Corp said on Tuesday it would cut 3,400 jobs.

Acme's headquarters in Ohio. (AP Photo/John Roe)

Sign up for our newsletter to get the day's news.
Read more: Why manufacturers are struggling
This article was originally published on March 3, 2025.
Subscribe to continue reading
"""


def test_general_german_furniture():
    article = clean_article(RAW)
    assert article.text == (
        "Die Bundesregierung will die Mietpreisbremse bis 2029 verlängern.\n\n"
        "Das sagte eine Sprecherin am Montag."
    )
    assert article.title == "Regierung plant neue Regeln für Mieten"
    assert article.author == "Anna Schmidt und Jan Weber"
    assert article.published == datetime.date(2025, 3, 1)
    assert article.republished == datetime.date(2025, 3, 3)
    assert article.captions == ("Ministerin bei einer Pressekonferenz.",)
    reasons = dict(article.removed)
    assert reasons["Anzeige"] == "advertisement marker"
    assert reasons["Lesezeit: 3 Minuten"] == "reading time"
    assert reasons["Startseite > Politik > Inland"] == "breadcrumb"
    assert reasons["Mietpreisbremse: Was Mieter wissen müssen"] == "related link"


def test_general_english_furniture():
    article = clean_article(RAW_EN)
    assert article.text == "Acme Corp said on Tuesday it would cut 3,400 jobs."
    assert article.title == "Acme to cut 3,400 jobs as sales slump"
    assert article.author == "Jane Doe"
    assert article.published == datetime.date(2025, 3, 3)
    assert article.captions == ("Acme's headquarters in Ohio.",)
    assert article.language == "en"


def test_plain_text_without_furniture_is_kept_whole():
    text = "Elon Musk offered $97.4 billion for OpenAI in February. The board said no."
    article = clean_article(text)
    assert article.text == text
    assert article.title is None
    assert article.removed == ()


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("date 2025-08-30 Anzeige", datetime.date(2025, 8, 30)),
        ("am 22.08.2025 veröffentlicht", datetime.date(2025, 8, 22)),
        ("22. August 2025", datetime.date(2025, 8, 22)),
        ("August 22, 2025", datetime.date(2025, 8, 22)),
        ("Updated Jan 14, 2025, 3:04 PM EST", datetime.date(2025, 1, 14)),
        ("no date here", None),
    ],
)
def test_parse_date(text, date):
    assert parse_date(text) == date


def test_subscription_paywall_and_newsletter_prompts_are_furniture():
    raw = """\
Skip to main content
The Riverside Echo
Support the Riverside Echo: fund local journalism with £3 per month. Support us →
Council spends £2m on consultants
The council says the money saved twice as much. Critics disagree.
By Jo Marsh
Tue 4 Mar 2025 09.00 GMT

The council spent £2m on consultants in 2024.

Sign up to Town Hall Weekly
Free weekly newsletter
after newsletter promotion
Subscribe to the Riverside Echo to keep reading
The rest of this article, including the full list of contracts, is for paid subscribers.
Already a paid subscriber? Sign in
Sie haben 3 von 5 kostenlosen Artikeln gelesen.
Unterstützen Sie unabhängigen Lokaljournalismus: Jetzt für 7,99 Euro im Monat Abo abschließen.
Der vollständige Artikel ist nur für Abonnenten verfügbar.
"""
    article = clean_article(raw)
    assert article.text == "The council spent £2m on consultants in 2024."
    assert article.title == "Council spends £2m on consultants"
    reasons = dict(article.removed)
    assert reasons["The council says the money saved twice as much. Critics disagree."] == (
        "standfirst"
    )


def test_a_subscription_price_in_the_body_is_kept():
    text = "Vireo raised subscription prices to $12 a month in January. Support for it fell."
    assert clean_article(text).text == text


HELDOUT = sorted((SEED_RAW.parents[1] / "tests" / "importing" / "heldout").glob("*.txt"))


@pytest.mark.parametrize("raw_path", HELDOUT, ids=lambda p: p.name)
def test_metadata_of_heldout_articles(raw_path):
    expected = json.loads(
        raw_path.with_name(raw_path.name.replace(".txt", ".expected.json")).read_text("utf-8")
    )
    article = clean_article(raw_path.read_text(encoding="utf-8"))
    assert (article.title, article.author) == (expected["title"], expected["author"])
    assert str(article.published) == str(expected["published"])
    assert list(article.captions) == expected["captions"]
