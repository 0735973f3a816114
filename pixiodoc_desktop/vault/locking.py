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
