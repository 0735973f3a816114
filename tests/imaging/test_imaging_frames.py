"""Files that hold several pictures are refused by name, never cut to their first frame."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from pixiodoc_desktop.errors import UnsupportedImage
from pixiodoc_desktop.imaging.prepare import prepare_image


def _frames(count: int) -> list[Image.Image]:
    rng = np.random.default_rng(7)
    return [
        Image.fromarray(rng.integers(0, 255, (48, 64, 3), dtype=np.uint8), "RGB")
        for _ in range(count)
    ]


def _saved(frames: list[Image.Image], fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    frames[0].save(out, fmt, save_all=len(frames) > 1, append_images=frames[1:], **options)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("scan.tif", _saved(_frames(3), "TIFF"), "scan.tif holds 3 pages"),
        ("burst.webp", _saved(_frames(2), "WEBP", lossless=True), "burst.webp holds 2 frames"),
        ("burst.png", _saved(_frames(2), "PNG"), "burst.png holds 2 frames"),
    ],
)
def test_several_pictures_in_one_file_are_refused(name: str, data: bytes, message: str) -> None:
    with pytest.raises(UnsupportedImage) as caught:
        prepare_image(data, source_name=name)
    assert caught.value.message == (
        f"{message}; PixioDoc takes one picture per file (save each as its own file)"
    )


def test_a_tiff_with_a_preview_page_is_one_picture() -> None:
    """A reduced-resolution IFD (NewSubfileType 1) is a preview of the page, not a page."""
    full, preview = _frames(1)[0], _frames(1)[0].resize((16, 12))
    preview.encoderinfo = {"tiffinfo": {254: 1}}  # Pillow saves appended images with their own
    data = _saved([full, preview], "TIFF")
    with Image.open(io.BytesIO(data)) as check:
        assert getattr(check, "n_frames", 1) == 2
    prepared = prepare_image(data, source_name="dermatoskop.tif")
    assert (prepared.width, prepared.height) == (64, 48)


def test_single_frame_files_still_import() -> None:
    for fmt in ("TIFF", "WEBP", "PNG"):
        prepared = prepare_image(_saved(_frames(1), fmt), source_name=f"one.{fmt.lower()}")
        assert (prepared.width, prepared.height) == (64, 48)
