"""Switching clinicians at one workstation, and the Admin's emergency-access notice at login.

The second clinician logs in through the unlock screen's own widgets (pick the
name, type the password, click Unlock), as they would at the practice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from gui_support import LOGIN, PASSWORD, first_run_into_workspace, in_vault
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pixiodoc_desktop.clinic.access.clinicians import Clinicians
from pixiodoc_desktop.clinic.access.emergency import EmergencyAccesses
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.audit_view import EmergencyReviewDialog
from pixiodoc_desktop.vault.schema import EmergencyAccess, Grant

NURSE, NURSE_NAME, NURSE_PASSWORD = "s.koch", "Sabine Koch", "Kastanie-Flussufer-Ginster-58"
PRIVATE = ("Vogel", "Emil")  # the Admin's own record: no practice grant
SHARED = ("Adler", "Rosa")  # everyone in the practice may edit
REASON = "urgent referral, record holder absent"


@pytest.fixture
def practice(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> tuple[MainWindow, str]:
    """An Admin in the workspace, a private and a shared record, and a second clinician."""
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    first_run_into_workspace(qtbot, window)

    def prepare(services: ClinicServices, actor: Actor) -> str:
        private = services.patients.create(
            actor,
            family_name=PRIVATE[0],
            given_name=PRIVATE[1],
            birth_date=dt.date(1951, 11, 2),
            external_id="MRN-7",
            practice_level=None,
        )
        services.patients.create(actor, family_name=SHARED[0], given_name=SHARED[1])
        Clinicians(services.workstation).add(
            actor, login=NURSE, display_name=NURSE_NAME, password=NURSE_PASSWORD
        )
        return str(private.id)

    private_id = in_vault(qtbot, window, prepare)
    return window, private_id


def _grant_view(services: ClinicServices, owner: Actor, patient_id: str) -> None:
    """A personal View grant for the second clinician (the Free plan's sharing dialog
    refuses one, so the row is written as a Teams clinic's sharing would write it)."""
    nurse = Clinicians(services.workstation).by_login(NURSE)
    with services.workstation.unit_of_work(owner) as uow:
        uow.session.add(
            Grant(id=str(uuid.uuid4()), patient_id=patient_id, grantee=nurse.id, level="view")
        )


def _log_in_on_unlock_screen(qtbot: QtBot, window: MainWindow, login: str, password: str) -> None:
    page = window.unlock_page
    qtbot.waitUntil(lambda: page.clinician.findData(login) >= 0, timeout=10000)
    page.clinician.setCurrentIndex(page.clinician.findData(login))
    page.password.clear()
    qtbot.keyClicks(page.password, password)
    qtbot.waitUntil(page.unlock_button.isEnabled, timeout=10000)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.is_unlocked, timeout=20000)


def _visible_texts(window: MainWindow) -> str:
    """Everything the window shows as text: title, list, recent, header, details, status."""
    panel = window.patients
    model = panel.model
    parts = [window.windowTitle()]
    parts += [str(model.data(model.index(r, 0))) for r in range(model.rowCount())]
    parts += [panel.recent.item(r).text() for r in range(panel.recent.count())]
    parts += [window.timeline.name_label.text(), window.timeline.facts_label.text()]
    parts += [window.details.consent_label.text()]
    parts += [f.text() for f in window.details.visit_fields.values()]
    parts += [window.status.clinician.text(), window.statusBar().currentMessage()]
    return "\n".join(parts)


def _shows_no_record(window: MainWindow, names: tuple[str, str]) -> None:
    text = _visible_texts(window)
    for name in names:
        assert name not in text
    assert "MRN-7" not in text and date_text(dt.date(1951, 11, 2)) not in text
    assert window.record is None
    assert window.timeline.record is None and window.details.record is None
    assert window.timeline.timeline.photos() == []
    assert window.patients.recent.count() == 0


