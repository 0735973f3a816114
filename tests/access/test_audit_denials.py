"""Denied reads and a deactivated account's attempts reach the audit trail.

`photo list` by a clinician without access was refused but left no event;
a deactivated account trying to log in (with its old password, or after its
credential was removed) left nothing at all. DESIGN §8: a denial is recorded
with outcome "denied"; an attempt by a deactivated account is a SECURITY_ALERT
(written at the next login, as no key is at hand when it happens).
"""

from __future__ import annotations

import pytest
from sqlalchemy import select
from vault_support import LOGIN, PASSWORD, SECOND_LOGIN, SECOND_PASSWORD, add_clinician

from pixiodoc_desktop.clinic.access.clinicians import Clinicians
from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import AccountDeactivated, PermissionDenied
from pixiodoc_desktop.vault.schema import AuditEvent, Clinician
from pixiodoc_desktop.vault.vault import Vault


def _events(ws: Workstation, kind: str) -> list[AuditEvent]:
    with ws.read_session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.event_type == kind)))


def test_reads_refused_for_lack_of_access_are_audited(
    services: ClinicServices, actor: Actor, workstation: Workstation
) -> None:
    private = services.patients.create(actor, family_name="Privat", practice_level=None)
    outsider = add_clinician(workstation, SECOND_LOGIN, SECOND_PASSWORD)
    reads = {
        "photos": lambda: services.photos.list(outsider, private.id),
        "visits": lambda: services.visits.list(outsider, private.id),
        "consents": lambda: services.consents.current(outsider, private.id),
    }
    for name, read in reads.items():
        with pytest.raises(PermissionDenied, match="may not view"):
            read()
        denied = [
            e
            for e in _events(workstation, "PATIENT_VIEWED")
            if e.outcome == "denied" and e.actor_id == outsider.user_id
        ]
        assert denied and all(e.patient_id == private.id for e in denied), name
    assert len(denied) == len(reads)


def test_a_deactivated_account_s_attempts_raise_an_alert(
    logged_in: tuple[Workstation, Actor], vault: Vault
) -> None:
    ws, admin = logged_in
    kept = add_clinician(ws, "dr.alt", "Alte-Tanne-Weide-31")
    gone = add_clinician(ws, SECOND_LOGIN, SECOND_PASSWORD)
    Clinicians(ws).deactivate(admin, SECOND_LOGIN)  # credential removed from vault.json
    with ws.vault.write_session() as session, session.begin():  # synced in: credential still there
        row = session.get(Clinician, kept.user_id)
        assert row is not None
        row.active = False
    # A deactivated account's session still open on another screen.
    with pytest.raises(PermissionDenied, match="deactivated"):
        ClinicServices.for_workstation(ws).photos.list(kept, "any-patient")
    lock(ws, admin)
    for _ in range(2):
        with pytest.raises(AccountDeactivated):
            vault.unlock(SECOND_LOGIN, SECOND_PASSWORD)
    with pytest.raises(AccountDeactivated):
        vault.unlock("dr.alt", "Alte-Tanne-Weide-31")
    ws, admin = log_in(vault, LOGIN, PASSWORD)
    try:
        alerts = {
            e.details["login"]: (e.actor_id, e.details["attempts"], e.outcome)
            for e in _events(ws, "SECURITY_ALERT")
            if e.details.get("alert") == "deactivated account"
        }
        assert alerts == {
            SECOND_LOGIN: (gone.user_id, 2, "denied"),
            "dr.alt": (kept.user_id, 1, "denied"),
        }
        session_denials = [e for e in _events(ws, "PATIENT_VIEWED") if e.actor_id == kept.user_id]
        assert [e.details.get("reason") for e in session_denials] == ["account deactivated"]
    finally:
        lock(ws, admin)
    ws, admin = log_in(vault, LOGIN, PASSWORD)  # written once, not at every login
    try:
        assert len([e for e in _events(ws, "SECURITY_ALERT") if e.details.get("alert")]) == 2
    finally:
        lock(ws, admin)
