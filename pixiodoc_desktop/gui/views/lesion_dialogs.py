"""Recording a lesion's biopsy or excision (date and histology text) from the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDateEdit, QPlainTextEdit, QWidget

from pixiodoc_desktop.clinic.records.visits import LesionSummary, ProcedureKind
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.forms import child
from pixiodoc_desktop.gui.locale_text import date_format
from pixiodoc_desktop.gui.views.dialogs import FormDialog, _pydate, _qdate


def procedure_label(kind: ProcedureKind) -> str:
    return {
        ProcedureKind.BIOPSY: QCoreApplication.translate("LesionCard", "Biopsy"),
        ProcedureKind.EXCISION: QCoreApplication.translate("LesionCard", "Excision"),
    }[kind]


class ProcedureDialog(FormDialog):
    """A biopsy or excision of the lesion; its status follows (the service audits it)."""

    def __init__(self, ctx: GuiContext, lesion: LesionSummary, parent: QWidget | None = None):
        super().__init__(
            ctx, "procedure", self.tr("Biopsy or excision: %1").replace("%1", lesion.label), parent
        )
        self.lesion = lesion
        self.kind = child(self.form, QComboBox, "kindCombo")
        self.date = child(self.form, QDateEdit, "dateEdit")
        self.histology = child(self.form, QPlainTextEdit, "histologyEdit")
        for kind in ProcedureKind:
            self.kind.addItem(procedure_label(kind), kind.value)
        self.date.setDisplayFormat(date_format())
        self.date.setDate(_qdate(dt.date.today()))
        self.date.setMaximumDate(_qdate(dt.date.today()))

    def work(self) -> Callable[[], object]:
        session, lesion_id = self.ctx.session, self.lesion.id
        kind, day = str(self.kind.currentData()), _pydate(self.date.date())
        histology = self.histology.toPlainText()

        def job() -> object:
            services, actor = session.require()
            return services.lesions.record_procedure(
                actor, lesion_id, kind, date=day, histology=histology
            )

        return job

    def done_with(self, result: Any) -> None:
        self.ctx.changes.patient_changed.emit(self.lesion.patient_id)
