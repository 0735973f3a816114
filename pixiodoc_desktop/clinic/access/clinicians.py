"""Clinicians of the practice: add, list, deactivate, reset a password, change a role.

Only a workspace Admin manages clinicians. A clinician's login lives twice:
in the database (role, active) and in vault.json (the workspace key wrapped
under their password), so adding or resetting re-wraps WK under the new
password and deactivating removes the wrapped key, so the old password
stops opening the vault at once.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.access import plans
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, RecordNotFound
from pixiodoc_desktop.vault.schema import Clinician

ROLES = ("admin", "clinician")


@dataclass(frozen=True, slots=True)
class ClinicianSummary:
    id: str
    login: str
    display_name: str
    role: str
    active: bool
    created_at: dt.datetime


def _summary(row: Clinician) -> ClinicianSummary:
    return ClinicianSummary(
        row.id, row.login, row.display_name, row.role, row.active, row.created_at
    )


class Clinicians:
    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation

    def _require_admin(self, actor: Actor, what: str) -> None:
        if not actor.is_workspace_admin:
            draft = audit.EventDraft(
                audit.EventType.SECURITY_ALERT,
                actor.user_id,
                outcome=audit.Outcome.DENIED,
                details={"action": what},
            )
            self.ws.audit_alone(draft)
            raise AccessDenied(f"Only a practice Admin may {what}.", draft)

    def list(self) -> list[ClinicianSummary]:
        with self.ws.read_session() as session:
            rows = session.scalars(select(Clinician).order_by(Clinician.display_name))
            return [_summary(row) for row in rows]

    def by_login(self, login: str) -> ClinicianSummary:
        with self.ws.read_session() as session:
            row = session.scalar(
                select(Clinician).where(func.lower(Clinician.login) == login.strip().lower())
            )
            if row is None:
                raise RecordNotFound(f"There is no clinician with the login {login.strip()!r}")
            return _summary(row)

    def add(
        self, actor: Actor, *, login: str, display_name: str, password: str, role: str = "clinician"
    ) -> ClinicianSummary:
        self._require_admin(actor, "add clinicians")
        if role not in ROLES:
            raise InvalidInput(f"{role!r} is not a role; choose admin or clinician")
        if not display_name.strip():
            raise InvalidInput("The clinician needs a display name")
        if self.ws.vault.header.credential(login) is not None:
            raise InvalidInput(f"The login {login.strip()} is already taken")
        with self.ws.read_session() as session:
            plans.require_room_for_clinician(session)
        user_id = str(uuid.uuid4())
        # Wrap WK first: if the password is refused nothing else has changed.
        self.ws.vault.set_password(user_id, login.strip(), display_name.strip(), password)
        try:
            with self.ws.unit_of_work(actor) as uow:
                row = Clinician(
                    id=user_id, login=login.strip(), display_name=display_name.strip(), role=role
                )
                uow.session.add(row)
                uow.audit(
                    audit.EventDraft(
                        audit.EventType.USER_CREATED,
                        actor.user_id,
                        object_type="clinician",
                        object_id=user_id,
                        details={"role": role},
                    )
                )
        except BaseException:
            self.ws.vault.remove_credential(user_id)
            raise
        return self.by_login(login)

    def deactivate(self, actor: Actor, login: str) -> ClinicianSummary:
        self._require_admin(actor, "deactivate clinicians")
        target = self.by_login(login)
        if target.id == actor.user_id:
            raise InvalidInput("You cannot deactivate your own account")
        with self.ws.unit_of_work(actor) as uow:
            row = uow.session.get(Clinician, target.id)
            assert row is not None
            if row.role == "admin" and self._active_admins(uow.session) <= 1:
                raise InvalidInput("The practice must keep at least one active Admin")
            row.active = False
            uow.audit(
                audit.EventDraft(
                    audit.EventType.USER_DEACTIVATED,
                    actor.user_id,
                    object_type="clinician",
                    object_id=target.id,
                )
            )
        self.ws.vault.remove_credential(target.id, deactivated=True)
        return self.by_login(login)

    def reset_password(self, actor: Actor, login: str, new_password: str) -> None:
        """An Admin sets a new password; the clinician's old one stops working."""
        self._require_admin(actor, "reset passwords")
        target = self.by_login(login)
        if not target.active:
            raise InvalidInput(f"{target.login} is deactivated; reactivate the account first")
        self.ws.vault.set_password(target.id, target.login, target.display_name, new_password)
        self.ws.audit_alone(
            audit.EventDraft(
                audit.EventType.CREDENTIAL_CHANGED,
                actor.user_id,
                object_type="clinician",
                object_id=target.id,
                details={"by": "admin reset"},
            )
        )

    def change_role(self, actor: Actor, login: str, role: str) -> ClinicianSummary:
        self._require_admin(actor, "change roles")
        if role not in ROLES:
            raise InvalidInput(f"{role!r} is not a role; choose admin or clinician")
        target = self.by_login(login)
        with self.ws.unit_of_work(actor) as uow:
            row = uow.session.get(Clinician, target.id)
            assert row is not None
            if row.role == "admin" and role != "admin" and self._active_admins(uow.session) <= 1:
                raise InvalidInput("The practice must keep at least one active Admin")
            row.role = role
            uow.audit(
                audit.EventDraft(
                    audit.EventType.ROLE_CHANGED,
                    actor.user_id,
                    object_type="clinician",
                    object_id=target.id,
                    details={"role": role},
                )
            )
        return self.by_login(login)

    @staticmethod
    def _active_admins(session: Session) -> int:
        return int(
            session.scalar(select(func.count()).where(Clinician.role == "admin", Clinician.active))
            or 0
        )
