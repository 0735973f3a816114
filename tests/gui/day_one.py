"""The demo clinic's window, built the way `pixiodoc --demo` builds it, for day-one tests.

`demo_app(language)` gives the real MainWindow on a copy of a demo vault
(built once per test session, per language, by `build_demo_vault`, smaller
photos and four patients to keep the suite lean; the demo exactly as shipped
with PIXIODOC_DEMO_AS_SHIPPED=1, for the README's screenshots), with the translators and
theme of `gui.application.make_application`, logged in by the window's own
demo path (`unlock(..., open_first_patient=True)`), shown at 1366x768.
Helpers click menu entries and buttons as a person would and save
screenshots into `PIXIODOC_SHOT_DIR` (default: the test's tmp folder).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.demo.clinic import DemoVault
from pixiodoc_desktop.gui.application import make_application
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.widgets.timeline_view import TimelineView

SCREEN = (1366, 768)
# PIXIODOC_DEMO_AS_SHIPPED=1: the whole demo clinic, full-size photos (tools/day_one_screenshots.py).
AS_SHIPPED = os.environ.get("PIXIODOC_DEMO_AS_SHIPPED") == "1"


@pytest.fixture(scope="session")
def demo_vaults(
    session_demo_vaults: Callable[[str], DemoVault],
) -> Callable[[str], DemoVault]:
    """The session's demo vault per language (tests/gui/conftest.py builds each once).

    Test modules import this fixture; pytest makes a fixture imported into a module
    that module's own, so a builder here would run again in every module."""
    return session_demo_vaults


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PIXIODOC_SHOT_DIR") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def demo_app(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    demo_vaults: Callable[[str], DemoVault],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Callable[[str], MainWindow]]:
    """`demo_app("de")`: the demo workstation in German, its first patient open."""
    windows: list[MainWindow] = []
    translators = []

    def open_demo(
        language: str = "en", *, wait: bool = True, folder: Path | None = None
    ) -> MainWindow:
        """A copy of the language's demo vault, or the demo vault at `folder` (a restart)."""
        source = demo_vaults(language)
        if folder is None:
            folder = tmp_path / f"demo-{language}"
            if AS_SHIPPED:  # where `pixiodoc --demo` keeps it, in a home folder of the test's
                # own: the unlock screen and the status bar name it as on a clinic's PC
                home = tmp_path / "home"
                monkeypatch.setenv("HOME", str(home))
                folder = home / ".local" / "share" / "PixioDoc" / "demo-vault"
                if folder.exists():  # a second demo in the same test
                    folder = folder.with_name(f"demo-vault-{language}")
            shutil.copytree(source.folder, folder)
        settings = Settings(language=language)
        _app, installed = make_application(settings)
        translators.append(installed)
        window = MainWindow(
            settings, vault_folder=folder, settings_path=tmp_path / "config" / "settings.toml"
        )
        window.ctx.notifier.show_boxes = False
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(*SCREEN)
        window.show()
        if not wait:
            window.unlock(source.login, source.password, open_first_patient=True)
            return window
        with qtbot.waitSignal(window.state.record_shown, timeout=30000):
            window.unlock(source.login, source.password, open_first_patient=True)
        return window

    yield open_demo
    for window in windows:
        window.side.close_all()  # capture windows stop their cameras and hot folders
        window.shutdown()
    for installed in translators:
        installed.remove()


def whole_record(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the open record holds every photo (a large one opens with its newest page
    first, as the full demo's mole-mapping patient does), so counts read from it are whole."""
    qtbot.waitUntil(lambda: window.record is not None and window.record.complete, timeout=30000)


def open_patient(qtbot: QtBot, window: MainWindow, family: str) -> None:
    """Search for `family` in the patient list and open it with Return, as a person does;
    returns once the whole record is shown. Both demos (trimmed and as shipped) hold
    the first four demo patients (Müller, Schäfer, Øvergaard, Nowak)."""
    search = window.patients.search
    search.clear()
    qtbot.keyClicks(search, family)
    qtbot.waitUntil(
        lambda: [p.family_name for p in window.patients.model.rows()] == [family], timeout=10000
    )
    QTest.keyClick(search, Qt.Key.Key_Return)  # opens the first match
    qtbot.waitUntil(
        lambda: window.record is not None and window.record.patient.family_name == family,
        timeout=10000,
    )
    whole_record(qtbot, window)


def menu_named(window: MainWindow, title: str) -> QMenu:
    for item in window.menuBar().actions():
        menu = item.menu()
        if isinstance(menu, QMenu) and item.text().replace("&", "") == title:
            return menu
    raise LookupError(f"no menu {title!r}")


def entry(menu: QMenu, text: str) -> QAction:
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise LookupError(f"no entry {text!r} in {menu.title()!r}")


def click_menu(qtbot: QtBot, window: MainWindow, title: str, text: str) -> None:
    """Open the menu bar's menu and click the entry, as a person does."""
    menu = menu_named(window, title)
    action = entry(menu, text)
    assert action.isEnabled(), f"{title} › {text} is disabled"
    bar = window.menuBar()
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center()
    )
    qtbot.waitUntil(menu.isVisible, timeout=5000)
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def click(widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), f"{widget.objectName()} is not clickable"
    QTest.mouseClick(
        widget, Qt.MouseButton.LeftButton, pos=QPoint(widget.width() // 2, widget.height() // 2)
    )


def shoot(widget: QWidget, folder: Path, name: str) -> Path:
    """Save what `widget` (a window or dialog) paints now."""
    QApplication.processEvents()
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not save {path}"
    return path


def dialog_of(kind: type[QWidget], window: MainWindow) -> QWidget | None:
    found = [w for w in window.findChildren(kind) if w.isVisible()]
    return found[-1] if found else None


def click_tile(qtbot: QtBot, timeline: TimelineView, photo_id: str) -> None:
    """Scroll the photo's tile in the timeline into view and click it, as a person does."""
    rect = timeline._photo_rects[photo_id]
    bar = timeline.verticalScrollBar()
    bar.setValue(max(0, rect.top() - 40))
    at = rect.center() - QPoint(0, bar.value())
    QTest.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: timeline.selected() == photo_id, timeout=5000)
