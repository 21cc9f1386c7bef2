"""Strip page furniture (bylines, ad markers, captions, share and newsletter lines, footers)
from a scraped article and keep what it tells us: title, author, dates and photo captions.

Every dropped line is reported with a reason, so a fact-checker can see that nothing of the
body went missing.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

_MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1,
    "februar": 2, "february": 2, "feb": 2,
    "märz": 3, "march": 3, "mar": 3, "mär": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}  # fmt: skip
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("y", "m", "d")),
    (re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b"), ("d", "m", "y")),
    (re.compile(r"\b(\d{1,2})\.?\s+" + _MONTH + r"\s+(\d{4})\b", re.I), ("d", "M", "y")),
    (re.compile(r"\b" + _MONTH + r"\s+(\d{1,2}),?\s+(\d{4})\b", re.I), ("M", "d", "y")),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), ("m", "d", "y")),
)
_TIME = r"(?:\s*,?\s*(?:um|at|-|–)?\s*\d{1,2}[:.]\d{2}(?:\s*(?:Uhr|[AaPp]\.?[Mm]\.?))?(?:\s*[A-Z]{2,4})?)?"


def parse_date(text: str) -> datetime.date | None:
    """The first calendar date written in text (ISO, 22.08.2025, 22. August 2025, Aug 22, 2025)."""
    found = []
    for pattern, order in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        month = _MONTHS[parts["M"].lower()] if "M" in parts else int(parts["m"])
        try:
            value = datetime.date(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            continue
        found.append((match.start(), value))
    return min(found)[1] if found else None


_WEEKDAY = (
    r"(?:(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)(?:day)?\.?,?\s+|(?:montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag),?\s+)?"
)
_DATE_ANY = "(?:" + "|".join(p.pattern for p, _ in _DATE_PATTERNS) + ")"
_NAME = r"(?:[A-ZÄÖÜ][\w'’.-]+|von|van|de|der|da|al|bin|le|la|du)"
_NAMES = rf"{_NAME}(?:\s+{_NAME}){{0,4}}"
_BYLINE = re.compile(
    rf"^(?:Von|By|BY|Written by|Ein (?:Bericht|Kommentar|Gastbeitrag|Interview|Essay) von|"
    rf"Eine Analyse von|Text|Autor|Autorin|Author|Reporter)\s*:?\s+"
    rf"(?P<names>{_NAMES}(?:\s*(?:,|und|and|&)\s*{_NAMES})*)"
    rf"(?:\s*,\s*[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,3}})?\s*$"
)
_SEGMENT_RULES = (
    (
        "advertisement marker",
        re.compile(
            r"^(?:Anzeige|Werbung|Advertisement|Sponsored(?: content)?|Gesponsert|Promoted|"
            r"Paid content|Partner content|Ad)$",
            re.I,
        ),
    ),
    (
        "reading time",
        re.compile(
            r"^(?:(?:Lesezeit|Lesedauer|Reading time|Read time)\s*:?\s*)?(?:ca\.\s*|about\s*)?\d+\s*"
            r"(?:Min\.?|Minuten|min\.?|mins?|minutes?)(?:\s+(?:Lesezeit|read|reading time|lesen))?$",
            re.I,
        ),
    ),
    (
        "date line",
        re.compile(
            rf"^(?:date|datum|published|posted|publiziert|veröffentlicht|erschienen|stand)?"
            rf"(?:\s+am)?\s*:?\s*{_WEEKDAY}{_DATE_ANY}{_TIME}"
            rf"(?:\s+(?:Anzeige|Advertisement|Werbung))?$",
            re.I,
        ),
    ),
    (
        "update line",
        re.compile(
            rf"^(?:updated|last updated|aktualisiert|zuletzt aktualisiert)(?:\s+(?:am|on))?\s*:?\s*"
            rf"{_DATE_ANY}{_TIME}$",
            re.I,
        ),
    ),
    ("byline", _BYLINE),
    (
        "share buttons",
        re.compile(
            r"^(?:(?:artikel |beitrag )?teilen|share(?: this (?:story|article))?|tweet|twittern|"
            r"mailen|e-?mail|drucken|print|facebook|twitter|x|linkedin|whatsapp|xing|reddit|"
            r"pinterest|flipboard|copy link|link kopieren|kommentieren|speichern|merken|save|"
            r"vorlesen|listen|anhören|artikel anhören|listen to this article|subscribe|sign in|"
            r"log in|anmelden|abonnieren|abo|e-paper|support us\W*|upgrade to paid|start writing|"
            r"get the app|skip to (?:main )?(?:content|navigation)|zum inhalt springen)$",
            re.I,
        ),
    ),
    (
        "comments link",
        re.compile(
            r"^(?:\d+\s+)?(?:Kommentare?|Comments?)(?:\s*\(\d+\))?$|^(?:Zur Startseite|Zurück|"
            r"Nach oben|Back to top|Home|Startseite)$",
            re.I,
        ),
    ),
)
_LINE_RULES = (
    (
        "newsletter promotion",
        re.compile(
            r"newsletter.*(?:abonnieren|anmelden|bestellen|sign up|subscribe|inbox|postfach)|"
            r"(?:abonnieren|anmelden|sign up|subscribe)\b.*newsletter",
            re.I,
        ),
    ),
    (
        "subscription or donation prompt",
        re.compile(
            r"^(?:support|subscribe to|become a (?:member|subscriber|supporter)|upgrade to|"
            r"unterstützen sie|werden sie (?:abonnent|mitglied|unterstützer)|jetzt unterstützen)\b"
            r".*(?:per month|a month|a year|journalism|reading|subscriber|paid|member|→|"
            r"pro monat|im monat|journalismus|weiterlesen|abo)"
            r"|^the rest of this (?:post|article|story|newsletter|piece|edition)\b"
            r"|^(?:der|den) (?:rest|ganzen?|vollständigen?|restlichen?) (?:des )?"
            r"(?:artikels?|textes|text|beitrags?)\b.*(?:abo|abonnent|plus|\+)"
            r"|^already a (?:paid )?(?:subscriber|member)"
            r"|^(?:sie haben|you(?:'ve| have) read) \d+ (?:von|of) \d+ (?:kostenlosen|free)",
            re.I,
        ),
    ),
    (
        "newsletter promotion",
        re.compile(
            r"^(?:sign up (?:to|for|here|now)\b|(?:free|kostenlose[rs]?) (?:\w+ )?newsletter$|"
            r"after newsletter promotion$|privacy notice: newsletters?|newsletter[ :„\"](?!.*[.!?]\s))",
            re.I,
        ),
    ),
    (
        "copyright notice",
        re.compile(r"^(?:©|\(c\)|copyright\b)|all rights reserved|alle rechte vorbehalten", re.I),
    ),
    (
        "republication note",
        re.compile(
            r"^(?:dieser|der|dieses)\s+(?:artikel|beitrag|text|interview)\s+(?:wurde|ist|erschien)"
            r".*(?:ursprünglich|zuerst|erstmals|bereits)|^this (?:article|story|piece) (?:was|"
            r"originally|first).*(?:published|appeared)|^a version of this (?:article|story)|"
            r"^originally (?:published|appeared)",
            re.I,
        ),
    ),
    (
        "paywall or cookie notice",
        re.compile(
            r"cookies?\b.*(?:akzeptieren|accept|einstellungen|settings|zustimm|consent)|"
            r"(?:diese seite|diese website|this site|this website|wir) (?:nutzt|verwendet|"
            r"verwenden|nutzen|uses?) cookies|"
            r"^(?:subscribe to (?:continue|read)|already a subscriber|bereits abonnent|"
            r"jetzt (?:weiterlesen|abonnieren|testen)|zum weiterlesen|exklusiv für abonnent|"
            r"dieser (?:artikel|inhalt) ist (?:nur )?für abonnent|you have reached|"
            r"register (?:now|to continue))",
            re.I,
        ),
    ),
    (
        "wire credit",
        re.compile(
            r"^\(?(?:reporting|additional reporting|writing|editing|compiled) by\b.*\)?$|"
            r"^(?:mit material (?:von|der)|material:)\s",
            re.I,
        ),
    ),
    ("tag list", re.compile(r"^(?:Themen|Topics|Tags|Schlagworte|Schlagwörter)\s*:", re.I)),
)
_RELATED = re.compile(
    r"^(?:mehr zum thema|auch interessant|das könnte (?:sie|dich) auch interessieren|"
    r"lesen sie auch|lies auch|weiterlesen|weitere artikel|read more|read next|related|"
    r"related (?:articles|stories|coverage)|more on this(?: story)?|more from \w+|"
    r"more stories|see also|most read|meistgelesen)\s*(?P<rest>:.*)?$",
    re.I,
)
_CREDIT = re.compile(
    r"\s*(?:[(\[]\s*(?:Fotos?|Bild(?:er|quelle)?|Photos?|Images?|Credit|Quelle|Illustration|"
    r"Grafik)\s*:\s*[^()\[\]]{1,150}[)\]]"
    r"|[(\[](?:AP|AFP|Reuters|REUTERS|dpa|Getty Images|Shutterstock|picture alliance|Imago|"
    r"Bloomberg|EPA|Keystone)\b[^()\[\]]{0,120}[)\]]"
    r"|(?:^|(?<=[.!?\s]))(?:Fotos?|Bild(?:quelle)?|Photos?|Photograph|Images?|Credit|"
    r"Illustration|Grafik)"
    r"\s*:\s*[^:]{1,150}"
    r"|(?:^|(?<=[.!?\s]))(?:REUTERS|AP Photo|AFP)/[^:]{1,120})\s*$"
)
_BREADCRUMB = re.compile(
    r"^[^.!?]{1,40}(?:\s*[›»>/]\s*[^.!?›»>/]{1,40}){2,}$|^\w[\w -]{0,25}\s[›»]\s\w[\w -]{0,25}$"
)
# A bare name line under the headline, followed by a date or a job title: the author.
_BARE_NAME = re.compile(r"^[A-ZÄÖÜ][\w'’-]+(?: [A-ZÄÖÜ][\w'’-]+){1,2}$")
_JOB_TITLE = re.compile(
    r"(?i:correspondent|reporter|editor|writer|journalist|redakteur\w*|korrespondent\w*|"
    r"autor\w*|contributor)"
)
_SEPARATORS = re.compile(r"\s+[|·•]\s+|\s{2,}")
_TERMINAL = (".", "!", "?", ":", ";", ",", "…")


@dataclass
class StrippedPage:
    """A scraped page split into body paragraphs and the furniture around them."""

    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    published: datetime.date | None = None
    republished: datetime.date | None = None
    captions: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)


def _segment_reason(segment: str) -> str | None:
    for reason, pattern in _SEGMENT_RULES:
        if pattern.match(segment):
            return reason
    return None


def _caption(line: str) -> tuple[str, str] | None:
    """(caption text, credit) if the line ends with a photo credit."""
    match = _CREDIT.search(line)
    if not match:
        return None
    credit = match.group().strip()
    if credit[-1] in ".!?" and not re.search(r"\.(?:com|de|net|org)\W?$", credit):
        return None  # a sentence that merely starts with "Bild:" or mentions a photo
    return line[: match.start()].strip(), credit


def _byline_or_date_follows(lines: list[str], index: int, within: int = 4) -> bool:
    following = [line.strip() for line in lines[index + 1 :] if line.strip()][:within]
    return any(
        _segment_reason(segment) in ("byline", "date line")
        for line in following
        for segment in _SEPARATORS.split(line)
    )


def _is_label(line: str) -> bool:
    return len(line.split()) <= 3 and not line.endswith(_TERMINAL) and len(line) <= 40


def strip_furniture(raw: str) -> StrippedPage:
    """Split raw page text into body paragraphs and metadata; see the module docstring."""
    page = StrippedPage()
    page_dates: list[datetime.date] = []
    original: datetime.date | None = None
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paragraph: list[str] = []
    pending_labels: list[str] = []
    in_header = True
    in_related = False

    def close_paragraph() -> None:
        if paragraph:
            page.paragraphs.append("\n".join(paragraph))
            paragraph.clear()

    def drop(line: str, reason: str) -> None:
        close_paragraph()
        page.removed.append((line, reason))

    for index, raw_line in enumerate(lines):
        line = raw_line.strip()
        if not line:
            close_paragraph()
            in_related = False
            continue
        if in_related:
            drop(line, "related link")
            continue
        segments = _SEPARATORS.split(line)
        reasons = [_segment_reason(s) for s in segments]
        # A header line like "Weserblick Wirtschaft | 14.03.2025": site names are allowed
        # next to dates and bylines, but only there.
        if any(reasons) and all(r or _is_label(s) for r, s in zip(reasons, segments, strict=True)):
            for reason, segment in zip(reasons, segments, strict=True):
                if reason in ("date line",):
                    date = parse_date(segment)
                    if date:
                        page_dates.append(date)
                elif reason == "byline" and page.author is None:
                    page.author = _BYLINE.match(segment).group("names").strip()
            drop(line, " + ".join(r for r in dict.fromkeys(reasons) if r) or "header")
            continue
        if len(segments) >= 3 and all(_is_label(s) for s in segments) and not any(reasons):
            drop(line, "navigation")
            continue
        if _BREADCRUMB.match(line) and len(line) < 120:
            drop(line, "breadcrumb")
            continue
        related = _RELATED.match(line)
        if related:
            drop(line, "related-links header")
            in_related = not (related.group("rest") or "").strip(": ")
            continue
        line_reason = next((r for r, p in _LINE_RULES if p.search(line) and len(line) < 400), None)
        if line_reason:
            if line_reason == "republication note":
                original = parse_date(line) or original
            drop(line, line_reason)
            continue
        caption = _caption(line)
        if caption:
            text, _credit = caption
            if text:
                page.captions.append(text)
                drop(line, "photo caption with credit")
            else:
                drop(line, "photo credit")
            continue
        if page.title is not None and line == page.title:
            drop(line, "headline repeated")
            continue
        if in_header and page.title is not None and page.author is None and _BARE_NAME.match(line):
            following = [rest.strip() for rest in lines[index + 1 :] if rest.strip()][:1]
            if following and (
                _JOB_TITLE.search(following[0]) or _byline_or_date_follows(lines, index, 1)
            ):
                in_header = True
                page.author = line
                drop(line, "byline")
                continue
        just_named = page.author is not None and page.removed and page.removed[-1][0] == page.author
        if in_header and just_named and _JOB_TITLE.search(line) and len(line.split()) <= 4:
            drop(line, "author's job title")
            continue
        if (
            in_header
            and page.title is not None
            and (line.endswith(_TERMINAL) or len(line.split()) > 6)
            and _byline_or_date_follows(lines, index)
        ):
            # The standfirst under the headline sums the story up; its claims come again,
            # attributed, in the body.
            drop(line, "standfirst")
            continue
        if in_header:
            more_follows = any(rest.strip() for rest in lines[index + 1 :])
            if page.title is None and more_follows and not line.endswith(_TERMINAL):
                words = line.split()
                if _is_label(line) and (len(words) < 3 or all(w[:1].isupper() for w in words)):
                    pending_labels.append(line)
                    continue
                if len(line) <= 250:
                    for label in pending_labels:
                        page.removed.append((label, "site or section label"))
                    pending_labels.clear()
                    page.title = line
                    page.removed.append((line, "headline"))
                    close_paragraph()
                    continue
            in_header = False
            for label in pending_labels:
                paragraph.append(label)
                close_paragraph()
            pending_labels.clear()
        paragraph.append(line)
    close_paragraph()
    for label in pending_labels:
        page.paragraphs.append(label)

    page_date = page_dates[0] if page_dates else None
    if original is not None:
        page.published = original
        page.republished = page_date if page_date and page_date != original else None
    else:
        page.published = page_date
    return page
