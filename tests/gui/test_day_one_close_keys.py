"""Day one, on the demo as shipped: windows close from the keyboard, and the capture
screen talks of a series only for a photo of one.

The compare window (Ctrl+D) closes on Esc, as the photo viewer and the capture window
do, and on Ctrl+W; a measuring tool that is on takes the first Esc (it is left, the
window stays). The capture screen (Ctrl+K) of an acne follow-up ('Not in a series')
shows no 'Series 0 of 8 · next: …' line; choosing a pose shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import click, demo_app, demo_vaults, dialog_of, shoot, shots
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.capture_view import CaptureView
from pixiodoc_desktop.gui.views.compare_view import CompareView

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below

CTRL = Qt.KeyboardModifier.ControlModifier


def _compare(qtbot: QtBot, window: MainWindow) -> CompareView:
    window.activateWindow()  # (a closed window leaves none active on the offscreen platform)
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    QTest.keyClick(window, Qt.Key.Key_D, CTRL)
    found: list[CompareView] = []

    def opened() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, CompareView) and w.isVisible() and w.display is not None
        ]
        return bool(found)

    qtbot.waitUntil(opened, timeout=30000)
    view = found[0]
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=5000)
    return view


def test_the_compare_window_closes_on_esc_after_a_tool_and_on_ctrl_w(
    qtbot: QtBot, demo_app: Callable[..., MainWindow]
) -> None:
    window = demo_app("en")
    view = _compare(qtbot, window)
    distance = view.tools.buttons["distance"]
    click(distance)
    assert distance.isChecked()
    QTest.keyClick(view, Qt.Key.Key_Escape)  # the tool first
    assert not distance.isChecked()
    assert view.isVisible()
    QTest.keyClick(view, Qt.Key.Key_Escape)  # then the window
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=5000)

    again = _compare(qtbot, window)
    QTest.keyClick(again, Qt.Key.Key_W, CTRL)
    qtbot.waitUntil(lambda: not again.isVisible(), timeout=5000)


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_capture_screen_shows_the_series_line_only_for_a_series_pose(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: dialog_of(CaptureView, window) is not None, timeout=5000)
    view = dialog_of(CaptureView, window)
    assert isinstance(view, CaptureView)
    view.resize(1366, 768)
    panel = view.record_panel
    qtbot.waitUntil(lambda: panel.record is not None, timeout=10000)
    line = view.findChild(QLabel, "seriesChecklist")
    assert line is not None and line is panel.series_label
    combo = panel.pose_combo
    assert combo.currentData() is None  # "Not in a series": the acne follow-up
    assert line.text() == "" and line.toolTip() == ""
    shoot(view, shots, f"capture-not-in-a-series-{language}")
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # the protocol's first pose
    assert combo.currentData() is not None
    assert line.text().startswith(("Series ", "Serie ")), line.text()
    shoot(view, shots, f"capture-series-pose-{language}")
    QTest.keyClick(combo, Qt.Key.Key_Home)  # back to "Not in a series"
    assert combo.currentData() is None and line.text() == ""
