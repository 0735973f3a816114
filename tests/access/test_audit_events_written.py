"""The services write DESIGN.md §8's user, session, backup and alert events, with who
acted, about whom, and the outcome: USER_CREATED, USER_DEACTIVATED, ROLE_CHANGED,
CREDENTIAL_CHANGED, SESSION_LOCKED, BACKUP_OR_RESTORE and SECURITY_ALERT."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from vault_support import (
    LOGIN,
    PASSWORD,
    SECOND_LOGIN,
    CliRunner,
    MadeVault,
    synthetic_jpeg,
)

from pixiodoc_desktop.clinic.access.clinicians import Clinicians
from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.audit.log import AuditFilter, AuditLog, AuditRow
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import CaptureContext, Photos
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import PermissionDenied, WrongPassword
from pixiodoc_desktop.gui.session import ClinicSession
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.schema import Photo
from pixiodoc_desktop.vault.throttle import FREE_ATTEMPTS
from pixiodoc_desktop.vault.vault import Vault

PW = PASSWORD + "\n"
NEW_PASSWORD = "Gletscher-Birke-Quarz-19"


def _events(ws: Workstation, admin: Actor, kind: str) -> list[AuditRow]:
    return AuditLog(ws).query(admin, AuditFilter(event_type=kind))


def _events_in(folder: Path, kind: str) -> list[AuditRow]:
    """The `kind` events of a (locked) vault, read by its first Admin."""
    ws, admin = log_in(Vault.open(folder), LOGIN, PASSWORD)
    try:
        return _events(ws, admin, kind)
    finally:
        lock(ws, admin, logged_out=True)


# --- users and roles ---------------------------------------------------------------------


def test_managing_clinicians_writes_user_role_and_credential_events(
    workstation: Workstation, actor: Actor, second_clinician: Actor
) -> None:
    people = Clinicians(workstation)
    added = people.add(
        actor, login="dr.brandt", display_name="Dr. Jonas Brandt", password=NEW_PASSWORD
    )
    people.change_role(actor, SECOND_LOGIN, "admin")
    people.reset_password(actor, SECOND_LOGIN, NEW_PASSWORD)
    people.deactivate(actor, "dr.brandt")

    def about(kind: str) -> list[tuple[str | None, str | None, str, str | None]]:
        return [
            (r.actor_login, r.object_id, r.outcome, r.object_type)
            for r in _events(workstation, actor, kind)
        ]

    assert about("USER_CREATED") == [(LOGIN, added.id, "success", "clinician")]
    assert _events(workstation, actor, "USER_CREATED")[0].details == {"role": "clinician"}
    assert about("ROLE_CHANGED") == [(LOGIN, second_clinician.user_id, "success", "clinician")]
    assert _events(workstation, actor, "ROLE_CHANGED")[0].details == {"role": "admin"}
    assert about("CREDENTIAL_CHANGED") == [
        (LOGIN, second_clinician.user_id, "success", "clinician")
    ]
    assert about("USER_DEACTIVATED") == [(LOGIN, added.id, "success", "clinician")]


def test_changing_ones_own_password_on_the_command_line_is_audited(
    cli: CliRunner, made_vault: MadeVault
) -> None:
    done = cli(
        "vault", "change-password", "--vault", made_vault.folder, "--user", LOGIN,
        "--password-stdin", stdin=f"{PASSWORD}\n{NEW_PASSWORD}\n",
    )  # fmt: skip
    assert done.code == 0, done.output
    ws, admin = log_in(Vault.open(made_vault.folder), LOGIN, NEW_PASSWORD)
    try:
        [changed] = _events(ws, admin, "CREDENTIAL_CHANGED")
    finally:
        lock(ws, admin, logged_out=True)
    assert (changed.actor, changed.object_id, changed.outcome) == (
        admin.user_id,
        admin.user_id,
        "success",
    )


def test_a_clinician_managing_users_raises_a_denied_security_alert(
    workstation: Workstation, actor: Actor, second_clinician: Actor
) -> None:
    people = Clinicians(workstation)
    with pytest.raises(PermissionDenied, match="Only a practice Admin"):
        people.add(second_clinician, login="dr.x", display_name="Dr. X", password=NEW_PASSWORD)
    with pytest.raises(PermissionDenied):
        people.change_role(second_clinician, SECOND_LOGIN, "admin")
    alerts = _events(workstation, actor, "SECURITY_ALERT")
    assert [(a.actor_login, a.outcome, a.details) for a in alerts] == [
        (SECOND_LOGIN, "denied", {"action": "add clinicians"}),
        (SECOND_LOGIN, "denied", {"action": "change roles"}),
    ]
    assert _events(workstation, actor, "USER_CREATED") == []
    assert _events(workstation, actor, "ROLE_CHANGED") == []


# --- sessions --------------------------------------------------------------------------------


def test_locking_writes_session_locked_and_logging_out_does_not(made_vault: MadeVault) -> None:
    vault = Vault.open(made_vault.folder)
    ws, admin = log_in(vault, LOGIN, PASSWORD)
    lock(ws, admin)  # an (auto) lock
    assert not vault.is_unlocked
    ws, admin = log_in(vault, LOGIN, PASSWORD)
    lock(ws, admin, logged_out=True)
    [locked] = _events_in(made_vault.folder, "SESSION_LOCKED")
    assert (locked.actor_login, locked.outcome) == (LOGIN, "success")
    assert len(_events_in(made_vault.folder, "LOGGED_OUT")) == 2  # the one above and _events_in's


def test_the_workstation_lock_writes_session_locked(made_vault: MadeVault) -> None:
    """The GUI's lock (window lock and auto-lock end in ClinicSession.lock on the DB worker)."""
    session = ClinicSession(kdf=MINIMUM_KDF)
    session.open(made_vault.folder)
    session.unlock(LOGIN, PASSWORD)
    session.lock()
    assert not session.unlocked
    [locked] = _events_in(made_vault.folder, "SESSION_LOCKED")
    assert locked.actor_login == LOGIN


