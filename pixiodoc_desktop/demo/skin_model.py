"""The scene a demo photo is made from: the patient's body site (``SkinScene``), the
two-pigment colour model of skin in optical density, and the scene grid with the smooth
random fields that lesions and skin are drawn on.

Scene units: 1.0 is the shorter side of an unjittered frame (about 8 cm of skin), the frame
centre is the origin. Colours are optical densities (-ln of reflectance) in BGR order, the
order OpenCV images use."""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

# --- the scene --------------------------------------------------------------------------------

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


def optical_density(rgb: tuple[int, int, int]) -> NDArray[np.float64]:
    return np.array([-math.log(rgb[2] / 255), -math.log(rgb[1] / 255), -math.log(rgb[0] / 255)])


# Typical clinical-photo colours of Fitzpatrick types I..VI, and of skin without melanin.
TONE_RGB: tuple[tuple[int, int, int], ...] = (
    (240, 212, 196),
    (229, 192, 166),
    (210, 164, 130),
    (180, 130, 96),
    (136, 92, 66),
    (90, 61, 46),
)
DEPIGMENTED = optical_density((245, 232, 220))
# Melanin absorbs more the shorter the wavelength; haemoglobin absorbs green and blue.
MELANIN = np.array([1.52, 1.29, 1.0])
HAEMOGLOBIN = np.array([0.78, 1.0, 0.14])
# Skin texture darkens a little more in blue: pores and furrows hold shadow and pigment.
TEXTURE_TINT = np.array([1.1, 1.0, 0.85])
# Blood in a superficial vessel: a brighter, more scarlet red than diffuse redness.
VESSEL = np.array([0.55, 1.0, 0.02])
# Pigment piled up in a lesion looks warmer brown than the diffuse melanin of a skin tone.
LESION_MELANIN = np.array([1.8, 1.35, 1.0])


def melanin_of(tone: int) -> float:
    excess = optical_density(TONE_RGB[tone - 1]) - DEPIGMENTED
    return float(excess @ MELANIN / (MELANIN @ MELANIN))


LOG_255 = math.log(255.0)
EXTENT = 1.3
GRID_PX = 160  # grid pixels per scene unit, about 0.5 mm of skin each
GRID_N = round(2 * EXTENT * GRID_PX) + 1
_AXIS = (np.arange(GRID_N, dtype=np.float32) / GRID_PX - EXTENT).astype(np.float32)
GX, GY = np.meshgrid(_AXIS, _AXIS)
# Lesion areas are calibrated on the central square that every framing shows.
_CENTRE = slice(round((EXTENT - 0.5) * GRID_PX), round((EXTENT + 0.5) * GRID_PX) + 1)


def as_f32(array: object) -> F32:
    """OpenCV's stubs type every result loosely; this pins down the float32 planes we use
    (without a copy when, as here, they already are float32)."""
    return np.asarray(array, dtype=np.float32)


def scene_rng(scene: SkinScene, *stream: int) -> np.random.Generator:
    return np.random.default_rng(
        [scene.seed % (1 << 64), CONDITIONS.index(scene.condition), *stream]
    )


def smooth_noise(rng: np.random.Generator, sigma: float) -> F32:
    """A smooth random grid field with zero mean and unit deviation; sigma in grid pixels.
    Wide fields are drawn small and enlarged, which looks the same and costs far less."""
    factor = max(1, int(sigma // 3))
    small = -(-GRID_N // factor)
    raw = rng.random((small, small), dtype=np.float32)
    smooth = as_f32(cv2.GaussianBlur(raw, (0, 0), sigma / factor, borderType=cv2.BORDER_REFLECT))
    if factor > 1:
        smooth = as_f32(cv2.resize(smooth, (GRID_N, GRID_N), interpolation=cv2.INTER_CUBIC))
    smooth -= smooth.mean()
    smooth /= float(smooth.std()) + 1e-6
    return smooth


def add_spot(grid: F32, x: float, y: float, sigma: float, amount: float) -> None:
    """Add a Gaussian spot (scene position and width) to a grid field."""
    cx, cy, s = (x + EXTENT) * GRID_PX, (y + EXTENT) * GRID_PX, sigma * GRID_PX
    reach = 3.0 * s + 1.0
    x0, x1 = max(0, int(cx - reach)), min(GRID_N, int(cx + reach) + 2)
    y0, y1 = max(0, int(cy - reach)), min(GRID_N, int(cy + reach) + 2)
    if x0 >= x1 or y0 >= y1:
        return
    dx = np.arange(x0, x1, dtype=np.float32) - cx
    dy = np.arange(y0, y1, dtype=np.float32) - cy
    grid[y0:y1, x0:x1] += amount * np.exp(-(dy[:, None] ** 2 + dx[None, :] ** 2) / (2 * s * s))


def ellipse_distance(cx: float, cy: float, a: float, b: float, angle: float) -> F32:
    """Normalised distance from an ellipse centre: 1.0 on its outline."""
    c, s = math.cos(angle), math.sin(angle)
    u = (GX - cx) * c + (GY - cy) * s
    v = -(GX - cx) * s + (GY - cy) * c
    dist: F32 = np.sqrt((u / a) ** 2 + (v / b) ** 2)
    return dist


def threshold_for_area(field: F32, area: float) -> float:
    """The level above which `area` (a fraction) of the central square lies; the same field
    with a larger area gives a superset, so lesions grow and shrink in place."""
    if area <= 0.0:
        return float(field.max()) + 1.0
    centre = field[_CENTRE, _CENTRE]
    return float(np.quantile(centre, max(0.0, 1.0 - area)))
