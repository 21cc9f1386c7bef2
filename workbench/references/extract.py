"""Turn a fetched reference (HTML, PDF, plain text) into text with metadata, and cut that text
into passages with exact character offsets that evidence can point at ("p. 4")."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

import lxml.html
import trafilatura
from lxml.etree import ParserError
from pypdf import PageObject, PdfReader

from workbench.errors import ExtractionError
from workbench.references.fetch import sniff

MAX_PASSAGE_CHARS = 600

_BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "article", "section", "header", "footer", "blockquote", "pre", "figure", "figcaption",
    "dd", "dt", "main", "aside", "nav", "hr",
)  # fmt: skip


@dataclass(frozen=True)
class PageSpan:
    """Where page `number` (1-based) lies in the extracted text: text[start:end]."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class ExtractedDocument:
    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: date | None = None
    language: str | None = None
    pages: tuple[PageSpan, ...] = ()
    warnings: tuple[str, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The page number holding character `offset`, or None for documents without pages."""
        return _page_at(self.pages, offset)


@dataclass(frozen=True)
class Passage:
    """A paragraph or part of one: text == document_text[start:end]."""

    index: int
    start: int
    end: int
    text: str
    page: int | None = None


def extract(
    content: bytes, media_type: str, *, url: str | None = None, encoding: str | None = None
) -> ExtractedDocument:
    """Text and metadata of a document; `media_type` as FetchedDocument.media_type gives it."""
    name = _display_name(url)
    if media_type == "application/pdf":
        return _extract_pdf(content, name)
    if encoding is None:
        sniffed = sniff(content)
        encoding = sniffed[1] if sniffed else None
    try:
        text = content.decode(encoding or "utf-8", errors="replace")
    except LookupError:  # an encoding name Python does not know
        text = content.decode("utf-8", errors="replace")
    if media_type == "text/html":
        return _extract_html(text, url, name)
    if media_type.startswith("text/"):
        return _nonempty(ExtractedDocument(text=_tidy(text)), name)
    raise ExtractionError(f"{name}: Workbench cannot read documents of type {media_type}")


def split_passages(
    text: str, pages: tuple[PageSpan, ...] | list[PageSpan] = (), max_chars: int = MAX_PASSAGE_CHARS
) -> list[Passage]:
    """Paragraphs of `text`; a paragraph longer than `max_chars` is cut at sentence ends.

    Passages never cross a page boundary and carry the page they are on.
    """
    cuts = sorted({p.start for p in pages if 0 < p.start < len(text)})
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _between(text, [(c, c) for c in cuts]):
        separators = [
            (block_start + m.start(), block_start + m.end())
            for m in re.finditer(r"\n[ \t]*\n\s*", text[block_start:block_end])
        ]
        for start, end in _between(text, separators, block_start, block_end):
            start, end = _trim(text, start, end)
            if start < end:
                spans.extend(_chunks(text, start, end, max_chars))
    return [
        Passage(index=i, start=s, end=e, text=text[s:e], page=_page_at(tuple(pages), s))
        for i, (s, e) in enumerate(spans)
    ]


# --- HTML ----------------------------------------------------------------------------------

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _extract_html(html: str, url: str | None, name: str) -> ExtractedDocument:
    try:
        # lxml refuses a str that still carries an XML encoding declaration (XHTML pages).
        tree = lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (ParserError, ValueError) as error:
        raise ExtractionError(f"{name}: the page could not be read as HTML") from error
    found = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    page_title = _clean(tree.findtext(".//title"))
    language = _html_language(tree) or _language_tag(getattr(found, "language", None))
    main_text = getattr(found, "text", None) or ""
    # trafilatura puts one paragraph a line; a blank line between paragraphs is what
    # split_passages (and a reader) expects.
    text = _tidy(main_text.replace("\n", "\n\n")) if main_text.strip() else _render_text(tree)
    return _nonempty(
        ExtractedDocument(
            text=text,
            title=_clean(getattr(found, "title", None)) or page_title,
            author=_clean(getattr(found, "author", None)),
            publisher=_clean(getattr(found, "sitename", None)),
            published=_parse_date(getattr(found, "date", None)),
            language=language,
        ),
        name,
    )


def _render_text(tree: lxml.html.HtmlElement) -> str:
    """All visible text of a page, a blank line between blocks; used when trafilatura finds no
    main text (very short pages, unusual layouts)."""
    for element in tree.xpath("//script|//style|//noscript|//template|//head"):
        element.drop_tree()
    for element in tree.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    return _tidy(tree.text_content())


def _html_language(tree: lxml.html.HtmlElement) -> str | None:
    root = tree.getroottree().getroot()
    candidates = [
        root.get("lang"),
        root.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *tree.xpath("//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')"
                    "='content-language']/@content"),
        *tree.xpath("//meta[@property='og:locale']/@content"),
    ]  # fmt: skip
    return next((tag for tag in map(_language_tag, candidates) if tag), None)


def _language_tag(value: str | None) -> str | None:
    """Primary language subtag, lower case: "de-DE", "de_DE", "DE" -> "de"."""
    match = re.match(r"\s*([A-Za-z]{2,3})(?:[-_]|\s*$)", value or "")
    return match.group(1).lower() if match else None


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# --- PDF -----------------------------------------------------------------------------------


def _extract_pdf(content: bytes, name: str) -> ExtractedDocument:
    # pypdf raises many kinds of exceptions on malformed files; to a fact-checker they all mean
    # the same thing, so they are caught broadly here and per page below.
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError(f"{name}: the PDF is password-protected")
        pages = list(reader.pages)
        info = reader.metadata
        catalog_lang = reader.trailer["/Root"].get("/Lang")
    except ExtractionError:
        raise
    except Exception as error:
        raise ExtractionError(f"{name}: the PDF is damaged and could not be read") from error
    page_texts = [_page_text(page) for page in pages]
    if not any(page_texts):
        raise ExtractionError(
            f"{name}: no page has a text layer (a scan?); run OCR on it and add the result"
        )
    parts: list[str] = []
    spans: list[PageSpan] = []
    warnings: list[str] = []
    offset = 0
    for number, page_text in enumerate(page_texts, start=1):
        if not page_text:
            warnings.append(f"{name}: page {number} has no text layer")
            spans.append(PageSpan(number, offset, offset))
            continue
        if parts:
            parts.append("\n\n")
            offset += 2
        parts.append(page_text)
        spans.append(PageSpan(number, offset, offset + len(page_text)))
        offset += len(page_text)
    return ExtractedDocument(
        text="".join(parts),
        title=_clean(info.title) if info else None,
        author=_clean(info.author) if info else None,
        language=_language_tag(str(catalog_lang)) if catalog_lang else None,
        pages=tuple(spans),
        warnings=tuple(warnings),
    )


def _page_text(page: PageObject) -> str:
    try:
        return _tidy(page.extract_text() or "")
    except Exception:  # a damaged page reads as a page without text; it is reported as such
        return ""


# --- shared helpers ------------------------------------------------------------------------


def _tidy(text: str) -> str:
    """NFC, Unix newlines, no trailing spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "").replace("\xa0", " ")
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _clean(value: object) -> str | None:
    text = re.sub(r"\s+", " ", str(value)).strip() if value is not None else ""
    return text or None


