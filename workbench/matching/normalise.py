"""Language-aware normalisation of German and English news text for lexical matching.

Turns a sentence into index tokens (folded, stemmed, bridged to English through a small
bilingual lexicon) and "facts": amounts, numbers, percentages, dates and names in a
canonical form, so that "97,4 Milliarden US-Dollar" and "$97.4 billion" agree.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from typing import Literal, NamedTuple

from workbench.matching.lexicon import (
    CITIES_SOURCE,
    COUNTRIES_SOURCE,
    LEXICON_SOURCE,
    REGIONS_SOURCE,
)

FactKind = Literal["amount", "number", "percent", "date", "name"]


class Fact(NamedTuple):
    """One fact of a text. A named tuple, not a dataclass: a million passages make millions of
    them, and a tuple is made in a third of the time."""

    kind: FactKind
    value: str
    surface: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """The canonical form, e.g. ``amount:USD:97400000000`` or ``date:2023-06``."""
        return f"{self.kind}:{self.value}"


@dataclass(frozen=True)
class NormalisedText:
    tokens: tuple[str, ...]
    facts: tuple[Fact, ...]
    language: str = "en"

    @property
    def fact_keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.facts)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- word lists -------------------------------------------------------------------------

STOPWORDS_EN = _words(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was
    we were what when where which while who whom why will with would you your yours said
    says say according via per amp rt
    """
)

STOPWORDS_DE = _words(
    """
    aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei
    beim bin bis bist da damit dann das dass dem den denn der des dessen die dies diese
    diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines er es
    etwa euch euer für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm
    ihn ihnen ihr ihre ihrem ihren ihrer im in ins ist ja jede jedem jeden jeder jedes jene
    jetzt kann kein keine keinem keinen keiner können könnte man manche mehr mein meine mit
    muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen
    seiner sich sie sind so solche soll sollen sollte sondern sonst über um und uns unser
    unsere unter vom von vor war waren warum was weder weil welche welchem welchen welcher
    wenn wer werden wie wieder will wir wird wirst wo wollen wollte würde würden zu zum zur
    zwar zwischen sowie laut bereits dabei daher erst knapp rund genauer jedoch selbst wurde
    wurden worden
    """
)

_STOPWORDS = STOPWORDS_EN | STOPWORDS_DE

# German-only words that tell the language apart (English stopwords overlap little).
_GERMAN_HINTS = STOPWORDS_DE - STOPWORDS_EN - {"also", "so", "in", "will", "was", "man", "am"}


def _place_lines(source: str) -> list[tuple[str, list[str]]]:
    """``english: german / ...`` lines -> (English name, the other fields split on "/")."""
    lines = []
    for line in source.strip().splitlines():
        english, rest = line.split(":", 1)
        lines.append((english.strip(), [field.strip() for field in rest.split("/")]))
    return lines


def _country_lexicon_lines() -> str:
    """Lexicon lines for the countries' German adjectives: "japanisch: japanese japan"."""
    lines = []
    for english, (_, english_adjectives, german_adjectives) in _place_lines(COUNTRIES_SOURCE):
        country = english if " " not in english else ""
        lines.append(f"{german_adjectives}: {english_adjectives} {country}".rstrip())
    return "\n".join(lines)


_LEXICON_SOURCE = LEXICON_SOURCE + _country_lexicon_lines()


def fold(text: str) -> str:
    """Lower-case and fold umlauts and ß the German way (ä -> ae, ß -> ss), other accents
    and ligatures to their base letters ("Babiš" -> "babis", "Bagsværd" -> "bagsvaerd")."""
    folded = text.lower().translate(_FOLD)
    return folded if folded.isascii() else _strip_marks(folded)


def _strip_marks(text: str) -> str:
    """Accents dropped from Latin letters (NFKD, combining marks removed)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_FOLD = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "á": "a"}
    | {"æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)
_FOLD_PLAIN = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "è": "e"})

_EN_SUFFIXES = ("ies", "sses", "ings", "ing", "edly", "ed", "es", "ly", "s")
_DE_SUFFIXES = ("ungen", "heiten", "keiten", "ern", "em", "en", "er", "es", "e", "n", "s")
_DE_FEMININE = ("in", "innen")
_DE_NIS = ("nis", "nisse", "nissen", "nisses")
_DE_FEMININE_BASES = ("er", "ist", "ent", "ant", "or")


def stem(word: str, language: str) -> str:
    """A light suffix stripper: enough to conflate plurals and common verb forms."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if language == "de":
        if word.endswith(_DE_FEMININE):  # "Ministerin(nen)", "Präsidentin": "Minister"
            base = word[:-5] if word.endswith("innen") else word[:-2]
            if len(base) >= 5 and base.endswith(_DE_FEMININE_BASES):
                word = base
        if word.endswith(_DE_NIS):  # "Ergebnisse", "Bündnissen": "Ergebnis", "Bündnis"
            return word[: word.rindex("nis") + 3]
        for suffix in _DE_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                # a bare -n or -s only after letters that inflect: "Regeln", "Konzerns";
                # "Region", "Hurrikan", "London" and "Copernicus", "Status" keep theirs
                if suffix == "n" and word[-2] not in "elr":
                    break
                if suffix == "s" and word[-2] in "su":
                    break
                return word[: -len(suffix)]
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    for suffix in _EN_SUFFIXES[2:]:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word[-2] in "su":
                break
            word = word[: -len(suffix)]
            doubled = len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz"
            if doubled and suffix != "s":  # "stopped" -> "stop", but "Krupps" -> "krupp"
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def _build_lexicon() -> dict[str, tuple[str, ...]]:
    lexicon: dict[str, tuple[str, ...]] = {}
    for line in _LEXICON_SOURCE.strip().splitlines():
        forms, english = line.split(":")
        targets = tuple(
            stem(w, "en") for w in english.split() if w not in STOPWORDS_EN and len(w) > 1
        )
        for form in forms.split("|"):
            key = stem(fold(form.strip()), "de")
            # forms of two lines that stem alike ("Gewinn", "gewinnen") get both lines' words
            lexicon[key] = tuple(dict.fromkeys(lexicon.get(key, ()) + targets))
    return lexicon


LEXICON = _build_lexicon()
# The English words the lexicon bridges to, as stemmed: vocabulary, not names (but for the
# countries that the adjectives are bridged to).
_ENGLISH_VOCABULARY = (
    frozenset(chain.from_iterable(LEXICON.values()))
    - {stem(english, "en") for english, _ in _place_lines(COUNTRIES_SOURCE)}
) | STOPWORDS_EN

# Canonical names. Keys are folded surface forms; values are the canonical name.
DEFAULT_ALIASES: dict[str, str] = {
    "ft": "financial times",
    "financial times": "financial times",
    "nyt": "new york times",
    "new york times": "new york times",
    "wsj": "wall street journal",
    "wall street journal": "wall street journal",
    "ap": "associated press",
    "associated press": "associated press",
    "afp": "agence france-presse",
    "dpa": "deutsche presse-agentur",
    "bbc": "bbc",
    "un": "united nations",
    "uno": "united nations",
    "vereinte nationen": "united nations",
    "united nations": "united nations",
    "eu": "european union",
    "europaeische union": "european union",
    "european union": "european union",
    "usa": "united states",
    "u.s.": "united states",
    "us": "united states",
    "vereinigte staaten": "united states",
    "united states": "united states",
    "who": "world health organization",
    "weltgesundheitsorganisation": "world health organization",
    "mark zuckerberg": "zuckerberg",
    "zuckerberg": "zuckerberg",
    "elon musk": "musk",
    "musk": "musk",
    "sam altman": "altman",
    "altman": "altman",
    "meta platforms": "meta",
    "meta": "meta",
    "openai": "openai",
    "open ai": "openai",
    "xai": "xai",
    "x.ai": "xai",
    "loi": "letter of intent",
}


def _alias_groups(source: str) -> dict[str, str]:
    """``canonical: form | form`` lines (continued on lines starting with ``|``) ->
    {folded form: folded canonical}."""
    table: dict[str, str] = {}
    for line in re.sub(r"\n\s*\|", " |", source).strip().splitlines():
        canonical, forms = (fold(part.strip()) for part in line.split(":", 1))
        for form in [canonical, *forms.split("|")]:
            table[form.strip()] = canonical
    return table


# Institutions, parties and places that German and English copy name differently.
DEFAULT_ALIASES |= _alias_groups(
    """
    destatis: statistisches bundesamt | statistische bundesamt | statistischen bundesamt
        | statistischen bundesamts | federal statistics office | federal statistical office
    federal employment agency: bundesagentur für arbeit | bundesagentur | arbeitsagentur
        | federal labour office | federal labor office
    european central bank: europäische zentralbank | europäischen zentralbank | ezb | ecb
    bundesbank: deutsche bundesbank
    federal constitutional court: bundesverfassungsgericht | bundesverfassungsgerichts
        | constitutional court
    federal court of justice: bundesgerichtshof | bundesgerichtshofs | bgh
    federal cartel office: bundeskartellamt | bundeskartellamts | cartel office
    federal network agency: bundesnetzagentur
    federal police: bundespolizei
    federal criminal police office: bundeskriminalamt | bka
    federal audit office: bundesrechnungshof
    bafin: finanzaufsicht bafin
    dwd: deutscher wetterdienst | deutsche wetterdienst | deutschen wetterdienst
    deutsche bahn: deutschen bahn | bahn
    german hospital federation: deutsche krankenhausgesellschaft
        | deutschen krankenhausgesellschaft | dkg
    european commission: eu-kommission | europäische kommission | europäischen kommission
    european parliament: europaparlament | europäische parlament | europäischen parlament
    imf: internationale währungsfonds | internationaler währungsfonds | iwf
        | international monetary fund
    world cup: weltmeisterschaft | fußball-wm | wm
    olympics: olympische spiele | olympischen spiele | olympic games
    technical university of munich: technische universität münchen | tu münchen | tum
    spd: sozialdemokraten | social democrats
    cdu: christdemokraten | christian democrats
    fdp: free democrats
    afd: alternative für deutschland | alternative for germany
    fpö: freiheitliche partei österreichs | freedom party
    pope francis: papst franziskus
    pope benedict: papst benedikt | benedikt xvi | benedict xvi
    volkswagen: vw
    munich: münchen
    cologne: köln
    nuremberg: nürnberg
    bavaria: bayern
    hesse: hessen
    lower saxony: niedersachsen
    saxony: sachsen
    thuringia: thüringen
    north rhine-westphalia: nordrhein-westfalen | nrw
    austria: österreich
    switzerland: schweiz
    france: frankreich
    italy: italien
    spain: spanien
    netherlands: niederlande
    poland: polen
    russia: russland
    morocco: marokko
    greece: griechenland
    turkey: türkei | türkiye
    belgium: belgien
    denmark: dänemark
    sweden: schweden
    norway: norwegen
    hungary: ungarn
    czech republic: tschechien
    united kingdom: großbritannien | vereinigtes königreich | britain | uk
    brussels: brüssel
    vienna: wien
    prague: prag
    warsaw: warschau
    moscow: moskau
    beijing: peking
    geneva: genf
    zurich: zürich
    lisbon: lissabon
    copenhagen: kopenhagen
    united nations: vereinten nationen
    world bank: weltbank
    kyiv: kiew | kiev
    kharkiv: charkiw | kharkov | charkow
    odesa: odessa
    lviv: lwiw | lemberg
    zaporizhzhia: saporischschja | saporoschje | zaporizhia
    kherson: cherson
    donetsk: donezk
    crimea: krim
    belarus: weißrussland
    zelensky: selenskyj | zelenskyy | zelenskiy | selenski
    navalny: nawalny
    shoigu: schoigu
    lavrov: lawrow
    medvedev: medwedew
    khodorkovsky: chodorkowski
    gorbachev: gorbatschow
    yeltsin: jelzin
    khrushchev: chruschtschow
    tikhanovskaya: tichanowskaja
    lukashenko: lukaschenko
    prigozhin: prigoschin
    peskov: peskow
    """
)


def _place_aliases() -> dict[str, str]:
    """Aliases from the place tables: a German name that English writes otherwise
    ("Neapel"), its genitive ("Österreichs", "Chinas") and, for a city, its demonyms
    ("Zürcher", "Münchner", "Wiener"): "Zürcher Gemeinderat" names Zurich."""
    table: dict[str, str] = {}
    places = [(english, fields[0], False) for english, fields in _place_lines(COUNTRIES_SOURCE)]
    places += [(english, fields[0], True) for english, fields in _place_lines(CITIES_SOURCE)]
    places += [(english, fields[0], False) for english, fields in _place_lines(REGIONS_SOURCE)]
    for english, german, city in places:
        if german == "-":
            continue
        forms = [german]
        if " " not in german and not german.endswith(("s", "ß", "x", "z", "e", "ei")):
            forms.append(german + "s")
        if city and " " not in german and german[-1] not in "aeiou":
            if german.endswith("ich"):
                forms.append(german[:-3] + "cher")  # Zürich: Zürcher
            elif german.endswith("en"):
                forms += [german[:-2] + "ner", german[:-2] + "er"]  # Münchner, Bremer
            forms.append(german + "er")  # Wiener, Londoner, Münchener
        for form in forms:
            key = fold(form)
            if key != english:
                table.setdefault(key, english)
    return table


_PLACE_ALIASES = _place_aliases()
# Forms that name a place only when capitalised: the German noun is, the English word not.
_CAPITALISED_ALIASES = frozenset(_PLACE_ALIASES) - frozenset(DEFAULT_ALIASES)
DEFAULT_ALIASES = _PLACE_ALIASES | DEFAULT_ALIASES


