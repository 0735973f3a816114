"""Writing a snapshot of the clinic's records for joiners (the layout: snapshots.py).

Any PC can write one once it has pushed everything (outbox empty, no batch in
flight): its vault then holds exactly the merged result of the batches its
cursors name (its own included, up to its last batch), because a pull applies
batches and advances cursors in one transaction. The whole snapshot is read in
ONE read transaction (a consistent view while the clinician goes on working),
page by page (`PAGE` clocks at a time, keyset order), and sealed into chunks of
`PER_CHUNK` items that are put one at a time; the manifest is put last with a
conditional create. A round writes one after it succeeded when the batches
written since the newest snapshot reach `sync.snapshot_every` (default 2,000;
0 turns it off); `write_snapshot(ws, store)` writes one on demand. The two
newest snapshots are kept; older ones are deleted after the new manifest is in.

What an entry of a "records" chunk holds: {"e": entity, "id": id, "c": each
field's clock, "f": the values of those fields (as resend.py sends records
again)}, or for a tombstone {"e", "id", "d": its clock, "s": an erased patient's
scrubbed row}: a deleted record's field clocks do not travel (the tombstone wins
over every field; erasure empties them in the batches too).
Audit events go as `audit_row_json` rows, each device's chain in order; a chain
that was purged here starts at its checkpoint ("audit_from" in the manifest).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import SyncError
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.audit_stream import audit_row_json
from pixiodoc_desktop.sync.crypto import SyncKeys, seal_json
from pixiodoc_desktop.sync.directory import scrubbed_patient
from pixiodoc_desktop.sync.links import applied_links, own_link
from pixiodoc_desktop.sync.ops import record_models
from pixiodoc_desktop.sync.snapshots import (
    DEFAULT_EVERY,
    EVERY_SETTING,
    FORMAT,
    KEEP,
    SEEN,
    TAKING,
    chunk_key,
    delete_snapshot,
    manifest_key,
    manifests,
    newest_covered,
)
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault.schema import (
    AuditEvent,
    Base,
    OutboxOperation,
    PatientKey,
    Setting,
    SyncClock,
    SyncConflict,
    SyncCursor,
    SyncDirectoryEntry,
    SyncSentBatch,
    utcnow,
)

log = logging.getLogger(__name__)

PAGE = 2_000
PER_CHUNK = 5_000
WRITING = "snapshot_writing"  # sync_state: sid being written (dropped if abandoned)


@dataclass(frozen=True, slots=True)
class SnapshotInfo:
    sid: str
    chunks: int
    records: int
    audit_events: int
    covers: int  # batches (every device's) whose result it holds
    sealed_bytes: int


class _Chunks:
    """Seals and puts chunks one at a time; holds back one so the last can say so."""

    def __init__(self, store: ObjectStore, keys: SyncKeys, sid: str) -> None:
        self.store, self.keys, self.sid = store, keys, sid
        self.items: list[Any] = []
        self.kind = ""
        self.held: dict[str, Any] | None = None
        self.hashes: list[list[Any]] = []
        self.size = 0
        self.count = 0

    def add(self, kind: str, item: Any) -> None:
        if self.items and (kind != self.kind or len(self.items) >= PER_CHUNK):
            self._close()
        self.kind = kind
        self.items.append(item)

    def _close(self) -> None:
        if self.held is not None:
            self._put(self.held, last=False)
        self.held = {
            "format": FORMAT,
            "snapshot": self.sid,
            "n": self.count,
            "kind": self.kind,
            "items": self.items,
        }
        self.count += 1
        self.items = []

    def _put(self, document: dict[str, Any], *, last: bool) -> None:
        n = int(document["n"])
        name = chunk_key(self.store, self.keys, self.sid, n)
        sealed = seal_json(self.keys.ops, {**document, "last": last}, name=name)
        self.store.put(name, sealed, if_absent=True)
        self.hashes.append([hashlib.sha256(sealed).hexdigest(), n])
        self.size += len(sealed)

    def finish(self) -> list[list[Any]]:
        if self.items:
            self._close()
        if self.held is not None:
            self._put(self.held, last=True)
            self.held = None
        return self.hashes


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def record_order() -> dict[str, int]:
    """Parents before children; patient keys right after the patients: an erased
    patient's row (the tombstone's scrub) is there before its key's tombstone comes,
    as on a PC that replays, and a photo's key before its images are fetched."""
    names = [table.name for table in Base.metadata.sorted_tables if table.name != "patient_keys"]
    names.insert(names.index("patients") + 1, "patient_keys")
    return {name: i for i, name in enumerate(names)}


