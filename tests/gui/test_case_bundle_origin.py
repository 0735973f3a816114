"""A record imported from another clinic's case bundle says in its banner whether the
sender is verified, in English and in German (screenshots into PIXIODOC_SHOT_DIR)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from day_one import shoot
from gui_support import first_run_into_workspace, in_vault
from pytestqt.qtbot import QtBot
from vault_support import new_vault, synthetic_jpeg

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.exchange.case_bundle import CaseBundles
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.vault import Vault

PASSPHRASE = "Walnuss-Brücke-Mondlicht-2026"


def _bundle_from_a_colleague(tmp_path: Path) -> Path:
    made = new_vault(tmp_path / "colleague")
    ws, actor = log_in(Vault.open(made.folder), made.login, made.password)
    try:
        services = ClinicServices.for_workstation(ws)
        patient = services.patients.create(actor, family_name="Roth", given_name="Ida")
        services.consents.record(actor, patient.id, scope="sharing", granted=True)
        shot = services.photos.ingest(
            actor,
            synthetic_jpeg(321),
            CaptureContext(patient_id=patient.id, visit_date=dt.date(2025, 5, 6)),
            source_name="roth.jpg",
        )
        return (
            CaseBundles(ws, kdf=MINIMUM_KDF)
            .export(
                actor, patient.id, [shot.photo.visit_id], tmp_path / "roth", passphrase=PASSPHRASE
            )
            .path
        )
    finally:
        lock(ws, actor)


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_imported_case_shows_whether_its_sender_is_verified(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
    request: pytest.FixtureRequest,
    language: str,
) -> None:
    if language == "de":
        request.getfixturevalue("german")
    bundle = _bundle_from_a_colleague(tmp_path)
    window = make_window()
    window.resize(1366, 768)
    window.show()
    first_run_into_workspace(qtbot, window)

    def import_it(services: ClinicServices, actor: Actor) -> str:
        bundles = CaseBundles(services.workstation, kdf=MINIMUM_KDF)
        return bundles.import_file(actor, bundle, passphrase=PASSPHRASE).patient_id

    patient_id = in_vault(qtbot, window, import_it)
    window.open_patient(patient_id)
    qtbot.waitUntil(lambda: window.record is not None, timeout=10000)
    banner = window.emergency.banner
    qtbot.waitUntil(lambda: not banner.isHidden(), timeout=10000)
    text = banner.text.text()
    if language == "en":
        assert text.startswith("View Only — from Case bundle from Hautarztpraxis")
        assert "sender not verified (signed with key " in text
    else:
        assert "Fallpaket von Hautarztpraxis" in text
        assert "Absender nicht bestätigt (signiert mit Schlüssel " in text
    folder = Path(os.environ.get("PIXIODOC_SHOT_DIR") or tmp_path)
    shoot(window, folder, f"case-bundle-origin-{language}")
