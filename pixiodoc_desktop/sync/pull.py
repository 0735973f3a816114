"""Pull: every other device's batches after its cursor, applied in one transaction.

Image objects the batches name are downloaded first (thumbnails and screen
images always, full images too unless they are fetched on demand), durably,
while this PC holds the writers' lock so that the orphan sweep of another
process's unlock leaves them alone. Then all operations are merged and the
cursors advanced in a single transaction: a PC killed mid-apply has applied
nothing and simply pulls again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import SyncDataDamaged, SyncImageMissing
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.audit_stream import apply_audit
from pixiodoc_desktop.sync.bulk_rows import collector_paused, insert_rows
from pixiodoc_desktop.sync.crypto import SyncKeys, open_json
from pixiodoc_desktop.sync.erase_apply import erase_in_session
from pixiodoc_desktop.sync.images import MISSING as MISSING_IMAGE
from pixiodoc_desktop.sync.images import ImageKeys, fetch_checked, owners_here
from pixiodoc_desktop.sync.links import Link, applied_links, follows, keep_applied, link_of
from pixiodoc_desktop.sync.merge import Merger
from pixiodoc_desktop.sync.ops import Op, core_table
from pixiodoc_desktop.sync.push import (
    BLOB_FIELDS,
    batch_key,
    blob_owners,
    erased_blob_ids,
)
from pixiodoc_desktop.sync.store import NotFound, ObjectStore, disk_full, is_disk_full
from pixiodoc_desktop.vault import database, locking
from pixiodoc_desktop.vault.schema import SyncBlob, SyncCursor

log = logging.getLogger(__name__)

DOWNLOAD_THREADS = 4
MAX_BATCHES_PER_ROUND = 2_000
# Ops merged in one transaction: a PC joining a group's history of millions of records
# applies it in parts (each part with its cursors, atomic as ever) in memory it has
APPLY_OPS = 200_000
FULL_IMAGES_SETTING = "sync.full_images"  # "eager" (default) | "on_demand"
# "eager" (default) | "on_demand": thumbnails and screen images also stay in the bucket
# until first shown (a PC joining a clinic group's history of millions of photos)
PREVIEWS_SETTING = "sync.previews"

Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class Batch:
    device: str
    seq: int
    ops: list[Op]
    audit: list[dict[str, Any]]
    link: Link | None = None  # None: passed over as lost, or not known


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
    missing: dict[str, int] = field(default_factory=dict)  # device: first batch not got
    altered: dict[str, int] = field(default_factory=dict)  # device: first breaking its chain


def _cursors(ws: Workstation) -> dict[str, int]:
    with ws.vault.read_session() as session:
        return {c.device_id: c.last_seq for c in session.scalars(select(SyncCursor))}


@dataclass(slots=True)
class Expected:
    """What the bucket is checked against while fetching (from heads and this PC)."""

    latest: dict[str, int] = field(default_factory=dict)  # highest batch number heard of
    heads: dict[str, tuple[int, str]] = field(default_factory=dict)  # writer's (batch, link)
    accepted: dict[str, set[int]] = field(default_factory=dict)  # losses an Admin accepted
    erasures: list[Op] = field(default_factory=list)  # the clinic's list, not applied here yet
    missing: dict[str, int] = field(default_factory=dict)  # out: device: first not got
    altered: dict[str, int] = field(default_factory=dict)  # out: device: first that breaks
    more: bool = False  # out: stopped at APPLY_OPS (or MAX_BATCHES_PER_ROUND): fetch again


def fetch_batches(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    expect: Expected | None = None,
    listed: list[str] | None = None,
) -> list[Batch]:
    """Download and open the new batches of every other device, in order per device.

    A device's batches are taken up to the first one that is not in the bucket, does
    not open, is not what its name says or does not follow the one before it
    (links.py); that number goes into `expect.missing` (and `altered` for a broken
    link): the round then fails, typed and audited, and the writer puts it back.
    `expect.latest` is the highest number each device is known to have written
    (heads.py): a bucket that ends below it lost its newest batches. A number an Admin
    accepted as lost (`losses.py`) is passed over when it is missing, damaged or breaks
    the chain.
    """
    expect = expect if expect is not None else Expected()
    expect.more = False
    taken = 0  # ops in `batches`
    cursors = _cursors(ws)
    with ws.vault.read_session() as session:
        applied = applied_links(session)
    devices_prefix = store.key(keys.workspace, "devices") + "/"
    batches: list[Batch] = []
    folders = listed if listed is not None else store.folders(devices_prefix)
    for device in sorted(set(folders) | set(expect.latest)):
        if device == ws.device_id:
            continue
        after = cursors.get(device, 0)
        accepted = expect.accepted.get(device, set())
        link = applied.get(device)
        before = link if link is not None and link[0] == after else None
        prefix = store.key(keys.workspace, "devices", device, "ops") + "/"
        # listed from the last batch applied: one the bucket lost since (rolled back) counts
        start = batch_key(store, keys, device, after - 1) if after > 1 else ""
        expected = after + 1
        stop: int | None = None
        first = True
        for name, _size in store.objects(prefix, start_after=start):
            seq_text = name.rsplit("/", 1)[-1]
            if not seq_text.isdigit():
                continue
            seq = int(seq_text)
            if first and after > 0:
                first = False
                if seq == after:
                    continue
                if after not in accepted:
                    stop = after  # the last batch applied here is gone from the bucket
                    break
            first = False
            while expected < seq and expected in accepted:  # lost for good: passed over
                batches.append(Batch(device, expected, [], [], None))
                before, expected = None, expected + 1
            if seq != expected:
                stop = expected  # a gap: the writer must put the missing batch back
                break
            document = _open_batch(store, keys, name, device, expected)
            if document is None and expected in accepted:
                batches.append(Batch(device, expected, [], [], None))
                before, expected = None, expected + 1
                continue
            if document is None:
                stop = expected
                break
            if not follows(document, before, expect.heads.get(device)) and (
                expected not in accepted
            ):
                log.warning("Sync: batch %d of device %s breaks its chain", expected, device[:8])
                last = batches[-1] if batches else None
                if last is not None and last.device == device and last.link is not None:
                    batches.pop()  # it or this one was replaced: neither is applied
                    expected -= 1
                expect.altered[device] = stop = expected
                break
            before = (expected, link_of(document), "prev" in document)
            batches.append(
                Batch(
                    device,
                    expected,
                    [Op.from_json(raw) for raw in document.get("ops", [])],
                    list(document.get("audit", [])),
                    before,
                )
            )
            expected += 1
            taken += len(batches[-1].ops)
            if len(batches) >= MAX_BATCHES_PER_ROUND or taken >= APPLY_OPS:
                expect.more = True
                return batches
        else:
            if first and after > 0 and after not in accepted:
                stop = after  # nothing listed at all, not even the last batch applied
            while stop is None and expected <= expect.latest.get(device, 0):
                if expected not in accepted:
                    stop = expected  # the newest batches are gone
                    break
                batches.append(Batch(device, expected, [], [], None))
                expected += 1
        if stop is not None:
            expect.missing[device] = stop
    return batches


def _open_batch(
    store: ObjectStore, keys: SyncKeys, name: str, device: str, seq: int
) -> dict[str, Any] | None:
    """The batch under `name`, if it opens and says it is batch `seq` of `device`."""
    try:
        document = open_json(keys.ops, store.get(name), name=name)
    except (SyncDataDamaged, NotFound):
        return None
    if document.get("device") != device or document.get("seq") != seq:
        log.warning("Sync: batch %d of device %s names another", seq, device[:8])
        return None
    return document


def _wanted_blobs(ws: Workstation, batches: list[Batch]) -> tuple[list[str], list[tuple[str, str]]]:
    """(objects to download now, (object, patient) left in the bucket until opened)."""
    eager = (ws.vault.setting(FULL_IMAGES_SETTING) or "eager") != "on_demand"
    previews = (ws.vault.setting(PREVIEWS_SETTING) or "eager") != "on_demand"
    now: list[str] = []
    later: list[tuple[str, str]] = []
    photos = [
        op
        for batch in batches
        for op in batch.ops
        if op.entity == "photos" and op.operation == "upsert"
    ]
    here = ws.vault.blobs.existing(
        str(op.fields[name]) for op in photos for name in BLOB_FIELDS if op.fields.get(name)
    )
    for op in photos:
        for name in BLOB_FIELDS:
            blob = op.fields.get(name)
            if not blob or str(blob) in here:
                continue
            if not (eager if name == "blob_id" else previews):
                later.append((str(blob), str(op.fields.get("patient_id") or "")))
            else:
                now.append(str(blob))
    return list(dict.fromkeys(now)), later


def download_blob(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    blob_id: str,
    patient_id: str | None = None,
) -> int:
    """One image object into the vault, checked against its id, durably; its size, or 0
    when it is here already or its patient is erased. Missing or damaged in the bucket:
    SyncImageMissing (nothing kept)."""
    if ws.vault.blobs.exists(blob_id):
        return 0
    owner = patient_id or owners_here(ws, [blob_id]).get(blob_id)
    got = fetch_checked(ws, store, keys, blob_id, owner, ImageKeys(ws))
    if got is None:
        raise SyncImageMissing(1)
    return got


def download_blobs(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    blob_ids: list[str],
    ops: list[Op],
    progress: Progress | None = None,
) -> tuple[int, int, dict[str, str | None]]:
    """(count, bytes, objects missing or damaged with their patient)."""
    owners = blob_owners(ops)
    image_keys = ImageKeys(ws, ops)
    count = size = 0
    failed: dict[str, str | None] = {}

    def one(blob_id: str) -> int | None:
        return fetch_checked(ws, store, keys, blob_id, owners.get(blob_id), image_keys)

    with ThreadPoolExecutor(DOWNLOAD_THREADS, thread_name_prefix="pixiodoc-sync-down") as pool:
        for done, (blob_id, got) in enumerate(
            zip(blob_ids, pool.map(one, blob_ids), strict=True), start=1
        ):
            if got is None:
                failed[blob_id] = owners.get(blob_id)
            elif got:
                count += 1
                size += got
            if progress:
                progress("download", done, len(blob_ids))
    return count, size, failed


def apply_batches(
    ws: Workstation,
    batches: list[Batch],
    remote: list[tuple[str, str]],
    downloaded: list[str] | None = None,
    missing: dict[str, str | None] | None = None,
    erasures: list[Op] | None = None,
) -> PullResult:
    """Merge every batch and advance the cursors in ONE transaction; the erasure list's
    tombstones (`erasures`) are applied in it too."""
    result = PullResult(batches=len(batches))
    try:
        with (
            collector_paused(),
            ws.vault.write_session() as session,
            session.begin(),
            database.applying_cache(session),
        ):
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
            credentials = {c.user_id: c.key.to_json() for c in ws.vault.header.credentials}
            merged = Merger(session, credentials).apply([op for b in batches for op in b.ops])
            result.ops = merged.ops
            result.conflicts = merged.conflicts
            result.erased_patients = merged.erased_patients
            result.header_changed = merged.header_changed
            for patient in erase_in_session(session, erasures or []):
                if patient not in result.erased_patients:
                    result.erased_patients.append(patient)
            for batch in batches:
                result.audit_events += apply_audit(session, batch.device, batch.audit)
            cursors: dict[str, int] = {}
            for batch in batches:
                cursors[batch.device] = max(cursors.get(batch.device, 0), batch.seq)
            keep_applied(session, {b.device: b.link for b in batches})  # the last per device
            for device, seq in cursors.items():
                stmt = sqlite_insert(SyncCursor).values(device_id=device, last_seq=seq)
                session.execute(
                    stmt.on_conflict_do_update(
                        index_elements=["device_id"], set_={"last_seq": stmt.excluded.last_seq}
                    )
                )
            owners = blob_owners([op for b in batches for op in b.ops])
            record_blobs(session, owners, downloaded or [], missing or {}, remote)
            if merged.highest_hlc:
                high = max(state.get(session, state.HLC_HIGH) or "", merged.highest_hlc)
                state.put(session, state.HLC_HIGH, high)
                ws.clock.observe(high)
    except OperationalError as exc:
        if is_disk_full(exc):
            raise disk_full() from exc
        raise
    return result


def record_blobs(
    session: Session,
    owners: dict[str, str],
    downloaded: list[str],
    missing: dict[str, str | None],
    remote: list[tuple[str, str]],
) -> None:
    """What became of the image objects an apply names (in its transaction): downloaded,
    missing (images.py fetches them again) or left in the bucket until opened. One
    executemany each, on the Core table (a joiner leaves millions in the bucket)."""
    table = core_table(SyncBlob)
    if downloaded:
        insert_rows(
            session,
            table,
            [{"blob_id": b, "state": "uploaded", "patient_id": owners.get(b)} for b in downloaded],
            on_conflict=("blob_id",),
        )
    if missing:
        stmt4 = sqlite_insert(table)
        session.execute(
            stmt4.on_conflict_do_update(index_elements=["blob_id"], set_={"state": MISSING_IMAGE}),
            [{"blob_id": b, "state": MISSING_IMAGE, "patient_id": p} for b, p in missing.items()],
        )
    if remote:
        insert_rows(
            session,
            table,
            [{"blob_id": b, "state": "remote", "patient_id": p or None} for b, p in remote],
            on_conflict=("blob_id",),
        )


def drop_erased_locally(ws: Workstation, patient_ids: list[str]) -> list[str]:
    """Delete the local image objects of patients whose key was destroyed elsewhere."""
    blobs = erased_blob_ids(ws, patient_ids)
    for blob in blobs:
        ws.vault.blobs.delete(blob)
    return blobs


def pull(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    progress: Progress | None = None,
    expect: Expected | None = None,
    listed: list[str] | None = None,
) -> PullResult:
    """Fetch and apply the other PCs' new batches, APPLY_OPS at a time (each part in
    one transaction with its cursors: a PC killed mid-apply pulls that part again)."""
    expect = expect if expect is not None else Expected()
    total = PullResult()
    while True:
        batches = fetch_batches(ws, store, keys, expect, listed)
        if not batches:
            break
        with locking.writing(ws.vault.folder):
            now, later = _wanted_blobs(ws, batches)
            ops = [op for b in batches for op in b.ops] + expect.erasures  # erased: not fetched
            count, size, failed = download_blobs(ws, store, keys, now, ops, progress)
            got = [b for b in now if b not in failed]
            part = apply_batches(ws, batches, later, got, failed, expect.erasures)
        del batches, ops
        _add(total, part, count, size)
        # a tombstone waits for the part that brings its patient (erase_apply.py)
        expect.erasures = [e for e in expect.erasures if e.entity_id not in part.erased_patients]
        if not expect.more:
            break
    total.missing, total.altered = expect.missing, expect.altered
    if progress and total.batches:
        progress("apply", total.ops, total.ops)
    return total


def _add(total: PullResult, part: PullResult, blobs: int, blob_bytes: int) -> None:
    total.batches += part.batches
    total.ops += part.ops
    total.audit_events += part.audit_events
    total.blobs += blobs
    total.blob_bytes += blob_bytes
    total.conflicts += part.conflicts
    total.erased_patients += [p for p in part.erased_patients if p not in total.erased_patients]
    total.header_changed |= part.header_changed
