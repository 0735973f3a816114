"""Unlock: pick the clinician, enter the password; or reset it with the recovery key.

The form is built in code, not from a Designer file: PySide's QUiLoader loads the
designer plugins (Qt Quick among them) and resolves every widget class on its first
use, about 150 ms that the unlock screen would wait for before its first paint
(issue 19). Its strings keep the translation context of the form it replaced.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.errors import PixioDocError, WrongPassword
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.folder_names import folder_text
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.session import LoginInfo, VaultInfo
from pixiodoc_desktop.gui.workers import DbOperation


def _label(text: str, name: str, role: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    if role is not None:
        label.setProperty("role", role)
    return label


def _button(text: str, name: str, role: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setProperty("role", role)
    return button


class UnlockPage(QWidget):
    unlocked = Signal(object)  # LoginInfo
    other_vault_requested = Signal()

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("UnlockPage")
        form = QWidget(self)
        form.setObjectName("UnlockForm")  # its strings keep the Designer form's context
        clinician_text = QCoreApplication.translate("UnlockForm", "Clinician")
        password_text = QCoreApplication.translate("UnlockForm", "Password")
        self.vault_label = _label("", "vaultLabel", "subtitle")
        self.vault_label.setWordWrap(True)
        self.clinician = QComboBox()
        self.clinician.setObjectName("clinicianCombo")
        self.clinician.setAccessibleName(clinician_text)
        self.password = QLineEdit()
        self.password.setObjectName("passwordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(password_text)
        self.demo_hint = _label("", "DemoPasswordHint")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_hint.setVisible(False)
        self.message = _label("", "messageLabel", "error")
        self.message.setWordWrap(True)
        self.unlock_button = _button(
            QCoreApplication.translate("UnlockForm", "Unlock"), "unlockButton", "primary"
        )
        self.unlock_button.setDefault(True)
        self.recovery_button = _button(
            QCoreApplication.translate("UnlockForm", "Forgot your password? Use the recovery key"),
            "recoveryButton",
            "link",
        )
        other_vault = _button(
            QCoreApplication.translate("UnlockForm", "Open another vault…"),
            "otherVaultButton",
            "link",
        )

        fields = QFormLayout()
        fields.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        fields.setHorizontalSpacing(12)
        fields.setVerticalSpacing(9)
        rows = (
            (clinician_text, "clinicianLabel", self.clinician),
            (password_text, "passwordLabel", self.password),
        )
        for row, (text, name, field) in enumerate(rows):
            label = _label(text, name)
            label.setBuddy(field)
            fields.setWidget(row, QFormLayout.ItemRole.LabelRole, label)
            fields.setWidget(row, QFormLayout.ItemRole.FieldRole, field)
        buttons = QHBoxLayout()
        buttons.addItem(
            QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        )
        buttons.addWidget(self.unlock_button)
        outer = QVBoxLayout(form)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(10)
        outer.addWidget(
            _label(
                QCoreApplication.translate("UnlockForm", "PixioDoc is locked"),
                "titleLabel",
                "title",
            )
        )
        outer.addWidget(self.vault_label)
        outer.addLayout(fields)
        outer.addWidget(self.demo_hint)  # under the password, above the message
        outer.addWidget(self.message)
        outer.addLayout(buttons)
        outer.addWidget(self.recovery_button)
        outer.addWidget(other_vault)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(form)

        other_vault.clicked.connect(self.other_vault_requested)
        self.unlock_button.clicked.connect(self.unlock)
        self.password.returnPressed.connect(self.unlock)
        self.recovery_button.clicked.connect(self._recover)
        self._wait_left = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self._busy = False

    def show_in_use(self, folder: Path, text: str) -> None:
        """The vault is open in another PixioDoc window: say so; only "another vault" is left."""
        self.vault_label.setText(self.tr("Vault: %1").replace("%1", folder_text(folder)))
        self.demo_hint.setVisible(False)
        self.clinician.clear()
        self.password.clear()
        for widget in (self.clinician, self.password, self.unlock_button, self.recovery_button):
            widget.setEnabled(False)
        self.message.setText(text)

    def show_vault(self, info: VaultInfo, last_login: str = "") -> None:
        for widget in (self.clinician, self.password, self.unlock_button, self.recovery_button):
            widget.setEnabled(True)
        self.vault_label.setText(self.tr("Vault: %1").replace("%1", folder_text(info.folder)))
        # The demo clinic's password is public; a clinic's own vault never shows a hint.
        # (The demo's module loads only then: the unlock screen of a clinic loads none.)
        hint = ""
        if info.demo:
            import html

            from pixiodoc_desktop.demo.identity import DEMO_PASSWORD

            # The password on a line of its own: it never wraps at its hyphens ('Demo-').
            password = f"<br>{html.escape(DEMO_PASSWORD)}"
            hint = html.escape(
                self.tr("Demo clinic: the password of every demo login is %1")
            ).replace("%1", password)
        self.demo_hint.setTextFormat(Qt.TextFormat.RichText)
        self.demo_hint.setText(hint)
        self.demo_hint.setVisible(info.demo)
        self.set_clinicians(info.clinicians, last_login)
        self.password.clear()
        self.message.clear()
        self.password.setFocus()

    def set_clinicians(self, clinicians: tuple[tuple[str, str], ...], login: str) -> None:
        """Who may log in, with `login` selected if listed (else the first)."""
        self.clinician.clear()
        for each, name in clinicians:
            self.clinician.addItem(f"{name} ({each})", each)
        index = self.clinician.findData(login) if login else -1
        self.clinician.setCurrentIndex(max(index, 0))

    def selected_login(self) -> str:
        value = self.clinician.currentData()
        return value if isinstance(value, str) else ""

    def unlock(self) -> None:
        if self._busy or self._wait_left > 0:
            return
        login, password = self.selected_login(), self.password.text()
        if not login:
            self.message.setText(self.tr("This vault has no clinicians."))
            return
        if not password:
            self.message.setText(self.tr("Enter your password."))
            return
        self._busy = True
        self.unlock_button.setEnabled(False)
        self.message.setText(self.tr("Unlocking…"))
        session = self.ctx.session
        DbOperation(lambda: session.unlock(login, password)).success(self._done).failure(
            self._failed
        ).survive_lock().run(self.ctx.worker)

    def _done(self, info: LoginInfo) -> None:
        self._busy = False
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.message.clear()
        self.unlocked.emit(info)

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        self.unlock_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if isinstance(exc, WrongPassword):
            wait = int(exc.retry_after + 0.999)
            if wait > 0:
                self._wait_left = wait
                self.unlock_button.setEnabled(False)
                self._countdown.start()
                self._show_wait()
            else:
                self.message.setText(self.tr("Wrong password. Please try again."))
        elif isinstance(exc, PixioDocError):
            self.message.setText(error_text(exc))
        else:
            self.ctx.notifier.failure(exc)

    def _show_wait(self) -> None:
        self.message.setText(
            self.tr(
                "Too many wrong passwords. You can try again in %n second(s).", "", self._wait_left
            )
        )

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._countdown.stop()
            self.unlock_button.setEnabled(True)
            self.message.setText(self.tr("You can try again now."))
        else:
            self._show_wait()

    def _recover(self) -> None:
        from pixiodoc_desktop.gui.views.dialogs import RecoveryDialog  # when first needed

        logins = [
            (self.clinician.itemText(i), str(self.clinician.itemData(i)))
            for i in range(self.clinician.count())
        ]
        dialog = RecoveryDialog(self.ctx, logins, self)
        # For the clinician chosen here: it is their password that was forgotten.
        dialog.clinician.setCurrentIndex(max(0, self.clinician.currentIndex()))
        dialog.unlocked.connect(self.unlocked)
        dialog.open()
