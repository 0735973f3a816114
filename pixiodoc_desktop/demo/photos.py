"""Synthetic, skin-like clinical photos for the demo vault, the tests and the benchmarks.

No real patient photo may ever enter the repository, yet a newcomer opening the demo clinic
should see a living practice: skin-toned close-ups whose lesions change from visit to visit,
framed a little differently each time, as real follow-up photos are.

How a photo is made, and why it is fast enough for 12 MP benchmark images:

* Colour follows a two-pigment skin model in optical density: every pixel is the skin tone
  plus some melanin (brown) and some haemoglobin (red). Redness on dark skin therefore turns
  violaceous and vitiligo turns any tone milky white, without per-tone colour tables.
* Everything anatomical (tone variation, lesion shapes) lives on a small scene grid that
  does not depend on the visit or the output size, so lesions stay where they are.
* The camera of each visit is one affine map from the scene to the output pixels. The grid
  is warped with it straight to the output (there is no full-size canvas to fill); lesion
  borders are thresholded only after warping, so they stay crisp at any resolution; papules
  and vessels are drawn into the output through the same map. The grid reaches well beyond
  any jittered frame up to 2:1 (wider ones are mirrored at the edge), so no black border
  can appear. Fine skin texture is a small tile, repeated.
"""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import ExifTags, Image

__all__ = ["CONDITIONS", "SkinScene", "encode_jpeg", "render_photo", "scene_for"]

CONDITIONS: tuple[str, ...] = (
    "acne",
    "eczema",
    "psoriasis",
    "rosacea",
    "melasma",
    "vitiligo",
    "naevus",
)

F32 = NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class SkinScene:
    """One patient's body site: everything that stays the same across visits.

    `trend` says how the condition develops from the first to the last visit: -1.0 clears
    fully, 0.0 stays as it is, +1.0 doubles in extent (a naevus grows in diameter).
    """

    seed: int
    condition: str
    skin_tone: int
    trend: float

    def __post_init__(self) -> None:
        if self.condition not in CONDITIONS:
            raise ValueError(
                f"Unknown condition {self.condition!r}; expected one of {', '.join(CONDITIONS)}."
            )
        if not 1 <= self.skin_tone <= 6:
            raise ValueError(f"Skin tone must be 1..6 (Fitzpatrick-like), not {self.skin_tone}.")
        if not -1.0 <= self.trend <= 1.0:
            raise ValueError(f"Trend must lie in -1.0..+1.0, not {self.trend}.")


# --- colour model -----------------------------------------------------------------------------
# Optical densities (-ln of reflectance) in BGR order, the order OpenCV images use.


def _density(rgb: tuple[int, int, int]) -> NDArray[np.float64]:
    return np.array([-math.log(rgb[2] / 255), -math.log(rgb[1] / 255), -math.log(rgb[0] / 255)])


# Typical clinical-photo colours of Fitzpatrick types I..VI, and of skin without melanin.
_TONE_RGB: tuple[tuple[int, int, int], ...] = (
    (240, 212, 196),
    (229, 192, 166),
    (210, 164, 130),
    (180, 130, 96),
    (136, 92, 66),
    (90, 61, 46),
)
_DEPIGMENTED = _density((245, 232, 220))
# Melanin absorbs more the shorter the wavelength; haemoglobin absorbs green and blue.
_MELANIN = np.array([1.52, 1.29, 1.0])
_HAEMOGLOBIN = np.array([0.78, 1.0, 0.14])
# Skin texture darkens a little more in blue: pores and furrows hold shadow and pigment.
_TEXTURE_TINT = np.array([1.1, 1.0, 0.85])
# Blood in a superficial vessel: a brighter, more scarlet red than diffuse redness.
_VESSEL = np.array([0.55, 1.0, 0.02])
# Pigment piled up in a lesion looks warmer brown than the diffuse melanin of a skin tone.
_LESION_MELANIN = np.array([1.8, 1.35, 1.0])


def _melanin_of(tone: int) -> float:
    excess = _density(_TONE_RGB[tone - 1]) - _DEPIGMENTED
    return float(excess @ _MELANIN / (_MELANIN @ _MELANIN))


_LOG_255 = math.log(255.0)

# --- the scene grid ---------------------------------------------------------------------------
# Scene units: 1.0 is the shorter side of an unjittered frame (about 8 cm of skin), the frame
# centre is the origin. The grid covers +-1.3 units: enough for any jittered frame up to 2:1.

_EXTENT = 1.3
_GRID_PX = 160  # grid pixels per scene unit, about 0.5 mm of skin each
_GRID_N = round(2 * _EXTENT * _GRID_PX) + 1
_AXIS = (np.arange(_GRID_N, dtype=np.float32) / _GRID_PX - _EXTENT).astype(np.float32)
_GX, _GY = np.meshgrid(_AXIS, _AXIS)
# Lesion areas are calibrated on the central square that every framing shows.
_CENTRE = slice(round((_EXTENT - 0.5) * _GRID_PX), round((_EXTENT + 0.5) * _GRID_PX) + 1)