@pytest.mark.parametrize("granted", [False, True], ids=["no-grant", "view-grant"])
def test_switching_clinicians_never_shows_the_previous_record(
    qtbot: QtBot, practice: tuple[MainWindow, str], granted: bool
) -> None:
    window, private_id = practice
    if granted:
        in_vault(qtbot, window, lambda s, a: _grant_view(s, a, private_id))
    # The Admin opens their private record.
    window.patients.refresh()
    qtbot.waitUntil(lambda: window.patients.model.row_of(private_id) >= 0, timeout=10000)
    window.patients.select_row(window.patients.model.row_of(private_id))
    qtbot.waitUntil(lambda: window.timeline.name_label.text() == "Vogel, Emil", timeout=10000)
    assert window.status.clinician.text() == "Clinician: Dr. Anna Weber"

    # Ctrl+L locks: the unlock screen shows nothing of the record.
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.unlock_card
    _shows_no_record(window, PRIVATE)
    assert window.windowTitle() == "PixioDoc"
    assert window.status.clinician.text() == ""

    # The second clinician logs in on the unlock screen.
    _log_in_on_unlock_screen(qtbot, window, NURSE, NURSE_PASSWORD)
    qtbot.waitUntil(lambda: window.patients.model.rowCount() >= 1, timeout=10000)
    assert window.login_info is not None and window.login_info.login == NURSE
    assert window.status.clinician.text() == f"Clinician: {NURSE_NAME}"
    assert window.windowTitle() == "Praxis am Stadtpark — PixioDoc"
    listed = {p.id: p for p in window.patients.model.rows()}
    if granted:
        # Theirs to see now, in the list only; nothing is opened for them.
        assert private_id in listed and listed[private_id].access == "view"
        text = _visible_texts(window)
        assert text.count("Vogel") == 1  # the list entry, nowhere else
        assert window.timeline.name_label.text() == "No patient open"
        assert window.record is None and window.patients.recent.count() == 0
    else:
        assert private_id not in listed
        assert [p.family_name for p in listed.values()] == [SHARED[0]]
        _shows_no_record(window, PRIVATE)
    # Even a search for the name or number finds nothing without a grant.
    with qtbot.waitSignal(window.patients.search_done, timeout=10000):
        window.patients.search.setText("MRN-7")
    assert (window.patients.model.rowCount() == 1) is granted
    assert not window.commands.audit_trail.isVisible()  # not an Admin


def test_a_clinician_added_in_this_session_can_log_in_after_the_lock(
    qtbot: QtBot, practice: tuple[MainWindow, str]
) -> None:
    window, _private = practice
    window.commands.lock.trigger()
    page = window.unlock_page

    def listed() -> set[str]:
        return {page.clinician.itemData(i) for i in range(page.clinician.count())}

    assert page.selected_login() == LOGIN
    # The clinician list is read again after the lock: the one added today is on it,
    # and the clinician who just locked stays preselected.
    qtbot.waitUntil(lambda: listed() == {LOGIN, NURSE}, timeout=10000)
    assert page.selected_login() == LOGIN
    _log_in_on_unlock_screen(qtbot, window, NURSE, NURSE_PASSWORD)
    assert window.login_info is not None and window.login_info.login == NURSE


def _review_dialog(window: MainWindow) -> EmergencyReviewDialog | None:
    shown = [d for d in window.findChildren(EmergencyReviewDialog) if d.isVisible()]
    return shown[0] if len(shown) == 1 else None


