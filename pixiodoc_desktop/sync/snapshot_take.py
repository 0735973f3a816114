"""A joining workstation starts from the newest snapshot instead of every batch ever written.

Only a vault that holds nothing yet (no cursor, no patient: the first round of
`pixiodoc sync join`) takes one; a PC with records of its own goes on replaying
batches, because a snapshot is merged state without the bases that tell a
concurrent note edit from a later one (a re-join after key renewal is such a PC).

1. The manifests are read (snapshots.py) and the newest usable one is chosen. A
   manifest is refused when it does not open, when it names a batch beyond what
   the writers' heads say they wrote, or when it lacks an erasure the clinic's
   erasure list names (it predates the erasure).
2. Every chunk is downloaded into a spool folder inside the vault (sealed bytes,
   as in the bucket: nothing plain reaches the disk), checked against the
   manifest's SHA-256 and opened (AES-GCM, the chunk's name as associated data):
   a chunk missing, flipped, from another snapshot, moved to another number, or
   a manifest naming bytes the bucket does not hold refuses the snapshot before
   anything is applied. The next snapshot is tried, then plain replay: the round
   converges as if there had been none. Each refusal is audited
   (SECURITY_ALERT, {"check": "sync snapshot", "snapshot", "reason"}).
3. Chunk by chunk, one transaction each, the records are merged (the same
   `Merger` as a pull, its executemany writes, note checks off: the chunk carries
   the clinic's open note conflicts), the images they name fetched as a pull
   would, the erasure list's tombstones applied in the same transaction (a patient
   the list names never shows), audit events appended to their chains.
4. A last transaction sets the cursors and links the manifest names; the pull that
   follows replays only the batches after them, and checks the first of each
   device against the manifest's link (links.py): a manifest whose cursors do not
   belong to the batches in the bucket fails the round, typed and audited.

A PC killed while applying resumes from the spool (or downloads again) at its next
round. A chunk that passed step 2 but cannot be applied (sealed by a key holder, yet
not a snapshot chunk) refuses the snapshot for good on this PC: found in the first
chunk, before anything was applied, the round goes on as in step 2; later, the round
stops with SyncDataDamaged and the next one replays over what was applied.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import SyncDataDamaged
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.audit_stream import apply_audit
from pixiodoc_desktop.sync.crypto import SyncKeys, open_json, open_sealed
from pixiodoc_desktop.sync.erase_apply import erase_in_session
from pixiodoc_desktop.sync.links import keep_applied
from pixiodoc_desktop.sync.merge import Merger
from pixiodoc_desktop.sync.ops import Op, record_models, table_info
from pixiodoc_desktop.sync.pull import (
    Batch,
    Expected,
    _wanted_blobs,
    download_blobs,
    record_blobs,
)
from pixiodoc_desktop.sync.push import blob_owners
from pixiodoc_desktop.sync.snapshot_bulk import insert_new
from pixiodoc_desktop.sync.snapshots import (
    TAKEN,
    TAKING,
    Manifest,
    chunk_key,
    erased_here,
    manifests,
)
from pixiodoc_desktop.sync.store import NotFound, ObjectStore
from pixiodoc_desktop.vault import locking
from pixiodoc_desktop.vault.schema import Patient, Setting, SyncConflict, SyncCursor

log = logging.getLogger(__name__)

SPOOL = "sync-snapshot"  # folder in the vault: the chunks' sealed bytes while applied
REFUSED = "snapshots_refused"  # sync_state: snapshots that failed while being applied

Progress = Callable[[str, int, int], None]


class Refused(Exception):
    """A snapshot that is not used (the reason is audited); internal. `untouched`: found
    before anything of it was applied here."""

    untouched = True


@dataclass(slots=True)
class Taken:
    sid: str
    ops: int = 0
    audit_events: int = 0
    blobs: int = 0
    blob_bytes: int = 0
    erased_patients: list[str] = field(default_factory=list)


def joining(ws: Workstation) -> bool:
    """Whether this PC may start from a snapshot: it holds nothing yet, or is applying one."""
    with ws.vault.read_session() as session:
        if state.get(session, TAKEN) is not None:
            return False
        if state.get(session, TAKING) is not None:
            return True
        return (
            session.scalar(select(SyncCursor.device_id).limit(1)) is None
            and session.scalar(select(Patient.id).limit(1)) is None
        )


def take_snapshot(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    expect: Expected,
    listed_erasures: set[str],
    *,
    progress: Progress | None = None,
    actor_id: str | None = None,
) -> Taken | None:
    """Apply the newest usable snapshot to a joining PC; None when none was applied
    (the pull then replays every batch). Network errors propagate (the round fails)."""
    if not joining(ws):
        return None
    with ws.vault.read_session() as session:
        resuming = _sid(state.get(session, TAKING))
        refused = set(state.get(session, REFUSED) or [])
    found, damaged = manifests(store, keys)
    found = [m for m in found if m.sid not in refused]
    for sid, why in sorted(damaged.items()):
        _alert(ws, actor_id, sid, why)
    found.sort(key=lambda m: m.sid != resuming)  # a snapshot half applied: that one first
    for manifest in found:
        try:
            _check(manifest, expect, listed_erasures | erased_here(ws))
            paths = _fetch(ws, store, keys, manifest)
        except Refused as exc:
            _alert(ws, actor_id, manifest.sid, str(exc))
            continue
        try:
            return _apply(ws, store, keys, manifest, paths, expect.erasures, progress)
        except Refused as exc:
            _alert(ws, actor_id, manifest.sid, str(exc))
            with ws.vault.write_session() as session, session.begin():
                state.drop(session, TAKING)  # the next round replays instead
                state.put(session, REFUSED, [*(state.get(session, REFUSED) or []), manifest.sid])
            if exc.untouched:
                continue  # nothing of it is here: the next one, or replay, as in step 2
            raise SyncDataDamaged(
                f"A snapshot of the clinic's records in the bucket is damaged ({exc}); the "
                "next sync reads the clinic's changes one by one instead."
            ) from None
        finally:
            shutil.rmtree(ws.vault.folder / SPOOL, ignore_errors=True)
    return None


def _sid(taking: Any) -> str | None:
    """The snapshot a TAKING value names (a plain sid: written by an older version)."""
    if isinstance(taking, dict):
        return str(taking.get("snapshot") or "") or None
    return None if taking is None else str(taking)


def _alert(ws: Workstation, actor_id: str | None, sid: str, reason: str) -> None:
    log.warning("Sync: snapshot %s not used: %s", sid[:8], reason)
    ws.audit_alone(
        audit.EventDraft(
            audit.EventType.SECURITY_ALERT,
            actor_id,
            outcome=audit.Outcome.FAILURE,
            details={"check": "sync snapshot", "snapshot": sid[:8], "reason": reason},
        )
    )


def _check(manifest: Manifest, expect: Expected, erased: set[str]) -> None:
    for device, seq in manifest.cursors.items():
        if seq > expect.latest.get(device, 0):
            raise Refused(f"it names batch {seq} of a workstation whose head says fewer")
    if erased - manifest.erased:
        raise Refused("it predates an erasure")
    numbers = [n for _digest, n in manifest.chunks]
    if numbers != list(range(len(numbers))):
        raise Refused("its chunks are not numbered in order")


def _fetch(ws: Workstation, store: ObjectStore, keys: SyncKeys, manifest: Manifest) -> list[Path]:
    """Every chunk into the spool, each checked against the manifest and its seal."""
    spool = ws.vault.folder / SPOOL
    spool.mkdir(exist_ok=True)
    paths: list[Path] = []
    for digest, n in manifest.chunks:
        path = spool / f"{manifest.sid}-{n:06d}"
        name = chunk_key(store, keys, manifest.sid, n)
        if path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == digest:
            paths.append(path)  # spooled by a round that was cut off
            continue
        try:
            data = store.get(name)
        except NotFound:
            raise Refused(f"chunk {n} is missing") from None
        if hashlib.sha256(data).hexdigest() != digest:
            raise Refused(f"chunk {n} does not match the manifest")
        try:
            if n == len(manifest.chunks) - 1:  # the last one says so: no chunk left out
                if not open_json(keys.ops, data, name=name).get("last"):
                    raise Refused("its manifest leaves chunks out")
            else:
                open_sealed(keys.ops, data, name=name)
        except SyncDataDamaged:
            raise Refused(f"chunk {n} does not open") from None
        partial = path.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(path)
        paths.append(path)
    return paths


def _open_chunk(
    keys: SyncKeys, store: ObjectStore, manifest: Manifest, path: Path, n: int
) -> dict[str, Any]:
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != manifest.chunks[n][0]:
        raise Refused(f"chunk {n} changed on this disk")
    try:
        document = open_json(keys.ops, data, name=chunk_key(store, keys, manifest.sid, n))
    except SyncDataDamaged:
        raise Refused(f"chunk {n} is unreadable") from None
    last = n == len(manifest.chunks) - 1
    if (
        document.get("snapshot") != manifest.sid
        or document.get("n") != n
        or bool(document.get("last")) != last
        or document.get("kind") not in ("records", "conflicts", "audit")
        or not isinstance(document.get("items"), list)
    ):
        raise Refused(f"chunk {n} is not the chunk its manifest names")
    return document


def _ops(entries: list[dict[str, Any]]) -> list[Op]:
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


def _apply(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    manifest: Manifest,
    paths: list[Path],
    erasures: list[Op],
    progress: Progress | None,
) -> Taken:
    taken = Taken(manifest.sid)
    with ws.vault.write_session() as session, session.begin():
        taking = state.get(session, TAKING)
        bulk = taking is None  # from the start: nothing of it is here
        applied = int(taking.get("applied") or 0) if isinstance(taking, dict) else 0
        state.put(session, TAKING, _taking(manifest, applied))
        for device, (seq, digest) in (manifest.document.get("audit_from") or {}).items():
            if session.get(Setting, f"audit_tip:{device}") is None:  # a chain purged there
                audit.seal_checkpoint(
                    session,
                    device_id=device,
                    audit_key=ws.vault.keys.audit,
                    seq=int(seq),
                    digest=bytes.fromhex(digest),
                )
                session.add(Setting(key=f"audit_tip:{device}", value=f"{int(seq)}:{digest}"))
    gone = {op.entity_id for op in erasures}
    credentials = {c.user_id: c.key.to_json() for c in ws.vault.header.credentials}
    tables = {name: table_info(model) for name, model in record_models().items()}
    for n, path in enumerate(paths):
        if n < applied:
            continue  # committed by a round that was cut off later
        try:
            document = _open_chunk(keys, store, manifest, path, n)
        except Refused as exc:
            exc.untouched = bulk and n == 0
            raise
        items: list[dict[str, Any]] = document["items"]
        records = items if document["kind"] == "records" else []
        every = _ops(records)  # all of them: the images their photos name
        ops = every
        with locking.writing(ws.vault.folder):
            now, later = _wanted_blobs(ws, [Batch("", 0, every, [])])
            count, size, failed = download_blobs(ws, store, keys, now, every + erasures)
            with ws.vault.write_session() as session, session.begin():
                session.execute(text("PRAGMA defer_foreign_keys = ON"))
                rest = insert_new(session, records, tables) if bulk else records
                if len(rest) < len(records):
                    taken.ops += len(records) - len(rest)
                    ops = _ops(rest)
                merged = Merger(session, credentials, notes=False).apply(ops)
                for patient in merged.erased_patients + erase_in_session(session, erasures):
                    if patient not in taken.erased_patients:
                        taken.erased_patients.append(patient)
                if document["kind"] == "conflicts":
                    _conflicts(session, items, gone | set(taken.erased_patients))
                if document["kind"] == "audit":
                    taken.audit_events += _audit(session, items)
                owners = blob_owners(every)
                record_blobs(session, owners, [b for b in now if b not in failed], failed, later)
                state.put(session, TAKING, _taking(manifest, n + 1))
        taken.ops += merged.ops
        taken.blobs += count
        taken.blob_bytes += size
        if progress:
            progress("apply", n + 1, len(paths))
    _finish(ws, manifest)
    log.info("Sync: joined from snapshot %s (%d records)", manifest.sid[:8], taken.ops)
    return taken


def _taking(manifest: Manifest, applied: int) -> dict[str, Any]:
    return {"snapshot": manifest.sid, "applied": applied, "total": len(manifest.chunks)}


def _conflicts(session: Any, items: list[dict[str, Any]], erased: set[str]) -> None:
    import datetime as dt

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


def _finish(ws: Workstation, manifest: Manifest) -> None:
    """The cursors and links the snapshot stands for: the pull goes on from there."""
    links = manifest.document.get("links") or {}
    with ws.vault.write_session() as session, session.begin():
        for device, seq in manifest.cursors.items():
            stmt = sqlite_insert(SyncCursor).values(device_id=device, last_seq=seq)
            session.execute(
                stmt.on_conflict_do_update(
                    index_elements=["device_id"], set_={"last_seq": stmt.excluded.last_seq}
                )
            )
        keep_applied(
            session,
            {
                str(d): (int(v[0]), str(v[1]), bool(v[2]))
                for d, v in links.items()
                if isinstance(v, list) and len(v) == 3
            },
        )
        high = str(manifest.document.get("hlc_high") or "")
        if high:
            high = max(state.get(session, state.HLC_HIGH) or "", high)
            state.put(session, state.HLC_HIGH, high)
            ws.clock.observe(high)
        state.put(session, TAKEN, {"snapshot": manifest.sid, "covers": manifest.covers})
        state.drop(session, TAKING)
    with contextlib.suppress(OSError):
        shutil.rmtree(ws.vault.folder / SPOOL)
