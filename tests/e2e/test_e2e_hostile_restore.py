"""`pixiodoc vault restore` that fails leaves nothing behind, and a bad backup gets one clear line.

A wrong password or another clinic's recovery key used to leave the restored
folder in place, so the retry said "not empty"; a backup whose manifest is
not JSON, or names no integer format, ended as "an unexpected error".
"""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest
from vault_support import LOGIN, PASSWORD, CliRunner, create_vault, new_vault

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.safekeeping.backup import MANIFEST, create_backup, restore_backup
from pixiodoc_desktop.errors import BackupError
from pixiodoc_desktop.vault.vault import Vault

PW = PASSWORD + "\n"


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    made = create_vault(tmp_path / "vault")
    ws, actor = log_in(Vault.open(made.folder), made.login, made.password)
    try:
        return create_backup(ws, actor, tmp_path / "backup.pxb").path
    finally:
        lock(ws, actor)


def test_a_failed_restore_leaves_nothing_and_the_retry_works(
    cli: CliRunner, backup: Path, tmp_path: Path
) -> None:
    restored = tmp_path / "restored"
    as_admin = ("--vault", restored, "--user", LOGIN, "--password-stdin")
    wrong = cli("vault", "restore", backup, *as_admin, stdin="Not-the-password-1\n")
    assert wrong.code == 1
    assert f"Wrong password for {LOGIN}" in wrong.stderr
    assert "The restore was undone" in wrong.stderr
    assert not restored.exists()
    assert [p.name for p in tmp_path.iterdir() if "restor" in p.name] == []  # no staging left

    foreign_key = new_vault(tmp_path / "elsewhere").recovery_key
    other = cli("vault", "restore", backup, "--vault", restored, "--recovery-key-stdin",
                stdin=foreign_key + "\n")  # fmt: skip
    assert other.code == 1 and "does not belong to this vault" in other.stderr
    assert not restored.exists()

    empty = tmp_path / "empty"
    empty.mkdir()
    wrong = cli("vault", "restore", backup, "--vault", empty, "--user", LOGIN,
                "--password-stdin", stdin="Not-the-password-2\n")  # fmt: skip
    assert wrong.code == 1 and empty.is_dir() and not any(empty.iterdir())

    retry = cli("vault", "restore", backup, *as_admin, stdin=PW)
    assert retry.code == 0, retry.output
    assert "OK:" in retry.stdout


def _with_manifest(backup: Path, manifest: bytes, target: Path) -> Path:
    with tarfile.open(backup, "r:") as source, tarfile.open(target, "w:") as out:
        for member in source.getmembers():
            if member.name == MANIFEST:
                member.size = len(manifest)
                out.addfile(member, io.BytesIO(manifest))
            else:
                out.addfile(member, source.extractfile(member) if member.isfile() else None)
    return target


@pytest.mark.parametrize(
    ("manifest", "reason"),
    [
        (b"{not json", "its manifest is unreadable"),
        (b'{"format": "eins"}', "its manifest names no backup format"),
        (b'{"format": true}', "its manifest names no backup format"),
        (b"[1, 2]", "its manifest names no backup format"),
    ],
)
def test_a_backup_with_a_bad_manifest_is_named(
    backup: Path, tmp_path: Path, manifest: bytes, reason: str
) -> None:
    bad = _with_manifest(backup, manifest, tmp_path / "bad.pxb")
    restored = tmp_path / "restored"
    with pytest.raises(BackupError) as caught:
        restore_backup(bad, restored)
    assert caught.value.message == f"bad.pxb is damaged ({reason})"
    assert not restored.exists()
    assert [p.name for p in tmp_path.iterdir() if "restor" in p.name] == []


def test_the_command_line_names_a_bad_manifest(
    cli: CliRunner, backup: Path, tmp_path: Path
) -> None:
    bad = _with_manifest(backup, b'{"format": "eins"}', tmp_path / "bad.pxb")
    result = cli("vault", "restore", bad, "--vault", tmp_path / "restored", "--user", LOGIN,
                 "--password-stdin", stdin=PW)  # fmt: skip
    assert result.code == 1
    assert result.stderr.strip() == (
        "pixiodoc: bad.pxb is damaged (its manifest names no backup format)"
    )
