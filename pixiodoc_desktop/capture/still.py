"""Taking a still: a frame in memory goes straight into the encrypted vault.

The frame is encoded to JPEG in memory, prepared like any imported file, and
ingested through the one ingest path with the scope's profile applied, so
modality, contact, magnification and calibration are stored with the photo.
No plaintext file is written at any point. The quality verdict comes back with
the photo: a warning for the screen, never a reason to refuse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from pixiodoc_desktop.capture.profiles import DeviceProfile, apply
from pixiodoc_desktop.capture.quality import QualityVerdict, assess, best_of
from pixiodoc_desktop.capture.sources import Frame
from pixiodoc_desktop.clinic.records.photos import CaptureContext, Photos, PhotoSummary
from pixiodoc_desktop.clinic.records.vocabulary import PhotoSource
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.imaging.prepare import prepare_frame


@dataclass(frozen=True, slots=True)
class StillResult:
    photo: PhotoSummary
    duplicate: bool
    quality: QualityVerdict


def take_still(
    photos: Photos,
    actor: Actor,
    frame: Frame | npt.NDArray[np.uint8],
    context: CaptureContext,
    *,
    device_name: str,
    profile: DeviceProfile | None = None,
    captured_at: dt.datetime | None = None,
) -> StillResult:
    """Store one frame as a photo in the context's patient/visit/body site.

    Runs on the vault worker (it encrypts and commits). Without a visit in the
    context, today's visit is found or created."""
    pixels = frame.pixels if isinstance(frame, Frame) else frame
    when = captured_at or dt.datetime.now().astimezone()
    verdict = assess(pixels)
    stored_context = apply(profile, context, int(pixels.shape[1]))
    if stored_context.device is None:
        stored_context = replace(stored_context, device=device_name)
    source_name = f"{device_name} {when.strftime('%Y-%m-%d %H.%M.%S')}"
    prepared = prepare_frame(
        pixels, source_name=source_name, captured_at=when, camera_model=device_name
    )
    result = photos.ingest(
        actor,
        b"",  # the prepared image carries the bytes; nothing is read from disk
        stored_context,
        source_name=source_name,
        source=PhotoSource.CAMERA,
        prepared=prepared,
    )
    return StillResult(result.photo, result.duplicate, verdict)


def take_best_of(
    photos: Photos,
    actor: Actor,
    frames: list[Frame],
    context: CaptureContext,
    *,
    device_name: str,
    profile: DeviceProfile | None = None,
) -> StillResult:
    """A burst (usually 3 frames): the sharpest is stored, the others forgotten."""
    return take_still(
        photos, actor, best_of(frames), context, device_name=device_name, profile=profile
    )
