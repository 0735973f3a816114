"""One PixioDoc window per vault: an OS lock in the vault folder, held while it is open.

Two windows on one vault would be two writers on one SQLCipher database and one
blob folder, each with its own idea of the open record. A window holds
`.in-use.lock` exclusively from opening the vault until it quits; a command
that acts on the vault (everything that logs in: it writes, if only the audit
trail) holds it shared for its run, so commands may run side by side but not
beside a window. Neither waits: the one that comes second is refused with
`VaultInUse`, which names the folder.

The lock is the operating system's (flock, or msvcrt's byte lock on Windows):
it dies with the process, however the process ends, so a crash never leaves
a stale lock behind.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from pixiodoc_desktop.errors import VaultInUse
from pixiodoc_desktop.vault.locking import lock_handle, unlock_handle

LOCK_NAME = ".in-use.lock"


def in_use_message(folder: Path) -> str:
    return (
        f"The vault in {folder} is open in another PixioDoc window on this computer. "
        "Close it there first (or switch to that window): two programs must not write "
        "to one vault."
    )


class VaultClaim:
    """This process's hold on a vault folder; `release()` (or exit) lets it go."""

    def __init__(self, folder: Path, *, exclusive: bool) -> None:
        self.folder = folder.resolve()
        handle = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
        if not lock_handle(handle, exclusive=exclusive, wait=False):
            os.close(handle)
            raise VaultInUse(in_use_message(folder))
        self._handle: int | None = handle

    @classmethod
    def for_window(cls, folder: Path) -> VaultClaim:
        """The workstation window's claim: nobody else, window or command, meanwhile."""
        return cls(folder, exclusive=True)

    def release(self) -> None:
        if self._handle is None:
            return
        unlock_handle(self._handle)
        os.close(self._handle)
        self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None


@contextlib.contextmanager
def claimed_by_command(folder: Path) -> Iterator[None]:
    """A command's claim for its run (shared: other commands, but no window, meanwhile).

    A folder that holds no vault yet (init, restore) is not claimed."""
    if not (folder / "vault.json").is_file():
        yield
        return
    claim = VaultClaim(folder, exclusive=False)
    try:
        yield
    finally:
        claim.release()
