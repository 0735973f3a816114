"""An automatic outline of one pigmented lesion in a calibrated close-up or dermoscopy photo,
and its measurements: area, largest diameter, perimeter and asymmetry.

Classic segmentation, no model, no diagnosis, no risk score: hairs are found with a
black-hat filter and painted over (DullRazor), uneven light is flattened by a smooth
surface fitted to the skin around the lesion, the darkest region that stands out clearly
(Otsu's threshold, then refined to the midpoint between the skin and the lesion at its own
border) is the lesion. The outline is refused, with the reason, when no lesion stands out
(plain skin, a blurred photo), when it runs off the photo's edge, or when hair breaks it.

The work happens on a copy of at most `WORK_SIDE` pixels; the outline is returned in the
photo's own pixels, so the clinician can correct it and `imaging.measure` measures it the
same way as a traced one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from pixiodoc_desktop.errors import (
    HairBreaksOutline,
    InvalidInput,
    LesionTouchesEdge,
    NoLesionFound,
    OutlineRefused,
)

WORK_SIDE = 1024  # the longer side of the copy the outline is found on
MIN_DIAMETER_MM = 1.0  # smaller dark spots are freckles and pores, not a lesion to follow
MIN_CONTRAST = 0.12  # optical density the lesion must stand out by (about 11 % darker)
MIN_CONTRAST_TO_NOISE = 5.0  # ... and against the skin's own texture and noise
MAX_BORDER_MM = 0.6  # a border blurred wider than this is no border to measure
MAX_HAIR_ON_BORDER = 0.3  # share of the border hidden under hair before it is refused
MAX_HAIR_IN_PHOTO = 0.1  # share of the photo under hair when no lesion is found for it
HAIR_WIDTH_MM = 0.25  # the widest hair the black-hat filter removes

Image = NDArray[np.uint8]
F32 = NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class LesionOutline:
    """The proposed outline (photo pixels, closed implicitly) and what it measures."""

    points: tuple[tuple[float, float], ...]
    area_mm2: float
    diameter_mm: float  # the largest distance across (Feret diameter)
    perimeter_mm: float
    asymmetry: float  # 0 = mirror-symmetric about both principal axes; share of area off
    hair_share: float  # share of the border that was under hair and painted over


def _density(image: Image) -> F32:
    """Optical density of the darkest-reading mix of channels: melanin absorbs blue and
    green most, so these carry the lesion; red adds little but noise."""
    if image.ndim != 3 or image.shape[2] != 3:
        raise OutlineRefused("The automatic outline needs a colour photo")
    b, g, r = (image[..., i].astype(np.float32) for i in range(3))
    grey = 0.45 * b + 0.45 * g + 0.1 * r
    return np.asarray(-np.log((grey + 1.0) / 256.0), np.float32)


def _remove_hair(density: F32, px_per_mm: float) -> tuple[F32, NDArray[np.uint8]]:
    """DullRazor: thin dark lines stand out of a morphological closing; paint them over."""
    size = max(3, int(HAIR_WIDTH_MM * 2 * px_per_mm) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
    # Dark lines are ridges of density: its top-hat is the photo's black-hat.
    ridges = cv2.morphologyEx(density, cv2.MORPH_TOPHAT, kernel)
    hair = (ridges > 0.07).astype(np.uint8)
    # A dot is a pore or a globule, a hair is long: keep only elongated marks.
    count, labels, stats, _ = cv2.connectedComponentsWithStats(hair, connectivity=8)
    long = np.zeros(count, np.uint8)
    extent = np.maximum(stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT])
    long[(extent > 1.5 * px_per_mm) & (np.arange(count) > 0)] = 1
    hair = np.asarray(cv2.dilate(long[labels], np.ones((3, 3), np.uint8)), np.uint8)
    if not hair.any():
        return density, hair
    # Paint each hair over with the skin around it: the opening is the density with every
    # ridge narrower than the kernel taken away.
    opened = density - ridges
    return np.where(hair > 0, opened, density).astype(np.float32), hair


def _flatten_light(density: F32, lesion_guess: NDArray[np.bool_]) -> F32:
    """Subtract a quadratic surface fitted to the skin (outside the lesion guess)."""
    height, width = density.shape
    step = max(1, min(height, width) // 64)
    sample = density[::step, ::step]
    keep = ~lesion_guess[::step, ::step]
    u1 = np.arange(0, width, step, dtype=np.float64) / width - 0.5
    v1 = np.arange(0, height, step, dtype=np.float64) / height - 0.5
    u, v = np.meshgrid(u1, v1)
    basis = np.stack([np.ones_like(u), u, v, u * u, u * v, v * v], axis=-1)
    rows_used = basis[keep]
    coef = np.linalg.solve(
        rows_used.T @ rows_used + 1e-9 * np.eye(6), rows_used.T @ sample[keep].astype(np.float64)
    )
    fu = (np.arange(width, dtype=np.float32) / width - 0.5)[None, :]
    fv = (np.arange(height, dtype=np.float32) / height - 0.5)[:, None]
    rows = coef[0] + coef[1] * fu + coef[3] * fu * fu
    columns = coef[2] * fv + coef[5] * fv * fv
    surface = rows + columns + coef[4] * fv * fu
    return np.asarray(density - surface, np.float32)


def _otsu(values: F32) -> float:
    low, high = float(values.min()), float(values.max())
    if high - low < 1e-6:
        return high
    scaled = ((values - low) * (255.0 / (high - low))).astype(np.uint8)
    level, _ = cv2.threshold(scaled, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return low + float(level) * (high - low) / 255.0


def _pick_lesion(mask: NDArray[np.uint8], min_area_px: float) -> NDArray[np.uint8] | None:
    """The largest dark region, preferring those nearer the centre; holes filled."""
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    height, width = mask.shape
    best, best_score = 0, 0.0
    for i in range(1, count):
        area = float(stats[i, cv2.CC_STAT_AREA])
        if area < min_area_px:
            continue
        off = math.hypot(centroids[i][0] / width - 0.5, centroids[i][1] / height - 0.5)
        score = area * (1.0 - off)
        if score > best_score:
            best, best_score = i, score
    if best == 0:
        return None
    region = (labels == best).astype(np.uint8)
    contours, _ = cv2.findContours(region, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    filled = np.zeros_like(region)
    cv2.drawContours(filled, contours, -1, 1, thickness=cv2.FILLED)
    return np.asarray(filled, np.uint8)


def _ring(region: NDArray[np.uint8], width_px: int, outside: bool) -> NDArray[np.bool_]:
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * width_px + 1, 2 * width_px + 1))
    if outside:
        return np.asarray((cv2.dilate(region, kernel) > 0) & (region == 0), np.bool_)
    return np.asarray((region > 0) & (cv2.erode(region, kernel) == 0), np.bool_)


def _asymmetry(contour: NDArray[np.float64], area: float) -> float:
    """Mean share of the area that does not overlap its mirror image about each principal
    axis through the centroid (the classic A of ABCD, as a number, not a score)."""
    moments = cv2.moments(contour.astype(np.float32))
    if moments["m00"] <= 0:
        return 0.0
    cx, cy = moments["m10"] / moments["m00"], moments["m01"] / moments["m00"]
    angle = 0.5 * math.atan2(2 * moments["mu11"], moments["mu20"] - moments["mu02"])
    c, s = math.cos(angle), math.sin(angle)
    local = (contour - (cx, cy)) @ np.array([[c, -s], [s, c]])
    span = float(np.abs(local).max()) + 2.0
    side = int(2 * span) + 1
    shares = []
    canvas = np.zeros((side, side), np.uint8)
    cv2.fillPoly(canvas, [np.round(local + span).astype(np.int32)], 1)
    for flipped in (canvas[::-1, :], canvas[:, ::-1]):
        # The canvas is centred on the centroid to within a pixel, so a flip mirrors it.
        differ = float(np.count_nonzero(canvas != flipped))
        shares.append(differ / (2.0 * max(float(np.count_nonzero(canvas)), 1.0)))
    del area
    return float(sum(shares) / len(shares))


def _feret(points: NDArray[np.float64]) -> float:
    hull = cv2.convexHull(points.astype(np.float32)).reshape(-1, 2).astype(np.float64)
    dx = hull[:, 0, None] - hull[None, :, 0]
    dy = hull[:, 1, None] - hull[None, :, 1]
    return math.sqrt(float((dx * dx + dy * dy).max()))


_HAIR_ON_BORDER = (
    "Hair covers too much of the lesion's border to outline it; "
    "move or trim the hair, or use immersion fluid, and take it again"
)


def _nothing_found(hair: NDArray[np.uint8]) -> OutlineRefused:
    """Why no lesion was found: dense hair hides it, or there is none that stands out."""
    if np.count_nonzero(hair) > MAX_HAIR_IN_PHOTO * hair.size:
        return HairBreaksOutline(_HAIR_ON_BORDER)
    return NoLesionFound("No lesion stands out from the skin in this photo")


def _smooth_closed(points: NDArray[np.float64], sigma: float) -> NDArray[np.float64]:
    """Gaussian smoothing along a closed polyline (takes the pixel staircase off)."""
    reach = int(3 * sigma) + 1
    taps = np.exp(-0.5 * (np.arange(-reach, reach + 1) / sigma) ** 2)
    taps /= taps.sum()
    if len(points) <= 2 * reach:
        return points
    padded = np.concatenate([points[-reach:], points, points[:reach]])
    return np.stack([np.convolve(padded[:, i], taps, mode="valid") for i in range(2)], axis=1)


def outline_lesion(image: Image, px_per_mm: float | None) -> LesionOutline:
    """The outline of the one lesion that stands out in `image` (BGR), measured in mm.

    Raises a typed `OutlineRefused` with the reason when no honest outline can be given."""
    if px_per_mm is None or not math.isfinite(px_per_mm) or px_per_mm <= 0:
        raise OutlineRefused(
            "The photo has no calibration (pixels per mm); calibrate it to measure the lesion"
        )
    height, width = image.shape[:2]
    factor = min(1.0, WORK_SIDE / max(height, width))
    small = image
    if factor < 1.0:
        size = (max(1, round(width * factor)), max(1, round(height * factor)))
        small = np.asarray(cv2.resize(image, size, interpolation=cv2.INTER_AREA), np.uint8)
    scale = px_per_mm * factor  # working pixels per mm
    density = np.asarray(cv2.GaussianBlur(_density(small), (0, 0), 0.8), np.float32)
    density, hair = _remove_hair(density, scale)

    guess = density > _otsu(density)
    flat = _flatten_light(density, guess)
    level = _otsu(flat)
    min_area = math.pi * (MIN_DIAMETER_MM * scale / 2) ** 2
    region = _pick_lesion((flat > level).astype(np.uint8), min_area)
    if region is None:
        raise _nothing_found(hair)
    # Refine: the border is where the density is halfway between the skin just outside
    # and the lesion just inside (Otsu's level leans towards the larger class).
    band = max(2, round(0.3 * scale))
    skin = float(np.median(flat[_ring(region, band, outside=True)]))
    inside = float(np.median(flat[_ring(region, band, outside=False)]))
    region = _pick_lesion((flat > (skin + inside) / 2).astype(np.uint8), min_area)
    if region is None:
        raise _nothing_found(hair)
    skin_ring = _ring(region, band, outside=True)
    skin_values = flat[skin_ring]
    skin = float(np.median(skin_values))
    noise = 1.4826 * float(np.median(np.abs(skin_values - skin))) + 1e-3
    core = float(np.median(flat[region > 0]))
    contrast = core - skin
    if contrast < MIN_CONTRAST or contrast / noise < MIN_CONTRAST_TO_NOISE:
        raise _nothing_found(hair)

    contours, _ = cv2.findContours(region, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    contour = max(contours, key=cv2.contourArea).reshape(-1, 2)
    xs, ys = contour[:, 0], contour[:, 1]
    right, bottom = small.shape[1] - 2, small.shape[0] - 2
    if xs.min() <= 1 or ys.min() <= 1 or xs.max() >= right or ys.max() >= bottom:
        raise LesionTouchesEdge(
            "The lesion runs off the edge of the photo; take it again with the whole lesion in view"
        )
    # A sharp border rises from skin to lesion within a few tenths of a millimetre.
    gy = cv2.Sobel(flat, cv2.CV_32F, 0, 1, ksize=3) / 8.0
    gx = cv2.Sobel(flat, cv2.CV_32F, 1, 0, ksize=3) / 8.0
    slope = float(np.median(np.hypot(gx, gy)[ys, xs]))
    if contrast / max(slope, 1e-6) > MAX_BORDER_MM * scale:
        raise NoLesionFound(
            "The photo is too blurred to find the lesion's border; take it again in focus"
        )
    on_border = np.count_nonzero(hair[ys, xs])
    hair_share = on_border / max(len(xs), 1)
    if hair_share > MAX_HAIR_ON_BORDER:
        raise HairBreaksOutline(_HAIR_ON_BORDER)

    # Pixel boundary -> a smooth outline through the pixel edges, in the photo's pixels.
    exact = contour.astype(np.float64)
    points = _smooth_closed(exact, 1.5)
    centre = points.mean(axis=0)
    # A pixel-centre contour lies half a pixel inside the region's true boundary.
    offset = points - centre
    radius = np.hypot(offset[:, 0], offset[:, 1]).clip(1e-6)
    points = points + offset / radius[:, None] * 0.5
    photo_points = (points + 0.5) / factor - 0.5
    area_px = float(np.count_nonzero(region))
    perimeter_px = float(cv2.arcLength(points.astype(np.float32), closed=True))
    simplified = cv2.approxPolyDP(photo_points.astype(np.float32), 0.5 / factor, closed=True)
    return LesionOutline(
        points=tuple((float(x), float(y)) for x, y in simplified.reshape(-1, 2)),
        area_mm2=area_px / scale**2,
        diameter_mm=_feret(points) / scale,
        perimeter_mm=perimeter_px / scale,
        asymmetry=_asymmetry(points, area_px),
        hair_share=hair_share,
    )


def outline_on_preview(
    preview: Image, photo_width: int, px_per_mm: float | None
) -> tuple[tuple[float, float], ...]:
    """The lesion's outline found on a photo's screen preview (about 2048 px), in the
    photo's own pixels, so that `measure_outline` with the photo's calibration gives its
    area and diameter in the photo's mm (what the workstation keeps)."""
    factor = preview.shape[1] / max(photo_width, 1)
    found = outline_lesion(preview, None if px_per_mm is None else px_per_mm * factor)
    return tuple((x / factor, y / factor) for x, y in found.points)


