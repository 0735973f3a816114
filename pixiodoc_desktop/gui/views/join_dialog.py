"""Join your clinic: the first-run page's form for a clinic's second, third... PC.

It asks for what a practice Admin hands over from Practice › Enrollment code for another
PC… on a PC of the clinic: the one-time code and the clinic's bucket (endpoint, region,
bucket, folder prefix, access key; the secret key is typed, never shown), where this
PC keeps its vault, and whether its photos are fetched when first shown (the default: a
clinic of millions of photos is usable at once) or all downloaded now. The dialog decides nothing: `gui.joining` runs the join on the network
pool and tells it each stage, the progress and the outcome.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.sync.new_workstation import (
    CHECK_CODE,
    CONNECT,
    RECEIVE,
    JoinRequest,
    read_bucket_details,
)
from pixiodoc_desktop.sync.settings import SyncTarget
from pixiodoc_desktop.sync.store import DEFAULT_REGION


class JoinDialog(QDialog):
    """The code, the bucket and the folder in; the stages and one clear refusal out."""

    join_requested = Signal(object)  # JoinRequest

    def __init__(self, default_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("JoinDialog")
        self.setWindowTitle(self.tr("Join your clinic"))
        self.setMinimumWidth(600)
        explain = QLabel(
            self.tr(
                "On a PC of your clinic, a practice Admin opens Practice › Enrollment code "
                "for another PC… and creates a one-time code. Enter it here with the "
                "clinic's bucket shown beside it. This PC then receives the clinic's "
                "records, and everyone logs in with their usual login."
            )
        )
        explain.setWordWrap(True)
        self.code = self._field("JoinCode", self.tr("Enrollment code"))
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.endpoint = self._field("JoinEndpoint", self.tr("Endpoint URL"))
        self.endpoint.setPlaceholderText(self.tr("empty for AWS S3; e.g. https://s3.clinic.lan"))
        self.region = self._field("JoinRegion", self.tr("Region"), DEFAULT_REGION)
        self.bucket = self._field("JoinBucket", self.tr("Bucket"))
        self.prefix = self._field("JoinPrefix", self.tr("Folder prefix"), "pixiodoc")
        self.access_key = self._field("JoinAccessKey", self.tr("Access key"))
        self.secret = self._field("JoinSecretKey", self.tr("Secret key"))
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.folder = self._field("JoinFolder", self.tr("Vault folder"), str(default_folder))
        self.folder.setCursorPosition(0)
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.setObjectName("JoinChooseFolder")
        self.browse.setAccessibleName(self.tr("Choose the vault folder"))
        self.browse.clicked.connect(self._choose_folder)
        self.paste = QPushButton(self.tr("Paste the Admin's details"))
        self.paste.setObjectName("JoinPasteDetails")
        self.paste.setToolTip(
            self.tr("Fills the bucket's fields from what the Admin's Copy bucket details copied.")
        )
        self.paste.clicked.connect(self._paste)
        self.photos = QComboBox()
        self.photos.setObjectName("JoinPhotos")
        self.photos.setAccessibleName(self.tr("Photos"))
        self.photos.addItem(self.tr("Fetched when first shown (ready sooner)"), True)
        self.photos.addItem(self.tr("All downloaded now (also offline)"), False)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("Enrollment code"), self.code)
        bucket_title = QLabel(self.tr("The clinic's bucket"))
        bucket_title.setProperty("role", "section")
        bucket_row = QHBoxLayout()
        bucket_row.addWidget(bucket_title, 1)
        bucket_row.addWidget(self.paste)
        form.addRow(bucket_row)
        for label, field in (
            (self.tr("Endpoint URL"), self.endpoint),
            (self.tr("Region"), self.region),
            (self.tr("Bucket"), self.bucket),
            (self.tr("Folder prefix"), self.prefix),
            (self.tr("Access key"), self.access_key),
            (self.tr("Secret key"), self.secret),
        ):
            form.addRow(label, field)
        form.addRow(self.tr("Vault folder"), folder_row)
        form.addRow(self.tr("Photos"), self.photos)
        self.stage = QLabel()
        self.stage.setObjectName("JoinStage")
        self.stage.setWordWrap(True)
        self.stage.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("JoinProgress")
        self.progress.setAccessibleName(self.tr("Joining progress"))
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.message = QLabel()
        self.message.setObjectName("JoinMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("role", "error")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.join_button = QPushButton(self.tr("Join the clinic"))
        self.join_button.setObjectName("JoinClinic")
        self.join_button.setDefault(True)
        self.join_button.setProperty("role", "primary")
        self.join_button.clicked.connect(self._request)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.join_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.stage)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._inputs: tuple[QWidget, ...] = (
            self.code,
            self.endpoint,
            self.region,
            self.bucket,
            self.prefix,
            self.access_key,
            self.secret,
            self.folder,
            self.browse,
            self.paste,
            self.photos,
        )
        self.joining = False

    def _field(self, name: str, label: str, text: str = "") -> QLineEdit:
        field = QLineEdit(text)
        field.setObjectName(name)
        field.setAccessibleName(label)
        return field

    def request(self) -> JoinRequest:
        return JoinRequest(
            Path(self.folder.text().strip()).expanduser(),
            SyncTarget(
                self.endpoint.text().strip() or None,
                self.region.text().strip() or DEFAULT_REGION,
                self.bucket.text().strip(),
                self.prefix.text().strip(),
            ),
            self.access_key.text().strip(),
            self.secret.text(),
            self.code.text().strip(),
            on_demand=bool(self.photos.currentData()),
        )

    def _request(self) -> None:
        if self.joining:
            return
        missing = (
            (self.code, self.tr("Enter the enrollment code the Admin created.")),
            (self.bucket, self.tr("Enter the clinic's bucket.")),
            (self.access_key, self.tr("Enter the access key.")),
            (self.secret, self.tr("Enter the secret key.")),
            (self.folder, self.tr("Choose a folder for the vault.")),
        )
        for field, problem in missing:
            if not field.text().strip():
                field.setFocus()
                self.show_error(problem)
                return
        self._set_joining(True)
        self.message.clear()
        self.join_requested.emit(self.request())

    def _set_joining(self, joining: bool) -> None:
        self.joining = joining
        for widget in self._inputs:
            widget.setEnabled(not joining)
        self.join_button.setEnabled(not joining)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:  # a join cut off half-way would only have to be undone
            cancel.setEnabled(not joining)
        self.stage.setVisible(joining)
        self.progress.setVisible(joining)
        if joining:
            self.progress.setRange(0, 0)  # busy until a stage says how much comes

    def show_stage(self, stage: str) -> None:
        texts = {
            CONNECT: self.tr("Connecting to the clinic's bucket…"),
            CHECK_CODE: self.tr("Checking the enrollment code…"),
            RECEIVE: self.tr("Receiving the clinic's records…"),
        }
        self.stage.setText(texts.get(stage, ""))
        self.progress.setRange(0, 0)

    def show_progress(self, _phase: str, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def show_error(self, text: str, field: QWidget | None = None) -> None:
        """Why the join did not happen; the form is back for another try."""
        self._set_joining(False)
        self.message.setText(text)
        if field is not None:
            field.setFocus()

    def reject(self) -> None:
        if not self.joining:  # Esc while joining: the join finishes or fails first
            super().reject()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for the vault"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    def _paste(self) -> None:
        self.fill_details(QGuiApplication.clipboard().text())

    def fill_details(self, text: str) -> None:
        """The bucket's fields from the Admin's copied details (the secret key is never
        among them: it is typed)."""
        found = read_bucket_details(text)
        if not found:
            self.show_error(self.tr("The clipboard holds no bucket details from an Admin's PC."))
            return
        fields = {
            "endpoint": self.endpoint,
            "region": self.region,
            "bucket": self.bucket,
            "prefix": self.prefix,
            "access key": self.access_key,
        }
        for name, value in found.items():
            fields[name].setText(value)
        self.message.clear()
        self.secret.setFocus()
