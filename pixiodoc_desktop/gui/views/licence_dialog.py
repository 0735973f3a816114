"""File › Licence…: the clinic's plan, seats, expiry and limits, and installing a licence file.

`clinic.access.plans.Plans` reads and installs (a practice Admin; audited);
the dialog shows what it says and why a licence was not honoured.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.access.plans import Plan, Plans
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.folder_names import documents_folder
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.notify import error_text, translated_message
from pixiodoc_desktop.gui.workers import DbOperation


@dataclass(frozen=True, slots=True)
class LicenceState:
    plan: Plan
    patients: int


class LicenceDialog(QDialog):
    installed = Signal(object)  # Plan

    def __init__(self, ctx: GuiContext, *, is_admin: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LicenceDialog")
        self.ctx = ctx
        self.setWindowTitle(self.tr("Licence"))
        self.plan_label = QLabel()
        self.plan_label.setObjectName("LicencePlan")
        font = self.plan_label.font()
        font.setBold(True)
        self.plan_label.setFont(font)
        self.clinic = QLabel()
        self.seats = QLabel()
        self.seats.setObjectName("LicenceSeats")
        self.patients = QLabel()
        self.patients.setObjectName("LicencePatients")
        self.expires = QLabel()
        self.expires.setObjectName("LicenceExpires")
        self.features = QLabel()
        self.features.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("LicenceProblem")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Plan"), self.plan_label)
        form.addRow(self.tr("Licensed to"), self.clinic)
        form.addRow(self.tr("Clinicians"), self.seats)
        form.addRow(self.tr("Patients"), self.patients)
        form.addRow(self.tr("Valid until"), self.expires)
        form.addRow(self.tr("Includes"), self.features)
        self.install_button = QPushButton(self.tr("Install licence file…"))
        self.install_button.setObjectName("InstallLicenceButton")
        self.install_button.clicked.connect(self.choose_file)
        self.install_button.setEnabled(is_admin)
        if not is_admin:
            self.install_button.setToolTip(self.tr("Only a practice Admin may install a licence."))
        self.message = QLabel()
        self.message.setObjectName("LicenceMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.install_button)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.refresh()

    def refresh(self) -> None:
        session = self.ctx.session

        def job() -> LicenceState:
            services, _actor = session.require()
            plans = Plans(services.workstation)
            return LicenceState(plans.current(), plans.patient_count())

        DbOperation(job).success(self.show_state).failure(self.ctx.notifier.failure).run(
            self.ctx.worker
        )

    def _plan_name(self, plan: Plan) -> str:
        return {
            "free": self.tr("Free"),
            "pro": self.tr("Pro"),
            "teams": self.tr("Teams"),
            "demo": self.tr("Demo (every feature, to try)"),
        }.get(plan.name, plan.label)

    def show_state(self, state: LicenceState) -> None:
        plan = state.plan
        self.plan_label.setText(self._plan_name(plan))
        self.clinic.setText(plan.clinic or "—")
        limit = plan.max_clinicians
        self.seats.setText(
            self.tr("up to %1 active").replace("%1", str(limit))
            if limit is not None
            else self.tr("no limit")
        )
        patients = plan.max_patients
        self.patients.setText(
            self.tr("%1 of %2").replace("%1", str(state.patients)).replace("%2", str(patients))
            if patients is not None
            else self.tr("%1 (no limit)").replace("%1", str(state.patients))
        )
        self.expires.setText(date_text(plan.expires) if plan.expires else self.tr("no expiry"))
        names = {
            "unlimited_patients": self.tr("unlimited patients"),
            "progress_slider": self.tr("before/after slider"),
            "sharing_between_clinicians": self.tr("sharing a record with chosen colleagues"),
        }
        # What every plan has, then what this plan adds: the list says what the plan really
        # includes, not only what the cheaper plans lack.
        every_plan = [
            self.tr("capture and import"),
            self.tr("timeline and body map"),
            self.tr("comparison and measurements"),
            self.tr("PDF reports"),
            self.tr("case bundles and secure links for outside colleagues"),
        ]
        chosen = [names[f] for f in sorted(plan.features) if f in names]
        self.features.setText(", ".join(every_plan + chosen))
        # The list wraps to several lines: the label and the dialog grow to show them all.
        width = max(self.features.width(), 340)
        needed = self.features.fontMetrics().boundingRect(
            0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap), self.features.text()
        )
        self.features.setMinimumHeight(needed.height() + 4)
        self.adjustSize()
        self.problem.setText(translated_message(plan.problem) if plan.problem else "")
        self.problem.setVisible(bool(plan.problem))

    def ask_open_path(self) -> Path | None:
        """The licence file to install (tests replace this)."""
        name, _chosen = QFileDialog.getOpenFileName(
            self,
            self.tr("Install licence file"),
            str(documents_folder()),
            self.tr("PixioDoc licence (*.pxlicence *.json);;All files (*)"),
        )
        return Path(name) if name else None

    def choose_file(self) -> None:
        path = self.ask_open_path()
        if path is not None:
            self.install(path)

    def install(self, path: Path) -> None:
        session = self.ctx.session

        def job() -> Plan:
            services, actor = session.require()
            return Plans(services.workstation).install_file(actor, path)

        def done(plan: Plan) -> None:
            self.message.setText(
                self.tr("Licence installed: %1.").replace("%1", self._plan_name(plan))
            )
            self.refresh()
            self.installed.emit(plan)

        def failed(exc: Exception) -> None:
            if isinstance(exc, PixioDocError):
                self.message.setText(error_text(exc))
            else:
                self.ctx.notifier.failure(exc)

        DbOperation(job).success(done).failure(failed).run(self.ctx.worker)
