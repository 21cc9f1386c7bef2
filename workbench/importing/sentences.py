"""Split German and English article text into sentences, as character spans.

News text is full of dots that do not end sentences ("z. B.", "Dr.", "U.S.", "22. August",
"97,4"), and of quotations whose inner full stops must not cut the quoting sentence apart.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviations after which a full stop never ends a sentence (lower-cased, without the dot).
_NEVER_ENDS = _words(
    """
    dr prof mr mrs ms st nr no bzw ca vgl z b u d h inkl ggf evtl sog jh jhd mio mrd abs art
    bsp geb hr fr dipl ing gen gov sen rep lt col capt sgt vs approx fig ziff tel str
    jan feb mar apr jun jul aug sep sept oct okt nov dec dez e.g i.e z.b d.h u.a o.ä s.o
    """
)
# Abbreviations that may also close a sentence: they end one only if a typical sentence
# opener follows ("... in the U.S. The company ...").
_MAY_END = _words("inc corp co ltd jr sr u.s u.k u.n e.v a.m p.m etc usw plc llc bros")
_OPENERS = _words(
    """
    The A An He She It They We I In On At But And This That These Those His Her Its Their
    There However Meanwhile Still Yet So Then Now Also After Before When If Some Many Most
    Der Die Das Er Sie Es Ein Eine Im Am Auch Doch Aber Dies Diese Man Wir Ich Zudem Nach
    Laut Bei Mit Seit Als Dass Denn Damit Deshalb Daher Dabei Dann Da Wie Was Wer Wenn Ob
    Außerdem Allerdings Trotzdem Jedoch Erst Schon Nun Jetzt Gleichzeitig Zugleich
    """
)
MONTHS = _words(
    """
    januar jänner februar märz april mai juni juli august september oktober november dezember
    january february march may june july october december
    """
)
# Words after which "3." is an ordinal ("am 3. Oktober", "der 2. Weltkrieg").
_ORDINAL_LEADS = _words(
    "der die das dem den des am im zum zur vom bis ab seit zwischen jeden jedem ihrem seinem"
)

_CANDIDATE = re.compile(r"(?:[.!?]+|…)[\"'“”„«»‹›’)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+([\"'“„«»‚(\[]?)(\S)")
_WORD_BEFORE = re.compile(r"(\S+)$")
_WORD_AFTER = re.compile(r"\s+[\"'“„«»(]?([^\s.,;:!?\"“”„«»)]+)")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_TERMINAL = tuple(".!?…:;\"“”«»)'’")

_QUOTE_MAX = 600


def split_sentences(text: str, language: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in text, in order, trimmed of whitespace."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        spans.extend(_split_block(text, block_start, block_end, language))
    return spans


def _blocks(text: str):
    """Paragraphs, further cut at line breaks after heading-like lines."""
    start = 0
    for match in _PARAGRAPH.finditer(text):
        yield from _lines_to_blocks(text, start, match.start())
        start = match.end()
    yield from _lines_to_blocks(text, start, len(text))


def _lines_to_blocks(text: str, start: int, end: int):
    block_start = start
    pos = start
    while True:
        newline = text.find("\n", pos, end)
        if newline == -1:
            break
        line = text[pos:newline].strip()
        # A short line without final punctuation is a heading or list item, not a wrapped
        # line of running text: the sentence ends there.
        if line and not line.endswith(_TERMINAL) and len(line) < 60:
            yield block_start, newline
            block_start = newline + 1
        pos = newline + 1
    yield block_start, end


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of balanced quotations inside text[start:end]."""
    intervals = []
    stack: list[tuple[str, int]] = []
    for i in range(start, end):
        ch = text[i]
        if ch not in '„“”"«»':
            continue
        top = stack[-1][0] if stack else None
        if ch == "„":
            stack.append((ch, i))
        elif ch == "“":
            if top == "„" or top == "“":
                intervals.append((stack.pop()[1], i))
            else:
                stack.append((ch, i))
        elif ch == "”":
            if top in ("“", "„"):
                intervals.append((stack.pop()[1], i))
        elif ch == '"':
            if top == '"':
                intervals.append((stack.pop()[1], i))
            else:
                stack.append((ch, i))
        else:  # guillemets: the first one seen opens, whichever way round the outlet uses them
            if top in ("«", "»") and top != ch:
                intervals.append((stack.pop()[1], i))
            else:
                stack.append((ch, i))
    return [(a, b) for a, b in intervals if b - a <= _QUOTE_MAX]


def _split_block(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    quotes = quote_spans(text, start, end)
    spans = []
    sentence_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        cut = match.end()
        if any(a < cut <= b for a, b in quotes):
            continue
        if not _is_boundary(text, match.start(), cut, end, language):
            continue
        spans.append((sentence_start, cut))
        sentence_start = cut
    spans.append((sentence_start, end))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _is_boundary(text: str, mark: int, cut: int, end: int, language: str) -> bool:
    following = _NEXT_START.match(text, cut, end)
    if not following:
        return False
    opener, first = following.groups()
    if not (first.isupper() or first.isdigit() or opener):
        return False
    if text[mark] != ".":
        return True
    if text[mark : mark + 3] == "...":
        return True
    before = _WORD_BEFORE.search(text, max(0, mark - 40), mark)
    token = before.group(1).lstrip("(\"'„“«»[").lower() if before else ""
    after = _WORD_AFTER.match(text, cut, end)
    next_word = after.group(1) if after else ""
    if token in _NEVER_ENDS:
        return False
    if token in _MAY_END:
        return next_word in _OPENERS
    if len(token) == 1 and token.isalpha():
        # An initial ("J. Smith") unless a sentence opener follows ("... zu Musks X. Dass ...").
        return next_word in _OPENERS
    if token.isdigit() and len(token) <= 3:
        if next_word.lower() in MONTHS:
            return False  # "22. August"
        word_before = (
            _WORD_BEFORE.search(text[max(0, mark - 60) : before.start()].rstrip())
            if before
            else None
        )
        if language == "de" and word_before and word_before.group(1).lower() in _ORDINAL_LEADS:
            return False  # "am 3. Oktober", "der 2. Weltkrieg"
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
