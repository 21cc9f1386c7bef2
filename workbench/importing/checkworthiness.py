"""Score how check-worthy a sentence is, from features a fact-checker would name.

The score is a sum of small weights (amounts, dates, named people and organisations,
attributions, factual event verbs) minus penalties (questions, reader address, speculation,
self-references, fragments); every weight that fires leaves a human-readable reason.
This module also holds the lightweight name finder both scoring and attribution rely on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CHECKWORTHY_THRESHOLD = 0.45

# A small, general list of given names: it lets us tell "Elon Musk" from "Konkurrenten Mark"
# in German, where every noun is capitalised.
GIVEN_NAMES = _words(
    """
    Adam Alex Alexander Alice Ana Andrea Andreas Andrew Angela Anja Anna Anne Annalena Ari
    Barbara Ben Benjamin Bernd Bill Bret Carl Carsten Charles Chris Christian Christine
    Christoph Claudia Daniel David Dennis Dieter Doris Elizabeth Elon Emily Emma Eric Erik
    Eva Frank Franz Friedrich Gabriel George Gerhard Greg Hannah Hans Heinz Helmut Hendrik
    Ingrid Jack James Jan Jane Jeff Jennifer Jens Jessica John Jonas Jordan Joseph Julia
    Julian Jürgen Karl Karin Katharina Kathrin Kevin Klaus Lars Laura Lea Lena Leo Lisa Lukas
    Marc Maria Marie Mark Markus Martin Mary Matthias Max Michael Michelle Mike Nadia Nancy
    Nicole Nina Olaf Oliver Pat Patrick Paul Peter Petra Philipp Priya Rachel Ralf Richard
    Robert Sabine Sam Sandra Sarah Satya Scott Sebastian Stefan Stephan Steve Steven Sundar
    Susanne Sven Thomas Thorsten Tim Tobias Tom Torsten Ulrich Ursula Uwe Walter Werner
    William Wolfgang Yvonne
    """
)
_ROLE = (
    r"(?i:[\w-]*(?:chef|chefin|leiter|leiterin|sprecher|sprecherin|führer|führerin|direktor|"
    r"direktorin|minister|ministerin|präsident|präsidentin|gründer|gründerin|forscher|"
    r"forscherin|anwalt|anwältin|richter|richterin|analyst|analystin|officer|executive|"
    r"founder|co-founder|spokesperson|spokeswoman|spokesman|president|senator|judge|"
    r"chairman|chairwoman|chair|director|ceo|cfo|cto|coo))"
)
_CAP = r"[A-ZÄÖÜ][\w'’-]*[a-zäöüß][\w-]*"
_PERSON_BY_ROLE = re.compile(rf"\b{_ROLE},?\s+((?:{_CAP}\s+)?{_CAP}\s+{_CAP}|{_CAP}\s+{_CAP})\b")
_PERSON_BY_NAME = re.compile(rf"(?=\b([A-Z][a-z]+)(\s+[A-Z]\.)?\s+({_CAP})(?:\s+({_CAP}))?)")
_ORG_SUFFIX = re.compile(
    rf"\b((?:{_CAP}\s+)?(?:{_CAP}|[A-Z]{{2,}}))\s+(AG|GmbH|SE|KGaA|KG|Inc\.?|Corp\.?|"
    r"Corporation|Ltd\.?|LLC|plc|PLC|e\.\s?V\.|Co\.|Group|Holding|Gruppe|Media|Partners)(?!\w)"
)
_EN_ORG_HEAD = re.compile(
    rf"\b((?:the\s+)?(?:{_CAP}\s+(?:(?:and|of|for|&)\s+)?){{1,4}}(?:Commission|Ministry|Agency|Authority|Department|"
    r"Council|Bank|Union|University|Court|Association|Institute|Foundation|Office|Board|"
    r"Committee|Service|Administration|Parliament|Police))\b"
)
_CAMEL = re.compile(r"\b([a-z]?[A-Z][a-z]+[A-Z][A-Za-z]*|[a-z][A-Z][A-Za-z]+)\b")
_ACRONYM = re.compile(r"\b([A-Z]{2,6})\b")
_ACRONYM_STOP = _words(
    "KI AI CEO CFO CTO COO USA US UK EU IT PR TV UN OK PM AM EST CET MEZ GMT PDF URL DNA GDP "
    "BIP CDU SPD FDP AfD CSU ID EUR USD CHF GBP NYSE AG SE KG GmbH LLC PLC"
)
KNOWN_ORGANISATIONS = _words(
    """
    Meta OpenAI Google Alphabet Apple Microsoft Amazon Tesla SpaceX xAI Nvidia Intel IBM
    Samsung Netflix Twitter Facebook Instagram WhatsApp TikTok ByteDance Anthropic Oracle
    Siemens Volkswagen BMW Mercedes-Benz Bosch SAP Telekom Allianz Lufthansa Bayer BASF
    Bundesregierung Bundestag Bundesnetzagentur Bundeskartellamt Bundesbank Europäische
    FTC SEC BSI EZB ECB IWF IMF WHO NATO OECD Verdi DGB
    """
) | {"IG Metall", "European Commission", "EU-Kommission", "Deutsche Bank"}
OUTLETS = {
    "Financial Times": ("Financial Times", "FT"),
    "Reuters": ("Reuters", "REUTERS"),
    "Bloomberg": ("Bloomberg",),
    "CNBC": ("CNBC",),
    "Associated Press": ("Associated Press", "AP"),
    "AFP": ("AFP", "Agence France-Presse"),
    "dpa-AFX": ("dpa-AFX",),
    "dpa": ("dpa", "Deutsche Presse-Agentur", "Deutschen Presse-Agentur"),
    "Handelsblatt": ("Handelsblatt", "Handelsblatts"),
    "Spiegel": ("Spiegel", "SPIEGEL", "Spiegels"),
    "Zeit": ("ZEIT", "Zeit Online", "Die Zeit"),
    "FAZ": ("FAZ", "Frankfurter Allgemeine", "Frankfurter Allgemeinen"),
    "Süddeutsche Zeitung": ("Süddeutsche Zeitung", "Süddeutschen Zeitung", "SZ"),
    "Bild": ("Bild-Zeitung", "BILD"),
    "Welt": ("WELT", "Welt am Sonntag"),
    "Tagesspiegel": ("Tagesspiegel", "Tagesspiegels"),
    "Wirtschaftswoche": ("Wirtschaftswoche", "WirtschaftsWoche", "WiWo"),
    "NZZ": ("NZZ", "Neue Zürcher Zeitung"),
    "New York Times": ("New York Times", "NYT"),
    "Wall Street Journal": ("Wall Street Journal", "WSJ"),
    "Washington Post": ("Washington Post",),
    "BBC": ("BBC",),
    "CNN": ("CNN",),
    "Guardian": ("Guardian",),
    "TechCrunch": ("TechCrunch",),
    "The Verge": ("The Verge", "Verge"),
    "The Information": ("The Information",),
    "Axios": ("Axios",),
    "Politico": ("Politico",),
    "Business Insider": ("Business Insider",),
    "Wired": ("Wired",),
    "Forbes": ("Forbes",),
    "Economist": ("Economist",),
    "heise": ("heise online", "heise", "Heise"),
    "Golem": ("Golem.de", "Golem"),
    "t3n": ("t3n",),
    "Tagesschau": ("Tagesschau", "tagesschau.de"),
    "ARD": ("ARD",),
    "ZDF": ("ZDF",),
}
_ORG_APPOSITION = re.compile(
    rf"\b(?i:unternehmen|konzern|firma|hersteller|company|firm|startup|start-up|rival|"
    rf"maker|brand|marke|plattform|platform)\s+({_CAP}|[A-Z]{{2,}})\b"
)
_COMMON_CAPS = _words(
    """
    The A An In On At For From By With As But And Or If When While After Before Since This
    That These Those It He She They We I You His Her Its Their Our My Your There Here What
    Who How Why Where Which Today Yesterday Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November
    December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mr Mrs Ms Dr Is Are Was Were
    Could Would Should Might Can Will Instead Many Some One Two Three Both Each Every Also
    According Photo Image Related Subscribers Check Analysts Imagine Updated
    """
)
_TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß][\w'’.-]*")


@dataclass
class NameIndex:
    """People and organisations named in one article, with their short forms."""

    people: dict[str, str] = field(default_factory=dict)  # alias -> full name
    organisations: dict[str, str] = field(default_factory=dict)
    entities: set[str] = field(default_factory=set)  # English proper names of unknown type
    _pattern: re.Pattern | None = None

    @classmethod
    def build(cls, text: str, language: str) -> NameIndex:
        index = cls()
        for match in _PERSON_BY_ROLE.finditer(text):
            index._add_person(match.group(1))
        for match in _PERSON_BY_NAME.finditer(text):
            given, initial, surname, second = match.groups()
            if given in GIVEN_NAMES and surname not in _COMMON_CAPS:
                tail = f" {second}" if second and language == "en" and second[0].isupper() else ""
                if tail.strip() in _COMMON_CAPS:
                    tail = ""
                index._add_person(f"{given}{initial or ''} {surname}{tail}")
        for match in _ORG_SUFFIX.finditer(text):
            index._add_organisation(f"{match.group(1)} {match.group(2)}", short=match.group(1))
        if language == "en":
            for match in _EN_ORG_HEAD.finditer(text):
                name = re.sub(r"^the\s+", "", match.group(1))
                index._add_organisation(name, short=None)
        for match in _ORG_APPOSITION.finditer(text):
            if match.group(1) not in index.people:
                index._add_organisation(match.group(1), short=None)
        for match in _CAMEL.finditer(text):
            if match.group(1) not in _ACRONYM_STOP:
                index._add_organisation(match.group(1), short=None)
        for match in _ACRONYM.finditer(text):
            # Skip all-caps runs such as a dateline ("SAN FRANCISCO").
            around = text[max(0, match.start() - 2) : match.end() + 2]
            if match.group(1) not in _ACRONYM_STOP and not re.search(r"[A-Z]\s[A-Z]", around):
                index._add_organisation(match.group(1), short=None)
        for name in KNOWN_ORGANISATIONS:
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w])", text):
                index._add_organisation(name, short=None)
        for name, aliases in OUTLETS.items():
            for alias in aliases:
                if re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
                    index.organisations.setdefault(alias, name)
        if language == "en":
            index._collect_english_entities(text)
        return index

    def _add_person(self, full: str) -> None:
        full = " ".join(full.split())
        parts = full.split()
        if any(p in _COMMON_CAPS for p in parts) or full in self.organisations:
            return
        self.people.setdefault(full, full)
        self.people.setdefault(parts[-1], full)
        self._pattern = None

    def _add_organisation(self, full: str, short: str | None) -> None:
        full = " ".join(full.split())
        if full in self.people:
            return
        self.organisations.setdefault(full, full)
        if short:
            self.organisations.setdefault(short, full)
            self.organisations.setdefault(short.split()[0], full)
        self._pattern = None

    def _collect_english_entities(self, text: str) -> None:
        for match in re.finditer(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)", text):
            words = [w for w in match.group(1).split() if w not in _COMMON_CAPS]
            if words and match.start() > 0 and text[match.start() - 1] not in '\n"“„':
                self.entities.add(" ".join(words).removesuffix("'s").removesuffix("’s"))

    def mentions(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, full name, "person"|"organisation") for each mention in text."""
        if self._pattern is None:
            aliases = sorted({*self.people, *self.organisations}, key=len, reverse=True)
            if not aliases:
                return []
            alternation = "|".join(re.escape(a) for a in aliases)
            self._pattern = re.compile(rf"(?<![\w])({alternation})(?:s|'s|’s)?(?![\w])")
        found = []
        for match in self._pattern.finditer(text):
            alias = match.group(1)
            if alias in self.people:
                found.append((match.start(), match.end(), self.people[alias], "person"))
            else:
                found.append(
                    (match.start(), match.end(), self.organisations[alias], "organisation")
                )
        return found


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
)
_EVENT_NOUNS = re.compile(
    r"(?i:klage|gerichtsverfahren|urteil\b|übernahme|stellenabbau|insolvenz|anklage|"
    r"prüfverfahren|ermittlungsverfahren|lawsuit|complaint|indictment|merger|acquisition|"
    r"layoffs|inquiry|investigation|class action)"
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
    r"I believe|in my view|in our view|remarkabl\w*|ironic\w*|is unclear|remains unclear)\b",
    re.I,
)
_SELF_REFERENCE = re.compile(
    r"\b(?:berichtete\w* (?:auch )?\w+ bereits|wie wir (?:bereits )?berichte\w*|"
    r"berichteten wir|hatten wir berichtet|(?:as )?we (?:have )?(?:previously )?reported|"
    r"we wrote|haben wir (?:bereits )?berichtet)\b",
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
    counts = [m.group() for m in _COUNT.finditer(stripped) if m.group() not in taken]
    if counts and not found_amounts:
        score += 0.15
        reasons.append(f"number: {counts[0]}")
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
    speculation = [m.group() for m in _SPECULATION.finditer(stripped)]
    if speculation:
        # English "could" is as often ability ("customers could cancel") as speculation.
        weights = [0.15 if s.lower() == "could" else 0.3 for s in speculation]
        score -= sum(sorted(weights, reverse=True)[:2])
        reasons.extend(f"opinion or speculation: {s}" for s in speculation[:2])
    self_reference = _SELF_REFERENCE.search(stripped)
    if self_reference:
        score -= 0.6
        reasons.append(f"self-reference: {self_reference.group()}")
    if len(words) < 5:
        score -= 0.3
        reasons.append("very short")
    return round(max(0.0, min(1.0, score)), 3), tuple(reasons)
