"""Score how check-worthy a sentence is, from features a fact-checker would name.

The score is a sum of small weights (amounts, dates, named people and organisations,
attributions, factual event verbs) minus penalties (questions, reader address, speculation,
self-references, fragments, and the rhetoric, labels and demands found by rhetoric.py);
every weight that fires leaves a human-readable reason. It builds on the name finder in names.py.
"""

from __future__ import annotations

import re

from .names import OUTLETS, NameIndex
from .rhetoric import rhetoric_penalties
from .sentences import quote_spans

__all__ = ["CHECKWORTHY_THRESHOLD", "OUTLETS", "NameIndex", "score_sentence"]

CHECKWORTHY_THRESHOLD = 0.45

_TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß][\w'’.-]*")

_NUMBER = r"\d{1,3}(?:[.,\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_WORD_NUMBER = (
    r"(?i:ein|eine|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|zwanzig|hundert|one|"
    r"two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|half|halb)"
)
_SCALE = r"(?:Milliarden|Millionen|Billionen|Mrd\.?|Mio\.?|Tausend|billion|million|trillion|bn|m|k)"
_CURRENCY = (
    r"(?:US-Dollar|Dollar|Euro|Franken|Pfund|Yen|Yuan|dollars?|euros?|pounds?|€|\$|USD|EUR|CHF|GBP)"
)
_AMOUNT = re.compile(
    rf"(?:(?:US)?[$€£]\s?(?:{_NUMBER})(?:\s?{_SCALE})?\b"
    rf"|(?:{_NUMBER}|{_WORD_NUMBER})\s?(?:{_SCALE}\s?)?{_CURRENCY}(?![\w])"
    rf"|(?:{_NUMBER})\s(?:Milliarden|Millionen|Billionen|billion|million|trillion))"
)
_PERCENT = re.compile(
    rf"(?:{_NUMBER}|{_WORD_NUMBER})\s?(?:%|Prozent(?:punkte)?|percent|per cent|percentage points)"
)
_MONTH_WORDS = (
    r"Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    r"January|February|March|May|June|July|October|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|"
    r"Nov\.|Dec\."
)
_DATE = re.compile(
    rf"\b(?:{_MONTH_WORDS})\b|\b(?:19|20)\d{{2}}\b"
    r"|\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)\w*"
    r"|\b(?i:gestern|vorgestern|yesterday|last (?:year|week|month|quarter|autumn|fall|spring|"
    r"summer|winter|night)|this (?:year|month|week)|earlier this \w+|dieses Jahres|"
    r"(?:im|in the|des) (?:vergangenen|letzten|kommenden|nächsten|laufenden) "
    r"(?:Jahr|Jahres|Monat|Woche|Quartal|Geschäftsjahr|Sommer|Herbst|Winter|Frühjahr)\w*|"
    r"im (?:Frühjahr|Sommer|Herbst|Winter)|vor (?:\w+ )?(?:Jahren|Monaten|Wochen|Tagen)|"
    r"(?:über|seit) (?:Monaten?|Jahren?|Wochen)|for (?:months|years|weeks)|"
    r"\w+ (?:days|weeks|months|years) (?:ago|earlier|later)|in \d+ (?:months|years))"
)
_COUNT = re.compile(rf"(?<![\w.,])(?:{_NUMBER})(?![\w.,]*\d)")
# "Zwei von ihnen", "nach zwölf Spieltagen", "dozens of", "hundreds of": counts in words. "ein"
# and "one" are left out, they are mostly articles and pronouns.
_COUNT_WORD = re.compile(
    r"\b(?i:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|"
    r"fünfzig|hundert|tausend|dutzend\w*|hunderte|tausende|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|dozens?)\b"
)
# A count of something ("23 Fahrgäste", "zwölf Spieltagen", "40 passengers"), not a bare
# number: the noun after it is what a fact-checker would count.
_EN_NOT_COUNTED = (
    r"years|months|weeks|days|hours|minutes|percent|per|times|of|the|its|his|her|their|and|or|"
    r"to|in|on|at|as|is|was|has|this|these|those|us|is"
)
_COUNTED_NOUN = {
    "de": re.compile(rf"^\s(?!(?:{_MONTH_WORDS}|Uhr|Jahre?n?|Prozent)\b)[A-ZÄÖÜ][a-zäöüß-]{{2,}}"),
    "en": re.compile(
        rf"^\s(?!(?:{_EN_NOT_COUNTED})\b)(?:(?!(?:{_EN_NOT_COUNTED})\b)[a-z-]{{2,}}\s)?"
        r"(?:[a-z-]{2,}s|people|men|women|children|staff)\b"
    ),
}
_EVENT_STEMS = (
    "unterzeichn",
    "startete",
    "gestartet",
    "verklag",
    "forderte",
    "wies ",
    "übernahm",
    "übernommen",
    "kaufte",
    "gekauft",
    "verkaufte",
    "verkauft",
    "entließ",
    "entlassen",
    "gründete",
    "gegründet",
    "streicht",
    "strich",
    "gestrichen",
    "abbauen",
    "stieg",
    "gestiegen",
    "sank",
    "gesunken",
    "fiel",
    "gefallen",
    "erhielt",
    "zahlte",
    "gezahlt",
    "investierte",
    "verlor",
    "gewann",
    "beschloss",
    "beschlossen",
    "verabschiedet",
    "eingeleitet",
    "ermittel",
    "angeklagt",
    "verurteilt",
    "festgenommen",
    "genehmigt",
    "verboten",
    "eröffnete",
    "geschlossen",
    "erhöhte",
    "erhöht",
    "senkte",
    "gesenkt",
    "beschäftigt",
    "versuchte",
    "kommunizierte",
    "informiert",
    "hingewiesen",
    "gewarnt",
    "abgelehnt",
    "lehnte",
    "vereinbart",
    "veröffentlicht",
    "verhandelt",
    "gesperrt",
    "vorgelegt",
    "bot ",
    "behandelt",
    "verletzt",
    "getötet",
    "starb",
    "gestorben",
    "enthielt",
    "zustimm",
    "stimmte",
    "votierte",
    "ordnete",
    "angeordnet",
    "beschlagnahm",
    "announced",
    "signed",
    "sued",
    "filed",
    "launched",
    "acquired",
    "bought",
    "sold",
    "rejected",
    "fired",
    "laid off",
    "raised",
    "rose",
    "fell",
    "dropped",
    "increased",
    "decreased",
    "grew",
    "lost",
    "won ",
    "approved",
    "banned",
    "opened",
    "closed",
    "hired",
    "paid",
    "invested",
    "agreed",
    "voted",
    "charged",
    "arrested",
    "convicted",
    "ruled",
    "offered",
    "downloaded",
    "copied",
    "resigned",
    "valued",
    "updated",
    "tracked",
    "founded",
    "co-founded",
    "collapsed",
    "seeks",
    "sought",
    "joined",
    "stole",
    "stealing",
    "funded",
    "injured",
    "killed",
    "died",
    "abstained",
)
_EVENT_NOUNS = re.compile(
    r"(?i:klage|gerichtsverfahren|urteil\b|übernahme|stellenabbau|insolvenz|anklage|"
    r"prüfverfahren|ermittlungsverfahren|lawsuit|complaint|indictment|merger|acquisition|"
    r"layoffs|inquiry|investigation|class action|gegenstimmen|enthaltung\w*|"
    r"verdachts? (?:der|des|auf)|körperverletzung|bußgeld\w*|strafen? von)"
    r"|\b\d+\s+zu\s+\d+\s+Stimmen\b|\b\d+\s*(?:-|–|to)\s*\d+\s+votes?\b"
)
_QUESTION = re.compile(r"\?[\"'“”»«)]*$")
_READER_ADDRESS = re.compile(
    r"^(?:Stellt euch|Stell dir|Stellen Sie sich|Imagine|Consider|Check|Remember|Read|Look|"
    r"Think|Try|Make sure|Don't|Do not|Lest|Lesen Sie|Schauen Sie|Achten Sie|Denkt|Merkt)\b"
    r"|\b(?:euch|ihr habt|dir|dich|du)\b"
)
_SPECULATION = re.compile(
    r"\b(?:könnte|könnten|scheint|scheinen|dürfte|dürften|wohl|vermutlich|möglicherweise|"
    r"vielleicht|wahrscheinlich|offenbar|anscheinend|wäre|wären|würde|würden|sollte|"
    r"hätte(?=.*\bkönnen\b)|legt den Verdacht nahe|bemerkenswert|bezeichnend\w*|ausgerechnet|"
    r"ironisch\w*|ist offen|ist unklar|bleibt offen|bleibt unklar|fraglich|"
    r"might|could|seems?|seemingly|appears? to|arguably|perhaps|probably|I think|we think|"
    r"I believe|in my view|in our view|remarkabl\w*|ironic\w*|is unclear|remains unclear|"
    r"my bet|I bet|my guess|I suspect|I'd like to think|meiner Meinung nach|ich glaube|"
    r"meines Erachtens|"
    # evaluations and resolve, not facts: "die Reform ist alternativlos", "a careful piece of
    # work", "we are determined to"
    r"schmerzhaft\w*|alternativlos\w*|ohne Alternative|unverantwortlich\w*|skandalös\w*|"
    r"enttäuschend\w*|bedauerlich\w*|entschlossen|careful|well-designed|disappointing|"
    r"shameful|outrageous|irresponsible|encouraging|determined to|committed to)\b",
    re.I,
)
_SELF_REFERENCE = re.compile(
    r"\b(?:berichtete\w* (?:auch )?\w+ bereits|wie wir (?:bereits )?berichte\w*|"
    r"berichteten wir|hatten wir berichtet|(?:as )?we (?:have )?(?:previously )?reported|"
    r"we wrote|haben wir (?:bereits )?berichtet|"
    # a print-edition line left in the body: "Appeared in the October 30 print edition as ..."
    r"appeared in the [^.]{0,40}print edition|erschien in der [^.]{0,30}(?:Print|Druck)ausgabe)\b",
    re.I,
)


