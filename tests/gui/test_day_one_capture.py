"""Day one, on the demo as shipped: capture from a video file, the hot folder, import with context,
and typing in the search right after unlocking never leaves capture or import aimed at a
patient other than the one in the header."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import cv2
from day_one import click, demo_app, demo_vaults, dialog_of, open_patient, shoot, shots
from gui_support import write_jpegs
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QTabWidget
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.demo.photos import render_photo, scene_for
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.capture_camera import VIDEO_FILE
from pixiodoc_desktop.gui.views.capture_view import CaptureView
from pixiodoc_desktop.gui.views.import_context_dialog import ImportContextDialog

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


def _video(path: Path) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15.0, (320, 240))
    assert writer.isOpened()
    scene = scene_for(7, "naevus")
    for index in range(20):
        rgb = render_photo(scene, index % 4, 4, size=(320, 240))
        writer.write(rgb)  # render_photo gives BGR, as OpenCV writes it
    writer.release()
    return path


def _capture_window(qtbot: QtBot, window: MainWindow) -> CaptureView:
    qtbot.waitUntil(lambda: dialog_of(CaptureView, window) is not None, timeout=5000)
    view = dialog_of(CaptureView, window)
    assert isinstance(view, CaptureView)
    return view


def test_search_after_unlock_then_capture_from_a_video_file_and_the_hot_folder(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, tmp_path: Path
) -> None:
    window = demo_app("en", wait=False)
    qtbot.waitUntil(window.is_unlocked, timeout=30000)
    # Type at once, before the demo's first patient may have opened.
    qtbot.keyClicks(window.patients.search, "nowak")
    qtbot.waitUntil(
        lambda: [p.family_name for p in window.patients.model.rows()] == ["Nowak"], timeout=10000
    )
    qtbot.wait(300)  # any late "open the first patient" would have arrived by now
    record = window.record
    assert record is None or window.timeline.name_label.text() == record.patient.display_name
    QTest.keyClick(window.patients.search, Qt.Key.Key_Return)  # opens the first match
    qtbot.waitUntil(
        lambda: window.record is not None and window.record.patient.family_name == "Nowak",
        timeout=10000,
    )
    assert window.timeline.name_label.text() == window.record.patient.display_name

    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    view = _capture_window(qtbot, window)
    assert view.patient_id == window.record.patient.id
    qtbot.waitUntil(lambda: "Nowak" in view.windowTitle(), timeout=10000)
    assert "PixioDoc" not in view.windowTitle()  # Qt appends it: the name once
    view.resize(1366, 768)
    qtbot.waitUntil(lambda: view.camera_panel.device_combo.count() >= 1, timeout=10000)
    # No camera on this machine: Take photo says why.
    qtbot.waitUntil(lambda: "No camera is running" in view.take_reason.text(), timeout=10000)
    assert not view.take_button.isEnabled()
    shoot(view, shots, "capture-01-no-camera-en")

    combo = view.camera_panel.device_combo
    assert combo.itemData(combo.count() - 1) == VIDEO_FILE
    assert combo.itemText(combo.count() - 1) == "Video file…"
    video = _video(tmp_path / "examination.avi")
    view.camera_panel.ask_video_file = lambda: str(video)  # type: ignore[method-assign]
    tabs = combo.parentWidget()
    while tabs is not None and not isinstance(tabs, QTabWidget):
        tabs = tabs.parentWidget()
    assert tabs is not None
    bar = tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())  # "Camera"
    qtbot.waitUntil(combo.isVisible, timeout=5000)
    combo.setFocus()
    assert combo.currentIndex() == -1 and combo.currentText() == ""  # placeholder shown
    QTest.keyClick(combo, Qt.Key.Key_End)  # chooses the last entry, "Video file…"
    qtbot.waitUntil(view.is_running, timeout=15000)
    assert combo.currentText() == "examination.avi"
    assert view.take_button.isEnabled() and view.take_reason.text() == ""
    with qtbot.waitSignal(view.photo_taken, timeout=20000):
        click(view.take_button)
    shoot(view, shots, "capture-02-video-file-en")

    # A tethered camera's file arrives in the hot folder: it counts and shows.
    folder = tmp_path / "tethered"
    folder.mkdir()
    view.start_watching(folder)
    with qtbot.waitSignal(view.hot_folder_panel.arrived, timeout=30000):
        write_jpegs(tmp_path / "camera-card", 1)[0].rename(folder / "IMG_0001.jpg")
    qtbot.waitUntil(lambda: len(view.session_photos) == 2, timeout=10000)
    assert view.record_panel.session_label.text().startswith("2 photo")
    shoot(view, shots, "capture-03-hot-folder-en")

    # Opening another patient closes the capture aimed at Nowak.
    window.patients.search.clear()
    qtbot.waitUntil(lambda: window.patients.model.rowCount() > 1, timeout=10000)
    other = next(i for i, p in enumerate(window.patients.model.rows()) if p.family_name != "Nowak")
    with qtbot.waitSignal(window.state.patient_opened, timeout=10000):
        window.patients.select_row(other)
    qtbot.waitUntil(lambda: dialog_of(CaptureView, window) is None, timeout=5000)


def test_import_asks_for_visit_site_lesion_and_modality_from_the_selection(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, tmp_path: Path
) -> None:
    window = demo_app("de")
    # A patient with close-ups in both demos (the full one opens Ahmadi first: dermoscopy only).
    open_patient(qtbot, window, "Nowak")
    record = window.record
    assert record is not None
    timeline = window.timeline.timeline
    close_up = next(p for p in timeline.photos() if p.modality == "close-up")
    timeline.select(close_up.id)
    files = write_jpegs(tmp_path / "card", 2)
    window.ask_import_files = lambda: files  # type: ignore[method-assign]
    QTest.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog_of(ImportContextDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ImportContextDialog, window)
    assert isinstance(dialog, ImportContextDialog)
    assert record.patient.display_name in dialog.windowTitle()
    assert dialog.visit.currentData() == close_up.visit_id
    assert dialog.body_site.currentData() == close_up.body_site
    assert dialog.modality.currentData() == "close-up"
    assert not dialog.date.isEnabled() and not dialog.date.isVisible()  # no "new visit" date
    shoot(dialog, shots, "import-01-context-de")
    # A new visit instead, on a chosen date.
    dialog.visit.setCurrentIndex(dialog.visit.findData("\x00new"))
    assert dialog.date.isEnabled() and dialog.date.isVisible()
    shoot(dialog, shots, "import-01b-context-new-visit-de")
    day = dt.date.today() - dt.timedelta(days=1)
    dialog.date.setDate(day)
    ok = dialog.findChild(QPushButton, "ImportOkButton")
    assert ok is not None
    with qtbot.waitSignal(window.importer.finished, timeout=60000):
        click(ok)
    report = window.importer.last_report
    assert report is not None and len(report.imported) == 2
    qtbot.waitUntil(
        lambda: (
            window.record is not None
            and sum(1 for p in window.record.photos if p.visit_date == day) == 2
        ),
        timeout=10000,
    )
    added = [p for p in window.record.photos if p.visit_date == day]
    assert {p.modality for p in added} == {"close-up"}
    assert {p.body_site for p in added} == {close_up.body_site}
    assert {p.patient_id for p in added} == {record.patient.id}
