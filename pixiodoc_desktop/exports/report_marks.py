"""A second opinion's marks drawn onto a report's copy of a photo (the stored photo is
never changed): arrows and circles, given in the photo's own pixels, scaled to the copy."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from PIL import Image, ImageDraw

from pixiodoc_desktop.clinic.records.second_opinions import PhotoMark

MARK = (255, 212, 0)
OUTLINE = (20, 20, 20)


def with_marks(data: bytes, marks: Sequence[PhotoMark], photo_width: int) -> bytes:
    """The image (JPEG) with `marks` drawn on it; the image itself when there are none."""
    if not marks or photo_width <= 0:
        return data
    with Image.open(io.BytesIO(data)) as opened:
        image = opened.convert("RGB")
    factor = image.width / photo_width
    draw = ImageDraw.Draw(image)
    thick = max(3, image.width // 160)
    for colour, width in ((OUTLINE, thick + 2), (MARK, thick)):
        for mark in marks:
            (x1, y1), (x2, y2) = ((x * factor, y * factor) for x, y in mark.points)
            if mark.kind == "circle":
                radius = math.hypot(x2 - x1, y2 - y1)
                draw.ellipse(
                    [x1 - radius, y1 - radius, x1 + radius, y1 + radius],
                    outline=colour,
                    width=width,
                )
                continue
            draw.line([x1, y1, x2, y2], fill=colour, width=width)
            angle = math.atan2(y2 - y1, x2 - x1)
            size = max(6.0, image.width / 45)
            head = [
                (x2, y2),
                (x2 - size * math.cos(angle + 0.45), y2 - size * math.sin(angle + 0.45)),
                (x2 - size * math.cos(angle - 0.45), y2 - size * math.sin(angle - 0.45)),
            ]
            draw.polygon(head, fill=colour)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()
