"""Draw PixioDoc's body map (resources/body_map/*/*.svg): our own drawing, from shapes.

The neutral adult figure is drawn here from ellipses and tapered limbs, region by region,
each polygon's id ``site:<code>`` of the body-site vocabulary; the male, female and child
figures are the neutral one warped by `clinic.records.body_outlines.WARPS` (the warp that
also places the lesions on them); the face, hands and feet close-ups are one drawing for
every figure. The front and back keep the landmarks places have always been stored by
(head 11-65, shoulders 80, hips 206, knees 300-326, feet to 436 of a 200 x 440 view).

    PYTHONPATH=. python tools/draw_body_map.py        # rewrites the SVGs
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence

from pixiodoc_desktop.clinic.records.body_outlines import (
    MAP_DIR,
    WARPS,
    BodyOutline,
)

Point = tuple[float, float]
Shape = tuple[str, list[Point]]  # (body-site code, polygon)
FILL, STROKE = "#f3e3d6", "#8a6f5f"


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


# --- the neutral adult: front and back ------------------------------------------------------

TRUNK = Limb(
    ((80, 100), (206, 100)),
    ((80, 29.5), (90, 31.5), (142, 32.0), (165, 30.0), (190, 31.5), (206, 31.5)),
)
# The patient's right arm and leg as seen from the front (the viewer's left).
ARM = Limb(
    ((100, 60.5), (158, 57.5), (172, 56.5), (214, 53.5), (252, 52.0)),
    (
        (100, 9.5),
        (130, 9.2),
        (158, 9.5),
        (172, 9.0),
        (200, 7.6),
        (214, 7.2),
        (222, 8.8),
        (240, 9.2),
        (252, 7.0),
    ),
)
LEG = Limb(
    ((206, 84.5), (260, 85.5), (313, 85.5), (405, 86.0), (420, 85.0), (436, 83.5)),
    (
        (206, 15.5),
        (240, 14.0),
        (290, 11.8),
        (313, 10.8),
        (340, 10.3),
        (365, 9.2),
        (400, 6.6),
        (412, 7.0),
        (424, 9.8),
        (436, 11.5),
    ),
)


def shoulder(right_of_viewer: bool) -> list[Point]:
    """The patient's shoulder cap from the neck's base to the top of the arm."""
    pts = [
        (89.0, 80.0),
        (80.0, 81.5),
        (71.0, 83.5),
        (62.0, 86.5),
        (55.5, 91.0),
        (51.5, 97.0),
        (50.5, 104.0),
        (61.0, 106.5),
        (70.5, 104.0),
        (71.5, 94.0),
        (76.0, 86.0),
    ]
    return mirror(pts) if right_of_viewer else pts


def hand_outline(limb: Limb, y0: float, y1: float) -> list[Point]:
    """A mitten: the palm or back of the hand with the fingers together, rounded at the tips."""
    band = limb.band(y0, y1 - 7)
    a, b = limb.edges(y1 - 7)
    tip = ellipse((a + b) / 2, y1 - 7, (b - a) / 2, 7, 180, 0, 24)
    half = len(band) // 2
    return band[:half] + tip[1:-1] + band[half:]


def front_view() -> list[Shape]:
    shapes: list[Shape] = []
    shapes.append(("ear-right", ellipse(79.5, 41, 3.6, 7.5)))
    shapes.append(("ear-left", ellipse(120.5, 41, 3.6, 7.5)))
    shapes.append(
        (
            "neck",
            [
                (91.0, 56.0),
                (109.0, 56.0),
                (109.5, 70.0),
                (111.5, 81.0),
                (100, 82.5),
                (88.5, 81.0),
                (90.5, 70.0),
            ],
        )
    )
    shapes.append(("forehead", ellipse(100, 38, 20.5, 27, 180, 360, 30)))
    shapes.append(("face", ellipse(100, 38, 20.5, 27, 0, 180, 30)))
    shapes.append(("chest", TRUNK.band(80, 142)))
    shapes.append(("abdomen", TRUNK.band(142, 206)))
    shapes.append(("umbilicus", ellipse(100, 171, 2.6, 3.2, n=16)))
    shapes.append(("breast-right", ellipse(84, 114, 9.5, 7.5, n=24)))
    shapes.append(("breast-left", ellipse(116, 112, 9.5, 7.5, n=24)))
    for side, flip in (("right", False), ("left", True)):
        parts = [
            ("upper-arm", ARM.band(104, 158)),
            ("elbow", ARM.band(158, 172)),
            ("forearm", ARM.band(172, 207)),
            ("wrist", ARM.band(207, 216)),
            ("palm", hand_outline(ARM, 216, 253)),
            (
                "groin",
                [
                    (70.0, 196.0),
                    (76.0, 202.0),
                    (86.0, 207.0),
                    (93.0, 207.5),
                    (95.0, 214.0),
                    (84.0, 211.0),
                    (72.5, 205.0),
                ],
            ),
            ("thigh", LEG.band(207, 300)),
            ("knee", LEG.band(300, 326)),
            ("shin", LEG.band(326, 406)),
            ("ankle", LEG.band(406, 418)),
            ("foot-dorsum", LEG.band(418, 436)),
        ]
        for code, pts in parts:
            shapes.append((side_code(code, side), mirror(pts) if flip else pts))
        shapes.append((side_code("shoulder", side), shoulder(flip)))
    shapes.append(
        (
            "genitalia",
            [(93.0, 206.0), (107.0, 206.0), (104.0, 217.0), (100.0, 224.0), (96.0, 217.0)],
        )
    )
    return shapes


def back_view() -> list[Shape]:
    """Seen from behind: the patient's left side is on the viewer's left."""
    shapes: list[Shape] = []
    shapes.append(("ear-left", ellipse(79.5, 41, 3.6, 7.5)))
    shapes.append(("ear-right", ellipse(120.5, 41, 3.6, 7.5)))
    shapes.append(
        (
            "neck",
            [
                (91.0, 56.0),
                (109.0, 56.0),
                (109.5, 70.0),
                (111.5, 81.0),
                (100, 82.5),
                (88.5, 81.0),
                (90.5, 70.0),
            ],
        )
    )
    shapes.append(("scalp", ellipse(100, 38, 20.5, 27, n=60)))
    shapes.append(("upper-back", TRUNK.band(80, 142)))
    shapes.append(("lower-back", TRUNK.band(142, 206)))
    shapes.append(("sacrum", [(93.0, 190.0), (107.0, 190.0), (100.0, 206.0)]))
    for side, flip in (("left", False), ("right", True)):
        parts = [
            ("upper-arm", ARM.band(104, 158)),
            ("elbow", ARM.band(158, 172)),
            ("forearm", ARM.band(172, 207)),
            ("wrist", ARM.band(207, 216)),
            ("hand-back", hand_outline(ARM, 216, 253)),
            ("buttock", LEG.band(206, 246)),
            ("thigh", LEG.band(246, 300)),
            ("popliteal-fossa", LEG.band(300, 326)),
            ("calf", LEG.band(326, 408)),
            ("ankle", LEG.band(408, 436)),
        ]
        for code, pts in parts:
            shapes.append((side_code(code, side), mirror(pts) if flip else pts))
        shapes.append((side_code("shoulder", side), shoulder(flip)))
    shapes.append(("perianal", ellipse(100, 226, 2.5, 4, n=14)))
    return shapes


# --- the neutral adult: the sides ------------------------------------------------------------

# The patient's left side: the face looks to the viewer's left.
SIDE_TRUNK_FRONT = (
    (80, 84.0),
    (100, 77.0),
    (118, 76.0),
    (142, 81.0),
    (170, 80.0),
    (196, 80.0),
    (212, 83.0),
)
SIDE_TRUNK_BACK = (
    (80, 116.0),
    (100, 121.5),
    (142, 119.0),
    (170, 116.0),
    (196, 121.5),
    (222, 123.0),
    (240, 117.0),
)
# The arm hangs a little forward of the trunk's middle, so the flank shows behind it.
SIDE_ARM = Limb(
    ((92, 98.0), (158, 92.5), (172, 91.5), (212, 86.0), (250, 84.0)),
    (
        (92, 10.0),
        (130, 9.0),
        (158, 8.8),
        (172, 8.4),
        (200, 7.0),
        (212, 6.6),
        (222, 7.6),
        (240, 8.2),
        (252, 6.0),
    ),
)
SIDE_LEG = Limb(
    ((206, 101.0), (250, 100.0), (313, 98.0), (360, 100.5), (405, 100.0), (420, 100.0)),
    (
        (206, 17.5),
        (240, 15.0),
        (290, 11.5),
        (313, 11.0),
        (340, 11.0),
        (365, 9.5),
        (400, 6.6),
        (420, 7.0),
    ),
)


def _trunk_strip(y0: float, y1: float, s0: float, s1: float) -> list[Point]:
    ys = [
        y0 + (y1 - y0) * i / max(1, round((y1 - y0) / 3))
        for i in range(max(1, round((y1 - y0) / 3)) + 1)
    ]

    def at(y: float, share: float) -> Point:
        a, b = interp(SIDE_TRUNK_FRONT, y), interp(SIDE_TRUNK_BACK, y)
        return a + (b - a) * share, y

    return [at(y, s0) for y in ys] + [at(y, s1) for y in reversed(ys)]


def left_view(side: str = "left") -> list[Shape]:
    """The patient's left side (mirrored, with right-side codes, for the right side)."""
    shapes: list[Shape] = []
    shapes.append(
        (
            "neck",
            [(92.0, 56.0), (110.0, 56.0), (113.0, 70.0), (115.0, 82.0), (86.0, 82.0), (90.0, 70.0)],
        )
    )
    head = ellipse(101, 38, 21.5, 27, n=60)
    shapes.append(("scalp", head))
    shapes.append(
        (
            "face",
            [
                (80.5, 36.0),
                (77.5, 44.0),
                (80.0, 46.5),
                (80.0, 52.0),
                (83.0, 60.0),
                (90.0, 64.0),
                (98.0, 64.0),
                (99.0, 52.0),
                (95.0, 40.0),
                (94.0, 32.0),
                (81.0, 32.0),
            ],
        )
    )
    shapes.append(
        (
            "forehead",
            [(81.0, 32.0), (94.0, 32.0), (96.0, 20.0), (90.0, 14.5), (84.0, 19.0), (80.5, 25.0)],
        )
    )
    shapes.append((f"temple-{side}", ellipse(99.0, 30.0, 4.5, 5.5, n=16)))
    shapes.append((f"cheek-{side}", ellipse(90.0, 50.0, 6.0, 6.0, n=18)))
    shapes.append((f"ear-{side}", ellipse(106.0, 41.0, 4.5, 7.5, n=20)))
    shapes.append(("chest", _trunk_strip(80, 142, 0.0, 0.45)))
    shapes.append((f"breast-{side}", ellipse(83.5, 114.0, 6.5, 7.5, n=20)))
    shapes.append(("abdomen", _trunk_strip(142, 200, 0.0, 0.45)))
    shapes.append((f"axilla-{side}", _trunk_strip(96, 116, 0.45, 0.78)))
    shapes.append((f"flank-{side}", _trunk_strip(116, 200, 0.45, 0.78)))
    shapes.append(("upper-back", _trunk_strip(80, 142, 0.78, 1.0)))
    shapes.append(("lower-back", _trunk_strip(142, 196, 0.78, 1.0)))
    shapes.append((f"buttock-{side}", [*_trunk_strip(196, 240, 0.62, 1.0)]))
    shapes.append((f"hip-{side}", _trunk_strip(196, 222, 0.2, 0.62)))
    shapes.append((f"groin-{side}", _trunk_strip(200, 214, 0.0, 0.2)))
    for code, y0, y1, s0, s1 in (
        ("thigh", 214, 300, 0.0, 1.0),
        ("knee", 300, 326, 0.0, 0.6),
        ("popliteal-fossa", 300, 326, 0.6, 1.0),
        ("shin", 326, 406, 0.0, 0.5),
        ("calf", 326, 406, 0.5, 1.0),
        ("ankle", 406, 420, 0.0, 1.0),
    ):
        shapes.append((f"{code}-{side}", SIDE_LEG.part(y0, y1, s0, s1)))
    shapes.append(
        (
            f"foot-dorsum-{side}",
            [
                (93.0, 420.0),
                (107.0, 420.0),
                (108.5, 431.0),
                (70.0, 432.0),
                (66.0, 429.0),
                (72.0, 424.5),
                (86.0, 421.0),
            ],
        )
    )
    shapes.append(
        (
            f"sole-{side}",
            [(70.0, 432.0), (108.5, 431.0), (108.0, 436.0), (68.0, 436.0), (65.5, 433.0)],
        )
    )
    shapes.append(
        (
            f"shoulder-{side}",
            [*ellipse(98.5, 96.0, 12.0, 12.0, 180, 360, 20), (110.5, 104.0), (86.5, 104.0)],
        )
    )
    shapes.append((f"upper-arm-{side}", SIDE_ARM.band(104, 158)))
    shapes.append((f"elbow-{side}", SIDE_ARM.band(158, 172)))
    shapes.append((f"forearm-{side}", SIDE_ARM.band(172, 207)))
    shapes.append((f"wrist-{side}", SIDE_ARM.band(207, 216)))
    shapes.append((f"hand-back-{side}", hand_outline(SIDE_ARM, 216, 252)))
    return shapes