@dataclass(frozen=True, slots=True)
class OutlineMeasures:
    """What a (possibly corrected) outline measures, in mm and mm²."""

    area_mm2: float
    diameter_mm: float
    perimeter_mm: float
    asymmetry: float


def measure_outline(points: Sequence[tuple[float, float]], px_per_mm: float) -> OutlineMeasures:
    """Area, largest diameter, perimeter and asymmetry of a closed outline in photo pixels
    (the clinician's corrected outline is measured the way the proposed one was)."""
    if len(points) < 3:
        raise InvalidInput("Trace at least three points around the outline")
    if not (math.isfinite(px_per_mm) and px_per_mm > 0):
        raise OutlineRefused(
            "The photo has no calibration (pixels per mm); calibrate it to measure the lesion"
        )
    array = np.asarray(points, np.float64)
    x, y = array[:, 0], array[:, 1]
    area_px = 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))
    perimeter_px = float(cv2.arcLength(array.astype(np.float32), closed=True))
    return OutlineMeasures(
        area_mm2=area_px / px_per_mm**2,
        diameter_mm=_feret(array) / px_per_mm,
        perimeter_mm=perimeter_px / px_per_mm,
        asymmetry=_asymmetry(array, area_px),
    )


def handles(points: Sequence[tuple[float, float]], count: int = 32) -> list[tuple[float, float]]:
    """`count` points evenly spaced along a closed outline: few enough to drag one by one."""
    array = np.asarray(points, np.float64)
    if len(array) <= count:
        return [(float(a), float(b)) for a, b in array]
    closed = np.vstack([array, array[:1]])
    steps = np.hypot(*np.diff(closed, axis=0).T)
    along = np.concatenate([[0.0], np.cumsum(steps)])
    wanted = np.linspace(0.0, along[-1], count, endpoint=False)
    xs = np.interp(wanted, along, closed[:, 0])
    ys = np.interp(wanted, along, closed[:, 1])
    return [(float(a), float(b)) for a, b in zip(xs, ys, strict=True)]
