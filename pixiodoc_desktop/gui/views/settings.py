"""Settings: vault location, auto-lock, language, theme (saved with `config.save_settings`)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.config import Settings, save_settings
from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.gui.forms import child, load_form
from pixiodoc_desktop.gui.notify import error_text


class SettingsDialog(QDialog):
    saved = Signal(object, object)  # new Settings, old Settings

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, *, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.path = path
        host = QWidget(self)
        form = load_form("settings", host)
        self.vault = child(form, QLineEdit, "vaultEdit")
        child(form, QPushButton, "vaultButton").clicked.connect(self._choose_vault)
        self.auto_lock = child(form, QSpinBox, "autoLockSpin")
        self.language = child(form, QComboBox, "languageCombo")
        self.theme = child(form, QComboBox, "themeCombo")
        self.message = child(form, QLabel, "messageLabel")
        child(form, QLabel, "noteLabel").setText(
            self.tr("A new vault folder and language take effect at the next start.")
        )
        self.language.addItem("English", "en")
        self.language.addItem("Deutsch", "de")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.vault.setText(settings.vault_path)
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(host)
        layout.addWidget(buttons)

    def _choose_vault(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the vault folder"), self.vault.text()
        )
        if folder:
            self.vault.setText(folder)

    def save(self) -> None:
        old = dataclasses.replace(self.settings)
        new = dataclasses.replace(
            self.settings,
            vault_path=self.vault.text().strip(),
            auto_lock_minutes=self.auto_lock.value(),
            language=str(self.language.currentData()),
            theme=str(self.theme.currentData()),
        )
        try:
            save_settings(new, self.path)
        except InvalidInput as exc:
            self.message.setText(error_text(exc))
            return
        except OSError:
            self.message.setText(self.tr("The settings file could not be written."))
            return
        self.saved.emit(new, old)
        self.accept()