def right_view() -> list[Shape]:
    return [(code, mirror(pts)) for code, pts in left_view("right")]


# --- close-ups ------------------------------------------------------------------------------


def head_view() -> list[Shape]:
    """The face from the front with the scalp above it (300 x 340); patient's right on the
    viewer's left."""
    shapes: list[Shape] = []
    for side, x in (("right", 52.0), ("left", 248.0)):
        shapes.append((f"ear-{side}", ellipse(x, 168, 16, 34)))
    shapes.append(("neck", [(105.0, 270.0), (195.0, 270.0), (200.0, 338.0), (100.0, 338.0)]))
    shapes.append(("face", ellipse(150, 165, 95, 128, n=90)))
    shapes.append(("scalp", ellipse(150, 165, 95, 128, 188, 352, 50)))
    shapes.append(
        (
            "forehead",
            [
                *ellipse(150, 165, 95, 128, 198, 342, 40),
                (224.0, 118.0),
                (150.0, 126.0),
                (76.0, 118.0),
            ],
        )
    )
    for side, sign in (("right", -1), ("left", 1)):
        x = 150 + sign * 78
        shapes.append((f"temple-{side}", ellipse(x, 128, 13, 20, n=20)))
        shapes.append((f"eyelid-{side}", ellipse(150 + sign * 38, 145, 20, 9, n=24)))
        shapes.append((f"cheek-{side}", ellipse(150 + sign * 52, 196, 24, 28, n=28)))
    shapes.append(
        (
            "nose",
            [
                (143.0, 140.0),
                (157.0, 140.0),
                (162.0, 180.0),
                (172.0, 200.0),
                (160.0, 208.0),
                (150.0, 205.0),
                (140.0, 208.0),
                (128.0, 200.0),
                (138.0, 180.0),
            ],
        )
    )
    shapes.append(("lips", ellipse(150, 236, 30, 11, n=30)))
    shapes.append(("oral-mucosa", ellipse(150, 236, 22, 3.5, n=20)))
    shapes.append(
        (
            "chin",
            [
                *ellipse(150, 165, 95, 128, 62, 118, 16),
                (116.0, 262.0),
                (150.0, 254.0),
                (184.0, 262.0),
            ],
        )
    )
    return shapes


