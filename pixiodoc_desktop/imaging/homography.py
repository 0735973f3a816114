"""A registration of one photo onto another and what is done with it.

`Alignment` holds the homography `H` that maps pixel coordinates of the *after*
photo (full size) to those of the *before* photo, with its quality; it is stored
with a saved comparison (`to_json`). Here too: the plausibility check every fit
passes (`check_homography`), the manual fix from clicked point pairs, and laying
the after photo into the before photo's frame. The automatic fit is `alignment.align`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from pixiodoc_desktop.errors import AlignmentFailed, InvalidInput

F64 = NDArray[np.float64]
U8 = NDArray[np.uint8]

_MAX_PERSPECTIVE = 0.35  # how far the homogeneous w may stray from 1 over the photo


@dataclass(frozen=True, slots=True)
class AlignmentQuality:
    """How well the later photo fits onto the earlier one."""

    matches: int  # distinctive feature matches
    inliers: int  # matches the homography explains
    inlier_ratio: float
    reprojection_error_px: float  # mean inlier residual, in pixels of the earlier photo
    score: float  # 0 (useless) .. 1 (excellent)
    verdict: str  # "good" | "fair" | "poor"

    def to_json(self) -> dict[str, Any]:
        return {
            "matches": self.matches,
            "inliers": self.inliers,
            "inlier_ratio": round(self.inlier_ratio, 4),
            "reprojection_error_px": round(self.reprojection_error_px, 3),
            "score": round(self.score, 4),
            "verdict": self.verdict,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AlignmentQuality:
        return cls(
            int(data["matches"]),
            int(data["inliers"]),
            float(data["inlier_ratio"]),
            float(data["reprojection_error_px"]),
            float(data["score"]),
            str(data["verdict"]),
        )


@dataclass(frozen=True, slots=True)
class Alignment:
    """A registration of the after photo onto the before photo, with its quality."""

    homography: F64 = field(repr=False)
    quality: AlignmentQuality
    manual: bool = False
    refined: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "homography": [[float(v) for v in row] for row in self.homography],
            "quality": self.quality.to_json(),
            "manual": self.manual,
            "refined": self.refined,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Alignment:
        matrix = np.asarray(data["homography"], dtype=np.float64)
        if matrix.shape != (3, 3) or not np.all(np.isfinite(matrix)):
            raise InvalidInput("The stored alignment is not a 3x3 matrix")
        return cls(
            matrix,
            AlignmentQuality.from_json(data["quality"]),
            bool(data.get("manual", False)),
            bool(data.get("refined", False)),
        )

    def map_points(self, points: NDArray[Any]) -> F64:
        """After-photo pixel coordinates (N x 2) to before-photo coordinates."""
        return map_points(self.homography, points)


def identity_alignment() -> Alignment:
    """'No alignment': the photos are laid over each other as they are."""
    return Alignment(np.eye(3), AlignmentQuality(0, 0, 0.0, 0.0, 0.0, "poor"), manual=True)


def map_points(homography: NDArray[Any], points: NDArray[Any]) -> F64:
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    mapped = cv2.perspectiveTransform(pts.reshape(-1, 1, 2), homography)
    return np.asarray(mapped, dtype=np.float64).reshape(-1, 2)


def corner_error(estimated: F64, truth: F64, size: tuple[int, int]) -> float:
    """Mean distance (px) between where two homographies put the corners of a (w, h) image."""
    width, height = size
    corners = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], float)
    diff = map_points(estimated, corners) - map_points(truth, corners)
    return float(np.mean(np.hypot(diff[:, 0], diff[:, 1])))


def check_homography(homography: F64, after_size: tuple[int, int]) -> None:
    """Refuse fits no pair of photos of the same skin would need."""
    if not np.all(np.isfinite(homography)) or abs(homography[2, 2]) < 1e-12:
        raise AlignmentFailed("could not align: the fit is degenerate")
    h = homography / homography[2, 2]
    width, height = after_size
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float64)
    w = corners @ h[2, :2] + 1.0
    if np.any(w <= 1 - _MAX_PERSPECTIVE) or np.any(w >= 1 + _MAX_PERSPECTIVE):
        raise AlignmentFailed("could not align: the fit needs an implausible perspective")
    det = float(np.linalg.det(h[:2, :2]))
    if det <= 0:
        raise AlignmentFailed("could not align: the fit would mirror the photo")
    scale = math.sqrt(det)
    if not 0.5 <= scale <= 2.0:
        raise AlignmentFailed(
            f"could not align: the photos differ in scale by {scale:.2f}x (allowed 0.5-2)"
        )
    mapped = map_points(h, corners)
    # The mapped outline must stay a convex quadrilateral in the same winding (no twist).
    signs = []
    for i in range(4):
        a, b, c = mapped[i], mapped[(i + 1) % 4], mapped[(i + 2) % 4]
        signs.append((b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]))
    if not (all(s > 0 for s in signs) or all(s < 0 for s in signs)):
        raise AlignmentFailed("could not align: the fit twists the photo")


# --- the manual fix ----------------------------------------------------


def homography_from_points(
    pairs: Sequence[tuple[tuple[float, float], tuple[float, float]]],
    after_size: tuple[int, int],
) -> Alignment:
    """A fit from clicked point pairs ((x_after, y_after), (x_before, y_before)).

    Three pairs give an exact affine fit; up to five a least-squares affine fit
    (clicks are not exact, and a homography from four clicks bends wildly);
    six or more a least-squares homography.
    """
    if len(pairs) < 3:
        raise InvalidInput("Place at least three point pairs to fix the alignment")
    src = np.array([p[0] for p in pairs], dtype=np.float64)
    dst = np.array([p[1] for p in pairs], dtype=np.float64)
    for points in (src, dst):
        centred = points - points.mean(axis=0)
        spread = np.linalg.svd(centred, compute_uv=False)
        if spread[-1] < 1.0:
            raise InvalidInput("The points lie on one line; spread them over the photo")
    if len(pairs) < 6:
        design = np.hstack([src, np.ones((len(src), 1))])
        solution, *_ = np.linalg.lstsq(design, dst, rcond=None)
        homography = np.vstack([solution.T, [0.0, 0.0, 1.0]])
    else:
        found, _ = cv2.findHomography(src, dst, 0)
        if found is None:
            raise InvalidInput("These point pairs do not give an alignment")
        homography = np.asarray(found, dtype=np.float64)
        homography /= homography[2, 2]
    check_homography(homography, after_size)
    residual = map_points(homography, src) - dst
    error = float(np.mean(np.hypot(residual[:, 0], residual[:, 1])))
    verdict = "good" if error <= 3.0 else "fair" if error <= 8.0 else "poor"
    score = max(0.0, 1.0 - error / 16.0)
    quality = AlignmentQuality(len(pairs), len(pairs), 1.0, error, score, verdict)
    return Alignment(homography, quality, manual=True)


def warp_after(after: NDArray[Any], alignment: Alignment, before_size: tuple[int, int]) -> U8:
    """The after photo laid onto the before photo's frame (outside: black)."""
    return np.asarray(
        cv2.warpPerspective(
            after,
            alignment.homography,
            before_size,
            flags=cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_CONSTANT,
        ),
        dtype=np.uint8,
    )


