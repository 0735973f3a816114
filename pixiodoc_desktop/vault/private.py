"""A vault's files are its owner's alone: 0600 files and 0700 folders on POSIX.

Everything in a vault is encrypted, but the header, the database and the
image objects still reveal sizes, counts and times, and a readable file is
one another local account can copy for offline guessing. Files are created
with the mode from the start (never widened, then narrowed), the database
file exists before SQLite opens it (its -wal and -shm copy its mode), and an
unlock narrows the top of a vault an older PixioDoc made world-readable.

On Windows the modes mean little; there the vault folder's ACL is cut to the
current user (and SYSTEM, which backup software needs) with `icacls`, which
the code calls but no test here can run.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
import os
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def make_folder(path: Path) -> None:
    """Create `path` (and missing parents) as a private folder; narrow it if it exists.

    Path.mkdir(parents=True) would give the parents the umask's mode, so each
    missing level is made here with the private one.
    """
    if not path.parent.exists():
        make_folder(path.parent)
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=FOLDER_MODE)
    narrow(path)


def create_file(path: Path) -> None:
    """Create `path` empty and private unless it exists (the database before SQLite opens it)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))


def open_new(path: Path) -> int:
    """A file descriptor of a new private file (fails if `path` exists)."""
    return os.open(
        path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE
    )


def narrow(path: Path) -> None:
    """Take group and other rights away from an existing file or folder (POSIX)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        status = path.stat()
        current = status.st_mode & 0o777
        if current & 0o077:
            path.chmod(current & ~0o077)


def restrict_vault_folder(folder: Path, names: tuple[str, ...]) -> None:
    """The vault folder and its top-level entries, private (an older vault may be 0755/0644)."""
    narrow(folder)
    for name in names:
        narrow(folder / name)
    if sys.platform == "win32":  # pragma: no cover - Windows only
        _restrict_acl(folder)


def _restrict_acl(folder: Path) -> None:  # pragma: no cover - Windows only
    """Drop inherited entries; full control for this user and SYSTEM only."""
    user = os.environ.get("USERNAME") or getpass.getuser()
    command = [
        "icacls",
        str(folder),
        "/inheritance:r",
        "/grant:r",
        f"{user}:(OI)(CI)F",
        "/grant:r",
        "*S-1-5-18:(OI)(CI)F",
    ]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("Could not restrict the vault folder's access list: %s", type(exc).__name__)
