"""Synthetic comparison pairs with a known homography (helpers for tests/compare)."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from pixiodoc_desktop.demo.photos import CONDITIONS, render_photo, scene_for

BASE_SIZE = (2000, 1600)


@functools.cache
def base_photo(index: int) -> NDArray[np.uint8]:
    """A large, unjittered demo skin photo to cut pairs from."""
    scene = scene_for(900 + index, CONDITIONS[index % len(CONDITIONS)])
    return render_photo(scene, 0, 1, size=BASE_SIZE, framing_jitter=False)


@dataclass(frozen=True, slots=True)
class KnownPair:
    before: NDArray[np.uint8]
    after: NDArray[np.uint8]
    truth: NDArray[np.float64]  # after pixels -> before pixels


def known_pair(
    rng: np.random.Generator, base: NDArray[np.uint8], size: tuple[int, int] = (800, 600)
) -> KnownPair:
    """Before: the centre of `base`. After: the same skin rotated (<= 15°), scaled (0.8-1.25),
    shifted (<= 20 %) and lit differently (gain, offset, a gradient, sensor noise)."""
    width, height = size
    base_h, base_w = base.shape[:2]
    origin = np.array([(base_w - width) / 2, (base_h - height) / 2])
    theta = math.radians(rng.uniform(-15, 15))
    scale = rng.uniform(0.8, 1.25)
    shift = rng.uniform(-0.2, 0.2, 2) * np.array([width, height])
    centre = np.array([(width - 1) / 2, (height - 1) / 2])
    rotation = scale * np.array(
        [[math.cos(theta), -math.sin(theta)], [math.sin(theta), math.cos(theta)]]
    )
    to_base = np.eye(3)
    to_base[:2, :2] = rotation
    to_base[:2, 2] = centre + origin + shift - rotation @ centre
    x0, y0 = int(origin[0]), int(origin[1])
    before = base[y0 : y0 + height, x0 : x0 + width].copy()
    after = cv2.warpPerspective(
        base, to_base, (width, height), flags=cv2.WARP_INVERSE_MAP | cv2.INTER_LINEAR
    )
    gain = rng.uniform(0.75, 1.3)
    offset = rng.uniform(-20, 20)
    ramp = 1.0 + rng.uniform(-0.12, 0.12) * (np.arange(width, dtype=np.float32) / width - 0.5)
    lit = after.astype(np.float32) * gain * ramp[None, :, None] + offset
    lit += rng.normal(0.0, 2.0, lit.shape).astype(np.float32)
    after = np.clip(lit + 0.5, 0, 255).astype(np.uint8)
    crop = np.eye(3)
    crop[:2, 2] = -np.array([x0, y0], dtype=np.float64)
    return KnownPair(before, after, crop @ to_base)
