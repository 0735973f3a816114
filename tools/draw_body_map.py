"""Draw PixioDoc's body map (resources/body_map/*/*.svg): our own drawing, from shapes.

The neutral adult figure is drawn here from ellipses and tapered limbs, region by region,
each polygon's id ``site:<code>`` of the body-site vocabulary; the male, female and child
figures are the neutral one warped by `clinic.records.body_outlines.WARPS` (the warp that
also places the lesions on them); the face, hands and feet close-ups are one drawing for
every figure. The front and back keep the landmarks places have always been stored by
(head 11-65, shoulders 80, hips 206, knees 300-326, feet to 436 of a 200 x 440 view).

    PYTHONPATH=. python tools/draw_body_map.py        # rewrites the SVGs

The shapes are body_map_shapes.py, the figure body_map_figure.py, the close-ups
body_map_close_ups.py; this script lays them out and writes the SVGs.
"""

from __future__ import annotations

from collections.abc import Callable

from body_map_close_ups import feet_view, hands_view, head_view
from body_map_figure import back_view, front_view, left_view, right_view
from body_map_shapes import Point, Shape

from pixiodoc_desktop.clinic.records.body_outlines import (
    MAP_DIR,
    WARPS,
    BodyOutline,
)

FILL, STROKE = "#f3e3d6", "#8a6f5f"


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
