"""The body map's outlines: which figure a patient is shown on, and where a stored place lies
on it.

Each view (front, back, left and right side, and the face, hands and feet as close-ups) is
an SVG in resources/body_map/<outline>/ whose polygons carry ids ``site:<code>`` of the
body-site vocabulary. A lesion's place is stored once, as fractions of the neutral adult
figure's view (the frame positions have always been stored in); the male, female and child
figures are that figure warped (narrower waist, broader shoulders, a child's larger head
and shorter legs), so a place is shown on any of them by the same warp and a click on any
of them is stored by its inverse. The close-ups are one drawing for every figure.

No Qt: the workstation's map and the PDF report's page read the same files.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from pixiodoc_desktop.clinic.records.lesions import MapView

MAP_DIR = Path(__file__).resolve().parents[3] / "resources" / "body_map"
CHILD_UNDER_YEARS = 12  # a patient younger than this is shown on the child's figure
BODY_VIEWS = (MapView.FRONT, MapView.BACK, MapView.LEFT, MapView.RIGHT)
CLOSE_UPS = (MapView.HEAD, MapView.HANDS, MapView.FEET)
AXIS = 100.0  # the figures' middle line in SVG units (the body views are 200 x 440)
TRUNK = 32.0  # half the neutral trunk's width: arms and legs outside it move, not stretch
_SVG = "{http://www.w3.org/2000/svg}"

Point = tuple[float, float]


class BodyOutline(StrEnum):
    NEUTRAL = "neutral"  # sex not recorded or other
    MALE = "male"
    FEMALE = "female"
    CHILD = "child"


def outline_for(sex: str | None, birth_date: dt.date | None, today: dt.date) -> BodyOutline:
    """The figure a patient is shown on: a child's under `CHILD_UNDER_YEARS`, else by sex."""
    if birth_date is not None:
        years = (
            today.year
            - birth_date.year
            - ((today.month, today.day) < (birth_date.month, birth_date.day))
        )
        if 0 <= years < CHILD_UNDER_YEARS:
            return BodyOutline.CHILD
    if sex == "male":
        return BodyOutline.MALE
    if sex == "female":
        return BodyOutline.FEMALE
    return BodyOutline.NEUTRAL


@dataclass(frozen=True, slots=True)
class Warp:
    """Neutral figure -> this figure: heights by a piecewise-linear map of y, widths about
    the middle line by a factor that depends on the (neutral) height."""

    heights: tuple[Point, ...] = ((0.0, 0.0), (440.0, 440.0))  # (neutral y, figure y)
    widths: tuple[Point, ...] = ((0.0, 1.0), (440.0, 1.0))  # (neutral y, width factor)

    def forward(self, x: float, y: float) -> Point:
        factor = _linear(self.widths, y)
        return AXIS + _spread(x - AXIS, factor), _linear(self.heights, y)

    def backward(self, x: float, y: float) -> Point:
        ny = _linear(tuple((b, a) for a, b in self.heights), y)
        factor = _linear(self.widths, ny)
        return AXIS + _unspread(x - AXIS, factor), ny


def _linear(table: tuple[Point, ...], at: float) -> float:
    xs = [a for a, _ in table]
    if at <= xs[0]:
        return table[0][1]
    if at >= xs[-1]:
        return table[-1][1]
    i = bisect_right(xs, at) - 1
    (a0, b0), (a1, b1) = table[i], table[i + 1]
    return b0 + (b1 - b0) * (at - a0) / (a1 - a0)


def _spread(d: float, factor: float) -> float:
    """The trunk stretches by `factor`; what lies outside it (an arm) moves with its edge."""
    if abs(d) <= TRUNK:
        return d * factor
    return (1 if d > 0 else -1) * (TRUNK * factor + abs(d) - TRUNK)


def _unspread(d: float, factor: float) -> float:
    if abs(d) <= TRUNK * factor:
        return d / factor
    return (1 if d > 0 else -1) * (abs(d) - TRUNK * factor + TRUNK)


