"""Small forms for the record's rights and interfaces: erase, retention hold, PACS.

They decide nothing: each emits what the clinician entered, and the
controller (`gui/record_actions.py`) runs the service on the right worker.
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
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.exports.pacs import PacsSettings


class EraseDialog(QDialog):
    """Erasure is final: the clinician types the family name to confirm."""

    confirmed = Signal(str)

    def __init__(self, display_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EraseDialog")
        self.setWindowTitle(self.tr("Erase patient"))
        text = QLabel(
            self.tr(
                "Erasing %1 destroys the record's key: every photo, visit and note becomes "
                "unreadable on this PC, in backups and in the cloud. This cannot be undone.\n\n"
                "Type the patient's family name to confirm."
            ).replace("%1", display_name)
        )
        text.setWordWrap(True)
        # A window does not grow for wrapped text by itself: reserve its height at its width.
        text.setMinimumWidth(480)
        text.setMinimumHeight(text.heightForWidth(480))
        self.family = QLineEdit()
        self.family.setAccessibleName(self.tr("Family name to confirm erasure"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = self.buttons.addButton(
            self.tr("Erase for good"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setEnabled(False)
        self.family.textChanged.connect(lambda t: self.erase_button.setEnabled(bool(t.strip())))
        self.erase_button.clicked.connect(self._erase)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.family)
        layout.addWidget(self.buttons)

    def _erase(self) -> None:
        self.confirmed.emit(self.family.text())
        self.accept()


class RetentionHoldDialog(QDialog):
    """Set a retention hold (a reason) or release it (an empty reason)."""

    chosen = Signal(object)  # str | None

    def __init__(self, current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RetentionHoldDialog")
        self.setWindowTitle(self.tr("Retention hold"))
        text = QLabel(
            self.tr(
                "While a hold is set, the record cannot be erased. "
                "Leave the reason empty to release the hold."
            )
        )
        text.setWordWrap(True)
        self.reason = QLineEdit(current or "")
        self.reason.setPlaceholderText(self.tr("e.g. statutory retention until 2035"))
        self.reason.setAccessibleName(self.tr("Reason for the retention hold"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)

    def _save(self) -> None:
        reason = self.reason.text().strip()
        self.chosen.emit(reason or None)
        self.accept()


class PacsDialog(QDialog):
    """The clinic's PACS: DICOM C-STORE address and, optionally, a DICOMweb URL."""

    save_requested = Signal(object)  # PacsSettings
    test_requested = Signal(object)  # PacsSettings

    def __init__(self, current: PacsSettings | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PacsDialog")
        self.setWindowTitle(self.tr("PACS"))
        self.ae_title = QLineEdit(current.ae_title if current else "")
        self.ae_title.setPlaceholderText("ORTHANC")
        self.host = QLineEdit(current.host if current else "")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(current.port if current else 104)
        self.our_ae_title = QLineEdit(current.our_ae_title if current else "PIXIODOC")
        self.dicomweb = QLineEdit((current.dicomweb_url or "") if current else "")
        self.dicomweb.setPlaceholderText("https://pacs.example/dicom-web")
        form = QFormLayout()
        for label, widget in (
            (self.tr("PACS AE title"), self.ae_title),
            (self.tr("Host"), self.host),
            (self.tr("Port"), self.port),
            (self.tr("Our AE title"), self.our_ae_title),
            (self.tr("DICOMweb URL (optional)"), self.dicomweb),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("Connection test result"))
        self.test_button = QPushButton(self.tr("Test"))
        self.test_button.clicked.connect(self._test)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(lambda: self.save_requested.emit(self.settings()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)

    def settings(self) -> PacsSettings:
        return PacsSettings(
            ae_title=self.ae_title.text(),
            host=self.host.text(),
            port=self.port.value(),
            our_ae_title=self.our_ae_title.text(),
            dicomweb_url=self.dicomweb.text().strip() or None,
        )

    def _test(self) -> None:
        self.test_button.setEnabled(False)
        self.result_label.setText(self.tr("Testing…"))
        self.test_requested.emit(self.settings())

    def show_test_result(self, message: str) -> None:
        self.test_button.setEnabled(True)
        self.result_label.setText(message)
