import numpy as np
import pytest

from workbench.matching.index import IndexLoadError, LexicalIndex
from workbench.matching.normalise import normalise

PASSAGES = {
    "budget": "The city council approved a new budget for schools and hospitals.",
    "merger": "Two regional banks announced a merger worth $3.2 billion.",
    "strike": "Train drivers went on strike over pay for the third time this year.",
    "vaccine": "Regulators approved a new vaccine against respiratory infections.",
}


@pytest.fixture
def index():
    built = LexicalIndex()
    built.add_many((doc_id, text, "en", None) for doc_id, text in PASSAGES.items())
    return built


def top(index, query):
    matches = index.search(query, k=3)
    return matches[0].doc_id if matches else None


def test_search_ranks_from_one_with_scores_in_range(index):
    matches = index.search("city council budget", k=3)
    assert [m.rank for m in matches] == list(range(1, len(matches) + 1))
    assert matches[0].doc_id == "budget"
    assert all(0 <= m.score <= 1 for m in matches)
    assert matches == sorted(matches, key=lambda m: -m.score)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("citty councl aproved budgett", "budget"),
        ("train drviers strik", "strike"),
        ("regulators approve vaccines", "vaccine"),
        ("banks merging, 3,2 Milliarden Dollar", "merger"),
    ],
)
def test_typos_and_word_forms_still_retrieve(index, query, expected):
    assert top(index, query) == expected


def test_add_and_remove_are_incremental(index):
    index.add("ferry", "A new ferry line links the two islands from next summer.")
    assert top(index, "ferry islands") == "ferry"
    index.remove("ferry")
    assert "ferry" not in index
    assert all(m.doc_id != "ferry" for m in index.search("ferry islands"))
    assert len(index) == len(PASSAGES)


def test_adding_an_existing_id_replaces_the_passage(index):
    index.add("budget", "A ferry line links two islands.")
    assert top(index, "ferry islands") == "budget"
    assert all(m.doc_id != "budget" for m in index.search("city council schools"))


def test_save_and_load_round_trip(index, tmp_path):
    index.add("ferry", "A new ferry line links the two islands from next summer.")
    index.remove("strike")
    index.save(tmp_path / "ix")
    loaded = LexicalIndex.load(tmp_path / "ix")
    assert len(loaded) == len(index)
    for query in ("city council budget", "ferry islands", "new vaccine", "banks merger"):
        assert [(m.doc_id, m.score) for m in loaded.search(query)] == [
            (m.doc_id, m.score) for m in index.search(query)
        ]
    assert "strike" not in loaded
    assert loaded.text("ferry").startswith("A new ferry")
    loaded.add("tram", "The tram network gets twelve new stops.")
    assert top(loaded, "tram stops") == "tram"


def test_load_of_a_folder_without_an_index_says_so(tmp_path):
    with pytest.raises(IndexLoadError, match="not a saved matching index"):
        LexicalIndex.load(tmp_path)


