"""Automatic lesion outline of a 12 MP dermoscopy photo, against a plain Otsu threshold.

The photo is the demo's skin with a naevus of known geometry (hair, uneven light, noise,
JPEG), 4000x3000 at the demo's dermoscopy calibration (100 px/mm). The value is the
median wall time of `imaging.outline.outline_lesion` (hair removal, light flattening,
threshold refinement, refusal checks, measurements); the baseline, in the same run on the
same decoded pixels, is the plainest segmentation there is: grey conversion and one Otsu
threshold at full size. ratio = outline / Otsu. The measured area is checked against the
drawn one, so a fast but wrong outline cannot pass.

    python benchmarks/outline.py [--quick] [--runs N]
"""

from __future__ import annotations

import argparse
import sys

import _common
import cv2
import numpy as np
from numpy.typing import NDArray

from pixiodoc_desktop.demo.close_up import close_up
from pixiodoc_desktop.imaging.outline import outline_lesion

TARGET_SECONDS = 0.3


def _otsu(image: NDArray[np.uint8]) -> NDArray[np.uint8]:
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    _, mask = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return np.asarray(mask, np.uint8)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="a 2 MP photo, three runs (CI)")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    size = (1600, 1200) if args.quick else (4000, 3000)
    runs = 3 if args.quick else args.runs

    _common.log(f"rendering a {size[0]}x{size[1]} dermoscopy photo ...")
    known = close_up(11, size=size, hairs=6, diameter_mm=(6.0, 9.0))
    outline_lesion(known.image, known.px_per_mm)  # warm up OpenCV's buffers
    _otsu(known.image)
    outlined, plain = [], []
    found = None
    for n in range(1, runs + 1):
        seconds, found = _common.timed(lambda: outline_lesion(known.image, known.px_per_mm))
        outlined.append(seconds)
        plain.append(_common.timed(lambda: _otsu(known.image))[0])
        _common.log(f"run {n}/{runs}: outline {outlined[-1]:.4f} s, Otsu {plain[-1]:.4f} s")
    assert found is not None
    area_error = found.area_mm2 / known.area_mm2 - 1.0
    diameter_error = found.diameter_mm - known.diameter_mm
    accurate = abs(area_error) <= 0.05 and abs(diameter_error) <= 0.3

    value, baseline = _common.median(outlined), _common.median(plain)
    _common.emit(
        _common.result(
            benchmark="outline",
            metric=f"automatic lesion outline of a {size[0] * size[1] / 1e6:.0f} MP dermoscopy "
            "photo (plain Otsu threshold of the same image as baseline)",
            value=_common.rounded(value),
            unit="s",
            baseline=_common.rounded(baseline),
            ratio=_common.rounded(value / baseline),
            target=TARGET_SECONDS,
            meets_target=value <= TARGET_SECONDS and accurate,
            runs=runs,
            outline_seconds=[_common.rounded(v) for v in outlined],
            otsu_seconds=[_common.rounded(v) for v in plain],
            area_mm2={"drawn": round(known.area_mm2, 2), "measured": round(found.area_mm2, 2)},
            diameter_mm={
                "drawn": round(known.diameter_mm, 2),
                "measured": round(found.diameter_mm, 2),
            },
            within_tolerance=accurate,
            load_average=_common.load_average(),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
