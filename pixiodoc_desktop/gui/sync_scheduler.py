"""When this workstation syncs, and what the status bar says about it.

A round (`sync.engine.sync_once`) runs on the network pool, never on the
vault worker or the GUI thread: after unlock, every N minutes on a
`SyncSchedule` (backing off while offline), and on "Sync now". Locking and
quitting stop the schedule and cut a running round off at its next progress
step (the engine finishes a cut-off round on the next one), waiting for it
before the keys are dropped. An unconfigured vault runs nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QProgressBar, QPushButton, QStatusBar, QWidget

from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import PixioDocError, SyncBatchMissing, SyncWorkspaceRetired
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.enrollment import Enrollment
from pixiodoc_desktop.gui.lost_changes import LostChanges
from pixiodoc_desktop.gui.notify import error_text, translated_message
from pixiodoc_desktop.gui.rejoin import Rejoining
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.sync_settings import SyncConfig, SyncSettingsEditor, load_config
from pixiodoc_desktop.gui.views.sync_dialog import ConflictsDialog
from pixiodoc_desktop.gui.workers import DbOperation
from pixiodoc_desktop.sharing.rounds import tend_before_round
from pixiodoc_desktop.sync import conflicts
from pixiodoc_desktop.sync.catching_up import CatchingUp
from pixiodoc_desktop.sync.engine import (
    SyncReport,
    SyncSchedule,
    SyncStatus,
    sync_once,
    sync_status,
)
from pixiodoc_desktop.sync.settings import store_settings
from pixiodoc_desktop.sync.store import ObjectStore

log = logging.getLogger(__name__)

TICK_MS = 30_000
BIG_TRANSFER = 8  # objects: smaller transfers show no progress bar


class SyncCancelled(Exception):
    """Raised inside a round's progress callback when the workstation locks or quits."""


def catching_up_text(progress: CatchingUp) -> str:
    """A new PC still receiving the clinic's records (snapshot parts), as a share."""
    if progress.total <= 0:
        return QCoreApplication.translate("SyncScheduler", "Receiving the clinic's records…")
    percent = min(99, progress.applied * 100 // progress.total)
    return QCoreApplication.translate(
        "SyncScheduler", "Receiving the clinic's records: %1 %"
    ).replace("%1", str(percent))


def status_text(status: SyncStatus | None) -> str:
    if status is None or not status.configured:
        return QCoreApplication.translate("SyncScheduler", "Sync: not set up")
    if status.last_error:
        return QCoreApplication.translate("SyncScheduler", "Sync failed: %1").replace(
            "%1", translated_message(status.last_error)
        )
    if status.catching_up is not None:
        return catching_up_text(status.catching_up)
    if status.last_sync_at is None:
        when = QCoreApplication.translate("SyncScheduler", "never")
    else:
        stamp = status.last_sync_at
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=dt.UTC)
        when = stamp.astimezone().strftime("%H:%M")
    return (
        QCoreApplication.translate("SyncScheduler", "Sync: last %1, %2 changes waiting")
        .replace("%1", when)
        .replace("%2", str(status.pending_changes))
    )


LABEL_WIDTH = 520  # px of the status bar for the sync status


class _Relay(QObject):
    """Lives on the GUI thread; the round's progress is emitted from the network pool."""

    progressed = Signal(str, int, int)


