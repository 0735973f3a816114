"""Erasing a patient (GDPR art. 17): crypto-shredding plus a tombstone.

The patient's data key row is deleted, so every image of the patient is
unreadable wherever a copy of its ciphertext lives (the cloud, other
workstations). The image objects on this PC are deleted too, the patient's
photos, visits, lesions, consents and grants are deleted (sync carries the
deletions as tombstones), and the patient row stays as a tombstone with its
identifying fields replaced, so that references (audit events, emergency
accesses) still resolve to an id and nothing more. The audit keeps only ids.

The patient's live secure links are marked `erased` in the same transaction
(the clinic's link list, synced): their package and reply slot in the bucket
are deleted, and their page left saying "revoked", by whichever PC of the
clinic next reaches the bucket (at once when the caller can, else at the next
sync round; see sharing/rounds.py). The erasure's audit names them.

It takes the record's Admin grant and the patient's family name typed as a
confirmation: erasing cannot be undone. A record under a retention hold
(`retention.py`) is refused with the hold's reason; the refusal is audited.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.access.permissions import Action, require, require_audited
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.patients import fold
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, RecordNotFound, RetentionHold
from pixiodoc_desktop.vault import locking
from pixiodoc_desktop.vault.schema import (
    Comparison,
    Consent,
    Grant,
    Lesion,
    LesionMeasurement,
    OutboxOperation,
    Patient,
    PatientKey,
    Photo,
    SecondOpinion,
    ShareLink,
    SyncConflict,
    SyncDirectoryEntry,
    Visit,
)

TOMBSTONE = "(erased)"
# A secure link of an erased patient whose objects may still lie in the bucket (the
# sharing wing closes it as "revoked" when it reaches the bucket).
LINK_ERASED = "erased"
# The identifying fields of a patient row and what erasure leaves in them.
SCRUBBED: dict[str, Any] = {
    "family_name": TOMBSTONE,
    "given_name": "",
    "search_key": "",
    "birth_date": None,
    "sex": "unknown",
    "external_id": None,
    "notes": "",
    "origin": None,
}


def _fold(text: str) -> str:
    return " ".join(fold(text).split())


def _held(reason: str) -> RetentionHold:
    return RetentionHold(
        f"This record is under a retention hold and cannot be erased: {reason}. "
        "An Admin can release the hold when it no longer applies."
    )


def _refuse_if_held(ws: Workstation, actor: Actor, patient_id: str) -> None:
    """Refuse (audited) erasing a record under a retention hold, naming the hold's reason."""
    with ws.read_session() as session:
        require_audited(ws, session, actor, patient_id, Action.ERASE)
        patient = session.get(Patient, patient_id)
        reason = patient.retention_hold if patient is not None else None
    if reason:
        ws.audit_alone(
            audit.EventDraft(
                audit.EventType.PATIENT_ERASED,
                actor.user_id,
                patient_id=patient_id,
                object_type="patient",
                object_id=patient_id,
                outcome=audit.Outcome.DENIED,
                details={"reason": "retention hold"},
            )
        )
        raise _held(reason)


# Every record of a patient that erasure deletes, besides the patient row itself.
PATIENT_RECORDS = (
    SecondOpinion,
    Comparison,
    LesionMeasurement,
    Photo,
    Lesion,
    Visit,
    Consent,
    Grant,
)


def patient_records(session: Session, patient_id: str) -> set[tuple[str, str]]:
    """(table, id) of every record of the patient that erasure deletes."""
    return {
        (model.__tablename__, row_id)
        for model in PATIENT_RECORDS
        for row_id in session.scalars(select(model.id).where(model.patient_id == patient_id))
    }


def scrub_local_copies(session: Session, patient_id: str, records: set[tuple[str, str]]) -> None:
    """Leave no copy of the patient's data or key in this PC's sync bookkeeping.

    Changes not yet sent (the outbox) keep their identity (entity, id, clock) because a
    batch may be frozen with them, but lose their values: the patient's identifying
    fields become the tombstone's, the wrapped key and the erased records' fields go.
    Note conflicts (both texts) go. The record of the key last sent loses the wrapped
    key but not its meaning: the next sync round still sends the key's tombstone.
    """
    for outbox in session.scalars(select(OutboxOperation)):
        if outbox.operation != "upsert":
            continue
        key = (outbox.entity, outbox.entity_id)
        if key == ("patients", patient_id):
            outbox.fields = {
                name: SCRUBBED.get(name, value) for name, value in outbox.fields.items()
            }
        elif key == ("patient_keys", patient_id) or key in records:
            outbox.fields = {}
    session.execute(delete(SyncConflict).where(SyncConflict.patient_id == patient_id))
    entry = session.get(SyncDirectoryEntry, ("patient_key", patient_id))
    if entry is not None and not entry.snapshot.get("erased"):
        entry.snapshot = {}


def erase_patient(ws: Workstation, actor: Actor, patient_id: str, confirm_family_name: str) -> int:
    """Erase the patient; returns how many photos were destroyed."""
    _refuse_if_held(ws, actor, patient_id)
    with locking.writing(ws.vault.folder), ws.unit_of_work(actor) as uow:
        session = uow.session
        require(session, actor, patient_id, Action.ERASE)
        patient = session.get(Patient, patient_id)
        if patient is None or patient.deleted:
            raise RecordNotFound(f"There is no patient {patient_id}")
        if _fold(confirm_family_name) != _fold(patient.family_name):
            raise InvalidInput(
                "To erase, type the patient's family name exactly as it is on the record"
            )
        if patient.retention_hold:  # set on another PC since the check above
            raise _held(patient.retention_hold)
        photos = list(session.scalars(select(Photo).where(Photo.patient_id == patient_id)))
        blobs = {b for p in photos for b in (p.blob_id, p.thumbnail_blob_id, p.screen_blob_id)}
        scrub_local_copies(session, patient_id, patient_records(session, patient_id))
        # Second opinions, comparisons and measurements name the photos and visits (and may
        # hold notes): they go first.
        for naming in (SecondOpinion, Comparison, LesionMeasurement):
            for row in session.scalars(select(naming).where(naming.patient_id == patient_id)):
                session.delete(row)
        session.flush()
        for photo in photos:
            session.delete(photo)
        session.flush()
        for model in (Lesion, Visit, Consent, Grant):
            for row in session.scalars(select(model).where(model.patient_id == patient_id)):
                session.delete(row)
        session.flush()
        key_row = session.get(PatientKey, patient_id)
        if key_row is not None:
            session.delete(key_row)  # crypto-shredding: every copy of the images is now noise
        for name, value in SCRUBBED.items():
            setattr(patient, name, value)
        patient.deleted = True
        links = list(
            session.scalars(
                select(ShareLink)
                .where(ShareLink.patient_id == patient_id, ShareLink.state == "live")
                .order_by(ShareLink.id)
            )
        )
        details: dict[str, Any] = {"photos": len(photos), "method": "crypto-shredding"}
        for link in links:
            link.state = LINK_ERASED
        if links:
            details["secure links revoked"] = [link.id for link in links]
        uow.audit(
            audit.EventDraft(
                audit.EventType.PATIENT_ERASED,
                actor.user_id,
                patient_id=patient_id,
                object_type="patient",
                object_id=patient_id,
                details=details,
            )
        )
        count = len(photos)
    # After the commit: should deleting a file fail, no row names it any more,
    # so the orphan sweep at the next unlock removes it (and without the key
    # it is unreadable anyway).
    for blob in blobs:
        ws.vault.blobs.delete(blob)
    ws.vault.checkpoint()
    return count