# German and English transcribe Cyrillic (and other scripts) differently: "Sacharowa" and
# "Zakharova", "Kolesnikowa" and "Kolesnikova". A name word's skeleton maps the letters the
# two spell differently to one, then keeps the consonants.
_TRANSCRIPTIONS = (("tsch", "ch"), ("tch", "ch"), ("sch", "sh"), ("kh", "ch"), ("zh", "sh"))
_SKELETON_LETTERS = str.maketrans({"w": "v", "z": "s"} | dict.fromkeys("aeiouyjäöüh", ""))


@lru_cache(maxsize=65_536)
def name_skeleton(word: str) -> str:
    """The consonants of a folded name word, transcription differences mapped away:
    "selenskyj" and "zelensky" are both "slnsk"; a skeleton shorter than three letters says
    too little to compare ("kiew" and "kyiv": the alias table bridges those)."""
    for german, english in _TRANSCRIPTIONS:
        word = word.replace(german, english)
    word = word.replace("ts", "s").translate(_SKELETON_LETTERS)
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])


# --- token pipeline ---------------------------------------------------------------------

# English words of five letters or more that a German compound may end in ("Doppelbudget").
_ENGLISH_HEADS = frozenset(word for word in _ENGLISH_VOCABULARY if len(word) >= 5)

WORD_RE = re.compile(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*", re.UNICODE)


# Lexicon forms that are also English words: bridged only in German text.
_ENGLISH_HOMOGRAPHS = _words(
    """
    billion million start deal interview mission euro dollar chef jobs plan tag gross die
    strom auto angebot sued grad final plant fast fasts firm firms fusion fusions hung kind
    kinds lief mark marks meld melds montage montages probe probes senate senates senior
    seniors siege sieges spar spars spare spares stern sterns magistrate magistrates hob amt
    won
    """
)


# What the German idiom "ums Leben kommen" says: no word of it does, so it is read whole.
_DIED = ("died", "kill", "death")


@lru_cache(maxsize=200_000)
def word_tokens(word: str, language: str) -> tuple[str, ...]:
    """Index tokens for one lower-cased word: its stem, umlaut variant, lexicon bridges."""
    if word.endswith(("'s", "’s")) and len(word) > 2:  # a possessive: "EU's" is the EU
        word = word[:-2]
    if word in STOPWORDS_EN or word in STOPWORDS_DE or len(word) < 2:
        return ()
    folded = word.translate(_FOLD).replace("'", "").replace("’", "").replace(".", "")
    if not folded.isascii():
        folded = _strip_marks(folded)
    base = stem(folded, language)
    out = [base]
    if folded != word and language == "de":
        plain = word.translate(_FOLD_PLAIN)
        plain = stem(plain if plain.isascii() else _strip_marks(plain), language)
        if plain != base:
            out.append(plain)
    # a German word in English text, unless English too: a word the lexicon translates to
    german_word = language == "de" or (
        base in LEXICON and folded not in _ENGLISH_HOMOGRAPHS and base not in _ENGLISH_VOCABULARY
    )
    bridged = LEXICON.get(stem(folded, "de")) if german_word else None
    if bridged is None and language == "de" and len(folded) >= 8:
        bridged = _compound_bridge(stem(folded, "de"))
    if bridged:
        out.extend(t for t in bridged if t not in out)
    return tuple(out)


class _WordTokenCache(dict[str, tuple[str, ...]]):
    """``word_tokens`` for one language as a dict, so that a passage's words are looked up
    by ``map`` in C instead of one cached call each; emptied when it grows too large."""

    max_size = 200_000

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def __missing__(self, word: str) -> tuple[str, ...]:
        if len(self) >= self.max_size:
            self.clear()
        tokens = self[word] = word_tokens(word, self.language)
        return tokens


_WORD_TOKEN_CACHES: dict[str, _WordTokenCache] = {}


def _compound_bridge(stemmed: str) -> tuple[str, ...] | None:
    """English words for a German compound whose head or modifier is in the lexicon."""
    found = list(_compound_head(stemmed))
    for cut in range(len(stemmed) - 3, 3, -1):
        modifier = stemmed[:cut]
        if modifier in LEXICON:
            found.extend(LEXICON[modifier])
            break
    return tuple(dict.fromkeys(found)) or None


def _is_compound(stemmed: str) -> bool:
    """Whether a German word is a compound of the lexicon: by its head, or by a modifier
    before a head of five letters or more ("Weltverband"; "Friedrich" is no "Frieden")."""
    return bool(_compound_head(stemmed)) or any(
        stemmed[:cut] in LEXICON for cut in range(len(stemmed) - 5, 3, -1)
    )


def _compound_head(stemmed: str) -> tuple[str, ...]:
    """English words for the head of a German compound ("Autozulieferer": supplier): a
    lexicon word, or an English word already ("Doppelbudget": budget)."""
    for cut in range(3, len(stemmed) - 3):
        head = stemmed[cut:]
        if head in LEXICON and len(head) >= 4:
            return LEXICON[head]
        if head in _ENGLISH_HEADS and cut >= 4:
            return (head,)
    return ()


_UMLAUT_RE = re.compile("[äöüßÄÖÜ]")


def language_code(language: str | None) -> str:
    """The primary language of a code as given: "de-CH" and "DE" are "de"; none is ""."""
    return (language or "").split("-")[0].strip().lower()


def detect_language(text: str) -> str:
    """'de' or 'en', by counting German function words and umlauts."""
    return _language_of_words(WORD_RE.findall(text.lower()), text)


def _language_of_words(words: list[str], text: str) -> str:
    """``detect_language`` for the text's lower-cased words, when the caller has them."""
    words = words[:80]
    german = sum(w in _GERMAN_HINTS for w in words) + 2 * len(_UMLAUT_RE.findall(text, 0, 400))
    english = sum(w in STOPWORDS_EN and w not in STOPWORDS_DE for w in words)
    return "de" if german > english else "en"


# --- facts: numbers and amounts ---------------------------------------------------------

_CURRENCY = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "us-dollar": "USD",
    "us-dollars": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pfund": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "chf": "CHF",
    "franken": "CHF",
    "schweizer franken": "CHF",
    "swiss franc": "CHF",
    "swiss francs": "CHF",
    "fr.": "CHF",
    "sfr": "CHF",
    "sfr.": "CHF",
    "rappen": "CHF",
    "yen": "JPY",
    "jpy": "JPY",
    "¥": "JPY",
    "swedish kronor": "SEK",
    "schwedische kronen": "SEK",
    "schwedischen kronen": "SEK",
    "sek": "SEK",
    "norwegian kroner": "NOK",
    "norwegische kronen": "NOK",
    "norwegischen kronen": "NOK",
    "nok": "NOK",
    "danish kroner": "DKK",
    "dänische kronen": "DKK",
    "dänischen kronen": "DKK",
    "dkk": "DKK",
    "pence": "GBP",
    "p": "GBP",
    "euro cent": "EUR",
    "euro cents": "EUR",
    "euro-cent": "EUR",
    "euro-cents": "EUR",
    "eurocent": "EUR",
    "eurocents": "EUR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
    # other countries' dollars, so that C$1.2bn is not taken for US$1.2bn
    "c$": "CAD",
    "ca$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "hk$": "HKD",
    "nz$": "NZD",
    "s$": "SGD",
}
_SCALE = {
    "thousand": 3,
    "tausend": 3,
    "tsd": 3,
    "k": 3,
    "million": 6,
    "millions": 6,
    "millionen": 6,
    "mio": 6,
    "mn": 6,
    "m": 6,
    "billion": 9,
    "billions": 9,
    "milliarde": 9,
    "milliarden": 9,
    "mrd": 9,
    "bn": 9,
    "bln": 9,
    "trillion": 12,
    "billionen": 12,
    "tn": 12,
}
# Hundredths of a currency: "5p", "58 Cent", "90 euro cents", "50 Rappen". "cent(s)" alone is
# the euro's in German copy and in English copy that names the euro, else the dollar's.
_SUBUNITS = _words("pence p rappen cent cents euro-cent euro-cents eurocent eurocents") | {
    "euro cent",
    "euro cents",
}
# "¥" is the yen's in news copy (the yuan is written "yuan"); "$" not after a letter: R$,
# Mex$ are no US dollars; Swiss "Fr." before at least three digits ("Fr. 1250.–"; "Fr. 12.3."
# is a Friday)
_CUR_PRE = (
    r"(?P<pre>(?<![A-Za-z])(?:US|CA?|AU?|HK|NZ|S)\$|(?<![A-Za-z])\$|€|£|¥|USD|EUR|GBP|CHF|JPY"
    r"|CNY|SEK|NOK|DKK|(?<![A-Za-z])SFr\.?|(?<![A-Za-z])Fr\.(?=\s?\d{1,3}['’]\d{3}|\s?\d{3}))"
)
# Digits grouped by "." or ","; by a no-break or thin space (Duden's "12 000", often from
# "&nbsp;") or an apostrophe (Swiss "1'250"); by a plain space only outside a run of short
# numbers ("0 612 792" in a table is three numbers; after a year, "2024 150 000" groups);
# or not grouped. A group opening with 0 is a phone number's ("030 123 456"), no figure.
_GROUP_MARKS = "\u00a0\u202f\u2009'’"
_GROUP_SPACES = " " + _GROUP_MARKS
_NUM = (
    r"(?P<num>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?"
    rf"|\d{{1,3}}(?:[{_GROUP_MARKS}]\d{{3}})+(?:[.,]\d+)?"
    r"|(?<!\b\d )(?<!\b\d\d )(?<!\b\d\d\d )(?!0)\d{1,3}(?: \d{3})+(?! \d)(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)"
)
_SCALE_RE = (
    r"(?P<scale>thousand|tausend|tsd|millions?|millionen|mio|mn|billions?|milliarden?|mrd|bn|bln"
    r"|trillion|billionen|tn|m|k)\b\.?"
)
_CUR_POST = (
    r"(?P<post>US-Dollars?|Dollars?|USD|Euro[-\s]?cents?|Euros?|EUR|€|\$|Pfund|pounds?|GBP"
    r"|(?:Schweizer\s+)?Franken|Swiss\s+francs?|CHF|S?Fr\.|Rappen|yen|JPY|yuan|renminbi|CNY"
    r"|(?:Swedish|Norwegian|Danish)\s+kron(?:or|er|a)|(?:schwedisch|norwegisch|dänisch)en?\s+Kronen"
    r"|SEK|NOK|DKK|Cents?|pence|(?<=\d)(?-i:p))"
)
_PERCENT = r"(?P<pct>%|Prozent|percent|per\s+cent|pct|(?-i:pc)(?!\w))"  # "3pc": British papers
# "25 basis points" = "0,25 Prozentpunkte": a hundredth of a percentage point
_BASIS_POINTS = r"(?P<bp>basis\s+points?|Basispunkten?|(?-i:bps?))(?!\w)"
# Not a figure: a number in a name ("Covid-19", "F-35") or a decade ("1990s", "80er-Jahre").
_NUMBER_RE = re.compile(
    rf"(?:{_CUR_PRE}\s?)?(?<![\w.,])(?<![^\W\d_]-){_NUM}(?![.,]?\d)(?!['’]?s\b|er(?:n\b|-|\b))"
    r"(?:[.,][-–]{1,2}(?![\d-]))?"  # a round price: "5,- €", "Fr. 1250.–"
    rf"(?:(?:\s|-)?{_SCALE_RE})?(?:(?:\s|-)?{_CUR_POST}(?!\w))?"
    rf"(?:\s?(?:{_PERCENT}|{_BASIS_POINTS}))?",
    re.IGNORECASE,
)


_GROUP_SPACE_REMOVAL = str.maketrans("", "", _GROUP_SPACES)
_GROUP_SPACE_RE = re.compile(f"[{_GROUP_SPACES}]")


