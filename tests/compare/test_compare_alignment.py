"""Alignment: 200 synthetic pairs with a known homography, unrelated photos, the manual fix."""

from __future__ import annotations

import numpy as np
import pytest
from compare_support import base_photo, known_pair

from pixiodoc_desktop.demo.photos import render_photo, scene_for
from pixiodoc_desktop.errors import AlignmentFailed, InvalidInput
from pixiodoc_desktop.imaging.alignment import (
    Alignment,
    align,
    check_homography,
    corner_error,
    homography_from_points,
    map_points,
)

CASES = 200


def test_two_hundred_known_pairs_align_within_two_pixels_at_the_corners() -> None:
    rng = np.random.default_rng(20261127)
    errors = []
    for case in range(CASES):
        pair = known_pair(rng, base_photo(case % 7))
        height, width = pair.after.shape[:2]
        try:
            found = align(pair.before, pair.after)
        except AlignmentFailed:
            errors.append(float("inf"))
            continue
        errors.append(corner_error(found.homography, pair.truth, (width, height)))
    within = np.mean(np.array(errors) <= 2.0)
    assert within >= 0.95, f"only {within:.1%} within 2 px; errors: {sorted(errors)[-12:]}"
    assert np.median(errors) < 0.5


def test_a_good_fit_reports_its_quality() -> None:
    pair = known_pair(np.random.default_rng(3), base_photo(1))
    found = align(pair.before, pair.after)
    quality = found.quality
    assert quality.verdict == "good"
    assert 0.7 <= quality.score <= 1.0
    assert quality.inliers >= 50 and 0 < quality.inlier_ratio <= 1
    assert quality.reprojection_error_px < 3.0
    assert not found.manual
    again = Alignment.from_json(found.to_json())
    assert np.allclose(again.homography, found.homography)
    assert again.quality == type(found.quality).from_json(found.quality.to_json())


def test_unrelated_photos_are_refused_clearly() -> None:
    first = render_photo(scene_for(1, "acne"), 0, 1, size=(800, 600))
    other = render_photo(scene_for(77, "eczema"), 0, 1, size=(800, 600))
    with pytest.raises(AlignmentFailed, match="could not align: too few matching features"):
        align(first, other)
    noise = np.random.default_rng(0).integers(0, 255, (600, 800, 3), dtype=np.uint8)
    with pytest.raises(AlignmentFailed, match="could not align"):
        align(first, noise)
    flat = np.full((600, 800, 3), 180, np.uint8)
    with pytest.raises(AlignmentFailed, match="too few matching features"):
        align(first, flat)


def test_implausible_fits_are_refused() -> None:
    mirror = np.diag([-1.0, 1.0, 1.0])
    with pytest.raises(AlignmentFailed, match="mirror"):
        check_homography(mirror, (800, 600))
    with pytest.raises(AlignmentFailed, match="scale"):
        check_homography(np.diag([3.0, 3.0, 1.0]), (800, 600))
    bent = np.eye(3)
    bent[2, 0] = 0.002
    with pytest.raises(AlignmentFailed, match="perspective"):
        check_homography(bent, (800, 600))


def test_three_point_pairs_fix_the_alignment() -> None:
    pair = known_pair(np.random.default_rng(11), base_photo(2))
    clicked_after = np.array([[100.0, 120.0], [650.0, 90.0], [380.0, 520.0]])
    clicked_before = map_points(pair.truth, clicked_after)
    pairs = [
        ((float(a[0]), float(a[1])), (float(b[0]), float(b[1])))
        for a, b in zip(clicked_after, clicked_before, strict=True)
    ]
    fixed = homography_from_points(pairs, (800, 600))
    assert fixed.manual
    # The known transform is a similarity, so three exact pairs recover it everywhere.
    assert corner_error(fixed.homography, pair.truth, (800, 600)) < 0.01
    assert fixed.quality.verdict == "good"


def test_manual_points_must_span_the_photo() -> None:
    with pytest.raises(InvalidInput, match="at least three"):
        homography_from_points([((0, 0), (0, 0)), ((1, 1), (1, 1))], (800, 600))
    on_a_line = [((x, x), (x + 5, x)) for x in (10.0, 200.0, 400.0)]
    with pytest.raises(InvalidInput, match="one line"):
        homography_from_points(on_a_line, (800, 600))


def test_six_or_more_pairs_fit_a_homography() -> None:
    truth = np.array([[1.02, 0.03, 12.0], [-0.02, 0.98, -7.0], [1e-5, -2e-5, 1.0]])
    after = np.array([[50, 40], [700, 60], [720, 560], [60, 540], [400, 300], [200, 450]], float)
    before = map_points(truth, after)
    fixed = homography_from_points(
        [((*a,), (*b,)) for a, b in zip(after.tolist(), before.tolist(), strict=True)],
        (800, 600),
    )
    assert corner_error(fixed.homography, truth, (800, 600)) < 0.05
