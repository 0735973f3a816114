"""Patient › Share…: who in the practice may see this record, and a case bundle for outside.

Two pages. "In this practice" lists the record's grants and grants a
colleague (or the whole practice) View Only, Editor or Admin, or revokes a
grant; `clinic.access.sharing.Sharing` checks the Admin grant, the plan and
audits. "Outside colleague" writes an encrypted case bundle of the visits
ticked (each shown by date with its photos), protected by a passphrase or
the colleague's case key; `CaseBundles.export` checks consent and audits.
The dialog only asks and shows: every act runs as one operation on the DB
worker and its refusal is shown inside the dialog, translated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QDate, QStandardPaths, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.access.clinicians import Clinicians, ClinicianSummary
from pixiodoc_desktop.clinic.access.permissions import LEVELS, PRACTICE
from pixiodoc_desktop.clinic.access.sharing import GrantSummary, Sharing
from pixiodoc_desktop.clinic.exchange.case_bundle import (
    DEFAULT_DAYS,
    MAX_DAYS,
    MIN_PASSPHRASE,
    CaseBundles,
    ExportedCase,
)
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.locale_text import date_format, date_text
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.views.share_link_page import SecureLinkPage
from pixiodoc_desktop.gui.widgets.visit_picker import VisitPicker
from pixiodoc_desktop.gui.workers import DbOperation

T = TypeVar("T")


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class ShareDialog(QDialog):
    """Grants in the practice and case bundles for outside, for one patient record."""

    granted = Signal()  # the grants changed (tests wait on it)
    bundle_written = Signal(object)  # ExportedCase

    def __init__(
        self,
        ctx: GuiContext,
        record: PatientRecord,
        own_login: str,
        parent: QWidget | None = None,
        *,
        thumbnail: Callable[[str], QImage | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ShareDialog")
        self.ctx = ctx
        self.record = record
        self.own_login = own_login
        self.setWindowTitle(
            self.tr("Share the record of %1").replace("%1", record.patient.display_name)
        )
        self.people: list[ClinicianSummary] = []
        self.grants: list[GrantSummary] = []
        self.tabs = QTabWidget()
        self.tabs.addTab(self._practice_page(), self.tr("In this practice"))
        self.tabs.addTab(self._bundle_page(thumbnail), self.tr("Outside colleague"))
        self.secure_link = SecureLinkPage(record, self._run, thumbnail)
        self.tabs.addTab(self.secure_link, self.tr("Secure link"))
        self.secure_link.bundle_wanted.connect(lambda: self.tabs.setCurrentIndex(1))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        self.resize(680, 680)
        # Closed (and deleted with its widgets): answers still on their way are dropped.
        self._closed = False
        self.finished.connect(self._forget_answers)
        self.refresh()

    def _forget_answers(self, _result: int) -> None:
        self._closed = True

    # --- building ----------------------------------------------------------------------------

    def _practice_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Colleagues of this practice who may open this record. View Only sees it, "
                "Editor adds visits and photos, Admin also shares, exports and erases."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("GrantTable")
        self.table.setHorizontalHeaderLabels([self.tr("Who"), self.tr("Access")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.colleague = QComboBox()
        self.colleague.setObjectName("ShareColleague")
        self.colleague.setAccessibleName(self.tr("Colleague"))
        self.level = QComboBox()
        self.level.setObjectName("ShareLevel")
        self.level.setAccessibleName(self.tr("Access"))
        for level in LEVELS:
            self.level.addItem(labels.access_level(level), level)
        self.grant_button = QPushButton(self.tr("Grant"))
        self.grant_button.setObjectName("GrantButton")
        self.grant_button.clicked.connect(self.grant)
        self.revoke_button = QPushButton(self.tr("Revoke selected"))
        self.revoke_button.setObjectName("RevokeButton")
        self.revoke_button.clicked.connect(self.revoke)
        row = QHBoxLayout()
        row.addWidget(self.colleague, 1)
        row.addWidget(self.level)
        row.addWidget(self.grant_button)
        self.practice_message = QLabel()
        self.practice_message.setObjectName("ShareMessage")
        self.practice_message.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        revoke_row = QHBoxLayout()
        revoke_row.addStretch(1)
        revoke_row.addWidget(self.revoke_button)
        layout.addLayout(revoke_row)
        layout.addWidget(QLabel(self.tr("Give access to")))
        layout.addLayout(row)
        layout.addWidget(self.practice_message)
        return page

    def _bundle_page(self, thumbnail: Callable[[str], QImage | None] | None) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "An encrypted case file (.pxcase) with the visits ticked below, for a colleague "
                "outside the practice. It needs the patient's consent to sharing."
            )
        )
        intro.setWordWrap(True)
        self.visits = VisitPicker(photos_checkable=False, thumbnail=thumbnail)
        record = self.record
        self.visits.show_record(
            record.visits, record.photos, record.lesions, series_names=record.series_names
        )
        self.by_passphrase = QRadioButton(self.tr("Passphrase (tell it by phone)"))
        self.by_key = QRadioButton(self.tr("Colleague's case key"))
        self.by_passphrase.setChecked(True)
        group = QButtonGroup(page)
        group.addButton(self.by_passphrase)
        group.addButton(self.by_key)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("BundlePassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(
            self.tr("at least %1 characters").replace("%1", str(MIN_PASSPHRASE))
        )
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit()
        self.repeat.setObjectName("BundlePassphraseRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.key = QLineEdit()
        self.key.setObjectName("BundleKey")
        self.key.setPlaceholderText("pxcase-x25519:…")
        self.key.setAccessibleName(self.tr("Colleague's case key"))
        self.expires = QDateEdit()
        self.expires.setObjectName("BundleExpires")
        self.expires.setCalendarPopup(True)
        self.expires.setDisplayFormat(date_format())
        today = QDate.currentDate()
        self.expires.setDateRange(today.addDays(1), today.addDays(MAX_DAYS))
        self.expires.setDate(today.addDays(DEFAULT_DAYS))
        self.expires.setAccessibleName(self.tr("Valid until"))
        form = QFormLayout()
        form.addRow(self.by_passphrase)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat"), self.repeat)
        form.addRow(self.by_key)
        form.addRow(self.tr("Case key"), self.key)
        form.addRow(self.tr("Valid until"), self.expires)
        self.by_passphrase.toggled.connect(self._protection_changed)
        self._protection_changed()
        self.write_button = QPushButton(self.tr("Write case file…"))
        self.write_button.setObjectName("WriteBundleButton")
        self.write_button.clicked.connect(self.write_bundle)
        self.visits.changed.connect(
            lambda: self.write_button.setEnabled(bool(self.visits.chosen_visits()))
        )
        self.write_button.setEnabled(bool(self.visits.chosen_visits()))
        self.bundle_message = QLabel()
        self.bundle_message.setObjectName("BundleMessage")
        self.bundle_message.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.visits, 1)
        layout.addLayout(form)
        layout.addWidget(self.write_button)
        layout.addWidget(self.bundle_message)
        return page

    def _protection_changed(self) -> None:
        by_passphrase = self.by_passphrase.isChecked()
        self.passphrase.setEnabled(by_passphrase)
        self.repeat.setEnabled(by_passphrase)
        self.key.setEnabled(not by_passphrase)

    # --- running -----------------------------------------------------------------------------

    def _run(
        self,
        job: Callable[[Workstation, Actor], T],
        done: Callable[[T], object],
        message: QLabel,
        after_failure: Callable[[], None] | None = None,
    ) -> None:
        session = self.ctx.session

        def work() -> T:
            services, actor = session.require()
            return job(services.workstation, actor)

        def failed(exc: Exception) -> None:
            if self._closed:  # its page is gone: the window says it instead
                self.ctx.notifier.failure(exc)
                return
            if after_failure is not None:
                after_failure()
            if isinstance(exc, PixioDocError):
                message.setText(error_text(exc))
            else:
                self.ctx.notifier.failure(exc)

        def deliver(value: T) -> None:
            if not self._closed:
                done(value)

        DbOperation(work).success(deliver).failure(failed).run(self.ctx.worker)

    def refresh(self) -> None:
        pid = self.record.patient.id

        def job(ws: Workstation, actor: Actor) -> tuple[list[ClinicianSummary], list[GrantSummary]]:
            return Clinicians(ws).list(), Sharing(ws).list(actor, pid)

        self._run(job, lambda found: self._show(*found), self.practice_message)

    def _show(self, people: list[ClinicianSummary], grants: list[GrantSummary]) -> None:
        self.people = people
        self.grants = grants
        names = {p.id: p.display_name for p in people}
        self.table.setRowCount(len(grants))
        for row, grant in enumerate(grants):
            who = (
                self.tr("Whole practice")
                if grant.grantee == PRACTICE
                else names.get(grant.grantee, grant.grantee_name)
            )
            self.table.setItem(row, 0, QTableWidgetItem(who))
            self.table.setItem(row, 1, QTableWidgetItem(labels.access_level(grant.level)))
        current = self.colleague.currentData()
        self.colleague.clear()
        self.colleague.addItem(self.tr("Whole practice"), PRACTICE)
        for person in people:
            if person.active and person.login != self.own_login:
                self.colleague.addItem(f"{person.display_name} ({person.login})", person.login)
        index = self.colleague.findData(current)
        self.colleague.setCurrentIndex(max(index, 1 if self.colleague.count() > 1 else 0))

    def grant(self) -> None:
        login = str(self.colleague.currentData())
        level = str(self.level.currentData())
        pid = self.record.patient.id
        who = self.colleague.currentText()

        def done(_grant: GrantSummary) -> None:
            self.practice_message.setText(
                self.tr("%1 now has %2 access.")
                .replace("%1", who)
                .replace("%2", labels.access_level(level))
            )
            self.refresh()
            self.granted.emit()

        self._run(
            lambda ws, actor: Sharing(ws).grant(actor, pid, login, level),
            done,
            self.practice_message,
        )

    def revoke(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.grants):
            self.practice_message.setText(self.tr("Choose a line in the list first."))
            return
        grant = self.grants[row]
        logins = {p.id: p.login for p in self.people}
        login = PRACTICE if grant.grantee == PRACTICE else logins.get(grant.grantee, "")
        pid = self.record.patient.id
        cell = self.table.item(row, 0)
        who = cell.text() if cell is not None else ""

        def done(_none: None) -> None:
            self.practice_message.setText(self.tr("Access of %1 revoked.").replace("%1", who))
            self.refresh()
            self.granted.emit()

        self._run(
            lambda ws, actor: Sharing(ws).revoke(actor, pid, login),
            done,
            self.practice_message,
        )

    # --- the case bundle -----------------------------------------------------------------------

    def suggested_bundle_name(self) -> str:
        """No patient name in a file name: the bundle's point is that outsiders see nothing."""
        return f"case-{dt.date.today().isoformat()}.pxcase"

    def ask_save_path(self) -> Path | None:
        """Where to write the bundle (tests replace this)."""
        name, _chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Write case file"),
            str(documents_folder() / self.suggested_bundle_name()),
            self.tr("Case file (*.pxcase)"),
        )
        return Path(name) if name else None

    def write_bundle(self) -> None:
        visit_ids = self.visits.chosen_visits()
        if not visit_ids:
            self.bundle_message.setText(self.tr("Tick at least one visit."))
            return
        passphrase: str | None = None
        key: str | None = None
        if self.by_passphrase.isChecked():
            passphrase = self.passphrase.text()
            if len(passphrase) < MIN_PASSPHRASE:
                self.bundle_message.setText(
                    self.tr("Use a passphrase of at least %1 characters.").replace(
                        "%1", str(MIN_PASSPHRASE)
                    )
                )
                return
            if passphrase != self.repeat.text():
                self.bundle_message.setText(self.tr("The two passphrases differ."))
                return
        else:
            key = self.key.text().strip()
            if not key:
                self.bundle_message.setText(self.tr("Paste the colleague's case key."))
                return
        path = self.ask_save_path()
        if path is None:
            return
        expires = _pydate(self.expires.date())
        pid = self.record.patient.id
        self.bundle_message.setText(self.tr("Writing the case file…"))
        self.write_button.setEnabled(False)

        def done(case: ExportedCase) -> None:
            self.write_button.setEnabled(True)
            self.bundle_message.setText(
                self.tr("Wrote %1: %2 visit(s), %3 photo(s), valid until %4.")
                .replace("%1", case.path.name)
                .replace("%2", str(case.visits))
                .replace("%3", str(case.photos))
                .replace("%4", date_text(case.expires))
            )
            self.bundle_written.emit(case)

        def job(ws: Workstation, actor: Actor) -> ExportedCase:
            return CaseBundles(ws, kdf=self.ctx.session.kdf).export(
                actor,
                pid,
                visit_ids,
                path,
                passphrase=passphrase,
                recipient_key=key,
                expires=expires,
            )

        self._run(job, done, self.bundle_message, lambda: self.write_button.setEnabled(True))
