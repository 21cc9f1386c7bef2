"""The `workbench` command through click's CliRunner, on real SQLite files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from workbench.cli import cli
from workbench.config import SEEDS_DIR
from workbench.db import make_engine

SEED_ARTICLE = SEEDS_DIR / "t3n-2025-08-30-musk-zuckerberg-openai.de.txt"


@pytest.fixture
def runner(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("WORKBENCH_NO_SEED", "1")
    return CliRunner()


def _verbs() -> list[str]:
    return sorted(cli.commands)


def test_help_lists_every_verb_with_an_example(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for verb in _verbs():
        assert verb in result.output
        sub = runner.invoke(cli, [verb, "--help"])
        assert sub.exit_code == 0
        command = cli.commands[verb]
        subcommands = getattr(command, "commands", {})
        if subcommands:
            for name in subcommands:
                help_text = runner.invoke(cli, [verb, name, "--help"]).output
                assert "Example:" in help_text, f"{verb} {name}"
        else:
            assert "Example:" in sub.output, verb


def test_import_then_claims_json(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["import", str(SEED_ARTICLE), "--outlet", "t3n"])
    assert result.exit_code == 0, result.output
    assert "claims" in result.output
    listing = runner.invoke(cli, ["claims", "--json"])
    assert listing.exit_code == 0, listing.output
    claims = json.loads(listing.stdout)
    assert claims
    expected_keys = {"id", "article_id", "text", "language", "span", "check_worthiness"}
    assert expected_keys | {"attributions", "verdict"} <= set(claims[0])
    ft = next(c for c in claims if "Financial Times" in c["text"])
    [attribution] = ft["attributions"]
    assert set(attribution) >= {"phrase", "span", "source", "source_kind", "kind"}
    assert attribution["source_kind"] == "news_outlet" and attribution["kind"] == "reported"
    assert ft["verdict"] is None
    # the same article again changes nothing
    again = runner.invoke(cli, ["import", str(SEED_ARTICLE), "--outlet", "T3N"])
    assert again.exit_code == 0 and "already imported" in again.output
    assert len(json.loads(runner.invoke(cli, ["claims", "--json"]).stdout)) == len(claims)
    # the same text syndicated by another outlet is a second article
    syndicated = runner.invoke(cli, ["import", str(SEED_ARTICLE), "--outlet", "Yahoo News"])
    assert syndicated.exit_code == 0 and "already imported" not in syndicated.output
    assert len(json.loads(runner.invoke(cli, ["claims", "--json"]).stdout)) == 2 * len(claims)


def test_import_failure_sets_exit_status_and_names_the_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('[{"text": "ok"}, {"text": ')
    result = runner.invoke(cli, ["import", str(bad), str(SEED_ARTICLE)])
    assert result.exit_code == 1
    assert "broken.json, line 1" in result.output
    assert "Traceback" not in result.output
    assert "1 of 2 sources failed" in result.output


def test_claims_for_a_missing_article(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["claims", "--article", "99"])
    assert result.exit_code == 2 and "no article 99" in result.output


def test_seed_and_db_commands(runner: CliRunner) -> None:
    status = runner.invoke(cli, ["db", "status"])
    assert status.exit_code == 0 and "empty" in status.output
    upgraded = runner.invoke(cli, ["db", "upgrade"])
    assert upgraded.exit_code == 0 and "Upgraded" in upgraded.output
    first = runner.invoke(cli, ["seed"])
    assert first.exit_code == 0 and "Loaded the seed story" in first.output
    second = runner.invoke(cli, ["seed"])
    assert second.exit_code == 0 and "already loaded" in second.output


def test_outdated_database_is_refused_without_traceback(runner: CliRunner, sqlite_url: str) -> None:
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    engine = make_engine(sqlite_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'old0'"))
    engine.dispose()
    result = runner.invoke(cli, ["claims"])
    assert result.exit_code == 2
    assert "old0" in result.output and "Traceback" not in result.output


def test_seed_refuses_a_database_where_the_article_was_imported_plainly(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["import", str(SEED_ARTICLE), "--outlet", "t3n"]).exit_code == 0
    result = runner.invoke(cli, ["seed"])
    assert result.exit_code == 2
    assert "already imported as a plain article" in result.output
