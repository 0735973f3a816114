"""The centre: the chosen patient's header, filters and timeline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.records.body_series import DEFAULT_PROTOCOL, pose_of
from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.clinic.records.second_opinions import SecondOpinionSummary
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.models.patients import describe
from pixiodoc_desktop.gui.pose_labels import pose_label
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.theme import color, current_theme, icon
from pixiodoc_desktop.gui.widgets.elided_combo import ElidedComboBox
from pixiodoc_desktop.gui.widgets.timeline_view import TimelineGroup, TimelineView, TimelineVisit

ANY = ""


def opinion_line(opinion: SecondOpinionSummary) -> str:
    """One line of the timeline: who and when, the suggested diagnosis, the recommendation."""
    who = opinion.author or QCoreApplication.translate("TimelinePanel", "a colleague")
    head = (
        QCoreApplication.translate("TimelinePanel", "Second opinion from %1, %2")
        .replace("%1", who)
        .replace("%2", date_text(opinion.when.astimezone().date()))
    )
    if opinion.diagnosis:
        head += " · " + QCoreApplication.translate("TimelinePanel", "suggested: %1").replace(
            "%1", opinion.diagnosis
        )
    if opinion.recommendation:
        head += " · " + opinion.recommendation.replace("\n", " ")
    if not opinion.seen:
        head = QCoreApplication.translate("TimelinePanel", "New") + " · " + head
    return head


def series_group(record: PatientRecord, series: dict[str, list[PhotoSummary]]) -> TimelineGroup:
    """A visit's total-body series as one group after the sites and lesions: the poses in
    the protocol's order, each photo captioned with its pose's name, and how many of the
    protocol's poses were taken. A pose shows a region of many sites (the front: chest,
    abdomen, arms, legs), so no one body site would be true of it."""
    protocol = record.series_poses or DEFAULT_PROTOCOL
    order = [p for p in protocol if p in series] + sorted(set(series) - set(protocol))
    done = sum(1 for p in protocol if p in series)
    title = (
        QCoreApplication.translate("TimelinePanel", "Total-body series · %1 of %2 poses")
        .replace("%1", str(done))
        .replace("%2", str(len(protocol)))
    )
    shown = [(p, photo) for p in order for photo in series[p]]
    captions = [pose_label(p, record.series_names) for p, _photo in shown]
    return TimelineGroup(title, [photo for _p, photo in shown], captions=captions)


def build_timeline(
    record: PatientRecord,
    *,
    site: str = ANY,
    lesion: str = ANY,
    condition: str = ANY,
    modality: str = ANY,
    no_site: str = "",
) -> list[TimelineVisit]:
    """Visits newest first, photos grouped by body site and lesion, filters applied."""
    lesion_names = {x.id: x.label for x in record.lesions}
    filtered = bool(site or lesion or condition or modality)
    by_visit: dict[str, list[PhotoSummary]] = {}
    for photo in record.photos:
        if site and photo.body_site != site:
            continue
        if lesion and photo.lesion_id != lesion:
            continue
        if modality and photo.modality != modality:
            continue
        by_visit.setdefault(photo.visit_id, []).append(photo)
    out: list[TimelineVisit] = []
    for visit in record.visits:
        if condition and condition not in visit.conditions:
            continue
        photos = by_visit.get(visit.id, [])
        if filtered and not photos:
            continue
        groups: dict[tuple[str, str], list[PhotoSummary]] = {}
        series: dict[str, list[PhotoSummary]] = {}
        for photo in photos:
            pose = pose_of(photo)
            if pose is not None:
                series.setdefault(pose, []).append(photo)  # a retaken pose shows twice
                continue
            groups.setdefault((photo.body_site or "", photo.lesion_id or ""), []).append(photo)
        timeline_groups = []
        for (site_code, lesion_id), members in groups.items():
            title = labels.body_site(site_code) if site_code else no_site
            lesion_label = lesion_names.get(lesion_id, "") if lesion_id else ""
            if lesion_label:
                title = f"{title} · {lesion_label}"
            timeline_groups.append(TimelineGroup(title, members, lesion_label))
        if series:
            timeline_groups.append(series_group(record, series))
        subtitle = " · ".join(part for part in (visit.reason, ", ".join(visit.conditions)) if part)
        opinions = [opinion_line(o) for o in record.opinions if o.visit_id == visit.id]
        out.append(
            TimelineVisit(visit, date_text(visit.visit_date), subtitle, timeline_groups, opinions)
        )
    return out


class TimelinePanel(QWidget):
    edit_patient_requested = Signal()
    new_visit_requested = Signal()
    new_lesion_requested = Signal()
    consent_requested = Signal()
    import_requested = Signal()

    def __init__(
        self,
        thumbnail: Callable[[str], QImage | None],
        request: Callable[[list[str]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("TimelinePanel")
        self.record: PatientRecord | None = None
        self._keep_scroll = False
        self._arriving = False  # a new PC still receives the clinic's records
        self.name_label = QLabel()
        self.name_label.setProperty("role", "patient")
        self.facts_label = QLabel()
        self.facts_label.setProperty("role", "muted")
        self.edit_button = self._tool("edit", self.tr("Edit patient"), self.edit_patient_requested)
        self.visit_button = self._tool("visit", self.tr("New visit"), self.new_visit_requested)
        self.lesion_button = self._tool(
            "lesion", self.tr("Track lesion"), self.new_lesion_requested
        )
        self.consent_button = self._tool("consent", self.tr("Consent"), self.consent_requested)
        self.import_button = self._tool(
            "import", self.tr("Import photos"), self.import_requested, label=True
        )
        # Name and facts on their own lines, the record's buttons in a row beneath: long
        # names and German words keep their room, and nothing moves when the patient changes.
        header = QVBoxLayout()
        header.setSpacing(2)
        header.addWidget(self.name_label)
        header.addWidget(self.facts_label)
        for label_widget in (self.name_label, self.facts_label):
            label_widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        buttons = QHBoxLayout()
        for button in (
            self.edit_button,
            self.visit_button,
            self.lesion_button,
            self.consent_button,
            self.import_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        header.addLayout(buttons)
        self.site_filter = self._filter(self.tr("Body site"))
        self.lesion_filter = self._filter(self.tr("Lesion"))
        self.condition_filter = self._filter(self.tr("Condition"))
        self.modality_filter = self._filter(self.tr("Modality"))
        filters = QHBoxLayout()
        self.filter_label = QLabel(self.tr("Show:"))
        self.filter_label.setProperty("role", "muted")
        filters.addWidget(self.filter_label)
        # The four share the row equally, whatever the patient's entries: the row does not
        # jump when the patient changes, and a long entry ends in "…" (whole in the tooltip).
        for combo in (
            self.site_filter,
            self.lesion_filter,
            self.condition_filter,
            self.modality_filter,
        ):
            filters.addWidget(combo, 1)
        self.timeline = TimelineView(thumbnail, request)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addLayout(filters)
        layout.addWidget(self.timeline, 1)
        self.apply_theme()
        self.show_record(None)

    def _tool(
        self, name: str, text: str, signal: SignalInstance, *, label: bool = False
    ) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(name))
        button.setText(text)
        button.setToolTip(text)
        button.setAccessibleName(text)
        # Words beside every icon: a newcomer does not guess what a pictogram does.
        del label
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.clicked.connect(signal)
        return button

    def _filter(self, name: str) -> ElidedComboBox:
        combo = ElidedComboBox(tip=name)
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.currentIndexChanged.connect(lambda _i: self._refilter())
        return combo

    def show_site(self, code: str) -> None:
        """Filter the timeline to one body site (chosen on the body map); all sites when the
        patient has no photo of it."""
        self.lesion_filter.setCurrentIndex(0)
        self.site_filter.setCurrentIndex(max(0, self.site_filter.findData(code)))

    def show_lesion(self, lesion_id: str) -> None:
        """Show one lesion's series (its marker was clicked on the body map)."""
        index = self.lesion_filter.findData(lesion_id)
        if index >= 0:
            self.site_filter.setCurrentIndex(0)
            self.lesion_filter.setCurrentIndex(index)

    def apply_theme(self) -> None:
        theme = current_theme()
        for key, name in (
            ("surface", "surface"),
            ("text", "text"),
            ("muted", "text-muted"),
            ("accent", "accent"),
            ("placeholder", "placeholder"),
            ("border", "border"),
            ("opinion", "accent-soft"),
        ):
            self.timeline.colours[key] = QColor(color(theme, name))

    def show_record(self, record: PatientRecord | None, *, refresh: bool = False) -> None:
        """Show a record; `refresh` (same patient, updated) keeps filters and scroll position."""
        same_patient = refresh and (
            record is not None
            and self.record is not None
            and record.patient.id == self.record.patient.id
        )
        self.record = record
        has = record is not None
        for widget in (
            self.edit_button,
            self.visit_button,
            self.lesion_button,
            self.consent_button,
            self.import_button,
            self.site_filter,
            self.lesion_filter,
            self.condition_filter,
            self.modality_filter,
            self.filter_label,
        ):
            widget.setEnabled(has)
        if record is None:
            self.name_label.setText(self.tr("No patient open"))
            self.facts_label.setText(self.tr("Choose a patient on the left, or create a new one."))
            self.timeline.set_content([], self.tr("No patient open."))
            return
        patient = record.patient
        self.name_label.setText(patient.display_name)
        facts = [describe(patient), labels.sex(patient.sex)]
        facts.append(self.tr("%n photo(s)", "", patient.photo_count))
        facts.append(self.tr("Access: %1").replace("%1", labels.access_level(patient.access)))
        self.facts_label.setText(" · ".join(f for f in facts if f))
        self._fill_filters(record, keep=same_patient)
        self._keep_scroll = same_patient
        self._refilter()
        self._keep_scroll = False

    def set_catching_up(self, progress: object) -> None:
        """`progress` (sync's CatchingUp) while this new PC still receives the clinic's
        records, else None: an empty timeline then says the photos are on their way."""
        arriving = progress is not None
        if arriving == self._arriving:
            return
        self._arriving = arriving
        if self.record is not None:
            self._keep_scroll = True
            self._refilter()
            self._keep_scroll = False

    def _fill_filters(self, record: PatientRecord, *, keep: bool) -> None:
        def fill(combo: ElidedComboBox, everything: str, entries: list[tuple[str, str]]) -> None:
            current = combo.currentData() if keep else ANY
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, ANY)
            for code, text in entries:
                combo.addItem(text, code)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
            # The list opens as wide as its longest entry, the closed box keeps its width.
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
            # However short of room the row is, the "All ..." words stay whole ("Alle
            # Körperstellen", not "Alle Körperst…"); this depends on the language only.
            combo.setMinimumWidth(
                combo.width()
                - combo.text_room()
                + combo.fontMetrics().horizontalAdvance(everything)
                + 2
            )

        sites = sorted({p.body_site for p in record.photos if p.body_site})
        fill(self.site_filter, self.tr("All body sites"), [(s, labels.body_site(s)) for s in sites])
        fill(self.lesion_filter, self.tr("All lesions"), [(x.id, x.label) for x in record.lesions])
        conditions = sorted({c for v in record.visits for c in v.conditions})
        fill(self.condition_filter, self.tr("All conditions"), [(c, c) for c in conditions])
        modalities = sorted({p.modality for p in record.photos})
        fill(
            self.modality_filter,
            self.tr("All modalities"),
            [(m, labels.modality(m)) for m in modalities],
        )

    def _refilter(self) -> None:
        if self.record is None:
            return
        entries = build_timeline(
            self.record,
            site=str(self.site_filter.currentData() or ANY),
            lesion=str(self.lesion_filter.currentData() or ANY),
            condition=str(self.condition_filter.currentData() or ANY),
            modality=str(self.modality_filter.currentData() or ANY),
            no_site=self.tr("Body site not recorded"),
        )
        if self._arriving:  # a visit without photos: they have not come yet
            note = self.tr("Photos still arriving from the clinic…")
            entries = [replace(entry, empty_note=note) for entry in entries]
        if self._arriving and not self.record.photos:
            empty = self.tr(
                "This patient's photos are still arriving from the clinic.\n"
                "They appear here as soon as they are in."
            )
        elif not self.record.visits:
            empty = self.tr("No photos yet.\nDrag images here, or press Ctrl+I to import.")
        else:
            empty = self.tr("No photos match these filters.")
        self.timeline.set_content(entries, empty, keep_scroll=self._keep_scroll)
