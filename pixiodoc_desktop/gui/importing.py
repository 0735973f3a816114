"""Runs an import on the DB worker and reports progress, cancellation and refusals.

The files go to the DB worker a few at a time, so that a long import never
keeps the clinician from searching or opening another record meanwhile.
The reading and decoding inside `clinic.importing.import_files` use its
own small pool; the vault writes stay on the one DB worker. Progress
arrives here by queued signal; the import dialog shows it.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from pixiodoc_desktop.clinic.exchange.importing import ImportReport, expand, import_files
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.views.import_dialog import ImportDialog
from pixiodoc_desktop.gui.workers import DbOperation
from pixiodoc_desktop.imaging.sniff import FILE_PATTERNS

log = logging.getLogger(__name__)


def image_file_filter() -> str:
    """The open dialog's filter: every format import accepts (WebP and BMP too)."""
    patterns = " ".join(p for names in FILE_PATTERNS.values() for p in names)
    return QCoreApplication.translate("MainWindow", "Images (%1);;All files (*)").replace(
        "%1", patterns
    )


CHUNK = 8  # files per DB job: other work (search, thumbnails) runs between chunks
REFRESH_EVERY = 4  # chunks between timeline refreshes during a long import


@dataclass(slots=True)
class _Batch:
    patient_id: str
    context: CaptureContext
    files: list[Path]
    position: int = 0
    chunks: int = 0
    report: ImportReport = field(default_factory=ImportReport)


class ImportController(QObject):
    progress = Signal(int, int, str)  # done, total, file name
    finished = Signal(object)  # ImportReport

    def __init__(self, ctx: GuiContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self._cancel = threading.Event()
        self._running = False
        self.last_report: ImportReport | None = None
        self.dialog: ImportDialog | None = None

    @property
    def running(self) -> bool:
        return self._running

    def start(
        self,
        patient_id: str,
        paths: list[Path],
        visit_id: str | None = None,
        *,
        context: CaptureContext | None = None,
    ) -> None:
        """Import `paths` into the patient's record: into `context` (visit, body site, lesion,
        modality) when one was chosen, else into `visit_id` (or visits by capture date)."""
        if self._running:
            self.ctx.notifier.warning(self.tr("An import is already running."))
            return
        self._running = True
        self._cancel = threading.Event()
        session = self.ctx.session
        self._show_dialog(len(paths))

        def listing() -> list[Path]:
            services, actor = session.require()
            services.photos.check_can_add(actor, patient_id)
            return list(expand(paths))

        def listed(files: list[Path]) -> None:
            chosen = context or CaptureContext(patient_id=patient_id, visit_id=visit_id)
            if chosen.patient_id != patient_id:
                raise InvalidInput("The import's context names another patient")
            batch = _Batch(patient_id, chosen, files)
            self._next(batch)

        DbOperation(listing).success(listed).failure(self._failed).run(self.ctx.worker)

    def _next(self, batch: _Batch) -> None:
        """Import the next few files as one DB job, so other work can run between them."""
        if self._cancel.is_set() or batch.position >= len(batch.files):
            batch.report.cancelled = batch.report.cancelled or (
                self._cancel.is_set() and batch.position < len(batch.files)
            )
            self._done(batch)
            return
        chunk = batch.files[batch.position : batch.position + CHUNK]
        base, total, cancel, session = (
            batch.position,
            len(batch.files),
            self._cancel,
            self.ctx.session,
        )

        def job() -> ImportReport:
            services, actor = session.require()
            return import_files(
                services.photos,
                actor,
                batch.context,
                chunk,
                on_progress=lambda done, _n, path: self.progress.emit(
                    base + done, total, path.name
                ),
                cancelled=cancel.is_set,
            )

        def done(part: ImportReport) -> None:
            batch.report.imported.extend(part.imported)
            batch.report.duplicates.extend(part.duplicates)
            batch.report.refused.extend(part.refused)
            batch.report.cancelled = part.cancelled
            batch.position += len(chunk)
            batch.chunks += 1
            if batch.chunks % REFRESH_EVERY == 0:
                self.ctx.changes.photos_changed.emit(batch.patient_id)
            self._next(batch)

        DbOperation(job).success(done).failure(self._failed).run(self.ctx.worker)

    def _done(self, batch: _Batch) -> None:
        report = batch.report
        self._running = False
        self.last_report = report
        if self._cancel.is_set() and self.dialog is None:
            return
        log.info(
            "Import finished: %d imported, %d duplicates, %d refused",
            len(report.imported),
            len(report.duplicates),
            len(report.refused),
        )
        self.ctx.changes.photos_changed.emit(batch.patient_id)
        self.ctx.changes.patients_changed.emit()
        self.finished.emit(report)
        self._report(report)

    def _failed(self, exc: Exception) -> None:
        self._running = False
        self._close_dialog()
        self.ctx.notifier.failure(exc)

    def cancel(self) -> None:
        """Stop after the file in hand; what is already stored stays stored."""
        self._cancel.set()

    def abort(self) -> None:
        """Cancel and close the dialog at once (the workstation locks or quits).

        The chunk in hand finishes on the worker; its result is dropped with the lock.
        """
        self._cancel.set()
        self._running = False
        self._close_dialog()

    # --- showing it -------------------------------------------------------------

    def _show_dialog(self, count: int) -> None:
        self._close_dialog()
        dialog = ImportDialog(self.window)
        dialog.cancelRequested.connect(self.cancel)
        self.progress.connect(dialog.setProgress)
        dialog.start(count)
        self.dialog = dialog

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.progress.disconnect(self.dialog.setProgress)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _report(self, report: ImportReport) -> None:
        if self.dialog is not None:
            self.dialog.finish(report)
        summary = self.tr("%1 imported, %2 duplicates, %3 refused")
        summary = (
            summary.replace("%1", str(len(report.imported)))
            .replace("%2", str(len(report.duplicates)))
            .replace("%3", str(len(report.refused)))
        )
        self.ctx.notifier.info(summary)
