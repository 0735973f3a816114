"""Device profiles: how a scope takes its pictures, stored with every photo it takes.

Two dermoscopy photos can only be compared when both were polarised (or both
not), both contact (or both not), at a known scale. A profile says this once
per scope; ``apply`` writes it into the capture context so the vault keeps it
with each photo. Profiles are preferences (a JSON file in the config folder).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from pixiodoc_desktop.capture.devices import read_json, write_json
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.records.vocabulary import Modality
from pixiodoc_desktop.config import config_dir
from pixiodoc_desktop.errors import InvalidInput

PROFILES_FILE = "device_profiles.json"


@dataclass(frozen=True, slots=True)
class DeviceProfile:
    """What a scope is. ``dermatoscope=False`` for a webcam or a clinical camera."""

    device_name: str
    dermatoscope: bool = True
    polarised: bool = True
    contact: bool | None = None
    magnification: float | None = None
    px_per_mm: float | None = None
    calibrated_width_px: int | None = None  # the image width the calibration was made at

    @property
    def modality(self) -> Modality | None:
        if not self.dermatoscope:
            return None
        return (
            Modality.DERMOSCOPY_POLARISED if self.polarised else Modality.DERMOSCOPY_NON_POLARISED
        )

    def px_per_mm_at(self, width_px: int) -> float | None:
        """The calibration for a picture of this width (a smaller mode, fewer px per mm)."""
        if self.px_per_mm is None:
            return None
        if not self.calibrated_width_px or width_px <= 0:
            return self.px_per_mm
        return self.px_per_mm * width_px / self.calibrated_width_px

    def calibrated(self, px_per_mm: float, width_px: int) -> DeviceProfile:
        if not (math.isfinite(px_per_mm) and px_per_mm > 0):
            raise InvalidInput("The calibration must be a positive number of pixels per mm")
        return replace(self, px_per_mm=px_per_mm, calibrated_width_px=width_px)


def px_per_mm_from_field_of_view(image_width_px: int, field_width_mm: float) -> float:
    """A scope with a known field of view: the image width spans that many mm."""
    if image_width_px <= 0 or not field_width_mm > 0:
        raise InvalidInput("The field of view must be wider than 0 mm")
    return image_width_px / field_width_mm


def px_per_mm_from_ruler(
    first: tuple[float, float], second: tuple[float, float], known_mm: float
) -> float:
    """A ruler photographed with the scope: two clicked points a known distance apart."""
    if not known_mm > 0:
        raise InvalidInput("The distance on the ruler must be more than 0 mm")
    distance = math.dist(first, second)
    if distance < 2:
        raise InvalidInput("Click two points further apart on the ruler")
    return distance / known_mm


def apply(profile: DeviceProfile | None, context: CaptureContext, width_px: int) -> CaptureContext:
    """The context with the scope's modality, contact, name, magnification and
    calibration filled in.

    A dermatoscope decides the modality; a plain camera keeps the modality chosen
    on screen (overview or close-up)."""
    if profile is None:
        return context
    modality = profile.modality
    return replace(
        context,
        modality=str(modality) if modality is not None else context.modality,
        contact=profile.contact if profile.contact is not None else context.contact,
        device=profile.device_name,
        calibration_px_per_mm=profile.px_per_mm_at(width_px) or context.calibration_px_per_mm,
        magnification=profile.magnification or context.magnification,
    )


class ProfileStore:
    """Device profiles by device name, in a JSON file in the config folder."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / PROFILES_FILE

    def get(self, device_name: str) -> DeviceProfile | None:
        raw = read_json(self.path).get(device_name)
        return _profile(device_name, raw) if isinstance(raw, dict) else None

    def all(self) -> list[DeviceProfile]:
        data = read_json(self.path)
        profiles = (_profile(name, raw) for name, raw in data.items() if isinstance(raw, dict))
        return sorted((p for p in profiles if p is not None), key=lambda p: p.device_name)

    def put(self, profile: DeviceProfile) -> None:
        if not profile.device_name.strip():
            raise InvalidInput("A device profile needs the device's name")
        data = read_json(self.path)
        data[profile.device_name] = {k: v for k, v in asdict(profile).items() if k != "device_name"}
        write_json(self.path, data)

    def delete(self, device_name: str) -> None:
        data = read_json(self.path)
        if data.pop(device_name, None) is not None:
            write_json(self.path, data)


def _profile(device_name: str, raw: dict[str, Any]) -> DeviceProfile | None:
    def number(key: str) -> float | None:
        value = raw.get(key)
        return float(value) if isinstance(value, int | float) and value > 0 else None

    contact = raw.get("contact")
    width = raw.get("calibrated_width_px")
    return DeviceProfile(
        device_name=device_name,
        dermatoscope=bool(raw.get("dermatoscope", True)),
        polarised=bool(raw.get("polarised", True)),
        contact=contact if isinstance(contact, bool) else None,
        magnification=number("magnification"),
        px_per_mm=number("px_per_mm"),
        calibrated_width_px=width if isinstance(width, int) and width > 0 else None,
    )
