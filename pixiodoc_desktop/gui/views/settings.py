"""Settings: vault location, auto-lock, language, theme, and capture with a phone (the port,
which certificate, the full name) (saved with `config.save_settings`); for an Admin, the
clinic's total-body series protocol on a page of its own (stored in the vault by the
window when `protocol_saved` fires)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.records.body_series import Pose
from pixiodoc_desktop.config import Settings, save_settings
from pixiodoc_desktop.errors import InvalidInput, PhoneError
from pixiodoc_desktop.gui.forms import child, load_form
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.views.series_protocol_editor import SeriesProtocolEditor
from pixiodoc_desktop.phone.phone_settings import check_certificate_pair, check_phone_port

GENERATED, CLINIC = "generated", "clinic"  # which certificate the phone server shows


class SettingsDialog(QDialog):
    saved = Signal(object, object)  # new Settings, old Settings
    protocol_saved = Signal(list)  # the series poses (list[Pose]) when an Admin changed them

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        path: Path | None = None,
        demo: bool = False,
        vault_in_use: Path | None = None,
        series_protocol: Sequence[Pose] | None = None,
    ) -> None:
        """`vault_in_use`: the folder this window has open (from `--vault`, the demo, or the
        settings), shown as the vault folder; saved only when the clinician changes it.
        `series_protocol`: the clinic's poses, given to an Admin only (None: no such page)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.path = path
        host = QWidget(self)
        self.general = host
        form = load_form("settings", host)
        self.vault = child(form, QLineEdit, "vaultEdit")
        child(form, QPushButton, "vaultButton").clicked.connect(self._choose_vault)
        self.auto_lock = child(form, QSpinBox, "autoLockSpin")
        self.language = child(form, QComboBox, "languageCombo")
        self.theme = child(form, QComboBox, "themeCombo")
        self.message = child(form, QLabel, "messageLabel")
        self.phone_port = child(form, QSpinBox, "phonePortSpin")
        self.phone_cert_choice = child(form, QComboBox, "phoneCertCombo")
        self.phone_cert = child(form, QLineEdit, "phoneCertEdit")
        self.phone_key = child(form, QLineEdit, "phoneKeyEdit")
        self.phone_cert_button = child(form, QPushButton, "phoneCertButton")
        self.phone_key_button = child(form, QPushButton, "phoneKeyButton")
        self.phone_full_name = child(form, QCheckBox, "phoneFullNameCheck")
        self.phone_cert_choice.addItem(self.tr("Made by this workstation"), GENERATED)
        self.phone_cert_choice.addItem(
            self.tr("The clinic's own (certificate and key files)"), CLINIC
        )
        self.phone_cert_choice.currentIndexChanged.connect(self._certificate_chosen)
        self.phone_cert_button.clicked.connect(
            lambda: self._choose_file(self.phone_cert, self.tr("Choose the certificate file"))
        )
        self.phone_key_button.clicked.connect(
            lambda: self._choose_file(self.phone_key, self.tr("Choose the key file"))
        )
        self.phone_port.setValue(settings.phone_port)
        self.phone_cert.setText(settings.phone_cert_file)
        self.phone_key.setText(settings.phone_key_file)
        self.phone_full_name.setChecked(settings.phone_show_full_name)
        own = bool(settings.phone_cert_file or settings.phone_key_file)
        self.phone_cert_choice.setCurrentIndex(1 if own else 0)
        self._certificate_chosen()
        self.note = child(form, QLabel, "noteLabel")
        note = self.tr("A new vault folder and language take effect at the next start.")
        if demo:
            # The demo's sample texts are records in its vault (demo/language.py).
            note += " " + self.tr(
                "The demo clinic's own texts (reasons, findings, treatments, notes) "
                "follow the language then; what you typed into the demo stays as typed."
            )
        self.note.setText(note)
        self.language.addItem("English", "en")
        self.language.addItem("Deutsch", "de")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self._vault_shown = str(vault_in_use) if vault_in_use is not None else settings.vault_path
        self.vault.setText(self._vault_shown)
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.series: SeriesProtocolEditor | None = None
        if series_protocol is None:
            layout.addWidget(host)
        else:
            self.series = SeriesProtocolEditor(series_protocol)
            self.pages = QTabWidget()
            self.pages.setObjectName("SettingsPages")
            self.pages.addTab(host, self.tr("General"))
            self.pages.addTab(self.series, self.tr("Total-body series"))
            layout.addWidget(self.pages)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """A tab page does not ask for the height its wrapped notes need at its width (a
        dialog's own layout does): the General page asks for it once it has its width."""
        super().showEvent(event)
        if self.series is None:
            return
        page = self.general
        layout = page.layout()
        if layout is not None and layout.hasHeightForWidth():
            need = layout.totalHeightForWidth(page.width())
            if need > page.height():
                page.setMinimumHeight(need)
                self.adjustSize()

    def _choose_vault(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the vault folder"), self.vault.text()
        )
        if folder:
            self.vault.setText(folder)

    def _vault_path(self) -> str:
        """The folder typed or chosen; the one merely shown (in use now) is not saved."""
        text = self.vault.text().strip()
        return self.settings.vault_path if text == self._vault_shown.strip() else text

    def _certificate_chosen(self, *_index: int) -> None:
        own = self.phone_cert_choice.currentData() == CLINIC
        for widget in (
            self.phone_cert,
            self.phone_key,
            self.phone_cert_button,
            self.phone_key_button,
        ):
            widget.setEnabled(own)

    def _choose_file(self, edit: QLineEdit, title: str) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            title,
            edit.text(),
            self.tr("Certificates and keys (*.pem *.crt *.cer *.key);;All files (*)"),
        )
        if name:
            edit.setText(name)

    def _phone_problem(self, new: Settings) -> str:
        """One sentence on what is wrong with the phone settings, or ""."""
        own = self.phone_cert_choice.currentData() == CLINIC
        if own and not (new.phone_cert_file and new.phone_key_file):
            return self.tr(
                "Choose both files for the clinic's certificate: the certificate and its key."
            )
        try:
            if own:
                check_certificate_pair(new.phone_cert_file, new.phone_key_file)
            if new.phone_port != self.settings.phone_port:
                check_phone_port(new.phone_port)
        except PhoneError as exc:
            return error_text(exc)
        return ""

    def save(self) -> None:
        old = dataclasses.replace(self.settings)
        own = self.phone_cert_choice.currentData() == CLINIC
        new = dataclasses.replace(
            self.settings,
            vault_path=self._vault_path(),
            auto_lock_minutes=self.auto_lock.value(),
            language=str(self.language.currentData()),
            theme=str(self.theme.currentData()),
            phone_port=self.phone_port.value(),
            phone_cert_file=self.phone_cert.text().strip() if own else "",
            phone_key_file=self.phone_key.text().strip() if own else "",
            phone_show_full_name=self.phone_full_name.isChecked(),
        )
        problem = self._phone_problem(new)
        if problem:
            self.message.setText(problem)
            return
        try:
            save_settings(new, self.path)
        except InvalidInput as exc:
            self.message.setText(error_text(exc))
            return
        except OSError:
            self.message.setText(self.tr("The settings file could not be written."))
            return
        self.saved.emit(new, old)
        if self.series is not None and self.series.changed():
            self.protocol_saved.emit(self.series.protocol())
        self.accept()