class SyncScheduler(QObject):
    """The schedule, the Sync menu entries (in `menu`) and the status-bar widgets.

    It starts when `state` says the workspace is unlocked; the window calls
    `stop()` before it locks or quits.
    """

    status_changed = Signal(str)
    round_finished = Signal(object)  # SyncReport or Exception
    catching_up_changed = Signal(object)  # CatchingUp while a new PC receives, else None

    def __init__(
        self,
        ctx: GuiContext,
        state: SessionState,
        window: QWidget,
        menu: QMenu,
        bar: QStatusBar,
        *,
        tick_ms: int = TICK_MS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.state = state
        self.schedule: SyncSchedule | None = None
        self.config: SyncConfig | None = None
        self.status: SyncStatus | None = None
        self.running = False
        self._explicit = False
        self._cancel = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._progressed)
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)

        self.settings = SyncSettingsEditor(self)  # the settings dialog, its save and test
        self.settings_action = self._action(
            QCoreApplication.translate("SyncScheduler", "Sync settings…"),
            self.settings.open_settings,
            "SyncSettings",
        )
        self.sync_now_action = self._action(
            QCoreApplication.translate("SyncScheduler", "Sync now"), self.sync_now, "SyncNow"
        )
        self.sync_now_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sync_now_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(self.sync_now_action)
        menu.addSeparator()
        menu.addAction(self.sync_now_action)
        menu.addAction(self.settings_action)
        self.enrollment = Enrollment(self, menu)  # a code for another PC to (re-)join

        self.label = QPushButton(QCoreApplication.translate("SyncScheduler", "Sync: not set up"))
        self.label.setObjectName("SyncStatus")
        self.label.setFlat(True)
        self.label.setAccessibleName(QCoreApplication.translate("SyncScheduler", "Sync status"))
        self.label.clicked.connect(self.sync_now)
        self.conflicts_button = QPushButton()
        self.conflicts_button.setObjectName("SyncConflicts")
        self.conflicts_button.setFlat(True)
        self.conflicts_button.setAccessibleName(
            QCoreApplication.translate("SyncScheduler", "Open note conflicts")
        )
        self.conflicts_button.clicked.connect(self.open_conflicts)
        self.conflicts_button.hide()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(
            QCoreApplication.translate("SyncScheduler", "Sync progress")
        )
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.conflicts_button)
        bar.addPermanentWidget(self.label)
        self.label.hide()
        self.lost = LostChanges(self, bar)  # "Changes missing": accept a lost batch (Admins)
        self.rejoining = Rejoining(self, menu, bar)  # after another PC renewed the keys

        state.unlocked.connect(lambda _clinician: self.start())
        state.locked.connect(self._update_actions)
        state.locked.connect(self.enrollment.close)
        self._update_actions()

    def _action(self, text: str, slot: Callable[[], object], name: str) -> QAction:
        made = QAction(text, self.window)
        made.setObjectName(name)
        made.triggered.connect(slot)
        return made

    def _update_actions(self) -> None:
        unlocked = self.state.is_unlocked
        self.settings_action.setVisible(self.state.is_admin)
        self.settings_action.setEnabled(self.state.is_admin)
        self.sync_now_action.setEnabled(unlocked and self.schedule is not None)
        self.label.setVisible(unlocked)
        self.enrollment.update(unlocked and self.state.is_admin)

    # --- the schedule ----------------------------------------------------------------------

    def _run(self, job: Callable[[Workstation, Actor], Any], done: Callable[[Any], object]) -> None:
        session = self.ctx.session

        def work() -> Any:
            services, actor = session.require()
            return job(services.workstation, actor)

        def deliver(value: Any) -> None:
            done(value)

        DbOperation(work).success(deliver).run(self.ctx.worker)

    def start(self) -> None:
        """After unlock: read the settings; when sync is set up, run a round and schedule more."""
        self._cancel.clear()
        self._update_actions()
        self._run(lambda ws, _actor: (load_config(ws), sync_status(ws)), self._started)

    def _started(self, loaded: tuple[SyncConfig, SyncStatus]) -> None:
        config, status = loaded
        self.config = config
        self._show_status(status)
        if config.target is None or not config.access_key:
            self.schedule = None
            self.timer.stop()
        else:
            self.schedule = SyncSchedule(interval=dt.timedelta(minutes=config.interval_minutes))
            self.timer.start()
            self.tick()
        self._update_actions()

    def stop(self, timeout: float = 15.0) -> None:
        """Lock or quit: no new round; a running one stops at its next step; wait for it."""
        self.timer.stop()
        self.schedule = None
        self._cancel.set()
        if not self._idle.wait(timeout):
            log.warning("A sync round did not stop within %.0f s", timeout)
        self.running = False
        self.progress.hide()
        self.conflicts_button.hide()
        self.lost.show_status(None)
        self.rejoining.show_retired(False)
        self.status = None
        self.catching_up_changed.emit(None)
        self.label.setText(QCoreApplication.translate("SyncScheduler", "Sync: not set up"))
        self._update_actions()

    def sync_now(self) -> None:
        if self.schedule is None:
            if self.state.is_unlocked:
                self.ctx.notifier.info(
                    QCoreApplication.translate("SyncScheduler", "Sync: not set up")
                )
            return
        self._explicit = True
        self.schedule.sync_now()
        self.tick()

    def tick(self) -> None:
        schedule = self.schedule
        if schedule is None or self.running or not schedule.due(dt.datetime.now(dt.UTC)):
            return
        self.running = True
        self._idle.clear()
        if self.status is None or self.status.catching_up is None:  # else: how far it is
            self.label.setText(QCoreApplication.translate("SyncScheduler", "Sync: running…"))
        session = self.ctx.session
        cancel = self._cancel
        relay = self._relay
        idle = self._idle

        def progress(phase: str, done: int, total: int) -> None:
            if cancel.is_set():
                raise SyncCancelled
            relay.progressed.emit(phase, done, total)

        def work() -> tuple[SyncReport, SyncStatus]:
            try:
                services, actor = session.require()
                ws = services.workstation
                store = ObjectStore(store_settings(ws.vault))
                tend_before_round(ws, store, actor)  # second opinions by link go out in this round
                report = sync_once(ws, store, progress=progress, actor_id=actor.user_id)
                return report, sync_status(ws)
            finally:
                idle.set()

        self.ctx.images.submit(work, self._succeeded, self._failed)

    def _succeeded(self, result: tuple[SyncReport, SyncStatus]) -> None:
        report, status = result
        self.running = False
        self.progress.hide()
        if self.schedule is not None:
            self.schedule.succeeded(dt.datetime.now(dt.UTC))
        self.rejoining.show_retired(False)
        before = self.status.catching_up if self.status is not None else None
        self._show_status(status)
        now = status.catching_up
        if (
            now is not None
            and self.schedule is not None
            and (before is None or now.applied > before.applied)
        ):
            # The next parts of the clinic's records at once (while they keep coming: a
            # round that applied nothing waits for the schedule, as any other).
            self.schedule.sync_now()
            QTimer.singleShot(0, self.tick)
        if self._explicit:
            self.ctx.notifier.info(QCoreApplication.translate("SyncScheduler", "Sync finished."))
        self._explicit = False
        if report.moved_records:
            self.ctx.changes.patients_changed.emit()
            patient_id = self.state.patient_id
            if patient_id is not None:
                self.ctx.changes.patient_changed.emit(patient_id)
        self.round_finished.emit(report)

    def _failed(self, exc: Exception) -> None:
        self.running = False
        self.progress.hide()
        if isinstance(exc, SyncCancelled):
            return
        if self.schedule is not None:
            self.schedule.failed(dt.datetime.now(dt.UTC), exc)
        message = error_text(exc) if isinstance(exc, PixioDocError) else type(exc).__name__
        self.rejoining.show_retired(isinstance(exc, SyncWorkspaceRetired))  # before the label
        self._set_label(
            QCoreApplication.translate("SyncScheduler", "Sync failed: %1").replace("%1", message)
        )
        if isinstance(exc, SyncBatchMissing):
            self.lost.show_missing(exc.missing)
        if self._explicit:
            self.ctx.notifier.error(message)
        self._explicit = False
        self.round_finished.emit(exc)

    def _progressed(self, phase: str, done: int, total: int) -> None:
        if phase == "snapshot" and self.running:  # a new PC takes the clinic's records
            self._set_label(catching_up_text(CatchingUp(done, total)))
            return
        if not self.running or total < BIG_TRANSFER or phase not in ("upload", "download"):
            return
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setFormat(
            QCoreApplication.translate("SyncScheduler", "Uploading %v of %m")
            if phase == "upload"
            else QCoreApplication.translate("SyncScheduler", "Downloading %v of %m")
        )
        self.progress.show()

    def _set_label(self, text: str) -> None:
        """The status bar keeps the start of a long reason; its tooltip has all of it."""
        metrics = self.label.fontMetrics()
        width = LABEL_WIDTH - self.rejoining.width()  # its button shares the space
        self.label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
        self.label.setToolTip(text)

    def _show_status(self, status: SyncStatus) -> None:
        self.status = status
        text = status_text(status)
        self._set_label(text)
        self.status_changed.emit(text)
        self.catching_up_changed.emit(status.catching_up)
        count = status.open_conflicts
        self.conflicts_button.setText(
            QCoreApplication.translate("SyncScheduler", "%1 note conflicts").replace(
                "%1", str(count)
            )
        )
        self.conflicts_button.setVisible(count > 0)
        self.lost.show_status(status)

    def show_status(self, status: SyncStatus) -> None:
        """Show a status read elsewhere (after an Admin accepted a lost batch)."""
        self._show_status(status)

    def open_conflicts(self) -> None:
        self._run(lambda ws, actor: conflicts.open_conflicts(ws, actor), self.show_conflicts)

    def show_conflicts(self, open_now: list[conflicts.NoteConflict]) -> ConflictsDialog:
        dialog = ConflictsDialog(open_now, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def resolve(conflict_id: str, text: str) -> None:
            def work(ws: Workstation, actor: Actor) -> tuple[list[conflicts.NoteConflict], Any]:
                conflicts.resolve(ws, actor, conflict_id, text)
                return conflicts.open_conflicts(ws, actor), sync_status(ws)

            def done(result: tuple[list[conflicts.NoteConflict], SyncStatus]) -> None:
                remaining, status = result
                self._show_status(status)
                dialog.show_conflicts(remaining)
                patient_id = self.state.patient_id
                if patient_id is not None:
                    self.ctx.changes.patient_changed.emit(patient_id)

            self._run(work, done)

        dialog.resolve_requested.connect(resolve)
        dialog.open()
        return dialog
