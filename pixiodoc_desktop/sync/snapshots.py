"""Snapshots of the clinic's records, so that a new workstation need not replay every
op batch every PC ever wrote (issue 19).

    <prefix>/<workspace>/snapshots/<sid>/chunks/<n:06d>   sealed chunk (records, note
                                                          conflicts or audit events)
    <prefix>/<workspace>/snapshots/<sid>/manifest         sealed, written last, once

A snapshot is one PC's merged state: every record with the clock of each field
(tombstones too), the open note conflicts, every audit chain as far as the
batches it covers carry it, and the batch cursors that state stands for (per
device: the last batch it holds, with that batch's link, links.py). It is sealed
exactly like a batch (crypto.py: zlib + AES-256-GCM under HKDF(WK, "sync-ops"),
the object's name as associated data), so a chunk moved to another name or
another snapshot does not open. `sid` is random; nothing in a name says what it
holds.

Visibility: chunks are written first, one at a time (neither the writer nor a
reader ever holds the whole snapshot in memory), then the manifest, with a
conditional create. The manifest names every chunk by the SHA-256 of its sealed
bytes and their number, so a reader that has a manifest knows exactly which
bytes make the snapshot; without a manifest a snapshot does not exist for it.

Erasure: a manifest names the erased patients its writer knew of. Every round
lists the snapshots (one listing); a snapshot it has not checked yet, or all of
them once the erasures this PC knows changed since its last complete check, is
read and deleted (manifest first,
so it vanishes at once, then its chunks) when it lacks an erasure this PC knows
of: snapshots are retired rather than rewritten, and a newer one is written
later. A joiner refuses a snapshot whose manifest lacks an erasure the clinic's
erasure list names, and applies that list in every chunk's transaction anyway
(snapshot_take.py). Writing: snapshot_write.py. Taking: snapshot_take.py.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import SyncDataDamaged
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.crypto import SyncKeys, open_json
from pixiodoc_desktop.sync.store import NotFound, ObjectStore
from pixiodoc_desktop.vault.schema import SyncClock

log = logging.getLogger(__name__)

FORMAT = 1
SNAPSHOTS = "snapshots"
SEEN = "snapshots_seen"  # sync_state: {sid: batches covered} of snapshots checked here
CHECKED_FOR = "snapshots_checked_for"  # sync_state: hash of the erasures they were checked for
EVERY_SETTING = "sync.snapshot_every"  # batches written since the newest snapshot
DEFAULT_EVERY = 2_000
KEEP = 2  # the newest snapshots kept; a reader still fetching the older one is not cut off
# sync_state of a joiner (snapshot_take.py): {"snapshot": sid, "applied": parts in,
# "total": parts} while one is applied; {"snapshot": sid, "covers": n} once applied
TAKING = "snapshot_taking"
TAKEN = "snapshot_taken"


@dataclass(frozen=True, slots=True)
class Manifest:
    sid: str
    document: dict[str, Any]

    @property
    def covers(self) -> int:
        return int(self.document.get("covers") or 0)

    @property
    def cursors(self) -> dict[str, int]:
        return {str(d): int(s) for d, s in (self.document.get("cursors") or {}).items()}

    @property
    def erased(self) -> set[str]:
        return {str(p) for p in self.document.get("erased") or []}

    @property
    def chunks(self) -> list[tuple[str, int]]:
        return [(str(h), int(n)) for h, n in self.document.get("chunks") or []]


def folder(store: ObjectStore, keys: SyncKeys, sid: str = "") -> str:
    return (
        store.key(keys.workspace, SNAPSHOTS, sid) if sid else store.key(keys.workspace, SNAPSHOTS)
    )


def manifest_key(store: ObjectStore, keys: SyncKeys, sid: str) -> str:
    return store.key(keys.workspace, SNAPSHOTS, sid, "manifest")


def chunk_key(store: ObjectStore, keys: SyncKeys, sid: str, n: int) -> str:
    return store.key(keys.workspace, SNAPSHOTS, sid, "chunks", f"{n:06d}")


def listed(store: ObjectStore, keys: SyncKeys) -> list[str]:
    return sorted(store.folders(folder(store, keys) + "/"))


def read_manifest(store: ObjectStore, keys: SyncKeys, sid: str) -> Manifest | None:
    """The snapshot's manifest; None when it has none (being written, or abandoned).
    Raises SyncDataDamaged when it does not open or is not well formed."""
    name = manifest_key(store, keys, sid)
    try:
        document = open_json(keys.ops, store.get(name), name=name)
    except NotFound:
        return None
    chunks = document.get("chunks")
    well_formed = (
        document.get("format") == FORMAT
        and document.get("snapshot") == sid
        and isinstance(document.get("cursors"), dict)
        and isinstance(chunks, list)
        and bool(chunks)
        and all(
            isinstance(c, list) and len(c) == 2 and isinstance(c[0], str) and isinstance(c[1], int)
            for c in chunks
        )
    )
    if not well_formed:
        raise SyncDataDamaged(f"The manifest of snapshot {sid[:8]} is not one this PC can use.")
    return Manifest(sid, document)


def manifests(store: ObjectStore, keys: SyncKeys) -> tuple[list[Manifest], dict[str, str]]:
    """(every complete snapshot that opens, newest first; {sid: why not} for the rest
    that have a manifest)."""
    found: list[Manifest] = []
    refused: dict[str, str] = {}
    for sid in listed(store, keys):
        try:
            manifest = read_manifest(store, keys, sid)
        except SyncDataDamaged as exc:
            refused[sid] = exc.message
            continue
        if manifest is not None:
            found.append(manifest)
    found.sort(key=lambda m: (m.covers, str(m.document.get("written_at") or "")), reverse=True)
    return found, refused


def delete_snapshot(store: ObjectStore, keys: SyncKeys, sid: str) -> None:
    """Manifest first (the snapshot is gone for every reader at once), then its chunks."""
    store.delete(manifest_key(store, keys, sid))
    for name, _size in list(store.objects(folder(store, keys, sid) + "/")):
        store.delete(name)


def erased_here(ws: Workstation) -> set[str]:
    with ws.vault.read_session() as session:
        return set(
            session.scalars(
                select(SyncClock.entity_id).where(
                    SyncClock.entity == "patient_keys", SyncClock.deleted_hlc.is_not(None)
                )
            )
        )


def retire_stale(ws: Workstation, store: ObjectStore, keys: SyncKeys, *, recheck: bool) -> int:
    """Delete every snapshot that lacks an erasure this PC knows of; returns how many.
    Reads the snapshots not checked here before; all of them with `recheck` (a round
    whose erasure bookkeeping was reset by a rollback) or when the erasures known here
    changed since the last complete check (one that failed half way is done again)."""
    erased = erased_here(ws)
    fingerprint = hashlib.sha256("\n".join(sorted(erased)).encode()).hexdigest()
    with ws.vault.read_session() as session:
        seen: dict[str, int] = dict(state.get(session, SEEN) or {})
        recheck = recheck or state.get(session, CHECKED_FOR) != fingerprint
    sids = listed(store, keys)
    todo = [sid for sid in sids if recheck or sid not in seen]
    kept = {sid: covers for sid, covers in seen.items() if sid in sids}
    retired = 0
    for sid in todo:
        try:
            manifest = read_manifest(store, keys, sid)
        except SyncDataDamaged:
            kept.pop(sid, None)  # a joiner refuses it; looked at again next round
            continue
        if manifest is None:
            kept.pop(sid, None)
            continue
        if erased - manifest.erased:
            log.warning("Sync: snapshot %s predates an erasure; retired", sid[:8])
            delete_snapshot(store, keys, sid)
            kept.pop(sid, None)
            retired += 1
            continue
        kept[sid] = manifest.covers
    if kept != seen or recheck:
        with ws.vault.write_session() as session, session.begin():
            state.put(session, SEEN, kept)
            state.put(session, CHECKED_FOR, fingerprint)
    return retired


def newest_covered(ws: Workstation) -> int:
    """The most batches a snapshot this PC has checked covers (0: none)."""
    with ws.vault.read_session() as session:
        seen: dict[str, int] = dict(state.get(session, SEEN) or {})
    return max(seen.values(), default=0)
