"""The database: created at the current schema, refused when behind, SQLite pragmas on."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from workbench.db import (
    SchemaBehindError,
    UnknownDatabaseError,
    current_revision,
    ensure_schema,
    head_revision,
    make_engine,
    upgrade,
)


def test_new_database_is_created_at_head(database_url: str) -> None:
    engine = make_engine(database_url)
    assert ensure_schema(engine) is True
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"article", "claim", "source", "source_link", "attribution", "reference"} <= tables
    assert {"passage", "evidence", "verdict", "reviewer", "reference_version"} <= tables
    # a second start finds it current and changes nothing
    assert ensure_schema(engine) is False
    engine.dispose()


def test_database_behind_is_refused_with_a_clear_message(database_url: str) -> None:
    engine = make_engine(database_url)
    ensure_schema(engine)
    with engine.begin() as connection:
        # pretend an older Workbench made it: a known revision that is not the head
        connection.execute(text("DROP TABLE verdict"))
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    with pytest.raises(UnknownDatabaseError, match="ffff"):
        ensure_schema(engine)
    engine.dispose()


def test_schema_behind_names_the_upgrade_command(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine(database_url)
    ensure_schema(engine)
    # a newer Workbench whose head is one migration ahead of this database
    monkeypatch.setattr("workbench.db.head_revision", lambda: "9999_future")

    class FakeRevision:
        revision = current_revision(engine)

    monkeypatch.setattr(
        "workbench.db.ScriptDirectory.walk_revisions", lambda self: iter([FakeRevision])
    )
    with pytest.raises(SchemaBehindError, match="workbench db upgrade"):
        ensure_schema(engine)
    engine.dispose()


def test_foreign_tables_are_not_touched(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE payroll (id INTEGER PRIMARY KEY)"))
    with pytest.raises(UnknownDatabaseError, match="payroll"):
        ensure_schema(engine)
    engine.dispose()


def test_sqlite_has_foreign_keys_and_wal(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    ensure_schema(engine)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    engine.dispose()


def test_upgrade_is_idempotent(database_url: str) -> None:
    engine = make_engine(database_url)
    before, after = upgrade(engine)
    assert before is None and after == head_revision()
    assert upgrade(engine) == (head_revision(), head_revision())
    engine.dispose()


def test_migrations_match_the_models(database_url: str) -> None:
    """A model change without its migration fails here, not in a newsroom's database."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from workbench.models import Base

    engine = make_engine(database_url)
    ensure_schema(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_several_processes_starting_on_a_new_database(database_url: str) -> None:
    """The app and a CLI started together: one creates and seeds, the others wait and reuse."""
    import os
    import subprocess
    import sys

    script = (
        "from workbench.bootstrap import open_workspace\n"
        "w = open_workspace()\n"
        "print('created' if w.created else 'reused')\n"
    )
    env = {**os.environ, "WORKBENCH_DATABASE_URL": database_url}
    runs = [
        subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outputs = sorted(run.communicate(timeout=120)[0].strip() for run in runs)
    assert [run.returncode for run in runs] == [0, 0, 0]
    assert outputs == ["created", "reused", "reused"]
    engine = make_engine(database_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM article")).scalar() == 1
    engine.dispose()


def test_check_constraints_follow_the_enumerations(database_url: str) -> None:
    """Alembic does not compare CHECK constraints: a rating or kind added in code needs a migration."""
    from workbench.models import AttributionKind, SourceKind, Stance
    from workbench.ratings import RATING_SCALE

    engine = make_engine(database_url)
    ensure_schema(engine)
    inspector = inspect(engine)
    expected = {
        "verdict": [r.key for r in RATING_SCALE],
        "source": [k.value for k in SourceKind],
        "attribution": [k.value for k in AttributionKind],
        "evidence": [s.value for s in Stance],
    }
    for table, values in expected.items():
        checks = " ".join(c["sqltext"] for c in inspector.get_check_constraints(table))
        for value in values:
            assert f"'{value}'" in checks, (table, value)
    engine.dispose()
