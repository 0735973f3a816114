"""Re-join the clinic after another workstation renewed the practice's keys (issue 14).

Reached from the status bar's "Re-join the clinic…" button (or Practice > Re-join the
clinic…) while a round fails with `SyncWorkspaceRetired`. It asks for the enrollment
code made on the renewing PC and the clinician's own password; `gui.rejoin` runs
`sync.renewal.rejoin` (the core of `pixiodoc sync rejoin`) and shows the outcome here.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class RejoinDialog(QDialog):
    """The code and password in; success (and who needs a new password) or the error out."""

    rejoin_requested = Signal(str, str)  # enrollment code, the clinician's password

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RejoinDialog")
        self.setWindowTitle(self.tr("Re-join the clinic"))
        self.setMinimumWidth(520)
        explain = QLabel(
            self.tr(
                "The practice's keys were renewed on another workstation. A practice Admin "
                "creates an enrollment code on that workstation (Practice › Enrollment code "
                "for another PC…, or pixiodoc sync enroll-code); enter it here with your own "
                "password."
            )
        )
        explain.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Enrollment code"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Your password"))
        form = QFormLayout()
        form.addRow(self.tr("Enrollment code"), self.code)
        form.addRow(self.tr("Your password"), self.password)
        self.message = QLabel()
        self.message.setObjectName("RejoinMessage")
        self.message.setWordWrap(True)
        self.rejoin_button = QPushButton(self.tr("Re-join"))
        self.rejoin_button.setObjectName("Rejoin")
        self.rejoin_button.setDefault(True)
        self.rejoin_button.clicked.connect(self._request)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.rejoin_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.code.textChanged.connect(self._update)
        self.code.textEdited.connect(self.message.clear)  # an old error goes with a new code
        self.password.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.rejoin_button.setEnabled(bool(self.code.text().strip() and self.password.text()))

    def _request(self) -> None:
        self.rejoin_button.setEnabled(False)
        self.message.setText(self.tr("Re-joining the clinic…"))
        self.rejoin_requested.emit(self.code.text().strip(), self.password.text())

    def show_rejoined(self, awaiting_password: tuple[str, ...], first_round: str | None) -> None:
        """Done: the vault is rekeyed and syncs to the clinic's new folder."""
        self.password.clear()
        self.code.setEnabled(False)
        self.password.setEnabled(False)
        self.rejoin_button.hide()
        text = self.tr(
            "This workstation re-joined the clinic with the renewed keys and syncs again. "
            "You keep your password."
        )
        if first_round is not None:
            text += " " + self.tr(
                "The first sync did not finish (%1); the next sync finishes it."
            ).replace("%1", first_round)
        if awaiting_password:
            text += " " + self.tr(
                "These clinicians of this workstation need a new password from an Admin "
                "(Practice > Clinicians… > Reset password…) before they can log in again: %1"
            ).replace("%1", ", ".join(awaiting_password))
        self.message.setText(text)

    def show_error(self, text: str) -> None:
        """The typed error's message; the code and password can be entered again."""
        self.password.clear()
        self.message.setText(text)
        self._update()
