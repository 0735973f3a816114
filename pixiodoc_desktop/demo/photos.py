"""Synthetic, skin-like clinical photos for the demo vault, the tests and the benchmarks.

No real patient photo may ever enter the repository, yet a newcomer opening the demo clinic
should see a living practice: skin-toned close-ups whose lesions change from visit to visit,
framed a little differently each time, as real follow-up photos are.

How a photo is made, and why it is fast enough for 12 MP benchmark images:

* Colour follows a two-pigment skin model in optical density: every pixel is the skin tone
  plus some melanin (brown) and some haemoglobin (red). Redness on dark skin therefore turns
  violaceous and vitiligo turns any tone milky white, without per-tone colour tables.
* Everything anatomical (tone variation, lesion shapes) lives on a small scene grid that
  does not depend on the visit or the output size, so lesions stay where they are.
* The camera of each visit is one affine map from the scene to the output pixels. The grid
  is warped with it straight to the output (there is no full-size canvas to fill); lesion
  borders are thresholded only after warping, so they stay crisp at any resolution; papules
  and vessels are drawn into the output through the same map. The grid reaches well beyond
  any jittered frame up to 2:1 (wider ones are mirrored at the edge), so no black border
  can appear. Fine skin texture is a small tile, repeated.
"""

from __future__ import annotations

import io
import math
from datetime import datetime

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import ExifTags, Image

from pixiodoc_desktop.demo.camera import Camera, camera_for, grid_to_output
from pixiodoc_desktop.demo.lesions import LESIONS_FOR, Bump, Lesions, Sharp
from pixiodoc_desktop.demo.skin import TEXTURE_PX, Skin, skin_of, texture_tile
from pixiodoc_desktop.demo.skin_model import (
    CONDITIONS,
    EXTENT,
    F32,
    GRID_PX,
    GX,
    GY,
    HAEMOGLOBIN,
    LESION_MELANIN,
    LOG_255,
    MELANIN,
    TEXTURE_TINT,
    VESSEL,
    SkinScene,
    as_f32,
    scene_rng,
)

__all__ = ["CONDITIONS", "SkinScene", "encode_jpeg", "render_photo", "scene_for"]
# Tones that suit each condition in the demo: rosacea and naevi mostly on fair skin,
# melasma and vitiligo where they show (and where they are common).
_TONES_FOR: dict[str, tuple[int, ...]] = {
    "acne": (1, 2, 3, 4, 5, 6),
    "eczema": (1, 2, 3, 4, 5, 6),
    "psoriasis": (1, 2, 3, 4, 5),
    "rosacea": (1, 2, 2, 3),
    "melasma": (3, 3, 4, 4, 5),
    "vitiligo": (3, 4, 5, 6),
    "naevus": (1, 2, 2, 3),
}


def scene_for(seed: int, condition: str) -> SkinScene:
    """The demo's choice of skin tone and course for a seed: mostly improving under
    treatment, sometimes worse; a naevus usually grows (the one to watch)."""
    if condition not in CONDITIONS:
        raise ValueError(
            f"Unknown condition {condition!r}; expected one of {', '.join(CONDITIONS)}."
        )
    rng = np.random.default_rng([seed % (1 << 64), CONDITIONS.index(condition), 0])
    tone = int(rng.choice(_TONES_FOR[condition]))
    draw = float(rng.random())
    if condition == "naevus":
        trend = rng.uniform(0.35, 1.0) if draw < 0.7 else rng.uniform(0.0, 0.1)
    elif condition == "vitiligo":
        trend = rng.uniform(-0.75, -0.3) if draw < 0.5 else rng.uniform(0.3, 0.8)
    else:
        trend = rng.uniform(-0.95, -0.4) if draw < 0.8 else rng.uniform(0.2, 0.6)
    return SkinScene(seed=seed, condition=condition, skin_tone=tone, trend=round(float(trend), 3))


def render_photo(
    scene: SkinScene,
    visit_index: int,
    n_visits: int,
    *,
    size: tuple[int, int] = (1600, 1200),
    framing_jitter: bool = True,
) -> NDArray[np.uint8]:
    """One visit's photo of the scene: BGR uint8 of shape (height, width, 3); identical
    for identical arguments."""
    if n_visits < 1 or not 0 <= visit_index < n_visits:
        raise ValueError(f"Visit {visit_index} is not one of {n_visits} visits.")
    width, height = size
    if width < 16 or height < 16:
        raise ValueError(f"A photo must be at least 16x16 pixels, not {width}x{height}.")
    progress = visit_index / (n_visits - 1) if n_visits > 1 else 0.0
    extent = 1.0 + scene.trend * progress

    skin = skin_of(scene)
    lesions = LESIONS_FOR[scene.condition](scene, scene_rng(scene, 2), extent)
    camera = camera_for(scene, skin, visit_index, size, framing_jitter)
    return _compose(scene, skin, lesions, camera, (width, height))


