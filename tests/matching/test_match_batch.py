import io
import json

import pytest
from click.testing import CliRunner

from workbench.matching.batch import MatchInputError, build_index, match_files
from workbench.matching.cli import match_command


@pytest.fixture
def files(tmp_path):
    corpus = tmp_path / "corpus.tsv"
    corpus.write_text(
        "cage\tMusk challenged Zuckerberg to a cage match on June 21, 2023.\n"
        "offer\tA Musk-led group offered $97.4 billion for OpenAI on February 10, 2025.\n"
        "budget\tThe city council approved a new budget for schools.\n",
        encoding="utf-8",
    )
    queries = tmp_path / "queries.tsv"
    queries.write_text(
        "q1\tErst im vergangenen Jahr forderte Musk Zuckerberg zu einem Käfigkampf heraus."
        "\t2025-08-30\n"
        "q2\tMusk bot 97,4 Milliarden US-Dollar für OpenAI\n",
        encoding="utf-8",
    )
    return queries, corpus


def test_tsv_output(files):
    out = io.StringIO()
    assert match_files(*files, top_k=2, output_format="tsv", out=out) == 2
    lines = [line.split("\t") for line in out.getvalue().splitlines()]
    assert lines[0][:3] == ["q1", "cage", "1"]
    assert [row[0] for row in lines].count("q2") <= 2
    q2 = [row for row in lines if row[0] == "q2"]
    assert q2[0][1:3] == ["offer", "1"]
    assert all(0 <= float(row[3]) <= 1 for row in lines)


def test_json_output_carries_facts_and_mismatches(files):
    out = io.StringIO()
    match_files(*files, top_k=1, output_format="json", out=out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert set(records[0]) == {
        "query_id",
        "corpus_id",
        "rank",
        "score",
        "mismatches",
        "matched",
    }
    first = records[0]
    assert (first["query_id"], first["corpus_id"], first["rank"]) == ("q1", "cage", 1)
    assert first["mismatches"] == [
        {"field": "date", "claim_value": "2024", "evidence_value": "2023-06-21"}
    ]
    assert "USD:97400000000" in records[1]["matched"]["numbers"]


def test_malformed_query_line_names_file_and_line(files, tmp_path):
    _, corpus = files
    bad = tmp_path / "bad.tsv"
    bad.write_text("q1\tfine claim\nthis line has no tab\n", encoding="utf-8")
    with pytest.raises(MatchInputError, match=r"bad\.tsv: line 2"):
        match_files(bad, corpus, out=io.StringIO())


def test_bad_anchor_date_is_reported(files, tmp_path):
    _, corpus = files
    bad = tmp_path / "bad.tsv"
    bad.write_text("q1\tclaim\t30.08.2025\n", encoding="utf-8")
    with pytest.raises(MatchInputError, match="line 1: .* '30.08.2025' is not a date"):
        match_files(bad, corpus, out=io.StringIO())


def test_cli_tsv_and_cache(files, tmp_path):
    queries, corpus = files
    runner = CliRunner()
    args = [str(queries), "--against", str(corpus), "--top", "1", "--cache", str(tmp_path / "c")]
    args.append("--lexical")
    first = runner.invoke(match_command, args)
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[0].startswith("q1\tcage\t1\t")
    assert "lexical" in first.stderr
    assert any((tmp_path / "c").iterdir())
    second = runner.invoke(match_command, args)
    assert second.stdout == first.stdout


def test_cli_semantic_falls_back_with_a_note(files, monkeypatch):
    """Without the [semantic] extra, --semantic says so and matches lexically."""
    monkeypatch.setattr("workbench.matching.cli.semantic_available", lambda: False)
    queries, corpus = files
    result = CliRunner().invoke(
        match_command, [str(queries), "--against", str(corpus), "--semantic", "--format", "json"]
    )
    assert result.exit_code == 0
    assert "semantic matching needs the [semantic] extra; using lexical" in result.stderr
    assert "matching path: lexical" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["query_id"] == "q1"


def test_cli_malformed_file_exits_non_zero_without_traceback(files, tmp_path):
    _, corpus = files
    bad = tmp_path / "bad.tsv"
    bad.write_text("only-an-id\n", encoding="utf-8")
    result = CliRunner().invoke(match_command, [str(bad), "--against", str(corpus)])
    assert result.exit_code != 0
    assert "bad.tsv: line 1" in result.stderr
    assert "Traceback" not in result.output


def test_cli_defaults_to_lexical_without_the_extra(files, monkeypatch):
    monkeypatch.setattr("workbench.matching.cli.semantic_available", lambda: False)
    queries, corpus = files
    result = CliRunner().invoke(match_command, [str(queries), "--against", str(corpus)])
    assert result.exit_code == 0
    assert "matching path: lexical" in result.stderr
    assert "needs the [semantic] extra" not in result.stderr


def test_a_cached_index_from_another_normaliser_is_built_again(files, tmp_path):
    """``--cache`` keys the index by the corpus file; the code that read it counts too."""
    _, corpus = files
    cache = tmp_path / "cache"
    build_index(corpus, cache_dir=cache)
    (manifest_path,) = cache.glob("index-*/manifest.json")
    manifest = json.loads(manifest_path.read_text("utf-8"))
    manifest_path.write_text(json.dumps(manifest | {"reader": "older"}), "utf-8")
    index = build_index(corpus, cache_dir=cache)
    assert len(index) > 0
    assert json.loads(manifest_path.read_text("utf-8"))["reader"] != "older"  # saved again
