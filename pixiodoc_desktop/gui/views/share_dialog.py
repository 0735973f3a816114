"""Patient › Share…: who in the practice may see this record, and a case bundle for outside.

Three pages. "In this practice" lists the record's grants and grants a
colleague (or the whole practice) View Only, Editor or Admin, or revokes a
grant; `clinic.access.sharing.Sharing` checks the Admin grant, the plan and
audits. "Outside colleague" (share_case_file_page.py) writes an encrypted case
bundle; "Secure link" (share_link_page.py) puts one online for a link.
The dialog only asks and shows: every act runs as one operation on the DB
worker and its refusal is shown inside the dialog, translated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.access.clinicians import Clinicians, ClinicianSummary
from pixiodoc_desktop.clinic.access.permissions import LEVELS, PRACTICE
from pixiodoc_desktop.clinic.access.sharing import GrantSummary, Sharing
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.folder_names import documents_folder
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.views.share_case_file_page import CaseFilePage
from pixiodoc_desktop.gui.views.share_link_page import SecureLinkPage
from pixiodoc_desktop.gui.workers import DbOperation

__all__ = ["ShareDialog", "documents_folder"]

T = TypeVar("T")


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
        self.case_file = CaseFilePage(ctx, record, self._run, thumbnail)
        self.case_file.written.connect(self.bundle_written)
        self.tabs.addTab(self.case_file, self.tr("Outside colleague"))
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
