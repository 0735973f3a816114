"""Image work for the compare view, run on the image pool (never on the GUI thread).

Photos arrive as decrypted screen-size JPEG bytes; here they are decoded,
aligned (unless an alignment is stored), laid into the earlier photo's
frame, normalised if asked, turned into a difference heat map, and handed
back as paintable QImages. Alignments are kept in *original* photo pixels,
so that they hold for any preview size.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray
from PySide6.QtGui import QImage

from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.errors import AlignmentFailed, DamagedImage
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.imaging.alignment import (
    Alignment,
    align,
    aligned_pair,
    rescale_homography,
)
from pixiodoc_desktop.imaging.compose import difference_magnitude, heat_map
from pixiodoc_desktop.imaging.normalise import normalise_to

U8 = NDArray[np.uint8]


def decode(data: bytes) -> U8:
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise DamagedImage("A compared photo could not be decoded.")
    return np.asarray(image, dtype=np.uint8)


def to_qimage(bgr: U8) -> QImage:
    """A deep copy in Format_RGB32 (B, G, R, 0xff in memory), painted without conversion."""
    bgra = np.ascontiguousarray(cv2.cvtColor(bgr, cv2.COLOR_BGR2BGRA))
    height, width = bgra.shape[:2]
    image = QImage(bgra.data, width, height, bgra.strides[0], QImage.Format.Format_RGB32)
    return image.copy()


@dataclass(frozen=True, slots=True)
class Decoded:
    """Both photos decoded at preview size, with their records."""

    before: PhotoSummary
    after: PhotoSummary
    before_image: U8
    after_image: U8


@dataclass(frozen=True, slots=True)
class Display:
    """What the canvas paints, made off the GUI thread."""

    before: QImage
    after: QImage
    heat: QImage | None  # made only when the difference mode asks for it
    after_to_frame: NDArray[np.float64]  # later original -> earlier original pixels
    alignment: Alignment | None
    failure: str  # why alignment failed ("" when it did not)


def _size(image: U8) -> tuple[int, int]:
    return (int(image.shape[1]), int(image.shape[0]))


def find_alignment(decoded: Decoded) -> Alignment:
    """Align the previews, then express the fit in original pixels."""
    found = align(decoded.before_image, decoded.after_image)
    homography = rescale_homography(
        found.homography,
        _size(decoded.after_image),
        (decoded.after.width, decoded.after.height),
        _size(decoded.before_image),
        (decoded.before.width, decoded.before.height),
    )
    return Alignment(homography, found.quality, manual=False, refined=found.refined)


def unaligned_homography(decoded: Decoded) -> NDArray[np.float64]:
    """The later photo simply scaled onto the earlier one's frame (original pixels)."""
    sx = decoded.before.width / max(1, decoded.after.width)
    sy = decoded.before.height / max(1, decoded.after.height)
    return np.diag([sx, sy, 1.0])


def make_display(
    decoded: Decoded,
    alignment: Alignment | None,
    *,
    aligned: bool,
    normalised: bool,
    find: bool,
    heat: bool = False,
) -> Display:
    """Align if asked and nothing is stored, then build the paintable pair."""
    failure = ""
    if aligned and alignment is None and find:
        try:
            alignment = find_alignment(decoded)
        except AlignmentFailed as error:
            failure = error_text(error)
    use = alignment if aligned and alignment is not None else None
    to_frame = use.homography if use is not None else unaligned_homography(decoded)
    preview_h = rescale_homography(
        to_frame,
        (decoded.after.width, decoded.after.height),
        _size(decoded.after_image),
        (decoded.before.width, decoded.before.height),
        _size(decoded.before_image),
    )
    before, after, mask = aligned_pair(decoded.before_image, decoded.after_image, preview_h)
    even = normalise_to(before, after, mask) if normalised or heat else after
    if normalised:
        after = even
    # The heat map always compares evened-out colours: a change of lamp is not a change of skin.
    heat_image = heat_map(before, difference_magnitude(before, even, mask)) if heat else None
    return Display(
        to_qimage(before),
        to_qimage(after),
        None if heat_image is None else to_qimage(heat_image),
        np.asarray(to_frame, dtype=np.float64),
        alignment,
        failure,
    )
