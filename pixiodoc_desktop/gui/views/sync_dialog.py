"""Sync settings of this workstation, and the list of note conflicts a sync left open.

The dialogs decide nothing: `SyncDialog` emits the form (`save_requested`,
`test_requested`) and shows what it is told back; `gui/sync_settings.py`
stores the settings on the vault worker (the secret
goes to the OS credential store only) and tests the connection on the
network pool.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.gui.audit_words import local_time
from pixiodoc_desktop.sync.conflicts import NoteConflict
from pixiodoc_desktop.sync.ondemand import EAGER, ON_DEMAND
from pixiodoc_desktop.sync.settings import SyncTarget
from pixiodoc_desktop.sync.store import DEFAULT_REGION


@dataclass(frozen=True, slots=True)
class SyncForm:
    """What the clinician entered; the secret is empty when left unchanged."""

    target: SyncTarget
    access_key: str
    secret: str
    full_images: str
    interval_minutes: int


class SyncDialog(QDialog):
    save_requested = Signal(object)  # SyncForm
    test_requested = Signal(object)  # SyncForm

    def __init__(
        self,
        target: SyncTarget | None,
        access_key: str,
        full_images: str,
        interval_minutes: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SyncDialog")
        self.setWindowTitle(self.tr("Sync"))
        self.setMinimumWidth(520)
        self.has_secret = bool(access_key)
        self.endpoint = QLineEdit(target.endpoint or "" if target else "")
        self.endpoint.setPlaceholderText(self.tr("empty for AWS S3; e.g. https://s3.clinic.lan"))
        self.region = QLineEdit(target.region if target else DEFAULT_REGION)
        self.bucket = QLineEdit(target.bucket if target else "")
        self.prefix = QLineEdit(target.prefix if target else "pixiodoc")
        self.access_key = QLineEdit(access_key)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        if self.has_secret:
            self.secret.setPlaceholderText(self.tr("stored in this PC's credential store"))
        self.full_images = QComboBox()
        self.full_images.addItem(self.tr("Download at once"), EAGER)
        self.full_images.addItem(self.tr("Download when opened"), ON_DEMAND)
        self.full_images.setCurrentIndex(max(0, self.full_images.findData(full_images)))
        self.interval = QSpinBox()
        self.interval.setRange(1, 24 * 60)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.setValue(interval_minutes)
        form = QFormLayout()
        for label, widget in (
            (self.tr("Endpoint URL"), self.endpoint),
            (self.tr("Region"), self.region),
            (self.tr("Bucket"), self.bucket),
            (self.tr("Prefix"), self.prefix),
            (self.tr("Access key"), self.access_key),
            (self.tr("Secret"), self.secret),
            (self.tr("Full images"), self.full_images),
            (self.tr("Sync every"), self.interval),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setProperty("role", "error")
        self.warning.setAccessibleName(self.tr("Region warning"))
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("Connection test result"))
        self.result_label.hide()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self._test)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.region.textChanged.connect(self._region_changed)
        self._region_changed()

    def form(self) -> SyncForm:
        return SyncForm(
            SyncTarget(
                self.endpoint.text().strip() or None,
                self.region.text().strip() or DEFAULT_REGION,
                self.bucket.text().strip(),
                self.prefix.text().strip(),
            ),
            self.access_key.text().strip(),
            self.secret.text(),
            str(self.full_images.currentData()),
            self.interval.value(),
        )

    def _region_changed(self) -> None:
        region = self.region.text().strip() or DEFAULT_REGION
        outside = SyncTarget(None, region, "", "").region_warning() is not None
        self.warning.setText(
            self.tr(
                "The region %1 is not in the EU. Patient data (encrypted) would be stored "
                "outside the EU; check that this is allowed for your clinic."
            ).replace("%1", region)
            if outside
            else ""
        )
        self.warning.setVisible(outside)

    def _save(self) -> None:
        self.save_requested.emit(self.form())

    def _test(self) -> None:
        self.test_button.setEnabled(False)
        self.show_error(self.tr("Testing…"))
        self.test_requested.emit(self.form())

    def show_test_result(self, message: str) -> None:
        self.test_button.setEnabled(True)
        self.show_error(message)

    def show_error(self, message: str) -> None:
        self.result_label.setText(message)
        self.result_label.setVisible(bool(message))


class ConflictsDialog(QDialog):
    """A note edited on two PCs at once: the clinician picks or merges the text."""

    resolve_requested = Signal(str, str)  # conflict id, text

    def __init__(self, conflicts: list[NoteConflict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ConflictsDialog")
        self.setWindowTitle(self.tr("Note conflicts"))
        self.setMinimumSize(560, 420)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Open note conflicts"))
        self.versions = QListWidget()
        self.versions.setAccessibleName(self.tr("Versions of the note"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Note to keep"))
        self.keep_button = QPushButton(self.tr("Keep this text"))
        self.keep_button.clicked.connect(self._keep)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (
            QLabel(self.tr("Notes changed on two workstations at the same time:")),
            self.list,
            QLabel(self.tr("Its versions, oldest first (the newest is shown until you decide):")),
            self.versions,
            QLabel(self.tr("The note to keep (edit it to merge the versions):")),
            self.text,
            buttons,
        ):
            if isinstance(widget, QLabel):
                widget.setWordWrap(True)
            layout.addWidget(widget)
        self.list.currentRowChanged.connect(self._chosen)
        self.versions.currentTextChanged.connect(self.text.setPlainText)
        self.show_conflicts(conflicts)

    def show_conflicts(self, conflicts: list[NoteConflict]) -> None:
        self.conflicts = conflicts
        self.list.clear()
        for conflict in conflicts:
            words = [conflict.patient_name, self._kind(conflict.entity)]
            words.append(local_time(conflict.detected_at))
            item = QListWidgetItem(" · ".join(w for w in words if w))
            self.list.addItem(item)
        self.keep_button.setEnabled(bool(conflicts))
        if conflicts:
            self.list.setCurrentRow(0)
        else:
            self.versions.clear()
            self.text.clear()

    def _kind(self, entity: str) -> str:
        """Whose note it is, in words ("visits" is the record's table)."""
        return {
            "patients": self.tr("Patient notes"),
            "visits": self.tr("Visit notes"),
            "photos": self.tr("Photo notes"),
            "lesions": self.tr("Lesion notes"),
        }.get(entity, self.tr("Notes"))

    def _chosen(self, row: int) -> None:
        self.versions.clear()
        if 0 <= row < len(self.conflicts):
            self.versions.addItems(list(self.conflicts[row].versions))
            self.versions.setCurrentRow(self.versions.count() - 1)

    def _keep(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.conflicts):
            self.keep_button.setEnabled(False)
            self.resolve_requested.emit(self.conflicts[row].id, self.text.toPlainText())
