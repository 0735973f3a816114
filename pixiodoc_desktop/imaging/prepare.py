"""Turn the bytes of a photo into what the vault stores: the original pixels without
identifying metadata, the facts the timeline needs, and a thumbnail and screen preview.

Every image entering PixioDoc (file import, camera, hot folder) passes through
``prepare_image``; it refuses anything that is not a whole, safely sized image with an
``IngestError`` whose message names the file and the reason. Nothing here touches the
disk, the database or the network. Decoding safely is ``decode``, turning upright
``orientation``, the stored PNG ``stored`` and the previews ``previews``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt
from PIL import JpegImagePlugin

from pixiodoc_desktop.errors import DamagedImage, ImageTooLarge, UnsupportedImage
from pixiodoc_desktop.imaging.decode import (
    checked_size,
    decode_deep_colour,
    is_deep_colour,
    load_pixels,
    open_header,
    plugin_for,
    raise_pillow_limit,
)
from pixiodoc_desktop.imaging.frames import refuse_several_pictures
from pixiodoc_desktop.imaging.metadata import (
    JpegStructureError,
    PhotoFacts,
    build_exif,
    read_photo_facts,
    split_jpeg,
)
from pixiodoc_desktop.imaging.orientation import (
    displayed_size,
    orientation_left_after_load,
    oriented,
    oriented_array,
)
from pixiodoc_desktop.imaging.previews import (
    SCREEN_EDGE,
    THUMBNAIL_EDGE,
    display_from_deep,
    display_pixels,
    jpeg_preview_scale,
    previews,
)
from pixiodoc_desktop.imaging.sniff import (
    ACCEPTED_LABELS,
    SNIFF_LENGTH,
    ImageType,
    describe_non_image,
    detect_image_type,
)
from pixiodoc_desktop.imaging.stored import icc_profile, png_from_array, png_from_image, storable

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_PIXELS",
    "SCREEN_EDGE",
    "THUMBNAIL_EDGE",
    "PreparedImage",
    "prepare_frame",
    "prepare_image",
]

DEFAULT_MAX_PIXELS = 100_000_000
DEFAULT_MAX_BYTES = 300 * 1024 * 1024
_FRAME_QUALITY = 95


@dataclass(frozen=True, slots=True)
class PreparedImage:
    """One photo, ready to be encrypted into the vault."""

    stored: bytes  # the image kept in the vault: original pixels, identifying metadata removed
    media_type: str  # of `stored`, e.g. "image/jpeg", "image/png"
    width: int  # as displayed (after EXIF orientation)
    height: int
    bit_depth: int  # 8 or 16 per channel
    captured_at: datetime | None  # EXIF DateTimeOriginal (aware if the offset is known)
    camera_make: str | None
    camera_model: str | None
    thumbnail: bytes  # JPEG, long edge <= THUMBNAIL_EDGE, oriented, no metadata at all
    screen: bytes  # JPEG, long edge <= SCREEN_EDGE, oriented, no metadata at all


_FactsOverride = Callable[[PhotoFacts], PhotoFacts]


def prepare_image(
    data: bytes,
    *,
    source_name: str,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> PreparedImage:
    """Check, clean and preview one image file's bytes; ``source_name`` is only for messages.

    Raises UnsupportedImage, DamagedImage or ImageTooLarge (all IngestError)."""
    return _prepare(data, source_name, max_pixels, max_bytes, override=None)


def prepare_frame(
    frame: npt.NDArray[np.uint8],
    *,
    source_name: str,
    captured_at: datetime | None,
    camera_model: str | None,
) -> PreparedImage:
    """A camera frame (BGR, OpenCV order, or grey) as a JPEG (quality 95), prepared like a file."""
    pixels = _checked_frame(frame, source_name)
    ok, encoded = cv2.imencode(".jpg", pixels, [cv2.IMWRITE_JPEG_QUALITY, _FRAME_QUALITY])
    if not ok:
        msg = f"{source_name} could not be saved as a JPEG picture"
        raise DamagedImage(msg)

    def from_camera(facts: PhotoFacts) -> PhotoFacts:
        return facts.with_camera(captured_at=captured_at, camera_model=camera_model)

    return _prepare(
        encoded.tobytes(), source_name, DEFAULT_MAX_PIXELS, DEFAULT_MAX_BYTES, override=from_camera
    )


def _checked_frame(frame: npt.NDArray[Any], source_name: str) -> npt.NDArray[np.uint8]:
    if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8:
        msg = f"{source_name} is not a camera picture PixioDoc accepts: expected 8-bit pixels"
        raise UnsupportedImage(msg)
    if frame.size == 0 or not (
        frame.ndim == 2 or (frame.ndim == 3 and frame.shape[2] in (1, 3, 4))
    ):
        msg = (
            f"{source_name} is not a camera picture PixioDoc accepts: "
            f"expected a grey or BGR frame, got shape {frame.shape}"
        )
        raise UnsupportedImage(msg)
    if frame.ndim == 3 and frame.shape[2] == 4:
        return np.ascontiguousarray(frame[:, :, :3])
    return frame


def _prepare(
    data: bytes,
    source_name: str,
    max_pixels: int,
    max_bytes: int,
    override: _FactsOverride | None,
) -> PreparedImage:
    if not data:
        msg = f"{source_name} is empty (0 bytes)"
        raise UnsupportedImage(msg)
    if len(data) > max_bytes:
        msg = f"{source_name} is too large: {_megabytes(len(data))} (limit {_megabytes(max_bytes)})"
        raise ImageTooLarge(msg)
    kind = detect_image_type(data[:SNIFF_LENGTH])
    if kind is None:
        msg = (
            f"{source_name} is not an image PixioDoc accepts: it looks like "
            f"{describe_non_image(data[:SNIFF_LENGTH])} (accepted: {ACCEPTED_LABELS})"
        )
        raise UnsupportedImage(msg)
    raise_pillow_limit(max_pixels)
    if kind is ImageType.JPEG:
        return _prepare_jpeg(data, source_name, max_pixels, override)
    return _prepare_lossless(data, kind, source_name, max_pixels, override)


def _prepare_jpeg(
    data: bytes, source_name: str, max_pixels: int, override: _FactsOverride | None
) -> PreparedImage:
    """JPEG keeps its entropy-coded data byte for byte; only marker segments change."""
    try:
        layout = split_jpeg(data)
    except JpegStructureError as error:
        msg = f"{source_name} is damaged: {error.reason}"
        raise DamagedImage(msg) from error
    facts = read_photo_facts(layout.exif)
    if override is not None:
        facts = override(facts)
    stored = layout.rebuild(build_exif(facts))

    image = open_header(JpegImagePlugin.JpegImageFile, stored, ImageType.JPEG, source_name)
    width, height = checked_size(image, source_name, max_pixels)
    # Decode once, at reduced scale: libjpeg still reads every entropy-coded byte, so a
    # damaged file is still refused, and the result is the screen preview.
    scale = jpeg_preview_scale(width, height)
    if scale > 1:
        image.draft("RGB", (max(1, width // scale), max(1, height // scale)))
    load_pixels(image, ImageType.JPEG, source_name)
    screen, thumbnail = previews(display_pixels(image), facts.orientation, icc_profile(image))
    shown_width, shown_height = displayed_size(width, height, facts.orientation)
    return PreparedImage(
        stored=stored,
        media_type=ImageType.JPEG.value,
        width=shown_width,
        height=shown_height,
        bit_depth=8,
        captured_at=facts.captured_at,
        camera_make=facts.camera_make,
        camera_model=facts.camera_model,
        thumbnail=thumbnail,
        screen=screen,
    )


def _prepare_lossless(
    data: bytes,
    kind: ImageType,
    source_name: str,
    max_pixels: int,
    override: _FactsOverride | None,
) -> PreparedImage:
    """Everything but JPEG is decoded, turned upright and stored as a metadata-free PNG."""
    image = open_header(plugin_for(kind, source_name), data, kind, source_name)
    checked_size(image, source_name, max_pixels)
    refuse_several_pictures(image, kind, source_name)
    # A TIFF file is its own EXIF structure; other formats carry an EXIF block.
    exif = data if kind is ImageType.TIFF else image.info.get("exif")
    facts = read_photo_facts(exif if isinstance(exif, bytes) else None)
    if override is not None:
        facts = override(facts)
    icc = icc_profile(image)

    if kind in (ImageType.PNG, ImageType.TIFF) and is_deep_colour(image):
        deep = oriented_array(decode_deep_colour(data, image, kind, source_name), facts.orientation)
        stored = png_from_array(deep, icc)
        display = display_from_deep(deep)
        bit_depth = 16
    else:
        load_pixels(image, kind, source_name)
        pixels, bit_depth = storable(image, source_name)
        pixels = oriented(pixels, orientation_left_after_load(image, facts.orientation))
        stored = png_from_image(pixels, icc)
        display = display_pixels(pixels)

    screen, thumbnail = previews(display, 1, icc)  # already upright
    return PreparedImage(
        stored=stored,
        media_type=ImageType.PNG.value,
        width=display.width,
        height=display.height,
        bit_depth=bit_depth,
        captured_at=facts.captured_at,
        camera_make=facts.camera_make,
        camera_model=facts.camera_model,
        thumbnail=thumbnail,
        screen=screen,
    )


def _megabytes(count: int) -> str:
    value = f"{count / (1024 * 1024):.1f}".removesuffix(".0")
    return f"{value} MB"
