"""Thumbnails: a byte-bounded in-memory cache and a loader that fetches off the GUI thread."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections import Counter
from collections.abc import Callable, Iterator

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.demo.photos import encode_jpeg
from pixiodoc_desktop.errors import BlobDamaged
from pixiodoc_desktop.gui.thumbnails import PooledJobs, ThumbnailCache, ThumbnailLoader


def image(width: int = 10, height: int = 10, colour: QColor | None = None) -> QImage:
    picture = QImage(width, height, QImage.Format.Format_RGB32)
    picture.fill(colour or QColor(180, 120, 100))
    return picture


def jpeg(colour: QColor) -> bytes:
    bgr = np.empty((24, 32, 3), dtype=np.uint8)
    bgr[:] = (colour.blue(), colour.green(), colour.red())
    return encode_jpeg(bgr)


ONE = image().sizeInBytes()  # 400 bytes


# --- the cache -----------------------------------------------------------------------------


def test_default_budget_comes_from_the_settings() -> None:
    assert ThumbnailCache().max_bytes == Settings().thumbnail_cache_mb * 1024 * 1024
    settings = Settings(thumbnail_cache_mb=64)
    assert ThumbnailCache.for_settings(settings).max_bytes == 64 * 1024 * 1024


def test_cache_evicts_the_least_recently_used_by_bytes() -> None:
    cache = ThumbnailCache(max_bytes=3 * ONE)
    for photo_id in ("a", "b", "c"):
        assert cache.put(photo_id, image())
    assert cache.bytes_used == 3 * ONE
    assert cache.get("a") is not None  # "a" is now the most recently used
    cache.put("d", image())
    assert "b" not in cache
    assert [p for p in "acd" if p in cache] == ["a", "c", "d"]
    assert cache.bytes_used == 3 * ONE

    cache.put("big", image(20, 10))  # two slots' worth: "c" and "a" make room
    assert "big" in cache and "d" in cache
    assert "a" not in cache and "c" not in cache
    assert cache.bytes_used <= cache.max_bytes


def test_replacing_an_image_counts_its_bytes_once() -> None:
    cache = ThumbnailCache(max_bytes=10 * ONE)
    cache.put("a", image())
    cache.put("a", image(20, 10))
    assert len(cache) == 1
    assert cache.bytes_used == 2 * ONE


def test_an_image_larger_than_the_budget_is_not_kept() -> None:
    cache = ThumbnailCache(max_bytes=ONE)
    cache.put("a", image())
    assert not cache.put("huge", image(100, 100))
    assert "huge" not in cache
    assert "a" in cache


def test_clear_empties_the_cache_at_once() -> None:
    cache = ThumbnailCache(max_bytes=10 * ONE)
    for photo_id in "abc":
        cache.put(photo_id, image())
    cache.clear()
    assert len(cache) == 0
    assert cache.bytes_used == 0
    assert cache.get("a") is None


def test_a_smaller_budget_evicts_at_once() -> None:
    cache = ThumbnailCache(max_bytes=10 * ONE)
    for photo_id in "abcd":
        cache.put(photo_id, image())
    cache.set_max_bytes(2 * ONE)
    assert [p for p in "abcd" if p in cache] == ["c", "d"]


def test_the_cache_is_safe_across_threads() -> None:
    cache = ThumbnailCache(max_bytes=50 * ONE)
    pictures = [image() for _ in range(8)]

    def churn(worker: int) -> None:
        for n in range(300):
            cache.put(f"{worker}-{n % 80}", pictures[worker])
            cache.get(f"{worker}-{(n * 7) % 80}")

    threads = [threading.Thread(target=churn, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.bytes_used == len(cache) * ONE <= cache.max_bytes


# --- the loader ----------------------------------------------------------------------------


class Vault:
    """Thumbnail bytes by photo id; counts fetches and can hold them until released."""

    def __init__(self) -> None:
        self.data = {
            "red": jpeg(QColor(220, 30, 30)),
            "green": jpeg(QColor(30, 200, 30)),
            "blue": jpeg(QColor(30, 30, 220)),
            "broken": b"not a jpeg at all",
        }
        self.calls: Counter[str] = Counter()
        self.threads: set[int] = set()
        self.gate = threading.Event()
        self.gate.set()
        self._lock = threading.Lock()

    def fetch(self, photo_id: str) -> bytes:
        with self._lock:
            self.calls[photo_id] += 1
            self.threads.add(threading.get_ident())
        assert self.gate.wait(10)
        if photo_id == "damaged":
            raise BlobDamaged("The image object is damaged; restore it from a backup.")
        return self.data[photo_id]


@pytest.fixture
def vault() -> Vault:
    return Vault()


@pytest.fixture
def make_loader(qtbot: QtBot) -> Iterator[Callable[..., ThumbnailLoader]]:
    made: list[ThumbnailLoader] = []

    def make(vault: Vault, **kwargs: object) -> ThumbnailLoader:
        loader = ThumbnailLoader(vault.fetch, ThumbnailCache(max_bytes=1 << 20), **kwargs)  # type: ignore[arg-type]
        made.append(loader)
        return loader

    yield make
    for loader in made:
        loader.shutdown()


def test_loader_delivers_decoded_thumbnails_on_the_gui_thread(
    qtbot: QtBot, vault: Vault, make_loader: Callable[..., ThumbnailLoader]
) -> None:
    loader = make_loader(vault)
    delivered_on: list[threading.Thread] = []
    ready: list[str] = []

    def on_ready(photo_id: str) -> None:
        delivered_on.append(threading.current_thread())
        ready.append(photo_id)

    loader.thumbnailReady.connect(on_ready)
    loader.request(["red", "green"])
    qtbot.waitUntil(lambda: sorted(ready) == ["green", "red"])
    assert all(thread is threading.main_thread() for thread in delivered_on)
    assert threading.get_ident() not in vault.threads  # fetched off the GUI thread
    red = loader.thumbnail("red")
    assert red is not None and red.size().width() == 32
    colour = red.pixelColor(16, 12)
    assert colour.red() > 180 and colour.green() < 80


def test_loader_deduplicates_requests_in_flight(
    qtbot: QtBot, vault: Vault, make_loader: Callable[..., ThumbnailLoader]
) -> None:
    loader = make_loader(vault)
    ready: list[str] = []
    loader.thumbnailReady.connect(ready.append)
    vault.gate.clear()  # hold every fetch until all requests are made
    loader.request(["red", "red", "green"])
    loader.request(["red", "green"])
    loader.request(["green", "red", "red"])
    assert loader.isLoading("red")
    vault.gate.set()
    qtbot.waitUntil(lambda: len(ready) == 2)
    qtbot.wait(30)
    assert sorted(ready) == ["green", "red"]
    assert vault.calls == Counter({"red": 1, "green": 1})

    loader.request(["red", "green"])  # cached now: nothing is fetched again
    qtbot.wait(30)
    assert vault.calls == Counter({"red": 1, "green": 1})


def test_requests_scrolled_out_of_view_are_dropped(
    qtbot: QtBot, vault: Vault, make_loader: Callable[..., ThumbnailLoader]
) -> None:
    loader = make_loader(vault, max_in_flight=1)
    ready: list[str] = []
    loader.thumbnailReady.connect(ready.append)
    vault.gate.clear()
    loader.request(["red", "green"])  # red starts, green waits
    loader.request(["blue"])  # green has scrolled away
    vault.gate.set()
    qtbot.waitUntil(lambda: len(ready) == 2)
    qtbot.wait(30)
    assert ready == ["red", "blue"]
    assert "green" not in vault.calls


def test_failures_are_reported_once_and_not_retried(
    qtbot: QtBot, vault: Vault, make_loader: Callable[..., ThumbnailLoader]
) -> None:
    loader = make_loader(vault)
    failures: list[tuple[str, str]] = []
    loader.thumbnailFailed.connect(lambda pid, message: failures.append((pid, message)))
    loader.request(["broken", "damaged"])
    qtbot.waitUntil(lambda: len(failures) == 2)
    messages = dict(failures)
    assert messages["damaged"] == "The image object is damaged; restore it from a backup."
    assert messages["broken"] == "The thumbnail could not be decoded."
    loader.request(["broken", "damaged"])
    qtbot.wait(30)
    assert vault.calls == Counter({"broken": 1, "damaged": 1})


def test_clear_forgets_everything_and_drops_late_results(
    qtbot: QtBot, vault: Vault, make_loader: Callable[..., ThumbnailLoader]
) -> None:
    loader = make_loader(vault)
    ready: list[str] = []
    loader.thumbnailReady.connect(ready.append)
    loader.request(["red"])
    qtbot.waitUntil(lambda: ready == ["red"])

    vault.gate.clear()
    loader.request(["green"])
    loader.clear()  # the workstation locks while green is being fetched
    assert len(loader.cache) == 0
    assert loader.thumbnail("red") is None
    assert not loader.isLoading("green")
    vault.gate.set()
    qtbot.wait(50)
    assert ready == ["red"]
    assert loader.thumbnail("green") is None


def test_loader_works_with_an_executor_it_is_given(
    qtbot: QtBot, vault: Vault, make_loader: Callable[..., ThumbnailLoader]
) -> None:
    jobs = PooledJobs(max_threads=1)
    submitted: list[str] = []

    def submit(
        job: Callable[[], object],
        on_done: Callable[[object], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        submitted.append("job")
        jobs(job, on_done, on_error)

    loader = make_loader(vault, submit=submit)
    ready: list[str] = []
    loader.thumbnailReady.connect(ready.append)
    loader.request(["blue"])
    qtbot.waitUntil(lambda: ready == ["blue"])
    assert submitted == ["job"]
    jobs.shutdown()


def test_pooled_jobs_shutdown_waits_and_delivers_nothing_more(qtbot: QtBot) -> None:
    jobs = PooledJobs()
    gate = threading.Event()
    done: list[int] = []
    jobs(lambda: gate.wait(10), lambda _ok: done.append(1), lambda _exc: done.append(-1))
    gate.set()
    jobs.shutdown()
    qtbot.wait(30)
    assert done == []
    jobs(lambda: 1, lambda _ok: done.append(1), lambda _exc: done.append(-1))
    qtbot.wait(30)
    assert done == []
