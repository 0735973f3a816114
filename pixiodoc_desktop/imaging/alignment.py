"""Register a later photo onto an earlier one, so that a comparison shows change, not framing.

The homography `H` maps pixel coordinates of the *after* photo (full size) to
pixel coordinates of the *before* photo (full size): `cv2.warpPerspective(after,
H, before_size)` lays the later photo over the earlier one.

How: both photos are turned grey and brought to about 1000 px (local contrast
evened with CLAHE, so that a change of lighting does not hide the fine skin
texture), ORB finds features (with a low FAST threshold, so smooth skin still yields
thousands; SIFT was as robust but four times slower here),
Lowe's ratio test keeps distinctive matches, and MAGSAC++ fits the homography.
The fit is then refined by phase correlation of patches spread evenly over the
overlap (blind to brightness and contrast), fitted robustly. A
fit that flips the image, scales it beyond 1:2 or 2:1, or bends it into strong
perspective is refused: photos of the same skin taken from the same side do
not do that (`homography.check_homography`). The `Alignment` record, the manual
fix and warping live in `homography`; their names are importable from here too.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from pixiodoc_desktop.errors import AlignmentFailed, InvalidInput
from pixiodoc_desktop.imaging.homography import (
    F64,
    U8,
    Alignment,
    AlignmentQuality,
    aligned_pair,
    check_homography,
    corner_error,
    homography_from_points,
    identity_alignment,
    map_points,
    overlap_mask,
    rescale_homography,
    warp_after,
)

__all__ = [
    "MIN_INLIERS",
    "MIN_MATCHES",
    "WORK_SIZE",
    "Alignment",
    "AlignmentQuality",
    "align",
    "aligned_pair",
    "check_homography",
    "corner_error",
    "grey",
    "homography_from_points",
    "identity_alignment",
    "map_points",
    "overlap_mask",
    "rescale_homography",
    "warp_after",
]

WORK_SIZE = 1000  # long side of the grey working copies, in pixels
MIN_MATCHES = 12
MIN_INLIERS = 20
_RATIO = 0.8
_RANSAC_PX = 2.5  # at working size
_PATCH = 96  # side of the phase-correlation patches (working pixels)
_HANNING = cv2.createHanningWindow((_PATCH, _PATCH), cv2.CV_32F)


# --- the working copies ---------------------------------------------------------------


def grey(image: NDArray[Any]) -> U8:
    if image.ndim == 2:
        out = image
    elif image.shape[2] == 4:
        out = cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    else:
        out = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    if out.dtype != np.uint8:
        raise InvalidInput("Alignment needs 8-bit images")
    return np.ascontiguousarray(out)


def _shrink(image: U8, long_side: int) -> tuple[U8, F64]:
    """A copy whose long side is at most `long_side`, and the matrix full -> copy pixels."""
    height, width = image.shape[:2]
    factor = min(1.0, long_side / max(width, height))
    if factor >= 1.0:
        return image, np.eye(3)
    new_w, new_h = max(1, round(width * factor)), max(1, round(height * factor))
    small = cv2.resize(image, (new_w, new_h), interpolation=cv2.INTER_AREA)
    sx, sy = new_w / width, new_h / height
    # Pixel centres: x_small + 0.5 = (x + 0.5) * s
    scale = np.array([[sx, 0.0, 0.5 * sx - 0.5], [0.0, sy, 0.5 * sy - 0.5], [0.0, 0.0, 1.0]])
    return np.asarray(small, dtype=np.uint8), scale


_CLAHE = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8))


def _features(image: U8, detector_name: str) -> tuple[Any, NDArray[Any] | None]:
    if detector_name == "sift":
        detector: Any = cv2.SIFT.create(nfeatures=3000, contrastThreshold=0.02)
    else:
        detector = cv2.ORB.create(nfeatures=1500, fastThreshold=5)
    keypoints, descriptors = detector.detectAndCompute(_CLAHE.apply(image), None)
    return keypoints, descriptors


# --- the fit ----------------------------------------------------------------------------


def _quality(matches: int, inliers: int, error_px: float, error_work: float) -> AlignmentQuality:
    """Score from the inlier count and share and the residual in working pixels (so that
    the same fit scores the same on a 2 MP and a 24 MP photo)."""
    ratio = inliers / matches if matches else 0.0
    count_part = min(1.0, inliers / 150.0)
    ratio_part = min(1.0, ratio / 0.6)
    error_part = 1.0 - min(1.0, max(0.0, (error_work - 0.5) / 4.5))
    score = float(0.4 * count_part + 0.3 * ratio_part + 0.3 * error_part)
    verdict = "good" if score >= 0.7 else "fair" if score >= 0.45 else "poor"
    return AlignmentQuality(matches, inliers, ratio, error_px, score, verdict)


def align(
    before: NDArray[Any],
    after: NDArray[Any],
    *,
    work_size: int = WORK_SIZE,
    refine: bool = True,
) -> Alignment:
    """Register `after` onto `before` (BGR or grey uint8). Raises AlignmentFailed."""
    grey_before, grey_after = grey(before), grey(after)
    small_before, to_small_before = _shrink(grey_before, work_size)
    small_after, to_small_after = _shrink(grey_after, work_size)
    # ORB first (fast); SIFT only when ORB finds too little on very smooth skin.
    fit = _match(small_before, small_after, "orb") or _match(small_before, small_after, "sift")
    if fit is None:
        raise AlignmentFailed("could not align: too few matching features")
    small_h, src, dst, good, inlier_mask = fit
    inliers = int(inlier_mask.sum())
    height_a, width_a = grey_after.shape[:2]

    def to_full(matrix: F64) -> F64:
        out = np.linalg.inv(to_small_before) @ matrix @ to_small_after
        return np.asarray(out / out[2, 2], dtype=np.float64)

    full = to_full(small_h)
    check_homography(full, (width_a, height_a))
    refined = False
    if refine:
        better = _refine_patches(small_before, small_after, small_h)
        if better is not None:
            candidate = to_full(better)
            try:
                check_homography(candidate, (width_a, height_a))
            except AlignmentFailed:
                pass
            else:
                full, refined = candidate, True

    # Residuals of the inlier matches under the final fit, in before-photo pixels.
    src_full = map_points(np.asarray(np.linalg.inv(to_small_after)), src[inlier_mask])
    dst_full = map_points(np.asarray(np.linalg.inv(to_small_before)), dst[inlier_mask])
    residual = map_points(full, src_full) - dst_full
    error = float(np.mean(np.hypot(residual[:, 0], residual[:, 1])))
    # Matches are found at working size: their own noise is about a working pixel.
    noise = 1.0 / min(to_small_before[0, 0], to_small_before[1, 1])
    quality = _quality(good, inliers, error, error / noise)
    return Alignment(full, quality, manual=False, refined=refined)


_Fit = tuple[F64, NDArray[np.float32], NDArray[np.float32], int, NDArray[np.bool_]]


def _match(small_before: U8, small_after: U8, detector: str) -> _Fit | None:
    """Features, ratio test and MAGSAC++ at working size; None when the fit is weak."""
    kp_b, des_b = _features(small_before, detector)
    kp_a, des_a = _features(small_after, detector)
    if des_a is None or des_b is None or len(kp_a) < MIN_MATCHES or len(kp_b) < MIN_MATCHES:
        return None
    matcher: Any = (
        cv2.FlannBasedMatcher({"algorithm": 1, "trees": 4}, {"checks": 48})
        if detector == "sift"
        else cv2.BFMatcher(cv2.NORM_HAMMING)
    )
    pairs = matcher.knnMatch(des_a, des_b, k=2)
    good = [p[0] for p in pairs if len(p) == 2 and p[0].distance < _RATIO * p[1].distance]
    if len(good) < MIN_MATCHES:
        return None
    src = np.array([kp_a[m.queryIdx].pt for m in good], dtype=np.float32).reshape(-1, 2)
    dst = np.array([kp_b[m.trainIdx].pt for m in good], dtype=np.float32).reshape(-1, 2)
    found: Any
    mask: Any
    found, mask = cv2.findHomography(
        src, dst, cv2.USAC_MAGSAC, _RANSAC_PX, maxIters=4000, confidence=0.999
    )
    if found is None or mask is None:
        return None
    inlier_mask = mask.ravel().astype(bool)
    inliers = int(inlier_mask.sum())
    if inliers < MIN_INLIERS or inliers < 0.1 * len(good):
        return None
    return np.asarray(found, dtype=np.float64), src, dst, len(good), inlier_mask


def _refine_patches(small_before: U8, small_after: U8, small_h: F64) -> F64 | None:
    """Refine a working-size fit by phase correlation of patches spread over the overlap.

    The after photo is warped with the current fit; in each textured patch the
    remaining shift is measured to a fraction of a pixel (phase correlation is
    blind to brightness and contrast), and a robust fit of those evenly spread
    correspondences replaces the feature fit, whose matches may crowd into a few
    regions and extrapolate badly to the corners. Patches where the skin itself
    changed between visits are outvoted by the robust fit.
    """
    height, width = small_before.shape[:2]
    current = small_h
    for _round in range(2):
        warped = cv2.warpPerspective(small_after, current, (width, height), flags=cv2.INTER_LINEAR)
        cover = cv2.warpPerspective(
            np.full(small_after.shape[:2], 255, np.uint8),
            current,
            (width, height),
            flags=cv2.INTER_NEAREST,
        )
        src: list[tuple[float, float]] = []
        dst: list[tuple[float, float]] = []
        last = _PATCH - 1
        for y in range(0, height - _PATCH + 1, _PATCH):
            for x in range(0, width - _PATCH + 1, _PATCH):
                # The covered area is a convex quadrilateral: four corners inside, all inside.
                if not (
                    cover[y, x]
                    and cover[y, x + last]
                    and cover[y + last, x]
                    and cover[y + last, x + last]
                ):
                    continue
                a = small_before[y : y + _PATCH, x : x + _PATCH]
                b = warped[y : y + _PATCH, x : x + _PATCH]
                if cv2.meanStdDev(a)[1][0, 0] < 2.0 or cv2.meanStdDev(b)[1][0, 0] < 2.0:
                    continue
                (dx, dy), response = cv2.phaseCorrelate(
                    a.astype(np.float32), b.astype(np.float32), _HANNING
                )
                if response < 0.08 or abs(dx) > _PATCH / 8 or abs(dy) > _PATCH / 8:
                    continue
                centre = (x + (_PATCH - 1) / 2, y + (_PATCH - 1) / 2)
                dst.append(centre)
                src.append((centre[0] + dx, centre[1] + dy))
        if len(src) < 8:
            return None if current is small_h else current
        after_points = map_points(
            np.asarray(np.linalg.inv(current), dtype=np.float64), np.array(src)
        )
        refit: Any
        refit, _mask = cv2.findHomography(
            after_points, np.array(dst), cv2.LMEDS if len(src) < 30 else cv2.RANSAC, 1.0
        )
        if refit is None:
            return None if current is small_h else current
        current = np.asarray(refit, dtype=np.float64)
        current /= current[2, 2]
    return current
