"""Settings names the vault folder the window has open, also when it came from `--vault DIR`.

The demo clinic's window is opened the way `pixiodoc --vault DIR` opens it
(the folder given, none in the settings). File › Settings… shows that
folder; saving without touching it keeps the settings' own choice (the
folder given on the command line is not made the default); a folder the
clinician types is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from day_one import click, click_menu, demo_app, demo_vaults, dialog_of, shoot, shots
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.config import load_settings
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.settings import SettingsDialog

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


def _settings(qtbot: QtBot, window: MainWindow, menu: tuple[str, str]) -> SettingsDialog:
    click_menu(qtbot, window, *menu)
    qtbot.waitUntil(lambda: dialog_of(SettingsDialog, window) is not None, timeout=5000)
    dialog = dialog_of(SettingsDialog, window)
    assert isinstance(dialog, SettingsDialog)
    return dialog


def test_settings_show_the_vault_folder_given_on_the_command_line(
    qtbot: QtBot, demo_app: Callable[[str], MainWindow], shots: Path, tmp_path: Path
) -> None:
    window = demo_app("en")
    assert window.settings.vault_path == ""  # as with `--vault DIR`: nothing in the settings
    folder = window.vault_info.folder if window.vault_info else None
    assert folder is not None
    dialog = _settings(qtbot, window, ("File", "Settings…"))
    assert dialog.vault.text() == str(folder)
    shoot(dialog, shots, "settings-vault-in-use-en")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    click(save)
    assert window.settings_path is not None
    assert load_settings(window.settings_path).vault_path == ""  # only shown, not made default
    dialog = _settings(qtbot, window, ("File", "Settings…"))
    other = tmp_path / "another-vault"
    dialog.vault.setText(str(other))
    click(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))
    assert load_settings(window.settings_path).vault_path == str(other)


def test_settings_show_the_vault_folder_in_german(
    qtbot: QtBot, demo_app: Callable[[str], MainWindow], shots: Path
) -> None:
    window = demo_app("de")
    folder = window.vault_info.folder if window.vault_info else None
    dialog = _settings(qtbot, window, ("Datei", "Einstellungen…"))
    assert dialog.vault.text() == str(folder)
    shoot(dialog, shots, "settings-vault-in-use-de")
