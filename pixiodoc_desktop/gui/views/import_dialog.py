"""The import dialog: progress with Cancel while files are imported, then what was refused and why.

API (for the import controller):

* ``ImportDialog(parent=None)``; ``start(total=0)`` resets it and opens it
  window-modal, busy until the first progress arrives.
* ``setProgress(done: int, total: int, name: str)`` - "Importing 3 of 12 — IMG_0042.jpg".
* ``finish(report: ImportReport)`` - the summary ("12 imported, 1 duplicate,
  2 refused") and a table of refused files with their reasons; Cancel becomes
  Close. The same can be given without a report:
  ``finish(imported=12, duplicates=1, refused=[(name, reason), ...], cancelled=False)``.
* ``cancelRequested`` - the clinician pressed Cancel, Esc or closed the window
  while importing (the dialog then says "Cancelling…" and waits for ``finish``).
* ``cancelled() -> bool`` - the same, safe to poll from the import's worker thread
  (pass ``dialog.cancelled`` as ``import_files(..., cancelled=...)``).
* ``isFinished() -> bool``; ``close()`` from code always closes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.exchange.importing import ImportReport
from pixiodoc_desktop.gui.notify import translated_message

_NAME_WIDTH = 320  # pixels a long file name is elided to in the progress line


class ImportDialog(QDialog):
    """Shows one import from start to summary; owns no data beyond what it is told."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportDialog")
        self.setWindowTitle(self.tr("Import photos"))
        self.setMinimumWidth(520)
        self._cancel = threading.Event()
        self._running = False
        self._finished = False

        self.heading = QLabel()
        self.heading.setObjectName("ImportHeading")
        heading_font = self.heading.font()
        heading_font.setBold(True)
        self.heading.setFont(heading_font)

        self.status = QLabel()
        self.status.setObjectName("ImportStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.progress = QProgressBar()
        self.progress.setObjectName("ImportProgress")
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Import progress"))

        self.summary = QLabel()
        self.summary.setObjectName("ImportSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        self.refused_label = QLabel(self.tr("These files were not imported:"))
        self.refused = QTableWidget(0, 2)
        self.refused.setObjectName("ImportRefusals")
        self.refused.setAccessibleName(self.tr("Files not imported"))
        self.refused.setHorizontalHeaderLabels([self.tr("File"), self.tr("Reason")])
        self.refused.verticalHeader().setVisible(False)
        self.refused.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.refused.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.refused.setWordWrap(True)
        self.refused.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.refused.setAlternatingRowColors(True)
        header = self.refused.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # A long reason wraps onto more lines when the column is narrower.
        header.sectionResized.connect(self._fit_rows)
        self.refused_label.setBuddy(self.refused)

        self.buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("ImportCancel")
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("ImportClose")
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button.clicked.connect(self.requestCancel)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.refused_label)
        layout.addWidget(self.refused, 1)
        layout.addWidget(self.buttons)
        self.reset()

    # --- the import's life -------------------------------------------------------------

    def reset(self) -> None:
        """Back to "preparing", ready for a new import."""
        self._cancel.clear()
        self._running = True
        self._finished = False
        self.heading.setText(self.tr("Importing photos"))
        self.status.setText(self.tr("Preparing the import…"))
        self.progress.setRange(0, 0)  # busy until the first file is done
        self.progress.show()
        self.summary.hide()
        self.refused.setRowCount(0)
        self.refused_label.hide()
        self.refused.hide()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.close_button.hide()
        self.cancel_button.setDefault(True)
        self.adjustSize()

    def start(self, total: int = 0) -> None:
        """Reset and open the dialog (window-modal). ``total`` is only a first guess:
        folders are counted when their files are known."""
        self.reset()
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(0)
        self.open()

    def setProgress(self, done: int, total: int, name: str) -> None:
        if not self._running:
            return
        total = max(total, done, 1)
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if self._cancel.is_set():
            return
        shown = self.status.fontMetrics().elidedText(
            name, Qt.TextElideMode.ElideMiddle, _NAME_WIDTH
        )
        self.status.setText(
            self.tr("Importing {done} of {total} — {name}").format(
                done=done, total=total, name=shown
            )
        )
        self.status.setToolTip(name)

    def requestCancel(self) -> None:
        """Ask the import to stop after the file in hand; what is stored stays stored."""
        if not self._running or self._cancel.is_set():
            return
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Cancelling… files already imported are kept."))
        self.status.setToolTip("")
        self.cancelRequested.emit()

    def cancelled(self) -> bool:
        """True once cancelling was asked for; safe to call from any thread."""
        return self._cancel.is_set()

    def isFinished(self) -> bool:
        return self._finished

    def finish(
        self,
        report: ImportReport | None = None,
        *,
        imported: int = 0,
        duplicates: int = 0,
        refused: Iterable[tuple[str, str]] = (),
        cancelled: bool = False,
    ) -> None:
        """Show what happened; Cancel becomes Close."""
        rows: list[tuple[str, str, str]]
        if report is not None:
            imported, duplicates = len(report.imported), len(report.duplicates)
            rows = [
                (r.path.name, translated_message(r.reason), str(r.path)) for r in report.refused
            ]
            cancelled = report.cancelled
        else:
            rows = [(name, translated_message(reason), name) for name, reason in refused]
        self._running = False
        self._finished = True

        if cancelled:
            self.heading.setText(self.tr("Import cancelled"))
        else:
            self.heading.setText(self.tr("Import finished"))
        self.status.setToolTip("")
        if imported + duplicates + len(rows) == 0:
            self.status.setText(self.tr("No files were imported."))
        else:
            self.status.setText(self.tr("Files already imported are kept in the vault."))
        self.status.setVisible(cancelled or imported + duplicates + len(rows) == 0)
        self.progress.hide()
        self.summary.setText(self._summary(imported, duplicates, len(rows)))
        self.summary.show()

        self.refused.setRowCount(len(rows))
        for row, (name, reason, full) in enumerate(rows):
            name_item = QTableWidgetItem(name)
            name_item.setToolTip(full)
            reason_item = QTableWidgetItem(reason)
            reason_item.setToolTip(reason)
            self.refused.setItem(row, 0, name_item)
            self.refused.setItem(row, 1, reason_item)
        self.refused.resizeRowsToContents()
        self.refused_label.setVisible(bool(rows))
        self.refused.setVisible(bool(rows))

        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.adjustSize()
        # Once the columns have their width, long reasons wrap.
        QTimer.singleShot(0, self.refused, self.refused.resizeRowsToContents)

    def _summary(self, imported: int, duplicates: int, refused: int) -> str:
        parts = [
            self.tr("{count} imported").format(count=imported),
            self.tr("1 duplicate")
            if duplicates == 1
            else self.tr("{count} duplicates").format(count=duplicates),
            self.tr("{count} refused").format(count=refused),
        ]
        return ", ".join(parts)

    def _fit_rows(self, _index: int, _old: int, _new: int) -> None:
        self.refused.resizeRowsToContents()

    # --- closing -----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._running:
            # Esc while importing means "stop", never "hide the progress".
            self.requestCancel()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running and event.spontaneous():
            # The window's close button while importing: stop, then show the summary.
            self.requestCancel()
            event.ignore()
            return
        super().closeEvent(event)
