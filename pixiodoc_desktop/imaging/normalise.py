"""Colour and exposure normalisation of the later photo to the earlier one.

A change of lamp, white balance or exposure between visits must not read as a
change of skin. Each channel of CIE Lab is matched in mean and spread to the
earlier photo, measured over the area both photos show (after alignment), so
that skin outside the other photo's frame does not bias it. Gains are kept
within 0.5-2: normalisation evens out lighting, it does not repaint a lesion.
The stored photos are never changed; this is a view.

It has to be quick (it runs each time a comparison opens): the statistics come
from a regular sample of about 60,000 pixels, and the correction is a
lookup table per channel of 8-bit Lab.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from pixiodoc_desktop.errors import InvalidInput

U8 = NDArray[np.uint8]
_MIN_PIXELS = 64
_GAIN_RANGE = (0.5, 2.0)
_SAMPLE = 60_000
# 8-bit Lab in OpenCV: L is scaled to 0..255, a and b are offset by 128.
_TO_UNITS = np.array([100.0 / 255.0, 1.0, 1.0])


def _check(image: NDArray[Any]) -> None:
    if image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
        raise InvalidInput("Normalisation needs 8-bit colour photos")


def _sampled(image: U8, mask: U8 | None) -> NDArray[np.uint8]:
    """Lab pixels of a regular sample of `image` (inside `mask`), as an (N, 3) array."""
    height, width = image.shape[:2]
    step = max(1, int(np.sqrt(height * width / _SAMPLE)))
    lab = cv2.cvtColor(np.ascontiguousarray(image[::step, ::step]), cv2.COLOR_BGR2Lab)
    if mask is None:
        return np.asarray(lab.reshape(-1, 3), dtype=np.uint8)
    return np.asarray(lab[mask[::step, ::step] > 0], dtype=np.uint8)


def _moments(image: U8, mask: U8 | None) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Mean and standard deviation in 8-bit Lab units."""
    _check(image)
    pixels = _sampled(image, mask)
    if len(pixels) < _MIN_PIXELS:
        raise InvalidInput("The photos hardly overlap; there is nothing to normalise against")
    values = pixels.astype(np.float64)
    return values.mean(axis=0), values.std(axis=0)


def lab_statistics(
    image: U8, mask: U8 | None = None
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Mean and standard deviation of L (0-100), a and b over `mask` or the whole photo."""
    mean, std = _moments(image, mask)
    offset = np.array([0.0, 128.0, 128.0])
    return (mean - offset) * _TO_UNITS, std * _TO_UNITS


def normalise_to(reference: U8, image: U8, mask: U8 | None = None) -> U8:
    """`image` (BGR, in the reference's frame) with the reference's Lab mean and spread.

    `mask` (same size, nonzero = both photos show skin there) limits where the
    statistics are taken; the correction itself applies to the whole image.
    """
    if reference.shape[:2] != image.shape[:2]:
        raise InvalidInput("Normalisation needs the aligned photo in the earlier photo's frame")
    ref_mean, ref_std = _moments(reference, mask)
    img_mean, img_std = _moments(image, mask)
    gain = np.clip(ref_std / np.maximum(img_std, 1e-6), *_GAIN_RANGE)
    levels = np.arange(256, dtype=np.float64)
    tables = [
        np.clip((levels - img_mean[c]) * gain[c] + ref_mean[c] + 0.5, 0, 255).astype(np.uint8)
        for c in range(3)
    ]
    lab = cv2.cvtColor(image, cv2.COLOR_BGR2Lab)
    channels = [cv2.LUT(lab[..., c], tables[c]) for c in range(3)]
    return np.asarray(cv2.cvtColor(cv2.merge(channels), cv2.COLOR_Lab2BGR), dtype=np.uint8)
