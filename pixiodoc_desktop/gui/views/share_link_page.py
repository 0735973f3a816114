"""Patient › Share… › Secure link: a link a colleague opens in any browser (issue 16).

Choose visits, the level (View, or View and reply), the lifetime and an
optional passcode; the link appears to copy. The record's live links are
listed with their expiry and can be revoked. `sharing.links.ShareLinks`
checks consent and the Admin grant, needs sync, uploads and audits; the page
only asks and shows. Without sync it says so and points at the case bundle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QImage, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.gui.locale_text import date_time_text
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.views.phone_dialog import qr_pixmap
from pixiodoc_desktop.gui.widgets.visit_picker import VisitPicker
from pixiodoc_desktop.sharing.ledger import LinkRecord
from pixiodoc_desktop.sharing.links import MIN_PASSCODE, MadeLink, ShareLinks, sync_ready
from pixiodoc_desktop.sync.export_images import Export, fetch_for_export

Runner = Callable[..., None]  # ShareDialog._run(job, done, message_label, after_failure)
LIFETIMES = (
    (dt.timedelta(hours=1), "1 hour"),
    (dt.timedelta(hours=12), "12 hours"),
    (dt.timedelta(days=1), "1 day"),
    (dt.timedelta(days=3), "3 days"),
    (dt.timedelta(days=7), "7 days"),
)


class SecureLinkPage(QWidget):
    """The "Secure link" tab of the Share dialog."""

    link_made = Signal(object)  # MadeLink
    links_shown = Signal()
    bundle_wanted = Signal()  # "Outside colleague": the way to share without sync

    def __init__(
        self,
        record: PatientRecord,
        run: Runner,
        thumbnail: Callable[[str], QImage | None] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("SecureLinkPage")
        self.record = record
        self.run = run
        self.links: list[LinkRecord] = []
        intro = QLabel(
            self.tr(
                "A secure link to the visits ticked below: the colleague needs only a browser. "
                "It is encrypted; the key is in the link itself. Needs the patient's consent to "
                "sharing and the clinic's sync."
            )
        )
        intro.setWordWrap(True)
        self.visits = VisitPicker(photos_checkable=False, thumbnail=thumbnail)
        self.visits.show_record(
            record.visits, record.photos, record.lesions, series_names=record.series_names
        )
        self.level = QComboBox()
        self.level.setObjectName("LinkLevel")
        self.level.addItem(self.tr("View"), "view")
        self.level.addItem(self.tr("View and reply"), "reply")
        self.lifetime = QComboBox()
        self.lifetime.setObjectName("LinkLifetime")
        words = {
            "1 hour": self.tr("1 hour"),
            "12 hours": self.tr("12 hours"),
            "1 day": self.tr("1 day"),
            "3 days": self.tr("3 days"),
            "7 days": self.tr("7 days"),
        }
        for span, text in LIFETIMES:
            self.lifetime.addItem(words[text], span)
        self.lifetime.setCurrentIndex(3)
        self.passcode = QLineEdit()
        self.passcode.setObjectName("LinkPasscode")
        self.passcode.setPlaceholderText(
            self.tr("optional, at least %1 characters; tell it by phone").replace(
                "%1", str(MIN_PASSCODE)
            )
        )
        self.passcode.setAccessibleName(self.tr("Passcode"))
        # Level and lifetime share a row: the visits above keep the room (a new user's walk:
        # at 1366x768 they showed three rows).
        choices = QHBoxLayout()
        choices.addWidget(self.level, 1)
        valid_for = QLabel(self.tr("Valid for"))
        valid_for.setBuddy(self.lifetime)
        choices.addWidget(valid_for)
        choices.addWidget(self.lifetime, 1)
        form = QFormLayout()
        form.addRow(self.tr("Level"), choices)
        form.addRow(self.tr("Passcode"), self.passcode)
        self.create_button = QPushButton(self.tr("Create link"))
        self.create_button.setObjectName("CreateLinkButton")
        self.create_button.clicked.connect(self.create_link)
        self.url = QLineEdit()
        self.url.setObjectName("LinkUrl")
        self.url.setReadOnly(True)
        self.url.setAccessibleName(self.tr("Link"))
        self.copy_button = QPushButton(self.tr("Copy link"))
        self.copy_button.setObjectName("CopyLinkButton")
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_link)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.copy_button)
        self.qr_button = QPushButton(self.tr("QR code"))
        self.qr_button.setObjectName("LinkQrButton")
        self.qr_button.setEnabled(False)
        self.qr_button.clicked.connect(self.show_qr)
        url_row.addWidget(self.qr_button)
        self.qr_dialog: QDialog | None = None
        self.message = QLabel()
        self.message.setObjectName("LinkMessage")
        self.message.setWordWrap(True)
        self.no_sync = QLabel(
            self.tr(
                "Secure links need the clinic's sync, which is not set up on this "
                "workstation. Use the Outside colleague tab to send a case bundle instead."
            )
        )
        self.no_sync.setObjectName("LinkNoSync")
        self.no_sync.setWordWrap(True)
        self.bundle_button = QPushButton(self.tr("Use the Outside colleague tab"))
        self.bundle_button.setObjectName("UseBundleButton")
        self.bundle_button.clicked.connect(self.bundle_wanted)
        # Making a link, or (without sync) the way to a case bundle instead: one place of
        # one height for both, so the visits above do not shrink when the answer comes.
        making = QWidget()
        making_layout = QVBoxLayout(making)
        making_layout.setContentsMargins(0, 0, 0, 0)
        making_layout.addWidget(self.create_button)
        making_layout.addLayout(url_row)
        making_layout.addStretch(1)
        elsewhere = QWidget()
        elsewhere_layout = QVBoxLayout(elsewhere)
        elsewhere_layout.setContentsMargins(0, 0, 0, 0)
        elsewhere_layout.addWidget(self.no_sync)
        elsewhere_layout.addWidget(self.bundle_button)
        elsewhere_layout.addStretch(1)
        self.making = QStackedWidget()
        self.making.setObjectName("LinkMaking")
        self.making.addWidget(making)
        self.making.addWidget(elsewhere)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("LinkTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Link"), self.tr("State"), self.tr("Valid until"), self.tr("Shared by")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self._fit_table()
        self.revoke_button = QPushButton(self.tr("Revoke link"))
        self.revoke_button.setObjectName("RevokeLinkButton")
        self.revoke_button.clicked.connect(self.revoke_link)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.visits, 1)
        layout.addLayout(form)
        layout.addWidget(self.making)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Links to this record")))
        layout.addWidget(self.table)
        layout.addWidget(self.revoke_button)
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_making_height()

    def _keep_making_height(self) -> None:
        """The taller of the two at this width (Qt's stack would follow the one shown): which
        one the vault's answer shows moves nothing above or below it."""
        width = self.making.width()
        heights = []
        for index in range(self.making.count()):
            page = self.making.widget(index)
            shape = page.layout() if page is not None else None
            if shape is None:
                continue
            if shape.hasHeightForWidth():
                heights.append(shape.totalHeightForWidth(width))
            else:
                heights.append(shape.totalSizeHint().height())
        if max(heights) != self.making.height():
            self.making.setFixedHeight(max(heights))

    # --- acts ------------------------------------------------------------------------------

    def create_link(self) -> None:
        chosen = self.visits.chosen_visits()
        if not chosen:
            self.message.setText(self.tr("Tick at least one visit."))
            return
        passcode = self.passcode.text() or None
        if passcode is not None and len(passcode) < MIN_PASSCODE:
            self.message.setText(
                self.tr("Use a passcode of at least %1 characters.").replace(
                    "%1", str(MIN_PASSCODE)
                )
            )
            return
        reply = self.level.currentData() == "reply"
        lifetime: dt.timedelta = self.lifetime.currentData()
        patient_id = self.record.patient.id
        self.create_button.setEnabled(False)
        self.message.setText(self.tr("Encrypting and uploading…"))

        def job(ws: Workstation, actor: Actor) -> MadeLink:
            fetch_for_export(ws, actor, patient_id, Export.SHARE_LINK, visit_ids=chosen)
            return ShareLinks(ws).create(
                actor,
                patient_id,
                visit_ids=chosen,
                reply=reply,
                lifetime=lifetime,
                passcode=passcode,
            )

        def done(made: MadeLink) -> None:
            self.create_button.setEnabled(True)
            self.url.setText(made.url)
            self.copy_button.setEnabled(True)
            self.qr_button.setEnabled(True)
            self.message.setText(
                self.tr("Link made: %1 photos, valid until %2. Send it to the colleague.")
                .replace("%1", str(made.photos))
                .replace("%2", date_time_text(made.expires_at.astimezone()))
            )
            self.link_made.emit(made)
            self.refresh()

        self.run(job, done, self.message, lambda: self.create_button.setEnabled(True))

    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.url.text())
        self.message.setText(self.tr("The link is on the clipboard."))

    def show_qr(self) -> None:
        """The link as a QR code to scan with a phone (made in memory, never written out)."""
        dialog = QDialog(self)
        dialog.setObjectName("LinkQrDialog")
        dialog.setWindowTitle(self.tr("Secure link as a QR code"))
        code = QLabel()
        code.setObjectName("LinkQrCode")
        code.setPixmap(qr_pixmap(self.url.text(), scale=3))
        layout = QVBoxLayout(dialog)
        layout.addWidget(code)
        self.qr_dialog = dialog
        dialog.show()

    def refresh(self) -> None:
        patient_id = self.record.patient.id

        def job(ws: Workstation, actor: Actor) -> tuple[list[LinkRecord], dict[str, str], bool]:
            links = ShareLinks(ws)
            found = links.links(actor, patient_id)  # the clinic's, made on any of its PCs
            return found, links.makers(found), sync_ready(ws)

        self.run(job, self._show, self.message)

    def _show(self, found: tuple[list[LinkRecord], dict[str, str], bool]) -> None:
        links, makers, ready = found
        self.links = links
        # Without sync a link cannot be made: say where to go instead, and do not offer it.
        self.making.setCurrentIndex(0 if ready else 1)
        self.create_button.setEnabled(ready)
        states = {
            "live": self.tr("live"),
            "revoked": self.tr("revoked"),
            "expired": self.tr("expired"),
        }
        self.table.setRowCount(len(links))
        for row, link in enumerate(links):
            level = self.tr("View and reply") if link.level == "reply" else self.tr("View")
            cells: list[Any] = [
                f"{link.id} ({level})",
                states.get(link.state, link.state),
                date_time_text(link.expires.astimezone()),
                makers.get(link.created_by, "—"),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(str(text)))
        self.revoke_button.setEnabled(any(link.state == "live" for link in links))
        self._fit_table()
        self.links_shown.emit()

    def _fit_table(self) -> None:
        """As high as its links (one to four rows, then it scrolls): the visits take the rest."""
        self.table.ensurePolished()  # the theme's sizes, before it is first shown too
        self.table.horizontalHeader().ensurePolished()
        rows = max(1, min(4, self.table.rowCount()))
        row = self.table.verticalHeader().defaultSectionSize()
        frame = 2 * self.table.frameWidth()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + rows * row + frame)

    def revoke_link(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.links) or self.links[row].state != "live":
            self.message.setText(self.tr("Choose a live link to revoke."))
            return
        link_id = self.links[row].id

        def job(ws: Workstation, actor: Actor) -> None:
            ShareLinks(ws).revoke(actor, link_id)

        def done(_none: None) -> None:
            self.message.setText(self.tr("Link revoked: it no longer opens."))
            self.url.clear()
            self.copy_button.setEnabled(False)
            self.qr_button.setEnabled(False)
            self.refresh()

        self.run(job, done, self.message)
