"""Day one, the demo clinic's window at 1366x768, English and German: three small things a
new user saw (stop 14's walk) stay fixed.

- The compare window's header keeps its place when "On the patient's screen" and its
  Stop button appear (a second screen shown).
- The capture screen's Camera tab shows its shortcut hint whole without scrolling.
- The Share dialog's Secure link tab lists every visit of the record in the room it has.
- The first visit has one name everywhere: the compare window's "Baseline"
  ("Ausgangsbefund"), in the report builder's and the share dialog's visit lists too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import SCREEN, click_menu, demo_app, demo_vaults, dialog_of, shoot, shots
from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.capture_view import CaptureView
from pixiodoc_desktop.gui.views.compare_view import CompareView
from pixiodoc_desktop.gui.views.report_dialog import ReportDialog
from pixiodoc_desktop.gui.views.share_dialog import ShareDialog

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below

SECOND_MONITOR = QRect(0, 0, 960, 600)


def _place(widget: QWidget) -> QRect:
    QApplication.processEvents()
    return QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())


def _word(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text).replace("&", "")


def _compare_shown() -> CompareView | None:
    views = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, CompareView) and w.isVisible() and w.display is not None
    ]
    return views[0] if views else None


def test_the_compare_header_stays_put_when_shown_to_the_patient(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path
) -> None:
    language = "de"  # the heights do not depend on the language; one costly compare run
    window = demo_app(language)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: _compare_shown() is not None, timeout=30000)
    view = _compare_shown()
    assert view is not None
    view.resize(*SCREEN)

    def places() -> list[object]:
        header = _place(view.header)  # its text is left-aligned: its right end may give way
        return [header.topLeft(), header.height(), _place(view.before_combo), _place(view.canvas)]

    before = places()
    shoot(view, shots, f"small-compare-01-before-{language}")
    view.show_to_patient(geometry=SECOND_MONITOR)
    qtbot.waitUntil(lambda: view.consultation is not None, timeout=30000)
    qtbot.waitUntil(view.stop_button.isVisible, timeout=5000)
    assert view.on_screen.isVisible()
    shoot(view, shots, f"small-compare-02-on-screen-{language}")
    assert places() == before
    QTest.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.on_screen.isVisible(), timeout=5000)
    assert places() == before
    view.close()


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_camera_tab_shows_its_shortcut_hint_whole(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog_of(CaptureView, window) is not None, timeout=5000)
    view = dialog_of(CaptureView, window)
    assert isinstance(view, CaptureView)
    # Its default size as a 1366x768 screen leaves it (side_windows.place_on_parent_screen).
    view.resize(min(1280, int(SCREEN[0] * 0.96)), min(820, int(SCREEN[1] * 0.92)))
    bar = view.tabs.tabBar()
    camera = next(i for i in range(bar.count()) if bar.tabText(i).replace("&", "") == _word(
        "CaptureTabs", "Camera"))  # fmt: skip
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(camera).center())
    page = view.tabs.currentWidget()
    assert isinstance(page, QScrollArea)
    qtbot.waitUntil(page.isVisible, timeout=5000)
    shoot(view, shots, f"small-capture-camera-tab-{language}")
    hint = _word("TriggerKeys", "Space always takes a photo; so does F13.")
    label = next(w for w in view.findChildren(QLabel) if w.text() == hint)
    assert page.verticalScrollBar().value() == 0
    top = label.mapTo(page.viewport(), label.rect().topLeft())
    seen = page.viewport().rect()
    assert seen.contains(QRect(top, label.size())), (
        f"the hint ends at {top.y() + label.height()} px, the tab shows {seen.height()} px"
    )
    view.close()


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_secure_link_tab_lists_the_visits_in_the_room_it_has(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    record = window.record
    assert record is not None and len(record.visits) >= 4
    click_menu(qtbot, window, _word("MainWindow", "&Patient"), _word("ShareActions", "Share…"))
    qtbot.waitUntil(lambda: dialog_of(ShareDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ShareDialog, window)
    assert isinstance(dialog, ShareDialog)
    page = dialog.secure_link
    dialog.tabs.setCurrentWidget(page)
    qtbot.waitUntil(page.no_sync.isVisible, timeout=10000)
    shoot(dialog, shots, f"small-secure-link-{language}")
    tree = page.visits
    assert dialog.frameGeometry().height() <= SCREEN[1]
    seen = tree.viewport().rect()
    model = tree.model()
    rows = [model.index(r, 0, QModelIndex()) for r in range(model.rowCount())]
    assert len(rows) == len(record.visits)
    whole = [seen.contains(tree.visualRect(i)) for i in rows]
    assert all(whole), f"{whole.count(True)} of {len(rows)} visits shown whole"
    dialog.close()


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_first_visit_is_the_baseline_everywhere(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    record = window.record
    assert record is not None
    baseline = _word("CompareView", "{date} · Baseline").split(" · ")[-1]
    click_menu(
        qtbot,
        window,
        _word("MainWindow", "&Patient"),
        _word("RecordActions", "Export report (PDF)…"),
    )
    qtbot.waitUntil(lambda: dialog_of(ReportDialog, window) is not None, timeout=5000)
    dialog = dialog_of(ReportDialog, window)
    assert isinstance(dialog, ReportDialog)
    tree = dialog.visits
    headings = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    shoot(dialog, shots, f"small-report-visits-{language}")
    first = min(record.visits, key=lambda v: v.visit_date)
    assert headings[-1].startswith(date_text(first.visit_date))
    assert f" · {baseline} · " in headings[-1], headings[-1]
    assert all(baseline not in h for h in headings[:-1])
    dialog.close()
    # The compare window calls the same visit by the same word.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _compare_shown() is not None, timeout=30000)
    view = _compare_shown()
    assert view is not None
    lines = [view.before_combo.itemText(i) for i in range(view.before_combo.count())]
    assert any(f"{date_text(first.visit_date)} · {baseline}" in line for line in lines), lines
    view.close()
