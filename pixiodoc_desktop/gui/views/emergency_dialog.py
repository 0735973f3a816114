"""Break the glass: ask for the patient's number and a reason; the banner above an open record.

Without a grant the clinician cannot search names, so the dialog asks for
the external id (MRN) exactly and a reason of at least 10 characters. The
banner says when a record is open by emergency access (with a button to end
it) or is a View Only copy from an outside colleague (its origin).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.access.emergency import MIN_REASON
from pixiodoc_desktop.gui.notify import translated_message


class EmergencyDialog(QDialog):
    requested = Signal(str, str)  # external id, reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EmergencyDialog")
        self.setWindowTitle(self.tr("Emergency access"))
        self.setMinimumWidth(460)
        text = QLabel(
            self.tr(
                "Open a record you have no access to, for an emergency. It opens View Only, "
                "the access is recorded in the audit trail and every practice Admin is told."
            )
        )
        text.setWordWrap(True)
        self.number = QLineEdit()
        self.number.setAccessibleName(self.tr("Patient number (MRN)"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. urgent referral, record holder absent"))
        form = QFormLayout()
        form.addRow(self.tr("Patient number (MRN)"), self.number)
        form.addRow(self.tr("Reason"), self.reason)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = self.buttons.addButton(
            self.tr("Open View Only"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open)
        self.buttons.rejected.connect(self.reject)
        self.number.textChanged.connect(self._changed)
        self.reason.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _changed(self) -> None:
        enough = len(" ".join(self.reason.text().split())) >= MIN_REASON
        self.open_button.setEnabled(bool(self.number.text().strip()) and enough)

    def _open(self) -> None:
        self.open_button.setEnabled(False)
        self.message.setText("")
        self.requested.emit(self.number.text(), self.reason.text())

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self._changed()


class RecordBanner(QFrame):
    """Above the record: emergency access (with "End") or a case from an outside colleague."""

    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RecordBanner")
        self.setProperty("role", "card")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Record notice"))
        self.end_button = QPushButton(self.tr("End emergency access"))
        self.end_button.clicked.connect(self.end_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.end_button)
        self.show_notice(None)

    def show_notice(self, text: str | None, *, emergency: bool = False) -> None:
        self.text.setText(text or "")
        self.end_button.setVisible(emergency)
        self.setVisible(bool(text))

    def emergency_text(self, reason: str, until: str) -> str:
        return (
            self.tr("Emergency access — View Only until %1. Reason: %2")
            .replace("%1", until)
            .replace("%2", reason)
        )

    def origin_text(self, origin: str) -> str:
        return self.tr("View Only — from %1").replace("%1", translated_message(origin))
