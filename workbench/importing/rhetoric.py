"""Spot what a fact-checker cannot check in a sentence: value judgements, metaphors, polemic
labels, demands, statements of resolve and maxims ("Wer ..., muss ...").

Each finding is a (penalty, reason) pair that checkworthiness.py subtracts from a sentence's
score; the reason names the words that fired, so a reviewer sees why a quote was dropped.
"""

from __future__ import annotations

import re

__all__ = ["rhetoric_penalties"]

# Words and idioms that judge rather than report. Kept to words that are rarely factual;
# "Katastrophe" or "chaos" can describe an event, so they are not here.
_VALUE_WORDS = re.compile(
    r"\b(?:"
    # German: metaphors, polemic nouns, praise and blame
    r"grenzt (?:schon |fast )?an (?:ein(?:en|e)? )?(?:Skandal|Frechheit|Zumutung|Wahnsinn)|"
    r"ein Wunder|Zumutung|Armutszeugnis\w*|Flickwerk\w*|Schönrechnerei\w*|Farce|"
    r"Trauerspiel\w*|Offenbarungseid\w*|Mogelpackung\w*|Etikettenschwindel\w*|"
    r"Augenwischerei\w*|Taschenspielertrick\w*|Luftnummer\w*|Symbolpolitik\w*|"
    r"Bankrotterklärung\w*|Schlag ins Gesicht|im Stich gelassen|im Regen stehen|"
    r"tut (?:uns |mir )?weh|großartig\w*|hervorragend\w*|herausragend\w*|dankbar\w*|"
    r"stolz(?:e[nmrs]?)?|"
    r"verheerend\w*|katastrophal\w*|absurd\w*|unerträglich\w*|beschämend\w*|"
    r"peinlich\w*|unsäglich\w*|unverschämt\w*|zynisch\w*|respektlos\w*|"
    # English
    r"shambles|farce|fiasco|disgrace\w*|slap in the face|at war with (?:itself|themselves)|"
    r"smoke and mirrors|betray\w*|reckless\w*|ridiculous\w*|appalling\w*|heartbreaking|"
    r"fantastic|incredible|magnificent|proud|grateful|thankful|a miracle|"
    r"unforgivable|shocking\w*|scandalous\w*"
    r")\b",
    re.I,
)
# Weaker markers: impatience or a polemic contrast, also found in plain reporting.
_WEAK_VALUE_WORDS = re.compile(r"\b(?:endlich|statt dafür|anstatt dafür|finally get)\b", re.I)
# "nannte die Reform „Flickwerk“", "warf ihm „Schönrechnerei“ vor", "called it a "shambles"":
# a short quoted label pinned on someone.
_LABEL = re.compile(
    r"\b(?:nannte|nennt|bezeichnete|bezeichnet|warf|wirft|sprach von|spricht von|called|calls|"
    r"described|describes|dubbed|branded|labelled|labeled|accused)\b[^„“”\"«».;]{0,60}"
    r"[„“\"«»]([^„“”\"«».;]{1,40})[“”\"«»]"
)
# "die Reform sei „überfällig“", "the lawsuit was "baseless"": a quoted predicate of one or
# two words is an evaluation, not a fact.
_QUOTED_PREDICATE = re.compile(
    r"\b(?:sei|seien|ist|sind|war|waren|wäre|is|are|was|were|be)\s+(?:\w+\s+)?"
    r"[„“\"«»]([^„“”\"«».;]{1,30})[“”\"«»]"
)
# "Wer jetzt Nein sagt, muss auch sagen ...", "Wer arbeite ..., brauche Unterstützung":
# a maxim about anyone, not a statement about someone.
_MAXIM = re.compile(
    r"(?:^|[„“\"«»:]\s*)(?:Wer|Whoever|Anyone who)\b[^.;]{3,160}?,\s*"
    r"(?:der\s+|die\s+)?(?:muss|müsse|soll|solle|sollte|braucht|brauche|darf|dürfe|verdient|"
    r"verdiene|has to|must|should|deserves)\b"
)
# "forderte erneut, den Neubau zu verschieben", "urged ministers to", "demanded that"
_DEMAND = re.compile(
    r"\b(?:forder\w*|verlangt\w*|appellier\w*|plädier\w*|mahnt\w*)\b[^.;:]{0,60},\s+"
    r"(?:dass\b|[^,.;]{0,100}(?:\bzu\s+[a-zäöüß]+|[a-zäöüß]{2,}zu[a-zäöüß]{2,})(?:en|ern|eln)\b)"
    r"|\b(?:urged|urges|called on|calls on)\b[^.;]{0,60}\bto\s+[a-z]+|\bdemand(?:ed|s)? that\b"
)
# "We are not going to apologise", "Wir lassen uns nicht ...": resolve, not report.
_RESOLVE = re.compile(
    r"\b(?:we|I)(?: are|'re| am|'m) not going to\b|\b(?:we|I) (?:will|shall) (?:not|never|"
    r"fight|stand)\b|\b(?:we|I) won't\b|\bmake no apolog\w*|"
    r"\b(?:wir|ich) (?:lassen|lasse) (?:uns|mich) nicht\b|\b(?:wir|ich) werden? (?:nicht|niemals|"
    r"weiter) (?:zulassen|aufgeben|hinnehmen|lockerlassen|nachlassen|kämpfen)\b|"
    r"\bwir (?:werden|wollen) (?:weiter )?kämpfen\b",
    re.I,
)
# "kritisierte die Entwicklung scharf.": a stance with nothing said after it.
_BARE_STANCE = re.compile(
    r"\b(?:kritisierte|kritisiert|verurteilte|lobte|begrüßte|criticised|criticized|condemned|"
    r"praised|welcomed|slammed)\b[^,;:„“\"«»]{0,60}[.!]$"
)


_QUOTE_MARKS = '„“”"«»'


def _quoted_words(match: re.Match) -> int:
    return len(match.group(1).split())


def rhetoric_penalties(sentence: str) -> list[tuple[float, str]]:
    """Penalties with their reasons, strongest first; empty when the sentence reads as report."""
    found: list[tuple[float, str]] = []
    value = _VALUE_WORDS.search(sentence)
    if value:
        found.append((0.3, f"rhetoric or value judgement: {value.group()}"))
    elif weak := _WEAK_VALUE_WORDS.search(sentence):
        found.append((0.15, f"rhetoric or value judgement: {weak.group()}"))
    label = _LABEL.search(sentence)
    if label and _quoted_words(label) <= 3:
        found.append((0.25, f"evaluative label: {label.group(1)}"))
    predicate = _QUOTED_PREDICATE.search(sentence)
    if predicate and _quoted_words(predicate) <= 2 and not label:
        found.append((0.25, f"quoted evaluation: {predicate.group(1)}"))
    if maxim := _MAXIM.search(sentence):
        opening = maxim.group().lstrip(_QUOTE_MARKS + ": ").split(",")[0]
        found.append((0.3, f"maxim: {opening}"))
    if demand := _DEMAND.search(sentence):
        verb = re.match(r"[\w-]+", demand.group()).group()
        found.append((0.25, f"demand: {verb}"))
    if resolve := _RESOLVE.search(sentence):
        found.append((0.3, f"statement of resolve: {resolve.group()}"))
    if stance := _BARE_STANCE.search(sentence):
        found.append((0.2, f"stance without content: {stance.group().rstrip('.!')}"))
    return sorted(found, key=lambda item: -item[0])
