"""Hybrid logical clock: wall time that never runs backwards, plus a counter.

Stamps are strings that sort in time order ("<ms:013d>-<counter:05d>-<device>"),
so last-writer-wins per field is a string comparison, device id breaking ties.
"""

from __future__ import annotations

import threading
import time


class HybridClock:
    def __init__(self, device_id: str, *, wall_ms: int = 0, counter: int = 0) -> None:
        self.device_id = device_id
        self._wall = wall_ms
        self._counter = counter
        self._lock = threading.Lock()

    def now(self) -> str:
        with self._lock:
            physical = int(time.time() * 1000)
            if physical > self._wall:
                self._wall, self._counter = physical, 0
            else:
                self._counter += 1
            return f"{self._wall:013d}-{self._counter:05d}-{self.device_id}"

    def observe(self, stamp: str) -> None:
        """Move past a stamp received from another device."""
        wall_text, counter_text, _device = stamp.split("-", 2)
        wall, counter = int(wall_text), int(counter_text)
        with self._lock:
            if (wall, counter) > (self._wall, self._counter):
                self._wall, self._counter = wall, counter
