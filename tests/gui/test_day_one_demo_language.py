"""Day one, switching the demo clinic to German: the Settings dialog says what follows, and
the next `pixiodoc --demo` start shows the demo's own texts in German.

The demo's reasons, findings, treatments and notes are records in its vault,
written in the language chosen when it was built. File › Settings… in the demo
says that they follow a new language at the next start; the start
(`ensure_demo_vault(folder, language=settings.language)`, as app.py calls it)
rewrites them, and the German window shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from day_one import click, click_menu, demo_app, demo_vaults, shoot, shots
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.config import load_settings
from pixiodoc_desktop.demo.clinic import ensure_demo_vault
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.views.settings import SettingsDialog

__all__ = ["demo_app", "demo_vaults", "shots"]  # fixtures used below


def test_switching_the_demo_to_german_rewrites_its_own_texts(
    qtbot: QtBot, demo_app: Callable[..., MainWindow], shots: Path
) -> None:
    window = demo_app("en")
    assert window.vault_info is not None
    folder, settings_path = window.vault_info.folder, window.settings_path
    assert settings_path is not None
    assert window.details.visit_fields["reason"].text() == "Follow-up"

    click_menu(qtbot, window, "File", "Settings…")
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None, timeout=5000)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert "demo clinic's own texts" in dialog.note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    shoot(dialog, shots, "settings-demo-language-en")
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save is not None
    click(save)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    saved = load_settings(settings_path)
    assert saved.language == "de"

    # Quit, then the next `pixiodoc --demo` start in German.
    window.side.close_all()
    window.shutdown()
    QApplication.processEvents()
    ensure_demo_vault(folder, language=saved.language)
    german = demo_app("de", folder=folder)
    assert german.details.visit_fields["reason"].text() == "Verlaufskontrolle"
    assert german.details.visit_fields["notes"].text().startswith("Kontrolle in Woche")
    shoot(german, shots, "demo-after-switch-de")
