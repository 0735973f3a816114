"""Consent by scope, with date and who recorded it. The newest decision per scope is in force."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.access.permissions import Action, require, require_audited
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.vocabulary import ConsentScope, parse
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, Workstation
from pixiodoc_desktop.vault.schema import Consent


@dataclass(frozen=True, slots=True)
class ConsentDecision:
    scope: str
    granted: bool
    decided_on: dt.date
    recorded_by: str
    note: str


class Consents:
    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation

    def record(
        self,
        actor: Actor,
        patient_id: str,
        *,
        scope: str,
        granted: bool,
        decided_on: dt.date | None = None,
        note: str = "",
    ) -> ConsentDecision:
        scope_value = parse(ConsentScope, scope, "consent scope")
        with self.ws.unit_of_work(actor) as uow:
            require(uow.session, actor, patient_id, Action.EDIT)
            row = Consent(
                id=str(uuid.uuid4()),
                patient_id=patient_id,
                scope=scope_value,
                granted=granted,
                decided_on=decided_on or dt.date.today(),
                note=note,
            )
            uow.session.add(row)
            uow.audit(
                audit.EventDraft(
                    audit.EventType.PATIENT_UPDATED,
                    actor.user_id,
                    patient_id=patient_id,
                    object_type="consent",
                    object_id=row.id,
                    details={"scope": scope_value, "granted": granted},
                )
            )
            return ConsentDecision(scope_value, granted, row.decided_on, actor.user_id, note)

    def current(self, actor: Actor, patient_id: str) -> dict[str, ConsentDecision]:
        """The decision in force for each scope that has one."""
        with self.ws.read_session() as session:
            require_audited(self.ws, session, actor, patient_id, Action.VIEW)
            rows = session.scalars(
                select(Consent)
                .where(Consent.patient_id == patient_id)
                .order_by(Consent.decided_on, Consent.created_at)
            )
            return {
                row.scope: ConsentDecision(
                    row.scope, row.granted, row.decided_on, row.created_by, row.note
                )
                for row in rows
            }


def require_sharing_consent(
    ws: Workstation, actor: Actor, session: Session, patient_id: str, *, what: str
) -> dict[str, Consent]:
    """The patient's decisions in force, by scope, when the one on sharing with colleagues is
    yes; else AccessDenied, written to the trail as a refused export of `what` (a case
    bundle, a secure link)."""
    decisions = session.scalars(
        select(Consent)
        .where(Consent.patient_id == patient_id)
        .order_by(Consent.decided_on, Consent.created_at)
    )
    in_force = {c.scope: c for c in decisions}
    sharing = in_force.get(str(ConsentScope.SHARING))
    if sharing is not None and sharing.granted:
        return in_force
    draft = audit.EventDraft(
        audit.EventType.DATA_EXPORTED,
        actor.user_id,
        patient_id=patient_id,
        object_type="patient",
        object_id=patient_id,
        outcome=audit.Outcome.DENIED,
        details={"format": what, "reason": "no consent to sharing"},
    )
    ws.audit_alone(draft)
    raise AccessDenied(
        "The patient has not consented to sharing with colleagues; record that "
        "consent first (scope 'sharing').",
        draft,
    )
