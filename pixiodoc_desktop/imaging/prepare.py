"""Turn the bytes of a photo into what the vault stores: the original pixels without
identifying metadata, the facts the timeline needs, and a thumbnail and screen preview.

Every image entering PixioDoc (file import, camera, hot folder) passes through
``prepare_image``; it refuses anything that is not a whole, safely sized image with an
``IngestError`` whose message names the file and the reason. Nothing here touches the
disk, the database or the network.

Pillow is used without ``Image.open``: the plugin for the type found by sniffing is
constructed directly, so Pillow never guesses a format from the content on its own and
never runs its decompression-bomb check before ours. ``ImageFile.LOAD_TRUNCATED_IMAGES``
must stay False (Pillow's default); JPEG truncation is caught by the marker walk too."""

from __future__ import annotations

import functools
import io
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

import cv2
import numpy as np
import numpy.typing as npt
from PIL import (
    BmpImagePlugin,
    Image,
    ImageFile,
    JpegImagePlugin,
    PngImagePlugin,
    TiffImagePlugin,
    WebPImagePlugin,
)

from pixiodoc_desktop.errors import DamagedImage, ImageTooLarge, UnsupportedImage
from pixiodoc_desktop.imaging.metadata import (
    JpegStructureError,
    PhotoFacts,
    build_exif,
    read_photo_facts,
    split_jpeg,
    without_orientation,
)
from pixiodoc_desktop.imaging.sniff import (
    ACCEPTED_LABELS,
    SNIFF_LENGTH,
    ImageType,
    describe_non_image,
    detect_image_type,
)

DEFAULT_MAX_PIXELS = 100_000_000
DEFAULT_MAX_BYTES = 300 * 1024 * 1024
THUMBNAIL_EDGE = 256
SCREEN_EDGE = 2048

# A JPEG is decoded at 1/2, 1/4 or 1/8 scale for its previews when the screen preview
# still gets at least this long an edge ("about 2000 px"); 4000 x 3000 -> 2000 x 1500.
_SCREEN_MIN_EDGE = 1600
_SCREEN_QUALITY = 85
_THUMBNAIL_QUALITY = 80
_FRAME_QUALITY = 95
# zlib level for the stored PNG: on a 12 MP photo level 6 takes 1.8x the time of
# level 3 (3.4 s against 1.9 s) for 12 % less size; ingest speed matters more.
_PNG_COMPRESS_LEVEL = 3

_TAG_ORIENTATION = 0x0112

_PLUGINS: dict[ImageType, type[ImageFile.ImageFile]] = {
    ImageType.PNG: PngImagePlugin.PngImageFile,
    ImageType.TIFF: TiffImagePlugin.TiffImageFile,
    ImageType.WEBP: WebPImagePlugin.WebPImageFile,
    ImageType.BMP: BmpImagePlugin.BmpImageFile,
}

# Pillow modes that PNG stores as they are.
_PNG_MODES = frozenset({"1", "L", "LA", "P", "RGB", "RGBA", "I;16", "I;16B"})

