"""The automatic lesion outline measures naevi of known geometry within the clinic's
tolerance, and refuses, with the reason, what it cannot outline honestly.

The close-ups are the demo's skin at the demo's dermoscopy calibration (the photo is 40 mm
wide) with a naevus of known polygon drawn in, under uneven light, sensor noise, hair and
JPEG compression. Small photos (400x300, 10 px/mm) keep 200 cases fast and make the
tolerance (0.3 mm = 3 px) harder to meet than at full size.
"""

from __future__ import annotations

import functools

import cv2
import numpy as np
import pytest
from numpy.typing import NDArray

from pixiodoc_desktop.demo.close_up import FIELD_WIDTH_MM, close_up, plain_skin
from pixiodoc_desktop.errors import (
    HairBreaksOutline,
    LesionTouchesEdge,
    NoLesionFound,
    OutlineRefused,
    PixioDocError,
)
from pixiodoc_desktop.imaging.measure import MeasureKind, measure
from pixiodoc_desktop.imaging.outline import measure_outline, outline_lesion, outline_on_preview

SIZE = (400, 300)
PX_PER_MM = SIZE[0] / FIELD_WIDTH_MM


@functools.cache
def _skin(index: int) -> NDArray[np.uint8]:
    return plain_skin(index, 1 + index % 3, SIZE)


def test_area_and_diameter_within_tolerance_on_200_synthetic_naevi() -> None:
    misses: list[str] = []
    for case in range(200):
        hairs = (0, 3, 8)[case % 3]
        known = close_up(case, size=SIZE, hairs=hairs, skin=_skin(case % 4))
        try:
            found = outline_lesion(known.image, known.px_per_mm)
        except OutlineRefused as refusal:
            misses.append(f"case {case}: refused ({refusal})")
            continue
        area_error = found.area_mm2 / known.area_mm2 - 1.0
        diameter_error = found.diameter_mm - known.diameter_mm
        if abs(area_error) > 0.05 or abs(diameter_error) > 0.3:
            misses.append(
                f"case {case}: area {found.area_mm2:.2f} vs {known.area_mm2:.2f} mm², "
                f"diameter {found.diameter_mm:.2f} vs {known.diameter_mm:.2f} mm"
            )
    assert len(misses) <= 10, "\n".join(misses)


def test_the_outline_is_in_photo_pixels_and_measures_alike_when_traced() -> None:
    known = close_up(7, size=(1600, 1200), hairs=3)
    found = outline_lesion(known.image, known.px_per_mm)
    traced_area = measure(MeasureKind.AREA, found.points, known.px_per_mm)
    traced_diameter = measure(MeasureKind.DIAMETER, found.points, known.px_per_mm)
    assert traced_area.unit == "mm²"
    assert traced_area.value == pytest.approx(known.area_mm2, rel=0.05)
    assert traced_diameter.value == pytest.approx(known.diameter_mm, abs=0.3)
    assert found.area_mm2 == pytest.approx(known.area_mm2, rel=0.05)
    # Perimeter of a near-ellipse lies between that of its inscribed and enclosing circles.
    assert (
        2 * np.sqrt(np.pi * known.area_mm2)
        <= found.perimeter_mm
        <= np.pi * known.diameter_mm * 1.05
    )


def test_an_outline_found_on_the_preview_is_kept_in_the_photos_pixels_and_mm() -> None:
    """The compare view outlines the screen preview; what it keeps is measured on the full
    photo's pixels with the photo's calibration (benchmarks/outline.py sweeps 200 cases)."""
    known = close_up(9, size=(1600, 1200), hairs=3)
    preview = cv2.resize(known.image, (640, 480), interpolation=cv2.INTER_AREA)
    points = outline_on_preview(preview, 1600, known.px_per_mm)
    xs, ys = zip(*points, strict=True)
    drawn = known.outline
    assert min(xs) == pytest.approx(drawn[:, 0].min(), abs=8)  # photo pixels, not preview's
    assert max(ys) == pytest.approx(drawn[:, 1].max(), abs=8)
    kept = measure_outline(points, known.px_per_mm)
    assert kept.area_mm2 == pytest.approx(known.area_mm2, rel=0.05)
    assert kept.diameter_mm == pytest.approx(known.diameter_mm, abs=0.3)


def test_asymmetry_is_small_for_an_ellipse_and_large_for_a_lopsided_lesion() -> None:
    image = np.full((300, 400, 3), (170, 180, 215), np.uint8)
    ellipse = image.copy()
    cv2.ellipse(ellipse, (200, 150), (60, 35), 30, 0, 360, (60, 70, 110), -1, cv2.LINE_AA)
    lopsided = image.copy()
    cv2.fillPoly(
        lopsided,
        [np.array([[120, 100], [290, 120], [300, 150], [150, 220], [130, 190]], np.int32)],
        (60, 70, 110),
        cv2.LINE_AA,
    )
    symmetric = outline_lesion(ellipse, PX_PER_MM).asymmetry
    asymmetric = outline_lesion(lopsided, PX_PER_MM).asymmetry
    assert symmetric < 0.05
    assert asymmetric > 3 * symmetric and asymmetric > 0.1


@pytest.mark.parametrize("index", range(6))
def test_plain_skin_has_no_lesion_to_outline(index: int) -> None:
    with pytest.raises(NoLesionFound, match="No lesion stands out"):
        outline_lesion(plain_skin(index, 1 + index % 3, SIZE), PX_PER_MM)


@pytest.mark.parametrize("seed", range(3))
def test_a_blurred_photo_is_refused_as_blurred(seed: int) -> None:
    known = close_up(seed, size=SIZE, skin=_skin(seed))
    blurred = cv2.GaussianBlur(known.image, (0, 0), 1.0 * PX_PER_MM)
    with pytest.raises(NoLesionFound, match="too blurred"):
        outline_lesion(blurred, PX_PER_MM)
    outline_lesion(known.image, PX_PER_MM)  # the sharp photo itself is outlined


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("offset", [(19.0, 0.0), (-19.0, 0.0), (0.0, 14.0)])
def test_a_lesion_running_off_the_edge_is_refused(seed: int, offset: tuple[float, float]) -> None:
    known = close_up(seed, size=SIZE, skin=_skin(seed), offset_mm=offset)
    with pytest.raises(LesionTouchesEdge, match="edge of the photo"):
        outline_lesion(known.image, known.px_per_mm)


@pytest.mark.parametrize("seed", range(4))
def test_dense_hair_over_the_lesion_is_refused_as_hair(seed: int) -> None:
    known = close_up(seed, size=SIZE, skin=_skin(seed), hairs=90)
    with pytest.raises(HairBreaksOutline, match="Hair covers"):
        outline_lesion(known.image, known.px_per_mm)


@pytest.mark.parametrize("calibration", [None, 0.0, -3.0, float("nan")])
def test_a_photo_without_calibration_is_refused(calibration: float | None) -> None:
    known = close_up(1, size=SIZE, skin=_skin(1))
    with pytest.raises(OutlineRefused, match="no calibration") as refused:
        outline_lesion(known.image, calibration)
    assert isinstance(refused.value, PixioDocError)


def test_a_grey_photo_is_refused() -> None:
    with pytest.raises(OutlineRefused, match="colour photo"):
        outline_lesion(np.zeros((100, 100), np.uint8), PX_PER_MM)
