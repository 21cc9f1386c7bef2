"""Find who or what a claim rests on: outlets, documents, named speakers, anonymous sources.

Works sentence by sentence with grammar cues (German "laut X", "X zufolge", "nach Angaben",
"wie X berichtet", "stammt aus", "geht aus ... hervor", Konjunktiv I of modal and full verbs;
English "according to", "per a filing", "X said", "In the complaint, X says", "people
familiar with the matter", "Sources tell us", "wrote on X", quotes with a named speaker),
and carries sources across sentences where the text does ("Demnach", "Laut den Dokumenten",
"Die Information stammt aus ..." and "Eine Sprecherin bestätigte das" attributing the
sentence before it).

What kind of source each phrase names (outlet, person, organisation, document, ...) is
decided in `source_kinds.py`.

Rule for reasoning clauses ("verklagt er OpenAI mit der Begründung, das Unternehmen habe ..."):
the phrase "mit der Begründung" is reported speech of the sentence's subject (resolved through
pronouns to the last named person), kind "reported", source kind "person" or "organisation".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .names import ORGANISATION_WORD, NameIndex
from .sentences import quote_spans
from .source_kinds import (
    ANONYMOUS_NP,
    COURT,
    DOCUMENT_HEAD,
    DOCUMENT_NOUN,
    GENERIC_ORGANISATION,
    OFFICIAL,
    OFFICIAL_FIGURES,
    PRONOUN,
    SOCIAL,
    SPOKESPERSON,
    ArticleContext,
    attribution_kind,
    classify_source,
    clean_name,
    is_role_head,
    outlet_name,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class DetectedAttribution:
    phrase: str
    start: int
    end: int
    source_name: str
    source_kind: str
    kind: str
    speaker: str | None


_ANON_FIND = (
    re.compile(
        r"(?:[A-ZÄÖÜ][\w-]*\s+)?(?:Personen|Menschen|Quellen|Insider|Vertraute)\s+(?:aus\s+dem\s+"
        r"Umfeld\s+(?:des|der|von)\s+[\w-]+(?:\s+[A-ZÄÖÜ][\w-]*)?|aus\s+[\w-]*[Kk]reisen|"
        r"mit\s+Kenntnis\s+(?:der|des|von)\s+[\w-]+)"
    ),
    re.compile(
        r"(?:unter Berufung auf|[Aa]us|nach Informationen aus)\s+(?:[a-zäöü]+\s+)?[\w-]*[Kk]reisen?"
        r"\b(?:\s+hieß es)?"
    ),
    re.compile(
        r"[\w-]*Insider\w*\s+zufolge|(?:eine|zwei|drei|mehrere)?\s*[Mm]it\s+(?:der|den|dem)\s+"
        r"[\w-]+\s+vertraute\w*\s+Person\w*"
    ),
    re.compile(
        r"\b(?:(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ss]everal|[Mm]ultiple|[Ss]ome|[Aa])\s+)?"
        r"(?i:people|persons?|sources?|officials?|insiders?|executives?|employees?)\s+"
        r"(?:familiar with (?:the )?\w+|with (?:direct )?knowledge of (?:the )?\w+|"
        r"close to (?:the )?\w+|briefed on (?:the )?\w+)(?:\s+said)?"
    ),
    re.compile(r"\b(?:[Ss]ources|[Ii]nsiders) (?:said|say)\b"),
    # an unnamed official: "One Treasury official said", "a senior aide told"
    re.compile(
        r"\b(?:[Oo]ne|[Aa]n?|[Aa]nother)\s+(?:(?:senior|junior|former|government|[A-Z][\w-]+)\s+)"
        r"{0,2}(?:official|aide|insider|source|adviser|staffer)\s+(?:said|says|told)\b"
    ),
    re.compile(
        r"\b[Aa]us\s+dem\s+Umfeld\s+(?:des|der|von)\s+[\w-]+(?:\s+[A-ZÄÖÜ][\w-]*)?"
        r"(?:\s+(?:hieß|heißt)\s+es)?"
    ),
    re.compile(
        r"\b(?:[Ss]ources|[Ii]nsiders|[Pp]eople)\s+(?:tell|told)\s+(?:us|me)\b"
        r"|\b[Ww]e(?:'ve|’ve| have)\s+learned\b|\b[Ww]e understand\b|\bhas learned\b"
        r"|\b[Ww]ie\s+(?:die|unsere|der)\s+(?:Redaktion|Zeitung)\s+erfuhr\b"
        r"|\berfuhr\s+(?:die|unsere)\s+(?:Redaktion|Zeitung)\b"
    ),
    re.compile(
        r"\b(?:[Mm]any|[Ss]ome|[Ss]everal)\s+(?:customers|users|employees|residents|people|"
        r"workers)\s+(?:say|said)\b"
    ),
)
_FINDINGS = re.compile(
    r"\b(?:[Tt]he\s+)?(?:authors|researchers|scientists|study|studies|survey|analysis|review|"
    r"paper|preprint)\s+(?:found|finds|concluded|concludes|estimated|estimates|suggests|"
    r"suggested|wrote|write|writes|reported|report|noted|note)\b"
    r"|\b(?:[Dd]ie\s+)?(?:Autoren|Autorinnen|Forscher|Forschenden|Wissenschaftler|Studie|"
    r"Untersuchung|Analyse)\s+(?:fanden|fand|kam|kommt|kamen|ergab|ergibt|schätzt|schätzen)\b"
)
_DE_CONNECT = _words(
    "der die das des dem den ein eine einer eines einem einen von vom für aus in im am zur zum "
    "und an auf beim"
)
_EN_STOP = _words(
    "that which who whom whose said says say is was were are has have had will would shows "
    "show but while as because after before when if to told wrote posted"
)
_DE_SPEECH = tuple(
    _words(
        "sagte sagt sagten erklärte erklärt erklärten betonte betont bestätigte bestätigt "
        "bestätigten berichtete berichtet berichteten meldete meldet schrieb schreibt warnte "
        "kritisierte versicherte versichert behauptete behauptet argumentierte ergänzte teilte "
        "nannte nennt hieß "
        "teilt teilten kündigte kündigt kündigten räumte erläuterte erläutert schilderte "
        "schildert bekräftigte unterstrich wies kritisiert mitgeteilt gab gibt gaben"
    )
)
_EN_SPEECH = tuple(
    _words(
        "said says say told tells stated added confirmed confirms announced acknowledged admitted "
        "wrote writes posted replied denied argued argues claimed claims alleged alleges reported "
        "noted explained insisted warned testified shows show showed revealed"
    )
)
_EN_DETERMINERS = _words("the a an its their his her this that these those one two three four some")
_DOC_VERBS = _words("shows show showed revealed")
_PARTICLE = {"teilte": "mit", "teilt": "mit", "teilten": "mit", "kündigte": "an",
             "kündigt": "an", "kündigten": "an", "räumte": "ein", "wies": "zurück",
             "gab": "bekannt", "gibt": "bekannt", "gaben": "bekannt"}  # fmt: skip
_SPEECH_RE = {
    "de": re.compile(r"\b(" + "|".join(_DE_SPEECH) + r")\b"),
    "en": re.compile(r"\b(" + "|".join(_EN_SPEECH) + r")\b"),
}
# "Sam Altman pushed back on X", "Die Ministerin kritisierte auf LinkedIn"
_SOCIAL_VERB = re.compile(
    r"\b[a-zäöüß]+(?:ed|s|te|t)?(?:\s+(?:back|out|up))?\s+(?:on|auf)\s+(?:X|Twitter|Threads|"
    r"Mastodon|Facebook|LinkedIn|Bluesky|Instagram|TikTok|Truth Social)\b"
)
# "In a press release, X said" / "In the complaint, X says": the document is the source.
_LEAD_DOCUMENT = re.compile(
    r"^(?:In|Im|In der|In dem)\s+(?:(?:a|an|the|its|his|her|their|einer|einem|seiner|ihrer|"
    r"seinem|ihrem)\s+)?([^,]{1,50}),\s+"
)
_REPORT_TO_COURT = re.compile(
    r"\bin\s+(?:seinem|ihrem|einem|dem|seiner|ihrer|einer)\s+(?:Bericht|Gutachten|Schreiben|"
    r"Schriftsatz|Antrag|Stellungnahme)\s+an\s+(?:das|den|die)\s+"
    r"|\bin\s+(?:a|an|its|his|her|their)\s+(?:report|filing|submission|letter|motion)\s+to\s+"
    r"(?:the\s+)?"
)
_CARRY = re.compile(
    r"^(?:Demnach|Demzufolge|Dem Bericht zufolge|Darin|Dort heißt es|Laut (?:dem|diesem) "
    r"Bericht|According to the (?:report|filing|documents?))\b|\bdemnach\b"
)
_BACKWARD_START = re.compile(
    r"^(?:(?:Die|Diese)\s+(?:Information|Informationen|Angaben|Zahlen|Daten|Details)\b|"
    r"(?:Das|Dies)\s+(?![A-ZÄÖÜ])|(?:This|That)\s+(?:is|was|comes)\b|"
    r"These (?:figures|numbers|details)\b)"
)
_KONJUNKTIV = re.compile(
    r"\b(sei|seien|habe|werde|könne|müsse|solle|wolle|dürfe|gebe|liege|stehe|gehe|komme|bleibe|"
    r"fehle|wisse)\b"
    r"|^(?:Das|Dies|Er|Sie|Es|Man|Dieser|Diese|Dieses)\s+([a-zäöüß]+[^t\W]e)\s+(?![A-ZÄÖÜ])"
)
_NOT_KONJUNKTIV = _words(
    "heute gerne alle diese jene jede eine keine seine ihre meine deine unsere eure ohne bitte "
    "ende weise lange nahe alleine beide viele wenige manche solche welche einige andere "
    "eigene ganze halbe gleiche letzte nächste erste zweite dritte gute große kleine neue alte "
    "hohe lediglich gerade bisherige derzeitige ebene mitte grade orte "
    "wurde würde hatte hätte sollte wollte konnte musste durfte mochte dachte brachte kannte "
    "nannte wusste stellte setzte legte"
)
_NOT_BEFORE_VERB = _words(
    "der die das den dem des ein eine einer einem eines einen kein keine keiner keinem keinen "
    "sein seine seiner seinem seinen ihr ihre ihrer ihrem ihren unser unsere mein meine zu zum "
    "zur am im vom beim für mit von bei nach aus auf in an über unter vor gegen ohne um sehr "
    "so zu besonders noch"
)
# verbs whose Konjunktiv I ends like a superlative ("Das Gesetz koste", not "die beste")
_KONJUNKTIV_ST = _words("koste leiste belaste entlaste")
# adjectives and preterites: "große", "neue"; "zahlte", "arbeitete" (but "erstatte", "biete")
_ADJECTIVE_END = re.compile(r"(?:isch|lich|ig|en|er|nd|st|ll|iv|al|ar|el|ös|os|[^aeiouäöüt]t|et)e$")


def _konjunktiv_full_verb(s: str) -> re.Match | None:
    """Konjunktiv I of a full verb in second position ("Schon heute fehle der Stadt Geld",
    "Der Verband rechne mit ..."): a word in -e after a noun or adverb, not after an article
    or preposition (that would be an adjective: "die neue Regel")."""
    words = list(_WORD.finditer(s))
    for i, match in enumerate(words[1:7], start=1):
        word = match.group()
        if (
            not re.fullmatch(r"[a-zäöüß]{3,}e", word)
            or word in _NOT_KONJUNKTIV
            or (_ADJECTIVE_END.search(word) and word not in _KONJUNKTIV_ST)
        ):
            continue
        previous = words[i - 1].group()
        if previous.lower() in _NOT_BEFORE_VERB or previous.endswith(","):
            continue
        return match
    return None


_HEARSAY = re.compile(r"\b(soll|sollen)\b(?=.*\b(?:haben|sein|worden)\b)")
_REASONING = re.compile(
    r"\bmit der Begründung\b|\bmit dem Argument\b|\bon the grounds that\b|\barguing that\b"
)
_OWN_ACCOUNT = re.compile(
    r"\b(?:nach eigenen Angaben|eigenen Angaben zufolge|by its own account|by (?:his|her) own "
    r"account)\b",
    re.I,
)
_WORD = re.compile(r"\S+")


def _np_after(s: str, pos: int, language: str, max_words: int = 10) -> tuple[int, int]:
    """Noun phrase starting at pos in s: (start, end), possibly empty."""
    words = list(_WORD.finditer(s, pos))
    start = words[0].start() if words else pos
    end = start
    for count, match in enumerate(words):
        raw = match.group()
        word = raw.strip('„“”"«»()')
        stop_after = raw[-1] in ",;:!?" or (raw.endswith(".") and count and len(word) > 3)
        core = word.rstrip(",;:!?.")
        if count >= max_words or not core:
            break
        if language == "de":
            upper = core[0].isupper() or core[0].isdigit()
            nxt = words[count + 1].group().lstrip('„“"«(') if count + 1 < len(words) else ""
            previous = words[count - 1].group().lower() if count else ""
            if count and _ends_german_phrase(core, raw, previous, words[:count]):
                break
            adjective = (
                core.endswith(("en", "em", "er", "es", "e"))
                and nxt[:1].isupper()
                and previous in _DE_CONNECT
            )
            if not (upper or core in _DE_CONNECT or adjective):
                break
        elif core.lower() in _EN_STOP or (
            core == "and" and not words[count + 1].group()[:1].isupper()
            if count + 1 < len(words)
            else core == "and"
        ):
            break
        end = match.start() + len(raw.rstrip(",;:!?")) if stop_after else match.end()
        if stop_after:
            break
    # Drop dangling connectors ("der", "of") at the end.
    phrase = s[start:end]
    while True:
        trimmed = re.sub(r"\s+(?:der|die|das|des|dem|den|von|und|an|in|of|the|and|a)$", "", phrase)
        if trimmed == phrase:
            break
        phrase = trimmed
    end = (
        start + len(phrase.rstrip(" ."))
        if phrase.endswith(".") and len(phrase) > 4
        else start + len(phrase)
    )
    return start, end


_COMMON_NOUN_END = re.compile(
    r"(?:ungen|ung|heit|keit|schaft|nis|ion|ionen|tät|ismus|ben|gen|ten|sten|nen|ern|eln)$"
)


def _ends_german_phrase(core: str, raw: str, previous: str, before: list[re.Match]) -> bool:
    """Whether a German source phrase ends before this word: at an amount ("der Verwaltung
    23,5 Millionen"), a date adverbial ("am 14. November"), or a second common noun
    after a complete one ("der Stadt Ausgaben von ...")."""
    if core[0].isdigit():
        return not (raw.endswith(".") and previous in _DE_CONNECT)  # "der 3. Strafkammer"
    if core == "am":
        return True
    if not core[0].isupper() or len(before) < 2:
        return False
    previous_raw = before[-1].group()
    determiner = before[-2].group().lower()
    return (
        previous_raw[:1].isupper()
        and not previous_raw.endswith("-")
        and determiner in _DE_CONNECT
        and bool(_COMMON_NOUN_END.search(core))
    )


def _np_before(s: str, pos: int, language: str, max_words: int = 12) -> tuple[int, int]:
    """Noun phrase ending just before pos in s."""
    words = list(_WORD.finditer(s, 0, pos))
    end = words[-1].end() if words else pos
    start = end
    for count, match in enumerate(reversed(words)):
        raw = match.group()
        core = raw.strip('„“”"«»()')
        if count >= max_words or not core or count and raw[-1] in ',;:—–“”"»«':
            break
        lower = core.lower()
        if language == "de":
            if lower in ("dass", "und", "weil", "wie", "als", "ob", "aber", "doch"):
                break
            if not (
                core[0].isupper()
                or lower in _DE_CONNECT
                or core.endswith(("en", "em", "er", "es", "e"))
            ):
                break
        elif lower == "and" and _capitalised_around(words, len(words) - 1 - count):
            pass  # "the Department for Transport and Local Roads"
        elif lower in _EN_STOP or lower in ("and", "but", "or", "so", "then"):
            break
        start = match.start()
    return start, end


def _capitalised_around(words: list[re.Match], i: int) -> bool:
    return (
        0 < i < len(words) - 1
        and words[i - 1].group()[:1].isupper()
        and words[i + 1].group()[:1].isupper()
    )


def _appositive_head(s: str, np_a: int, np_b: int, language: str, names: NameIndex) -> int:
    """ "Harlow Energy, a utility, said" / "Frau Dr. Keller, Chefärztin am Klinikum, sagte":
    the speaker is the name before the appositive."""
    if not s[:np_a].endswith(", "):
        return np_a
    people = [m for m in names.mentions(s[: np_a - 2]) if m[1] == np_a - 2 and m[3] == "person"]
    if people and not names.mentions(s[np_a:np_b]):
        return people[-1][0]
    opening = [m for m in names.mentions(s[:np_a]) if m[0] == 0 and m[3] == "person"]
    between = s[opening[0][1] : np_a] if opening else ""
    if opening and re.fullmatch(r"(?:,\s+[^,]{1,40})*,\s+", between):
        return 0  # "Maria Gonzalez, 54, a nurse from Leeds, said"
    if not re.match(r"(?:a|an|the)\s+[a-z]", s[np_a:np_b]):
        return np_a
    head_a, _ = _np_before(s, np_a - 2, language)
    words = s[head_a : np_a - 2].split()
    named = words and all(w[:1].isupper() or w in ("of", "and", "for", "&", "the") for w in words)
    return head_a if named else np_a


class _SentenceFinder:
    """Collects the attributions of one sentence."""

    def __init__(self, ctx: ArticleContext, start: int, end: int):
        self.ctx = ctx
        self.start = start
        self.s = ctx.text[start:end]
        self.found: list[DetectedAttribution] = []

    def overlaps(self, a: int, b: int, source_kind: str | None = None) -> bool:
        return any(
            f.start < self.start + b
            and self.start + a < f.end
            and (source_kind is None or f.source_kind == source_kind)
            for f in self.found
        )

    def add(self, a: int, b: int, name: str, source_kind: str, kind: str, speaker=None) -> None:
        while b > a and self.s[b - 1] in " ,.;:":
            b -= 1
        if b <= a or self.overlaps(a, b, source_kind):
            return
        self.found.append(DetectedAttribution(
            phrase=self.s[a:b], start=self.start + a, end=self.start + b, source_name=name,
            source_kind=source_kind, kind=kind, speaker=speaker,
        ))  # fmt: skip

    def add_np(self, a: int, b: int, np_a: int, np_b: int, channel: str = "") -> None:
        np_text = self.s[np_a:np_b]
        if not np_text.strip():
            return
        name, source_kind, _speaker, document_like = classify_source(
            self.ctx, np_text, self.start + np_a, channel
        )
        self.add(a, b, name, source_kind, attribution_kind(source_kind, document_like))


def _find_in_sentence(
    ctx: ArticleContext, start: int, end: int
) -> tuple[list[DetectedAttribution], bool]:
    f = _SentenceFinder(ctx, start, end)
    s, language = f.s, ctx.language
    carried = False
    carry = _CARRY.search(s)
    if carry and ctx.history:
        previous = ctx.history[-1]
        kind = "reported" if previous.kind == "direct_quote" else previous.kind
        f.add(carry.start(), carry.end(), previous.source_name, previous.source_kind, kind)
        carried = True
    for pattern in _ANON_FIND:
        for match in pattern.finditer(s):
            text = match.group().strip()
            name = re.sub(r"^(?:unter Berufung auf|[Aa]us|nach Informationen aus)\s+", "", text)
            name = re.sub(r"\s+(?:zufolge|said|say|hieß es)$", "", name)
            a = match.start() + (len(match.group()) - len(match.group().lstrip()))
            f.add(
                a,
                match.end(),
                clean_name(name) if name[:1].islower() else name,
                "anonymous",
                "anonymous",
            )
    _direct_quotes(f)
    # "In einer Mitteilung des Vereins hieß es", "heißt es in dem Bericht"
    for match in re.finditer(
        r"\b[Ii][nm]\s+((?:der|dem|einer|einem|seiner|seinem|ihrer|ihrem)\s+[^,]{1,80}?"
        r"(?:,[^,]{1,80},)?)\s+(?:hieß|heißt)\s+es\b",
        s,
    ):
        f.add_np(match.start(), match.end(), match.start(1), match.end(1), "hieß es")
    for match in re.finditer(r"\b(?:hieß|heißt)\s+es\s+(?:in|im)\s+", s):
        np_a, np_b = _np_after(s, match.end(), language, 6)
        f.add_np(match.start(), np_b, np_a, np_b, "hieß es")
    for match in re.finditer(r"\b[Ll]aut\s+", s):
        np_a, np_b = _np_after(s, match.end(), language)
        f.add_np(match.start(), np_b, np_a, np_b)
    for match in re.finditer(r"\b[Pp]er\s+(?=(?:a|an|the|its|their)\s)", s):
        np_a, np_b = _np_after(s, match.end(), "en", max_words=10)
        if DOCUMENT_HEAD.match(s[np_a:np_b]):
            f.add_np(match.start(), np_b, np_a, np_b)
    for match in _FINDINGS.finditer(s):
        name = clean_name(re.sub(r"\s+\S+$", "", match.group()))  # "the authors found" -> "Authors"
        f.add(match.start(), match.end(), name, "other", "document")
    for match in re.finditer(
        r"\b(?:reviewed|seen|obtained|viewed|eingesehen)\s+(?:by|von)\s+(?:the\s+|dem\s+|der\s+)?",
        s,
    ):
        np_a, np_b = _np_after(s, match.end(), language, 4)
        outlet = outlet_name(s[match.end() : np_b])
        if outlet:
            f.add(match.start(), np_b, outlet, "news_outlet", "reported")
    for match in _SOCIAL_VERB.finditer(s):
        np_a, np_b = _np_before(s, match.start(), language, 5)
        mentions = ctx.names.mentions(s[np_a:np_b])
        if mentions and not f.overlaps(match.start(), match.end(), "social_post"):
            f.add(mentions[-1][0] + np_a, match.end(), mentions[-1][2], "social_post", "reported")
    for match in _REPORT_TO_COURT.finditer(s):
        np_a, np_b = _np_after(s, match.end(), language, 5)
        if COURT.search(s[np_a:np_b]):
            people = [m for m in ctx.names.mentions(s[: match.start()]) if m[3] == "person"]
            name = people[-1][2] if people else clean_name(s[np_a:np_b])
            f.add(match.start(), np_b, name, "court_filing", "document")
    for match in re.finditer(r"\b[Aa]ccording to\s+", s):
        np_a, np_b = _np_after(s, match.end(), "en", max_words=12)
        f.add_np(match.start(), np_b, np_a, np_b)
    for match in re.finditer(r"\s+zufolge\b", s):
        np_a, np_b = _np_before(s, match.start(), language)
        f.add_np(np_a, match.end(), np_a, np_b)
    for match in re.finditer(
        r"\b[Nn]ach\s+(?:Angaben|Informationen|Darstellung|Berechnungen|Schätzungen|Auskunft)\s+", s
    ):
        np_a, np_b = _np_after(s, match.end(), language)
        f.add_np(match.start(), np_b, np_a, np_b)
    for match in re.finditer(r"\bunter Berufung auf\s+", s):
        np_a, np_b = _np_after(s, match.end(), language)
        f.add_np(match.start(), np_b, np_a, np_b)
    for match in re.finditer(
        r"\b[Ww]ie\s+(.{1,100}?)\s+(?:berichtet\w*|meldet\w*|schreibt|schrieb|mitteilte|"
        r"mitteilt|erklärte|sagte|bestätigte)\b",
        s,
    ):
        inner = re.sub(r"\s+unter Berufung auf .*$", "", match.group(1))
        if inner.lower() in ("wir", "wir bereits"):
            f.add(match.start(), match.end(), "the publishing outlet", "news_outlet", "reported")
            continue
        np_b = match.start(1) + len(inner)
        f.add_np(match.start(), match.end(), match.start(1), np_b, s[np_b : match.end()])
    for match in re.finditer(
        r"\b[Aa]s\s+(\S+(?:\s+\S+){0,4}?)\s+(?:first\s+)?(?:reported|said|wrote)\b", s
    ):
        if match.group(1).lower() not in ("we", "i"):
            f.add_np(match.start(), match.end(), match.start(1), match.end(1), match.group())
        elif match.group(1).lower() == "we":
            f.add(match.start(), match.end(), "the publishing outlet", "news_outlet", "reported")
    for match in re.finditer(r"\b(?:first |originally )?reported by\s+", s):
        np_a, np_b = _np_after(s, match.end(), "en", max_words=6)
        f.add_np(match.start(), np_b, np_a, np_b)
    for match in re.finditer(r"\bstamm(?:t|en|te|ten)\s+aus\s+", s):
        np_a, np_b = _np_after(s, match.end(), language)
        a = 0 if len(s[: match.start()].split()) <= 3 else match.start()
        f.add_np(a, np_b, np_a, np_b)
    for match in re.finditer(r"\bgeht\s+aus\s+(.{1,150}?)\s+hervor\b", s):
        a = 0 if len(s[: match.start()].split()) <= 2 else match.start()
        f.add_np(a, match.end(), match.start(1), match.end(1))
    for match in re.finditer(r"\b(?:wie\s+)?aus\s+(.{1,150}?)\s+hervorgeht\b", s):
        f.add_np(match.start(), match.end(), match.start(1), match.end(1))
    for match in re.finditer(r"\b[Aa]us\s+(.{1,150}?),?\s+geht\s+(?:\S+\s+)?hervor\b", s):
        np_text = match.group(1)
        f.add_np(match.start(), match.end(), match.start(1), match.start(1) + len(np_text))
    for match in re.finditer(r",\s+so\s+", s):
        np_a, np_b = _np_after(s, match.end(), language, 6)
        if s[np_b:].strip(" .") == "" and np_b > np_a:
            f.add_np(match.start() + 1, np_b, np_a, np_b)
    _reported_speech(f)
    for match in (_REASONING.search(s), _OWN_ACCOUNT.search(s)):
        if match is None:
            continue
        before = s[: match.start()]
        pronoun = re.search(r"\b(er|sie|he|she)\b", before)
        mentions = [m for m in ctx.names.mentions(before)]
        if mentions and not pronoun:
            name, kind = mentions[0][2], mentions[0][3]
        elif pronoun:
            name, kind, *_ = classify_source(ctx, pronoun.group(), start + pronoun.start())
        else:
            previous = ctx.last_source(("person", "organisation"))
            name, kind = (previous.source_name, previous.source_kind) if previous else (None, None)
            subject = s[: _np_after(s, 0, language, 6)[1]]
            if match.re is _OWN_ACCOUNT and ORGANISATION_WORD.search(subject):
                name, kind = (
                    clean_name(subject),
                    "organisation",
                )  # "Der Verein X hat nach eigenen Angaben"
        if name:
            f.add(match.start(), match.end(), name, kind, "reported")
    own = [a for a in f.found if not carried or a.phrase != carry.group()]
    if not own and language == "de":
        _continuations(f, ctx)
    confirms = re.search(r"\b(?:bestätigte\w*|bestätigt|confirmed)\s+(?:das|dies|this|that)\b", s)
    return f.found, bool(own) and bool(_BACKWARD_START.match(s) or confirms)


def _continuations(f: _SentenceFinder, ctx: ArticleContext) -> None:
    """Konjunktiv I carrying the previous speaker; "soll ... haben" hearsay.

    The speaker carries through the whole paragraph, also past sentences in the narrator's
    voice ("X sagte, ... sei ... . Der Rat hatte im Mai ... . Die Kosten lägen ..."), but not
    into the next paragraph, where reported speech needs its own cue."""
    s = f.s
    previous = [a for a in ctx.history if a.start >= f.start - 600]
    paragraph_start = ctx.text.rfind("\n\n", 0, f.start) + 1
    speakers = [a for a in ctx.history if a.start >= paragraph_start
                and (a.kind in ("reported", "direct_quote")
                     and a.source_kind in ("person", "organisation", "social_post")
                     or a.source_kind in ("court_filing", "sworn_statement"))]  # fmt: skip
    konjunktiv = _KONJUNKTIV.search(s)
    span = None
    if konjunktiv:
        group = 1 if konjunktiv.group(1) else 2
        span = (konjunktiv.start(group), konjunktiv.end(group))
    full_verb = _konjunktiv_full_verb(s)
    if full_verb and (span is None or full_verb.start() < span[0]):
        span = (full_verb.start(), full_verb.end())
    if span and speakers and not f.found:
        last = speakers[-1]
        kind = "document" if last.kind == "document" else "reported"
        f.add(span[0], span[1], last.source_name, last.source_kind, kind)
        return
    hearsay = _HEARSAY.search(s)
    if hearsay and not f.found:
        anonymous = [a for a in previous if a.source_kind == "anonymous"]
        name = anonymous[-1].source_name if anonymous else "ungenannte Quellen"
        f.add(hearsay.start(), hearsay.end(), name, "anonymous", "anonymous")


def _speaker_source(f: _SentenceFinder, np_a: int, np_b: int, channel: str):
    name, source_kind, speaker, document_like = classify_source(
        f.ctx, f.s[np_a:np_b], f.start + np_a, channel
    )
    return name, source_kind, speaker, document_like


def _direct_quotes(f: _SentenceFinder) -> None:
    s, language = f.s, f.ctx.language
    speech = _SPEECH_RE[language]
    for a, b in quote_spans(s, 0, len(s)):
        if len(s[a + 1 : b].split()) < 4:
            continue  # a scare quote or a quoted word, not an utterance
        rest = s[b + 1 :]
        offset = b + 1
        phrase = None
        after = re.match(r"\s*[,!?]?\s*", rest)
        tail = rest[after.end() :]
        verb_first = speech.match(tail)
        if verb_first and not s[:a].strip():
            np_a, np_b = _np_after(s, offset + after.end() + verb_first.end(), language, 8)
            phrase = (offset + after.end(), np_b, np_a, np_b)
        elif not s[:a].strip():
            verb = speech.search(tail, 0, 120)
            if verb and not re.search(r"[.!?]", tail[: verb.start()]):
                np_a, np_b = offset + after.end(), offset + after.end() + verb.start()
                phrase = (np_a, offset + after.end() + verb.end(), np_a, np_b)
        if phrase is None and re.search(r":\s*$", s[:a]):
            intro = s[:a]
            verbs = list(speech.finditer(intro))
            verb = verbs[-1] if verbs else None
            if verb:
                pronoun = re.match(r"\s+(er|sie|he|she)\b", s[verb.end() :], re.I)
                if pronoun:
                    np_a, np_b = verb.end() + pronoun.start(1), verb.end() + pronoun.end(1)
                else:
                    np_a, np_b = _np_after(s, verb.end(), language, 4)
                    if not f.ctx.names.mentions(s[np_a:np_b]):
                        np_a, np_b = _np_before(s, verb.start(), language)
                phrase = (0, len(intro.rstrip(": ")), np_a, np_b)
        if phrase is None:
            continue
        p_a, p_b, np_a, np_b = phrase
        channel = s[p_a : min(len(s), p_b + 40)] if p_a > a else s[:a]
        trailing = re.match(
            r"\s+(?:in (?:a|an|einer|einem) [\w-]+(?: [\w-]+)?|on (?:X|Twitter|Threads))", s[p_b:]
        )
        if trailing:
            p_b += trailing.end()
        np_text = s[np_a:np_b]
        if not np_text.strip():
            continue
        if f.overlaps(p_a, p_b, "anonymous"):
            continue  # "One official said: ...": the anonymous source already covers it
        name, source_kind, speaker, _doc = _speaker_source(f, np_a, np_b, channel)
        if SOCIAL.search(channel):
            source_kind = "social_post"
        f.add(p_a, p_b, name, source_kind, "direct_quote", speaker)


def _reported_speech(f: _SentenceFinder) -> None:
    s, language = f.s, f.ctx.language
    quotes = quote_spans(s, 0, len(s))
    lead = _LEAD_DOCUMENT.match(s)
    for verb in _SPEECH_RE[language].finditer(s):
        lead_channel, perfect_start = "", None
        if f.overlaps(verb.start(), verb.end()) or any(a < verb.start() < b for a, b in quotes):
            continue
        word = verb.group(1)
        if word == "reported" and s[verb.end() :].lstrip().startswith("by"):
            continue
        if any(
            a.end - f.start <= verb.start()
            and re.search(r"\b(?:that|dass)\b", s[a.end - f.start : verb.start()])
            for a in f.found
        ):
            continue  # "X wrote on X that ministers had announced": the report inside a report
        if word == "announced" and re.match(
            r"\s+(?:the|a|an|its|his|her|their|plans)\b", s[verb.end() :]
        ):
            continue  # "announced the departure of": an event, not speech
        if word in ("gab", "gibt", "gaben") and not re.search(r"\bbekannt\b", s[verb.end() :]):
            continue  # "es gab": only "gab ... bekannt" announces
        before = s[: verb.start()].rstrip()
        inverted = before.endswith((",", "“", "”", '"', "»", "«")) or re.fullmatch(
            r"(?:Das|Dies|Dem|Darüber|Davon)", before
        )
        np_a = np_b = None
        pronoun = re.match(r"\s+(er|sie|he|she)\b", s[verb.end() :])
        if (
            pronoun
            and language == "en"
            and not re.match(r"\s*(?:[,.;:]|$)", s[verb.end() + pronoun.end() :])
        ):
            pronoun = None
        if pronoun and (inverted or language == "de"):
            np_a, np_b = verb.end() + pronoun.start(1), verb.end() + pronoun.end(1)
        elif language == "de":
            a2, b2 = _np_after(s, verb.end(), language, 7)
            candidate = s[a2:b2]
            starts_ok = candidate[:1].isupper() or candidate.split(" ")[0] in (
                "das",
                "die",
                "der",
                "ein",
                "eine",
                "er",
                "sie",
            )
            generic = GENERIC_ORGANISATION.match(" ".join(candidate.split()[:2]))
            if candidate and starts_ok and (inverted or f.ctx.names.mentions(candidate) or generic):
                np_a, np_b = a2, b2
                if generic and not inverted:
                    np_b = np_a + generic.end()
                if PRONOUN.match(candidate.split(" ")[0]):
                    np_b = np_a + len(candidate.split(" ")[0])
            relative = re.search(
                r",\s+(?:der|die|das|den|dem|deren|dessen)\s+[^,]{1,80},\s*$", s[: verb.start()]
            )
            if np_a is None and relative:
                # "Ein Sprecher der Firma, die die Linie betreibt, sagte"
                a2, b2 = _np_before(s, relative.start(), language)
                if b2 > a2 and s[a2:b2][:1].isupper():
                    np_a, np_b = a2, b2
            if np_a is None:
                a2, b2 = _np_before(s, verb.start(), language)
                perfect = re.match(
                    r"^(\S+(?:\s+\S+){0,3}?)\s+(?:hat|haben|hatte|hatten)\s+$", s[:a2]
                )
                head = _appositive_head(s, a2, b2, language, f.ctx.names) if a2 else a2
                if a2 == 0 or head != a2 or s[:a2].rstrip().endswith(","):
                    np_a, np_b = head, b2
                elif perfect and a2 < verb.start():
                    # "Sie hat in einer eidesstattlichen Versicherung erklärt": the subject
                    # speaks, the phrase before the participle is the channel.
                    np_a, np_b = 0, perfect.end(1)
                    lead_channel, perfect_start = s[a2 : verb.start()], a2
        else:
            if inverted and before.endswith(",") and word not in ("told", "tells"):
                a2, b2 = _np_after(s, verb.end(), language, 6)
                after = s[a2:b2]
                speaker_like = (
                    f.ctx.names.mentions(after)
                    or SPOKESPERSON.search(after)
                    or is_role_head(after)
                    or ORGANISATION_WORD.search(after)
                    or outlet_name(after)
                )
                if after[:1].isupper() or (
                    after.lower().startswith(("the ", "a ", "an ")) and speaker_like
                ):
                    np_a, np_b = a2, b2
            if np_a is None:
                np_a, np_b = _np_before(s, verb.start(), language)
                np_a = _appositive_head(s, np_a, np_b, language, f.ctx.names)
                words = s[np_a:np_b].split()
                if re.search(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+\s+)?$", before + " "):
                    continue  # passive: "was never announced"
                determined = bool(words) and words[0].lower() in _EN_DETERMINERS
                named = f.ctx.names.mentions(s[np_a:np_b]) or ANONYMOUS_NP.search(s[np_a:np_b])
                valid = bool(words) and (
                    words[0][0].isupper()
                    or determined
                    or PRONOUN.match(words[0])
                    or (
                        word in _DOC_VERBS and DOCUMENT_NOUN.search(s[np_a:np_b])
                    )  # "court records show"
                )
                doc_subject = word in _DOC_VERBS and DOCUMENT_NOUN.search(s[np_a:np_b])
                if not doc_subject and (
                    not valid or not (named or determined and len(words) > 1
                                      or words[0][0].isupper() or PRONOUN.match(words[0]))
                ):  # fmt: skip
                    first = f.ctx.names.mentions(s[: verb.start()])
                    if first:
                        np_a, np_b = first[0][0], first[0][1]
                    else:
                        continue
        if np_a is None or np_b is None or np_b <= np_a:
            continue
        # "sagte die Anwältin der Mieter, Petra Holm": the name in apposition
        named = re.match(
            r",\s+([A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+){1,2})(?=\s*(?:[,.;]|$))", s[np_b:]
        )
        if named and np_a > verb.start() and f.ctx.names.mentions(named.group(1)):
            np_b += named.end()
        np_text = s[np_a:np_b]
        if word in _DOC_VERBS and not DOCUMENT_NOUN.search(np_text):
            continue
        particle = _PARTICLE.get(word)
        p_a, p_b = min(np_a, verb.start()), max(np_b, verb.end())
        if re.fullmatch(r"(?:Das|Dies)", before):
            p_a = 0
        channel = ""
        if lead and lead.end() >= np_a - 1:
            channel = lead.group(1) + " "
            p_a = 0
        if perfect_start is not None:
            channel, p_a = lead_channel, perfect_start
        if particle:
            tail = re.match(rf"(.{{0,80}}?)\b{particle}\b", s[verb.end() :])
            if tail and not re.search(r"[,.]", tail.group(1)):
                p_b = max(p_b, verb.end() + tail.end())
                channel = tail.group(1)
        trailing = re.match(
            r"\s+(?:(?:in|on|auf) (?:a|an|its|his|her|their|einer|einem|X|Twitter|Threads|"
            r"Mastodon|LinkedIn|Facebook|sworn)\b[^,.;]{0,70}?)(?=\s+(?:that|dass|on|am|with)\b|"
            r"[,.;]|$)", s[p_b:]
        )  # fmt: skip
        if trailing:
            channel += trailing.group()
            p_b += trailing.end()
        clause = re.split(r"[,;]|(?<![A-Z])\.\s|\b(?:that|dass)\b", s[verb.end() : verb.end() + 80])
        channel += " " + clause[0] + " " + word
        name, source_kind, _speaker, document_like = classify_source(
            f.ctx, np_text, f.start + np_a, channel
        )
        if word in _DOC_VERBS:
            document_like = True
        if (
            source_kind == "official_document"
            and not OFFICIAL.search(channel)
            and not DOCUMENT_NOUN.search(np_text)
            and not OFFICIAL_FIGURES.search(np_text)
            and word not in _DOC_VERBS
        ):
            source_kind, document_like = "organisation", False  # "The ministry added"
        f.add(p_a, p_b, name, source_kind, attribution_kind(source_kind, document_like))


def find_attributions(
    text: str, sentences: list[tuple[int, int]], language: str, names: NameIndex
) -> list[tuple[DetectedAttribution, ...]]:
    """The attributions of each sentence, in sentence order (see the module docstring)."""
    mentions = names.mentions(text) if text else []
    ctx = ArticleContext(text, language, names, mentions, [m[0] for m in mentions], [])
    result: list[list[DetectedAttribution]] = [[] for _ in sentences]
    for i, (start, end) in enumerate(sentences):
        found, backward = _find_in_sentence(ctx, start, end)
        result[i].extend(found)
        if backward and i > 0:
            result[i - 1].extend(a for a in found if a.kind != "anonymous")
        ctx.history.extend(sorted(found, key=lambda a: a.start))
    return [tuple(replace(a) for a in sorted(r, key=lambda a: a.start)) for r in result]
