"""Opening the configured database for the app and the CLI: schema check and first-start seed."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from workbench.config import Settings
from workbench.db import ensure_schema, make_engine, make_session_factory
from workbench.seeding import SeedResult, load_seed_story

# any fixed number: every Workbench process agrees on it
_POSTGRES_LOCK_KEY = 0x57_42_42_4F


@dataclass(frozen=True)
class Workspace:
    engine: Engine
    sessions: sessionmaker[Session]
    created: bool
    seed: SeedResult | None


@contextmanager
def first_start_lock(engine: Engine) -> Iterator[None]:
    """One process at a time creates and seeds a new database (the app and a CLI may race)."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _POSTGRES_LOCK_KEY})
            try:
                yield
            finally:
                connection.execute(
                    text("SELECT pg_advisory_unlock(:key)"), {"key": _POSTGRES_LOCK_KEY}
                )
                connection.commit()
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    lock_path = Path(f"{database}.lock")
    with lock_path.open("a") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def open_workspace(settings: Settings | None = None) -> Workspace:
    """Engine and session factory at the current schema; a new database gets the seed story."""
    settings = settings or Settings.from_env()
    engine = make_engine(settings.database_url)
    sessions = make_session_factory(engine)
    seed = None
    with first_start_lock(engine):
        created = ensure_schema(engine)
        if created and settings.load_seed_on_first_start:
            with sessions.begin() as session:
                seed = load_seed_story(session)
    return Workspace(engine, sessions, created, seed)
