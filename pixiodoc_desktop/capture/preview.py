"""Live preview: a capture thread that reads as fast as the camera delivers and
keeps only the newest frame for the painter.

The painter may be slower than the camera (a 4K scope on a busy PC); it then
skips frames instead of falling behind, and the skipped ones are counted. A
recording is replayed at its own frame rate, as the camera it stands in for.
An unplugged device is noticed within a few failed reads, reported, and
reopened every second until it returns. Every wait has a timeout.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from pixiodoc_desktop.capture.sources import CameraSource, CaptureMode, Frame
from pixiodoc_desktop.errors import CameraBusy, CameraError

log = logging.getLogger(__name__)

FAILED_READS_FOR_DISCONNECT = 5
RETRY_OPEN_EVERY = 1.0  # seconds
STOP_TIMEOUT = 5.0
_FPS_WINDOW = 2.0  # seconds of frames behind the "delivered fps" figure


class PreviewState(StrEnum):
    STARTING = "starting"
    RUNNING = "running"
    DISCONNECTED = "disconnected"  # the device stopped delivering; retrying every second
    RECOVERED = "recovered"  # it came back; frames flow again
    FAILED = "failed"  # could not open at all (no camera, busy); see message
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class PreviewStats:
    state: PreviewState
    delivered_fps: float  # over the last two seconds
    frames_delivered: int
    dropped: int  # frames replaced before the painter took them
    running_seconds: float  # since the first frame
    source_fps: float | None  # what the source promises (None: unknown)


class FrameMailbox:
    """One slot holding the newest frame. Putting over a frame nobody took drops it."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._frame: Frame | None = None
        self._taken = True
        self.dropped = 0
        self.delivered = 0

    def put(self, frame: Frame) -> None:
        with self._changed:
            if not self._taken:
                self.dropped += 1
            self._frame = frame
            self._taken = False
            self.delivered += 1
            self._changed.notify_all()

    def latest(self) -> Frame | None:
        """The newest frame, for the painter (compare `number` to skip a repaint)."""
        with self._changed:
            self._taken = True
            return self._frame

    def peek(self) -> Frame | None:
        """The newest frame without counting it as painted (for a still)."""
        with self._changed:
            return self._frame

    def wait_newer(self, number: int, timeout: float) -> Frame | None:
        """The first frame numbered above `number`, or None after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while self._frame is None or self._frame.number <= number:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._changed.wait(left)
            self._taken = True
            return self._frame


StateListener = Callable[[PreviewState, str], None]
FrameListener = Callable[[Frame], None]


class Preview:
    """Runs one camera source on its own thread. Listeners are called on that thread
    (STOPPED: on the thread that called stop), so a GUI relays them by signal."""

    def __init__(
        self,
        source: CameraSource,
        *,
        on_state: StateListener | None = None,
        on_frame: FrameListener | None = None,
        retry_every: float = RETRY_OPEN_EVERY,
        failed_reads_for_disconnect: int = FAILED_READS_FOR_DISCONNECT,
    ) -> None:
        self.source = source
        self.mailbox = FrameMailbox()
        self._on_state = on_state
        self._on_frame = on_frame
        self._retry_every = retry_every
        self._failure_limit = failed_reads_for_disconnect
        self._stop = threading.Event()
        self._source_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._state = PreviewState.STOPPED
        self._message = ""
        self._error: CameraError | None = None
        self._mode: CaptureMode | None = None
        self._times: deque[float] = deque()
        self._first_frame_at: float | None = None
        self._started = threading.Event()  # set once the first open succeeded or failed

    # --- life cycle -------------------------------------------------------------

    def start(self, mode: CaptureMode | None = None) -> None:
        if self._thread is not None:
            raise RuntimeError("This preview was already started")
        self._mode = mode
        self._set_state(PreviewState.STARTING, f"Opening {self.source.name}")
        self._thread = threading.Thread(
            target=self._run, name=f"preview {self.source.name}", daemon=True
        )
        self._thread.start()

    def wait_started(self, timeout: float = 10.0) -> PreviewState:
        """Block until the camera opened (or failed to); returns the state then."""
        self._started.wait(timeout)
        return self._state

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Stop the thread (joined) and release the camera."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            if thread.is_alive():
                log.warning("The preview thread did not stop within %.0f s", timeout)
        if self._source_lock.acquire(timeout=timeout):
            try:
                self.source.close()
            finally:
                self._source_lock.release()
        if self._state is not PreviewState.STOPPED:
            self._set_state(PreviewState.STOPPED, "")

    def __enter__(self) -> Preview:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- what the screen asks -----------------------------------------------------

    @property
    def state(self) -> PreviewState:
        return self._state

    @property
    def message(self) -> str:
        """What to tell the clinician about the state ("" while all is well)."""
        return self._message

    @property
    def error(self) -> CameraError | None:
        """Why the camera could not be opened (CameraUnavailable, CameraBusy)."""
        return self._error

    @property
    def is_alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def latest(self) -> Frame | None:
        return self.mailbox.latest()

    def stats(self) -> PreviewStats:
        times = list(self._times)
        fps = 0.0
        if len(times) >= 2 and times[-1] > times[0]:
            fps = (len(times) - 1) / (times[-1] - times[0])
        running = 0.0 if self._first_frame_at is None else time.monotonic() - self._first_frame_at
        mode = self._mode_in_effect()
        source_fps = self.source.pace_fps or (mode.fps if mode and mode.fps > 0 else None)
        return PreviewStats(
            self._state,
            round(fps, 2),
            self.mailbox.delivered,
            self.mailbox.dropped,
            running,
            source_fps,
        )

    def burst(self, count: int = 3, timeout: float = 2.0) -> list[Frame]:
        """The next `count` frames from now (fewer if the camera stalls past `timeout`)."""
        frames: list[Frame] = []
        current = self.mailbox.peek()
        number = current.number if current is not None else 0
        for _ in range(count):
            frame = self.mailbox.wait_newer(number, timeout)
            if frame is None:
                break
            frames.append(frame)
            number = frame.number
        return frames

    def set_mode(self, mode: CaptureMode, timeout: float = 2.0) -> CaptureMode:
        """Switch the running camera to `mode`; returns what it really delivers."""
        if not self._source_lock.acquire(timeout=timeout):
            raise CameraBusy(f"The camera '{self.source.name}' did not respond in time")
        try:
            self._mode = mode
            if not self.source.is_open:
                return mode
            actual = self.source.set_mode(mode)
        finally:
            self._source_lock.release()
        self._times.clear()
        return actual

    def _mode_in_effect(self) -> CaptureMode | None:
        mode = getattr(self.source, "mode", None)
        return mode if isinstance(mode, CaptureMode) else self._mode

    # --- the capture thread ---------------------------------------------------------

    def _run(self) -> None:
        try:
            self._open_source()
        except CameraError as error:
            self._error = error
            self._set_state(PreviewState.FAILED, error.message)
            self._started.set()
            return
        self._set_state(PreviewState.RUNNING, "")
        self._started.set()
        failures = 0
        due = time.monotonic()
        while not self._stop.is_set():
            frame = self._read()
            if frame is None:
                failures += 1
                if failures >= self._failure_limit:
                    if not self._wait_for_return():
                        return
                    failures = 0
                    due = time.monotonic()
                else:
                    self._stop.wait(0.01)
                continue
            failures = 0
            pace = self.source.pace_fps
            if pace:
                due = self._wait_until(due, 1.0 / pace)
                if self._stop.is_set():
                    return
            self._deliver(frame)

    def _open_source(self) -> None:
        with self._source_lock:
            self.source.open()
            if self._mode is not None:
                self.source.set_mode(self._mode)

    def _read(self) -> Frame | None:
        with self._source_lock:
            try:
                return self.source.read() if self.source.is_open else None
            except CameraError:
                return None

    def _wait_until(self, due: float, interval: float) -> float:
        """Sleep until the frame is due; returns when the next one is due."""
        now = time.monotonic()
        if due > now:
            self._stop.wait(due - now)
            return due + interval
        # Behind by more than a frame (a slow decode): restart the clock, do not rush.
        return due + interval if now - due < interval else now + interval

    def _deliver(self, frame: Frame) -> None:
        now = time.monotonic()
        if self._first_frame_at is None:
            self._first_frame_at = now
        self._times.append(now)
        while self._times and now - self._times[0] > _FPS_WINDOW:
            self._times.popleft()
        self.mailbox.put(frame)
        if self._on_frame is not None:
            self._on_frame(frame)

    def _wait_for_return(self) -> bool:
        """Disconnected: release the device, reopen every second. False when stopped."""
        name = self.source.name
        with self._source_lock:
            self.source.close()
        self._times.clear()
        self._set_state(
            PreviewState.DISCONNECTED,
            f"The camera '{name}' was disconnected. Plug it back in; "
            "PixioDoc reconnects by itself.",
        )
        log.info("Camera disconnected; retrying every %.1f s", self._retry_every)
        while not self._stop.wait(self._retry_every):
            try:
                self._open_source()
            except CameraError:
                continue
            self._set_state(PreviewState.RECOVERED, f"The camera '{name}' is back.")
            log.info("Camera reconnected")
            return True
        return False

    def _set_state(self, state: PreviewState, message: str) -> None:
        self._state = state
        self._message = message
        if self._on_state is not None:
            self._on_state(state, message)
