"""A change to a patient's record: the patient must be live, and the change is audited.

Visits and lesions (and what hangs off them) are parts of the record: each change
writes one PATIENT_UPDATED event naming the part (`object_type`) and, where it
helps, what changed (`details.change`).
"""

from __future__ import annotations

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Actor, UnitOfWork
from pixiodoc_desktop.errors import RecordNotFound
from pixiodoc_desktop.vault.schema import Patient


def audit_update(
    uow: UnitOfWork,
    actor: Actor,
    patient_id: str,
    kind: str,
    object_id: str,
    *,
    change: str | None = None,
) -> None:
    uow.audit(
        audit.EventDraft(
            audit.EventType.PATIENT_UPDATED,
            actor.user_id,
            patient_id=patient_id,
            object_type=kind,
            object_id=object_id,
            details=None if change is None else {"change": change},
        )
    )


def live_patient(uow: UnitOfWork, patient_id: str) -> Patient:
    patient = uow.session.get(Patient, patient_id)
    if patient is None or patient.deleted:
        raise RecordNotFound(f"There is no patient {patient_id}")
    return patient
