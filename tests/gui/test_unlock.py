"""Unlock screen: the throttle's wait is shown and enforced; the recovery key sets a new password."""

from __future__ import annotations

from collections.abc import Callable

from gui_support import LOGIN, create_vault_through_first_run
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.dialogs import RecoveryDialog


def _locked(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> tuple[MainWindow, str]:
    window = make_window()
    create_vault_through_first_run(qtbot, window)
    key = window.recovery_page.key_label.text()
    window.recovery_page.confirm.setChecked(True)
    window.recovery_page.continue_button.click()
    window.lock()
    qtbot.waitUntil(lambda: not window.ctx.session.unlocked, timeout=5000)
    return window, key


def test_wrong_passwords_lead_to_a_visible_wait(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window, _key = _locked(qtbot, make_window)
    page = window.unlock_page
    for _attempt in range(4):
        qtbot.waitUntil(lambda: page.unlock_button.isEnabled(), timeout=10000)
        page.password.setText("definitely-not-it")
        page.unlock()
        qtbot.waitUntil(lambda: page.message.text() not in ("", "Unlocking…"), timeout=10000)
    assert page.message.text().startswith("Too many wrong passwords")
    assert not page.unlock_button.isEnabled()
    page.password.setText("anything")
    page.unlock()  # refused on the spot while the wait runs
    assert page.message.text().startswith("Too many wrong passwords")
    assert not window.is_unlocked()


def test_recovery_key_sets_a_new_password_and_unlocks(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window, key = _locked(qtbot, make_window)
    window.unlock_page.recovery_button.click()
    dialog = window.unlock_page.findChild(RecoveryDialog)
    assert dialog is not None
    assert dialog.clinician.currentData() == LOGIN
    dialog.key.setText(key)
    dialog.password.setText("Neues-Passwort-Herbst-2026")
    dialog.repeat.setText("Neues-Passwort-Herbst-2026")
    dialog.submit()
    qtbot.waitUntil(window.is_unlocked, timeout=20000)
    window.lock()
    qtbot.waitUntil(lambda: not window.ctx.session.unlocked, timeout=5000)
    window.unlock(LOGIN, "Neues-Passwort-Herbst-2026")
    qtbot.waitUntil(window.is_unlocked, timeout=10000)
