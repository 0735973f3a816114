"""Is this photo good enough to compare with the next visit? Sharpness and exposure.

A warning, never a block: the clinician decides whether to retake. Measures
are taken on a copy scaled to a fixed width, so a threshold means the same for
a 640-pixel webcam frame and a 12-megapixel still (blur is judged as it shows
on screen; sensor noise averages out), and costs a few ms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import cv2
import numpy as np
import numpy.typing as npt

from pixiodoc_desktop.capture.sources import Frame

MEASURE_WIDTH = 512
# Variance of the Laplacian at MEASURE_WIDTH. Sharp synthetic skin close-ups score
# 12-130 at any resolution; blurred by 2 px of a 640-px frame, 1-6.
BLUR_BELOW = 6.0
HIGHLIGHT_LEVEL = 250
SHADOW_LEVEL = 5
CLIPPED_HIGHLIGHTS_ABOVE = 0.02  # share of pixels
CLIPPED_SHADOWS_ABOVE = 0.05

BLURRED = "The photo looks blurred"
HIGHLIGHTS_CLIPPED = "Highlights are clipped (glare?)"
SHADOWS_CLIPPED = "Shadows are clipped (too dark?)"


@dataclass(frozen=True, slots=True)
class QualityVerdict:
    sharpness: float
    highlights: float  # share of pixels at or above HIGHLIGHT_LEVEL
    shadows: float  # share of pixels at or below SHADOW_LEVEL
    warnings: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.warnings

    @property
    def blurred(self) -> bool:
        return BLURRED in self.warnings


def _grey(pixels: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    grey = pixels if pixels.ndim == 2 else cv2.cvtColor(pixels[:, :, :3], cv2.COLOR_BGR2GRAY)
    height, width = grey.shape[:2]
    if width != MEASURE_WIDTH:
        size = (MEASURE_WIDTH, max(1, round(height * MEASURE_WIDTH / width)))
        shrink = cv2.INTER_AREA if width > MEASURE_WIDTH else cv2.INTER_LINEAR
        grey = cv2.resize(grey, size, interpolation=shrink)
    return np.asarray(grey, dtype=np.uint8)


def sharpness(pixels: npt.NDArray[np.uint8]) -> float:
    """Variance of the Laplacian at a fixed width: higher is sharper."""
    return float(cv2.Laplacian(_grey(pixels), cv2.CV_64F).var())


def exposure(pixels: npt.NDArray[np.uint8]) -> tuple[float, float]:
    """(clipped highlights, clipped shadows) as shares of all pixels."""
    grey = _grey(pixels)
    total = float(grey.size) or 1.0
    highlights = float(np.count_nonzero(grey >= HIGHLIGHT_LEVEL)) / total
    shadows = float(np.count_nonzero(grey <= SHADOW_LEVEL)) / total
    return highlights, shadows


def assess(pixels: npt.NDArray[np.uint8], *, blur_below: float = BLUR_BELOW) -> QualityVerdict:
    grey = _grey(pixels)
    score = float(cv2.Laplacian(grey, cv2.CV_64F).var())
    total = float(grey.size) or 1.0
    highlights = float(np.count_nonzero(grey >= HIGHLIGHT_LEVEL)) / total
    shadows = float(np.count_nonzero(grey <= SHADOW_LEVEL)) / total
    warnings = []
    if score < blur_below:
        warnings.append(BLURRED)
    if highlights > CLIPPED_HIGHLIGHTS_ABOVE:
        warnings.append(HIGHLIGHTS_CLIPPED)
    if shadows > CLIPPED_SHADOWS_ABOVE:
        warnings.append(SHADOWS_CLIPPED)
    return QualityVerdict(score, highlights, shadows, tuple(warnings))


F = TypeVar("F", Frame, npt.NDArray[np.uint8])


def best_of(frames: Sequence[F]) -> F:
    """The sharpest of a burst (frames or plain arrays)."""
    if not frames:
        raise ValueError("best_of needs at least one frame")

    def score(item: Frame | npt.NDArray[np.uint8]) -> float:
        return sharpness(item.pixels if isinstance(item, Frame) else item)

    return max(frames, key=score)
