"""Dialogs for records: patient, visit, lesion, consent, photo notes, and recovery-key reset.

Each dialog is a Designer form (`ui/<name>.ui`) plus a little code: fill
the pickers, send the change to the DB worker, show a refusal inside the
dialog, close on success and announce what changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.records.patients import PatientSummary, parse_date
from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.clinic.records.visits import MapPosition, VisitSummary
from pixiodoc_desktop.errors import InvalidInput, PixioDocError
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.forms import child, load_form
from pixiodoc_desktop.gui.locale_text import date_format
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.widgets.strength_meter import StrengthMeter
from pixiodoc_desktop.gui.workers import DbOperation


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


class FormDialog(QDialog):
    """A Designer form with OK/Cancel; `work()` runs on the DB worker."""

    def __init__(self, ctx: GuiContext, form_name: str, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setModal(True)
        host = QWidget(self)
        self.form = load_form(form_name, host)
        self.message = child(self.form, QLabel, "messageLabel")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(host)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def work(self) -> Callable[[], Any]:
        raise NotImplementedError

    def done_with(self, result: Any) -> None:
        """Called on the GUI thread with the worker's result."""

    def submit(self) -> None:
        try:
            job = self.work()
        except InvalidInput as exc:
            self.message.setText(error_text(exc))
            return
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        DbOperation(job).success(self._succeeded).failure(self._failed).run(self.ctx.worker)

    def _succeeded(self, result: Any) -> None:
        self.done_with(result)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        if isinstance(exc, PixioDocError):
            self.message.setText(error_text(exc))
        else:
            self.ctx.notifier.failure(exc)


