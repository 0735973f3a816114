"""Synthetic demo photos: deterministic, skin-like, lesions that follow their trend in place,
follow-up framing without black borders, and JPEGs whose EXIF ingest can read."""

from __future__ import annotations

import io
import itertools
from datetime import UTC, datetime, timedelta, timezone

import cv2
import numpy as np
import pytest
from numpy.typing import NDArray
from PIL import ExifTags, Image

from pixiodoc_desktop.demo.photos import (
    CONDITIONS,
    SkinScene,
    encode_jpeg,
    render_photo,
    scene_for,
)

SMALL = (480, 360)
VISITS = 4


def lesion_mask(scene: SkinScene, visit_index: int) -> NDArray[np.bool_]:
    """Pixels the condition changes at this visit: the photo compared with the same scene
    fully cleared (trend -1 at the last visit), both without camera jitter."""
    photo = render_photo(scene, visit_index, VISITS, size=SMALL, framing_jitter=False)
    cleared = SkinScene(scene.seed, scene.condition, scene.skin_tone, -1.0)
    clear = render_photo(cleared, VISITS - 1, VISITS, size=SMALL, framing_jitter=False)
    difference = np.abs(photo.astype(np.int16) - clear.astype(np.int16)).max(axis=2)
    mask: NDArray[np.bool_] = difference > 12
    return mask


# --- scenes -------------------------------------------------------------------------


@pytest.mark.parametrize("condition", CONDITIONS)
def test_scene_for_is_deterministic_and_in_range(condition: str) -> None:
    for seed in range(20):
        scene = scene_for(seed, condition)
        assert scene == scene_for(seed, condition)
        assert scene.condition == condition
        assert 1 <= scene.skin_tone <= 6
        assert -1.0 <= scene.trend <= 1.0


def test_scene_for_varies_with_the_seed() -> None:
    scenes = {scene_for(seed, "acne") for seed in range(30)}
    assert len({s.skin_tone for s in scenes}) >= 3
    assert len({s.trend for s in scenes}) >= 20


def test_scene_for_accepts_any_integer_seed() -> None:
    assert scene_for(-5, "naevus").seed == -5
    assert scene_for(2**70, "naevus").seed == 2**70


@pytest.mark.parametrize(
    ("condition", "tone", "trend"),
    [("warts", 3, 0.0), ("acne", 0, 0.0), ("acne", 7, 0.0), ("acne", 3, 1.5)],
)
def test_scene_rejects_nonsense(condition: str, tone: int, trend: float) -> None:
    with pytest.raises(ValueError):
        SkinScene(1, condition, tone, trend)


def test_scene_for_rejects_unknown_condition() -> None:
    with pytest.raises(ValueError, match="warts"):
        scene_for(1, "warts")


# --- rendering ----------------------------------------------------------------------


@pytest.mark.parametrize("condition", CONDITIONS)
def test_render_is_deterministic_bgr_uint8(condition: str) -> None:
    scene = scene_for(11, condition)
    first = render_photo(scene, 1, VISITS, size=SMALL)
    assert first.dtype == np.uint8
    assert first.shape == (SMALL[1], SMALL[0], 3)
    assert np.array_equal(first, render_photo(scene, 1, VISITS, size=SMALL))


def test_render_honours_other_sizes_and_portrait_frames() -> None:
    scene = scene_for(3, "vitiligo")
    assert render_photo(scene, 0, 1, size=(300, 400)).shape == (400, 300, 3)
    assert render_photo(scene, 0, 1, size=(1000, 250)).shape == (250, 1000, 3)


def test_photos_look_like_skin() -> None:
    """Mostly warm skin colours (red over green over blue), not noise or flat paint."""
    for condition, seed in itertools.product(CONDITIONS, (1, 2)):
        photo = render_photo(scene_for(seed, condition), 0, VISITS, size=SMALL)
        b, g, r = (float(photo[..., c].mean()) for c in range(3))
        assert r > g > b, condition
        assert 4.0 < float(photo.std()) < 70.0, condition


def test_skin_tone_sets_the_brightness() -> None:
    means = [
        float(render_photo(SkinScene(5, "naevus", tone, 0.0), 0, 1, size=SMALL).mean())
        for tone in range(1, 7)
    ]
    assert means == sorted(means, reverse=True)


def test_conditions_give_different_photos() -> None:
    photos = {
        c: render_photo(SkinScene(8, c, 3, 0.0), 0, 1, size=SMALL, framing_jitter=False)
        for c in CONDITIONS
    }
    for a, b in itertools.combinations(CONDITIONS, 2):
        difference = np.abs(photos[a].astype(np.int16) - photos[b].astype(np.int16))
        assert float(difference.mean()) > 2.0, (a, b)


