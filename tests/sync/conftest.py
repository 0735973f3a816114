"""A real SeaweedFS on loopback for the whole session, and clinics that sync through it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.sync_support import ClinicNet, Weed


@pytest.fixture(scope="session")
def weed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Weed]:
    server = Weed(tmp_path_factory.mktemp("weed") / "data")
    server.start(new_ports_on_clash=True)
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def clinic(weed: Weed, tmp_path: Path) -> Iterator[ClinicNet]:
    net = ClinicNet(weed, tmp_path / "pcs")
    try:
        yield net
    finally:
        net.close()
