"""The status bar's "Re-join the clinic…" button, its Practice menu entry and what they run.

Shown while this PC's rounds fail with `SyncWorkspaceRetired` (another workstation
renewed the practice's keys). The dialog's code and password go to
`sync.renewal.rejoin`, the same core as `pixiodoc sync rejoin`, as the logged-in
clinician on the vault worker; the schedule is stopped meanwhile (no round may run
while the vault is rekeyed) and started again afterwards, whatever the outcome.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QStatusBar

from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui.notify import error_text, translated_message
from pixiodoc_desktop.gui.views.rejoin_dialog import RejoinDialog
from pixiodoc_desktop.gui.workers import DbOperation
from pixiodoc_desktop.sync.engine import sync_once
from pixiodoc_desktop.sync.renewal import Rejoined, rejoin
from pixiodoc_desktop.sync.settings import store_settings
from pixiodoc_desktop.sync.store import ObjectStore

if TYPE_CHECKING:
    from pixiodoc_desktop.gui.sync_scheduler import SyncScheduler


class Rejoining(QObject):
    def __init__(self, scheduler: SyncScheduler, menu: QMenu, bar: QStatusBar) -> None:
        super().__init__(scheduler)
        self.scheduler = scheduler
        self.dialog: RejoinDialog | None = None
        text = QCoreApplication.translate("Rejoining", "Re-join the clinic…")
        self.button = QPushButton(text)
        self.button.setObjectName("SyncRejoin")
        self.button.setFlat(True)
        self.button.clicked.connect(self.open)
        self.button.hide()
        bar.addPermanentWidget(self.button)
        self.action = QAction(text, scheduler.window)
        self.action.setObjectName("SyncRejoin")
        self.action.triggered.connect(self.open)
        self.action.setVisible(False)
        menu.addAction(self.action)

    def show_retired(self, retired: bool) -> None:
        """After each round (and on lock): offer re-joining only while the folder is retired."""
        self.button.setVisible(retired)
        self.action.setVisible(retired)

    def width(self) -> int:
        """Pixels the status bar's button takes from the sync status (0 while hidden)."""
        return 0 if self.button.isHidden() else self.button.sizeHint().width()

    def open(self) -> RejoinDialog:
        dialog = RejoinDialog(self.scheduler.window)
        dialog.rejoin_requested.connect(self._rejoin)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.show()
        return dialog

    def _rejoin(self, code: str, password: str) -> None:
        scheduler = self.scheduler
        session = scheduler.ctx.session
        dialog = self.dialog
        scheduler.stop()  # waits for a running round

        def work() -> Rejoined:
            services, actor = session.require()
            ws = services.workstation
            store = ObjectStore(store_settings(ws.vault))
            return rejoin(
                ws,
                actor,
                password,
                store,
                code,
                lambda: sync_once(ws, store, actor_id=actor.user_id),
            )

        def done(result: Rejoined) -> None:
            self.show_retired(False)
            if dialog is not None:
                error = None if result.error is None else translated_message(result.error)
                dialog.show_rejoined(result.awaiting_password, error)
            scheduler.start()

        def failed(exc: Exception) -> None:
            if dialog is not None:
                dialog.show_error(
                    error_text(exc) if isinstance(exc, PixioDocError) else type(exc).__name__
                )
            scheduler.start()

        DbOperation(work).success(done).failure(failed).run(scheduler.ctx.worker)
