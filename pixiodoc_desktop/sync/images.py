"""Image objects from the bucket: checked before they enter the vault, fetched again
while they are missing or damaged.

An object is downloaded to a temporary name, decrypted under its patient's key
and its content id recomputed; only an object that is exactly the one its id
names is renamed into `blobs/`. One that is not in the bucket, or fails the
check, is remembered (`sync_blobs` state "missing") and every later round
tries it again, failing typed and audited (`SyncImageMissing`) until it comes:
putting the right object back into the bucket repairs every PC at its next
round. `vault verify --repair` fetches again what verify flags (`refetch`).
An image of a patient erased meanwhile is not wanted and not an error.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable

from sqlalchemy import select

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import BlobDamaged, PixioDocError
from pixiodoc_desktop.sync.crypto import SyncKeys
from pixiodoc_desktop.sync.ops import Op
from pixiodoc_desktop.sync.push import BLOB_FIELDS, blob_key
from pixiodoc_desktop.sync.store import NotFound, ObjectStore, disk_full
from pixiodoc_desktop.vault import private
from pixiodoc_desktop.vault.blobs import blob_id_for, decrypt_blob
from pixiodoc_desktop.vault.durable import fsync_folder, temp_name_for
from pixiodoc_desktop.vault.schema import PatientKey, Photo, SyncBlob, SyncClock

MISSING = "missing"  # sync_blobs.state of an object a pull could not get intact


class ImageKeys:
    """Each patient's data key for checking image objects: this vault's, or the one the
    batches being pulled bring; None for a patient erased (or unknown) here."""

    def __init__(self, ws: Workstation, ops: Iterable[Op] = ()) -> None:
        self.ws = ws
        self.wrapped: dict[str, bytes] = {}
        self.erased: set[str] = set()
        for op in ops:
            if op.entity != "patient_keys":
                continue
            if op.operation == "delete":
                self.erased.add(op.entity_id)
            elif op.fields.get("wrapped_key"):
                self.wrapped[op.entity_id] = bytes.fromhex(str(op.fields["wrapped_key"]))
        self.cache: dict[str, bytes | None] = {}

    def erased_here(self, patient_id: str) -> bool:
        """Erased (in these batches or before): its images are not wanted."""
        if patient_id in self.erased:
            return True
        with self.ws.vault.read_session() as session:
            row = session.get(SyncClock, ("patient_keys", patient_id))
            return row is not None and row.deleted_hlc is not None

    def key(self, patient_id: str) -> bytes | None:
        if patient_id in self.erased:
            return None
        if patient_id not in self.cache:
            with self.ws.vault.read_session() as session:
                row = session.get(PatientKey, patient_id)
                wrapped = bytes(row.wrapped_key) if row else self.wrapped.get(patient_id)
            self.cache[patient_id] = (
                None if wrapped is None else self.ws.vault.unwrap_patient_key(patient_id, wrapped)
            )
        return self.cache[patient_id]


def owners_here(ws: Workstation, blob_ids: Iterable[str]) -> dict[str, str]:
    """The patient of each image object, from this vault's photos and sync records."""
    wanted = list(blob_ids)
    found: dict[str, str] = {}
    with ws.vault.read_session() as session:
        for start in range(0, len(wanted), 300):
            part = wanted[start : start + 300]
            known: dict[str, str] = {}
            for blob, patient in session.execute(
                select(SyncBlob.blob_id, SyncBlob.patient_id).where(SyncBlob.blob_id.in_(part))
            ):
                if patient:
                    known[str(blob)] = str(patient)
            # the photo columns have no index: read them only for objects sync_blobs
            # cannot place (an image shown on demand is placed by its "remote" row)
            rest = [b for b in part if b not in known]
            for name in BLOB_FIELDS if rest else ():
                column = getattr(Photo, name)
                for blob, patient in session.execute(
                    select(column, Photo.patient_id).where(column.in_(rest))
                ):
                    found[str(blob)] = str(patient)
            for blob, patient in known.items():
                found.setdefault(blob, patient)
    return found