def score_sentence(
    sentence: str,
    language: str,
    names: NameIndex,
    attribution_phrases: tuple[str, ...] = (),
) -> tuple[float, tuple[str, ...]]:
    """Check-worthiness of one sentence in 0..1, with the reasons behind it."""
    stripped = sentence.strip()
    words = _TOKEN.findall(stripped)
    if not stripped or not stripped.rstrip("\"'“”»«)").endswith((".", "!", "?", "…")):
        return 0.0, ("subheading or fragment without final punctuation",)
    score = 0.15
    reasons: list[str] = []
    found_amounts = [m.group().strip() for m in _AMOUNT.finditer(stripped)]
    for amount in found_amounts[:2]:
        reasons.append(f"amount: {amount}")
    if found_amounts:
        score += 0.3
    percents = [m.group() for m in _PERCENT.finditer(stripped)]
    if percents:
        score += 0.25
        reasons.append(f"percentage: {percents[0]}")
    dates = [m.group() for m in _DATE.finditer(stripped)]
    if dates:
        score += 0.15
        reasons.append(f"date: {dates[0]}")
    taken = "".join(found_amounts + percents + dates)
    counts = [
        m
        for pattern in (_COUNT, _COUNT_WORD)
        for m in pattern.finditer(stripped)
        if m.group() not in taken
    ]
    counted = next(
        (
            f"{m.group()}{noun.group()}"
            for m in counts
            if (
                noun := _COUNTED_NOUN[language if language == "de" else "en"].match(
                    stripped[m.end() :]
                )
            )
        ),
        None,
    )
    if counts and not found_amounts:
        score += 0.15
        reasons.append(f"number: {counts[0].group()}")
        if counted:
            score += 0.15
            reasons.append(f"quantity: {counted.strip()}")
    people, organisations = [], []
    for _start, _end, full, kind in names.mentions(stripped):
        bucket = people if kind == "person" else organisations
        if full not in bucket:
            bucket.append(full)
    if people:
        score += 0.2 + 0.05 * min(len(people) - 1, 2)
        reasons.extend(f"named person: {p}" for p in people[:3])
    if organisations:
        score += 0.1 if people else 0.15
        reasons.extend(f"organisation: {o}" for o in organisations[:3])
    if not people and not organisations and language == "en":
        entities = [e for e in names.entities if re.search(rf"\b{re.escape(e)}\b", stripped)]
        if entities:
            score += 0.1
            reasons.append(f"named entity: {sorted(entities)[0]}")
    if attribution_phrases:
        score += 0.3
        reasons.extend(f"attribution: {p}" for p in attribution_phrases[:3])
    lowered = f" {stripped.lower()} "
    event = next((s.strip() for s in _EVENT_STEMS if f" {s}" in lowered), None)
    event_noun = _EVENT_NOUNS.search(stripped)
    if event or event_noun:
        score += 0.15
        reasons.append(f"event: {event or event_noun.group()}")
    if _QUESTION.search(stripped):
        score -= 0.6
        reasons.append("question")
    address = _READER_ADDRESS.search(stripped)
    if address:
        score -= 0.5
        reasons.append(f"reader address: {address.group().strip()}")
    rhetoric = rhetoric_penalties(stripped)
    if rhetoric:
        # two findings at most, and never more than a strong opinion word would cost twice
        score -= min(0.45, sum(weight for weight, _reason in rhetoric[:2]))
        reasons.extend(reason for _weight, reason in rhetoric[:2])
        if event and f"demand: {event}" in reasons:
            # "forderte, den Bau zu stoppen": the demand is not an event that happened
            score -= 0.15
            reasons.remove(f"event: {event}")
    if attribution_phrases and _quote_states_no_fact(stripped, names):
        score -= 0.15
        reasons.append("quote states no checkable fact")
    speculation = [m.group() for m in _SPECULATION.finditer(stripped)]
    if speculation:
        # English "could" is as often ability ("customers could cancel") as speculation.
        weights = [0.15 if s.lower() == "could" else 0.3 for s in speculation]
        score -= sum(sorted(weights, reverse=True)[:2])
        reasons.extend(f"opinion or speculation: {s}" for s in speculation[:2])
    self_reference = _SELF_REFERENCE.search(stripped)
    if self_reference:
        # "As we reported in May, Acme cut 300 jobs": only an opening clause, the rest is a claim
        opening = re.match(r"^(?:As|Wie)\b[^,]{0,40},\s", stripped) and self_reference.start() < 4
        score -= 0.15 if opening else 0.6
        reasons.append(f"self-reference: {self_reference.group()}")
    if len(words) < 5 and not (counts and (event or event_noun)):
        # "Zwei Ratsmitglieder enthielten sich." is short but a complete fact
        score -= 0.3
        reasons.append("very short")
    return round(max(0.0, min(1.0, score)), 3), tuple(reasons)


def _quote_states_no_fact(sentence: str, names: NameIndex) -> bool:
    """A sentence that is mostly a direct quote, where the quote itself has no number, date,
    name or event: its weight came from the speaker alone ("„Das tut weh“, sagte X")."""
    quotes = [sentence[a + 1 : b] for a, b in quote_spans(sentence, 0, len(sentence))]
    quotes = [q for q in quotes if len(q.split()) >= 4]
    if not quotes or sum(len(q) for q in quotes) < 0.5 * len(sentence):
        return False
    quoted = " ".join(quotes)
    lowered = f" {quoted.lower()} "
    return not (
        _AMOUNT.search(quoted)
        or _PERCENT.search(quoted)
        or _DATE.search(quoted)
        or _COUNT.search(quoted)
        or _COUNT_WORD.search(quoted)
        or _EVENT_NOUNS.search(quoted)
        or any(f" {stem}" in lowered for stem in _EVENT_STEMS)
        or names.mentions(quoted)
        or any(re.search(rf"\b{re.escape(e)}\b", quoted) for e in names.entities)
    )
