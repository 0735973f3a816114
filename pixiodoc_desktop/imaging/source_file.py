"""Reading a picture file someone pointed PixioDoc at, without trusting what it is.

A name ending in `.jpg` can be a FIFO (reading it waits forever for a
writer), a device such as /dev/zero (reading it never ends) or a directory.
The file is opened without blocking and checked on the open handle (so it
cannot be swapped between the check and the read), and at most the size
limit plus one byte is read, so a file that grows while it is read cannot
exhaust memory either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pixiodoc_desktop.errors import ImageTooLarge, IngestError, InvalidInput

# Not on Windows, where a named pipe is not a path an importer can meet by accident.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_CHUNK = 1024 * 1024


def megabytes(count: int) -> str:
    """A size as a clinician reads it: 1.5 MB, 300 MB."""
    value = f"{count / (1024 * 1024):.1f}".removesuffix(".0")
    return f"{value} MB"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def refuse_unless_regular(mode: int, name: str) -> None:
    """IngestError unless `mode` (from a stat) is a regular file's."""
    if not stat.S_ISREG(mode):
        msg = f"{name} is not a picture file ({_kind(mode)}); only regular files can be imported"
        raise IngestError(msg)


def too_large(name: str, size: int, limit: int) -> ImageTooLarge:
    msg = f"{name} is too large: {megabytes(size)} (limit {megabytes(limit)})"
    return ImageTooLarge(msg)


def read_source_file(path: Path, *, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or a typed error naming it."""
    name = path.name
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except FileNotFoundError:
        raise InvalidInput(f"{name} does not exist") from None
    except OSError as exc:
        raise InvalidInput(f"{name} cannot be read: {exc.strerror}") from None
    with os.fdopen(fd, "rb", buffering=0) as handle:
        info = os.fstat(handle.fileno())
        refuse_unless_regular(info.st_mode, name)
        if info.st_size > limit:
            raise too_large(name, info.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        try:
            while chunk := handle.read(min(_CHUNK, limit + 1 - total)):
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:
                    raise too_large(name, total, limit)
        except OSError as exc:
            raise InvalidInput(f"{name} cannot be read: {exc.strerror}") from None
    return b"".join(chunks)
