"""Pull: every other device's batches after its cursor, applied in one transaction.

Image objects the batches name are downloaded first (thumbnails and screen
images always, full images too unless they are fetched on demand), durably,
while this PC holds the writers' lock so that the orphan sweep of another
process's unlock leaves them alone. Then all operations are merged and the
cursors advanced in a single transaction: a PC killed mid-apply has applied
nothing and simply pulls again.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import SyncDataDamaged
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.audit_stream import apply_audit
from pixiodoc_desktop.sync.crypto import SyncKeys, open_json
from pixiodoc_desktop.sync.merge import Merger
from pixiodoc_desktop.sync.ops import Op
from pixiodoc_desktop.sync.push import (
    BLOB_FIELDS,
    batch_key,
    blob_key,
    blob_owners,
    erased_blob_ids,
)
from pixiodoc_desktop.sync.store import NotFound, ObjectStore, disk_full, is_disk_full
from pixiodoc_desktop.vault import locking
from pixiodoc_desktop.vault.durable import fsync_folder, temp_name_for
from pixiodoc_desktop.vault.schema import SyncBlob, SyncCursor

log = logging.getLogger(__name__)

DOWNLOAD_THREADS = 4
MAX_BATCHES_PER_ROUND = 2_000
FULL_IMAGES_SETTING = "sync.full_images"  # "eager" (default) | "on_demand"

Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class Batch:
    device: str
    seq: int
    ops: list[Op]
    audit: list[dict[str, Any]]


@dataclass(slots=True)
class PullResult:
    batches: int = 0
    ops: int = 0
    audit_events: int = 0
    blobs: int = 0
    blob_bytes: int = 0
    conflicts: int = 0
    erased_patients: list[str] = field(default_factory=list)
    header_changed: bool = False


def _cursors(ws: Workstation) -> dict[str, int]:
    with ws.vault.read_session() as session:
        return {c.device_id: c.last_seq for c in session.scalars(select(SyncCursor))}


def fetch_batches(ws: Workstation, store: ObjectStore, keys: SyncKeys) -> list[Batch]:
    """Download and open the new batches of every other device, in order per device."""
    cursors = _cursors(ws)
    devices_prefix = store.key(keys.workspace, "devices") + "/"
    batches: list[Batch] = []
    for device in sorted(store.folders(devices_prefix)):
        if device == ws.device_id:
            continue
        after = cursors.get(device, 0)
        prefix = store.key(keys.workspace, "devices", device, "ops") + "/"
        start = batch_key(store, keys, device, after) if after else ""
        expected = after + 1
        for name, _size in store.objects(prefix, start_after=start):
            seq_text = name.rsplit("/", 1)[-1]
            if not seq_text.isdigit() or int(seq_text) != expected:
                break  # a gap: wait for the missing batch rather than skip it
            document = open_json(keys.ops, store.get(name), name=name)
            if document.get("device") != device or document.get("seq") != expected:
                raise SyncDataDamaged(
                    f"The sync batch {expected} of device {device[:8]} names another device "
                    "or number; it was not applied."
                )
            batches.append(
                Batch(
                    device,
                    expected,
                    [Op.from_json(raw) for raw in document.get("ops", [])],
                    list(document.get("audit", [])),
                )
            )
            expected += 1
            if len(batches) >= MAX_BATCHES_PER_ROUND:
                return batches
    return batches


def _wanted_blobs(ws: Workstation, batches: list[Batch]) -> tuple[list[str], list[tuple[str, str]]]:
    """(objects to download now, (object, patient) left in the bucket until opened)."""
    eager = (ws.vault.setting(FULL_IMAGES_SETTING) or "eager") != "on_demand"
    now: list[str] = []
    later: list[tuple[str, str]] = []
    for batch in batches:
        for op in batch.ops:
            if op.entity != "photos" or op.operation != "upsert":
                continue
            for name in BLOB_FIELDS:
                blob = op.fields.get(name)
                if not blob or ws.vault.blobs.exists(str(blob)):
                    continue
                if name == "blob_id" and not eager:
                    later.append((str(blob), str(op.fields.get("patient_id") or "")))
                else:
                    now.append(str(blob))
    return list(dict.fromkeys(now)), later


def download_blob(ws: Workstation, store: ObjectStore, keys: SyncKeys, blob_id: str) -> int:
    """One image object into the vault's blobs folder, durably; 0 if the bucket lacks it."""
    path = ws.vault.blobs.path_for(blob_id)
    if path.exists():
        return 0
    temp = temp_name_for(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temp.open("xb") as handle:
            try:
                store.get_to(blob_key(store, keys, blob_id), handle)
            except NotFound:
                return 0  # erased meanwhile: its patient's key is gone too
            handle.flush()
            os.fsync(handle.fileno())
        size = temp.stat().st_size
        temp.replace(path)
        fsync_folder(path.parent)
        return size
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise disk_full(exc) from exc
        raise
    finally:
        temp.unlink(missing_ok=True)


def download_blobs(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    blob_ids: list[str],
    progress: Progress | None = None,
) -> tuple[int, int]:
    count = size = 0
    with ThreadPoolExecutor(DOWNLOAD_THREADS, thread_name_prefix="pixiodoc-sync-down") as pool:
        for done, got in enumerate(
            pool.map(lambda b: download_blob(ws, store, keys, b), blob_ids), start=1
        ):
            if got:
                count += 1
                size += got
            if progress:
                progress("download", done, len(blob_ids))
    return count, size


def apply_batches(
    ws: Workstation,
    batches: list[Batch],
    remote: list[tuple[str, str]],
    downloaded: list[str] | None = None,
) -> PullResult:
    """Merge every batch and advance the cursors in ONE transaction."""
    result = PullResult(batches=len(batches))
    try:
        with ws.vault.write_session() as session, session.begin():
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
            credentials = {c.user_id: c.key.to_json() for c in ws.vault.header.credentials}
            merged = Merger(session, credentials).apply([op for b in batches for op in b.ops])
            result.ops = merged.ops
            result.conflicts = merged.conflicts
            result.erased_patients = merged.erased_patients
            result.header_changed = merged.header_changed
            for batch in batches:
                result.audit_events += apply_audit(session, batch.device, batch.audit)
            cursors: dict[str, int] = {}
            for batch in batches:
                cursors[batch.device] = max(cursors.get(batch.device, 0), batch.seq)
            for device, seq in cursors.items():
                stmt = sqlite_insert(SyncCursor).values(device_id=device, last_seq=seq)
                session.execute(
                    stmt.on_conflict_do_update(
                        index_elements=["device_id"], set_={"last_seq": stmt.excluded.last_seq}
                    )
                )
            owners = blob_owners([op for b in batches for op in b.ops])
            if downloaded:
                stmt3 = sqlite_insert(SyncBlob).on_conflict_do_nothing(index_elements=["blob_id"])
                session.execute(
                    stmt3,
                    [
                        {"blob_id": b, "state": "uploaded", "patient_id": owners.get(b)}
                        for b in downloaded
                    ],
                )
            for blob_id, patient_id in remote:
                stmt2 = sqlite_insert(SyncBlob).values(
                    blob_id=blob_id, state="remote", patient_id=patient_id or None
                )
                session.execute(stmt2.on_conflict_do_nothing(index_elements=["blob_id"]))
            if merged.highest_hlc:
                high = max(state.get(session, state.HLC_HIGH) or "", merged.highest_hlc)
                state.put(session, state.HLC_HIGH, high)
                ws.clock.observe(high)
    except OperationalError as exc:
        if is_disk_full(exc):
            raise disk_full() from exc
        raise
    return result


def drop_erased_locally(ws: Workstation, patient_ids: list[str]) -> list[str]:
    """Delete the local image objects of patients whose key was destroyed elsewhere."""
    blobs = erased_blob_ids(ws, patient_ids)
    for blob in blobs:
        ws.vault.blobs.delete(blob)
    return blobs


def pull(
    ws: Workstation, store: ObjectStore, keys: SyncKeys, progress: Progress | None = None
) -> PullResult:
    batches = fetch_batches(ws, store, keys)
    if not batches:
        return PullResult()
    with locking.writing(ws.vault.folder):
        now, later = _wanted_blobs(ws, batches)
        count, size = download_blobs(ws, store, keys, now, progress)
        result = apply_batches(ws, batches, later, now)
    result.blobs, result.blob_bytes = count, size
    if progress:
        progress("apply", result.ops, result.ops)
    return result
