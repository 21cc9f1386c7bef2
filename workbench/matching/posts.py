"""Strip what a social post carries besides its claim before it is matched.

A claim copied from X/Twitter, Mastodon or Facebook brings its embed signature ("— Jane Doe
(@jdoe) February 25, 2016"), links, @handles, "RT" markers and hashtag signs. They say who
posted and when, not what is claimed, and their names and dates would otherwise count as
facts the evidence ought to share.
"""

from __future__ import annotations

import html
import re
from datetime import date

from workbench.matching.normalise import month_of

# "— Name (@handle) February 25, 2016" at the end of an embedded tweet
_EMBED_SIGNATURE = re.compile(
    r"\s*[—–-]{1,2}\s*[^—–\n]{0,80}\(@\w{1,30}\)\s*"
    r"(?:(?P<month>[A-Z][a-z]+)\.? (?P<day>\d{1,2}), (?P<year>\d{4})"
    r"|(?P<de_day>\d{1,2})\.? (?P<de_month>[A-Za-zä]+)\.? (?P<de_year>\d{4}))?"
    r"[\"”]?\s*$"  # a post pasted from a CSV cell keeps the cell's closing quote
)
_URL = re.compile(r"(?:https?://|www\.)\S+|pic\.twitter\.com/\S+", re.IGNORECASE)
# a reply: "@a @b text" (".@a" is no reply: the dot makes a post about @a public)
_LEADING_HANDLES = re.compile(r"^(?:\s*@\w{1,30})+\s*")
_HANDLE = re.compile(r"(?<![\w@])@(?=\w{1,30})")  # inside a sentence it names someone
_RETWEET = re.compile(r"^\s*RT\b\s*(?:@\w{1,30})?:?\s*")
_HASH = re.compile(r"(?<![\w&])#(?=\w)")
# hashtags and handles, alone or run together ("#kankaria#adventure", "@a@b#c")
_TAG_RUN = re.compile(r"(?:(?<![\w&])[#@]|(?<=[^\W\d_])#)\w+(?:[#@]\w+)*")
_PUBLIC_MENTION = re.compile(r"^\s*\.(?=@)")
_TAG_SIGN = re.compile(r"[#@]")
# word breaks inside a tag or handle: "CrookedHillary", "realDonaldTrump", "COVID19", "no_war"
_TAG_WORD_BREAK = re.compile(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])|(?<=[^\W\d])(?=\d)|_+")
_SPACES = re.compile(r"[ \t]{2,}")


def looks_like_post(text: str) -> bool:
    # every link has a "/" or "www", handles and tags their sign: most passages have none,
    # and the case-insensitive link pattern would otherwise be tried at every position
    if "/" not in text and "@" not in text and "#" not in text and "www" not in text.lower():
        return False
    return bool(_URL.search(text) or _HANDLE.search(text) or _HASH.search(text))


def strip_post_furniture(text: str) -> str:
    """The claim in a social post: signature, links, handles and markers removed.

    Text without any of them comes back unchanged, so articles and fact-checks are not
    touched. A post that is nothing but furniture keeps its text (better than nothing).
    """
    if not looks_like_post(text) and "(@" not in text:
        return text
    cleaned = html.unescape(text)  # posts copied from an embed carry "&amp;"
    cleaned = _EMBED_SIGNATURE.sub("", cleaned)
    cleaned = _RETWEET.sub("", cleaned)
    cleaned = _URL.sub(" ", cleaned)
    cleaned = _LEADING_HANDLES.sub("", cleaned)
    cleaned = _PUBLIC_MENTION.sub("", cleaned)
    cleaned = _TAG_RUN.sub(_tag_words, cleaned)
    cleaned = _SPACES.sub(" ", cleaned).strip()
    return cleaned or text


def post_date(text: str) -> date | None:
    """The date in a pasted post's embed signature ("— Jane Doe (@jdoe) February 25, 2016",
    "... (@jdoe) 25. Februar 2016"): when it was posted, or None."""
    if "(@" not in text:
        return None
    signature = _EMBED_SIGNATURE.search(html.unescape(text))
    if signature is None:
        return None
    if signature["year"]:
        day, month, year = signature["day"], signature["month"], signature["year"]
    elif signature["de_year"]:
        day, month, year = signature["de_day"], signature["de_month"], signature["de_year"]
    else:
        return None
    month_number = month_of(month)
    if month_number is None:
        return None
    try:
        return date(int(year), month_number, int(day))
    except ValueError:
        return None


def _tag_words(match: re.Match[str]) -> str:
    """Hashtags and handles as the words they run together (#CrookedHillary -> Crooked Hillary),
    so its names and words count like the rest of the post."""
    tags = (_TAG_WORD_BREAK.sub(" ", tag).strip() for tag in _TAG_SIGN.split(match.group()))
    words = " ".join(tag for tag in tags if tag)
    return f" {words}" if match.start() and match.string[match.start() - 1].isalpha() else words
