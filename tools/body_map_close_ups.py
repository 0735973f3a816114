"""The body map's close-ups (tools/draw_body_map.py), one drawing for every figure: the
face with the scalp, both hands' palms and backs, both feet's tops and soles."""

from __future__ import annotations

from body_map_shapes import Point, Shape, capsule, ellipse

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
