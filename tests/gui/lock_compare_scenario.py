"""Run by test_lock_with_compare_open.py in a subprocess (`python -X faulthandler`), on
the offscreen platform with the virtual screens of a configfile, so that a crash
prints its stack and ends the process with its signal instead of taking pytest down.

The demo clinic's real window, as a new user walked it when PixioDoc once
died with a segmentation fault: the compare window is open and shown to the
patient, the session locks by itself (the idle lock's own timer, set short
through its interval), the clinician unlocks on the unlock screen, clicks a
patient in the list and presses Ctrl+D, then "Show to patient" again. Each
round varies how long it waits between the steps (a seeded random), because
the fault was a race against the objects the lock closes. Any Python error
raised in a slot is a failure too (PySide would only print it).

Prints `ROUND n` per round and `RESULT {json}` at the end.

Usage: python -X faulthandler lock_compare_scenario.py VAULT_FOLDER LOGIN PASSWORD ROUNDS SEED
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.gui.application import make_application
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.compare_view import CompareView

errors: list[str] = []
about: list[Callable[[], str]] = []  # what the window shows, said when a wait times out


def _record(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    errors.append("".join(traceback.format_exception(kind, value, tb)))
    sys.__excepthook__(kind, value, tb)


sys.excepthook = _record


def until(condition: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if errors:
            raise SystemExit(f"an error was raised while waiting for {what}")
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what} ({about[0]() if about else ''})")
        QApplication.processEvents()
        time.sleep(0.002)


def spin(ms: int) -> None:
    deadline = time.monotonic() + ms / 1000
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.001)


def main() -> None:
    folder, login, password = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    rounds, seed = int(sys.argv[4]), int(sys.argv[5])
    rng = random.Random(seed)
    settings = Settings()
    _app, _translators = make_application(settings)
    window = MainWindow(settings, vault_folder=folder, settings_path=folder.parent / "s.toml")
    window.ctx.notifier.show_boxes = False
    window.resize(1366, 768)
    window.show()
    window.unlock(login, password, open_first_patient=True)
    patients = window.patients
    about.append(
        lambda: (
            f"active window {QApplication.activeWindow()}, record {window.state.patient_id},"
            f" compare windows {[(w.patient_id, w.isVisible(), w.display is not None) for w in QApplication.topLevelWidgets() if isinstance(w, CompareView)]}"
        )
    )

    def compare_shown() -> CompareView | None:
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, CompareView)
                and widget.isVisible()
                and widget.display is not None
                and widget.patient_id == window.state.patient_id
            ):
                return widget
        return None

    def ctrl_d() -> None:
        window.activateWindow()  # the compare window may have the focus: back to the main one
        until(window.isActiveWindow, "the main window active")
        QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    def click_patient(row: int) -> None:
        rect = patients.list.visualRect(patients.model.index(row, 0))
        QTest.mouseClick(patients.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def show_to_patient(view: CompareView) -> None:
        """Click "Show to patient"; with two screens, pick the one that is not the view's."""
        button = view.patient_button
        QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
        screens = QApplication.screens()
        if len(screens) < 2:
            return
        menus: list[QMenu] = []

        def menu_open() -> bool:
            menus[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu)]
            menus[:] = [m for m in menus if m.isVisible()]
            return bool(menus)

        until(menu_open, "the menu of screens")
        other = next(i for i, s in enumerate(screens) if s is not view.screen())
        action = menus[0].actions()[other]
        QTest.mouseClick(
            menus[0], Qt.MouseButton.LeftButton, pos=menus[0].actionGeometry(action).center()
        )

    def unlock_on_screen() -> None:
        QTest.keyClicks(window.unlock_page.password, password)
        QTest.keyClick(window.unlock_page.password, Qt.Key.Key_Return)
        until(window.is_unlocked, "the unlock")

    shown_on: list[str] = []
    clinician_screen = window.screen().name()
    until(lambda: window.state.record is not None, "the first patient")
    for number in range(rounds):
        if window.state.record is None:
            until(lambda: patients.model.rowCount() > 0, "the patient list")
            click_patient(0)
        until(lambda: window.timeline.timeline.selected() is not None, "a photo selected")
        ctrl_d()
        until(lambda: compare_shown() is not None, "the compare window")
        view = compare_shown()
        assert view is not None
        show_to_patient(view)
        until(lambda v=view: v.consultation is not None, "the patient's screen")
        spin(rng.randint(0, 200))
        # The idle lock, by its own timer: no input for a moment.
        window.idle.set_interval(rng.randint(5, 150))
        until(lambda: not window.is_unlocked(), "the idle lock")
        window.idle.set_interval(60_000)
        spin(rng.randint(0, 150))
        unlock_on_screen()
        until(lambda: patients.model.rowCount() > 1, "the patient list")
        row = rng.randrange(patients.model.rowCount())
        chosen = patients.model.patient(row)
        assert chosen is not None
        click_patient(row)
        spin(rng.choice([0, 5, 30, 150]))
        ctrl_d()  # at once: the record clicked may still be loading
        until(lambda c=chosen.id: window.state.patient_id == c, "the record clicked")
        until(lambda: window.timeline.timeline.selected() is not None, "a photo selected")
        ctrl_d()
        until(lambda: compare_shown() is not None, "the compare window after the unlock")
        again = compare_shown()
        assert again is not None
        show_to_patient(again)  # the patient's screen kept (blank) from before the lock
        until(
            lambda a=again: a.consultation is not None and a.consultation.picture is not None,
            "the comparison on the patient's screen after the unlock",
        )
        shown_on.append(again.consultation.screen().name())
        print(f"ROUND {number}", flush=True)
    window.side.close_all()
    window.shutdown()
    print(
        "RESULT "
        + json.dumps(
            {"rounds": rounds, "errors": errors, "clinician": clinician_screen, "shown": shown_on}
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
