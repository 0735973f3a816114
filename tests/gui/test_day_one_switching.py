"""Day one: switching from a long record to the next patient shows only the next one.

A long record (the demo's mole-mapping patient, 92 photos) opens with its newest
photos first and the rest of its timeline after the first paint. When the
clinician clicks the next patient while that rest is still on its way, the rest
must not be painted and announced again after the click (on the demo as shipped
it came between the click and the next record). To stay lean the test takes the
small demo and makes its first page two photos long, so every record is "long";
the database worker is held (as a slow disk holds it) until the rest has been
asked for and the click is in, so the two jobs queue in exactly that order.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from day_one import demo_app, demo_vaults, whole_record
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui import record_loader
from pixiodoc_desktop.gui.main_window import MainWindow

__all__ = ["demo_app", "demo_vaults"]  # fixtures used below


def test_the_rest_of_the_previous_record_does_not_come_back_after_a_click(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(record_loader, "FIRST_PAGE", 2)
    window = demo_app("en", wait=False)
    held = threading.Event()
    holding: list[bool] = []

    def hold(_patient_id: str) -> None:  # as the first page shows, before the rest is asked
        if not holding:
            holding.append(True)
            window.ctx.worker.submit(held.wait)

    window.state.record_shown.connect(hold)
    timeline = window.timeline.timeline
    try:
        # The first screenful is painted: the rest of the record is asked for now.
        qtbot.waitUntil(
            lambda: window.record is not None and not timeline._awaiting_screenful, timeout=30000
        )
        record = window.record
        assert record is not None
        assert not record.complete, "the record should open with its newest page first"
        first = record.patient.id
        model, listing = window.patients.model, window.patients.list
        row = next(r for r in range(model.rowCount()) if model.patient(r).id != first)  # type: ignore[union-attr]
        shown: list[str] = []
        window.state.record_shown.connect(shown.append)
        QTest.mouseClick(
            listing.viewport(),
            Qt.MouseButton.LeftButton,
            pos=listing.visualRect(model.index(row)).center(),
        )
        assert window.record is not None and window.record.patient.id == first
    finally:
        held.set()
    wanted = model.patient(row)
    assert wanted is not None
    qtbot.waitUntil(lambda: wanted.id in shown, timeout=20000)
    whole_record(qtbot, window)
    assert window.record is not None and window.record.patient.id == wanted.id
    assert set(shown) == {wanted.id}, "the previous patient's record was shown after the click"
