"""Which figure the body map shows a patient on, and that a place clicked on any figure is
stored so that it comes back to the same spot on every figure."""

from __future__ import annotations

import datetime as dt

import pytest

from pixiodoc_desktop.clinic.records.body_outlines import (
    BodyOutline,
    outline_for,
    region_at,
    shown_at,
    stored_at,
    view_size,
)
from pixiodoc_desktop.clinic.records.lesions import MapView

TODAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("sex", "born", "figure"),
    [
        ("female", dt.date(1980, 1, 1), BodyOutline.FEMALE),
        ("male", dt.date(1980, 1, 1), BodyOutline.MALE),
        ("other", dt.date(1980, 1, 1), BodyOutline.NEUTRAL),
        ("unknown", None, BodyOutline.NEUTRAL),
        ("female", dt.date(2014, 12, 6), BodyOutline.CHILD),  # 11, twelve tomorrow
        ("male", dt.date(2014, 12, 5), BodyOutline.MALE),  # twelve today
        ("unknown", dt.date(2020, 3, 1), BodyOutline.CHILD),
    ],
)
def test_the_figure_follows_sex_and_age(
    sex: str, born: dt.date | None, figure: BodyOutline
) -> None:
    assert outline_for(sex, born, TODAY) is figure


@pytest.mark.parametrize("outline", list(BodyOutline))
@pytest.mark.parametrize("view", list(MapView))
def test_a_click_is_stored_so_that_it_is_shown_where_it_was_clicked(
    outline: BodyOutline, view: MapView
) -> None:
    width, height = view_size(view)
    for i in range(1, 10):
        for j in range(1, 10):
            x, y = i / 10 + 0.0123, j / 10 + 0.0071  # off the drawing's straight edges
            clicked = region_at(outline, view, x * width, y * height)
            stored = stored_at(outline, view, x, y)
            assert shown_at(outline, view, *stored) == pytest.approx((x, y), abs=1e-9)
            if clicked is None:
                continue
            # On the neutral figure (the frame places are stored in) it is the same site.
            back = region_at(BodyOutline.NEUTRAL, view, stored[0] * width, stored[1] * height)
            assert back is not None and back.code == clicked.code, (outline, view, x, y)