def parse_number(surface: str, language: str = "en", measure: bool = False) -> Decimal | None:
    """Read a number written with either decimal mark.

    Two kinds of mark: the last one is the decimal mark. A mark repeated: digit grouping.
    One mark followed by exactly three digits after one to three digits ("3.400", "3,400"):
    grouping in both languages, since news writes 3.4 and not 3.400; otherwise a decimal
    mark ("3,4" in German, "3.4" in English). ``language`` breaks the tie for "0,500".
    A ``measure`` (a percentage, a scaled figure or a price) is read with the language's
    decimal mark even with three digits after it: markets copy writes "2,512 Prozent",
    "$1.125 billion" and "1,085 US-Dollar"; "1.500 Millionen" and "3,400%" stay grouped.
    """
    surface = surface.translate(_GROUP_SPACE_REMOVAL)  # "12 000", "1'250": always grouping
    dots, commas = surface.count("."), surface.count(",")
    if dots and commas:
        decimal_mark = "." if surface.rfind(".") > surface.rfind(",") else ","
    elif dots + commas == 0 or dots > 1 or commas > 1:
        decimal_mark = None
    else:
        mark = "." if dots else ","
        head, tail = surface.split(mark)
        grouping_mark = "." if language == "de" else ","
        grouping = len(tail) == 3 and (head != "0" or mark == grouping_mark)
        grouping = grouping and not (measure and mark != grouping_mark)
        decimal_mark = None if grouping else mark
    digits = surface
    for mark in ".,":
        if mark != decimal_mark:
            digits = digits.replace(mark, "")
    if decimal_mark:
        digits = digits.replace(decimal_mark, ".")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def format_number(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


_GERMAN_UNIT_WORDS = _words(
    """
    milliarden milliarde millionen mio mrd tausend prozent stellen euro us-dollar jahre
    menschen mitarbeiter arbeitsplätze
    """
)


def _number_language(text: str, end: int, language: str) -> str:
    """German when the word after the number is German, whatever the text's language."""
    following = WORD_RE.search(text, end, end + 20)
    if following and following.group(0).lower() in _GERMAN_UNIT_WORDS:
        return "de"
    return language


# A number match starts at most this far before its first digit: the longest currency sign
# before a number ("US$", "USD") and a space.
_NUMBER_LEAD = 4


def _number_matches(
    text: str, taken: list[tuple[int, int]] | None = None
) -> Iterator[re.Match[str]]:
    """``_NUMBER_RE.finditer(text)``, searching from just before the next digit: the pattern
    opens with an optional currency, so the engine would otherwise try it at every position.
    A number grouped by a space that runs into a ``taken`` span (a date: "on May 5 300
    people") is no grouped number: the search goes on after its first group."""
    pos = 0
    while (digit := _DIGIT_RE.search(text, pos)) is not None:
        m = _NUMBER_RE.search(text, max(pos, digit.start() - _NUMBER_LEAD))
        if m is None:
            return
        space = _GROUP_SPACE_RE.search(m.group("num"))
        if taken and space and _overlaps(m.start(), m.end(), taken):
            pos = m.start("num") + space.end()
            continue
        yield m
        pos = m.end()


# Plural nouns that say what an English figure counts: "1.5m people" is no length,
# "2000 people" no year, "20 million doses" no sum of the dollars before it.
COUNT_NOUNS_EN = _words(
    """
    people persons jobs workers employees staff residents inhabitants protesters demonstrators
    students pupils teachers doctors nurses patients cases deaths infections victims votes
    voters ballots seats homes houses households families children adults troops soldiers
    officers refugees migrants members users customers subscribers viewers listeners readers
    visitors passengers participants signatures companies firms businesses shops stores schools
    beds doses tests vaccinations units shares barrels tonnes tons vehicles cars flights
    positions posts apartments flats animals lives years days hours kilograms kilogrammes
    kilos grams metres meters kilometres kilometers miles litres liters hectares acres
    """
)
# German nouns nearly always counted: after a number like a year they make it a figure
COUNT_NOUNS_DE = _words(
    """
    Menschen Personen Stellen Arbeitsplätze Jobs Mitarbeiter Mitarbeitende Beschäftigte
    Einwohner Demonstranten Teilnehmer Besucher Zuschauer Fans Fälle Tote Todesopfer
    Verletzte Kinder Schüler Studierende Studenten Patienten Wohnungen Häuser Haushalte
    Familien Soldaten Polizisten Einsatzkräfte Stimmen Unterschriften Kilometer Meter Tonnen
    Liter Hektar Fahrzeuge Autos Flüge Passagiere Fahrgäste Kunden Nutzer Abonnenten
    Mitglieder Euro Dollar Franken Pfund Tage Stunden Jahre Kilogramm Kilo Gramm Tonne
    Quadratmeter Kubikmeter Megawatt Kilowattstunden
    """
)
# A time of day is no figure: "gegen 22 Uhr", "14.30 Uhr", "9:30 a.m.", "10pm"
_CLOCK_AFTER_RE = re.compile(
    r"(?::\d{2}(?!\d))?\s?(?:Uhr\b|[ap]\.\s?m\.|(?:CES?T|GMT|BST|UTC|MES?Z|E[SD]T|P[SD]T|ET|PT)\b)"
)
# "14:30": an hour and minutes in two digits (a score is "3:1", a duration "35:45")
_CLOCK_MINUTES_RE = re.compile(r":[0-5]\d(?![\d:,.]\d)")
# "10pm", "9 AM": English only (German "300 am Flughafen" is "at the"), hours 1 to 12
_CLOCK_AFTER_EN_RE = re.compile(r"(?::\d{2}(?!\d))?\s?(?:[ap]m|[AP]M)\b")
_CLOCK_BEFORE_RE = re.compile(r"(?<![\d.,:])\d{1,2}:$")
_NEXT_WORDS_RE = re.compile(r"\s*([^\W\d_]+)(?:[\s-]+([^\W\d_]+))?")


def _counts_what_follows(text: str, end: int, language: str) -> bool:
    """Whether the words after a figure say what it counts: the next word, or in English the
    one after it too ("20 million vaccine doses", "1.5m new users")."""
    m = _NEXT_WORDS_RE.match(text, end, end + 60)
    if m is None:
        return False
    first, second = m.groups()
    if _names_a_count(first, language):
        return True
    return language == "en" and bool(second) and _names_a_count(second, language)


# A phone number is no figure: "030 123 456", "0621 174-4444", "+49 30 1234567"
_PHONE_RE = re.compile(r"(?<![\w.,+])(?:\+\d{1,3}[ -]?(?:\(0\)\s?)?\d|\(?0\d)[\d /()-]{4,18}\d")
# Nor is a number that names a law's section, a page, a week or a model: "§ 218",
# "Artikel 5 Absatz 2", "Section 230", "Kalenderwoche 12", "S&P 500", "Boeing 737"
_REFERENCE_WORDS = _words(
    """
    § §§ Art. Artikel Absatz Abs. Section section Article article Paragraph paragraph Paragraf
    Kalenderwoche KW No. Nr. Nummer Seite S. Page page Pages pages Kapitel Chapter chapter S&P
    FTSE DAX Dax Nasdaq Boeing Flug Flight flight Resolution resolution
    """
)


def _names_a_reference(text: str, num_start: int) -> bool:
    """Whether the word just before a number makes it a reference, not a figure (a word
    looked up, not a pattern of every such word tried at every figure)."""
    before = text[max(0, num_start - 15) : num_start]
    if before.endswith("§"):
        return True
    words = before.split()
    return bool(words) and before[-1:].isspace() and words[-1] in _REFERENCE_WORDS


def _is_negative(text: str, num_start: int) -> bool:
    """A minus sign or the word "minus" just before a figure; not the dash of a range
    ("10-12%", "3 - 5") or of a name ("Covid-19")."""
    if num_start and text[num_start - 1] in "-−–":
        return num_start == 1 or text[num_start - 2] in " (\t\n"
    return text[max(0, num_start - 6) : num_start].lower() == "minus "


def _is_clock_time(text: str, start: int, num_end: int, language: str) -> bool:
    if _CLOCK_AFTER_RE.match(text, num_end):
        return True
    hour = text[start:num_end]
    if _CLOCK_MINUTES_RE.match(text, num_end) and hour.isdecimal() and int(hour) <= 23:
        return True
    if language == "en" and _CLOCK_AFTER_EN_RE.match(text, num_end):
        hour, _, minutes = text[start:num_end].partition(".")  # "10pm", British "11.45pm"
        if (
            hour.isdecimal()
            and 1 <= int(hour) <= 12
            and (not minutes or (len(minutes) == 2 and minutes.isdecimal() and int(minutes) < 60))
        ):
            return True
    return (  # the minutes of "22:15"
        start > 0
        and text[start - 1] == ":"
        and num_end - start == 2
        and bool(_CLOCK_BEFORE_RE.search(text, max(0, start - 3), start))
    )


def _names_a_count(word: str, language: str) -> bool:
    """Whether the word after a figure says what it counts: a German noun that is no name
    ("19 Millionen Abonnenten", "2000 Menschen") or an English count noun."""
    if not word or fold(word) in _STOPWORDS:
        return False
    if language == "de":
        return word[0].isupper() and not word.isupper() and _looks_like_common_noun(word)
    return word.lower() in COUNT_NOUNS_EN


def _number_facts(text: str, language: str, taken: list[tuple[int, int]]) -> list[Fact]:
    facts: list[Fact] = []
    read: dict[int, _Reading] = {}  # how each fact's figure was read
    last_currency: tuple[str, int] | None = None
    phones: list[tuple[int, int]] = []
    cents_of: str | None = None  # the currency of "cents" in this text, looked up once
    for m in _number_matches(text, taken):
        start, end = m.span()
        num, pre, post, scale, pct, bp = m.group("num", "pre", "post", "scale", "pct", "bp")
        num_start, num_end = m.span("num")
        plus = num_start > 0 and text[num_start - 1] == "+"
        if (plus or text.startswith("0", num_start)) and not (phones and num_start < phones[-1][1]):
            phone = _PHONE_RE.match(text, num_start - plus)
            if phone:
                phones.append(phone.span())
        # figures come in text order, so only the last phone number can hold this one
        if _overlaps(start, end, taken) or (phones and start < phones[-1][1]):
            continue
        if not (pct or bp or scale or pre or post) and _names_a_reference(text, num_start):
            continue  # "§ 218"; but "der Dax 0,8 Prozent im Plus" keeps its percentage
        num_language = _number_language(text, num_end, language)
        if not pre and _is_clock_time(text, num_start, num_end, num_language):
            continue  # "at 11.45pm", but "£11.45pm" is a price a month
        scale_word = scale.lower().rstrip(".") if scale else ""
        currency_word = " ".join((pre or post).lower().split()) if pre or post else ""
        currency = _CURRENCY.get(currency_word) if currency_word else None
        if currency_word in _SUBUNITS:
            if currency is None:  # "cent(s)": the euro's in German copy or copy that names
                # it, the dollar's in copy that names the dollar, else of no currency said
                if cents_of is None:
                    cents_of = _cents_currency(text, num_language)
                currency = cents_of or None
                if post == "Cent" and num == "50" and num_language == "en":
                    continue  # "50 Cent", a rapper
            if currency_word == "p" and num in _VIDEO_LINES:
                continue  # "1080p"
        attached = scale_word and m.start("scale") == num_end
        millions = (  # "1.5m people": British papers' millions
            scale_word == "m" and attached and num_language == "en"
            and _counts_what_follows(text, end, "en")
        )  # fmt: skip
        if (scale_word == "m" and not millions or (scale_word == "k" and not attached)) and (
            not currency
        ):
            # "5 m" is more often metres than millions; "40K votes" is thousands
            scale_word = ""
            end = num_end
        exponent = _SCALE.get(scale_word, 0)
        if scale_word == "billion" and num_language == "de" and not pre:
            exponent = 12  # eine Billion is a million million
        if currency_word in _SUBUNITS:
            exponent -= 2
        if bp:
            exponent -= 2  # a basis point is 0.01 percentage points
        measure = bool(pct or bp or scale_word or currency)
        value = _scaled_number(num, num_language, exponent, measure)
        if value is None:
            continue
        negative = _is_negative(text, num_start)
        if negative:  # "minus 0,5 Prozent", "-0.5%", "minus 12 Grad"
            value = "-" + value
        if pct or bp:
            facts.append(Fact("percent", value, text[start:end], start, end))
            read[len(facts) - 1] = _Reading(num, num_language, exponent, None, True, negative)
            continue
        if (
            currency is None
            and exponent
            and last_currency
            and start - last_currency[1] < 80
            and not _counts_what_follows(text, end, num_language)
        ):
            currency = last_currency[0]  # "100 Milliarden US-Dollar, genauer 97,4 Milliarden"
        if currency:
            last_currency = (currency, end)
            kind, val = "amount", f"{currency}:{value}"
        else:
            kind, val = "number", value
        end = end if text[end - 1 : end].strip() else end - 1
        read[len(facts)] = _Reading(num, num_language, exponent, currency, False, negative)
        facts.append(Fact(kind, val, text[start:end].strip(), start, end))
    if len(read) > 1:
        _share_range_units(text, facts, read)
    return facts + _number_word_facts(text, language, taken + [(f.start, f.end) for f in facts])


_VIDEO_LINES = _words("240 360 480 720 1080 1440 2160")
_EURO_RE = re.compile(r"€|\beuros?\b|\beuro[- ]?(?:zone|area|cents?)\b", re.IGNORECASE)
_DOLLAR_RE = re.compile(r"\$|\bdollars?\b", re.IGNORECASE)


def _cents_currency(text: str, language: str) -> str:
    """Whose cents a text's bare "cents" are: "EUR", "USD" or "" (none said)."""
    if language == "de" or _EURO_RE.search(text):
        return "EUR"
    return "USD" if _DOLLAR_RE.search(text) else ""


class _Reading(NamedTuple):
    """How a figure was read: its digits and their language, its scale, its currency and
    whether it is a percentage."""

    digits: str
    language: str
    exponent: int
    currency: str | None
    percent: bool
    negative: bool


# "10 bis 12 Prozent", "$10-12 billion", "von 49 auf 58 Euro", "between 4.25 and 4.5 percent"
_RANGE_JOIN_RE = re.compile(
    r"\s*(?:[-–—]|bis|(?P<to>to|(?P<auf>auf))|(?P<and>and|und))\s*(?:[$€£]|US\$|USD|EUR|GBP|CHF)?\s?",
    re.IGNORECASE,
)
_BETWEEN_RE = re.compile(r"\b(?:between|zwischen)\s+(?:[$€£]|US\$)?\s?$", re.IGNORECASE)
_FROM_RE = re.compile(r"\bvon\s+(?:[$€£]|US\$)?\s?$", re.IGNORECASE)
# "stieg um 16.000 auf 2,99 Millionen", "rose by 3 to 58 euros": a change and a level
_CHANGE_BY_RE = re.compile(r"\b(?:um|by)\s+(?:[$€£]|US\$)?\s?$", re.IGNORECASE)


def _share_range_units(text: str, facts: list[Fact], read: dict[int, _Reading]) -> None:
    """The first figure of a range takes the scale, currency and percent sign written only
    after the second: in "10 bis 12 Milliarden Euro" both are billions of euros. "and" joins
    a range only after "between" ("3 to 1 and 5 percent" is no range of percentages), "auf"
    only after "von"; a change and the level it led to ("um 3 auf 58 Euro") are no range."""
    for i in range(len(facts) - 1):
        first, second = read.get(i), read.get(i + 1)
        if first is None or second is None or first.percent or first.negative or second.negative:
            continue  # "Siemens 178,40 -1,2%": a price and a change, not a range
        if facts[i + 1].start - facts[i].end > 12:  # longer than " bis zu US$ "
            continue
        join = _RANGE_JOIN_RE.fullmatch(text, facts[i].end, facts[i + 1].start)
        before = max(0, facts[i].start - 12)
        if (
            join is None
            or (join.group("and") and not _BETWEEN_RE.search(text, before, facts[i].start))
            or (join.group("auf") and not _FROM_RE.search(text, before, facts[i].start))
            or (join.group("to") and _CHANGE_BY_RE.search(text, before, facts[i].start))
        ):
            continue
        first_value = parse_number(first.digits, first.language) or 0
        if (
            second.exponent
            and not first.exponent
            and (
                first_value >= 1000
                or first_value > (parse_number(second.digits, second.language) or 0)
            )
        ):
            continue  # "von 80.000 bis 2 Millionen", "500 bis 2 Millionen": no shared scale
        if second.percent and not first.currency and not first.exponent:
            value = _scaled_number(first.digits, first.language, second.exponent, True)
            kind = "percent"
        elif not second.percent and (
            (second.exponent and not first.exponent) or (second.currency and not first.currency)
        ):
            exponent = first.exponent or second.exponent
            currency = first.currency or second.currency
            value = _scaled_number(first.digits, first.language, exponent, True)
            kind = "amount" if currency else "number"
            if value is not None and currency:
                value = f"{currency}:{value}"
        else:
            continue
        if value is not None:
            facts[i] = facts[i]._replace(kind=kind, value=value)
            read[i] = first._replace(percent=kind == "percent")


@lru_cache(maxsize=65_536)
def _scaled_number(digits: str, language: str, exponent: int, measure: bool) -> str | None:
    """The number written ``digits`` times ten to ``exponent``, formatted; cached because
    figures recur and reading and formatting a Decimal costs more than the lookup."""
    value = parse_number(digits, language, measure)
    return None if value is None else format_number(value.scaleb(exponent))


# Number words count only before a percent or scale word ("sieben Prozent", "two billion
# dollars"): alone, "one" and "ein" are more often articles than figures.
_NUMBER_WORDS = {
    "ein": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1, "one": 1, "a": 1, "an": 1,
    "zwei": 2, "two": 2, "drei": 3, "three": 3, "vier": 4, "four": 4, "fünf": 5, "five": 5,
    "sechs": 6, "six": 6, "sieben": 7, "seven": 7, "acht": 8, "eight": 8, "neun": 9,
    "nine": 9, "zehn": 10, "ten": 10, "elf": 11, "eleven": 11, "zwölf": 12, "twelve": 12,
    "zwanzig": 20, "twenty": 20, "dreißig": 30, "thirty": 30, "vierzig": 40, "forty": 40,
    "fünfzig": 50, "fifty": 50, "hundert": 100, "hundred": 100, "halbe": 0.5,
    "half a": 0.5, "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5,
    "a quarter of a": 0.25, "quarter of a": 0.25, "three-quarters of a": 0.75,
    "three quarters of a": 0.75,
}  # fmt: skip
_ARTICLE_NUMBER_WORDS = frozenset({"a", "an"})  # "a percent" is no figure; "ein Prozent" is
_NUMBER_WORD_RE = re.compile(
    r"(?<![\w-])(?P<word>"
    + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True))
    + r")\s+(?:(?P<scale>thousand|tausend|millions?|millionen|milliarden?|billions?|billionen"
    rf"|trillion)(?:\s+{_CUR_POST})?|{_PERCENT})(?![\w-])",
    re.IGNORECASE,
)


