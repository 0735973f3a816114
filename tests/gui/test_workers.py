"""The DB worker: one thread, jobs in order, results on the GUI thread, stale results dropped."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.gui.workers import DbOperation, DbWorker, ImagePool


@pytest.fixture
def worker(qtbot: QtBot) -> Iterator[DbWorker]:
    made = DbWorker()
    yield made
    made.stop()


def test_jobs_run_in_order_on_one_thread_and_report_on_the_gui_thread(
    qtbot: QtBot, worker: DbWorker
) -> None:
    ran_on: list[str] = []
    results: list[int] = []
    delivered_on: list[bool] = []

    def job(n: int) -> int:
        ran_on.append(threading.current_thread().name)
        return n

    def done(n: int) -> None:
        results.append(n)
        delivered_on.append(threading.current_thread() is threading.main_thread())

    for n in range(20):
        DbOperation(lambda n=n: job(n)).success(done).run(worker)
    qtbot.waitUntil(lambda: len(results) == 20, timeout=5000)
    assert results == list(range(20))
    assert set(ran_on) == {"pixiodoc-db"}
    assert all(delivered_on)


def test_failures_reach_the_failure_handler(qtbot: QtBot, worker: DbWorker) -> None:
    errors: list[Exception] = []

    def boom() -> None:
        raise InvalidInput("no")

    DbOperation(boom).failure(errors.append).run(worker)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], InvalidInput)


def test_results_queued_before_a_lock_are_dropped(qtbot: QtBot, worker: DbWorker) -> None:
    gate = threading.Event()
    seen: list[str] = []
    DbOperation(gate.wait).run(worker)
    DbOperation(lambda: "patient data").success(seen.append).run(worker)
    DbOperation(lambda: "unlock result").success(seen.append).survive_lock().run(worker)
    worker.invalidate()
    gate.set()
    qtbot.waitUntil(lambda: seen == ["unlock result"], timeout=5000)
    assert worker.wait_idle()
    qtbot.wait(50)
    assert seen == ["unlock result"]


def test_image_pool_maps_and_stops(qtbot: QtBot) -> None:
    pool = ImagePool(workers=2)
    try:
        assert pool.map(lambda x: x * 2, [1, 2, 3]) == [2, 4, 6]
        got: list[int] = []
        pool.submit(lambda: 7, got.append)
        qtbot.waitUntil(lambda: got == [7], timeout=5000)
    finally:
        pool.stop()
