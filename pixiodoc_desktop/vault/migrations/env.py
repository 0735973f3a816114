"""Alembic environment: always driven from code with an open SQLCipher engine."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from pixiodoc_desktop.vault.schema import Base, managed_by_orm

engine = context.config.attributes.get("engine")
if not isinstance(engine, Engine):
    raise RuntimeError("vault migrations run only through pixiodoc_desktop.vault.database.migrate")

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        include_name=managed_by_orm,
    )
    with context.begin_transaction():
        context.run_migrations()