# What decoders raise on hostile input. Warnings appear here only when they are
# turned into errors (``-W error``); normally Pillow merely warns and carries on.
_DECODER_FAILURES: tuple[type[BaseException], ...] = (
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


# --- the pipeline ----------------------------------------------------------------


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
    _raise_pillow_limit(max_pixels)
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

    image = _open(JpegImagePlugin.JpegImageFile, stored, ImageType.JPEG, source_name)
    width, height = _checked_size(image, source_name, max_pixels)
    # Decode once, at reduced scale: libjpeg still reads every entropy-coded byte, so a
    # damaged file is still refused, and the result is the screen preview.
    scale = _jpeg_preview_scale(width, height)
    if scale > 1:
        image.draft("RGB", (max(1, width // scale), max(1, height // scale)))
    _load(image, ImageType.JPEG, source_name)
    screen, thumbnail = _previews(_display_pixels(image), facts.orientation, _icc_profile(image))
    shown_width, shown_height = _displayed_size(width, height, facts.orientation)
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
    image = _open(_plugin_for(kind, source_name), data, kind, source_name)
    _checked_size(image, source_name, max_pixels)
    # A TIFF file is its own EXIF structure; other formats carry an EXIF block.
    exif = data if kind is ImageType.TIFF else image.info.get("exif")
    facts = read_photo_facts(exif if isinstance(exif, bytes) else None)
    if override is not None:
        facts = override(facts)
    icc = _icc_profile(image)

    if kind in (ImageType.PNG, ImageType.TIFF) and _is_deep_colour(image):
        deep = _oriented_array(
            _decode_deep_colour(data, image, kind, source_name), facts.orientation
        )
        stored = _png_from_array(deep, icc)
        display = _display_from_deep(deep)
        bit_depth = 16
    else:
        _load(image, kind, source_name)
        pixels, bit_depth = _storable(image, source_name)
        pixels = _oriented(pixels, _orientation_left_after_load(image, facts.orientation))
        stored = _png_from_image(pixels, icc)
        display = _display_pixels(pixels)

    screen, thumbnail = _previews(display, 1, icc)  # already upright
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


# --- opening and decoding safely ----------------------------------------------------


def _plugin_for(kind: ImageType, source_name: str) -> type[ImageFile.ImageFile]:
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


def _raise_pillow_limit(max_pixels: int) -> None:
    # Our own limit is checked before any pixel is decoded. Pillow's global limit
    # (about 89 megapixels by default) is only ever raised to ours, never disabled,
    # so that its load-time check (TIFF has one) cannot warn about an accepted image.
    current = Image.MAX_IMAGE_PIXELS
    if current is not None and current < max_pixels:
        Image.MAX_IMAGE_PIXELS = max_pixels


def _open(
    plugin: type[ImageFile.ImageFile], data: bytes, kind: ImageType, source_name: str
) -> ImageFile.ImageFile:
    """Parse the header only: the size is known, no pixel is decoded yet."""
    try:
        return plugin(io.BytesIO(data))
    except _TOO_LARGE as error:
        raise _too_large_to_open(source_name) from error
    except _DECODER_FAILURES as error:
        raise _damaged(source_name, kind, error) from error


def _load(image: Image.Image, kind: ImageType, source_name: str) -> None:
    try:
        image.load()
    except _TOO_LARGE as error:
        raise _too_large_to_open(source_name) from error
    except _DECODER_FAILURES as error:
        raise _damaged(source_name, kind, error) from error


def _checked_size(image: Image.Image, source_name: str, max_pixels: int) -> tuple[int, int]:
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


def _damaged(source_name: str, kind: ImageType, error: BaseException) -> DamagedImage:
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


def _is_deep_colour(image: ImageFile.ImageFile) -> bool:
    """16 bits per channel in colour, which Pillow would cut down to 8 bits."""
    if image.mode.startswith("I") or not image.tile:
        return False
    args = image.tile[0].args
    rawmode = args[0] if isinstance(args, tuple) and args else args
    return isinstance(rawmode, str) and ";16" in rawmode


def _decode_deep_colour(
    data: bytes, image: ImageFile.ImageFile, kind: ImageType, source_name: str
) -> npt.NDArray[np.uint16]:
    """16-bit colour pixels (BGR or BGRA) decoded by OpenCV, checked against the header."""
    try:
        unturned = np.frombuffer(without_orientation(data), np.uint8)
        pixels = cv2.imdecode(unturned, cv2.IMREAD_UNCHANGED)
    except _DECODER_FAILURES as error:
        raise _damaged(source_name, kind, error) from error
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


def _storable(image: Image.Image, source_name: str) -> tuple[Image.Image, int]:
    """The pixels in a mode PNG keeps losslessly, and their bits per channel."""
    mode = image.mode
    if mode in _PNG_MODES:
        return image, 16 if mode.startswith("I;16") else 8
    if mode in ("I", "I;16L", "I;16N"):
        values = np.asarray(image)
        if values.size and (values.min() < 0 or values.max() > 0xFFFF):
            msg = (
                f"{source_name} is not an image PixioDoc accepts: "
                "its pixels are 32-bit numbers, not 8 or 16 bits per channel"
            )
            raise UnsupportedImage(msg)
        return Image.fromarray(values.astype(np.uint16)), 16
    if mode == "F":
        msg = (
            f"{source_name} is not an image PixioDoc accepts: "
            "its pixels are floating-point numbers, not 8 or 16 bits per channel"
        )
        raise UnsupportedImage(msg)
    if mode in ("PA", "RGBa", "La"):
        return image.convert("RGBA"), 8
    return image.convert("RGB"), 8  # CMYK, YCbCr, LAB, HSV, RGBX


# --- orientation -----------------------------------------------------------------

_TRANSPOSE_FOR_ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _orientation_left_after_load(image: ImageFile.ImageFile, orientation: int) -> int:
    """The turn still to apply: recent Pillow turns a TIFF upright while loading it and
    then removes the tag (older releases do not)."""
    if isinstance(image, TiffImagePlugin.TiffImageFile) and _TAG_ORIENTATION not in image.tag_v2:
        return 1
    return orientation


def _oriented(image: Image.Image, orientation: int) -> Image.Image:
    method = _TRANSPOSE_FOR_ORIENTATION.get(orientation)
    return image if method is None else image.transpose(method)


def _oriented_array(pixels: npt.NDArray[np.uint16], orientation: int) -> npt.NDArray[np.uint16]:
    """The same turns as ``_oriented``, for a (height, width, channels) array."""
    turns: dict[int, Callable[[npt.NDArray[np.uint16]], npt.NDArray[np.uint16]]] = {
        2: lambda a: a[:, ::-1],
        3: lambda a: a[::-1, ::-1],
        4: lambda a: a[::-1],
        5: lambda a: a.swapaxes(0, 1),
        6: lambda a: np.rot90(a, -1),
        7: lambda a: a[::-1, ::-1].swapaxes(0, 1),
        8: lambda a: np.rot90(a, 1),
    }
    turn = turns.get(orientation)
    return pixels if turn is None else np.ascontiguousarray(turn(pixels))


def _displayed_size(width: int, height: int, orientation: int) -> tuple[int, int]:
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def _jpeg_preview_scale(width: int, height: int) -> int:
    long_edge = max(width, height)
    for scale in (8, 4, 2):
        if long_edge // scale >= _SCREEN_MIN_EDGE:
            return scale
    return 1


# --- encoding ---------------------------------------------------------------------


def _icc_profile(image: Image.Image) -> bytes | None:
    icc = image.info.get("icc_profile")
    return icc if isinstance(icc, bytes) and icc else None


def _png_from_image(image: Image.Image, icc: bytes | None) -> bytes:
    out = io.BytesIO()
    # Only the colour profile and transparency survive: no text, EXIF, XMP, dates or dpi.
    image.info = {k: v for k, v in image.info.items() if k == "transparency"}
    image.save(out, "PNG", compress_level=_PNG_COMPRESS_LEVEL, icc_profile=icc)
    return out.getvalue()


def _png_from_array(pixels: npt.NDArray[np.uint16], icc: bytes | None) -> bytes:
    ok, encoded = cv2.imencode(".png", pixels, [cv2.IMWRITE_PNG_COMPRESSION, _PNG_COMPRESS_LEVEL])
    if not ok:  # pragma: no cover - OpenCV encodes any uint16 BGR(A) array
        msg = "OpenCV could not encode a 16-bit PNG"
        raise RuntimeError(msg)
    png = encoded.tobytes()
    if icc is None:
        return png
    body = b"ICC profile\x00\x00" + zlib.compress(icc)
    chunk = len(body).to_bytes(4, "big") + b"iCCP" + body
    chunk += zlib.crc32(b"iCCP" + body).to_bytes(4, "big")
    after_header = 8 + 4 + 4 + 13 + 4  # signature, then the IHDR chunk
    return png[:after_header] + chunk + png[after_header:]


def _display_pixels(image: Image.Image) -> Image.Image:
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


def _display_from_deep(pixels: npt.NDArray[np.uint16]) -> Image.Image:
    """8-bit RGB from 16-bit BGR(A); transparency shown over white."""
    eight = (pixels >> 8).astype(np.uint8)
    rgb = eight[:, :, 2::-1]
    if pixels.shape[2] == 4:
        alpha = eight[:, :, 3:4].astype(np.uint32)
        blended = (rgb * alpha + 255 * (255 - alpha) + 127) // 255
        rgb = blended.astype(np.uint8)
    return Image.fromarray(np.ascontiguousarray(rgb))


def _previews(display: Image.Image, orientation: int, icc: bytes | None) -> tuple[bytes, bytes]:
    """(screen, thumbnail) JPEGs from 8-bit pixels: upright, in sRGB, without metadata."""
    # Scaled first and turned last: turning the small pictures is cheaper.
    screen = _fitted(display, SCREEN_EDGE)
    if icc is not None:
        screen = _in_srgb(screen, icc)
    thumbnail = _fitted(screen, THUMBNAIL_EDGE)
    return (
        _jpeg(_oriented(screen, orientation), _SCREEN_QUALITY),
        _jpeg(_oriented(thumbnail, orientation), _THUMBNAIL_QUALITY),
    )


def _fitted(image: Image.Image, edge: int) -> Image.Image:
    width, height = image.size
    if max(width, height) <= edge:
        return image
    factor = edge / max(width, height)
    size = (max(1, round(width * factor)), max(1, round(height * factor)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)


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


def _megabytes(count: int) -> str:
    value = f"{count / (1024 * 1024):.1f}".removesuffix(".0")
    return f"{value} MB"
