"""Who may do what with a patient record (DESIGN.md §3).

Per-patient grants: View Only ("view"), Editor ("edit"), Admin ("admin"),
to one clinician or to the whole practice ("*"). The creator of a record is
its Admin. Every service calls `require` before it acts; the GUI only hides
what this would refuse.

A clinician without a grant may hold an open emergency access ("break the
glass", `clinic/emergency.py`): it counts as View Only until it ends or
expires, never more. A deactivated clinician is refused everything, even in
a session that was opened before the deactivation. A record imported from
another clinic's case bundle (`patients.origin`) is View Only for everyone:
it can be read, shared, exported and erased by its Admin, never edited.
"""

from __future__ import annotations

from enum import Enum

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, Workstation
from pixiodoc_desktop.vault.schema import Clinician, EmergencyAccess, Grant, Patient, utcnow

PRACTICE = "*"
LEVELS = ("view", "edit", "admin")
LEVEL_LABELS = {"view": "View Only", "edit": "Editor", "admin": "Admin"}
# Table columns, not the ORM's attributes: SQLAlchemy then runs it as plain Core.
_CLINICIANS = Clinician.__table__.c
_ACTIVE = select(_CLINICIANS.active).where(_CLINICIANS.id == bindparam("user"))


class Action(Enum):
    """An action on a patient record; `needed` is the grant level it takes."""

    VIEW = "view"
    EDIT = "edit"
    DELETE = "delete"
    EXPORT = "export"
    SHARE = "share"
    ERASE = "erase"

    @property
    def needed(self) -> str:
        return _NEEDED[self]


_NEEDED = {
    Action.VIEW: "view",
    Action.EDIT: "edit",
    Action.DELETE: "admin",
    Action.EXPORT: "admin",
    Action.SHARE: "admin",
    Action.ERASE: "admin",
}


_ACTION_EVENTS = {
    "VIEW": audit.EventType.PATIENT_VIEWED,
    "EDIT": audit.EventType.PATIENT_UPDATED,
    "DELETE": audit.EventType.PHOTO_DELETED,
    "EXPORT": audit.EventType.DATA_EXPORTED,
    "SHARE": audit.EventType.ACCESS_GRANTED,
    "ERASE": audit.EventType.PATIENT_ERASED,
}


def level_of(session: Session, actor: Actor, patient_id: str) -> str | None:
    """The highest grant `actor` holds on the patient, directly or via the practice."""
    rows = session.scalars(
        select(Grant.level).where(
            Grant.patient_id == patient_id, Grant.grantee.in_((actor.user_id, PRACTICE))
        )
    ).all()
    best = max((LEVELS.index(level) for level in rows if level in LEVELS), default=-1)
    if best >= 0:
        return LEVELS[best]
    return "view" if has_emergency_access(session, actor, patient_id) else None


def has_emergency_access(session: Session, actor: Actor, patient_id: str) -> bool:
    """Whether `actor` holds an open, unexpired emergency access to the patient."""
    found = session.scalar(
        select(EmergencyAccess.id)
        .where(
            EmergencyAccess.clinician_id == actor.user_id,
            EmergencyAccess.patient_id == patient_id,
            EmergencyAccess.ended_at.is_(None),
            EmergencyAccess.expires_at > utcnow(),
        )
        .limit(1)
    )
    return found is not None


def require_active(
    session: Session,
    actor: Actor,
    event: audit.EventType,
    *,
    patient_id: str | None = None,
) -> None:
    """Raise AccessDenied (audited as `event`) when the actor's account is deactivated."""
    # One column, not the Clinician object: asked before every search keystroke.
    if not session.scalar(_ACTIVE, {"user": actor.user_id}):
        raise AccessDenied(
            f"The account {actor.login} has been deactivated; log in as an active clinician.",
            audit.EventDraft(
                event,
                actor.user_id,
                patient_id=patient_id,
                object_type="patient" if patient_id else None,
                object_id=patient_id,
                outcome=audit.Outcome.DENIED,
                details={"reason": "account deactivated"},
            ),
        )


def allows(level: str | None, action: Action) -> bool:
    return level is not None and LEVELS.index(level) >= LEVELS.index(action.needed)


def require_audited(
    ws: Workstation, session: Session, actor: Actor, patient_id: str, action: Action
) -> str:
    """`require` for reads: a denial is written to the trail before it is raised.

    A unit of work audits the AccessDenied leaving it; a plain read session
    does not, so a refused `photo list` used to leave no trace.
    """
    try:
        return require(session, actor, patient_id, action)
    except AccessDenied as denied:
        ws.audit_alone(denied.draft)
        raise


def require(
    session: Session,
    actor: Actor,
    patient_id: str,
    action: Action,
    *,
    event: audit.EventType | None = None,
) -> str:
    """Return the actor's level, or raise AccessDenied (audited as denied, as `event`)."""
    require_active(session, actor, event or _ACTION_EVENTS[action.name], patient_id=patient_id)
    level = level_of(session, actor, patient_id)
    if not allows(level, action):
        needed = LEVEL_LABELS[action.needed]
        raise AccessDenied(
            f"{actor.login} may not {action.name.lower()} this patient's record "
            f"(needs {needed} access; ask the record's Admin to share it).",
            audit.EventDraft(
                event or _ACTION_EVENTS[action.name],
                actor.user_id,
                patient_id=patient_id,
                object_type="patient",
                object_id=patient_id,
                outcome=audit.Outcome.DENIED,
                details={"action": action.name.lower(), "level": level or "none"},
            ),
        )
    assert level is not None
    if action is Action.EDIT:
        patient = session.get(Patient, patient_id)
        if patient is not None and patient.origin is not None:
            raise AccessDenied(
                "This record was imported from another clinic's case bundle and is View Only.",
                audit.EventDraft(
                    event or _ACTION_EVENTS[action.name],
                    actor.user_id,
                    patient_id=patient_id,
                    object_type="patient",
                    object_id=patient_id,
                    outcome=audit.Outcome.DENIED,
                    details={"action": "edit", "reason": "imported case"},
                ),
            )
    return level


def visible_patient_ids(session: Session, actor: Actor) -> Select[str]:
    """A sub-select of the patient ids `actor` may at least view."""
    return select(Grant.patient_id).where(Grant.grantee.in_((actor.user_id, PRACTICE)))
