"""Marks on the photos of a comparison: annotations and measurement traces, as vector data.

Points are pixel coordinates of the photo a mark belongs to (the stored
original), so a mark stays on the skin whatever the zoom, the preview size or
the alignment; nothing is ever burned into a stored image.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.imaging.measure import MeasureKind

MAX_TEXT = 200


class Side(StrEnum):
    BEFORE = "before"
    AFTER = "after"


class AnnotationKind(StrEnum):
    ARROW = "arrow"  # two points: tail, head
    CIRCLE = "circle"  # two points: centre, a point on the circle
    OUTLINE = "outline"  # three or more points, closed
    TEXT = "text"  # one point: where the text starts


_POINTS_NEEDED = {
    AnnotationKind.ARROW: (2, 2),
    AnnotationKind.CIRCLE: (2, 2),
    AnnotationKind.OUTLINE: (3, 1000),
    AnnotationKind.TEXT: (1, 1),
}

Point = tuple[float, float]


def _points(raw: Any) -> tuple[Point, ...]:
    try:
        points = tuple((float(p[0]), float(p[1])) for p in raw)
    except (TypeError, ValueError, IndexError):
        raise InvalidInput("An annotation's points must be pairs of numbers") from None
    if any(abs(v) > 1e6 for p in points for v in p):
        raise InvalidInput("An annotation lies far outside the photo")
    return points


@dataclass(frozen=True, slots=True)
class Annotation:
    """A mark drawn on one photo of a comparison, in that photo's pixel coordinates."""

    kind: AnnotationKind
    side: Side
    points: tuple[Point, ...]
    text: str = ""

    def __post_init__(self) -> None:
        low, high = _POINTS_NEEDED[self.kind]
        if not low <= len(self.points) <= high:
            raise InvalidInput(f"A {self.kind} annotation needs {low} point(s) or more")
        if len(self.text) > MAX_TEXT:
            raise InvalidInput(f"An annotation's text is longer than {MAX_TEXT} characters")
        if self.kind is AnnotationKind.TEXT and not self.text.strip():
            raise InvalidInput("A text annotation needs some text")

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "side": str(self.side),
            "points": [[x, y] for x, y in self.points],
            "text": self.text,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Annotation:
        try:
            kind, side = AnnotationKind(data["kind"]), Side(data["side"])
        except (KeyError, ValueError):
            raise InvalidInput("An annotation has an unknown kind or side") from None
        return cls(kind, side, _points(data.get("points", [])), str(data.get("text", "")))


@dataclass(frozen=True, slots=True)
class MeasurementTrace:
    """What the clinician traced to measure (the numbers follow from the photo's calibration)."""

    kind: MeasureKind
    side: Side
    points: tuple[Point, ...]
    label: str = ""  # pairs the same lesion's traces on both photos, e.g. "A"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "side": str(self.side),
            "points": [[x, y] for x, y in self.points],
            "label": self.label,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MeasurementTrace:
        try:
            kind, side = MeasureKind(data["kind"]), Side(data["side"])
        except (KeyError, ValueError):
            raise InvalidInput("A measurement has an unknown kind or side") from None
        return cls(kind, side, _points(data.get("points", [])), str(data.get("label", ""))[:40])
