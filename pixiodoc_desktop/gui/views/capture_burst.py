"""Frames for a burst: the next N frames the capture thread delivers, handed on together.

The preview's thread calls `on_frame` for every frame; once armed, the collector keeps
the next N and calls `on_full` with them on that same thread. `BurstShot` brings them
to the GUI thread, or, when the camera stalls, what arrived before it did.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from pixiodoc_desktop.capture.sources import Frame

BURST_TIMEOUT_MS = 2500


class BurstCollector:
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


class BurstShot(QObject):
    """One burst at a time, from arming to its frames on the GUI thread (`taken`).

    `token` names the camera opening in use; frames completed under an opening that is
    no longer current are dropped."""

    taken = Signal(object)  # list[Frame], on the GUI thread
    _full = Signal(int, object)  # token, list[Frame]: from the capture thread, queued

    def __init__(
        self,
        token: Callable[[], int],
        parent: QObject | None = None,
        *,
        timeout_ms: int = BURST_TIMEOUT_MS,
    ) -> None:
        super().__init__(parent)
        self._token = token
        self._collector = BurstCollector(self._collected)
        self._full.connect(self._on_full, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self._timed_out)
        self._busy = False  # armed, or its frames on their way to the GUI thread

    @property
    def armed(self) -> bool:
        return self._collector.armed

    @property
    def busy(self) -> bool:
        """A burst is being taken: armed, or its frames not yet handed on (quitting waits)."""
        return self._busy

    def arm(self, count: int) -> None:
        self._busy = True
        self._collector.arm(count)
        self._timer.start()

    def cancel(self) -> None:
        self._timer.stop()
        self._collector.disarm()
        self._busy = False

    def on_frame(self, frame: Frame) -> None:
        """Called on the capture thread for every frame."""
        self._collector.on_frame(frame)

    def _collected(self, frames: list[Frame]) -> None:
        """Called on the capture thread."""
        self._full.emit(self._token(), frames)

    @Slot(int, object)
    def _on_full(self, token: int, frames: list[Frame]) -> None:
        self._timer.stop()
        self._busy = False
        if token != self._token() or not frames:
            return
        self.taken.emit(frames)

    def _timed_out(self) -> None:
        frames = self._collector.disarm()  # the camera stalled: keep what arrived
        self._busy = False
        if frames:
            self.taken.emit(frames)