# What _NUMBER_WORD_RE needs, in the lower-cased text: a scale or percent word after
# whitespace, and before that whitespace a word ending with a number word ("half a": "a").
_SCALE_OR_PERCENT_RE = re.compile(  # from a run's first space only: no rescans of long runs
    r"(?<!\s)\s+(?:thousand|tausend|million|milliard|billion|trillion|%|prozent|percent|per|pct)"
)
_NUMBER_WORD_TAILS = tuple({word.split()[-1] for word in _NUMBER_WORDS})
# Characters re.IGNORECASE matches to an ASCII letter that str.lower() leaves different (İ
# and ı for "i", ſ for "s"): with one of them in a text, test it with the pattern itself.
_CASE_ODDITIES_RE = re.compile("[İıſ]")


def _may_have_number_words(text: str) -> bool:
    """False when _NUMBER_WORD_RE cannot match: no number word before a scale or percent."""
    if _CASE_ODDITIES_RE.search(text):
        return True
    lowered = text.lower()
    for m in _SCALE_OR_PERCENT_RE.finditer(lowered):
        if lowered.endswith(_NUMBER_WORD_TAILS, 0, m.start()):
            return True
    return False


def _number_word_facts(text: str, language: str, taken: list[tuple[int, int]]) -> list[Fact]:
    facts: list[Fact] = []
    if not _may_have_number_words(text):
        return facts
    for m in _NUMBER_WORD_RE.finditer(text):
        start, end = m.span()
        word = m.group("word").lower()
        if _overlaps(start, end, taken) or (word in _ARTICLE_NUMBER_WORDS and m.group("pct")):
            continue
        value = Decimal(str(_NUMBER_WORDS[word]))
        scale_word = (m.group("scale") or "").lower()
        exponent = _SCALE.get(scale_word, 0)
        if scale_word == "billion" and language == "de":
            exponent = 12
        value = value.scaleb(exponent)
        currency = _CURRENCY.get((m.group("post") or "").lower())
        if m.group("pct"):
            kind, val = "percent", format_number(value)
        elif currency:
            kind, val = "amount", f"{currency}:{format_number(value)}"
        else:
            kind, val = "number", format_number(value)
        facts.append(Fact(kind, val, m.group(0), start, end))
    return facts


# Counts written as words on their own: "drei Menschen", "seven years", "forty-four seats".
# Each language's own words ("elf" is eleven only in German), from two on ("one", "ein" are
# articles more often than figures), lower case or opening a sentence ("Sieben Menschen";
# "die Acht" is no figure).
_SPELLED_UNITS = {
    "en": {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12},
    "de": {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
           "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12},
}  # fmt: skip
_ENGLISH_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SPELLED_NUMBER_WORDS = frozenset(_SPELLED_UNITS["en"]) | frozenset(_SPELLED_UNITS["de"])
SPELLED_NUMBER_WORDS |= frozenset(_ENGLISH_TENS)
# "a three-day festival", "a four-year delay", "a two-time champion": still a count
_HYPHENED_UNITS = (
    r"(?:day|week|month|year|hour|minute|second|mile|kilometre|kilometer|metre|meter|storey"
    r"|story|seat|point|game|match|member|person|time|man|woman)s?\b"
)
_SPELLED_RE = {
    "en": re.compile(
        rf"(?<![\w-])(?:(?P<tens>{'|'.join(_ENGLISH_TENS)})(?:-(?P<unit>one|{'|'.join(_SPELLED_UNITS['en'])}))?"
        rf"|(?P<word>{'|'.join(_SPELLED_UNITS['en'])}))(?!\w|-(?!{_HYPHENED_UNITS}))",
        re.IGNORECASE,
    ),
    "de": re.compile(
        rf"(?<![\w-])(?P<word>{'|'.join(_SPELLED_UNITS['de'])})(?![\w-])", re.IGNORECASE
    ),
}
_SENTENCE_OPENING_RE = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")


def _spelled_number_facts(text: str, language: str, taken: list[tuple[int, int]]) -> list[Fact]:
    facts: list[Fact] = []
    language = "de" if language == "de" else "en"
    for m in _SPELLED_RE[language].finditer(text):
        start, end = m.span()
        surface = m.group(0)
        if _overlaps(start, end, taken):
            continue
        if not surface.islower() and not (
            surface[0].isupper()
            and surface[1:].islower()
            and _SENTENCE_OPENING_RE.search(text, max(0, start - 3), start)
        ):
            continue
        if m.re.groups > 1 and m.group("tens"):
            value = _ENGLISH_TENS[m.group("tens").lower()]
            unit = (m.group("unit") or "").lower()
            value += 1 if unit == "one" else _SPELLED_UNITS["en"].get(unit, 0)
        else:
            value = _SPELLED_UNITS[language][m.group("word").lower()]
        facts.append(Fact("number", str(value), surface, start, end))
    return facts


# --- facts: shares written as fractions ---------------------------------------------------

# "zwei Drittel", "jeder fünfte", "die Hälfte", "two-thirds", "one in five", "nearly half":
# shares, read as the percentage they are. A fraction that is no whole percentage gives its
# value to one decimal and to the whole number ("zwei Drittel": 66.7 and 67), so that
# evidence writing "67 Prozent" or "66.7%" says the same.
_TIME_UNITS = (
    r"(?:minutes?|hours?|days?|weeks?|months?|years?|games?|matches|minuten|stunden|tagen?|wochen?"
    r"|monaten?|jahren?|spielen)\b"
)
_FRACTION_NUMERATORS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ein": 1, "eine": 1, "einem": 1, "einen": 1, "zwei": 2,
    "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
}  # fmt: skip
_FRACTION_DENOMINATORS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "drittel": 3, "viertel": 4, "fünftel": 5, "sechstel": 6,
    "zehntel": 10, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
    "fifths": 5, "tenth": 10, "tenths": 10, "zweite": 2, "dritte": 3, "vierte": 4,
    "fünfte": 5, "sechste": 6, "siebte": 7, "achte": 8, "zehnte": 10,
}  # fmt: skip
_FRACTION_NOUNS = _words(
    """drittel viertel fünftel sechstel zehntel third thirds quarter quarters fifth fifths tenth
    tenths half hälfte jeder jede jedes jeden halben viertelprozentpunkt"""
)
_FRACTION_RE = re.compile(
    # "zwei Drittel", "ein Fünftel", "two-thirds", "a third of", "three-quarters of"; an
    # English singular only before "of" ("a third straight year" is an ordinal)
    r"(?<![\w-])(?P<num>a|an|one|two|three|four|ein|eine[mn]?|zwei|drei|vier|neun)[\s-]"
    r"(?:(?P<den>drittel|viertel|fünftel|zehntel|thirds|fifths|tenths)"
    r"|(?P<sden>third|fifth|tenth|quarters?)(?=\s+of\b))(?![\w-])"
    # "cut the risk by a fifth", "nearly a third"
    r"|(?:(?<=by\s)|(?<=nearly\s)|(?<=almost\s)|(?<=about\s)|(?<=roughly\s)|(?<=than\s)"
    r"|(?<=over\s)|(?<=around\s))(?P<bnum>a|one)\s(?P<bden>third|fifth|tenth|quarter)(?![\w-])"
    # "one in five", "three out of four", "neun von zehn"; not "two in three minutes"
    r"|(?<![\w-])(?P<inum>one|two|three|four|five|six|seven|eight|nine|ein|eine[rs]?|zwei|drei"
    r"|vier|fünf|sechs|sieben|acht|neun)\s+(?:in|out\s+of|von)\s+(?P<iden>two|three|four"
    r"|five|six|seven|eight|nine|ten|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)(?![\w-])"
    rf"(?!\s+{_TIME_UNITS})"
    # "jeder fünfte"; not "jede zweite Woche"
    r"|(?<![\w-])jede[rsn]?\s+(?P<oden>zweite|dritte|vierte|fünfte|sechste|siebte|achte"
    rf"|zehnte)[nrs]?(?![\w-])(?!\s+{_TIME_UNITS})"
    # a quarter or half percentage point: "a quarter-point cut", "einen halben Prozentpunkt";
    # not "the first quarter point to", "a half-point lead"
    r"|(?<![\w-])(?<!first\s)(?<!second\s)(?<!third\s)(?<!fourth\s)(?<!final\s)"
    r"(?P<point>quarter|half|viertel|halben)[\s-]?(?:an?\s+)?(?:percentage[\s-])?"
    r"(?:point|prozentpunkt)"
    r"(?![\w-])(?!\s+(?:lead|ahead|behind|margin|clear|deficit|vorsprung|rückstand))"
    # "die Hälfte", "half of", "nearly half"; not "half a million", "half an hour"
    r"|(?<![\w-])(?:(?:die|der|zur)\s+(?P<halfte>hälfte)"
    r"|(?<!first\s)(?<!second\s)(?<!first-)(?<!second-)(?<!lower\s)(?<!upper\s)"
    r"(?P<half>half)(?=\s+(?:of|the)\b)"
    r"|(?:(?<=nearly\s)|(?<=almost\s)|(?<=than\s)|(?<=about\s)|(?<=around\s)|(?<=roughly\s)"
    r"|(?<=over\s)|(?<=under\s))(?P<half2>half)(?!\s+an?\b))"
    r"(?![\w-])",
    re.IGNORECASE,
)
# what a share of comes after: of one percentage point, a share of the point ("a quarter of
# a percentage point": 0.25 points); of a million, a count ("a quarter of a million")
_OF_A_POINT_RE = re.compile(
    r"\s+(?:of\s+(?:a|one)\s+(?:percentage\s+)?point|prozentpunkte?s?)(?![\w-])", re.IGNORECASE
)
_OF_A_SCALE_RE = re.compile(
    r"\s+of\s+an?\s+(?:million|billion|trillion|dozen|hour|century|mile)", re.IGNORECASE
)


def _may_have_fractions(words: list[str]) -> bool:
    """False when _FRACTION_RE cannot match: no fraction word, and no number word with
    "in", "out" or "von"."""
    if not _FRACTION_NOUNS.isdisjoint(words):
        return True
    return not SPELLED_NUMBER_WORDS.isdisjoint(words) and not _words("in out von").isdisjoint(words)


