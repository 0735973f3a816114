"""Push: this PC's image objects, then its pending operations as one numbered batch.

The batch is frozen first (its number, its last outbox row and audit event
are stored locally), then the image objects it names are uploaded, then the
batch itself with a conditional create, and only then are the outbox rows
dropped, in one transaction. Cut off anywhere, the next round finds the
frozen batch and finishes it: an object already uploaded is not sent twice,
a batch number is never written twice, nothing is dropped before it is in
the bucket.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import SyncDataDamaged, SyncError
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.audit_stream import audit_row_json
from pixiodoc_desktop.sync.crypto import SyncKeys, open_json, seal_json
from pixiodoc_desktop.sync.directory import capture_local_changes
from pixiodoc_desktop.sync.links import chain
from pixiodoc_desktop.sync.ops import BASE_KEY, NOTE_FIELDS, Op
from pixiodoc_desktop.sync.store import ObjectExists, ObjectStore
from pixiodoc_desktop.vault.schema import (
    AuditEvent,
    OutboxOperation,
    Photo,
    SyncBlob,
    SyncClock,
    SyncSentBatch,
)

log = logging.getLogger(__name__)

MAX_OPS_PER_BATCH = 20_000
MAX_AUDIT_PER_BATCH = 20_000
BLOB_FIELDS = ("blob_id", "thumbnail_blob_id", "screen_blob_id")
UPLOAD_THREADS = 4

Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class PushResult:
    ops: int = 0
    audit_events: int = 0
    blobs: int = 0
    blob_bytes: int = 0


def batch_key(store: ObjectStore, keys: SyncKeys, device: str, seq: int) -> str:
    return store.key(keys.workspace, "devices", device, "ops", f"{seq:012d}")


def blob_key(store: ObjectStore, keys: SyncKeys, blob_id: str) -> str:
    return store.key(keys.workspace, "blobs", blob_id)


def _freeze(ws: Workstation) -> dict[str, Any] | None:
    """Number the next batch and fix what goes into it (or find one frozen before)."""
    with ws.vault.write_session() as session, session.begin():
        frozen = state.get(session, state.IN_FLIGHT)
        if frozen is not None:
            return {**frozen, "resumed": True}
        capture_local_changes(ws, session)
        session.flush()
        ops = list(
            session.scalars(
                select(OutboxOperation).order_by(OutboxOperation.id).limit(MAX_OPS_PER_BATCH)
            )
        )
        audit_from = int(state.get(session, state.AUDIT_PUSHED) or 0)
        audit_to = int(
            session.scalar(
                select(func.max(AuditEvent.seq)).where(AuditEvent.device_id == ws.device_id)
            )
            or 0
        )
        audit_to = min(audit_to, audit_from + MAX_AUDIT_PER_BATCH)
        if not ops and audit_to <= audit_from:
            return None
        _restamp(ws, session, ops)
        seq = int(state.get(session, state.NEXT_SEQ) or 1)
        frozen = {
            "seq": seq,
            "last_op": ops[-1].id if ops else 0,
            "audit_from": audit_from,
            "audit_to": audit_to,
        }
        state.put(session, state.IN_FLIGHT, frozen)
        return frozen


def _restamp(ws: Workstation, session: Any, ops: list[OutboxOperation]) -> None:
    """Give each pending note edit its base, and re-stamp an edit made after a newer
    remote value was applied (a clock that restarted behind) so it is not lost."""
    touched = {(o.entity, o.entity_id) for o in ops}
    clocks: dict[tuple[str, str], dict[str, str]] = {}
    for entity, entity_id in touched:
        row = session.get(SyncClock, (entity, entity_id))
        clocks[(entity, entity_id)] = dict(row.clocks) if row else {}
    high = state.get(session, state.HLC_HIGH)
    if high:
        ws.clock.observe(str(high))
    for outbox in ops:
        if outbox.operation != "upsert":
            continue
        running = clocks[(outbox.entity, outbox.entity_id)]
        fields = dict(outbox.fields)
        base = dict(fields.get(BASE_KEY) or {})
        names = [n for n in fields if n != BASE_KEY]
        own = outbox.hlc.endswith(ws.device_id)  # else sent again for another (resend.py)
        if own and any(running.get(n, "") > outbox.hlc for n in names):
            outbox.hlc = ws.clock.now()
        for name in names:
            if (outbox.entity, name) in NOTE_FIELDS and name not in base:
                base[name] = running.get(name)
            running[name] = outbox.hlc
        if base:
            fields[BASE_KEY] = base
        if fields != outbox.fields:
            outbox.fields = fields


def _batch(ws: Workstation, frozen: dict[str, Any]) -> tuple[list[Op], list[dict[str, Any]]]:
    with ws.vault.read_session() as session:
        rows = session.scalars(
            select(OutboxOperation)
            .where(OutboxOperation.id <= frozen["last_op"])
            .order_by(OutboxOperation.id)
        ).all()
        ops = []
        for row in rows:
            fields = dict(row.fields)
            base = fields.pop(BASE_KEY, None) or {}
            ops.append(Op(row.entity, row.entity_id, row.operation, fields, row.hlc, base))
        events = session.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.device_id == ws.device_id,
                AuditEvent.seq > frozen["audit_from"],
                AuditEvent.seq <= frozen["audit_to"],
            )
            .order_by(AuditEvent.seq)
        ).all()
        return ops, [audit_row_json(e) for e in events]


def _blobs_to_upload(ws: Workstation, ops: list[Op]) -> list[str]:
    wanted: list[str] = []
    for op in ops:
        if op.entity == "photos" and op.operation == "upsert":
            wanted.extend(str(op.fields[f]) for f in BLOB_FIELDS if op.fields.get(f))
    wanted = list(dict.fromkeys(wanted))
    if not wanted:
        return []
    done: set[str] = set()
    with ws.vault.read_session() as session:
        for start in range(0, len(wanted), 500):
            done.update(
                session.scalars(
                    select(SyncBlob.blob_id).where(
                        SyncBlob.blob_id.in_(wanted[start : start + 500])
                    )
                )
            )
    return [b for b in wanted if b not in done and ws.vault.blobs.exists(b)]


def blob_owners(ops: list[Op]) -> dict[str, str]:
    """Which patient each image object named by these ops belongs to."""
    owners: dict[str, str] = {}
    for op in ops:
        if op.entity == "photos" and op.operation == "upsert" and op.fields.get("patient_id"):
            for name in BLOB_FIELDS:
                if op.fields.get(name):
                    owners[str(op.fields[name])] = str(op.fields["patient_id"])
    return owners


def _mark_uploaded(ws: Workstation, blob_ids: list[str], owners: dict[str, str]) -> None:
    if not blob_ids:
        return
    with ws.vault.write_session() as session, session.begin():
        stmt = sqlite_insert(SyncBlob).on_conflict_do_nothing(index_elements=["blob_id"])
        session.execute(
            stmt,
            [{"blob_id": b, "state": "uploaded", "patient_id": owners.get(b)} for b in blob_ids],
        )


def upload_blobs(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    blob_ids: list[str],
    progress: Progress | None = None,
    *,
    maybe_sent: bool = False,
    owners: dict[str, str] | None = None,
) -> tuple[int, int]:
    """Upload image objects as stored locally (already encrypted); (count, bytes).

    `maybe_sent`: a cut-off round may have sent some already (its batch was frozen
    before); those are recognised by their size in the bucket and not sent twice.
    """
    total = len(blob_ids)
    sent = [0, 0]
    marks: list[str] = []

    def one(blob_id: str) -> int:
        path = ws.vault.blobs.path_for(blob_id)
        size = path.stat().st_size
        key = blob_key(store, keys, blob_id)
        if not maybe_sent or store.size(key) != size:
            store.put_file(key, path)
        return size

    try:
        with ThreadPoolExecutor(UPLOAD_THREADS, thread_name_prefix="pixiodoc-sync-up") as pool:
            for blob_id, size in zip(blob_ids, pool.map(one, blob_ids), strict=True):
                marks.append(blob_id)
                sent[0] += 1
                sent[1] += size
                if len(marks) >= 64:
                    _mark_uploaded(ws, marks, owners or {})
                    marks = []
                if progress:
                    progress("upload", sent[0], total)
    finally:
        _mark_uploaded(ws, marks, owners or {})
    return sent[0], sent[1]


def _clock_fields(
    session: Any,
    merged: dict[tuple[str, str], SyncClock],
    entity: str,
    entity_id: str,
    names: dict[str, Any],
    hlc: str,
) -> None:
    key = (entity, entity_id)
    row = merged.get(key) or session.get(SyncClock, key)
    if row is None:
        row = SyncClock(entity=entity, entity_id=entity_id, clocks={})
        session.add(row)
    merged[key] = row
    clocks = dict(row.clocks)
    for name in names:
        if hlc > clocks.get(name, ""):
            clocks[name] = hlc
    row.clocks = clocks


def _settle(
    ws: Workstation, frozen: dict[str, Any], ops: list[Op], document: dict[str, Any]
) -> None:
    """The batch is in the bucket: drop its outbox rows, remember its clocks, keep a copy
    (put back by `repair.put_back_own_batches` if the bucket loses it)."""
    with ws.vault.write_session() as session, session.begin():
        session.merge(SyncSentBatch(seq=int(frozen["seq"]), document=document))
        session.execute(delete(OutboxOperation).where(OutboxOperation.id <= frozen["last_op"]))
        merged: dict[tuple[str, str], SyncClock] = {}
        for op in ops:
            key = (op.entity, op.entity_id)
            row = merged.get(key) or session.get(SyncClock, key)
            if row is None:
                row = SyncClock(entity=op.entity, entity_id=op.entity_id, clocks={})
                session.add(row)
            merged[key] = row
            if op.operation == "delete":
                row.deleted_hlc = max(row.deleted_hlc or "", op.hlc)
                scrub = op.fields.get("scrub") if op.entity == "patient_keys" else None
                if isinstance(scrub, dict):
                    _clock_fields(session, merged, "patients", op.entity_id, scrub, op.hlc)
                continue
            clocks = dict(row.clocks)
            for name in op.fields:
                if name != "id" and op.hlc > clocks.get(name, ""):
                    clocks[name] = op.hlc
            row.clocks = clocks
        state.put(session, state.NEXT_SEQ, int(frozen["seq"]) + 1)
        state.put(session, state.AUDIT_PUSHED, int(frozen["audit_to"]))
        high = max([state.get(session, state.HLC_HIGH) or "", *(op.hlc for op in ops)])
        state.put(session, state.HLC_HIGH, high)
        state.drop(session, state.IN_FLIGHT)


def erased_blob_ids(ws: Workstation, patient_ids: list[str]) -> list[str]:
    """Every image object of these patients this PC knows of: its photos' and those it
    exchanged with the bucket (the photo rows may be gone already)."""
    if not patient_ids:
        return []
    with ws.vault.read_session() as session:
        rows = session.execute(
            select(*(getattr(Photo, f) for f in BLOB_FIELDS)).where(
                Photo.patient_id.in_(patient_ids)
            )
        ).all()
        known = session.scalars(
            select(SyncBlob.blob_id).where(SyncBlob.patient_id.in_(patient_ids))
        ).all()
    return sorted({b for row in rows for b in row} | set(known))


def forget_blobs(ws: Workstation, blob_ids: list[str]) -> None:
    if not blob_ids:
        return
    with ws.vault.write_session() as session, session.begin():
        session.execute(delete(SyncBlob).where(SyncBlob.blob_id.in_(blob_ids)))


def delete_remote_blobs(store: ObjectStore, keys: SyncKeys, blob_ids: list[str]) -> None:
    for blob_id in blob_ids:
        store.delete(blob_key(store, keys, blob_id))


def _signature(document: dict[str, Any]) -> list[Any]:
    """What identifies a batch's content (fields may shrink while it is in flight)."""
    ops = [(o["e"], o["id"], o["op"], o["h"]) for o in document.get("ops", [])]
    events = [(e["device_id"], e["seq"], e["hash"]) for e in document.get("audit", [])]
    return [ops, events]


