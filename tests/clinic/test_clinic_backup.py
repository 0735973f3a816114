"""Backup and restore: a consistent, still-encrypted snapshot that restores and verifies."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest
from vault_support import LOGIN, PASSWORD, MadeVault, plaintext_findings, synthetic_jpeg

from pixiodoc_desktop.clinic.access.login import lock, log_in, log_in_with_recovery_key
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize
from pixiodoc_desktop.clinic.safekeeping.backup import create_backup, restore_backup
from pixiodoc_desktop.clinic.safekeeping.verify import verify_vault
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import BackupError, InvalidInput
from pixiodoc_desktop.vault.vault import Vault

NAMES = ("Quellmalz", "Ybarra-Lindqvist")


@pytest.fixture
def backup_file(services: ClinicServices, actor: Actor, tmp_path: Path) -> Path:
    for index, name in enumerate(NAMES):
        patient = services.patients.create(actor, family_name=name, given_name="Test")
        for shot in range(2):
            services.photos.ingest(
                actor,
                synthetic_jpeg(300 + 10 * index + shot),
                CaptureContext(patient_id=patient.id),
                source_name=f"{name}_{shot}.jpg",
            )
    target = tmp_path / "backups" / "praxis.pxbackup"
    target.parent.mkdir()
    summary = create_backup(services.workstation, actor, target)
    assert summary.path == target and summary.objects == 12
    assert summary.bytes_written == target.stat().st_size
    return target


def _images(services: ClinicServices, actor: Actor) -> dict[str, bytes]:
    out = {}
    for patient in services.patients.search(actor, "", audited=False):
        for photo in services.photos.list(actor, patient.id):
            out[photo.id] = services.photos.image(
                actor, photo.id, ImageSize.ORIGINAL, audited=False
            )
    return out


def test_round_trip(
    services: ClinicServices, actor: Actor, backup_file: Path, tmp_path: Path
) -> None:
    before = _images(services, actor)
    restored = restore_backup(backup_file, tmp_path / "restored")
    assert sorted(p.name for p in restored.iterdir()) == ["blobs", "vault.db", "vault.json"]
    # The staging folder became the vault: it only ever held the encrypted members.
    assert plaintext_findings([restored], [*NAMES, "Test"]) == []
    assert [p.name for p in tmp_path.iterdir() if ".restoring-" in p.name] == []
    vault = Vault.open(restored)
    ws, restored_actor = log_in(vault, LOGIN, PASSWORD)
    try:
        assert verify_vault(ws).ok
        again = ClinicServices.for_workstation(ws)
        assert {p.family_name for p in again.patients.search(restored_actor, "")} == set(NAMES)
        assert _images(again, restored_actor) == before
    finally:
        lock(ws, restored_actor)


def test_backup_is_still_encrypted(backup_file: Path, tmp_path: Path) -> None:
    assert plaintext_findings([backup_file.parent], [*NAMES, "Test"]) == []
    with tarfile.open(backup_file) as tar:
        names = tar.getnames()
    assert "vault.json" in names and "vault.db" in names
    assert sum(n.startswith("blobs/") for n in names) == 12


def test_restore_with_the_recovery_key(
    made_vault: MadeVault, backup_file: Path, tmp_path: Path
) -> None:
    restored = restore_backup(backup_file, tmp_path / "restored")
    vault = Vault.open(restored)
    ws = log_in_with_recovery_key(vault, made_vault.recovery_key)
    try:
        assert verify_vault(ws).ok
    finally:
        lock(ws, None)


def test_restore_refuses_a_folder_that_is_not_empty(backup_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "occupied"
    target.mkdir()
    (target / "important.docx").write_bytes(b"keep me")
    with pytest.raises(InvalidInput, match="not empty"):
        restore_backup(backup_file, target)
    assert [p.name for p in target.iterdir()] == ["important.docx"]


def _tar(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, data in entries.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


@pytest.mark.parametrize(
    "kind", ["truncated", "random", "empty", "foreign-tar", "escaping-path", "newer-format"]
)
def test_restore_refuses_damaged_or_foreign_files(
    backup_file: Path, tmp_path: Path, kind: str
) -> None:
    good = backup_file.read_bytes()
    manifest = json.dumps({"format": 1, "vault_id": "x", "objects": 0}).encode()
    content = {
        "truncated": good[: len(good) // 2],
        "random": bytes(range(256)) * 40,
        "empty": b"",
        "foreign-tar": _tar({"holiday/beach.jpg": b"\xff\xd8\xff"}),
        "escaping-path": _tar(
            {
                "pixiodoc-backup.json": manifest,
                "vault.json": b"{}",
                "vault.db": b"",
                "blobs/../../evil.txt": b"x",
            }
        ),
        "newer-format": _tar(
            {
                "pixiodoc-backup.json": json.dumps({"format": 99}).encode(),
                "vault.json": b"{}",
                "vault.db": b"",
            }
        ),
    }[kind]
    source = tmp_path / f"{kind}.pxbackup"
    source.write_bytes(content)
    parent = tmp_path / "restores"
    parent.mkdir()
    with pytest.raises(BackupError, match=source.name):
        restore_backup(source, parent / "new-vault")
    assert list(parent.iterdir()) == [], "nothing half-restored may remain"
    assert not (tmp_path / "evil.txt").exists()


def test_missing_backup_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no backup file"):
        restore_backup(tmp_path / "nope.pxbackup", tmp_path / "new")


def test_backup_target_must_be_a_file_outside_the_vault(
    services: ClinicServices, actor: Actor, tmp_path: Path
) -> None:
    ws = services.workstation
    with pytest.raises(InvalidInput, match="outside the vault"):
        create_backup(ws, actor, ws.vault.folder / "backup.tar")
    with pytest.raises(InvalidInput, match="folder"):
        create_backup(ws, actor, tmp_path)
    with pytest.raises(InvalidInput, match="does not exist"):
        create_backup(ws, actor, tmp_path / "no" / "such" / "backup.tar")
