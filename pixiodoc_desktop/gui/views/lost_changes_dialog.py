"""Changes missing from the clinic's bucket, and the Admin's way to accept one as lost.

Reached from the status bar's "Changes missing" button while a round fails on a
batch nobody has put back. Accepting is explicit (the workstation and batch are
named, a box must be ticked) and only offered to a practice Admin; the
scheduler runs `sync.losses.accept_loss` (audited) and refreshes the status.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LostChangesDialog(QDialog):
    """Each workstation whose changes are missing here, from which batch on."""

    accept_requested = Signal(str, int)  # device id, batch

    def __init__(
        self, missing: dict[str, int], *, is_admin: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("LostChangesDialog")
        self.setWindowTitle(self.tr("Changes missing"))
        self.setMinimumSize(560, 360)
        self.is_admin = is_admin
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Missing changes"))
        self.explain = QLabel(
            self.tr(
                "These changes are missing from the clinic's bucket or damaged there. The "
                "workstation that made them puts them back at its next sync. If that "
                "workstation is gone for good, an Admin can accept the changes as lost: the "
                "workstations then go on without them, and a workstation that has them "
                "sends its copy to the others."
            )
        )
        self.explain.setWordWrap(True)
        self.understood = QCheckBox(
            self.tr("I understand that the chosen changes are lost for good")
        )
        self.accept_button = QPushButton(self.tr("Accept as lost"))
        self.accept_button.setObjectName("AcceptLoss")
        self.accept_button.clicked.connect(self._accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.list)
        layout.addWidget(self.understood)
        if not is_admin:
            layout.addWidget(QLabel(self.tr("Only a practice Admin can accept changes as lost.")))
        layout.addWidget(buttons)
        self.understood.setVisible(is_admin)
        self.accept_button.setVisible(is_admin)
        self.understood.toggled.connect(self._update)
        self.list.currentRowChanged.connect(self._update)
        self.show_missing(missing)

    def show_missing(self, missing: dict[str, int]) -> None:
        self.missing = sorted(missing.items())
        self.list.clear()
        for device, batch in self.missing:
            self.list.addItem(
                self.tr("Workstation %1: batch %2 and the changes after it")
                .replace("%1", device[:8])
                .replace("%2", str(batch))
            )
        if self.missing:
            self.list.setCurrentRow(0)
        self.understood.setChecked(False)
        self._update()

    def _update(self) -> None:
        self.accept_button.setEnabled(
            self.is_admin and self.understood.isChecked() and self.list.currentRow() >= 0
        )

    def _accept(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.missing) and self.understood.isChecked():
            device, batch = self.missing[row]
            self.accept_requested.emit(device, batch)
