"""The workstation window: first run, unlock, and the workspace (patients, timeline, details).

It owns the workers, the clinic session and the `SessionState` (who is
logged in, which record is open) that every other part observes, and wires
the screens together. Locking hides all patient data at once: the models are cleared, the
workspace is replaced by the unlock screen, the title loses the clinic's
context, and only then are the keys dropped on the DB worker.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.records.photos import ImageSize
from pixiodoc_desktop.clinic.records.visits import MapPosition
from pixiodoc_desktop.config import Settings, default_vault_dir, save_settings
from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.gui import memory
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.emergency_access import EmergencyAccessControl
from pixiodoc_desktop.gui.idle import IdleWatcher
from pixiodoc_desktop.gui.importing import ImportController
from pixiodoc_desktop.gui.notify import Notifier
from pixiodoc_desktop.gui.phone_capture import PhoneCapture
from pixiodoc_desktop.gui.practice_actions import PracticeActions
from pixiodoc_desktop.gui.practice_inbox import PracticeInbox
from pixiodoc_desktop.gui.record_actions import RecordActions
from pixiodoc_desktop.gui.record_loader import RecordLoader
from pixiodoc_desktop.gui.session import ClinicSession, LoginInfo, PatientRecord, VaultInfo
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.share_actions import ShareActions
from pixiodoc_desktop.gui.side_windows import SideWindows, place_on_parent_screen
from pixiodoc_desktop.gui.sync_scheduler import SyncScheduler
from pixiodoc_desktop.gui.theme import apply_theme, icon
from pixiodoc_desktop.gui.thumbnails import ThumbnailCache, ThumbnailLoader
from pixiodoc_desktop.gui.views.body_map_panel import BodyMapPanel
from pixiodoc_desktop.gui.views.details import DetailsPanel
from pixiodoc_desktop.gui.views.dialogs import (
    ConsentDialog,
    LesionDialog,
    PatientDialog,
    PhotoNotesDialog,
    VisitDialog,
)
from pixiodoc_desktop.gui.views.first_run import FirstRunPage
from pixiodoc_desktop.gui.views.import_context_dialog import ImportContextDialog
from pixiodoc_desktop.gui.views.patients import PatientPanel
from pixiodoc_desktop.gui.views.recovery_key import RecoveryKeyPage
from pixiodoc_desktop.gui.views.settings import SettingsDialog
from pixiodoc_desktop.gui.views.timeline import TimelinePanel
from pixiodoc_desktop.gui.views.unlock import UnlockPage
from pixiodoc_desktop.gui.views.viewer import ViewerWindow
from pixiodoc_desktop.gui.widgets.timeline_view import tile_image
from pixiodoc_desktop.gui.window_chrome import StatusBar, build_actions, build_menus
from pixiodoc_desktop.gui.workers import ChangeNotifier, DbOperation, DbWorker, ImagePool
from pixiodoc_desktop.phone.pairing import EndReason
from pixiodoc_desktop.vault.keys import STANDARD_KDF, KdfParams

log = logging.getLogger(__name__)

APP_TITLE = "PixioDoc"


def _card(page: QWidget, width: int = 560) -> QWidget:
    """Centre a form on a calm background, as a card."""
    outer = QWidget()
    frame = QFrame()
    frame.setProperty("role", "card")
    # A fixed width lets word-wrapped labels report the height they really need.
    frame.setFixedWidth(width)
    inner = QVBoxLayout(frame)
    inner.setContentsMargins(32, 28, 32, 24)
    inner.addWidget(page)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(frame)
    row.addStretch(1)
    layout = QVBoxLayout(outer)
    layout.addStretch(1)
    layout.addLayout(row)
    layout.addStretch(2)
    return outer


class MainWindow(QMainWindow):
    """One workstation window. `shutdown()` stops every thread it started.

    `state` announces login, lock and the record opened (see `SessionState`).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        vault_folder: Path | None = None,
        kdf: KdfParams = STANDARD_KDF,
        settings_path: Path | None = None,
        camera: str | None = None,
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
        self.thumbnails = ThumbnailLoader(
            self._fetch_thumbnail,
            ThumbnailCache.for_settings(settings),
            submit=self._db_submit,
            parent=self,
        )
        self.state = SessionState(self)
        self.vault_info: VaultInfo | None = None
        self._select_first_patient = False
        self._resume: tuple[str, str] | None = None  # (login, patient id) open at the lock
        self._shut_down = False
        self.viewer: ViewerWindow | None = None

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        folder = vault_folder or (Path(settings.vault_path) if settings.vault_path else None)
        self.vault_folder = folder or default_vault_dir()
        self.first_run = FirstRunPage(self.ctx, self.vault_folder)
        self.unlock_page = UnlockPage(self.ctx)
        self.recovery_page = RecoveryKeyPage()
        self.first_run_card = _card(self.first_run, 620)
        self.unlock_card = _card(self.unlock_page)
        self.recovery_card = _card(self.recovery_page, 620)
        self.workspace = self._build_workspace()
        for page in (self.first_run_card, self.unlock_card, self.recovery_card, self.workspace):
            self.stack.addWidget(page)
        self.importer = ImportController(self.ctx, self)
        self.side = SideWindows(self.ctx, self, camera=camera, thumbnails=self.thumbnails)
        self.state.patient_opened.connect(self.side.patient_opened)
        self.side.patient_screen.watch(self.state)
        self.loader = RecordLoader(
            self.ctx, self.thumbnails.cache, self.timeline.timeline, lambda: self.record, self
        )
        self.loader.loaded.connect(self._show_record)
        self.commands = build_actions(self, self)
        self.menus = build_menus(self.menuBar(), self.commands)
        self.status = StatusBar(self.statusBar(), self.ctx)
        self.record_actions = RecordActions(
            self.ctx,
            self.state,
            self,
            self.commands,
            self.menus,
            close_record=self.close_record,
            thumbnail=self.thumbnails.thumbnail,
            selected_photo=self.timeline.timeline.selected,
        )
        self.practice_actions = PracticeActions(
            self.ctx,
            self.state,
            self,
            self.menus,
            selected_photo=self.timeline.timeline.selected,
            open_patient=self.open_patient,
            open_capture=self.side.capture,
            gdt_changed=lambda: self.practice.restart(),
        )
        self.share_actions = ShareActions(
            self.ctx, self.state, self, self.commands, self.menus, self.thumbnails.thumbnail
        )
        self.phone_capture = PhoneCapture(self.ctx, self.state, self, self.commands, self.menus)
        self.sync = SyncScheduler(self.ctx, self.state, self, self.menus.practice, self.statusBar())
        self.emergency = EmergencyAccessControl(
            self.ctx,
            self.state,
            self,
            self.menus.patient,
            self.commands.edit_patient,
            self.timeline,
            open_patient=self.open_patient,
            close_record=self.close_record,
        )
        self.practice = PracticeInbox(
            self.ctx,
            self.state,
            open_patient=self.open_patient,
            open_capture=self.side.capture,
            bring_forward=self.bring_forward,
            parent=self,
        )
        self.idle = IdleWatcher(settings.auto_lock_minutes * 60_000, self)
        self.idle.idle.connect(self.lock)
        self.first_run.created.connect(self._vault_created)
        self.first_run.open_requested.connect(self._open_chosen)
        self.unlock_page.unlocked.connect(self._unlocked)
        self.unlock_page.other_vault_requested.connect(self._choose_vault)
        self.recovery_page.finished.connect(self._enter_workspace)
        self.ctx.changes.patient_changed.connect(self._record_changed)
        self.ctx.changes.photos_changed.connect(self._record_changed)
        self.thumbnails.thumbnailReady.connect(self._keep_tile_size)
        self.thumbnails.thumbnailReady.connect(self.timeline.timeline.thumbnail_ready)
        self._fit_first_size()
        self._set_unlocked_ui(False)
        if (self.vault_folder / "vault.json").exists():
            self.open_vault(self.vault_folder)
        else:
            self.stack.setCurrentWidget(self.first_run_card)

    @property
    def login_info(self) -> LoginInfo | None:
        return self.state.clinician

    @property
    def record(self) -> PatientRecord | None:
        return self.state.record

    def _fit_first_size(self) -> None:
        """1360x860, but never bigger than the screen (a 1366x768 laptop shows it all)."""
        room = QApplication.primaryScreen().availableGeometry()
        self.resize(min(1360, room.width()), min(860, room.height()))

    # --- building -----------------------------------------------------------------

    def _build_workspace(self) -> QWidget:
        self.patients = PatientPanel(self.ctx)
        self.timeline = TimelinePanel(self.thumbnails.thumbnail, self.thumbnails.request)
        self.details = DetailsPanel()
        self.body_map = BodyMapPanel(self.ctx, self.state)
        self.record_tabs = QTabWidget()
        self.record_tabs.setObjectName("recordTabs")
        self.record_tabs.addTab(self.details, self.tr("Details"))
        self.record_tabs.addTab(self.body_map, self.tr("Body map"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("Workspace")
        splitter.addWidget(self.patients)
        splitter.addWidget(self.timeline)
        splitter.addWidget(self.record_tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.patients.patient_chosen.connect(self.open_patient)
        # Once the clinician searches or picks, the demo's "open the first patient" is off:
        # a late first search must not open a patient behind their back.
        self.patients.patient_chosen.connect(self._user_chose)
        self.patients.search.textEdited.connect(self._user_chose)
        self.patients.new_patient_requested.connect(self.new_patient)
        self.patients.search_done.connect(self._search_done)
        self.patients.files_dropped.connect(self._dropped_on_patient)
        self.timeline.edit_patient_requested.connect(self.edit_patient)
        self.timeline.new_visit_requested.connect(self.new_visit)
        self.timeline.new_lesion_requested.connect(self.new_lesion)
        self.timeline.consent_requested.connect(self.record_consent)
        self.timeline.import_requested.connect(self.choose_import)
        self.timeline.timeline.photo_selected.connect(self.details.show_photo)
        self.timeline.timeline.photo_activated.connect(self.open_viewer)
        self.timeline.timeline.files_dropped.connect(self._dropped)
        self.details.open_viewer_requested.connect(self.open_selected)
        self.details.edit_notes_requested.connect(self.edit_photo_notes)
        self.details.edit_visit_requested.connect(self.edit_visit)
        self.details.consent_requested.connect(self.record_consent)
        self.body_map.new_lesion_at.connect(self.new_lesion_at)
        self.body_map.map.site_chosen.connect(self.timeline.show_site)
        self.body_map.map.lesion_chosen.connect(self.timeline.show_lesion)
        return splitter

    def _set_unlocked_ui(self, unlocked: bool) -> None:
        for action in self.commands.need_session:
            action.setEnabled(unlocked)
        has_patient = unlocked and self.record is not None
        for action in self.commands.need_patient:
            action.setEnabled(has_patient)
        is_admin = unlocked and self.login_info is not None and self.login_info.role == "admin"
        for action in self.commands.need_admin:
            action.setEnabled(is_admin)
            action.setVisible(is_admin)
        folder = str(self.vault_info.folder) if self.vault_info else ""
        name = self.login_info.display_name if unlocked and self.login_info else None
        self.status.show_state(folder, name)

    # --- the vault: open, create, unlock, lock --------------------------------------------

    def open_vault(self, folder: Path) -> None:
        session = self.ctx.session
        DbOperation(lambda: session.open(folder)).success(self._vault_opened).survive_lock().run(
            self.ctx.worker
        )

    def _choose_vault(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a vault"))
        if folder:
            self._open_chosen(Path(folder))

    def _open_chosen(self, folder: Path) -> None:
        self._remember(folder=folder)
        self.open_vault(folder)

    def _vault_opened(self, info: VaultInfo) -> None:
        self.vault_info = info
        self.unlock_page.show_vault(info, self.settings.last_login)
        self.stack.setCurrentWidget(self.unlock_card)
        self._set_unlocked_ui(False)

    def _vault_created(self, info: VaultInfo, login: LoginInfo, key: str) -> None:
        self.vault_info = info
        self.state.log_in(login)
        self._remember(login.login, info.folder)
        self.status.show_state(str(info.folder), login.display_name)
        self.recovery_page.show_key(key, clinic=login.clinic_name, folder=str(info.folder))
        self.stack.setCurrentWidget(self.recovery_card)

    def unlock(self, login: str, password: str, *, open_first_patient: bool = False) -> None:
        """Log in without the form (demo mode and tests)."""
        self._select_first_patient = open_first_patient
        session = self.ctx.session
        DbOperation(lambda: session.unlock(login, password)).success(
            self._unlocked
        ).survive_lock().run(self.ctx.worker)

    def _unlocked(self, info: LoginInfo) -> None:
        self.state.log_in(info)
        self._remember(info.login)
        self._enter_workspace()

    def _remember(self, login: str | None = None, folder: Path | None = None) -> None:
        """Preselect the clinician (and vault) next time: preferences, not clinical data."""
        changed = False
        if login is not None and login != self.settings.last_login:
            self.settings.last_login = login
            changed = True
        if folder is not None and str(folder) != self.settings.vault_path:
            self.settings.vault_path = str(folder)
            changed = True
        if not changed:
            return
        try:
            save_settings(self.settings, self.settings_path)
        except (OSError, InvalidInput):
            log.warning("The settings file could not be written")

    def _enter_workspace(self) -> None:
        assert self.login_info is not None
        # Qt appends the application's display name unless the title ends with it:
        # "Clinic — PixioDoc" names the product once.
        self.setWindowTitle(f"{self.login_info.clinic_name} — {APP_TITLE}")
        self.stack.setCurrentWidget(self.workspace)
        width = max(self.width(), 1000)
        self.splitter.setSizes([280, width - 280 - 330, 330])
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
            self._select_first_patient = False  # the same clinician returns to their patient
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
        self.phone_capture.end(EndReason.LOCKED)  # before its dialog is closed below
        self.sync.stop()
        self.idle.stop()
        self.ctx.worker.invalidate()
        self.ctx.images.invalidate()
        self.thumbnails.clear()
        self.importer.abort()
        self.side.close_all()
        for dialog in self.findChildren(QDialog):
            if dialog is not self.viewer:
                dialog.reject()
        if self.viewer is not None:
            self.viewer.clear()
            self.viewer.hide()
        self.patients.clear()
        self.timeline.show_record(None)
        self.details.show_record(None)
        self.setWindowTitle(APP_TITLE)
        if self.vault_info is not None:
            self.unlock_page.show_vault(
                self.vault_info, self.login_info.login if self.login_info else ""
            )
        self.stack.setCurrentWidget(self.unlock_card)
        self._set_unlocked_ui(False)
        session = self.ctx.session

        def lock_and_list() -> VaultInfo | None:
            session.lock()
            return session.info()

        # Clinicians added or deactivated in the session just locked are listed (or not).
        DbOperation(lock_and_list).success(self._clinicians_listed).survive_lock().run(
            self.ctx.worker
        )
        QTimer.singleShot(0, memory.release)
        self.state.lock()

    def _clinicians_listed(self, info: VaultInfo | None) -> None:
        if info is None or self.vault_info is None or info.folder != self.vault_info.folder:
            return
        self.vault_info = info
        if not self.is_unlocked():
            self.unlock_page.set_clinicians(info.clinicians, self.unlock_page.selected_login())

    # --- patients ------------------------------------------------------------------------

    def _search_done(self, count: int) -> None:
        if self._select_first_patient and count:
            self._select_first_patient = False
            self.patients.select_row(0)

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
        self.loader.open(patient_id)

    def _user_chose(self, *_what: object) -> None:
        self._select_first_patient = False

    def _show_record(self, record: PatientRecord, fresh: bool = False) -> None:
        same = self.record is not None and self.record.patient.id == record.patient.id
        if not fresh and not same:
            return  # a refresh of a record no longer open (another one opened meanwhile)
        selected = self.timeline.timeline.selected() if same and not fresh else None
        self.timeline.show_record(record, refresh=same and not fresh)
        photos = self.timeline.timeline.photos()
        if selected is None and photos:
            selected = photos[0].id
        self.timeline.timeline.select(selected, emit=False)
        self.details.show_record(record, selected)
        self.patients.note_recent(record.patient)
        self.state.show_record(record)
        self._set_unlocked_ui(True)
        if record.complete:
            memory.settle()

    def close_record(self) -> None:
        """The open record is gone (erased, or an emergency access ended): show none."""
        self.timeline.show_record(None)
        self.details.show_record(None)
        self.state.close_record()
        self._set_unlocked_ui(self.is_unlocked())

    def _record_changed(self, patient_id: str) -> None:
        if self.record is not None and self.record.patient.id == patient_id:
            self.loader.refresh(patient_id)

    def _open_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def new_patient(self) -> None:
        if not self.is_unlocked():
            return
        dialog = PatientDialog(self.ctx, None, self)
        dialog.saved.connect(lambda patient: self.open_patient(patient.id))
        self._open_dialog(dialog)

    def edit_patient(self) -> None:
        if self.record is not None:
            self._open_dialog(PatientDialog(self.ctx, self.record.patient, self))

    def new_visit(self) -> None:
        if self.record is not None:
            self._open_dialog(VisitDialog(self.ctx, self.record.patient.id, None, self))

    def edit_visit(self) -> None:
        if self.record is not None and self.details.visit is not None:
            self._open_dialog(
                VisitDialog(self.ctx, self.record.patient.id, self.details.visit, self)
            )

    def new_lesion(self) -> None:
        if self.record is not None:
            self._open_dialog(LesionDialog(self.ctx, self.record.patient.id, self))

    def new_lesion_at(self, place: MapPosition, site: str) -> None:
        """A lesion where the body map was clicked: the dialog starts at that site and place."""
        if self.record is not None:
            self._open_dialog(
                LesionDialog(self.ctx, self.record.patient.id, self, site=site, place=place)
            )

    def record_consent(self) -> None:
        if self.record is not None:
            self._open_dialog(ConsentDialog(self.ctx, self.record.patient.id, self))

    def edit_photo_notes(self) -> None:
        if self.details.photo is not None:
            self._open_dialog(PhotoNotesDialog(self.ctx, self.details.photo, self))

    # --- photos: viewer and import -----------------------------------------------------------

    def _keep_tile_size(self, photo_id: str) -> None:
        """Cache thumbnails at the size the timeline draws them: half the memory."""
        cache = self.thumbnails.cache
        image = cache.get(photo_id)
        if image is not None:
            tile = tile_image(image, self.timeline.timeline.devicePixelRatioF())
            if tile.sizeInBytes() < image.sizeInBytes():
                cache.put(photo_id, tile)

    def _fetch_thumbnail(self, photo_id: str) -> bytes:
        services, actor = self.ctx.session.require()
        return services.photos.image(actor, photo_id, ImageSize.THUMBNAIL)

    def _db_submit(self, job: Any, on_done: Any, on_error: Any) -> None:
        self.ctx.worker.submit(job, on_done, on_error)

    def open_selected(self) -> None:
        selected = self.timeline.timeline.selected()
        if selected is not None:
            self.open_viewer(selected)

    def open_capture(self) -> None:
        if self.record is not None:
            view = self.side.capture(self.record.patient.id)
            row = getattr(view, "trigger_row", None)
            if row is not None and not view.property("phoneOffered"):  # the phone too, once
                view.setProperty("phoneOffered", True)
                button = self.phone_capture.offer_in(view, getattr(view, "context", None))
                row.insertWidget(2, button)
                button.show()  # the screen is already shown

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
        if self.viewer is None:
            self.viewer = ViewerWindow(self.ctx, self)
            self.viewer.viewer.currentChanged.connect(self._viewer_moved)
            place_on_parent_screen(self.viewer, self)  # 1100x800 is taller than a laptop
        self.viewer.show_photos(self.timeline.timeline.photos(), photo_id)

    def _viewer_moved(self, photo_id: str) -> None:
        if photo_id:
            self.timeline.timeline.select(photo_id)

    def ask_import_files(self) -> list[Path]:
        """The files to import (tests replace this)."""
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import photos"),
            "",
            self.tr("Images (*.jpg *.jpeg *.png *.tif *.tiff *.heic);;All files (*)"),
        )
        return [Path(n) for n in names]

    def choose_import(self) -> None:
        if self.record is not None:
            self.ask_import_context(self.ask_import_files())

    def _dropped(self, paths: list[Path], visit_id: str) -> None:
        self.ask_import_context(paths, visit_id or None)

    def ask_import_context(
        self, paths: list[Path], visit_id: str | None = None
    ) -> ImportContextDialog | None:
        """Ask where the files go (defaults: the timeline's selection), then import them
        into the record shown in the header, whose patient the dialog names."""
        record = self.record
        if record is None or not paths:
            return None
        selected_id = self.timeline.timeline.selected()
        selected = next((p for p in record.photos if p.id == selected_id), None)
        dialog = ImportContextDialog(record, len(paths), self, selected=selected, visit_id=visit_id)
        dialog.chosen.connect(
            lambda context: self.importer.start(context.patient_id, paths, context=context)
        )
        self._open_dialog(dialog)
        return dialog

    def _dropped_on_patient(self, patient_id: str, paths: list[Path]) -> None:
        if self.record is None or self.record.patient.id != patient_id:
            self.open_patient(patient_id)
        self.importer.start(patient_id, paths, None)

    def import_paths(self, paths: list[Path], visit_id: str | None = None) -> None:
        if self.record is None:
            return
        self.importer.start(self.record.patient.id, paths, visit_id)

    # --- settings and shutdown ---------------------------------------------------------------

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self, path=self.settings_path)
        dialog.saved.connect(self._settings_saved)
        self._open_dialog(dialog)

    def _settings_saved(self, new: Settings, old: Settings) -> None:
        self.settings = new
        self.ctx.settings = new
        self.idle.set_interval(new.auto_lock_minutes * 60_000)
        if new.theme != old.theme:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, new.theme)
                self.timeline.apply_theme()
                self.timeline.timeline.viewport().update()
        self.ctx.notifier.info(self.tr("Settings saved."))

    def shutdown(self) -> None:
        """Lock, then stop the workers and wait for their threads (idempotent)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.phone_capture.shutdown()
        self.side.patient_screen.stop()
        self.sync.stop()
        self.practice.stop()
        self.idle.stop()
        self.importer.abort()
        self.thumbnails.shutdown()
        if self.viewer is not None:
            self.viewer.clear()
            self.viewer.viewer.shutdown()
        self.ctx.worker.invalidate()
        session = self.ctx.session
        self.ctx.worker.submit(session.lock, None, lambda _exc: None, keep_after_lock=True)
        self.ctx.worker.stop()
        self.ctx.images.stop()
        memory.release()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
