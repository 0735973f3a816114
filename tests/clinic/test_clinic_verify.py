"""`vault verify`: a clean vault checks out; each kind of damage is named, never a crash."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import select
from vault_support import LOGIN, PASSWORD, MadeVault, synthetic_jpeg

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.photos import CaptureContext, PhotoSummary
from pixiodoc_desktop.clinic.safekeeping.verify import verify_vault
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import VaultDamaged
from pixiodoc_desktop.vault.blobs import blob_id_for
from pixiodoc_desktop.vault.schema import AuditEvent
from pixiodoc_desktop.vault.vault import Vault


@dataclass(frozen=True, slots=True)
class Filled:
    services: ClinicServices
    actor: Actor
    photos: list[PhotoSummary]


@pytest.fixture
def filled(services: ClinicServices, actor: Actor) -> Filled:
    photos = []
    for index in range(3):
        patient = services.patients.create(actor, family_name=f"Prüfling {index}")
        for shot in range(2):
            photos.append(
                services.photos.ingest(
                    actor,
                    synthetic_jpeg(100 + index * 10 + shot),
                    CaptureContext(patient_id=patient.id),
                    source_name=f"{index}-{shot}.jpg",
                ).photo
            )
    return Filled(services, actor, photos)


def _verify(filled: Filled) -> list[str]:
    return verify_vault(filled.services.workstation).faults


def test_clean_vault_verifies(filled: Filled) -> None:
    report = verify_vault(filled.services.workstation)
    assert report.ok, report.faults
    assert report.photos_checked == 6 and report.objects_checked == 18
    assert report.audit_events_checked > 10


def _flip(path: os.PathLike[str], offset: int) -> None:
    with open(path, "r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0x01]))


@pytest.mark.parametrize("offset", [0, 30, 2000, -1])
def test_flipped_byte_in_a_blob_names_photo_and_patient(filled: Filled, offset: int) -> None:
    photo = filled.photos[3]
    path = filled.services.workstation.vault.blobs.path_for(photo.blob_id)
    _flip(path, offset if offset >= 0 else path.stat().st_size - 1)
    faults = _verify(filled)
    assert len(faults) == 1
    assert f"photo {photo.id} of patient {photo.patient_id} (original image)" in faults[0]


def test_missing_blob_is_named(filled: Filled) -> None:
    photo = filled.photos[0]
    vault = filled.services.workstation.vault
    with vault.read_session() as session:
        from pixiodoc_desktop.vault.schema import Photo

        row = session.get(Photo, photo.id)
        assert row is not None
        thumbnail = row.thumbnail_blob_id
    vault.blobs.path_for(thumbnail).unlink()
    faults = _verify(filled)
    assert len(faults) == 1
    assert f"photo {photo.id} of patient {photo.patient_id} (thumbnail image)" in faults[0]
    assert "missing" in faults[0]


def test_object_swapped_for_another_is_named(filled: Filled) -> None:
    one, two = filled.photos[0], filled.photos[1]  # the same patient, the same key
    blobs = filled.services.workstation.vault.blobs
    blobs.path_for(one.blob_id).write_bytes(blobs.read_raw(two.blob_id))
    faults = _verify(filled)
    assert len(faults) == 1 and f"photo {one.id} of patient {one.patient_id}" in faults[0]


def test_object_that_decrypts_but_does_not_match_its_id_is_named(filled: Filled) -> None:
    photo = filled.photos[2]
    ws = filled.services.workstation
    with ws.read_session() as session:
        key = ws.vault.patient_key(session, photo.patient_id)
    ws.vault.blobs.delete(photo.blob_id)
    ws.vault.blobs.put(photo.blob_id, b"something else entirely", key)
    faults = _verify(filled)
    assert len(faults) == 1 and "does not match its content id" in faults[0]
    assert f"photo {photo.id} of patient {photo.patient_id}" in faults[0]


def test_stray_object_is_named(filled: Filled) -> None:
    ws = filled.services.workstation
    data = os.urandom(100)
    stray = blob_id_for(ws.vault.keys.blob_id, "nobody", data)
    ws.vault.blobs.put(stray, data, os.urandom(32))
    faults = _verify(filled)
    assert faults == [f"image object {stray[:12]} on disk belongs to no photo"]


def test_tampered_audit_trail_is_named(filled: Filled) -> None:
    ws = filled.services.workstation
    with ws.vault.write_session() as session, session.begin():
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id).offset(5)).first()
        assert event is not None
        event.outcome = "denied"
    faults = _verify(filled)
    assert len(faults) == 1 and "audit event" in faults[0] and "altered" in faults[0]


@pytest.fixture
def closed_vault(made_vault: MadeVault) -> Iterator[MadeVault]:
    """A vault with some records, locked (its WAL folded into vault.db)."""
    vault = Vault.open(made_vault.folder)
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    services = ClinicServices.for_workstation(ws)
    for index in range(6):
        patient = services.patients.create(actor, family_name=f"Seite {index}", notes="x" * 500)
        services.photos.ingest(
            actor,
            synthetic_jpeg(200 + index),
            CaptureContext(patient_id=patient.id),
            source_name="p.jpg",
        )
    lock(ws, actor)
    assert not (made_vault.folder / "vault.db-wal").exists()
    yield made_vault


def _open_and_verify(made_vault: MadeVault) -> list[str]:
    """What a clinician learns: either unlocking names the damage, or verify does."""
    vault = Vault.open(made_vault.folder)
    try:
        ws, actor = log_in(vault, LOGIN, PASSWORD)
    except VaultDamaged as exc:
        assert not vault.is_unlocked
        assert "restore" in exc.message.lower()
        return [exc.message]
    try:
        return verify_vault(ws).faults
    finally:
        _lock_quietly(ws, actor)


def _lock_quietly(ws: Workstation, actor: Actor) -> None:
    from sqlalchemy.exc import DatabaseError

    try:
        lock(ws, actor)
    except DatabaseError:
        assert not ws.vault.is_unlocked


@pytest.mark.parametrize("page", [3, 5, "last"])
def test_flipped_byte_in_a_database_page_is_a_named_fault(
    closed_vault: MadeVault, page: int | str
) -> None:
    db = closed_vault.folder / "vault.db"
    pages = db.stat().st_size // 4096
    assert pages > 8
    index = pages - 1 if page == "last" else int(page)
    _flip(db, 4096 * index + 100)
    faults = _open_and_verify(closed_vault)
    assert faults, "a damaged page must not go unnoticed"
    assert any(f"page {index + 1}" in fault for fault in faults), faults