def fetch_image(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    blob_id: str,
    patient_id: str,
    patient_key: bytes,
    *,
    replace: bool = False,
) -> int:
    """One image object into the vault, checked, durably; its size, or 0 when the
    bucket lacks it. Raises BlobDamaged (nothing kept) when it is not the object its
    id names. `replace`: put it over a local copy (which verify found damaged)."""
    path = ws.vault.blobs.path_for(blob_id)
    if path.exists() and not replace:
        return 0
    temp = temp_name_for(path)
    try:
        private.make_folder(path.parent)  # 0700, like every folder of the vault
        with os.fdopen(private.open_new(temp), "wb") as handle:  # 0600 from the start
            try:
                store.get_to(blob_key(store, keys, blob_id), handle)
            except NotFound:
                return 0
            handle.flush()
            os.fsync(handle.fileno())
        plain = decrypt_blob(blob_id, temp.read_bytes(), patient_key)
        if blob_id_for(ws.vault.keys.blob_id, patient_id, plain) != blob_id:
            raise BlobDamaged(
                f"Image object {blob_id[:12]} fails authentication (damaged or altered)"
            )
        del plain
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


def fetch_checked(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    blob_id: str,
    patient_id: str | None,
    image_keys: ImageKeys,
    *,
    replace: bool = False,
) -> int | None:
    """Size fetched (0: not needed, its patient is erased); None: missing or damaged."""
    if patient_id is None:
        return None
    key = image_keys.key(patient_id)
    if key is None:  # erased: not wanted; else the key has not come (yet): try again
        return 0 if image_keys.erased_here(patient_id) else None
    try:
        size = fetch_image(ws, store, keys, blob_id, patient_id, key, replace=replace)
    except BlobDamaged:
        return None
    if size == 0 and not ws.vault.blobs.exists(blob_id):
        return None
    return size


def mark_missing(ws: Workstation, blobs: dict[str, str | None]) -> None:
    """Remember image objects to fetch again at every round until they come."""
    if not blobs:
        return
    with ws.vault.write_session() as session, session.begin():
        for blob_id, patient_id in blobs.items():
            row = session.get(SyncBlob, blob_id)
            if row is None:
                session.add(SyncBlob(blob_id=blob_id, state=MISSING, patient_id=patient_id))
            else:
                row.state = MISSING


def refetch(
    ws: Workstation, store: ObjectStore, keys: SyncKeys, blob_ids: list[str], *, replace: bool
) -> list[str]:
    """Fetch these image objects again (over damaged local copies with `replace`);
    returns those still missing or damaged (marked to be tried again)."""
    owners = owners_here(ws, blob_ids)
    image_keys = ImageKeys(ws)
    failed: dict[str, str | None] = {}
    done: list[str] = []
    for blob_id in blob_ids:
        got = fetch_checked(
            ws, store, keys, blob_id, owners.get(blob_id), image_keys, replace=replace
        )
        if got is None:
            failed[blob_id] = owners.get(blob_id)
        else:
            done.append(blob_id)
    mark_missing(ws, failed)
    if done:
        with ws.vault.write_session() as session, session.begin():
            for blob_id in done:
                row = session.get(SyncBlob, blob_id)
                if row is not None and row.state == MISSING:
                    row.state = "uploaded"
    return sorted(failed)


def missing_images(ws: Workstation) -> list[str]:
    with ws.vault.read_session() as session:
        return list(session.scalars(select(SyncBlob.blob_id).where(SyncBlob.state == MISSING)))


def offer_images(ws: Workstation, store: ObjectStore, keys: SyncKeys, wanted: list[str]) -> int:
    """Upload again the wanted image objects this PC holds (another PC found them missing
    or damaged in the bucket); returns how many."""
    sent = 0
    for blob_id in wanted:
        try:
            path = ws.vault.blobs.path_for(blob_id)
        except PixioDocError:
            continue  # not an image id: a damaged head
        if path.exists():
            store.put_file(blob_key(store, keys, blob_id), path)
            sent += 1
    return sent
