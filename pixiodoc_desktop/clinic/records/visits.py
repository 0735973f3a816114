"""Visits and lesions: the two axes of a patient's timeline.

Visits are here; lesions are in `lesions` (their names are importable from here too).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from pixiodoc_desktop.clinic.access.permissions import Action, require, require_audited
from pixiodoc_desktop.clinic.records.lesions import (
    LesionProcedure,
    Lesions,
    LesionStatus,
    LesionSummary,
    MapPosition,
    MapView,
    ProcedureKind,
    lesions_of_patient,
    new_tracking_uid,
)
from pixiodoc_desktop.clinic.records.record_changes import audit_update, live_patient
from pixiodoc_desktop.clinic.workstation import Actor, UnitOfWork, Workstation
from pixiodoc_desktop.errors import InvalidInput, RecordNotFound
from pixiodoc_desktop.vault.schema import Visit

__all__ = [
    "LesionProcedure",
    "LesionStatus",
    "LesionSummary",
    "Lesions",
    "MapPosition",
    "MapView",
    "ProcedureKind",
    "VisitOrder",
    "VisitSummary",
    "Visits",
    "lesions_of_patient",
    "new_tracking_uid",
]


@dataclass(frozen=True, slots=True)
class VisitOrder:
    """The order (a DICOM worklist's scheduled step) a visit was taken from."""

    accession_number: str | None = None
    study_instance_uid: str | None = None
    requested_procedure: str | None = None
    referring_physician: str | None = None
    scheduled_step_id: str | None = None


@dataclass(frozen=True, slots=True)
class VisitSummary:
    id: str
    patient_id: str
    visit_date: dt.date
    reason: str
    conditions: tuple[str, ...]
    treatment: str
    notes: str
    order: VisitOrder | None = None


def _visit(v: Visit) -> VisitSummary:
    order = VisitOrder(
        v.accession_number,
        v.study_instance_uid,
        v.requested_procedure,
        v.referring_physician,
        v.scheduled_step_id,
    )
    return VisitSummary(
        v.id,
        v.patient_id,
        v.visit_date,
        v.reason,
        tuple(v.conditions),
        v.treatment,
        v.notes,
        order if order != VisitOrder() else None,
    )


class Visits:
    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation

    def create(
        self,
        actor: Actor,
        patient_id: str,
        *,
        visit_date: dt.date,
        reason: str = "",
        conditions: tuple[str, ...] = (),
        treatment: str = "",
        notes: str = "",
        order: VisitOrder | None = None,
    ) -> VisitSummary:
        """`order`: the worklist order the visit is taken from (its DICOM export carries it)."""
        if visit_date > dt.date.today() + dt.timedelta(days=1):
            raise InvalidInput("A visit cannot be dated in the future")
        with self.ws.unit_of_work(actor) as uow:
            require(uow.session, actor, patient_id, Action.EDIT)
            live_patient(uow, patient_id)
            visit = Visit(
                id=str(uuid.uuid4()),
                patient_id=patient_id,
                visit_date=visit_date,
                reason=reason.strip(),
                conditions=[c.strip() for c in conditions if c.strip()],
                treatment=treatment,
                notes=notes,
            )
            if order is not None:
                visit.accession_number = order.accession_number
                visit.study_instance_uid = order.study_instance_uid
                visit.requested_procedure = order.requested_procedure
                visit.referring_physician = order.referring_physician
                visit.scheduled_step_id = order.scheduled_step_id
            uow.session.add(visit)
            audit_update(uow, actor, patient_id, "visit", visit.id)
            return _visit(visit)

    def for_date(self, uow: UnitOfWork, actor: Actor, patient_id: str, visit_date: dt.date) -> str:
        """The id of the patient's visit on that date, created on the fly (inside `uow`)."""
        existing = uow.session.scalar(
            select(Visit.id)
            .where(Visit.patient_id == patient_id, Visit.visit_date == visit_date, ~Visit.deleted)
            .order_by(Visit.created_at)
            .limit(1)
        )
        if existing is not None:
            return existing
        visit = Visit(
            id=str(uuid.uuid4()), patient_id=patient_id, visit_date=visit_date, conditions=[]
        )
        uow.session.add(visit)
        # Rows are inserted in the order the unit of work sees them, not by
        # foreign key (there are no ORM relationships), so insert the visit
        # before the photo that refers to it.
        uow.session.flush()
        audit_update(uow, actor, patient_id, "visit", visit.id)
        return visit.id

    def update(
        self,
        actor: Actor,
        visit_id: str,
        *,
        reason: str | None = None,
        conditions: tuple[str, ...] | None = None,
        treatment: str | None = None,
        notes: str | None = None,
    ) -> VisitSummary:
        with self.ws.unit_of_work(actor) as uow:
            visit = uow.session.get(Visit, visit_id)
            if visit is None or visit.deleted:
                raise RecordNotFound(f"There is no visit {visit_id}")
            require(uow.session, actor, visit.patient_id, Action.EDIT)
            if reason is not None:
                visit.reason = reason.strip()
            if conditions is not None:
                visit.conditions = [c.strip() for c in conditions if c.strip()]
            if treatment is not None:
                visit.treatment = treatment
            if notes is not None:
                visit.notes = notes
            audit_update(uow, actor, visit.patient_id, "visit", visit.id)
            return _visit(visit)

    def list(self, actor: Actor, patient_id: str) -> list[VisitSummary]:
        """The patient's visits, newest first."""
        with self.ws.read_session() as session:
            require_audited(self.ws, session, actor, patient_id, Action.VIEW)
            rows = session.scalars(
                select(Visit)
                .where(Visit.patient_id == patient_id, ~Visit.deleted)
                .order_by(Visit.visit_date.desc(), Visit.created_at.desc())
            )
            return [_visit(v) for v in rows]
