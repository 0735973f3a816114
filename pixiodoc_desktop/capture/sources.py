"""One small interface for every camera, and its OpenCV implementation.

A USB dermatoscope, a webcam, a video file and an image sequence are all a
``CameraSource``: open it, list and set its modes, read frames, close it. The
preview, the still capture and the tests use nothing else, so a video file
exercises the same code path as the scope on the examination desk.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

import cv2
import numpy as np
import numpy.typing as npt

from pixiodoc_desktop.errors import CameraBusy, CameraError, CameraUnavailable

log = logging.getLogger(__name__)

# Sizes tried when a device is asked which modes it offers (OpenCV cannot list them).
PROBED_SIZES: tuple[tuple[int, int], ...] = (
    (640, 480),
    (800, 600),
    (1280, 720),
    (1280, 960),
    (1600, 1200),
    (1920, 1080),
    (2048, 1536),
    (2592, 1944),
    (3840, 2160),
)
# From this many pixels on, uncompressed YUYV no longer fits USB 2 at a useful frame rate.
MJPG_FROM_PIXELS = 1280 * 720
_OPEN_TIMEOUT_MS = 5000
_READ_TIMEOUT_MS = 3000


@dataclass(frozen=True, slots=True)
class CaptureMode:
    """A resolution, frame rate and pixel format a camera delivers."""

    width: int
    height: int
    fps: float
    fourcc: str = ""

    @property
    def pixels(self) -> int:
        return self.width * self.height

    @property
    def label(self) -> str:
        fmt = f" {self.fourcc}" if self.fourcc else ""
        return f"{self.width} x {self.height} @ {self.fps:g} fps{fmt}"


@dataclass(frozen=True, slots=True)
class Frame:
    """One picture from a camera: BGR pixels in memory, when it arrived, its number."""

    pixels: npt.NDArray[np.uint8]
    timestamp: float  # time.monotonic() when the frame was read
    number: int  # counts up from 1 for every frame this source delivered

    @property
    def width(self) -> int:
        return int(self.pixels.shape[1])

    @property
    def height(self) -> int:
        return int(self.pixels.shape[0])


@runtime_checkable
class CameraSource(Protocol):
    """What the preview and the still capture need from a camera."""

    @property
    def name(self) -> str:
        """The name a clinician recognises ("DermLite DL5", "visit.avi")."""
        ...

    @property
    def is_open(self) -> bool: ...

    @property
    def pace_fps(self) -> float | None:
        """For a recorded source (file, image sequence): the rate to replay it at.
        None for a live device, whose read() itself waits for the next frame."""
        ...

    def open(self) -> None:
        """Raises CameraUnavailable or CameraBusy with a message a clinician can act on."""
        ...

    def modes(self) -> list[CaptureMode]: ...

    def set_mode(self, mode: CaptureMode) -> CaptureMode:
        """Ask for a mode; returns the mode the camera actually delivers."""
        ...

    def read(self) -> Frame | None:
        """The next frame, or None when the camera delivered none this time."""
        ...

    def close(self) -> None: ...


def fourcc_text(code: float) -> str:
    value = int(code)
    if value <= 0:
        return ""
    text = "".join(chr((value >> (8 * i)) & 0xFF) for i in range(4))
    return text if text.isprintable() else ""


def device_backends(platform: str | None = None) -> tuple[int, ...]:
    """The OpenCV backends for camera devices on this platform, best first."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        # DirectShow opens quickly and honours MJPG; Media Foundation is the fallback.
        return (cv2.CAP_DSHOW, cv2.CAP_MSMF)
    if platform == "darwin":
        return (cv2.CAP_AVFOUNDATION,)
    return (cv2.CAP_V4L2,)


def is_image_sequence(target: str) -> bool:
    """``frames/%04d.jpg`` style patterns are read by OpenCV's image-sequence backend."""
    return "%" in Path(target).name


@functools.cache
def quiet_opencv() -> None:
    """OpenCV prints its own warnings ("can't open camera by index") on stderr; we
    report every failure ourselves, in words a clinician understands."""
    with contextlib.suppress(AttributeError):  # builds without the logging module
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)


