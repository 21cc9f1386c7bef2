"""The lightweight name finder that scoring and attribution rely on: people, organisations
and news outlets named in one article, found from titles, roles, appositions and word lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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
    r"chairman|chairwoman|chair|director|ceo|cfo|cto|coo|"
    r"rätin|meister|meisterin|verwalter|verwalterin|kämmerer|kämmerin|experte|expertin|"
    r"ökonom|ökonomin|professor|professorin|vorsitzende|vorsitzender|abgeordnete|"
    r"abgeordneter|beauftragte|beauftragter|referent|referentin|prüfer|prüferin|"
    r"verteidiger|verteidigerin|staatsanwalt|staatsanwältin|ermittler|ermittlerin|"
    r"secretary|mayor|governor|chancellor|editor|lawyer|attorney|economist|lecturer|"
    r"researcher|scientist|specialist|manager|adviser|advisor|consultant|commissioner|"
    r"leader|campaigner|activist|resident|councillor|councilor|headteacher|landlord|owner|"
    r"ärztin|arzt|pfleger|pflegerin|lehrer|lehrerin|inhaber|inhaberin|zeuge|zeugin|"
    r"angeklagte|angeklagter|angeklagten|kläger|klägerin|beklagte|beklagter|defendant|"
    r"witness|plaintiff|prosecutor))"
)
# Words that make the noun phrase around a name a person: "X, a senior lecturer", "X, die
# Leiterin des Amts".
_PERSON_NOUN = (
    rf"(?:{_ROLE}|[\w-]+(?:ist|ician|ologe|ologin)|doctor|physician|surgeon|nurse|author|"
    r"engineer|teacher|student|resident|member|partner|head|chief|mother|father|patient|"
    r"Ärztin|Arzt|Lehrerin|Lehrer|Mitglied|Mutter|Vater|Bewohnerin|Bewohner)"
)
_TITLE = r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?|Professor|Professorin|Sir|Dame|Frau|Herr|Herrn)"
_CAP = r"[A-ZÄÖÜ][\w'’-]*[a-zäöüß][\w-]*"
_PERSON_BY_ROLE = re.compile(rf"\b{_ROLE},?\s+((?:{_CAP}\s+)?{_CAP}\s+{_CAP}|{_CAP}\s+{_CAP})\b")
_PERSON_BY_TITLE = re.compile(
    rf"(?<![\w-]){_TITLE}(?: (?:Dr|Prof)\.)* ((?:{_CAP} ){{0,2}}{_CAP})(?![\w-])"
)
# "Die Anwältin der Mieter, Petra Holm," / "the transport minister, Dev Arora,"
_PERSON_AFTER_ROLE = re.compile(
    rf"\b{_ROLE}\b(?:[^,;:.\n]|\d\.){{0,60}}, ({_CAP}(?: {_CAP}){{1,2}})(?=\s*[,.;:(])"
)
# "Amelia Rourke, a rail engineer" / "Petra Holm, die Leiterin"
_PERSON_BEFORE_ROLE = re.compile(
    rf"\b({_CAP}(?: {_CAP}){{1,2}}), (?:(?:a|an|the|who|its|his|her|their|die|der|eine|ein)\s+)"
    rf"(?:[\w'’-]+\s+){{0,5}}?{_PERSON_NOUN}\b"
)
ORG_NOUN = (
    r"(?:utility|airline|carrier|chain|supermarket|broadcaster|club|school|"
    r"company|firm|startup|start-up|charity|nonprofit|non-profit|group|maker|provider|"
    r"bank|agency|regulator|watchdog|union|association|organisation|organization|developer|"
    r"drugmaker|retailer|insurer|operator|lender|manufacturer|publisher|fund|platform|"
    r"Unternehmen|Konzern|Verein|Verband|Hersteller|Anbieter|Firma|Gruppe|Start-up|Behörde|"
    r"Organisation|Stiftung|Gewerkschaft)"
)
# "Acme, the robotics company" / "The Riverside Tenants' Alliance, a charity"
_ORG_BEFORE_NOUN = re.compile(
    rf"\b((?:{_CAP}['’]? ){{0,3}}(?:{_CAP}|[A-Z]{{2,}})), (?:a|an|the|its|ein|eine|der|die|das) "
    rf"(?:[\w'’-]+ ){{0,4}}?{ORG_NOUN}\b"
)
# Head words of organisations in a noun phrase without a known name: "der Stadt", "des
# Mietervereins", "the Department for Transport", "a charity".
ORGANISATION_WORD = re.compile(
    r"(?i:(?<![\w])[\w-]*(?:verband|verbands|verein|vereins|behörde|ministerium|ministeriums|"
    r"stadt|verwaltung|landkreis|landkreises|kreis|kreises|staatsanwaltschaft|gericht|"
    r"gerichts|gerichtes|amt|amts|amtes|kammer|gewerkschaft|partei|fraktion|opposition|"
    r"koalition|regierung|senat|stadtrat|gemeinderat|polizei|klinik|klinikum|klinikums|"
    r"universität|hochschule|institut|instituts|stiftung|bund|bunds|bundes|krankenkasse|"
    r"agentur|aufsicht|gemeinde|bezirk|bezirks|kommission|konzern|konzerns|unternehmen|"
    r"unternehmens|firma|gruppe|vorstand|vorstands|betriebsrat|betriebsrats|ministry|council|"
    r"university|college|department|agency|commission|charity|alliance|institute|foundation|"
    r"trust|society|hospital|centre|center|association|federation|union|authority|office|"
    r"board|committee|administration|parliament|police|bank|company|firm|nonprofit|"
    r"organisation|organization|regulator|watchdog|government|party|coalition|campaign|"
    r"network|opposition|prosecutors?|startup|group|werke|betriebe|sparkasse|kasse|"
    r"genossenschaft|rechnungshof|kreistag|landtag|bundestag)(?:e?s)?(?![\w-]))"
)
_TITLE_WORD = re.compile(_TITLE)
# English "Dev Arora said": two capitalised words right before a speech verb are a person,
# unless the last is a company word ("Harlow Energy said").
_PERSON_BEFORE_SPEECH = re.compile(
    rf"(?<![\w'’-])({_CAP} {_CAP})(?= (?:said|says|told|added|wrote)\b)"
)
_COMPANY_TAIL = _words(
    """
    Energy Power Cloud Systems Technologies Tech Labs Therapeutics Pharma Pharmaceuticals
    Capital Partners Motors Airlines Airways Foods Media Networks Health Healthcare Insurance
    Holdings Industries Solutions Software Robotics Dynamics Logistics Ventures Studios Games
    Mobile Telecom Rail Water Homes Brands Retail Biosciences Medical Financial Securities
    Investments Resources Mining Oil Gas Chemicals Steel Automotive Aerospace Electric
    Semiconductor Bank Group Council Police News Post Times
    """
)
ROLE_WORD = re.compile(rf"{_ROLE}|{_PERSON_NOUN}")
_PAIR = re.compile(rf"(?<![\w-])({_CAP}) ({_CAP})(?![\w-])")
_SPEECH_NEXT = (
    r"said|says|told|tells|added|wrote|argued|explained|noted|insisted|warned|replied|"
    r"sagte|sagt|erklärte|betonte|ergänzte|fügte|warnte|schrieb|so"
)
_SPEAKS_ALONE = re.compile(
    rf"(?:(?P<before>[\w-]+) )?(?P<word>{_CAP})(?:'s|’s)? (?:{_SPEECH_NEXT})\b"
    rf"|\b(?P<before2>{_SPEECH_NEXT}) (?P<word2>{_CAP})(?![\w-])(?! [A-ZÄÖÜ])"
)
_PERSON_BY_NAME = re.compile(rf"(?=\b([A-Z][a-z]+)( [A-Z]\.)? ({_CAP})(?: ({_CAP}))?)")
_ORG_SUFFIX = re.compile(
    rf"\b((?:{_CAP}\s+)?(?:{_CAP}|[A-Z]{{2,}}))\s+(AG|GmbH|SE|KGaA|KG|Inc\.?|Corp\.?|"
    r"Corporation|Ltd\.?|LLC|plc|PLC|e\.\s?V\.|Co\.|Group|Holding|Gruppe|Media|Partners)(?!\w)"
)
_EN_ORG_HEAD = re.compile(
    rf"\b((?:the\s+)?(?:{_CAP}['’]?\s+(?:(?:and|of|for|&)\s+)?){{1,4}}(?:Commission|Ministry|Agency|Authority|Department|"
    r"Council|Bank|Union|University|Court|Association|Institute|Foundation|Office|Board|"
    r"Committee|Service|Administration|Parliament|Police|Alliance|College|Trust|Society|"
    r"Hospital|Centre|Center|Federation|Party|Coalition|Network|Fund|Campaign|Tribunal|"
    r"Inspectorate|Organisation|Organization))\b"
)
# Head word first: "the Institute for Fiscal Studies", "Ministry of Defence", "Office for
# National Statistics".
_EN_ORG_HEAD_FIRST = re.compile(
    rf"\b((?:{_CAP}\s+){{0,2}}(?:Ministry|Department|Office|Institute|Institution|Agency|"
    r"Bureau|Commission|Council|Federation|Foundation|Association|Society|Academy|Centre|"
    rf"Center|Board|Authority|University|School|Confederation)\s+(?:of|for)\s+(?:the\s+)?"
    rf"{_CAP}(?:\s+(?:(?:and|&)\s+)?{_CAP}){{0,3}})\b"
)
# German public bodies with their place: "Staatsanwaltschaft Göttingen", "Landgericht
# München I", "Stadt Talheim" (not "der Stadt Ausgaben": a common noun follows there).
_DE_ORG_HEAD = re.compile(
    r"(?<![\w-])((?:[A-ZÄÖÜ][\w-]*)?(?i:staatsanwaltschaft|gericht|stadt|gemeinde|landkreis|"
    r"universität|klinikum|polizei|polizeipräsidium|ministerium|verband|verein|stadtwerke|"
    r"landratsamt|bezirksamt|rathaus)\s+[A-ZÄÖÜ][\w-]*[a-zäöüß](?:\s+I{1,3}\b)?)"
)
_DE_COMMON_NOUN = re.compile(
    r"(?:ungen|ung|heit|keit|schaft|nis|ion|ionen|tät|ismus|aben|ahlen|osten|ragen|mittel)$"
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
    Bundesregierung Bundestag Bundesrat Bundesnetzagentur Bundeskartellamt Bundesbank Europäische
    Bundesverfassungsgericht Bundesgerichtshof
    FTC SEC BSI EZB ECB IWF IMF WHO NATO OECD Verdi DGB Whitehall Kremlin Kanzleramt
    """
) | {"IG Metall", "European Commission", "EU-Kommission", "Deutsche Bank"}
# Seats of government that speak for it ("Downing Street denied", "the White House said").
KNOWN_ORGANISATIONS |= {"Downing Street", "No 10", "Number 10", "White House", "Élysée"}
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
    "NDR": ("NDR", "Norddeutscher Rundfunk", "Norddeutschen Rundfunks"),
    "WDR": ("WDR", "Westdeutscher Rundfunk", "Westdeutschen Rundfunks"),
    "SWR": ("SWR", "Südwestrundfunk", "Südwestrundfunks"),
    "MDR": ("MDR", "Mitteldeutscher Rundfunk", "Mitteldeutschen Rundfunks"),
    "RBB": ("RBB", "rbb"),
    "Deutschlandfunk": ("Deutschlandfunk", "Deutschlandfunks"),
    "ORF": ("ORF",),
    "SRF": ("SRF",),
    "RTL": ("RTL",),
    "n-tv": ("n-tv", "ntv"),
    "RND": ("RND", "RedaktionsNetzwerk Deutschland", "Redaktionsnetzwerk Deutschland"),
    "taz": ("taz",),
    "Stern": ("Stern", "Sterns"),
    "Focus": ("Focus Online", "FOCUS"),
    "WAZ": ("WAZ",),
    "Rheinische Post": ("Rheinische Post", "Rheinischen Post"),
    "Münchner Merkur": ("Münchner Merkur", "Münchner Merkurs"),
    "Hamburger Abendblatt": ("Hamburger Abendblatt", "Hamburger Abendblatts"),
    "KNA": ("KNA",),
    "epd": ("epd",),
    "APA": ("APA",),
    "Sky News": ("Sky News",),
    "ITV": ("ITV",),
    "NPR": ("NPR",),
    "NBC": ("NBC", "NBC News"),
    "CBS": ("CBS", "CBS News"),
    "Fox News": ("Fox News",),
    "Al Jazeera": ("Al Jazeera",),
    "Daily Mail": ("Daily Mail",),
    "Telegraph": ("Telegraph", "Daily Telegraph"),
    "The Times": ("The Times", "Sunday Times"),
    "Independent": ("The Independent",),
    "Los Angeles Times": ("Los Angeles Times", "LA Times"),
    "USA Today": ("USA Today",),
    "ProPublica": ("ProPublica",),
    "Semafor": ("Semafor",),
    "The Atlantic": ("The Atlantic",),
    "New Yorker": ("New Yorker",),
    "Le Monde": ("Le Monde",),
    "El País": ("El País",),
    "Nikkei": ("Nikkei",),
    "Xinhua": ("Xinhua",),
    "Kyodo": ("Kyodo",),
    "Yonhap": ("Yonhap",),
    "ANSA": ("ANSA",),
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
        for pattern in (_PERSON_BY_TITLE, _PERSON_BY_ROLE, _PERSON_AFTER_ROLE, _PERSON_BEFORE_ROLE):
            for match in pattern.finditer(text):
                index._add_person(match.group(1))
        for match in _PERSON_BY_NAME.finditer(text):
            given, initial, surname, second = match.groups()
            if given in GIVEN_NAMES and surname not in _COMMON_CAPS:
                tail = f" {second}" if second and language == "en" and second[0].isupper() else ""
                if tail.strip() in _COMMON_CAPS:
                    tail = ""
                index._add_person(f"{given}{initial or ''} {surname}{tail}")
        index._add_pairs_by_short_form(text)
        for match in _ORG_SUFFIX.finditer(text):
            index._add_organisation(f"{match.group(1)} {match.group(2)}", short=match.group(1))
        if language == "en":
            head_first = [m.span(1) for m in _EN_ORG_HEAD_FIRST.finditer(text)]
            for match in _PERSON_BEFORE_SPEECH.finditer(text):
                first, last = match.group(1).split()
                inside = any(a <= match.start(1) < b for a, b in head_first)
                if (
                    last not in _COMPANY_TAIL
                    and not _EN_ORG_HEAD.fullmatch(match.group(1))
                    and not inside
                ):
                    index._add_person(match.group(1))
            for match in _EN_ORG_HEAD_FIRST.finditer(text):
                index._add_organisation(re.sub(r"^[Tt]he\s+", "", match.group(1)), short=None)
            for match in _EN_ORG_HEAD.finditer(text):
                name = re.sub(r"^[Tt]he\s+", "", match.group(1))
                index._add_organisation(name, short=None)
        if language == "de":
            for match in _DE_ORG_HEAD.finditer(text):
                name = match.group(1)
                place = name.split()[1]
                if name[:1].isupper() and not _DE_COMMON_NOUN.search(place):
                    index._add_organisation(name, short=None)
        for match in _ORG_BEFORE_NOUN.finditer(text):
            index._add_organisation(re.sub(r"^The\s+", "", match.group(1)), short=None)
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

    def _add_pairs_by_short_form(self, text: str) -> None:
        """Two capitalised words whose last word later speaks alone ("Rourke said") name a
        person; whose first word does ("Brightline says"), an organisation."""
        # word -> the words right before it wherever it speaks; one pass, for long texts
        speaking: dict[str, set[str]] = {}
        for match in _SPEAKS_ALONE.finditer(text):
            before, word = match.group("before") or "", match.group("word")
            if word is None:
                before, word = match.group("before2") or "", match.group("word2")
            speaking.setdefault(word, set()).add(before)
        if not speaking:
            return
        for match in _PAIR.finditer(text):
            first, last = match.groups()
            if first in _COMMON_CAPS or last in _COMMON_CAPS or match.group() in self.people:
                continue
            if speaking.get(last, set()) - {first}:
                self._add_person(match.group())
            elif (
                first in speaking
                and first not in GIVEN_NAMES
                and last not in GIVEN_NAMES
                and not _TITLE_WORD.match(first)
                and not ROLE_WORD.fullmatch(first)
            ):
                self._add_organisation(match.group(), short=first)

    def _add_person(self, full: str) -> None:
        full = " ".join(w for w in full.split() if not _TITLE_WORD.fullmatch(w))
        if not full:
            return
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
