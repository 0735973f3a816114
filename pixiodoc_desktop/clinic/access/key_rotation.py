"""Renewing the practice's workspace key, after a password leaked or a clinician left.

A copy of vault.json (or a backup) from before a password change still opens
the vault with the old password, because the workspace key (WK) behind it is
the same. Renewing WK ends that: the database is rekeyed, patient keys are
re-wrapped (images stay as they are: they are encrypted under the patient
keys), the audit trail is re-sealed under the new audit key, and only the
acting Admin's password and a new recovery key open the vault afterwards.
The other clinicians get new passwords from an Admin.

On a PC that syncs, `sync/renewal.py` drives this with `move_sync`: the same
transaction starts this PC over in a new bucket folder (the other PCs re-join
it with an enrollment code; docs/security.md).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.audit import anchors
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, Workstation
from pixiodoc_desktop.errors import PixioDocError, VaultError
from pixiodoc_desktop.vault.header import VaultHeader
from pixiodoc_desktop.vault.keys import VaultKeys
from pixiodoc_desktop.vault.rotation import RotatedKeys, follow_renewed_key
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


def _refusal(ws: Workstation, *, moving: bool) -> str | None:
    with ws.read_session() as session:
        synced = (
            session.get(Setting, SYNC_BUCKET_SETTING) is not None
            or session.scalar(select(func.count()).where(AuditEvent.device_id != ws.device_id))
            or session.scalar(select(func.count()).where(Setting.key.like("audit_anchors:%")))
        )
        if synced and not moving:
            return (
                "This vault syncs with other workstations; its keys are renewed together "
                "with the clinic's bucket, so sync must be set up and reachable here "
                "(pixiodoc sync configure), then renew them again."
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


def check_admin(ws: Workstation, actor: Actor) -> None:
    """Only practice Admins renew the keys (a refusal is audited)."""
    if not actor.is_workspace_admin:
        draft = _draft(actor, audit.Outcome.DENIED)
        ws.audit_alone(draft)
        raise AccessDenied("Only a practice Admin may renew the practice's keys.", draft)


def audit_failure(ws: Workstation, actor: Actor, exc: PixioDocError, **details: object) -> None:
    """A renewal that failed before it took effect (the old keys stay)."""
    ws.audit_alone(_draft(actor, audit.Outcome.FAILURE, reason=type(exc).__name__, **details))


def rotate_workspace_key(
    ws: Workstation,
    actor: Actor,
    password: str,
    *,
    move_sync: Callable[[Session], dict[str, object]] | None = None,
) -> RotatedKeys:
    """Renew WK (practice Admins; `password` is the actor's own). Audited either way.

    `move_sync` (sync/renewal.py) rewrites this PC's sync bookkeeping inside the
    rekeyed copy and returns what the audit event says about it.
    """
    check_admin(ws, actor)
    reason = _refusal(ws, moving=move_sync is not None)
    if reason is not None:
        ws.audit_alone(_draft(actor, audit.Outcome.FAILURE, reason="refused"))
        raise KeyRotationRefused(reason)
    old_audit_key = ws.vault.keys.audit
    others = sum(1 for c in ws.vault.header.credentials if c.user_id != actor.user_id)

    def rewrite(session: Session, new: VaultKeys) -> None:
        events = audit.reseal(session, old_key=old_audit_key, new_key=new.audit)
        anchors.reseal(session, old_key=old_audit_key, new_key=new.audit)
        moved = move_sync(session) if move_sync is not None else {}
        audit.append(
            session,
            device_id=ws.device_id,
            audit_key=new.audit,
            draft=_draft(
                actor,
                audit.Outcome.SUCCESS,
                events_resealed=events,
                passwords_to_reset=others,
                **moved,
            ),
            floor=ws.audit_floor(),
        )

    try:
        return renew_keys(ws.vault, actor.user_id, password, rewrite)
    except PixioDocError as exc:
        audit_failure(ws, actor, exc)
        raise


def follow_workspace_key(
    ws: Workstation,
    actor: Actor,
    password: str,
    new_wk: bytes,
    renewed: VaultHeader,
    move_sync: Callable[[Session], dict[str, object]],
) -> tuple[str, ...]:
    """Take over the WK an Admin renewed on another PC (sync/renewal.py, with the
    enrollment code the Admin gave): this PC's database is rekeyed, its patient keys
    re-wrapped and its audit trail re-sealed as a rotation does. Any clinician who can
    log in here may do it (the code is the Admin's say) and keeps their password
    (`password`, their own). Audited either way; returns the logins here that need a
    new password from an Admin."""
    with ws.read_session() as session:
        faults = audit.verify_chain(
            session, ws.vault.keys.audit, floors={ws.device_id: ws.audit_floor()}
        )
    if faults:
        ws.audit_alone(_draft(actor, audit.Outcome.FAILURE, reason="refused", step="follow"))
        raise KeyRotationRefused(
            f"The audit trail has faults ({faults[0]}); renewing the keys would seal them as "
            "good. Check it with `pixiodoc audit verify` and restore a backup first."
        )
    old_audit_key = ws.vault.keys.audit

    def rewrite(session: Session, new: VaultKeys) -> None:
        events = audit.reseal(session, old_key=old_audit_key, new_key=new.audit)
        anchors.reseal(session, old_key=old_audit_key, new_key=new.audit)
        moved = move_sync(session)
        audit.append(
            session,
            device_id=ws.device_id,
            audit_key=new.audit,
            draft=_draft(
                actor, audit.Outcome.SUCCESS, step="follow", events_resealed=events, **moved
            ),
            floor=ws.audit_floor(),
        )

    try:
        return follow_renewed_key(
            ws.vault, new_wk, renewed, rewrite, user_id=actor.user_id, password=password
        )
    except PixioDocError as exc:
        ws.audit_alone(
            _draft(actor, audit.Outcome.FAILURE, step="follow", reason=type(exc).__name__)
        )
        raise
