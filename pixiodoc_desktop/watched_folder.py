"""A watched folder: files another program drops there, looked at one at a time, in arrival order.

The capture hot folder (capture/hotfolder.py) and the GDT in-folder
(practice/watcher.py) both take files that way; this is their one
mechanism. Folder events (watchdog) and, where events get lost (network
shares), a listing every few seconds queue each file once. One worker hands
the oldest file that is due to its owner's `look`, which says when to look
again (`Arrival.next_check`) or forgets it; nothing a file holds stops the
worker (an unexpected error goes to the owner's `crashed`). A file that
cannot be taken is set aside in a sub-folder with a ``<name>.reason.txt``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Self, TypeVar

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

log = logging.getLogger(__name__)

_LONGEST_WAIT = 0.5  # the worker looks at its queue at least this often
_IDLE_WAIT = 0.1  # when files are due but the owner is not ready for them


@dataclass(slots=True)
class Arrival:
    """A file waiting for its turn; owners add what they need to know of it."""

    path: Path
    next_check: float = 0.0  # time.monotonic() of the next look
    stable_since: float = 0.0
    last_failure: str = ""

    def retry(self, reason: str, after: float) -> bool:
        """Look again in `after` seconds; True if `reason` is new (said once, not every
        few seconds)."""
        self.next_check = time.monotonic() + after
        if reason == self.last_failure:
            return False
        self.last_failure = reason
        return True


A = TypeVar("A", bound=Arrival)


class WatchedFolder(Generic[A]):
    """The queue and the threads of one watched folder.

    `wanted` picks the files to queue (by name); `listed` the entries a listing
    offers (not folders); `ready` says whether files may be taken now (the
    hot folder waits for a patient). `what` names the folder in log lines.
    """

    def __init__(
        self,
        folder: Path,
        *,
        what: str,
        arrival: Callable[[Path], A],
        wanted: Callable[[Path], bool],
        look: Callable[[A], None],
        crashed: Callable[[A], None],
        listed: Callable[[Path], bool] = lambda path: not path.is_dir(),
        ready: Callable[[], bool] = lambda: True,
        recheck_when_offered: bool = False,
    ) -> None:
        self.folder = folder
        self.what = what
        self.changed = threading.Condition()  # guards the queue, and the owner's `ready`
        self._arrival = arrival
        self._wanted = wanted
        self._look = look
        self._crashed = crashed
        self._listed = listed
        self._ready = ready
        self._recheck_when_offered = recheck_when_offered
        self._pending: dict[Path, A] = {}  # insertion order is arrival order
        self._busy = False
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._observer: BaseObserver | None = None

    # --- life cycle -----------------------------------------------------------------

    def start(self, *, worker: str, watch: bool = True, poll: float = 0.0) -> None:
        """Queue the files there now, then new ones: by folder events (`watch`) and by a
        listing every `poll` seconds (0: none). `worker` names the worker thread."""
        if watch:
            observer = Observer()
            observer.schedule(FolderEvents(self.offer), str(self.folder), recursive=False)
            observer.daemon = True
            observer.start()
            self._observer = observer
        if poll:
            self._threads.append(
                threading.Thread(
                    target=self._poll_loop, args=(poll,), name=f"{worker} poll", daemon=True
                )
            )
        self.scan()
        self._threads.append(threading.Thread(target=self._run, name=worker, daemon=True))
        for thread in self._threads:
            thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        with self.changed:
            self.changed.notify_all()
        observer, self._observer = self._observer, None
        if observer is not None:
            observer.stop()
            observer.join(timeout)
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(timeout)
                if thread.is_alive():
                    log.warning("The %s thread did not stop within %.0f s", thread.name, timeout)
        self._threads.clear()

    # --- the queue ------------------------------------------------------------------

    def scan(self) -> None:
        """Queue the files present now, oldest first."""
        try:
            entries = [p for p in self.folder.iterdir() if self._listed(p)]
        except OSError as error:
            log.warning("Cannot list %s: %s", self.what, error.strerror)
            return
        for path in sorted(entries, key=_age_key):
            self.offer(path)

    def offer(self, path: Path) -> None:
        """A file appeared or changed (from the watcher or a listing; safe from any thread)."""
        path = path if path.is_absolute() else self.folder / path
        if path.parent != self.folder or not self._wanted(path):
            return
        with self.changed:
            entry = self._pending.get(path)
            if entry is None:
                self._pending[path] = self._arrival(path)
            elif self._recheck_when_offered:
                entry.next_check = min(entry.next_check, time.monotonic())
            self.changed.notify_all()

    def recheck_all(self) -> None:
        """Every queued file is due now (call holding `changed`)."""
        for entry in self._pending.values():
            entry.next_check = 0.0
        self.changed.notify_all()

    def forget(self, entry: A) -> None:
        with self.changed:
            self._pending.pop(entry.path, None)
            self.changed.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Until every file in the folder is taken or set aside; False after `timeout` s."""
        deadline = time.monotonic() + timeout
        self.scan()  # files whose events the watcher has not delivered yet count too
        with self.changed:
            while self._pending or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.changed.wait(left)
        return True

    @property
    def pending_count(self) -> int:
        with self.changed:
            return len(self._pending)

    # --- the worker -------------------------------------------------------------------

    def _poll_loop(self, every: float) -> None:
        while not self._stop.wait(every):
            self.scan()

    def _run(self) -> None:
        while not self._stop.is_set():
            entry = self._next_due()
            if entry is None:
                continue
            try:
                self._look(entry)
            except Exception:  # nothing a file holds may stop the worker
                log.exception("Unexpected error in %s", self.what)
                self._crashed(entry)
            finally:
                with self.changed:
                    self._busy = False
                    self.changed.notify_all()

    def _next_due(self) -> A | None:
        """The oldest file due for a look, else None after a short wait."""
        with self.changed:
            now = time.monotonic()
            if self._ready():
                for entry in self._pending.values():
                    if entry.next_check <= now:
                        self._busy = True
                        return entry
            soonest = min((e.next_check for e in self._pending.values()), default=now + 1.0)
            wait = min(soonest - now, _LONGEST_WAIT)
            self.changed.wait(wait if wait > 0 else _IDLE_WAIT)
            return None


