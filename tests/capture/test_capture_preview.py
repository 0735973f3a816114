"""The live preview: the newest frame for the painter, stale ones dropped and counted,
an unplugged camera reported and recovered, and nothing left running."""

from __future__ import annotations

import threading
import time

from capture_support import FPS, Recordings

from pixiodoc_desktop.capture.preview import FrameMailbox, Preview, PreviewState
from pixiodoc_desktop.capture.sources import CaptureMode, Frame, OpenCvCamera
from pixiodoc_desktop.errors import CameraBusy, CameraUnavailable


def wait_for(condition: object, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.01)
    return False


def test_the_mailbox_keeps_the_newest_and_counts_what_was_never_painted(
    recordings: Recordings,
) -> None:
    box = FrameMailbox()
    assert box.latest() is None
    for n in range(1, 4):
        box.put(Frame(recordings.frame, time.monotonic(), n))
    newest = box.latest()
    assert newest is not None
    assert newest.number == 3
    assert box.dropped == 2  # frames 1 and 2 were replaced unseen
    box.put(Frame(recordings.frame, time.monotonic(), 4))
    assert box.dropped == 2  # frame 3 had been painted
    assert box.wait_newer(4, timeout=0.05) is None
    assert box.delivered == 4


def test_a_video_file_is_replayed_at_its_own_frame_rate(recordings: Recordings) -> None:
    states: list[PreviewState] = []
    with Preview(OpenCvCamera(recordings.avi), on_state=lambda s, _m: states.append(s)) as preview:
        assert preview.wait_started() is PreviewState.RUNNING
        painted = 0
        last = 0
        hang_guard = time.monotonic() + 30  # only against a preview that never delivers
        while preview.stats().frames_delivered < 15:  # a painter keeping up at ~100 Hz
            assert time.monotonic() < hang_guard, "the preview delivered no frames"
            frame = preview.latest()
            if frame is not None and frame.number != last:
                painted += 1
                last = frame.number
            time.sleep(0.01)
        stats = preview.stats()
    assert stats.source_fps == FPS
    # A file is a camera at N fps: never faster (unpaced it decodes at 100+ fps), over
    # at least 15 frames. How close it comes to N under load is the benchmark's
    # business, not a timed assertion here.
    assert stats.frames_delivered >= 15
    assert 0 < stats.delivered_fps <= 1.1 * FPS
    assert painted >= stats.frames_delivered - stats.dropped - 1
    assert states[:2] == [PreviewState.STARTING, PreviewState.RUNNING]
    assert states[-1] is PreviewState.STOPPED
    assert not preview.is_alive
    assert not preview.source.is_open


def test_a_slow_painter_gets_the_newest_frame_and_stale_ones_are_dropped(
    recordings: Recordings,
) -> None:
    with Preview(OpenCvCamera(recordings.mp4)) as preview:
        assert preview.wait_started() is PreviewState.RUNNING
        seen = []
        for _ in range(5):  # a painter at 5 Hz against a 30 fps camera
            time.sleep(0.2)
            frame = preview.latest()
            assert frame is not None
            seen.append(frame.number)
        stats = preview.stats()
    assert seen == sorted(seen)
    assert len(set(seen)) == len(seen)
    assert stats.dropped >= stats.frames_delivered - len(seen) - 1
    assert stats.dropped > 15
    assert seen[-1] >= stats.frames_delivered - 2  # what it painted was (nearly) the newest


def test_every_new_frame_is_announced(recordings: Recordings) -> None:
    announced: list[int] = []
    got_three = threading.Event()

    def on_frame(frame: Frame) -> None:
        announced.append(frame.number)
        if len(announced) >= 3:
            got_three.set()

    with Preview(OpenCvCamera(recordings.sequence), on_frame=on_frame):
        assert got_three.wait(5)
    assert announced[:3] == [1, 2, 3]


def test_a_burst_is_three_consecutive_new_frames(recordings: Recordings) -> None:
    with Preview(OpenCvCamera(recordings.avi)) as preview:
        preview.wait_started()
        burst = preview.burst(3, timeout=2.0)
    assert len(burst) == 3
    assert [f.number for f in burst] == list(range(burst[0].number, burst[0].number + 3))


