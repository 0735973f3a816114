"""The recovery key, shown once after the vault is created, with Print and Save as PDF.

The sheet is painted straight onto the printer or the PDF writer: no
temporary file holds the key in the clear.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.gui.folder_names import documents_folder
from pixiodoc_desktop.gui.theme import icon


class RecoveryKeyPage(QWidget):
    """Shows the key once; Continue is enabled after the user confirms it is kept safe."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        self._clinic = ""
        self._folder = ""
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        title = QLabel(self.tr("Your recovery key"))
        title.setProperty("role", "title")
        explain = QLabel(
            self.tr(
                "If every password is forgotten, this key is the only way into the vault. "
                "Print it or save it as a PDF and keep it locked away. "
                "It is shown only now."
            )
        )
        explain.setWordWrap(True)
        explain.setProperty("role", "subtitle")
        self.key_label = QLabel()
        self.key_label.setProperty("role", "recovery")
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        buttons = QHBoxLayout()
        self.print_button = QPushButton(icon("print"), self.tr("Print…"))
        self.pdf_button = QPushButton(icon("pdf"), self.tr("Save as PDF…"))
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        self.confirm = QCheckBox(self.tr("I have printed or saved the recovery key"))
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setProperty("role", "primary")
        self.continue_button.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.continue_button)
        for widget in (title, explain, self.key_label):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        line = QFrame()
        line.setProperty("role", "rule")
        line.setFixedHeight(1)
        layout.addWidget(line)
        layout.addWidget(self.confirm)
        layout.addLayout(bottom)
        self.print_button.clicked.connect(self.print_sheet)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.confirm.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._done)

    def show_key(self, key: str, *, clinic: str, folder: str) -> None:
        self._key, self._clinic, self._folder = key, clinic, folder
        self.key_label.setText(key)
        self.confirm.setChecked(False)

    def _sheet_lines(self) -> list[str]:
        return [
            self.tr("Keep this sheet locked away, apart from the computer."),
            self.tr("Anyone holding this key and the vault folder can read every record."),
            self.tr("To use it: on the unlock screen choose “Use the recovery key”."),
        ]

    def _paint(self, device: QPagedPaintDevice) -> None:
        paint_sheet(
            device,
            clinic=self._clinic,
            folder=self._folder,
            key=self._key,
            title=self.tr("PixioDoc recovery key"),
            lines=self._sheet_lines(),
        )

    def save_pdf(self, path: Path) -> None:
        """Write the sheet as a PDF, painted directly into the file."""
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
        writer.setResolution(150)
        writer.setTitle(self.tr("PixioDoc recovery key"))
        self._paint(writer)

    def _ask_pdf(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the recovery key"),
            str(documents_folder() / "pixiodoc-recovery-key.pdf"),
            "PDF (*.pdf)",
        )
        if name:
            self.save_pdf(Path(name))

    def print_sheet(self) -> None:
        # Qt's print support loads when a sheet is printed, not with the unlock screen.
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._paint(printer)

    def _done(self) -> None:
        self._key = ""
        self.key_label.clear()
        self.finished.emit()


def paint_sheet(
    device: QPagedPaintDevice, *, clinic: str, folder: str, key: str, title: str, lines: list[str]
) -> None:
    """Draw the recovery sheet on a printer or PDF page."""
    painter = QPainter(device)
    try:
        dpi = device.logicalDpiY()
        width = device.width()
        y = 0.0

        def block(text: str, size: float, *, bold: bool = False, mono: bool = False) -> None:
            nonlocal y
            font = QFont("DejaVu Sans Mono" if mono else "DejaVu Sans")
            font.setPointSizeF(size)
            font.setBold(bold)
            painter.setFont(font)
            rect = QRectF(0, y, width, dpi * 4)
            used = painter.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), text)
            painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), text)
            y += used.height() + dpi * 0.18

        block(title, 18, bold=True)
        block(clinic, 12)
        block(folder, 9)
        block(key, 16, bold=True, mono=True)
        for line in lines:
            block(line, 10.5)
        block(dt.date.today().isoformat(), 9)
    finally:
        painter.end()