_TEXTURE_PX = 1100.0  # output pixels per scene unit for which the texture is tuned
_TEXTURE_TILE = (509, 383)  # width and height of the repeated texture tile at that scale

_MAX_ROTATION_DEG = 6.0
_ZOOM_RANGE = (0.92, 1.08)
_MAX_SHIFT = 0.05


def _f32(array: object) -> F32:
    """OpenCV's stubs type every result loosely; this pins down the float32 planes we use
    (without a copy when, as here, they already are float32)."""
    return np.asarray(array, dtype=np.float32)


def _rng(scene: SkinScene, *stream: int) -> np.random.Generator:
    return np.random.default_rng(
        [scene.seed % (1 << 64), CONDITIONS.index(scene.condition), *stream]
    )


def _noise(rng: np.random.Generator, sigma: float) -> F32:
    """A smooth random grid field with zero mean and unit deviation; sigma in grid pixels.
    Wide fields are drawn small and enlarged, which looks the same and costs far less."""
    factor = max(1, int(sigma // 3))
    small = -(-_GRID_N // factor)
    raw = rng.random((small, small), dtype=np.float32)
    smooth = _f32(cv2.GaussianBlur(raw, (0, 0), sigma / factor, borderType=cv2.BORDER_REFLECT))
    if factor > 1:
        smooth = _f32(cv2.resize(smooth, (_GRID_N, _GRID_N), interpolation=cv2.INTER_CUBIC))
    smooth -= smooth.mean()
    smooth /= float(smooth.std()) + 1e-6
    return smooth


def _add_spot(grid: F32, x: float, y: float, sigma: float, amount: float) -> None:
    """Add a Gaussian spot (scene position and width) to a grid field."""
    cx, cy, s = (x + _EXTENT) * _GRID_PX, (y + _EXTENT) * _GRID_PX, sigma * _GRID_PX
    reach = 3.0 * s + 1.0
    x0, x1 = max(0, int(cx - reach)), min(_GRID_N, int(cx + reach) + 2)
    y0, y1 = max(0, int(cy - reach)), min(_GRID_N, int(cy + reach) + 2)
    if x0 >= x1 or y0 >= y1:
        return
    dx = np.arange(x0, x1, dtype=np.float32) - cx
    dy = np.arange(y0, y1, dtype=np.float32) - cy
    grid[y0:y1, x0:x1] += amount * np.exp(-(dy[:, None] ** 2 + dx[None, :] ** 2) / (2 * s * s))


def _ellipse_distance(cx: float, cy: float, a: float, b: float, angle: float) -> F32:
    """Normalised distance from an ellipse centre: 1.0 on its outline."""
    c, s = math.cos(angle), math.sin(angle)
    u = (_GX - cx) * c + (_GY - cy) * s
    v = -(_GX - cx) * s + (_GY - cy) * c
    dist: F32 = np.sqrt((u / a) ** 2 + (v / b) ** 2)
    return dist


def _threshold_for_area(field: F32, area: float) -> float:
    """The level above which `area` (a fraction) of the central square lies; the same field
    with a larger area gives a superset, so lesions grow and shrink in place."""
    if area <= 0.0:
        return float(field.max()) + 1.0
    centre = field[_CENTRE, _CENTRE]
    return float(np.quantile(centre, max(0.0, 1.0 - area)))


# --- lesions ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Sharp:
    """A region bounded where a grid field crosses a level, drawn crisply at output size.

    `density` is the optical density it adds (BGR), `white` how much it is covered by a
    whitish layer (scale, pus)."""

    field: F32
    level: float
    edge: float  # width of the border in scene units
    density: NDArray[np.float64]
    white: float = 0.0


@dataclass(frozen=True, slots=True)
class _Bump:
    """A small lesion drawn straight into the output: papule, pustule, comedone, spot."""

    x: float
    y: float
    radius: float
    haemoglobin: float = 0.0
    melanin: float = 0.0
    elevation: float = 0.0
    pus: float = 0.0


@dataclass(slots=True)
class _Lesions:
    """What a condition adds to the skin at one visit."""

    melanin: F32 = field(default_factory=lambda: np.zeros((_GRID_N, _GRID_N), np.float32))
    haemoglobin: F32 = field(default_factory=lambda: np.zeros((_GRID_N, _GRID_N), np.float32))
    patch: _Sharp | None = None
    detail: _Sharp | None = None  # only inside `patch`
    bumps: list[_Bump] = field(default_factory=list)
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


def _acne(scene: SkinScene, rng: np.random.Generator, extent: float) -> _Lesions:
    lesions = _Lesions(white_rgb=(230, 214, 160))
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
                _Bump(
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
            _add_spot(target, float(xs[i]), float(ys[i]), float(radii[i]) * 0.7, mark)
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
                _Bump(float(cxs[i]), float(cys[i]), 0.0045, melanin=0.9 * active, elevation=0.2)
            )
        else:
            lesions.bumps.append(
                _Bump(
                    float(cxs[i]), float(cys[i]), 0.007, elevation=0.6 * active, pus=0.18 * active
                )
            )
    return lesions


def _eczema(scene: SkinScene, rng: np.random.Generator, extent: float) -> _Lesions:
    lesions = _Lesions(white_rgb=(236, 230, 222), texture_boost=1.6)
    activity = min(1.0, extent) ** 0.6
    shape = 0.6 * _noise(rng, 7.0) + 0.15 * _noise(rng, 2.5)
    for _ in range(int(rng.integers(2, 4))):
        x, y = rng.uniform(-0.4, 0.4), rng.uniform(-0.3, 0.3)
        _add_spot(shape, float(x), float(y), float(rng.uniform(0.12, 0.2)), 1.8)
    level = _threshold_for_area(shape, 0.2 * extent)
    mottle = 0.6 + 0.4 * _noise(rng, 2.0)
    # An ill-defined border: the redness spills softly beyond the patch itself.
    halo = np.clip((shape - level + 0.35) / 0.5, 0.0, 1.0) ** 2
    lesions.haemoglobin += activity * 0.14 * halo * mottle
    darker_skin = 0.07 if scene.skin_tone >= 4 else 0.02
    lesions.patch = _Sharp(
        shape,
        level,
        edge=0.15,
        density=activity * (0.3 * _HAEMOGLOBIN + darker_skin * _MELANIN),
    )
    scale = _noise(rng, 0.8)
    lesions.detail = _Sharp(
        scale,
        float(np.quantile(scale, 0.9)),
        edge=0.002,
        density=activity * 0.08 * _HAEMOGLOBIN,
        white=0.14 * activity,
    )
    return lesions


def _psoriasis(scene: SkinScene, rng: np.random.Generator, extent: float) -> _Lesions:
    del scene
    lesions = _Lesions(white_rgb=(222, 222, 220), texture_boost=1.2, white_texture=2.0)
    activity = min(1.0, extent) ** 0.5
    shape = np.full((_GRID_N, _GRID_N), -10.0, np.float32)
    for _ in range(int(rng.integers(2, 5))):
        a = float(rng.uniform(0.1, 0.2))
        plaque = 1.0 - _ellipse_distance(
            float(rng.uniform(-0.42, 0.42)),
            float(rng.uniform(-0.32, 0.32)),
            a,
            a * float(rng.uniform(0.55, 0.95)),
            float(rng.uniform(0.0, math.pi)),
        )
        np.maximum(shape, plaque, out=shape)
    shape += 0.07 * _noise(rng, 3.0) + 0.04 * _noise(rng, 1.5)
    level = _threshold_for_area(shape, 0.17 * extent)
    lesions.patch = _Sharp(
        shape,
        level,
        edge=0.003,
        density=activity * (0.55 * _HAEMOGLOBIN + 0.04 * _MELANIN),
        white=0.12 * activity,
    )
    # Silvery scale: flakes thicken towards the middle of a plaque and leave a red rim.
    depth = np.clip((shape - level) * 4.0, 0.0, 1.2)
    lesions.white_thickness = np.clip(0.75 + 0.35 * _noise(rng, 1.1), 0.15, 1.0)
    plates = _noise(rng, 1.6)
    cracks = np.exp(-((plates / 0.2) ** 2))  # fissures along the zero crossings
    flakes = 0.3 * _noise(rng, 1.0) + 0.25 * _noise(rng, 2.0) + 1.4 * depth - 1.2 * cracks
    lesions.detail = _Sharp(
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


def _rosacea(scene: SkinScene, rng: np.random.Generator, extent: float) -> _Lesions:
    del scene
    lesions = _Lesions()
    cx, cy = float(rng.uniform(-0.15, 0.15)), float(rng.uniform(-0.1, 0.1))
    radius = float(rng.uniform(0.24, 0.34)) * (0.7 + 0.3 * extent)
    flush = np.exp(-((_GX - cx) ** 2 + (_GY - cy) ** 2) / (2 * radius * radius))
    lesions.haemoglobin += min(extent, 1.6) * 0.36 * flush * (0.82 + 0.18 * _noise(rng, 6.0))
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
            lesions.bumps.append(_Bump(x, y, r, haemoglobin=0.45 * active, elevation=active))
    return lesions


def _melasma(scene: SkinScene, rng: np.random.Generator, extent: float) -> _Lesions:
    del scene
    lesions = _Lesions()
    activity = min(1.0, extent)
    cx, cy = float(rng.uniform(-0.2, 0.2)), float(rng.uniform(-0.15, 0.15))
    radius = float(rng.uniform(0.35, 0.5))
    envelope = np.exp(-((_GX - cx) ** 2 + (_GY - cy) ** 2) / (2 * radius * radius))
    shape = 2.2 * envelope + 0.3 * _noise(rng, 9.0) + 0.15 * _noise(rng, 3.5)
    shape += 0.04 * _noise(rng, 1.5)
    level = _threshold_for_area(shape, 0.22 * extent)
    brown = float(rng.uniform(0.16, 0.24)) * (0.5 + 0.5 * activity)
    inside = np.clip((shape - level) / 0.15 + 0.5, 0.0, 1.0)
    lesions.melanin += brown * 0.3 * inside * _noise(rng, 2.5)
    lesions.patch = _Sharp(shape, level, edge=0.01, density=brown * _LESION_MELANIN)
    mottle = _noise(rng, 2.0)
    lesions.detail = _Sharp(
        mottle, float(np.quantile(mottle, 0.7)), edge=0.006, density=0.25 * brown * _LESION_MELANIN
    )
    return lesions


def _vitiligo(scene: SkinScene, rng: np.random.Generator, extent: float) -> _Lesions:
    lesions = _Lesions()
    shape = np.full((_GRID_N, _GRID_N), -10.0, np.float32)
    for _ in range(int(rng.integers(2, 5))):
        a = float(rng.uniform(0.08, 0.2))
        patch = 1.0 - _ellipse_distance(
            float(rng.uniform(-0.4, 0.4)),
            float(rng.uniform(-0.3, 0.3)),
            a,
            a * float(rng.uniform(0.6, 1.0)),
            float(rng.uniform(0.0, math.pi)),
        )
        np.maximum(shape, patch, out=shape)
    shape += 0.1 * _noise(rng, 5.0) + 0.04 * _noise(rng, 2.0)
    level = _threshold_for_area(shape, 0.18 * extent)
    tone = _density(_TONE_RGB[scene.skin_tone - 1])
    no_melanin = _DEPIGMENTED - tone
    lesions.patch = _Sharp(shape, level, edge=0.0025, density=no_melanin)
    # A faint darker rim just outside the white patch.
    rim = np.exp(-(((shape - level) / 0.06) ** 2)) * (shape < level)
    lesions.melanin += 0.12 * _melanin_of(scene.skin_tone) * rim
    # Under treatment, pigment returns first around hair follicles: dots inside the patch.
    dots = np.zeros((_GRID_N, _GRID_N), np.float32)
    for _ in range(260):
        x, y = float(rng.uniform(-0.6, 0.6)), float(rng.uniform(-0.5, 0.5))
        _add_spot(dots, x, y, 0.006, float(rng.uniform(0.6, 1.0)))
    repigmented = float(np.clip((1.0 - extent) * 1.4, 0.0, 1.0))
    lesions.detail = _Sharp(dots, 1.0 - 0.75 * repigmented, edge=0.004, density=-0.85 * no_melanin)
    return lesions


def _naevus(scene: SkinScene, rng: np.random.Generator, extent: float) -> _Lesions:
    lesions = _Lesions()
    cx, cy = float(rng.uniform(-0.08, 0.08)), float(rng.uniform(-0.06, 0.06))
    radius = float(rng.uniform(0.09, 0.13)) * math.sqrt(max(extent, 1e-6))
    angle = np.arctan2(_GY - cy, _GX - cx)
    outline = np.ones_like(angle)
    # A growing naevus also grows a little less regular.
    irregular = 0.8 + 0.25 * extent
    for k in range(2, 8):
        amplitude = float(rng.normal(0.0, 0.05 / k**0.6)) * irregular
        outline += amplitude * np.cos(k * angle + float(rng.uniform(0.0, 2 * math.pi)))
    rho = np.sqrt((_GX - cx) ** 2 + (_GY - cy) ** 2) / (radius * outline)
    shape = (1.0 - rho + 0.02 * _noise(rng, 1.5)).astype(np.float32)
    dark = float(rng.uniform(0.45, 0.65))
    lesions.patch = _Sharp(
        shape, 0.0, edge=0.005, density=dark * _LESION_MELANIN + 0.04 * _HAEMOGLOBIN
    )
    # A darker centre and uneven pigment, kept well inside so the soft grid stays within.
    inside = np.clip((0.85 - rho) / 0.25, 0.0, 1.0)
    centre = np.clip(1.0 - rho / 0.8, 0.0, 1.0) ** 1.2
    mottle = 0.1 * _noise(rng, 2.5) + 0.06 * _noise(rng, 1.2)
    lesions.melanin += (float(rng.uniform(0.35, 0.55)) * centre + mottle) * inside
    for _ in range(int(rng.integers(4, 11))):
        r, a = float(rng.uniform(0.0, 0.65)) * radius, float(rng.uniform(0.0, 2 * math.pi))
        lesions.bumps.append(
            _Bump(
                cx + r * math.cos(a),
                cy + r * math.sin(a),
                float(rng.uniform(0.006, 0.012)),
                melanin=float(rng.uniform(0.15, 0.3)) * min(1.0, extent),
            )
        )
    return lesions


_LESIONS: dict[str, Callable[[SkinScene, np.random.Generator, float], _Lesions]] = {
    "acne": _acne,
    "eczema": _eczema,
    "psoriasis": _psoriasis,
    "rosacea": _rosacea,
    "melasma": _melasma,
    "vitiligo": _vitiligo,
    "naevus": _naevus,
}

# Tones that suit each condition in the demo: rosacea and naevi mostly on fair skin,
# melasma and vitiligo where they show (and where they are common).
_TONES_FOR: dict[str, tuple[int, ...]] = {
    "acne": (1, 2, 3, 4, 5, 6),
    "eczema": (1, 2, 3, 4, 5, 6),
    "psoriasis": (1, 2, 3, 4, 5),
    "rosacea": (1, 2, 2, 3),
    "melasma": (3, 3, 4, 4, 5),
    "vitiligo": (3, 4, 5, 6),
    "naevus": (1, 2, 2, 3),
}


def scene_for(seed: int, condition: str) -> SkinScene:
    """The demo's choice of skin tone and course for a seed: mostly improving under
    treatment, sometimes worse; a naevus usually grows (the one to watch)."""
    if condition not in CONDITIONS:
        raise ValueError(
            f"Unknown condition {condition!r}; expected one of {', '.join(CONDITIONS)}."
        )
    rng = np.random.default_rng([seed % (1 << 64), CONDITIONS.index(condition), 0])
    tone = int(rng.choice(_TONES_FOR[condition]))
    draw = float(rng.random())
    if condition == "naevus":
        trend = rng.uniform(0.35, 1.0) if draw < 0.7 else rng.uniform(0.0, 0.1)
    elif condition == "vitiligo":
        trend = rng.uniform(-0.75, -0.3) if draw < 0.5 else rng.uniform(0.3, 0.8)
    else:
        trend = rng.uniform(-0.95, -0.4) if draw < 0.8 else rng.uniform(0.2, 0.6)
    return SkinScene(seed=seed, condition=condition, skin_tone=tone, trend=round(float(trend), 3))


# --- skin -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Skin:
    density: NDArray[np.float64]  # BGR optical density of this person's skin tone
    grey: F32  # density added to all channels: body curvature, faint shading
    melanin: F32
    haemoglobin: F32
    light_angle: float


@functools.lru_cache(maxsize=16)
def _skin(scene: SkinScene) -> _Skin:
    """The person's skin at this site. Kept for a few scenes, because a demo renders all
    visits of one scene in a row (the fields are made read-only, so sharing is safe)."""
    rng = _rng(scene, 1)
    m = _melanin_of(scene.skin_tone)
    tint = rng.normal(0.0, 0.05) * _MELANIN + rng.normal(0.0, 0.04) * _HAEMOGLOBIN
    # The body part curves away from the camera towards one side of the frame.
    axis = rng.uniform(0.0, math.pi)
    offset = rng.uniform(-0.2, 0.2)
    across = (_GX * math.sin(axis) - _GY * math.cos(axis) - offset) / rng.uniform(0.9, 1.5)
    grey = _f32(0.22 * across**2 + 0.012 * _noise(rng, 8.0))
    melanin = (0.005 + 0.02 * m) * _noise(rng, 18.0) + (0.008 + 0.025 * m) * _noise(rng, 5.0)
    haemoglobin = _f32(
        0.014 * _noise(rng, 12.0) + 0.012 * _noise(rng, 4.0) + rng.uniform(0.02, 0.08)
    )
    # Freckles on fair skin and a few small benign moles: landmarks a real photo has.
    freckles = int(rng.integers(0, 45)) if scene.skin_tone <= 3 else 0
    for _ in range(freckles):
        x, y = float(rng.uniform(-1.2, 1.2)), float(rng.uniform(-1.2, 1.2))
        _add_spot(melanin, x, y, float(rng.uniform(0.004, 0.009)), float(rng.uniform(0.1, 0.25)))
    for _ in range(int(rng.integers(0, 4))):
        x, y = float(rng.uniform(-1.2, 1.2)), float(rng.uniform(-1.2, 1.2))
        _add_spot(melanin, x, y, float(rng.uniform(0.006, 0.01)), float(rng.uniform(0.5, 0.9)))
    for array in (grey, melanin, haemoglobin):
        array.flags.writeable = False
    return _Skin(
        density=_density(_TONE_RGB[scene.skin_tone - 1]) + tint,
        grey=grey,
        melanin=melanin,
        haemoglobin=haemoglobin,
        light_angle=float(rng.uniform(-2.6, -0.6)),  # towards the light: above the site
    )


def _periodic_blur(tile: F32, sigma_x: float, sigma_y: float) -> F32:
    """Blur a tile as if it were repeated endlessly, then scale it to unit deviation."""
    pad = int(3 * max(sigma_x, sigma_y)) + 2
    padded = cv2.copyMakeBorder(tile, pad, pad, pad, pad, cv2.BORDER_WRAP)
    blurred = _f32(cv2.GaussianBlur(padded, (0, 0), sigma_x, sigmaY=sigma_y)[pad:-pad, pad:-pad])
    blurred -= blurred.mean()
    blurred /= float(blurred.std()) + 1e-6
    return blurred


@functools.lru_cache(maxsize=16)
def _texture_tile(scene: SkinScene, k: float) -> F32:
    """One periodic tile of fine skin texture in optical density (grain, pores, the
    criss-cross furrows of the skin surface) at `k` times the tuned scale."""
    rng = _rng(scene, 3)
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


def _texture(scene: SkinScene, camera: _Camera, size: tuple[int, int]) -> F32:
    """Fine skin texture at output size: the tile repeated, far cheaper than drawing or
    warping a full-size field; at this contrast the repetition does not show."""
    # Drawn at most at the tuned scale; finer outputs get the tile enlarged, which is how
    # a real photo looks there too (the optics blur what the sensor could resolve).
    enlarge = camera.scale / _TEXTURE_PX
    tile = _texture_tile(scene, min(1.0, enlarge))
    if enlarge > 1.0:
        tile_h, tile_w = (round(n * enlarge) for n in tile.shape)
        tile = _f32(cv2.resize(tile, (tile_w, tile_h), interpolation=cv2.INTER_CUBIC))
    tile_h, tile_w = tile.shape
    width, height = size
    repeated = _f32(cv2.repeat(tile, -(-height // tile_h), -(-width // tile_w)))
    return repeated[:height, :width]


# --- camera -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Camera:
    to_output: NDArray[np.float64]  # 2x3 affine: scene units -> output pixels
    scale: float  # output pixels per scene unit
    reference: float  # output pixels per scene unit without zoom
    exposure: float  # optical density added to every channel
    white_balance: NDArray[np.float64]  # per-channel optical density
    light_angle: float
    light_strength: float


def _camera(
    scene: SkinScene, skin: _Skin, visit_index: int, size: tuple[int, int], jitter: bool
) -> _Camera:
    width, height = size
    reference = float(min(width, height))
    rotation, zoom, shift = 0.0, 1.0, np.zeros(2)
    exposure, white_balance = 0.0, np.zeros(3)
    light_angle, light_strength = skin.light_angle, 0.1
    if jitter:
        rng = _rng(scene, 4, visit_index)
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
    return _Camera(
        to_output, scale, reference, exposure, white_balance, light_angle, light_strength
    )


def _grid_to_output(camera: _Camera, px_per_unit: float, origin: float) -> NDArray[np.float64]:
    """The affine map from a grid (pixel 0 at scene (origin, origin)) to output pixels."""
    linear = camera.to_output[:, :2]
    grid = np.array([[1 / px_per_unit, 0.0, origin], [0.0, 1 / px_per_unit, origin]])
    return np.hstack(
        [linear @ grid[:, :2], (linear @ grid[:, 2] + camera.to_output[:, 2])[:, None]]
    )


# --- rendering --------------------------------------------------------------------------------


def render_photo(
    scene: SkinScene,
    visit_index: int,
    n_visits: int,
    *,
    size: tuple[int, int] = (1600, 1200),
    framing_jitter: bool = True,
) -> NDArray[np.uint8]:
    """One visit's photo of the scene: BGR uint8 of shape (height, width, 3); identical
    for identical arguments."""
    if n_visits < 1 or not 0 <= visit_index < n_visits:
        raise ValueError(f"Visit {visit_index} is not one of {n_visits} visits.")
    width, height = size
    if width < 16 or height < 16:
        raise ValueError(f"A photo must be at least 16x16 pixels, not {width}x{height}.")
    progress = visit_index / (n_visits - 1) if n_visits > 1 else 0.0
    extent = 1.0 + scene.trend * progress

    skin = _skin(scene)
    lesions = _LESIONS[scene.condition](scene, _rng(scene, 2), extent)
    camera = _camera(scene, skin, visit_index, size, framing_jitter)
    return _compose(scene, skin, lesions, camera, (width, height))


def _compose(
    scene: SkinScene, skin: _Skin, lesions: _Lesions, camera: _Camera, size: tuple[int, int]
) -> NDArray[np.uint8]:
    """Warp the scene to the output and add what must be sharp there. The work happens in
    log brightness per channel (ln 255 minus optical density), so pigments simply add."""
    width, height = size
    # Light, in output coordinates relative to the frame centre, evaluated on the grid.
    linear, offset = camera.to_output[:, :2], camera.to_output[:, 2]
    u = (linear[0, 0] * _GX + linear[0, 1] * _GY + offset[0] - (width - 1) / 2) / camera.reference
    v = (linear[1, 0] * _GX + linear[1, 1] * _GY + offset[1] - (height - 1) / 2) / camera.reference
    towards_light = u * math.cos(camera.light_angle) + v * math.sin(camera.light_angle)
    light = 0.13 * (u * u + v * v) - camera.light_strength * towards_light
    grey = skin.grey + light + camera.exposure
    melanin = skin.melanin + lesions.melanin
    haemoglobin = skin.haemoglobin + lesions.haemoglobin
    constant = _LOG_255 - skin.density - camera.white_balance
    layers = [
        (constant[c] - grey - _MELANIN[c] * melanin - _HAEMOGLOBIN[c] * haemoglobin).astype(
            np.float32
        )
        for c in range(3)
    ]
    if lesions.white_thickness is not None:
        layers.append(lesions.white_thickness)
    warped = _warp_smooth(layers, camera, size)
    planes, thickness = warped[:3], warped[3] if len(warped) > 3 else None

    white: F32 | None = None
    texture = _texture(scene, camera, size)
    patch = lesions.patch
    if patch is not None:
        patch_mask = _warp_fine(_enlarge(_normalised(patch, camera)), camera, size)
        np.clip(patch_mask, 0.0, 1.0, out=patch_mask)
        _add_density(planes, patch_mask, patch.density)
        if patch.white:
            white = patch_mask * np.float32(patch.white)
        if lesions.detail is not None:
            detail = _warp_fine(_enlarge(_normalised(lesions.detail, camera)), camera, size)
            np.clip(detail, 0.0, 1.0, out=detail)
            detail *= patch_mask
            _add_density(planes, detail, lesions.detail.density)
            if lesions.detail.white:
                detail *= np.float32(lesions.detail.white)
                white = detail if white is None else np.maximum(white, detail, out=white)
        if lesions.texture_boost:
            boost = cv2.multiply(texture, patch_mask, scale=lesions.texture_boost)
            texture = _f32(cv2.add(texture, boost))
    _add_density(planes, texture, _TEXTURE_TINT)

    white = _draw_bumps(planes, white, lesions.bumps, camera)
    _draw_vessels(planes, lesions, camera)

    channels = []
    if white is not None:
        # Scale and pus are not flat paint: the surface texture breaks them up.
        breakup = _f32(cv2.addWeighted(texture, -lesions.white_texture, texture, 0.0, 1.0))
        white = _f32(cv2.multiply(white, np.clip(breakup, 0.0, 1.3, out=breakup)))
        if thickness is not None:
            white = _f32(cv2.multiply(white, thickness))
        keep = 1.0 - white
    for c, plane in enumerate(planes):
        np.exp(plane, out=plane)
        if white is not None:
            plane *= keep
            cv2.scaleAdd(white, float(lesions.white_rgb[2 - c]), plane, dst=plane)
        channels.append(cv2.convertScaleAbs(plane))
    return np.asarray(cv2.merge(channels), dtype=np.uint8)


def _warp_to_output(grid: F32, matrix: NDArray[np.float64], size: tuple[int, int]) -> F32:
    """Warp a grid to the output via half size, then enlarge linearly. A grid pixel spans
    several output pixels, so smooth planes lose nothing; for a steep field that is only
    thresholded afterwards, linear enlarging keeps the crossing exact, so outlines stay
    crisp. It costs less than half of a full-size warp."""
    width, height = size
    half = (-(-width // 2), -(-height // 2))
    to_half = matrix.copy()
    to_half[:, 2] -= 0.5  # output pixel centres 2i and 2i+1 meet at half pixel i
    to_half *= 0.5
    small = cv2.warpAffine(
        grid, to_half, half, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT
    )
    return _f32(cv2.resize(small, size, interpolation=cv2.INTER_LINEAR))


def _warp_smooth(layers: list[F32], camera: _Camera, size: tuple[int, int]) -> list[F32]:
    """Smooth grid planes at output size, one at a time: OpenCV warps single planes far
    faster than it splits interleaved channels."""
    matrix = _grid_to_output(camera, _GRID_PX, -_EXTENT)
    return [_warp_to_output(layer, matrix, size) for layer in layers]


def _normalised(sharp: _Sharp, camera: _Camera) -> F32:
    """The field rescaled so that 0..1 spans the border, which is `edge` wide in the scene
    but at least about one output pixel, so that it is never jagged."""
    field_ = sharp.field
    sample = field_[::2, ::2]  # plenty for a typical slope, at a quarter of the cost
    distance = np.abs(sample - sharp.level)
    nearest = distance <= np.partition(distance.ravel(), 100)[100]
    gy, gx = np.gradient(sample)
    slope = float(np.median(np.hypot(gx, gy)[nearest])) * _GRID_PX / 2 + 1e-6
    ramp = slope * max(sharp.edge, 1.2 / camera.scale)
    normalised: F32 = ((field_ - sharp.level) / ramp + 0.5).astype(np.float32)
    return normalised


def _enlarge(grid: F32) -> F32:
    """Double the grid smoothly, so that thresholded outlines come out as curves."""
    return _f32(cv2.resize(grid, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC))


def _warp_fine(fine: F32, camera: _Camera, size: tuple[int, int]) -> F32:
    # cv2.resize puts the doubled grid's pixel 0 a quarter coarse pixel before the scene edge.
    matrix = _grid_to_output(camera, 2 * _GRID_PX, -_EXTENT - 0.5 / (2 * _GRID_PX))
    return _warp_to_output(fine, matrix, size)


def _add_density(planes: list[F32], weight: F32, density: NDArray[np.float64]) -> None:
    for c, plane in enumerate(planes):
        if density[c]:
            cv2.scaleAdd(weight, -float(density[c]), plane, dst=plane)


def _draw_bumps(
    planes: list[F32], white: F32 | None, bumps: list[_Bump], camera: _Camera
) -> F32 | None:
    """Papules, pustules, comedones and pigment dots: small domes, shaded and with a glint
    on the side of the light, as a flash photo shows them."""
    height, width = planes[0].shape
    lx, ly = math.cos(camera.light_angle), math.sin(camera.light_angle)
    for bump in bumps:
        cx, cy = camera.to_output @ np.array([bump.x, bump.y, 1.0])
        radius = max(1.0, bump.radius * camera.scale)
        reach = int(2.4 * radius) + 2
        x0, x1 = max(0, int(cx) - reach), min(width, int(cx) + reach + 1)
        y0, y1 = max(0, int(cy) - reach), min(height, int(cy) + reach + 1)
        if x0 >= x1 or y0 >= y1:
            continue
        dx = (np.arange(x0, x1, dtype=np.float32) - cx)[None, :] / radius
        dy = (np.arange(y0, y1, dtype=np.float32) - cy)[:, None] / radius
        r2 = dx * dx + dy * dy
        dome = np.exp(-r2 / 0.6)
        # A flat-topped red papule with a soft inflamed halo.
        redness = bump.haemoglobin * (0.8 * np.exp(-(r2**2) / 0.5) + 0.2 * np.exp(-r2 / 1.6))
        pigment = bump.melanin * np.exp(-r2 / 0.5)
        away = -(dx * lx + dy * ly) * dome  # positive on the side turned from the light
        gx, gy = dx - 0.35 * lx, dy - 0.35 * ly
        glint = np.exp(-(gx * gx + gy * gy) / 0.05)
        grey = bump.elevation * (0.14 * away - 0.06 * glint)
        for c, plane in enumerate(planes):
            plane[y0:y1, x0:x1] -= (
                grey + _HAEMOGLOBIN[c] * redness + _LESION_MELANIN[c] * pigment
            ).astype(np.float32)
        if bump.pus > 0.0:
            if white is None:
                white = np.zeros_like(planes[0])
            pus = bump.pus * np.clip((0.5 - np.sqrt(r2)) / 0.22, 0.0, 1.0).astype(np.float32)
            np.maximum(white[y0:y1, x0:x1], pus, out=white[y0:y1, x0:x1])
    return white


def _draw_vessels(planes: list[F32], lesions: _Lesions, camera: _Camera) -> None:
    """Telangiectasia: thin red lines, anti-aliased and softened, in one region of interest."""
    if not lesions.vessels:
        return
    height, width = planes[0].shape
    outputs = [
        (camera.to_output[:, :2] @ line.T).T + camera.to_output[:, 2] for line in lesions.vessels
    ]
    every = np.vstack(outputs)
    pad = 6
    x0 = max(0, int(every[:, 0].min()) - pad)
    y0 = max(0, int(every[:, 1].min()) - pad)
    x1 = min(width, int(every[:, 0].max()) + pad)
    y1 = min(height, int(every[:, 1].max()) + pad)
    if x0 >= x1 or y0 >= y1:
        return
    canvas = np.zeros((y1 - y0, x1 - x0), np.uint8)
    thickness = max(1, round(camera.scale * 0.0014))
    for line, strength in zip(outputs, lesions.vessel_strength, strict=True):
        points = np.round((line - (x0, y0)) * 16).astype(np.int32)
        cv2.polylines(
            canvas, [points], False, round(255 * min(1.0, strength)), thickness, cv2.LINE_AA, 4
        )
    soft = cv2.GaussianBlur(canvas, (0, 0), max(0.6, camera.scale * 0.0007)).astype(np.float32)
    soft *= np.float32(0.7 / 255)
    for c, plane in enumerate(planes):
        region = plane[y0:y1, x0:x1]
        cv2.scaleAdd(soft, -float(_VESSEL[c]), region, dst=region)


# --- JPEG -------------------------------------------------------------------------------------


def encode_jpeg(
    image: NDArray[np.uint8],
    *,
    quality: int = 92,
    captured_at: datetime | None = None,
    camera_make: str | None = None,
    camera_model: str | None = None,
) -> bytes:
    """JPEG bytes of a BGR image, with the EXIF a camera writes: Make and Model in the main
    directory, DateTimeOriginal (and its UTC offset, when known) in the Exif directory."""
    if image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(f"Expected a BGR uint8 image (h, w, 3), not {image.dtype} {image.shape}.")
    if not 1 <= quality <= 100:
        raise ValueError(f"JPEG quality must be 1..100, not {quality}.")
    picture = Image.fromarray(cv2.cvtColor(image, cv2.COLOR_BGR2RGB))
    exif = Image.Exif()
    if camera_make is not None:
        exif[ExifTags.Base.Make] = camera_make
    if camera_model is not None:
        exif[ExifTags.Base.Model] = camera_model
    if captured_at is not None:
        stamp = captured_at.strftime("%Y:%m:%d %H:%M:%S")
        exif[ExifTags.Base.DateTime] = stamp
        details = exif.get_ifd(ExifTags.IFD.Exif)
        details[ExifTags.Base.DateTimeOriginal] = stamp
        details[ExifTags.Base.DateTimeDigitized] = stamp
        if captured_at.microsecond:
            subsecond = f"{captured_at.microsecond // 1000:03d}"
            details[ExifTags.Base.SubsecTimeOriginal] = subsecond
            details[ExifTags.Base.SubsecTimeDigitized] = subsecond
        offset = captured_at.utcoffset()
        if offset is not None:
            minutes = round(offset.total_seconds() / 60)
            sign = "-" if minutes < 0 else "+"
            text = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
            details[ExifTags.Base.OffsetTime] = text
            details[ExifTags.Base.OffsetTimeOriginal] = text
            details[ExifTags.Base.OffsetTimeDigitized] = text
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=quality, exif=exif)
    return buffer.getvalue()
