"""Colour and exposure normalisation of the later photo to the earlier one.

A change of lamp, white balance or exposure between visits must not read as a
change of skin. Each channel of CIE Lab is matched in mean and spread to the
earlier photo, measured over the area both photos show (after alignment), so
that skin outside the other photo's frame does not bias it. Gains are kept
within 0.5-2: normalisation evens out lighting, it does not repaint a lesion.
The stored photos are never changed; this is a view.
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


def _lab(image: NDArray[Any]) -> NDArray[np.float32]:
    if image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
        raise InvalidInput("Normalisation needs 8-bit colour photos")
    return np.asarray(cv2.cvtColor(image.astype(np.float32) / 255.0, cv2.COLOR_BGR2Lab))


def lab_statistics(
    image: U8, mask: U8 | None = None
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Mean and standard deviation of L, a, b over `mask` (nonzero) or the whole photo."""
    lab = _lab(image)
    pixels = lab.reshape(-1, 3) if mask is None else lab[mask.astype(bool)]
    if len(pixels) < _MIN_PIXELS:
        raise InvalidInput("The photos hardly overlap; there is nothing to normalise against")
    return pixels.mean(axis=0).astype(np.float64), pixels.std(axis=0).astype(np.float64)


def normalise_to(reference: U8, image: U8, mask: U8 | None = None) -> U8:
    """`image` (BGR, in the reference's frame) with the reference's Lab mean and spread.

    `mask` (same size, nonzero = both photos show skin there) limits where the
    statistics are taken; the correction itself applies to the whole image.
    """
    if reference.shape[:2] != image.shape[:2]:
        raise InvalidInput("Normalisation needs the aligned photo in the earlier photo's frame")
    ref_mean, ref_std = lab_statistics(reference, mask)
    img_mean, img_std = lab_statistics(image, mask)
    gain = np.clip(ref_std / np.maximum(img_std, 1e-6), *_GAIN_RANGE)
    lab = _lab(image)
    out = (lab - img_mean.astype(np.float32)) * gain.astype(np.float32) + ref_mean.astype(
        np.float32
    )
    out[..., 0] = np.clip(out[..., 0], 0.0, 100.0)
    bgr = cv2.cvtColor(out, cv2.COLOR_Lab2BGR)
    return np.asarray(np.clip(bgr * 255.0 + 0.5, 0, 255), dtype=np.uint8)
