"""The capture screen's record: whose photo it is, and where in the record it goes.

The patient is given; the clinician picks the visit (today's, created with the
first photo, unless an earlier one is chosen), the body site, a tracked lesion
(which brings its body site) and the modality (which a dermatoscope's profile
decides). `context_changed` fires whenever any of them changes.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from pixiodoc_desktop.clinic.records.body_series import (
    DEFAULT_PROTOCOL,
    checklist,
    pose_of,
    pose_tag,
)
from pixiodoc_desktop.clinic.records.photos import CaptureContext, PhotoSummary
from pixiodoc_desktop.clinic.records.vocabulary import Modality
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.views.capture_series import fill_poses, show_checklist
from pixiodoc_desktop.gui.widgets.body_map_pages import patient_outline
from pixiodoc_desktop.gui.widgets.site_on_map import site_field


def starting_photo(record: PatientRecord, selected_id: str | None) -> PhotoSummary | None:
    """The photo whose site, lesion and modality the next one takes: the one selected in the
    timeline (what the clinician is looking at), else the newest photo of the patient's last
    visit (after a photo taken here, that is the context used last); None for a record
    without photos."""
    if selected_id is not None:
        selected = next((p for p in record.photos if p.id == selected_id), None)
        if selected is not None:
            return selected
    return max(
        record.photos,
        key=lambda p: (p.visit_date, p.captured_at is not None, p.captured_at or dt.datetime.min),
        default=None,
    )


class CaptureRecordPanel(QWidget):
    """The patient's name and the visit, body site, lesion and modality of the next photo."""

    context_changed = Signal()

    def __init__(self, patient_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.patient_id = patient_id
        self.record: PatientRecord | None = None
        self.session_label = QLabel()
        self.session_label.setProperty("role", "muted")
        self.session_label.setAccessibleName(self.tr("Photos taken"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.patient_label = QLabel()
        self.patient_label.setProperty("role", "patient")
        self.patient_label.setAccessibleName(self.tr("Patient"))
        self.patient_label.setWordWrap(True)
        self.patient_facts = QLabel()
        self.patient_facts.setProperty("role", "muted")
        layout.addWidget(self.patient_label)
        layout.addWidget(self.patient_facts)
        layout.addWidget(self.session_label)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.visit_combo = QComboBox()
        self.visit_combo.setAccessibleName(self.tr("Visit"))
        self.body_site_combo = QComboBox()
        self.body_site_combo.setAccessibleName(self.tr("Body site"))
        self.body_site_combo.addItem(self.tr("Not recorded"), None)
        for code, label in labels.body_sites_sorted():
            self.body_site_combo.addItem(label, code)
        self.lesion_combo = QComboBox()
        self.lesion_combo.setAccessibleName(self.tr("Tracked lesion"))
        self.lesion_combo.addItem(self.tr("No tracked lesion"), None)
        self.modality_combo = QComboBox()
        self.modality_combo.setAccessibleName(self.tr("Modality"))
        for modality in Modality:
            self.modality_combo.addItem(labels.modality(modality), str(modality))
        form.addRow(self.tr("&Visit"), self.visit_combo)
        self.body_site_field = site_field(self.body_site_combo)
        form.addRow(self.tr("&Body site"), self.body_site_field)
        form.addRow(self.tr("&Lesion"), self.lesion_combo)
        form.addRow(self.tr("&Modality"), self.modality_combo)
        # The total-body series: the pose of the next photo and the visit's checklist.
        self.pose_combo = QComboBox()
        self.pose_combo.setObjectName("seriesPose")
        self.pose_combo.setAccessibleName(self.tr("Series pose"))
        fill_poses(self.pose_combo, None)
        self.series_label = QLabel()
        self.series_label.setObjectName("seriesChecklist")
        self.series_label.setProperty("role", "muted")
        self.series_label.setWordWrap(True)
        # A form row does not grow for wrapped text set later: room for two lines from the
        # start ('Serie 0 von 8 · als Nächstes: Vorderseite, Arme seitlich' was cut off).
        self.series_label.setMinimumHeight(2 * self.series_label.fontMetrics().lineSpacing() + 2)
        form.addRow(self.tr("&Pose"), self.pose_combo)
        form.addRow("", self.series_label)
        layout.addLayout(form)
        self.visit_combo.currentIndexChanged.connect(self._context_changed)
        self.body_site_combo.currentIndexChanged.connect(self._context_changed)
        self.lesion_combo.currentIndexChanged.connect(self._lesion_chosen)
        self.modality_combo.currentIndexChanged.connect(self._context_changed)
        self.pose_combo.currentIndexChanged.connect(self._context_changed)
        self.visit_combo.currentIndexChanged.connect(self._show_series)
        self.pose_combo.currentIndexChanged.connect(self._show_series)

    # --- the patient's record --------------------------------------------------------------

    def show_record(self, record: PatientRecord) -> None:
        self.record = record
        patient = record.patient
        self.body_site_field.outline = patient_outline(patient)
        self.patient_label.setText(patient.display_name)
        facts = []
        if patient.birth_date is not None:
            facts.append(self.tr("born %1").replace("%1", date_text(patient.birth_date)))
        if patient.external_id:
            facts.append(patient.external_id)
        self.patient_facts.setText(" · ".join(facts))
        self._fill_visits(record)
        self._fill_lesions(record)
        was = self.pose_combo.currentData()
        fill_poses(self.pose_combo, record)
        self._show_series()
        if was is not None:  # after a photo of a pose, the next missing one is chosen
            visit_id = self.visit_combo.currentData()
            state = checklist(self._poses(), record.photos, visit_id or "")
            if was in state.done and state.next_pose is not None:
                self.pose_combo.setCurrentIndex(self.pose_combo.findData(state.next_pose))

    def _poses(self) -> tuple[str, ...]:
        return (self.record.series_poses if self.record is not None else ()) or DEFAULT_PROTOCOL

    def _show_series(self, _index: int = 0) -> None:
        """The series line only for a photo of the series: an acne follow-up ('Not in a
        series') has none (its room is kept, so the form does not jump)."""
        if self.pose_combo.currentData() is None:
            self.series_label.clear()
            self.series_label.setToolTip("")
            return
        visit_id = self.visit_combo.currentData()
        show_checklist(
            self.series_label, self.record, visit_id if isinstance(visit_id, str) else None
        )

    def _fill_visits(self, record: PatientRecord) -> None:
        current = self.visit_combo.currentData()
        today = dt.date.today()
        today_visit = next((v for v in record.visits if v.visit_date == today), None)
        self.visit_combo.blockSignals(True)
        self.visit_combo.clear()
        date = date_text(today)
        if today_visit is None:
            self.visit_combo.addItem(self.tr("Today, %1 (new)").replace("%1", date), None)
        else:
            self.visit_combo.addItem(self.tr("Today, %1").replace("%1", date), today_visit.id)
        for visit in record.visits:
            if visit.visit_date != today:
                text = date_text(visit.visit_date)
                if visit.reason:
                    text = f"{text} · {visit.reason}"
                self.visit_combo.addItem(text, visit.id)
        index = self.visit_combo.findData(current) if current is not None else 0
        self.visit_combo.setCurrentIndex(max(0, index))
        self.visit_combo.blockSignals(False)

    def _fill_lesions(self, record: PatientRecord) -> None:
        current = self.lesion_combo.currentData()
        self.lesion_combo.blockSignals(True)
        while self.lesion_combo.count() > 1:
            self.lesion_combo.removeItem(1)
        for lesion in record.lesions:
            text = f"{lesion.label} · {labels.body_site(lesion.body_site)}"
            self.lesion_combo.addItem(text, lesion.id)
        index = self.lesion_combo.findData(current) if current is not None else 0
        self.lesion_combo.setCurrentIndex(max(0, index))
        self.lesion_combo.blockSignals(False)

    def may_add(self) -> bool:
        """A View Only record (or one not loaded yet) takes no photos."""
        return self.record is not None and self.record.patient.access != "view"

    def show_photos_taken(self, count: int) -> None:
        if not self.may_add():
            # "View only" as the record's access level says it (already translated).
            self.session_label.setText(labels.access_level("view") if self.record else "")
            return
        self.session_label.setText(
            self.tr("%n photo(s) taken now", "", count) if count else self.tr("No photo taken yet")
        )

    # --- the context --------------------------------------------------------------------------

    def set_body_site(self, code: str | None) -> None:
        index = self.body_site_combo.findData(code) if code else 0
        self.body_site_combo.setCurrentIndex(max(0, index))

    def set_lesion(self, lesion_id: str | None) -> None:
        index = self.lesion_combo.findData(lesion_id) if lesion_id else 0
        self.lesion_combo.setCurrentIndex(max(0, index))

    def aim_at(self, photo: PhotoSummary) -> None:
        """Take `photo`'s lesion, body site, modality (unless a dermatoscope's profile
        decides it) and series pose as the next photo's; one `context_changed` after."""
        combos = (self.body_site_combo, self.lesion_combo, self.modality_combo, self.pose_combo)
        for combo in combos:
            combo.blockSignals(True)
        self.set_lesion(photo.lesion_id)
        self.set_body_site(photo.body_site)
        if self.modality_combo.isEnabled():
            self.set_modality(photo.modality)
        pose = pose_of(photo)
        self.pose_combo.setCurrentIndex(max(0, self.pose_combo.findData(pose)) if pose else 0)
        for combo in combos:
            combo.blockSignals(False)
        self._context_changed()

    def set_modality(self, modality: str) -> None:
        index = self.modality_combo.findData(modality)
        if index >= 0:
            self.modality_combo.setCurrentIndex(index)

    def lock_modality(self, modality: Modality | None) -> None:
        """A dermatoscope's profile decides the modality; a plain camera leaves it free."""
        if modality is not None:
            self.set_modality(str(modality))
        self.modality_combo.setEnabled(modality is None)
        self.modality_combo.setToolTip(
            self.tr("Set by the dermatoscope's profile") if modality is not None else ""
        )

    def _lesion_chosen(self) -> None:
        lesion_id = self.lesion_combo.currentData()
        if lesion_id and self.record is not None:
            lesion = next((x for x in self.record.lesions if x.id == lesion_id), None)
            if lesion is not None:
                self.body_site_combo.blockSignals(True)
                self.set_body_site(lesion.body_site)
                self.body_site_combo.blockSignals(False)
        self._context_changed()

    def _context_changed(self) -> None:
        self.context_changed.emit()

    def context(self) -> CaptureContext:
        """Where the next photo goes, as chosen on screen (before the device profile)."""
        visit_id = self.visit_combo.currentData()
        return CaptureContext(
            patient_id=self.patient_id,
            visit_id=visit_id if isinstance(visit_id, str) else None,
            body_site=self.body_site_combo.currentData() or None,
            lesion_id=self.lesion_combo.currentData() or None,
            modality=str(self.modality_combo.currentData() or Modality.CLINICAL_OVERVIEW),
            tags=(pose_tag(pose),) if (pose := self.pose_combo.currentData()) else (),
        )

    def visit_date(self) -> dt.date:
        visit_id = self.visit_combo.currentData()
        if self.record is not None and isinstance(visit_id, str):
            for visit in self.record.visits:
                if visit.id == visit_id:
                    return visit.visit_date
        return dt.date.today()
