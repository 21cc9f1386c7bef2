"""Reading schema.org ClaimReview JSON-LD: the claim, who made it, and the fact-checker's rating."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from workbench.importing.claimfiles import MalformedFileError
from workbench.ratings import RATINGS_BY_KEY

# Words fact-checkers use in reviewRating.alternateName, mapped onto our scale (de + en).
# Checked in this order, as whole words, so "mostly false" never reads as "false" and
# "untrue", "not true" or "nicht richtig" never read as "true".
_TEXTUAL_RATINGS: tuple[tuple[str, str], ...] = (
    (
        r"mostly (?:true|accurate|correct)|weitgehend (?:richtig|wahr)|überwiegend (?:richtig|wahr)",
        "mostly_accurate",
    ),
    (r"mostly false|überwiegend falsch|weitgehend falsch", "inaccurate"),
    (
        r"half[- ]true|mixture|mixed|misleading|irreführend|missing context|fehlender kontext|teilweise",
        "misleading",
    ),
    (
        r"unproven|unverified|unbelegt|unklar|not verifiable|unverifiable|nicht belegt|no evidence",
        "unverified",
    ),
    (
        r"(?:not|nicht|kein|keine)\s+(?:true|correct|accurate|richtig|wahr)|untrue|unwahr|inaccurate|incorrect|false|falsch|fake|pants on fire|wrong|erfunden",
        "inaccurate",
    ),
    (r"true|correct|accurate|richtig|wahr|stimmt|zutreffend", "accurate"),
)


@dataclass(frozen=True)
class ClaimReviewRecord:
    claim_text: str
    claimant: str | None
    claimant_kind: str
    appearance_url: str | None
    appearance_title: str | None
    claim_date: dt.date | None
    review_url: str | None
    fact_checker: str
    rating: str | None
    rating_text: str | None
    review_date: dt.date | None
    language: str | None


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type", [])
    return {value} if isinstance(value, str) else set(value)


def is_claimreview(document: Any) -> bool:
    return bool(_claimreview_nodes(document))


def _claimreview_nodes(document: Any) -> list[dict[str, Any]]:
    if isinstance(document, list):
        return [node for item in document for node in _claimreview_nodes(item)]
    if isinstance(document, dict):
        if "ClaimReview" in _types(document):
            return [document]
        if isinstance(document.get("@graph"), list):
            return _claimreview_nodes(document["@graph"])
    return []


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def map_rating(rating: Any) -> tuple[str | None, str | None]:
    """(our rating key, the fact-checker's own words) for a reviewRating node."""
    if not isinstance(rating, dict):
        return None, None
    words = _name(rating.get("alternateName")) or _name(rating.get("name"))
    textual = None
    if words:
        folded = words.casefold()
        textual = next(
            (key for pattern, key in _TEXTUAL_RATINGS if re.search(rf"\b(?:{pattern})\b", folded)),
            None,
        )
    numeric = _numeric_rating(rating)
    # words and number disagree on which side of the scale: trust the number, which is
    # what ClaimReview consumers (search engines) read
    if textual and numeric and _side(textual) != _side(numeric):
        return numeric, words
    return textual or numeric, words


def _side(key: str) -> int:
    value = RATINGS_BY_KEY[key].value
    return 0 if value is None else (1 if value >= 4 else -1 if value <= 2 else 0)


def _numeric_rating(rating: dict[str, Any]) -> str | None:
    try:
        value = float(rating["ratingValue"])
        best = float(rating.get("bestRating", 5))
        worst = float(rating.get("worstRating", 1))
    except (KeyError, TypeError, ValueError):
        return None
    if best == worst or not worst <= value <= best:
        return None
    position = (value - worst) / (best - worst)
    if position >= 0.9:
        return "accurate"
    if position >= 0.7:
        return "mostly_accurate"
    if position >= 0.4:
        return "misleading"
    return "inaccurate"


def read_claimreview(name: str, text: str) -> list[ClaimReviewRecord]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise MalformedFileError(name, f"not valid JSON ({error.msg})", error.lineno) from None
    nodes = _claimreview_nodes(document)
    if not nodes:
        raise MalformedFileError(name, 'no object with "@type": "ClaimReview" found')
    records = []
    for number, node in enumerate(nodes, start=1):
        claim_text = node.get("claimReviewed")
        if not isinstance(claim_text, str) or not claim_text.strip():
            raise MalformedFileError(name, f"ClaimReview #{number} has no claimReviewed text")
        item = node.get("itemReviewed") if isinstance(node.get("itemReviewed"), dict) else {}
        author = item.get("author")
        claimant_kind = "organisation"
        if isinstance(author, dict) and "Person" in _types(author):
            claimant_kind = "person"
        appearance = item.get("appearance") or item.get("firstAppearance")
        if isinstance(appearance, list):
            appearance = appearance[0] if appearance else None
        if isinstance(appearance, str):
            appearance = {"url": appearance}
        appearance = appearance if isinstance(appearance, dict) else {}
        rating, rating_text = map_rating(node.get("reviewRating"))
        records.append(
            ClaimReviewRecord(
                claim_text=" ".join(claim_text.split()),
                claimant=_name(author),
                claimant_kind=claimant_kind,
                appearance_url=appearance.get("url"),
                appearance_title=_name(appearance.get("headline")) or _name(appearance),
                claim_date=_date(item.get("datePublished")),
                review_url=node.get("url") if isinstance(node.get("url"), str) else None,
                fact_checker=_name(node.get("author")) or "unknown fact-checker",
                rating=rating,
                rating_text=rating_text,
                review_date=_date(node.get("datePublished")),
                language=node.get("inLanguage")
                if isinstance(node.get("inLanguage"), str)
                else None,
            )
        )
    return records
