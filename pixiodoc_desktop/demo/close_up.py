"""Dermoscopy close-ups of a naevus whose outline is known exactly, for testing and
benchmarking the automatic outline.

The skin is the demo renderer's (tone, shading, freckles, texture), rendered with its naevus
cleared away; the naevus is then drawn as a polygon of known area and largest diameter,
with a soft border, a darker centre and mottled pigment. Uneven light, sensor noise, hair
and JPEG compression are added on top, as a real dermatoscope photo has them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from pixiodoc_desktop.demo.photos import render_photo
from pixiodoc_desktop.demo.skin_model import LESION_MELANIN, SkinScene

FIELD_WIDTH_MM = 40.0  # the demo's dermoscopy calibration: the photo's width is 40 mm


@dataclass(frozen=True, slots=True)
class KnownLesion:
    """A rendered close-up and the truth about the naevus drawn into it."""

    image: NDArray[np.uint8]  # BGR
    px_per_mm: float
    outline: NDArray[np.float64]  # (n, 2) polygon in pixels
    area_mm2: float
    diameter_mm: float


def plain_skin(seed: int, tone: int, size: tuple[int, int]) -> NDArray[np.uint8]:
    """The demo's skin of one person at one site, with no naevus (cleared at its last visit)."""
    scene = SkinScene(seed=seed, condition="naevus", skin_tone=tone, trend=-1.0)
    return render_photo(scene, 1, 2, size=size, framing_jitter=False)


def _polygon(
    rng: np.random.Generator, centre: NDArray[np.float64], radius: float
) -> NDArray[np.float64]:
    """An irregular, star-shaped naevus outline: a circle with a few low harmonics."""
    theta = np.linspace(0.0, 2 * math.pi, 720, endpoint=False)
    r = np.ones_like(theta)
    for k in range(2, 7):
        r += rng.normal(0.0, 0.06 / k**0.7) * np.cos(k * theta + rng.uniform(0, 2 * math.pi))
    stretch = rng.uniform(0.7, 1.0)
    angle = rng.uniform(0, math.pi)
    x, y = radius * r * np.cos(theta), radius * r * np.sin(theta) * stretch
    c, s = math.cos(angle), math.sin(angle)
    return np.stack([c * x - s * y, s * x + c * y], axis=1) + centre


def _shoelace(points: NDArray[np.float64]) -> float:
    x, y = points[:, 0], points[:, 1]
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


def _feret(points: NDArray[np.float64]) -> float:
    hull = cv2.convexHull(points.astype(np.float32)).reshape(-1, 2).astype(np.float64)
    dx = hull[:, 0, None] - hull[None, :, 0]
    dy = hull[:, 1, None] - hull[None, :, 1]
    return math.sqrt(float((dx * dx + dy * dy).max()))


def _coverage(points: NDArray[np.float64], shape: tuple[int, int]) -> NDArray[np.float32]:
    """How much of each pixel the polygon covers, from a 4x4 supersample.

    Pixel j spans [j - 0.5, j + 0.5]; in the supersample its centre maps to 4 j + 1.5."""
    shift = 8
    big = np.zeros((shape[0] * 4, shape[1] * 4), np.uint8)
    fixed = np.round((points * 4 + 1.5) * (1 << shift)).astype(np.int32)
    cv2.fillPoly(big, [fixed], 255, cv2.LINE_8, shift)
    small = cv2.resize(big, (shape[1], shape[0]), interpolation=cv2.INTER_AREA)
    return small.astype(np.float32) / 255.0


def _hair(
    rng: np.random.Generator, shape: tuple[int, int], count: int, px_per_mm: float
) -> NDArray[np.float32]:
    """Dark, gently curved hairs crossing the field, as optical density."""
    height, width = shape
    layer = np.zeros(shape, np.uint8)
    for _ in range(count):
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        heading = rng.uniform(0, 2 * math.pi)
        points = []
        for _ in range(60):
            points.append((x, y))
            heading += rng.normal(0.0, 0.03)
            step = 0.25 * px_per_mm
            x, y = x + step * math.cos(heading), y + step * math.sin(heading)
        thickness = max(1, round(rng.uniform(0.05, 0.1) * px_per_mm))
        strength = round(rng.uniform(0.55, 1.0) * 255)
        cv2.polylines(
            layer,
            [np.round(np.array(points)).astype(np.int32)],
            False,
            strength,
            thickness,
            cv2.LINE_AA,
        )
    return layer.astype(np.float32) * (1.4 / 255)


