"""Erasing patients inside an apply's own transaction, as an erasure from another PC is
applied: the key goes, the record becomes the tombstone, the patient's records go.

Used for a vault restored from an older backup (restored.py) and for the clinic's
erasure list, which is merged in the same transaction as the batches a pull brings
(pull.py), so a patient the list names is never visible, not even for a moment to a
PC that joins while the bucket's batches still carry it (after a rollback).
"""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.safekeeping.erasure import patient_records, scrub_local_copies
from pixiodoc_desktop.sync.merge import Merger
from pixiodoc_desktop.sync.ops import Op
from pixiodoc_desktop.vault.schema import Patient


def erase_in_session(session: Session, tombstones: list[Op]) -> list[str]:
    """Apply patient keys' tombstones to the patients present here; returns those erased.
    One for a patient this vault has no record of waits (the pull that brings the
    patient applies it in the same transaction)."""
    if not tombstones:
        return []
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    wanted = sorted({op.entity_id for op in tombstones})
    present = set(session.scalars(select(Patient.id).where(Patient.id.in_(wanted))))
    if not present:
        return []
    hlc = {op.entity_id: op.hlc for op in tombstones}
    # An empty edit of each record loads its row, so the tombstone's scrub updates it.
    ops = [Op("patients", p, "upsert", {}, hlc[p]) for p in sorted(present)]
    ops += [op for op in tombstones if op.entity_id in present]
    for patient_id in sorted(present):
        records = patient_records(session, patient_id)
        ops += [
            Op(table, row_id, "delete", {}, hlc[patient_id]) for table, row_id in sorted(records)
        ]
        scrub_local_copies(session, patient_id, records)
    return Merger(session).apply(ops).erased_patients
