"""The bulk part of taking a snapshot: records new to this vault go straight into their
tables and `sync_clocks` (one executemany per table and chunk), not through the
Merger's per-field loop.

It is only used while a joining vault takes its first snapshot from the start (not
when it resumes one cut off, where rows of the chunk may be here already): then no
record of the snapshot exists here, nothing waits in the outbox, and the snapshot
holds each record once, merged. So what the Merger would do to such a record is
known: insert its fields with their clocks, and derive a patient's search key from
its name. Everything else (tombstones, patient keys, clinicians, settings, a record
missing a required field, which the Merger keeps waiting) goes through the Merger as
before; `test_sync_snapshots.py` compares the result with a PC that replayed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.records.patient_fields import search_key
from pixiodoc_desktop.sync.bulk_rows import insert_rows
from pixiodoc_desktop.sync.ops import CHUNK, RecordWrites, TableInfo, core_table
from pixiodoc_desktop.vault.schema import SyncClock


def insert_new(
    session: Session, entries: list[dict[str, Any]], tables: dict[str, TableInfo]
) -> list[dict[str, Any]]:
    """Insert the entries that are whole live records; returns the rest (for the Merger)."""
    rest: list[dict[str, Any]] = []
    plan = RecordWrites()
    clocks: list[dict[str, Any]] = []
    held = _held(session, entries, tables)
    for entry in entries:
        entity = str(entry["e"])
        info = tables.get(entity)
        fields: dict[str, Any] = entry.get("f") or {}
        stamps: dict[str, Any] = entry.get("c") or {}
        if (
            info is None
            or entry.get("d")
            or (entity, str(entry["id"])) in held
            or not all(map(stamps.get, fields))  # a field without its clock
        ):
            rest.append(entry)
            continue
        values = info.values(fields)
        if info.required - values.keys():
            rest.append(entry)
            continue
        if entity == "patients" and not values.get("deleted"):  # as the Merger derives it
            values["search_key"] = search_key(
                str(values["family_name"]),
                str(values.get("given_name") or ""),
                values.get("external_id"),
            )
        entity_id = str(entry["id"])
        plan.inserts.setdefault(entity, {})[entity_id] = values
        clocks.append(
            {
                "entity": entity,
                "entity_id": entity_id,
                "clocks": {name: stamps[name] for name in fields if name != "id"},
                "deleted_hlc": None,
            }
        )
    if clocks:
        plan.execute(session, tables)
        insert_rows(session, core_table(SyncClock), clocks)
    return rest


def _held(
    session: Session, entries: list[dict[str, Any]], tables: dict[str, TableInfo]
) -> set[tuple[str, str]]:
    """Records of these entries that are here already (an erased patient's row, made by
    its key's tombstone) or whose patient is erased: the Merger decides about those."""
    wanted: dict[str, list[str]] = {}
    for entry in entries:
        if str(entry["e"]) in tables:
            wanted.setdefault(str(entry["e"]), []).append(str(entry["id"]))
    held: set[tuple[str, str]] = set()
    for entity, ids in wanted.items():
        pk = tables[entity].table.c.id
        for start in range(0, len(ids), CHUNK):
            part = ids[start : start + CHUNK]
            held.update((entity, i) for i in session.scalars(select(pk).where(pk.in_(part))))
            if entity == "patients":
                erased = select(SyncClock.entity_id).where(
                    SyncClock.entity == "patient_keys",
                    SyncClock.entity_id.in_(part),
                    SyncClock.deleted_hlc.is_not(None),
                )
                held.update(("patients", i) for i in session.scalars(erased))
    return held
