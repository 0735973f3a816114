"""A scale bar drawn on a report's photo: "5 mm" as a ruler, not a px/mm figure.

The bar's length is a round number of millimetres (1, 2, 5, 10, 20, 50)
that takes about a sixth of the picture's width; white with a dark edge so
that it reads on any skin. Drawn on an in-memory copy only.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFont

_LENGTHS_MM = (0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0)


def ruler_length_mm(px_per_mm: float, width_px: int) -> float:
    """The round length whose bar comes nearest to a sixth of the width."""
    goal = width_px / 6
    return min(_LENGTHS_MM, key=lambda mm: abs(mm * px_per_mm - goal))


def with_ruler(data: bytes, px_per_mm: float, label: Callable[[float], str]) -> tuple[bytes, float]:
    """The image (JPEG) with a scale bar in its lower left corner, and the bar's length in mm.

    `px_per_mm` is the calibration of this very image (scaled to its size);
    `label` says a length in mm ("5 mm", "0,5 mm") in the reader's language.
    """
    with Image.open(io.BytesIO(data)) as opened:
        image = opened.convert("RGB")
    length = ruler_length_mm(px_per_mm, image.width)
    bar = max(2, round(length * px_per_mm))
    thick = max(3, image.width // 150)
    margin = max(8, image.width // 40)
    x0, y1 = margin, image.height - margin
    y0 = y1 - thick
    draw = ImageDraw.Draw(image)
    size = max(10, image.width // 40)
    font = ImageFont.load_default(size=size)
    text = label(length)
    draw.rectangle([x0 - 2, y0 - 2, x0 + bar + 2, y1 + 2], fill=(20, 20, 20))
    draw.rectangle([x0, y0, x0 + bar, y1], fill=(255, 255, 255))
    text_y = y0 - thick - size - 2
    draw.text(
        (x0, text_y),
        text,
        fill=(255, 255, 255),
        font=font,
        stroke_width=2,
        stroke_fill=(20, 20, 20),
    )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue(), length
