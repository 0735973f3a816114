"""Run by test_consultation_screens.py in a subprocess, on the offscreen platform
with the virtual screens of a configfile (`QT_QPA_PLATFORM=offscreen:configfile=...`).

A new vault with two photos of one patient who consented to the consultation
screen; a CompareView opens them and shows them to the patient without a
geometry seam: by default, from the clinician's window on each screen, and
through the "Show to patient" button (with a menu of screens when there are
two). Prints one JSON line: the screens and, for each opening, where the
consultation window ended up and whether Esc closed it.

Usage: python consultation_screens_scenario.py VAULT_FOLDER
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from pixiodoc_desktop.clinic.access.plans import Plans
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.demo.photos import encode_jpeg
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.notify import Notifier
from pixiodoc_desktop.gui.session import ClinicSession
from pixiodoc_desktop.gui.views.compare_view import CompareView
from pixiodoc_desktop.gui.workers import ChangeNotifier, DbWorker, ImagePool
from pixiodoc_desktop.vault.keys import MINIMUM_KDF

PASSWORD = "Stadtpark-Vergleich-2026!"


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    QApplication.processEvents()
    return condition()


def rect(widget: QWidget) -> list[int]:
    g = widget.geometry()
    return [g.x(), g.y(), g.width(), g.height()]


class Scenario:
    def __init__(self, folder: Path) -> None:
        self.ctx = GuiContext(
            settings=Settings(),
            session=ClinicSession(kdf=MINIMUM_KDF),
            worker=DbWorker(),
            images=ImagePool(),
            changes=ChangeNotifier(),
            notifier=Notifier(lambda: None),
        )
        self.ctx.notifier.show_boxes = False
        self.ctx.worker.submit(
            lambda: self.ctx.session.create(
                folder,
                clinic_name="Praxis am Stadtpark",
                login_name="a.weber",
                display_name="Dr. Anna Weber",
                password=PASSWORD,
            )
        )
        assert self.ctx.worker.wait_idle(120)
        self.patient_id = str(
            self.call(lambda s, a: s.patients.create(a, family_name="Sommer", given_name="Lena").id)
        )
        self.call(lambda s, a: Plans(s.workstation).mark_demo(a))
        self.call(
            lambda s, a: s.consents.record(
                a, self.patient_id, scope="consultation-screen", granted=True
            )
        )
        self.first = self.ingest((40, 40, 200), dt.date(2025, 1, 7))
        self.ingest((200, 60, 30), dt.date(2025, 3, 4))

    def call(self, fn: Callable[[Any, Any], Any]) -> Any:
        box: list[Any] = []
        errors: list[BaseException] = []

        def job() -> None:
            services, actor = self.ctx.session.require()
            box.append(fn(services, actor))

        self.ctx.worker.submit(job, None, errors.append)
        assert self.ctx.worker.wait_idle(120)
        QApplication.processEvents()
        if errors:
            raise errors[0]
        return box[0] if box else None

    def ingest(self, colour: tuple[int, int, int], when: dt.date) -> str:
        pixels = np.empty((480, 640, 3), np.uint8)
        pixels[:] = colour
        data = encode_jpeg(pixels, quality=98, captured_at=dt.datetime.combine(when, dt.time(9)))
        context = CaptureContext(
            patient_id=self.patient_id,
            visit_date=when,
            body_site="upper-back",
            calibration_px_per_mm=10.0,
        )
        return str(
            self.call(lambda s, a: s.photos.ingest(a, data, context, source_name="x.jpg").photo.id)
        )

    def stop(self) -> None:
        self.ctx.worker.submit(self.ctx.session.lock)
        self.ctx.worker.wait_idle(30)
        self.ctx.worker.stop()
        self.ctx.images.stop()


def opened(view: CompareView, open_it: Callable[[], None], timeout: float = 60.0) -> dict[str, Any]:
    """Open the consultation window with `open_it`, describe where it went, press Esc."""
    if view.consultation is not None:
        return {"opened": "already"}
    open_it()

    def current() -> QWidget | None:  # read afresh: it changes behind mypy's back
        return view.consultation

    def window_up() -> bool:
        shown = current()
        return shown is not None and shown.isVisible()

    if not wait_until(window_up, timeout=timeout):
        return {"opened": False}
    window = current()
    if window is None:
        return {"opened": "and closed"}
    handle = window.windowHandle()

    def settled() -> bool:
        return window.isFullScreen() and window.geometry() == window.screen().geometry()

    wait_until(settled, timeout=10)
    found: dict[str, Any] = {
        "opened": True,
        "screen": window.screen().name(),
        "handle_screen": handle.screen().name() if handle is not None else None,
        "geometry": rect(window),
        "full_screen": window.isFullScreen(),
        "frameless": bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint),
        "title": window.windowTitle(),
        "return_bar": window.return_bar.isVisible(),  # "Esc returns", only over the clinician's
    }
    QTest.keyClick(window, Qt.Key.Key_Escape)
    found["esc_closes"] = wait_until(lambda: view.consultation is None, timeout=10)
    return found


def blanked(view: CompareView) -> dict[str, Any]:
    """Show the pair by default, then blank the patient's screen as the workstation does
    when the patient changes: a neutral screen on a screen of its own, else closed."""
    owner = view.patient_screen.screen
    owner.keep_blank = True  # the workstation's patient screen (views/patient_screen.py)
    view.show_to_patient()

    def painted() -> bool:
        shown = owner.window
        return shown is not None and shown.isVisible() and shown.picture is not None

    if not wait_until(painted, timeout=60):
        return {"opened": False}
    assert owner.window is not None
    # Its rectangle, not its QScreen: a QScreen wrapper taken from a window deleted on close
    # dies with it, and the menu's next click would reach that dead wrapper.
    found: dict[str, Any] = {"shown_geometry": rect(owner.window)}
    owner.blank()
    QApplication.processEvents()
    shown = owner.window
    if shown is None:
        found["after"] = "closed"
    else:
        found["after"] = "neutral" if shown.isVisible() and shown.picture is None else "showing"
        found["neutral_geometry"] = rect(shown)
        shown.close()
    owner.keep_blank = False
    return found


def through_button(view: CompareView, choose: str, position: int = -1) -> dict[str, Any]:
    """Click "Show to patient"; with a menu of screens, pick the one named `choose`, the
    menu's entry at `position` (the menu says "Screen 2 (2560×1440, right)", in the
    order of the application's screens, never the system's name); an empty `choose`
    dismisses the menu with Esc."""
    menus: list[list[str]] = []

    def click() -> None:
        before = set(view.findChildren(QMenu))
        view.patient_button.click()
        QApplication.processEvents()
        new = [menu for menu in view.findChildren(QMenu) if menu not in before]
        for menu in new:
            actions = menu.actions()
            menus.append([action.text() for action in actions])
            wait_until(menu.isVisible, timeout=10)
            if not choose:
                QTest.keyClick(menu, Qt.Key.Key_Escape)
                continue
            centre = menu.actionGeometry(actions[position]).center()
            QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=centre)

    found = opened(view, click, timeout=60.0 if choose else 3.0)
    found["menus"] = menus
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    found["menus_left"] = len(view.findChildren(QMenu))
    return found


def main() -> None:
    app = QApplication(sys.argv[:1])
    scenario = Scenario(Path(sys.argv[1]))
    # Only names and rectangles are kept: PySide ties the QScreen wrapper that
    # QWidget.screen() returns to that widget, and the consultation window is
    # deleted on close, so a kept QScreen would be a dead wrapper afterwards.
    screens = [(s.name(), s.geometry()) for s in app.screens()]
    result: dict[str, Any] = {
        "screens": [{"name": name, "geometry": rect_of(g)} for name, g in screens],
        "primary": app.primaryScreen().name(),
        "openings": [],
        "blanks": [],
    }
    view = CompareView(scenario.ctx)
    try:
        view.resize(1000, 700)
        view.show()
        view.open_photo(scenario.first)
        assert wait_until(lambda: view.display is not None, timeout=120)
        for name, geometry in screens:
            # The clinician's window on this screen.
            view.move(geometry.topLeft() + QPoint(100, 100))
            wait_until(lambda n=name: view.screen().name() == n, timeout=10)  # type: ignore[misc]
            clinician = view.screen().name()
            default = opened(view, view.show_to_patient)
            default.update(clinician=clinician, how="default")
            result["openings"].append(default)
            result["blanks"].append(dict(blanked(view), clinician=clinician))
            for position, (choice, _) in enumerate(screens):
                chosen = through_button(view, choice, position)
                chosen.update(clinician=clinician, how="button", chose=choice)
                result["openings"].append(chosen)
            if len(screens) > 1:
                dismissed = through_button(view, "")
                dismissed.update(clinician=clinician, how="button", chose="")
                result["openings"].append(dismissed)
    finally:
        view.clear()
        view.close()
        scenario.stop()
    print("RESULT " + json.dumps(result), flush=True)


def rect_of(g: Any) -> list[int]:
    return [g.x(), g.y(), g.width(), g.height()]


if __name__ == "__main__":
    main()
