"""`workbench match --claim ID` against the database, through click's CliRunner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from workbench.cli import cli

CAGE = "Erst im vergangenen Jahr forderte Musk den Meta-Chef"


@pytest.fixture
def runner(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A database with the seed story (loaded on first use)."""
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    monkeypatch.delenv("WORKBENCH_NO_SEED", raising=False)
    return CliRunner()


def _claim_id(runner: CliRunner, fragment: str) -> int:
    listing = runner.invoke(cli, ["claims", "--json"])
    assert listing.exit_code == 0, listing.output
    return next(c["id"] for c in json.loads(listing.stdout) if fragment in c["text"])


def test_match_claim_lists_evidence_candidates_with_the_year_flagged(runner: CliRunner) -> None:
    claim_id = _claim_id(runner, CAGE)
    result = runner.invoke(cli, ["match", "--claim", str(claim_id), "--top", "3", "--lexical"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"Claim {claim_id}:")
    ranked = [line for line in lines if line.lstrip().startswith(("1.", "2.", "3."))]
    assert len(ranked) == 3
    assert "MISMATCH date: the claim says 2024, the evidence 2023" in result.stdout


def test_match_claim_json_keeps_the_batch_keys(runner: CliRunner) -> None:
    claim_id = _claim_id(runner, CAGE)
    result = runner.invoke(
        cli, ["match", "--claim", str(claim_id), "--top", "5", "--format", "json", "--lexical"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["rank"] for r in records] == [1, 2, 3, 4, 5]
    first = records[0]
    assert {"query_id", "corpus_id", "rank", "score", "mismatches", "matched"} <= set(first)
    assert first["query_id"] == str(claim_id)
    assert first["corpus_id"] == f"passage:{first['passage_id']}"
    assert first["exact"] and first["exact"] in first["text"]
    flagged = [m for r in records for m in r["mismatches"] if m["field"] == "date"]
    assert any(m["claim_value"] == "2024" for m in flagged)


def test_match_needs_a_claim_or_a_queries_file(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["match"])
    assert result.exit_code != 0
    assert "--claim" in result.output and "QUERIES" in result.output


def test_match_an_unknown_claim_is_a_clear_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["match", "--claim", "99999", "--lexical"])
    assert result.exit_code != 0
    assert "99999" in result.output
    assert "Traceback" not in result.output


def test_match_claim_says_which_path_it_took(runner: CliRunner) -> None:
    claim_id = _claim_id(runner, CAGE)
    result = runner.invoke(cli, ["match", "--claim", str(claim_id), "--top", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Claim {claim_id}:")
    assert "matching path: " in result.stderr
