"""Day one, the compare window on the demo as shipped, English (a US clinician) and German.

Ctrl+D in the demo's main window, then what the clinician sees: both photo
pickers show their whole line when closed; a measurement's hints and results
never widen the window past the screen; the progression strip shows the
course of what is compared (its lesion or site and modality), not every photo
of the site; dates read in the user's locale in the title and everywhere the
record shows them; the patient's screen names the product once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from day_one import SCREEN, click, demo_app, demo_vaults, shoot, shots
from fit import clipped, text_room
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui import i18n
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.compare_view import CompareView
from pixiodoc_desktop.gui.views.consultation_window import ConsultationWindow

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


@pytest.fixture
def us_clinician(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An English interface on a US system: its dates read 3/14/1987, not 14.03.1987."""
    chosen, before = i18n.use_language, QLocale()

    def use_language(language: str) -> None:
        chosen(language)
        if language == "en":
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))

    monkeypatch.setattr(i18n, "use_language", use_language)
    yield
    QLocale.setDefault(before)  # after the window's teardown, which switched back to "en"


def _compare(qtbot: QtBot, window: MainWindow) -> CompareView:
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


def _measure_twice(qtbot: QtBot, view: CompareView) -> None:
    """Distance on the earlier photo, then on the later one, by clicks on the canvas."""
    click(view.tools.buttons["distance"])
    canvas = view.canvas
    width, height = canvas.width(), canvas.height()
    for x0 in (width // 4, 3 * width // 4):
        for dx in (-40, 40):
            QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x0 + dx, height // 2))
    qtbot.waitUntil(lambda: "→" in view.results.full_text(), timeout=5000)


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_compare_window_fits_and_shows_like_with_like(
    language: str,
    qtbot: QtBot,
    us_clinician: None,
    demo_app: Callable[..., MainWindow],
    shots: Path,
) -> None:
    window = demo_app(language)
    record = window.state.record
    assert record is not None
    # The record's dates in the locale (a US clinician: 3/14/1987; German: 14.03.1987).
    if language == "en":
        assert QLocale().territory() == QLocale.Country.UnitedStates
    born = record.patient.birth_date
    assert born is not None
    model = window.patients.model
    row = model.row_of(record.patient.id)
    listed = str(model.data(model.index(row, 0)))
    assert date_text(born) in listed, listed
    newest = max(record.visits, key=lambda v: v.visit_date)
    headings = [v.title for v in window.timeline.timeline._visits]
    assert date_text(newest.visit_date) in headings, headings
    shown_date = window.details.visit_fields["date"].text()
    assert shown_date in {date_text(v.visit_date) for v in record.visits}, shown_date

    view = _compare(qtbot, window)
    assert view.screen() is window.screen()
    view.resize(SCREEN[0], SCREEN[1] - 40)  # maximised on a 1366x768 screen with a taskbar
    qtbot.wait(100)
    assert date_text(born) in view.windowTitle() and date_text(born) in view.header.text()
    assert view.windowTitle().count("PixioDoc") == 1

    # Both pickers show their whole line when closed.
    for combo in (view.before_combo, view.after_combo):
        need = combo.fontMetrics().horizontalAdvance(combo.currentText())
        assert need <= text_room(combo), (combo.currentText(), need, text_room(combo))
        assert (
            date_text(
                view.after.visit_date if combo is view.after_combo else view.before.visit_date
            )
            in combo.currentText()
        )  # type: ignore[union-attr]

    # The strip: the course of what is compared (its lesion or site, its modality), oldest first.
    before, after = view.before, view.after
    assert before is not None and after is not None
    strip = [view.strip.item(i).data(Qt.ItemDataRole.UserRole) for i in range(view.strip.count())]
    kind = {p.id: p for p in view.series}
    assert before.id in strip and after.id in strip
    assert len(strip) == len({p.visit_id for p in view.series})  # one photo per visit
    assert {(kind[i].modality, kind[i].lesion_id, kind[i].body_site) for i in strip} == {
        (after.modality, after.lesion_id, after.body_site)
    }

    if language == "de":  # the alignment's fit with a decimal comma too
        assert not re.search(r"\d\.\d", view.quality.full_text()), view.quality.full_text()
    # Measuring: the hints and results never widen the window.
    wide = view.width()
    _measure_twice(qtbot, view)
    QApplication.processEvents()
    assert view.width() == wide
    results = view.results.full_text()
    if language == "de":  # decimal commas where numbers show
        assert re.search(r"\d,\d", results) and not re.search(r"\d\.\d", results), results
    assert view.minimumSizeHint().width() <= SCREEN[0], view.minimumSizeHint()
    assert view.sizeHint().width() <= SCREEN[0], view.sizeHint()
    problems = clipped(view)
    shoot(view, shots, f"compare-measured-{language}")
    assert not problems, "\n".join(problems)

    # The patient's screen names the product once.
    view.show_to_patient()
    qtbot.waitUntil(lambda: view.consultation is not None, timeout=30000)
    patient = view.consultation
    assert isinstance(patient, ConsultationWindow)
    assert patient.windowTitle().endswith(" — PixioDoc")
    assert patient.windowTitle().count("PixioDoc") == 1
    view.stop_showing()
    view.close()
