"""The report builder: which visits, photos and saved comparisons go into the PDF.

Visits are listed by date and "week N" with their photos (thumbnails) to
tick one by one; saved comparisons with their measurements. The report is
written in the user's language and locale (dates, decimal commas, body
sites, sex as a word), ends with the clinician's name and a signature line,
and calibrated photos carry a scale bar. After writing, "Open" shows it.
The export itself (`exports.pdf_report.export_pdf`) checks the Admin grant
and audits; it runs as one operation on the DB worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.records.comparisons import ComparisonRecord, Comparisons
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.exports.report_comparisons import measurement_lines
from pixiodoc_desktop.exports.report_locale import ReportLocale
from pixiodoc_desktop.exports.report_subjects import subject
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.locale_text import date_text, number_text, shown_language
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.pose_labels import standard_pose_label
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.widgets.visit_picker import VisitPicker
from pixiodoc_desktop.gui.workers import DbOperation
from pixiodoc_desktop.sync.export_images import Export, fetch_for_export

AskPath = Callable[[str, str, str], Path | None]  # title, filter, suggested name


def report_locale(language: str) -> ReportLocale:
    """The report says what the interface says: language, dates, numbers, vocabulary."""
    return ReportLocale(
        language=language,
        date=date_text,
        number_format=number_text,
        body_site=labels.body_site,
        modality=labels.modality,
        sex=labels.sex,
        pose=standard_pose_label,
    )


def suggested_report_name(record: PatientRecord, today: dt.date | None = None) -> str:
    """'Report MRN-10231 2026-12-05.pdf': the patient number, never the name, in a file name."""
    patient = record.patient
    number = "".join(
        c if c.isalnum() or c in "-_" else "-" for c in (patient.external_id or "patient")
    )
    word = QCoreApplication.translate("ReportDialog", "Report")
    return f"{word} {number} {(today or dt.date.today()).isoformat()}.pdf"


class ReportDialog(QDialog):
    written = Signal(object)  # Path

    def __init__(
        self,
        ctx: GuiContext,
        record: PatientRecord,
        ask_path: AskPath,
        parent: QWidget | None = None,
        *,
        selected_photo: str | None = None,
        thumbnail: Callable[[str], QImage | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ReportDialog")
        self.ctx = ctx
        self.record = record
        self.ask_path = ask_path
        self.path: Path | None = None
        self.comparisons: list[ComparisonRecord] = []
        self.setWindowTitle(self.tr("Report for %1").replace("%1", record.patient.display_name))
        self.visits = VisitPicker(photos_checkable=True, thumbnail=thumbnail)
        chosen = {p.visit_id for p in record.photos if p.id == selected_photo}
        self.visits.show_record(
            record.visits,
            record.photos,
            record.lesions,
            checked_visits=chosen or None,
            series_names=record.series_names,
        )
        self.comparison_list = QListWidget()
        self.comparison_list.setObjectName("ReportComparisons")
        self.comparison_list.setAccessibleName(self.tr("Saved comparisons"))
        self.comparison_list.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Visits and photos")))
        left_layout.addWidget(self.visits, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Saved comparisons (before and after side by side)")))
        right_layout.addWidget(self.comparison_list, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        split.setSizes([520, 380])
        self.write_button = QPushButton(self.tr("Write report…"))
        self.write_button.setObjectName("WriteReportButton")
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.write)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("OpenReportButton")
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self.open_written)
        self.message = QLabel()
        self.message.setObjectName("ReportMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.write_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(900, 560)
        self._load_comparisons()

    # --- comparisons ---------------------------------------------------------------------------

    def _load_comparisons(self) -> None:
        session = self.ctx.session
        pid = self.record.patient.id

        def job() -> list[ComparisonRecord]:
            services, actor = session.require()
            return Comparisons(services.workstation).list(actor, pid)

        DbOperation(job).success(self._show_comparisons).failure(self.ctx.notifier.failure).run(
            self.ctx.worker
        )

    def _show_comparisons(self, comparisons: list[ComparisonRecord]) -> None:
        self.comparisons = comparisons
        self.comparison_list.clear()
        say = report_locale(shown_language())
        lesions = {lesion.id: lesion.label for lesion in self.record.lesions}
        for comparison in comparisons:
            # Untitled (as the compare view saves it): said by what it compares.
            before = comparison.before
            title = comparison.title or subject(
                before, lesions.get(before.lesion_id or "", ""), self.record.series_names, say
            )
            dates = (
                f"{date_text(comparison.before.visit_date)} → "
                f"{date_text(comparison.after.visit_date)}"
            )
            lines = [f"{title} · {dates}", *measurement_lines(comparison, say)]
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, comparison.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.comparison_list.addItem(item)
        if not comparisons:
            empty = QListWidgetItem(self.tr("No saved comparisons yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.comparison_list.addItem(empty)

    def chosen_comparisons(self) -> list[ComparisonRecord]:
        ids = set()
        for index in range(self.comparison_list.count()):
            item = self.comparison_list.item(index)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                ids.add(item.data(Qt.ItemDataRole.UserRole))
        return [c for c in self.comparisons if c.id in ids]

    # --- writing -------------------------------------------------------------------------------

    def write(self) -> None:
        photos = self.visits.chosen_photos()
        comparisons = self.chosen_comparisons()
        visits = self.visits.chosen_visits()
        if self.record.visits and not (visits or comparisons):
            self.message.setText(self.tr("Tick at least one visit, photo or comparison."))
            return
        for comparison in comparisons:
            if comparison.after.visit_id not in visits:
                visits.append(comparison.after.visit_id)
        path = self.ask_path(
            self.tr("Write report"), self.tr("PDF (*.pdf)"), suggested_report_name(self.record)
        )
        if path is None:
            return
        session = self.ctx.session
        pid = self.record.patient.id
        say = report_locale(shown_language())
        comparison_ids = [c.id for c in comparisons]

        def job() -> Path:
            # reportlab loads with the first report written, not at start.
            from pixiodoc_desktop.exports.pdf_report import export_pdf

            services, actor = session.require()
            fetch_for_export(  # images left in the clinic's bucket (images on demand)
                services.workstation,
                actor,
                pid,
                Export.PDF_REPORT,
                # a comparison may show photos of other visits: then all the patient's
                visit_ids=() if comparison_ids else visits,
                photo_ids=None if comparison_ids else photos,
            )
            return export_pdf(
                services.workstation,
                actor,
                pid,
                path,
                visit_ids=visits,
                photo_ids=photos,
                comparison_ids=comparison_ids,
                say=say,
            )

        def failed(exc: Exception) -> None:
            self.write_button.setEnabled(True)
            if isinstance(exc, PixioDocError):
                self.message.setText(error_text(exc))
            else:
                self.ctx.notifier.failure(exc)

        self.write_button.setEnabled(False)
        self.open_button.setVisible(False)
        self.message.setText(self.tr("Writing the report…"))
        DbOperation(job).success(self._written).failure(failed).run(self.ctx.worker)

    def _written(self, path: Path) -> None:
        self.path = path
        self.write_button.setEnabled(True)
        self.message.setText(self.tr("Report written: %1").replace("%1", path.name))
        self.ctx.notifier.info(self.tr("Report written: %1").replace("%1", path.name))
        self.open_button.setVisible(True)
        self.open_button.setFocus()
        self.written.emit(path)

    def open_written(self) -> None:
        if self.path is not None:
            self.open_file(self.path)

    def open_file(self, path: Path) -> None:
        """Show the report in the system's PDF viewer (tests replace this)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
