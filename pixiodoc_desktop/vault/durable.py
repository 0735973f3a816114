"""Durable file writes: temp name in the same folder, fsync, rename, fsync
the folder. After a crash a file is either wholly old or wholly new."""

from __future__ import annotations

import os
import threading
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # no directory handles to fsync; NTFS journals the rename
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class FolderSync:
    """Folders whose new entries must reach the disk before a batch's rows commit.

    Group commit: writers of a batch rename their fsynced files into place and
    `add` the folder; `sync` fsyncs each folder once for the whole batch instead
    of once per file. `add` must come after the rename it covers. Thread-safe.
    """

    def __init__(self) -> None:
        self._folders: set[Path] = set()
        self._lock = threading.Lock()

    def add(self, folder: Path) -> None:
        with self._lock:
            self._folders.add(folder)

    def sync(self) -> int:
        """Fsync every folder added so far; returns how many there were."""
        with self._lock:
            folders, self._folders = self._folders, set()
        for folder in sorted(folders):
            fsync_folder(folder)
        return len(folders)


PRIVATE_MODE = 0o600  # the vault's files and every export with patient data


def temp_name_for(path: Path) -> Path:
    import secrets  # with OpenSSL's libcrypto: not before the unlock screen's paint

    return path.with_name(f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")


def write_atomically(path: Path, data: bytes | list[bytes], *, private: bool = False) -> None:
    """Write `data` (one buffer or a list of chunks) to `path` durably.

    `private` creates the file 0600 (the vault's own files); otherwise the
    umask decides, as for any document a clinician saves for others to read.
    """
    temp = temp_name_for(path)
    chunks = [data] if isinstance(data, bytes) else data
    mode = PRIVATE_MODE if private else 0o666
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)