# --- backup and restore -------------------------------------------------------------------


def test_backup_and_restore_on_the_command_line_are_audited(
    cli: CliRunner, made_vault: MadeVault, tmp_path: Path
) -> None:
    backup = tmp_path / "praxis.pxbackup"
    made = cli(
        "vault", "backup", "--vault", made_vault.folder, "--user", LOGIN, "--password-stdin",
        backup, stdin=PW,
    )  # fmt: skip
    assert made.code == 0, made.output
    restored = tmp_path / "restored"
    back = cli(
        "vault", "restore", backup, "--vault", restored, "--user", LOGIN, "--password-stdin",
        stdin=PW,
    )  # fmt: skip
    assert back.code == 0, back.output

    [saved] = _events_in(made_vault.folder, "BACKUP_OR_RESTORE")
    assert (saved.actor_login, saved.outcome, saved.details["action"]) == (
        LOGIN,
        "success",
        "backup",
    )
    events = _events_in(restored, "BACKUP_OR_RESTORE")
    # The snapshot was taken before its own event was written; the restore adds its own.
    assert [(e.actor_login, e.outcome, e.details) for e in events] == [
        (LOGIN, "success", {"action": "restore", "file": backup.name})
    ]


# --- alerts ----------------------------------------------------------------------------------


def test_a_failed_vault_verify_raises_a_security_alert(
    cli: CliRunner, made_vault: MadeVault
) -> None:
    ws, admin = log_in(Vault.open(made_vault.folder), LOGIN, PASSWORD)
    try:
        patient = Patients(ws).create(admin, family_name="Prüfling").id
        photo = Photos(ws).ingest(
            admin, synthetic_jpeg(800), CaptureContext(patient_id=patient), source_name="p.jpg"
        )
        ws.vault.blobs.path_for(_thumbnail(ws, photo.photo.id)).unlink()
    finally:
        lock(ws, admin, logged_out=True)
    done = cli(
        "vault", "verify", "--vault", made_vault.folder, "--user", LOGIN, "--password-stdin",
        stdin=PW,
    )  # fmt: skip
    assert done.code == 1 and "FAULT: " in done.stdout, done.output
    [alert] = _events_in(made_vault.folder, "SECURITY_ALERT")
    assert (alert.actor_login, alert.outcome) == (LOGIN, "failure")
    assert alert.details == {"check": "vault verify", "faults": 1}


def _thumbnail(ws: Workstation, photo_id: str) -> str:
    with ws.read_session() as session:
        row = session.get(Photo, photo_id)
        assert row is not None
        return str(row.thumbnail_blob_id)


def test_a_lockout_raises_a_security_alert(made_vault: MadeVault) -> None:
    """Wrong passwords until the throttle locks the login out: on the next unlock the
    trail gets LOGIN_FAILED with the count, and a SECURITY_ALERT for the lockout."""
    vault = Vault.open(made_vault.folder)
    for _attempt in range(FREE_ATTEMPTS):
        with pytest.raises(WrongPassword):
            vault.unlock(LOGIN, "Falsch-Falsch-Falsch-00")
    assert vault.throttle.attempts(LOGIN).wait_left() > 0  # locked out for now
    counts = json.loads(vault.throttle.path.read_text("utf-8"))
    counts[LOGIN][1] = 0.0  # let the lockout time pass, keeping the count
    vault.throttle.path.write_text(json.dumps(counts), "utf-8")
    [failed] = _events_in(made_vault.folder, "LOGIN_FAILED")
    assert (failed.outcome, failed.details["attempts"]) == ("failure", FREE_ATTEMPTS)
    [alert] = _events_in(made_vault.folder, "SECURITY_ALERT")
    assert alert.outcome == "failure" and alert.details["alert"] == "lockout"
    assert alert.details["attempts"] == FREE_ATTEMPTS and alert.details["login"] == LOGIN


def test_a_few_wrong_passwords_are_no_alert(made_vault: MadeVault) -> None:
    vault = Vault.open(made_vault.folder)
    with pytest.raises(WrongPassword):
        vault.unlock(LOGIN, "Falsch-Falsch-Falsch-00")
    assert len(_events_in(made_vault.folder, "LOGIN_FAILED")) == 1
    assert _events_in(made_vault.folder, "SECURITY_ALERT") == []
