"""The patient's screen shows only the open patient: the demo clinic's real windows.

Ctrl+D in the demo main window opens the compare window; "Show to patient"
puts it on the patient's screen. The screen must blank to a neutral clinic
screen (no photo, no name) when the main window opens another patient,
another compare window takes the focus, the compare window closes, or the
session locks. The test looks at what the consultation window paints (its
grabbed pixels), not at flags. One offscreen monitor here: "Show to patient"
covers it (with Esc as a button); the second monitor is the window's
geometry seam (virtual screens: tests/compare/test_consultation_screens.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from day_one import click, demo_app, demo_vaults, shoot, shots  # noqa: F401
from gui_support import in_vault
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.records.comparison_marks import Side
from pixiodoc_desktop.clinic.records.comparisons import Comparisons
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.compare_view import CompareView
from pixiodoc_desktop.gui.views.consultation_window import ConsultationWindow

SECOND_MONITOR = QRect(0, 0, 960, 600)


def _painted_share(window: QWidget) -> float:
    """The share of pixels that are not the neutral background (#202020) nor near it."""
    QApplication.processEvents()
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    pixels = np.frombuffer(image.constBits(), np.uint8, image.bytesPerLine() * height)
    rgb = pixels.reshape(height, image.bytesPerLine())[:, : width * 3].reshape(height, width, 3)
    return float((np.abs(rgb.astype(int) - 0x20).max(axis=2) > 40).mean())


def _compare(qtbot: QtBot, window: MainWindow) -> CompareView:
    """Ctrl+D on the main window, as the clinician presses it: the open patient's comparison."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    views: list[CompareView] = []

    def found() -> bool:
        views[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, CompareView)
            and w.isVisible()
            and w.display is not None
            and w.patient_id == window.state.patient_id
        ]
        return bool(views)

    qtbot.waitUntil(found, timeout=30000)
    assert len(views) == 1  # one compare window per patient
    return views[0]


def _show(qtbot: QtBot, view: CompareView) -> ConsultationWindow:
    view.show_to_patient(geometry=SECOND_MONITOR)
    qtbot.waitUntil(lambda: view.consultation is not None, timeout=30000)
    patient = view.consultation
    assert isinstance(patient, ConsultationWindow)
    qtbot.waitUntil(lambda: _painted_share(patient) > 0.3, timeout=5000)
    assert view.on_screen.isVisible() and view.stop_button.isVisible()
    return patient


def _blanked(qtbot: QtBot, view: CompareView, patient: ConsultationWindow) -> None:
    qtbot.waitUntil(lambda: _painted_share(patient) < 0.02, timeout=5000)
    assert patient.isVisible() and patient.picture is None
    assert not view.on_screen.isVisible()


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_patient_screen_follows_only_the_patient_compared(
    language: str,
    qtbot: QtBot,
    demo_app: Callable[..., MainWindow],  # noqa: F811
    shots: Path,  # noqa: F811
) -> None:
    window = demo_app(language)
    first = window.state.record
    assert first is not None
    view_a = _compare(qtbot, window)
    # Like with like: the selected photo's lesion (else site) and modality, first and latest.
    selected = next(p for p in first.photos if p.id == window.timeline.timeline.selected())
    assert view_a.before is not None and view_a.after is not None
    for shown in (view_a.before, view_a.after):
        assert (shown.modality, shown.lesion_id) == (selected.modality, selected.lesion_id)
        assert selected.lesion_id or shown.body_site == selected.body_site
    picker = view_a.before_combo
    lines = [picker.itemText(i) for i in range(picker.count()) if picker.itemData(i)]
    assert len({p.visit_id for p in view_a.series}) - 1 == picker.count() - len(lines)  # visits
    assert all(
        labels.modality(p.modality) in line for p, line in zip(view_a.series, lines, strict=True)
    )
    picker.showPopup()
    qtbot.waitUntil(picker.view().isVisible, timeout=5000)
    shoot(picker.view().window(), shots, f"compare-picker-{language}")
    picker.hidePopup()
    born = first.patient.birth_date
    assert first.patient.display_name in view_a.windowTitle()
    assert first.patient.display_name in view_a.header.text()
    assert born is None or date_text(born) in view_a.header.text()
    shoot(view_a, shots, f"compare-header-{language}")

    # One monitor: the button covers it, says how to return, and returns.
    click(view_a.patient_button)
    qtbot.waitUntil(lambda: view_a.consultation is not None, timeout=30000)
    full = view_a.consultation
    assert isinstance(full, ConsultationWindow)
    qtbot.waitUntil(lambda: _painted_share(full) > 0.3, timeout=5000)
    assert full.return_bar.isVisible() and "Esc" in full.return_button.text()
    shoot(full, shots, f"consultation-one-monitor-{language}")
    click(full.return_button)
    qtbot.waitUntil(lambda: view_a.consultation is None, timeout=5000)
    assert not view_a.stop_button.isVisible()

    # A second monitor: another patient opened in the main window blanks it, and A's
    # compare window closes with it (never A's photos over B's record).
    patient = _show(qtbot, view_a)
    assert not patient.return_bar.isVisible()  # the patient would see it
    shoot(view_a, shots, f"compare-on-patient-screen-{language}")
    assert _compare(qtbot, window) is view_a  # one compare window per patient
    rows = window.patients.model.rows()
    other = next(i for i, p in enumerate(rows) if p.id != first.patient.id)
    back = next(i for i, p in enumerate(rows) if p.id == first.patient.id)
    with qtbot.waitSignal(window.state.patient_opened, timeout=10000):
        _click_patient(window, other)
    qtbot.waitUntil(lambda: not _compares_of(first.patient.id), timeout=5000)
    _gone_or_blank(qtbot, patient)
    shoot(window, shots, f"main-after-switch-{language}")

    # B's comparison, its marks not saved, on the patient's screen: going back to A
    # saves the marks (no question mid-consultation) and closes B's window.
    second = window.state.record
    assert second is not None
    view_b = _compare(qtbot, window)
    assert second.patient.display_name in view_b.windowTitle()
    assert first.patient.display_name not in view_b.windowTitle()
    patient = _show(qtbot, view_b)
    saved_before = _saved_comparisons(qtbot, window, second.patient.id)
    view_b.tools.put_outline(Side.AFTER, ((40, 40), (120, 40), (120, 120), (40, 120)))
    assert view_b.marks_unsaved
    with qtbot.waitSignal(window.state.record_shown, timeout=10000):
        _click_patient(window, back)
    qtbot.waitUntil(lambda: not _compares_of(second.patient.id), timeout=5000)
    _gone_or_blank(qtbot, patient)
    assert _saved_comparisons(qtbot, window, second.patient.id) == saved_before + 1
    assert second.patient.display_name in window.statusBar().currentMessage()

    # Stop closes it; a lock blanks it.
    view_a = _compare(qtbot, window)
    patient = _show(qtbot, view_a)
    click(view_a.stop_button)
    qtbot.waitUntil(lambda: not patient.isVisible() and view_a.consultation is None)
    patient = _show(qtbot, view_a)
    window.lock()
    qtbot.waitUntil(lambda: _painted_share(patient) < 0.02, timeout=5000)
    assert patient.picture is None


def _compares_of(patient_id: str) -> list[CompareView]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, CompareView) and w.isVisible() and w.patient_id == patient_id
    ]


def _gone_or_blank(qtbot: QtBot, patient: ConsultationWindow) -> None:
    qtbot.waitUntil(lambda: not patient.isVisible() or _painted_share(patient) < 0.02, timeout=5000)
    assert patient.picture is None


def _saved_comparisons(qtbot: QtBot, window: MainWindow, patient_id: str) -> int:
    return len(in_vault(qtbot, window, lambda s, a: Comparisons(s.workstation).list(a, patient_id)))


def _click_patient(window: MainWindow, row: int) -> None:
    """A click on the patient's row in the main window's list, as the clinician does it."""
    listing = window.patients.list
    rect = listing.visualRect(window.patients.model.index(row, 0))
    QTest.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
