"""Helpers for the capture tests: recordings that stand in for cameras."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

FPS = 30.0
FRAMES = 24


@dataclass(frozen=True, slots=True)
class Recordings:
    avi: Path  # MJPG, 640 x 480, 30 fps
    mp4: Path  # mp4v, 1280 x 720, 30 fps
    sequence: str  # frames/%04d.jpg, 640 x 480
    frame: npt.NDArray[np.uint8]  # a sharp 640 x 480 skin frame


def moving(base: npt.NDArray[np.uint8], count: int) -> list[npt.NDArray[np.uint8]]:
    """A slow pan across the skin, so consecutive frames differ."""
    return [np.roll(base, 5 * i, axis=1) for i in range(count)]


def write_video(path: Path, fourcc: str, frames: list[npt.NDArray[np.uint8]]) -> Path:
    height, width = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*fourcc), FPS, (width, height))
    assert writer.isOpened(), f"OpenCV cannot write {fourcc} here"
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path
