"""What each demo condition adds to the skin at one visit: pigment and redness on the scene
grid, crisply bounded patches, small bumps (papules, pustules, comedones) and vessels.

Every lesion is a level set of a fixed random field, so a course that worsens or clears makes
the same lesions grow or shrink in place from visit to visit."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from pixiodoc_desktop.demo.skin_model import (
    DEPIGMENTED,
    F32,
    GRID_N,
    GX,
    GY,
    HAEMOGLOBIN,
    LESION_MELANIN,
    MELANIN,
    TONE_RGB,
    SkinScene,
    add_spot,
    ellipse_distance,
    melanin_of,
    optical_density,
    smooth_noise,
    threshold_for_area,
)


@dataclass(frozen=True, slots=True)
class Sharp:
    """A region bounded where a grid field crosses a level, drawn crisply at output size.

    `density` is the optical density it adds (BGR), `white` how much it is covered by a
    whitish layer (scale, pus)."""

    field: F32
    level: float
    edge: float  # width of the border in scene units
    density: NDArray[np.float64]
    white: float = 0.0


@dataclass(frozen=True, slots=True)
class Bump:
    """A small lesion drawn straight into the output: papule, pustule, comedone, spot."""

    x: float
    y: float
    radius: float
    haemoglobin: float = 0.0
    melanin: float = 0.0
    elevation: float = 0.0
    pus: float = 0.0


@dataclass(slots=True)
class Lesions:
    """What a condition adds to the skin at one visit."""

    melanin: F32 = field(default_factory=lambda: np.zeros((GRID_N, GRID_N), np.float32))
    haemoglobin: F32 = field(default_factory=lambda: np.zeros((GRID_N, GRID_N), np.float32))
    patch: Sharp | None = None
    detail: Sharp | None = None  # only inside `patch`
    bumps: list[Bump] = field(default_factory=list)
    vessels: list[NDArray[np.float64]] = field(default_factory=list)
    vessel_strength: list[float] = field(default_factory=list)
    white_rgb: tuple[int, int, int] = (235, 232, 226)
    texture_boost: float = 0.0  # coarser skin markings inside `patch` (lichenification, scale)
    white_texture: float = 8.0  # how much the skin texture breaks up the whitish layer
    white_thickness: F32 | None = None  # grid field scaling the whitish layer (thick scale)


def _fade(share: float, rank: float) -> float:
    """Activity of one lesion among many: those ranked below `share` are present, fading in
    over a short span so lesions come and go gradually over visits (none at share 0)."""
    return float(np.clip((share - rank) / 0.06, 0.0, 1.0))


def _acne(scene: SkinScene, rng: np.random.Generator, extent: float) -> Lesions:
    lesions = Lesions(white_rgb=(230, 214, 160))
    heal = min(1.0, extent)
    n = int(rng.integers(16, 26))
    pool = 2 * n  # half are present at baseline; a worsening course shows the rest
    xs, ys = rng.uniform(-0.66, 0.66, pool), rng.uniform(-0.48, 0.48, pool)
    ranks = rng.permutation(pool) / pool
    kinds = rng.choice(3, pool, p=[0.6, 0.3, 0.1])  # papule, pustule, nodule
    radii = rng.uniform(0.012, 0.024, pool) * np.where(kinds == 2, 1.8, 1.0)
    reds = rng.uniform(0.35, 0.65, pool)
    marks_brown = scene.skin_tone >= 3
    for i in range(pool):
        active = _fade(extent / 2, ranks[i])
        if active > 0.0:
            lesions.bumps.append(
                Bump(
                    float(xs[i]),
                    float(ys[i]),
                    float(radii[i]) * (0.7 + 0.3 * active),
                    haemoglobin=float(reds[i]) * active * (0.6 + 0.4 * heal),
                    elevation=active * (1.4 if kinds[i] == 2 else 1.0),
                    pus=active * 0.7 if kinds[i] == 1 and heal > 0.3 else 0.0,
                )
            )
        # Healed papules leave a flat mark (red on fair skin, brown on darker skin) that
        # fades more slowly than the papule itself.
        if ranks[i] < 0.5 and active < 1.0:
            mark = (1.0 - active) * 0.14 * min(1.0, extent * 2.0)
            target = lesions.melanin if marks_brown else lesions.haemoglobin
            add_spot(target, float(xs[i]), float(ys[i]), float(radii[i]) * 0.7, mark)
    comedones = 2 * int(rng.integers(8, 15))
    cxs, cys = rng.uniform(-0.66, 0.66, comedones), rng.uniform(-0.48, 0.48, comedones)
    cranks = rng.permutation(comedones) / comedones
    open_ = rng.random(comedones) < 0.5
    for i in range(comedones):
        active = _fade(extent / 2, cranks[i])
        if active <= 0.0:
            continue
        if open_[i]:
            lesions.bumps.append(
                Bump(float(cxs[i]), float(cys[i]), 0.0045, melanin=0.9 * active, elevation=0.2)
            )
        else:
            lesions.bumps.append(
                Bump(float(cxs[i]), float(cys[i]), 0.007, elevation=0.6 * active, pus=0.18 * active)
            )
    return lesions


def _eczema(scene: SkinScene, rng: np.random.Generator, extent: float) -> Lesions:
    lesions = Lesions(white_rgb=(236, 230, 222), texture_boost=1.6)
    activity = min(1.0, extent) ** 0.6
    shape = 0.6 * smooth_noise(rng, 7.0) + 0.15 * smooth_noise(rng, 2.5)
    for _ in range(int(rng.integers(2, 4))):
        x, y = rng.uniform(-0.4, 0.4), rng.uniform(-0.3, 0.3)
        add_spot(shape, float(x), float(y), float(rng.uniform(0.12, 0.2)), 1.8)
    level = threshold_for_area(shape, 0.2 * extent)
    mottle = 0.6 + 0.4 * smooth_noise(rng, 2.0)
    # An ill-defined border: the redness spills softly beyond the patch itself.
    halo = np.clip((shape - level + 0.35) / 0.5, 0.0, 1.0) ** 2
    lesions.haemoglobin += activity * 0.14 * halo * mottle
    darker_skin = 0.07 if scene.skin_tone >= 4 else 0.02
    lesions.patch = Sharp(
        shape,
        level,
        edge=0.15,
        density=activity * (0.3 * HAEMOGLOBIN + darker_skin * MELANIN),
    )
    scale = smooth_noise(rng, 0.8)
    lesions.detail = Sharp(
        scale,
        float(np.quantile(scale, 0.9)),
        edge=0.002,
        density=activity * 0.08 * HAEMOGLOBIN,
        white=0.14 * activity,
    )
    return lesions


def _psoriasis(scene: SkinScene, rng: np.random.Generator, extent: float) -> Lesions:
    del scene
    lesions = Lesions(white_rgb=(222, 222, 220), texture_boost=1.2, white_texture=2.0)
    activity = min(1.0, extent) ** 0.5
    shape = np.full((GRID_N, GRID_N), -10.0, np.float32)
    for _ in range(int(rng.integers(2, 5))):
        a = float(rng.uniform(0.1, 0.2))
        plaque = 1.0 - ellipse_distance(
            float(rng.uniform(-0.42, 0.42)),
            float(rng.uniform(-0.32, 0.32)),
            a,
            a * float(rng.uniform(0.55, 0.95)),
            float(rng.uniform(0.0, math.pi)),
        )
        np.maximum(shape, plaque, out=shape)
    shape += 0.07 * smooth_noise(rng, 3.0) + 0.04 * smooth_noise(rng, 1.5)
    level = threshold_for_area(shape, 0.17 * extent)
    lesions.patch = Sharp(
        shape,
        level,
        edge=0.003,
        density=activity * (0.55 * HAEMOGLOBIN + 0.04 * MELANIN),
        white=0.12 * activity,
    )
    # Silvery scale: flakes thicken towards the middle of a plaque and leave a red rim.
    depth = np.clip((shape - level) * 4.0, 0.0, 1.2)
    lesions.white_thickness = np.clip(0.75 + 0.35 * smooth_noise(rng, 1.1), 0.15, 1.0)
    plates = smooth_noise(rng, 1.6)
    cracks = np.exp(-((plates / 0.2) ** 2))  # fissures along the zero crossings
    flakes = (
        0.3 * smooth_noise(rng, 1.0) + 0.25 * smooth_noise(rng, 2.0) + 1.4 * depth - 1.2 * cracks
    )
    lesions.detail = Sharp(
        flakes,
        0.8,
        edge=0.008,
        density=np.zeros(3),
        white=0.68 * activity**0.7,
    )
    return lesions


def _vessel(rng: np.random.Generator, x: float, y: float, steps: int) -> NDArray[np.float64]:
    """A fine, tortuous superficial vessel as a polyline in scene units."""
    heading = rng.uniform(0.0, 2 * math.pi)
    points = [(x, y)]
    for _ in range(steps):
        heading += rng.normal(0.0, 0.2)
        step = rng.uniform(0.005, 0.011)
        x, y = x + step * math.cos(heading), y + step * math.sin(heading)
        points.append((x, y))
    return np.array(points)


def _rosacea(scene: SkinScene, rng: np.random.Generator, extent: float) -> Lesions:
    del scene
    lesions = Lesions()
    cx, cy = float(rng.uniform(-0.15, 0.15)), float(rng.uniform(-0.1, 0.1))
    radius = float(rng.uniform(0.24, 0.34)) * (0.7 + 0.3 * extent)
    flush = np.exp(-((GX - cx) ** 2 + (GY - cy) ** 2) / (2 * radius * radius))
    lesions.haemoglobin += min(extent, 1.6) * 0.36 * flush * (0.82 + 0.18 * smooth_noise(rng, 6.0))
    n = int(rng.integers(26, 40))
    pool = 2 * n
    ranks = rng.permutation(pool) / pool
    for i in range(pool):
        start_x = cx + float(rng.normal(0.0, 0.17))
        start_y = cy + float(rng.normal(0.0, 0.13))
        trunk = _vessel(rng, start_x, start_y, int(rng.integers(5, 14)))
        branch_at = int(rng.integers(2, len(trunk) - 1))
        fork_x, fork_y = trunk[branch_at]
        branch = _vessel(rng, float(fork_x), float(fork_y), int(rng.integers(2, 6)))
        strength = float(rng.uniform(0.25, 0.5))
        active = _fade(extent / 2, ranks[i])
        if active > 0.0:
            lesions.vessels += [trunk, branch]
            lesions.vessel_strength += [strength * active, 0.7 * strength * active]
    papules = 2 * int(rng.integers(0, 6))
    pranks = rng.permutation(papules) / max(1, papules)
    for i in range(papules):
        x, y = cx + float(rng.normal(0.0, 0.18)), cy + float(rng.normal(0.0, 0.14))
        r = float(rng.uniform(0.008, 0.014))
        active = _fade(extent / 2, pranks[i])
        if active > 0.0:
            lesions.bumps.append(Bump(x, y, r, haemoglobin=0.45 * active, elevation=active))
    return lesions


def _melasma(scene: SkinScene, rng: np.random.Generator, extent: float) -> Lesions:
    del scene
    lesions = Lesions()
    activity = min(1.0, extent)
    cx, cy = float(rng.uniform(-0.2, 0.2)), float(rng.uniform(-0.15, 0.15))
    radius = float(rng.uniform(0.35, 0.5))
    envelope = np.exp(-((GX - cx) ** 2 + (GY - cy) ** 2) / (2 * radius * radius))
    shape = 2.2 * envelope + 0.3 * smooth_noise(rng, 9.0) + 0.15 * smooth_noise(rng, 3.5)
    shape += 0.04 * smooth_noise(rng, 1.5)
    level = threshold_for_area(shape, 0.22 * extent)
    brown = float(rng.uniform(0.16, 0.24)) * (0.5 + 0.5 * activity)
    inside = np.clip((shape - level) / 0.15 + 0.5, 0.0, 1.0)
    lesions.melanin += brown * 0.3 * inside * smooth_noise(rng, 2.5)
    lesions.patch = Sharp(shape, level, edge=0.01, density=brown * LESION_MELANIN)
    mottle = smooth_noise(rng, 2.0)
    lesions.detail = Sharp(
        mottle, float(np.quantile(mottle, 0.7)), edge=0.006, density=0.25 * brown * LESION_MELANIN
    )
    return lesions


def _vitiligo(scene: SkinScene, rng: np.random.Generator, extent: float) -> Lesions:
    lesions = Lesions()
    shape = np.full((GRID_N, GRID_N), -10.0, np.float32)
    for _ in range(int(rng.integers(2, 5))):
        a = float(rng.uniform(0.08, 0.2))
        patch = 1.0 - ellipse_distance(
            float(rng.uniform(-0.4, 0.4)),
            float(rng.uniform(-0.3, 0.3)),
            a,
            a * float(rng.uniform(0.6, 1.0)),
            float(rng.uniform(0.0, math.pi)),
        )
        np.maximum(shape, patch, out=shape)
    shape += 0.1 * smooth_noise(rng, 5.0) + 0.04 * smooth_noise(rng, 2.0)
    level = threshold_for_area(shape, 0.18 * extent)
    tone = optical_density(TONE_RGB[scene.skin_tone - 1])
    no_melanin = DEPIGMENTED - tone
    lesions.patch = Sharp(shape, level, edge=0.0025, density=no_melanin)
    # A faint darker rim just outside the white patch.
    rim = np.exp(-(((shape - level) / 0.06) ** 2)) * (shape < level)
    lesions.melanin += 0.12 * melanin_of(scene.skin_tone) * rim
    # Under treatment, pigment returns first around hair follicles: dots inside the patch.
    dots = np.zeros((GRID_N, GRID_N), np.float32)
    for _ in range(260):
        x, y = float(rng.uniform(-0.6, 0.6)), float(rng.uniform(-0.5, 0.5))
        add_spot(dots, x, y, 0.006, float(rng.uniform(0.6, 1.0)))
    repigmented = float(np.clip((1.0 - extent) * 1.4, 0.0, 1.0))
    lesions.detail = Sharp(dots, 1.0 - 0.75 * repigmented, edge=0.004, density=-0.85 * no_melanin)
    return lesions


def _naevus(scene: SkinScene, rng: np.random.Generator, extent: float) -> Lesions:
    lesions = Lesions()
    cx, cy = float(rng.uniform(-0.08, 0.08)), float(rng.uniform(-0.06, 0.06))
    radius = float(rng.uniform(0.09, 0.13)) * math.sqrt(max(extent, 1e-6))
    angle = np.arctan2(GY - cy, GX - cx)
    outline = np.ones_like(angle)
    # A growing naevus also grows a little less regular.
    irregular = 0.8 + 0.25 * extent
    for k in range(2, 8):
        amplitude = float(rng.normal(0.0, 0.05 / k**0.6)) * irregular
        outline += amplitude * np.cos(k * angle + float(rng.uniform(0.0, 2 * math.pi)))
    rho = np.sqrt((GX - cx) ** 2 + (GY - cy) ** 2) / (radius * outline)
    shape = (1.0 - rho + 0.02 * smooth_noise(rng, 1.5)).astype(np.float32)
    dark = float(rng.uniform(0.45, 0.65))
    lesions.patch = Sharp(
        shape, 0.0, edge=0.005, density=dark * LESION_MELANIN + 0.04 * HAEMOGLOBIN
    )
    # A darker centre and uneven pigment, kept well inside so the soft grid stays within.
    inside = np.clip((0.85 - rho) / 0.25, 0.0, 1.0)
    centre = np.clip(1.0 - rho / 0.8, 0.0, 1.0) ** 1.2
    mottle = 0.1 * smooth_noise(rng, 2.5) + 0.06 * smooth_noise(rng, 1.2)
    lesions.melanin += (float(rng.uniform(0.35, 0.55)) * centre + mottle) * inside
    for _ in range(int(rng.integers(4, 11))):
        r, a = float(rng.uniform(0.0, 0.65)) * radius, float(rng.uniform(0.0, 2 * math.pi))
        lesions.bumps.append(
            Bump(
                cx + r * math.cos(a),
                cy + r * math.sin(a),
                float(rng.uniform(0.006, 0.012)),
                melanin=float(rng.uniform(0.15, 0.3)) * min(1.0, extent),
            )
        )
    return lesions


LESIONS_FOR: dict[str, Callable[[SkinScene, np.random.Generator, float], Lesions]] = {
    "acne": _acne,
    "eczema": _eczema,
    "psoriasis": _psoriasis,
    "rosacea": _rosacea,
    "melasma": _melasma,
    "vitiligo": _vitiligo,
    "naevus": _naevus,
}