def _nonempty(document: ExtractedDocument, name: str) -> ExtractedDocument:
    if not document.text.strip():
        raise ExtractionError(f"{name}: no readable text found")
    return document


def _display_name(url: str | None) -> str:
    if not url:
        return "the document"
    path = PurePosixPath(unquote(urlsplit(url).path))
    return path.name or url


def _page_at(pages: tuple[PageSpan, ...], offset: int) -> int | None:
    for page in pages:
        if page.start <= offset < page.end:
            return page.number
    return None


# --- passages ------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset((
    "dr", "prof", "nr", "bzw", "ca", "vgl", "usw", "etc", "abs", "art", "mr", "mrs", "ms", "st",
    "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt", "nov",
    "dec", "dez", "z", "b", "u", "a", "d", "h", "o", "inc", "ltd", "co", "no", "fig", "sen",
    "rep", "gov", "gen",
))  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?…]+[\"'»«“”‘’)\]]*(\s+)")
_SENTENCE_START = re.compile(r"[\"'»«“„‘(\[]?[A-ZÄÖÜ0-9]")


def _between(
    text: str, separators: list[tuple[int, int]], start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    """The spans of text[start:end] that lie between the (start, end) separators."""
    end = len(text) if end is None else end
    spans, position = [], start
    for sep_start, sep_end in separators:
        spans.append((position, sep_start))
        position = sep_end
    spans.append((position, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_starts(text: str, start: int, end: int) -> list[int]:
    starts = []
    for match in _SENTENCE_END.finditer(text, start, end):
        next_start = match.end()
        if next_start >= end or not _SENTENCE_START.match(text, next_start):
            continue
        word = re.search(r"(\w+)\W*$", text[max(start, match.start() - 20) : match.start() + 1])
        token = word.group(1).lower() if word else ""
        if text[match.start()] == "." and (token in _ABBREVIATIONS or token.isdigit()):
            continue  # "Dr. Müller", "z. B. 3", "am 12. März"
        starts.append(next_start)
    return starts


def _chunks(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    if end - start <= max_chars:
        return [(start, end)]
    bounds = [start, *_sentence_starts(text, start, end), end]
    sentences = [_trim(text, a, b) for a, b in zip(bounds, bounds[1:], strict=False)]
    chunks: list[tuple[int, int]] = []
    for s_start, s_end in sentences:
        if s_start >= s_end:
            continue
        if chunks and s_end - chunks[-1][0] <= max_chars:
            chunks[-1] = (chunks[-1][0], s_end)
        elif s_end - s_start <= max_chars:
            chunks.append((s_start, s_end))
        else:
            chunks.extend(_hard_split(text, s_start, s_end, max_chars))
    return chunks


def _hard_split(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """A run-on 'sentence' (tables, lists without punctuation) cut at spaces."""
    pieces = []
    while end - start > max_chars:
        cut = text.rfind(" ", start + max_chars // 2, start + max_chars + 1)
        cut = cut if cut > start else start + max_chars
        piece = _trim(text, start, cut)
        if piece[0] < piece[1]:
            pieces.append(piece)
        start = _trim(text, cut, end)[0]
    if start < end:
        pieces.append((start, end))
    return pieces
