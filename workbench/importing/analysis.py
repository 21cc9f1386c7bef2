"""Turn a scraped news article into cleaned text, sentences, check-worthy claims and their
attributions. Pure logic: the database importer stores what this returns.

Example:
    >>> analysis = analyse_article(open("seeds/t3n-2025-08-30-musk-zuckerberg-openai.de.txt").read())
    >>> analysis.article.author
    'Dieter Petereit'
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .attributions import DetectedAttribution, find_attributions
from .checkworthiness import CHECKWORTHY_THRESHOLD, NameIndex, score_sentence
from .furniture import strip_furniture
from .language import detect_language
from .sentences import split_sentences

__all__ = [
    "CHECKWORTHY_THRESHOLD",
    "ArticleAnalysis",
    "CleanedArticle",
    "DetectedAttribution",
    "DetectedClaim",
    "analyse_article",
    "analyse_text",
    "clean_article",
    "split_sentences",
]


@dataclass(frozen=True)
class DetectedClaim:
    text: str  # == article.text[start:end], the sentence as written
    start: int
    end: int
    language: str
    score: float  # check-worthiness 0..1
    reasons: tuple[str, ...]
    attributions: tuple[DetectedAttribution, ...]


@dataclass(frozen=True)
class CleanedArticle:
    text: str  # body paragraphs joined by "\n\n", furniture removed, headline not included
    language: str
    title: str | None
    author: str | None
    published: datetime.date | None  # first publication
    republished: datetime.date | None
    captions: tuple[str, ...]  # photo captions without their credits
    removed: tuple[tuple[str, str], ...]  # (line, reason) for every furniture line dropped


@dataclass(frozen=True)
class ArticleAnalysis:
    article: CleanedArticle
    sentences: tuple[tuple[int, int], ...]  # spans into article.text
    claims: tuple[DetectedClaim, ...]  # score >= CHECKWORTHY_THRESHOLD, in text order


def clean_article(raw: str, *, language: str | None = None) -> CleanedArticle:
    """Strip page furniture from a scraped article and pull out its metadata."""
    page = strip_furniture(raw)
    text = "\n\n".join(page.paragraphs)
    return CleanedArticle(
        text=text,
        language=language or detect_language(text),
        title=page.title,
        author=page.author,
        published=page.published,
        republished=page.republished,
        captions=tuple(page.captions),
        removed=tuple(page.removed),
    )


def analyse_article(raw: str, *, language: str | None = None) -> ArticleAnalysis:
    """Clean a scraped article, then find its check-worthy claims and their attributions."""
    return _analyse(clean_article(raw, language=language))


def analyse_text(text: str, *, language: str | None = None) -> ArticleAnalysis:
    """Like analyse_article, for text that is already clean (no furniture stripping)."""
    article = CleanedArticle(
        text=text,
        language=language or detect_language(text),
        title=None,
        author=None,
        published=None,
        republished=None,
        captions=(),
        removed=(),
    )
    return _analyse(article)


def _analyse(article: CleanedArticle) -> ArticleAnalysis:
    text, language = article.text, article.language
    sentences = split_sentences(text, language)
    # Captions and the headline name people the body may then call by surname alone.
    header = "\n\n".join([article.title or "", *article.captions])
    names = NameIndex.build(f"{header}\n\n{text}" if header.strip() else text, language)
    attributions = find_attributions(text, sentences, language, names)
    claims = []
    for (start, end), found in zip(sentences, attributions, strict=True):
        sentence = text[start:end]
        score, reasons = score_sentence(sentence, language, names, tuple(a.phrase for a in found))
        if score >= CHECKWORTHY_THRESHOLD:
            claims.append(DetectedClaim(sentence, start, end, language, score, reasons, found))
    return ArticleAnalysis(article=article, sentences=tuple(sentences), claims=tuple(claims))
