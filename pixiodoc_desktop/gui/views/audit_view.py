"""The audit viewer for practice Admins: filter, read and export the trail; review
emergency accesses ("break the glass") that no Admin has acknowledged yet.

Every query and export runs on the database worker through `AuditLog`, which
checks that the clinician may read the trail and audits the reading itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.access.clinicians import Clinicians, ClinicianSummary
from pixiodoc_desktop.clinic.access.emergency import EmergencyAccesses, EmergencySummary
from pixiodoc_desktop.clinic.audit.log import AuditFilter, AuditLog, AuditPatient, AuditRow
from pixiodoc_desktop.clinic.audit.trail import EventType
from pixiodoc_desktop.clinic.records.patients import patient_id_for
from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.gui.audit_details import details_ids, details_text, object_kind
from pixiodoc_desktop.gui.audit_words import (
    event_name,
    local_time,
    outcome_name,
    patient_words,
)
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.locale_text import date_format
from pixiodoc_desktop.gui.workers import DbOperation

ROW_LIMIT = 2000

PATIENT_COLUMN = 4
OBJECT_COLUMN = 5
DETAILS_COLUMN = 6

_Index = QModelIndex | QPersistentModelIndex


def _resolved(workstation: Workstation, flt: AuditFilter) -> AuditFilter:
    """The filter with the patient number (MRN) a person typed turned into the record's id."""
    if not flt.patient_id:
        return flt
    return replace(flt, patient_id=patient_id_for(workstation, flt.patient_id))


