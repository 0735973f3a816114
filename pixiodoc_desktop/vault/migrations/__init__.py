"""Alembic revisions of the vault schema (run on unlock)."""