def _values(session: Session, entity: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The current values of these records as this PC holds them (absent: not held)."""
    models = record_models()
    if entity in models:
        table = models[entity].__table__
        rows = session.execute(select(table).where(table.c.id.in_(ids)))
        return {str(row.id): {k: _plain(v) for k, v in row._mapping.items()} for row in rows}
    if entity == "patient_keys":
        keys = session.scalars(select(PatientKey).where(PatientKey.patient_id.in_(ids)))
        return {k.patient_id: {"wrapped_key": bytes(k.wrapped_key).hex()} for k in keys}
    if entity == "settings":
        rows2 = session.scalars(select(Setting).where(Setting.key.in_(ids)))
        return {s.key: {"value": s.value} for s in rows2}
    if entity == "clinicians":
        entries = session.scalars(
            select(SyncDirectoryEntry).where(
                SyncDirectoryEntry.kind == "clinician", SyncDirectoryEntry.key.in_(ids)
            )
        )
        return {e.key: dict(e.snapshot) for e in entries}
    return {}


def _records(session: Session) -> Iterator[dict[str, Any]]:
    """Every record's entry, parents before children (each chunk commits on its own)."""
    order = record_order()
    entities = sorted(
        session.scalars(select(SyncClock.entity).distinct()),
        key=lambda e: (order.get(e, len(order)), e),
    )
    for entity in entities:
        last = ""
        while True:
            clocks = session.scalars(
                select(SyncClock)
                .where(SyncClock.entity == entity, SyncClock.entity_id > last)
                .order_by(SyncClock.entity_id)
                .limit(PAGE)
            ).all()
            if not clocks:
                break
            last = clocks[-1].entity_id
            held = _values(session, entity, [c.entity_id for c in clocks if not c.deleted_hlc])
            for clock in clocks:
                entry: dict[str, Any] = {"e": entity, "id": clock.entity_id}
                if clock.deleted_hlc:  # a tombstone wins over every field: no clocks kept
                    entry["d"] = clock.deleted_hlc
                    if entity == "patient_keys":
                        entry["s"] = scrubbed_patient(session, clock.entity_id)
                    yield entry
                    continue
                values = held.get(clock.entity_id)
                if values is None:
                    continue  # a record still waiting for its required fields: none here
                entry["c"] = clock.clocks
                entry["f"] = {n: values[n] for n in clock.clocks if n in values}
                yield entry


def _audit(session: Session, own: str, pushed: int) -> Iterator[dict[str, Any]]:
    for (device,) in session.execute(select(AuditEvent.device_id).distinct()).all():
        last = 0
        while True:
            query = (
                select(AuditEvent)
                .where(AuditEvent.device_id == device, AuditEvent.seq > last)
                .order_by(AuditEvent.seq)
                .limit(PAGE)
            )
            if device == own:  # only what its batches carried
                query = query.where(AuditEvent.seq <= pushed)
            events = session.scalars(query).all()
            if not events:
                break
            last = events[-1].seq
            for event in events:
                yield audit_row_json(event)


def _audit_from(session: Session) -> dict[str, list[Any]]:
    """Chains purged here: (the checkpoint's seq, the hash the first kept event names)."""
    out: dict[str, list[Any]] = {}
    firsts = session.execute(
        select(AuditEvent.device_id, func.min(AuditEvent.seq)).group_by(AuditEvent.device_id)
    ).all()
    for device, first in firsts:
        if first and first > 1:
            prev = session.scalar(
                select(AuditEvent.prev_hash).where(
                    AuditEvent.device_id == device, AuditEvent.seq == first
                )
            )
            out[str(device)] = [int(first) - 1, bytes(prev or b"").hex()]
    return out


def settled(session: Session) -> bool:
    """Nothing of this PC's is waiting to be pushed (its state is what its batches say),
    and it is not still taking a snapshot (its records are not all in yet)."""
    pending = session.scalar(select(func.count()).select_from(OutboxOperation))
    return (
        not pending
        and state.get(session, state.IN_FLIGHT) is None
        and state.get(session, TAKING) is None
    )


def _drop_abandoned(ws: Workstation, store: ObjectStore, keys: SyncKeys) -> None:
    with ws.vault.read_session() as session:
        abandoned = state.get(session, WRITING)
    if abandoned:
        delete_snapshot(store, keys, str(abandoned))


def write_snapshot(
    ws: Workstation, store: ObjectStore, keys: SyncKeys | None = None
) -> SnapshotInfo:
    """Write a snapshot of this PC's records (run after a round: nothing may wait to be
    pushed, else SyncError). The older snapshots beyond the newest `KEEP` are deleted."""
    keys = keys or SyncKeys.derive(ws.vault.keys.workspace, ws.vault.header.vault_id)
    _drop_abandoned(ws, store, keys)
    sid = secrets.token_hex(8)
    with ws.vault.write_session() as session, session.begin():
        state.put(session, WRITING, sid)
    chunks = _Chunks(store, keys, sid)
    records = events = 0
    with ws.vault.read_session() as session:
        session.connection().exec_driver_sql("BEGIN")  # one consistent view throughout
        taking = state.get(session, TAKING)
        if taking is not None:
            parts = taking if isinstance(taking, dict) else {}
            applied, total = int(parts.get("applied") or 0), int(parts.get("total") or 0)
            raise SyncError(
                f"This workstation is still receiving the clinic's records ({applied} of "
                f"{total} parts are in); a snapshot is written once they are all here."
            )
        if not settled(session):
            raise SyncError(
                "A snapshot is written only when this workstation has sent all its changes; "
                "sync first, then write it."
            )
        next_seq = int(state.get(session, state.NEXT_SEQ) or 1)
        pushed = int(state.get(session, state.AUDIT_PUSHED) or 0)
        cursors = {c.device_id: c.last_seq for c in session.scalars(select(SyncCursor))}
        links = {d: list(v) for d, v in applied_links(session).items() if cursors.get(d) == v[0]}
        if next_seq > 1:
            cursors[ws.device_id] = next_seq - 1
            link = own_link(session, next_seq - 1)
            copy = session.get(SyncSentBatch, next_seq - 1)
            if link is not None and copy is not None:
                links[ws.device_id] = [next_seq - 1, link, "prev" in copy.document]
        for entry in _records(session):
            chunks.add("records", entry)
            records += 1
        for conflict in session.scalars(
            select(SyncConflict).where(SyncConflict.resolved_at.is_(None))
        ):
            chunks.add("conflicts", _conflict_json(conflict))
        for event in _audit(session, ws.device_id, pushed):
            chunks.add("audit", event)
            events += 1
        audit_from = _audit_from(session)
        erased = sorted(
            session.scalars(
                select(SyncClock.entity_id).where(
                    SyncClock.entity == "patient_keys", SyncClock.deleted_hlc.is_not(None)
                )
            )
        )
        hlc_high = str(state.get(session, state.HLC_HIGH) or "")
    hashes = chunks.finish()
    covers = sum(cursors.values())
    manifest = {
        "format": FORMAT,
        "snapshot": sid,
        "device": ws.device_id,
        "written_at": utcnow().isoformat(),
        "cursors": cursors,
        "links": links,
        "covers": covers,
        "erased": erased,
        "hlc_high": hlc_high,
        "records": records,
        "audit_events": events,
        "audit_from": audit_from,
        "chunks": hashes,
    }
    name = manifest_key(store, keys, sid)
    store.put(name, seal_json(keys.ops, manifest, name=name), if_absent=True)
    with ws.vault.write_session() as session, session.begin():
        state.drop(session, WRITING)
        seen = dict(state.get(session, SEEN) or {})
        seen[sid] = covers
        state.put(session, SEEN, seen)
    _keep_newest(store, keys)
    log.info("Sync: snapshot %s written (%d records, %d chunks)", sid[:8], records, len(hashes))
    return SnapshotInfo(sid, len(hashes), records, events, covers, chunks.size)


def _conflict_json(conflict: SyncConflict) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "entity": conflict.entity,
        "entity_id": conflict.entity_id,
        "field": conflict.field,
        "patient_id": conflict.patient_id,
        "versions": conflict.versions,
        "kept_hlc": conflict.kept_hlc,
        "detected_at": conflict.detected_at.isoformat(),
    }


