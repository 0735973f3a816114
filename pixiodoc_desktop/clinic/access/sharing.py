"""Sharing a patient record: grant, revoke and list per-patient access.

Only the record's Admin shares it. Grants go to one clinician or to the
whole practice ("*"). Sharing with one chosen colleague needs the Teams plan;
the practice-wide grant works on every plan (see `plans.py`). The last Admin grant of a record cannot be revoked,
so no record is ever left without someone who may manage it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from pixiodoc_desktop.clinic.access import plans
from pixiodoc_desktop.clinic.access.permissions import (
    LEVEL_LABELS,
    LEVELS,
    PRACTICE,
    Action,
    require,
)
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, RecordNotFound
from pixiodoc_desktop.vault.schema import Clinician, Grant, Patient


@dataclass(frozen=True, slots=True)
class GrantSummary:
    grantee: str  # clinician id or "*"
    grantee_name: str  # display name or "Whole practice"
    level: str


class Sharing:
    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation

    def _check(
        self,
        actor: Actor,
        patient_id: str,
        action: Action,
        event: audit.EventType | None = None,
    ) -> None:
        with self.ws.read_session() as session:
            patient = session.get(Patient, patient_id)
            if patient is None or patient.deleted:
                raise RecordNotFound(f"There is no patient {patient_id}")
            try:
                require(session, actor, patient_id, action, event=event)
            except AccessDenied as denied:
                self.ws.audit_alone(denied.draft)
                raise

    def _grantee_id(self, grantee_login: str) -> str:
        if grantee_login.strip() in (PRACTICE, "practice"):
            return PRACTICE
        with self.ws.read_session() as session:
            row = session.scalar(select(Clinician).where(Clinician.login == grantee_login.strip()))
            if row is None or not row.active:
                raise InvalidInput(
                    f"There is no active clinician with the login {grantee_login.strip()!r}"
                )
            return row.id

    def list(self, actor: Actor, patient_id: str) -> list[GrantSummary]:
        self._check(actor, patient_id, Action.VIEW)
        with self.ws.read_session() as session:
            names = {
                row[0]: row[1]
                for row in session.execute(select(Clinician.id, Clinician.display_name))
            }
            rows = session.scalars(select(Grant).where(Grant.patient_id == patient_id))
            return sorted(
                (
                    GrantSummary(
                        row.grantee,
                        "Whole practice"
                        if row.grantee == PRACTICE
                        else names.get(row.grantee, row.grantee),
                        row.level,
                    )
                    for row in rows
                ),
                key=lambda g: (g.grantee != PRACTICE, g.grantee_name),
            )

    def grant(self, actor: Actor, patient_id: str, grantee_login: str, level: str) -> GrantSummary:
        if level not in LEVELS:
            raise InvalidInput(f"{level!r} is not an access level; choose view, edit or admin")
        self._check(actor, patient_id, Action.SHARE)
        grantee = self._grantee_id(grantee_login)
        with self.ws.unit_of_work(actor) as uow:
            require(uow.session, actor, patient_id, Action.SHARE)
            if grantee not in (PRACTICE, actor.user_id):
                plans.require_feature(
                    uow.session, "sharing_between_clinicians", "Sharing a record with a colleague"
                )
            row = uow.session.scalar(
                select(Grant).where(Grant.patient_id == patient_id, Grant.grantee == grantee)
            )
            if row is None:
                row = Grant(
                    id=str(uuid.uuid4()), patient_id=patient_id, grantee=grantee, level=level
                )
                uow.session.add(row)
            else:
                row.level = level
            uow.audit(
                audit.EventDraft(
                    audit.EventType.ACCESS_GRANTED,
                    actor.user_id,
                    patient_id=patient_id,
                    object_type="grant",
                    object_id=grantee,
                    details={"level": LEVEL_LABELS[level]},
                )
            )
        return next(g for g in self.list(actor, patient_id) if g.grantee == grantee)

    def revoke(self, actor: Actor, patient_id: str, grantee_login: str) -> None:
        self._check(actor, patient_id, Action.SHARE, audit.EventType.ACCESS_REVOKED)
        grantee = self._grantee_id(grantee_login)
        with self.ws.unit_of_work(actor) as uow:
            require(
                uow.session, actor, patient_id, Action.SHARE, event=audit.EventType.ACCESS_REVOKED
            )
            grants = list(uow.session.scalars(select(Grant).where(Grant.patient_id == patient_id)))
            target = next((g for g in grants if g.grantee == grantee), None)
            if target is None:
                raise InvalidInput("That clinician has no access of their own to this record")
            admins = [g for g in grants if g.level == "admin" and g.grantee != PRACTICE]
            if target.level == "admin" and len(admins) <= 1 and target.grantee != PRACTICE:
                raise InvalidInput(
                    "A record needs at least one Admin; grant Admin to someone else first"
                )
            uow.session.delete(target)
            uow.audit(
                audit.EventDraft(
                    audit.EventType.ACCESS_REVOKED,
                    actor.user_id,
                    patient_id=patient_id,
                    object_type="grant",
                    object_id=grantee,
                )
            )
