"""A new vault folder: the checks before it is made and what its first header holds.

`Vault.create` (a new clinic) and `Vault.adopt` (another workstation of a
clinic, by sync) both start here: the folder must be new or empty, and the
database gets the clinic's name and a device id of its own.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from sqlalchemy.orm import Session

from pixiodoc_desktop.errors import InvalidInput, VaultExists
from pixiodoc_desktop.vault import database, keys, passwords, private
from pixiodoc_desktop.vault.credentials import check_login, recovery_aad
from pixiodoc_desktop.vault.header import HEADER_NAME, VaultHeader, WrappedKey
from pixiodoc_desktop.vault.schema import Setting

log = logging.getLogger(__name__)


def check_founder(clinic_name: str, admin_login: str, admin_name: str, password: str) -> str:
    """The first Admin's login, cleaned, once the clinic, the names and the password pass."""
    admin_login = check_login(admin_login)
    if not clinic_name.strip():
        raise InvalidInput("The clinic needs a name (it appears on reports)")
    if not admin_name.strip():
        raise InvalidInput("The first Admin needs a display name")
    passwords.require_strong(password, personal=(admin_login, admin_name, clinic_name))
    return admin_login


def make_vault_folder(folder: Path) -> None:
    """Make `folder` (private to its owner), refusing one that holds a vault or anything."""
    check_vault_folder(folder)
    private.make_folder(folder)


def check_vault_folder(folder: Path) -> None:
    """Refuse (VaultExists) a folder that holds a vault or anything but hidden files."""
    if (folder / HEADER_NAME).exists() or (folder / database.DB_NAME).exists():
        raise VaultExists(f"There is already a vault at {folder}; choose an empty folder.")
    if folder.exists() and not folder.is_dir():
        raise VaultExists(f"{folder} is a file, not a folder; choose an empty or new folder.")
    if folder.exists() and any(p for p in folder.iterdir() if not p.name.startswith(".")):
        raise VaultExists(f"{folder} is not empty; choose an empty or new folder.")


@contextlib.contextmanager
def removed_on_failure(folder: Path) -> Iterator[None]:
    """What the block makes in `folder` goes again if it fails: the folder itself when it
    did not exist, else the entries it added (an empty folder made for it stays). The
    block's error is the one raised; a removal that fails is logged by its kind only."""
    folder = folder.expanduser().resolve()
    existed = set(folder.iterdir()) if folder.is_dir() else None
    try:
        yield
    except BaseException:
        try:
            if existed is None:
                if folder.exists():
                    shutil.rmtree(folder)
            else:
                for path in folder.iterdir():
                    if path in existed:
                        continue
                    if path.is_dir() and not path.is_symlink():
                        shutil.rmtree(path)
                    else:
                        path.unlink()
        except OSError as exc:
            log.warning("What a failed step made could not be removed: %s", type(exc).__name__)
        raise


def new_header(workspace_key: bytes) -> tuple[VaultHeader, str]:
    """A new vault's header with WK wrapped under a new recovery key (returned, shown once)."""
    recovery_key = keys.new_recovery_key()
    recovery_salt = secrets.token_bytes(keys.SALT_BYTES)
    header = VaultHeader.new(WrappedKey(recovery_salt, b"", None))
    recovery = WrappedKey(
        recovery_salt,
        keys.wrap(
            keys.recovery_wrapping_key(recovery_key, recovery_salt),
            workspace_key,
            aad=recovery_aad(header),
        ),
        None,
    )
    return replace(header, recovery=recovery), recovery_key


def seed_settings(session: Session, clinic_name: str) -> None:
    """The clinic's name and this workstation's own device id."""
    session.add(Setting(key="clinic_name", value=clinic_name))
    session.add(Setting(key="device_id", value=str(uuid.uuid4())))
