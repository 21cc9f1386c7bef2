"""The claim import script on claims files and bad input: clear errors, nothing half-written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from workbench.errors import WorkbenchError
from workbench.importing.service import detect_format, import_many, import_source
from workbench.models import Article, Attribution, Claim, Source, Verdict

CLAIMS_CSV = """text,language,source,source_kind,attribution,url,article_title
"Acme cut 3,400 jobs in 2024.",en,Reuters,news_outlet,according to Reuters,https://example.org/a,Acme layoffs
"Die Inflation lag im März bei 2,2 Prozent.",de,Destatis,official_document,laut Destatis,,
"""

CLAIMREVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example.org/reviews/42",
    "claimReviewed": "The Eiffel Tower will be dismantled in 2026.",
    "author": {"@type": "Organization", "name": "Example Check"},
    "datePublished": "2025-05-02",
    "inLanguage": "en",
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Jane Poster"},
        "datePublished": "2025-04-30",
        "appearance": [{"@type": "CreativeWork", "url": "https://social.example.org/p/1"}],
    },
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "False",
    },
}


def _counts(session: Session) -> tuple[int, int, int, int]:
    return tuple(  # type: ignore[return-value]
        session.scalar(select(func.count()).select_from(model)) or 0
        for model in (Article, Claim, Attribution, Source)
    )


def test_csv_claims_import_with_sources(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_text(CLAIMS_CSV, encoding="utf-8")
    result = import_source(session, str(path))
    assert (result.format, result.claims_added, result.attributions_added) == ("csv", 2, 2)
    claims = session.scalars(select(Claim).order_by(Claim.id)).all()
    assert claims[0].text == "Acme cut 3,400 jobs in 2024."
    assert claims[0].article is not None and claims[0].article.title == "Acme layoffs"
    assert claims[1].language == "de"
    attribution = claims[1].attributions[0]
    assert (attribution.phrase, attribution.source.name) == ("laut Destatis", "Destatis")
    assert attribution.source.kind == "official_document"
    # importing the same file again is a no-op
    again = import_source(session, str(path))
    assert again.already_imported and again.claims_added == 0
    assert session.scalar(select(func.count(Claim.id))) == 2


def test_json_and_jsonl_claims(session: Session, tmp_path: Path) -> None:
    array = tmp_path / "claims.json"
    array.write_text(json.dumps({"claims": [{"text": "Paris has 2.1 million inhabitants."}]}))
    lines = tmp_path / "claims.jsonl"
    lines.write_text('{"text": "Berlin hat 3,7 Millionen Einwohner."}\n{"text": "Rome is old."}\n')
    assert import_source(session, str(array)).claims_added == 1
    assert import_source(session, str(lines)).claims_added == 2


def test_claimreview_import_keeps_the_fact_checkers_rating(
    session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "review.jsonld"
    path.write_text(json.dumps(CLAIMREVIEW))
    assert detect_format(str(path), path.read_text()) == "claimreview"
    result = import_source(session, str(path))
    assert result.claims_added == 1
    claim = session.scalars(select(Claim)).one()
    assert claim.attributions[0].source.name == "Jane Poster"
    assert claim.attributions[0].source.kind == "person"
    verdict = session.scalars(select(Verdict)).one()
    assert verdict.rating == "inaccurate" and verdict.reviewer.name == "Example Check"
    assert "False" in verdict.explanation


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty.txt: the file is empty"),
        ("blob.txt", b"\x00\x01\x02PK\x03\x04" * 50, "binary file"),
        ("latin1.txt", "Gr\u00fc\u00dfe".encode("latin-1"), "not UTF-8"),
        ("cut.json", b'[\n {"text": "A claim."},\n {"text": "Another', "cut.json, line 3"),
        ("nocol.csv", b"claim,language\nSomething happened,en\n", "nocol.csv, line 1: missing column text"),
        ("emptyrow.csv", b"text,language\nFine claim.,en\n,en\n", "emptyrow.csv, line 3"),
        ("badkind.jsonl", b'{"text": "x", "source": "y", "source_kind": "blog"}\n{"text": "z"}\n', "badkind.jsonl, line 1: source_kind 'blog'"),
        ("notreview.jsonld", b'{"@type": "ClaimReview"}', "no claimReviewed"),
    ],
)  # fmt: skip
def test_bad_files_give_a_clear_error_and_write_nothing(
    sessions: sessionmaker[Session], tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    outcomes = import_many(sessions, [str(path)])
    [(source, outcome)] = outcomes
    assert isinstance(outcome, WorkbenchError)
    assert message in str(outcome).replace(str(tmp_path) + "/", "")
    with sessions() as session:
        assert _counts(session) == (0, 0, 0, 0)


def test_one_bad_file_does_not_stop_the_others(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    good = tmp_path / "good.csv"
    good.write_text(CLAIMS_CSV)
    bad = tmp_path / "bad.csv"
    # the second row is fine, the third breaks: the whole file must roll back
    bad.write_text('text,source_kind\n"Valid claim.",\n"Broken claim.",nonsense\n')
    outcomes = import_many(sessions, [str(bad), str(good), str(tmp_path / "missing.txt")])
    assert [type(outcome).__name__ for _, outcome in outcomes] == [
        "MalformedFileError",
        "ImportResult",
        "WorkbenchError",
    ]
    with sessions() as session:
        texts = session.scalars(select(Claim.text)).all()
    assert "Valid claim." not in texts and len(texts) == 2


def test_huge_file_is_refused(sessions: sessionmaker[Session], tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("workbench.importing.service.MAX_FILE_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_text("Acme hired 3,400 people in 2024. " * 100)
    [(_, outcome)] = import_many(sessions, [str(path)])
    assert isinstance(outcome, WorkbenchError) and "larger than" in str(outcome)


@pytest.mark.parametrize(
    ("words", "value", "expected"),
    [
        ("Inaccurate", 1, "inaccurate"), ("Untrue", 1, "inaccurate"), ("Not true", 1, "inaccurate"),
        ("Nicht richtig", None, "inaccurate"), ("Mostly false", 2, "inaccurate"),
        ("Mostly true", 4, "mostly_accurate"), ("Half true", 3, "misleading"),
        ("Richtig", None, "accurate"), ("Unbelegt", None, "unverified"),
        # words and number disagree: the number wins
        ("True", 1, "inaccurate"),
        (None, 5, "accurate"), (None, 1, "inaccurate"),
    ],
)  # fmt: skip
def test_claimreview_ratings_map_onto_our_scale(
    words: str | None, value: int | None, expected: str
) -> None:
    from workbench.importing.claimreview import map_rating

    rating: dict[str, object] = {}
    if words:
        rating["alternateName"] = words
    if value is not None:
        rating.update(ratingValue=value, bestRating=5, worstRating=1)
    assert map_rating(rating)[0] == expected


def test_json_formats_are_told_apart(session: Session, tmp_path: Path) -> None:
    pretty = tmp_path / "pretty.json"
    pretty.write_text('{"claims": [\n  {"text": "One claim."},\n  {"text": "Two claims."}\n]}\n')
    assert import_source(session, str(pretty)).claims_added == 2
    trailing = tmp_path / "trailing.json"
    trailing.write_text('[{"text": "A"}]\n{"text": oops')
    with pytest.raises(WorkbenchError, match="line 2"):
        import_source(session, str(trailing))
    markdown = tmp_path / "article.md"
    markdown.write_text(
        "[Home](https://example.org) | [News](https://example.org/news)\n\n"
        "The council approved a budget of $1.2 billion on Tuesday.\n"
    )
    assert import_source(session, str(markdown)).format == "text"


def test_sources_named_in_a_claims_file_are_shared(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        "text,source\nA rose 2%.,Destatis\nB fell 3%.,Destatis\nC held at 4%.,Destatis\n"
    )
    import_source(session, str(path))
    assert session.scalars(select(Source.name)).all() == ["Destatis"]


def test_overlong_values_are_refused_on_every_backend(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "long.csv"
    path.write_text(
        f"text,language,url\nA claim.,english (uk),\nB claim.,en,https://x.org/{'a' * 2100}\n"
    )
    [(_, outcome)] = import_many(sessions, [str(path)])
    assert isinstance(outcome, WorkbenchError) and "long.csv, line 2: `language`" in str(outcome)


def test_a_database_error_mid_file_rolls_the_whole_file_back(
    sessions: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import IntegrityError

    import workbench.importing.service as service

    real = service.find_or_create_source
    calls = {"n": 0}

    def second_call_fails(session, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise IntegrityError("INSERT INTO source", {}, Exception("duplicate key"))
        return real(session, **kwargs)

    monkeypatch.setattr(service, "find_or_create_source", second_call_fails)
    path = tmp_path / "two.csv"
    path.write_text("text,source\nFirst claim.,Reuters\nSecond claim.,AP\n")
    [(_, outcome)] = import_many(sessions, [str(path)])
    assert isinstance(outcome, WorkbenchError) and "database refused" in str(outcome)
    with sessions() as session:
        assert _counts(session) == (0, 0, 0, 0)
