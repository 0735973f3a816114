"""Helpers of the practice software tests (imported by name; conftest is pytest's)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pixiodoc_desktop.practice.settings import GdtSettings


@dataclass(frozen=True)
class Exchange:
    inbox: Path
    outbox: Path
    settings: GdtSettings
