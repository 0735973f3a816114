"""Background work: one serial database worker, a small image pool, operations, change notices.

Every vault and SQLAlchemy call runs on the one `DbWorker` thread, in the
order it was asked for, so sessions never cross threads and the GUI thread
never waits on a query, a key derivation or a decryption. Image decoding
runs on `ImagePool`. Results come back to the GUI thread by Qt signal.

An operation is built like Anki's: `DbOperation(fn).success(cb).failure(cb).run(worker)`.
Locking the vault bumps the worker's generation: results of work queued
before the lock are dropped instead of delivered to a screen that no
longer shows patient data.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(slots=True)
class _Job:
    fn: Callable[[], Any]
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[Exception], None] | None
    generation: int
    keep_after_lock: bool


@dataclass(slots=True)
class _Outcome:
    job: _Job
    value: Any
    error: Exception | None


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted from a worker lands here queued."""

    finished = Signal(object)


class ChangeNotifier(QObject):
    """What changed in the vault; views refresh on these instead of polling."""

    patients_changed = Signal()
    patient_changed = Signal(str)  # patient id: record, visits, lesions, consent
    photos_changed = Signal(str)  # patient id


class DbWorker(QObject):
    """The one thread that touches the vault. Jobs run strictly in order."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._generation = 0
        self._pending = 0
        self._thread = threading.Thread(target=self._loop, name="pixiodoc-db", daemon=True)
        self._thread.start()
        self.default_failure: Callable[[Exception], None] | None = None

    @property
    def generation(self) -> int:
        return self._generation

    def invalidate(self) -> None:
        """Forget results of everything queued so far (the vault is being locked)."""
        self._generation += 1

    def submit(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        *,
        keep_after_lock: bool = False,
    ) -> None:
        if not self._thread.is_alive():
            raise RuntimeError("The database worker has stopped")
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._queue.put(_Job(fn, on_success, on_failure, self._generation, keep_after_lock))

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            try:
                outcome = _Outcome(job, job.fn(), None)
            except Exception as exc:  # noqa: BLE001 - delivered to the failure handler
                outcome = _Outcome(job, None, exc)
            # The callbacks hold widgets: handed over in a box the GUI thread empties,
            # so that the last reference to them always goes there, never on this thread.
            box = [outcome]
            del job, outcome
            self._relay.finished.emit(box)
            del box

    @Slot(object)
    def _deliver(self, box: list[_Outcome]) -> None:
        outcome = box.pop()
        self._pending = max(0, self._pending - 1)
        if self._pending == 0:
            self.busy_changed.emit(False)
        job = outcome.job
        if job.generation != self._generation and not job.keep_after_lock:
            return
        if outcome.error is not None:
            handler = job.on_failure or self.default_failure
            if handler is None:
                raise outcome.error
            handler(outcome.error)
        elif job.on_success is not None:
            job.on_success(outcome.value)

    def running(self) -> bool:
        """False once stopped (the window is shutting down): nothing can be queued."""
        return self._thread.is_alive()

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until every queued job has run (tests and shutdown only)."""
        done = threading.Event()
        self._queue.put(_Job(done.set, None, None, -1, False))
        return done.wait(timeout)

    def stop(self, timeout: float = 10.0) -> None:
        """Finish queued work, then end the thread."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout)
        if self._thread.is_alive():
            log.warning("The database worker did not stop within %.0f s", timeout)


class ImagePool(QObject):
    """A few threads for decoding images (or, named "pixiodoc-fetch", for fetching images
    left in the clinic's bucket); results come back by signal."""

    def __init__(
        self, workers: int = 2, parent: QObject | None = None, *, name: str = "pixiodoc-image"
    ) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._generation = 0
        self._closed = False

    def invalidate(self) -> None:
        self._generation += 1

    def submit(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None] | None = None,
    ) -> None:
        if self._closed:
            return
        # The callbacks hold widgets: the GUI thread takes them out of this box, so that
        # the last reference to them never goes on a pool thread.
        jobs = [_Job(fn, on_success, on_failure, self._generation, False)]

        def done(future: Future[Any]) -> None:
            if future.cancelled() or not jobs:
                return
            error = future.exception()
            value = None if error is not None else future.result()
            err = error if isinstance(error, Exception) else None
            self._relay.finished.emit([_Outcome(jobs.pop(), value, err)])

        self._pool.submit(fn).add_done_callback(done)

    @Slot(object)
    def _deliver(self, box: list[_Outcome]) -> None:
        outcome = box.pop()
        job = outcome.job
        if job.generation != self._generation or self._closed:
            return
        if outcome.error is not None:
            if job.on_failure is not None:
                job.on_failure(outcome.error)
            else:
                log.warning("Image decoding failed: %s", type(outcome.error).__name__)
        elif job.on_success is not None:
            job.on_success(outcome.value)

    def map(self, fn: Callable[[Any], T], items: list[Any]) -> list[T]:
        """Run `fn` over `items` on the pool and wait (call from a worker, never the GUI)."""
        if self._closed:
            return [fn(item) for item in items]
        return list(self._pool.map(fn, items))

    def stop(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)


class DbOperation(Generic[T]):
    """One user action run on the database worker: `DbOperation(fn).success(cb).run(worker)`."""

    def __init__(self, fn: Callable[[], T]) -> None:
        self._fn = fn
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[Exception], None] | None = None
        self._keep_after_lock = False

    def success(self, callback: Callable[[T], None]) -> DbOperation[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> DbOperation[T]:
        self._failure = callback
        return self

    def survive_lock(self) -> DbOperation[T]:
        """Deliver the result even after a lock (for unlock and vault-level work)."""
        self._keep_after_lock = True
        return self

    def run(self, worker: DbWorker) -> None:
        worker.submit(self._fn, self._success, self._failure, keep_after_lock=self._keep_after_lock)
