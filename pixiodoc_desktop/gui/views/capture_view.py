"""The capture screen: a live scope picture, the record it goes into, and the trigger.

Context comes first: the patient is given, the visit is today's (created with
the first photo), and the clinician picks body site, lesion and modality
before pressing Space, the button or a foot pedal. This window composes the
panels that do each part (record, overlay, camera, device profile, trigger
keys, hot folder, in tabs beside the preview; the Take photo row under it), has
the sitting's photos stored (capture_sitting) and shows each one's quality
verdict, with Retake and Discard.

Hiding or closing the screen, which locking the workstation does, stops the
camera, the hot folder and every thread they started.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from pixiodoc_desktop.capture.devices import DeviceChoice, ModeMemory, list_devices
from pixiodoc_desktop.capture.hotfolder import HotFolderEvent
from pixiodoc_desktop.capture.profiles import DeviceProfile, ProfileStore
from pixiodoc_desktop.capture.sources import CameraSource, Frame
from pixiodoc_desktop.capture.still import StillResult
from pixiodoc_desktop.clinic.records.photos import CaptureContext, PhotoSummary
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.views.capture_camera import CameraPanel, preferred_mode
from pixiodoc_desktop.gui.views.capture_hot_folder import HotFolderPanel
from pixiodoc_desktop.gui.views.capture_overlay import GhostOverlayPanel, ghost_candidate
from pixiodoc_desktop.gui.views.capture_profile import DeviceProfilePanel
from pixiodoc_desktop.gui.views.capture_quality import QualityBar
from pixiodoc_desktop.gui.views.capture_record import CaptureRecordPanel, starting_photo
from pixiodoc_desktop.gui.views.capture_sitting import SittingPhotos
from pixiodoc_desktop.gui.views.capture_tabs import CaptureTabs
from pixiodoc_desktop.gui.views.capture_take_row import TakePhotoRow
from pixiodoc_desktop.gui.views.capture_trigger import TriggerKeys
from pixiodoc_desktop.gui.widgets.live_preview import LivePreview
from pixiodoc_desktop.gui.workers import DbOperation

__all__ = ["CaptureView", "preferred_mode"]


class CaptureView(QDialog):
    """The capture screen for one patient. Create it per patient; it stops all its
    threads when hidden or closed (the workstation's lock rejects every dialog)."""

    photo_taken = Signal(object)  # StillResult
    photo_discarded = Signal(str)  # photo id
    ghost_shown = Signal(str)  # photo id of the ghost ("" when none)
    hot_folder_outcome = Signal(object)  # HotFolderEvent

    def __init__(
        self,
        ctx: GuiContext,
        patient_id: str,
        parent: QWidget | None = None,
        *,
        camera: str | None = None,
        devices: Callable[[], list[DeviceChoice]] = list_devices,
        profiles: ProfileStore | None = None,
        modes: ModeMemory | None = None,
        source_for: Callable[[DeviceChoice], CameraSource] | None = None,
        retry_every: float = 1.0,
        selected: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.patient_id = patient_id
        self.setObjectName("CaptureView")
        # Qt appends " — PixioDoc"; the patient's name follows once the record is loaded.
        self.setWindowTitle(self.tr("Capture"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._profiles = profiles or ProfileStore()
        self._active = False
        # Not a child of the screen: a photo stored after it closed is still announced.
        self.sitting = SittingPhotos(ctx, patient_id)
        # The photo the context starts from: the timeline's selection (None: the newest).
        self._aim: str | None = selected
        self._aimed = False

        self.live = LivePreview()
        self.record_panel = CaptureRecordPanel(patient_id)
        self.overlay_panel = GhostOverlayPanel(ctx, self.live, self._is_active)
        self.camera_panel = CameraPanel(
            ctx,
            self.live,
            self._is_active,
            camera=camera,
            devices=devices,
            modes=modes or ModeMemory(),
            source_for=source_for or (lambda choice: choice.source()),
            retry_every=retry_every,
        )
        self.profile_panel = DeviceProfilePanel(ctx, self.live, self._profiles, self._camera_name)
        self.trigger_keys = TriggerKeys(self)
        self.quality_bar = QualityBar()
        self.hot_folder_panel = HotFolderPanel(ctx, patient_id, self.context, self._is_active)
        self._build()
        self.record_panel.context_changed.connect(self._context_changed)
        self.overlay_panel.ghost_shown.connect(self.ghost_shown)
        self.camera_panel.running_changed.connect(self._running_changed)
        self.camera_panel.camera_chosen.connect(self.profile_panel.show_camera)
        self.camera_panel.fps_measured.connect(self._update_caption)
        self.camera_panel.captured.connect(self._store)
        self.sitting.stored.connect(self._stored)
        self.sitting.discarded.connect(self._discarded)
        self.profile_panel.changed.connect(lambda: self._update_caption())
        self.profile_panel.edited.connect(self._profile_edited)
        self.trigger_keys.pressed.connect(self.take_photo)
        self.take_row.take.connect(self.take_photo)
        self.quality_bar.retake.connect(self.take_photo)
        self.quality_bar.discard.connect(self.discard_last)
        self.hot_folder_panel.outcome.connect(self.hot_folder_outcome)
        self.hot_folder_panel.arrived.connect(self._hot_folder_photo)
        self.trigger_keys.load()
        self.ctx.changes.patient_changed.connect(self._record_changed)
        self.ctx.changes.photos_changed.connect(self._record_changed)
        self.resize(1280, 820)

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.tabs = CaptureTabs(
            (self.record_panel, self.overlay_panel),
            (self.camera_panel, self.profile_panel, self.trigger_keys),
            self.hot_folder_panel,
        )
        self.take_row = TakePhotoRow(spacing=8)
        # The row's parts, by the names the screen has always given them.
        self.take_button = self.take_row.take_button
        self.burst_check = self.take_row.burst_check
        self.take_reason = self.take_row.take_reason
        self.camera_caption = self.take_row.camera_caption
        self.trigger_row = self.take_row.row  # the window adds "Capture with phone…" here

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(8)
        left.addWidget(self.live, 1)
        left.addWidget(self.quality_bar)
        left.addWidget(self.take_row)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        layout.addLayout(left, 1)
        layout.addWidget(self.tabs)

    # --- life cycle ---------------------------------------------------------------------------

    def fit_side(self) -> None:
        """The settings tabs as wide as their widest page needs."""
        self.tabs.fit()

    def showEvent(self, event: QShowEvent) -> None:
        self.fit_side()
        super().showEvent(event)
        if not self._active:
            self._active = True
            self.camera_panel.paused = False
            self.load_record()
            self.camera_panel.start()
        elif self.camera_panel.paused:
            self.camera_panel.paused = False
            self.camera_panel.reopen()

    def hideEvent(self, event: QHideEvent) -> None:
        if event.spontaneous():
            # Minimised: the camera is released; a tethered camera's hot folder keeps
            # taking files into the record on screen.
            self.camera_panel.release()
        else:
            self.shutdown()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def clear(self) -> None:
        """The workstation locks: stop everything and forget what was shown."""
        self.shutdown()

    def shutdown(self) -> None:
        """Stop the camera, the hot folder and every thread this screen started; hide
        the picture and the ghost (the workstation may be locking)."""
        self._active = False
        self.camera_panel.release()
        self.camera_panel.paused = False
        self.stop_watching()
        self.overlay_panel.forget()

    def _is_active(self) -> bool:
        return self._active

    def taking(self) -> bool:
        """A photo is being taken (a burst's frames still arriving); quitting waits for it."""
        return self._active and self.camera_panel.taking()

    def is_running(self) -> bool:
        """True while frames flow from a camera."""
        return self.camera_panel.is_running()

    def _running_changed(self, running: bool) -> None:
        self._update_take()

    def _update_take(self) -> None:
        may_add = self._may_add()
        self.take_row.show_readiness(
            running=self.is_running(),
            may_add=may_add,
            view_only=self.record is not None and not may_add,
        )

    # --- the patient's record --------------------------------------------------------------

    @property
    def record(self) -> PatientRecord | None:
        return self.record_panel.record

    def load_record(self) -> None:
        session = self.ctx.session
        patient_id = self.patient_id
        DbOperation(lambda: session.patient_record(patient_id, audited=False)).success(
            self._show_record
        ).run(self.ctx.worker)

    def _record_changed(self, patient_id: str) -> None:
        if patient_id == self.patient_id and self._active:
            self.load_record()

    def _show_record(self, record: PatientRecord) -> None:
        if not self._active:
            return
        self.record_panel.show_record(record)
        if not self._aimed:
            self._aim_at(record)
        self.setWindowTitle(self.tr("Capture: %1").replace("%1", record.patient.display_name))
        self._update_session_label()
        self._update_take()
        self._choose_ghost()

    # --- the context --------------------------------------------------------------------------

    def aim(self, photo_id: str | None) -> None:
        """Start the context (site, lesion, modality, pose) from this photo of the record
        (the one selected in the timeline; None: the newest), as when the screen opened.
        The same photo again leaves what the clinician chose since untouched."""
        if photo_id == self._aim and self._aimed:
            return
        self._aim, self._aimed = photo_id, False
        if self.record is not None:
            self._aim_at(self.record)

    def _aim_at(self, record: PatientRecord) -> None:
        self._aimed = True
        photo = starting_photo(record, self._aim)
        if photo is not None:
            self.record_panel.aim_at(photo)  # the ghost follows (context_changed)

    def set_body_site(self, code: str | None) -> None:
        self.record_panel.set_body_site(code)

    def set_lesion(self, lesion_id: str | None) -> None:
        self.record_panel.set_lesion(lesion_id)

    def _context_changed(self) -> None:
        self.hot_folder_panel.set_context(self.context())
        self._choose_ghost()

    def context(self) -> CaptureContext:
        """Where the next photo goes, as chosen on screen (before the device profile)."""
        return self.record_panel.context()

    # --- camera and profile -------------------------------------------------------------------

    def _camera_name(self) -> str | None:
        choice = self.camera_panel.choice
        return choice.name if choice is not None else None

    def profile(self) -> DeviceProfile | None:
        """The profile as shown on screen; it is stored with each photo taken."""
        return self.profile_panel.profile()

    def choose_profile(self, name: str) -> None:
        """Use a stored profile (or start a new one under `name`)."""
        self.profile_panel.choose_profile(name)

    def _profile_edited(self) -> None:
        profile = self.profile()
        self.record_panel.lock_modality(profile.modality if profile is not None else None)

    def _update_caption(self, fps: float | None = None) -> None:
        self.take_row.show_profile(self.profile(), fps)

    def pedal_key(self) -> str:
        return self.trigger_keys.pedal_key()

    # --- taking photos --------------------------------------------------------------------------

    def take_photo(self) -> None:
        """Space, the pedal, the button: one photo (or the sharpest of a burst)."""
        if not self._may_add():
            return
        self.camera_panel.capture(burst=self.take_row.burst())

    def _store(self, frames: list[Frame]) -> None:
        choice = self.camera_panel.choice
        if choice is not None:
            self.sitting.store(frames, self.context(), self.profile(), choice.name)

    def _stored(self, result: StillResult) -> None:
        if not self._active:
            return  # closed while the photo was being stored (its widgets may be gone)
        self._update_session_label()
        self.quality_bar.show_result(result, may_delete=self._may_delete())
        self.photo_taken.emit(result)

    def quality_warning_shown(self) -> bool:
        return self.quality_bar.isVisible() and self.quality_bar.warning_shown()

    def discard_last(self) -> None:
        """Remove the photo just taken (it stays recoverable as a tombstone)."""
        self.sitting.discard_last()

    def _discarded(self, photo_id: str) -> None:
        if not self._active:
            return
        self.quality_bar.setVisible(False)
        self._update_session_label()
        self.ctx.notifier.info(self.tr("The last photo was removed."))
        self.photo_discarded.emit(photo_id)

    @property
    def session_photos(self) -> list[PhotoSummary]:
        """The photos this sitting added (taken here or arrived in the hot folder)."""
        return self.sitting.photos

    @property
    def last_result(self) -> StillResult | None:
        return self.sitting.last_result

    @property
    def last_burst(self) -> list[Frame]:
        return self.sitting.last_burst

    def _may_add(self) -> bool:
        """A View Only record (or one not loaded yet) takes no photos."""
        return self.record_panel.may_add()

    def _may_delete(self) -> bool:
        return self.record is not None and self.record.patient.access == "admin"

    def _update_session_label(self) -> None:
        self.record_panel.show_photos_taken(len(self.session_photos))

    # --- ghost overlay --------------------------------------------------------------------

    def ghost_candidate(self) -> PhotoSummary | None:
        """The newest photo of an earlier visit showing the chosen lesion (or body site),
        the same modality preferred."""
        record = self.record
        if record is None:
            return None
        context = self.context()
        modality = context.modality
        profile = self.profile()
        if profile is not None and profile.modality is not None:
            modality = str(profile.modality)
        return ghost_candidate(record, context, self.record_panel.visit_date(), modality)

    def _choose_ghost(self) -> None:
        names = self.record.series_names if self.record is not None else ()
        self.overlay_panel.show_candidate(self.ghost_candidate(), self.context(), names)

    # --- hot folder -----------------------------------------------------------------------

    @property
    def outcomes(self) -> list[HotFolderEvent]:
        return self.hot_folder_panel.outcomes

    def _hot_folder_photo(self, photo: PhotoSummary, pixels: object) -> None:
        """A photo from the tethered camera counts like a still and shows in the preview."""
        if not self._active or photo.patient_id != self.patient_id:
            return
        self.sitting.add(photo)
        self._update_session_label()
        if not self.is_running() and isinstance(pixels, np.ndarray):
            self.live.set_message("")
            self.live.set_frame(pixels)

    def start_watching(self, folder: Path) -> None:
        """Ingest every complete file the camera saves into `folder`, into the context shown."""
        self.hot_folder_panel.start_watching(folder)

    def stop_watching(self) -> None:
        self.hot_folder_panel.stop_watching()

    def is_watching(self) -> bool:
        return self.hot_folder_panel.is_watching()
