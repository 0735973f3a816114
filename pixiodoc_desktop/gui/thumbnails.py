"""Thumbnails for what is on screen: loaded lazily off the GUI thread, held only in memory.

API (for the views that show thumbnails):

* ``ThumbnailCache(max_bytes=None)`` - a least-recently-used map of photo id to
  decoded ``QImage``, bounded by bytes (default ``Settings.thumbnail_cache_mb``;
  ``ThumbnailCache.for_settings(settings)``). ``get(photo_id)``, ``put(photo_id,
  image) -> bool``, ``discard``, ``clear``, ``len()``, ``in``, ``bytes_used``,
  ``max_bytes``. Safe to use from any thread. Never written to disk.
* ``ThumbnailLoader(fetch, cache, submit=None, parent=None, from_bucket=None)`` -
  ``request(ids)`` with the ids now visible; ``thumbnail(photo_id) -> QImage | None``;
  signals ``thumbnailReady(photo_id)``, ``thumbnailFetching(photo_id)`` (its image is
  coming down from the clinic's bucket: ``fetch`` raised ``ImageInBucket`` and
  ``from_bucket`` fetches it, see ``gui.ondemand_images``) and
  ``thumbnailFailed(photo_id, message)``, all on the GUI thread; ``retry_failed()``
  (a sync round went through, or the record is shown again); ``clear()`` when the
  workstation locks; ``shutdown()`` when the loader is done for good.
* ``Submit`` - the executor both take: ``submit(job, on_done, on_error)`` runs
  ``job()`` off the GUI thread and calls one of the callbacks on the GUI thread.
  ``PooledJobs`` is a small ``QThreadPool`` implementation of it, used when none
  is given (the application passes its own image pool).

Images are kept as ``QImage`` rather than ``QPixmap``: a ``QImage`` can be made on
a worker thread, and painting one from a delegate costs the same on the raster
backend.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage, QImageReader

from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.errors import DamagedImage, ImageInBucket, PixioDocError
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.imaging.sniff import SNIFF_LENGTH, detect_image_type

log = logging.getLogger(__name__)

T = TypeVar("T")

# Downloads one object left in the clinic's bucket: (object id, on done, on error).
FromBucket = Callable[[str, Callable[[], None], Callable[[Exception], None]], None]

_MB = 1024 * 1024

# Formats QPainter draws without converting the whole image on every paint.
FAST_FORMATS = frozenset({QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32_Premultiplied})


class Submit(Protocol):
    """Runs ``job`` off the GUI thread; calls ``on_done`` or ``on_error`` on the GUI thread."""

    def __call__(
        self,
        job: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        /,
    ) -> None: ...


def paintable(image: QImage) -> QImage:
    """``image`` in a format QPainter draws directly (call it off the GUI thread)."""
    if image.format() in FAST_FORMATS:
        return image
    target = (
        QImage.Format.Format_ARGB32_Premultiplied
        if image.hasAlphaChannel()
        else QImage.Format.Format_RGB32
    )
    return image.convertToFormat(target)


def _qt_format(data: bytes) -> bytes | None:
    """The Qt reader's name for the format the bytes begin with (imaging.sniff).

    Named, the reader goes straight to that plugin. Unnamed, Qt asks every image plugin
    whether it can read the bytes, and the TGA plugin's answer calls
    QCoreApplication.translate, which runs our Python translator: it needs the GIL while
    Qt's plugin lock is held, and another decoding thread holding the GIL waits for that
    lock. Two threads decoding at once hung the demo for good (py-spy, stop 15)."""
    found = detect_image_type(data[:SNIFF_LENGTH])
    return found.name.lower().encode() if found is not None else None


def decode_image(data: bytes) -> QImage:
    """JPEG (or PNG) bytes to a paintable ``QImage``; thread-safe."""
    named = _qt_format(data)
    # PySide's stub says bytes; at run time fromData takes the format's name as str only.
    image = QImage.fromData(data, named.decode() if named else None)  # type: ignore[arg-type]
    if image.isNull():
        raise DamagedImage("The thumbnail could not be decoded.")
    return paintable(image)


def decode_original(data: bytes) -> QImage:
    """A stored original to a paintable ``QImage``, turned upright; thread-safe.

    Unlike the previews, an original keeps its EXIF orientation tag (see
    imaging/metadata.py), so the reader applies it.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, _qt_format(data) or b"")
    reader.setAutoTransform(True)
    image = reader.read()
    # The reader goes before its buffer: the TIFF plugin's handler touches the device when
    # it is deleted, and a buffer deleted first made that a crash (a TIFF original).
    del reader
    if image.isNull():
        raise DamagedImage("The photo could not be decoded at full resolution.")
    return paintable(image)


# --- the default executor ---------------------------------------------------------------


