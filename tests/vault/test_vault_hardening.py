"""A vault made and used through the command line is its owner's alone (0600 files, 0700
folders), and Argon2 settings outside a floor and a cap in vault.json are refused as an
altered vault.json, before any key derivation runs."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from vault_support import LOGIN, PASSWORD, CliRunner, MadeVault, new_vault, synthetic_jpeg

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.errors import HeaderAltered, WrongPassword
from pixiodoc_desktop.vault.keys import KDF_CAP, KDF_FLOOR
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