class PatientDialog(FormDialog):
    saved = Signal(object)  # PatientSummary

    def __init__(
        self, ctx: GuiContext, patient: PatientSummary | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("New patient") if patient is None else self.tr("Edit patient")
        super().__init__(ctx, "patient", title, parent)
        self.patient = patient
        self.family = child(self.form, QLineEdit, "familyEdit")
        self.given = child(self.form, QLineEdit, "givenEdit")
        self.birth = child(self.form, QLineEdit, "birthEdit")
        self.sex = child(self.form, QComboBox, "sexCombo")
        self.external = child(self.form, QLineEdit, "externalEdit")
        self.notes = child(self.form, QPlainTextEdit, "notesEdit")
        for code in ("unknown", "female", "male", "other"):
            self.sex.addItem(labels.sex(code), code)
        if patient is not None:
            self.family.setText(patient.family_name)
            self.given.setText(patient.given_name)
            self.birth.setText(patient.birth_date.isoformat() if patient.birth_date else "")
            self.sex.setCurrentIndex(max(0, self.sex.findData(patient.sex)))
            self.external.setText(patient.external_id or "")
            self.notes.setPlainText(patient.notes)

    def work(self) -> Callable[[], PatientSummary]:
        session = self.ctx.session
        family, given = self.family.text(), self.given.text()
        if not family.strip():
            raise InvalidInput(self.tr("Enter the family name."))
        birth_text = self.birth.text().strip()
        birth = parse_date(birth_text, "date of birth") if birth_text else None
        sex, external, notes = (
            str(self.sex.currentData()),
            self.external.text(),
            self.notes.toPlainText(),
        )
        existing = self.patient

        def job() -> PatientSummary:
            services, actor = session.require()
            if existing is None:
                return services.patients.create(
                    actor,
                    family_name=family,
                    given_name=given,
                    birth_date=birth,
                    sex=sex,
                    external_id=external or None,
                    notes=notes,
                )
            return services.patients.update(
                actor,
                existing.id,
                family_name=family,
                given_name=given,
                birth_date=birth,
                sex=sex,
                external_id=external,
                notes=notes,
            )

        return job

    def done_with(self, result: Any) -> None:
        assert isinstance(result, PatientSummary)
        self.ctx.changes.patients_changed.emit()
        self.ctx.changes.patient_changed.emit(result.id)
        self.saved.emit(result)


class VisitDialog(FormDialog):
    def __init__(
        self,
        ctx: GuiContext,
        patient_id: str,
        visit: VisitSummary | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New visit") if visit is None else self.tr("Edit visit")
        super().__init__(ctx, "visit", title, parent)
        self.patient_id = patient_id
        self.visit = visit
        self.date = child(self.form, QDateEdit, "dateEdit")
        self.date.setDisplayFormat(date_format())  # 05.12.2026, as the timeline shows it
        self.reason = child(self.form, QLineEdit, "reasonEdit")
        self.conditions = child(self.form, QLineEdit, "conditionsEdit")
        self.treatment = child(self.form, QLineEdit, "treatmentEdit")
        self.notes = child(self.form, QPlainTextEdit, "notesEdit")
        self.date.setDate(_qdate(visit.visit_date if visit else dt.date.today()))
        self.date.setMaximumDate(_qdate(dt.date.today() + dt.timedelta(days=1)))
        if visit is not None:
            self.date.setEnabled(False)
            self.reason.setText(visit.reason)
            self.conditions.setText(", ".join(visit.conditions))
            self.treatment.setText(visit.treatment)
            self.notes.setPlainText(visit.notes)

    def work(self) -> Callable[[], VisitSummary]:
        session, patient_id, visit = self.ctx.session, self.patient_id, self.visit
        day = _pydate(self.date.date())
        reason, treatment = self.reason.text(), self.treatment.text()
        conditions, notes = _split(self.conditions.text()), self.notes.toPlainText()

        def job() -> VisitSummary:
            services, actor = session.require()
            if visit is None:
                return services.visits.create(
                    actor,
                    patient_id,
                    visit_date=day,
                    reason=reason,
                    conditions=conditions,
                    treatment=treatment,
                    notes=notes,
                )
            return services.visits.update(
                actor,
                visit.id,
                reason=reason,
                conditions=conditions,
                treatment=treatment,
                notes=notes,
            )

        return job

    def done_with(self, result: Any) -> None:
        self.ctx.changes.patient_changed.emit(self.patient_id)


class LesionDialog(FormDialog):
    def __init__(
        self,
        ctx: GuiContext,
        patient_id: str,
        parent: QWidget | None = None,
        *,
        site: str | None = None,
        place: MapPosition | None = None,
    ) -> None:
        super().__init__(ctx, "lesion", self.tr("Track a lesion"), parent)
        self.patient_id = patient_id
        self.place = place  # where it was clicked on the body map, if it was
        self.site = child(self.form, QComboBox, "siteCombo")
        self.label = child(self.form, QLineEdit, "labelEdit")
        self.notes = child(self.form, QPlainTextEdit, "notesEdit")
        for code, name in labels.body_sites_sorted():
            self.site.addItem(name, code)
        if site is not None:
            self.site.setCurrentIndex(max(0, self.site.findData(site)))

    def work(self) -> Callable[[], object]:
        session, patient_id, place = self.ctx.session, self.patient_id, self.place
        site, label, notes = (
            str(self.site.currentData()),
            self.label.text(),
            self.notes.toPlainText(),
        )
        if not label.strip():
            raise InvalidInput(self.tr("Give the lesion a label."))

        def job() -> object:
            services, actor = session.require()
            return services.lesions.create(
                actor, patient_id, body_site_code=site, label=label, notes=notes, position=place
            )

        return job

    def done_with(self, result: Any) -> None:
        self.ctx.changes.patient_changed.emit(self.patient_id)


class ConsentDialog(FormDialog):
    def __init__(self, ctx: GuiContext, patient_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "consent", self.tr("Record consent"), parent)
        self.patient_id = patient_id
        self.scope = child(self.form, QComboBox, "scopeCombo")
        self.decision = child(self.form, QComboBox, "decisionCombo")
        self.date = child(self.form, QDateEdit, "dateEdit")
        self.date.setDisplayFormat(date_format())  # 05.12.2026, as the timeline shows it
        self.note = child(self.form, QLineEdit, "noteEdit")
        for code in ("clinical", "consultation-screen", "sharing", "teaching", "publication"):
            self.scope.addItem(labels.consent_scope(code), code)
        self.decision.addItem(self.tr("Granted"), True)
        self.decision.addItem(self.tr("Refused"), False)
        self.date.setDate(_qdate(dt.date.today()))
        self.date.setMaximumDate(_qdate(dt.date.today()))

    def work(self) -> Callable[[], object]:
        session, patient_id = self.ctx.session, self.patient_id
        scope, granted = str(self.scope.currentData()), bool(self.decision.currentData())
        day, note = _pydate(self.date.date()), self.note.text()

        def job() -> object:
            services, actor = session.require()
            return services.consents.record(
                actor, patient_id, scope=scope, granted=granted, decided_on=day, note=note
            )

        return job

    def done_with(self, result: Any) -> None:
        self.ctx.changes.patient_changed.emit(self.patient_id)


class PhotoNotesDialog(FormDialog):
    def __init__(self, ctx: GuiContext, photo: PhotoSummary, parent: QWidget | None = None):
        super().__init__(ctx, "photo_notes", self.tr("Tags and notes"), parent)
        self.photo = photo
        self.tags = child(self.form, QLineEdit, "tagsEdit")
        self.notes = child(self.form, QPlainTextEdit, "notesEdit")
        self.tags.setText(", ".join(photo.tags))
        self.notes.setPlainText(photo.notes)

    def work(self) -> Callable[[], object]:
        session, photo_id = self.ctx.session, self.photo.id
        tags, notes = _split(self.tags.text()), self.notes.toPlainText()

        def job() -> object:
            services, actor = session.require()
            return services.photos.annotate(actor, photo_id, tags=tags, notes=notes)

        return job

    def done_with(self, result: Any) -> None:
        self.ctx.changes.photos_changed.emit(self.photo.patient_id)


class RecoveryDialog(FormDialog):
    """Unlock with the recovery key by giving a clinician a new password."""

    unlocked = Signal(object)  # LoginInfo

    def __init__(
        self, ctx: GuiContext, clinicians: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "recovery", self.tr("Use the recovery key"), parent)
        self.key = child(self.form, QLineEdit, "recoveryEdit")
        self.clinician = child(self.form, QComboBox, "clinicianCombo")
        self.password = child(self.form, QLineEdit, "passwordEdit")
        self.repeat = child(self.form, QLineEdit, "repeatEdit")
        self.meter = StrengthMeter(
            child(self.form, QProgressBar, "strengthBar"), child(self.form, QLabel, "strengthLabel")
        )
        for text, login in clinicians:
            self.clinician.addItem(text, login)
        self.password.textChanged.connect(self._rate)
        self.clinician.currentIndexChanged.connect(self._rate)

    def personal(self) -> tuple[str, ...]:
        """The chosen clinician's login and name, which the vault's rule checks against."""
        login = str(self.clinician.currentData() or "")
        name = self.clinician.currentText().removesuffix(f" ({login})")
        return (login, name)

    def _rate(self) -> None:
        self.meter.update(self.password.text(), self.personal())

    def work(self) -> Callable[[], object]:
        key, login = self.key.text().strip(), str(self.clinician.currentData())
        password = self.password.text()
        if not key:
            raise InvalidInput(self.tr("Enter the recovery key from the printed sheet."))
        if not self.meter.update(password, self.personal()).acceptable:
            raise InvalidInput(
                self.tr("Choose a stronger password.") + " " + self.meter.label.text()
            )
        if password != self.repeat.text():
            raise InvalidInput(self.tr("The two passwords differ."))
        session = self.ctx.session
        return lambda: session.reset_password(key, login, password)

    def submit(self) -> None:
        try:
            job = self.work()
        except InvalidInput as exc:
            self.message.setText(error_text(exc))
            return
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        DbOperation(job).success(self._succeeded).failure(self._failed).survive_lock().run(
            self.ctx.worker
        )

    def done_with(self, result: Any) -> None:
        self.key.clear()
        self.password.clear()
        self.repeat.clear()
        self.unlocked.emit(result)
