"""The status bar's "Changes missing" button and what it opens (issue 14).

Shown while this PC lacks another workstation's batch (`SyncStatus.missing_batches`);
it opens `LostChangesDialog`, where a practice Admin can accept a batch nobody can
put back as lost. Accepting runs `sync.losses.accept_loss` (audited) on the vault
worker, then a round at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QPushButton, QStatusBar

from pixiodoc_desktop.gui.views.lost_changes_dialog import LostChangesDialog
from pixiodoc_desktop.gui.workers import DbOperation
from pixiodoc_desktop.sync.engine import SyncStatus, sync_status
from pixiodoc_desktop.sync.losses import accept_loss

if TYPE_CHECKING:
    from pixiodoc_desktop.gui.sync_scheduler import SyncScheduler


class LostChanges(QObject):
    def __init__(self, scheduler: SyncScheduler, bar: QStatusBar) -> None:
        super().__init__(scheduler)
        self.scheduler = scheduler
        self.dialog: LostChangesDialog | None = None
        self.missing: dict[str, int] = {}
        self.button = QPushButton()
        self.button.setObjectName("SyncMissing")
        self.button.setFlat(True)
        self.button.setAccessibleName(
            QCoreApplication.translate("LostChanges", "Open missing changes")
        )
        self.button.clicked.connect(self.open)
        self.button.hide()
        bar.addPermanentWidget(self.button)

    def show_status(self, status: SyncStatus | None) -> None:
        self.show_missing(status.missing_batches if status is not None else {})

    def show_missing(self, missing: dict[str, int]) -> None:
        """Each device whose batches this PC lacks, from which number on (after a round)."""
        self.missing = dict(missing)
        self.button.setText(
            QCoreApplication.translate("LostChanges", "Changes missing: %1").replace(
                "%1", str(len(missing))
            )
        )
        self.button.setVisible(bool(missing))
        if self.dialog is not None:
            self.dialog.show_missing(missing)

    def open(self) -> LostChangesDialog:
        dialog = LostChangesDialog(
            self.missing,
            is_admin=self.scheduler.state.is_admin,
            parent=self.scheduler.window,
        )
        dialog.accept_requested.connect(self._accept)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.show()
        return dialog

    def _accept(self, device: str, batch: int) -> None:
        session = self.scheduler.ctx.session

        def work() -> SyncStatus:
            services, actor = session.require()
            accept_loss(services.workstation, actor, device, batch)
            return sync_status(services.workstation)

        def done(status: SyncStatus) -> None:
            self.scheduler.show_status(status)
            self.scheduler.sync_now()

        notifier = self.scheduler.ctx.notifier
        DbOperation(work).success(done).failure(notifier.failure).run(self.scheduler.ctx.worker)
