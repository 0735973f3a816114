"""A one-page comparison handout (PNG or PDF) rendered with Pillow, no Qt.

The page is A4 landscape at 150 dpi: a title, the two photos side by side
with large date and "week N" labels, optional lines (measurements) and a
footer. The files carry no hidden metadata: the PNG has no text chunks and
no EXIF; the PDF holds one image and no document information beyond what
the format requires. Both are made in memory; the caller writes the bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageFont

from pixiodoc_desktop.errors import InvalidInput

PAGE = (1754, 1240)  # A4 landscape, 150 dpi
DPI = 150
_MARGIN = 70
_GAP = 40
_INK = (33, 37, 41)
_MUTED = (96, 103, 110)
_PAPER = (255, 255, 255)
_FRAME = (205, 208, 212)


class HandoutFormat(StrEnum):
    PNG = "png"
    PDF = "pdf"


@dataclass(frozen=True, slots=True)
class HandoutText:
    """Every word on the page, already in the clinic's language."""

    title: str
    before_label: str  # e.g. "14.03.2025 · Baseline"
    after_label: str  # e.g. "02.06.2025 · Week 11"
    lines: Sequence[str] = field(default=())  # measurements, notes
    footer: str = ""


def _font(size: int) -> Any:
    return ImageFont.load_default(size=size)


def _fit(image: NDArray[np.uint8], box: tuple[int, int]) -> Image.Image:
    height, width = image.shape[:2]
    scale = min(box[0] / width, box[1] / height)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    rgb = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
    resized = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
    return Image.fromarray(resized)


def render_handout(
    before: NDArray[np.uint8], after: NDArray[np.uint8], text: HandoutText
) -> Image.Image:
    """The page as an RGB image; `before` and `after` are BGR photos (after already aligned)."""
    page = Image.new("RGB", PAGE, _PAPER)
    draw = ImageDraw.Draw(page)
    draw.text((_MARGIN, _MARGIN - 10), text.title, fill=_INK, font=_font(46))
    top = _MARGIN + 70
    lines_height = 44 * len(text.lines) + (40 if text.footer else 0)
    photo_h = PAGE[1] - top - 110 - lines_height - _MARGIN
    photo_w = (PAGE[0] - 2 * _MARGIN - _GAP) // 2
    for index, (photo, label) in enumerate(
        ((before, text.before_label), (after, text.after_label))
    ):
        left = _MARGIN + index * (photo_w + _GAP)
        fitted = _fit(photo, (photo_w, photo_h))
        x = left + (photo_w - fitted.width) // 2
        page.paste(fitted, (x, top))
        draw.rectangle(
            (x - 1, top - 1, x + fitted.width, top + fitted.height), outline=_FRAME, width=1
        )
        draw.text((x, top + fitted.height + 20), label, fill=_INK, font=_font(40))
    y = top + photo_h + 90
    for line in text.lines:
        draw.text((_MARGIN, y), line, fill=_INK, font=_font(30))
        y += 44
    if text.footer:
        draw.text((_MARGIN, PAGE[1] - _MARGIN), text.footer, fill=_MUTED, font=_font(24))
    return page


def encode_handout(page: Image.Image, fmt: HandoutFormat | str) -> bytes:
    """PNG or single-page PDF bytes with no metadata (no text chunks, no EXIF, no XMP)."""
    fmt = HandoutFormat(fmt)
    clean = Image.frombytes("RGB", page.size, page.convert("RGB").tobytes())
    buffer = io.BytesIO()
    if fmt is HandoutFormat.PNG:
        clean.save(buffer, format="PNG", optimize=False, compress_level=6)
    else:
        # No document information: Pillow skips entries given as None (dates included).
        clean.save(
            buffer,
            format="PDF",
            resolution=float(DPI),
            quality=92,
            title=None,
            creationDate=None,
            modDate=None,
        )
    return buffer.getvalue()


def png_text_chunks(data: bytes) -> list[bytes]:
    """The names of text-bearing chunks in a PNG (tEXt, zTXt, iTXt, eXIf): empty for ours."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise InvalidInput("Not a PNG file")
    found: list[bytes] = []
    offset = 8
    while offset + 8 <= len(data):
        length = int.from_bytes(data[offset : offset + 4], "big")
        kind = data[offset + 4 : offset + 8]
        if kind in (b"tEXt", b"zTXt", b"iTXt", b"eXIf"):
            found.append(kind)
        offset += 12 + length
    return found