class _Relay(QObject):
    """Lives on the GUI thread; a worker emits here and the delivery runs queued."""

    delivered = Signal(object)

    @Slot(object)
    def deliver(self, box: list[Callable[[], None]]) -> None:
        box.pop()()


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Callable[[], None]], relay: _Relay) -> None:
        super().__init__()
        self._work: Callable[[], Callable[[], None]] | None = work
        self._relay = relay

    def run(self) -> None:
        work, self._work = self._work, None
        if work is None:
            return
        # The box is emptied on the GUI thread, so the callbacks (and the widgets they
        # hold) are always released there, never on this worker thread.
        box = [work()]
        del work
        self._relay.delivered.emit(box)


class PooledJobs(QObject):
    """A ``Submit`` on its own ``QThreadPool``; results come back by queued signal.

    ``cancel_pending()`` drops jobs not yet started and results not yet delivered;
    ``shutdown()`` additionally waits for running jobs and ends the threads, after
    which nothing more is delivered and new jobs are refused silently.
    """

    def __init__(self, max_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The pool is created before the relay so that, when the owner is deleted,
        # the pool (which waits for its jobs) goes before the relay they emit on.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.delivered.connect(self._relay.deliver)
        self._generation = 0
        self._closed = False

    def __call__(
        self,
        job: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        /,
    ) -> None:
        if self._closed:
            return
        generation = self._generation

        def work() -> Callable[[], None]:
            try:
                value = job()
            except Exception as exc:  # noqa: BLE001 - handed to on_error on the GUI thread
                error = exc
                return lambda: self._hand_over(generation, lambda: on_error(error))
            return lambda: self._hand_over(generation, lambda: on_done(value))

        self._pool.start(_Job(work, self._relay))

    def _hand_over(self, generation: int, callback: Callable[[], None]) -> None:
        if generation == self._generation and not self._closed:
            callback()

    def cancel_pending(self) -> None:
        self._generation += 1
        self._pool.clear()

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until every started job has run (tests and shutdown only)."""
        return self._pool.waitForDone(timeout_ms)

    def shutdown(self) -> None:
        self._closed = True
        self.cancel_pending()
        self._pool.waitForDone(-1)


# --- the cache --------------------------------------------------------------------------


class ThumbnailCache:
    """Decoded thumbnails by photo id, least recently used dropped first, bounded by bytes."""

    def __init__(self, max_bytes: int | None = None) -> None:
        if max_bytes is None:
            max_bytes = Settings().thumbnail_cache_mb * _MB
        if max_bytes <= 0:
            raise ValueError("The thumbnail cache needs a positive byte budget.")
        self._max_bytes = max_bytes
        self._images: OrderedDict[str, QImage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @classmethod
    def for_settings(cls, settings: Settings) -> ThumbnailCache:
        return cls(settings.thumbnail_cache_mb * _MB)

    @property
    def max_bytes(self) -> int:
        return self._max_bytes

    @property
    def bytes_used(self) -> int:
        with self._lock:
            return self._bytes

    def __len__(self) -> int:
        with self._lock:
            return len(self._images)

    def __contains__(self, photo_id: object) -> bool:
        with self._lock:
            return photo_id in self._images

    def get(self, photo_id: str) -> QImage | None:
        """The thumbnail, now the most recently used; ``None`` if not cached."""
        with self._lock:
            image = self._images.get(photo_id)
            if image is not None:
                self._images.move_to_end(photo_id)
            return image

    def put(self, photo_id: str, image: QImage) -> bool:
        """Keep ``image``, dropping the least recently used ones beyond the budget.

        Returns False (and keeps nothing) for an image larger than the whole budget.
        """
        size = int(image.sizeInBytes())
        with self._lock:
            self._remove(photo_id)
            if size > self._max_bytes:
                return False
            self._images[photo_id] = image
            self._bytes += size
            while self._bytes > self._max_bytes:
                oldest = next(iter(self._images))
                self._remove(oldest)
            return True

    def discard(self, photo_id: str) -> None:
        with self._lock:
            self._remove(photo_id)

    def clear(self) -> None:
        with self._lock:
            self._images.clear()
            self._bytes = 0

    def set_max_bytes(self, max_bytes: int) -> None:
        """A new budget (the setting changed); evicts at once if it shrank."""
        if max_bytes <= 0:
            raise ValueError("The thumbnail cache needs a positive byte budget.")
        with self._lock:
            self._max_bytes = max_bytes
            while self._bytes > self._max_bytes:
                self._remove(next(iter(self._images)))

    def _remove(self, photo_id: str) -> None:
        image = self._images.pop(photo_id, None)
        if image is not None:
            self._bytes -= int(image.sizeInBytes())


# --- the loader -------------------------------------------------------------------------


class ThumbnailLoader(QObject):
    """Fetches and decodes the thumbnails a view asks for, a few at a time, newest first.

    ``request(ids)`` names what is visible now. Ids already cached, already being
    fetched, or that failed before (until ``clear()``) are skipped; everything else
    is queued. By default the ids still waiting from an earlier request that are not
    in this one are dropped, because they have scrolled out of view
    (``replace_pending=False`` keeps them, behind the new ones). At most
    ``max_in_flight`` jobs are handed to ``submit`` at once, so a fast scroll never
    piles up work for rows the clinician has already passed.
    """

    thumbnailReady = Signal(str)
    thumbnailFetching = Signal(str)
    thumbnailFailed = Signal(str, str)

    def __init__(
        self,
        fetch: Callable[[str], bytes],
        cache: ThumbnailCache,
        submit: Submit | None = None,
        parent: QObject | None = None,
        *,
        max_in_flight: int = 4,
        from_bucket: FromBucket | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._from_bucket = from_bucket
        self._fetched: set[str] = set()  # brought down from the bucket once already
        self._cache = cache
        self._own_jobs: PooledJobs | None = None
        if submit is None:
            self._own_jobs = PooledJobs(parent=self)
            submit = self._own_jobs
        self._submit: Submit = submit
        self._max_in_flight = max(1, max_in_flight)
        self._pending: list[str] = []
        self._in_flight: set[str] = set()
        self._failed: set[str] = set()
        self._generation = 0
        self._closed = False

    @property
    def cache(self) -> ThumbnailCache:
        return self._cache

    def thumbnail(self, photo_id: str) -> QImage | None:
        return self._cache.get(photo_id)

    def isLoading(self, photo_id: str) -> bool:
        return photo_id in self._in_flight or photo_id in self._pending

    def request(self, photo_ids: Iterable[str], *, replace_pending: bool = True) -> None:
        if self._closed:
            return
        wanted: list[str] = []
        seen: set[str] = set()
        for photo_id in photo_ids:
            if photo_id in seen or photo_id in self._in_flight or photo_id in self._failed:
                continue
            seen.add(photo_id)
            if photo_id not in self._cache:
                wanted.append(photo_id)
        kept = [] if replace_pending else [p for p in self._pending if p not in seen]
        self._pending = wanted + kept
        self._pump()

    def retry_failed(self) -> bool:
        """Try the failed ones again when next asked for (a sync round reached the bucket,
        or the record is shown again); True if there were any."""
        had = bool(self._failed)
        self._failed.clear()
        self._fetched.clear()
        return had

    def clear(self) -> None:
        """Forget everything at once: cached images, queued requests, results on their way."""
        self._generation += 1
        self._pending.clear()
        self._in_flight.clear()
        self._failed.clear()
        self._fetched.clear()
        self._cache.clear()
        if self._own_jobs is not None:
            self._own_jobs.cancel_pending()

    def shutdown(self) -> None:
        """``clear()``, and wait for the loader's own threads (if it made its own pool)."""
        self.clear()
        self._closed = True
        if self._own_jobs is not None:
            self._own_jobs.shutdown()

    def _pump(self) -> None:
        while self._pending and len(self._in_flight) < self._max_in_flight:
            photo_id = self._pending.pop(0)
            self._in_flight.add(photo_id)
            self._start(photo_id)

    def _start(self, photo_id: str) -> None:
        fetch = self._fetch
        generation = self._generation

        def job() -> QImage:
            return decode_image(fetch(photo_id))

        def done(image: QImage) -> None:
            if generation != self._generation:
                return
            self._in_flight.discard(photo_id)
            self._cache.put(photo_id, image)
            self.thumbnailReady.emit(photo_id)
            self._pump()

        def from_bucket(error: ImageInBucket) -> bool:
            """Still in the clinic's bucket: fetch it (once), then read it again."""
            if self._from_bucket is None or photo_id in self._fetched:
                return False
            self._fetched.add(photo_id)
            self.thumbnailFetching.emit(photo_id)

            def again() -> None:
                if generation == self._generation:
                    self._start(photo_id)

            self._from_bucket(error.blob_id, again, failed)
            return True

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return
            if isinstance(error, ImageInBucket) and from_bucket(error):
                return  # still in flight: its slot is held while it comes down
            self._in_flight.discard(photo_id)
            self._failed.add(photo_id)
            # Only the type: a message from below might name a file or a patient.
            log.info("A thumbnail could not be loaded (%s)", type(error).__name__)
            self.thumbnailFailed.emit(photo_id, self._message(error))
            self._pump()

        self._submit(job, done, failed)

    def _message(self, error: BaseException) -> str:
        if isinstance(error, PixioDocError):
            return error_text(error)
        return self.tr("The thumbnail could not be loaded.")
