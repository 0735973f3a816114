"""prepare_image / prepare_frame: each accepted type round-trips, orientation is applied,
the capture time and camera survive, and everything identifying is stripped."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import datetime, timedelta, timezone

import cv2
import numpy as np
import numpy.typing as npt
import pytest
from PIL import Image, ImageCms, ImageFile, ImageOps, JpegImagePlugin

from pixiodoc_desktop.errors import UnsupportedImage
from pixiodoc_desktop.imaging import decode as decode_module
from pixiodoc_desktop.imaging.orientation import oriented, oriented_array
from pixiodoc_desktop.imaging.prepare import (
    SCREEN_EDGE,
    THUMBNAIL_EDGE,
    PreparedImage,
    prepare_frame,
    prepare_image,
)
from pixiodoc_desktop.imaging.sniff import ImageType, detect_image_type

# --- building test pictures ----------------------------------------------------------


def _picture(width: int = 320, height: int = 240, mode: str = "RGB") -> Image.Image:
    """Smooth gradients plus a little noise: compresses like a photo, never uniform."""
    rng = np.random.default_rng(width * 7 + height)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    rgb = np.stack([x / width * 255, y / height * 255, (x + y) / (width + height) * 255], -1)
    rgb += rng.normal(0, 6, rgb.shape)
    image = Image.fromarray(rgb.clip(0, 255).astype(np.uint8))
    if mode == "RGBA":
        alpha = Image.fromarray((np.arange(width) * 255 // width).astype(np.uint8)[None, :])
        image.putalpha(alpha.resize((width, height)))
        return image
    return image if mode == "RGB" else image.convert(mode)


def _encode(image: Image.Image, fmt: str, **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def _decoded(data: bytes) -> npt.NDArray[np.generic]:
    with Image.open(io.BytesIO(data)) as image:
        return np.asarray(image.convert("RGBA") if image.mode == "P" else image)


def _png_chunks(data: bytes) -> list[bytes]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    chunks, pos = [], 8
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        chunks.append(data[pos + 4 : pos + 8])
        pos += 12 + length
    return chunks


def _jpeg_markers(data: bytes) -> list[int]:
    """Marker codes of the segments before the first scan."""
    markers, pos = [], 2
    while data[pos] == 0xFF and data[pos + 1] != 0xDA:
        markers.append(data[pos + 1])
        pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
    return markers


def _with_segments(jpeg: bytes, segments: list[tuple[int, bytes]], trailer: bytes = b"") -> bytes:
    """``jpeg`` with extra marker segments right after SOI and bytes after EOI."""
    extra = b"".join(
        bytes((0xFF, marker)) + (len(body) + 2).to_bytes(2, "big") + body
        for marker, body in segments
    )
    return jpeg[:2] + extra + jpeg[2:] + trailer


_ASCII, _SHORT, _LONG, _RATIONAL, _UNDEFINED = 2, 3, 4, 5, 7


def _ascii(text: str) -> tuple[int, int, bytes]:
    raw = text.encode() + b"\x00"
    return _ASCII, len(raw), raw


def _exif_block(
    ifd0: dict[int, tuple[int, int, bytes]],
    exif_ifd: dict[int, tuple[int, int, bytes]],
    gps_ifd: dict[int, tuple[int, int, bytes]],
    thumbnail: bytes,
) -> bytes:
    """A camera-like little-endian EXIF block: IFD0, Exif IFD, GPS IFD, IFD1 + thumbnail."""
    ifd0 = {**ifd0, 0x8769: (_LONG, 1, b""), 0x8825: (_LONG, 1, b"")}
    ifd1 = {
        0x0103: (_SHORT, 1, struct.pack("<H", 6)),
        0x0201: (_LONG, 1, b""),
        0x0202: (_LONG, 1, struct.pack("<I", len(thumbnail))),
    }
    ifds = [ifd0, exif_ifd, gps_ifd, ifd1]
    offsets, position = [], 8
    for ifd in ifds:
        offsets.append(position)
        position += 2 + 12 * len(ifd) + 4
    thumbnail_at = position
    pointers = {0x8769: offsets[1], 0x8825: offsets[2], 0x0201: thumbnail_at}
    data_area = bytearray(thumbnail)
    out = bytearray(b"II*\x00" + struct.pack("<I", 8))
    for index, ifd in enumerate(ifds):
        out += struct.pack("<H", len(ifd))
        for tag in sorted(ifd):
            kind, count, value = ifd[tag]
            if tag in pointers and (index != 0 or tag != 0x0201):
                value = struct.pack("<I", pointers[tag])
            if len(value) <= 4:
                field = value.ljust(4, b"\x00")
            else:
                field = struct.pack("<I", thumbnail_at + len(data_area))
                data_area += value
            out += struct.pack("<HHI", tag, kind, count) + field
        next_ifd = offsets[3] if index == 0 else 0
        out += struct.pack("<I", next_ifd)
    return b"Exif\x00\x00" + bytes(out + data_area)


_SECRETS = [
    b"Dr. Secret Artist",
    b"SN-99887766",
    b"Owner Jane Roe",
    b"MAKERNOTE-SECRET",
    b"THUMB-SECRET",
    b"WGS-84-SECRET",
    b"xap/1.0",
    b"Photoshop 3.0",
    b"Patient Comment",
    b"MPF-TRAILER",
    b"Copyright Clinic",
]


def _camera_jpeg(orientation: int = 6) -> bytes:
    """A JPEG as an identifying camera writes it."""
    thumbnail = _encode(_picture(64, 48), "JPEG", comment=b"THUMB-SECRET")
    exif = _exif_block(
        ifd0={
            0x010F: _ascii("Canon"),
            0x0110: _ascii("Canon EOS R6"),
            0x0112: (_SHORT, 1, struct.pack("<H", orientation)),
            0x013B: _ascii("Dr. Secret Artist"),
            0x8298: _ascii("Copyright Clinic"),
        },
        exif_ifd={
            0x9003: _ascii("2023:07:14 09:30:05"),
            0x9011: _ascii("+02:00"),
            0x927C: (_UNDEFINED, 16, b"MAKERNOTE-SECRET"),
            0xA430: _ascii("Owner Jane Roe"),
            0xA431: _ascii("SN-99887766"),
        },
        gps_ifd={
            0x0001: _ascii("N"),
            0x0002: (_RATIONAL, 3, struct.pack("<6I", 48, 1, 8, 1, 1234, 100)),
            0x0012: _ascii("WGS-84-SECRET"),
        },
        thumbnail=thumbnail,
    )
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    base = _encode(_picture(320, 240), "JPEG", quality=90)
    xmp = b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><GPSLatitude>48,8N</GPSLatitude></x:xmpmeta>"
    iptc = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x0cPatient name"
    return _with_segments(
        base,
        [
            (0xE1, exif),
            (0xE1, xmp),
            (0xE2, b"ICC_PROFILE\x00\x01\x01" + icc),
            (0xE2, b"MPF\x00MM\x00*MPF-SECRET"),
            (0xED, iptc),
            (0xFE, b"Patient Comment"),
        ],
        trailer=b"MPF-TRAILER" + thumbnail,
    )


def _assert_clean_preview(preview: bytes, long_edge: int) -> tuple[int, int]:
    assert detect_image_type(preview[:32]) is ImageType.JPEG
    assert set(_jpeg_markers(preview)) <= {0xE0, 0xDB, 0xC0, 0xC4, 0xDD}
    with Image.open(io.BytesIO(preview)) as image:
        assert max(image.size) <= long_edge
        assert "exif" not in image.info
        assert "icc_profile" not in image.info
        assert "comment" not in image.info
        assert len(image.getexif()) == 0
        return image.size


# --- JPEG ------------------------------------------------------------------------------


def test_jpeg_keeps_its_pixels_and_loses_everything_identifying() -> None:
    original = _camera_jpeg()
    prepared = prepare_image(original, source_name="IMG_0042.jpg")

    assert prepared.media_type == "image/jpeg"
    for secret in _SECRETS:
        assert secret in original
        assert secret not in prepared.stored, secret
    assert prepared.stored.count(b"\xff\xd8") == 1  # no embedded thumbnail JPEG
    assert prepared.stored.endswith(b"\xff\xd9")  # nothing after the end of the image
    # Only JFIF, one EXIF, the ICC profile and what the decoder needs remain.
    markers = _jpeg_markers(prepared.stored)
    assert markers.count(0xE1) == 1
    assert not {m for m in markers if 0xE0 <= m <= 0xEF} - {0xE0, 0xE1, 0xE2}
    assert 0xFE not in markers

    with Image.open(io.BytesIO(prepared.stored)) as stored:
        exif = stored.getexif()
        assert set(exif) == {0x010F, 0x0110, 0x0112, 0x8769}
        assert exif.get_ifd(0x8769) == {0x9003: "2023:07:14 09:30:05", 0x9011: "+02:00"}
        assert exif.get_ifd(0x8825) == {}
        assert exif.get_ifd(1) == {}  # IFD1: the embedded thumbnail
        assert exif[0x0112] == 6
        assert stored.info["icc_profile"]
        stored_pixels = np.asarray(stored)
    # Opened as plain JPEG: Pillow's MPO sniffing would warn about the fake MPF segment.
    with JpegImagePlugin.JpegImageFile(io.BytesIO(original)) as source:
        assert np.array_equal(stored_pixels, np.asarray(source))


def test_jpeg_capture_time_camera_and_orientation_are_kept() -> None:
    prepared = prepare_image(_camera_jpeg(orientation=6), source_name="IMG_0042.jpg")
    assert prepared.captured_at == datetime(
        2023, 7, 14, 9, 30, 5, tzinfo=timezone(timedelta(hours=2))
    )
    assert prepared.camera_make == "Canon"
    assert prepared.camera_model == "Canon EOS R6"
    # 320 x 240 as stored, shown turned a quarter: 240 wide, 320 high.
    assert (prepared.width, prepared.height) == (240, 320)
    assert prepared.bit_depth == 8
    assert _assert_clean_preview(prepared.screen, SCREEN_EDGE) == (240, 320)
    assert _assert_clean_preview(prepared.thumbnail, THUMBNAIL_EDGE) == (192, 256)


def test_jpeg_without_offset_has_naive_capture_time_and_bad_dates_are_dropped() -> None:
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = "2024:02:29 23:59:58"
    plain = prepare_image(_encode(_picture(), "JPEG", exif=exif), source_name="a.jpg")
    assert plain.captured_at == datetime(2024, 2, 29, 23, 59, 58)
    assert plain.camera_make is None

    exif.get_ifd(0x8769)[0x9003] = "0000:00:00 00:00:00"
    assert (
        prepare_image(_encode(_picture(), "JPEG", exif=exif), source_name="b.jpg").captured_at
        is None
    )


def test_orientation_turns_the_previews() -> None:
    # Left half red, right half blue; orientation 6 turns the picture clockwise,
    # so the viewer sees red on top and blue below.
    pixels = np.zeros((240, 320, 3), np.uint8)
    pixels[:, :160] = (255, 0, 0)
    pixels[:, 160:] = (0, 0, 255)
    exif = Image.Exif()
    exif[0x0112] = 6
    prepared = prepare_image(
        _encode(Image.fromarray(pixels), "JPEG", exif=exif), source_name="o.jpg"
    )
    for preview in (prepared.screen, prepared.thumbnail):
        with Image.open(io.BytesIO(preview)) as image:
            rgb = image.convert("RGB")
            width, height = rgb.size
            assert height > width
            top = rgb.getpixel((width // 2, height // 8))
            bottom = rgb.getpixel((width // 2, height * 7 // 8))
            assert isinstance(top, tuple) and isinstance(bottom, tuple)
            assert top[0] > 200 and top[2] < 60
            assert bottom[2] > 200 and bottom[0] < 60


def test_large_jpeg_previews_are_decoded_at_reduced_scale() -> None:
    data = _encode(_picture(4000, 3000), "JPEG", quality=85)
    prepared = prepare_image(data, source_name="big.jpg")
    assert (prepared.width, prepared.height) == (4000, 3000)
    assert _assert_clean_preview(prepared.screen, SCREEN_EDGE) == (2000, 1500)
    assert _assert_clean_preview(prepared.thumbnail, THUMBNAIL_EDGE) == (256, 192)
    assert prepared.stored[-2:] == b"\xff\xd9"


@pytest.mark.parametrize("mode", ["L", "CMYK"])
def test_grey_and_cmyk_jpegs_are_accepted(mode: str) -> None:
    data = _encode(_picture(mode=mode), "JPEG")
    prepared = prepare_image(data, source_name="scan.jpg")
    assert (prepared.width, prepared.height) == (320, 240)
    with Image.open(io.BytesIO(prepared.stored)) as stored, Image.open(io.BytesIO(data)) as source:
        assert stored.mode == mode
        assert np.array_equal(np.asarray(stored), np.asarray(source))
    _assert_clean_preview(prepared.screen, SCREEN_EDGE)


def test_progressive_jpeg_keeps_its_pixels() -> None:
    data = _encode(_picture(), "JPEG", progressive=True, comment=b"Patient Comment")
    prepared = prepare_image(data, source_name="p.jpg")
    assert b"Patient Comment" not in prepared.stored
    assert np.array_equal(_decoded(prepared.stored), _decoded(data))


def test_jfif_thumbnail_is_dropped() -> None:
    data = _encode(_picture(), "JPEG")
    assert data[2:4] == b"\xff\xe0"
    # Rewrite the JFIF segment with a 2 x 1 RGB thumbnail.
    length = int.from_bytes(data[4:6], "big")
    jfif = data[6 : 4 + length]
    with_thumb = jfif[:12] + b"\x02\x01" + b"SECRET"
    segment = b"\xff\xe0" + (len(with_thumb) + 2).to_bytes(2, "big") + with_thumb
    patched = data[:2] + segment + data[4 + length :]
    prepared = prepare_image(patched, source_name="jfif.jpg")
    assert b"SECRET" not in prepared.stored
    assert prepared.stored[2:4] == b"\xff\xe0"
    assert np.array_equal(_decoded(prepared.stored), _decoded(data))


# --- lossless formats -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "mode", "params"),
    [
        ("PNG", "RGB", {}),
        ("PNG", "RGBA", {}),
        ("PNG", "L", {}),
        ("PNG", "LA", {}),
        ("PNG", "1", {}),
        ("PNG", "P", {"transparency": 0}),
        ("TIFF", "RGB", {}),
        ("TIFF", "RGB", {"compression": "tiff_lzw"}),
        ("TIFF", "RGBA", {"compression": "tiff_deflate"}),
        ("TIFF", "L", {}),
        ("WEBP", "RGB", {"lossless": True}),
        ("WEBP", "RGBA", {"lossless": True}),
        ("BMP", "RGB", {}),
        ("BMP", "L", {}),
        ("BMP", "P", {}),
    ],
)
def test_lossless_round_trip(fmt: str, mode: str, params: dict[str, object]) -> None:
    source = _picture(mode=mode) if mode != "P" else _picture().convert("P")
    data = _encode(source, fmt, **params)
    prepared = prepare_image(data, source_name=f"photo.{fmt.lower()}")

    assert prepared.media_type == "image/png"
    assert detect_image_type(prepared.stored[:32]) is ImageType.PNG
    assert (prepared.width, prepared.height) == (320, 240)
    assert prepared.bit_depth == 8
    assert prepared.captured_at is None
    assert np.array_equal(_decoded(prepared.stored), _decoded(data))
    assert set(_png_chunks(prepared.stored)) <= {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
    _assert_clean_preview(prepared.screen, SCREEN_EDGE)
    _assert_clean_preview(prepared.thumbnail, THUMBNAIL_EDGE)


def test_lossy_webp_is_stored_as_its_decoded_pixels() -> None:
    data = _encode(_picture(), "WEBP", quality=80)
    prepared = prepare_image(data, source_name="w.webp")
    assert np.array_equal(_decoded(prepared.stored), _decoded(data))


def test_png_metadata_is_stripped_but_the_colour_profile_kept() -> None:
    from PIL import PngImagePlugin

    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Dr. Secret Artist")
    text.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>WGS-84-SECRET</x:xmpmeta>")
    text.add_text("Comment", "Patient Comment", zip=True)
    exif = Image.Exif()
    exif[0x013B] = "Dr. Secret Artist"
    exif.get_ifd(0x8769)[0x9003] = "2022:01:02 03:04:05"
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = _encode(_picture(), "PNG", pnginfo=text, exif=exif, icc_profile=icc, dpi=(300, 300))
    assert {b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"pHYs"} <= set(_png_chunks(data))

    prepared = prepare_image(data, source_name="scan.png")
    assert set(_png_chunks(prepared.stored)) == {b"IHDR", b"iCCP", b"IDAT", b"IEND"}
    for secret in (b"Dr. Secret Artist", b"WGS-84-SECRET", b"Patient Comment"):
        assert secret not in prepared.stored
    assert prepared.captured_at == datetime(2022, 1, 2, 3, 4, 5)
    with Image.open(io.BytesIO(prepared.stored)) as stored:
        assert stored.info["icc_profile"] == icc


@pytest.mark.parametrize("orientation", range(1, 9))
def test_lossless_formats_are_stored_upright(orientation: int) -> None:
    source = _picture(64, 48)
    exif = Image.Exif()
    exif[0x0112] = orientation
    data = _encode(source, "PNG", exif=exif)
    prepared = prepare_image(data, source_name="turned.png")

    with Image.open(io.BytesIO(data)) as reference:
        upright = ImageOps.exif_transpose(reference)
    assert (prepared.width, prepared.height) == upright.size
    assert np.array_equal(_decoded(prepared.stored), np.asarray(upright))
    assert b"eXIf" not in _png_chunks(prepared.stored)


def test_tiff_orientation_tag_is_applied() -> None:
    data = _encode(_picture(64, 48), "TIFF", tiffinfo={0x0112: 8, 0x013B: "Dr. Secret Artist"})
    prepared = prepare_image(data, source_name="t.tif")
    assert (prepared.width, prepared.height) == (48, 64)
    assert b"Dr. Secret Artist" not in prepared.stored
    expected = np.asarray(_picture(64, 48).transpose(Image.Transpose.ROTATE_90))
    assert np.array_equal(_decoded(prepared.stored), expected)


def _sixteen_bit(channels: int) -> npt.NDArray[np.uint16]:
    rng = np.random.default_rng(16)
    shape = (48, 64) if channels == 1 else (48, 64, channels)
    return rng.integers(0, 65536, size=shape, dtype=np.uint16)


def test_sixteen_bit_grey_tiff_keeps_sixteen_bits() -> None:
    values = _sixteen_bit(1)
    data = _encode(Image.fromarray(values), "TIFF")
    prepared = prepare_image(data, source_name="dermoscopy.tif")
    assert prepared.bit_depth == 16
    assert prepared.media_type == "image/png"
    stored = cv2.imdecode(np.frombuffer(prepared.stored, np.uint8), cv2.IMREAD_UNCHANGED)
    assert stored.dtype == np.uint16
    assert np.array_equal(stored, values)
    _assert_clean_preview(prepared.screen, SCREEN_EDGE)


@pytest.mark.parametrize(
    ("ext", "channels"), [(".tiff", 3), (".tiff", 4), (".png", 3), (".png", 4)]
)
def test_sixteen_bit_colour_keeps_sixteen_bits(ext: str, channels: int) -> None:
    values = _sixteen_bit(channels)
    ok, encoded = cv2.imencode(ext, values)
    assert ok
    prepared = prepare_image(encoded.tobytes(), source_name=f"deep{ext}")
    assert prepared.bit_depth == 16
    assert (prepared.width, prepared.height) == (64, 48)
    stored = cv2.imdecode(np.frombuffer(prepared.stored, np.uint8), cv2.IMREAD_UNCHANGED)
    assert stored.dtype == np.uint16
    assert np.array_equal(stored, values)
    assert set(_png_chunks(prepared.stored)) <= {b"IHDR", b"IDAT", b"IEND"}
    _assert_clean_preview(prepared.screen, SCREEN_EDGE)
    _assert_clean_preview(prepared.thumbnail, THUMBNAIL_EDGE)


def test_sixteen_bit_colour_keeps_its_colour_profile() -> None:
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    values = _sixteen_bit(3)
    ok, encoded = cv2.imencode(".png", values)
    assert ok
    png = encoded.tobytes()
    body = b"icc\x00\x00" + zlib.compress(icc)
    chunk = (
        len(body).to_bytes(4, "big")
        + b"iCCP"
        + body
        + zlib.crc32(b"iCCP" + body).to_bytes(4, "big")
    )
    with_icc = png[:33] + chunk + png[33:]
    prepared = prepare_image(with_icc, source_name="deep.png")
    with Image.open(io.BytesIO(prepared.stored)) as stored:
        assert stored.info["icc_profile"] == icc
    assert np.array_equal(
        cv2.imdecode(np.frombuffer(prepared.stored, np.uint8), cv2.IMREAD_UNCHANGED), values
    )


@pytest.mark.parametrize("orientation", range(1, 9))
def test_array_orientation_matches_pillow(orientation: int) -> None:
    values = np.arange(5 * 7 * 3, dtype=np.uint16).reshape(5, 7, 3)
    turned = oriented_array(values, orientation)
    expected = np.asarray(oriented(Image.fromarray(values.astype(np.uint8)), orientation))
    assert np.array_equal(turned, expected)


def test_large_lossless_previews_are_scaled() -> None:
    data = _encode(_picture(3000, 1000), "PNG")
    prepared = prepare_image(data, source_name="wide.png")
    assert _assert_clean_preview(prepared.screen, SCREEN_EDGE) == (SCREEN_EDGE, 683)
    assert _assert_clean_preview(prepared.thumbnail, THUMBNAIL_EDGE) == (THUMBNAIL_EDGE, 85)


def test_pillow_limit_below_ours_does_not_warn(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pillow's own decompression-bomb check must never fire (pytest turns warnings into
    # errors) for an image within PixioDoc's limit.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    for fmt in ("TIFF", "PNG", "JPEG", "WEBP", "BMP"):
        prepared = prepare_image(_encode(_picture(64, 48), fmt), source_name=f"x.{fmt}")
        assert prepared.width == 64


def test_truncated_images_are_not_loaded_by_default() -> None:
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


# --- HEIC -----------------------------------------------------------------------------


def test_heic_round_trip() -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    if not pillow_heif.libheif_info().get("HEIF"):
        pytest.skip("this pillow-heif build has no HEVC encoder")
    out = io.BytesIO()
    pillow_heif.from_pillow(_picture(64, 48)).save(out, quality=90)
    data = out.getvalue()
    assert detect_image_type(data[:32]) is ImageType.HEIC

    prepared = prepare_image(data, source_name="IMG_1234.HEIC")
    assert prepared.media_type == "image/png"
    assert (prepared.width, prepared.height) == (64, 48)
    expected = np.asarray(pillow_heif.open_heif(data).to_pillow().convert("RGB"))
    assert np.array_equal(_decoded(prepared.stored), expected)
    _assert_clean_preview(prepared.thumbnail, THUMBNAIL_EDGE)


def test_heic_without_pillow_heif_is_refused_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode_module, "_heif_plugin", lambda: None)
    head = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)
    with pytest.raises(UnsupportedImage) as caught:
        prepare_image(head, source_name="IMG_1234.HEIC")
    assert str(caught.value) == (
        "IMG_1234.HEIC is a HEIC image, but HEIC support is not installed "
        "on this computer (the pillow-heif package)"
    )


# --- camera frames ------------------------------------------------------------------------


def _bgr_frame() -> npt.NDArray[np.uint8]:
    frame = np.zeros((480, 640, 3), np.uint8)
    frame[:, :320] = (0, 0, 255)  # red in OpenCV's BGR order
    frame[:, 320:] = (255, 0, 0)  # blue
    return frame


def test_prepare_frame_makes_a_jpeg_with_capture_facts() -> None:
    moment = datetime(2024, 3, 1, 14, 15, 16, tzinfo=timezone(timedelta(hours=1)))
    prepared = prepare_frame(
        _bgr_frame(), source_name="Camera frame", captured_at=moment, camera_model="Dermlite DL5"
    )
    assert isinstance(prepared, PreparedImage)
    assert prepared.media_type == "image/jpeg"
    assert (prepared.width, prepared.height) == (640, 480)
    assert prepared.captured_at == moment
    assert prepared.camera_model == "Dermlite DL5"
    assert prepared.camera_make is None
    with Image.open(io.BytesIO(prepared.stored)) as stored:
        exif = stored.getexif()
        assert exif[0x0110] == "Dermlite DL5"
        assert exif.get_ifd(0x8769) == {0x9003: "2024:03:01 14:15:16", 0x9011: "+01:00"}
        left = stored.convert("RGB").getpixel((100, 240))
        right = stored.convert("RGB").getpixel((540, 240))
    assert isinstance(left, tuple) and isinstance(right, tuple)
    assert left[0] > 240 and left[2] < 20
    assert right[2] > 240 and right[0] < 20
    assert _assert_clean_preview(prepared.thumbnail, THUMBNAIL_EDGE) == (256, 192)


def test_prepare_frame_accepts_grey_and_bgra() -> None:
    grey = np.full((60, 80), 128, np.uint8)
    prepared = prepare_frame(grey, source_name="Camera frame", captured_at=None, camera_model=None)
    assert (prepared.width, prepared.height, prepared.captured_at) == (80, 60, None)
    bgra = np.dstack([_bgr_frame(), np.full((480, 640), 255, np.uint8)])
    assert prepare_frame(bgra, source_name="f", captured_at=None, camera_model=None).width == 640


@pytest.mark.parametrize(
    "frame",
    [
        np.zeros((10, 10, 3), np.float32),
        np.zeros((10, 10, 2), np.uint8),
        np.zeros((0, 10, 3), np.uint8),
        np.zeros((2, 10, 10, 3), np.uint8),
    ],
)
def test_prepare_frame_refuses_what_is_not_a_frame(frame: npt.NDArray[np.generic]) -> None:
    with pytest.raises(UnsupportedImage, match=r"^Camera frame is not a camera picture"):
        prepare_frame(frame, source_name="Camera frame", captured_at=None, camera_model=None)


def _tiff_rgb16(values: npt.NDArray[np.uint16], orientation: int) -> bytes:
    """An uncompressed little-endian 16-bit RGB TIFF with an orientation tag."""
    height, width, _ = values.shape
    pixel_data = values.astype("<u2").tobytes()
    entries = [
        (256, _LONG, 1, width),
        (257, _LONG, 1, height),
        (258, _SHORT, 3, None),  # BitsPerSample 16,16,16, stored after the IFD
        (259, _SHORT, 1, 1),
        (262, _SHORT, 1, 2),
        (273, _LONG, 1, None),  # StripOffsets: after the bits-per-sample values
        (274, _SHORT, 1, orientation),
        (277, _SHORT, 1, 3),
        (278, _LONG, 1, height),
        (279, _LONG, 1, len(pixel_data)),
        (284, _SHORT, 1, 1),
    ]
    ifd_size = 2 + 12 * len(entries) + 4
    bits_at = 8 + ifd_size
    strip_at = bits_at + 6
    out = bytearray(b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", len(entries)))
    for tag, kind, count, value in entries:
        if tag == 258:
            value = bits_at
        elif tag == 273:
            value = strip_at
        assert value is not None
        packed = (
            struct.pack("<H", value).ljust(4, b"\x00")
            if kind == _SHORT and count == 1
            else struct.pack("<I", value)
        )
        out += struct.pack("<HHI", tag, kind, count) + packed
    out += struct.pack("<I", 0) + struct.pack("<3H", 16, 16, 16) + pixel_data
    return bytes(out)


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_sixteen_bit_colour_tiff_is_stored_upright(orientation: int) -> None:
    values = _sixteen_bit(3)
    prepared = prepare_image(_tiff_rgb16(values, orientation), source_name="deep.tif")
    bgr = values[:, :, ::-1]
    expected = oriented_array(np.ascontiguousarray(bgr), orientation)
    stored = cv2.imdecode(np.frombuffer(prepared.stored, np.uint8), cv2.IMREAD_UNCHANGED)
    assert prepared.bit_depth == 16
    assert (prepared.width, prepared.height) == (expected.shape[1], expected.shape[0])
    assert np.array_equal(stored, expected)


def test_sixteen_bit_grey_tiff_with_orientation_is_stored_upright() -> None:
    values = _sixteen_bit(1)
    data = _encode(Image.fromarray(values), "TIFF", tiffinfo={0x0112: 6})
    prepared = prepare_image(data, source_name="grey.tif")
    assert (prepared.width, prepared.height, prepared.bit_depth) == (48, 64, 16)
    stored = cv2.imdecode(np.frombuffer(prepared.stored, np.uint8), cv2.IMREAD_UNCHANGED)
    assert np.array_equal(stored, np.rot90(values, -1))


def test_previews_of_a_wide_gamut_photo_are_converted_to_srgb(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Pillow cannot write a Display P3 profile; an sRGB profile posing as one runs
    # the conversion path, which must then leave the colours as they are.
    monkeypatch.setattr(ImageCms, "getProfileDescription", lambda profile: "Display P3")
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    source = Image.new("RGB", (64, 48), (200, 120, 40))
    prepared = prepare_image(_encode(source, "PNG", icc_profile=icc), source_name="p3.png")
    with Image.open(io.BytesIO(prepared.screen)) as screen:
        pixel = screen.convert("RGB").getpixel((32, 24))
    assert isinstance(pixel, tuple)
    assert all(abs(a - b) <= 4 for a, b in zip(pixel, (200, 120, 40), strict=True))
    assert _assert_clean_preview(prepared.screen, SCREEN_EDGE) == (64, 48)
