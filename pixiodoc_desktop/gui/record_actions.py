"""The Patient-, File- and Practice-menu actions for reports, DICOM, PACS and patient rights.

Each action asks what it needs (a file, a folder, a typed confirmation),
then runs its service as one `DbOperation` on the vault worker; only the
PACS connection test, which touches no vault, runs on the network pool.
The actions go into the window's existing menus; they are enabled from the
`SessionState` notices (`unlocked`, `record_shown`, `locked`), so the main
window needs no more than one line to build them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from pixiodoc_desktop.clinic.exchange import ehr_import
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.exports import pacs
from pixiodoc_desktop.gui.context import GuiContext, run_as_clinician
from pixiodoc_desktop.gui.folder_names import documents_folder
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.record_editing import open_dialog
from pixiodoc_desktop.gui.record_erasure import RecordErasure
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.views.record_dialogs import PacsDialog
from pixiodoc_desktop.gui.views.report_dialog import ReportDialog
from pixiodoc_desktop.gui.window_chrome import WindowActions, WindowMenus
from pixiodoc_desktop.sync.export_images import Export, fetch_for_export

T = TypeVar("T")


def _fetched(ws: Workstation, actor: Actor, patient_id: str, export: Export) -> Literal[True]:
    """The export's images left in the clinic's bucket fetched first (images on demand)."""
    fetch_for_export(ws, actor, patient_id, export)
    return True


class RecordActions(QObject):
    """Reports, DICOM, PACS, GDPR export, erasure, retention hold and the EHR CSV import
    (erasure and the retention hold: `erasure`, a `RecordErasure`).

    `close_record` is called when the open patient has been erased; `erased(patient_id)`
    is emitted after any erasure, for the views that still name the patient.
    """

    erased = Signal(str)

    def __init__(
        self,
        ctx: GuiContext,
        state: SessionState,
        window: QWidget,
        commands: WindowActions,
        menus: WindowMenus,
        *,
        close_record: Callable[[], None],
        thumbnail: Callable[[str], QImage | None] | None = None,
        selected_photo: Callable[[], str | None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.state = state
        self.close_record = close_record
        self.thumbnail = thumbnail
        self.selected_photo = selected_photo
        self.pacs_configured = False

        def action(text: str, slot: Callable[[], object], name: str) -> QAction:
            made = QAction(text, window)
            made.setObjectName(name)
            made.triggered.connect(slot)
            return made

        self.export_pdf = action(
            QCoreApplication.translate("RecordActions", "Export report (PDF)…"),
            self.choose_pdf,
            "ExportPdf",
        )
        self.export_dicom = action(
            QCoreApplication.translate("RecordActions", "Export DICOM…"),
            self.choose_dicom,
            "ExportDicom",
        )
        self.send_pacs = action(
            QCoreApplication.translate("RecordActions", "Send to PACS"),
            self.send_to_pacs,
            "SendToPacs",
        )
        self.export_data = action(
            QCoreApplication.translate("RecordActions", "Export patient data (GDPR)…"),
            self.choose_patient_data,
            "ExportPatientData",
        )
        self.erasure = RecordErasure(ctx, state, window, erased=self._erased)
        self.erase = action(
            QCoreApplication.translate("RecordActions", "Erase patient…"),
            self.erasure.ask_erase,
            "ErasePatient",
        )
        self.hold = action(
            QCoreApplication.translate("RecordActions", "Retention hold…"),
            self.erasure.ask_hold,
            "RetentionHold",
        )
        self.import_csv = action(
            QCoreApplication.translate("RecordActions", "Import patients from CSV…"),
            self.choose_csv,
            "ImportCsv",
        )
        self.pacs_settings = action(
            QCoreApplication.translate("RecordActions", "PACS…"), self.open_pacs, "PacsSettings"
        )
        self.need_patient = (
            self.export_pdf,
            self.export_dicom,
            self.send_pacs,
            self.export_data,
            self.erase,
            self.hold,
        )
        self.need_admin = (self.import_csv, self.pacs_settings)

        menus.patient.addSeparator()
        for item in self.need_patient:
            menus.patient.addAction(item)
        menus.file.insertAction(commands.settings, self.import_csv)
        menus.practice.addAction(self.pacs_settings)

        state.unlocked.connect(self._workspace_shown)
        state.record_shown.connect(lambda _pid: self.update_enabled())
        state.locked.connect(self.update_enabled)
        self.update_enabled()

    # --- state -------------------------------------------------------------------------------

    def update_enabled(self) -> None:
        has_patient = self.state.has_record()
        for item in self.need_patient:
            item.setEnabled(has_patient)
        self.send_pacs.setEnabled(has_patient and self.pacs_configured)
        admin = self.state.is_admin
        for item in self.need_admin:
            item.setVisible(admin)
            item.setEnabled(admin)

    def _workspace_shown(self, _clinician: object = None) -> None:
        self.update_enabled()
        self._run(lambda ws, _actor: bool(ws.vault.setting(pacs.PACS_SETTING)), self._pacs_known)

    def _pacs_known(self, configured: bool) -> None:
        self.pacs_configured = configured
        self.update_enabled()

    def _patient_id(self) -> str | None:
        return self.state.patient_id

    def _run(
        self,
        job: Callable[[Workstation, Actor], T],
        done: Callable[[T], object],
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        run_as_clinician(self.ctx, job, done, failed)

    def _erased(self, patient_id: str) -> None:
        """The erased patient's record closes if it is open; the list forgets them."""
        if self.state.patient_id == patient_id:
            self.close_record()
        self.erased.emit(patient_id)
        self.ctx.changes.patients_changed.emit()
        self.update_enabled()

    # --- asking for places (tests replace these) -----------------------------------------------

    def ask_save_path(self, title: str, filter_: str, suggested: str = "") -> Path | None:
        start = str(documents_folder() / suggested) if suggested else ""
        name, _chosen = QFileDialog.getSaveFileName(self.window, title, start, filter_)
        return Path(name) if name else None

    def ask_folder(self, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(self.window, title, str(documents_folder()))
        return Path(name) if name else None

    def ask_open_path(self, title: str, filter_: str) -> Path | None:
        name, _chosen = QFileDialog.getOpenFileName(
            self.window, title, str(documents_folder()), filter_
        )
        return Path(name) if name else None

    # --- exports -------------------------------------------------------------------------------

    def choose_pdf(self) -> ReportDialog | None:
        """The report builder (visits, photos, comparisons), for the open record."""
        record = self.state.record
        if record is None:
            return None
        dialog = ReportDialog(
            self.ctx,
            record,
            self.ask_save_path,
            self.window,
            selected_photo=self.selected_photo(),
            thumbnail=self.thumbnail,
        )
        open_dialog(dialog)
        return dialog

    def choose_dicom(self) -> None:
        # Loaded with the first export (pydicom), not at start.
        from pixiodoc_desktop.exports.dicom import export_folder

        pid = self._patient_id()
        folder = pid and self.ask_folder(
            QCoreApplication.translate("RecordActions", "Export DICOM into a folder")
        )
        if pid and folder:
            self._run(
                lambda ws, actor: (
                    _fetched(ws, actor, pid, Export.DICOM) and export_folder(ws, actor, pid, folder)
                ),
                lambda files: self.ctx.notifier.info(
                    QCoreApplication.translate("RecordActions", "%1 DICOM files written.").replace(
                        "%1", str(len(files))
                    )
                ),
            )

    def send_to_pacs(self) -> None:
        pid = self._patient_id()
        if pid and self.pacs_configured:
            self._run(
                lambda ws, actor: (
                    _fetched(ws, actor, pid, Export.DICOM) and pacs.send_to_pacs(ws, actor, pid)
                ),
                lambda count: self.ctx.notifier.info(
                    QCoreApplication.translate(
                        "RecordActions", "%1 images sent to the PACS."
                    ).replace("%1", str(count))
                ),
            )

    def choose_patient_data(self) -> None:
        # Loaded with the first export (pydicom), not at start.
        from pixiodoc_desktop.exports.patient_data import export_patient_data

        pid = self._patient_id()
        path = pid and self.ask_save_path(
            QCoreApplication.translate("RecordActions", "Export patient data (GDPR)"),
            QCoreApplication.translate("RecordActions", "Archive (*.zip)"),
        )
        if pid and path:
            self._run(
                lambda ws, actor: (
                    _fetched(ws, actor, pid, Export.PATIENT_DATA)
                    and export_patient_data(ws, actor, pid, path)
                ),
                lambda out: self.ctx.notifier.info(
                    QCoreApplication.translate("RecordActions", "Patient data written: %1").replace(
                        "%1", out.name
                    )
                ),
            )

    # --- EHR import ----------------------------------------------------------------------------

    def choose_csv(self) -> None:
        path = self.ask_open_path(
            QCoreApplication.translate("RecordActions", "Import patients from CSV"),
            QCoreApplication.translate("RecordActions", "CSV (*.csv *.txt)"),
        )
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError:
            self.ctx.notifier.error(
                QCoreApplication.translate("RecordActions", "The file could not be read.")
            )
            return
        self.open_csv(data, path.name)

    def open_csv(self, data: bytes, file_name: str) -> QDialog:
        from pixiodoc_desktop.gui.views.csv_import_dialog import CsvImportDialog

        dialog = CsvImportDialog(data, file_name, self.window)

        def run(mapping: dict[str, str], delimiter: str, encoding: str, dry_run: bool) -> None:
            def failed(exc: Exception) -> None:
                if isinstance(exc, PixioDocError):
                    dialog.showError(error_text(exc))
                else:
                    self.ctx.notifier.failure(exc)

            self._run(
                lambda ws, actor: ehr_import.import_csv(
                    ws,
                    actor,
                    data,
                    mapping,
                    delimiter=delimiter,
                    encoding=encoding,
                    dry_run=dry_run,
                ),
                dialog.showSummary,
                failed,
            )

        dialog.checkRequested.connect(lambda m, d, e: run(m, d, e, True))
        dialog.importRequested.connect(lambda m, d, e: run(m, d, e, False))
        dialog.imported.connect(lambda _summary: self.ctx.changes.patients_changed.emit())
        open_dialog(dialog)
        return dialog

    # --- PACS settings ---------------------------------------------------------------------------

    def open_pacs(self) -> None:
        def current(ws: Workstation, _actor: Actor) -> pacs.PacsSettings | None:
            try:
                return pacs.load_settings(ws)
            except PixioDocError:
                return None

        self._run(current, self.show_pacs)

    def show_pacs(self, current: pacs.PacsSettings | None) -> PacsDialog:
        dialog = PacsDialog(current, self.window)
        dialog.save_requested.connect(lambda s: self._save_pacs(dialog, s))
        dialog.test_requested.connect(lambda s: self._test_pacs(dialog, s))
        open_dialog(dialog)
        return dialog

    def _save_pacs(self, dialog: PacsDialog, settings: pacs.PacsSettings) -> None:
        def saved(_settings: pacs.PacsSettings) -> None:
            self._pacs_known(True)
            dialog.accept()
            self.ctx.notifier.info(QCoreApplication.translate("RecordActions", "PACS saved."))

        self._run(lambda ws, actor: pacs.configure(ws, actor, settings), saved)

    def _test_pacs(self, dialog: PacsDialog, settings: pacs.PacsSettings) -> None:
        def probe() -> str:
            try:
                checked = pacs.check_settings(settings)
                pacs.echo(checked)
                if checked.dicomweb_url:
                    pacs.check_dicomweb(checked)
            except PixioDocError as exc:
                return error_text(exc)
            return QCoreApplication.translate("RecordActions", "The PACS answered.")

        def shown(message: Any) -> None:
            if dialog.isVisible():
                dialog.show_test_result(str(message))

        self.ctx.images.submit(probe, shown)