def overlap_mask(
    after_size: tuple[int, int], alignment: Alignment, before_size: tuple[int, int]
) -> U8:
    """255 where the warped after photo covers the before photo's frame."""
    width, height = after_size
    ones = np.full((height, width), 255, dtype=np.uint8)
    return np.asarray(
        cv2.warpPerspective(ones, alignment.homography, before_size, flags=cv2.INTER_NEAREST),
        dtype=np.uint8,
    )


def rescale_homography(
    homography: NDArray[Any],
    after_from: tuple[int, int],
    after_to: tuple[int, int],
    before_from: tuple[int, int],
    before_to: tuple[int, int],
) -> F64:
    """The same fit for scaled copies of the photos (e.g. the screen-size previews).

    Sizes are (width, height): `*_from` the sizes `homography` was made for,
    `*_to` the sizes of the copies.
    """

    def scale(src: tuple[int, int], dst: tuple[int, int]) -> F64:
        sx, sy = dst[0] / src[0], dst[1] / src[1]
        return np.array([[sx, 0.0, 0.5 * sx - 0.5], [0.0, sy, 0.5 * sy - 0.5], [0.0, 0.0, 1.0]])

    out = scale(before_from, before_to) @ homography @ np.linalg.inv(scale(after_from, after_to))
    return np.asarray(out / out[2, 2], dtype=np.float64)


def aligned_pair(
    before: U8,
    after: U8,
    homography: NDArray[Any] | None,
    border: tuple[int, int, int] = (32, 32, 32),
) -> tuple[U8, U8, U8]:
    """(before, after in the before frame, mask of where both show skin).

    Without a homography the after photo is only scaled to the before photo's
    size (the photos laid over each other as they are). Where the later photo
    does not reach, `border` (the views' neutral grey) shows.
    """
    height, width = before.shape[:2]
    if homography is None:
        a_h, a_w = after.shape[:2]
        homography = np.diag([width / a_w, height / a_h, 1.0])
    warped = cv2.warpPerspective(
        after,
        np.asarray(homography, dtype=np.float64),
        (width, height),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=border,
    )
    ones = np.full(after.shape[:2], 255, np.uint8)
    mask = cv2.warpPerspective(
        ones, np.asarray(homography, dtype=np.float64), (width, height), flags=cv2.INTER_NEAREST
    )
    return before, np.asarray(warped, dtype=np.uint8), np.asarray(mask, dtype=np.uint8)