def hand(x: float, y: float, palm: bool, thumb_left: bool) -> list[tuple[str, list[Point]]]:
    """One hand, fingers up: (part, polygon) with part palm|hand-back|finger|fingernail|wrist."""
    parts: list[tuple[str, list[Point]]] = []
    parts.append(
        ("wrist", [(x - 26, y + 56), (x + 26, y + 56), (x + 24, y + 78), (x - 24, y + 78)])
    )
    parts.append(
        (
            "palm" if palm else "hand-back",
            [
                *ellipse(x, y + 8, 32, 14, 180, 360, 14),
                (x + 32, y + 30),
                (x + 27, y + 58),
                (x - 27, y + 58),
                (x - 32, y + 30),
            ],
        )
    )
    order = 1 if thumb_left else -1  # index finger by the thumb, little finger outside
    for dx, length in ((-23, 44), (-8, 52), (8, 49), (22, 38)):
        fx, top = x + order * dx, y - length
        finger = [(fx - 7, y + 2), *ellipse(fx, top + 7, 7, 7, 180, 360, 10), (fx + 7, y + 2)]
        parts.append(("finger", finger))
        if not palm:
            parts.append(
                (
                    "fingernail",
                    [
                        *ellipse(fx, top + 7, 4.5, 4.5, 180, 360, 8),
                        (fx + 4.5, top + 16),
                        (fx - 4.5, top + 16),
                    ],
                )
            )
    sign = -1 if thumb_left else 1
    tip = (x + sign * 52, y + 4)
    parts.append(("finger", capsule((x + sign * 24, y + 44), tip, 7.5)))
    if not palm:
        parts.append(("fingernail", ellipse(tip[0], tip[1], 4.5, 4.5, n=10)))
    return parts