@pytest.mark.parametrize("condition", CONDITIONS)
@pytest.mark.parametrize("trend", [-0.8, 0.8])
def test_lesion_area_follows_the_trend(condition: str, trend: float) -> None:
    scene = SkinScene(21, condition, 3, trend)
    first = lesion_mask(scene, 0).mean()
    last = lesion_mask(scene, VISITS - 1).mean()
    assert first > 0.003, "the condition is visible at the first visit"
    if trend > 0:
        assert last > 1.15 * first
    else:
        assert last < 0.85 * first


@pytest.mark.parametrize("condition", CONDITIONS)
def test_full_clearing_leaves_plain_skin(condition: str) -> None:
    scene = SkinScene(4, condition, 3, -1.0)
    assert lesion_mask(scene, 0).mean() > 0.003
    assert lesion_mask(scene, VISITS - 1).mean() == 0.0


@pytest.mark.parametrize("condition", ["eczema", "psoriasis", "melasma", "vitiligo", "naevus"])
def test_lesions_grow_in_place(condition: str) -> None:
    """A growing lesion covers where it was before: positions stay anatomically fixed."""
    scene = SkinScene(9, condition, 3, 0.8)
    first = lesion_mask(scene, 0)
    last = lesion_mask(scene, VISITS - 1)
    assert (first & last).sum() > 0.9 * first.sum()


def test_the_naevus_grows_in_diameter() -> None:
    scene = SkinScene(2, "naevus", 2, 1.0)
    first = render_photo(scene, 0, VISITS, size=SMALL, framing_jitter=False)
    last = render_photo(scene, VISITS - 1, VISITS, size=SMALL, framing_jitter=False)

    def dark_area(photo: NDArray[np.uint8]) -> int:
        grey = cv2.cvtColor(photo, cv2.COLOR_BGR2GRAY)
        return int((grey < 0.6 * np.median(grey)).sum())

    ratio = dark_area(last) / dark_area(first)
    assert 1.6 < ratio < 2.5  # area doubles: the diameter grows by about 1.4


def test_a_steady_scene_without_jitter_is_the_same_photo_every_visit() -> None:
    scene = SkinScene(6, "psoriasis", 4, 0.0)
    photos = [render_photo(scene, v, VISITS, size=SMALL, framing_jitter=False) for v in (0, 3)]
    assert np.array_equal(photos[0], photos[1])


# --- framing jitter -----------------------------------------------------------------


def test_jitter_moves_the_camera_per_visit_deterministically() -> None:
    scene = SkinScene(6, "psoriasis", 4, 0.0)
    visit_0 = render_photo(scene, 0, VISITS, size=SMALL)
    visit_1 = render_photo(scene, 1, VISITS, size=SMALL)
    steady = render_photo(scene, 0, VISITS, size=SMALL, framing_jitter=False)
    assert not np.array_equal(visit_0, visit_1)
    assert not np.array_equal(visit_0, steady)
    assert np.array_equal(visit_1, render_photo(scene, 1, VISITS, size=SMALL))


def test_jitter_is_a_small_camera_change() -> None:
    """The jittered photo still shows the same skin: aligned back with an estimated
    similarity transform, it matches the unjittered one closely."""
    scene = SkinScene(12, "vitiligo", 5, 0.0)
    steady = render_photo(scene, 0, 1, size=SMALL, framing_jitter=False)
    moved = render_photo(scene, 1, 2, size=SMALL)
    grey_a = cv2.cvtColor(steady, cv2.COLOR_BGR2GRAY)
    grey_b = cv2.cvtColor(moved, cv2.COLOR_BGR2GRAY)
    orb = cv2.ORB.create(2000)
    keys_a, desc_a = orb.detectAndCompute(grey_a, None)
    keys_b, desc_b = orb.detectAndCompute(grey_b, None)
    matches = cv2.BFMatcher(cv2.NORM_HAMMING, crossCheck=True).match(desc_a, desc_b)
    points_a = np.array([keys_a[m.queryIdx].pt for m in matches], np.float32)
    points_b = np.array([keys_b[m.trainIdx].pt for m in matches], np.float32)
    matrix, _ = cv2.estimateAffinePartial2D(points_b, points_a, method=cv2.RANSAC)
    assert matrix is not None
    scale = float(np.hypot(matrix[0, 0], matrix[1, 0]))
    angle = float(np.degrees(np.arctan2(matrix[1, 0], matrix[0, 0])))
    assert 0.9 < scale < 1.1
    assert abs(angle) <= 6.5
    assert np.all(np.abs(matrix[:, 2]) < 0.15 * max(SMALL) + 60)


