"""Day one, the end of the day: File › Quit ends the demo workstation at once, and a write
still on its way when Quit is chosen is in the vault afterwards.

The demo runs as `pixiodoc --demo` runs it (`app.run`, the demo clinic's own folder, its
demo login), in a process of its own. Once the first patient is shown, a change to the
record is queued on the database worker (it takes a moment, like a photo being stored),
and Quit is chosen from the File menu at once. Python's own exit, whose final garbage
collection made quitting take seconds with no window left, must not run (an atexit
marker is left only by it); the change must be in the vault, and the vault locked
(LOGGED_OUT audited last).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from day_one import demo_vaults

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.audit.log import AuditFilter, AuditLog
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.demo.clinic import DemoVault
from pixiodoc_desktop.vault.vault import Vault

__all__ = ["demo_vaults"]  # fixtures used below

DRIVER = r"""
import atexit, datetime as dt, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.workers import DbOperation

marker = Path(sys.argv[1])
atexit.register(lambda: marker.write_text("python's own exit ran"))

def arm() -> None:
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    def quit_when_shown() -> None:
        record = window.record
        if record is None:
            QTimer.singleShot(50, quit_when_shown)
            return
        session = window.ctx.session
        def store() -> None:
            time.sleep(0.5)  # still being written when Quit is chosen
            services, actor = session.require()
            services.visits.create(actor, record.patient.id, visit_date=dt.date.today(),
                                   reason="written while quitting")
        DbOperation(store).run(window.ctx.worker)
        file_menu = window.menuBar().actions()[0].menu()
        quit_action = [a for a in file_menu.actions() if a.shortcut().toString() == "Ctrl+Q"]
        quit_action[0].trigger()
    quit_when_shown()

QTimer.singleShot(0, arm)
from pixiodoc_desktop.cli import main
sys.exit(main(["--demo", "--vault", sys.argv[2]]))
"""


def test_quit_ends_at_once_and_keeps_the_write_under_way(
    demo_vaults: Callable[[str], DemoVault], tmp_path: Path
) -> None:
    source = demo_vaults("en")
    folder = tmp_path / "demo-vault"
    shutil.copytree(source.folder, folder)
    marker = tmp_path / "python-exit-ran"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PIXIODOC_CONFIG_DIR": str(tmp_path / "config"),
        "PIXIODOC_LOG_DIR": str(tmp_path / "logs"),
    }
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(marker), str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert not marker.exists(), "quitting went through Python's own exit (its final GC)"
    ws, actor = log_in(Vault.open(folder), source.login, source.password)
    try:
        services = ClinicServices.for_workstation(ws)
        reasons = [
            v.reason
            for p in services.patients.search(actor, audited=False)
            for v in services.visits.list(actor, p.id)
        ]
        assert "written while quitting" in reasons
        events = [e.event for e in AuditLog(ws).query(actor, AuditFilter(limit=200))]
        before_mine = events[: len(events) - 1 - events[::-1].index("LOGIN_SUCCEEDED")]
        assert before_mine[-1] in ("LOGGED_OUT", "SESSION_LOCKED")  # the window locked first
    finally:
        lock(ws, actor)