class AuditTableModel(QAbstractTableModel):
    """Audit rows for the table; the view owns no data."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRow] = []
        self._patients: dict[str, AuditPatient] = {}
        self._headers = [
            self.tr("Time"),
            self.tr("Event"),
            self.tr("Outcome"),
            self.tr("Clinician"),
            self.tr("Patient"),
            self.tr("Object"),
            self.tr("Details"),
        ]

    def set_rows(
        self, rows: list[AuditRow], patients: dict[str, AuditPatient] | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(reversed(rows))  # newest first on screen
        self._patients = dict(patients or {})
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:  # the ids, as the export names them
            if index.column() == PATIENT_COLUMN:
                return row.patient
            if index.column() == OBJECT_COLUMN:
                return row.object_id
            if index.column() == DETAILS_COLUMN:
                return "\n".join([self.data(index), *details_ids(row.details)]) or None
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        obj = object_kind(row.object_type) if row.object_type else ""
        details = details_text(row.details)
        return [
            local_time(row.at),
            event_name(row.event),
            outcome_name(row.outcome),
            row.actor_login or row.actor or "",
            patient_words(row.patient, self._patients.get(row.patient or "")),
            obj,
            details,
        ][index.column()]


def _date(edit: QDateEdit) -> dt.datetime:
    value = edit.date()
    return dt.datetime(value.year(), value.month(), value.day())


class AuditView(QDialog):
    """Filter by clinician, patient, event type and date; export CSV or JSON."""

    def __init__(self, ctx: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Audit trail"))
        # As wide as the window it opens over allows (to 1320 px): the Details column, the
        # last, reads in full beside the others on a 1366x768 screen.
        room = parent.window().width() - 40 if parent is not None else 1000
        self.resize(max(1000, min(1320, room)), 600)
        self.clinician = QComboBox()
        self.clinician.addItem(self.tr("All clinicians"), None)
        self.patient = QLineEdit()
        self.patient.setPlaceholderText(self.tr("Patient number (MRN)"))
        hint = self.patient.placeholderText()  # read in full, in German too
        self.patient.setMinimumWidth(self.patient.fontMetrics().horizontalAdvance(hint) + 40)
        self.event_kind = QComboBox()
        self.event_kind.addItem(self.tr("All events"), None)
        for kind in EventType:
            self.event_kind.addItem(event_name(str(kind)), str(kind))
        self.use_since = QCheckBox(self.tr("From"))
        self.since = QDateEdit(QDate.currentDate().addDays(-30))
        self.use_until = QCheckBox(self.tr("To"))
        self.until = QDateEdit(QDate.currentDate())
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
        show = QPushButton(self.tr("Show"))
        show.clicked.connect(self.refresh)
        export_csv = QPushButton(self.tr("Export CSV…"))
        export_csv.clicked.connect(lambda: self.export("csv"))
        export_json = QPushButton(self.tr("Export JSON…"))
        export_json.clicked.connect(lambda: self.export("json"))
        filters = QHBoxLayout()
        for widget in (self.clinician, self.patient, self.event_kind, self.use_since, self.since,
                       self.use_until, self.until, show):  # fmt: skip
            filters.addWidget(widget)
        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.status = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(export_csv)
        bottom.addWidget(export_json)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._load_clinicians()
        self.refresh()

    def _load_clinicians(self) -> None:
        session = self.ctx.session

        def job() -> list[ClinicianSummary]:
            services, _actor = session.require()
            return Clinicians(services.workstation).list()

        def done(people: list[ClinicianSummary]) -> None:
            for person in people:
                self.clinician.addItem(f"{person.display_name} ({person.login})", person.login)

        DbOperation(job).success(done).failure(self.ctx.notifier.failure).run(self.ctx.worker)

    def current_filter(self, *, limit: int | None = ROW_LIMIT) -> AuditFilter:
        until = _date(self.until) + dt.timedelta(days=1) if self.use_until.isChecked() else None
        return AuditFilter(
            since=_date(self.since) if self.use_since.isChecked() else None,
            until=until,
            user_login=self.clinician.currentData(),
            patient_id=self.patient.text().strip() or None,
            event_type=self.event_kind.currentData(),
            limit=limit,
        )

    def refresh(self) -> None:
        session, flt = self.ctx.session, self.current_filter()

        def job() -> tuple[list[AuditRow], dict[str, AuditPatient]]:
            services, actor = session.require()
            ws = services.workstation
            return AuditLog(ws).query_with_patients(actor, _resolved(ws, flt))

        def done(page: tuple[list[AuditRow], dict[str, AuditPatient]]) -> None:
            rows, patients = page
            self.model.set_rows(rows, patients)
            for column in (0, 1, 2, 3, PATIENT_COLUMN, OBJECT_COLUMN):  # read in full
                self.table.resizeColumnToContents(column)
            self.status.setText(self.tr("%n event(s)", "", len(rows)))

        DbOperation(job).success(done).failure(self.ctx.notifier.failure).run(self.ctx.worker)

    def export(self, fmt: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail"), f"audit.{fmt}", f"*.{fmt}"
        )
        if name:
            self.export_to(fmt, Path(name))

    def export_to(self, fmt: str, out: Path) -> None:
        session, flt = self.ctx.session, self.current_filter(limit=None)

        def job() -> int:
            services, actor = session.require()
            ws = services.workstation
            return AuditLog(ws).export(actor, _resolved(ws, flt), fmt, out)

        def done(count: int) -> None:
            self.status.setText(self.tr("Exported %n event(s).", "", count))

        DbOperation(job).success(done).failure(self.ctx.notifier.failure).run(self.ctx.worker)


class EmergencyReviewDialog(QDialog):
    """Shown to a practice Admin after login while emergency accesses await acknowledgement."""

    def __init__(
        self, ctx: GuiContext, pending: list[EmergencySummary], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Emergency accesses to review"))
        self.list = QListWidget()
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)  # a long reason wraps; it is never cut off at the edge
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(560)
        for item in pending:
            who = item.clinician_name or item.clinician_login
            if item.clinician_name and item.clinician_login:
                who = f"{item.clinician_name} ({item.clinician_login})"
            text = (
                self.tr("%1: %2 opened the record of %3.\nReason: %4")
                .replace("%1", local_time(item.started_at))
                .replace("%2", who)
                .replace("%3", item.patient_name or item.patient_id)
            )
            entry = QListWidgetItem(text.replace("%4", item.reason))
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(entry)
        acknowledge = QPushButton(self.tr("Acknowledge selected"))
        acknowledge.clicked.connect(self.acknowledge)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(acknowledge, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("These records were opened without a grant. Review each reason."))
        )
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def acknowledge(self) -> None:
        chosen = [
            (row, str(item.data(Qt.ItemDataRole.UserRole)))
            for row, item in ((self.list.row(i), i) for i in self.list.selectedItems())
        ]
        session = self.ctx.session

        def job() -> None:
            services, actor = session.require()
            service = EmergencyAccesses(services.workstation)
            for _row, access_id in chosen:
                service.acknowledge(actor, access_id)

        def done(_: None) -> None:
            for row, _id in sorted(chosen, reverse=True):
                self.list.takeItem(row)
            if self.list.count() == 0:
                self.accept()

        DbOperation(job).success(done).failure(self.ctx.notifier.failure).run(self.ctx.worker)


def review_emergencies_after_login(ctx: GuiContext, parent: QWidget | None = None) -> None:
    """For a practice Admin: show unacknowledged emergency accesses, if any (call after login)."""
    session = ctx.session

    def job() -> list[EmergencySummary]:
        services, actor = session.require()
        if not actor.is_workspace_admin:
            return []
        return EmergencyAccesses(services.workstation).pending_for_admin(actor)

    def done(pending: list[EmergencySummary]) -> None:
        if pending:
            EmergencyReviewDialog(ctx, pending, parent).open()

    DbOperation(job).success(done).failure(ctx.notifier.failure).run(ctx.worker)
