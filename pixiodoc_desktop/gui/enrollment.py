"""Practice > "Enrollment code for another PC…" and what its Create button runs.

The code comes from `sync.enroll.create_enrollment`, the same function as `pixiodoc sync
enroll-code`: it refuses anyone but a practice Admin (audited as SECURITY_ALERT, denied)
and audits each code it makes (SECURITY_SETTING_CHANGED, "workstation enrollment code");
an unconfigured PC is refused by `store_settings` (SyncNotConfigured). It runs on the
vault worker as the logged-in clinician; the dialog shows the code or the typed error,
and beside the code the clinic's bucket as a new PC's Join your clinic… form asks for it
(the secret key copied unseen, never shown).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.views.enrollment_dialog import EnrollmentDialog
from pixiodoc_desktop.gui.workers import DbOperation
from pixiodoc_desktop.sync.enroll import create_enrollment
from pixiodoc_desktop.sync.settings import SyncTarget, store_settings
from pixiodoc_desktop.sync.store import ObjectStore, StoreSettings

if TYPE_CHECKING:
    from pixiodoc_desktop.gui.sync_scheduler import SyncScheduler


class Enrollment(QObject):
    def __init__(self, scheduler: SyncScheduler, menu: QMenu) -> None:
        super().__init__(scheduler)
        self.scheduler = scheduler
        self.dialog: EnrollmentDialog | None = None
        self.action = QAction(
            QCoreApplication.translate("Enrollment", "Enrollment code for another PC…"),
            scheduler.window,
        )
        self.action.setObjectName("EnrollmentCode")
        self.action.triggered.connect(self.open)
        menu.addAction(self.action)

    def update(self, admin: bool) -> None:
        """An Admin's entry, like Sync settings…: a Clinician's menu does not offer it (the
        core refuses anyone else all the same, audited)."""
        self.action.setVisible(admin)
        self.action.setEnabled(admin)

    def open(self) -> EnrollmentDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = EnrollmentDialog(self.scheduler.window)
        dialog.create_requested.connect(self._create)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.show()
        return dialog

    def close(self) -> None:
        """On lock: the code leaves the screen with the rest."""
        if self.dialog is not None:
            self.dialog.reject()

    def _create(self, minutes: int) -> None:
        session = self.scheduler.ctx.session
        dialog = self.dialog

        def work() -> tuple[str, dt.datetime, StoreSettings]:
            services, actor = session.require()
            ws = services.workstation
            settings = store_settings(ws.vault)
            store = ObjectStore(settings)
            code, expires = create_enrollment(
                ws, store, actor, valid_for=dt.timedelta(minutes=minutes)
            )
            return code, expires, settings

        def done(made: tuple[str, dt.datetime, StoreSettings]) -> None:
            if dialog is not None and dialog is self.dialog:
                code, expires, settings = made
                dialog.show_code(code, expires)
                # What the new PC's Join your clinic… form asks for beside the code.
                target = SyncTarget(
                    settings.endpoint, settings.region, settings.bucket, settings.prefix
                )
                dialog.show_bucket(target, settings.access_key, settings.secret_key)

        def failed(exc: Exception) -> None:
            if dialog is None or dialog is not self.dialog:
                return
            text = error_text(exc) if isinstance(exc, PixioDocError) else type(exc).__name__
            dialog.show_error(text)  # SyncNotConfigured names where sync is set up

        DbOperation(work).success(done).failure(failed).run(self.scheduler.ctx.worker)
