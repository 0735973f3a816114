"""Tethered cameras: a watched folder whose new images go into the record on screen.

A file is taken once it is complete: its size and time stayed the same over
two checks half a second apart and it decodes. A file still being written
decodes as damaged and is waited for (until ``complete_within``), not
refused. One worker takes files in arrival order, so no two ingests race. The
plain source file is removed only after ingest returned, when the encrypted
copy is durable; a file that cannot be taken goes to ``quarantine/`` with a
``<name>.reason.txt`` saying why. Every outcome is reported to a callback.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pixiodoc_desktop.clinic.records.photos import (
    CaptureContext,
    IngestResult,
    Photos,
    PhotoSummary,
)
from pixiodoc_desktop.clinic.records.vocabulary import PhotoSource
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import DamagedImage, IngestError, InvalidInput, PixioDocError
from pixiodoc_desktop.imaging.prepare import DEFAULT_MAX_BYTES, PreparedImage, prepare_image
from pixiodoc_desktop.imaging.source_file import read_source_file, refuse_unless_regular, too_large
from pixiodoc_desktop.watched_folder import Arrival, DropFolder, WatchedFolder

log = logging.getLogger(__name__)

QUARANTINE = "quarantine"
SETTLE_SECONDS = 0.5
COMPLETE_WITHIN = 60.0  # a file still damaged this long after its last change is refused
RETRY_AFTER = 5.0  # when the vault, not the file, is the problem (locked, no permission)
# Written by the operating system or by tethering software before a rename: never photos.
_IGNORED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
_IGNORED_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".download")


class Outcome(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"  # already in the record; the source file was removed
    QUARANTINED = "quarantined"
    FAILED = "failed"  # not the file's fault (vault locked, no permission): retried


@dataclass(frozen=True, slots=True)
class HotFolderEvent:
    file_name: str
    outcome: Outcome
    reason: str = ""
    photo: PhotoSummary | None = None

    @property
    def line(self) -> str:
        """One line for a terminal or a status bar."""
        if self.outcome is Outcome.IMPORTED:
            return f"imported {self.file_name}"
        if self.outcome is Outcome.DUPLICATE:
            return f"duplicate {self.file_name}: already in the record (removed)"
        return f"{self.outcome} {self.file_name}: {self.reason}"


@dataclass(slots=True)
class HotFolderCounts:
    imported: int = 0
    duplicates: int = 0
    quarantined: int = 0
    failed: int = 0


@dataclass(slots=True)
class _Pending(Arrival):
    size: int = -1
    mtime_ns: int = -1
    damaged: str = ""  # why the last decode failed, at this size
    ingested: bool = False  # only the removal of the source is left


OutcomeListener = Callable[[HotFolderEvent], None]
# Runs one ingest where vault work belongs and returns its result: the GUI passes a
# function that hands the call to its serial vault worker and waits for it.
VaultCall = Callable[[Callable[[], IngestResult]], IngestResult]


def _direct(ingest: Callable[[], IngestResult]) -> IngestResult:
    return ingest()


def is_candidate(path: Path) -> bool:
    name = path.name
    return (
        not name.startswith((".", "~"))
        and name.lower() not in _IGNORED_NAMES
        and not name.lower().endswith(_IGNORED_SUFFIXES)
    )


class HotFolder(DropFolder):
    """Watches `folder` and ingests each complete image into the current context.

    `context` None holds the files until the clinician has chosen a patient.
    Decoding runs on the hot folder's own worker; the ingest itself goes through
    `vault_call` (by default called right there)."""

    def __init__(
        self,
        folder: Path,
        photos: Photos,
        actor: Actor,
        context: CaptureContext | None,
        *,
        on_outcome: OutcomeListener | None = None,
        settle: float = SETTLE_SECONDS,
        complete_within: float = COMPLETE_WITHIN,
        retry_after: float = RETRY_AFTER,
        vault_call: VaultCall = _direct,
    ) -> None:
        self.folder = folder.resolve()
        self.quarantine = self.folder / QUARANTINE
        self._photos = photos
        self._actor = actor
        self._context = context
        self._on_outcome = on_outcome
        self._settle = settle
        self._complete_within = complete_within
        self._retry_after = retry_after
        self._vault_call = vault_call
        self._queue = WatchedFolder(
            self.folder,
            what="the hot folder",
            arrival=_Pending,
            wanted=is_candidate,
            look=self._check,
            crashed=lambda entry: self._failed(
                entry, "an unexpected error occurred (see the log file)"
            ),
            # Not only regular files: a pipe or device left here is quarantined with its reason.
            listed=lambda path: not path.is_dir(),
            ready=lambda: self._context is not None,
        )
        self._changed = self._queue.changed
        self.counts = HotFolderCounts()

    # --- life cycle -----------------------------------------------------------------

    def start(self, *, watch: bool = True) -> None:
        """Take the files already there, then (with `watch`) every new one."""
        if not self.folder.is_dir():
            raise IngestError(f"The hot folder {self.folder} does not exist")
        self.quarantine.mkdir(exist_ok=True)
        self._queue.start(worker="hot folder", watch=watch)

    def set_context(self, context: CaptureContext | None) -> None:
        """The clinician switched patient, visit or body site on screen."""
        with self._changed:
            self._context = context
            self._queue.recheck_all()

    # --- looking at a file (on the watched folder's worker) --------------------------------

    def _check(self, entry: _Pending) -> None:
        now = time.monotonic()
        try:
            stat = entry.path.stat()
        except FileNotFoundError:
            self._forget(entry)
            return
        except OSError:
            entry.next_check = now + self._settle
            return
        if entry.ingested:
            self._remove_source(entry)
            return
        try:
            refuse_unless_regular(stat.st_mode, entry.path.name)
        except IngestError as error:
            self._quarantine(entry, error.message)
            return
        if (stat.st_size, stat.st_mtime_ns) != (entry.size, entry.mtime_ns):
            entry.size, entry.mtime_ns = stat.st_size, stat.st_mtime_ns
            entry.stable_since = now
            entry.damaged = ""
            entry.next_check = now + self._settle
            return
        if now - entry.stable_since < self._settle:
            entry.next_check = entry.stable_since + self._settle
            return
        if entry.damaged or stat.st_size == 0:
            # Unchanged since it failed to decode: still being written, or truly damaged.
            if now - entry.stable_since >= self._complete_within:
                reason = entry.damaged or f"{entry.path.name} is empty (0 bytes)"
                self._quarantine(entry, reason)
            else:
                entry.next_check = now + self._settle
            return
        self._take(entry, stat.st_size)

    def _take(self, entry: _Pending, size: int) -> None:
        name = entry.path.name
        if size > DEFAULT_MAX_BYTES:
            self._quarantine(entry, too_large(name, size, DEFAULT_MAX_BYTES).message)
            return
        try:
            data = read_source_file(entry.path, limit=DEFAULT_MAX_BYTES)
        except InvalidInput:
            if not entry.path.exists():
                self._forget(entry)
                return
            # Still held open by the camera software (Windows).
            entry.next_check = time.monotonic() + self._settle
            return
        except IngestError as error:
            self._quarantine(entry, error.message)
            return
        try:
            prepared = prepare_image(data, source_name=name)
        except DamagedImage as error:
            entry.damaged = error.message
            entry.next_check = time.monotonic() + self._settle
            return
        except IngestError as error:
            self._quarantine(entry, error.message)
            return
        self._ingest(entry, data, prepared)

    def _ingest(self, entry: _Pending, data: bytes, prepared: PreparedImage) -> None:
        with self._changed:
            context = self._context
        if context is None:
            entry.next_check = 0.0
            return

        def ingest() -> IngestResult:
            return self._photos.ingest(
                self._actor,
                data,
                context,
                source_name=entry.path.name,
                source=PhotoSource.HOT_FOLDER,
                prepared=prepared,
            )

        try:
            result = self._vault_call(ingest)
        except IngestError as error:
            self._quarantine(entry, error.message)
            return
        except PixioDocError as error:
            self._failed(entry, error.message)
            return
        entry.ingested = True
        if result.duplicate:
            self.counts.duplicates += 1
            event = HotFolderEvent(entry.path.name, Outcome.DUPLICATE, photo=result.photo)
        else:
            self.counts.imported += 1
            event = HotFolderEvent(entry.path.name, Outcome.IMPORTED, photo=result.photo)
        self._remove_source(entry)
        self._report(event)

    def _remove_source(self, entry: _Pending) -> None:
        """The encrypted copy is durable: the plain file goes (retried while locked)."""
        try:
            entry.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            log.warning("Cannot remove an imported hot folder file yet: %s", error.strerror)
            entry.next_check = time.monotonic() + self._settle
            return
        self._forget(entry)

    def _quarantine(self, entry: _Pending, reason: str) -> None:
        stuck = "it could not be moved to quarantine"
        if not self._move_aside(entry, self.quarantine, reason, "Quarantined", stuck):
            return
        self.counts.quarantined += 1
        self._forget(entry)
        self._report(HotFolderEvent(entry.path.name, Outcome.QUARANTINED, reason))

    def _failed(self, entry: _Pending, reason: str) -> None:
        if entry.retry(reason, self._retry_after):
            self.counts.failed += 1
            self._report(HotFolderEvent(entry.path.name, Outcome.FAILED, reason))

    def _report(self, event: HotFolderEvent) -> None:
        log.info("Hot folder: %s", event.outcome)  # no file names: they may name a patient
        if self._on_outcome is not None:
            self._on_outcome(event)
