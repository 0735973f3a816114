"""Everything behind the unlock screen: the workspace, its panels and the parts that
add menus, status-bar widgets and side windows (record actions, practice software,
sharing, phone capture, sync, second opinions, emergency access).

`MainWindow` builds it once the unlock screen has been painted (or at once), so that
this module and the heavy ones it imports (OpenCV, SQLAlchemy, boto3, pydicom,
reportlab) stay out of the way in: only `MainWindow._furnish` imports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QMainWindow, QStackedWidget, QTabWidget

from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.emergency_access import EmergencyAccessControl
from pixiodoc_desktop.gui.importing import ImportController
from pixiodoc_desktop.gui.opinion_notice import OpinionNotice
from pixiodoc_desktop.gui.phone_capture import PhoneCapture
from pixiodoc_desktop.gui.practice_actions import PracticeActions
from pixiodoc_desktop.gui.practice_inbox import PracticeInbox
from pixiodoc_desktop.gui.record_actions import RecordActions
from pixiodoc_desktop.gui.record_editing import RecordEditing
from pixiodoc_desktop.gui.record_opening import RecordOpening
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.share_actions import ShareActions
from pixiodoc_desktop.gui.side_windows import SideWindows
from pixiodoc_desktop.gui.sync_scheduler import SyncScheduler
from pixiodoc_desktop.gui.thumbnails import ThumbnailLoader
from pixiodoc_desktop.gui.views.body_map_panel import BodyMapPanel
from pixiodoc_desktop.gui.views.details import DetailsPanel
from pixiodoc_desktop.gui.views.patients import PatientPanel
from pixiodoc_desktop.gui.views.timeline import TimelinePanel
from pixiodoc_desktop.gui.window_chrome import WindowActions, WindowMenus
from pixiodoc_desktop.gui.workspace import Workspace, vault_thumbnails


class Furnishable(Protocol):
    """The window as `furnish` sees it: what the parts need, and where they are kept."""

    ctx: GuiContext
    state: SessionState
    commands: WindowActions
    menus: WindowMenus
    stack: QStackedWidget
    thumbnails: ThumbnailLoader
    workspace: Workspace
    patients: PatientPanel
    timeline: TimelinePanel
    record_tabs: QTabWidget
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

    def open_patient(self, patient_id: str) -> None: ...
    def close_record(self) -> None: ...
    def bring_forward(self) -> None: ...
    def ask_import_files(self) -> list[Path]: ...
    def is_unlocked(self) -> bool: ...
    def _set_unlocked_ui(self, unlocked: bool) -> None: ...


def furnish(owner: QMainWindow, window: Furnishable, *, camera: str | None) -> None:
    """Build the parts into `window` (the main window, as `owner` the parent of them all)."""
    window.thumbnails = vault_thumbnails(window.ctx, owner)
    window.workspace = Workspace(window.ctx, window.state, window.thumbnails, owner)
    window.stack.addWidget(window.workspace)
    window.patients, window.timeline = window.workspace.patients, window.workspace.timeline
    window.record_tabs = window.workspace.record_tabs
    window.details, window.body_map = window.workspace.details, window.workspace.body_map
    window.opening = RecordOpening(
        window.ctx, window.state, window.workspace, window.thumbnails.cache, window._set_unlocked_ui
    )
    window.importer = ImportController(window.ctx, owner)
    window.editing = RecordEditing(
        window.ctx,
        window.state,
        owner,
        panels=(window.patients, window.timeline, window.details, window.body_map),
        importer=window.importer,
        open_patient=window.open_patient,
        ask_files=lambda: window.ask_import_files(),
    )
    window.side = SideWindows(window.ctx, owner, camera=camera, thumbnails=window.thumbnails)
    window.state.patient_opened.connect(window.side.patient_opened)
    window.side.patient_screen.watch(window.state)
    window.record_actions = RecordActions(
        window.ctx,
        window.state,
        owner,
        window.commands,
        window.menus,
        close_record=window.close_record,
        thumbnail=window.thumbnails.thumbnail,
        selected_photo=window.timeline.timeline.selected,
    )
    window.record_actions.erased.connect(window.patients.forget_recent)
    window.practice_actions = PracticeActions(
        window.ctx,
        window.state,
        owner,
        window.menus,
        selected_photo=window.timeline.timeline.selected,
        open_patient=window.open_patient,
        open_capture=window.side.capture,
        gdt_changed=lambda: window.practice.restart(),
    )
    window.share_actions = ShareActions(
        window.ctx, window.state, owner, window.commands, window.menus, window.thumbnails.thumbnail
    )
    window.phone_capture = PhoneCapture(
        window.ctx, window.state, owner, window.commands, window.menus
    )
    window.sync = SyncScheduler(
        window.ctx, window.state, owner, window.menus.practice, owner.statusBar()
    )
    window.sync.round_finished.connect(window.workspace.retry_images)
    window.sync.catching_up_changed.connect(window.timeline.set_catching_up)
    window.opinions = OpinionNotice(
        window.ctx,
        window.state,
        owner.statusBar(),
        window.patients.model,
        window.open_patient,
        window.sync.round_finished,
        owner,
    )
    window.emergency = EmergencyAccessControl(
        window.ctx,
        window.state,
        owner,
        window.menus.patient,
        window.commands.edit_patient,
        window.timeline,
        open_patient=window.open_patient,
        close_record=window.close_record,
    )
    window.practice = PracticeInbox(
        window.ctx,
        window.state,
        open_patient=window.open_patient,
        open_capture=window.side.capture,
        bring_forward=window.bring_forward,
        parent=owner,
    )
    window.ctx.changes.patient_changed.connect(window.opening.changed)
    window.ctx.changes.photos_changed.connect(window.opening.changed)
    window._set_unlocked_ui(window.is_unlocked())