def test_no_camera_shows_an_empty_state_at_once() -> None:
    # At once = on the first attempt: with retries 30 s apart, FAILED can only
    # be reported within the 20 s wait if no retry came before it.
    preview = Preview(OpenCvCamera(7, name="DermLite DL5"), retry_every=30.0)
    preview.start()
    try:
        assert preview.wait_started(timeout=20) is PreviewState.FAILED
        assert isinstance(preview.error, CameraUnavailable)
        assert "No camera found" in preview.message
    finally:
        preview.stop()
    assert not preview.is_alive


class Unpluggable:
    """The real OpenCvCamera, with a cable that can be pulled: reads and reopening fail
    while unplugged, exactly as an OpenCV device does when it vanishes."""

    def __init__(self, camera: OpenCvCamera) -> None:
        self.camera = camera
        self.plugged = True
        self.open_attempts = 0

    @property
    def name(self) -> str:
        return self.camera.name

    @property
    def is_open(self) -> bool:
        return self.camera.is_open

    @property
    def pace_fps(self) -> float | None:
        return self.camera.pace_fps

    def open(self) -> None:
        self.open_attempts += 1
        if not self.plugged:
            raise CameraUnavailable(f"No camera found: '{self.name}' is not connected")
        self.camera.open()

    def modes(self) -> list[CaptureMode]:
        return self.camera.modes()

    def set_mode(self, mode: CaptureMode) -> CaptureMode:
        return self.camera.set_mode(mode)

    def read(self) -> Frame | None:
        frame = self.camera.read()
        return frame if self.plugged else None

    def close(self) -> None:
        self.camera.close()


def test_unplugging_is_reported_and_the_camera_recovers_when_it_returns(
    recordings: Recordings,
) -> None:
    source = Unpluggable(OpenCvCamera(recordings.avi, name="DermLite DL5"))
    changes: list[tuple[PreviewState, str]] = []
    preview = Preview(source, on_state=lambda s, m: changes.append((s, m)), retry_every=0.2)
    preview.start()
    try:
        assert preview.wait_started() is PreviewState.RUNNING
        assert wait_for(lambda: preview.stats().frames_delivered >= 5)
        source.plugged = False
        assert wait_for(lambda: preview.state is PreviewState.DISCONNECTED, 2.0)
        assert "The camera 'DermLite DL5' was disconnected" in preview.message
        assert not source.is_open  # released while gone, so the OS can hand it back
        before = preview.stats().frames_delivered
        time.sleep(0.5)
        assert preview.stats().frames_delivered == before
        assert source.open_attempts >= 2  # it keeps trying
        source.plugged = True
        assert wait_for(lambda: preview.state is PreviewState.RECOVERED, 2.0)
        assert wait_for(lambda: preview.stats().frames_delivered > before + 3, 2.0)
    finally:
        preview.stop()
    states = [s for s, _ in changes]
    assert states == [
        PreviewState.STARTING,
        PreviewState.RUNNING,
        PreviewState.DISCONNECTED,
        PreviewState.RECOVERED,
        PreviewState.STOPPED,
    ]
    assert not preview.is_alive


def test_stopping_while_disconnected_does_not_hang(recordings: Recordings) -> None:
    source = Unpluggable(OpenCvCamera(recordings.avi))
    preview = Preview(source, retry_every=30.0)
    preview.start()
    preview.wait_started()
    source.plugged = False
    assert wait_for(lambda: preview.state is PreviewState.DISCONNECTED, 2.0)
    # The 30 s retry wait is interrupted by stop(): joined well within it.
    preview.stop(timeout=20.0)
    assert not preview.is_alive


def test_a_busy_camera_says_so(recordings: Recordings) -> None:
    class HeldElsewhere(Unpluggable):
        def open(self) -> None:
            raise CameraBusy(f"The camera '{self.name}' is in use by another program")

    preview = Preview(HeldElsewhere(OpenCvCamera(recordings.avi, name="DermLite DL5")))
    preview.start()
    try:
        assert preview.wait_started(timeout=2) is PreviewState.FAILED
        assert isinstance(preview.error, CameraBusy)
        assert preview.message == "The camera 'DermLite DL5' is in use by another program"
    finally:
        preview.stop()
