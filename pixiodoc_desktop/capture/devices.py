"""Which cameras are connected, by name, and the mode chosen for each.

Indexes shift when a scope is plugged into another USB port; names do not. So
the clinician picks "DermLite DL5", and the mode chosen for it is remembered
under that name (a preference in the config folder, never patient data).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import cv2

from pixiodoc_desktop.capture.sources import (
    CaptureMode,
    OpenCvCamera,
    device_backends,
    quiet_opencv,
)
from pixiodoc_desktop.config import config_dir

log = logging.getLogger(__name__)

PROBED_INDEXES = range(5)
_SYSFS = Path("/sys/class/video4linux")
MODES_FILE = "camera_modes.json"


@dataclass(frozen=True, slots=True)
class DeviceChoice:
    """A camera as the clinician picks it: its name, and where to open it."""

    name: str
    index: int | None = None
    path: str | None = None

    def source(self) -> OpenCvCamera:
        target: int | str = self.index if self.index is not None else self.path or ""
        return OpenCvCamera(target, name=self.name)


def list_devices(
    *, platform: str | None = None, sysfs: Path = _SYSFS, probe: range = PROBED_INDEXES
) -> list[DeviceChoice]:
    """Connected cameras, named where the platform tells us the name."""
    platform = platform or sys.platform
    if platform.startswith("linux"):
        return _linux_devices(sysfs)
    return _probed_devices(platform, probe)


def _linux_devices(sysfs: Path) -> list[DeviceChoice]:
    found: list[tuple[int, str]] = []
    try:
        nodes = list(sysfs.glob("video*"))
    except OSError:
        return []
    for node in nodes:
        match = re.fullmatch(r"video(\d+)", node.name)
        if match is None:
            continue
        # A UVC camera has a second node for metadata (index 1); only index 0 gives pictures.
        if _read_text(node / "index") not in ("", "0"):
            continue
        name = _read_text(node / "name") or f"Camera {match.group(1)}"
        found.append((int(match.group(1)), name))
    return _unique_names(sorted(found))


def _probed_devices(platform: str, probe: range) -> list[DeviceChoice]:
    """Windows and macOS: try the first few indexes (an absent one fails at once)."""
    quiet_opencv()
    backend = device_backends(platform)[0]
    found: list[tuple[int, str]] = []
    for index in probe:
        capture = cv2.VideoCapture(index, backend)
        try:
            if capture.isOpened():
                found.append((index, f"Camera {index + 1}"))
        finally:
            capture.release()
    return _unique_names(found)


def _unique_names(found: list[tuple[int, str]]) -> list[DeviceChoice]:
    """Two identical scopes get "DermLite DL5" and "DermLite DL5 (2)"."""
    seen: dict[str, int] = {}
    choices = []
    for index, name in found:
        seen[name] = seen.get(name, 0) + 1
        label = name if seen[name] == 1 else f"{name} ({seen[name]})"
        choices.append(DeviceChoice(label, index=index))
    return choices


def find_device(name: str, devices: list[DeviceChoice] | None = None) -> DeviceChoice | None:
    for device in list_devices() if devices is None else devices:
        if device.name == name:
            return device
    return None


def _read_text(path: Path) -> str:
    try:
        return path.read_text("utf-8", errors="replace").strip()
    except OSError:
        return ""


class ModeMemory:
    """The mode chosen per device name, kept in a small JSON file in the config folder."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / MODES_FILE

    def recall(self, device_name: str) -> CaptureMode | None:
        raw = self._load().get(device_name)
        if not isinstance(raw, dict):
            return None
        try:
            return CaptureMode(
                width=int(raw["width"]),
                height=int(raw["height"]),
                fps=float(raw["fps"]),
                fourcc=str(raw.get("fourcc", "")),
            )
        except (KeyError, TypeError, ValueError):
            return None

    def remember(self, device_name: str, mode: CaptureMode) -> None:
        data = self._load()
        data[device_name] = asdict(mode)
        write_json(self.path, data)

    def _load(self) -> dict[str, Any]:
        return read_json(self.path)


def preferred_mode(modes: list[CaptureMode], remembered: CaptureMode | None) -> CaptureMode | None:
    """The remembered mode if the camera still offers it, else the largest, MJPG first."""
    if not modes:
        return remembered
    if remembered is not None:
        for mode in modes:
            if (mode.width, mode.height) == (remembered.width, remembered.height) and (
                not remembered.fourcc or mode.fourcc == remembered.fourcc
            ):
                return mode
    return max(modes, key=lambda m: (m.pixels, m.fourcc == "MJPG", m.fps))


def read_json(path: Path) -> dict[str, Any]:
    """A preferences file; missing or unreadable means empty (logged, not fatal)."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        log.warning("Camera preferences file %s is unreadable; starting afresh", path.name)
        return {}
    return data if isinstance(data, dict) else {}


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", "utf-8")
    temp.replace(path)