def _fraction_facts(text: str, taken: list[tuple[int, int]]) -> list[Fact]:
    facts: list[Fact] = []
    for m in _FRACTION_RE.finditer(text):
        start, end = m.span()
        if _overlaps(start, end, taken):
            continue
        if m["point"]:  # a share of one percentage point, not of the whole
            point = m["point"].lower()
            value = "0.25" if point in ("quarter", "viertel") else "0.5"
            facts.append(Fact("percent", value, text[start:end], start, end))
            continue
        if _OF_A_SCALE_RE.match(text, end):
            continue  # "a quarter of a million": a count the figures do not read
        if m["half"] or m["half2"] or m["halfte"]:
            numerator, denominator = 1, 2
        elif m["oden"]:
            numerator, denominator = 1, _FRACTION_DENOMINATORS[m["oden"].lower()]
        else:
            numerator = _FRACTION_NUMERATORS[(m["num"] or m["inum"] or m["bnum"]).lower()]
            denominator = _FRACTION_DENOMINATORS[
                (m["den"] or m["sden"] or m["iden"] or m["bden"]).lower()
            ]
        if numerator >= denominator:
            continue  # "five in two", "drei von drei": no share
        share = Decimal(100 * numerator) / Decimal(denominator)
        point = _OF_A_POINT_RE.match(text, end)
        if point:  # "three-quarters of a percentage point", "ein Viertel Prozentpunkt"
            end = point.end()
            share /= 100
        steps = ("0.01",) if point else ("0.1", "1")
        values = dict.fromkeys(format_number(share.quantize(Decimal(step))) for step in steps)
        facts += [Fact("percent", value, text[start:end], start, end) for value in values]
    return facts


# --- facts: dates -----------------------------------------------------------------------


def month_of(word: str) -> int | None:
    """1-12 for a month's name or its abbreviation, German or English ("März", "Sept")."""
    return _MONTHS.get(fold(word).rstrip("."))


_MONTHS = {
    "januar": 1,
    "jaenner": 1,
    "january": 1,
    "jan": 1,
    "februar": 2,
    "february": 2,
    "feb": 2,
    "maerz": 3,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "may": 5,
    "juni": 6,
    "june": 6,
    "jun": 6,
    "juli": 7,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "october": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "december": 12,
    "dez": 12,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>januar[y]?|jänner|februar[y]?|märz|maerz|march|april|mai|may|jun[ie]|jul[iy]"
    r"|august|september|o[ck]tober|november|de[cz]ember|jan|feb|mar|apr|aug|sept?|o[ck]t|nov"
    r"|de[cz])\.?"
)
_DAY = r"(?P<day>\d{1,2})"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_PAST = r"vergangenen|letzten|vorigen|last|previous"
_THIS = r"dieses|diesen|diesem|this|laufenden|current"
_NEXT = r"nächsten|kommenden|next|coming"
_PREFIX_WORDS = r"im|in|on|am|seit|since|bis|until|ende|anfang|mitte|early|late|mid|vom|from"
_PREFIX = rf"(?:(?:{_PREFIX_WORDS})\s+|mid-)?"
# "... vergangenen Jahres", "... of last year", "... des Vorjahres": joined to the month by
# spaces only (not across a full stop or a comma: "am 5. Mai. Vergangenen Jahres war ...",
# "in May, last year's winner ..."), and not "year's"
_OF_RELATIVE_YEAR = (
    r"(?<!\.)\s+(?:des\s+|of\s+)?"
    rf"(?:(?P<yrel>{_PAST}|{_THIS}|{_NEXT})\s+(?:jahres|year)|(?P<prevyear>vorjahres))"
    r"(?!['’]?\w)"
)
# Alternatives in order of specificity: at one position the first that matches wins.
_DATE_ALTERNATIVES = (
    r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})\b",
    rf"\b{_DAY}\.\s?(?P<mnum>\d{{1,2}})\.\s?{_YEAR}\b",
    rf"\b{_PREFIX}{_DAY}(?:\.|st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s*,?\s+{_YEAR}\b",
    rf"\b{_PREFIX}{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?\s*,?\s+{_YEAR}\b",
    rf"\b{_PREFIX}{_MONTH}\s+(?:of\s+)?{_YEAR}\b",
    rf"\b(?:im\s+|in\s+)?(?P<rel>{_PAST}|{_THIS}|{_NEXT})\s+{_MONTH}(?!\w)",
    # a month, or a day and a month, of a year named relative to the article's: "im Februar
    # vergangenen Jahres", "am 12. Mai des Vorjahres", "in January of last year"
    # (without a prefix, not "may" and "mar": "prices may this year rise")
    rf"\b(?:(?P<lead>{_PREFIX_WORDS})\s+|(?!ma[yr]\b)){_MONTH}(?:\s+{_DAY}(?:st|nd|rd|th)?)?"
    + _OF_RELATIVE_YEAR,
    rf"\b{_PREFIX}{_DAY}(?:\.|st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}{_OF_RELATIVE_YEAR}",
    rf"\b{_PREFIX}{_DAY}(?:\.|st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?!\w)",
    rf"\b{_PREFIX}{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?\b",
    rf"\b(?:(?:im|in|on|am|seit|since|bis|until|from|vom|ende|anfang|mitte|early|late|mid)\s+"
    rf"|mid-){_MONTH}(?!\w)",
    rf"\b(?:im\s+|in\s+)?(?P<rel>{_PAST}|{_THIS}|{_NEXT})[ns]?\s+(?:jahr(?:es)?|year)\b",
    rf"\b(?:im\s+|in\s+)?(?:(?P<mrel>{_PAST}|{_THIS}|{_NEXT})[ns]?\s+(?:monats?|month)"
    r"|(?P<prev_month>vormonat))\b",
    r"\b(?:(?:im|in|das|dem)\s+)?"
    r"(?P<rel>vorjahr|(?:letztes|vergangenes|voriges|nächstes)\s+jahr)\b",
    r"\b(?P<ago>vor\s+(?P<n>\w+)\s+(?:jahr(?:en)?|(?P<months>monat(?:en)?))"
    r"|(?P<n2>\d+|one|two|three|a)\s+(?:years?|(?P<months2>months?))\s+ago)\b",
    # a season ("2023/24", "2022-23") or a month in ISO form ("2024-03")
    r"\b(?P<year>(?:19|20)\d{2})(?P<sep>[/–-])(?P<second>\d{2})(?![\d/–-]|[.,]\d)",
    # "12/03/2024": day and month in an order no one can tell, the year for sure
    r"\b\d{1,2}/\d{1,2}/(?P<year>(?:19|20)\d{2})\b",
    # "am 12.03.", "vom 3.4.25": German dates with a short year or none, after a word that
    # asks for a date (without one, "2.5." ending a sentence is a decimal)
    r"(?:(?<=am )|(?<=vom )|(?<=zum )|(?<=bis )|(?<=seit )|(?<=ab )|(?<=dem )|(?<=den )|(?<=\())"
    r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?:(?P<yy>\d{2})(?![\d.]))?(?!\d)",
    # an earlier year, only after a word that asks for one: "founded in 1887", "seit 1516"
    r"(?:(?<=\bin\s)|(?<=\bim\s)|(?<=\bseit\s)|(?<=\bsince\s)|(?<=\bjahr\s)|(?<=\bjahre\s)"
    r"|(?<=\byear\s))(?P<year>1[0-8]\d{2})(?![\d.,]\d)(?!['’]?s\b|er(?:n\b|-|\b))",
    # a year alone; not a decade ("1990s", "1990er-Jahre"), see also _bare_year_counts
    r"(?<![\d.,])(?P<year>(?:19|20)\d{2})(?![\d.,]\d)(?!['’]?s\b|er(?:n\b|-|\b))",
)
_DATE_START = (
    r"\b(?=\d|jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz]|im\b|in\b|on\b|am\b"
    r"|seit|since|bis|until|ende|anfang|mitte|early|late|mid|vom|from|vergangen|letzt|vorig|last"
    r"|previous|dies|this|laufend|current|nächst|kommend|next|coming|vor|das\b|dem\b|one|two"
    r"|three|a\b)"
)


def _date_pattern(alternatives: Iterable[int]) -> re.Pattern[str]:
    """The date alternatives numbered, their groups suffixed with the number (``year_2``)."""
    return re.compile(
        _DATE_START
        + "(?:"
        + "|".join(
            f"(?P<alt{i}>" + re.sub(r"\(\?P<(\w+)>", rf"(?P<\1_{i}>", _DATE_ALTERNATIVES[i]) + ")"
            for i in alternatives
        )
        + ")",
        re.IGNORECASE,
    )


_DATE_RE = _date_pattern(range(len(_DATE_ALTERNATIVES)))
# Where a word starts with a digit only the alternatives that can open with one can match
# there; elsewhere only the others. Same order, same groups: the same match, found sooner.
_DIGIT_ONLY_ALTERNATIVES = (0, 1, 15, 16, 17, 18, 19)  # open with a digit, never a word
_DIGIT_ALTERNATIVES = tuple(sorted((2, 7, 8, 14) + _DIGIT_ONLY_ALTERNATIVES))
_DATE_AT_DIGIT_RE = _date_pattern(_DIGIT_ALTERNATIVES)
_DATE_AT_WORD_RE = _date_pattern(
    i for i in range(len(_DATE_ALTERNATIVES)) if i not in _DIGIT_ONLY_ALTERNATIVES
)
# Start words that open one alternative only: "a", "vor" ... years ago; "das", "dem" Vorjahr.
_YEARS_AGO_RE, _PREVIOUS_YEAR_RE = _date_pattern([14]), _date_pattern([13])
_DATE_AT_START_WORD = {"a": _YEARS_AGO_RE, "one": _YEARS_AGO_RE, "two": _YEARS_AGO_RE}
_DATE_AT_START_WORD |= {"three": _YEARS_AGO_RE, "vor": _YEARS_AGO_RE}
_DATE_AT_START_WORD |= {"das": _PREVIOUS_YEAR_RE, "dem": _PREVIOUS_YEAR_RE}
# alternative -> (its group names, the names without the suffix)
_DATE_GROUPS = {
    f"alt{i}": tuple((k, k[: -len(f"_{i}")]) for k in _DATE_RE.groupindex if k.endswith(f"_{i}"))
    for i in range(len(_DATE_ALTERNATIVES))
}
_BARE_YEAR = f"alt{len(_DATE_ALTERNATIVES) - 1}"
_OLD_YEAR = f"alt{len(_DATE_ALTERNATIVES) - 2}"
_DIGIT_RE = re.compile(r"\d")
_PREFIX_RE = re.compile(_PREFIX, re.IGNORECASE)
_DATEWORD_RE = re.compile(
    _MONTH.replace("(?P<month>", "(?:") + r"|jahr|year|ago|monat|month", re.IGNORECASE
)
_SMALL_NUMBERS = {"einem": 1, "one": 1, "a": 1, "zwei": 2, "two": 2, "drei": 3, "three": 3}


# What makes "2000" a figure, not a year: a currency before it, a unit after it ("2000 Euro",
# "1900 Mio."), a word of estimate before it ("rund 2000", "some 2000") or, with no word
# before it that asks for a year ("im Jahr", "seit", "in", "by"), a noun after it that says
# what it counts ("2000 Menschen", "1900 jobs").
_CURRENCY_BEFORE_RE = re.compile(r"(?:[$€£]|\b(?:USD|EUR|GBP|CHF))\s?$")
_UNIT_AFTER_RE = re.compile(
    rf"[\s-]?(?:{_SCALE_RE}|{_CUR_POST}(?!\w)|{_PERCENT}|{_BASIS_POINTS})", re.IGNORECASE
)
_ESTIMATE_BEFORE_RE = re.compile(
    r"\b(?:rund|etwa|knapp|fast|circa|ca\.|mehr\s+als|weniger\s+als|bis\s+zu|mindestens"
    r"|h[öo]chstens|gut|über|some|nearly|almost|more\s+than|fewer\s+than|less\s+than|up\s+to"
    r"|roughly|approximately|at\s+least|at\s+most|an\s+estimated)\s+$",
    re.IGNORECASE,
)
# Words after which a number like a year is a year even before a unit word: "In 2023 euro
# zone inflation", "seit 2000 Euro-Bargeld"
_STRONG_YEAR_CUES = (
    "jahre?s?|years?|im|in|seit|since|by|während|during|anfang|ende|mitte|early|late|mid"
    "|summer|sommer|spring|frühjahr|autumn|herbst|winter"
)
_STRONG_YEAR_CUE_BEFORE_RE = re.compile(rf"\b(?:{_STRONG_YEAR_CUES})\s+$", re.IGNORECASE)
_YEAR_CUE_BEFORE_RE = re.compile(
    rf"\b(?:{_STRONG_YEAR_CUES}|bis|until|von|vom|from|ab|vor|nach|before|after|zwischen"
    r"|between|und|and|oder|or|to|of|des|fall)\s+$|[-–/]$",
    re.IGNORECASE,
)


def _old_year_counts(text: str, start: int, end: int, language: str) -> bool:
    """Whether "1500" after "in" is a figure: "in 1500 Fällen", "in 1500 homes". German
    writes "1887" or "im Jahr 1887", so after a bare "in" or "im" it counts."""
    if _UNIT_AFTER_RE.match(text, end, end + 30):
        return True
    next_word = _NEXT_WORDS_RE.match(text, end, end + 60)
    if language == "de":
        if text[max(0, start - 3) : start].lower() in ("in ", "im "):
            return True
        return bool(next_word) and next_word.group(1)[:1].isupper()  # a noun follows
    # English groups a count's digits ("in 1,500 villages"): "in 1872" is a year unless a
    # counted noun follows ("in 1500 homes")
    return _counts_what_follows(text, end, "en")


