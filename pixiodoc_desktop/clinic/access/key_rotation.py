"""Renewing the practice's workspace key, after a password leaked or a clinician left.

A copy of vault.json (or a backup) from before a password change still opens
the vault with the old password, because the workspace key (WK) behind it is
the same. Renewing WK ends that: the database is rekeyed, patient keys are
re-wrapped (images stay as they are: they are encrypted under the patient
keys), the audit trail is re-sealed under the new audit key, and only the
acting Admin's password and a new recovery key open the vault afterwards.
The other clinicians get new passwords from an Admin.

Not yet on a PC that syncs: the other workstations and the bucket would go on
with the old key (docs/security.md says what following through sync needs).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, Workstation
from pixiodoc_desktop.errors import PixioDocError, VaultError
from pixiodoc_desktop.vault.keys import VaultKeys
from pixiodoc_desktop.vault.rotation import RotatedKeys
from pixiodoc_desktop.vault.rotation import rotate_workspace_key as renew_keys
from pixiodoc_desktop.vault.schema import AuditEvent, Setting

SYNC_BUCKET_SETTING = "sync.bucket"  # see sync/settings.py (the clinic may not import sync)
DEACTIVATION_HINT = (
    "A copy of vault.json or a backup made while they could log in still opens with their "
    "password; renew the practice's keys to end that (pixiodoc vault rotate-key)."
)


class KeyRotationRefused(VaultError):
    """The workspace key cannot be renewed here and now (the message says why)."""


def _draft(actor: Actor, outcome: audit.Outcome, **details: object) -> audit.EventDraft:
    return audit.EventDraft(
        audit.EventType.SECURITY_SETTING_CHANGED,
        actor.user_id,
        object_type="setting",
        object_id="workspace key",
        outcome=outcome,
        details={"setting": "key rotation", **details},
    )


def _refusal(ws: Workstation) -> str | None:
    with ws.read_session() as session:
        synced = (
            session.get(Setting, SYNC_BUCKET_SETTING) is not None
            or session.scalar(select(func.count()).where(AuditEvent.device_id != ws.device_id))
            or session.scalar(select(func.count()).where(Setting.key.like("audit_anchors:%")))
        )
        if synced:
            return (
                "This vault syncs with other workstations; renewing its keys there is not "
                "supported yet (the other PCs and the bucket would keep the old key)."
            )
        faults = audit.verify_chain(
            session, ws.vault.keys.audit, floors={ws.device_id: ws.audit_floor()}
        )
    if faults:
        return (
            f"The audit trail has faults ({faults[0]}); renewing the keys would seal them as "
            "good. Check it with `pixiodoc audit verify` and restore a backup first."
        )
    return None


def rotate_workspace_key(ws: Workstation, actor: Actor, password: str) -> RotatedKeys:
    """Renew WK (practice Admins; `password` is the actor's own). Audited either way."""
    if not actor.is_workspace_admin:
        draft = _draft(actor, audit.Outcome.DENIED)
        ws.audit_alone(draft)
        raise AccessDenied("Only a practice Admin may renew the practice's keys.", draft)
    reason = _refusal(ws)
    if reason is not None:
        ws.audit_alone(_draft(actor, audit.Outcome.FAILURE, reason="refused"))
        raise KeyRotationRefused(reason)
    old_audit_key = ws.vault.keys.audit
    others = sum(1 for c in ws.vault.header.credentials if c.user_id != actor.user_id)

    def rewrite(session: Session, new: VaultKeys) -> None:
        events = audit.reseal(session, old_key=old_audit_key, new_key=new.audit)
        audit.append(
            session,
            device_id=ws.device_id,
            audit_key=new.audit,
            draft=_draft(
                actor, audit.Outcome.SUCCESS, events_resealed=events, passwords_to_reset=others
            ),
            floor=ws.audit_floor(),
        )

    try:
        return renew_keys(ws.vault, actor.user_id, password, rewrite)
    except PixioDocError as exc:
        ws.audit_alone(_draft(actor, audit.Outcome.FAILURE, reason=type(exc).__name__))
        raise
