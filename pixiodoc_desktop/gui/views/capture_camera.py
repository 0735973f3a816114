"""The capture screen's camera: which one, in which mode, and its live frames.

The cameras are listed and opened by name off the GUI thread (probing and opening
can take seconds); the preview reads frames on its own thread and this panel
paints the newest one from a 60 Hz timer (capture_live_feed). A photo is the
newest frame, or the next few frames for a burst (capture_burst); `captured`
hands them on. The list of cameras is capture_camera_list. Releasing the camera
joins every thread it started.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QComboBox, QFileDialog, QFormLayout, QLabel, QPushButton, QWidget

from pixiodoc_desktop.capture.devices import DeviceChoice, ModeMemory, preferred_mode
from pixiodoc_desktop.capture.preview import Preview, PreviewState
from pixiodoc_desktop.capture.sources import CameraSource, CaptureMode
from pixiodoc_desktop.errors import CameraBusy, CameraError
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.folder_names import documents_folder
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.views.capture_burst import BurstShot
from pixiodoc_desktop.gui.views.capture_camera_list import VIDEO_FILE, CameraList
from pixiodoc_desktop.gui.views.capture_live_feed import LiveFeed
from pixiodoc_desktop.gui.widgets.live_preview import LivePreview

__all__ = ["VIDEO_FILE", "CameraPanel", "preferred_mode"]

log = logging.getLogger(__name__)

BURST = 3


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
    opened = Signal(object)  # _Opened
    devices = Signal(object)  # list[DeviceChoice]


class CameraPanel(QWidget):
    """The camera chooser and mode list; it runs the chosen camera's preview into `live`."""

    running_changed = Signal(bool)  # frames flow (True) or stopped (False)
    camera_chosen = Signal(str)  # the camera's name, as it is being opened
    fps_measured = Signal(float)
    captured = Signal(object)  # list[Frame]: one photo's frame, or a burst's

    def __init__(
        self,
        ctx: GuiContext,
        live: LivePreview,
        is_active: Callable[[], bool],
        parent: QWidget | None = None,
        *,
        camera: str | None,
        devices: Callable[[], list[DeviceChoice]],
        modes: ModeMemory,
        source_for: Callable[[DeviceChoice], CameraSource],
        retry_every: float,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.live = live
        self._is_active = is_active
        self._list_devices = devices
        self._modes = modes
        self._source_for = source_for
        self._retry_every = retry_every
        self._relay = _Relay(self)
        self._relay.state.connect(self._on_state)
        self._relay.opened.connect(self._on_opened)
        self._relay.devices.connect(self._on_devices)
        self._burst = BurstShot(lambda: self._token, self)
        self._burst.taken.connect(self.captured)
        self._threads: list[threading.Thread] = []
        self._token = 0  # which camera opening is current
        self._preview: Preview | None = None
        self.choice: DeviceChoice | None = None
        self._running = False
        self.paused = False
        self._opened_lock = threading.Lock()
        self._unclaimed: list[_Opened] = []  # opened cameras not yet taken by the GUI
        self._camera = camera
        self._build()
        self._feed = LiveFeed(live, self.stats_label, lambda: self._preview, self.is_running, self)
        self._feed.fps_measured.connect(self.fps_measured)

    def _build(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.device_combo = CameraList(self._camera)
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
        self.device_combo.activated.connect(self._device_chosen)
        self.refresh_button.clicked.connect(self.refresh_devices)
        self.mode_combo.activated.connect(self._mode_chosen)

    # --- life cycle ---------------------------------------------------------------------------

    def start(self) -> None:
        """The screen is shown: look for cameras the first time, else reopen the last one."""
        if self.device_combo.choices is None:
            self.refresh_devices()
        else:
            self.reopen()

    def reopen(self) -> None:
        if self.choice is not None:
            self.open_device(self.choice)

    def taking(self) -> bool:
        """A burst is being taken: its photo is not yet on its way to the vault."""
        return self._burst.busy

    def release(self) -> None:
        """Release the camera and join the threads that open it."""
        self.paused = True
        self._token += 1
        self._feed.stop()
        self._burst.cancel()
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
        self.running_changed.emit(False)
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
        previous = self.choice.name if self.choice is not None else None
        choices = self.device_combo.show_found(found)
        if not self._is_active() or self.paused:
            return
        if not choices:
            self.choice = None
            self.device_combo.select(None)  # "Video file…" is a choice to make
            self._show_no_camera(
                self.tr(
                    "Connect a dermatoscope or a camera, then choose Refresh cameras; "
                    "or choose Video file… in the camera list."
                )
            )
            return
        index = max(0, self.device_combo.findData(previous)) if previous else 0
        self.device_combo.setCurrentIndex(index)
        self.open_device(choices[index])

    def ask_video_file(self) -> str | None:
        """The video file to use as a camera (tests replace this)."""
        name, _chosen = QFileDialog.getOpenFileName(
            self,
            self.tr("Use a video file as the camera"),
            str(documents_folder()),
            self.tr("Videos (*.mp4 *.avi *.mkv *.mov *.webm);;All files (*)"),
        )
        return name or None

    def use_video_file(self) -> None:
        """Ask for a video file and open it as the camera; Cancel keeps the camera in use."""
        path = self.ask_video_file()
        if not path:
            self.device_combo.select(self.choice.name if self.choice is not None else None)
            return
        self.open_device(self.device_combo.add_video_file(path))

    def _device_chosen(self, index: int) -> None:
        if self.device_combo.is_video_file_entry(index):
            self.use_video_file()
            return
        choice = self.device_combo.choice_at(index)
        if choice is not None and (
            self.choice is None or choice.name != self.choice.name or not self._running
        ):
            self.open_device(choice)

    def open_device(self, choice: DeviceChoice) -> None:
        """Open a camera by name: its modes are listed, its profile and mode recalled."""
        self._stop_preview()
        self._token += 1
        token = self._token
        self.choice = choice
        self.camera_chosen.emit(choice.name)
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
        if opened.token != self._token or not self._is_active():
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
            on_frame=self._burst.on_frame,
            retry_every=self._retry_every,
        )
        self._preview = preview
        preview.start(mode)
        self._feed.start()

    def _mode_chosen(self, index: int) -> None:
        mode = self.mode_combo.itemData(index)
        preview = self._preview
        if not isinstance(mode, CaptureMode) or preview is None or self.choice is None:
            return
        try:
            actual = preview.set_mode(mode)
        except CameraError as error:
            self.ctx.notifier.warning(error_text(error))
            return
        self._modes.remember(self.choice.name, actual)

    @Slot(int, str, str)
    def _on_state(self, token: int, state: str, message: str) -> None:
        if token != self._token:
            return
        kind = PreviewState(state)
        if kind in (PreviewState.RUNNING, PreviewState.RECOVERED):
            self._running = True
            self.running_changed.emit(True)
            self.live.set_message("")
            if kind is PreviewState.RECOVERED:
                self.ctx.notifier.info(self.tr("The camera is back."))
        elif kind is PreviewState.DISCONNECTED:
            self._running = False
            self.running_changed.emit(False)
            self._burst.cancel()
            name = self.choice.name if self.choice is not None else ""
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
        self.running_changed.emit(False)
        if isinstance(error, CameraBusy):
            self.live.set_message(self.tr("The camera is busy"), error_text(error), dimmed=False)
        else:
            self._show_no_camera(error_text(error))

    def _show_no_camera(self, detail: str) -> None:
        self._running = False
        self.running_changed.emit(False)
        self.live.clear_frame()
        self.live.set_message(self.tr("No camera found"), detail, dimmed=False)

    # --- frames for a photo ---------------------------------------------------------------------

    def capture(self, burst: bool) -> None:
        """The newest frame, or the next BURST frames, go out by `captured`."""
        preview = self._preview
        if preview is None or not self._running or self._burst.armed:
            return
        if burst:
            self._burst.arm(BURST)
            self.live.flash()
            return
        frame = preview.mailbox.peek()
        if frame is None:
            return
        self.live.flash()
        self.captured.emit([frame])
