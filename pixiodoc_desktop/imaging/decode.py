"""Open and decode image bytes safely: the header first, pixels only once the size is
known to be within our limit, every decoder failure turned into one plain reason.

Pillow is used without ``Image.open``: the plugin for the type found by sniffing is
constructed directly, so Pillow never guesses a format from the content on its own and
never runs its decompression-bomb check before ours. ``ImageFile.LOAD_TRUNCATED_IMAGES``
must stay False (Pillow's default); JPEG truncation is caught by the marker walk too."""

from __future__ import annotations

import io
import struct
from typing import cast

import cv2
import numpy as np
import numpy.typing as npt
from PIL import (
    BmpImagePlugin,
    Image,
    ImageFile,
    PngImagePlugin,
    TiffImagePlugin,
    WebPImagePlugin,
)

from pixiodoc_desktop.errors import DamagedImage, ImageTooLarge, UnsupportedImage
from pixiodoc_desktop.imaging.metadata import without_orientation
from pixiodoc_desktop.imaging.sniff import ImageType

_PLUGINS: dict[ImageType, type[ImageFile.ImageFile]] = {
    ImageType.PNG: PngImagePlugin.PngImageFile,
    ImageType.TIFF: TiffImagePlugin.TiffImageFile,
    ImageType.WEBP: WebPImagePlugin.WebPImageFile,
    ImageType.BMP: BmpImagePlugin.BmpImageFile,
}

# What decoders raise on hostile input. Warnings appear here only when they are
# turned into errors (``-W error``); normally Pillow merely warns and carries on.
DECODER_FAILURES: tuple[type[BaseException], ...] = (
    OSError,
    SyntaxError,
    ValueError,
    TypeError,
    IndexError,
    KeyError,
    EOFError,
    struct.error,
    ArithmeticError,
    RuntimeError,
    cv2.error,
    Warning,
)
_TOO_LARGE = (Image.DecompressionBombError, Image.DecompressionBombWarning, MemoryError)


def plugin_for(kind: ImageType, source_name: str) -> type[ImageFile.ImageFile]:
    if kind is ImageType.HEIC:
        plugin = _heif_plugin()
        if plugin is None:
            msg = (
                f"{source_name} is a HEIC image, but HEIC support is not installed "
                "on this computer (the pillow-heif package)"
            )
            raise UnsupportedImage(msg)
        return plugin
    return _PLUGINS[kind]


def _heif_plugin() -> type[ImageFile.ImageFile] | None:
    """pillow-heif's Pillow plugin class, imported on first use; None where not installed."""
    try:
        # Imported here: an optional dependency, loaded only when a HEIC file arrives.
        import pillow_heif
        from pillow_heif import as_plugin

        pillow_heif.libheif_info()  # raises when the compiled part is missing
    except (ImportError, OSError, RuntimeError):
        return None
    plugin: type[ImageFile.ImageFile] = as_plugin.HeifImageFile
    return plugin


def raise_pillow_limit(max_pixels: int) -> None:
    # Our own limit is checked before any pixel is decoded. Pillow's global limit
    # (about 89 megapixels by default) is only ever raised to ours, never disabled,
    # so that its load-time check (TIFF has one) cannot warn about an accepted image.
    current = Image.MAX_IMAGE_PIXELS
    if current is not None and current < max_pixels:
        Image.MAX_IMAGE_PIXELS = max_pixels


def open_header(
    plugin: type[ImageFile.ImageFile], data: bytes, kind: ImageType, source_name: str
) -> ImageFile.ImageFile:
    """Parse the header only: the size is known, no pixel is decoded yet."""
    try:
        return plugin(io.BytesIO(data))
    except _TOO_LARGE as error:
        raise _too_large_to_open(source_name) from error
    except DECODER_FAILURES as error:
        raise damaged(source_name, kind, error) from error


def load_pixels(image: Image.Image, kind: ImageType, source_name: str) -> None:
    try:
        image.load()
    except _TOO_LARGE as error:
        raise _too_large_to_open(source_name) from error
    except DECODER_FAILURES as error:
        raise damaged(source_name, kind, error) from error


def checked_size(image: Image.Image, source_name: str, max_pixels: int) -> tuple[int, int]:
    width, height = image.size
    if width <= 0 or height <= 0:
        msg = f"{source_name} is damaged: it declares a size of {width} x {height} pixels"
        raise DamagedImage(msg)
    if width * height > max_pixels:
        msg = (
            f"{source_name} is too large: {width} x {height} pixels "
            f"(limit {max_pixels / 1_000_000:g} megapixels)"
        )
        raise ImageTooLarge(msg)
    return width, height


def damaged(source_name: str, kind: ImageType, error: BaseException) -> DamagedImage:
    # The decoder's own text is often cryptic; it only picks one of two plain reasons.
    text = str(error).lower()
    if isinstance(error, EOFError) or any(
        word in text for word in ("truncated", "end of file", "eof", "ran out", "too short")
    ):
        reason = f"the {kind.label} data ends early (truncated file)"
    else:
        reason = f"the {kind.label} data is corrupt and cannot be decoded"
    return DamagedImage(f"{source_name} is damaged: {reason}")


def _too_large_to_open(source_name: str) -> ImageTooLarge:
    return ImageTooLarge(f"{source_name} is too large to open with the memory available")


def is_deep_colour(image: ImageFile.ImageFile) -> bool:
    """16 bits per channel in colour, which Pillow would cut down to 8 bits."""
    if image.mode.startswith("I") or not image.tile:
        return False
    args = image.tile[0].args
    rawmode = args[0] if isinstance(args, tuple) and args else args
    return isinstance(rawmode, str) and ";16" in rawmode


def decode_deep_colour(
    data: bytes, image: ImageFile.ImageFile, kind: ImageType, source_name: str
) -> npt.NDArray[np.uint16]:
    """16-bit colour pixels (BGR or BGRA) decoded by OpenCV, checked against the header."""
    try:
        unturned = np.frombuffer(without_orientation(data), np.uint8)
        pixels = cv2.imdecode(unturned, cv2.IMREAD_UNCHANGED)
    except DECODER_FAILURES as error:
        raise damaged(source_name, kind, error) from error
    if (
        pixels is None
        or pixels.dtype != np.uint16
        or pixels.ndim != 3
        or pixels.shape[2] not in (3, 4)
        # Pillow may report a TIFF's size already turned by its orientation tag.
        or pixels.shape[:2] not in ((image.height, image.width), (image.width, image.height))
    ):
        msg = f"{source_name} is damaged: the {kind.label} data is corrupt and cannot be decoded"
        raise DamagedImage(msg)
    return cast("npt.NDArray[np.uint16]", pixels)
