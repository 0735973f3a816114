"""What the GUI tests share besides fixtures: the first clinician's login, synthetic photo
files, running a job on the window's vault worker, and the first-run page filled in.

A plain module, not the conftest: `from conftest import ...` names whichever folder's
conftest pytest loaded last, so two folders collected together broke each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.demo.photos import encode_jpeg, render_photo, scene_for

if TYPE_CHECKING:
    from pixiodoc_desktop.gui.main_window import MainWindow

PASSWORD = "Stadtpark-Praxis-2026!"
LOGIN = "a.weber"


def write_jpegs(folder: Path, count: int, *, size: tuple[int, int] = (320, 240)) -> list[Path]:
    """Synthetic skin photos as JPEG files in `folder` (always inside tmp_path)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        pixels = render_photo(scene_for(100 + index, "acne"), 0, 1, size=size)
        data = encode_jpeg(
            pixels,
            captured_at=dt.datetime(2025, 3, 14, 9, 30 + index),
            camera_make="TestMake",
            camera_model="Test Camera",
        )
        path = folder / f"photo-{index}.jpg"
        path.write_bytes(data)
        paths.append(path)
    return paths


def in_vault(qtbot: QtBot, window: MainWindow, fn: Callable[[ClinicServices, Actor], Any]) -> Any:
    """Run `fn(services, actor)` on the DB worker as the logged-in clinician; return its result."""
    out: list[Any] = []
    failed: list[Exception] = []
    session = window.ctx.session

    def job() -> None:
        services, actor = session.require()
        out.append(fn(services, actor))

    window.ctx.worker.submit(job, None, failed.append)
    qtbot.waitUntil(lambda: bool(out or failed), timeout=20000)
    if failed:
        raise failed[0]
    return out[0]


def create_vault_through_first_run(qtbot: QtBot, window: MainWindow) -> None:
    page = window.first_run
    page.clinic.setText("Praxis am Stadtpark")
    page.name.setText("Dr. Anna Weber")
    page.login.setText(LOGIN)
    page.password.setText(PASSWORD)
    page.repeat.setText(PASSWORD)
    page.create_button.click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.recovery_card, timeout=20000)


def first_run_into_workspace(qtbot: QtBot, window: MainWindow) -> None:
    """The first run as a new clinic goes through it: the vault and its Admin created, the
    recovery key card ticked off, and on into the (empty) workspace."""
    create_vault_through_first_run(qtbot, window)
    window.recovery_page.confirm.setChecked(True)
    window.recovery_page.continue_button.click()
