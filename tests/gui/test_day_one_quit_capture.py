"""Day one, on the demo: a photo taken just before quitting is stored, never dropped.

Capture photos… (Ctrl+K), the "Video file…" camera, Take photo (a burst of 3: its frames
arrive over the next moments), and File › Quit at once. The main window waits until the
burst's photo is on its way to the vault, then quits, and quitting waits for that write:
the photo is in the vault afterwards. (Before, the window shut the database worker while
the burst's frames were still arriving, and the photo was lost with an error.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import cv2
from day_one import demo_app, demo_vaults, dialog_of, menu_named, shoot, shots
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.photos import Photos
from pixiodoc_desktop.demo.clinic import DemoVault
from pixiodoc_desktop.demo.photos import render_photo, scene_for
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.capture_view import CaptureView
from pixiodoc_desktop.vault.vault import Vault

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


def _video(path: Path) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15.0, (320, 240))
    assert writer.isOpened()
    scene = scene_for(7, "naevus")
    for index in range(12):
        writer.write(render_photo(scene, index % 4, 4, size=(320, 240)))
    writer.release()
    return path


def test_a_photo_taken_as_the_window_quits_is_stored(
    qtbot: QtBot,
    demo_app: Callable[..., MainWindow],
    demo_vaults: Callable[[str], DemoVault],
    shots: Path,
    tmp_path: Path,
) -> None:
    language = "de"
    window = demo_app(language)
    record = window.record
    assert record is not None
    patient_id, before = record.patient.id, len(record.photos)
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog_of(CaptureView, window) is not None, timeout=5000)
    view = dialog_of(CaptureView, window)
    assert isinstance(view, CaptureView)
    combo = view.camera_panel.device_combo
    qtbot.waitUntil(lambda: combo.count() >= 1, timeout=10000)
    video = _video(tmp_path / "examination.avi")
    view.camera_panel.ask_video_file = lambda: str(video)  # type: ignore[method-assign]
    bar = view.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())  # Camera
    qtbot.waitUntil(combo.isVisible, timeout=5000)
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_End)  # the last entry, "Video file…"
    qtbot.waitUntil(view.is_running, timeout=15000)
    assert view.take_row.burst()  # the default: three frames, the sharpest kept
    QTest.mouseClick(view.take_button, Qt.MouseButton.LeftButton)
    assert view.taking()
    quit_text = QCoreApplication.translate("MainWindow", "Quit")
    file_menu = menu_named(
        window, QCoreApplication.translate("MainWindow", "&File").replace("&", "")
    )
    next(a for a in file_menu.actions() if a.text() == quit_text).trigger()
    shoot(window, shots, f"quit-while-taking-{language}")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    source = demo_vaults(language)
    ws, actor = log_in(Vault.open(tmp_path / f"demo-{language}"), source.login, source.password)
    try:
        assert len(Photos(ws).list(actor, patient_id)) == before + 1
    finally:
        lock(ws, actor)
