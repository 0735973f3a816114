"""Normalisation, measurement and the numpy compare modes at known pixels."""

from __future__ import annotations

import math

import numpy as np
import pytest
from compare_support import base_photo

from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.imaging import compose
from pixiodoc_desktop.imaging.compose import BACKGROUND, DIVIDER, Mode, Orientation, Viewport
from pixiodoc_desktop.imaging.measure import MeasureKind, Measurement, change, measure
from pixiodoc_desktop.imaging.normalise import lab_statistics, normalise_to

RED = (40, 40, 200)  # BGR
BLUE = (200, 60, 30)


def _flat(colour: tuple[int, int, int], size: tuple[int, int] = (400, 300)) -> np.ndarray:
    image = np.empty((size[1], size[0], 3), np.uint8)
    image[:] = colour
    return image


# --- normalisation -----------------------------------------------------------------------


def test_normalisation_undoes_a_global_lighting_change() -> None:
    before = base_photo(3)[400:1000, 500:1300].copy()
    darker = np.clip(before.astype(np.float32) * 0.7 + np.array([10, 0, -12]), 0, 255)
    after = darker.astype(np.uint8)
    error_before = np.abs(after.astype(int) - before.astype(int)).mean()
    fixed = normalise_to(before, after)
    error_after = np.abs(fixed.astype(int) - before.astype(int)).mean()
    assert error_after < error_before / 4
    mean_ref, std_ref = lab_statistics(before)
    assert np.all(std_ref > 0)
    mean_fix, _spread = lab_statistics(fixed)
    assert np.allclose(mean_ref, mean_fix, atol=1.0)


def test_normalisation_uses_only_the_overlap() -> None:
    before = _flat((120, 140, 180))
    after = _flat((90, 100, 140))
    after[:, :100] = 0  # outside the overlap: black border of a warped photo
    mask = np.zeros(before.shape[:2], np.uint8)
    mask[:, 100:] = 255
    fixed = normalise_to(before, after, mask)
    assert np.abs(fixed[:, 150:].astype(int) - before[:, 150:].astype(int)).max() <= 2


def test_normalisation_refuses_photos_in_different_frames() -> None:
    with pytest.raises(InvalidInput):
        normalise_to(_flat(RED), _flat(RED, (200, 100)))


# --- measurement -------------------------------------------------------------------------


def test_distance_diameter_and_area_in_millimetres() -> None:
    square = [(100.0, 100.0), (300.0, 100.0), (300.0, 300.0), (100.0, 300.0)]
    assert measure("distance", [(0, 0), (30, 40)], 10.0).value == pytest.approx(5.0)
    area = measure(MeasureKind.AREA, square, 20.0)
    assert area.unit == "mm²" and area.value == pytest.approx(100.0)
    diameter = measure(MeasureKind.DIAMETER, square, 20.0)
    assert diameter.unit == "mm" and diameter.value == pytest.approx(math.sqrt(2) * 10)
    raw = measure(MeasureKind.AREA, square, None)
    assert raw.unit == "px²" and raw.value == pytest.approx(40000)


def test_change_between_visits() -> None:
    small = measure("area", [(0, 0), (100, 0), (100, 100), (0, 100)], 10.0)  # 100 mm²
    large = measure("area", [(0, 0), (150, 0), (150, 100), (0, 100)], 12.5)  # 96 mm²
    delta = change(small, large)
    assert delta.absolute == pytest.approx(-4.0)
    assert delta.percent == pytest.approx(-4.0)
    assert "4.0 mm²" in delta.text()
    # The change is the difference of the values as shown: 12.3 → 15.1 is +2.8, not +2.9.
    shown = change(
        Measurement(MeasureKind.AREA, 12.34, "mm²"), Measurement(MeasureKind.AREA, 15.14, "mm²")
    )
    assert (shown.before.text(), shown.after.text(), shown.text()) == (
        "12.3 mm²",
        "15.1 mm²",
        "+2.8 mm² (+23 %)",
    )
    with pytest.raises(InvalidInput, match="calibrate"):
        change(small, measure("area", [(0, 0), (1, 0), (0, 1)], None))
    with pytest.raises(InvalidInput):
        measure("distance", [(0, 0)], 10.0)
    with pytest.raises(InvalidInput):
        measure("distance", [(0, 0), (1, 1)], -2.0)


# --- compose -------------------------------------------------------------------------------


def _viewport() -> Viewport:
    return Viewport.fit((400, 300), (400, 300))


def test_viewport_fit_and_mapping() -> None:
    view = Viewport.fit((800, 600), (400, 400))
    assert view.zoom == pytest.approx(0.5)
    x, y = view.to_view(0, 0)
    assert view.to_image(x, y) == pytest.approx((0, 0))


@pytest.mark.parametrize("fraction", [0.25, 0.5, 0.8])
def test_vertical_slider_shows_before_left_and_after_right(fraction: float) -> None:
    frame = compose.slider(_flat(RED), _flat(BLUE), _viewport(), fraction)
    cut = round(400 * fraction)
    assert tuple(frame[150, cut - 10]) == RED
    assert tuple(frame[150, cut + 10]) == BLUE
    assert tuple(frame[150, cut]) == DIVIDER


def test_horizontal_slider_shows_before_on_top() -> None:
    frame = compose.slider(_flat(RED), _flat(BLUE), _viewport(), 0.3, Orientation.HORIZONTAL)
    assert tuple(frame[80, 200]) == RED
    assert tuple(frame[100, 200]) == BLUE


def test_overlay_blends_by_opacity() -> None:
    frame = compose.overlay(_flat((0, 0, 0)), _flat((200, 100, 40)), _viewport(), 0.25)
    assert np.allclose(frame[150, 200], (50, 25, 10), atol=1)


def test_blink_alternates_between_the_photos() -> None:
    frames = [compose.blink(_flat(RED), _flat(BLUE), _viewport(), tick) for tick in range(4)]
    assert [tuple(f[150, 200]) for f in frames] == [RED, BLUE, RED, BLUE]


def test_side_by_side_links_zoom_and_pan() -> None:
    before = _flat(RED)
    after = _flat(BLUE)
    before[140:160, 190:210] = (255, 255, 255)
    after[140:160, 190:210] = (255, 255, 255)
    view = Viewport(808, 300, 2.0, 200.0, 150.0)
    frame = compose.side_by_side(before, after, view)
    assert tuple(frame[150, 200]) == (255, 255, 255)  # centre of the left half
    assert tuple(frame[150, 400 + 8 + 200]) == (255, 255, 255)  # centre of the right half
    assert tuple(frame[150, 403]) == BACKGROUND  # the gap
    assert tuple(frame[10, 10]) == RED and tuple(frame[10, 800]) == BLUE


def test_outside_the_photo_is_the_neutral_background() -> None:
    view = Viewport(400, 300, 0.5, 200.0, 150.0)
    frame = compose.render_view(_flat(RED), view)
    assert tuple(frame[5, 5]) == BACKGROUND
    assert tuple(frame[150, 200]) == RED


def test_difference_heat_map_marks_where_skin_changed() -> None:
    before = base_photo(4)[400:700, 500:900].copy()
    after = before.copy()
    after[100:160, 150:230] = (60, 50, 110)  # a new dark lesion
    frame = compose.compose(Mode.DIFFERENCE, before, after, Viewport.fit((400, 300), (400, 300)))
    changed = frame[130, 190].astype(int)
    still = frame[30, 30].astype(int)
    # Unchanged skin stays grey; the change is coloured.
    assert np.ptp(still) <= 3
    assert np.ptp(changed) > 60
