"""Opening the configured database for the app and the CLI: schema check and first-start seed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from workbench.config import Settings
from workbench.db import ensure_schema, make_engine, make_session_factory
from workbench.seeding import SeedResult, load_seed_story


@dataclass(frozen=True)
class Workspace:
    engine: Engine
    sessions: sessionmaker[Session]
    created: bool
    seed: SeedResult | None


def open_workspace(settings: Settings | None = None) -> Workspace:
    """Engine and session factory at the current schema; a new database gets the seed story."""
    settings = settings or Settings.from_env()
    engine = make_engine(settings.database_url)
    created = ensure_schema(engine)
    sessions = make_session_factory(engine)
    seed = None
    if created and settings.load_seed_on_first_start:
        with sessions.begin() as session:
            seed = load_seed_story(session)
    return Workspace(engine, sessions, created, seed)