class OpenCvCamera:
    """A camera device (by index) or a recording (by path or URL) read through OpenCV."""

    def __init__(
        self,
        target: int | str | Path,
        *,
        name: str | None = None,
        loop: bool = True,
        platform: str | None = None,
    ) -> None:
        self._target: int | str = target if isinstance(target, int) else str(target)
        self._platform = platform or sys.platform
        self._loop = loop
        self._name = name or self._default_name()
        self._capture: cv2.VideoCapture | None = None
        self._pending: npt.NDArray[np.uint8] | None = None  # first frame, read by open()
        self._count = 0
        self._native: CaptureMode | None = None
        self._modes: list[CaptureMode] | None = None

    # --- what it is ------------------------------------------------------------

    @property
    def name(self) -> str:
        return self._name

    @property
    def target(self) -> int | str:
        return self._target

    @property
    def is_device(self) -> bool:
        return isinstance(self._target, int)

    @property
    def is_open(self) -> bool:
        return self._capture is not None

    @property
    def pace_fps(self) -> float | None:
        if self.is_device or self._native is None:
            return None
        return self._native.fps if self._native.fps > 0 else 25.0

    def _default_name(self) -> str:
        if isinstance(self._target, int):
            return f"Camera {self._target + 1}"  # clinicians count from 1
        if "://" in self._target:
            return self._target.split("://", 1)[1].split("/", 1)[0] or self._target
        path = Path(self._target)
        return path.parent.name if is_image_sequence(self._target) else path.name

    # --- opening ---------------------------------------------------------------

    def open(self) -> None:
        if self._capture is not None:
            return
        quiet_opencv()
        capture = self._open_device() if self.is_device else self._open_recording()
        pixels = _grab(capture)
        if pixels is None:
            capture.release()
            if self.is_device:
                raise CameraBusy(
                    f"The camera '{self._name}' is in use by another program "
                    "(or does not start); close the other program and try again"
                )
            raise CameraUnavailable(f"'{self._name}' has no picture that can be read")
        self._capture = capture
        self._pending = pixels
        self._native = self._current_mode(capture, pixels)
        log.info("Opened camera source (%s)", self._native.label)

    def _open_device(self) -> cv2.VideoCapture:
        index = self._target
        assert isinstance(index, int)
        if self._platform.startswith("linux") and not Path(f"/dev/video{index}").exists():
            raise CameraUnavailable(f"No camera found (nothing is connected as camera {index})")
        for backend in device_backends(self._platform):
            capture = cv2.VideoCapture(index, backend)
            if capture.isOpened():
                capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # the newest frame, not a queue of old ones
                return capture
            capture.release()
        if self._platform.startswith("linux") and _device_held_elsewhere(index):
            raise CameraBusy(f"The camera '{self._name}' is in use by another program")
        raise CameraUnavailable(
            f"No camera found: '{self._name}' is not connected or cannot be opened"
        )

    def _open_recording(self) -> cv2.VideoCapture:
        target = self._target
        assert isinstance(target, str)
        is_url = "://" in target
        if not is_url:
            if is_image_sequence(target):
                folder = Path(target).parent
                if not folder.is_dir():
                    raise CameraUnavailable(f"No camera found: the folder {folder} does not exist")
            elif not Path(target).is_file():
                raise CameraUnavailable(f"No camera found: the file {target} does not exist")
        if is_image_sequence(target):
            capture = cv2.VideoCapture(target, cv2.CAP_IMAGES)
        else:
            params = [
                cv2.CAP_PROP_OPEN_TIMEOUT_MSEC,
                _OPEN_TIMEOUT_MS,
                cv2.CAP_PROP_READ_TIMEOUT_MSEC,
                _READ_TIMEOUT_MS,
            ]
            capture = cv2.VideoCapture(target, cv2.CAP_FFMPEG, params)
            if not capture.isOpened():
                capture.release()
                capture = cv2.VideoCapture(target, cv2.CAP_ANY)
        if not capture.isOpened():
            capture.release()
            raise CameraUnavailable(f"No camera found: '{self._name}' cannot be opened as video")
        return capture

    def _current_mode(
        self, capture: cv2.VideoCapture, pixels: npt.NDArray[np.uint8]
    ) -> CaptureMode:
        fps = float(capture.get(cv2.CAP_PROP_FPS) or 0.0)
        if not self.is_device and not 1.0 <= fps <= 240.0:
            fps = 25.0  # image sequences have no rate of their own
        return CaptureMode(
            width=int(pixels.shape[1]),
            height=int(pixels.shape[0]),
            fps=round(fps, 3),
            fourcc=fourcc_text(capture.get(cv2.CAP_PROP_FOURCC)),
        )

    # --- modes -----------------------------------------------------------------

    @property
    def mode(self) -> CaptureMode | None:
        """The mode in effect (None before open)."""
        return self._native

    def modes(self) -> list[CaptureMode]:
        """What the camera offers. A recording offers exactly its own mode; a device
        is asked for common sizes and keeps the ones it really delivers."""
        capture = self._require_open()
        assert self._native is not None
        if not self.is_device:
            return [self._native]
        if self._modes is None:
            current = self._native
            found: dict[tuple[int, int, str], CaptureMode] = {}
            for width, height in PROBED_SIZES:
                got = self._apply(capture, CaptureMode(width, height, 0.0))
                found.setdefault((got.width, got.height, got.fourcc), got)
            self._apply(capture, current)
            self._modes = sorted(found.values(), key=lambda m: (m.pixels, m.fps))
        return list(self._modes)

    def set_mode(self, mode: CaptureMode) -> CaptureMode:
        capture = self._require_open()
        if not self.is_device:
            assert self._native is not None
            return self._native  # a recording delivers what was recorded
        self._pending = None
        self._native = self._apply(capture, mode)
        return self._native

    def _apply(self, capture: cv2.VideoCapture, mode: CaptureMode) -> CaptureMode:
        fourcc = mode.fourcc or ("MJPG" if mode.pixels >= MJPG_FROM_PIXELS else "")
        if fourcc:
            # The pixel format goes first: many UVC cameras refuse a large size in YUYV.
            capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*fourcc[:4].ljust(4)))
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, mode.width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, mode.height)
        if mode.fps > 0:
            capture.set(cv2.CAP_PROP_FPS, mode.fps)
        return CaptureMode(
            width=int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)),
            height=int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)),
            fps=round(float(capture.get(cv2.CAP_PROP_FPS) or 0.0), 3),
            fourcc=fourcc_text(capture.get(cv2.CAP_PROP_FOURCC)),
        )

    # --- frames ----------------------------------------------------------------

    def read(self) -> Frame | None:
        capture = self._require_open()
        pixels, self._pending = self._pending, None
        if pixels is None:
            pixels = _grab(capture)
            if pixels is None and self._loop and not self.is_device:
                pixels = self._rewind(capture)
            if pixels is None:
                return None
        self._count += 1
        return Frame(pixels, time.monotonic(), self._count)

    def _rewind(self, capture: cv2.VideoCapture) -> npt.NDArray[np.uint8] | None:
        """A recording played as a camera starts over at its end, like a live feed."""
        capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
        pixels = _grab(capture)
        if pixels is not None:
            return pixels
        # Some backends cannot seek (image sequences on some builds): reopen instead.
        capture.release()
        self._capture = None
        try:
            self.open()
        except CameraError:
            return None
        pixels, self._pending = self._pending, None
        return pixels

    def close(self) -> None:
        capture, self._capture = self._capture, None
        self._pending = None
        if capture is not None:
            capture.release()

    def _require_open(self) -> cv2.VideoCapture:
        if self._capture is None:
            raise CameraUnavailable(f"The camera '{self._name}' is not open")
        return self._capture

    def __enter__(self) -> OpenCvCamera:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _grab(capture: cv2.VideoCapture) -> npt.NDArray[np.uint8] | None:
    ok, pixels = capture.read()
    if not ok or pixels is None:
        return None
    return np.asarray(pixels, dtype=np.uint8)


def _device_held_elsewhere(index: int) -> bool:
    """Linux: the device node exists but cannot be opened read-write (EBUSY)."""
    try:
        fd = os.open(f"/dev/video{index}", os.O_RDWR | os.O_NONBLOCK)
    except OSError as error:
        return error.errno == 16  # EBUSY
    os.close(fd)
    return False
