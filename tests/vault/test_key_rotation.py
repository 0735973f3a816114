"""Renewing the workspace key (`pixiodoc vault rotate-key`): an old vault.json copied back
opens nothing any more, the images still open, the audit trail still verifies, the other
clinicians are told they need a new password, and a crash at any step leaves a vault that
opens with one set of keys or the other."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from vault_support import (
    LOGIN,
    PASSWORD,
    SECOND_LOGIN,
    SECOND_PASSWORD,
    CliRunner,
    MadeVault,
    add_clinician,
    decodes,
    synthetic_jpeg,
)

from pixiodoc_desktop.clinic.access.key_rotation import KeyRotationRefused, rotate_workspace_key
from pixiodoc_desktop.clinic.access.login import lock, log_in, log_in_with_recovery_key
from pixiodoc_desktop.clinic.audit.log import AuditFilter, AuditLog
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize, Photos
from pixiodoc_desktop.clinic.safekeeping.verify import verify_vault
from pixiodoc_desktop.errors import (
    AccountDeactivated,
    PermissionDenied,
    VaultBusy,
    VaultDamaged,
    WrongPassword,
)
from pixiodoc_desktop.vault import database, rekey
from pixiodoc_desktop.vault.schema import Setting
from pixiodoc_desktop.vault.vault import Vault

PW = PASSWORD + "\n"


@pytest.fixture
def practice(made_vault: MadeVault) -> tuple[Path, str]:
    """Two clinicians and a patient with a photo; returns (folder, photo id)."""
    ws, admin = log_in(Vault.open(made_vault.folder), LOGIN, PASSWORD)
    try:
        add_clinician(ws, SECOND_LOGIN, SECOND_PASSWORD)
        patient = Patients(ws).create(admin, family_name="Rotter", given_name="Ida")
        photo = Photos(ws).ingest(
            admin, synthetic_jpeg(7), CaptureContext(patient_id=patient.id), source_name="a.jpg"
        )
    finally:
        lock(ws, admin, logged_out=True)
    return made_vault.folder, photo.photo.id


def _photo_opens(folder: Path, photo_id: str) -> None:
    ws, admin = log_in(Vault.open(folder), LOGIN, PASSWORD)
    try:
        decodes(Photos(ws).image(admin, photo_id, ImageSize.ORIGINAL))
        report = verify_vault(ws)
        assert report.ok, report.faults
    finally:
        lock(ws, admin, logged_out=True)


def test_rotate_key_from_the_command_line(
    cli: CliRunner, practice: tuple[Path, str], made_vault: MadeVault, tmp_path: Path
) -> None:
    folder, photo = practice
    before = tmp_path / "vault.json.before"
    shutil.copy2(folder / "vault.json", before)
    old_db_key = _db_key(folder)

    done = cli(
        "vault", "rotate-key", "--vault", folder, "--user", LOGIN, "--password-stdin", stdin=PW
    )
    assert done.code == 0, done.output
    assert "NEW RECOVERY KEY" in done.stdout and SECOND_LOGIN in done.stdout
    key_line = done.stdout.split("shown only this once.")[1].strip().splitlines()[:2]
    new_recovery = "-".join("".join(key_line).split())
    assert len(new_recovery.replace("-", "")) == 36

    # The images and the trail are intact under the new keys; the database key changed.
    _photo_opens(folder, photo)
    assert _db_key(folder) != old_db_key
    with pytest.raises(VaultDamaged):
        database.open_engine(folder / "vault.db", old_db_key)

    # The rotation is audited (no names, a count of passwords to reset).
    ws, admin = log_in(Vault.open(folder), LOGIN, PASSWORD)
    try:
        [event] = AuditLog(ws).query(admin, AuditFilter(event_type="SECURITY_SETTING_CHANGED"))
    finally:
        lock(ws, admin, logged_out=True)
    assert event.details["setting"] == "key rotation" and event.outcome == "success"
    assert event.details["passwords_to_reset"] == 1

    # An old vault.json copied back: the old password unwraps the old key, which opens nothing.
    current = tmp_path / "vault.json.current"
    shutil.copy2(folder / "vault.json", current)
    shutil.copy2(before, folder / "vault.json")
    with pytest.raises(VaultDamaged, match="cannot be read with this vault's key"):
        Vault.open(folder).unlock(LOGIN, PASSWORD)
    with pytest.raises(VaultDamaged):
        Vault.open(folder).unlock_with_recovery_key(made_vault.recovery_key)
    shutil.copy2(current, folder / "vault.json")

    # The new recovery key opens it, the old one does not.
    with pytest.raises(WrongPassword):
        Vault.open(folder).unlock_with_recovery_key(made_vault.recovery_key)
    lock(log_in_with_recovery_key(Vault.open(folder), new_recovery), None)

    # The other clinician is told why, and an Admin's reset lets them in again.
    with pytest.raises(AccountDeactivated, match=r"keys were renewed.*new password"):
        Vault.open(folder).unlock(SECOND_LOGIN, SECOND_PASSWORD)
    reset = cli(
        "user", "reset-password", "--vault", folder, "--user", LOGIN, "--password-stdin",
        "--login", SECOND_LOGIN, stdin=PW + "Neue-Zeder-Mosaik-84\n",
    )  # fmt: skip
    assert reset.code == 0, reset.output
    ws, kaya = log_in(Vault.open(folder), SECOND_LOGIN, "Neue-Zeder-Mosaik-84")
    lock(ws, kaya, logged_out=True)


def _db_key(folder: Path) -> bytes:
    vault = Vault.open(folder)
    vault.unlock(LOGIN, PASSWORD)
    try:
        return vault.keys.database
    finally:
        vault.lock()


def test_deactivating_a_clinician_suggests_renewing_the_keys(
    cli: CliRunner, practice: tuple[Path, str]
) -> None:
    folder, _photo = practice
    done = cli(
        "user", "deactivate", "--vault", folder, "--user", LOGIN, "--password-stdin",
        "--login", SECOND_LOGIN, stdin=PW,
    )  # fmt: skip
    assert done.code == 0, done.output
    assert "pixiodoc vault rotate-key" in done.stdout


def _refused_audit(folder: Path) -> list[str]:
    ws, admin = log_in(Vault.open(folder), LOGIN, PASSWORD)
    try:
        rows = AuditLog(ws).query(admin, AuditFilter(event_type="SECURITY_SETTING_CHANGED"))
    finally:
        lock(ws, admin, logged_out=True)
    return [r.outcome for r in rows if r.details.get("setting") == "key rotation"]


def test_refusals_are_typed_audited_and_change_nothing(practice: tuple[Path, str]) -> None:
    folder, photo = practice
    header = (folder / "vault.json").read_bytes()
    ws, admin = log_in(Vault.open(folder), LOGIN, PASSWORD)
    try:
        with pytest.raises(WrongPassword):
            rotate_workspace_key(ws, admin, "not-my-password")
        other = Vault.open(folder)  # a second window on the same vault
        other.unlock(LOGIN, PASSWORD)
        try:
            with pytest.raises(VaultBusy, match="close it first"):
                rotate_workspace_key(ws, admin, PASSWORD)
        finally:
            other.lock()
        with ws.vault.write_session() as session, session.begin():
            session.add(Setting(key="sync.bucket", value="praxis"))
        with pytest.raises(KeyRotationRefused, match="syncs with other workstations"):
            rotate_workspace_key(ws, admin, PASSWORD)
        with ws.vault.write_session() as session, session.begin():
            session.delete(session.get(Setting, "sync.bucket"))
    finally:
        lock(ws, admin, logged_out=True)
    ws, kaya = log_in(Vault.open(folder), SECOND_LOGIN, SECOND_PASSWORD)
    try:
        with pytest.raises(PermissionDenied, match="Only a practice Admin"):
            rotate_workspace_key(ws, kaya, SECOND_PASSWORD)
    finally:
        lock(ws, kaya, logged_out=True)
    assert (
        json.loads((folder / "vault.json").read_bytes())["clinicians"]
        == json.loads(header)["clinicians"]
    )
    assert not (folder / rekey.ROTATED_DB).exists()
    assert _refused_audit(folder) == ["failure", "failure", "failure", "denied"]
    _photo_opens(folder, photo)


def test_a_broken_audit_trail_is_not_resealed(practice: tuple[Path, str]) -> None:
    folder, _photo = practice
    vault = Vault.open(folder)
    vault.unlock(LOGIN, PASSWORD)
    with vault.write_engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_events SET details = '{\"forged\": 1}' WHERE seq = 2")
    vault.lock()
    ws, admin = log_in(Vault.open(folder), LOGIN, PASSWORD)
    try:
        with pytest.raises(KeyRotationRefused, match="audit trail has faults"):
            rotate_workspace_key(ws, admin, PASSWORD)
    finally:
        lock(ws, admin, logged_out=True)


@pytest.mark.parametrize("crash", ["before the header", "after the header"])
def test_a_crash_leaves_one_set_of_keys_or_the_other(
    practice: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, crash: str
) -> None:
    folder, photo = practice

    class Crash(Exception):
        pass

    def boom(*_args: object) -> None:
        raise Crash

    ws, admin = log_in(Vault.open(folder), LOGIN, PASSWORD)
    if crash == "before the header":
        monkeypatch.setattr("pixiodoc_desktop.vault.header_keeping.write_header", boom)
    else:
        monkeypatch.setattr(rekey, "swap_in", boom)
    with pytest.raises(Crash):
        rotate_workspace_key(ws, admin, PASSWORD)
    ws.vault.lock()  # the process dies here: no clean logout
    monkeypatch.undo()
    assert (folder / rekey.ROTATED_DB).exists() == (crash == "after the header")

    # The next unlock finishes (or drops) the rotation; either way everything opens.
    _photo_opens(folder, photo)
    assert not (folder / rekey.ROTATED_DB).exists()
    renewed = crash == "after the header"
    if renewed:
        with pytest.raises(AccountDeactivated):
            Vault.open(folder).unlock(SECOND_LOGIN, SECOND_PASSWORD)
    else:
        Vault.open(folder).unlock(SECOND_LOGIN, SECOND_PASSWORD)


def test_a_rotated_vault_still_names_new_images_as_before(practice: tuple[Path, str]) -> None:
    """The image-id key is carried over: the same picture imported again is the same object."""
    folder, _photo = practice
    ws, admin = log_in(Vault.open(folder), LOGIN, PASSWORD)
    try:
        before = ws.vault.keys.blob_id
        rotate_workspace_key(ws, admin, PASSWORD)
        assert ws.vault.keys.blob_id == before
        add_clinician(ws, "dr.neu", "Birke-Kiesel-Ufer-55")  # wrapped under the new key
    finally:
        lock(ws, admin, logged_out=True)
    vault = Vault.open(folder)
    vault.unlock("dr.neu", "Birke-Kiesel-Ufer-55")
    try:
        assert vault.keys.blob_id == before
        with vault.read_session() as session:
            assert session.scalar(select(Setting.value).where(Setting.key == "device_id"))
    finally:
        vault.lock()
