"""Emergency access ("break the glass"): open a record without a grant, for a reason.

A clinician who has no grant on a patient may open the record after typing
why (at least 10 characters). The access is View Only, never more: editing
still needs a grant from the record's Admin, because an emergency needs the
history, not the power to change it. It lasts a few hours (8 by default) or
until the clinician ends it, is audited as EMERGENCY_ACCESS_STARTED/ENDED
(the reason in the details, kept short: a reason is about the situation, not
a place for clinical notes), and every workspace Admin sees it on their
next login until one of them acknowledges it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace

from sqlalchemy import select

from pixiodoc_desktop.clinic.access.permissions import level_of, require_active
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, UnitOfWork, Workstation
from pixiodoc_desktop.errors import InvalidInput, RecordNotFound
from pixiodoc_desktop.vault.schema import Clinician, EmergencyAccess, Patient, utcnow

MIN_REASON = 10
MAX_REASON = 200
DEFAULT_HOURS = 8
MAX_HOURS = 24


@dataclass(frozen=True, slots=True)
class EmergencySummary:
    id: str
    patient_id: str
    clinician_id: str
    clinician_login: str
    reason: str
    started_at: dt.datetime
    expires_at: dt.datetime
    ended_at: dt.datetime | None
    acknowledged_by: str | None
    acknowledged_at: dt.datetime | None
    # For the Admin's review (pending_for_admin): whose record, who opened it, in words.
    patient_name: str = ""  # "Family, Given (external id)"
    clinician_name: str = ""

    @property
    def is_open(self) -> bool:
        return self.ended_at is None and self.expires_at > utcnow()


def _summary(row: EmergencyAccess, logins: dict[str, str]) -> EmergencySummary:
    return EmergencySummary(
        id=row.id,
        patient_id=row.patient_id,
        clinician_id=row.clinician_id,
        clinician_login=logins.get(row.clinician_id, row.clinician_id),
        reason=row.reason,
        started_at=row.created_at,
        expires_at=row.expires_at,
        ended_at=row.ended_at,
        acknowledged_by=row.acknowledged_by,
        acknowledged_at=row.acknowledged_at,
    )


def _patient_words(patient: Patient) -> str:
    name = ", ".join(n for n in (patient.family_name, patient.given_name) if n)
    return f"{name} ({patient.external_id})" if patient.external_id else name


def clean_reason(reason: str) -> str:
    cleaned = " ".join(reason.split())
    if len(cleaned) < MIN_REASON:
        raise InvalidInput(
            f"Say why you need this record in at least {MIN_REASON} characters "
            "(e.g. 'urgent referral, record holder absent')"
        )
    if len(cleaned) > MAX_REASON:
        raise InvalidInput(f"Keep the reason under {MAX_REASON} characters")
    return cleaned


class EmergencyAccesses:
    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation

    def _logins(self) -> dict[str, str]:
        with self.ws.read_session() as session:
            return {
                row[0]: row[1] for row in session.execute(select(Clinician.id, Clinician.login))
            }

    def start(
        self, actor: Actor, patient_id: str, reason: str, *, hours: int = DEFAULT_HOURS
    ) -> EmergencySummary:
        """Open the record View Only for `hours`; returns the already open access if any."""
        cleaned = clean_reason(reason)
        if not 1 <= hours <= MAX_HOURS:
            raise InvalidInput(f"An emergency access lasts 1 to {MAX_HOURS} hours")
        with self.ws.unit_of_work(actor) as uow:
            require_active(
                uow.session, actor, audit.EventType.EMERGENCY_ACCESS_STARTED, patient_id=patient_id
            )
            patient = uow.session.get(Patient, patient_id)
            if patient is None or patient.deleted:
                raise RecordNotFound(f"There is no patient {patient_id}")
            self._close_expired(uow, actor)
            open_row = self._open_row(uow, actor.user_id, patient_id)
            if open_row is not None:
                return _summary(open_row, {actor.user_id: actor.login})
            if level_of(uow.session, actor, patient_id) is not None:
                raise InvalidInput("You already have access to this record; no emergency needed")
            now = utcnow()
            row = EmergencyAccess(
                id=str(uuid.uuid4()),
                patient_id=patient_id,
                clinician_id=actor.user_id,
                reason=cleaned,
                created_at=now,
                expires_at=now + dt.timedelta(hours=hours),
            )
            uow.session.add(row)
            uow.audit(
                audit.EventDraft(
                    audit.EventType.EMERGENCY_ACCESS_STARTED,
                    actor.user_id,
                    patient_id=patient_id,
                    object_type="emergency_access",
                    object_id=row.id,
                    details={"reason": cleaned, "hours": hours, "access": "view"},
                )
            )
            return _summary(row, {actor.user_id: actor.login})

    def start_by_external_id(
        self, actor: Actor, external_id: str, reason: str, *, hours: int = DEFAULT_HOURS
    ) -> EmergencySummary:
        """Break the glass for the patient with exactly this external id (MRN).

        Without a grant nobody may search names, so the clinician must know the
        number; the reason is checked before the number is looked up.
        """
        clean_reason(reason)
        number = external_id.strip()
        if not number:
            raise InvalidInput("Enter the patient's number (MRN) exactly as the EHR shows it")
        with self.ws.read_session() as session:
            patient_id = session.scalar(
                select(Patient.id).where(Patient.external_id == number, ~Patient.deleted)
            )
        if patient_id is None:
            raise RecordNotFound("No patient has this number; check it against the EHR")
        return self.start(actor, patient_id, reason, hours=hours)

    @staticmethod
    def _open_row(uow: UnitOfWork, user_id: str, patient_id: str) -> EmergencyAccess | None:
        return uow.session.scalar(
            select(EmergencyAccess).where(
                EmergencyAccess.clinician_id == user_id,
                EmergencyAccess.patient_id == patient_id,
                EmergencyAccess.ended_at.is_(None),
                EmergencyAccess.expires_at > utcnow(),
            )
        )

    def end(self, actor: Actor, access_id: str) -> EmergencySummary:
        """End an emergency access early: the clinician who holds it, or a workspace Admin."""
        with self.ws.unit_of_work(actor) as uow:
            row = uow.session.get(EmergencyAccess, access_id)
            if row is None:
                raise RecordNotFound(f"There is no emergency access {access_id}")
            if row.clinician_id != actor.user_id and not actor.is_workspace_admin:
                raise AccessDenied(
                    "Only the clinician who opened it or a practice Admin may end it.",
                    audit.EventDraft(
                        audit.EventType.EMERGENCY_ACCESS_ENDED,
                        actor.user_id,
                        patient_id=row.patient_id,
                        object_type="emergency_access",
                        object_id=row.id,
                        outcome=audit.Outcome.DENIED,
                    ),
                )
            if row.ended_at is None:
                by = "clinician" if row.clinician_id == actor.user_id else "admin"
                self._finish(uow, actor, row, min(utcnow(), row.expires_at), by)
            return _summary(row, self._logins())

    def _finish(
        self, uow: UnitOfWork, actor: Actor, row: EmergencyAccess, when: dt.datetime, by: str
    ) -> None:
        row.ended_at = when
        uow.audit(
            audit.EventDraft(
                audit.EventType.EMERGENCY_ACCESS_ENDED,
                actor.user_id,
                patient_id=row.patient_id,
                object_type="emergency_access",
                object_id=row.id,
                details={"by": by, "clinician": row.clinician_id},
            )
        )

    def _close_expired(self, uow: UnitOfWork, actor: Actor) -> None:
        """Record the end of accesses that ran out (audited as ended by expiry)."""
        expired = uow.session.scalars(
            select(EmergencyAccess).where(
                EmergencyAccess.ended_at.is_(None), EmergencyAccess.expires_at <= utcnow()
            )
        ).all()
        for row in expired:
            self._finish(uow, actor, row, row.expires_at, "expiry")

    def active(self, actor: Actor) -> list[EmergencySummary]:
        """The acting clinician's open emergency accesses."""
        with self.ws.read_session() as session:
            rows = session.scalars(
                select(EmergencyAccess)
                .where(
                    EmergencyAccess.clinician_id == actor.user_id,
                    EmergencyAccess.ended_at.is_(None),
                    EmergencyAccess.expires_at > utcnow(),
                )
                .order_by(EmergencyAccess.created_at)
            ).all()
            return [_summary(row, {actor.user_id: actor.login}) for row in rows]

    def _require_admin(self, actor: Actor, what: str) -> None:
        if not actor.is_workspace_admin:
            draft = audit.EventDraft(
                audit.EventType.AUDIT_LOG_ACCESSED,
                actor.user_id,
                outcome=audit.Outcome.DENIED,
                details={"action": what},
            )
            self.ws.audit_alone(draft)
            raise AccessDenied(f"Only a practice Admin may {what}.", draft)

    def pending_for_admin(self, actor: Actor) -> list[EmergencySummary]:
        """Emergency accesses no Admin has acknowledged yet, oldest first (shown at login)."""
        self._require_admin(actor, "review emergency accesses")
        with self.ws.unit_of_work(actor) as uow:
            self._close_expired(uow, actor)
            rows = uow.session.scalars(
                select(EmergencyAccess)
                .where(EmergencyAccess.acknowledged_at.is_(None))
                .order_by(EmergencyAccess.created_at)
            ).all()
            if rows:
                uow.audit(
                    audit.EventDraft(
                        audit.EventType.AUDIT_LOG_ACCESSED,
                        actor.user_id,
                        details={"action": "emergencies listed", "count": len(rows)},
                    )
                )
            people = {
                row[0]: (row[1], row[2])
                for row in uow.session.execute(
                    select(Clinician.id, Clinician.login, Clinician.display_name)
                )
            }
            logins = {key: login for key, (login, _name) in people.items()}
            out = []
            for row in rows:
                patient = uow.session.get(Patient, row.patient_id)
                out.append(
                    replace(
                        _summary(row, logins),
                        patient_name=_patient_words(patient) if patient else row.patient_id,
                        clinician_name=people.get(row.clinician_id, ("", ""))[1],
                    )
                )
            return out

    def acknowledge(self, actor: Actor, access_id: str) -> EmergencySummary:
        """A workspace Admin has reviewed the access; it leaves everyone's login notice."""
        self._require_admin(actor, "acknowledge emergency accesses")
        with self.ws.unit_of_work(actor) as uow:
            row = uow.session.get(EmergencyAccess, access_id)
            if row is None:
                raise RecordNotFound(f"There is no emergency access {access_id}")
            if row.acknowledged_at is None:
                row.acknowledged_by = actor.user_id
                row.acknowledged_at = utcnow()
                uow.audit(
                    audit.EventDraft(
                        audit.EventType.AUDIT_LOG_ACCESSED,
                        actor.user_id,
                        patient_id=row.patient_id,
                        object_type="emergency_access",
                        object_id=row.id,
                        details={"action": "emergency acknowledged"},
                    )
                )
            logins = {
                row[0]: row[1] for row in uow.session.execute(select(Clinician.id, Clinician.login))
            }
            return _summary(row, logins)
