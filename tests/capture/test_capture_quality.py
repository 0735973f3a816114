"""Sharpness and exposure warnings, and the sharpest of a burst."""

from __future__ import annotations

import time

import cv2
import numpy as np
import pytest
from capture_support import Recordings

from pixiodoc_desktop.capture.quality import (
    BLURRED,
    HIGHLIGHTS_CLIPPED,
    SHADOWS_CLIPPED,
    assess,
    best_of,
    sharpness,
)
from pixiodoc_desktop.capture.sources import Frame
from pixiodoc_desktop.demo.photos import render_photo, scene_for


@pytest.mark.parametrize("condition", ["naevus", "acne", "psoriasis", "vitiligo"])
def test_a_sharp_skin_photo_passes(condition: str) -> None:
    verdict = assess(render_photo(scene_for(11, condition), 0, 1, size=(1280, 960)))
    assert verdict.ok, verdict
    assert verdict.warnings == ()


def test_a_blurred_photo_is_flagged(recordings: Recordings) -> None:
    blurred = cv2.GaussianBlur(recordings.frame, (0, 0), 3)
    verdict = assess(blurred)
    assert verdict.blurred
    assert verdict.warnings == (BLURRED,)
    assert sharpness(blurred) < sharpness(recordings.frame) / 5


def test_sharpness_does_not_depend_on_the_resolution() -> None:
    scene = scene_for(5, "naevus")
    small = sharpness(render_photo(scene, 0, 1, size=(800, 600), framing_jitter=False))
    large = sharpness(render_photo(scene, 0, 1, size=(3200, 2400), framing_jitter=False))
    assert 0.67 < small / large < 1.5


def test_glare_and_darkness_are_flagged(recordings: Recordings) -> None:
    glare = recordings.frame.copy()
    cv2.circle(glare, (320, 240), 90, (255, 255, 255), -1)  # a reflection off the skin
    verdict = assess(glare)
    assert HIGHLIGHTS_CLIPPED in verdict.warnings
    assert verdict.highlights > 0.05
    dark = (recordings.frame // 12).astype(np.uint8)
    dark[:200] = 0
    assert SHADOWS_CLIPPED in assess(dark).warnings


def test_the_sharpest_of_a_burst_is_kept(recordings: Recordings) -> None:
    shaky = cv2.GaussianBlur(recordings.frame, (0, 0), 2)
    shakier = cv2.GaussianBlur(recordings.frame, (0, 0), 4)
    now = time.monotonic()
    burst = [Frame(shaky, now, 1), Frame(recordings.frame, now, 2), Frame(shakier, now, 3)]
    assert best_of(burst).number == 2
    assert best_of([shakier, recordings.frame]) is recordings.frame
    with pytest.raises(ValueError, match="at least one"):
        best_of([])
