"""Recordings and devices are cameras through one interface (OpenCvCamera)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import cv2
import pytest
from capture_support import FRAMES, Recordings

from pixiodoc_desktop.capture.devices import (
    PROBED_INDEXES,
    DeviceChoice,
    ModeMemory,
    list_devices,
)
from pixiodoc_desktop.capture.sources import (
    CameraSource,
    CaptureMode,
    OpenCvCamera,
    device_backends,
)
from pixiodoc_desktop.errors import CameraUnavailable


@pytest.mark.parametrize(
    ("which", "size", "fourcc"),
    [("avi", (640, 480), "MJPG"), ("mp4", (1280, 720), None), ("sequence", (640, 480), None)],
)
def test_a_recording_opens_as_a_camera(
    recordings: Recordings, which: str, size: tuple[int, int], fourcc: str | None
) -> None:
    camera = OpenCvCamera(getattr(recordings, which))
    assert isinstance(camera, CameraSource)
    assert not camera.is_open
    with camera:
        assert camera.is_open
        (mode,) = camera.modes()
        assert (mode.width, mode.height) == size
        assert mode.fps > 0
        assert camera.pace_fps == mode.fps
        if fourcc:
            assert mode.fourcc == fourcc
        assert camera.set_mode(CaptureMode(320, 240, 5)) == mode  # a recording cannot change
        frames = [camera.read() for _ in range(FRAMES + 5)]  # past the end: it starts over
    assert not camera.is_open
    assert all(f is not None for f in frames)
    numbers = [f.number for f in frames if f is not None]
    assert numbers == list(range(1, FRAMES + 6))
    first = frames[0]
    assert first is not None
    assert first.pixels.shape == (size[1], size[0], 3)
    assert first.pixels.dtype.name == "uint8"
    stamps = [f.timestamp for f in frames if f is not None]
    assert stamps == sorted(stamps)


def test_names_say_what_the_recording_is(recordings: Recordings) -> None:
    assert OpenCvCamera(recordings.avi).name == "scope.avi"
    assert OpenCvCamera(recordings.sequence).name == "frames"
    assert OpenCvCamera(3, name="DermLite DL5").name == "DermLite DL5"


class VideoCaptureSpy:
    """cv2.VideoCapture that counts its calls (how many open attempts a path makes)."""

    def __init__(self, real: Any, *, allowed: bool) -> None:
        self.real = real
        self.allowed = allowed
        self.calls: list[tuple[Any, ...]] = []

    def __call__(self, *args: Any) -> Any:
        self.calls.append(args)
        assert self.allowed, f"OpenCV was asked to open {args!r}"
        return self.real(*args)


def test_a_missing_device_fails_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # "At once" is what the code does, not a stopwatch: on Linux an absent
    # /dev/videoN is refused before OpenCV is asked at all; elsewhere each
    # backend is tried exactly once, with no retry loop before the answer.
    real = cv2.VideoCapture
    for platform, allowed in (("linux", False), ("win32", True)):
        spy = VideoCaptureSpy(real, allowed=allowed)
        monkeypatch.setattr(cv2, "VideoCapture", spy)
        camera = OpenCvCamera(7, name="DermLite DL5", platform=platform)
        with pytest.raises(CameraUnavailable, match="No camera found"):
            camera.open()
        assert not camera.is_open
        expected = len(device_backends(platform)) if allowed else 0
        assert len(spy.calls) == expected, (platform, spy.calls)


def test_a_missing_file_is_no_camera(tmp_path: Path) -> None:
    with pytest.raises(CameraUnavailable, match="does not exist"):
        OpenCvCamera(tmp_path / "gone.avi").open()
    with pytest.raises(CameraUnavailable, match="does not exist"):
        OpenCvCamera(tmp_path / "nowhere" / "%04d.jpg").open()
    not_video = tmp_path / "notes.avi"
    not_video.write_text("not a video")
    with pytest.raises(CameraUnavailable):
        OpenCvCamera(not_video).open()


def test_reading_a_closed_camera_is_a_clear_error(recordings: Recordings) -> None:
    with pytest.raises(CameraUnavailable, match="not open"):
        OpenCvCamera(recordings.avi).read()


def test_linux_devices_are_listed_by_name(tmp_path: Path) -> None:
    sysfs = tmp_path / "video4linux"
    for node, name, index in [
        ("video0", "Integrated Webcam", "0"),
        ("video1", "Integrated Webcam", "1"),  # its metadata node: no pictures
        ("video2", "DermLite DL5", "0"),
        ("video4", "DermLite DL5", "0"),  # a second scope of the same kind
    ]:
        (sysfs / node).mkdir(parents=True)
        (sysfs / node / "name").write_text(name + "\n")
        (sysfs / node / "index").write_text(index + "\n")
    devices = list_devices(platform="linux", sysfs=sysfs)
    assert devices == [
        DeviceChoice("Integrated Webcam", index=0),
        DeviceChoice("DermLite DL5", index=2),
        DeviceChoice("DermLite DL5 (2)", index=4),
    ]
    assert devices[1].source().name == "DermLite DL5"


def test_probing_finds_nothing_quickly_without_cameras(monkeypatch: pytest.MonkeyPatch) -> None:
    # Quickly = a bounded probe: one attempt per probed index with the first
    # backend, nothing more, and every attempt released.
    spy = VideoCaptureSpy(cv2.VideoCapture, allowed=True)
    monkeypatch.setattr(cv2, "VideoCapture", spy)
    assert list_devices(platform="win32") == []
    assert [index for index, _backend in spy.calls] == list(PROBED_INDEXES)


def test_the_chosen_mode_is_remembered_per_device_name(tmp_path: Path) -> None:
    memory = ModeMemory()
    assert memory.recall("DermLite DL5") is None
    mode = CaptureMode(1920, 1080, 30.0, "MJPG")
    memory.remember("DermLite DL5", mode)
    memory.remember("Integrated Webcam", CaptureMode(640, 480, 30.0, "YUYV"))
    assert ModeMemory().recall("DermLite DL5") == mode
    stored = json.loads(memory.path.read_text("utf-8"))
    assert set(stored) == {"DermLite DL5", "Integrated Webcam"}
    memory.path.write_text("{ broken")
    assert ModeMemory().recall("DermLite DL5") is None