@pytest.mark.parametrize("condition", CONDITIONS)
def test_no_black_border_after_jitter(condition: str) -> None:
    for seed, visit in itertools.product(range(3), range(6)):
        scene = SkinScene(seed, condition, 6, 0.5)  # the darkest tone is the hardest case
        photo = render_photo(scene, visit, 6, size=(320, 240))
        border = np.concatenate([photo[0], photo[-1], photo[:, 0], photo[:, -1]])
        assert not np.any(np.all(border == 0, axis=1))
        assert int(border.sum(axis=1).min()) > 30


@pytest.mark.parametrize(("visit", "visits"), [(-1, 4), (4, 4), (0, 0)])
def test_render_rejects_visits_out_of_range(visit: int, visits: int) -> None:
    with pytest.raises(ValueError):
        render_photo(scene_for(1, "acne"), visit, visits, size=SMALL)


def test_render_rejects_tiny_sizes() -> None:
    with pytest.raises(ValueError):
        render_photo(scene_for(1, "acne"), 0, 1, size=(8, 8))


# --- JPEG ---------------------------------------------------------------------------


def exif_of(data: bytes) -> tuple[Image.Image, Image.Exif]:
    picture = Image.open(io.BytesIO(data))
    return picture, picture.getexif()


def test_encode_jpeg_carries_capture_time_and_camera() -> None:
    photo = render_photo(scene_for(5, "rosacea"), 0, 1, size=SMALL)
    taken = datetime(2025, 3, 14, 9, 26, 53)
    data = encode_jpeg(photo, captured_at=taken, camera_make="Canon", camera_model="EOS R8")
    picture, exif = exif_of(data)
    assert picture.format == "JPEG"
    assert picture.size == SMALL
    assert exif[ExifTags.Base.Make] == "Canon"
    assert exif[ExifTags.Base.Model] == "EOS R8"
    details = exif.get_ifd(ExifTags.IFD.Exif)
    assert details[ExifTags.Base.DateTimeOriginal] == "2025:03:14 09:26:53"
    assert ExifTags.Base.OffsetTimeOriginal not in details


def test_encode_jpeg_writes_the_utc_offset_and_subseconds_when_known() -> None:
    photo = render_photo(scene_for(5, "rosacea"), 0, 1, size=SMALL)
    taken = datetime(2025, 7, 1, 16, 5, 0, 250_000, tzinfo=timezone(timedelta(hours=2)))
    details = exif_of(encode_jpeg(photo, captured_at=taken))[1].get_ifd(ExifTags.IFD.Exif)
    assert details[ExifTags.Base.DateTimeOriginal] == "2025:07:01 16:05:00"
    assert details[ExifTags.Base.OffsetTimeOriginal] == "+02:00"
    assert details[ExifTags.Base.SubsecTimeOriginal] == "250"
    utc = exif_of(encode_jpeg(photo, captured_at=taken.astimezone(UTC)))[1]
    assert utc.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.OffsetTimeOriginal] == "+00:00"


def test_encode_jpeg_without_metadata_has_no_capture_time() -> None:
    photo = render_photo(scene_for(5, "rosacea"), 0, 1, size=SMALL)
    _, exif = exif_of(encode_jpeg(photo))
    assert ExifTags.Base.Model not in exif
    assert ExifTags.Base.DateTimeOriginal not in exif.get_ifd(ExifTags.IFD.Exif)


def test_encode_jpeg_keeps_colours_in_the_right_order() -> None:
    photo = render_photo(scene_for(5, "eczema"), 0, 1, size=SMALL)
    data = encode_jpeg(photo, quality=95)
    decoded = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert decoded is not None
    assert decoded.shape == photo.shape
    assert float(np.abs(decoded.astype(np.int16) - photo.astype(np.int16)).mean()) < 3.0
    rgb = np.asarray(Image.open(io.BytesIO(data)))
    assert float(rgb[..., 0].mean()) > float(rgb[..., 2].mean())  # skin: more red than blue


@pytest.mark.parametrize(
    "image",
    [np.zeros((10, 10), np.uint8), np.zeros((10, 10, 4), np.uint8), np.zeros((10, 10, 3))],
)
def test_encode_jpeg_rejects_what_is_not_a_bgr_photo(image: NDArray[np.generic]) -> None:
    with pytest.raises(ValueError):
        encode_jpeg(image)  # type: ignore[arg-type]
