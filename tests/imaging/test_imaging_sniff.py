"""Recognising images by content: the magic bytes decide, never the file name."""

from __future__ import annotations

import io

import cv2
import numpy as np
import pytest
from PIL import Image

from pixiodoc_desktop.imaging.sniff import (
    SNIFF_LENGTH,
    ImageType,
    describe_non_image,
    detect_image_type,
)


def _pillow_bytes(fmt: str, mode: str = "RGB", **params: object) -> bytes:
    out = io.BytesIO()
    Image.new(mode, (8, 6), "red").save(out, fmt, **params)
    return out.getvalue()


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("JPEG", ImageType.JPEG),
        ("PNG", ImageType.PNG),
        ("TIFF", ImageType.TIFF),
        ("WEBP", ImageType.WEBP),
        ("BMP", ImageType.BMP),
    ],
)
def test_real_files_are_recognised_from_their_first_32_bytes(fmt: str, expected: ImageType) -> None:
    head = _pillow_bytes(fmt)[:SNIFF_LENGTH]
    assert SNIFF_LENGTH <= 32
    assert detect_image_type(head) is expected


def test_big_endian_tiff_and_opencv_files_are_recognised() -> None:
    ok, tiff = cv2.imencode(".tiff", np.zeros((4, 4, 3), np.uint16))
    assert ok
    assert detect_image_type(tiff.tobytes()[:32]) is ImageType.TIFF
    assert detect_image_type(b"MM\x00*\x00\x00\x00\x08" + bytes(24)) is ImageType.TIFF


def test_media_types_are_the_enum_values() -> None:
    assert ImageType.JPEG.value == "image/jpeg"
    assert ImageType.PNG.value == "image/png"
    assert ImageType.TIFF.value == "image/tiff"
    assert ImageType.WEBP.value == "image/webp"
    assert ImageType.BMP.value == "image/bmp"
    assert ImageType.HEIC.value == "image/heic"


def _ftyp(major: bytes, *compatible: bytes) -> bytes:
    body = b"ftyp" + major + b"\x00\x00\x00\x00" + b"".join(compatible)
    return (len(body) + 4).to_bytes(4, "big") + body


@pytest.mark.parametrize(
    "head",
    [
        _ftyp(b"heic", b"mif1", b"heic"),
        _ftyp(b"heix", b"mif1"),
        _ftyp(b"mif1", b"mif1", b"heic"),
        _ftyp(b"msf1", b"hevc"),
    ],
)
def test_heic_is_recognised_by_its_ftyp_brands(head: bytes) -> None:
    assert detect_image_type(head[:32]) is ImageType.HEIC


def test_other_iso_media_files_are_not_heic() -> None:
    avif = _ftyp(b"avif", b"mif1", b"avif")
    generic = _ftyp(b"mif1", b"mif1", b"avif")
    mp4 = _ftyp(b"isom", b"isom", b"mp41")
    assert detect_image_type(avif) is None
    assert describe_non_image(avif) == "an AVIF image"
    assert detect_image_type(generic) is None
    assert describe_non_image(generic) == "a HEIF image that is not HEIC"
    assert detect_image_type(mp4) is None
    assert describe_non_image(mp4) == "a video or audio file (MP4 family)"
    assert describe_non_image(_ftyp(b"qt  ")) == "a QuickTime video"


def test_text_starting_with_bm_is_not_a_bmp() -> None:
    head = b"BMI report for the clinic, 2024\n"
    assert detect_image_type(head) is None
    assert describe_non_image(head) == "plain text"


def test_canon_raw_is_not_taken_for_a_tiff() -> None:
    head = b"II*\x00\x10\x00\x00\x00CR\x02\x00" + bytes(20)
    assert detect_image_type(head) is None
    assert describe_non_image(head) == "a Canon RAW photo"


@pytest.mark.parametrize(
    ("head", "words"),
    [
        (b"", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive (or an Office document)"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (b"Patient photo list\r\nline two\tend", "plain text"),
        ("Läsion am Rücken, Größe 4 mm".encode()[:SNIFF_LENGTH], "plain text"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "an HTML page"),
        (b'<?xml version="1.0"?><svg xmlns=', "an SVG drawing"),
        (b"MZ\x90\x00\x03\x00\x00\x00", "a Windows program"),
        (b"\x00\x01\x02\x03\xfe\xfd\xfc\x80\x81", "unknown binary data"),
        (b"RIFF\x00\x00\x00\x00AVI LIST", "an AVI video"),
    ],
)
def test_non_images_are_described_in_plain_words(head: bytes, words: str) -> None:
    assert detect_image_type(head) is None
    assert describe_non_image(head) == words


def test_text_cut_inside_a_multibyte_character_is_still_text() -> None:
    text = "Größe ü".encode()
    assert describe_non_image(text[:-1]) == "plain text"
