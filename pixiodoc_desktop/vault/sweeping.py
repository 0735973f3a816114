"""Leftovers of a crash: temp files and image objects that no row names.

Objects are only ever orphaned by a process that died between writing an
object and committing its row, and such a process leaves its session marker
behind; so an unlock sweeps only when it finds such a marker (a full sweep
lists every image object, which takes seconds in a big vault).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from pixiodoc_desktop.vault import locking
from pixiodoc_desktop.vault.blobs import BlobStore
from pixiodoc_desktop.vault.stray_objects import StrayObjects

log = logging.getLogger(__name__)


def recover_from_crash(
    folder: Path, own: Path | None, sweep: Callable[[], tuple[int, int] | None]
) -> None:
    """Sweep only when an earlier session (not `own`) ended without locking; its marker
    goes once the sweep ran."""
    stale = locking.crashed_sessions(folder, own=own)
    if not stale:
        return
    log.warning("An earlier session ended without locking the vault; checking for leftovers")
    if sweep() is not None:
        for marker in stale:
            marker.unlink(missing_ok=True)


def sweep_orphans(
    folder: Path, blobs: BlobStore, referenced: Callable[[], Iterable[list[str]]]
) -> tuple[int, int] | None:
    """Delete temp files and blobs no row names (`referenced` yields those named, in
    batches: a clinic group's vault names millions, too many for a set in memory).

    Skipped (None) while another process is writing. Returns (temp files, orphan blobs).
    """
    if not blobs.root.exists():
        return 0, 0
    with locking.sweeping(folder) as free:
        if not free:
            return None
        temps = list(blobs.temp_files())
        for temp in temps:
            temp.unlink(missing_ok=True)
        orphans = 0
        with StrayObjects(folder, blobs) as strays:
            for batch in referenced():
                strays.claim(batch)
            for blob in strays.remaining():
                blobs.delete(blob)
                orphans += 1
    if temps or orphans:
        log.warning("Cleaned %d temp files and %d orphan image objects", len(temps), orphans)
    return len(temps), orphans
