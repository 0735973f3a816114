"""Settings of the practice software exchange (GDT) and of the DICOM worklist (Admins)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.practice.settings import STANDARD_FILE_FIELDS, GdtSettings, WorklistSettings

_CHARSETS = ("iso8859-15", "cp1252", "cp437", "7bit", "utf-8")


class GdtDialog(QDialog):
    """Exchange folders, GDT ids, version, character set and file names."""

    save_requested = Signal(object)  # GdtSettings

    def __init__(self, current: GdtSettings | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GdtDialog")
        self.setWindowTitle(self.tr("Practice software (GDT)"))
        self.resize(560, 0)
        self.in_folder = QLineEdit(current.in_folder if current else "")
        self.out_folder = QLineEdit(current.out_folder if current else "")
        self.our_id = QLineEdit(current.our_id if current else "PIXO")
        self.pvs_id = QLineEdit(current.pvs_id if current else "PVS1")
        self.version = QComboBox()
        self.version.addItem("GDT 2.1", "02.10")
        self.version.addItem("GDT 3.0", "03.00")
        self.version.setCurrentIndex(
            max(0, self.version.findData(current.version if current else "02.10"))
        )
        self.charset = QComboBox()
        self.read_charset = QComboBox()
        self.read_charset.addItem(self.tr("As each file says (field 9206)"), None)
        for name in _CHARSETS:
            self.charset.addItem(name, name)
            self.read_charset.addItem(name, name)
        self.charset.setCurrentIndex(
            max(0, self.charset.findData(current.charset if current else "iso8859-15"))
        )
        self.read_charset.setCurrentIndex(
            max(0, self.read_charset.findData(current.read_charset if current else None))
        )
        self.naming = QComboBox()
        self.naming.addItem(self.tr("Fixed (PVS1PIXO.gdt)"), "fixed")
        self.naming.addItem(self.tr("Numbered (PVS1PIXO.001, .002 …)"), "numbered")
        self.naming.setCurrentIndex(
            max(0, self.naming.findData(current.naming if current else "fixed"))
        )
        self.file_fields = dict(current.file_fields if current else STANDARD_FILE_FIELDS)
        form = QFormLayout()
        for label, widget in (
            (self.tr("Requests from the practice software (in-folder)"), self._with_browse(self.in_folder)),
            (self.tr("Results for the practice software (out-folder)"), self._with_browse(self.out_folder)),
            (self.tr("GDT id of PixioDoc"), self.our_id),
            (self.tr("GDT id of the practice software"), self.pvs_id),
            (self.tr("Version"), self.version),
            (self.tr("Character set written"), self.charset),
            (self.tr("Character set read"), self.read_charset),
            (self.tr("File names"), self.naming),
        ):  # fmt: skip
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(lambda: self.save_requested.emit(self.settings()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _with_browse(self, line: QLineEdit) -> QWidget:
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(lambda: self._browse(line))
        box.addWidget(line, 1)
        box.addWidget(browse)
        return row

    def _browse(self, line: QLineEdit) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), line.text())
        if chosen:
            line.setText(chosen)

    def settings(self) -> GdtSettings:
        return GdtSettings(
            in_folder=self.in_folder.text().strip(),
            out_folder=self.out_folder.text().strip() or self.in_folder.text().strip(),
            our_id=self.our_id.text(),
            pvs_id=self.pvs_id.text(),
            version=str(self.version.currentData()),
            charset=str(self.charset.currentData()),
            read_charset=self.read_charset.currentData(),
            naming=str(self.naming.currentData()),
            file_fields=dict(self.file_fields),
        )


class WorklistSettingsDialog(QDialog):
    """The worklist SCP's address and our AE title; optional station and modality filters."""

    save_requested = Signal(object)  # WorklistSettings

    def __init__(self, current: WorklistSettings | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorklistSettingsDialog")
        self.setWindowTitle(self.tr("DICOM worklist"))
        self.ae_title = QLineEdit(current.ae_title if current else "")
        self.host = QLineEdit(current.host if current else "")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(current.port if current else 104)
        self.our_ae_title = QLineEdit(current.our_ae_title if current else "PIXIODOC")
        self.station = QLineEdit((current.station_ae_title or "") if current else "")
        self.modality = QLineEdit((current.modality or "") if current else "")
        form = QFormLayout()
        for label, widget in (
            (self.tr("Worklist AE title"), self.ae_title),
            (self.tr("Host"), self.host),
            (self.tr("Port"), self.port),
            (self.tr("Our AE title"), self.our_ae_title),
            (self.tr("Only steps for station (optional)"), self.station),
            (self.tr("Only modality (optional)"), self.modality),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(lambda: self.save_requested.emit(self.settings()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def settings(self) -> WorklistSettings:
        return WorklistSettings(
            ae_title=self.ae_title.text(),
            host=self.host.text(),
            port=self.port.value(),
            our_ae_title=self.our_ae_title.text(),
            station_ae_title=self.station.text().strip() or None,
            modality=self.modality.text().strip() or None,
        )
