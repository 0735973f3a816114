"""A vault restored from a backup made before an erasure gets the erasure back.

A restored vault (or a copied folder) keeps its device id, so its own op
batches in the bucket that are numbered at or after its next number were
written by the vault as it was after the backup. Push then stops (the
number is taken by other content, see push.py), but before that, at the
start of every round, the erasures in those batches (the patient keys'
tombstones, which history compaction keeps) are applied here like an
erasure from another PC: the key goes, the record becomes the tombstone, its
visits, photos and the rest are deleted, the images are removed, the outbox
keeps nothing of the patient. Erasures made on other PCs come with the
ordinary pull.
"""

from __future__ import annotations

import logging

from sqlalchemy import select

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.crypto import SyncKeys, open_json
from pixiodoc_desktop.sync.erase_apply import erase_in_session
from pixiodoc_desktop.sync.ops import Op
from pixiodoc_desktop.sync.pull import drop_erased_locally
from pixiodoc_desktop.sync.push import batch_key, delete_remote_blobs, erased_blob_ids, forget_blobs
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault import locking
from pixiodoc_desktop.vault.schema import PatientKey

log = logging.getLogger(__name__)


def _later_own_erasures(ws: Workstation, store: ObjectStore, keys: SyncKeys) -> list[Op]:
    """Key tombstones in this device's batches numbered at or after its next number,
    for patients whose key this vault still holds."""
    with ws.vault.read_session() as session:
        next_seq = int(state.get(session, state.NEXT_SEQ) or 1)
    prefix = store.key(keys.workspace, "devices", ws.device_id, "ops") + "/"
    start = batch_key(store, keys, ws.device_id, next_seq - 1) if next_seq > 1 else ""
    found: list[Op] = []
    for name, _size in list(store.objects(prefix, start_after=start)):
        if not name.rsplit("/", 1)[-1].isdigit():
            continue
        document = open_json(keys.ops, store.get(name), name=name)
        for raw in document.get("ops") or []:
            op = Op.from_json(raw)
            if op.entity == "patient_keys" and op.operation == "delete":
                found.append(op)
    if not found:  # the usual case: no batch after this PC's own; no read of all keys
        return []
    with ws.vault.read_session() as session:
        held = set(
            session.scalars(
                select(PatientKey.patient_id).where(
                    PatientKey.patient_id.in_(sorted({op.entity_id for op in found}))
                )
            )
        )
    return [op for op in found if op.entity_id in held]


def reapply_own_erasures(ws: Workstation, store: ObjectStore, keys: SyncKeys) -> list[str]:
    """Apply erasures this vault made after the backup it was restored from; returns
    the patients erased now (none for a vault that was never restored)."""
    tombstones = _later_own_erasures(ws, store, keys)
    if not tombstones:
        return []
    patients = erase_here(ws, store, keys, tombstones)
    log.warning("Sync: %d erasure(s) made after this vault's backup applied again", len(patients))
    return patients


def erase_here(
    ws: Workstation, store: ObjectStore, keys: SyncKeys, tombstones: list[Op]
) -> list[str]:
    """Apply patient keys' tombstones here as an erasure from another PC is applied:
    the key goes, the record becomes the tombstone, the patient's records and images go."""
    patients = sorted({op.entity_id for op in tombstones})
    with locking.writing(ws.vault.folder):
        blobs = erased_blob_ids(ws, patients)
        with ws.vault.write_session() as session, session.begin():
            erase_in_session(session, tombstones)
        for blob in blobs:
            ws.vault.blobs.delete(blob)
    drop_erased_locally(ws, patients)
    delete_remote_blobs(store, keys, blobs)
    forget_blobs(ws, blobs)
    return patients
