"""Start the workstation GUI: the QApplication, translations, theme, crash handler, window.

`run_workstation` is called by `app.py` once settings (and, in demo mode,
the demo vault) exist. With `demo_login` the window logs in by itself and
opens the first patient, so a newcomer lands in a living timeline.
`PIXIODOC_SCREENSHOT=<file.png>` saves a picture of the window once the
first screenful of the timeline has been painted (end-to-end tests, docs).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from pixiodoc_desktop.config import APP_NAME, Settings
from pixiodoc_desktop.gui import first_paint
from pixiodoc_desktop.gui.i18n import Translators
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.notify import install_crash_handler
from pixiodoc_desktop.gui.quitting import leave
from pixiodoc_desktop.gui.theme import apply_theme, icon

log = logging.getLogger(__name__)

WRITES_WAITED_S = 24 * 3600.0  # a write under way is never cut off by quitting


def make_application(settings: Settings) -> tuple[QApplication, Translators]:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(icon("app", settings.theme))
    translators = Translators()
    if not translators.install(settings.language):
        log.warning("The %s translation is not available", settings.language)
    apply_theme(app, settings.theme)
    return app, translators


def _screenshot_when_painted(window: MainWindow, target: Path) -> None:
    def save() -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed, so that whoever waits for the file never reads half a PNG.
        partial = target.with_name(target.name + ".part")
        ok = window.grab().save(str(partial), "PNG")
        if ok:
            partial.replace(target)
        log.info("Screenshot %s", "saved" if ok else "failed")

    window.timeline.timeline.screenful_painted.connect(lambda: QTimer.singleShot(400, save))


def run_workstation(
    settings: Settings,
    *,
    vault: Path | None,
    demo_login: tuple[str, str] | None,
    camera: str | None,
    gdt_request: Path | None = None,
) -> int:
    """Open the workstation window; returns the exit code when the user quits.

    `gdt_request`: a request file from the practice software (`pixiodoc gdt open`),
    taken once a clinician has logged in."""
    app, _translators = make_application(settings)
    install_crash_handler()
    screenshot = os.environ.get("PIXIODOC_SCREENSHOT")
    # The unlock screen paints first; the workspace is built right after that paint,
    # unless something needs it from the start (a request from the practice software,
    # a screenshot of the timeline).
    window = MainWindow(
        settings,
        vault_folder=vault,
        camera=camera,
        furnish_later=gdt_request is None and not screenshot,
    )
    app.aboutToQuit.connect(window.shutdown)
    if gdt_request is not None:
        window.practice.hand_over(gdt_request)
    if screenshot:
        _screenshot_when_painted(window, Path(screenshot))
    if os.environ.get(first_paint.ENV_VAR) == "1":  # benchmarks/startup.py
        first_paint.exit_after_first_paint(window.unlock_page)
    window.show()
    if demo_login is not None:
        login, password = demo_login
        window.state.unlocked.connect(lambda _clinician: log.info("Demo workspace shown"))
        QTimer.singleShot(0, lambda: window.unlock(login, password, open_first_patient=True))
    log.info("Workstation window shown")
    code = app.exec()
    window.shutdown()  # done already on aboutToQuit; idempotent
    worker = window.ctx.worker
    return leave(
        code,
        database_worker_running=worker.running,
        finish_database_work=lambda: worker.stop(timeout=WRITES_WAITED_S),
    )
