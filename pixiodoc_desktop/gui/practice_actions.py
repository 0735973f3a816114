"""The practice software and the hospital's worklist from the menus.

Patient > "Send visit to practice software" writes the GDT result (6310) of
the visit on screen (the selected photo's, else the newest) beside its PDF
report; Practice > "Today's worklist…" lists the DICOM worklist's steps and
opens the patient and a visit for the one taken. Vault work runs on the
database worker; the worklist query, which touches no vault, on the pool.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.views.practice_dialogs import GdtDialog, WorklistSettingsDialog
from pixiodoc_desktop.gui.views.worklist_dialog import WorklistDialog
from pixiodoc_desktop.gui.window_chrome import WindowMenus
from pixiodoc_desktop.gui.workers import DbOperation
from pixiodoc_desktop.practice import mpps, worklist
from pixiodoc_desktop.practice.exchange import ResultFiles, write_result
from pixiodoc_desktop.practice.settings import (
    GDT_SETTING,
    WORKLIST_SETTING,
    GdtSettings,
    WorklistSettings,
    configure_gdt,
    configure_worklist,
    load_gdt,
    load_worklist,
)

T = TypeVar("T")
log = logging.getLogger(__name__)


class PracticeActions(QObject):
    def __init__(
        self,
        ctx: GuiContext,
        state: SessionState,
        window: QWidget,
        menus: WindowMenus,
        *,
        selected_photo: Callable[[], str | None],
        open_patient: Callable[[str], None],
        open_capture: Callable[[str], Any],
        gdt_changed: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.state = state
        self.window = window
        self.selected_photo = selected_photo
        self.open_patient = open_patient
        self.open_capture = open_capture
        self.gdt_changed = gdt_changed
        self.gdt_configured = False
        self.worklist_configured = False
        self.dialog: WorklistDialog | None = None
        self.send_result = QAction(
            QCoreApplication.translate("PracticeActions", "Send visit to practice software"),
            window,
        )
        self.send_result.setObjectName("SendToPracticeSoftware")
        self.send_result.triggered.connect(self.send_visit)
        self.show_worklist = QAction(
            QCoreApplication.translate("PracticeActions", "Today's worklist…"), window
        )
        self.show_worklist.setObjectName("TodaysWorklist")
        self.show_worklist.triggered.connect(self.open_worklist)
        self.gdt_settings = QAction(
            QCoreApplication.translate("PracticeActions", "Practice software (GDT)…"), window
        )
        self.gdt_settings.setObjectName("GdtSettings")
        self.gdt_settings.triggered.connect(self.open_gdt_settings)
        self.worklist_settings = QAction(
            QCoreApplication.translate("PracticeActions", "DICOM worklist…"), window
        )
        self.worklist_settings.setObjectName("WorklistSettings")
        self.worklist_settings.triggered.connect(self.open_worklist_settings)
        menus.patient.addAction(self.send_result)
        menus.practice.addAction(self.show_worklist)
        menus.practice.addAction(self.gdt_settings)
        menus.practice.addAction(self.worklist_settings)
        state.unlocked.connect(self._workspace_shown)
        state.record_shown.connect(lambda _pid: self.update_enabled())
        state.locked.connect(self._locked)
        self.update_enabled()

    def update_enabled(self) -> None:
        unlocked = self.state.is_unlocked
        record = self.state.record
        self.send_result.setEnabled(
            self.gdt_configured and self.state.has_record() and bool(record and record.visits)
        )
        self.show_worklist.setVisible(unlocked and self.worklist_configured)
        self.show_worklist.setEnabled(unlocked and self.worklist_configured)
        admin = self.state.is_admin
        for item in (self.gdt_settings, self.worklist_settings):
            item.setVisible(admin)
            item.setEnabled(admin)

    def _workspace_shown(self, _clinician: object = None) -> None:
        session = self.ctx.session

        def known() -> tuple[bool, bool]:
            services, _actor = session.require()
            vault = services.workstation.vault
            return bool(vault.setting(GDT_SETTING)), bool(vault.setting(WORKLIST_SETTING))

        def deliver(value: tuple[bool, bool]) -> None:
            self.gdt_configured, self.worklist_configured = value
            self.update_enabled()

        DbOperation(known).success(deliver).failure(self.ctx.notifier.failure).run(self.ctx.worker)

    def _locked(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
        self.update_enabled()

    # --- settings (Admins) ---------------------------------------------------------------------

    def _current(self, load: Callable[[Any], T], show: Callable[[T | None], Any]) -> None:
        session = self.ctx.session

        def work() -> T | None:
            services, _actor = session.require()
            try:
                return load(services.workstation)
            except PixioDocError:
                return None

        DbOperation(work).success(show).failure(self.ctx.notifier.failure).run(self.ctx.worker)

    def open_gdt_settings(self) -> None:
        self._current(load_gdt, self.show_gdt_settings)

    def show_gdt_settings(self, current: GdtSettings | None) -> GdtDialog:
        dialog = GdtDialog(current, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.save_requested.connect(lambda wanted: self._save(dialog, configure_gdt, wanted))
        dialog.open()
        return dialog

    def open_worklist_settings(self) -> None:
        self._current(load_worklist, self.show_worklist_settings)

    def show_worklist_settings(self, current: WorklistSettings | None) -> WorklistSettingsDialog:
        dialog = WorklistSettingsDialog(current, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.save_requested.connect(lambda wanted: self._save(dialog, configure_worklist, wanted))
        dialog.open()
        return dialog

    def _save(self, dialog: QDialog, configure: Callable[..., Any], wanted: object) -> None:
        session = self.ctx.session

        def work() -> object:
            services, actor = session.require()
            return configure(services.workstation, actor, wanted)

        def saved(_settings: object) -> None:
            dialog.accept()
            self.ctx.notifier.info(QCoreApplication.translate("PracticeActions", "Settings saved."))
            if isinstance(wanted, GdtSettings):
                self.gdt_configured = True
                self.gdt_changed()
            else:
                self.worklist_configured = True
            self.update_enabled()

        DbOperation(work).success(saved).failure(self.ctx.notifier.failure).run(self.ctx.worker)

    # --- the result for the practice software ---------------------------------------------

    def _visit_on_screen(self) -> str | None:
        record = self.state.record
        if record is None or not record.visits:
            return None
        photo_id = self.selected_photo()
        for photo in record.photos:
            if photo.id == photo_id:
                return photo.visit_id
        return max(record.visits, key=lambda v: (v.visit_date, v.id)).id

    def send_visit(self) -> None:
        visit_id = self._visit_on_screen()
        if visit_id is None:
            return
        session = self.ctx.session

        def work() -> ResultFiles:
            services, actor = session.require()
            ws = services.workstation
            return write_result(ws, actor, visit_id, load_gdt(ws))

        def sent(files: ResultFiles) -> None:
            self.ctx.notifier.info(
                QCoreApplication.translate(
                    "PracticeActions", "Sent the visit to the practice software ({file})"
                ).format(file=files.gdt.name)
            )

        DbOperation(work).success(sent).failure(self.ctx.notifier.failure).run(self.ctx.worker)

    # --- today's worklist -------------------------------------------------------------------

    def open_worklist(self) -> WorklistDialog:
        if self.dialog is None:
            self.dialog = WorklistDialog(self.window)
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.destroyed.connect(lambda _obj=None: setattr(self, "dialog", None))
            self.dialog.refresh_requested.connect(self._query)
            self.dialog.take_requested.connect(self._take)
        self.dialog.show()
        self.dialog.raise_()
        self._query()
        return self.dialog

    def _query(self) -> None:
        session = self.ctx.session

        def settings() -> WorklistSettings:
            services, _actor = session.require()
            return load_worklist(services.workstation)

        DbOperation(settings).success(self._ask).failure(self.ctx.notifier.failure).run(
            self.ctx.worker
        )

    def _ask(self, settings: WorklistSettings) -> None:
        today = dt.date.today()

        def probe() -> object:
            try:
                return worklist.query(settings, today)
            except PixioDocError as exc:  # one line that says which; the window keeps working
                return error_text(exc)

        def shown(answer: Any) -> None:
            if self.dialog is None:
                return
            if isinstance(answer, str):
                self.dialog.show_error(answer)
            else:
                self.dialog.show_steps(answer)

        self.ctx.images.submit(probe, shown)

    def _take(self, step: worklist.ScheduledStep) -> None:
        session = self.ctx.session

        def work() -> tuple[worklist.TakenStep, WorklistSettings]:
            services, actor = session.require()
            ws = services.workstation
            return worklist.take(ws, actor, step), load_worklist(ws)

        def taken(value: tuple[worklist.TakenStep, WorklistSettings]) -> None:
            result, settings = value
            if result.created_visit:  # MPPS IN PROGRESS, if the worklist offers it
                self.ctx.images.submit(
                    lambda: self._report_start(settings, step, result.visit.id), lambda _s: None
                )
            if self.dialog is not None:
                self.dialog.accept()
            if result.created_patient:
                self.ctx.changes.patients_changed.emit()
            self.open_patient(result.patient.id)
            self.open_capture(result.patient.id)

        DbOperation(work).success(taken).failure(self.ctx.notifier.failure).run(self.ctx.worker)

    @staticmethod
    def _report_start(settings: WorklistSettings, step: worklist.ScheduledStep, visit: str) -> str:
        try:
            return mpps.start(settings, step, visit)
        except PixioDocError:  # the visit is there; the worklist only did not hear of it
            log.warning("The worklist did not take the performed procedure step")
            return "failed"