def _compose(
    scene: SkinScene, skin: Skin, lesions: Lesions, camera: Camera, size: tuple[int, int]
) -> NDArray[np.uint8]:
    """Warp the scene to the output and add what must be sharp there. The work happens in
    log brightness per channel (ln 255 minus optical density), so pigments simply add."""
    width, height = size
    # Light, in output coordinates relative to the frame centre, evaluated on the grid.
    linear, offset = camera.to_output[:, :2], camera.to_output[:, 2]
    u = (linear[0, 0] * GX + linear[0, 1] * GY + offset[0] - (width - 1) / 2) / camera.reference
    v = (linear[1, 0] * GX + linear[1, 1] * GY + offset[1] - (height - 1) / 2) / camera.reference
    towards_light = u * math.cos(camera.light_angle) + v * math.sin(camera.light_angle)
    light = 0.13 * (u * u + v * v) - camera.light_strength * towards_light
    grey = skin.grey + light + camera.exposure
    melanin = skin.melanin + lesions.melanin
    haemoglobin = skin.haemoglobin + lesions.haemoglobin
    constant = LOG_255 - skin.density - camera.white_balance
    layers = [
        (constant[c] - grey - MELANIN[c] * melanin - HAEMOGLOBIN[c] * haemoglobin).astype(
            np.float32
        )
        for c in range(3)
    ]
    if lesions.white_thickness is not None:
        layers.append(lesions.white_thickness)
    warped = _warp_smooth(layers, camera, size)
    planes, thickness = warped[:3], warped[3] if len(warped) > 3 else None

    white: F32 | None = None
    texture = _texture(scene, camera, size)
    patch = lesions.patch
    if patch is not None:
        patch_mask = _warp_fine(_enlarge(_normalised(patch, camera)), camera, size)
        np.clip(patch_mask, 0.0, 1.0, out=patch_mask)
        _add_density(planes, patch_mask, patch.density)
        if patch.white:
            white = patch_mask * np.float32(patch.white)
        if lesions.detail is not None:
            detail = _warp_fine(_enlarge(_normalised(lesions.detail, camera)), camera, size)
            np.clip(detail, 0.0, 1.0, out=detail)
            detail *= patch_mask
            _add_density(planes, detail, lesions.detail.density)
            if lesions.detail.white:
                detail *= np.float32(lesions.detail.white)
                white = detail if white is None else np.maximum(white, detail, out=white)
        if lesions.texture_boost:
            boost = cv2.multiply(texture, patch_mask, scale=lesions.texture_boost)
            texture = as_f32(cv2.add(texture, boost))
    _add_density(planes, texture, TEXTURE_TINT)

    white = _draw_bumps(planes, white, lesions.bumps, camera)
    _draw_vessels(planes, lesions, camera)

    channels = []
    if white is not None:
        # Scale and pus are not flat paint: the surface texture breaks them up.
        breakup = as_f32(cv2.addWeighted(texture, -lesions.white_texture, texture, 0.0, 1.0))
        white = as_f32(cv2.multiply(white, np.clip(breakup, 0.0, 1.3, out=breakup)))
        if thickness is not None:
            white = as_f32(cv2.multiply(white, thickness))
        keep = 1.0 - white
    for c, plane in enumerate(planes):
        np.exp(plane, out=plane)
        if white is not None:
            plane *= keep
            cv2.scaleAdd(white, float(lesions.white_rgb[2 - c]), plane, dst=plane)
        channels.append(cv2.convertScaleAbs(plane))
    return np.asarray(cv2.merge(channels), dtype=np.uint8)


