"""A person's skin at one body site, the same at every visit: tone, shading, diffuse
pigment and redness, freckles and moles on the scene grid, and a periodic tile of fine
texture (grain, pores, furrows)."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from pixiodoc_desktop.demo.skin_model import (
    F32,
    GX,
    GY,
    HAEMOGLOBIN,
    MELANIN,
    TONE_RGB,
    SkinScene,
    add_spot,
    as_f32,
    melanin_of,
    optical_density,
    scene_rng,
    smooth_noise,
)

TEXTURE_PX = 1100.0  # output pixels per scene unit for which the texture is tuned
_TEXTURE_TILE = (509, 383)  # width and height of the repeated texture tile at that scale


@dataclass(frozen=True, slots=True)
class Skin:
    density: NDArray[np.float64]  # BGR optical density of this person's skin tone
    grey: F32  # density added to all channels: body curvature, faint shading
    melanin: F32
    haemoglobin: F32
    light_angle: float


@functools.lru_cache(maxsize=16)
def skin_of(scene: SkinScene) -> Skin:
    """The person's skin at this site. Kept for a few scenes, because a demo renders all
    visits of one scene in a row (the fields are made read-only, so sharing is safe)."""
    rng = scene_rng(scene, 1)
    m = melanin_of(scene.skin_tone)
    tint = rng.normal(0.0, 0.05) * MELANIN + rng.normal(0.0, 0.04) * HAEMOGLOBIN
    # The body part curves away from the camera towards one side of the frame.
    axis = rng.uniform(0.0, math.pi)
    offset = rng.uniform(-0.2, 0.2)
    across = (GX * math.sin(axis) - GY * math.cos(axis) - offset) / rng.uniform(0.9, 1.5)
    grey = as_f32(0.22 * across**2 + 0.012 * smooth_noise(rng, 8.0))
    melanin = (0.005 + 0.02 * m) * smooth_noise(rng, 18.0) + (0.008 + 0.025 * m) * smooth_noise(
        rng, 5.0
    )
    haemoglobin = as_f32(
        0.014 * smooth_noise(rng, 12.0) + 0.012 * smooth_noise(rng, 4.0) + rng.uniform(0.02, 0.08)
    )
    # Freckles on fair skin and a few small benign moles: landmarks a real photo has.
    freckles = int(rng.integers(0, 45)) if scene.skin_tone <= 3 else 0
    for _ in range(freckles):
        x, y = float(rng.uniform(-1.2, 1.2)), float(rng.uniform(-1.2, 1.2))
        add_spot(melanin, x, y, float(rng.uniform(0.004, 0.009)), float(rng.uniform(0.1, 0.25)))
    for _ in range(int(rng.integers(0, 4))):
        x, y = float(rng.uniform(-1.2, 1.2)), float(rng.uniform(-1.2, 1.2))
        add_spot(melanin, x, y, float(rng.uniform(0.006, 0.01)), float(rng.uniform(0.5, 0.9)))
    for array in (grey, melanin, haemoglobin):
        array.flags.writeable = False
    return Skin(
        density=optical_density(TONE_RGB[scene.skin_tone - 1]) + tint,
        grey=grey,
        melanin=melanin,
        haemoglobin=haemoglobin,
        light_angle=float(rng.uniform(-2.6, -0.6)),  # towards the light: above the site
    )


def _periodic_blur(tile: F32, sigma_x: float, sigma_y: float) -> F32:
    """Blur a tile as if it were repeated endlessly, then scale it to unit deviation."""
    pad = int(3 * max(sigma_x, sigma_y)) + 2
    padded = cv2.copyMakeBorder(tile, pad, pad, pad, pad, cv2.BORDER_WRAP)
    blurred = as_f32(cv2.GaussianBlur(padded, (0, 0), sigma_x, sigmaY=sigma_y)[pad:-pad, pad:-pad])
    blurred -= blurred.mean()
    blurred /= float(blurred.std()) + 1e-6
    return blurred


@functools.lru_cache(maxsize=16)
def texture_tile(scene: SkinScene, k: float) -> F32:
    """One periodic tile of fine skin texture in optical density (grain, pores, the
    criss-cross furrows of the skin surface) at `k` times the tuned scale."""
    rng = scene_rng(scene, 3)
    tile_w, tile_h = (max(32, round(n * k)) for n in _TEXTURE_TILE)
    shape = (tile_h, tile_w)
    pores = (rng.random(shape, dtype=np.float32) < 0.003 / (k * k)).astype(np.float32)
    grain = rng.random(shape, dtype=np.float32) - 0.5 + 1.2 * pores
    tile = 0.016 * _periodic_blur(grain, 1.1 * k, 1.1 * k)
    # Skin furrows: the zero crossings of stretched noise, in two directions.
    for sigma_x, sigma_y in ((7.0 * k, 1.2 * k), (1.2 * k, 7.0 * k)):
        stretched = _periodic_blur(rng.random(shape, dtype=np.float32) - 0.5, sigma_x, sigma_y)
        tile += 0.02 * np.exp(-((stretched / 0.15) ** 2))
    tile.flags.writeable = False
    return tile
