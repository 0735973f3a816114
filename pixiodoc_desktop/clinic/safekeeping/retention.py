"""Retention holds: a record the clinic must keep cannot be erased (GDPR art. 17(3)).

A workspace Admin, or the record's Admin, sets a hold with a reason (e.g.
"statutory retention until 2035", "pending liability claim"); erasure is
then refused with that reason until the hold is released. Setting and
releasing are audited as PATIENT_UPDATED; the reason itself stays out of
the audit details (it may name circumstances of the patient).
"""

from __future__ import annotations

from pixiodoc_desktop.clinic.access.permissions import Action, require, require_audited
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, RecordNotFound
from pixiodoc_desktop.vault.schema import Patient


def set_hold(ws: Workstation, actor: Actor, patient_id: str, reason: str | None) -> str | None:
    """Set (a reason) or release (None) the patient's retention hold; returns the hold now."""
    cleaned = " ".join(reason.split()) if reason is not None else None
    if cleaned is not None and not cleaned:
        raise InvalidInput(
            "A retention hold needs a reason (e.g. 'statutory retention until 2035')"
        )
    if cleaned is not None and len(cleaned) > 500:
        raise InvalidInput("The reason for a retention hold is longer than 500 characters")
    with ws.unit_of_work(actor) as uow:
        require(uow.session, actor, patient_id, Action.ERASE, event=audit.EventType.PATIENT_UPDATED)
        patient = uow.session.get(Patient, patient_id)
        if patient is None or patient.deleted:
            raise RecordNotFound(f"There is no patient {patient_id}")
        if patient.retention_hold == cleaned:
            return cleaned
        patient.retention_hold = cleaned
        uow.audit(
            audit.EventDraft(
                audit.EventType.PATIENT_UPDATED,
                actor.user_id,
                patient_id=patient_id,
                object_type="patient",
                object_id=patient_id,
                details={"retention_hold": "set" if cleaned else "released"},
            )
        )
    return cleaned


def hold_of(ws: Workstation, actor: Actor, patient_id: str) -> str | None:
    """The reason of the patient's retention hold, or None."""
    with ws.read_session() as session:
        require_audited(ws, session, actor, patient_id, Action.VIEW)
        patient = session.get(Patient, patient_id)
        if patient is None or patient.deleted:
            raise RecordNotFound(f"There is no patient {patient_id}")
        return patient.retention_hold
