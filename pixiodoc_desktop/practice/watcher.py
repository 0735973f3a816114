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

import datetime as dt
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from pixiodoc_desktop.errors import GdtRefused, PermissionDenied, PixioDocError, RecordNotFound
from pixiodoc_desktop.practice.exchange import RequestOutcome, is_request_name

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
class _Pending:
    path: Path
    signature: tuple[int, int] = (-1, -1)
    stable_since: float = 0.0
    next_check: float = 0.0
    last_failure: str = ""


Handler = Callable[[Path], RequestOutcome]
Listener = Callable[[GdtEvent], None]


class GdtInFolder:
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
        self._changed = threading.Condition()
        self._pending: dict[Path, _Pending] = {}
        self._done: dict[Path, tuple[int, int]] = {}  # handled, but the PVS still holds it
        self._busy = False
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._observer: BaseObserver | None = None
        self.handled = 0
        self.refused_count = 0

    def start(self, *, watch: bool = True, poll: bool = True) -> None:
        """Take the requests there now, then new ones: by folder events (`watch`) and by
        listing the folder every few seconds (`poll`)."""
        if not self.folder.is_dir():
            raise PixioDocError(f"The GDT in-folder {self.folder} does not exist")
        self.refused.mkdir(exist_ok=True)
        if watch:
            observer = Observer()
            observer.schedule(_Events(self), str(self.folder), recursive=False)
            observer.daemon = True
            observer.start()
            self._observer = observer
        if poll:
            poller = threading.Thread(target=self._poll_loop, name="gdt poll", daemon=True)
            self._threads.append(poller)
        self.scan()
        worker = threading.Thread(target=self._run, name="gdt in-folder", daemon=True)
        self._threads.append(worker)
        for thread in self._threads:
            thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        with self._changed:
            self._changed.notify_all()
        observer, self._observer = self._observer, None
        if observer is not None:
            observer.stop()
            observer.join(timeout)
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(timeout)
        self._threads.clear()

    def __enter__(self) -> GdtInFolder:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def scan(self) -> None:
        """Queue the request files there now (the poll, and at start)."""
        try:
            entries = [p for p in self.folder.iterdir() if p.is_file()]
        except OSError as error:
            log.warning("Cannot list the GDT in-folder: %s", error.strerror)
            return
        for path in sorted(entries, key=_age_key):
            self.offer(path)

    def offer(self, path: Path) -> None:
        """A file appeared or changed (from the watcher or the poll; any thread)."""
        path = path if path.is_absolute() else self.folder / path
        if path.parent != self.folder or not is_request_name(path.name):
            return
        with self._changed:
            entry = self._pending.setdefault(path, _Pending(path))
            entry.next_check = min(entry.next_check, time.monotonic())
            self._changed.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Until every request there is handled or refused; False after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        self.scan()
        with self._changed:
            while self._pending or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
        return True

    # --- the worker ------------------------------------------------------------------

    def _poll_loop(self) -> None:
        while not self._stop.wait(self._poll):
            self.scan()

    def _run(self) -> None:
        while not self._stop.is_set():
            entry = self._next_due()
            if entry is None:
                continue
            try:
                self._check(entry)
            except Exception:  # nothing a file holds may stop the watcher
                log.exception("Unexpected error in the GDT in-folder")
                self._refuse(entry, "an unexpected error occurred (see the log file)")
            finally:
                with self._changed:
                    self._busy = False
                    self._changed.notify_all()

    def _next_due(self) -> _Pending | None:
        with self._changed:
            now = time.monotonic()
            for entry in self._pending.values():
                if entry.next_check <= now:
                    self._busy = True
                    return entry
            soonest = min((e.next_check for e in self._pending.values()), default=now + 1.0)
            self._changed.wait(max(0.01, min(soonest - now, 0.5)))
            return None

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
        target = _free_name(self.refused / entry.path.name)
        try:
            self.refused.mkdir(exist_ok=True)
            entry.path.replace(target)
            stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
            note = target.with_name(target.name + ".reason.txt")
            note.write_text(f"{reason}\n\nRefused {stamp} from {entry.path.name}\n", "utf-8")
        except FileNotFoundError:
            self._forget(entry)
            return
        except OSError as error:
            self._failed(entry, f"it could not be moved to {REFUSED}/ ({error.strerror})")
            return
        self.refused_count += 1
        self._forget(entry)
        self._report(GdtEvent(entry.path.name, Outcome.REFUSED, reason))

    def _failed(self, entry: _Pending, reason: str) -> None:
        entry.next_check = time.monotonic() + self._retry_after
        if reason != entry.last_failure:  # say it once, not every few seconds
            entry.last_failure = reason
            self._report(GdtEvent(entry.path.name, Outcome.FAILED, reason))

    def _forget(self, entry: _Pending) -> None:
        with self._changed:
            self._pending.pop(entry.path, None)
            self._changed.notify_all()

    def _report(self, event: GdtEvent) -> None:
        log.info("GDT in-folder: %s", event.outcome)  # no names: they may hint at a patient
        if self._on_event is not None:
            self._on_event(event)


class _Events(FileSystemEventHandler):
    def __init__(self, folder: GdtInFolder) -> None:
        self._folder = folder

    def on_created(self, event: FileSystemEvent) -> None:
        self._offer(event, event.src_path)

    def on_modified(self, event: FileSystemEvent) -> None:
        self._offer(event, event.src_path)

    def on_closed(self, event: FileSystemEvent) -> None:
        self._offer(event, event.src_path)

    def on_moved(self, event: FileSystemEvent) -> None:
        self._offer(event, event.dest_path)

    def _offer(self, event: FileSystemEvent, path: str | bytes) -> None:
        if not event.is_directory:
            self._folder.offer(Path(os.fsdecode(path)))


def _age_key(path: Path) -> tuple[float, str]:
    try:
        return path.stat().st_mtime, path.name
    except OSError:
        return 0.0, path.name


def _free_name(path: Path) -> Path:
    if not path.exists():
        return path
    for n in range(2, 10_000):
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists():
            return candidate
    return path.with_name(f"{path.stem} ({time.time_ns()}){path.suffix}")