WARPS: dict[BodyOutline, Warp] = {
    BodyOutline.NEUTRAL: Warp(),
    BodyOutline.MALE: Warp(
        widths=(
            (60.0, 1.0),
            (70.0, 1.04),
            (80.0, 1.12),
            (110.0, 1.1),
            (150.0, 1.03),
            (206.0, 0.96),
            (260.0, 1.0),
        )
    ),
    BodyOutline.FEMALE: Warp(
        heights=((0.0, 0.0), (11.0, 13.0), (65.0, 65.0), (440.0, 440.0)),
        widths=(
            (11.0, 0.94),
            (65.0, 0.94),
            (80.0, 0.92),
            (104.0, 0.95),
            (125.0, 1.0),
            (165.0, 0.86),
            (212.0, 1.12),
            (245.0, 1.08),
            (300.0, 0.98),
            (440.0, 0.96),
        ),
    ),
    BodyOutline.CHILD: Warp(
        heights=(
            (0.0, 0.0),
            (11.0, 8.0),
            (65.0, 80.0),
            (80.0, 92.0),
            (206.0, 228.0),
            (300.0, 310.0),
            (326.0, 333.0),
            (440.0, 440.0),
        ),
        widths=(
            (11.0, 1.3),
            (60.0, 1.3),
            (68.0, 1.05),
            (80.0, 0.95),
            (160.0, 0.98),
            (206.0, 0.95),
            (300.0, 0.92),
            (440.0, 0.92),
        ),
    ),
}


@dataclass(frozen=True, slots=True)
class Region:
    view: MapView
    code: str  # a body-site code
    points: tuple[Point, ...]  # the polygon in the view's SVG units


def svg_path(outline: BodyOutline, view: MapView) -> Path:
    folder = "close-ups" if view in CLOSE_UPS else outline.value
    return MAP_DIR / folder / f"{view.value}.svg"


@cache
def view_size(view: MapView) -> Point:
    """The view's SVG viewBox width and height (the same for every figure)."""
    root = ET.parse(svg_path(BodyOutline.NEUTRAL, view)).getroot()  # noqa: S314 - our own file
    _, _, width, height = (float(v) for v in root.get("viewBox", "0 0 200 440").split())
    return width, height


@cache
def regions(outline: BodyOutline, view: MapView) -> tuple[Region, ...]:
    """The view's regions in drawing order (later ones lie on top)."""
    root = ET.parse(svg_path(outline, view)).getroot()  # noqa: S314 - our own file
    out = []
    for polygon in root.iter(f"{_SVG}polygon"):
        ident = polygon.get("id", "")
        if not ident.startswith("site:"):
            continue
        pairs = (pair.split(",") for pair in polygon.get("points", "").split())
        points = tuple((float(a), float(b)) for a, b in pairs)
        out.append(Region(view, ident.removeprefix("site:").split("#")[0], points))
    return tuple(out)


def contains(points: tuple[Point, ...], x: float, y: float) -> bool:
    """Whether (x, y) lies inside the polygon (even-odd rule)."""
    inside = False
    j = len(points) - 1
    for i, (xi, yi) in enumerate(points):
        xj, yj = points[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def region_at(outline: BodyOutline, view: MapView, x: float, y: float) -> Region | None:
    """The topmost region under (x, y) in SVG units."""
    return next((r for r in reversed(regions(outline, view)) if contains(r.points, x, y)), None)


def shown_at(outline: BodyOutline, view: MapView, x: float, y: float) -> Point:
    """Where a stored place (fractions of the neutral view) is drawn on `outline`'s view,
    as fractions of that view."""
    if view in CLOSE_UPS:
        return x, y
    width, height = view_size(view)
    fx, fy = WARPS[outline].forward(x * width, y * height)
    return fx / width, fy / height


def stored_at(outline: BodyOutline, view: MapView, x: float, y: float) -> Point:
    """The place to store for a click at (x, y) (fractions) on `outline`'s view."""
    if view in CLOSE_UPS:
        return x, y
    width, height = view_size(view)
    nx, ny = WARPS[outline].backward(x * width, y * height)
    return min(1.0, max(0.0, nx / width)), min(1.0, max(0.0, ny / height))
