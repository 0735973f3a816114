"""Frames for a burst: the next N frames the capture thread delivers, handed on together.

The preview's thread calls `on_frame` for every frame; once armed, the collector keeps
the next N and calls `on_full` with them on that same thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from pixiodoc_desktop.capture.sources import Frame


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
