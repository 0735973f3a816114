"""Consistent, still-encrypted backups of a whole vault, and restoring them.

A backup is one tar file: vault.json, a snapshot of the database made with
SQLite's online backup API (encrypted under the same key), and every image
object exactly as stored. Nothing in it is ever decrypted, so it is as safe
to keep on a USB disk or a NAS as the vault itself. Restore unpacks into a
new folder and refuses to overwrite anything.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import BackupError, InvalidInput
from pixiodoc_desktop.vault import database, locking
from pixiodoc_desktop.vault.durable import PRIVATE_MODE, fsync_folder, temp_name_for
from pixiodoc_desktop.vault.header import HEADER_NAME
from pixiodoc_desktop.vault.vault import BLOBS_DIR

MANIFEST = "pixiodoc-backup.json"
BACKUP_FORMAT = 1


@dataclass(frozen=True, slots=True)
class BackupSummary:
    path: Path
    objects: int
    bytes_written: int


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


def create_backup(ws: Workstation, actor: Actor | None, target: Path) -> BackupSummary:
    """Write a consistent snapshot of the vault to `target` (durably, atomically)."""
    vault = ws.vault
    target = target.expanduser().resolve()
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder; give a file name for the backup")
    if not target.parent.is_dir():
        raise InvalidInput(f"The folder {target.parent} does not exist")
    if target.is_relative_to(vault.folder):
        raise InvalidInput("Put the backup outside the vault folder (e.g. on another disk)")
    temp = temp_name_for(target)
    objects = 0
    try:
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=".pixiodoc-backup-") as scratch:
            snapshot = Path(scratch) / database.DB_NAME
            # Hold writers off so the snapshot and the object list agree.
            with locking.writing(vault.folder):
                with (
                    database.raw_connection(
                        vault.folder / database.DB_NAME, vault.keys.database
                    ) as src,
                    database.raw_connection(snapshot, vault.keys.database) as dst,
                ):
                    src.backup(dst)
                blob_ids = list(vault.blobs.ids())
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            with (
                os.fdopen(os.open(temp, flags, PRIVATE_MODE), "wb") as raw,
                tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar,
            ):
                manifest = {
                    "format": BACKUP_FORMAT,
                    "vault_id": vault.header.vault_id,
                    "objects": len(blob_ids),
                }
                _add_bytes(tar, MANIFEST, json.dumps(manifest).encode())
                tar.add(vault.folder / HEADER_NAME, arcname=HEADER_NAME)
                tar.add(snapshot, arcname=database.DB_NAME)
                for blob in blob_ids:
                    path = vault.blobs.path_for(blob)
                    if path.exists():
                        tar.add(path, arcname=f"{BLOBS_DIR}/{blob[:2]}/{blob}")
                        objects += 1
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        temp.replace(target)
        fsync_folder(target.parent)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise BackupError(
            f"The backup could not be written to {target}: {exc.strerror or exc}"
        ) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    ws.audit_alone(
        audit.EventDraft(
            audit.EventType.BACKUP_OR_RESTORE,
            actor.user_id if actor else None,
            details={"action": "backup", "objects": objects},
        )
    )
    return BackupSummary(target, objects, target.stat().st_size)


def _safe_member(member: tarfile.TarInfo) -> bool:
    name = PurePosixPath(member.name)
    if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
        return False
    return name.parts[0] in (MANIFEST, HEADER_NAME, database.DB_NAME, BLOBS_DIR)


def restore_backup(source: Path, folder: Path) -> Path:
    """Unpack a backup into a new vault folder (which must not exist or be empty).

    The caller then unlocks the restored vault and runs verify on it.
    """
    source = source.expanduser().resolve()
    folder = folder.expanduser().resolve()
    if not source.is_file():
        raise InvalidInput(f"There is no backup file at {source}")
    if folder.exists() and any(folder.iterdir()):
        raise InvalidInput(f"{folder} is not empty; restore into a new folder")
    folder.parent.mkdir(parents=True, exist_ok=True)
    # The staging folder sits beside the target (same file system, so the final
    # rename is atomic) and only ever holds the backup's members as they are:
    # vault.json, the SQLCipher file and encrypted image objects. Nothing is
    # decrypted here; a failed restore removes it.
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.restoring-"))
    try:
        try:
            with tarfile.open(source, "r:") as tar:
                members = tar.getmembers()
                names = {m.name for m in members}
                if (
                    MANIFEST not in names
                    or HEADER_NAME not in names
                    or database.DB_NAME not in names
                ):
                    raise BackupError(f"{source.name} is not a PixioDoc backup (parts are missing)")
                for member in members:
                    if not _safe_member(member):
                        raise BackupError(
                            f"{source.name} contains an unexpected entry; refusing to restore it"
                        )
                tar.extractall(staging, filter="data")
        except (tarfile.TarError, EOFError, OSError) as exc:
            raise BackupError(f"{source.name} is damaged or not a PixioDoc backup") from exc
        try:
            manifest = json.loads((staging / MANIFEST).read_text("utf-8"))
        except (ValueError, OSError):
            raise BackupError(f"{source.name} is damaged (its manifest is unreadable)") from None
        version = manifest.get("format") if isinstance(manifest, dict) else None
        if isinstance(version, bool) or not isinstance(version, int):
            raise BackupError(f"{source.name} is damaged (its manifest names no backup format)")
        if version > BACKUP_FORMAT:
            raise BackupError(f"{source.name} was made by a newer PixioDoc; update to restore it")
        (staging / MANIFEST).unlink()
        if folder.exists():
            folder.rmdir()
        staging.replace(folder)
        fsync_folder(folder.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


def audit_restore(ws: Workstation, actor: Actor | None, source: Path) -> None:
    ws.audit_alone(
        audit.EventDraft(
            audit.EventType.BACKUP_OR_RESTORE,
            actor.user_id if actor else None,
            details={"action": "restore", "file": source.name},
        )
    )
