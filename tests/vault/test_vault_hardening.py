"""A vault made and used through the command line is its owner's alone (0600 files, 0700
folders); Argon2 settings outside a floor and a cap in vault.json are refused as an
altered vault.json, before any key derivation runs; deleting unlock-attempts.json does not
reset the growing delay and is audited."""

from __future__ import annotations

import json
import os
import stat
import types
from pathlib import Path

import pytest
from sqlalchemy import select
from vault_support import LOGIN, PASSWORD, CliRunner, MadeVault, new_vault, synthetic_jpeg

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.errors import HeaderAltered, WrongPassword
from pixiodoc_desktop.vault import throttle
from pixiodoc_desktop.vault.keys import KDF_CAP, KDF_FLOOR
from pixiodoc_desktop.vault.schema import AuditEvent
from pixiodoc_desktop.vault.throttle import FREE_ATTEMPTS, MAX_DELAY_S
from pixiodoc_desktop.vault.vault import Vault

PW = PASSWORD + "\n"


def _loose_entries(folder: Path) -> list[str]:
    """Every file or folder under `folder` (itself included) that others may read or enter."""
    loose = []
    for path in [folder, *folder.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        wanted = 0o700 if path.is_dir() else 0o600
        if mode & 0o077 or (path.is_dir() and mode != wanted):
            loose.append(f"{path.relative_to(folder.parent)} {oct(mode)}")
    return loose


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes; Windows gets an icacls ACL instead")
def test_a_vault_made_and_used_is_private(cli: CliRunner, tmp_path: Path) -> None:
    old_umask = os.umask(0o022)  # the usual desktop umask, which would give 0644 and 0755
    try:
        folder = tmp_path / "Praxis" / "vault"
        made = new_vault(folder)
        ws, admin = log_in(Vault.open(folder), LOGIN, PASSWORD)
        try:
            patient = Patients(ws).create(admin, family_name="Modus", given_name="Mara").id
        finally:
            lock(ws, admin, logged_out=True)
        picture = tmp_path / "arm.jpg"
        picture.write_bytes(synthetic_jpeg(3))
        imported = cli(
            "import", "--vault", folder, "--user", LOGIN, "--password-stdin",
            "--patient", patient, picture, stdin=PW,
        )  # fmt: skip
        assert imported.code == 0, imported.output
        with pytest.raises(WrongPassword):
            Vault.open(made.folder).unlock(LOGIN, "not-the-password")
    finally:
        os.umask(old_umask)
    names = {p.name for p in folder.iterdir()}
    assert {"vault.json", "vault.db", "blobs", "unlock-attempts.json"} <= names, names
    assert any(p.is_file() for p in (folder / "blobs").rglob("*"))
    assert _loose_entries(tmp_path / "Praxis") == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_an_older_world_readable_vault_is_narrowed_at_unlock(made_vault: MadeVault) -> None:
    folder = made_vault.folder
    folder.chmod(0o755)
    for name in ("vault.json", "vault.db"):
        (folder / name).chmod(0o644)
    vault = Vault.open(folder)
    vault.unlock(LOGIN, PASSWORD)
    vault.lock()
    for name in ("vault.json", "vault.db"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def _set_kdf(folder: Path, **values: int) -> None:
    header = folder / "vault.json"
    data = json.loads(header.read_text("utf-8"))
    for clinician in data["clinicians"]:
        clinician["kdf"].update(values)
    header.write_text(json.dumps(data, indent=2), "utf-8")


@pytest.mark.parametrize(
    "values",
    [
        # Raised to what Argon2 allows: one unlock would take minutes and gigabytes.
        {"memory_kib": 4 * 1024 * 1024, "iterations": 64},
        {"memory_kib": KDF_CAP.memory_kib + 1024},
        {"iterations": KDF_CAP.iterations + 1},
        {"lanes": KDF_CAP.lanes + 1},
        # Lowered below OWASP's floor: cheap guessing for whoever wrote it.
        {"memory_kib": 8, "iterations": 1},
        {"memory_kib": KDF_FLOOR.memory_kib - 1},
    ],
)
def test_kdf_settings_outside_floor_and_cap_mean_an_altered_vault_json(
    made_vault: MadeVault, values: dict[str, int]
) -> None:
    _set_kdf(made_vault.folder, **values)
    with pytest.raises(HeaderAltered, match=r"^vault\.json was altered: its key derivation"):
        Vault.open(made_vault.folder)


def test_the_command_line_says_altered_not_wrong_password(
    cli: CliRunner, made_vault: MadeVault
) -> None:
    _set_kdf(made_vault.folder, memory_kib=8, iterations=1)
    done = cli(
        "patient", "list", "--vault", made_vault.folder, "--user", LOGIN, "--password-stdin",
        stdin=PW,
    )  # fmt: skip
    assert done.code == 1, done.output
    assert "vault.json was altered" in done.stderr
    assert "Wrong password" not in done.output and "Traceback" not in done.output


def test_deleting_the_attempts_file_resets_nothing_and_is_audited(
    vault: Vault, made_vault: MadeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [1_800_000_000.0]
    monkeypatch.setattr(throttle, "time", types.SimpleNamespace(time=lambda: now[0]))
    wait = 0.0
    for attempt in range(FREE_ATTEMPTS + 2):
        now[0] += wait + 0.01  # each guess as soon as the delay allows
        with pytest.raises(WrongPassword) as caught:
            vault.unlock(LOGIN, f"Wrong-Guess-{attempt}")
        wait = caught.value.retry_after
    assert wait > 0
    counter = made_vault.folder / throttle.THROTTLE_NAME
    counter.unlink()  # what someone at the keyboard would do to guess on at once
    with pytest.raises(WrongPassword, match="Too many wrong passwords"):
        Vault.open(made_vault.folder).unlock(LOGIN, PASSWORD)
    now[0] += MAX_DELAY_S
    ws, admin = log_in(Vault.open(made_vault.folder), LOGIN, PASSWORD)
    try:
        with ws.read_session() as session:
            events = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
    finally:
        lock(ws, admin)
    kinds = [(e.event_type, e.details.get("alert")) for e in events]
    assert ("SECURITY_ALERT", "unlock attempts file removed or replaced") in kinds, kinds
    [failed] = [e for e in events if e.event_type == "LOGIN_FAILED"]
    assert failed.details["attempts"] == FREE_ATTEMPTS + 2
    # The counters are gone from both places once they are audited.
    assert "unlock_attempts" not in json.loads((made_vault.folder / "vault.json").read_bytes())
