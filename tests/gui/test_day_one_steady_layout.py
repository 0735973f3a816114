"""Day one, on the demo as shipped: the layout does not jump (issue 13, fit and finish).

What the clinician sees keeps its place while the content changes: the timeline's
filters when the patient changes or a long entry is chosen; the share dialog's visits when
the "no sync" note shows; the capture screen's preview when the verdict bar appears; the
compare window's rows while a measurement's hints and results replace the alignment's fit. Each test drives the real
demo window with clicks and keys and compares the widgets' geometry before and after;
what must be read whole (the "All ..." words) is checked not to be shortened. Where the
content comes from the vault later, the database worker is held while the screen opens.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import cv2
import pytest
from day_one import (
    SCREEN,
    click_menu,
    demo_app,
    demo_vaults,
    dialog_of,
    shoot,
    shots,
    whole_record,
)
from fit import clipped, text_room
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.demo.photos import render_photo, scene_for
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.capture_view import CaptureView
from pixiodoc_desktop.gui.views.compare_view import CompareView
from pixiodoc_desktop.gui.views.share_dialog import ShareDialog

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


def _places(*widgets: QWidget) -> list[QRect]:
    """Where each widget is, in its window's coordinates."""
    QApplication.processEvents()
    return [QRect(w.mapTo(w.window(), w.rect().topLeft()), w.size()) for w in widgets]


# The demo's four patients, each found by typing part of the name (keys Qt's test
# keyboard can type: it has no "ä" or "Ø").
PATIENTS = (("fer", "Schäfer"), ("vergaard", "Øvergaard"), ("Nowak", "Nowak"), ("ller", "Müller"))


