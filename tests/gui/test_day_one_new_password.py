"""Day one: an Admin gives a new clinician, and a colleague, a password (Practice ›
Clinicians… › Add… / Reset password…) on the demo clinic, English and German. The strength
meter under the password says why a password would be refused while it is typed (the
vault's own rule, `vault.passwords.assess`), OK refuses it with that reason and keeps the
dialog open, and a strong one goes through. A picture of each step at 1366x768."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import click, click_menu, demo_app, demo_vaults, shoot, shots
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.demo.clinic import DEMO_COLLEAGUE_LOGIN
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.clinicians_dialog import CliniciansDialog, NewPasswordDialog

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below

# What a clinician reads, in each language (the committed German, not the source text).
WORDS = {
    "en": {
        "short": "Too short: use at least 10 characters.",
        "personal": "Too personal: it is mostly your name, login or the clinic's name.",
        "common": "Too common: this password is tried first by attackers.",
        "refused": "Choose a stronger password.",
        "strong": "Very strong",
    },
    "de": {
        "short": "Zu kurz: Verwenden Sie mindestens 10 Zeichen.",
        "personal": "Zu persönlich: Es besteht überwiegend aus Ihrem Namen, Anmeldenamen "
        "oder dem Praxisnamen.",
        "common": "Zu verbreitet: Dieses Passwort probieren Angreifer zuerst.",
        "refused": "Wählen Sie ein stärkeres Passwort.",
        "strong": "Sehr stark",
    },
}
STRONG = "Brandung-Zeder-Mosaik-83"


def _button(parent: QWidget, text: str) -> QPushButton:
    found = [b for b in parent.findChildren(QPushButton) if b.text().replace("&", "") == text]
    assert found, f"no button {text!r} in {type(parent).__name__}"
    return found[0]


def _in_modal(
    qtbot: QtBot, trigger: Callable[[], None], script: Callable[[NewPasswordDialog], None]
) -> None:
    """Run `script` inside the dialog that `trigger` opens with exec() (a blocking loop)."""
    done: list[BaseException | None] = []

    def look() -> None:
        shown = QApplication.activeModalWidget()
        if not isinstance(shown, NewPasswordDialog) or not shown.isVisible():
            QTimer.singleShot(20, look)
            return
        try:
            script(shown)
            done.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test below
            done.append(exc)
            shown.reject()

    QTimer.singleShot(0, look)
    trigger()
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    if done[0] is not None:
        raise done[0]


def _ok(dialog: NewPasswordDialog) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_meter_says_why_before_the_click_and_ok_keeps_to_it(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    words = WORDS[language]
    window = demo_app(language)
    practice = QCoreApplication.translate("MainWindow", "P&ractice").replace("&", "")
    click_menu(qtbot, window, practice, QCoreApplication.translate("MainWindow", "Clinicians…"))
    qtbot.waitUntil(lambda: window.findChild(CliniciansDialog) is not None, timeout=10000)
    people = window.findChild(CliniciansDialog)
    assert people is not None
    qtbot.waitUntil(lambda: len(people.people) > 1, timeout=10000)
    before = len(people.people)

    def add_clinician(dialog: NewPasswordDialog) -> None:
        qtbot.keyClicks(dialog.login, "dr.neumann")
        qtbot.keyClicks(dialog.name, "Dr. Neumann")
        qtbot.keyClicks(dialog.password, "Kurz-1")
        assert dialog.meter.label.text() == words["short"]
        shoot(dialog, shots, f"new-password-{language}-1-too-short")
        dialog.password.clear()
        # The login with a year: the vault refuses it as personal, and so does the meter.
        qtbot.keyClicks(dialog.password, "Dr.Neumann2026")
        assert dialog.meter.label.text() == words["personal"], dialog.meter.label.text()
        qtbot.keyClicks(dialog.again, "Dr.Neumann2026")
        click(_ok(dialog))  # refused before anything is written, with the reason
        assert dialog.isVisible()
        assert dialog.message.text() == f"{words['refused']} {words['personal']}"
        shoot(dialog, shots, f"new-password-{language}-2-refused-on-ok")
        dialog.password.clear()
        dialog.again.clear()
        assert dialog.message.text() == ""  # an old refusal goes with a new password
        qtbot.keyClicks(dialog.password, STRONG)
        qtbot.keyClicks(dialog.again, STRONG)
        assert dialog.meter.label.text() == words["strong"]
        assert dialog.meter.bar.value() == 4
        shoot(dialog, shots, f"new-password-{language}-3-strong")
        click(_ok(dialog))
        assert not dialog.isVisible()

    add = _button(people, QCoreApplication.translate("CliniciansDialog", "Add…"))
    _in_modal(qtbot, lambda: click(add), add_clinician)
    qtbot.waitUntil(lambda: len(people.people) == before + 1, timeout=30000)
    assert "dr.neumann" in [p.login for p in people.people]

    # A reset checks against the colleague's login and name, not the Admin's.
    row = next(i for i, p in enumerate(people.people) if p.login == DEMO_COLLEAGUE_LOGIN)
    people.table.selectRow(row)

    def reset(dialog: NewPasswordDialog) -> None:
        qtbot.keyClicks(dialog.password, "password123")
        assert dialog.meter.label.text() == words["common"]
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, f"{DEMO_COLLEAGUE_LOGIN}-77")
        assert dialog.meter.label.text() == words["personal"]
        shoot(dialog, shots, f"new-password-{language}-4-reset-personal")
        dialog.reject()

    reset_button = _button(
        people, QCoreApplication.translate("CliniciansDialog", "Reset password…")
    )
    _in_modal(qtbot, lambda: click(reset_button), reset)
    people.reject()
