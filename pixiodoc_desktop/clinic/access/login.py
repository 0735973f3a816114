"""Logging in and out: unlock the vault as a clinician and audit it.

Each login also applies the audit retention policy (events past it are purged
with a sealed checkpoint). Wrong passwords cannot be audited when they happen
(the database stays closed), so the vault's throttle counts them and the next
successful login writes them to the trail as LOGIN_FAILED (and, when they were
enough to lock the login out, a SECURITY_ALERT).
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.audit.log import AuditLog
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import AccountDeactivated, PixioDocError
from pixiodoc_desktop.vault.credentials import Unlocked
from pixiodoc_desktop.vault.schema import Clinician
from pixiodoc_desktop.vault.throttle import FREE_ATTEMPTS
from pixiodoc_desktop.vault.vault import Vault

log = logging.getLogger(__name__)


def _audit_deactivated_attempts(ws: Workstation) -> None:
    """Attempts by deactivated accounts since the last login: a SECURITY_ALERT each login."""
    pending = ws.vault.throttle.deactivated_attempts()
    if not pending:
        return
    with ws.read_session() as session:
        ids = {
            login.casefold(): user_id
            for login, user_id in session.execute(select(Clinician.login, Clinician.id))
        }
    for login, attempts in sorted(pending.items()):
        ws.audit_alone(
            audit.EventDraft(
                audit.EventType.SECURITY_ALERT,
                ids.get(login),
                outcome=audit.Outcome.DENIED,
                details={"alert": "deactivated account", "login": login, "attempts": attempts},
            )
        )
    ws.vault.throttle.clear_deactivated()


def _audit_unlock(ws: Workstation, unlocked: Unlocked) -> None:
    _audit_deactivated_attempts(ws)
    if unlocked.failed_attempts_to_audit:
        ws.audit_alone(
            audit.EventDraft(
                audit.EventType.LOGIN_FAILED,
                unlocked.user_id,
                outcome=audit.Outcome.FAILURE,
                details={"attempts": unlocked.failed_attempts_to_audit, "login": unlocked.login},
            )
        )
    if unlocked.failed_attempts_to_audit >= FREE_ATTEMPTS:  # the throttle locked the login out
        ws.audit_alone(
            audit.EventDraft(
                audit.EventType.SECURITY_ALERT,
                unlocked.user_id,
                outcome=audit.Outcome.FAILURE,
                details={
                    "alert": "lockout",
                    "attempts": unlocked.failed_attempts_to_audit,
                    "login": unlocked.login,
                },
            )
        )
    if unlocked.attempts_file_reset:
        ws.audit_alone(
            audit.EventDraft(
                audit.EventType.SECURITY_ALERT,
                unlocked.user_id,
                outcome=audit.Outcome.FAILURE,
                details={
                    "alert": "unlock attempts file removed or replaced",
                    "login": unlocked.login,
                },
            )
        )
    ws.audit_alone(
        audit.EventDraft(
            audit.EventType.LOGIN_SUCCEEDED,
            unlocked.user_id,
            details={"method": "recovery key" if unlocked.user_id is None else "password"},
        )
    )


def actor_for(ws: Workstation, user_id: str) -> Actor:
    with ws.read_session() as session:
        clinician = session.get(Clinician, user_id)
        if clinician is None or not clinician.active:
            raise AccountDeactivated("That clinician account is not active.")
        return Actor(clinician.id, clinician.login, clinician.display_name, clinician.role)


def _apply_retention(ws: Workstation) -> None:
    """Purge audit events past the retention period; a failure never blocks the login."""
    try:
        result = AuditLog(ws).purge_when_due()
    except PixioDocError as exc:  # e.g. the vault is busy: the next unlock tries again
        log.warning("Audit retention purge skipped: %s", type(exc).__name__)
        return
    if result is not None:
        log.info(
            "Audit retention: %d event(s) past %d days purged", result.purged, result.retention_days
        )


def _mark(ws: Workstation) -> None:
    """Seal how far this PC's audit trail has come into vault.json; never blocks a login."""
    try:
        ws.mark_audit()
    except (OSError, PixioDocError) as exc:  # a read-only folder: the next login tries again
        log.warning("Could not record the audit mark in vault.json: %s", type(exc).__name__)


def log_in(vault: Vault, login: str, password: str) -> tuple[Workstation, Actor]:
    """Unlock with a clinician's password; raises WrongPassword, UnknownClinician, ..."""
    unlocked = vault.unlock(login, password)
    assert unlocked.user_id is not None
    try:
        ws = Workstation(vault)
        _audit_unlock(ws, unlocked)
        _apply_retention(ws)
        _mark(ws)
        return ws, actor_for(ws, unlocked.user_id)
    except DatabaseError as exc:
        vault.database_failed(exc)


def log_in_with_recovery_key(vault: Vault, recovery_key: str) -> Workstation:
    """Unlock for maintenance (verify, password reset) without a clinician."""
    unlocked = vault.unlock_with_recovery_key(recovery_key)
    try:
        ws = Workstation(vault)
        _audit_unlock(ws, unlocked)
        _mark(ws)
    except DatabaseError as exc:
        vault.database_failed(exc)
    return ws


def lock(ws: Workstation, actor: Actor | None, *, logged_out: bool = False) -> None:
    """Audit and drop every key. `logged_out` distinguishes logout from an (auto) lock."""
    try:
        if ws.vault.is_unlocked:
            event = audit.EventType.LOGGED_OUT if logged_out else audit.EventType.SESSION_LOCKED
            ws.audit_alone(audit.EventDraft(event, actor.user_id if actor else None))
            _mark(ws)
    finally:
        ws.vault.lock()  # the keys go even when the event cannot be written