def open_by_search(qtbot: QtBot, window: MainWindow, typed: str, family: str) -> None:
    """Type in the patient search until `family` alone is listed, open it with Return."""
    search = window.patients.search
    search.clear()
    qtbot.keyClicks(search, typed)
    qtbot.waitUntil(
        lambda: [p.family_name for p in window.patients.model.rows()] == [family], timeout=10000
    )
    QTest.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.record is not None and window.record.patient.family_name == family,
        timeout=10000,
    )
    whole_record(qtbot, window)


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_timeline_filters_keep_their_place_when_the_patient_changes(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    panel = window.timeline
    filters = (
        panel.site_filter,
        panel.lesion_filter,
        panel.condition_filter,
        panel.modality_filter,
    )
    first = _places(*filters, panel.timeline)
    for typed, family in PATIENTS:
        open_by_search(qtbot, window, typed, family)
        assert _places(*filters, panel.timeline) == first, family
        # The last box ends inside the panel, its "All ..." words whole.
        right = filters[-1].mapTo(panel, filters[-1].rect().topRight()).x()
        assert right < panel.width(), (family, right, panel.width())
        for combo in filters:
            assert combo.currentIndex() == 0 and not combo.is_elided(), combo.currentText()
        assert not [p for p in clipped(window) if "QComboBox" in p], clipped(window)
    shoot(window, shots, f"steady-filters-{language}")

    # A long entry chosen with the keyboard: the box keeps its width, shortens the line
    # and says it whole in its tooltip.
    conditions = panel.condition_filter
    conditions.setFocus()
    longest = max(
        range(conditions.count()),
        key=lambda i: conditions.fontMetrics().horizontalAdvance(conditions.itemText(i)),
    )
    for _ in range(longest):
        QTest.keyClick(conditions, Qt.Key.Key_Down)
    assert conditions.currentIndex() == longest
    assert _places(*filters, panel.timeline) == first
    if conditions.is_elided():
        assert conditions.currentText() in conditions.toolTip()
        assert conditions.shown_text().endswith("…")
    shoot(window, shots, f"steady-filters-long-entry-{language}")
    assert window.size().toTuple() == SCREEN


def test_the_share_dialog_keeps_the_visits_in_place_when_the_no_sync_note_shows(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path
) -> None:
    """Patient › Share… › Secure link: whether sync is set up is read from the vault; the
    answer (here: none, the demo does not sync) takes the place of the link's buttons and
    does not squeeze the visits above it. The database worker is held while the dialog
    opens, so that the page is seen as it is before the answer comes."""
    window = demo_app("en")
    held = threading.Event()
    window.ctx.worker.submit(lambda: held.wait(20))
    click_menu(qtbot, window, "Patient", "Share…")
    qtbot.waitUntil(lambda: dialog_of(ShareDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ShareDialog, window)
    assert isinstance(dialog, ShareDialog)
    page = dialog.secure_link
    bar = dialog.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert dialog.tabs.currentWidget() is page
    qtbot.waitExposed(page)
    before = _places(page.visits, page.table, page.revoke_button)
    assert not page.no_sync.isVisible()
    shoot(dialog, shots, "steady-share-link-before-answer")
    with qtbot.waitSignal(page.links_shown, timeout=20000):
        held.set()
    assert page.no_sync.isVisible() and page.bundle_button.isVisible()
    assert _places(page.visits, page.table, page.revoke_button) == before
    assert not clipped(dialog), clipped(dialog)
    shoot(dialog, shots, "steady-share-link-no-sync")
    dialog.reject()


def _video(path: Path) -> Path:
    """A short examination video, the demo's "Video file…" camera."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15.0, (320, 240))
    assert writer.isOpened()
    scene = scene_for(7, "naevus")
    for index in range(12):
        writer.write(render_photo(scene, index % 4, 4, size=(320, 240)))
    writer.release()
    return path


def test_the_capture_preview_keeps_its_size_when_the_verdict_appears(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, tmp_path: Path
) -> None:
    """Capture photos… (Ctrl+K), the video-file camera, Take photo: the bar with the verdict
    ("Saved …", Retake, Discard) appears under the live preview without shrinking it."""
    language = "en"
    window = demo_app(language)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog_of(CaptureView, window) is not None, timeout=5000)
    view = dialog_of(CaptureView, window)
    assert isinstance(view, CaptureView)
    view.resize(SCREEN[0], SCREEN[1] - 40)  # maximised on a 1366x768 screen with a taskbar
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
    assert not view.quality_bar.isVisible()
    before = _places(view.live, view.take_button, view.tabs)
    shoot(view, shots, f"steady-capture-before-{language}")
    with qtbot.waitSignal(view.photo_taken, timeout=20000):
        QTest.mouseClick(view.take_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.quality_bar.isVisible, timeout=5000)
    assert _places(view.live, view.take_button, view.tabs) == before
    assert not clipped(view.quality_bar), clipped(view.quality_bar)
    label = view.quality_bar.quality_label
    assert label.heightForWidth(label.width()) <= label.height(), label.text()
    shoot(view, shots, f"steady-capture-saved-{language}")
    view.close()


def _compare_window(qtbot: QtBot, window: MainWindow) -> CompareView:
    """Ctrl+D in the main window; the compare window once its pair is shown."""
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
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


def _whole(view: CompareView) -> None:
    """The fit or hint, the results and both pickers read whole (nothing ends in "…")."""
    for label in (view.quality, view.results):
        shown = QLabel.text(label)  # what it paints; full_text() is what it was given
        assert shown == label.full_text(), (shown, label.full_text())
    for combo in (view.before_combo, view.after_combo):
        need = combo.fontMetrics().horizontalAdvance(combo.currentText())
        assert need <= text_room(combo), (combo.currentText(), need, text_room(combo))
    assert not clipped(view), clipped(view)


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_compare_window_keeps_its_rows_in_place_while_measuring(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    """Ctrl+D, then Distance and four clicks on the photos: the alignment's fit gives way to
    the tool's next steps and the result appears, and no row of buttons moves. The window
    as it opens on a 1366x768 screen (1280 wide) and maximised, English and German: the
    fit, each hint and the pickers' lines are read whole."""
    window = demo_app(language)
    view = _compare_window(qtbot, window)
    view.resize(1280, 706)  # as side_windows opens it on a 1366x768 screen
    qtbot.wait(50)
    rows = (
        view.before_combo,
        view.save_button,
        view.canvas,
        view.tools.buttons["distance"],
        view.quality,
        view.results,
        view.strip,
    )
    places = _places(*rows)
    assert view.quality.full_text()  # the alignment's fit (or why there is none)
    _whole(view)
    shoot(view, shots, f"steady-compare-open-{language}")
    hints = {view.quality.full_text()}
    click = view.tools.buttons["distance"]
    QTest.mouseClick(click, Qt.MouseButton.LeftButton)
    canvas = view.canvas
    for x0 in (canvas.width() // 4, 3 * canvas.width() // 4):
        for dx in (-40, 40):
            QTest.mouseClick(
                canvas, Qt.MouseButton.LeftButton, pos=QPoint(x0 + dx, canvas.height() // 2)
            )
            assert _places(*rows) == places, view.quality.full_text()
            _whole(view)
            hints.add(view.quality.full_text())
    assert "→" in view.results.full_text()
    assert len(hints) >= 3  # the fit, "click the second edge", "Done. …"
    shoot(view, shots, f"steady-compare-measured-{language}")
    view.resize(SCREEN[0], SCREEN[1] - 40)  # maximised on a 1366x768 screen with a taskbar
    qtbot.wait(50)
    _whole(view)
    # As narrow as the window lets itself be: the note field still shows its placeholder
    # (it was squeezed to "N…" at 1086 px).
    view.resize(view.minimumSizeHint().width(), 706)
    qtbot.wait(50)
    note = view.tools.text
    assert note.width() >= note.fontMetrics().horizontalAdvance(note.placeholderText()) + 8
    view.close()
