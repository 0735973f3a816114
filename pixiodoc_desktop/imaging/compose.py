"""Compare modes rendered with numpy/OpenCV: the reference for the view, the tests and exports.

Both photos are given in the earlier photo's frame (the later one already
aligned, see `homography.warp_after`), as BGR uint8. A `Viewport` says which
part is shown how large: `zoom` view pixels per photo pixel and the photo
point at the centre of the view. The interactive view paints the same
geometry with QPainter; at known positions both give the same pixels.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from pixiodoc_desktop.errors import InvalidInput

U8 = NDArray[np.uint8]
F32 = NDArray[np.float32]

# A neutral grey surround (equal R, G and B) does not tint the perceived skin colour.
BACKGROUND = (32, 32, 32)
DIVIDER = (235, 235, 235)
DIVIDER_WIDTH = 2
GAP = 8  # between the two halves of side by side
_SHARP_FROM_ZOOM = 4.0  # above this, pixels are shown as the blocks they are
_HEAT_SIZE = 1000  # long side of the difference map


class Mode(StrEnum):
    SIDE_BY_SIDE = "side-by-side"
    SLIDER = "slider"
    OVERLAY = "overlay"
    BLINK = "blink"
    DIFFERENCE = "difference"


class Orientation(StrEnum):
    VERTICAL = "vertical"  # a vertical divider: before on the left
    HORIZONTAL = "horizontal"  # a horizontal divider: before on top


@dataclass(frozen=True, slots=True)
class Viewport:
    width: int
    height: int
    zoom: float  # view pixels per photo pixel
    centre_x: float  # the photo point shown at the view's centre
    centre_y: float

    @classmethod
    def fit(
        cls, image_size: tuple[int, int], view_size: tuple[int, int], margin: int = 0
    ) -> Viewport:
        """The whole photo, as large as the view allows, centred."""
        width, height = image_size
        view_w, view_h = view_size
        zoom = min((view_w - 2 * margin) / width, (view_h - 2 * margin) / height)
        return cls(view_w, view_h, max(zoom, 1e-4), (width - 1) / 2, (height - 1) / 2)

    def matrix(self) -> NDArray[np.float64]:
        """The 2x3 affine map from photo pixels to view pixels (pixel centres)."""
        z = self.zoom
        tx = (self.width - 1) / 2 - self.centre_x * z
        ty = (self.height - 1) / 2 - self.centre_y * z
        return np.array([[z, 0.0, tx], [0.0, z, ty]])

    def to_view(self, x: float, y: float) -> tuple[float, float]:
        m = self.matrix()
        return (m[0, 0] * x + m[0, 2], m[1, 1] * y + m[1, 2])

    def to_image(self, x: float, y: float) -> tuple[float, float]:
        m = self.matrix()
        return ((x - m[0, 2]) / m[0, 0], (y - m[1, 2]) / m[1, 1])

    def resized(self, width: int, height: int) -> Viewport:
        return replace(self, width=width, height=height)


def render_view(image: NDArray[Any], viewport: Viewport) -> U8:
    """`image` as the viewport shows it; outside the photo, the neutral background."""
    flags = cv2.INTER_NEAREST if viewport.zoom > _SHARP_FROM_ZOOM else cv2.INTER_LINEAR
    if viewport.zoom < 0.5:
        flags = cv2.INTER_AREA
    out = cv2.warpAffine(
        image,
        viewport.matrix(),
        (viewport.width, viewport.height),
        flags=flags,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=BACKGROUND,
    )
    return np.asarray(out, dtype=np.uint8)


def _same_frame(before: NDArray[Any], after: NDArray[Any]) -> None:
    if before.shape != after.shape:
        raise InvalidInput("Both photos must be in the same frame (align the later one first)")


def side_by_side(before: U8, after: U8, viewport: Viewport, gap: int = GAP) -> U8:
    """Two halves with the same zoom and centre (linked zoom and pan)."""
    half_w = (viewport.width - gap) // 2
    half = viewport.resized(half_w, viewport.height)
    out = np.empty((viewport.height, viewport.width, 3), np.uint8)
    out[:] = BACKGROUND
    out[:, :half_w] = render_view(before, half)
    right = viewport.width - half_w - gap
    out[:, half_w + gap :] = render_view(after, half.resized(right, viewport.height))
    return out


def divider_position(viewport: Viewport, fraction: float, orientation: Orientation) -> int:
    """The view pixel (column or row) where the after photo begins."""
    extent = viewport.width if orientation is Orientation.VERTICAL else viewport.height
    return round(min(max(fraction, 0.0), 1.0) * extent)


def slider(
    before: U8,
    after: U8,
    viewport: Viewport,
    fraction: float,
    orientation: Orientation | str = Orientation.VERTICAL,
    *,
    divider: bool = True,
) -> U8:
    """Before up to the divider (left or top), after beyond it."""
    _same_frame(before, after)
    orientation = Orientation(orientation)
    out = render_view(before, viewport)
    shown_after = render_view(after, viewport)
    cut = divider_position(viewport, fraction, orientation)
    if orientation is Orientation.VERTICAL:
        out[:, cut:] = shown_after[:, cut:]
        if divider:
            lo, hi = max(0, cut - DIVIDER_WIDTH // 2), min(viewport.width, cut + DIVIDER_WIDTH // 2)
            out[:, lo:hi] = DIVIDER
    else:
        out[cut:, :] = shown_after[cut:, :]
        if divider:
            lo, hi = (
                max(0, cut - DIVIDER_WIDTH // 2),
                min(viewport.height, cut + DIVIDER_WIDTH // 2),
            )
            out[lo:hi, :] = DIVIDER
    return out


def overlay(before: U8, after: U8, viewport: Viewport, opacity: float) -> U8:
    """The after photo over the before photo at `opacity` (0: before only, 1: after only)."""
    _same_frame(before, after)
    alpha = min(max(opacity, 0.0), 1.0)
    blended = cv2.addWeighted(before, 1.0 - alpha, after, alpha, 0.0)
    return render_view(blended, viewport)


def blink_shows_after(tick: int) -> bool:
    """Blink alternates: even ticks show the earlier photo, odd ticks the later one."""
    return tick % 2 == 1


def blink(before: U8, after: U8, viewport: Viewport, tick: int) -> U8:
    _same_frame(before, after)
    return render_view(after if blink_shows_after(tick) else before, viewport)


def difference_magnitude(
    before: U8, after: U8, mask: U8 | None = None, blur_sigma: float = 2.0
) -> F32:
    """Blurred colour difference (CIE ΔE*ab of the smoothed photos), 0 outside `mask`
    and near its edge (where the blur would mix in the surround).

    Computed on copies of at most ~1000 px (the map is blurred anyway) and
    returned at that size; `heat_map` and the views scale it.
    """
    _same_frame(before, after)
    height, width = before.shape[:2]
    factor = min(1.0, _HEAT_SIZE / max(height, width))
    size = (max(1, round(width * factor)), max(1, round(height * factor)))
    sigma = max(0.5, blur_sigma * max(size) / 1000.0)

    def lab(image: U8) -> F32:
        small = cv2.resize(image, size, interpolation=cv2.INTER_AREA) if factor < 1 else image
        smooth = cv2.GaussianBlur(small, (0, 0), sigma)
        return np.asarray(cv2.cvtColor(smooth, cv2.COLOR_BGR2Lab), dtype=np.float32)

    diff = lab(before) - lab(after)
    diff[..., 0] *= 100.0 / 255.0  # 8-bit L runs 0..255 for 0..100
    delta: F32 = np.sqrt(np.sum(diff * diff, axis=2)).astype(np.float32)
    if mask is not None:
        small_mask = cv2.resize(mask, size, interpolation=cv2.INTER_NEAREST)
        margin = max(1, round(3 * sigma))
        inside = cv2.erode(small_mask, np.ones((2 * margin + 1, 2 * margin + 1), np.uint8))
        delta[inside == 0] = 0.0
    return delta


# From faint amber to deep red (BGR): calm at small change, unmistakable at large.
_HEAT_LOW = np.array([70.0, 190.0, 250.0], np.float32)
_HEAT_HIGH = np.array([40.0, 30.0, 200.0], np.float32)


def heat_map(before: U8, magnitude: F32, full_scale: float = 25.0, threshold: float = 5.0) -> U8:
    """The difference as colour over a dimmed grey copy of the earlier photo.

    Below `threshold` (ΔE; about what a lighting change or noise gives) the
    skin stays grey, so that the anatomy stays readable; above it the colour
    grows from amber to red, full at `full_scale` and beyond.
    """
    size = (magnitude.shape[1], magnitude.shape[0])
    if before.shape[:2] != magnitude.shape:
        before = np.asarray(cv2.resize(before, size, interpolation=cv2.INTER_AREA), np.uint8)
    level = np.clip((magnitude - threshold) / max(full_scale - threshold, 1e-6), 0.0, 1.0)
    level = level[..., None]
    colours = _HEAT_LOW * (1.0 - level) + _HEAT_HIGH * level
    base = cv2.cvtColor(cv2.cvtColor(before, cv2.COLOR_BGR2GRAY), cv2.COLOR_GRAY2BGR)
    base = base.astype(np.float32) * 0.6 + 24.0
    weight = 0.85 * level * level * (3.0 - 2.0 * level)  # smoothstep: no hard edges
    out = base * (1.0 - weight) + colours * weight
    return np.asarray(np.clip(out + 0.5, 0, 255), dtype=np.uint8)


def difference(before: U8, after: U8, viewport: Viewport, mask: U8 | None = None) -> U8:
    heat = heat_map(before, difference_magnitude(before, after, mask))
    height, width = before.shape[:2]
    if heat.shape[:2] != (height, width):
        heat = np.asarray(cv2.resize(heat, (width, height), interpolation=cv2.INTER_LINEAR))
    return render_view(heat, viewport)


def compose(
    mode: Mode | str,
    before: U8,
    after: U8,
    viewport: Viewport,
    *,
    fraction: float = 0.5,
    orientation: Orientation | str = Orientation.VERTICAL,
    opacity: float = 0.5,
    tick: int = 0,
    mask: U8 | None = None,
) -> U8:
    """One frame of `mode` (the export and the tests use this)."""
    mode = Mode(mode)
    if mode is Mode.SIDE_BY_SIDE:
        return side_by_side(before, after, viewport)
    if mode is Mode.SLIDER:
        return slider(before, after, viewport, fraction, orientation)
    if mode is Mode.OVERLAY:
        return overlay(before, after, viewport, opacity)
    if mode is Mode.BLINK:
        return blink(before, after, viewport, tick)
    return difference(before, after, viewport, mask)
