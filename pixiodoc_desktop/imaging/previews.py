"""The thumbnail and screen preview of a photo: 8-bit, upright, in sRGB, JPEG without any
metadata. Scaled before they are turned, because turning the small pictures is cheaper."""

from __future__ import annotations

import functools
import io
from typing import Any

import numpy as np
import numpy.typing as npt
from PIL import Image

from pixiodoc_desktop.imaging.orientation import oriented

THUMBNAIL_EDGE = 256
SCREEN_EDGE = 2048
# A JPEG is decoded at 1/2, 1/4 or 1/8 scale for its previews when the screen preview
# still gets at least this long an edge ("about 2000 px"); 4000 x 3000 -> 2000 x 1500.
_SCREEN_MIN_EDGE = 1600
_SCREEN_QUALITY = 85
_THUMBNAIL_QUALITY = 80
# Pillow's reducing_gap: a box reduction by whole factors first, then Lanczos over what
# is left (at most this ratio). 2.0 for the screen preview; the 256 px thumbnail, made
# from the screen preview, takes 1.5: 52.7 dB PSNR against a full Lanczos, 4.5 instead
# of 7.8 ms CPU a photo on a 2000 x 1500 preview (issue 19, ingest).
_SCREEN_GAP = 2.0
_THUMBNAIL_GAP = 1.5


def jpeg_preview_scale(width: int, height: int) -> int:
    long_edge = max(width, height)
    for scale in (8, 4, 2):
        if long_edge // scale >= _SCREEN_MIN_EDGE:
            return scale
    return 1


def display_pixels(image: Image.Image) -> Image.Image:
    """8-bit grey or RGB for the previews; transparency shown over white."""
    mode = image.mode
    if mode in ("RGB", "L"):
        return image
    if mode.startswith("I"):
        values = np.asarray(image).astype(np.uint32)
        return Image.fromarray((values >> 8).clip(0, 255).astype(np.uint8))
    if mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return image.convert("RGB")


def display_from_deep(pixels: npt.NDArray[np.uint16]) -> Image.Image:
    """8-bit RGB from 16-bit BGR(A); transparency shown over white."""
    eight = (pixels >> 8).astype(np.uint8)
    rgb = eight[:, :, 2::-1]
    if pixels.shape[2] == 4:
        alpha = eight[:, :, 3:4].astype(np.uint32)
        blended = (rgb * alpha + 255 * (255 - alpha) + 127) // 255
        rgb = blended.astype(np.uint8)
    return Image.fromarray(np.ascontiguousarray(rgb))


def previews(display: Image.Image, orientation: int, icc: bytes | None) -> tuple[bytes, bytes]:
    """(screen, thumbnail) JPEGs from 8-bit pixels: upright, in sRGB, without metadata."""
    # Scaled first and turned last: turning the small pictures is cheaper.
    screen = _fitted(display, SCREEN_EDGE, _SCREEN_GAP)
    if icc is not None:
        screen = _in_srgb(screen, icc)
    thumbnail = _fitted(screen, THUMBNAIL_EDGE, _THUMBNAIL_GAP)
    return (
        _jpeg(oriented(screen, orientation), _SCREEN_QUALITY),
        _jpeg(oriented(thumbnail, orientation), _THUMBNAIL_QUALITY),
    )


def _fitted(image: Image.Image, edge: int, reducing_gap: float) -> Image.Image:
    width, height = image.size
    if max(width, height) <= edge:
        return image
    factor = edge / max(width, height)
    size = (max(1, round(width * factor)), max(1, round(height * factor)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=reducing_gap)


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.info = {}  # a JPEG comment in info would otherwise be written
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def _in_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    """The preview converted from the photo's colour profile to sRGB, which viewers assume."""
    if image.mode != "RGB":
        return image
    try:
        # Imported here: the littlecms part of Pillow is optional in some builds.
        from PIL import ImageCms

        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if ImageCms.getProfileDescription(source).strip().startswith("sRGB"):
            return image
        converted = ImageCms.profileToProfile(image, source, _srgb(), outputMode="RGB")
    except (ImportError, OSError, ValueError, TypeError, _cms_error()):
        return image
    return converted if converted is not None else image


@functools.cache
def _srgb() -> Any:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _cms_error() -> type[Exception]:
    try:
        from PIL import ImageCms
    except ImportError:
        return OSError
    return ImageCms.PyCMSError