def _put_batch(store: ObjectStore, keys: SyncKeys, name: str, document: dict[str, Any]) -> None:
    """Write the batch under its number, never over another; an earlier round's
    upload of this very batch counts (if it opens: a torn object is replaced)."""
    try:
        store.put(name, seal_json(keys.ops, document, name=name), if_absent=True)
    except ObjectExists:
        try:
            existing = open_json(keys.ops, store.get(name), name=name)
        except SyncDataDamaged:
            log.warning("Sync: batch %d in the bucket is torn; writing it again", document["seq"])
            store.delete(name)
            store.put(name, seal_json(keys.ops, document, name=name), if_absent=True)
            return
        if _signature(existing) != _signature(document):
            # Another copy of this vault (restored from a backup, or a copied folder)
            # already wrote this number: never drop this PC's changes as "sent".
            raise SyncError(
                "This workstation's vault was restored from a backup or copied from another "
                "PC, and its sync identity is already in use. Its changes are kept; set this "
                "PC up again with an enrollment code (pixiodoc sync join) and re-enter them."
            ) from None
        log.info("Sync: batch %d was already uploaded by an earlier round", document["seq"])


def push(
    ws: Workstation, store: ObjectStore, keys: SyncKeys, progress: Progress | None = None
) -> PushResult:
    result = PushResult()
    while True:
        frozen = _freeze(ws)
        if frozen is None:
            return result
        ops, events = _batch(ws, frozen)
        count, size = upload_blobs(
            ws,
            store,
            keys,
            _blobs_to_upload(ws, ops),
            progress,
            maybe_sent=bool(frozen.get("resumed")),
            owners=blob_owners(ops),
        )
        result.blobs += count
        result.blob_bytes += size
        erased = [
            op.entity_id for op in ops if op.entity == "patient_keys" and op.operation == "delete"
        ]
        document = {
            "format": 1,
            "device": ws.device_id,
            "seq": frozen["seq"],
            "ops": [op.to_json() for op in ops],
            "audit": events,
        }
        chain(ws, document)  # names the batch before it by hash (links.py)
        name = batch_key(store, keys, ws.device_id, int(frozen["seq"]))
        _put_batch(store, keys, name, document)
        gone = erased_blob_ids(ws, erased)
        delete_remote_blobs(store, keys, gone)
        forget_blobs(ws, gone)
        _settle(ws, frozen, ops, document)
        result.ops += len(ops)
        result.audit_events += len(events)
        if progress:
            progress("push", result.ops, result.ops)
