"""Who may do what with a patient record (DESIGN.md §3).

Per-patient grants: View Only ("view"), Editor ("edit"), Admin ("admin"),
to one clinician or to the whole practice ("*"). The creator of a record is
its Admin. Every service calls `require` before it acts; the GUI only hides
what this would refuse.
"""

from __future__ import annotations

from enum import Enum

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic import audit
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor
from pixiodoc_desktop.vault.schema import Grant

PRACTICE = "*"
LEVELS = ("view", "edit", "admin")
LEVEL_LABELS = {"view": "View Only", "edit": "Editor", "admin": "Admin"}


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
    return LEVELS[best] if best >= 0 else None


def allows(level: str | None, action: Action) -> bool:
    return level is not None and LEVELS.index(level) >= LEVELS.index(action.needed)


def require(
    session: Session,
    actor: Actor,
    patient_id: str,
    action: Action,
    *,
    event: audit.EventType | None = None,
) -> str:
    """Return the actor's level, or raise AccessDenied (audited as denied, as `event`)."""
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
    return level


def visible_patient_ids(session: Session, actor: Actor) -> Select[str]:
    """A sub-select of the patient ids `actor` may at least view."""
    return select(Grant.patient_id).where(Grant.grantee.in_((actor.user_id, PRACTICE)))
