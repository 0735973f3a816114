"""Day one: a practice Admin makes an enrollment code for another PC from the Practice menu
of the demo clinic (English and German, 1366x768), as a clinic's IT person would.

Before sync is set up the dialog says so; with the clinic's bucket (SeaweedFS on loopback)
it shows the code, until when it works and what to do on the other PC; the code joins a
new PC once (a second use is refused), it is audited exactly as `pixiodoc sync
enroll-code` audits it, and it is nowhere on disk. A colleague who is no Admin is refused
with the reason (audited as the CLI does). A picture of each step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from day_one import click, click_menu, demo_app, demo_vaults, shoot, shots
from gui_support import in_vault
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.demo.clinic import DEMO_COLLEAGUE_LOGIN, DEMO_PASSWORD
from pixiodoc_desktop.demo.identity import DEMO_LOGIN
from pixiodoc_desktop.errors import EnrollmentInvalid, PermissionDenied
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.enrollment_dialog import EnrollmentDialog
from pixiodoc_desktop.gui.views.sync_dialog import SyncDialog
from pixiodoc_desktop.sync.crypto import parse_enrollment_code
from pixiodoc_desktop.sync.enroll import create_enrollment, join
from pixiodoc_desktop.sync.settings import SyncTarget, store_settings
from pixiodoc_desktop.sync.store import ObjectStore
from pixiodoc_desktop.vault.schema import AuditEvent

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below

WORDS = {
    "en": {
        "entry": "Enrollment code for another PC…",
        "not set up": "Sync is not set up on this workstation",
        "where": "Practice › Sync settings…",
        "not admin": "Only a practice Admin may enroll a new workstation.",
        "until": "Works once, until ",
        "rejoin": "Re-join the clinic…",
    },
    "de": {
        "entry": "Einrichtungscode für einen weiteren PC…",
        "not set up": "Die Synchronisation ist auf diesem Arbeitsplatz nicht eingerichtet",
        "where": "Praxis › Synchronisation einrichten…",
        "not admin": "Nur ein Praxis-Admin darf einen neuen Arbeitsplatz einrichten.",
        "until": "Gilt einmal, bis ",
        "rejoin": "Wieder mit der Praxis verbinden…",
    },
}


def _practice() -> str:
    return QCoreApplication.translate("MainWindow", "P&ractice").replace("&", "")


def _open(qtbot: QtBot, window: MainWindow, language: str) -> EnrollmentDialog:
    click_menu(qtbot, window, _practice(), WORDS[language]["entry"])
    qtbot.waitUntil(lambda: window.sync.enrollment.dialog is not None, timeout=10000)
    dialog = window.sync.enrollment.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def _create(qtbot: QtBot, dialog: EnrollmentDialog) -> None:
    """Click Create code and wait for the code or the refusal."""
    click(dialog.create_button)
    qtbot.waitUntil(lambda: dialog.create_button.isEnabled(), timeout=60000)


def _refusal(services: ClinicServices, actor: Actor) -> str | None:
    ws = services.workstation
    try:
        create_enrollment(ws, ObjectStore(store_settings(ws.vault)), actor)
    except PermissionDenied as refused:
        return str(refused)
    return None


def _events(kind: audit.EventType) -> Callable[[ClinicServices, Actor], list[Any]]:
    def read(services: ClinicServices, _actor: Actor) -> list[Any]:
        with services.workstation.vault.read_session() as session:
            rows = session.scalars(select(AuditEvent).where(AuditEvent.event_type == str(kind)))
            return [(e.outcome, dict(e.details)) for e in rows]

    return read


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_admin_makes_a_code_that_joins_another_pc_once(
    qtbot: QtBot,
    demo_app: Callable[..., MainWindow],
    shots: Path,
    language: str,
    weed: Any,
    tmp_path: Path,
) -> None:
    from tests.sync.sync_support import ACCESS_KEY, BUCKET, SECRET_KEY

    words = WORDS[language]
    window = demo_app(language)
    sync = window.sync
    # Before the clinic's bucket is set up here, the dialog says so and where to set it up.
    dialog = _open(qtbot, window, language)
    shoot(dialog, shots, f"enrollment-{language}-0-asks")
    _create(qtbot, dialog)
    assert dialog.message.text().startswith(words["not set up"]), dialog.message.text()
    assert words["where"] in dialog.message.text()
    assert dialog.code.isHidden() and not dialog.code.text()
    shoot(dialog, shots, f"enrollment-{language}-1-no-sync")
    made = in_vault(qtbot, window, _events(audit.EventType.SECURITY_SETTING_CHANGED))
    assert not [d for _o, d in made if d.get("setting") == "workstation enrollment code"]
    dialog.reject()

    # The clinic's bucket, entered in Practice › Sync settings… as its IT person does.
    click_menu(
        qtbot, window, _practice(), QCoreApplication.translate("SyncScheduler", "Sync settings…")
    )
    qtbot.waitUntil(lambda: window.findChild(SyncDialog) is not None, timeout=10000)
    settings = window.findChild(SyncDialog)
    assert settings is not None
    prefix = f"enroll-{language}-{id(window):x}"
    for field, value in (
        (settings.endpoint, weed.endpoint),
        (settings.bucket, BUCKET),
        (settings.prefix, prefix),
        (settings.access_key, ACCESS_KEY),
        (settings.secret, SECRET_KEY),
    ):
        field.clear()
        qtbot.keyClicks(field, value)
    box = settings.findChild(QDialogButtonBox)
    assert box is not None
    with qtbot.waitSignal(sync.round_finished, timeout=120000) as first:
        click(box.button(QDialogButtonBox.StandardButton.Save))
    assert not isinstance(first.args[0], Exception), first.args[0]

    dialog = _open(qtbot, window, language)
    dialog.validity.setCurrentIndex(dialog.validity.findData(60))
    asked_at = dt.datetime.now().astimezone()
    _create(qtbot, dialog)
    code = dialog.code.text()
    assert dialog.code.isVisible() and not dialog.message.text(), dialog.message.text()
    parse_enrollment_code(code)  # a well-formed code, check characters and all
    until = dialog.valid_until.text()
    assert until.startswith(words["until"]), until
    expected = {(asked_at + dt.timedelta(minutes=60 + m)).strftime("%H:%M") for m in (0, 1)}
    assert any(at in until for at in expected), (until, expected)
    steps = dialog.steps.text().replace("&nbsp;", " ")
    assert words["rejoin"] in steps and "pixiodoc sync join --vault FOLDER --code CODE" in steps
    click(dialog.copy_button)
    assert QApplication.clipboard().text() == code
    shoot(dialog, shots, f"enrollment-{language}-2-code")

    # Audited exactly as the command line audits it: one setting change, no new event type.
    made = in_vault(qtbot, window, _events(audit.EventType.SECURITY_SETTING_CHANGED))
    assert [d for _o, d in made if d.get("setting") == "workstation enrollment code"] == [
        {"setting": "workstation enrollment code", "valid_minutes": 60}
    ]
    # The code is on the screen and the clipboard only: not in the vault, settings or logs.
    secret = "".join(ch for ch in code if ch.isalnum())
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert code.encode() not in data and secret.encode() not in data, path

    # Another PC joins the clinic with it, and sees the demo's patients; a second use fails.
    target = SyncTarget(weed.endpoint, "eu-central-1", BUCKET, prefix)
    other = join(tmp_path / "other-pc", target, ACCESS_KEY, SECRET_KEY, code=code)
    ws, actor = log_in(other, DEMO_LOGIN, DEMO_PASSWORD)
    try:
        here = in_vault(qtbot, window, lambda s, a: len(Patients(s.workstation).search(a, "")))
        assert here > 0 and len(Patients(ws).search(actor, "")) == here
    finally:
        lock(ws, actor, logged_out=True)
    with pytest.raises(EnrollmentInvalid):
        join(tmp_path / "third-pc", target, ACCESS_KEY, SECRET_KEY, code=code)

    # Closed, the code leaves the dialog; a colleague who is no Admin is refused, audited.
    dialog.reject()
    assert not dialog.code.text()
    click_menu(qtbot, window, QCoreApplication.translate("MainWindow", "&File").replace("&", ""),
               QCoreApplication.translate("MainWindow", "Lock"))  # fmt: skip
    page = window.unlock_page
    qtbot.waitUntil(lambda: page.isVisible() and page.password.isEnabled(), timeout=20000)
    page.clinician.setCurrentIndex(page.clinician.findData(DEMO_COLLEAGUE_LOGIN))
    qtbot.keyClicks(page.password, DEMO_PASSWORD)
    QTest.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.state.is_unlocked, timeout=30000)
    assert not window.state.is_admin
    # Like Sync settings…, the entry is an Admin's: a Clinician's Practice menu does not show it.
    practice = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == _practice()
    )
    shown = [a.text() for a in practice.actions() if a.isVisible()]
    assert words["entry"] not in shown, shown
    assert not window.sync.enrollment.action.isVisible()
    # The core refuses a colleague who is no Admin all the same (the command line's path).
    refusal = in_vault(qtbot, window, _refusal)
    assert refusal == WORDS["en"]["not admin"], refusal
    alerts = in_vault(qtbot, window, _events(audit.EventType.SECURITY_ALERT))
    assert ("denied", {"action": "create an enrollment code"}) in alerts, alerts
