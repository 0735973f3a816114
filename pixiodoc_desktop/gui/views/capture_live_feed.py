"""The camera's live feed on screen: the preview's newest frame painted from a ~60 Hz
timer (every frame of a 30 or 60 fps camera, none twice), and once a second the frame
rate, frame size and frames skipped."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel

from pixiodoc_desktop.capture.preview import Preview
from pixiodoc_desktop.gui.widgets.live_preview import LivePreview

PAINT_INTERVAL_MS = 16  # ~60 Hz: every frame of a 30 or 60 fps camera, none twice
STATS_INTERVAL_MS = 1000


class LiveFeed(QObject):
    """Paints `preview()` into `live` and its figures into `stats_label` while `running()`."""

    fps_measured = Signal(float)

    def __init__(
        self,
        live: LivePreview,
        stats_label: QLabel,
        preview: Callable[[], Preview | None],
        running: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.live = live
        self.stats_label = stats_label
        self._preview = preview
        self._running = running
        self._last_number = 0
        self._paint_timer = QTimer(self)
        self._paint_timer.setInterval(PAINT_INTERVAL_MS)
        self._paint_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._paint_timer.timeout.connect(self._paint_newest)
        self._stats_timer = QTimer(self)
        self._stats_timer.setInterval(STATS_INTERVAL_MS)
        self._stats_timer.timeout.connect(self._show_stats)

    def start(self) -> None:
        """A new preview: paint from its first frame on."""
        self._last_number = 0
        self._paint_timer.start()
        self._stats_timer.start()

    def stop(self) -> None:
        self._paint_timer.stop()
        self._stats_timer.stop()

    def _paint_newest(self) -> None:
        preview = self._preview()
        if preview is None:
            return
        frame = preview.latest()
        if frame is None or frame.number == self._last_number:
            return
        self._last_number = frame.number
        self.live.set_frame(frame.pixels)

    def _show_stats(self) -> None:
        preview = self._preview()
        if preview is None or not self._running():
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
        self.fps_measured.emit(stats.delivered_fps)
