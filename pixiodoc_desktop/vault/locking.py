"""A folder-wide advisory lock that keeps the orphan sweep away from live writers.

Every process that writes blobs holds the lock shared while it writes an
object and commits the row naming it; the sweep at unlock takes it exclusive
without waiting and skips its work when another process is mid-write.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = ".writers.lock"

if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _lock(handle: int, exclusive: bool, wait: bool) -> bool:
        mode = msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK
        try:
            msvcrt.locking(handle, mode, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: int) -> None:
        msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: int, exclusive: bool, wait: bool) -> bool:
        flags = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        if not wait:
            flags |= fcntl.LOCK_NB
        try:
            fcntl.flock(handle, flags)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)


def lock_handle(handle: int, *, exclusive: bool, wait: bool) -> bool:
    """Lock an open file (for vault/in_use.py); False when it is held and `wait` is off."""
    return _lock(handle, exclusive, wait)


def unlock_handle(handle: int) -> None:
    _unlock(handle)


@contextlib.contextmanager
def writing(folder: Path) -> Iterator[None]:
    """Held (shared) around writing blobs and committing their rows."""
    handle = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _lock(handle, exclusive=False, wait=True)
        try:
            yield
        finally:
            _unlock(handle)
    finally:
        os.close(handle)


@contextlib.contextmanager
def sweeping(folder: Path) -> Iterator[bool]:
    """Yields True when no writer is active and the sweep may delete orphans."""
    handle = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        got = _lock(handle, exclusive=True, wait=False)
        try:
            yield got
        finally:
            if got:
                _unlock(handle)
    finally:
        os.close(handle)


SESSIONS_DIR = ".sessions"


class LiveSession:
    """A marker file held locked for as long as this process has the vault unlocked.

    The operating system releases the lock when the process dies, however it
    dies, so a marker that can be locked by someone else belongs to a session
    that ended without locking the vault: a crash, after which the next unlock
    sweeps orphans. A clean lock removes the marker.
    """

    def __init__(self, folder: Path) -> None:
        directory = folder / SESSIONS_DIR
        directory.mkdir(mode=0o700, exist_ok=True)
        self.path = directory / f"{os.getpid()}-{os.urandom(6).hex()}.lock"
        self._handle: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        _lock(self._handle, exclusive=True, wait=True)

    def close(self) -> None:
        if self._handle is None:
            return
        _unlock(self._handle)
        os.close(self._handle)
        self._handle = None
        self.path.unlink(missing_ok=True)


def crashed_sessions(folder: Path, *, own: Path | None = None) -> list[Path]:
    """Markers of sessions that ended without a clean lock (their lock is free)."""
    directory = folder / SESSIONS_DIR
    stale: list[Path] = []
    if not directory.is_dir():
        return stale
    for entry in os.scandir(directory):
        path = Path(entry.path)
        if path == own or not entry.name.endswith(".lock"):
            continue
        try:
            handle = os.open(path, os.O_RDWR)
        except FileNotFoundError:
            continue
        try:
            if _lock(handle, exclusive=True, wait=False):
                _unlock(handle)
                stale.append(path)
        finally:
            os.close(handle)
    return stale
