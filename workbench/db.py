"""The one place that makes engines and sessions, and keeps the schema at Alembic's head."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from workbench.config import MIGRATIONS_DIR
from workbench.errors import WorkbenchError


class SchemaBehindError(WorkbenchError):
    """The database was made by an older Workbench and needs `workbench db upgrade`."""


class UnknownDatabaseError(WorkbenchError):
    """The database holds tables Workbench did not make, or a revision it does not know."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # a second process (CLI import while the app runs) waits instead of failing at once
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(database_url: str) -> Engine:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # objects stay readable after commit, so a page can show what it just saved
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One user action, one transaction: commit on success, roll back on any error."""
    with factory.begin() as session:
        yield session


def _alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None, "no migrations found"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _display_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Apply pending migrations; returns (revision before, revision after)."""
    before = current_revision(engine)
    command.upgrade(_alembic_config(engine), "head")
    return before, head_revision()


def ensure_schema(engine: Engine) -> bool:
    """Create a new, empty database at the current schema; refuse an outdated one.

    Returns True when the database was created now (callers load the seed story then).
    """
    revision = current_revision(engine)
    head = head_revision()
    if revision == head:
        return False
    if revision is None:
        tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
        if tables:
            raise UnknownDatabaseError(
                f"The database at {_display_url(engine)} has tables but no Workbench schema "
                f"revision ({', '.join(sorted(tables)[:5])}, ...). Point WORKBENCH_DATABASE_URL "
                "at an empty or a Workbench database."
            )
        upgrade(engine)
        return True
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
        raise UnknownDatabaseError(
            f"The database at {_display_url(engine)} is at schema revision {revision}, which "
            "this version of Workbench does not know (was it made by a newer Workbench?)."
        )
    raise SchemaBehindError(
        f"The database at {_display_url(engine)} is at schema revision {revision}, but this "
        f"Workbench needs {head}. Back it up, then run `workbench db upgrade`."
    )
