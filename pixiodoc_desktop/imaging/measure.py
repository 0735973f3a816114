"""Measurements on a photo with its calibration (pixels per millimetre), and change over time.

Points are in pixel coordinates of the photo they were traced on (the stored
original), so a measurement stays true whatever the view's zoom or alignment.
Without a calibration a measurement is given in pixels and no change in mm
is claimed between photos.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from pixiodoc_desktop.errors import InvalidInput

Point = tuple[float, float]


class MeasureKind(StrEnum):
    DISTANCE = "distance"  # between two points
    DIAMETER = "diameter"  # the largest extent of a traced outline (Feret diameter)
    AREA = "area"  # inside a traced outline


@dataclass(frozen=True, slots=True)
class Measurement:
    kind: MeasureKind
    value: float
    unit: str  # "mm" | "mm²" | "px" | "px²"

    @property
    def calibrated(self) -> bool:
        return self.unit.startswith("mm")

    def text(self, decimal: str = ".") -> str:
        """'4.2 mm'; `decimal` is the reader's decimal sign (',' in German)."""
        return f"{self.value:.1f} {self.unit}".replace(".", decimal)


@dataclass(frozen=True, slots=True)
class Change:
    before: Measurement
    after: Measurement
    absolute: float  # after - before, in the unit
    percent: float | None  # None when the earlier value is zero

    def text(self, decimal: str = ".") -> str:
        """'+2.8 mm² (+23 %)', computed from the values as shown (one decimal), so that
        12.3 → 15.1 reads +2.8 whatever the digits beyond; `decimal` is the reader's sign."""
        before, after = round(self.before.value, 1), round(self.after.value, 1)
        absolute = round(after - before, 1)
        sign = "+" if absolute >= 0 else "−"
        pct = ""
        if before != 0:
            share = round(100.0 * absolute / before)
            pct = f" ({'+' if share >= 0 else '−'}{abs(share)} %)"
        return f"{sign}{abs(absolute):.1f}".replace(".", decimal) + f" {self.before.unit}{pct}"


def _check_scale(px_per_mm: float | None) -> float | None:
    if px_per_mm is None:
        return None
    if not math.isfinite(px_per_mm) or px_per_mm <= 0:
        raise InvalidInput("The photo's calibration must be a positive number of pixels per mm")
    return px_per_mm


def distance_px(a: Point, b: Point) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def polygon_area_px(points: Sequence[Point]) -> float:
    """Shoelace formula; the outline is closed implicitly."""
    if len(points) < 3:
        raise InvalidInput("Trace at least three points around the outline")
    total = 0.0
    for (x1, y1), (x2, y2) in zip(points, [*points[1:], points[0]], strict=True):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2.0


def feret_diameter_px(points: Sequence[Point]) -> float:
    """The largest distance between two points of the outline."""
    if len(points) < 2:
        raise InvalidInput("Trace at least two points")
    return max(distance_px(a, b) for i, a in enumerate(points) for b in points[i + 1 :])


def measure(
    kind: MeasureKind | str, points: Sequence[Point], px_per_mm: float | None
) -> Measurement:
    """A measurement of `kind` from points in photo pixels, in mm when calibrated."""
    kind = MeasureKind(kind)
    scale = _check_scale(px_per_mm)
    if kind is MeasureKind.DISTANCE:
        if len(points) != 2:
            raise InvalidInput("A distance needs exactly two points")
        value, dims = distance_px(points[0], points[1]), 1
    elif kind is MeasureKind.DIAMETER:
        value, dims = feret_diameter_px(points), 1
    else:
        value, dims = polygon_area_px(points), 2
    if scale is None:
        return Measurement(kind, value, "px" if dims == 1 else "px²")
    return Measurement(kind, value / scale**dims, "mm" if dims == 1 else "mm²")


def change(before: Measurement, after: Measurement) -> Change:
    """The change from the earlier to the later visit; both must be of one kind and unit."""
    if before.kind != after.kind:
        raise InvalidInput("Only measurements of the same kind can be compared")
    if before.unit != after.unit:
        raise InvalidInput(
            "One photo is calibrated and the other is not; calibrate both to compare in mm"
        )
    absolute = after.value - before.value
    percent = None if before.value == 0 else 100.0 * absolute / before.value
    return Change(before, after, absolute, percent)