def test_merge_after_many_small_adds_keeps_results():
    def code(i):
        return "".join(chr(97 + (i // 26**k) % 26) for k in range(3))

    index = LexicalIndex()
    for i in range(6000):  # more than the pending limit: forces a merge on the way
        index.add(f"p{i}", f"Passage about zz{code(i % 97)} and yy{code(i)}.")
    assert index._pending == [] or len(index._pending) < 6000
    assert top(index, f"zz{code(5005 % 97)} yy{code(5005)}") == "p5005"


def test_empty_index_and_empty_query():
    assert LexicalIndex().search("anything") == []
    index = LexicalIndex()
    index.add("a", "Some text.")
    assert index.search("the of and") == []


def test_len_counts_the_passages_not_removed_through_replace_merge_and_load(tmp_path):
    index = LexicalIndex()
    index.add_many(
        (f"p{i}", f"Passage number {i} on the harbour.", "en", None) for i in range(6000)
    )
    index.add("p1", "Replaced text about a ferry.")
    index.remove("p2")
    index.remove("p3")
    assert len(index) == 5998
    index.save(tmp_path / "index")
    assert len(LexicalIndex.load(tmp_path / "index")) == 5998


def test_a_word_in_most_passages_is_summed_like_a_rare_one():
    """When a query's postings cover much of the index, the scores are summed over a dense
    array of every passage instead of per posting: same candidates, same order."""
    index = LexicalIndex()
    texts = {f"r{i}": f"Budget report {i} from the council." for i in range(300)}
    texts["target"] = "Budget report on the harbour dredging from the council."
    index.add_many((doc_id, text, "en", None) for doc_id, text in texts.items())
    index.remove("r7")
    query = "council budget report harbour dredging"
    assert index.search(query)[0].doc_id == "target"
    docs, _ = index.candidates(normalise(query), limit=len(texts))
    assert len(docs) == len(texts) - 1  # every passage but the removed one
    assert "r7" not in {index._doc_ids[n] for n in docs.tolist()}
    # the same passages, few of them: the per-posting path
    few = LexicalIndex()
    few.add_many((d, texts[d], "en", None) for d in ("target", "r1", "r2"))
    assert [m.doc_id for m in few.search("council budget report harbour dredging")][0] == "target"


def test_the_language_given_is_kept_and_unknown_is_none(tmp_path):
    index = LexicalIndex()
    index.add_many(
        [
            ("a", "Ein Text.", "de-CH", None),
            ("b", "A text.", "EN", None),
            ("c", "Texte.", None, None),
        ]
    )
    assert [index.language(d) for d in "abc"] == ["de", "en", None]
    index.save(tmp_path / "index")
    assert LexicalIndex.load(tmp_path / "index").language("a") == "de"


def test_one_id_twice_in_one_batch_keeps_the_last():
    index = LexicalIndex()
    index.add_many(
        [
            ("x", "A ferry line links two islands.", "en", None),
            ("x", "The city council approved a budget.", "en", None),
        ]
    )
    assert len(index) == 1
    assert [m.doc_id for m in index.search("city council budget")] == ["x"]
    assert index.search("ferry islands") == []
    index.remove("x")
    assert index.search("city council budget") == [] and len(index) == 0


def test_a_transcribed_name_is_the_same_name_and_its_figures_are_compared():
    index = LexicalIndex()
    index.add(
        "zakharova",
        "Russian foreign ministry spokeswoman Maria Zakharova said 25 drones were shot down.",
        "en",
    )
    index.add("lindner", "Christiane Lindner said 25 drones were shot down.", "en")
    claim = "Außenamtssprecherin Maria Sacharowa sagte, 30 Drohnen seien abgeschossen worden."
    by_id = {m.doc_id: m for m in index.search(claim, language="de")}
    assert by_id["zakharova"].matched["names"] == ["maria sacharowa"]
    assert any(m.field == "number" for m in by_id["zakharova"].mismatches)
    # another person with a name a letter apart from "Christian" is not the same name
    claim_about_christian = "Christian Lindner sagte, 30 Drohnen seien abgeschossen worden."
    lindner = {m.doc_id: m for m in index.search(claim_about_christian, language="de")}["lindner"]
    assert "christian lindner" not in lindner.matched["names"]


def test_one_id_twice_in_a_bulk_batch_keeps_the_last(tmp_path):
    items = [(f"p{i}", f"Harbour report number {i}.", "en", None) for i in range(6000)]
    items.append(("p0", "The city council approved a budget.", "en", None))
    index = LexicalIndex()
    index.add_many(items)
    assert len(index) == 6000
    assert index.search("city council budget")[0].doc_id == "p0"
    assert all(m.doc_id != "p0" for m in index.search("harbour report number 0"))
    index.save(tmp_path / "index")
    assert len(LexicalIndex.load(tmp_path / "index")) == 6000


WIRE = "Regulators fined the bank 2.1 billion euros for money laundering failures on Tuesday."
OTHER = "The city council approved a new budget for schools and bus lanes."
# shares some words with each: how much of it a passage matches depends on the words' idf
QUERY = "Regulators fined the bank over laundering, while the council approved budget cuts."
FILLER = [
    (f"x{i}", f"Other news item number {i} about weather and sport.", "en", None) for i in range(50)
]


def _scores(index: LexicalIndex) -> dict[str, float]:
    return {m.doc_id: m.score for m in index.search(QUERY, k=60, with_explanation=False)}


def test_the_same_text_in_many_outlets_counts_once_in_document_frequency(tmp_path):
    single = LexicalIndex()
    single.add_many([("wire", WIRE, "en", None), ("other", OTHER, "en", None), *FILLER])
    many = LexicalIndex()
    many.add_many([(f"copy{i}", WIRE, "en", None) for i in range(20)])
    many.add_many([("other", OTHER, "en", None), *FILLER])
    assert np.array_equal(single._df[: len(single._terms)], many._df[: len(many._terms)])
    one, twenty = _scores(single), _scores(many)
    # counted twenty times, its words would look common: the wire copy fell from 0.47 to 0.30
    assert twenty["copy0"] == pytest.approx(one["wire"], abs=0.03)
    assert twenty["copy19"] == twenty["copy0"]
    # removing copies keeps the count until the last goes, also after a save and load
    many.save(tmp_path / "index")
    loaded = LexicalIndex.load(tmp_path / "index")
    for index in (many, loaded):
        for i in range(19):
            index.remove(f"copy{i}")
        assert np.array_equal(single._df[: len(single._terms)], index._df[: len(index._terms)])
        index.remove("copy19")
        assert "copy19" not in _scores(index)
        alone = LexicalIndex()
        alone.add_many([("other", OTHER, "en", None), *FILLER])
        assert {index._terms[t] for t in np.flatnonzero(index._df)} == set(
            alone._terms[t] for t in np.flatnonzero(alone._df)
        )


def test_a_first_bulk_build_counts_repeated_texts_once_too():
    items = [(f"n{i}", f"Report number {i} on the harbour works.", "en", None) for i in range(5000)]
    items += [(f"wire{i}", WIRE, "en", None) for i in range(20)]
    index = LexicalIndex()
    index.add_many(items)
    laundering = index._vocab[next(t for t in index._vocab if t.startswith("laund"))]
    assert index._df[laundering] == 1
    for i in range(19):
        index.remove(f"wire{i}")
    assert index._df[laundering] == 1
    index.remove("wire19")
    assert index._df[laundering] == 0
