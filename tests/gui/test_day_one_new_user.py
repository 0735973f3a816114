"""Day one as a new user walks it: what a first afternoon with `pixiodoc --demo` showed.

- English counts read as English: "1 patient", "4 patients", "8 photos", never the
  "(s)" the German translator's plural forms are written with.
- Write report… on an account without a Documents folder (a fresh Linux login) starts
  the save dialog in the home folder, not in whatever folder the program was started
  from (a source checkout, /opt/pixiodoc, a USB stick).
- After a photo taken today the compare window's progression strip holds more visits
  than fit beside each other: it scrolls sideways and still shows each photo whole
  (no photo cut at the bottom, no second, vertical scroll bar).

Each test drives the real demo window with clicks and keys.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import cv2
import pytest
from day_one import SCREEN, click, click_menu, demo_app, demo_vaults, dialog_of, shoot, shots
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.demo.photos import render_photo, scene_for
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.capture_view import CaptureView
from pixiodoc_desktop.gui.views.compare_view import CompareView
from pixiodoc_desktop.gui.views.report_dialog import ReportDialog

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


def test_english_counts_say_patient_and_patients(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path
) -> None:
    """The patient list's count and the record's photo count, as a person reads them."""
    window = demo_app("en")
    patients = window.patients
    everyone = len(patients.model.rows())
    qtbot.waitUntil(lambda: patients.count_label.text() != "", timeout=10000)
    assert patients.count_label.text() == f"{everyone} patients"
    facts = window.timeline.facts_label.text()
    assert "(s)" not in facts and " photos" in facts, facts
    qtbot.keyClicks(patients.search, "Nowak")
    qtbot.waitUntil(lambda: len(patients.model.rows()) == 1, timeout=10000)
    qtbot.waitUntil(lambda: patients.count_label.text() == "1 patient", timeout=10000)
    shoot(window, shots, "new-user-counts-en")


def _video(path: Path) -> Path:
    """A short examination video, the capture screen's "Video file…" camera."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15.0, (320, 240))
    assert writer.isOpened()
    scene = scene_for(3, "naevus")
    for index in range(12):
        writer.write(render_photo(scene, index % 4, 4, size=(320, 240)))
    writer.release()
    return path


def _take_a_photo(qtbot: QtBot, window: MainWindow, video: Path) -> None:
    """Ctrl+K, the video file as the camera, Take photo, close: today's photo of the
    site, lesion and modality selected in the timeline."""
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog_of(CaptureView, window) is not None, timeout=5000)
    view = dialog_of(CaptureView, window)
    assert isinstance(view, CaptureView)
    combo = view.camera_panel.device_combo
    qtbot.waitUntil(lambda: combo.count() >= 1, timeout=10000)
    view.camera_panel.ask_video_file = lambda: str(video)  # type: ignore[method-assign]
    bar = view.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())  # Camera
    qtbot.waitUntil(combo.isVisible, timeout=5000)
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_End)  # the last entry, "Video file…"
    qtbot.waitUntil(view.is_running, timeout=15000)
    with qtbot.waitSignal(view.photo_taken, timeout=20000) as taken:
        QTest.mouseClick(view.take_button, Qt.MouseButton.LeftButton)
    view.close()
    photo_id = taken.args[0].photo.id
    qtbot.waitUntil(lambda: photo_id in window.timeline.timeline._photo_rects, timeout=10000)


def _compare_window(qtbot: QtBot, window: MainWindow) -> CompareView:
    """View › Compare… (Ctrl+D) on the photo selected in the timeline."""
    click_menu(qtbot, window, "View", "Compare…")
    found: list[CompareView] = []

    def opened() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, CompareView) and w.isVisible() and w.display is not None
        ]
        return bool(found)

    qtbot.waitUntil(opened, timeout=30000)
    return found[0]


def test_the_progression_strip_shows_every_photo_whole_when_it_scrolls(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, tmp_path: Path
) -> None:
    """Four visits and today's photo: five items, more than fit in the compare window as
    it opens on a 1366x768 screen. The strip scrolls sideways, each item stays whole."""
    window = demo_app("en")
    _take_a_photo(qtbot, window, _video(tmp_path / "examination.avi"))
    view = _compare_window(qtbot, window)
    view.resize(1280, SCREEN[1] - 62)  # as side_windows opens it on a 1366x768 screen
    strip = view.strip
    qtbot.waitUntil(lambda: strip.count() >= 5, timeout=10000)
    QApplication.processEvents()
    assert strip.horizontalScrollBar().isVisible(), "the course fits: nothing to scroll"
    shoot(view, shots, "new-user-strip-scrolls-en")
    assert not strip.verticalScrollBar().isVisible()
    room = strip.viewport().rect()
    for row in range(strip.count()):
        item = strip.visualItemRect(strip.item(row))
        assert room.top() <= item.top() and item.bottom() <= room.bottom(), (row, item, room)
    view.close()


def test_write_report_starts_in_the_home_folder_when_there_is_no_documents_folder(
    qtbot: QtBot,
    demo_app: Callable[..., MainWindow],
    shots: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Patient › Export report (PDF)…, Write report…: the save dialog is offered a folder
    that exists, with the suggested name. The dialog itself is the platform's (it is
    answered with Cancel here); what it was asked to open is what a person would see."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))  # a new account: no ~/Documents yet
    window = demo_app("en")
    offered: list[str] = []

    def save_dialog(_parent: QWidget, _title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return "", ""  # Cancel

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    click_menu(qtbot, window, "Patient", "Export report (PDF)…")
    qtbot.waitUntil(lambda: dialog_of(ReportDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ReportDialog, window)
    assert isinstance(dialog, ReportDialog)
    shoot(dialog, shots, "new-user-report-builder-en")
    click(dialog.write_button)
    qtbot.waitUntil(lambda: bool(offered), timeout=5000)
    start = Path(offered[0])
    assert start.name.startswith("Report MRN-"), start
    assert start.parent == home, start  # exists, so the dialog opens there
    dialog.reject()
