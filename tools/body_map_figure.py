"""The neutral adult figure of the body map (tools/draw_body_map.py), region by region:
front and back, and the left side (the right side is its mirror image). The front and
back keep the landmarks places have always been stored by (head 11-65, shoulders 80,
hips 206, knees 300-326, feet to 436 of a 200 x 440 view)."""

from __future__ import annotations

from body_map_shapes import Limb, Point, Shape, ellipse, interp, mirror, side_code

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


NECK: tuple[Point, ...] = (
    (91.0, 56.0),
    (109.0, 56.0),
    (109.5, 70.0),
    (111.5, 81.0),
    (100, 82.5),
    (88.5, 81.0),
    (90.5, 70.0),
)


def ears_and_neck(viewers_left: str, viewers_right: str) -> list[Shape]:
    """The ears (by the side of the patient they belong to) and the neck, front or back."""
    return [
        (f"ear-{viewers_left}", ellipse(79.5, 41, 3.6, 7.5)),
        (f"ear-{viewers_right}", ellipse(120.5, 41, 3.6, 7.5)),
        ("neck", list(NECK)),
    ]


def arm(limb: Limb, hand: str, fingertips: float) -> list[Shape]:
    """The arm's regions from the shoulder's end down to the fingertips, unsided."""
    return [
        ("upper-arm", limb.band(104, 158)),
        ("elbow", limb.band(158, 172)),
        ("forearm", limb.band(172, 207)),
        ("wrist", limb.band(207, 216)),
        (hand, hand_outline(limb, 216, fingertips)),
    ]


def both_sides(viewers_left: str, viewers_right: str, parts: list[Shape]) -> list[Shape]:
    """`parts` as drawn on the viewer's left for that side of the patient, then mirrored for
    the other side; each side followed by its shoulder."""
    shapes: list[Shape] = []
    for side, flip in ((viewers_left, False), (viewers_right, True)):
        shapes += [(side_code(code, side), mirror(pts) if flip else pts) for code, pts in parts]
        shapes.append((side_code("shoulder", side), shoulder(flip)))
    return shapes


def front_view() -> list[Shape]:
    shapes = ears_and_neck("right", "left")
    shapes.append(("forehead", ellipse(100, 38, 20.5, 27, 180, 360, 30)))
    shapes.append(("face", ellipse(100, 38, 20.5, 27, 0, 180, 30)))
    shapes.append(("chest", TRUNK.band(80, 142)))
    shapes.append(("abdomen", TRUNK.band(142, 206)))
    shapes.append(("umbilicus", ellipse(100, 171, 2.6, 3.2, n=16)))
    shapes.append(("breast-right", ellipse(84, 114, 9.5, 7.5, n=24)))
    shapes.append(("breast-left", ellipse(116, 112, 9.5, 7.5, n=24)))
    parts = [
        *arm(ARM, "palm", 253),
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
    shapes += both_sides("right", "left", parts)
    shapes.append(
        (
            "genitalia",
            [(93.0, 206.0), (107.0, 206.0), (104.0, 217.0), (100.0, 224.0), (96.0, 217.0)],
        )
    )
    return shapes


def back_view() -> list[Shape]:
    """Seen from behind: the patient's left side is on the viewer's left."""
    shapes = ears_and_neck("left", "right")
    shapes.append(("scalp", ellipse(100, 38, 20.5, 27, n=60)))
    shapes.append(("upper-back", TRUNK.band(80, 142)))
    shapes.append(("lower-back", TRUNK.band(142, 206)))
    shapes.append(("sacrum", [(93.0, 190.0), (107.0, 190.0), (100.0, 206.0)]))
    parts = [
        *arm(ARM, "hand-back", 253),
        ("buttock", LEG.band(206, 246)),
        ("thigh", LEG.band(246, 300)),
        ("popliteal-fossa", LEG.band(300, 326)),
        ("calf", LEG.band(326, 408)),
        ("ankle", LEG.band(408, 436)),
    ]
    shapes += both_sides("left", "right", parts)
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
    shapes += [(side_code(code, side), pts) for code, pts in arm(SIDE_ARM, "hand-back", 252)]
    return shapes


def right_view() -> list[Shape]:
    return [(code, mirror(pts)) for code, pts in left_view("right")]
