"""Break the glass from the Patient menu, and the notice above a record opened that way.

The clinician gives the patient's number and a reason; the service opens
an audited, View Only emergency access, and the record opens as usual. The
banner above the timeline says so (with a button to end it early), or that
the record is a View Only case from an outside colleague.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout, QMenu, QWidget

from pixiodoc_desktop.clinic.access.emergency import EmergencyAccesses, EmergencySummary
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.views.emergency_dialog import EmergencyDialog, RecordBanner
from pixiodoc_desktop.gui.workers import DbOperation

if TYPE_CHECKING:
    from collections.abc import Callable

    from pixiodoc_desktop.clinic.workstation import Actor, Workstation


class EmergencyAccessControl(QObject):
    """The Patient-menu entry (put into `menu` before `before`) and the banner over `record_view`.

    `open_patient` opens the record once the access is granted; `close_record`
    closes it when the access ends early.
    """

    def __init__(
        self,
        ctx: GuiContext,
        state: SessionState,
        window: QWidget,
        menu: QMenu,
        before: QAction,
        record_view: QWidget,
        *,
        open_patient: Callable[[str], None],
        close_record: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.state = state
        self.open_patient = open_patient
        self.close_record = close_record
        self.current: EmergencySummary | None = None
        self.action = QAction(
            QCoreApplication.translate("EmergencyAccessControl", "Emergency access…"), window
        )
        self.action.setObjectName("EmergencyAccess")
        self.action.triggered.connect(self.open_dialog)
        menu.insertAction(before, self.action)
        self.banner = RecordBanner()
        self.banner.end_requested.connect(self.end)
        layout = record_view.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, self.banner)
        state.record_shown.connect(self._record_shown)
        state.unlocked.connect(self._update)
        state.locked.connect(self._locked)
        self._update()

    def _update(self, _clinician: object = None) -> None:
        self.action.setEnabled(self.state.is_unlocked)

    def _locked(self) -> None:
        self.current = None
        self.banner.show_notice(None)
        self._update()

    def _run(
        self,
        job: Callable[[Workstation, Actor], Any],
        done: Callable[[Any], object],
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        session = self.ctx.session

        def work() -> Any:
            services, actor = session.require()
            return job(services.workstation, actor)

        def deliver(value: Any) -> None:
            done(value)

        DbOperation(work).success(deliver).failure(failed or self.ctx.notifier.failure).run(
            self.ctx.worker
        )

    def open_dialog(self) -> EmergencyDialog | None:
        if not self.state.is_unlocked:
            return None
        dialog = EmergencyDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def requested(number: str, reason: str) -> None:
            def failed(exc: Exception) -> None:
                if isinstance(exc, PixioDocError):
                    dialog.show_error(error_text(exc))
                else:
                    self.ctx.notifier.failure(exc)

            def opened(access: EmergencySummary) -> None:
                self.current = access
                dialog.accept()
                self.open_patient(access.patient_id)

            self._run(
                lambda ws, actor: EmergencyAccesses(ws).start_by_external_id(actor, number, reason),
                opened,
                failed,
            )

        dialog.requested.connect(requested)
        dialog.open()
        return dialog

    def _record_shown(self, patient_id: str) -> None:
        record = self.state.record
        if record is None or record.patient.id != patient_id:
            self.current = None
            self.banner.show_notice(None)
            return
        self._run(
            lambda ws, actor: [
                a for a in EmergencyAccesses(ws).active(actor) if a.patient_id == patient_id
            ],
            lambda found: self._show_banner(patient_id, found),
        )

    def _show_banner(self, patient_id: str, accesses: list[EmergencySummary]) -> None:
        record = self.state.record
        if record is None or record.patient.id != patient_id:
            return
        self.current = accesses[0] if accesses else None
        if self.current is not None:
            until = self.current.expires_at.replace(tzinfo=dt.UTC).astimezone()
            self.banner.show_notice(
                self.banner.emergency_text(self.current.reason, f"{until:%H:%M}"), emergency=True
            )
        elif record.patient.origin:
            self.banner.show_notice(self.banner.origin_text(record.patient.origin))
        else:
            self.banner.show_notice(None)

    def end(self) -> None:
        access = self.current
        if access is None:
            return

        def ended(_summary: EmergencySummary) -> None:
            self.current = None
            self.banner.show_notice(None)
            if self.state.patient_id == access.patient_id:
                self.close_record()
            self.ctx.notifier.info(
                QCoreApplication.translate("EmergencyAccessControl", "Emergency access ended.")
            )

        self._run(lambda ws, actor: EmergencyAccesses(ws).end(actor, access.id), ended)
