"""Note conflicts: a clinical note edited on two PCs at once, waiting for a clinician.

Both texts are kept; until someone decides, the newer one (by clock) is shown,
the same on every PC. Resolving writes the chosen text as an ordinary edit,
which syncs out and closes the conflict on the other PCs as well.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from pixiodoc_desktop.clinic.access.permissions import Action, require
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import PermissionDenied, RecordNotFound
from pixiodoc_desktop.sync.ops import record_models
from pixiodoc_desktop.vault.schema import Patient, SyncConflict, utcnow


@dataclass(frozen=True, slots=True)
class NoteConflict:
    id: str
    entity: str
    entity_id: str
    field: str
    patient_id: str | None
    versions: tuple[str, ...]  # oldest first; the last one is shown meanwhile
    detected_at: dt.datetime
    patient_name: str = ""  # "Family, Given" of the record the note belongs to


def open_conflicts(ws: Workstation, actor: Actor) -> list[NoteConflict]:
    """Unresolved conflicts on records the actor may see."""
    out: list[NoteConflict] = []
    with ws.read_session() as session:
        rows = session.scalars(
            select(SyncConflict)
            .where(SyncConflict.resolved_at.is_(None))
            .order_by(SyncConflict.detected_at)
        ).all()
        for row in rows:
            if row.patient_id is not None:
                try:
                    require(session, actor, row.patient_id, Action.VIEW)
                except PermissionDenied:  # not visible to this clinician
                    continue
            versions = tuple(str(row.versions[k]) for k in sorted(row.versions))
            patient = session.get(Patient, row.patient_id) if row.patient_id else None
            name = (
                ", ".join(n for n in (patient.family_name, patient.given_name) if n)
                if patient
                else ""
            )
            out.append(
                NoteConflict(
                    row.id,
                    row.entity,
                    row.entity_id,
                    row.field,
                    row.patient_id,
                    versions,
                    row.detected_at,
                    name,
                )
            )
    return out


def resolve(ws: Workstation, actor: Actor, conflict_id: str, text: str) -> None:
    """Keep `text` (one of the versions, or a merge of them) and close the conflict."""
    with ws.unit_of_work(actor) as uow:
        conflict = uow.session.get(SyncConflict, conflict_id)
        if conflict is None or conflict.resolved_at is not None:
            raise RecordNotFound(f"There is no open note conflict {conflict_id}")
        model = record_models()[conflict.entity]
        record = uow.session.get(model, conflict.entity_id)
        if record is None:
            raise RecordNotFound(f"The record of note conflict {conflict_id} is gone")
        if conflict.patient_id is not None:
            require(uow.session, actor, conflict.patient_id, Action.EDIT)
        setattr(record, conflict.field, text)
        conflict.resolved_at = utcnow()
        conflict.resolved_by = actor.user_id
        uow.audit(
            audit.EventDraft(
                audit.EventType.PHOTO_MODIFIED
                if conflict.entity == "photos"
                else audit.EventType.PATIENT_UPDATED,
                actor.user_id,
                patient_id=conflict.patient_id,
                object_type=conflict.entity.rstrip("s"),
                object_id=conflict.entity_id,
                details={"fields": [conflict.field], "resolved": "note conflict"},
            )
        )
