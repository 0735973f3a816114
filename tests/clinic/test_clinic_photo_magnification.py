"""The scope's magnification is stored with each photo (DESIGN.md §3) and travels with
it: in the sync outbox, in a case bundle to another clinic, in the patient's FHIR data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from vault_support import create_vault, synthetic_jpeg

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.exchange.case_bundle import CaseBundles
from pixiodoc_desktop.clinic.records.photos import CaptureContext, PhotoSummary
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.exports.patient_data import _media
from pixiodoc_desktop.exports.records import load_record
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.schema import OutboxOperation
from pixiodoc_desktop.vault.vault import Vault

PASSPHRASE = "Walnuss-Brücke-Mondlicht-2026"


@pytest.fixture
def scoped(services: ClinicServices, actor: Actor) -> PhotoSummary:
    patient = services.patients.create(actor, family_name="Brandt", given_name="Ole")
    services.consents.record(actor, patient.id, scope="sharing", granted=True)
    context = CaptureContext(
        patient.id, modality="dermoscopy-polarised", device="Scope X", magnification=10.0
    )
    return services.photos.ingest(actor, synthetic_jpeg(41), context, source_name="x.jpg").photo


@pytest.fixture
def colleague(tmp_path: Path) -> Iterator[tuple[ClinicServices, Actor]]:
    """Another clinic's vault, logged in."""
    made = create_vault(tmp_path / "colleague")
    ws, actor = log_in(Vault.open(made.folder), made.login, made.password)
    yield ClinicServices.for_workstation(ws), actor
    lock(ws, actor, logged_out=True)


def test_the_sync_outbox_carries_the_magnification(
    services: ClinicServices, scoped: PhotoSummary
) -> None:
    assert scoped.magnification == 10.0
    with services.workstation.read_session() as session:
        ops = session.scalars(
            select(OutboxOperation).where(
                OutboxOperation.entity == "photos", OutboxOperation.entity_id == scoped.id
            )
        ).all()
    assert [op.fields.get("magnification") for op in ops] == [10.0]


def test_a_case_bundle_keeps_the_magnification(
    services: ClinicServices,
    actor: Actor,
    scoped: PhotoSummary,
    colleague: tuple[ClinicServices, Actor],
    tmp_path: Path,
) -> None:
    exported = CaseBundles(services.workstation, kdf=MINIMUM_KDF).export(
        actor, scoped.patient_id, [scoped.visit_id], tmp_path / "case", passphrase=PASSPHRASE
    )
    theirs, their_actor = colleague
    imported = CaseBundles(theirs.workstation, kdf=MINIMUM_KDF).import_file(
        their_actor, exported.path, passphrase=PASSPHRASE
    )
    (photo,) = theirs.photos.list(their_actor, imported.patient_id)
    assert photo.magnification == 10.0


def test_the_fhir_media_notes_the_magnification(
    services: ClinicServices, actor: Actor, scoped: PhotoSummary
) -> None:
    record = load_record(services.workstation, actor, scoped.patient_id, [])
    media = _media(record, record.photos[0])
    assert {"text": "Optical magnification: 10×"} in media["note"]
