"""The demo clinic: built through the real services, and never confused with a clinic's vault."""

from __future__ import annotations

from pathlib import Path

import pytest
from vault_support import CliRunner, create_vault

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import Photos
from pixiodoc_desktop.clinic.records.visits import Visits
from pixiodoc_desktop.demo.clinic import (
    DEMO_LOGIN,
    DEMO_PASSWORD,
    build_demo_vault,
    ensure_demo_vault,
    is_demo_vault,
)
from pixiodoc_desktop.errors import VaultExists
from pixiodoc_desktop.vault.vault import Vault


def test_the_demo_has_patients_with_visits_and_photos_and_is_found_again(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    built = build_demo_vault(folder, patients=3, visits=2, size=(320, 240))
    assert is_demo_vault(folder)
    assert ensure_demo_vault(folder) == built  # found again, not rebuilt
    vault = Vault.open(folder)
    ws, actor = log_in(vault, DEMO_LOGIN, DEMO_PASSWORD)
    try:
        patients = Patients(ws).search(actor, "")
        assert len(patients) == 3
        for patient in patients:
            assert len(Visits(ws).list(actor, patient.id)) == 2
            assert Photos(ws).list(actor, patient.id)
    finally:
        lock(ws, actor)


def test_a_clinic_vault_is_never_taken_for_the_demo(tmp_path: Path) -> None:
    clinic = create_vault(tmp_path / "clinic")
    before = sorted(p.name for p in clinic.folder.iterdir())
    assert not is_demo_vault(clinic.folder)
    with pytest.raises(VaultExists, match="not the demo clinic"):
        ensure_demo_vault(clinic.folder)
    assert sorted(p.name for p in clinic.folder.iterdir()) == before


def test_demo_over_a_clinic_vault_is_refused_on_the_command_line(
    tmp_path: Path, cli: CliRunner
) -> None:
    clinic = create_vault(tmp_path / "clinic")
    result = cli("--demo", "--vault", clinic.folder)
    assert result.code == 1
    assert "not the demo clinic" in result.stderr
    assert "Traceback" not in result.stderr