def close_up(
    seed: int,
    *,
    size: tuple[int, int] = (800, 600),
    diameter_mm: tuple[float, float] = (4.0, 9.0),
    hairs: int = 0,
    skin: NDArray[np.uint8] | None = None,
    offset_mm: tuple[float, float] = (0.0, 0.0),
    jpeg_quality: int = 92,
) -> KnownLesion:
    """A dermoscopy photo (the field `FIELD_WIDTH_MM` wide) of one naevus of known geometry.

    `skin` reuses a plain-skin render of this size (rendering is the slow part); `offset_mm`
    moves the naevus away from the centre (to push it over the edge)."""
    rng = np.random.default_rng([seed, 18])
    width, height = size
    px_per_mm = width / FIELD_WIDTH_MM
    base = plain_skin(seed % 7, 1 + seed % 3, size) if skin is None else skin
    centre = np.array([width / 2, height / 2]) + rng.normal(0, 0.06, 2) * min(size)
    centre += np.array(offset_mm) * px_per_mm
    radius = rng.uniform(*diameter_mm) / 2 * px_per_mm
    outline = _polygon(rng, centre, radius)
    # The naevus is drawn in a window around it only (the rest of the photo is skin).
    x0, y0 = (max(0, int(v) - 8) for v in outline.min(axis=0))
    x1 = min(width, int(outline[:, 0].max()) + 9)
    y1 = min(height, int(outline[:, 1].max()) + 9)
    density = np.zeros((height, width, 3), np.float32)
    if x1 > x0 and y1 > y0:
        box = (y1 - y0, x1 - x0)
        cover = cv2.GaussianBlur(_coverage(outline - (x0, y0), box), (0, 0), 0.8)
        # Pigment: a darker centre and mottle, never paler at the border than the skin.
        yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
        rho = np.hypot(xx - centre[0], yy - centre[1]) / radius
        noise = rng.normal(0, 1, box).astype(np.float32)
        mottle = np.asarray(cv2.GaussianBlur(noise, (0, 0), radius / 6), np.float32)
        mottle /= float(mottle.std()) + 1e-6
        dark = rng.uniform(0.35, 0.6) + 0.35 * np.clip(1 - rho, 0, 1) + 0.06 * mottle
        pigment = cover * np.clip(dark, 0.2, None)
        density[y0:y1, x0:x1] = pigment[..., None] * LESION_MELANIN.astype(np.float32)
    density += _hair(rng, (height, width), hairs, px_per_mm)[..., None] * 1.1
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    # Uneven light: a tilted plane and a vignette, as a handheld dermatoscope gives.
    tilt = rng.uniform(-0.25, 0.25, 2)
    u, v = (xx / width - 0.5), (yy / height - 0.5)
    light = tilt[0] * u + tilt[1] * v - 0.35 * (u * u + v * v)
    log_image = np.log(base.astype(np.float32) + 1.0) - density + light[..., None]
    image = np.exp(log_image) - 1.0 + rng.normal(0, rng.uniform(1.5, 4.0), (height, width, 3))
    pixels = np.clip(image, 0, 255).astype(np.uint8)
    ok, encoded = cv2.imencode(".jpg", pixels, [cv2.IMWRITE_JPEG_QUALITY, jpeg_quality])
    if not ok:  # pragma: no cover - OpenCV always encodes a valid array
        raise RuntimeError("JPEG encoding failed")
    decoded = cv2.imdecode(encoded, cv2.IMREAD_COLOR)
    return KnownLesion(
        image=np.asarray(decoded, np.uint8),
        px_per_mm=px_per_mm,
        outline=outline,
        area_mm2=_shoelace(outline) / px_per_mm**2,
        diameter_mm=_feret(outline) / px_per_mm,
    )