def hands_view() -> list[Shape]:
    """Palms (top row) and backs (bottom row) of both hands (420 x 330)."""
    shapes: list[Shape] = []
    # Fingers up, the palms facing the viewer (the backs from behind): thumbs point outwards.
    for side, x, palm, thumb_left, y in (
        ("right", 105.0, True, True, 72.0),
        ("left", 315.0, True, False, 72.0),
        ("left", 105.0, False, True, 235.0),
        ("right", 315.0, False, False, 235.0),
    ):
        for part, pts in hand(x, y, palm, thumb_left):
            shapes.append((f"{part}-{side}", pts))
    return shapes


def foot(x: float, y: float, sole: bool, big_toe_left: bool) -> list[tuple[str, list[Point]]]:
    parts: list[tuple[str, list[Point]]] = []
    sign = 1 if big_toe_left else -1  # the big toe goes on the inner side, by the other foot
    if not sole:
        parts.append(
            ("ankle", [(x - 22, y + 78), (x + 22, y + 78), (x + 20, y + 100), (x - 20, y + 100)])
        )
    body = [
        *ellipse(x, y + 6, 34, 16, 180, 360, 16),
        (x + 34, y + 30),
        (x + 27, y + 80),
        *ellipse(x, y + 80, 27, 18 if sole else 2, 0, 180, 12),
        (x - 27, y + 80),
        (x - 34, y + 30),
    ]
    parts.append(("sole" if sole else "foot-dorsum", body))
    for dx, r in ((-24, 6.5), (-11, 6.5), (1, 6.5), (13, 7), (27, 10)):
        tx = x - sign * dx
        ty = y - 8 - (r - 6) * 1.5
        toe = ellipse(tx, ty, r, r + 3, n=16)
        parts.append(("toe", toe))
        if not sole:
            parts.append(("toenail", ellipse(tx, ty - r * 0.4, r * 0.55, r * 0.6, n=12)))
    return parts