def _keep_newest(store: ObjectStore, keys: SyncKeys) -> None:
    found, _refused = manifests(store, keys)
    for old in found[KEEP:]:
        delete_snapshot(store, keys, old.sid)


def audit_snapshot(
    ws: Workstation, actor_id: str | None, info: SnapshotInfo, *, trigger: str
) -> None:
    """SYNC_RUN: the clinic's records went to the bucket once more, as a snapshot."""
    ws.audit_alone(
        audit.EventDraft(
            audit.EventType.SYNC_RUN,
            actor_id,
            details={
                "snapshot": info.sid[:8],
                "records": info.records,
                "chunks": info.chunks,
                "covers_batches": info.covers,
                "trigger": trigger,
            },
        )
    )


def maybe_write_snapshot(
    ws: Workstation, store: ObjectStore, keys: SyncKeys, actor_id: str | None = None
) -> SnapshotInfo | None:
    """After a round that succeeded: a snapshot when enough batches were written since the
    newest one this PC has checked (never while changes wait to be pushed)."""
    try:
        every = int(ws.vault.setting(EVERY_SETTING) or DEFAULT_EVERY)
    except ValueError:
        every = DEFAULT_EVERY
    if every <= 0:
        return None
    with ws.vault.read_session() as session:
        if not settled(session):
            return None
        next_seq = int(state.get(session, state.NEXT_SEQ) or 1)
        covers = (
            next_seq
            - 1
            + int(session.scalar(select(func.coalesce(func.sum(SyncCursor.last_seq), 0))) or 0)
        )
    if covers - newest_covered(ws) < every:
        return None
    try:
        info = write_snapshot(ws, store, keys)
    except SyncError as exc:  # the round itself succeeded; the next one tries again
        log.warning("Sync: no snapshot written this round (%s)", type(exc).__name__)
        return None
    audit_snapshot(ws, actor_id, info, trigger="batches written since the last one")
    return info
