"""Day one, on the demo: capture and import start from what the clinician is looking at.

The photo selected in the timeline (clicked with the mouse) decides the capture screen's
body site, lesion and modality, and the ghost over the live picture is the last visit's
photo of that site; with nothing selected, the record's newest photo decides (import too).
Asserted on what the capture screen paints and on the photo it stores.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pytest
from day_one import (
    click,
    click_menu,
    click_tile,
    demo_app,
    demo_vaults,
    dialog_of,
    open_patient,
    shoot,
    shots,
)
from gui_support import in_vault, write_jpegs
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.records.photos import ImageSize, PhotoSummary
from pixiodoc_desktop.demo.photos import render_photo, scene_for
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.capture_record import starting_photo
from pixiodoc_desktop.gui.views.capture_view import CaptureView
from pixiodoc_desktop.gui.views.import_context_dialog import ImportContextDialog

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


def _video(path: Path) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15.0, (320, 240))
    assert writer.isOpened()
    scene = scene_for(3, "naevus")
    for index in range(8):
        writer.write(render_photo(scene, index % 2, 2, size=(320, 240)))
    writer.release()
    return path


def _small(image: QImage) -> np.ndarray:
    """An image as a 16x12 grey thumbnail, to tell two pictures apart."""
    scaled = image.convertToFormat(QImage.Format.Format_Grayscale8).scaled(
        16, 12, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    rows = [np.frombuffer(scaled.constScanLine(y), dtype=np.uint8, count=16) for y in range(12)]
    return np.stack(rows).astype(np.float64)


def _painted(view: CaptureView) -> np.ndarray:
    live = view.live
    return _small(live.grab(live.image_rect().toRect()).toImage())


def _last_visit_photo_of(
    photos: tuple[PhotoSummary, ...], shown: PhotoSummary, capture_date: dt.date
) -> PhotoSummary:
    """What a clinician expects as the ghost: the latest earlier visit's photo of the same
    lesion (else site), the same modality if that visit has one."""
    same = [
        p
        for p in photos
        if p.visit_date < capture_date
        and (p.lesion_id == shown.lesion_id if shown.lesion_id else p.body_site == shown.body_site)
    ]
    last = max(p.visit_date for p in same)
    at_last = [p for p in same if p.visit_date == last]
    return next((p for p in at_last if p.modality == shown.modality), at_last[0])


@pytest.mark.parametrize("language", ["en", "de"])
def test_capture_starts_from_the_photo_selected_in_the_timeline_with_its_ghost(
    qtbot: QtBot,
    demo_app: Callable[..., MainWindow],
    shots: Path,
    tmp_path: Path,
    language: str,
) -> None:
    window = demo_app(language)
    open_patient(qtbot, window, "Nowak")
    record = window.record
    assert record is not None
    # A close-up of the visit before the last: the ghost comes from the visit before it.
    timeline = window.timeline.timeline
    dates = sorted({p.visit_date for p in record.photos}, reverse=True)
    shown = next(
        p
        for p in timeline.photos()
        if p.modality == "close-up"
        and p.visit_date < dates[0]
        and any(q.visit_date < p.visit_date and q.body_site == p.body_site for q in record.photos)
    )
    click_tile(qtbot, timeline, shown.id)
    shoot(window, shots, f"capture-context-01-selected-{language}")

    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog_of(CaptureView, window) is not None, timeout=5000)
    view = dialog_of(CaptureView, window)
    assert isinstance(view, CaptureView)
    view.resize(1366, 768)
    panel = view.record_panel
    qtbot.waitUntil(lambda: panel.record is not None, timeout=10000)
    # The record tab shows the selected photo's context, not "Not recorded".
    assert panel.body_site_combo.currentText() == labels.body_site(shown.body_site)
    assert panel.modality_combo.currentText() == labels.modality(shown.modality)
    video = _video(tmp_path / "scope.avi")
    view.camera_panel.ask_video_file = lambda: str(video)  # type: ignore[method-assign]
    tabs = view.findChild(QTabWidget, "CaptureTabs")
    assert tabs is not None
    bar = tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())  # Camera
    combo = view.camera_panel.device_combo
    qtbot.waitUntil(lambda: combo.isVisible() and combo.count() >= 1, timeout=10000)
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_End)  # "Video file…"
    qtbot.waitUntil(view.is_running, timeout=15000)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())  # Record
    qtbot.waitUntil(view.live.has_ghost, timeout=15000)
    ghost = next(p for p in record.photos if p.id == view.overlay_panel._ghost_id)
    wanted = _last_visit_photo_of(record.photos, shown, panel.visit_date())
    assert ghost.id == wanted.id, (ghost.body_site, ghost.visit_date, ghost.modality)
    caption = view.overlay_panel.ghost_caption.text()
    assert date_text(ghost.visit_date) in caption and labels.body_site(shown.body_site) in caption

    qtbot.waitUntil(lambda: view.live.frames_painted > 2, timeout=10000)
    shoot(view, shots, f"capture-context-02-ghost-{language}")
    # Painted: at full opacity the picture is the ghost; without the ghost it is the scope's.
    slider = view.overlay_panel.opacity_slider
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_End)
    assert slider.value() == 100
    qtbot.waitUntil(lambda: view.live.frames_painted > 2, timeout=10000)
    data = in_vault(qtbot, window, lambda s, a: s.photos.image(a, ghost.id, ImageSize.SCREEN))
    ghost_image = QImage()
    assert ghost_image.loadFromData(data)
    with_ghost = _painted(view)
    assert np.abs(with_ghost - _small(ghost_image)).mean() < 12
    click(view.overlay_panel.ghost_check)
    QTest.keyClick(slider, Qt.Key.Key_Home)
    qtbot.wait(50)
    without = _painted(view)
    assert (
        np.abs(without - _small(ghost_image)).mean()
        > np.abs(with_ghost - _small(ghost_image)).mean() + 8
    )

    # Stored: the photo taken goes to the site, lesion and modality shown.
    with qtbot.waitSignal(view.photo_taken, timeout=20000) as taken:
        click(view.take_button)
    stored = taken.args[0].photo
    assert (stored.body_site, stored.lesion_id, stored.modality) == (
        shown.body_site,
        shown.lesion_id,
        shown.modality,
    )
    assert stored.patient_id == record.patient.id


def test_as_the_record_opens_capture_and_import_start_from_the_highlighted_photo(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, tmp_path: Path
) -> None:
    window = demo_app("en")
    open_patient(qtbot, window, "Nowak")
    record = window.record
    assert record is not None
    # Nothing clicked yet: the record opens with its newest visit's first photo highlighted.
    timeline = window.timeline.timeline
    highlighted = next(p for p in record.photos if p.id == timeline.selected())
    assert highlighted.visit_date == max(p.visit_date for p in record.photos)
    # (A record shown with no photo selected starts from its newest photo.)
    newest = max(record.photos, key=lambda p: (p.visit_date, p.captured_at or dt.datetime.min))
    assert starting_photo(record, None) == newest

    files = write_jpegs(tmp_path / "card", 1)
    window.ask_import_files = lambda: files  # type: ignore[method-assign]
    QTest.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog_of(ImportContextDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ImportContextDialog, window)
    assert isinstance(dialog, ImportContextDialog)
    assert dialog.body_site.currentText() == labels.body_site(highlighted.body_site)
    assert dialog.modality.currentText() == labels.modality(highlighted.modality)
    dialog.reject()

    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog_of(CaptureView, window) is not None, timeout=5000)
    view = dialog_of(CaptureView, window)
    assert isinstance(view, CaptureView)
    panel = view.record_panel
    qtbot.waitUntil(lambda: panel.record is not None, timeout=10000)
    assert panel.body_site_combo.currentText() == labels.body_site(highlighted.body_site)
    assert panel.modality_combo.currentText() == labels.modality(highlighted.modality)
    # Another photo clicked and Ctrl+K again: the open capture screen aims at it.
    other = next(p for p in record.photos if p.modality != highlighted.modality)
    click_tile(qtbot, timeline, other.id)
    # The capture window has the focus now: the main window's menu, as a person uses it.
    click_menu(qtbot, window, "Patient", "Capture photos…")
    qtbot.waitUntil(
        lambda: panel.modality_combo.currentText() == labels.modality(other.modality),
        timeout=5000,
    )
    assert panel.body_site_combo.currentText() == labels.body_site(other.body_site)
    assert dialog_of(CaptureView, window) is view  # still one capture window per patient
    shoot(view, shots, "capture-context-03-aimed-again-en")
