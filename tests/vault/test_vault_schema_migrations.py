"""The ORM classes and the Alembic revisions describe the same schema, in one line of history."""

from __future__ import annotations

import os
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from pixiodoc_desktop.vault import database, schema


def test_migrations_have_one_head() -> None:
    script = database.migration_scripts()
    assert len(script.get_heads()) == 1, f"several migration heads: {script.get_heads()}"


def test_migrated_database_matches_the_orm(tmp_path: Path) -> None:
    engine = database.open_engine(tmp_path / "vault.db", os.urandom(32))
    try:
        database.migrate(engine)
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": schema.managed_by_orm})
            diff = compare_metadata(context, schema.Base.metadata)
    finally:
        engine.dispose()
    assert diff == [], f"schema.py and the migrations disagree: {diff}"