def feet_view() -> list[Shape]:
    """Tops of both feet (top row) and both soles (bottom row) (360 x 340)."""
    shapes: list[Shape] = []
    for side, x, y, sole, big_left in (
        ("right", 95.0, 60.0, False, False),
        ("left", 265.0, 60.0, False, True),
        ("left", 95.0, 225.0, True, False),
        ("right", 265.0, 225.0, True, True),
    ):
        for part, pts in foot(x, y, sole, big_left):
            shapes.append((f"{part}-{side}", pts))
    return shapes


# --- writing --------------------------------------------------------------------------------

VIEWS: dict[str, tuple[Callable[[], list[Shape]], tuple[int, int], str]] = {
    "front": (
        front_view,
        (200, 440),
        "front view; the patient's right side is on the viewer's left",
    ),
    "back": (back_view, (200, 440), "back view; the patient's left side is on the viewer's left"),
    "left": (left_view, (200, 440), "the patient's left side; the face looks to the viewer's left"),
    "right": (
        right_view,
        (200, 440),
        "the patient's right side; the face looks to the viewer's right",
    ),
}
CLOSE_UP_VIEWS: dict[str, tuple[Callable[[], list[Shape]], tuple[int, int], str]] = {
    "head": (
        head_view,
        (300, 340),
        "face and scalp; the patient's right side is on the viewer's left",
    ),
    "hands": (hands_view, (420, 330), "palms (top) and backs (bottom) of both hands, fingers up"),
    "feet": (feet_view, (360, 340), "tops of both feet (top) and both soles (bottom), toes up"),
}


def svg(
    shapes: list[Shape],
    size: tuple[int, int],
    about: str,
    warp: Callable[[float, float], Point] | None,
) -> str:
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size[0]} {size[1]}" width="{size[0]}" height="{size[1]}">',
        f"  <!-- PixioDoc body map, {about} (drawn for PixioDoc by tools/draw_body_map.py).",
        "       Each polygon is one body site of clinic/records/body_sites.py: its id is site: and the",
        "       code (a #n suffix tells apart the parts of one site). -->",
        f'  <g fill="{FILL}" stroke="{STROKE}" stroke-width="0.8" stroke-linejoin="round">',
    ]
    seen: dict[str, int] = {}
    for code, pts in shapes:
        seen[code] = seen.get(code, 0) + 1
        ident = code if seen[code] == 1 else f"{code}#{seen[code]}"
        if warp is not None:
            pts = [warp(x, y) for x, y in pts]
        text = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
        lines.append(f'    <polygon id="site:{ident}" points="{text}"/>')
    lines += ["  </g>", "</svg>", ""]
    return "\n".join(lines)


def main() -> None:
    for outline in BodyOutline:
        folder = MAP_DIR / outline.value
        folder.mkdir(parents=True, exist_ok=True)
        for name, (draw, size, about) in VIEWS.items():
            warp = WARPS[outline].forward
            who = "" if outline is BodyOutline.NEUTRAL else f"{outline.value} figure, "
            (folder / f"{name}.svg").write_text(
                svg(draw(), size, who + about, warp), encoding="utf-8"
            )
    folder = MAP_DIR / "close-ups"
    folder.mkdir(parents=True, exist_ok=True)
    for name, (draw, size, about) in CLOSE_UP_VIEWS.items():
        (folder / f"{name}.svg").write_text(svg(draw(), size, about, None), encoding="utf-8")


if __name__ == "__main__":
    main()
