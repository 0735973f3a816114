"""Day two, the clinic's IT person on a PC where sync is not set up yet (the demo clinic,
English and German): asking for an enrollment code says where sync is set up, once, by
the menu's real name. It said "(pixiodoc sync configure, or Settings > Sync)" (there is
no such menu; German "Einstellungen > Synchronisation") and then named Practice › Sync
settings… as well."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import click, click_menu, demo_app, demo_vaults, shoot, shots
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.gui.main_window import MainWindow

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


@pytest.mark.parametrize("language", ["en", "de"])
def test_not_set_up_names_the_real_menu_once(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path, language: str
) -> None:
    window = demo_app(language)
    practice = QCoreApplication.translate("MainWindow", "P&ractice").replace("&", "")
    code_entry = QCoreApplication.translate("Enrollment", "Enrollment code for another PC…")
    click_menu(qtbot, window, practice, code_entry)
    qtbot.waitUntil(lambda: window.sync.enrollment.dialog is not None, timeout=10000)
    dialog = window.sync.enrollment.dialog
    assert dialog is not None
    click(dialog.create_button)
    qtbot.waitUntil(dialog.create_button.isEnabled, timeout=30000)  # the answer came
    shoot(dialog, shots, f"sync-not-set-up-{language}")
    said = dialog.message.text()
    settings_entry = QCoreApplication.translate("SyncScheduler", "Sync settings…")
    menu_names = [
        action.text().replace("&", "")
        for item in window.menuBar().actions()
        if (menu := item.menu()) is not None
        for action in menu.actions()  # type: ignore[attr-defined]
    ]
    assert settings_entry in menu_names  # the place it names exists
    assert said.count(f"{practice} › {settings_entry}") == 1, said
    assert ">" not in said, said  # no "Settings > Sync" menu exists
    dialog.close()
