"""Break the glass from the Patient menu; the banner over the record; Admin-only entries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from gui_support import LOGIN, PASSWORD, first_run_into_workspace
from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.clinic.access.clinicians import Clinicians
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.emergency_dialog import EmergencyDialog

NURSE, NURSE_PASSWORD = "s.koch", "Kastanie-Flussufer-Ginster-58"


@pytest.fixture
def as_clinician(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> MainWindow:
    """A private record of the Admin's (MRN-7), and a Clinician without a grant logged in."""
    window = make_window()
    first_run_into_workspace(qtbot, window)
    session = window.ctx.session
    done: list[bool] = []

    def prepare() -> None:
        services, actor = session.require()
        services.patients.create(
            actor, family_name="Vogel", given_name="Emil", external_id="MRN-7", practice_level=None
        )
        Clinicians(services.workstation).add(
            actor, login=NURSE, display_name="Sabine Koch", password=NURSE_PASSWORD
        )
        done.append(True)

    window.ctx.worker.submit(prepare)
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    window.lock()
    window.unlock(NURSE, NURSE_PASSWORD)
    qtbot.waitUntil(window.is_unlocked, timeout=20000)
    return window


def _practice_menu(window: MainWindow) -> QMenu:
    for item in window.menuBar().actions():
        menu = item.menu()
        if isinstance(menu, QMenu) and window.commands.audit_trail in menu.actions():
            return menu
    raise AssertionError("no Practice menu")


def test_emergency_access_opens_the_record_view_only_with_a_banner(
    qtbot: QtBot, as_clinician: MainWindow
) -> None:
    window = as_clinician
    qtbot.waitUntil(lambda: window.patients.model.rowCount() == 0, timeout=10000)
    # A Clinician sees no Admin-only entries.
    practice = _practice_menu(window)
    visible = {a.text() for a in practice.actions() if a.isVisible() and not a.isSeparator()}
    assert visible == {"Sync now"}
    assert not window.record_actions.import_csv.isVisible()
    assert window.emergency.action.isEnabled()
    window.emergency.action.trigger()
    dialog = window.findChild(EmergencyDialog)
    assert dialog is not None
    dialog.number.setText("MRN-7")
    dialog.reason.setText("short")
    assert not dialog.open_button.isEnabled()  # a reason needs 10 characters
    dialog.number.setText("MRN-8")
    dialog.reason.setText("urgent referral, record holder absent")
    dialog.open_button.click()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10000)
    assert window.record is None
    dialog.number.setText("MRN-7")
    dialog.open_button.click()
    qtbot.waitUntil(lambda: window.record is not None, timeout=10000)
    assert window.record is not None and window.record.patient.access == "view"
    banner = window.emergency.banner
    qtbot.waitUntil(lambda: not banner.isHidden(), timeout=10000)
    assert "Emergency access" in banner.text.text() and "urgent referral" in banner.text.text()
    assert not banner.end_button.isHidden()
    banner.end_button.click()
    qtbot.waitUntil(lambda: window.record is None, timeout=10000)
    assert banner.isHidden()
    # The Admin is shown the emergency at the next login.
    window.lock()
    window.unlock(LOGIN, PASSWORD)
    qtbot.waitUntil(window.is_unlocked, timeout=20000)
    assert window.record_actions.import_csv.isVisible()


def test_a_case_from_a_colleague_shows_its_origin(qtbot: QtBot, as_clinician: MainWindow) -> None:
    window = as_clinician
    assert window.emergency.banner.isHidden()
    window.emergency.action.trigger()
    dialog = window.findChild(EmergencyDialog)
    assert dialog is not None
    dialog.number.setText("MRN-7")
    dialog.reason.setText("urgent referral, record holder absent")
    dialog.open_button.click()
    qtbot.waitUntil(lambda: window.record is not None, timeout=10000)
    record = window.record
    assert record is not None
    # A record imported from a case bundle carries its origin (and no emergency). It is put
    # in place silently: announcing it would look up the (real) emergency access again.
    with QSignalBlocker(window.state):
        window.state.show_record(
            replace(record, patient=replace(record.patient, origin="Dr. Roth, Hautarztpraxis Roth"))
        )
    window.emergency._show_banner(record.patient.id, [])
    banner = window.emergency.banner
    assert banner.text.text() == "View Only — from Dr. Roth, Hautarztpraxis Roth"
    assert banner.end_button.isHidden() and not banner.isHidden()
    window.close_record()
    assert banner.isHidden()
