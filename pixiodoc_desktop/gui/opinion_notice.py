"""Telling the clinician who shared a link that a second opinion has arrived.

After every sync round (the one that collects a reply on this PC, or the one
that brings it from another PC) the clinician's unseen opinions are read on
the vault worker. A new one is said once in the status bar; while any is
unseen, a button in the status bar names the record (a click opens it) and
the patient list shows a badge beside the patient. Opening the record marks
its opinions seen (gui/session.py), which clears both.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QPushButton, QStatusBar

from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.models.patients import PatientListModel
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.theme import icon
from pixiodoc_desktop.gui.workers import DbOperation
from pixiodoc_desktop.sync.engine import SyncReport

Unseen = list[tuple[str, str, str]]  # (opinion id, patient id, patient's name)


class OpinionNotice(QObject):
    def __init__(
        self,
        ctx: GuiContext,
        state: SessionState,
        bar: QStatusBar,
        patients: PatientListModel,
        open_patient: Callable[[str], None],
        round_finished: object,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = state
        self.patients = patients
        self.open_patient = open_patient
        self.button = QPushButton()
        self.button.setObjectName("SecondOpinionNotice")
        self.button.setFlat(True)
        self.button.hide()
        bar.addPermanentWidget(self.button)
        self.button.clicked.connect(self._open)
        self._known: set[str] = set()
        self._first = ""
        state.unlocked.connect(lambda _info: self.check(announce=False))
        state.patient_opened.connect(lambda _pid: self.check(announce=False))
        state.locked.connect(self.clear)
        round_finished.connect(self._round_finished)  # type: ignore[attr-defined]

    def _round_finished(self, result: object) -> None:
        if isinstance(result, SyncReport) and self.state.is_unlocked:
            self.check(announce=True)

    def check(self, *, announce: bool) -> None:
        session = self.ctx.session
        DbOperation(session.unseen_opinions).success(
            lambda rows: self._show(rows, announce=announce)
        ).run(self.ctx.worker)

    def _show(self, rows: Unseen, *, announce: bool) -> None:
        if not self.state.is_unlocked:
            return
        new = [row for row in rows if row[0] not in self._known]
        self._known = {row[0] for row in rows}
        records = {pid: name for _oid, pid, name in rows}
        self.patients.set_flagged(set(records), icon("opinion"))
        if not records:
            self.button.hide()
            self._first = ""
            return
        self._first = rows[0][1]
        if len(records) == 1:
            text = QCoreApplication.translate("OpinionNotice", "New second opinion: %1").replace(
                "%1", next(iter(records.values()))
            )
        else:
            text = QCoreApplication.translate(
                "OpinionNotice", "New second opinions on %1 records"
            ).replace("%1", str(len(records)))
        self.button.setIcon(icon("opinion"))
        self.button.setText(text)
        self.button.setToolTip(
            QCoreApplication.translate("OpinionNotice", "Open the record to read it")
        )
        self.button.show()
        if announce and new:
            for patient_id in dict.fromkeys(pid for _oid, pid, _name in new):
                self.ctx.changes.patient_changed.emit(patient_id)  # an open record shows it
            name = new[0][2]
            self.ctx.notifier.info(
                QCoreApplication.translate(
                    "OpinionNotice", "A second opinion arrived for %1."
                ).replace("%1", name)
                if len({pid for _o, pid, _n in new}) == 1
                else QCoreApplication.translate(
                    "OpinionNotice", "Second opinions arrived for %1 records."
                ).replace("%1", str(len({pid for _o, pid, _n in new})))
            )

    def _open(self) -> None:
        if self._first:
            self.open_patient(self._first)

    def clear(self) -> None:
        self._known = set()
        self._first = ""
        self.button.hide()
        self.patients.set_flagged(set(), icon("opinion"))
