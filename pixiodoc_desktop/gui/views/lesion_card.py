"""The lesion chosen on the body map: its label and site, its status (assessed from its
measurements, or set by hand), its largest diameter over visits as a small chart, its
biopsies and excisions with their histology, and the button that records one.

The clinic's growth threshold is shown beside the chart; a workspace admin can change it
here (on the database worker; the service checks the role and audits the change).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.records.lesion_sizes import (
    MAX_GROWTH_MM,
    MIN_GROWTH_MM,
    LesionSizes,
    per_visit,
)
from pixiodoc_desktop.clinic.records.visits import LesionStatus, LesionSummary
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.locale_text import date_text, number_text
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.views.lesion_dialogs import ProcedureDialog, procedure_label
from pixiodoc_desktop.gui.widgets.body_map_pages import status_label
from pixiodoc_desktop.gui.widgets.lesion_chart import LesionChart


class LesionCard(QWidget):
    def __init__(self, ctx: GuiContext, state: SessionState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lesionCard")
        self.ctx = ctx
        self.state = state
        self.lesion: LesionSummary | None = None
        self.title = QLabel()
        self.title.setObjectName("bodyMapLesion")
        self.title.setWordWrap(True)
        self.status = QComboBox()
        self.status.setObjectName("bodyMapStatus")
        self.status.setAccessibleName(self.tr("Status"))
        for status in LesionStatus:
            self.status.addItem(status_label(status), status.value)
        self.chart = LesionChart()
        self.change = QLabel()
        self.change.setObjectName("lesionChange")
        self.change.setWordWrap(True)
        self.history = QLabel()
        self.history.setObjectName("lesionHistory")
        self.history.setWordWrap(True)
        self.procedure = QPushButton(self.tr("Biopsy/excision…"))
        self.procedure.setObjectName("lesionProcedure")
        self.procedure.setToolTip(self.tr("Record a biopsy or an excision with its histology"))
        self.threshold = QDoubleSpinBox()
        self.threshold.setObjectName("growthThreshold")
        self.threshold.setRange(MIN_GROWTH_MM, MAX_GROWTH_MM)
        self.threshold.setDecimals(1)
        self.threshold.setSingleStep(0.1)
        self.threshold.setSuffix(" mm")
        self.threshold.setAccessibleName(self.tr("Grown when the diameter grew by"))
        self.threshold.setToolTip(
            self.tr(
                "The clinic's threshold: a lesion whose largest diameter grew this much "
                "shows as grown. Workspace admins change it."
            )
        )
        # Short rows, each narrower than the side panel as it is before a lesion is chosen
        # (English and German, 1366x768): choosing one must not widen the panel and push
        # the timeline aside. The title wraps on a line of its own; what is done to the
        # lesion (its status, a biopsy or excision) shares a row; the threshold sits under
        # the chart it draws on.
        acts = QHBoxLayout()
        acts.addWidget(self.status)
        acts.addStretch(1)
        acts.addWidget(self.procedure)
        threshold_label = QLabel(self.tr("Threshold"))
        threshold_label.setBuddy(self.threshold)
        bottom = QHBoxLayout()
        bottom.setSpacing(4)
        bottom.addWidget(threshold_label)
        bottom.addWidget(self.threshold)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(acts)
        layout.addWidget(self.chart)
        layout.addWidget(self.change)
        layout.addWidget(self.history)
        layout.addLayout(bottom)
        self.status.activated.connect(self._set_status)
        self.procedure.clicked.connect(self._record_procedure)
        self.threshold.editingFinished.connect(self._set_threshold)
        self.show_lesion(None, 1.0)

    def show_lesion(self, lesion: LesionSummary | None, threshold_mm: float) -> None:
        self.lesion = lesion
        self.setVisible(lesion is not None)
        if lesion is None:
            return
        self.title.setText(f"{lesion.label} · {labels.body_site(lesion.body_site)}")
        self.status.setCurrentIndex(self.status.findData(lesion.status.value))
        self.chart.set_sizes(lesion.sizes, threshold_mm)
        self.change.setText(self._change_text(lesion))
        self.history.setText(self._history_text(lesion))
        self.history.setVisible(bool(lesion.history))
        self.threshold.blockSignals(True)
        self.threshold.setValue(threshold_mm)
        self.threshold.blockSignals(False)
        self.threshold.setEnabled(self.state.is_admin)

    def _change_text(self, lesion: LesionSummary) -> str:
        visits = per_visit(lesion.sizes)
        if not visits:
            return self.tr("Not measured yet: accept an outline in the compare view.")
        first, last = visits[0], visits[-1]
        if len(visits) == 1:
            return (
                self.tr("Largest diameter %1 mm, area %2 mm² (one visit)")
                .replace("%1", number_text(last.diameter_mm))
                .replace("%2", number_text(last.area_mm2))
            )
        grown = last.diameter_mm - first.diameter_mm
        return (
            self.tr("Largest diameter %1 → %2 mm (%3 mm), area %4 → %5 mm² over %6 visits")
            .replace("%1", number_text(first.diameter_mm))
            .replace("%2", number_text(last.diameter_mm))
            .replace("%3", ("+" if grown >= 0 else "") + number_text(grown))
            .replace("%4", number_text(first.area_mm2))
            .replace("%5", number_text(last.area_mm2))
            .replace("%6", str(len(visits)))
        )

    def _history_text(self, lesion: LesionSummary) -> str:
        lines = []
        for entry in lesion.history:
            line = f"{procedure_label(entry.kind)} · {date_text(entry.date)}"
            if entry.histology:
                line += f": {entry.histology}"
            lines.append(line)
        return "\n".join(lines)

    # --- acts ---------------------------------------------------------------------------

    def _set_status(self, _index: int) -> None:
        lesion = self.lesion
        if lesion is None:
            return
        session, status = self.ctx.session, str(self.status.currentData())

        def job() -> object:
            services, actor = session.require()
            return services.lesions.set_status(actor, lesion.id, status)

        def done(_result: object) -> None:
            self.ctx.changes.patient_changed.emit(lesion.patient_id)

        def failed(exc: Exception) -> None:
            self.status.setCurrentIndex(self.status.findData(lesion.status.value))
            self.ctx.notifier.failure(exc)

        self.ctx.worker.submit(job, done, failed)

    def _record_procedure(self) -> None:
        if self.lesion is not None:
            ProcedureDialog(self.ctx, self.lesion, self.window()).open()

    def _set_threshold(self) -> None:
        lesion, mm = self.lesion, round(self.threshold.value(), 1)
        if lesion is None:
            return
        session = self.ctx.session

        def job() -> object:
            services, actor = session.require()
            return LesionSizes(services.workstation).set_growth_threshold_mm(actor, mm)

        def done(_result: object) -> None:
            self.ctx.changes.patient_changed.emit(lesion.patient_id)

        self.ctx.worker.submit(job, done, self.ctx.notifier.failure)
