"""The camera of one visit: one affine map from the scene to the output pixels, with the
small differences in framing, exposure, white balance and light that real follow-up photos
have."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from pixiodoc_desktop.demo.skin import Skin
from pixiodoc_desktop.demo.skin_model import SkinScene, scene_rng

_MAX_ROTATION_DEG = 6.0
_ZOOM_RANGE = (0.92, 1.08)
_MAX_SHIFT = 0.05


@dataclass(frozen=True, slots=True)
class Camera:
    to_output: NDArray[np.float64]  # 2x3 affine: scene units -> output pixels
    scale: float  # output pixels per scene unit
    reference: float  # output pixels per scene unit without zoom
    exposure: float  # optical density added to every channel
    white_balance: NDArray[np.float64]  # per-channel optical density
    light_angle: float
    light_strength: float


def camera_for(
    scene: SkinScene, skin: Skin, visit_index: int, size: tuple[int, int], jitter: bool
) -> Camera:
    width, height = size
    reference = float(min(width, height))
    rotation, zoom, shift = 0.0, 1.0, np.zeros(2)
    exposure, white_balance = 0.0, np.zeros(3)
    light_angle, light_strength = skin.light_angle, 0.1
    if jitter:
        rng = scene_rng(scene, 4, visit_index)
        rotation = math.radians(rng.uniform(-_MAX_ROTATION_DEG, _MAX_ROTATION_DEG))
        zoom = rng.uniform(*_ZOOM_RANGE)
        shift = rng.uniform(-_MAX_SHIFT, _MAX_SHIFT, 2) * np.array([width, height])
        exposure = rng.uniform(-0.1, 0.1)
        white_balance = rng.normal(0.0, 0.018, 3)
        light_angle += rng.normal(0.0, 0.3)
        light_strength = rng.uniform(0.06, 0.14)
    scale = reference * zoom
    c, s = math.cos(rotation), math.sin(rotation)
    centre = np.array([(width - 1) / 2, (height - 1) / 2]) + shift
    to_output = np.array([[scale * c, -scale * s, centre[0]], [scale * s, scale * c, centre[1]]])
    return Camera(to_output, scale, reference, exposure, white_balance, light_angle, light_strength)


def grid_to_output(camera: Camera, px_per_unit: float, origin: float) -> NDArray[np.float64]:
    """The affine map from a grid (pixel 0 at scene (origin, origin)) to output pixels."""
    linear = camera.to_output[:, :2]
    grid = np.array([[1 / px_per_unit, 0.0, origin], [0.0, 1 / px_per_unit, origin]])
    return np.hstack(
        [linear @ grid[:, :2], (linear @ grid[:, 2] + camera.to_output[:, 2])[:, None]]
    )
