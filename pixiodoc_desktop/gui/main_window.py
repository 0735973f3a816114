"""The workstation window: first run, unlock, and the workspace (patients, timeline, details).

The way in (first run, unlock) is built at once from light modules; the workspace
and everything behind the unlock screen (`furnishing.furnish`: the panels, side windows,
sync, practice software, sharing, and with them OpenCV, SQLAlchemy, boto3,
pydicom, reportlab) is built, and its modules imported, once the unlock screen
has been painted (`furnish_later`, as the application starts) or at once.

It owns the workers, the clinic session and the `SessionState` (who is
logged in, which record is open) that every other part observes, and wires
the screens together. Locking hides all patient data at once: the models are cleared, the
workspace is replaced by the unlock screen, the title loses the clinic's
context, and only then are the keys dropped on the DB worker.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from pixiodoc_desktop.config import Settings, default_vault_dir
from pixiodoc_desktop.gui import first_paint, memory
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.entrance import Entrance
from pixiodoc_desktop.gui.folder_names import documents_folder
from pixiodoc_desktop.gui.idle import IdleWatcher
from pixiodoc_desktop.gui.notify import Notifier
from pixiodoc_desktop.gui.ondemand_images import BucketImages
from pixiodoc_desktop.gui.session import ClinicSession, LoginInfo, PatientRecord, VaultInfo
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.theme import icon
from pixiodoc_desktop.gui.window_chrome import StatusBar, build_actions, build_menus
from pixiodoc_desktop.gui.workers import ChangeNotifier, DbWorker, ImagePool

if TYPE_CHECKING:  # imported by _furnish, after the unlock screen's first paint
    from pixiodoc_desktop.gui.emergency_access import EmergencyAccessControl
    from pixiodoc_desktop.gui.importing import ImportController
    from pixiodoc_desktop.gui.opinion_notice import OpinionNotice
    from pixiodoc_desktop.gui.phone_capture import PhoneCapture
    from pixiodoc_desktop.gui.practice_actions import PracticeActions
    from pixiodoc_desktop.gui.practice_inbox import PracticeInbox
    from pixiodoc_desktop.gui.record_actions import RecordActions
    from pixiodoc_desktop.gui.record_editing import RecordEditing
    from pixiodoc_desktop.gui.record_opening import RecordOpening
    from pixiodoc_desktop.gui.share_actions import ShareActions
    from pixiodoc_desktop.gui.side_windows import SideWindows
    from pixiodoc_desktop.gui.sync_scheduler import SyncScheduler
    from pixiodoc_desktop.gui.thumbnails import ThumbnailLoader
    from pixiodoc_desktop.gui.views.body_map_panel import BodyMapPanel
    from pixiodoc_desktop.gui.views.details import DetailsPanel
    from pixiodoc_desktop.gui.views.first_run import FirstRunPage
    from pixiodoc_desktop.gui.views.patients import PatientPanel
    from pixiodoc_desktop.gui.views.recovery_key import RecoveryKeyPage
    from pixiodoc_desktop.gui.views.timeline import TimelinePanel
    from pixiodoc_desktop.gui.views.viewer import ViewerWindow
    from pixiodoc_desktop.gui.workspace import Workspace
    from pixiodoc_desktop.vault.keys import KdfParams

log = logging.getLogger(__name__)

APP_TITLE = "PixioDoc"


class MainWindow(QMainWindow):
    """One workstation window. `shutdown()` stops every thread it started.

    `state` announces login, lock and the record opened (see `SessionState`).
    """

    # Made by furnishing.furnish, called from _furnish (see the module's docstring).
    thumbnails: ThumbnailLoader
    workspace: Workspace
    patients: PatientPanel
    timeline: TimelinePanel
    details: DetailsPanel
    body_map: BodyMapPanel
    opening: RecordOpening
    importer: ImportController
    editing: RecordEditing
    side: SideWindows
    record_actions: RecordActions
    practice_actions: PracticeActions
    share_actions: ShareActions
    phone_capture: PhoneCapture
    sync: SyncScheduler
    opinions: OpinionNotice
    emergency: EmergencyAccessControl
    practice: PracticeInbox
    record_tabs: QTabWidget

    def __init__(
        self,
        settings: Settings,
        *,
        vault_folder: Path | None = None,
        kdf: KdfParams | None = None,
        settings_path: Path | None = None,
        camera: str | None = None,
        furnish_later: bool = False,
    ) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(icon("app"))
        self.settings = settings
        self.settings_path = settings_path
        self.ctx = GuiContext(
            settings=settings,
            session=ClinicSession(kdf=kdf),
            worker=DbWorker(),
            images=ImagePool(),
            changes=ChangeNotifier(),
            notifier=Notifier(lambda: self),
        )
        self.ctx.worker.default_failure = self.ctx.notifier.failure
        self.ctx.bucket = BucketImages(self.ctx.session, self.ctx.worker, self)
        self.state = SessionState(self)
        self._resume: tuple[str, str] | None = None  # (login, patient id) open at the lock
        self._shut_down = False
        self._camera = camera
        self.furnished = False

        self.stack = QStackedWidget()
        # Shown until the vault's header has been read: the window's background alone,
        # so that the first page painted is the unlock screen with its clinicians.
        self.stack.addWidget(QWidget())
        self.setCentralWidget(self.stack)
        folder = vault_folder or (Path(settings.vault_path) if settings.vault_path else None)
        self.vault_folder = folder or default_vault_dir()
        self.entrance = Entrance(
            self.ctx,
            self.state,
            self.stack,
            self.vault_folder,
            settings_path=settings_path,
            enter=self._enter_workspace,
            show_locked_ui=lambda: self._set_unlocked_ui(False),
            show_state=lambda folder, name: self.status.show_state(folder, name),
        )
        self.unlock_page, self.unlock_card = self.entrance.unlock_page, self.entrance.unlock_card
        self.commands = build_actions(self, self)
        self.menus = build_menus(self.menuBar(), self.commands)
        self.status = StatusBar(self.statusBar(), self.ctx)
        self.idle = IdleWatcher(settings.auto_lock_minutes * 60_000, self)
        self.idle.idle.connect(self.lock)
        self._fit_first_size()
        self._set_unlocked_ui(False)
        if furnish_later:  # after the first paint of whichever page the way in shows
            first_paint.after_first_paint(self.unlock_page, self._furnish)
        else:
            self._furnish()
        if (self.vault_folder / "vault.json").exists():
            self.entrance.open_vault(self.vault_folder)
        else:
            if furnish_later:
                first_paint.after_first_paint(self.first_run, self._furnish)
            self.stack.setCurrentWidget(self.first_run_card)

    def _furnish(self) -> None:
        """The workspace and everything behind the unlock screen (once)."""
        if self.furnished:
            return
        self.furnished = True
        from pixiodoc_desktop.gui.furnishing import furnish

        furnish(self, self, camera=self._camera)

    @property
    def first_run(self) -> FirstRunPage:
        return self.entrance.first_run  # built when first shown

    @property
    def first_run_card(self) -> QWidget:
        return self.entrance.first_run_card

    @property
    def recovery_page(self) -> RecoveryKeyPage:
        return self.entrance.recovery_page  # built when first shown

    @property
    def recovery_card(self) -> QWidget:
        return self.entrance.recovery_card

    @property
    def login_info(self) -> LoginInfo | None:
        return self.state.clinician

    @property
    def vault_info(self) -> VaultInfo | None:
        return self.entrance.vault_info

    @property
    def viewer(self) -> ViewerWindow | None:
        return self.workspace.viewer if self.furnished else None

    @property
    def record(self) -> PatientRecord | None:
        return self.state.record

    def _fit_first_size(self) -> None:
        """1360x860, but never bigger than the screen (a 1366x768 laptop shows it all)."""
        room = QApplication.primaryScreen().availableGeometry()
        self.resize(min(1360, room.width()), min(860, room.height()))

    def _set_unlocked_ui(self, unlocked: bool) -> None:
        is_admin = unlocked and self.login_info is not None and self.login_info.role == "admin"
        self.commands.enable(
            unlocked, has_patient=unlocked and self.record is not None, admin=is_admin
        )
        folder = str(self.vault_info.folder) if self.vault_info else ""
        name = self.login_info.display_name if unlocked and self.login_info else None
        self.status.show_state(folder, name)

    # --- the vault: open, create, unlock, lock --------------------------------------------

    def unlock(self, login: str, password: str, *, open_first_patient: bool = False) -> None:
        """Log in without the form (demo mode and tests)."""
        self._furnish()  # the demo logs in before the first paint
        self.opening.select_first = open_first_patient
        self.entrance.unlock(login, password)

    def _enter_workspace(self) -> None:
        assert self.login_info is not None
        self._furnish()  # already done unless the unlock came before the first paint
        # Qt appends the application's display name unless the title ends with it:
        # "Clinic — PixioDoc" names the product once.
        self.setWindowTitle(f"{self.login_info.clinic_name} — {APP_TITLE}")
        self.stack.setCurrentWidget(self.workspace)
        width = max(self.width(), 1000)
        self.workspace.fit(width)
        self._set_unlocked_ui(True)
        self.idle.start()
        self.patients.refresh()
        self.patients.search.setFocus()
        memory.settle()
        if self.login_info.role == "admin":
            self.side.review_emergencies()
        self.state.unlock()
        resume, self._resume = self._resume, None
        if resume is not None and resume[0] == self.login_info.login:
            self.opening.select_first = False  # the same clinician returns to their patient
            self.open_patient(resume[1])

    def is_unlocked(self) -> bool:
        return self.state.is_unlocked

    def lock(self) -> None:
        """Hide every patient datum at once, then drop the keys on the DB worker."""
        if not self.is_unlocked():
            return
        # In memory only: who had which record open, for their return (not another's).
        login, record = self.login_info, self.record
        self._resume = (login.login, record.patient.id) if login and record else None
        from pixiodoc_desktop.phone.pairing import EndReason

        self.phone_capture.end(EndReason.LOCKED)  # before its dialog is closed below
        self.sync.stop()
        self.idle.stop()
        self.ctx.worker.invalidate()
        self.ctx.images.invalidate()
        if self.ctx.bucket is not None:
            self.ctx.bucket.clear()
        self.thumbnails.clear()
        self.importer.abort()
        self.side.close_all()
        for dialog in self.findChildren(QDialog):
            if dialog is not self.viewer:
                dialog.reject()
        self.workspace.hide_viewer()
        self.patients.clear()
        self.workspace.show_no_record()
        self.setWindowTitle(APP_TITLE)
        self.entrance.show_unlock(self.login_info.login if self.login_info else "")
        self._set_unlocked_ui(False)
        self.entrance.lock_session()
        QTimer.singleShot(0, memory.release)
        self.state.lock()

    # --- patients ------------------------------------------------------------------------

    def focus_search(self) -> None:
        if self.is_unlocked():
            self.patients.search.setFocus()
            self.patients.search.selectAll()

    def bring_forward(self) -> None:
        """The practice software asked for a patient: this window comes to the front."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def open_patient(self, patient_id: str) -> None:
        self.opening.open(patient_id)

    def close_record(self) -> None:
        """The open record is gone (erased, or an emergency access ended): show none."""
        self.opening.close()

    # The actions' slots (window_chrome.WorkspaceCommands); the editing itself is RecordEditing's.

    def new_patient(self) -> None:
        self.editing.new_patient()

    def edit_patient(self) -> None:
        self.editing.edit_patient()

    def new_visit(self) -> None:
        self.editing.new_visit()

    def new_lesion(self) -> None:
        self.editing.new_lesion()

    def record_consent(self) -> None:
        self.editing.record_consent()

    # --- photos: thumbnails, viewer, side windows and import -----------------------------------------------------------

    def open_selected(self) -> None:
        self.workspace.open_selected()

    def open_capture(self) -> None:
        if self.record is not None:  # the capture screen offers the phone too
            selected = self.timeline.timeline.selected()
            self.phone_capture.offer_in(self.side.capture(self.record.patient.id, selected))

    def open_compare(self) -> None:
        selected = self.timeline.timeline.selected()
        if selected is not None and self.record is not None:
            self.side.compare(selected, self.record.patient.id)

    def open_audit_trail(self) -> None:
        if self.is_unlocked():
            self.side.audit_trail()

    def open_clinicians(self) -> None:
        if self.is_unlocked():
            self.side.clinicians()

    def open_viewer(self, photo_id: str) -> None:
        self.workspace.open_viewer(photo_id)

    def ask_import_files(self) -> list[Path]:
        """The files to import (tests replace this)."""
        from pixiodoc_desktop.gui.importing import image_file_filter

        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import photos"),
            str(documents_folder()),
            image_file_filter(),
        )
        return [Path(n) for n in names]

    def choose_import(self) -> None:
        self.editing.choose_import()

    def import_paths(self, paths: list[Path], visit_id: str | None = None) -> None:
        self.editing.import_paths(paths, visit_id)

    # --- settings and shutdown ---------------------------------------------------------------

    def open_settings(self) -> None:
        from pixiodoc_desktop.gui.settings_opening import open_settings  # on demand, not at start

        open_settings(self, self)

    def shutdown(self) -> None:
        """Lock, then stop the workers and wait for their threads (idempotent)."""
        if self._shut_down:
            return
        self._shut_down = True
        if self.furnished:
            self.phone_capture.shutdown()
            self.side.patient_screen.stop()
            self.sync.stop()
            self.practice.stop()
            self.importer.abort()
            self.thumbnails.shutdown()
            self.workspace.shut_viewer()
        self.idle.stop()
        self.ctx.worker.invalidate()
        session = self.ctx.session
        self.ctx.worker.submit(session.close, None, lambda _exc: None, keep_after_lock=True)
        self.ctx.worker.stop()
        self.ctx.images.stop()
        if self.ctx.bucket is not None:
            self.ctx.bucket.stop()
        memory.release()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.furnished and not self._shut_down and self.side.taking():
            # A burst's frames are still arriving (at most BURST_TIMEOUT_MS): its photo goes
            # to the vault first, and quitting (shutdown) waits for that write.
            event.ignore()
            self.statusBar().showMessage(self.tr("Storing the photo just taken, then closing…"))
            QTimer.singleShot(50, self.close)
            return
        self.shutdown()
        super().closeEvent(event)
