"""Applying one part of a snapshot in one transaction (snapshot_take.py says when).

Records new here go in bulk (snapshot_bulk.py); the rest (tombstones, patient keys,
records this PC holds already, e.g. edited here while the parts arrive) through the
same `Merger` as a pull, note checks off (the snapshot carries the clinic's open note
conflicts). The images they name are fetched as a pull would. The clinic's erasure
list is applied in the same transaction, and so are erasures made here after the
snapshot was written: their records that come with later parts stay out (a record
that does not name its patient, such as a lesion's measurement, is erased as it
comes). The count of parts applied (TAKING) commits with the part.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.safekeeping.erasure import patient_records, scrub_local_copies
from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.audit_stream import apply_audit
from pixiodoc_desktop.sync.bulk_rows import collector_paused
from pixiodoc_desktop.sync.crypto import SyncKeys
from pixiodoc_desktop.sync.erase_apply import erase_in_session
from pixiodoc_desktop.sync.merge import Merger
from pixiodoc_desktop.sync.ops import Op, record_models
from pixiodoc_desktop.sync.pull import Batch, _wanted_blobs, download_blobs, record_blobs
from pixiodoc_desktop.sync.push import blob_owners
from pixiodoc_desktop.sync.snapshot_bulk import insert_new
from pixiodoc_desktop.sync.snapshots import TAKING, Manifest
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault import database, locking
from pixiodoc_desktop.vault.schema import SyncClock, SyncConflict


@dataclass(slots=True)
class Applied:
    """What the parts applied so far brought (a round reports it)."""

    ops: int = 0
    audit_events: int = 0
    blobs: int = 0
    blob_bytes: int = 0
    erased_patients: list[str] = field(default_factory=list)


def as_ops(entries: list[dict[str, Any]]) -> list[Op]:
    """The entries as ops: one per clock, as resend.py sends records again."""
    records = record_models()
    ops: list[Op] = []
    for entry in entries:
        entity, entity_id = str(entry["e"]), str(entry["id"])
        clocks = dict(entry.get("c") or {})
        if entry.get("d"):
            fields = {"scrub": entry.get("s") or {}} if entity == "patient_keys" else {}
            if entity == "patient_keys":  # loads the patient's row, so the scrub meets it
                ops.append(Op("patients", entity_id, "upsert", {}, str(entry["d"])))
            ops.append(Op(entity, entity_id, "delete", fields, str(entry["d"])))
            continue
        values = dict(entry.get("f") or {})
        by_clock: dict[str, dict[str, Any]] = {}
        for name, value in values.items():
            by_clock.setdefault(str(clocks.get(name, "")), {})[name] = value
        for hlc, group in sorted(by_clock.items()):
            if entity in records:
                group["id"] = entity_id
            ops.append(Op(entity, entity_id, "upsert", group, hlc))
    return ops


@dataclass(frozen=True, slots=True)
class Part:
    n: int
    document: dict[str, Any]
    taking: dict[str, Any]  # TAKING once it is in


def apply_part(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    manifest: Manifest,
    part: Part,
    erasures: list[Op],
    gone: set[str],
    credentials: dict[str, Any],
    tables: dict[str, Any],
    taken: Applied,
) -> None:
    """One part in one transaction, with the count of parts applied."""
    items: list[dict[str, Any]] = part.document["items"]
    kind = part.document["kind"]
    records = items if kind == "records" else []
    with ws.vault.read_session() as session:
        late = _erased_since(session, manifest)
    if late:  # erased here since the snapshot was written: their records stay out
        records = [e for e in records if (e.get("f") or {}).get("patient_id") not in late]
    # the images their photos name, and their patients' keys (download_blobs checks them)
    every = as_ops([e for e in records if e.get("e") in ("photos", "patient_keys")])
    with locking.writing(ws.vault.folder):
        now, later = _wanted_blobs(ws, [Batch("", 0, every, [])])
        count, size, failed = download_blobs(ws, store, keys, now, every + erasures)
        with (
            collector_paused(),
            ws.vault.write_session() as session,
            session.begin(),
            database.applying_cache(session),
        ):
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
            rest = insert_new(session, records, tables)
            taken.ops += len(records) - len(rest)
            merged = Merger(session, credentials, notes=False).apply(as_ops(rest))
            erased = merged.erased_patients + erase_in_session(session, erasures)
            _erase_arrivals(session, late)
            for patient in erased:
                if patient not in taken.erased_patients:
                    taken.erased_patients.append(patient)
            if kind == "conflicts":
                _conflicts(session, items, gone | set(taken.erased_patients) | set(late))
            if kind == "audit":
                taken.audit_events += _audit(session, items)
            owners = blob_owners(every)
            record_blobs(session, owners, [b for b in now if b not in failed], failed, later)
            state.put(session, TAKING, part.taking)
    taken.ops += merged.ops
    taken.blobs += count
    taken.blob_bytes += size


def _erased_since(session: Session, manifest: Manifest) -> dict[str, str]:
    """{patient: tombstone clock} of patients erased here that the snapshot holds."""
    rows = session.execute(
        select(SyncClock.entity_id, SyncClock.deleted_hlc).where(
            SyncClock.entity == "patient_keys", SyncClock.deleted_hlc.is_not(None)
        )
    )
    known = manifest.erased
    return {str(p): str(hlc) for p, hlc in rows if p not in known}


def _erase_arrivals(session: Session, late: dict[str, str]) -> None:
    """Records of patients erased here that reached this vault after all (one that does
    not name its patient, e.g. a lesion's measurement): tombstones, as erasure makes."""
    for patient_id, hlc in late.items():
        records = patient_records(session, patient_id)
        if records:
            ops = [Op(table, row_id, "delete", {}, hlc) for table, row_id in sorted(records)]
            Merger(session).apply(ops)
            scrub_local_copies(session, patient_id, records)


def _conflicts(session: Any, items: list[dict[str, Any]], erased: Any) -> None:
    rows = [
        {**item, "detected_at": dt.datetime.fromisoformat(str(item["detected_at"]))}
        for item in items
        if item.get("patient_id") not in erased
    ]
    if rows:
        session.execute(
            sqlite_insert(SyncConflict).on_conflict_do_nothing(index_elements=["id"]), rows
        )


def _audit(session: Any, items: list[dict[str, Any]]) -> int:
    by_device: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        by_device.setdefault(str(item["device_id"]), []).append(item)
    return sum(apply_audit(session, device, rows) for device, rows in by_device.items())