def _bare_year_counts(text: str, start: int, end: int, language: str) -> bool:
    """Whether a number like a year ("2000") is a figure in this text, not a year."""
    before = text[max(0, start - 20) : start]
    if _STRONG_YEAR_CUE_BEFORE_RE.search(before):  # "In 2023 euro zone inflation ..."
        return False
    if _CURRENCY_BEFORE_RE.search(before) or _UNIT_AFTER_RE.match(text, end, end + 30):
        return True
    # German puts the year before the object ("hat 2023 Rüstungsexporte genehmigt"): only a
    # noun that is nearly always counted makes it a figure there, even after "und", "bis"
    # ("zwischen 1500 und 2000 Menschen")
    if language == "de":
        next_word = _NEXT_WORDS_RE.match(text, end, end + 60)
        counted = bool(next_word) and next_word.group(1) in COUNT_NOUNS_DE
    else:
        counted = _counts_what_follows(text, end, "en")
    if counted:
        return True
    if _YEAR_CUE_BEFORE_RE.search(before):
        return False
    return bool(_ESTIMATE_BEFORE_RE.search(before))


def _date_facts(
    text: str,
    anchor: date | None,
    taken: list[tuple[int, int]],
    language: str = "en",
    words: list[str] | None = None,
) -> list[Fact]:
    """The dates in a text; ``words``, its lower-cased words, spare a scan for month ranges
    where fewer than two months are named."""
    facts: list[Fact] = []
    if not (_DIGIT_RE.search(text) or _DATEWORD_RE.search(text)):
        return facts
    for m in _date_matches(text):
        start, end = m.span()
        if _overlaps(start, end, taken):
            continue
        if m.lastgroup == _BARE_YEAR and _bare_year_counts(text, start, end, language):
            continue
        if m.lastgroup == _OLD_YEAR and _old_year_counts(text, start, end, language):
            continue
        groups = {short: m.group(name) for name, short in _DATE_GROUPS[m.lastgroup]}
        after_prefix = _PREFIX_RE.match(text, start, end).end()
        if _names_no_month(text, groups, start, after_prefix, end):
            continue
        parts = _resolve_date(groups, anchor, prefixed=after_prefix > start)
        if parts is None:
            continue
        if (
            anchor is not None
            and len(parts) > 1
            and (parts[0], parts[1]) > (anchor.year, anchor.month)
            and _month_of_nearest_year(groups)
            and not _POINTS_AHEAD_RE.search(text, max(0, start - 12), after_prefix)
            and _told_in_past_tense(text, start, language)
        ):
            parts = (parts[0] - 1, *parts[1:])  # "wurde im Mai geschlossen": the May gone by
        taken.append((start, end))
        start = after_prefix  # "on June 21": keep "June 21"
        surface = text[start:end]
        second = groups.get("second")
        if second and len(parts) == 1 and int(second) == (parts[0] + 1) % 100:
            facts.append(Fact("date", str(parts[0] + 1), surface, start, end))  # "2023/24"
        facts += _date_depths(parts, surface, start, end)
    if facts:
        facts += _day_range_ends(text, facts, taken)
    if words is None or len(_MONTH_WORDS.intersection(words)) > 1:
        facts += _month_range_ends(text, anchor, facts, taken)
    return facts


_NAME_AFTER_MAY_RE = re.compile(r"['’]s\b|\s+[A-Z][a-z]")


def _names_no_month(
    text: str, groups: dict[str, str | None], start: int, after_prefix: int, end: int
) -> bool:
    """A month word alone that names something else: "Mar-a-Lago"; after "from" or "vom" a
    three-letter one ("a letter from May's office", "a message from Jan Egeland"; a range
    "from May to July" is read by _month_range_ends)."""
    month = groups.get("month")
    if not month or groups.get("day") or groups.get("year"):
        return False
    if text[end : end + 1] == "-":
        return True
    prefix = text[start:after_prefix].strip().lower()
    if prefix not in ("from", "vom"):
        return False
    word = month.rstrip(".").lower()
    if word == "may":  # "from May's office", "from May Jones"; but "from May."
        return bool(_NAME_AFTER_MAY_RE.match(text, end))
    return len(word) <= 3


def _date_depths(parts: tuple[int, ...], surface: str, start: int, end: int) -> list[Fact]:
    """A date's facts, deepest first: "2024-03-05", "2024-03", "2024"."""
    return [
        Fact(
            "date",
            "-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(parts[:depth])),
            surface,
            start,
            end,
        )
        for depth in range(len(parts), 0, -1)
    ]


# Ranges whose one end names no month or year of its own: "vom 3. bis 5. März", "3 to 5
# March", "March 3-5", "Januar bis März 2024", "from January to March". The end that is
# read as a date lends its month and year to the other.
_DATE_RANGE_JOIN = r"\s*(?:[-–]|bis(?:\s+zum)?|und(?:\s+dem)?|to|and|through|until)\s*"
# what a join ends or starts with: a cheap test before the patterns above
_DAY_RANGE_JOIN_ENDS = ("-", "–", "bis", "zum", "und", "dem", "to", "and", "through", "until")
_DAY_RANGE_JOIN_STARTS = ("-", "–", "to", "through", "until", "bis")
_MONTH_WORDS = _words(
    """januar january jänner februar february märz maerz march april mai may juni june juli july
    august september oktober october november dezember december jan feb mar apr jun jul aug sep
    sept okt oct nov dez dec"""
)
_MONTH_NAME = _MONTH.replace("(?P<month>", "(?:")
_DAY_BEFORE_RE = re.compile(
    rf"(?<![\d.,])(?P<day>\d{{1,2}})(?:\.|st|nd|rd|th)?{_DATE_RANGE_JOIN}$", re.IGNORECASE
)
_DAY_AFTER_RE = re.compile(
    r"(?:[-–]|\s*(?:to|through|until|bis)\s+)(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![.,:]?\d|\s*%)",
    re.IGNORECASE,
)
_MONTH_RANGE_RE = re.compile(
    rf"\b(?P<first>{_MONTH_NAME}){_DATE_RANGE_JOIN}(?P<second>{_MONTH_NAME})(?!\w)", re.IGNORECASE
)


def _day_range_ends(text: str, facts: list[Fact], taken: list[tuple[int, int]]) -> list[Fact]:
    """The days of day ranges that only the other end dates ("vom 3. bis 5. März")."""
    found: list[Fact] = []
    for fact in [f for f in facts if f.value.count("-") == 2]:
        year, month, day = map(int, fact.value.split("-"))
        if fact.surface[:1].isdigit():  # "5. März": a first day may come before it
            joined = text[max(0, fact.start - 9) : fact.start].rstrip().lower()
            if not joined.endswith(_DAY_RANGE_JOIN_ENDS):
                continue
            before = _DAY_BEFORE_RE.search(text, max(0, fact.start - 25), fact.start)
            first = int(before["day"]) if before else 0
            if before and 1 <= first < day and not _overlaps(*before.span("day"), taken):
                start, end = before.span("day")
                found += _date_depths((year, month, first), text[start:end], start, end)
                taken.append((start, end))
        elif fact.surface[-1:].isalnum():  # "March 3": a last day may come after it
            joined = text[fact.end : fact.end + 9].lstrip().lower()
            if not joined.startswith(_DAY_RANGE_JOIN_STARTS):
                continue
            after = _DAY_AFTER_RE.match(text, fact.end, fact.end + 20)
            last = int(after["day"]) if after else 0
            if (
                after
                and day < last <= calendar.monthrange(year, month)[1]
                and not _overlaps(*after.span(), taken)
                and not _UNIT_AFTER_RE.match(text, after.end(), after.end() + 30)
            ):
                start, end = after.span("day")
                found += _date_depths((year, month, last), text[start:end], start, end)
                taken.append((start, end))
    return found


def _month_range_ends(
    text: str, anchor: date | None, facts: list[Fact], taken: list[tuple[int, int]]
) -> list[Fact]:
    """The months of month ranges that only the other end dates ("Januar bis März 2024")."""
    found: list[Fact] = []
    for m in _MONTH_RANGE_RE.finditer(text):
        if not (text[m.start("first")].isupper() and text[m.start("second")].isupper()):
            continue  # "may", "march" as verbs
        first = month_of(m["first"])
        if first is None:
            continue
        dated = _month_dates(facts, *m.span("second"))
        first_dated = _month_dates(facts, *m.span("first"))
        second = month_of(m["second"])
        joined = text[m.end("first") : m.start("second")].strip().lower()
        listed = joined in ("and", "und")
        if dated is None:
            if first_dated is not None and second is not None and listed:
                # "in July and August": the second month follows the first, dated by its prefix
                year = first_dated[0] if second >= first_dated[1] else first_dated[0] + 1
                parts: tuple[int, ...] | None = (year, second)
            elif listed and not _RANGE_OPENING_RE.search(text, max(0, m.start() - 12), m.start()):
                # two months named with no date read: a range only when it says so ("Theresa
                # May and June ...", "January and February are the coldest months" are none)
                continue
            else:
                parts = _resolve_date({"month": m["second"]}, anchor, prefixed=True)
            if parts is None or _overlaps(*m.span("second"), taken):
                continue
            found += _date_depths(parts[:2], m["second"], *m.span("second"))
            taken.append(m.span("second"))
            if first_dated is not None and listed:
                continue  # the first end keeps the date its prefix gave it
            dated = parts[:2]
        own = [f for f in facts if f.start < m.end("first") and m.start("first") < f.end]
        if any(_YEAR_DIGITS_RE.search(f.surface) for f in own):
            continue  # "Dezember 2023 bis März 2024": each end has its year
        for fact in own:  # "from January": dated from the article, not from "to March 2024"
            facts.remove(fact)
        year = dated[0] if first <= dated[1] else dated[0] - 1  # "November bis Februar 2024"
        start, end = (own[0].start, own[0].end) if own else m.span("first")
        found += _date_depths((year, first), text[start:end], start, end)
        if not own:
            taken.append((start, end))
    return found


_RANGE_OPENING_RE = re.compile(
    r"(?:\b(?:between|zwischen|from|von|vom|of|in|im)\s+|,\s*)$", re.IGNORECASE
)
_YEAR_DIGITS_RE = re.compile(r"\d{4}")


def _month_dates(facts: list[Fact], start: int, end: int) -> tuple[int, int] | None:
    """The year and month of the date read at this span, if one with a month was."""
    for fact in facts:
        if fact.start < end and start < fact.end and fact.value.count("-") >= 1:
            year, month = fact.value.split("-")[:2]
            return int(year), int(month)
    return None


# The words a date can start with (what _DATE_START looks ahead for), for a cheap check per
# word before the full pattern is tried there: the same matches as _DATE_RE.finditer, at a
# fraction of the cost (the lookahead's 40 alternatives ran at every word boundary).
_DATE_START_WORDS = _words("im in on am das dem a one two three vor")
_DATE_START_PREFIXES = tuple(
    _words(
        """jan feb mar mär apr mai may jun jul aug sep okt oct nov dez dec seit since bis until
    ende anfang mitte early late mid vom from vergangen letzt vorig last previous dies this laufend
    current nächst kommend next coming vor one two three"""
    )
)
_DATE_START_HEADS = frozenset(prefix[:3] for prefix in _DATE_START_PREFIXES)
_TOKEN_RE = re.compile(r"\w+")
# The same test for all words at once, on the lower-cased text: a word that starts with a
# digit, is one of the start words or begins with one of the prefixes.
_DATE_CANDIDATE_RE = re.compile(
    r"(?<!\w)(?:\d|(?P<word>"
    + "|".join(sorted(_DATE_START_WORDS, key=len, reverse=True))
    + r")(?!\w)|"
    + "|".join(sorted(_DATE_START_PREFIXES))
    + ")"
)


# Which candidates can open a date, on the lower-cased text: the pattern tried there costs
# more than this test. Numbers: a day (one or two digits), a year or an ISO date (from 19 or
# 20 on), "3 years ago"; not "429" in "$429.1bn". "a", "one", "two", "three": only before
# "year(s) ago". Words that can only be a date's prefix ("in", "since", "das"): only before
# what follows a prefix, a day, a month or a relative word ("last", "Vorjahr"). Other words
# (months, relative words, "vor", longer words that begin with a prefix): always.
_DATE_PREFIX_WORDS = (
    "im|in|on|am|das|dem|seit|since|bis|until|ende|anfang|mitte|early|late|mid|vom|from"
)
_DATE_AFTER_PREFIX = (
    r"(?:\s+|-)(?:\d|jan|jän|feb|mär|mae|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec"
    r"|vergangen|letzt|vorig|last|previous|dies|this|laufend|current|nächst|kommend|next|coming"
    r"|vormonat|vorjahr)"
)
_DATE_MAY_OPEN_RE = re.compile(
    r"\d{1,2}(?!\d)|19|20|1[0-8]\d\d(?!\d)|\d+\s+(?:year|month)"
    r"|(?:three|two|one|a)\s+(?:year|month)"
    rf"|(?:{_DATE_PREFIX_WORDS}){_DATE_AFTER_PREFIX}"
    rf"|(?!(?:{_DATE_PREFIX_WORDS}|three|two|one|a)(?!\w))\D"
)


def _date_matches(text: str) -> Iterator[re.Match[str]]:
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lower-cases to two characters: offsets would drift
        yield from _date_matches_by_word(text)
        return
    # "ı" and "ſ" match "i" and "s" under IGNORECASE but not in the lower-cased text: the
    # test of what follows a candidate would miss them, so try the pattern everywhere
    may_open = None if _CASE_ODDITIES_RE.search(text) else _DATE_MAY_OPEN_RE.match
    resume = 0
    for candidate in _DATE_CANDIDATE_RE.finditer(lowered):
        start = candidate.start()
        if start < resume or (may_open and may_open(lowered, start) is None):
            continue
        if lowered[start].isdigit():
            pattern = _DATE_AT_DIGIT_RE
        else:
            pattern = _DATE_AT_START_WORD.get(candidate.group("word"), _DATE_AT_WORD_RE)
        m = pattern.match(text, start)
        if m is not None:
            resume = m.end()
            yield m


