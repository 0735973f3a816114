"""Today's worklist: the scheduled steps of the hospital's DICOM worklist, one to take."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.practice.worklist import ScheduledStep


class WorklistDialog(QDialog):
    """Lists the steps; `take_requested(step)` when the clinician takes one."""

    take_requested = Signal(object)  # ScheduledStep
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Today's worklist"))
        self.resize(900, 480)
        self.steps: list[ScheduledStep] = []
        self.status = QLabel(self.tr("Asking the worklist…"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Patient"),
                self.tr("Patient ID"),
                self.tr("Procedure"),
                self.tr("Accession number"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self._take())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.take_button = QPushButton(self.tr("Open patient and visit"))
        self.take_button.setEnabled(False)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.refresh_button.clicked.connect(self.refresh_requested.emit)
        self.take_button.clicked.connect(self._take)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def show_steps(self, steps: Sequence[ScheduledStep]) -> None:
        self.steps = list(steps)
        self.table.setRowCount(len(self.steps))
        for row, step in enumerate(self.steps):
            name = step.family_name + (f", {step.given_name}" if step.given_name else "")
            cells = (
                step.start.strftime("%H:%M") if step.start else "",
                name,
                step.patient_id,
                step.requested_procedure,
                step.accession_number,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.status.setText(
            self.tr("Scheduled steps today: {count}").format(count=len(self.steps))
            if self.steps
            else self.tr("Nothing is scheduled today.")
        )
        self._selection_changed()

    def show_error(self, text: str) -> None:
        self.status.setText(text)

    def _selected(self) -> ScheduledStep | None:
        rows = self.table.selectionModel().selectedRows()
        return self.steps[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.take_button.setEnabled(self._selected() is not None)

    def _take(self) -> None:
        step = self._selected()
        if step is not None:
            self.take_requested.emit(step)
