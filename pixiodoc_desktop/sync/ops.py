"""The pieces of an apply: operations as they travel, the synced tables, one
apply's plan of writes (a few executemany calls instead of one statement per row)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, delete, update
from sqlalchemy.orm import Session
from sqlalchemy.types import Date, DateTime, LargeBinary

from pixiodoc_desktop.sync.bulk_rows import insert_rows
from pixiodoc_desktop.vault.schema import (
    Base,
    Record,
)

NOTE_FIELDS = {
    ("patients", "notes"),
    ("visits", "notes"),
    ("photos", "notes"),
    ("lesions", "notes"),
}
# Records that must be unique by something other than their id. Two PCs can make
# such a record at once (the same image imported twice, the same grant given
# twice); the one with the smaller id wins everywhere, the other is tombstoned.
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "photos": ("patient_id", "blob_id"),
    "grants": ("patient_id", "grantee"),
}
# What a record is, fixed when it is made: a remote op never changes these once this PC
# has the record (or has taken them from an earlier op). A photo is its image objects,
# what describes them, when it was taken, whose it is, at which visit and who added
# it; its tags, notes, annotations, body site, lesion and deletion stay editable
# (last writer wins). Audit events are not records: they travel as a per-device chain
# that is only ever appended to (audit_stream.py).
IMMUTABLE_FIELDS: dict[str, frozenset[str]] = {
    "photos": frozenset(
        {
            "patient_id",
            "visit_id",
            "blob_id",
            "thumbnail_blob_id",
            "screen_blob_id",
            "media_type",
            "size_bytes",
            "width",
            "height",
            "bit_depth",
            "captured_at",
            "created_at",
            "created_by",
        }
    ),
}
# clinic-wide settings (the licence, audit retention: the clinic's, not one PC's); the rest stay local
SYNCED_SETTINGS = (
    "clinic_name",
    "licence",
    "audit_retention_days",
    "lesion_growth_mm",
    "body_series_poses",
)
BASE_KEY = "__base"
CLINICIAN_FIELDS = ("login", "display_name", "role", "active", "created_at", "credential")
CHUNK = 500


def record_models() -> dict[str, type[Base]]:
    """Every synced clinical table by name: the ORM classes that mix in Record."""
    out: dict[str, type[Base]] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if issubclass(cls, Record) and issubclass(cls, Base):
            out[cls.__tablename__] = cls
    return out


def core_table(model: type[Base]) -> Table:
    """The model's Core table: an executemany on it skips the ORM's work per row."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _converter(column_type: Any) -> Callable[[Any], Any] | None:
    """From JSON to the column's Python type; None: taken as it is."""
    if isinstance(column_type, DateTime):
        return lambda v: dt.datetime.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(column_type, Date):
        return lambda v: dt.date.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(column_type, LargeBinary):
        return lambda v: bytes.fromhex(v) if isinstance(v, str) else v
    return None


@dataclass(slots=True)
class TableInfo:
    table: Table
    convert: dict[str, Callable[[Any], Any]]  # the columns whose JSON value needs converting
    required: set[str]
    columns: frozenset[str] = frozenset()

    def values(self, fields: dict[str, Any]) -> dict[str, Any]:
        """The fields that are columns (but the id), as the columns take them."""
        convert, columns = self.convert, self.columns
        return {
            name: convert[name](value) if name in convert else value
            for name, value in fields.items()
            if name in columns and name != "id"
        }


def table_info(model: type[Base]) -> TableInfo:
    table = model.__table__
    assert isinstance(table, Table)
    convert = {
        c.name: converter for c in table.columns if (converter := _converter(c.type)) is not None
    }
    required = {
        c.name
        for c in table.columns
        if not c.nullable and c.default is None and c.server_default is None and not c.primary_key
    }
    return TableInfo(table, convert, required, frozenset(c.name for c in table.columns))


@dataclass(slots=True)
class Op:
    entity: str
    entity_id: str
    operation: str
    fields: dict[str, Any]
    hlc: str
    base: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Op:
        return cls(
            str(raw["e"]),
            str(raw["id"]),
            str(raw["op"]),
            dict(raw.get("f") or {}),
            str(raw["h"]),
            dict(raw.get("b") or {}),
        )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "e": self.entity,
            "id": self.entity_id,
            "op": self.operation,
            "f": self.fields,
            "h": self.hlc,
        }
        if self.base:
            out["b"] = self.base
        return out


@dataclass(slots=True)
class ApplyResult:
    ops: int = 0
    audit_events: int = 0
    conflicts: int = 0
    erased_patients: list[str] = field(default_factory=list)
    header_changed: bool = False
    highest_hlc: str = ""


@dataclass(slots=True)
class RowState:
    """What this apply does to one record: its merged clocks and the changed values."""

    clocks: dict[str, str]
    deleted_hlc: str | None
    exists: bool | None = None
    changes: dict[str, Any] = field(default_factory=dict)
    delete: bool = False
    dirty: bool = False


@dataclass(slots=True)
class RecordWrites:
    """Every insert, update and delete of one apply, executed as a few executemany calls."""

    inserts: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    updates: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    deletes: dict[str, list[str]] = field(default_factory=dict)

    def execute(self, session: Session, tables: dict[str, TableInfo]) -> None:
        for entity, ids in self.deletes.items():
            table = tables[entity].table
            session.execute(
                delete(table).where(table.c.id == bindparam("_pk")), [{"_pk": i} for i in ids]
            )
        for entity, rows in self.inserts.items():
            groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for entity_id, values in rows.items():
                groups.setdefault(tuple(sorted(values)), []).append({"id": entity_id, **values})
            for batch in groups.values():
                insert_rows(session, tables[entity].table, batch)
        for entity, rows in self.updates.items():
            table = tables[entity].table
            by_keys: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for entity_id, values in rows.items():
                params = {"_pk": entity_id, **{f"v_{k}": v for k, v in values.items()}}
                by_keys.setdefault(tuple(sorted(values)), []).append(params)
            for names, batch in by_keys.items():
                assignments: dict[str, Any] = {n: bindparam(f"v_{n}") for n in names}
                # keep the stored time unless it changed: the column's onupdate would stamp now
                assignments.setdefault("updated_at", table.c.updated_at)
                session.execute(
                    update(table).where(table.c.id == bindparam("_pk")).values(assignments),
                    batch,
                )
