"""Clinics of several workstations that sync through the session's SeaweedFS (`weed`, in
tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.sync_support import ClinicNet, Weed


@pytest.fixture
def clinic(weed: Weed, tmp_path: Path) -> Iterator[ClinicNet]:
    net = ClinicNet(weed, tmp_path / "pcs")
    try:
        yield net
    finally:
        net.close()
