"""The GDT in-folder, watched (watchdog) and polled (events get lost on network shares).

Each request is handled once, in arrival order, by one worker: read, act, then
removed (the receiver of a GDT file deletes it). A file that is not a request
PixioDoc can take moves to ``refused/`` with a ``<name>.reason.txt`` saying why
(no patient data in it) and a notice; nothing a file holds stops the watcher.
A file still being written fails its length check: it is looked at again
until it has stayed the same for ``settle`` seconds, and refused only then.
When the vault, not the file, is the problem (locked, say), the file stays and
is retried.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pixiodoc_desktop.errors import GdtRefused, PermissionDenied, PixioDocError, RecordNotFound
from pixiodoc_desktop.practice.exchange import RequestOutcome, is_request_name
from pixiodoc_desktop.watched_folder import Arrival, DropFolder, WatchedFolder

log = logging.getLogger(__name__)

REFUSED = "refused"
SETTLE_SECONDS = 0.5
POLL_SECONDS = 2.0
RETRY_AFTER = 5.0


class Outcome(StrEnum):
    HANDLED = "handled"
    REFUSED = "refused"
    FAILED = "failed"  # not the file's fault: retried


@dataclass(frozen=True, slots=True)
class GdtEvent:
    file_name: str
    outcome: Outcome
    reason: str = ""
    request: RequestOutcome | None = None

    @property
    def line(self) -> str:
        if self.request is not None:
            return self.request.line
        return f"{self.outcome} {self.file_name}: {self.reason}"


@dataclass(slots=True)
class _Pending(Arrival):
    signature: tuple[int, int] = (-1, -1)


Handler = Callable[[Path], RequestOutcome]
Listener = Callable[[GdtEvent], None]


class GdtInFolder(DropFolder):
    """Watches and polls `folder`; hands each request file to `handle` once."""

    def __init__(
        self,
        folder: Path,
        handle: Handler,
        *,
        on_event: Listener | None = None,
        settle: float = SETTLE_SECONDS,
        poll: float = POLL_SECONDS,
        retry_after: float = RETRY_AFTER,
    ) -> None:
        self.folder = folder.resolve()
        self.refused = self.folder / REFUSED
        self._handle = handle
        self._on_event = on_event
        self._settle = settle
        self._poll = poll
        self._retry_after = retry_after
        self._done: dict[Path, tuple[int, int]] = {}  # handled, but the PVS still holds it
        self._queue = WatchedFolder(
            self.folder,
            what="the GDT in-folder",
            arrival=_Pending,
            wanted=lambda path: is_request_name(path.name),
            look=self._check,
            crashed=lambda entry: self._refuse(
                entry, "an unexpected error occurred (see the log file)"
            ),
            listed=lambda path: path.is_file(),
            recheck_when_offered=True,
        )
        self.handled = 0
        self.refused_count = 0

    def start(self, *, watch: bool = True, poll: bool = True) -> None:
        """Take the requests there now, then new ones: by folder events (`watch`) and by
        listing the folder every few seconds (`poll`)."""
        if not self.folder.is_dir():
            raise PixioDocError(f"The GDT in-folder {self.folder} does not exist")
        self.refused.mkdir(exist_ok=True)
        self._queue.start(worker="gdt in-folder", watch=watch, poll=self._poll if poll else 0.0)

    # --- looking at a request (on the watched folder's worker) -----------------------------

    def _check(self, entry: _Pending) -> None:
        now = time.monotonic()
        try:
            stat = entry.path.stat()
        except FileNotFoundError:
            self._forget(entry)
            return
        signature = (stat.st_size, stat.st_mtime_ns)
        if self._done.get(entry.path) == signature:  # handled already; not removable yet
            self._forget(entry)
            return
        if signature != entry.signature:
            entry.signature, entry.stable_since = signature, now
        try:
            request = self._handle(entry.path)
        except GdtRefused as error:
            if now - entry.stable_since < self._settle:  # perhaps still being written
                entry.next_check = entry.stable_since + self._settle
                return
            self._refuse(entry, error.message)
            return
        except (PermissionDenied, RecordNotFound) as error:
            self._refuse(entry, error.message)
            return
        except PixioDocError as error:
            self._failed(entry, error.message)
            return
        try:
            entry.path.unlink()
            self._done.pop(entry.path, None)
        except FileNotFoundError:
            pass
        except OSError as error:  # held open by the PVS (Windows): handled all the same
            log.warning("Cannot remove a handled GDT file: %s", error.strerror)
            self._done[entry.path] = signature
        self.handled += 1
        self._forget(entry)
        self._report(GdtEvent(entry.path.name, Outcome.HANDLED, request=request))

    def _refuse(self, entry: _Pending, reason: str) -> None:
        stuck = f"it could not be moved to {REFUSED}/"
        if not self._move_aside(entry, self.refused, reason, "Refused", stuck):
            return
        self.refused_count += 1
        self._forget(entry)
        self._report(GdtEvent(entry.path.name, Outcome.REFUSED, reason))

    def _failed(self, entry: _Pending, reason: str) -> None:
        if entry.retry(reason, self._retry_after):
            self._report(GdtEvent(entry.path.name, Outcome.FAILED, reason))

    def _report(self, event: GdtEvent) -> None:
        log.info("GDT in-folder: %s", event.outcome)  # no names: they may hint at a patient
        if self._on_event is not None:
            self._on_event(event)
