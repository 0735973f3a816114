"""Day two, the dermatologist opens files on a new account (no Documents folder yet), on
the demo clinic in German at 1366x768: Capture › Camera › Video file… and File › Import
photos… open their dialogs in the home folder. They started in the folder the program was
launched from (an installation's folder, or here the developer's checkout); the PDF report
already started in Documents or home. The dialogs are the platform's (answered with Cancel
here); what they were asked to open is what a person would see."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import click_menu, demo_app, demo_vaults, dialog_of, shots
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.capture_camera import VIDEO_FILE
from pixiodoc_desktop.gui.views.capture_view import CaptureView

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


def test_open_dialogs_start_at_home(
    qtbot: QtBot,
    demo_app: Callable[..., MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))  # a new account: no ~/Documents yet
    window = demo_app("de")
    offered: list[str] = []

    def open_dialog(_parent: QWidget, _title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return "", ""  # Cancel

    def open_many(_parent: QWidget, _title: str, start: str, _filter: str) -> tuple[list[str], str]:
        offered.append(start)
        return [], ""  # Cancel

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_many)

    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog_of(CaptureView, window) is not None, timeout=5000)
    view = dialog_of(CaptureView, window)
    assert isinstance(view, CaptureView)
    combo = view.camera_panel.device_combo
    qtbot.waitUntil(lambda: combo.count() >= 1, timeout=10000)
    assert combo.itemData(combo.count() - 1) == VIDEO_FILE
    tabs = combo.parentWidget()
    while tabs is not None and not isinstance(tabs, QTabWidget):
        tabs = tabs.parentWidget()
    assert tabs is not None
    bar = tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())  # "Kamera"
    qtbot.waitUntil(combo.isVisible, timeout=5000)
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_End)  # the last entry, "Videodatei…"
    qtbot.waitUntil(lambda: len(offered) == 1, timeout=5000)
    assert Path(offered[0]) == home, offered
    view.close()

    menu = QCoreApplication.translate("MainWindow", "&File").replace("&", "")
    click_menu(qtbot, window, menu, QCoreApplication.translate("MainWindow", "Import photos…"))
    qtbot.waitUntil(lambda: len(offered) == 2, timeout=5000)
    assert Path(offered[1]) == home, offered
