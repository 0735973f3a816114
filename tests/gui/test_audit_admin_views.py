"""The Admin's audit viewer and clinician dialog (not yet wired into the main window)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_support import first_run_into_workspace
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.audit_view import AuditView
from pixiodoc_desktop.gui.views.clinicians_dialog import CliniciansDialog


@pytest.fixture
def unlocked(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> MainWindow:
    window = make_window()
    first_run_into_workspace(qtbot, window)
    return window


def test_audit_view_filters_and_exports(qtbot: QtBot, unlocked: MainWindow, tmp_path: Path) -> None:
    view = AuditView(unlocked.ctx, unlocked)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    qtbot.waitUntil(lambda: view.clinician.count() == 2, timeout=10000)
    view.event_kind.setCurrentIndex(view.event_kind.findData("LOGIN_SUCCEEDED"))
    view.refresh()
    qtbot.waitUntil(
        lambda: (
            view.model.rowCount() > 0
            and all(
                view.model.index(r, 1).data() == "Logged in" for r in range(view.model.rowCount())
            )
        ),
        timeout=10000,
    )
    out = tmp_path / "audit.json"
    view.export_to("json", out)
    qtbot.waitUntil(out.exists, timeout=10000)
    assert {r["event"] for r in json.loads(out.read_text())} == {"LOGIN_SUCCEEDED"}


def test_clinicians_dialog_adds_and_deactivates(qtbot: QtBot, unlocked: MainWindow) -> None:
    dialog = CliniciansDialog(unlocked.ctx, unlocked)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    actor = unlocked.ctx.session.require()[1]
    dialog._run(
        lambda c: c.add(
            actor, login="dr.neu", display_name="Dr. Neu", password="Kastanie-Flussufer-Ginster-58"
        ),
        "added",
    )
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=20000)
    row = next(r for r in range(2) if dialog.table.item(r, 0).text() == "dr.neu")
    dialog.table.selectRow(row)
    person = dialog.selected()
    assert person is not None and person.login == "dr.neu"
    dialog._run(lambda c: c.deactivate(actor, "dr.neu"), "gone")
    qtbot.waitUntil(lambda: dialog.message.text() == "gone", timeout=10000)
    qtbot.waitUntil(lambda: dialog.table.item(row, 3).text() == "deactivated", timeout=10000)
