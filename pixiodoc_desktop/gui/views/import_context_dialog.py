"""Before an import: where the photos go (visit, body site, lesion) and how they were taken.

The visit is an existing one or a new one on a chosen date; body site,
lesion and modality default to the photo selected in the timeline, so that
photos of a follow-up land beside the ones they follow. The patient is named
in the title: an import is never aimed at a patient the clinician does not see.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.records.photos import CaptureContext, PhotoSummary
from pixiodoc_desktop.clinic.records.vocabulary import Modality
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.locale_text import date_format, date_text
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.views.capture_record import starting_photo
from pixiodoc_desktop.gui.widgets.body_map_pages import patient_outline
from pixiodoc_desktop.gui.widgets.site_on_map import site_field

NEW_VISIT = "\x00new"
BY_CAPTURE_DATE = "\x00by-date"


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ImportContextDialog(QDialog):
    """Emits `chosen(CaptureContext)` for the files about to be imported."""

    chosen = Signal(object)

    def __init__(
        self,
        record: PatientRecord,
        files: int,
        parent: QWidget | None = None,
        *,
        selected: PhotoSummary | None = None,
        visit_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ImportContextDialog")
        self.record = record
        self.setWindowTitle(
            self.tr("Import photos for %1").replace("%1", record.patient.display_name)
        )
        intro = QLabel(
            self.tr("%n photo(s) will be added to the record of %1.", "", files).replace(
                "%1", record.patient.display_name
            )
        )
        intro.setWordWrap(True)
        self.visit = QComboBox()
        self.visit.setObjectName("ImportVisit")
        self.visit.addItem(self.tr("A visit on each photo's capture date"), BY_CAPTURE_DATE)
        self.visit.addItem(self.tr("New visit on…"), NEW_VISIT)
        for visit in sorted(record.visits, key=lambda v: v.visit_date, reverse=True):
            text = date_text(visit.visit_date)
            if visit.reason:
                text = f"{text} · {visit.reason}"
            self.visit.addItem(text, visit.id)
        self.date = QDateEdit()
        self.date.setObjectName("ImportVisitDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_format())
        self.date.setDate(QDate.currentDate())
        self.date.setMaximumDate(QDate.currentDate())
        self.body_site = QComboBox()
        self.body_site.setObjectName("ImportBodySite")
        self.body_site.addItem(labels.body_site(None), None)
        for code, label in labels.body_sites_sorted():
            self.body_site.addItem(label, code)
        self.lesion = QComboBox()
        self.lesion.setObjectName("ImportLesion")
        self.lesion.addItem(self.tr("No tracked lesion"), None)
        for lesion in record.lesions:
            self.lesion.addItem(f"{lesion.label} · {labels.body_site(lesion.body_site)}", lesion.id)
        self.modality = QComboBox()
        self.modality.setObjectName("ImportModality")
        for modality in Modality:
            self.modality.addItem(labels.modality(str(modality)), str(modality))
        form = QFormLayout()
        self._form = form
        form.addRow(self.tr("Visit"), self.visit)
        form.addRow(self.tr("Date of the new visit"), self.date)
        self.body_site_field = site_field(self.body_site)
        self.body_site_field.outline = patient_outline(record.patient)
        form.addRow(self.tr("Body site"), self.body_site_field)
        form.addRow(self.tr("Lesion"), self.lesion)
        form.addRow(self.tr("Modality"), self.modality)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Import"))
            ok.setObjectName("ImportOkButton")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.visit.currentIndexChanged.connect(self._visit_changed)
        self.lesion.currentIndexChanged.connect(self._lesion_changed)
        self._preselect(selected, visit_id)

    def _preselect(self, selected: PhotoSummary | None, visit_id: str | None) -> None:
        """The timeline's selection decides the defaults; a drop on a visit decides the visit."""
        wanted_visit = visit_id or (selected.visit_id if selected is not None else None)
        index = self.visit.findData(wanted_visit) if wanted_visit else -1
        self.visit.setCurrentIndex(max(0, index))
        # No selection: the site, lesion and modality of the record's newest photo (the
        # visit stays each photo's capture date).
        like = selected if selected is not None else starting_photo(self.record, None)
        if like is not None:
            self._select(self.lesion, like.lesion_id)
            self._select(self.body_site, like.body_site)
            self._select(self.modality, like.modality)
        self._visit_changed()

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _visit_changed(self) -> None:
        """The new visit's date shows only when a new visit is chosen (an existing visit
        has its own date, in its line above)."""
        new = self.visit.currentData() == NEW_VISIT
        self.date.setEnabled(new)
        self._form.setRowVisible(self.date, new)

    def _lesion_changed(self) -> None:
        lesion_id = self.lesion.currentData()
        lesion = next((x for x in self.record.lesions if x.id == lesion_id), None)
        if lesion is not None:
            self._select(self.body_site, lesion.body_site)

    def context(self) -> CaptureContext:
        visit = self.visit.currentData()
        new = visit == NEW_VISIT
        return CaptureContext(
            patient_id=self.record.patient.id,
            visit_id=None if visit in (NEW_VISIT, BY_CAPTURE_DATE) else str(visit),
            visit_date=_pydate(self.date.date()) if new else None,
            body_site=self.body_site.currentData(),
            lesion_id=self.lesion.currentData(),
            modality=str(self.modality.currentData()),
        )

    def _accept(self) -> None:
        self.chosen.emit(self.context())
        self.accept()
