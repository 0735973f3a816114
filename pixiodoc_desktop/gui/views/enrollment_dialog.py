"""An enrollment code for another PC of the clinic (Practice > Enrollment code for another PC…).

The code lets a new PC join the clinic's sync, or a PC re-join after the practice's keys
were renewed here. The dialog asks how long it may wait, shows the code large and
selectable with a Copy button, until when it works and what to do on the other PC.
`gui.enrollment` makes it with `sync.enroll.create_enrollment`, the core of `pixiodoc
sync enroll-code`, which checks the Admin role and audits. The code lives in this
dialog's labels only (and on the clipboard when copied): it is never logged or stored.
Beside it, the clinic's bucket as the new PC's Join your clinic… form asks for it: each
value selectable, Copy bucket details for that form's Paste button, and the secret key
never shown: Copy secret key puts it on the clipboard unseen, cleared when the dialog
closes. The code itself cannot carry the bucket (it names an object in the bucket, so the
new PC must reach the bucket first), and a photographed code should open nothing alone.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontInfo, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.sync.new_workstation import bucket_details
from pixiodoc_desktop.sync.settings import SyncTarget

# The command as typed on the other PC, kept on one line (never translated).
JOIN_COMMAND = "<code>{}</code>".format(
    "pixiodoc sync join --vault FOLDER --code CODE".replace(" ", "&nbsp;")
)
VALIDITY_MINUTES = (15, 30, 60, 240, 24 * 60)
DEFAULT_MINUTES = 30


class EnrollmentDialog(QDialog):
    """How long the code may wait in; the code, its end and the steps on the other PC out."""

    create_requested = Signal(int)  # minutes the code stays valid

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EnrollmentDialog")
        self.setWindowTitle(self.tr("Enrollment code for another PC"))
        self.setMinimumWidth(640)
        explain = QLabel(
            self.tr(
                "A one-time code lets another PC join this clinic's sync, or re-join it after "
                "the practice's keys were renewed. Until it is used or expires, the code opens "
                "the clinic's records: give it in person or by phone, never by e-mail."
            )
        )
        explain.setWordWrap(True)
        self.validity = QComboBox()
        self.validity.setObjectName("EnrollmentValidity")
        for minutes in VALIDITY_MINUTES:
            self.validity.addItem(self._duration(minutes), minutes)
        self.validity.setCurrentIndex(VALIDITY_MINUTES.index(DEFAULT_MINUTES))
        self.create_button = QPushButton(self.tr("Create code"))
        self.create_button.setObjectName("CreateEnrollmentCode")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._request)
        row = QHBoxLayout()
        row.addWidget(self.validity, 1)
        row.addWidget(self.create_button)
        form = QFormLayout()
        form.addRow(self.tr("Valid for"), row)

        self.code = QLabel()
        self.code.setObjectName("EnrollmentCode")
        self.code.setAccessibleName(self.tr("Enrollment code"))
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        size = QFontInfo(self.font()).pointSizeF() * 1.5
        # A style sheet, not setFont: the theme's QLabel rules would win over a font.
        self.code.setStyleSheet(
            f"font-family: monospace; font-size: {size:.1f}pt; font-weight: bold;"
        )
        self.code.hide()
        self.copy_button = QPushButton(self.tr("Copy code"))
        self.copy_button.setObjectName("CopyEnrollmentCode")
        self.copy_button.clicked.connect(self._copy)
        self.copy_button.hide()
        self.valid_until = QLabel()
        self.valid_until.setObjectName("EnrollmentValidUntil")
        self.valid_until.setWordWrap(True)
        self.valid_until.hide()
        until_row = QHBoxLayout()
        until_row.addWidget(self.valid_until, 1)
        until_row.addWidget(self.copy_button)
        self.steps = QLabel()
        self.steps.setObjectName("EnrollmentSteps")
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.hide()
        self.bucket = self._bucket_section()
        self.message = QLabel()
        self.message.setObjectName("EnrollmentMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.code)
        layout.addLayout(until_row)
        layout.addWidget(self.steps)
        layout.addWidget(self.bucket)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.finished.connect(self._forget)

    def _duration(self, minutes: int) -> str:
        return {
            15: self.tr("15 minutes"),
            30: self.tr("30 minutes"),
            60: self.tr("1 hour"),
            240: self.tr("4 hours"),
            24 * 60: self.tr("24 hours"),
        }[minutes]

    def minutes(self) -> int:
        return int(self.validity.currentData())

    def _request(self) -> None:
        self.create_button.setEnabled(False)
        self.message.setText(self.tr("Creating the code…"))
        self.create_requested.emit(self.minutes())

    def show_code(self, code: str, expires: dt.datetime) -> None:
        """The code made (expires: UTC); the steps on the other PC beneath it."""
        local = (expires if expires.tzinfo else expires.replace(tzinfo=dt.UTC)).astimezone()
        self.message.clear()
        self.code.setText(code)
        self.code.show()
        self.copy_button.show()
        self.create_button.setText(self.tr("Create another code"))
        self.create_button.setEnabled(True)
        self.valid_until.setText(
            self.tr("Works once, until %1 (%2 from now).")
            .replace("%1", local.strftime("%H:%M"))
            .replace("%2", self._duration(self.minutes()))
        )
        self.valid_until.show()
        rejoin = self.tr(
            "<b>A PC of this clinic that asks to re-join</b> (its status bar says the "
            "practice's keys were renewed): click <i>Re-join the clinic…</i> in its status bar "
            "or Practice menu, enter this code and your own password."
        )
        new_pc = self.tr(
            "<b>A new PC</b>: install PixioDoc and click <i>Join your clinic…</i> on its first "
            "page, and enter this code and the clinic's bucket below. Everyone logs in there "
            "with their usual login and password. On the command line: %1"
        ).replace("%1", f"<br>{JOIN_COMMAND}")  # the command on a line of its own
        self.steps.setText(f"<p>{rejoin}</p><p>{new_pc}</p>")
        self.steps.show()
        self._fit()  # taller now: the code and the steps below it

    def _bucket_section(self) -> QWidget:
        """The clinic's bucket as the new PC's form asks for it: each value selectable,
        the secret key never shown (Copy secret key copies it unseen)."""
        section = QWidget()
        section.setObjectName("EnrollmentBucket")
        title = QLabel(self.tr("The clinic's bucket"))
        title.setProperty("role", "section")
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.bucket_values: dict[str, QLabel] = {}
        for key, label in (
            ("endpoint", self.tr("Endpoint URL")),
            ("region", self.tr("Region")),
            ("bucket", self.tr("Bucket")),
            ("prefix", self.tr("Folder prefix")),
            ("access key", self.tr("Access key")),
            ("secret key", self.tr("Secret key")),
        ):
            value = QLabel()
            value.setObjectName(f"EnrollmentBucket {key}")
            value.setAccessibleName(label)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.bucket_values[key] = value
        self.copy_details_button = QPushButton(self.tr("Copy bucket details"))
        self.copy_details_button.setObjectName("CopyBucketDetails")
        self.copy_details_button.setToolTip(
            self.tr("Everything above but the secret key, for the new PC's Paste button.")
        )
        self.copy_details_button.clicked.connect(self._copy_details)
        self.copy_secret_button = QPushButton(self.tr("Copy secret key"))
        self.copy_secret_button.setObjectName("CopySecretKey")
        self.copy_secret_button.clicked.connect(self._copy_secret)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_details_button)
        buttons.addWidget(self.copy_secret_button)
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        section.hide()
        self._details = ""
        self._secret = ""
        return section

    def show_bucket(self, target: SyncTarget, access_key: str, secret_key: str) -> None:
        """Beside the code: where the new PC finds the clinic (the secret key held for
        Copy secret key only, shown as dots)."""
        values = {
            "endpoint": target.endpoint or self.tr("(empty: AWS S3)"),
            "region": target.region,
            "bucket": target.bucket,
            "prefix": target.prefix,
            "access key": access_key,
            "secret key": "••••••••  " + self.tr("(as in Sync settings; not shown)"),
        }
        for key, text in values.items():
            self.bucket_values[key].setText(text)
        self._details = bucket_details(target, access_key)
        self._secret = secret_key
        self.copy_secret_button.setEnabled(bool(secret_key))
        self.bucket.show()
        self._fit()

    def _copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self._details)
        self.message.setText(self.tr("Bucket details copied (without the secret key)."))
        self._fit()

    def _copy_secret(self) -> None:
        QGuiApplication.clipboard().setText(self._secret)
        self.message.setText(
            self.tr("Secret key copied; it leaves the clipboard when this dialog closes.")
        )
        self._fit()

    def show_error(self, text: str) -> None:
        """Why no code was made (not an Admin, sync not set up, the bucket unreachable)."""
        self.message.setText(text)
        self.create_button.setEnabled(True)
        self._fit()

    def _fit(self) -> None:
        """Grow to the wrapped labels' height at this width (adjustSize would not): each
        wrapped label asks for the height its text needs, then the dialog takes it."""
        layout = self.layout()
        if layout is None:
            return
        for label in (self.valid_until, self.steps, self.message):
            if not label.isHidden():
                width = max(label.width(), self.width() - 24)
                label.setMinimumHeight(max(0, label.heightForWidth(width)))
        layout.activate()
        needed = max(layout.heightForWidth(self.width()), layout.minimumSize().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code.text())
        self.message.setText(self.tr("Copied."))
        self._fit()

    def _forget(self) -> None:
        """Closed: the code leaves the dialog (the clipboard keeps it only if copied), and
        the secret key leaves the dialog and the clipboard."""
        self.code.clear()
        clipboard = QGuiApplication.clipboard()
        if self._secret and clipboard.text() == self._secret:
            clipboard.clear()
        self._secret = ""
        self._details = ""
