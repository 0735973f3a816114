"""An Admin renews the practice's keys from Practice > Clinicians…: asked to confirm, asked
for their password, shown the new recovery key (printable) and who needs a new password;
in English and German, with a screenshot of each step (PIXIODOC_SHOTS=DIR keeps them)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_support import LOGIN, PASSWORD, first_run_into_workspace, in_vault
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from vault_support import add_clinician

from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.clinicians_dialog import CliniciansDialog
from pixiodoc_desktop.vault.vault import Vault


def _shots(tmp_path: Path, language: str) -> Callable[[QWidget, str], None]:
    folder = Path(os.environ.get("PIXIODOC_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)

    def shot(widget: QWidget, name: str) -> None:
        assert widget.grab().save(str(folder / f"key-renewal-{language}-{name}.png"))

    return shot


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_admin_renews_the_keys_from_the_clinicians_dialog(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
    request: pytest.FixtureRequest,
    language: str,
) -> None:
    if language == "de":
        request.getfixturevalue("german")
    shot = _shots(tmp_path, language)
    window = make_window()
    window.resize(1366, 768)
    window.show()
    first_run_into_workspace(qtbot, window)
    folder = tmp_path / "vault"
    in_vault(
        qtbot,
        window,
        lambda s, _a: add_clinician(s.workstation, "dr.kaya", "Brandung-Zeder-Mosaik-83"),
    )

    window.commands.clinicians.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CliniciansDialog))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=20000)
    renew = next(
        b
        for b in dialog.findChildren(QPushButton)
        if b.text() in ("Renew keys…", "Schlüssel erneuern…")
    )
    shot(dialog, "1-clinicians")

    seen: list[str] = []

    def answer_modals() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox) and "question" not in seen:
            seen.append("question")
            shot(modal, "2-confirm")
            modal.button(QMessageBox.StandardButton.Yes).click()
        elif isinstance(modal, QInputDialog) and "password" not in seen:
            seen.append("password")
            modal.setTextValue(PASSWORD)
            shot(modal, "3-password")
            modal.accept()

    timer = qtbot_timer(answer_modals)
    renew.click()
    timer.stop()
    assert seen == ["question", "password"]
    qtbot.waitUntil(
        lambda: dialog.recovery_dialog is not None and dialog.recovery_dialog.isVisible(),
        timeout=30000,
    )
    recovery = dialog.recovery_dialog
    assert recovery is not None
    key = recovery.page.key_label.text()
    assert len(key.replace("-", "")) == 36
    assert "dr.kaya" in " ".join(
        label.text() for label in recovery.findChildren(type(dialog.message))
    )
    shot(recovery, "4-new-recovery-key")
    recovery.page.confirm.setChecked(True)
    recovery.page.continue_button.click()
    qtbot.waitUntil(lambda: not recovery.isVisible(), timeout=5000)
    shot(dialog, "5-renewed")

    # The window goes on working under the new keys; only the Admin's password is left.
    assert in_vault(qtbot, window, lambda s, _a: s.workstation.vault.keys.database) is not None
    window.lock()
    logins = [login for login, _name in Vault.open(folder).clinicians()]
    assert logins == [LOGIN]


def qtbot_timer(callback: Callable[[], None]) -> QTimer:
    """A 50 ms timer that answers whatever modal dialog is open (static dialogs block)."""
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(callback)
    timer.start()
    return timer