def _date_matches_by_word(text: str) -> Iterator[re.Match[str]]:
    resume = 0
    for token in _TOKEN_RE.finditer(text):
        start = token.start()
        if start < resume:
            continue
        word = token.group(0)
        if not word[0].isdigit():
            lowered = word.lower()
            if lowered not in _DATE_START_WORDS and (
                lowered[:3] not in _DATE_START_HEADS or not lowered.startswith(_DATE_START_PREFIXES)
            ):
                continue
        m = _DATE_RE.match(text, start)
        if m is not None:
            resume = m.end()
            yield m


def _resolve_date(
    groups: dict[str, str | None], anchor: date | None, *, prefixed: bool = False
) -> tuple[int, ...] | None:
    month_word = (groups.get("month") or "").lower().rstrip(".")
    month = month_of(month_word) if month_word else None
    if groups.get("mnum"):
        month = int(groups["mnum"])
        if not 1 <= month <= 12:
            return None
    day = int(groups["day"]) if groups.get("day") else None
    if day is not None and not 1 <= day <= 31:
        return None
    rel = (groups.get("rel") or "").lower()
    if groups.get("second"):  # "2024-03" is March; a season is told apart in _date_facts
        second = int(groups["second"])
        is_month = groups.get("sep") == "-" and 1 <= second <= 12
        if is_month and second != (int(groups["year"]) + 1) % 100:
            return (int(groups["year"]), second)
        return (int(groups["year"]),)
    if groups.get("yy"):  # the century that puts it nearest the article ("9.11.89": 1989)
        reference = anchor.year if anchor else 2000
        year = min(
            (c + int(groups["yy"]) for c in (1900, 2000, 2100)), key=lambda y: abs(y - reference)
        )
    elif groups.get("year"):
        year = int(groups["year"])
    elif anchor is None:
        return None
    elif groups.get("yrel") or groups.get("prevyear"):  # the relative word is the year's
        year = anchor.year + (_year_step(groups["yrel"]) if groups.get("yrel") else -1)
    elif groups.get("ago"):
        n = groups.get("n") or groups.get("n2") or ""
        count = int(n) if n.isdecimal() else _SMALL_NUMBERS.get(n.lower())
        if count is None or count > 200:  # "vor 10⁶ Jahren", "vor 3000 Jahren": no date
            return None
        if groups.get("months") or groups.get("months2"):  # "vor drei Monaten"
            months = anchor.year * 12 + anchor.month - 1 - count
            return (months // 12, months % 12 + 1)
        return (anchor.year - count,)
    elif groups.get("mrel") or groups.get("prev_month"):
        step = _month_step(groups.get("mrel") or "")
        months = anchor.year * 12 + anchor.month - 1 + step
        return (months // 12, months % 12 + 1)
    elif rel:
        past = bool(re.match(_PAST + "|vorjahr|letztes|vergangenes|voriges", rel))
        future = bool(re.match(_NEXT + "|nächstes", rel))
        if month and not groups.get("day") and "jahr" not in rel:
            # "last March" / "im vergangenen März": the most recent March before the anchor
            year = anchor.year - 1 if past and month >= anchor.month else anchor.year
            year = anchor.year + 1 if future and month <= anchor.month else year
        else:
            year = anchor.year - 1 if past else anchor.year + 1 if future else anchor.year
    elif month:
        year = _nearest_year(month, anchor)
    else:
        year = anchor.year
    if month is None:
        return (year,)
    # "in May", "in May last year" are dates; "prices may this year rise" is not
    named_after_prefix = prefixed and (groups.get("month") or "")[:1].isupper()
    led_relative_year = groups.get("lead") and (groups.get("yrel") or groups.get("prevyear"))
    if month_word in ("may", "mar") and not (
        day or groups.get("year") or rel or led_relative_year or named_after_prefix
    ):
        return None  # the English verb "may", the abbreviation "mar"
    if day:
        try:
            date(year, month, day)
        except ValueError:  # "am 31.02."
            return None
        return (year, month, day)
    return (year, month)


def _year_step(rel: str) -> int:
    """-1 for "vergangenen Jahres" and "last year", 0 for "this year", 1 for "next year"."""
    if re.match(_PAST, rel, re.IGNORECASE):
        return -1
    return 1 if re.match(_NEXT, rel, re.IGNORECASE) else 0


def _month_step(rel: str) -> int:
    """-1 for "last month" and "im Vormonat", 0 for "this month", 1 for "next month"."""
    if not rel or re.match(_PAST, rel, re.IGNORECASE):
        return -1
    return 1 if re.match(_NEXT, rel, re.IGNORECASE) else 0


def _month_of_nearest_year(groups: dict[str, str | None]) -> bool:
    """Whether the date is a month (and day) whose year _nearest_year chose."""
    if not (groups.get("month") or groups.get("mnum")) or groups.get("year"):
        return False
    relative = ("rel", "yrel", "prevyear", "mrel", "prev_month", "ago", "yy")
    return not any(groups.get(name) for name in relative)


# What says a sentence tells of the past or of what is to come. Future first: "He said in May
# he would go" is a May to come. Past: the auxiliaries, English "-ed" forms and German
# participles ("geschlossen", "angekündigt", "festgenommen").
_FUTURE_CUE_RE = {
    "en": re.compile(
        r"\b(?:will|would|shall|going\s+to|plans?|planned|expected|scheduled|due|set\s+to"
        r"|next|upcoming|coming)\b",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\b(?:wird|werden|soll|sollen|will|wollen|plant|planen|geplant|voraussichtlich"
        r"|kommend\w*|nächst\w*|bevorstehend\w*|künftig\w*)\b",
        re.IGNORECASE,
    ),
}
# English "-ed" forms, but not adjectives and nouns that end so ("hundred", "so-called",
# "Frankfurt-based"); German participles and the weak past ("senkte", "meldete") and the
# strong past of verbs news copy uses most ("stieg", "sank", "fiel"), not adjectives in -te
_NOT_PAST_ED = "hundred|based|called|need|indeed|speed|feed|seed|bed|red|shed|united|limited"
_NOT_PAST_TE = (
    "erste|letzte|beste|meiste|nächste|zweite|dritte|vierte|fünfte|sechste|siebte|achte"
    "|neunte|zehnte|weite|breite|harte|feste|leichte|rechte|konkrete|gesamte|absolute"
)
_STRONG_PAST_DE = (
    "stieg|stiegen|sank|sanken|fiel|fielen|lag|lagen|gab|gaben|kam|kamen|nahm|nahmen|traf"
    "|trafen|schloss|schlossen|verlor|verloren|gewann|gewannen|begann|begannen|blieb|blieben"
    "|ging|gingen|stand|standen|hielt|hielten|fand|fanden|wies|zog|sprach|schrieb|entschied"
    "|starb|starben|brach|verließ|erhielt|betrug"
)
_PAST_CUE_RE = {
    "en": re.compile(rf"\b(?:was|were|had|did|(?!(?:{_NOT_PAST_ED})\b)[a-z]{{3,}}ed)\b"),
    "de": re.compile(
        rf"\b(?:wurden?|waren|war|hatten?|gewesen|worden|{_STRONG_PAST_DE}"
        r"|[a-zäöüß]*ge[a-zäöüß]{3,}(?:t|en)"
        rf"|(?!(?:{_NOT_PAST_TE})\b)[a-zäöüß]{{3,}}te[n]?)\b"
    ),
}
# "vertagt auf den 15. April", "adjourned until April 15": a date ahead, whatever the tense
_POINTS_AHEAD_RE = re.compile(
    r"\b(?:auf\s+den|bis(?:\s+zum)?|zum|ab(?:\s+dem)?|until|till|to|from|starting"
    r"|effective)\s+$",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"(?<!\d)[.!?](?=\s)")


def _told_in_past_tense(text: str, position: int, language: str) -> bool:
    """Whether the sentence around ``position`` is told in the past and not of the future."""
    starts = [m.end() for m in _SENTENCE_END_RE.finditer(text, max(0, position - 300), position)]
    start = starts[-1] if starts else max(0, position - 300)
    end_match = _SENTENCE_END_RE.search(text, position, position + 300)
    sentence = text[start : end_match.start() if end_match else position + 300]
    language = "de" if language == "de" else "en"
    future, past = _FUTURE_CUE_RE[language], _PAST_CUE_RE[language]
    return not future.search(sentence) and bool(past.search(sentence))


def _nearest_year(month: int, anchor: date) -> int:
    """The year of the named month closest to the article date: "im Dezember" in a January
    article is last December, in a September article the coming one."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    return min(years, key=lambda y: abs((y - anchor.year) * 12 + month - anchor.month))


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    # a plain loop: any() over a generator costs twice as much for the few spans there are
    for s, e in spans:  # noqa: SIM110
        if start < e and s < end:
            return True
    return False


# --- facts: names -----------------------------------------------------------------------

# A capital not after a word character or a dot, then more of the word or nothing if the
# capital is A-Z, then more capitalised words. The capital comes first and the look-behind
# after it ("(?<![\w.])" before it, but the same test) so that the engine skips in C to the
# next capital instead of trying the look-behind at every position.
_CAPITALISED_RE = re.compile(
    r"[A-ZÄÖÜ](?<![\w.].)(?:[\w&'’.-]*[\w]|(?<=[A-Z]))(?:\s+(?:[A-ZÄÖÜ][\w&'’.-]*\w))*"
)
_RUN_WORD_RE = re.compile(r"\S+")
_GERMAN_NOUN_ENDINGS = (
    "ung",
    "heit",
    "keit",
    "schaft",
    "tion",
    "taet",
    "nis",
    "chen",
    "ment",
    "ismus",
    "er",
    "en",
    "ie",
    "ik",
    "tur",
    "ei",
    "ag",
    "akt",
    "kt",
    "rag",
    "ebot",
    "amt",
    "and",
    "lung",
)


@lru_cache(maxsize=256)
def _alias_table(
    extra: tuple[tuple[str, str], ...],
) -> tuple[dict[str, str], re.Pattern[str], frozenset[str] | None, bool]:
    """Folded alias -> canonical name, a pattern finding any alias in surface text, the
    words an alias can start with (see ``_alias_heads``) and whether those are all plain
    words (see ``_no_alias_head``)."""
    table = DEFAULT_ALIASES | {fold(k): fold(v) for k, v in extra}
    surfaces = set(table) | {k for k, _ in extra}
    for key in list(table):  # "europaeische union" is also written "europäische union"
        surfaces.add(key.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü"))
    ordered = sorted(surfaces, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in ordered) + r")(?![\w-])", re.IGNORECASE
    )
    heads = _alias_heads(pattern)
    plain_heads = heads is not None and all(
        head.isalpha() and "σ" not in head and "ς" not in head for head in heads
    )
    return table, pattern, heads, plain_heads


def _alias_matches(
    text: str, pattern: re.Pattern[str], heads: frozenset[str] | None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying the alias alternation only at words that begin some
    alias (one set lookup per word instead of the whole alternation at every position)."""
    if heads is None:  # an alias that starts with a sign: no shortcut
        yield from pattern.finditer(text)
        return
    if not heads:  # normalise found no word that begins an alias
        return
    if heads.isdisjoint(map(str.lower, _TOKEN_RE.findall(text))):
        return  # most passages name no alias: one pass in C instead of a loop over words
    by_head = _patterns_by_head(pattern)
    resume = 0
    for token in _TOKEN_RE.finditer(text):
        start = token.start()
        if start < resume or (head := token.group(0).lower()) not in heads:
            continue
        m = by_head[head].match(text, start)
        if m is not None:
            resume = m.end()
            yield m


_SEPARATORS_IN_WORDS = ".'’"
_SEPARATORS_RE = re.compile("[ .'’]")


def _no_alias_head(
    lowered_words: list[str], text: str, lowered: str, heads: frozenset[str]
) -> bool:
    """True when no word of ``text`` is one of ``heads`` (lower-cased words of letters, none
    with a Greek sigma), told from the text's lower-cased ``WORD_RE`` words without another
    pass over it. Those words are its runs of letters, joined by "." and apostrophes; a word
    of ``text`` that lower-cases to a head is such a run. That holds where every character
    lower-cases to one ("İ" does not) and no word's lower case depends on the next (only the
    final sigma does)."""
    if len(lowered) != len(text):
        return False
    joined = " ".join(lowered_words)
    if any(separator in joined for separator in _SEPARATORS_IN_WORDS):
        return heads.isdisjoint(_SEPARATORS_RE.split(joined))
    return heads.isdisjoint(lowered_words)


class _HeadPatterns(dict[str, re.Pattern[str]]):
    """Head word -> a pattern of only the aliases that start with it, compiled when first
    needed: tried at a head, it finds what the whole alternation would, in a fraction of
    the time."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        super().__init__()
        self.alternatives: dict[str, list[str]] = {}
        for alternative in _alias_alternatives(pattern):
            first = re.match(r"\w+", re.sub(r"\\(.)", r"\1", alternative))
            if first is not None:
                self.alternatives.setdefault(first.group(0).lower(), []).append(alternative)

    def __missing__(self, head: str) -> re.Pattern[str]:
        compiled = self[head] = re.compile(
            r"(?<![\w-])(?:" + "|".join(self.alternatives[head]) + r")(?![\w-])", re.IGNORECASE
        )
        return compiled


# id of an alias pattern -> (the pattern, kept so that its id is not reused; its patterns
# by head). Not an lru_cache: a pattern's hash reads all of its compiled code every time.
_HEAD_PATTERNS: dict[int, tuple[re.Pattern[str], _HeadPatterns]] = {}


def _patterns_by_head(pattern: re.Pattern[str]) -> _HeadPatterns:
    known = _HEAD_PATTERNS.get(id(pattern))
    if known is None:
        if len(_HEAD_PATTERNS) >= 256:
            _HEAD_PATTERNS.clear()
        known = _HEAD_PATTERNS[id(pattern)] = (pattern, _HeadPatterns(pattern))
    return known[1]


def _alias_alternatives(pattern: re.Pattern[str]) -> list[str]:
    """The escaped aliases of an alias pattern, longest first as it tries them."""
    body = pattern.pattern[pattern.pattern.index("(?:") + 3 : pattern.pattern.rindex(")(?!")]
    return body.split("|")


def _alias_heads(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The lower-cased first word of every alias: an alias starts where such a word does."""
    body = pattern.pattern[pattern.pattern.index("(?:") + 3 : pattern.pattern.rindex(")(?!")]
    heads = set()
    for alternative in body.split("|"):
        plain = re.sub(r"\\(.)", r"\1", alternative)
        first = re.match(r"\w+", plain)
        if first is None:  # an alias that starts with a sign: try it at every word
            return None
        heads.add(first.group(0).lower())
    return frozenset(heads)


def _name_facts(
    text: str,
    language: str,
    aliases: dict[str, str],
    pattern: re.Pattern[str],
    heads: frozenset[str] | None,
    taken: list[tuple[int, int]],
) -> list[Fact]:
    facts: list[Fact] = []
    for m in _alias_matches(text, pattern, heads):
        surface = m.group(0)
        key = fold(surface)
        if key in ("us", "who", "un") and not surface.isupper():
            continue  # the English words "us", "who", the French "un"
        if key in _CAPITALISED_ALIASES and not surface[0].isupper():
            continue  # "Rom" and "Wiener" name places, "rom" and "wiener" not
        canonical = aliases.get(key)
        if canonical:
            facts.append(Fact("name", canonical, surface, m.start(), m.end()))
            taken.append(m.span())
    possessives = "'s" in text or "’s" in text
    for m in _CAPITALISED_RE.finditer(text):
        run_start, run_end = m.span()
        run = m.group(0)
        if _overlaps(run_start, run_end, taken):
            if len(run.split(None, 1)) > 1:  # a run of one word that was read is no name
                for piece_start, piece in _run_pieces(run, run_start, taken):
                    _add_run_name(facts, piece, piece_start, text, language, aliases)
            continue
        if possessives and ("'s" in run or "’s" in run):
            for piece_start, piece in _run_pieces(run, run_start, taken):
                _add_run_name(facts, piece, piece_start, text, language, aliases)
            continue
        _add_run_name(facts, run, run_start, text, language, aliases)
    return facts


def _add_run_name(
    facts: list[Fact], run: str, run_start: int, text: str, language: str, aliases: dict[str, str]
) -> None:
    """The name in one piece of a capitalised run, if any, added to ``facts``."""
    name = _name_in_run(run, language)
    if name is None:
        return
    start, end = run_start + name.start, run_start + name.end
    if name.single_word and not _looks_like_name(name.joined, text, start, language):
        return
    value = aliases.get(name.joined, name.folded)
    facts.append(Fact("name", value, text[start:end], start, end))


def _run_pieces(run: str, run_start: int, taken: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """The parts of a capitalised run that are names of their own: the run cut around the
    spans already read (an alias, a date: "the EU's Copernicus Climate Change Service",
    "Region Valencia Ende Oktober 2024") and after a possessive, whose 's is left out
    ("Japan's Prime Minister Shigeru Ishiba")."""
    pieces: list[tuple[int, str]] = []
    piece_start = piece_end = -1
    for word in _RUN_WORD_RE.finditer(run):
        start, end = run_start + word.start(), run_start + word.end()
        if _overlaps(start, end, taken):
            if piece_start >= 0:
                pieces.append((piece_start, run[piece_start - run_start : piece_end - run_start]))
            piece_start = -1
            continue
        if piece_start < 0:
            piece_start = start
        possessive = word.group(0).endswith(("'s", "’s"))
        piece_end = end - 2 if possessive else end
        if possessive:
            if piece_end > piece_start:
                pieces.append((piece_start, run[piece_start - run_start : piece_end - run_start]))
            piece_start = -1
    if piece_start >= 0:
        pieces.append((piece_start, run[piece_start - run_start : piece_end - run_start]))
    return pieces


class _RunName(NamedTuple):
    """The name in a capitalised run: offsets into the run, its words joined by one space
    ("Elon\\nMusk" is the name "elon musk") and that folded."""

    start: int
    end: int
    joined: str
    folded: str
    single_word: bool


@lru_cache(maxsize=65_536)
def _name_in_run(run: str, language: str) -> _RunName | None:
    """The run without its leading function words and, in German, leading nouns; cached
    because the same runs ("The", "Reuters", "Mark Zuckerberg") recur from passage to passage."""
    spans = [(w.start(), w.end()) for w in _RUN_WORD_RE.finditer(run)]
    # drop function words that only carry sentence-initial capitals
    while spans and fold(run[slice(*spans[0])]) in _STOPWORDS:
        spans = spans[1:]
    # a German run often opens with a noun: "Gewerkschaft Verdi", "Autozulieferer Brückner"
    while language == "de" and len(spans) > 1 and _leading_noun(run, spans):
        spans = spans[1:]
    if not spans:
        return None
    joined = " ".join(run[s:e] for s, e in spans)
    return _RunName(spans[0][0], spans[-1][1], joined, fold(joined), len(spans) == 1)


def _leading_noun(run: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the run's first word is a German noun before the name: vocabulary, or a noun
    by its ending unless the words after it are foreign ("Samsung Electronics" is a name)."""
    word = run[slice(*spans[0])]
    if not _looks_like_common_noun(word, True):
        return False
    return _is_vocabulary(word) or not any(_BORROWED_RE.search(run[s:e]) for s, e in spans[1:])


def _is_vocabulary(word: str) -> bool:
    """A German word of the lexicon, or a compound ending in one ("Autozulieferer")."""
    folded = fold(word).rsplit("-", 1)[-1]
    stemmed = stem(folded, "de")
    return stemmed in LEXICON or (len(folded) >= 8 and _is_compound(stemmed))


_GERMAN_ARTICLES = _words(
    """
    der die das den dem des ein eine einem einen einer eines zum zur im am vom beim
    """
)


# Names recur from passage to passage: their folded form is looked up, not computed again.
_fold_name = lru_cache(maxsize=65_536)(fold)


def _looks_like_name(word: str, text: str, start: int, language: str) -> bool:
    if word.isupper() and len(word) >= 2:
        return True  # acronyms
    previous_end = _end_before_spaces(text, start)
    if previous_end == 0 or text[previous_end - 1] in _SENTENCE_MARKS:
        return _name_at_sentence_start(word, text, start, language)
    if language != "de":
        return True
    if _looks_like_common_noun(word):
        return False
    previous = text[_start_of_word(text, previous_end) : previous_end]
    if previous.lower() in _GERMAN_ARTICLES:
        # "den Tisch", "im Zuge": nouns; "die Commerzbank", "die AfD", "Verdi": borrowed names
        return bool(_BORROWED_RE.search(word)) and fold(word) not in _GERMAN_VOWEL_NOUNS
    return True


_SENTENCE_MARKS = '.!?:"„“«»–'
# Words that open sentences, with or without an 's, and name no one: calendar words and
# words of persons in general ("Today's", "Let's", "Everyone's"), titles ("Dr.", "Sgt.").
_NO_NAMES = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch
    donnerstag freitag samstag sonntag january february march april may june july august
    september october november december januar februar maerz mai juni juli oktober dezember
    today yesterday tomorrow tonight heute gestern morgen let everyone everybody someone
    somebody anyone anybody nobody one mr mrs ms dr prof sgt capt lt col gen gov rep sen st
    """
)
# Word shapes neither German nor English words have: a capital inside the word ("BioNTech",
# "McDonald"), a letter outside both alphabets ("Nestlé", "Škoda"), a "y" between a first
# consonant and a vowel ("Ryanair", "Hyundai", "Kyodo").
_FOREIGN_SHAPE_RE = re.compile(r"[a-zäöüß][A-ZÄÖÜ]|^[^AEIOUÄÖÜaeiouäöü]y[aeiou]")
_VOWELS = frozenset("aeiouyäöü")
# Two consonants that can open an English or German word; others ("Nvidia", "Vladimir",
# "Khan", "Zhang", "Mbappé") open a foreign name.
_ONSETS = _words(
    """
    bl br ch cl cr dr dw fl fr gh gl gn gr kl kn kr ph pl pn pr ps pf qu rh sc sh sk sl sm sn
    sp sq st sw th tr ts tw wh wr zw
    """
)


def _name_at_sentence_start(word: str, text: str, start: int, language: str) -> bool:
    """Whether a single capitalised word that opens a sentence is a name ("Nvidia became",
    "Nestlé hat"), not a word capitalised for its place ("Prices rose", "Unternehmen
    melden"): no vocabulary of the lexicon, no calendar word, no German noun by its
    ending, and a name's mark: a foreign shape or a possessive ("Acme's"). (The same word
    capitalised inside a sentence of the text is a name there already.)"""
    shape = _initial_word_shape(word, language)
    if shape is not None:
        return shape
    return text.startswith(("'s", "’s"), start + len(word))


@lru_cache(maxsize=65_536)
def _initial_word_shape(word: str, language: str) -> bool | None:
    """What the word alone says of a sentence-initial word: False for vocabulary, True for
    a foreign shape, None when its text must tell."""
    folded = _fold_name(word)
    if (
        folded in _NO_NAMES
        or stem(folded, "de") in LEXICON
        or stem(folded, "en") in _ENGLISH_VOCABULARY
        or (language == "de" and _looks_like_common_noun(word))
    ):
        return False
    if (
        _FOREIGN_SHAPE_RE.search(word) is not None
        or any(c.isalpha() and not c.isascii() and c not in "äöüßÄÖÜ" for c in word)
        or (
            len(word) > 2
            and word[1].islower()  # "NGOs" is an acronym's plural
            and word[0].lower() not in _VOWELS
            and word[1] not in _VOWELS
            and word[:2].lower() not in _ONSETS
        )
    ):
        return True
    return None


def _end_before_spaces(text: str, end: int) -> int:
    """Where the whitespace before ``end`` begins: ``len(text[:end].rstrip())`` without
    copying the text before every name."""
    while end and text[end - 1].isspace():
        end -= 1
    return end


def _start_of_word(text: str, end: int) -> int:
    """Where the whitespace-separated word that ends at ``end`` begins."""
    start = end
    while start and not text[start - 1].isspace():
        start -= 1
    return start


# What a German common noun rarely has: a capital after a small letter ("AfD", not
# "KI-Sektor"), a "c" outside "ch"/"ck"/"sch",
# a final a, i, o or y.
_BORROWED_RE = re.compile(r"[a-zäöüß][A-ZÄÖÜ]|[cC](?![hk])|[aioy]$")
_GERMAN_VOWEL_NOUNS = _words(
    """
    thema konto foto video radio kino drama kamera villa taxi studio buero sofa oma opa mama
    papa baby hobby party handy pizza chance quote prozedere
    """
)
_STRONG_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "taet", "nis", "ismus", "chen")


def _looks_like_common_noun(word: str, strict: bool = False) -> bool:
    """A capitalised German word that is vocabulary: in the lexicon, a compound of a lexicon
    word ("Autozulieferer") or with a noun ending; ``strict`` leaves out endings that names
    share ("Dieter", "Brückner")."""
    folded = fold(word).rsplit("-", 1)[-1]  # "Tech-Geschichte": its last part decides
    stemmed = stem(folded, "de")
    endings = _STRONG_NOUN_ENDINGS if strict else _GERMAN_NOUN_ENDINGS
    return (
        stemmed in LEXICON
        or folded.endswith(endings)
        or (len(folded) >= 8 and _is_compound(stemmed))
    )


# --- the entry point --------------------------------------------------------------------


def normalise(
    text: str,
    *,
    language: str | None = None,
    anchor_date: date | None = None,
    aliases: dict[str, str] | None = None,
) -> NormalisedText:
    """Tokens and facts for one passage or claim.

    ``anchor_date`` resolves relative dates ("im vergangenen Jahr", "last March");
    ``aliases`` adds caller-specific names, e.g. ``{"Meta-Chef": "zuckerberg"}``.
    """
    lowered = text.lower()
    words = WORD_RE.findall(lowered)
    language = language or _language_of_words(words, text)
    alias_table, alias_pattern, alias_heads, plain_heads = _alias_table(
        tuple(sorted((aliases or {}).items()))
    )
    if plain_heads and _no_alias_head(words, text, lowered, alias_heads):
        alias_heads = frozenset()  # no alias can start anywhere: skip the search for one
    taken: list[tuple[int, int]] = []
    facts = _date_facts(text, anchor_date, taken, language, words)
    if _may_have_fractions(words):
        fractions = _fraction_facts(text, taken)
        facts += fractions
        taken += [(f.start, f.end) for f in fractions]
    facts += _number_facts(text, language, taken)
    taken += [(f.start, f.end) for f in facts if f.kind != "date"]
    if not SPELLED_NUMBER_WORDS.isdisjoint(words):
        spelled = _spelled_number_facts(text, language, taken)
        facts += spelled
        taken += [(f.start, f.end) for f in spelled]
    facts += _name_facts(text, language, alias_table, alias_pattern, alias_heads, taken)
    facts.sort(key=attrgetter("start", "kind"))
    cache = _WORD_TOKEN_CACHES.get(language)
    if cache is None:
        cache = _WORD_TOKEN_CACHES[language] = _WordTokenCache(language)
    tokens = list(chain.from_iterable(map(cache.__getitem__, words)))
    if language == "de" and "ums leben" in lowered:  # "kamen ums Leben": died
        tokens += _DIED
    for fact in facts:
        if fact.kind == "name" and _fold_name(fact.surface) != fact.value:
            for word in fact.value.split():
                tokens.extend(t for t in word_tokens(word, "en")[:1] if t not in tokens)
    return NormalisedText(tuple(tokens), tuple(facts), language)
