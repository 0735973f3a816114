"""The clinic's erasure list: erasure survives a bucket rolled back to an older snapshot.

    <prefix>/<workspace>/erasures    sealed: {"patients": {patient id: {"hlc", "scrub"}}}

An erasure travels as the patient key's tombstone in the erasing PC's batches,
and history compaction removes the patient from every batch. A bucket restored
to a snapshot taken before the erasure brings back the old batches, with the
patient, and drops the newer ones, with the tombstone: a PC that joined then
would get the patient back. So every PC, at every round (a joining PC's first
rounds included), after pulling:

- erases here every patient the list names whose key it still holds;
- adds to the list every erasure it knows and the list lacks (the list itself
  may have been rolled back), and then compacts its own batches again, since
  a list that lacked an erasure means the bucket may hold unredacted copies.

Two PCs writing the list at once may lose one's addition; that PC finds it
missing at its next round and writes it again, so the list converges.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select

from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import SyncDataDamaged
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.compact import SHREDDED
from pixiodoc_desktop.sync.crypto import SyncKeys, open_json, seal_json
from pixiodoc_desktop.sync.directory import scrubbed_patient
from pixiodoc_desktop.sync.ops import Op
from pixiodoc_desktop.sync.restored import erase_here
from pixiodoc_desktop.sync.store import NotFound, ObjectStore
from pixiodoc_desktop.vault.schema import PatientKey, SyncClock

log = logging.getLogger(__name__)


def erasures_key(store: ObjectStore, keys: SyncKeys) -> str:
    return store.key(keys.workspace, "erasures")


def _read(store: ObjectStore, keys: SyncKeys) -> dict[str, dict[str, Any]]:
    name = erasures_key(store, keys)
    try:
        document = open_json(keys.ops, store.get(name), name=name)
    except NotFound:
        return {}
    except SyncDataDamaged:
        log.warning("Sync: the clinic's erasure list does not open; it is written again")
        return {}
    patients = document.get("patients")
    return (
        {str(k): v for k, v in patients.items() if isinstance(v, dict)}
        if isinstance(patients, dict)
        else {}
    )


def _known_here(ws: Workstation) -> dict[str, dict[str, Any]]:
    with ws.vault.read_session() as session:
        rows = session.execute(
            select(SyncClock.entity_id, SyncClock.deleted_hlc).where(
                SyncClock.entity == "patient_keys", SyncClock.deleted_hlc.is_not(None)
            )
        ).all()
        return {
            patient: {"hlc": hlc, "scrub": scrubbed_patient(session, patient)}
            for patient, hlc in rows
        }


def _tombstone(patient: str, entry: dict[str, Any]) -> Op:
    hlc = str(entry.get("hlc") or "")
    return Op("patient_keys", patient, "delete", {"scrub": entry.get("scrub") or {}}, hlc)


def read_list(store: ObjectStore, keys: SyncKeys) -> dict[str, dict[str, Any]]:
    """The clinic's erasure list as the bucket has it ({} when absent or damaged)."""
    return _read(store, keys)


def listed_tombstones(ws: Workstation, listed: dict[str, dict[str, Any]]) -> list[Op]:
    """The list's erasures this PC has not applied yet, for the pull to merge in the same
    transaction as the batches it brings (a patient it names never shows, even briefly)."""
    if not listed:
        return []
    with ws.vault.read_session() as session:
        done = set(
            session.scalars(
                select(SyncClock.entity_id).where(
                    SyncClock.entity == "patient_keys", SyncClock.deleted_hlc.is_not(None)
                )
            )
        )
    return [
        _tombstone(patient, entry)
        for patient, entry in sorted(listed.items())
        if patient not in done and entry.get("hlc")
    ]


def keep_erasures(
    ws: Workstation,
    store: ObjectStore,
    keys: SyncKeys,
    listed: dict[str, dict[str, Any]] | None = None,
) -> list[str]:
    """Apply the list here and add what this PC knows to it; returns patients erased now.
    `listed`: the list as read at the start of this round (else it is read now)."""
    listed = _read(store, keys) if listed is None else listed
    held: set[str] = set()
    names = sorted(listed)
    with ws.vault.read_session() as session:
        for start in range(0, len(names), 500):  # the listed ones only, not a group's keys
            held.update(
                session.scalars(
                    select(PatientKey.patient_id).where(
                        PatientKey.patient_id.in_(names[start : start + 500])
                    )
                )
            )
    tombstones = [
        _tombstone(patient, entry)
        for patient, entry in sorted(listed.items())
        if patient in held and entry.get("hlc")
    ]
    erased = erase_here(ws, store, keys, tombstones) if tombstones else []
    if erased:
        log.warning("Sync: %d erasure(s) from the clinic's erasure list applied", len(erased))
    known = _known_here(ws)
    lacking = {p: e for p, e in known.items() if p not in listed}
    if lacking:
        merged = {**listed, **lacking}
        name = erasures_key(store, keys)
        store.put(name, seal_json(keys.ops, {"format": 1, "patients": merged}, name=name))
        with ws.vault.write_session() as session, session.begin():
            state.drop(session, SHREDDED)  # the bucket may hold unredacted copies again
    return erased
