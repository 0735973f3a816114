"""First run: create the clinic's vault (with the first Admin), open an existing one, or join
the clinic's vault that another PC of the clinic has (`gui.joining`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.forms import child, load_form
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.session import LoginInfo, VaultInfo
from pixiodoc_desktop.gui.widgets.strength_meter import StrengthMeter
from pixiodoc_desktop.gui.workers import DbOperation


class FirstRunPage(QWidget):
    """Emits `created` with the recovery key once the vault exists and its Admin is logged in."""

    created = Signal(object, object, str)  # VaultInfo, LoginInfo, recovery key
    open_requested = Signal(Path)
    join_requested = Signal()  # another PC of the clinic has the vault: join it

    def __init__(self, ctx: GuiContext, default_folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("FirstRunPage")
        form = load_form("first_run", self)
        self.clinic = child(form, QLineEdit, "clinicEdit")
        self.name = child(form, QLineEdit, "nameEdit")
        self.login = child(form, QLineEdit, "loginEdit")
        self.password = child(form, QLineEdit, "passwordEdit")
        self.repeat = child(form, QLineEdit, "repeatEdit")
        self.folder = child(form, QLineEdit, "folderEdit")
        self.message = child(form, QLabel, "messageLabel")
        self.create_button = child(form, QPushButton, "createButton")
        self.open_button = child(form, QPushButton, "openButton")
        self.join_button = child(form, QPushButton, "joinButton")
        self.meter = StrengthMeter(
            child(form, QProgressBar, "strengthBar"), child(form, QLabel, "strengthLabel")
        )
        self.folder.setText(str(default_folder))
        self.folder.setCursorPosition(0)
        self.password.textChanged.connect(self._password_changed)
        self.create_button.clicked.connect(self.create_vault)
        child(form, QPushButton, "browseButton").clicked.connect(self._browse)
        self.open_button.clicked.connect(self._open_existing)
        self.join_button.clicked.connect(self.join_requested)
        self.repeat.returnPressed.connect(self.create_vault)

    def _personal(self) -> tuple[str, ...]:
        return (self.login.text(), self.name.text(), self.clinic.text())

    def _password_changed(self, text: str) -> None:
        self.meter.update(text, self._personal())

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for the new vault"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    def _open_existing(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open an existing vault"))
        if folder:
            self.open_requested.emit(Path(folder))

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.create_button.setEnabled(True)

    def create_vault(self) -> None:
        if not self.create_button.isEnabled():
            return
        required = (
            (self.clinic, self.tr("Enter the clinic's name.")),
            (self.name, self.tr("Enter your name.")),
            (self.login, self.tr("Choose a login.")),
            (self.folder, self.tr("Choose a folder for the vault.")),
        )
        for field, problem in required:
            if not field.text().strip():
                field.setFocus()
                self._refuse(problem)
                return
        strength = self.meter.update(self.password.text(), self._personal())
        if not strength.acceptable:
            self.password.setFocus()
            self._refuse(self.tr("Choose a stronger password.") + " " + self.meter.label.text())
            return
        if self.password.text() != self.repeat.text():
            self.repeat.setFocus()
            self._refuse(self.tr("The two passwords differ."))
            return
        self.create_button.setEnabled(False)
        self.message.setText(self.tr("Creating the vault…"))
        session = self.ctx.session
        folder = Path(self.folder.text().strip())
        clinic, login, name = self.clinic.text(), self.login.text().strip(), self.name.text()
        password = self.password.text()
        DbOperation(
            lambda: session.create(
                folder, clinic_name=clinic, login_name=login, display_name=name, password=password
            )
        ).success(self._created).failure(self._failed).survive_lock().run(self.ctx.worker)

    def _created(self, result: tuple[VaultInfo, LoginInfo, str]) -> None:
        info, login, key = result
        self.password.clear()
        self.repeat.clear()
        self.message.clear()
        self.create_button.setEnabled(True)
        self.created.emit(info, login, key)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, PixioDocError):
            self._refuse(error_text(exc))
        else:
            self.create_button.setEnabled(True)
            self.ctx.notifier.failure(exc)
