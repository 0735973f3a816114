"""Day one, on the demo as shipped: the capture window (Ctrl+K) opens at its own default size
on a 1366x768 screen and its right panel shows whole, English and German: every tab's
page fits beside the preview without a sideways scroll bar, and no combo, button or
label is cut off (tests/gui/fit.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import SCREEN, demo_app, demo_vaults, dialog_of, shoot, shots
from fit import clipped
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.capture_view import CaptureView

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


@pytest.mark.parametrize("language", ["en", "de"])
def test_capture_window_at_its_default_size_shows_its_panel_whole(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog_of(CaptureView, window) is not None, timeout=5000)
    view = dialog_of(CaptureView, window)
    assert isinstance(view, CaptureView)
    qtbot.waitUntil(lambda: view.camera_panel.device_combo.count() >= 1, timeout=10000)
    # Its default size as a 1366x768 screen leaves it (side_windows.place_on_parent_screen;
    # the offscreen test screen is another size).
    view.resize(min(1280, int(SCREEN[0] * 0.96)), min(820, int(SCREEN[1] * 0.92)))
    problems: list[str] = []
    bar = view.tabs.tabBar()
    for index in range(view.tabs.count()):
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        page = view.tabs.currentWidget()
        assert isinstance(page, QScrollArea)
        qtbot.waitUntil(page.isVisible, timeout=5000)
        shoot(view, shots, f"capture-fit-{index}-{language}")
        if page.horizontalScrollBar().maximum() > 0:
            problems.append(
                f"{bar.tabText(index)}: page needs {page.widget().minimumSizeHint().width()} px,"
                f" has {page.viewport().width()}"
            )
        problems += [f"{bar.tabText(index)}: {p}" for p in clipped(view)]
    assert not problems, "\n".join(problems)
