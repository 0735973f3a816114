"""Durable file writes: temp name in the same folder, fsync, rename, fsync
the folder. After a crash a file is either wholly old or wholly new."""

from __future__ import annotations

import os
import secrets
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


def temp_name_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")


def write_atomically(path: Path, data: bytes | list[bytes]) -> None:
    """Write `data` (one buffer or a list of chunks) to `path` durably."""
    temp = temp_name_for(path)
    chunks = [data] if isinstance(data, bytes) else data
    try:
        with temp.open("xb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)
