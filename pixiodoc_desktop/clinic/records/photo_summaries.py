"""What the photo services hand out and take in: image sizes, where a new photo belongs
(`CaptureContext`), a photo as listed (`PhotoSummary`) and an ingest's outcome."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from pixiodoc_desktop.clinic.records.vocabulary import Modality
from pixiodoc_desktop.vault.schema import Photo


class ImageSize(StrEnum):
    THUMBNAIL = "thumbnail"
    SCREEN = "screen"
    ORIGINAL = "original"


@dataclass(frozen=True, slots=True)
class CaptureContext:
    """Where a new photo belongs and how it was taken."""

    patient_id: str
    visit_id: str | None = None
    visit_date: dt.date | None = None  # used when visit_id is None; default: capture date
    body_site: str | None = None
    lesion_id: str | None = None
    modality: str = Modality.CLINICAL_OVERVIEW
    contact: bool | None = None
    device: str | None = None
    calibration_px_per_mm: float | None = None
    magnification: float | None = None  # the scope's optical magnification (×)
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PhotoSummary:
    id: str
    patient_id: str
    visit_id: str
    visit_date: dt.date
    lesion_id: str | None
    body_site: str | None
    modality: str
    contact: bool | None
    device: str | None
    captured_at: dt.datetime | None
    width: int
    height: int
    bit_depth: int
    media_type: str
    size_bytes: int
    source: str
    source_name: str
    tags: tuple[str, ...]
    calibration_px_per_mm: float | None
    notes: str
    blob_id: str
    magnification: float | None = None  # optical (×); None when not recorded


@dataclass(frozen=True, slots=True)
class IngestResult:
    photo: PhotoSummary
    duplicate: bool


def summary(photo: Photo, visit_date: dt.date) -> PhotoSummary:
    return PhotoSummary(
        id=photo.id,
        patient_id=photo.patient_id,
        visit_id=photo.visit_id,
        visit_date=visit_date,
        lesion_id=photo.lesion_id,
        body_site=photo.body_site,
        modality=photo.modality,
        contact=photo.contact,
        device=photo.device,
        captured_at=photo.captured_at,
        width=photo.width,
        height=photo.height,
        bit_depth=photo.bit_depth,
        media_type=photo.media_type,
        size_bytes=photo.size_bytes,
        source=photo.source,
        source_name=photo.source_name,
        tags=tuple(photo.tags),
        calibration_px_per_mm=photo.calibration_px_per_mm,
        notes=photo.notes,
        blob_id=photo.blob_id,
        magnification=photo.magnification,
    )