def test_an_admin_is_shown_unacknowledged_emergency_accesses_at_login(
    qtbot: QtBot, practice: tuple[MainWindow, str]
) -> None:
    window, private_id = practice
    assert _review_dialog(window) is None  # nothing to review yet
    window.lock()
    # The second clinician breaks the glass through the core service.
    window.unlock(NURSE, NURSE_PASSWORD)
    qtbot.waitUntil(window.is_unlocked, timeout=20000)
    access = in_vault(
        qtbot,
        window,
        lambda s, a: EmergencyAccesses(s.workstation).start(a, private_id, REASON),
    )
    assert _review_dialog(window) is None  # a Clinician is not shown the notice
    window.lock()

    _log_in_on_unlock_screen(qtbot, window, LOGIN, PASSWORD)
    qtbot.waitUntil(lambda: _review_dialog(window) is not None, timeout=10000)
    dialog = _review_dialog(window)
    assert dialog is not None
    assert dialog.list.count() == 1
    entry = dialog.list.item(0)
    # Who opened whose record, by name (the record's id says nothing to the Admin).
    assert NURSE_NAME in entry.text() and REASON in entry.text()
    assert PRIVATE[0] in entry.text() and private_id not in entry.text()
    assert entry.data(Qt.ItemDataRole.UserRole) == access.id

    # Shown is not acknowledged: it stays pending until the Admin acknowledges it.
    pending = in_vault(
        qtbot, window, lambda s, a: EmergencyAccesses(s.workstation).pending_for_admin(a)
    )
    assert [p.id for p in pending] == [access.id]

    dialog.list.setCurrentRow(0)
    acknowledge = next(
        b for b in dialog.findChildren(QPushButton) if b.text() == "Acknowledge selected"
    )
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.mouseClick(acknowledge, Qt.MouseButton.LeftButton)

    def stored(services: ClinicServices, actor: Actor) -> tuple[list[str], Any]:
        service = EmergencyAccesses(services.workstation)
        return [p.id for p in service.pending_for_admin(actor)], actor.user_id

    pending_ids, admin_id = in_vault(qtbot, window, stored)
    assert pending_ids == []

    def row(services: ClinicServices, _actor: Actor) -> tuple[str | None, object]:
        with services.workstation.read_session() as session:
            found = session.scalar(select(EmergencyAccess).where(EmergencyAccess.id == access.id))
            assert found is not None
            return found.acknowledged_by, found.acknowledged_at

    by, at = in_vault(qtbot, window, row)
    assert by == admin_id and at is not None

    # Acknowledged: the next Admin login shows no notice.
    window.lock()
    _log_in_on_unlock_screen(qtbot, window, LOGIN, PASSWORD)
    window.ctx.worker.wait_idle()
    qtbot.wait(300)
    assert _review_dialog(window) is None


def test_the_session_state_announces_each_change_in_order(
    qtbot: QtBot, practice: tuple[MainWindow, str]
) -> None:
    """Side windows, the consultation screen and phone pairings let go of a patient on
    these notices: another patient opened, the record closed, the session locked."""
    window, private_id = practice
    state = window.state
    heard: list[tuple[str, str | None]] = []
    state.clinician_changed.connect(
        lambda who: heard.append(("clinician", who.login if who is not None else None))
    )
    state.unlocked.connect(lambda who: heard.append(("unlocked", who.login)))
    state.locked.connect(lambda: heard.append(("locked", None)))
    state.patient_opened.connect(lambda pid: heard.append(("opened", pid)))
    state.patient_closed.connect(lambda: heard.append(("closed", None)))
    state.record_shown.connect(lambda pid: heard.append(("shown", pid)))

    panel = window.patients
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10000)
    shared_id = next(p.id for p in panel.model.rows() if p.family_name == SHARED[0])
    panel.select_row(panel.model.row_of(private_id))
    qtbot.waitUntil(lambda: state.patient_id == private_id, timeout=10000)
    # An edit elsewhere shows the same record again: shown, not opened.
    window.ctx.changes.patient_changed.emit(private_id)
    qtbot.waitUntil(lambda: heard.count(("shown", private_id)) == 2, timeout=10000)
    panel.select_row(panel.model.row_of(shared_id))
    qtbot.waitUntil(lambda: state.patient_id == shared_id, timeout=10000)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert state.record is None and state.clinician is None and not state.is_unlocked
    _log_in_on_unlock_screen(qtbot, window, NURSE, NURSE_PASSWORD)

    assert heard == [
        ("opened", private_id),
        ("shown", private_id),
        ("shown", private_id),
        ("opened", shared_id),
        ("shown", shared_id),
        ("closed", None),
        ("clinician", None),
        ("locked", None),
        ("clinician", NURSE),
        ("unlocked", NURSE),
    ]
    assert state.clinician is not None and state.clinician.login == NURSE
    assert state.is_unlocked and not state.is_admin and state.record is None