class DropFolder:
    """What a folder that takes dropped files offers its users, over its `WatchedFolder`:
    the hot folder and the GDT in-folder add how they start and what they do with a file."""

    _queue: WatchedFolder[Any]

    def start(self) -> None:
        raise NotImplementedError

    def stop(self, timeout: float = 10.0) -> None:
        self._queue.stop(timeout)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def scan(self) -> None:
        """Queue the files there now (at start, by the poll, or when asked)."""
        self._queue.scan()

    def offer(self, path: Path) -> None:
        """A file appeared or changed (from the watcher or a listing; safe from any thread)."""
        self._queue.offer(path)

    def wait_idle(self, timeout: float) -> bool:
        """Until every file there is taken or set aside; False after `timeout` seconds."""
        return self._queue.wait_idle(timeout)

    @property
    def pending_count(self) -> int:
        return self._queue.pending_count

    def _failed(self, entry: Any, reason: str) -> None:
        """Not the file's fault: look again later (the owner says so, once)."""
        raise NotImplementedError

    def _forget(self, entry: Any) -> None:
        self._queue.forget(entry)

    def _move_aside(self, entry: Arrival, into: Path, reason: str, verb: str, stuck: str) -> bool:
        """`set_aside` the file: True once moved; False if it is gone (forgotten) or could
        not be moved (`_failed`, saying `stuck` and why)."""
        try:
            set_aside(entry.path, into, reason, verb)
        except FileNotFoundError:
            self._forget(entry)
            return False
        except OSError as error:
            self._failed(entry, f"{stuck} ({error.strerror})")
            return False
        return True


class FolderEvents(FileSystemEventHandler):
    """watchdog's events of one folder, each file's path handed to `offer`."""

    def __init__(self, offer: Callable[[Path], None]) -> None:
        self._offer_path = offer

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
            self._offer_path(Path(os.fsdecode(path)))


def set_aside(path: Path, into: Path, reason: str, verb: str) -> None:
    """Move `path` into the folder `into` (under a free name) with ``<name>.reason.txt``
    beside it: `reason`, then "`verb` <when> from <name>". Raises FileNotFoundError when
    the file is gone, OSError when it cannot be moved."""
    target = free_name(into / path.name)
    into.mkdir(exist_ok=True)
    path.replace(target)
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    note = target.with_name(target.name + ".reason.txt")
    note.write_text(f"{reason}\n\n{verb} {stamp} from {path.name}\n", "utf-8")


def free_name(path: Path) -> Path:
    """`path`, or "name (2).ext", "name (3).ext", ... if taken."""
    if not path.exists():
        return path
    for n in range(2, 10_000):
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists():
            return candidate
    return path.with_name(f"{path.stem} ({time.time_ns()}){path.suffix}")


def _age_key(path: Path) -> tuple[float, str]:
    try:
        return path.stat().st_mtime, path.name
    except OSError:
        return 0.0, path.name
