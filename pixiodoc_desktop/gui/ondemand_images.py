"""Images left in the clinic's bucket until shown (images on demand), fetched when shown.

A PC that joined a clinic group with `on_demand=True` holds the records but not the
images: thumbnails, screen images and originals stay in the bucket until first shown.
Reading one raises `ImageInBucket`; `BucketImages` then downloads the object (checked,
still encrypted, `sync.ondemand.fetch_image`) on a small network pool of its own, never
on the GUI thread and never on the vault worker, and runs the read again.

* ``fetch(blob_id, done, failed)`` - one object; callers asking for an object already on
  its way wait for the same download. At most ``FETCH_THREADS`` run at once, in the order
  asked (the timeline asks for what is visible, top to bottom).
* ``run(job, done, failed, fetching=None)`` - ``job`` on the vault worker; when it finds
  an image still in the bucket, ``fetching()`` (say so on screen), fetch, run it again.
* Offline (``SyncUnavailable``): further fetches fail at once with the same typed error
  for ``OFFLINE_PAUSE_S``, rather than each waiting for the network; ``retry()`` (a sync
  round that reached the bucket) ends the pause. ``clear()`` on lock, ``stop()`` at quit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject

from pixiodoc_desktop.errors import ImageInBucket, SyncUnavailable
from pixiodoc_desktop.gui.workers import DbOperation, DbWorker, ImagePool

if TYPE_CHECKING:  # boto3 and the vault load when the first image is fetched, not at start
    from pixiodoc_desktop.clinic.workstation import Workstation
    from pixiodoc_desktop.gui.session import ClinicSession
    from pixiodoc_desktop.sync.store import ObjectStore

T = TypeVar("T")

FETCH_THREADS = 4  # downloads at once: a screenful of thumbnails in a few round trips
OFFLINE_PAUSE_S = 20.0
READ_AGAIN = 4  # reads of one job that may each find another image in the bucket (a pair)


def fetching_text() -> str:
    """What a placeholder says while its image comes down from the clinic's bucket."""
    return QCoreApplication.translate("BucketImages", "Fetching from the clinic…")


class BucketImages(QObject):
    """Fetches image objects the vault left in the clinic's bucket; results on the GUI thread."""

    def __init__(
        self,
        session: ClinicSession,
        worker: DbWorker,
        parent: QObject | None = None,
        *,
        threads: int = FETCH_THREADS,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._worker = worker
        self._pool = ImagePool(threads, self, name="pixiodoc-fetch")
        self._waiting: dict[str, list[tuple[Callable[[], None], Callable[[Exception], None]]]] = {}
        self._store: tuple[str, ObjectStore] | None = None
        self._store_lock = threading.Lock()
        self._offline: tuple[float, Exception] | None = None
        self.fetched: list[str] = []  # object ids brought down, in order (tests, the log)

    # --- one object ------------------------------------------------------------------------

    def fetch(
        self, blob_id: str, done: Callable[[], None], failed: Callable[[Exception], None]
    ) -> None:
        offline = self._offline
        if offline is not None and time.monotonic() < offline[0]:
            failed(offline[1])
            return
        waiting = self._waiting.get(blob_id)
        if waiting is not None:
            waiting.append((done, failed))
            return
        self._waiting[blob_id] = [(done, failed)]
        session = self._session

        def job() -> bool:
            from pixiodoc_desktop.sync.ondemand import fetch_image

            services, _actor = session.require()
            ws = services.workstation
            return fetch_image(ws, self._store_for(ws), blob_id)

        self._pool.submit(
            job,
            lambda _got: self._finish(blob_id, None),
            lambda error: self._finish(blob_id, error),
        )

    def _store_for(self, ws: Workstation) -> ObjectStore:
        """One client for every download of this vault (boto3 clients are thread-safe)."""
        from pixiodoc_desktop.sync.settings import store_settings
        from pixiodoc_desktop.sync.store import ObjectStore

        vault_id = ws.vault.header.vault_id
        with self._store_lock:
            if self._store is None or self._store[0] != vault_id:
                self._store = (vault_id, ObjectStore(store_settings(ws.vault)))
            return self._store[1]

    def _finish(self, blob_id: str, error: Exception | None) -> None:
        if error is None:
            self.fetched.append(blob_id)
        elif isinstance(error, SyncUnavailable):
            self._offline = (time.monotonic() + OFFLINE_PAUSE_S, error)
        for done, failed in self._waiting.pop(blob_id, []):
            if error is None:
                done()
            else:
                failed(error)

    # --- a read that may find images in the bucket --------------------------------------

    def run(
        self,
        job: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[Exception], None],
        fetching: Callable[[], None] | None = None,
    ) -> None:
        """`job` on the vault worker; each image it finds still in the bucket is fetched
        here and the job runs again (a few times at most: a pair of photos needs two)."""
        worker = self._worker

        def attempt(reads: int) -> None:
            def missing(error: Exception) -> None:
                if isinstance(error, ImageInBucket) and reads < READ_AGAIN:
                    if fetching is not None:
                        fetching()
                    self.fetch(error.blob_id, lambda: attempt(reads + 1), failed)
                else:
                    failed(error)

            DbOperation(job).success(done).failure(missing).run(worker)

        attempt(1)

    # --- the session -----------------------------------------------------------------------

    def retry(self) -> None:
        """The bucket answered again (a sync round went through): fetch again at once,
        through a new client (the sync settings may have changed)."""
        self._offline = None
        with self._store_lock:
            self._store = None

    def clear(self) -> None:
        """The workstation locks: nothing fetched so far is delivered, the client goes."""
        self._pool.invalidate()
        self._waiting.clear()
        self._offline = None
        with self._store_lock:
            self._store = None

    def stop(self) -> None:
        self.clear()
        self._pool.stop()


def submit_on(bucket: BucketImages | None, worker: DbWorker) -> Callable[..., None]:
    """`run` of `bucket`, or a plain vault-worker job where there is none (tests)."""

    def plain(
        job: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
        fetching: Callable[[], None] | None = None,
    ) -> None:
        DbOperation(job).success(done).failure(failed).run(worker)

    return bucket.run if bucket is not None else plain
