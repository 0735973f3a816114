"""Requests from the practice software while a clinician is logged in.

Once the workspace is unlocked and the vault has a GDT exchange set up, the
in-folder is watched (practice/watcher.py). A 6302 opens the patient and
brings the capture window forward (on today's visit, which the request
opened); a 6311 opens the patient's timeline; a refused file is a notice.
The requests themselves run on the database worker, one at a time, like
every other vault job. Locking stops the watching; `pixiodoc gdt open FILE`
finds this workstation through practice/handoff.py.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from pixiodoc_desktop.errors import GdtNotConfigured, PixioDocError
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.notify import translated_message
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.practice import handoff
from pixiodoc_desktop.practice.exchange import RequestOutcome, Screen, handle_file
from pixiodoc_desktop.practice.settings import GdtSettings, load_gdt
from pixiodoc_desktop.practice.watcher import GdtEvent, GdtInFolder, Outcome

log = logging.getLogger(__name__)
_JOB_TIMEOUT = 120.0


class PracticeInbox(QObject):
    """Watches the GDT in-folder for the clinician logged in; opens what the PVS asks for."""

    arrived = Signal(object)  # GdtEvent, delivered on the GUI thread

    def __init__(
        self,
        ctx: GuiContext,
        state: SessionState,
        *,
        open_patient: Callable[[str], None],
        open_capture: Callable[[str], Any],
        bring_forward: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._open_patient = open_patient
        self._open_capture = open_capture
        self._bring_forward = bring_forward
        self.folder: GdtInFolder | None = None
        self.pending: list[Path] = []  # handed over before the in-folder ran
        self.arrived.connect(self._on_event)
        state.unlocked.connect(self._start)
        state.locked.connect(self.stop)

    def hand_over(self, request: Path) -> None:
        """A request given on the command line (`pixiodoc gdt open FILE`)."""
        if self.folder is None:
            self.pending.append(request)
            return
        self._hand(request, self.folder.folder)

    def _hand(self, request: Path, folder: Path) -> None:
        try:
            handoff.hand_over(request, folder)
        except (PixioDocError, OSError) as exc:
            reason = exc.message if isinstance(exc, PixioDocError) else str(exc.strerror)
            self.ctx.notifier.warning(
                self.tr("The request from the practice software was refused: {reason}").format(
                    reason=translated_message(reason)
                )
            )

    def restart(self) -> None:
        """The exchange settings changed: watch the folder they name now."""
        self._start(None)

    @Slot(object)
    def _start(self, _clinician: object) -> None:
        def settings() -> GdtSettings:
            services, _actor = self.ctx.session.require()
            return load_gdt(services.workstation)

        self.ctx.worker.submit(settings, self._configured, self._not_configured)

    def _not_configured(self, exc: Exception) -> None:
        if not isinstance(exc, GdtNotConfigured):
            self.ctx.notifier.failure(exc)

    def _configured(self, settings: GdtSettings) -> None:
        self.stop()
        folder = GdtInFolder(
            settings.in_path,
            lambda path: self._on_worker(path, settings),
            on_event=self.arrived.emit,
        )
        try:
            folder.start()
        except PixioDocError:
            self.ctx.notifier.warning(
                self.tr("The practice software's exchange folder cannot be reached: {folder}")
                .format(folder=settings.in_folder)
            )  # fmt: skip
            return
        self.folder = folder
        handoff.announce(folder.folder)
        for request in self.pending:
            self._hand(request, folder.folder)
        self.pending.clear()

    def _on_worker(self, path: Path, settings: GdtSettings) -> RequestOutcome:
        """Runs on the in-folder's thread: the request itself goes to the database worker."""
        done = threading.Event()
        box: dict[str, Any] = {}

        def job() -> None:
            try:
                services, actor = self.ctx.session.require()
                box["value"] = handle_file(services.workstation, actor, path, settings)
            except Exception as exc:  # noqa: BLE001 - handed back to the in-folder's thread
                box["error"] = exc
            finally:
                done.set()

        self.ctx.worker.submit(job, keep_after_lock=True)
        if not done.wait(_JOB_TIMEOUT):
            raise PixioDocError("The vault is busy; the request is tried again shortly")
        if "error" in box:
            raise box["error"]
        outcome: RequestOutcome = box["value"]
        return outcome

    @Slot(object)
    def _on_event(self, event: GdtEvent) -> None:
        request = event.request
        if event.outcome is Outcome.HANDLED and request is not None:
            self._bring_forward()
            self._open_patient(request.patient_id)
            if request.screen == Screen.CAPTURE and request.visit_id is not None:
                self._open_capture(request.patient_id)
            self.ctx.changes.patients_changed.emit()
            self.ctx.notifier.info(self.tr("The practice software opened a patient's record"))
        elif event.outcome is Outcome.REFUSED:
            self.ctx.notifier.warning(
                self.tr("The request from the practice software was refused: {reason}").format(
                    reason=translated_message(event.reason)
                )
            )

    def stop(self) -> None:
        folder, self.folder = self.folder, None
        if folder is not None:
            folder.stop()
            handoff.withdraw()
