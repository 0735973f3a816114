"""The capture screen's hot folder: photos a tethered camera saves go into the record.

Every complete file saved into the watched folder is ingested into the context
chosen on the Record tab and removed once it is safe. The watcher runs on its own
thread, but each ingest goes through the window's DB worker (the watcher's thread
waits for the result); each file's outcome is listed here.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.capture.hotfolder import HotFolder, HotFolderEvent, Outcome
from pixiodoc_desktop.clinic.records.photos import (
    CaptureContext,
    ImageSize,
    IngestResult,
    PhotoSummary,
)
from pixiodoc_desktop.errors import PixioDocError, VaultLocked
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.notify import error_text, translated_message
from pixiodoc_desktop.gui.workers import DbOperation

log = logging.getLogger(__name__)

_VAULT_CALL_GIVE_UP = 120.0  # seconds a hot-folder ingest may wait for the DB worker


class _Relay(QObject):
    """Lives on the GUI thread: whatever another thread emits here arrives queued."""

    outcome = Signal(object)  # HotFolderEvent
    vault_job = Signal(object)  # a callable for the DB worker


class HotFolderPanel(QWidget):
    """The watched folder, the switch to watch it, and what became of each file."""

    outcome = Signal(object)  # HotFolderEvent
    arrived = Signal(object, object)  # PhotoSummary, its screen image (BGR pixels) or None

    def __init__(
        self,
        ctx: GuiContext,
        patient_id: str,
        context: Callable[[], CaptureContext],
        is_active: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.patient_id = patient_id
        self._context = context
        self._is_active = is_active
        self._relay = _Relay(self)
        self._relay.outcome.connect(self._on_outcome)
        self._relay.vault_job.connect(self._submit_vault_job)
        self._hot: HotFolder | None = None
        self._hot_stopping = threading.Event()  # a waiting hot-folder ingest gives up
        self.outcomes: list[HotFolderEvent] = []
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(300)
        self._refresh_timer.timeout.connect(self._announce_photos)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        explain = QLabel(
            self.tr(
                "Photos a tethered camera saves into this folder go into the record "
                "chosen on the Record tab; the files are removed once they are safe."
            )
        )
        explain.setWordWrap(True)
        explain.setProperty("role", "muted")
        row = QHBoxLayout()
        self.folder_edit = QLineEdit()
        self.folder_edit.setAccessibleName(self.tr("Hot folder"))
        self.folder_edit.setPlaceholderText(self.tr("Folder the camera saves into"))
        self.choose_folder_button = QPushButton(self.tr("Choose…"))
        self.choose_folder_button.setAccessibleName(self.tr("Choose the hot folder"))
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.choose_folder_button)
        self.watch_button = QPushButton(self.tr("Start watching"))
        self.watch_button.setAccessibleName(self.tr("Start watching"))
        self.watch_state = QLabel(self.tr("Not watching."))
        self.watch_state.setProperty("role", "muted")
        self.watch_state.setWordWrap(True)
        self.outcome_list = QListWidget()
        self.outcome_list.setAccessibleName(self.tr("Hot folder results"))
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.watch_button)
        layout.addWidget(self.watch_state)
        layout.addWidget(self.outcome_list, 1)
        self.choose_folder_button.clicked.connect(self._choose_folder)
        self.watch_button.clicked.connect(self._toggle_watching)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder the camera saves into"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def _toggle_watching(self) -> None:
        if self._hot is not None:
            self.stop_watching()
            return
        text = self.folder_edit.text().strip()
        if not text:
            self._choose_folder()
            text = self.folder_edit.text().strip()
        if text:
            self.start_watching(Path(text))

    def set_context(self, context: CaptureContext) -> None:
        """Files from now on go where the screen now says."""
        if self._hot is not None:
            self._hot.set_context(context)

    def start_watching(self, folder: Path) -> None:
        """Ingest every complete file the camera saves into `folder`, into the context shown."""
        if self._hot is not None:
            self.stop_watching()
        self.folder_edit.setText(str(folder))
        session = self.ctx.session
        DbOperation(session.require).success(lambda pair: self._start_hot_folder(folder, pair)).run(
            self.ctx.worker
        )

    def _start_hot_folder(self, folder: Path, pair: tuple[Any, Any]) -> None:
        if not self._is_active():
            return
        services, actor = pair
        self._hot_stopping.clear()
        hot = HotFolder(
            folder,
            services.photos,
            actor,
            self._context(),
            on_outcome=self._relay.outcome.emit,
            vault_call=self._vault_call,
        )
        try:
            hot.start()
        except PixioDocError as error:
            hot.stop()
            self.ctx.notifier.error(error_text(error))
            return
        except OSError as error:
            hot.stop()
            self.ctx.notifier.error(
                self.tr("The folder cannot be watched: %1").replace("%1", str(error.strerror))
            )
            return
        self._hot = hot
        self.watch_button.setText(self.tr("Stop watching"))
        self.watch_button.setAccessibleName(self.tr("Stop watching"))
        self.watch_state.setText(self.tr("Watching %1").replace("%1", str(hot.folder)))

    def stop_watching(self) -> None:
        hot, self._hot = self._hot, None
        if hot is None:
            return
        self._hot_stopping.set()
        hot.stop()
        self.watch_button.setText(self.tr("Start watching"))
        self.watch_button.setAccessibleName(self.tr("Start watching"))
        self.watch_state.setText(self.tr("Not watching."))

    def is_watching(self) -> bool:
        return self._hot is not None

    def wait_hot_folder_idle(self, timeout: float) -> bool:
        """Tests: until every file in the folder was taken or refused."""
        return self._hot.wait_idle(timeout) if self._hot is not None else True

    def _vault_call(self, ingest: Callable[[], IngestResult]) -> IngestResult:
        """Runs on the hot folder's thread: the ingest goes to the DB worker; this waits."""
        done = threading.Event()
        box: list[IngestResult | Exception] = []

        def job() -> None:
            try:
                box.append(ingest())
            except Exception as exc:  # noqa: BLE001 - handed back to the hot folder thread
                box.append(exc)
            finally:
                done.set()

        self._relay.vault_job.emit(job)
        waited = 0.0
        while not done.wait(0.1):
            waited += 0.1
            if waited > _VAULT_CALL_GIVE_UP or (self._hot_stopping.is_set() and waited > 5.0):
                raise VaultLocked("The capture screen was closed before the photo was stored")
        result = box[0]
        if isinstance(result, Exception):
            raise result
        return result

    @Slot(object)
    def _submit_vault_job(self, job: Callable[[], None]) -> None:
        try:
            self.ctx.worker.submit(job, None, None, keep_after_lock=True)
        except RuntimeError:
            log.warning("The database worker has stopped; a hot folder file waits")

    @Slot(object)
    def _on_outcome(self, event: HotFolderEvent) -> None:
        self.outcomes.append(event)
        name = event.file_name
        if event.outcome is Outcome.IMPORTED:
            text = self.tr("Imported %1").replace("%1", name)
        elif event.outcome is Outcome.DUPLICATE:
            text = self.tr("%1 is already in the record (file removed)").replace("%1", name)
        elif event.outcome is Outcome.QUARANTINED:
            text = (
                self.tr("%1 was put into quarantine: %2")
                .replace("%1", name)
                .replace("%2", translated_message(event.reason))
            )
        else:
            text = (
                self.tr("%1 not imported yet (tried again): %2")
                .replace("%1", name)
                .replace("%2", translated_message(event.reason))
            )
        self.outcome_list.insertItem(0, text)
        if event.outcome is Outcome.IMPORTED and event.photo is not None:
            self._show_arrival(event.photo)
        if event.outcome in (Outcome.IMPORTED, Outcome.DUPLICATE):
            self._refresh_timer.start()
        self.outcome.emit(event)

    def _show_arrival(self, photo: PhotoSummary) -> None:
        """Decrypt and decode the new photo's screen image for the preview (on the workers)."""
        session = self.ctx.session

        def fetch() -> bytes:
            services, actor = session.require()
            return services.photos.image(actor, photo.id, ImageSize.SCREEN, audited=False)

        def decode(data: bytes) -> npt.NDArray[np.uint8] | None:
            pixels = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
            return pixels.astype(np.uint8, copy=False) if isinstance(pixels, np.ndarray) else None

        def fetched(data: bytes) -> None:
            self.ctx.images.submit(
                lambda: decode(data), lambda pixels: self.arrived.emit(photo, pixels)
            )

        DbOperation(fetch).success(fetched).failure(
            lambda _exc: self.arrived.emit(photo, None)
        ).run(self.ctx.worker)

    def _announce_photos(self) -> None:
        self.ctx.changes.photos_changed.emit(self.patient_id)
