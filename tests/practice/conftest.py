"""Fixtures of the practice software tests: exchange folders set up in the vault
(`run_cli`, `pixiodoc` in this process, is the root conftest's)."""

from __future__ import annotations

from pathlib import Path

import pytest
from practice_support import Exchange

from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.practice.settings import GdtSettings, configure_gdt


@pytest.fixture
def exchange(tmp_path: Path, workstation: Workstation, actor: Actor) -> Exchange:
    """GDT between PVS1 and PIXO through two folders: 2.1, ISO 8859-15, fixed names."""
    inbox, outbox = tmp_path / "gdt-in", tmp_path / "gdt-out"
    inbox.mkdir()
    outbox.mkdir()
    settings = configure_gdt(workstation, actor, GdtSettings(str(inbox), str(outbox)))
    return Exchange(inbox, outbox, settings)