def _texture(scene: SkinScene, camera: Camera, size: tuple[int, int]) -> F32:
    """Fine skin texture at output size: the tile repeated, far cheaper than drawing or
    warping a full-size field; at this contrast the repetition does not show."""
    # Drawn at most at the tuned scale; finer outputs get the tile enlarged, which is how
    # a real photo looks there too (the optics blur what the sensor could resolve).
    enlarge = camera.scale / TEXTURE_PX
    tile = texture_tile(scene, min(1.0, enlarge))
    if enlarge > 1.0:
        tile_h, tile_w = (round(n * enlarge) for n in tile.shape)
        tile = as_f32(cv2.resize(tile, (tile_w, tile_h), interpolation=cv2.INTER_CUBIC))
    tile_h, tile_w = tile.shape
    width, height = size
    repeated = as_f32(cv2.repeat(tile, -(-height // tile_h), -(-width // tile_w)))
    return repeated[:height, :width]


def _warp_to_output(grid: F32, matrix: NDArray[np.float64], size: tuple[int, int]) -> F32:
    """Warp a grid to the output via half size, then enlarge linearly. A grid pixel spans
    several output pixels, so smooth planes lose nothing; for a steep field that is only
    thresholded afterwards, linear enlarging keeps the crossing exact, so outlines stay
    crisp. It costs less than half of a full-size warp."""
    width, height = size
    half = (-(-width // 2), -(-height // 2))
    to_half = matrix.copy()
    to_half[:, 2] -= 0.5  # output pixel centres 2i and 2i+1 meet at half pixel i
    to_half *= 0.5
    small = cv2.warpAffine(
        grid, to_half, half, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT
    )
    return as_f32(cv2.resize(small, size, interpolation=cv2.INTER_LINEAR))


def _warp_smooth(layers: list[F32], camera: Camera, size: tuple[int, int]) -> list[F32]:
    """Smooth grid planes at output size, one at a time: OpenCV warps single planes far
    faster than it splits interleaved channels."""
    matrix = grid_to_output(camera, GRID_PX, -EXTENT)
    return [_warp_to_output(layer, matrix, size) for layer in layers]


def _normalised(sharp: Sharp, camera: Camera) -> F32:
    """The field rescaled so that 0..1 spans the border, which is `edge` wide in the scene
    but at least about one output pixel, so that it is never jagged."""
    field_ = sharp.field
    sample = field_[::2, ::2]  # plenty for a typical slope, at a quarter of the cost
    distance = np.abs(sample - sharp.level)
    nearest = distance <= np.partition(distance.ravel(), 100)[100]
    gy, gx = np.gradient(sample)
    slope = float(np.median(np.hypot(gx, gy)[nearest])) * GRID_PX / 2 + 1e-6
    ramp = slope * max(sharp.edge, 1.2 / camera.scale)
    normalised: F32 = ((field_ - sharp.level) / ramp + 0.5).astype(np.float32)
    return normalised


def _enlarge(grid: F32) -> F32:
    """Double the grid smoothly, so that thresholded outlines come out as curves."""
    return as_f32(cv2.resize(grid, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC))


def _warp_fine(fine: F32, camera: Camera, size: tuple[int, int]) -> F32:
    # cv2.resize puts the doubled grid's pixel 0 a quarter coarse pixel before the scene edge.
    matrix = grid_to_output(camera, 2 * GRID_PX, -EXTENT - 0.5 / (2 * GRID_PX))
    return _warp_to_output(fine, matrix, size)


def _add_density(planes: list[F32], weight: F32, density: NDArray[np.float64]) -> None:
    for c, plane in enumerate(planes):
        if density[c]:
            cv2.scaleAdd(weight, -float(density[c]), plane, dst=plane)


def _draw_bumps(
    planes: list[F32], white: F32 | None, bumps: list[Bump], camera: Camera
) -> F32 | None:
    """Papules, pustules, comedones and pigment dots: small domes, shaded and with a glint
    on the side of the light, as a flash photo shows them."""
    height, width = planes[0].shape
    lx, ly = math.cos(camera.light_angle), math.sin(camera.light_angle)
    for bump in bumps:
        cx, cy = camera.to_output @ np.array([bump.x, bump.y, 1.0])
        radius = max(1.0, bump.radius * camera.scale)
        reach = int(2.4 * radius) + 2
        x0, x1 = max(0, int(cx) - reach), min(width, int(cx) + reach + 1)
        y0, y1 = max(0, int(cy) - reach), min(height, int(cy) + reach + 1)
        if x0 >= x1 or y0 >= y1:
            continue
        dx = (np.arange(x0, x1, dtype=np.float32) - cx)[None, :] / radius
        dy = (np.arange(y0, y1, dtype=np.float32) - cy)[:, None] / radius
        r2 = dx * dx + dy * dy
        dome = np.exp(-r2 / 0.6)
        # A flat-topped red papule with a soft inflamed halo.
        redness = bump.haemoglobin * (0.8 * np.exp(-(r2**2) / 0.5) + 0.2 * np.exp(-r2 / 1.6))
        pigment = bump.melanin * np.exp(-r2 / 0.5)
        away = -(dx * lx + dy * ly) * dome  # positive on the side turned from the light
        gx, gy = dx - 0.35 * lx, dy - 0.35 * ly
        glint = np.exp(-(gx * gx + gy * gy) / 0.05)
        grey = bump.elevation * (0.14 * away - 0.06 * glint)
        for c, plane in enumerate(planes):
            plane[y0:y1, x0:x1] -= (
                grey + HAEMOGLOBIN[c] * redness + LESION_MELANIN[c] * pigment
            ).astype(np.float32)
        if bump.pus > 0.0:
            if white is None:
                white = np.zeros_like(planes[0])
            pus = bump.pus * np.clip((0.5 - np.sqrt(r2)) / 0.22, 0.0, 1.0).astype(np.float32)
            np.maximum(white[y0:y1, x0:x1], pus, out=white[y0:y1, x0:x1])
    return white


def _draw_vessels(planes: list[F32], lesions: Lesions, camera: Camera) -> None:
    """Telangiectasia: thin red lines, anti-aliased and softened, in one region of interest."""
    if not lesions.vessels:
        return
    height, width = planes[0].shape
    outputs = [
        (camera.to_output[:, :2] @ line.T).T + camera.to_output[:, 2] for line in lesions.vessels
    ]
    every = np.vstack(outputs)
    pad = 6
    x0 = max(0, int(every[:, 0].min()) - pad)
    y0 = max(0, int(every[:, 1].min()) - pad)
    x1 = min(width, int(every[:, 0].max()) + pad)
    y1 = min(height, int(every[:, 1].max()) + pad)
    if x0 >= x1 or y0 >= y1:
        return
    canvas = np.zeros((y1 - y0, x1 - x0), np.uint8)
    thickness = max(1, round(camera.scale * 0.0014))
    for line, strength in zip(outputs, lesions.vessel_strength, strict=True):
        points = np.round((line - (x0, y0)) * 16).astype(np.int32)
        cv2.polylines(
            canvas, [points], False, round(255 * min(1.0, strength)), thickness, cv2.LINE_AA, 4
        )
    soft = cv2.GaussianBlur(canvas, (0, 0), max(0.6, camera.scale * 0.0007)).astype(np.float32)
    soft *= np.float32(0.7 / 255)
    for c, plane in enumerate(planes):
        region = plane[y0:y1, x0:x1]
        cv2.scaleAdd(soft, -float(VESSEL[c]), region, dst=region)


def encode_jpeg(
    image: NDArray[np.uint8],
    *,
    quality: int = 92,
    captured_at: datetime | None = None,
    camera_make: str | None = None,
    camera_model: str | None = None,
) -> bytes:
    """JPEG bytes of a BGR image, with the EXIF a camera writes: Make and Model in the main
    directory, DateTimeOriginal (and its UTC offset, when known) in the Exif directory."""
    if image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(f"Expected a BGR uint8 image (h, w, 3), not {image.dtype} {image.shape}.")
    if not 1 <= quality <= 100:
        raise ValueError(f"JPEG quality must be 1..100, not {quality}.")
    picture = Image.fromarray(cv2.cvtColor(image, cv2.COLOR_BGR2RGB))
    exif = Image.Exif()
    if camera_make is not None:
        exif[ExifTags.Base.Make] = camera_make
    if camera_model is not None:
        exif[ExifTags.Base.Model] = camera_model
    if captured_at is not None:
        stamp = captured_at.strftime("%Y:%m:%d %H:%M:%S")
        exif[ExifTags.Base.DateTime] = stamp
        details = exif.get_ifd(ExifTags.IFD.Exif)
        details[ExifTags.Base.DateTimeOriginal] = stamp
        details[ExifTags.Base.DateTimeDigitized] = stamp
        if captured_at.microsecond:
            subsecond = f"{captured_at.microsecond // 1000:03d}"
            details[ExifTags.Base.SubsecTimeOriginal] = subsecond
            details[ExifTags.Base.SubsecTimeDigitized] = subsecond
        offset = captured_at.utcoffset()
        if offset is not None:
            minutes = round(offset.total_seconds() / 60)
            sign = "-" if minutes < 0 else "+"
            text = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
            details[ExifTags.Base.OffsetTime] = text
            details[ExifTags.Base.OffsetTimeOriginal] = text
            details[ExifTags.Base.OffsetTimeDigitized] = text
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=quality, exif=exif)
    return buffer.getvalue()
