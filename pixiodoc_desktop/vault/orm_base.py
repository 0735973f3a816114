"""What every table of the vault is built on: the declarative base (its naming
convention and JSON columns), the columns every clinical record has (`Record`),
UTC times, and which tables Alembic compares with the ORM (`managed_by_orm`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The FTS5 trigram index of patients.search_key (migration 0013): made and kept in step
# by SQL (a virtual table, its shadow tables and triggers), not by the ORM.
SEARCH_INDEX = "patient_search"
# The words that start each part of a search key, beside the key (migration 0015): the
# matches that start a word, in key order, from an index range; kept in step by triggers.
SEARCH_WORDS = "patient_words"


def managed_by_orm(name: str | None, type_: str, _parents: Any) -> bool:
    """Alembic's `include_name`: the search indexes' tables are not the ORM's."""
    return not (
        type_ == "table" and name is not None and name.startswith((SEARCH_INDEX, SEARCH_WORDS))
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        list[str]: JSON,
        list[Any]: JSON,
    }


def utcnow() -> dt.datetime:
    """UTC without tzinfo: SQLite stores naive datetimes; all stored times are UTC."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Record:
    """Columns every clinical record has (mixed into the tables below)."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    created_by: Mapped[str] = mapped_column(String(36))
    updated_by: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer, default=1)
