"""Fixtures of the access and case-bundle tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from vault_support import create_vault

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.vault.vault import Vault


@pytest.fixture
def other_clinic(tmp_path: Path) -> Iterator[tuple[ClinicServices, Actor]]:
    """An outside colleague's own vault, logged in: where a case bundle is opened."""
    made = create_vault(tmp_path / "colleague")
    ws, actor = log_in(Vault.open(made.folder), made.login, made.password)
    yield ClinicServices.for_workstation(ws), actor
    lock(ws, actor, logged_out=True)
