"""Alembic environment: migrates the engine Workbench hands over, or WORKBENCH_DATABASE_URL."""

from alembic import context

from workbench.config import Settings
from workbench.db import make_engine
from workbench.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine") or make_engine(Settings.from_env().database_url)
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            # SQLite alters little in place: batch mode copies and swaps tables
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `workbench db upgrade`")
run_migrations_online()
