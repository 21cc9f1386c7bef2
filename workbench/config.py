"""Settings from the environment: where the database and the evidence archive live."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DB_DIR = PROJECT_ROOT / "db"
SEEDS_DIR = PROJECT_ROOT / "seeds"
MIGRATIONS_DIR = DB_DIR / "migrations"
DEFAULT_DATABASE_URL = f"sqlite:///{DB_DIR / 'workbench.sqlite3'}"


@dataclass(frozen=True)
class Settings:
    database_url: str
    archive_dir: Path
    load_seed_on_first_start: bool

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(
            database_url=env.get("WORKBENCH_DATABASE_URL") or DEFAULT_DATABASE_URL,
            archive_dir=Path(env.get("WORKBENCH_ARCHIVE_DIR") or DB_DIR / "archive"),
            load_seed_on_first_start=env.get("WORKBENCH_NO_SEED", "") not in {"1", "true"},
        )
