"""Records sent again from what a PC holds, when the batch that carried them is lost and
no copy of it is kept (a batch written before PCs kept copies, or one whose writer is
gone and an Admin accepted as lost).

Every field of every record keeps the clock of its last write (`sync_clocks`), and
a clock ends in the id of the device that wrote it. So a PC can rebuild, from its
own records, every value and tombstone a device wrote last, with that device's own
clocks: one op per clock, carrying the record's current values of the fields that
clock stamps. Applied anywhere, these change nothing a PC already has at that clock
or later (last writer wins), and give a PC that missed the lost batch what it held.

- The writer of a lost batch that keeps no copy of it puts a *rebuilt* batch under
  the lost number (`rebuilt_batch`): its own records, and its own audit events
  from the range the lost batch must have carried. The rebuilt batch names no
  predecessor (links.py): its successor, written long before, cannot name it.
- When an Admin accepts another device's batch as lost (losses.py), every PC that
  applied that batch before it was lost sends that device's records again, in its
  own next batch (`queue_for`), so that the PCs that never got it converge.

A note edit sent again carries no base, so a PC that holds another, older edit of
that note may show a note conflict for it, which a clinician resolves as usual.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import SyncDataDamaged
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.audit_stream import audit_row_json
from pixiodoc_desktop.sync.crypto import SyncKeys, open_json
from pixiodoc_desktop.sync.directory import scrubbed_patient
from pixiodoc_desktop.sync.ops import Op, record_models
from pixiodoc_desktop.sync.push import batch_key
from pixiodoc_desktop.sync.store import NotFound, ObjectStore
from pixiodoc_desktop.vault.schema import (
    AuditEvent,
    OutboxOperation,
    PatientKey,
    Setting,
    SyncClock,
    SyncDirectoryEntry,
)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def _current(session: Session, entity: str, entity_id: str, names: list[str]) -> dict[str, Any]:
    """The values of these fields of one record as this PC holds them ({}: not held)."""
    models = record_models()
    if entity in models:
        row = session.get(models[entity], entity_id)
        return {} if row is None else {n: _plain(getattr(row, n)) for n in names if hasattr(row, n)}
    if entity == "patient_keys":
        key = session.get(PatientKey, entity_id)
        return {} if key is None else {"wrapped_key": bytes(key.wrapped_key).hex()}
    if entity == "settings":
        setting = session.get(Setting, entity_id)
        return {} if setting is None else {"value": setting.value}
    if entity == "clinicians":
        entry = session.get(SyncDirectoryEntry, ("clinician", entity_id))
        snapshot = dict(entry.snapshot) if entry is not None else {}
        return {n: snapshot[n] for n in names if n in snapshot}
    return {}


def stamped_ops(session: Session, device: str) -> list[Op]:
    """Every value and tombstone `device` wrote last, as this PC holds them, as ops
    with `device`'s own clocks (oldest first); `device` "": every device's."""
    ops: list[Op] = []
    suffix = f"-{device}" if device else ""
    for clock in session.scalars(select(SyncClock).order_by(SyncClock.entity, SyncClock.entity_id)):
        if clock.deleted_hlc is not None:
            if clock.deleted_hlc.endswith(suffix):
                fields: dict[str, Any] = {}
                if clock.entity == "patient_keys":
                    fields = {"scrub": scrubbed_patient(session, clock.entity_id)}
                ops.append(Op(clock.entity, clock.entity_id, "delete", fields, clock.deleted_hlc))
            continue
        by_clock: dict[str, list[str]] = {}
        for name, hlc in dict(clock.clocks).items():
            if isinstance(hlc, str) and hlc.endswith(suffix):
                by_clock.setdefault(hlc, []).append(name)
        for hlc, names in sorted(by_clock.items()):
            values = _current(session, clock.entity, clock.entity_id, sorted(names))
            if values:
                if clock.entity in record_models():
                    values["id"] = clock.entity_id
                ops.append(Op(clock.entity, clock.entity_id, "upsert", values, hlc))
    ops.sort(key=lambda op: op.hlc)
    return ops


def _audit_seqs(document: dict[str, Any] | None, device: str) -> list[int]:
    return [
        int(e["seq"]) for e in (document or {}).get("audit") or [] if e.get("device_id") == device
    ]


def _opened(store: ObjectStore, keys: SyncKeys, device: str, seq: int) -> dict[str, Any] | None:
    name = batch_key(store, keys, device, seq)
    try:
        return open_json(keys.ops, store.get(name), name=name)
    except (NotFound, SyncDataDamaged):
        return None


def rebuilt_batch(ws: Workstation, store: ObjectStore, keys: SyncKeys, seq: int) -> dict[str, Any]:
    """Batch `seq` of this PC, rebuilt from its records and audit trail (no copy kept):
    its audit events are those after the nearest batch below that carries any, up to
    the nearest one above (or all it has pushed)."""
    device = ws.device_id
    with ws.vault.read_session() as session:
        next_seq = int(state.get(session, state.NEXT_SEQ) or 1)
        pushed = int(state.get(session, state.AUDIT_PUSHED) or 0)
    low = 0
    for below in range(seq - 1, 0, -1):
        found = _audit_seqs(_opened(store, keys, device, below), device)
        if found:
            low = max(found)
            break
    high = pushed
    for above in range(seq + 1, next_seq):
        found = _audit_seqs(_opened(store, keys, device, above), device)
        if found:
            high = min(found) - 1
            break
    with ws.vault.read_session() as session:
        ops = stamped_ops(session, device)
        events = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.device_id == device, AuditEvent.seq > low, AuditEvent.seq <= high)
            .order_by(AuditEvent.seq)
        ).all()
        audit = [audit_row_json(e) for e in events]
    return {
        "format": 1,
        "device": device,
        "seq": seq,
        "rebuilt": True,
        "ops": [op.to_json() for op in ops],
        "audit": audit,
    }


def queue_for(ws: Workstation, device: str) -> int:
    """Put `device`'s records as held here into this PC's outbox (with `device`'s clocks),
    to go out in its next batch; returns how many ops."""
    with ws.vault.write_session() as session, session.begin():
        ops = stamped_ops(session, device)
        for op in ops:
            session.add(
                OutboxOperation(
                    entity=op.entity,
                    entity_id=op.entity_id,
                    operation=op.operation,
                    fields=op.fields,
                    hlc=op.hlc,
                    device_id=ws.device_id,
                )
            )
    return len(ops)
