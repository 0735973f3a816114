"""The capture screen: a live scope picture, the record it goes into, and the trigger.

Context comes first: the patient is given, the visit is today's (created with
the first photo), and the clinician picks body site, lesion and modality
before pressing Space, the button or a foot pedal. The camera is chosen by
its name; its profile (polarised, contact, magnification, calibration) is
stored with every photo. The last visit's photo of the same site or lesion
can lie over the live picture as a ghost, whole or as edges, with a grid, so
that the framing of two visits matches.

Threads: the preview reads frames on its own thread and this screen paints
the newest one from a 60 Hz timer; opening a camera (which can take seconds)
runs on a short-lived thread; every vault call runs on the window's DB
worker, the hot folder's too (its own thread waits for the result). Hiding
or closing the screen, which locking the workstation does, stops them all.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QHideEvent, QImage, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSlider,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.capture.devices import (
    DeviceChoice,
    ModeMemory,
    list_devices,
    read_json,
    write_json,
)
from pixiodoc_desktop.capture.hotfolder import HotFolder, HotFolderEvent, Outcome
from pixiodoc_desktop.capture.preview import Preview, PreviewState
from pixiodoc_desktop.capture.profiles import (
    DeviceProfile,
    ProfileStore,
    px_per_mm_from_field_of_view,
    px_per_mm_from_ruler,
)
from pixiodoc_desktop.capture.quality import BLURRED, HIGHLIGHTS_CLIPPED, SHADOWS_CLIPPED
from pixiodoc_desktop.capture.sources import CameraSource, CaptureMode, Frame
from pixiodoc_desktop.capture.still import StillResult, take_best_of, take_still
from pixiodoc_desktop.clinic.photos import CaptureContext, ImageSize, IngestResult, PhotoSummary
from pixiodoc_desktop.clinic.vocabulary import Modality
from pixiodoc_desktop.config import config_dir
from pixiodoc_desktop.errors import (
    CameraBusy,
    CameraError,
    InvalidInput,
    PixioDocError,
    VaultLocked,
)
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.notify import error_text, translated_message
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.widgets.live_preview import LivePreview, ghost_images
from pixiodoc_desktop.gui.workers import DbOperation

log = logging.getLogger(__name__)

PAINT_INTERVAL_MS = 16  # ~60 Hz: every frame of a 30 or 60 fps camera, none twice
STATS_INTERVAL_MS = 1000
BURST = 3
BURST_TIMEOUT_MS = 2500
DEFAULT_PEDAL_KEY = "PgDown"
EXTRA_PEDAL_KEYS = ("F13",)  # what many USB foot pedals send out of the box
TRIGGER_FILE = "capture_trigger.json"
_VAULT_CALL_GIVE_UP = 120.0  # seconds a hot-folder ingest may wait for the DB worker


@dataclass(frozen=True, slots=True)
class _Opened:
    token: int
    choice: DeviceChoice
    source: CameraSource
    modes: list[CaptureMode]
    error: CameraError | None


class _Relay(QObject):
    """Lives on the GUI thread: whatever another thread emits here arrives queued."""

    state = Signal(int, str, str)  # token, PreviewState, message
    burst = Signal(int, object)  # token, list[Frame]
    opened = Signal(object)  # _Opened
    devices = Signal(object)  # list[DeviceChoice]
    outcome = Signal(object)  # HotFolderEvent
    vault_job = Signal(object)  # a callable for the DB worker


class _BurstCollector:
    """Collects the next N frames the capture thread delivers (all consecutive)."""

    def __init__(self, on_full: Callable[[list[Frame]], None]) -> None:
        self._lock = threading.Lock()
        self._wanted = 0
        self._frames: list[Frame] = []
        self._on_full = on_full

    def arm(self, count: int) -> None:
        with self._lock:
            self._wanted = count
            self._frames = []

    def disarm(self) -> list[Frame]:
        with self._lock:
            frames, self._frames, self._wanted = self._frames, [], 0
            return frames

    @property
    def armed(self) -> bool:
        with self._lock:
            return self._wanted > 0

    def on_frame(self, frame: Frame) -> None:
        with self._lock:
            if self._wanted <= 0:
                return
            self._frames.append(frame)
            if len(self._frames) < self._wanted:
                return
            frames, self._frames, self._wanted = self._frames, [], 0
        self._on_full(frames)


def preferred_mode(modes: list[CaptureMode], remembered: CaptureMode | None) -> CaptureMode | None:
    """The remembered mode if the camera still offers it, else the largest, MJPG first."""
    if not modes:
        return remembered
    if remembered is not None:
        for mode in modes:
            if (mode.width, mode.height) == (remembered.width, remembered.height) and (
                not remembered.fourcc or mode.fourcc == remembered.fourcc
            ):
                return mode
    return max(modes, key=lambda m: (m.pixels, m.fourcc == "MJPG", m.fps))


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
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.patient_id = patient_id
        self.setObjectName("CaptureView")
        self.setWindowTitle(self.tr("PixioDoc — capture"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._camera_path = camera
        self._list_devices = devices
        self._profiles = profiles or ProfileStore()
        self._modes = modes or ModeMemory()
        self._source_for = source_for or (lambda choice: choice.source())
        self._retry_every = retry_every
        self._relay = _Relay(self)
        self._relay.state.connect(self._on_state)
        self._relay.burst.connect(self._on_burst)
        self._relay.opened.connect(self._on_opened)
        self._relay.devices.connect(self._on_devices)
        self._relay.outcome.connect(self._on_outcome)
        self._relay.vault_job.connect(self._submit_vault_job)
        self._collector = _BurstCollector(self._burst_full)
        self._threads: list[threading.Thread] = []
        self._token = 0  # which camera opening is current
        self._preview: Preview | None = None
        self._choice: DeviceChoice | None = None
        self._device_choices: list[DeviceChoice] | None = None
        self._last_number = 0
        self._running = False
        self._active = False
        self._camera_paused = False
        self.record: PatientRecord | None = None
        self._ghost_id: str | None = None
        self._ghost_wanted: str | None = None
        self.last_result: StillResult | None = None
        self.session_photos: list[PhotoSummary] = []
        self.last_burst: list[Frame] = []
        self._hot: HotFolder | None = None
        self._hot_stopping = threading.Event()  # a waiting hot-folder ingest gives up
        self._opened_lock = threading.Lock()
        self._unclaimed: list[_Opened] = []  # opened cameras not yet taken by the GUI
        self._calibrated_width: int | None = None
        self.outcomes: list[HotFolderEvent] = []

        self.live = LivePreview()
        self.live.ruler_measured.connect(self._ruler_measured)
        self._paint_timer = QTimer(self)
        self._paint_timer.setInterval(PAINT_INTERVAL_MS)
        self._paint_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._paint_timer.timeout.connect(self._paint_newest)
        self._stats_timer = QTimer(self)
        self._stats_timer.setInterval(STATS_INTERVAL_MS)
        self._stats_timer.timeout.connect(self._show_stats)
        self._burst_timer = QTimer(self)
        self._burst_timer.setSingleShot(True)
        self._burst_timer.setInterval(BURST_TIMEOUT_MS)
        self._burst_timer.timeout.connect(self._burst_timed_out)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(300)
        self._refresh_timer.timeout.connect(self._announce_photos)

        self._build()
        self._load_trigger_keys()
        self.ctx.changes.patient_changed.connect(self._record_changed)
        self.ctx.changes.photos_changed.connect(self._record_changed)
        self.resize(1280, 820)

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        side = QTabWidget()
        side.setObjectName("CaptureTabs")
        side.setAccessibleName(self.tr("Capture settings"))
        side.addTab(self._scrolled(self._build_record_tab()), self.tr("Record"))
        side.addTab(self._scrolled(self._build_camera_tab()), self.tr("Camera"))
        side.addTab(self._scrolled(self._build_hot_folder_tab()), self.tr("Hot folder"))
        side.setMinimumWidth(340)
        side.setMaximumWidth(400)
        self.tabs = side

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(8)
        left.addWidget(self.live, 1)
        left.addWidget(self._build_quality_bar())
        left.addLayout(self._build_trigger_row())

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        layout.addLayout(left, 1)
        layout.addWidget(side)

    def _scrolled(self, page: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(page)
        return area

    def _build_record_tab(self) -> QWidget:
        page = QWidget()
        self.session_label = QLabel()
        self.session_label.setProperty("role", "muted")
        self.session_label.setAccessibleName(self.tr("Photos taken"))
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        self.patient_label = QLabel()
        self.patient_label.setProperty("role", "patient")
        self.patient_label.setAccessibleName(self.tr("Patient"))
        self.patient_label.setWordWrap(True)
        self.patient_facts = QLabel()
        self.patient_facts.setProperty("role", "muted")
        layout.addWidget(self.patient_label)
        layout.addWidget(self.patient_facts)
        layout.addWidget(self.session_label)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.visit_combo = QComboBox()
        self.visit_combo.setAccessibleName(self.tr("Visit"))
        self.body_site_combo = QComboBox()
        self.body_site_combo.setAccessibleName(self.tr("Body site"))
        self.body_site_combo.addItem(self.tr("Not recorded"), None)
        for code, label in labels.body_sites_sorted():
            self.body_site_combo.addItem(label, code)
        self.lesion_combo = QComboBox()
        self.lesion_combo.setAccessibleName(self.tr("Tracked lesion"))
        self.lesion_combo.addItem(self.tr("No tracked lesion"), None)
        self.modality_combo = QComboBox()
        self.modality_combo.setAccessibleName(self.tr("Modality"))
        for modality in Modality:
            self.modality_combo.addItem(labels.modality(modality), str(modality))
        form.addRow(self.tr("&Visit"), self.visit_combo)
        form.addRow(self.tr("&Body site"), self.body_site_combo)
        form.addRow(self.tr("&Lesion"), self.lesion_combo)
        form.addRow(self.tr("&Modality"), self.modality_combo)
        layout.addLayout(form)
        self.visit_combo.currentIndexChanged.connect(self._context_changed)
        self.body_site_combo.currentIndexChanged.connect(self._context_changed)
        self.lesion_combo.currentIndexChanged.connect(self._lesion_chosen)
        self.modality_combo.currentIndexChanged.connect(self._context_changed)

        overlay = QGroupBox(self.tr("Overlay"))
        box = QVBoxLayout(overlay)
        self.ghost_check = QCheckBox(self.tr("Ghost of the last visit's photo"))
        self.ghost_check.setAccessibleName(self.tr("Ghost of the last visit's photo"))
        self.ghost_check.setChecked(True)
        self.ghost_caption = QLabel()
        self.ghost_caption.setProperty("role", "muted")
        self.ghost_caption.setWordWrap(True)
        opacity_row = QHBoxLayout()
        self.opacity_label = QLabel(self.tr("Opacity"))
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal)
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setSingleStep(5)
        self.opacity_slider.setPageStep(10)
        self.opacity_slider.setValue(40)
        self.opacity_slider.setAccessibleName(self.tr("Ghost opacity"))
        self.opacity_label.setBuddy(self.opacity_slider)
        self.opacity_value = QLabel()
        self.opacity_value.setMinimumWidth(40)
        opacity_row.addWidget(self.opacity_label)
        opacity_row.addWidget(self.opacity_slider, 1)
        opacity_row.addWidget(self.opacity_value)
        self.edges_check = QCheckBox(self.tr("Edges only"))
        self.edges_check.setAccessibleName(self.tr("Edges only"))
        self.grid_check = QCheckBox(self.tr("Grid"))
        self.grid_check.setAccessibleName(self.tr("Grid"))
        box.addWidget(self.ghost_check)
        box.addWidget(self.ghost_caption)
        box.addLayout(opacity_row)
        box.addWidget(self.edges_check)
        box.addWidget(self.grid_check)
        layout.addWidget(overlay)
        layout.addStretch(1)
        self.ghost_check.toggled.connect(self.live.set_ghost_visible)
        self.opacity_slider.valueChanged.connect(self._opacity_changed)
        self.edges_check.toggled.connect(self.live.set_edges_only)
        self.grid_check.toggled.connect(self.live.set_grid)
        self.live.set_ghost_visible(True)
        self._opacity_changed(self.opacity_slider.value())
        return page

    def _build_camera_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.device_combo = QComboBox()
        self.device_combo.setAccessibleName(self.tr("Camera"))
        self.refresh_button = QPushButton(self.tr("Refresh cameras"))
        self.refresh_button.setAccessibleName(self.tr("Refresh cameras"))
        self.mode_combo = QComboBox()
        self.mode_combo.setAccessibleName(self.tr("Camera mode"))
        self.stats_label = QLabel()
        self.stats_label.setProperty("role", "muted")
        self.stats_label.setAccessibleName(self.tr("Frame rate"))
        device_label = QLabel(self.tr("&Camera"))
        device_label.setBuddy(self.device_combo)
        mode_label = QLabel(self.tr("M&ode"))
        mode_label.setBuddy(self.mode_combo)
        form.addRow(device_label, self.device_combo)
        form.addRow("", self.refresh_button)
        form.addRow(mode_label, self.mode_combo)
        form.addRow("", self.stats_label)
        layout.addLayout(form)
        self.device_combo.activated.connect(self._device_chosen)
        self.refresh_button.clicked.connect(self.refresh_devices)
        self.mode_combo.activated.connect(self._mode_chosen)

        profile = QGroupBox(self.tr("Device profile"))
        pform = QFormLayout(profile)
        pform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dermatoscope_check = QCheckBox(self.tr("Dermatoscope"))
        self.dermatoscope_check.setAccessibleName(self.tr("Dermatoscope"))
        self.polarised_check = QCheckBox(self.tr("Polarised light"))
        self.polarised_check.setAccessibleName(self.tr("Polarised light"))
        self.contact_combo = QComboBox()
        self.contact_combo.setAccessibleName(self.tr("Contact"))
        self.contact_combo.addItem(self.tr("Not stated"), None)
        self.contact_combo.addItem(self.tr("Contact"), True)
        self.contact_combo.addItem(self.tr("Non-contact"), False)
        self.magnification_spin = QDoubleSpinBox()
        self.magnification_spin.setAccessibleName(self.tr("Magnification"))
        self.magnification_spin.setRange(0.0, 400.0)
        self.magnification_spin.setDecimals(1)
        self.magnification_spin.setSuffix(" ×")
        self.magnification_spin.setSpecialValueText(self.tr("Not stated"))
        self.calibration_spin = QDoubleSpinBox()
        self.calibration_spin.setAccessibleName(self.tr("Calibration in pixels per mm"))
        self.calibration_spin.setRange(0.0, 10000.0)
        self.calibration_spin.setDecimals(2)
        self.calibration_spin.setSuffix(self.tr(" px/mm"))
        self.calibration_spin.setSpecialValueText(self.tr("Not calibrated"))
        self.fov_spin = QDoubleSpinBox()
        self.fov_spin.setAccessibleName(self.tr("Field of view width in mm"))
        self.fov_spin.setRange(0.0, 1000.0)
        self.fov_spin.setDecimals(1)
        self.fov_spin.setValue(25.0)
        self.fov_spin.setSuffix(self.tr(" mm"))
        self.fov_button = QPushButton(self.tr("Calibrate from field of view"))
        self.fov_button.setAccessibleName(self.tr("Calibrate from field of view"))
        self.ruler_spin = QDoubleSpinBox()
        self.ruler_spin.setAccessibleName(self.tr("Distance on the ruler in mm"))
        self.ruler_spin.setRange(0.1, 1000.0)
        self.ruler_spin.setDecimals(1)
        self.ruler_spin.setValue(10.0)
        self.ruler_spin.setSuffix(self.tr(" mm"))
        self.ruler_button = QPushButton(self.tr("Calibrate on a ruler (two clicks)"))
        self.ruler_button.setAccessibleName(self.tr("Calibrate on a ruler (two clicks)"))
        self.save_profile_button = QPushButton(self.tr("Save profile"))
        self.save_profile_button.setAccessibleName(self.tr("Save profile"))
        # Several profiles for one camera (two scope heads, say): pick one or type a new
        # name and save. The profile's name is the device stored with each photo.
        self.profile_combo = QComboBox()
        self.profile_combo.setEditable(True)
        self.profile_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.profile_combo.setAccessibleName(self.tr("Device profile"))
        pform.addRow(self.profile_combo)
        pform.addRow("", self.dermatoscope_check)
        pform.addRow("", self.polarised_check)
        pform.addRow(self._buddy(self.tr("Con&tact"), self.contact_combo), self.contact_combo)
        pform.addRow(
            self._buddy(self.tr("Ma&gnification"), self.magnification_spin),
            self.magnification_spin,
        )
        pform.addRow(
            self._buddy(self.tr("Calib&ration"), self.calibration_spin), self.calibration_spin
        )
        pform.addRow(self._buddy(self.tr("&Field of view"), self.fov_spin), self.fov_spin)
        pform.addRow("", self.fov_button)
        pform.addRow(self._buddy(self.tr("R&uler distance"), self.ruler_spin), self.ruler_spin)
        pform.addRow("", self.ruler_button)
        pform.addRow("", self.save_profile_button)
        layout.addWidget(profile)
        self.dermatoscope_check.toggled.connect(self._profile_edited)
        self.polarised_check.toggled.connect(self._profile_edited)
        self.contact_combo.currentIndexChanged.connect(self._profile_edited)
        self.magnification_spin.valueChanged.connect(lambda _value: self._update_caption())
        self.calibration_spin.valueChanged.connect(lambda _value: self._update_caption())
        self.profile_combo.activated.connect(self._profile_chosen)
        self.profile_combo.editTextChanged.connect(lambda _text: self._update_caption())
        self.fov_button.clicked.connect(self.calibrate_from_field_of_view)
        self.ruler_button.clicked.connect(self.start_ruler)
        self.save_profile_button.clicked.connect(self.save_profile)

        trigger = QGroupBox(self.tr("Trigger"))
        tform = QFormLayout(trigger)
        self.pedal_edit = QKeySequenceEdit()
        self.pedal_edit.setAccessibleName(self.tr("Foot pedal key"))
        self.pedal_edit.setMaximumSequenceLength(1)
        hint = QLabel(self.tr("Space always takes a photo; so does F13."))
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        tform.addRow(self._buddy(self.tr("&Pedal key"), self.pedal_edit), self.pedal_edit)
        tform.addRow("", hint)
        layout.addWidget(trigger)
        layout.addStretch(1)
        self.pedal_edit.editingFinished.connect(self._pedal_key_edited)
        return page

    def _buddy(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        return label

    def _build_hot_folder_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
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
        return page

    def _build_quality_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("QualityBar")
        bar.setProperty("role", "panel")
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 8, 12, 8)
        self.quality_label = QLabel()
        self.quality_label.setAccessibleName(self.tr("Photo quality"))
        self.quality_label.setWordWrap(True)
        self.retake_button = QPushButton(self.tr("Retake"))
        self.retake_button.setAccessibleName(self.tr("Retake"))
        self.discard_button = QPushButton(self.tr("Discard last photo"))
        self.discard_button.setAccessibleName(self.tr("Discard last photo"))
        row.addWidget(self.quality_label, 1)
        row.addWidget(self.retake_button)
        row.addWidget(self.discard_button)
        self.retake_button.clicked.connect(self.take_photo)
        self.discard_button.clicked.connect(self.discard_last)
        bar.setVisible(False)
        self.quality_bar = bar
        return bar

    def _build_trigger_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.take_button = QPushButton(self.tr("Take photo"))
        self.take_button.setProperty("role", "primary")
        self.take_button.setAccessibleName(self.tr("Take photo"))
        self.take_button.setToolTip(self.tr("Space or the foot pedal"))
        self.take_button.setMinimumHeight(40)
        self.take_button.setMinimumWidth(180)
        self.take_button.setEnabled(False)
        self.burst_check = QCheckBox(self.tr("Burst of 3, keep the sharpest"))
        self.burst_check.setAccessibleName(self.tr("Burst of 3, keep the sharpest"))
        self.burst_check.setChecked(True)
        self.camera_caption = QLabel()
        self.camera_caption.setProperty("role", "muted")
        self.camera_caption.setAccessibleName(self.tr("Camera and profile"))
        row.addWidget(self.take_button)
        row.addWidget(self.burst_check)
        row.addStretch(1)
        row.addWidget(self.camera_caption)
        self.take_button.clicked.connect(self.take_photo)
        return row

    # --- trigger keys ----------------------------------------------------------------------

    def _load_trigger_keys(self) -> None:
        stored = read_json(config_dir() / TRIGGER_FILE).get("pedal_key")
        pedal = stored if isinstance(stored, str) and stored else DEFAULT_PEDAL_KEY
        self._shortcuts: list[QShortcut] = []
        self._pedal_shortcut: QShortcut | None = None
        for key in ("Space", *EXTRA_PEDAL_KEYS):
            self._shortcuts.append(self._trigger_shortcut(key))
        self.pedal_edit.setKeySequence(QKeySequence(pedal))
        self._set_pedal_key(pedal)

    def _trigger_shortcut(self, key: str) -> QShortcut:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.setAutoRepeat(False)  # a pedal held down is one photo, not a dozen
        shortcut.activated.connect(self.take_photo)
        return shortcut

    def _set_pedal_key(self, key: str) -> None:
        if self._pedal_shortcut is not None:
            self._pedal_shortcut.setEnabled(False)
            self._pedal_shortcut.deleteLater()
            self._pedal_shortcut = None
        if key and key not in ("Space", *EXTRA_PEDAL_KEYS):
            self._pedal_shortcut = self._trigger_shortcut(key)

    def pedal_key(self) -> str:
        return self.pedal_edit.keySequence().toString(QKeySequence.SequenceFormat.PortableText)

    def _pedal_key_edited(self) -> None:
        key = self.pedal_key()
        self._set_pedal_key(key)
        path = config_dir() / TRIGGER_FILE
        data = read_json(path)
        data["pedal_key"] = key
        try:
            write_json(path, data)
        except OSError:
            log.warning("The foot pedal key could not be saved")

    # --- life cycle ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._active:
            self._active = True
            self._camera_paused = False
            self.load_record()
            if self._device_choices is None:
                self.refresh_devices()
            elif self._choice is not None:
                self.open_device(self._choice)
        elif self._camera_paused:
            self._camera_paused = False
            if self._choice is not None:
                self.open_device(self._choice)

    def hideEvent(self, event: QHideEvent) -> None:
        if event.spontaneous():
            # Minimised: the camera is released; a tethered camera's hot folder keeps
            # taking files into the record on screen.
            self._pause_camera()
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
        self._pause_camera()
        self._camera_paused = False
        self.stop_watching()
        self.live.set_ghost(None)
        self._ghost_id = None
        self._ghost_wanted = None

    def _pause_camera(self) -> None:
        """Release the camera and join the threads that open it."""
        self._camera_paused = True
        self._token += 1
        self._paint_timer.stop()
        self._stats_timer.stop()
        self._burst_timer.stop()
        self._collector.disarm()
        self.live.cancel_ruler()
        self._stop_preview()
        for thread in self._threads:
            thread.join(timeout=10.0)
            if thread.is_alive():
                log.warning("A camera thread did not stop in time")
        self._threads = [t for t in self._threads if t.is_alive()]
        with self._opened_lock:
            unclaimed, self._unclaimed = self._unclaimed, []
        for opened in unclaimed:
            opened.source.close()
        self.live.clear_frame()

    def _stop_preview(self) -> None:
        preview, self._preview = self._preview, None
        self._running = False
        self.take_button.setEnabled(False)
        if preview is not None:
            preview.stop()

    def _background(self, name: str, work: Callable[[], None]) -> None:
        self._threads = [t for t in self._threads if t.is_alive()]
        thread = threading.Thread(target=work, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def is_running(self) -> bool:
        """True while frames flow from a camera."""
        return self._running

    # --- the patient's record --------------------------------------------------------------

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
        self.record = record
        patient = record.patient
        self.patient_label.setText(patient.display_name)
        facts = []
        if patient.birth_date is not None:
            facts.append(self.tr("born %1").replace("%1", patient.birth_date.strftime("%d.%m.%Y")))
        if patient.external_id:
            facts.append(patient.external_id)
        self.patient_facts.setText(" · ".join(facts))
        self._fill_visits(record)
        self._fill_lesions(record)
        self._update_session_label()
        self.take_button.setEnabled(self._running and self._may_add())
        self._choose_ghost()

    def _fill_visits(self, record: PatientRecord) -> None:
        current = self.visit_combo.currentData()
        today = dt.date.today()
        today_visit = next((v for v in record.visits if v.visit_date == today), None)
        self.visit_combo.blockSignals(True)
        self.visit_combo.clear()
        date = today.strftime("%d.%m.%Y")
        if today_visit is None:
            self.visit_combo.addItem(self.tr("Today, %1 (new)").replace("%1", date), None)
        else:
            self.visit_combo.addItem(self.tr("Today, %1").replace("%1", date), today_visit.id)
        for visit in record.visits:
            if visit.visit_date != today:
                text = visit.visit_date.strftime("%d.%m.%Y")
                if visit.reason:
                    text = f"{text} · {visit.reason}"
                self.visit_combo.addItem(text, visit.id)
        index = self.visit_combo.findData(current) if current is not None else 0
        self.visit_combo.setCurrentIndex(max(0, index))
        self.visit_combo.blockSignals(False)

    def _fill_lesions(self, record: PatientRecord) -> None:
        current = self.lesion_combo.currentData()
        self.lesion_combo.blockSignals(True)
        while self.lesion_combo.count() > 1:
            self.lesion_combo.removeItem(1)
        for lesion in record.lesions:
            text = f"{lesion.label} · {labels.body_site(lesion.body_site)}"
            self.lesion_combo.addItem(text, lesion.id)
        index = self.lesion_combo.findData(current) if current is not None else 0
        self.lesion_combo.setCurrentIndex(max(0, index))
        self.lesion_combo.blockSignals(False)

    # --- the context --------------------------------------------------------------------------

    def set_body_site(self, code: str | None) -> None:
        index = self.body_site_combo.findData(code) if code else 0
        self.body_site_combo.setCurrentIndex(max(0, index))

    def set_lesion(self, lesion_id: str | None) -> None:
        index = self.lesion_combo.findData(lesion_id) if lesion_id else 0
        self.lesion_combo.setCurrentIndex(max(0, index))

    def set_modality(self, modality: str) -> None:
        index = self.modality_combo.findData(modality)
        if index >= 0:
            self.modality_combo.setCurrentIndex(index)

    def _lesion_chosen(self) -> None:
        lesion_id = self.lesion_combo.currentData()
        if lesion_id and self.record is not None:
            lesion = next((x for x in self.record.lesions if x.id == lesion_id), None)
            if lesion is not None:
                self.body_site_combo.blockSignals(True)
                self.set_body_site(lesion.body_site)
                self.body_site_combo.blockSignals(False)
        self._context_changed()

    def _context_changed(self) -> None:
        if self._hot is not None:
            self._hot.set_context(self.context())
        self._choose_ghost()

    def context(self) -> CaptureContext:
        """Where the next photo goes, as chosen on screen (before the device profile)."""
        visit_id = self.visit_combo.currentData()
        return CaptureContext(
            patient_id=self.patient_id,
            visit_id=visit_id if isinstance(visit_id, str) else None,
            body_site=self.body_site_combo.currentData() or None,
            lesion_id=self.lesion_combo.currentData() or None,
            modality=str(self.modality_combo.currentData() or Modality.CLINICAL_OVERVIEW),
        )

    def _visit_date(self) -> dt.date:
        visit_id = self.visit_combo.currentData()
        if self.record is not None and isinstance(visit_id, str):
            for visit in self.record.visits:
                if visit.id == visit_id:
                    return visit.visit_date
        return dt.date.today()

    # --- cameras ---------------------------------------------------------------------------

    def refresh_devices(self) -> None:
        """Ask which cameras are connected (off the GUI thread: probing can take a moment)."""
        self.live.set_message(self.tr("Looking for cameras…"), dimmed=False)
        lister = self._list_devices
        relay = self._relay

        def work() -> None:
            try:
                found = lister()
            except Exception:
                log.exception("Listing the cameras failed")
                found = []
            relay.devices.emit(found)

        self._background("camera list", work)

    @Slot(object)
    def _on_devices(self, found: list[DeviceChoice]) -> None:
        choices = list(found)
        if self._camera_path:
            name = Path(self._camera_path).name or self._camera_path
            choices.insert(0, DeviceChoice(name, path=self._camera_path))
        self._device_choices = choices
        previous = self._choice.name if self._choice is not None else None
        self.device_combo.clear()
        for choice in choices:
            self.device_combo.addItem(choice.name, choice.name)
        if not self._active or self._camera_paused:
            return
        if not choices:
            self._choice = None
            self._show_no_camera(
                self.tr("Connect a dermatoscope or a camera, then choose Refresh cameras.")
            )
            return
        index = max(0, self.device_combo.findData(previous)) if previous else 0
        self.device_combo.setCurrentIndex(index)
        self.open_device(choices[index])

    def _device_chosen(self, index: int) -> None:
        if self._device_choices is not None and 0 <= index < len(self._device_choices):
            choice = self._device_choices[index]
            if self._choice is None or choice.name != self._choice.name or not self._running:
                self.open_device(choice)

    def open_device(self, choice: DeviceChoice) -> None:
        """Open a camera by name: its modes are listed, its profile and mode recalled."""
        self._stop_preview()
        self._token += 1
        token = self._token
        self._choice = choice
        self._fill_profiles(choice.name)
        self.mode_combo.clear()
        self.stats_label.clear()
        self.live.clear_frame()
        self.live.set_message(self.tr("Opening %1…").replace("%1", choice.name), dimmed=False)
        relay = self._relay
        source = self._source_for(choice)

        def work() -> None:
            modes: list[CaptureMode] = []
            error: CameraError | None = None
            try:
                source.open()
                modes = source.modes()
            except CameraError as exc:
                error = exc
                source.close()
            except Exception:
                log.exception("Opening the camera failed")
                error = CameraError("The camera could not be opened (see the log file)")
                source.close()
            opened = _Opened(token, choice, source, modes, error)
            with self._opened_lock:
                self._unclaimed.append(opened)
            relay.opened.emit(opened)

        self._background("camera open", work)

    @Slot(object)
    def _on_opened(self, opened: _Opened) -> None:
        with self._opened_lock:
            if opened not in self._unclaimed:
                return  # closed by shutdown already
            self._unclaimed.remove(opened)
        if opened.token != self._token or not self._active:
            opened.source.close()
            return
        if opened.error is not None:
            self._show_failure(opened.error)
            return
        remembered = self._modes.recall(opened.choice.name)
        mode = preferred_mode(opened.modes, remembered)
        self.mode_combo.clear()
        for item in opened.modes:
            self.mode_combo.addItem(item.label, item)
        if mode is not None:
            self.mode_combo.setCurrentIndex(max(0, opened.modes.index(mode)))
        token = opened.token
        relay = self._relay
        preview = Preview(
            opened.source,
            on_state=lambda state, message: relay.state.emit(token, str(state), message),
            on_frame=self._collector.on_frame,
            retry_every=self._retry_every,
        )
        self._preview = preview
        self._last_number = 0
        preview.start(mode)
        self._paint_timer.start()
        self._stats_timer.start()

    def _mode_chosen(self, index: int) -> None:
        mode = self.mode_combo.itemData(index)
        preview = self._preview
        if not isinstance(mode, CaptureMode) or preview is None or self._choice is None:
            return
        try:
            actual = preview.set_mode(mode)
        except CameraError as error:
            self.ctx.notifier.warning(error_text(error))
            return
        self._modes.remember(self._choice.name, actual)

    @Slot(int, str, str)
    def _on_state(self, token: int, state: str, message: str) -> None:
        if token != self._token:
            return
        kind = PreviewState(state)
        if kind in (PreviewState.RUNNING, PreviewState.RECOVERED):
            self._running = True
            self.take_button.setEnabled(self._may_add())
            self.live.set_message("")
            if kind is PreviewState.RECOVERED:
                self.ctx.notifier.info(self.tr("The camera is back."))
        elif kind is PreviewState.DISCONNECTED:
            self._running = False
            self.take_button.setEnabled(False)
            self._collector.disarm()
            self._burst_timer.stop()
            name = self._choice.name if self._choice is not None else ""
            self.live.set_message(
                self.tr("Camera disconnected"),
                self.tr(
                    "'%1' stopped sending pictures. Plug it back in; PixioDoc reconnects by itself."
                ).replace("%1", name),
            )
        elif kind is PreviewState.FAILED:
            preview = self._preview
            error = preview.error if preview is not None else None
            self._show_failure(error or CameraError(message))

    def _show_failure(self, error: CameraError) -> None:
        self._running = False
        self.take_button.setEnabled(False)
        if isinstance(error, CameraBusy):
            self.live.set_message(self.tr("The camera is busy"), error_text(error), dimmed=False)
        else:
            self._show_no_camera(error_text(error))

    def _show_no_camera(self, detail: str) -> None:
        self._running = False
        self.take_button.setEnabled(False)
        self.live.clear_frame()
        self.live.set_message(self.tr("No camera found"), detail, dimmed=False)

    def _paint_newest(self) -> None:
        preview = self._preview
        if preview is None:
            return
        frame = preview.latest()
        if frame is None or frame.number == self._last_number:
            return
        self._last_number = frame.number
        self.live.set_frame(frame.pixels)

    def _show_stats(self) -> None:
        preview = self._preview
        if preview is None or not self._running:
            return
        stats = preview.stats()
        size = self.live.frame_size()
        self.stats_label.setText(
            self.tr("%1 fps · %2 × %3 · %4 frames skipped")
            .replace("%1", f"{stats.delivered_fps:.0f}")
            .replace("%2", str(size.width()))
            .replace("%3", str(size.height()))
            .replace("%4", str(stats.dropped))
        )
        self._update_caption(stats.delivered_fps)

    # --- device profile ----------------------------------------------------------------------

    def _fill_profiles(self, current: str) -> None:
        names = [
            current,
            *(p.device_name for p in self._profiles.all() if p.device_name != current),
        ]
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        self.profile_combo.addItems(names)
        self.profile_combo.setCurrentIndex(0)
        self.profile_combo.blockSignals(False)
        self._show_profile(self._profiles.get(current) or DeviceProfile(current, False))

    def choose_profile(self, name: str) -> None:
        """Use a stored profile (or start a new one under `name`)."""
        index = self.profile_combo.findText(name)
        if index >= 0:
            self.profile_combo.setCurrentIndex(index)
        else:
            self.profile_combo.setEditText(name)
        self._profile_chosen()

    def _profile_chosen(self, _index: int = -1) -> None:
        name = self.profile_combo.currentText().strip()
        if name:
            self._show_profile(self._profiles.get(name) or DeviceProfile(name, False))

    def _show_profile(self, profile: DeviceProfile) -> None:
        widgets = (
            self.dermatoscope_check,
            self.polarised_check,
            self.contact_combo,
            self.magnification_spin,
            self.calibration_spin,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.dermatoscope_check.setChecked(profile.dermatoscope)
        self.polarised_check.setChecked(profile.polarised)
        self.contact_combo.setCurrentIndex(max(0, self.contact_combo.findData(profile.contact)))
        if profile.contact is None:
            self.contact_combo.setCurrentIndex(0)
        self.magnification_spin.setValue(profile.magnification or 0.0)
        self.calibration_spin.setValue(profile.px_per_mm or 0.0)
        for widget in widgets:
            widget.blockSignals(False)
        self._calibrated_width = profile.calibrated_width_px
        self._profile_edited()

    def profile(self) -> DeviceProfile | None:
        """The profile as shown on screen; it is stored with each photo taken."""
        if self._choice is None:
            return None
        contact = self.contact_combo.currentData()
        px_per_mm = self.calibration_spin.value() or None
        width = self._calibrated_width
        if px_per_mm is not None and not width:
            width = self.live.frame_size().width() or None
        return DeviceProfile(
            device_name=self.profile_combo.currentText().strip() or self._choice.name,
            dermatoscope=self.dermatoscope_check.isChecked(),
            polarised=self.polarised_check.isChecked(),
            contact=contact if isinstance(contact, bool) else None,
            magnification=self.magnification_spin.value() or None,
            px_per_mm=px_per_mm,
            calibrated_width_px=width if px_per_mm is not None else None,
        )

    def _update_caption(self, fps: float | None = None) -> None:
        profile = self.profile()
        if profile is None:
            self.camera_caption.clear()
            return
        parts = [profile.device_name]
        if fps:
            parts.append(self.tr("%1 fps").replace("%1", f"{fps:.0f}"))
        if profile.dermatoscope:
            parts.append(self.tr("polarised") if profile.polarised else self.tr("non-polarised"))
        if profile.contact is not None:
            parts.append(self.tr("contact") if profile.contact else self.tr("non-contact"))
        if profile.magnification:
            parts.append(f"{profile.magnification:g} ×")
        if profile.px_per_mm:
            parts.append(self.tr("%1 px/mm").replace("%1", f"{profile.px_per_mm:.1f}"))
        self.camera_caption.setText(" · ".join(parts))

    def _profile_edited(self) -> None:
        self._update_caption()
        scope = self.dermatoscope_check.isChecked()
        self.polarised_check.setEnabled(scope)
        profile = self.profile()
        modality = profile.modality if profile is not None else None
        if modality is not None:
            self.set_modality(str(modality))
        self.modality_combo.setEnabled(modality is None)
        self.modality_combo.setToolTip(
            self.tr("Set by the dermatoscope's profile") if modality is not None else ""
        )

    def save_profile(self) -> None:
        profile = self.profile()
        if profile is None:
            return
        try:
            self._profiles.put(profile)
        except (InvalidInput, OSError) as error:
            text = error_text(error) if isinstance(error, InvalidInput) else str(error.strerror)
            self.ctx.notifier.warning(text)
            return
        if self.profile_combo.findText(profile.device_name) < 0:
            self.profile_combo.addItem(profile.device_name)
            self.profile_combo.setCurrentIndex(self.profile_combo.count() - 1)
        self.ctx.notifier.info(
            self.tr("The profile of %1 was saved.").replace("%1", profile.device_name)
        )

    def _set_calibration(self, px_per_mm: float) -> None:
        self._calibrated_width = self.live.frame_size().width() or None
        self.calibration_spin.setValue(px_per_mm)
        self.ctx.notifier.info(
            self.tr("Calibrated: %1 pixels per mm.").replace("%1", f"{px_per_mm:.2f}")
        )

    def calibrate_from_field_of_view(self) -> None:
        width = self.live.frame_size().width()
        try:
            value = px_per_mm_from_field_of_view(width, self.fov_spin.value())
        except InvalidInput as error:
            self.ctx.notifier.warning(error_text(error))
            return
        self._set_calibration(value)

    def start_ruler(self) -> None:
        if not self.live.has_frame():
            return
        self.live.start_ruler()
        self.live.set_message(
            self.tr("Click two points on the ruler, %1 mm apart.").replace(
                "%1", f"{self.ruler_spin.value():g}"
            ),
            dimmed=False,
        )
        self.live.setFocus()

    def _ruler_measured(self, first: QPointF, second: QPointF) -> None:
        self.live.set_message("")
        try:
            value = px_per_mm_from_ruler(
                (first.x(), first.y()), (second.x(), second.y()), self.ruler_spin.value()
            )
        except InvalidInput as error:
            self.ctx.notifier.warning(error_text(error))
            return
        self._set_calibration(value)

    # --- taking photos --------------------------------------------------------------------------

    def take_photo(self) -> None:
        """Space, the pedal, the button: one photo (or the sharpest of a burst)."""
        preview = self._preview
        if preview is None or not self._running or self._collector.armed or not self._may_add():
            return
        if self.burst_check.isChecked():
            self._collector.arm(BURST)
            self._burst_timer.start()
            self.live.flash()
            return
        frame = preview.mailbox.peek()
        if frame is None:
            return
        self.live.flash()
        self._store([frame])

    def _burst_full(self, frames: list[Frame]) -> None:
        """Called on the capture thread."""
        self._relay.burst.emit(self._token, frames)

    @Slot(int, object)
    def _on_burst(self, token: int, frames: list[Frame]) -> None:
        self._burst_timer.stop()
        if token != self._token or not frames:
            return
        self._store(frames)

    def _burst_timed_out(self) -> None:
        frames = self._collector.disarm()  # the camera stalled: keep what arrived
        if frames:
            self._store(frames)

    def _store(self, frames: list[Frame]) -> None:
        if self._choice is None:
            return
        session = self.ctx.session
        context = self.context()
        profile = self.profile()
        device_name = self._choice.name
        self.last_burst = list(frames)

        def job() -> StillResult:
            services, actor = session.require()
            if len(frames) == 1:
                return take_still(
                    services.photos,
                    actor,
                    frames[0],
                    context,
                    device_name=device_name,
                    profile=profile,
                )
            return take_best_of(
                services.photos, actor, frames, context, device_name=device_name, profile=profile
            )

        DbOperation(job).success(self._stored).run(self.ctx.worker)

    def _stored(self, result: StillResult) -> None:
        self.last_result = result
        if not result.duplicate:
            self.session_photos.append(result.photo)
        self.ctx.changes.photos_changed.emit(self.patient_id)
        if not self._active:
            return  # closed while the photo was being stored (its widgets may be gone)
        self._update_session_label()
        self._show_quality(result)
        self.photo_taken.emit(result)

    def _show_quality(self, result: StillResult) -> None:
        verdict = result.quality
        if result.duplicate:
            text = self.tr("This picture is already in the record.")
        elif verdict.warnings:
            words = {
                BLURRED: self.tr("The photo looks blurred."),
                HIGHLIGHTS_CLIPPED: self.tr("Highlights are clipped (glare?)."),
                SHADOWS_CLIPPED: self.tr("Shadows are clipped (too dark?)."),
            }
            text = " ".join(words.get(w, w) for w in verdict.warnings)
            text = self.tr("Saved, but: %1 Retake?").replace("%1", text)
        else:
            text = self.tr("Saved. Sharp and well exposed.")
        self.quality_label.setText(text)
        self.quality_label.setProperty("role", "error" if verdict.warnings else "muted")
        self.quality_label.style().unpolish(self.quality_label)
        self.quality_label.style().polish(self.quality_label)
        self.retake_button.setVisible(bool(verdict.warnings))
        self.discard_button.setVisible(not result.duplicate and self._may_delete())
        self.discard_button.setEnabled(not result.duplicate)
        self.quality_bar.setVisible(True)

    def quality_warning_shown(self) -> bool:
        return self.quality_bar.isVisible() and self.retake_button.isVisible()

    def discard_last(self) -> None:
        """Remove the photo just taken (it stays recoverable as a tombstone)."""
        if not self.session_photos:
            return
        photo = self.session_photos[-1]
        session = self.ctx.session

        def job() -> str:
            services, actor = session.require()
            services.photos.delete(actor, photo.id)
            return photo.id

        DbOperation(job).success(self._discarded).run(self.ctx.worker)

    def _discarded(self, photo_id: str) -> None:
        self.session_photos = [p for p in self.session_photos if p.id != photo_id]
        self.ctx.changes.photos_changed.emit(self.patient_id)
        if not self._active:
            return
        self.quality_bar.setVisible(False)
        self._update_session_label()
        self.ctx.notifier.info(self.tr("The last photo was removed."))
        self.photo_discarded.emit(photo_id)

    def _may_add(self) -> bool:
        """A View Only record (or one not loaded yet) takes no photos."""
        return self.record is not None and self.record.patient.access != "view"

    def _may_delete(self) -> bool:
        return self.record is not None and self.record.patient.access == "admin"

    def _update_session_label(self) -> None:
        if not self._may_add():
            # "View only" as the record's access level says it (already translated).
            self.session_label.setText(labels.access_level("view") if self.record else "")
            return
        count = len(self.session_photos)
        self.session_label.setText(
            self.tr("%n photo(s) taken now", "", count) if count else self.tr("No photo taken yet")
        )

    # --- ghost overlay --------------------------------------------------------------------

    def ghost_candidate(self) -> PhotoSummary | None:
        """The newest photo of an earlier visit showing the chosen lesion (or body site),
        the same modality preferred."""
        record = self.record
        if record is None:
            return None
        context = self.context()
        if context.lesion_id is None and context.body_site is None:
            return None
        before = self._visit_date()
        matching = [
            p
            for p in record.photos
            if p.visit_date < before
            and (
                p.lesion_id == context.lesion_id
                if context.lesion_id is not None
                else p.body_site == context.body_site
            )
        ]
        if not matching:
            return None
        modality = context.modality
        profile = self.profile()
        if profile is not None and profile.modality is not None:
            modality = str(profile.modality)

        def key(photo: PhotoSummary) -> tuple[bool, dt.date, dt.datetime]:
            return (
                photo.modality == modality,
                photo.visit_date,
                photo.captured_at or dt.datetime.min,
            )

        newest_visit = max(p.visit_date for p in matching)
        last_visit = [p for p in matching if p.visit_date == newest_visit]
        return max(last_visit, key=key)

    def _choose_ghost(self) -> None:
        candidate = self.ghost_candidate()
        if candidate is None:
            self._ghost_id = None
            self._ghost_wanted = None
            self.live.set_ghost(None)
            context = self.context()
            self.ghost_caption.setText(
                self.tr("Choose a body site or lesion to see its last photo.")
                if context.body_site is None and context.lesion_id is None
                else self.tr("No photo of this site from an earlier visit.")
            )
            self.ghost_shown.emit("")
            return
        if candidate.id in (self._ghost_id, self._ghost_wanted):
            return
        self._ghost_wanted = candidate.id
        self.ghost_caption.setText(self.tr("Loading the last visit's photo…"))
        session = self.ctx.session
        photo_id = candidate.id

        def fetch() -> bytes:
            services, actor = session.require()
            return services.photos.image(actor, photo_id, ImageSize.SCREEN)

        def fetched(data: bytes) -> None:
            self.ctx.images.submit(
                lambda: ghost_images(data),
                lambda images: self._ghost_ready(candidate, images),
                lambda _exc: self._ghost_failed(photo_id),
            )

        DbOperation(fetch).success(fetched).failure(lambda _exc: self._ghost_failed(photo_id)).run(
            self.ctx.worker
        )

    def _ghost_ready(self, photo: PhotoSummary, images: tuple[QImage, QImage]) -> None:
        if photo.id != self._ghost_wanted or not self._active:
            return
        self._ghost_id = photo.id
        self._ghost_wanted = None
        self.live.set_ghost(*images)
        self.ghost_caption.setText(
            " · ".join(
                (
                    photo.visit_date.strftime("%d.%m.%Y"),
                    labels.body_site(photo.body_site),
                    labels.modality(photo.modality),
                )
            )
        )
        self.ghost_shown.emit(photo.id)

    def _ghost_failed(self, photo_id: str) -> None:
        if photo_id == self._ghost_wanted:
            self._ghost_wanted = None
            self.ghost_caption.setText(self.tr("The last visit's photo could not be opened."))

    def _opacity_changed(self, value: int) -> None:
        self.live.set_ghost_opacity(value / 100)
        self.opacity_value.setText(f"{value} %")

    # --- hot folder -----------------------------------------------------------------------

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
        if not self._active:
            return
        services, actor = pair
        self._hot_stopping.clear()
        hot = HotFolder(
            folder,
            services.photos,
            actor,
            self.context(),
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
        if event.outcome in (Outcome.IMPORTED, Outcome.DUPLICATE):
            self._refresh_timer.start()
        self.hot_folder_outcome.emit(event)

    def _announce_photos(self) -> None:
        self.ctx.changes.photos_changed.emit(self.patient_id)
