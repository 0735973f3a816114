"""The body map drawing's shapes (tools/draw_body_map.py): ellipses, limbs tapered along
a table of widths, capsules, and a drawing mirrored about the figure's middle."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

Point = tuple[float, float]
Shape = tuple[str, list[Point]]  # (body-site code, polygon)


# --- shapes ---------------------------------------------------------------------------------


def ellipse(
    cx: float, cy: float, rx: float, ry: float, a0: float = 0, a1: float = 360, n: int = 40
) -> list[Point]:
    steps = max(2, int(n * abs(a1 - a0) / 360))
    return [
        (
            cx + rx * math.cos(math.radians(a0 + (a1 - a0) * i / steps)),
            cy + ry * math.sin(math.radians(a0 + (a1 - a0) * i / steps)),
        )
        for i in range(steps + (0 if abs(a1 - a0) == 360 else 1))
    ]


def interp(table: Sequence[Point], at: float) -> float:
    if at <= table[0][0]:
        return table[0][1]
    for (a0, b0), (a1, b1) in itertools.pairwise(table):
        if at <= a1:
            return b0 + (b1 - b0) * (at - a0) / (a1 - a0)
    return table[-1][1]


class Limb:
    """A limb hanging down: its middle x and half-width as functions of y."""

    def __init__(self, middle: Sequence[Point], half: Sequence[Point]) -> None:
        self.middle, self.half = middle, half

    def edges(self, y: float) -> Point:
        m, h = interp(self.middle, y), interp(self.half, y)
        return m - h, m + h

    def band(self, y0: float, y1: float, step: float = 3.0) -> list[Point]:
        ys = [
            y0 + (y1 - y0) * i / max(1, round((y1 - y0) / step))
            for i in range(max(1, round((y1 - y0) / step)) + 1)
        ]
        left = [(self.edges(y)[0], y) for y in ys]
        right = [(self.edges(y)[1], y) for y in reversed(ys)]
        return left + right

    def part(self, y0: float, y1: float, x0: float, x1: float) -> list[Point]:
        """The band between y0 and y1 cut to the share x0..x1 of its width (0 = left edge)."""
        ys = [
            y0 + (y1 - y0) * i / max(1, round((y1 - y0) / 3))
            for i in range(max(1, round((y1 - y0) / 3)) + 1)
        ]

        def at(y: float, share: float) -> Point:
            a, b = self.edges(y)
            return a + (b - a) * share, y

        return [at(y, x0) for y in ys] + [at(y, x1) for y in reversed(ys)]


def capsule(start: Point, end: Point, r: float) -> list[Point]:
    """A finger: a rounded bar from `start` to `end` (rounded at the end only)."""
    angle = math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))
    nx, ny = -math.sin(math.radians(angle)) * r, math.cos(math.radians(angle)) * r
    cap = ellipse(end[0], end[1], r, r, angle + 90, angle - 90, 20)
    return [(start[0] + nx, start[1] + ny), *cap, (start[0] - nx, start[1] - ny)]


def mirror(points: list[Point], axis: float = 100.0) -> list[Point]:
    return [(2 * axis - x, y) for x, y in reversed(points)]


def side_code(code: str, side: str) -> str:
    return f"{code}-{side}"
