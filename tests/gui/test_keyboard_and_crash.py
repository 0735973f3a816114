"""Shortcuts, accessible names, and the crash path (logged and shown without patient data)."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Iterator

import pytest
from gui_support import first_run_into_workspace
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui import notify
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.dialogs import PatientDialog


@pytest.fixture
def window(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> MainWindow:
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    first_run_into_workspace(qtbot, window)
    return window


def test_shortcuts_find_new_patient_and_lock(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.timeline.timeline.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.patients.search.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(PatientDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    assert window.commands.import_photos.shortcut().toString() == "Ctrl+I"
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked()
    assert window.windowTitle() == "PixioDoc"


def test_controls_have_accessible_names(window: MainWindow) -> None:
    nameless = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QLineEdit | QComboBox | QAbstractButton):
            continue
        if not widget.isVisibleTo(window) or widget.parent() is None:
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            continue  # a button's text is its accessible name
        if isinstance(widget.parent(), QLineEdit):
            continue  # the clear and search icons inside a line edit
        if widget.objectName().startswith("qt_") or (
            type(widget).__name__ == "QLineEdit" and widget.parent().inherits("QComboBox")
        ):
            continue
        if not widget.accessibleName():
            nameless.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert nameless == []


@pytest.fixture
def crash_hooks() -> Iterator[None]:
    saved = sys.excepthook, threading.excepthook
    notify.install_crash_handler(dialogs=False)
    try:
        yield
    finally:
        sys.excepthook, threading.excepthook = saved


def test_thread_crash_is_logged_without_its_message(
    crash_hooks: None, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "Müller, Jürgen, born 14.03.1987"

    def boom() -> None:
        raise RuntimeError(secret)

    with caplog.at_level(logging.ERROR, logger="pixiodoc_desktop.gui.notify"):
        thread = threading.Thread(target=boom, name="crashing")
        thread.start()
        thread.join()
    records = [r for r in caplog.records if r.name == "pixiodoc_desktop.gui.notify"]
    assert len(records) == 1 and records[0].exc_info is not None
    from pixiodoc_desktop.logs import ScrubbedFormatter

    # caplog's own handler formatted the record first and cached the full text;
    # the file handler's formatter must not reuse that cache.
    records[0].exc_text = None
    text = ScrubbedFormatter().format(records[0])
    assert "RuntimeError" in text
    assert "Müller" not in text
    caplog.clear()


def test_practice_windows_open_for_admins_and_close_on_lock(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.commands.audit_trail.isEnabled()
    assert window.commands.clinicians.isEnabled()
    window.commands.audit_trail.trigger()
    window.commands.clinicians.trigger()
    opened = list(window.side._open)
    assert len(opened) == 2 and all(w.isVisible() for w in opened)
    window.lock()
    assert window.side._open == []
    assert not window.commands.audit_trail.isEnabled()
    window.ctx.worker.wait_idle()
