"""The right-hand panel: the selected photo's metadata, tags and notes, the visit, and consent."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.clinic.records.visits import VisitSummary
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.locale_text import date_text, date_time_text, number_text, short_number
from pixiodoc_desktop.gui.session import PatientRecord


def _value() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DetailsPanel(QScrollArea):
    edit_notes_requested = Signal()
    edit_visit_requested = Signal()
    consent_requested = Signal()
    open_viewer_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DetailsPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(290)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Details"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        self.photo_title = self._section(layout, self.tr("Photo"))
        self.hint = QLabel(self.tr("Select a photo in the timeline."))
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.photo_form = QFormLayout()
        self.photo_fields: dict[str, QLabel] = {}
        for key, text in (
            ("site", self.tr("Body site")),
            ("modality", self.tr("Modality")),
            ("captured", self.tr("Captured")),
            ("device", self.tr("Device")),
            ("size", self.tr("Size")),
            ("tags", self.tr("Tags")),
            ("notes", self.tr("Notes")),
        ):
            field = _value()
            field.setAccessibleName(text)
            self.photo_fields[key] = field
            self.photo_form.addRow(text, field)
        layout.addLayout(self.photo_form)
        self.open_button = QPushButton(self.tr("Open in viewer"))
        self.notes_button = QPushButton(self.tr("Edit tags and notes…"))
        layout.addWidget(self.open_button)
        layout.addWidget(self.notes_button)
        self.visit_title = self._section(layout, self.tr("Visit"))
        self.visit_form = QFormLayout()
        self.visit_fields: dict[str, QLabel] = {}
        for key, text in (
            ("date", self.tr("Date")),
            ("reason", self.tr("Reason")),
            ("conditions", self.tr("Conditions")),
            ("treatment", self.tr("Treatment")),
            ("notes", self.tr("Notes")),
        ):
            field = _value()
            field.setAccessibleName(text)
            self.visit_fields[key] = field
            self.visit_form.addRow(text, field)
        layout.addLayout(self.visit_form)
        self.visit_button = QPushButton(self.tr("Edit visit…"))
        layout.addWidget(self.visit_button)
        self.opinions_title = self._section(layout, self.tr("Second opinions"))
        self.opinions_label = _value()
        self.opinions_label.setObjectName("SecondOpinions")
        self.opinions_label.setAccessibleName(self.tr("Second opinions"))
        self.opinions_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.opinions_label)
        self.consent_title = self._section(layout, self.tr("Consent"))
        self.consent_label = _value()
        self.consent_label.setAccessibleName(self.tr("Consent"))
        layout.addWidget(self.consent_label)
        self.consent_button = QPushButton(self.tr("Record consent…"))
        layout.addWidget(self.consent_button)
        layout.addStretch(1)
        self.setWidget(body)
        self.open_button.clicked.connect(self.open_viewer_requested)
        self.notes_button.clicked.connect(self.edit_notes_requested)
        self.visit_button.clicked.connect(self.edit_visit_requested)
        self.consent_button.clicked.connect(self.consent_requested)
        self.record: PatientRecord | None = None
        self.photo: PhotoSummary | None = None
        self.visit: VisitSummary | None = None
        self.show_record(None)

    def _section(self, layout: QVBoxLayout, text: str) -> QLabel:
        label = QLabel(text)
        label.setProperty("role", "section")
        layout.addWidget(label)
        return label

    def show_record(self, record: PatientRecord | None, photo_id: str | None = None) -> None:
        self.record = record
        self.photo = None
        if record is not None and photo_id is not None:
            self.photo = next((p for p in record.photos if p.id == photo_id), None)
        self._show_photo()
        self._show_opinions()
        self._show_consent()

    def show_photo(self, photo_id: str | None) -> None:
        self.show_record(self.record, photo_id)

    def _show_photo(self) -> None:
        photo = self.photo
        has = photo is not None
        for widget in (self.open_button, self.notes_button, self.visit_button):
            widget.setEnabled(has)
        self.visit = None
        if photo is None:
            for field in (*self.photo_fields.values(), *self.visit_fields.values()):
                field.clear()
            self.hint.setVisible(True)
            return
        self.hint.setVisible(False)
        assert self.record is not None
        lesion = next((x for x in self.record.lesions if x.id == photo.lesion_id), None)
        site = labels.body_site(photo.body_site)
        self.photo_fields["site"].setText(f"{site} · {lesion.label}" if lesion else site)
        modality = labels.modality(photo.modality)
        if photo.contact is not None:
            modality += " · " + (self.tr("contact") if photo.contact else self.tr("non-contact"))
        if photo.magnification:
            magnified = self.tr("%1× magnification").replace(
                "%1", short_number(photo.magnification)
            )
            modality += " · " + magnified
        self.photo_fields["modality"].setText(modality)
        captured = date_time_text(photo.captured_at) if photo.captured_at else "—"
        self.photo_fields["captured"].setText(captured)
        self.photo_fields["device"].setText(photo.device or "—")
        megabytes = number_text(
            photo.size_bytes / 1_048_576, 2 if photo.size_bytes < 104_858 else 1
        )
        size = f"{photo.width} × {photo.height} px · {megabytes} MB"
        if photo.calibration_px_per_mm:
            size += " · " + self.tr("%1 px/mm").replace(
                "%1", short_number(photo.calibration_px_per_mm)
            )
        self.photo_fields["size"].setText(size)
        self.photo_fields["tags"].setText(", ".join(photo.tags) or "—")
        self.photo_fields["notes"].setText(photo.notes or "—")
        visit = next((v for v in self.record.visits if v.id == photo.visit_id), None)
        self.visit = visit
        if visit is not None:
            self.visit_fields["date"].setText(date_text(visit.visit_date))
            self.visit_fields["reason"].setText(visit.reason or "—")
            self.visit_fields["conditions"].setText(", ".join(visit.conditions) or "—")
            self.visit_fields["treatment"].setText(visit.treatment or "—")
            self.visit_fields["notes"].setText(visit.notes or "—")

    def _show_opinions(self) -> None:
        """The selected photo's visit's opinions (all of the record's when none is selected)."""
        record = self.record
        opinions = list(record.opinions) if record is not None else []
        if self.photo is not None:
            opinions = [o for o in opinions if o.visit_id == self.photo.visit_id]
        visible = bool(opinions)
        self.opinions_title.setVisible(visible)
        self.opinions_label.setVisible(visible)
        blocks = []
        for opinion in opinions:
            who = escape(opinion.author or self.tr("a colleague"))
            lines = [f"<b>{who}</b> · {date_time_text(opinion.when.astimezone())}"]
            if not opinion.seen:
                new = self.tr("New")
                lines[0] = f"<b>{escape(new)}</b> · " + lines[0]
            lines.append(escape(opinion.opinion).replace("\n", "<br>"))
            if opinion.diagnosis:
                lines.append(
                    escape(self.tr("Suggested diagnosis: %1").replace("%1", opinion.diagnosis))
                )
            if opinion.recommendation:
                lines.append(
                    escape(
                        self.tr("Recommendation: %1").replace("%1", opinion.recommendation)
                    ).replace("\n", "<br>")
                )
            if self.photo is not None and opinion.marks_on(self.photo.id):
                count = str(len(opinion.marks_on(self.photo.id)))
                marked = self.tr("Marks on this photo: %1").replace("%1", count)
                lines.append(f"<i>{escape(marked)}</i>")
            blocks.append("<br>".join(lines))
        self.opinions_label.setText("<hr>".join(blocks))

    def _show_consent(self) -> None:
        record = self.record
        self.consent_button.setEnabled(record is not None)
        if record is None:
            self.consent_label.clear()
            return
        if not record.consents:
            self.consent_label.setText(self.tr("No consent recorded yet."))
            return
        lines = []
        for decision in sorted(record.consents, key=lambda d: d.scope):
            state = self.tr("granted") if decision.granted else self.tr("refused")
            lines.append(
                f"{labels.consent_scope(decision.scope)}: {state} "
                f"({date_text(decision.decided_on)})"
            )
        self.consent_label.setText("\n".join(lines))
