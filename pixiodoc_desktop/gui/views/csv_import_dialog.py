"""Patients from the EHR: map the CSV's columns, check (dry run), then import.

The dialog owns no data beyond the file it was given and decides nothing:
it asks for a check or an import with `checkRequested` / `importRequested`
(mapping, delimiter, encoding) and shows what it is told back:

* ``CsvImportDialog(data: bytes, file_name: str, parent=None)``
* ``checkRequested(dict, str, str)`` / ``importRequested(dict, str, str)`` -
  the controller runs ``clinic.ehr_import.import_csv(ws, actor, data, mapping,
  delimiter=..., encoding=..., dry_run=...)`` on the database worker and hands
  the result to ``showSummary(summary)`` or the error to ``showError(message)``.
* After a real import, ``imported`` is emitted with the summary (refresh the list).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.exchange.ehr_import import (
    FIELDS,
    ImportSummary,
    RowStatus,
    guess_delimiter,
    guess_mapping,
    read_header,
)
from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.gui.notify import error_text, translated_message

_NOT_MAPPED = ""


class CsvImportDialog(QDialog):
    """Column mapping, dry-run summary and import of one EHR CSV export."""

    checkRequested = Signal(dict, str, str)
    importRequested = Signal(dict, str, str)
    imported = Signal(object)

    def __init__(self, data: bytes, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CsvImportDialog")
        self.setWindowTitle(self.tr("Import patients from CSV"))
        self.setMinimumWidth(560)
        self._data = data
        self._checked = False
        self._labels = {
            "family": self.tr("Family name (required)"),
            "given": self.tr("Given name"),
            "dob": self.tr("Date of birth"),
            "external_id": self.tr("Patient number (external id)"),
            "sex": self.tr("Sex"),
            "notes": self.tr("Notes"),
        }

        source = QLabel(self.tr("File: %1").replace("%1", file_name))
        source.setTextFormat(Qt.TextFormat.PlainText)

        self.encoding = QComboBox()
        self.encoding.setObjectName("CsvEncoding")
        self.encoding.addItem(self.tr("UTF-8"), "utf-8")
        self.encoding.addItem(self.tr("Windows (cp1252)"), "cp1252")
        self.delimiter = QComboBox()
        self.delimiter.setObjectName("CsvDelimiter")
        self.delimiter.addItem(self.tr("Semicolon ;"), ";")
        self.delimiter.addItem(self.tr("Comma ,"), ",")
        self.delimiter.addItem(self.tr("Tab"), "\t")
        file_form = QFormLayout()
        file_form.addRow(self.tr("Encoding"), self.encoding)
        file_form.addRow(self.tr("Delimiter"), self.delimiter)

        self.columns: dict[str, QComboBox] = {}
        mapping_form = QFormLayout()
        for field in FIELDS:
            box = QComboBox()
            box.setObjectName(f"CsvColumn_{field}")
            box.setAccessibleName(self._labels[field])
            box.currentIndexChanged.connect(self._mapping_changed)
            self.columns[field] = box
            mapping_form.addRow(self._labels[field], box)

        self.summary = QLabel()
        self.summary.setObjectName("CsvSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.problems = QTableWidget(0, 2)
        self.problems.setObjectName("CsvProblems")
        self.problems.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Problem")])
        self.problems.verticalHeader().setVisible(False)
        self.problems.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.hide()

        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("CsvCheck")
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("CsvImport")
        self.import_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.check_button.clicked.connect(self._check)
        self.import_button.clicked.connect(self._import)

        row = QHBoxLayout()
        row.addLayout(file_form)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addLayout(row)
        layout.addLayout(mapping_form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)

        self.delimiter.setCurrentIndex(
            max(0, self.delimiter.findData(guess_delimiter(data, "utf-8")))
        )
        self.encoding.currentIndexChanged.connect(self._reload_columns)
        self.delimiter.currentIndexChanged.connect(self._reload_columns)
        self._reload_columns()

    # --- what the controller calls --------------------------------------------------------

    def mapping(self) -> dict[str, str]:
        return {f: box.currentData() for f, box in self.columns.items() if box.currentData()}

    def showSummary(self, summary: ImportSummary) -> None:
        self.summary.setText(
            (self.tr("Check: %1") if summary.dry_run else self.tr("Imported: %1")).replace(
                "%1",
                self.tr("%1 new, %2 matched by patient number, %3 invalid")
                .replace("%1", str(summary.new))
                .replace("%2", str(summary.matched))
                .replace("%3", str(summary.invalid)),
            )
            + (
                "\n"
                + self.tr("%1 more were not imported: the plan's limit.").replace(
                    "%1", str(summary.over_limit)
                )
                + " "
                + translated_message(summary.limit_message)
                if summary.over_limit
                else ""
            )
        )
        invalid = [r for r in summary.rows if r.status is RowStatus.INVALID]
        self.problems.setRowCount(len(invalid))
        for index, outcome in enumerate(invalid):
            self.problems.setItem(index, 0, QTableWidgetItem(str(outcome.line)))
            self.problems.setItem(index, 1, QTableWidgetItem(outcome.message))
        self.problems.setVisible(bool(invalid))
        self._checked = summary.dry_run
        self.import_button.setEnabled(summary.dry_run and summary.new > 0)
        self.check_button.setEnabled(True)
        if not summary.dry_run:
            self.imported.emit(summary)

    def showError(self, message: str) -> None:
        self.summary.setText(message)
        self.problems.hide()
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(True)

    # --- inside ------------------------------------------------------------------------------

    def _settings(self) -> tuple[str, str]:
        return str(self.delimiter.currentData()), str(self.encoding.currentData())

    def _reload_columns(self) -> None:
        delimiter, encoding = self._settings()
        try:
            header = read_header(self._data, delimiter=delimiter, encoding=encoding)
        except InvalidInput as exc:
            header = []
            self.showError(error_text(exc))
        guess = guess_mapping(header)
        for field, box in self.columns.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("(not in the file)"), _NOT_MAPPED)
            for column in header:
                box.addItem(column, column)
            box.setCurrentIndex(max(0, box.findData(guess.get(field, _NOT_MAPPED))))
            box.blockSignals(False)
        self._mapping_changed()

    def _mapping_changed(self) -> None:
        self._checked = False
        self.import_button.setEnabled(False)
        self.check_button.setEnabled("family" in self.mapping())

    def _check(self) -> None:
        self.check_button.setEnabled(False)
        self.checkRequested.emit(self.mapping(), *self._settings())

    def _import(self) -> None:
        if not self._checked:
            return
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self.importRequested.emit(self.mapping(), *self._settings())
