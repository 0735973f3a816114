"""Erasing a patient shreds the key, removes the images and leaves a tombstone of ids."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from vault_support import plaintext_findings, synthetic_jpeg

from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.safekeeping.verify import verify_vault
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied, RecordNotFound
from pixiodoc_desktop.vault.schema import AuditEvent, Patient, PatientKey, Photo, Visit


def test_erase(services: ClinicServices, actor: Actor) -> None:
    keep = services.patients.create(actor, family_name="Bleibt").id
    services.photos.ingest(
        actor, synthetic_jpeg(90), CaptureContext(patient_id=keep), source_name="k.jpg"
    )
    gone = services.patients.create(
        actor, family_name="Vergessen", given_name="Wilma", external_id="MRN-77", notes="allergy"
    ).id
    photos = [
        services.photos.ingest(
            actor, synthetic_jpeg(91 + i), CaptureContext(patient_id=gone), source_name="g.jpg"
        ).photo
        for i in range(2)
    ]
    blobs = {b for p in photos for b in (p.blob_id,)}
    with pytest.raises(InvalidInput, match="family name"):
        services.patients.erase(actor, gone, confirm_family_name="Vergesen")
    assert services.patients.erase(actor, gone, confirm_family_name=" vergessen ") == 2
    ws = services.workstation
    with ws.read_session() as session:
        assert session.get(PatientKey, gone) is None
        row = session.get(Patient, gone)
        assert row is not None and row.deleted and row.family_name == "(erased)"
        assert (row.given_name, row.external_id, row.notes, row.birth_date) == ("", None, "", None)
        assert session.scalars(select(Photo).where(Photo.patient_id == gone)).all() == []
        assert session.scalars(select(Visit).where(Visit.patient_id == gone)).all() == []
        [event] = session.scalars(
            select(AuditEvent).where(AuditEvent.event_type == "PATIENT_ERASED")
        ).all()
    assert event.patient_id == gone and event.details == {"photos": 2, "method": "crypto-shredding"}
    assert not any(ws.vault.blobs.exists(b) for b in blobs)
    with pytest.raises((RecordNotFound, PermissionDenied)):  # its grants went with it
        services.patients.get(actor, gone)
    assert [p.id for p in services.patients.search(actor, "")] == [keep]
    report = verify_vault(ws)
    assert report.ok, report.faults
    ws.vault.lock()
    assert plaintext_findings([ws.vault.folder], ["Vergessen", "Wilma"]) == []


def test_photo_delete_is_soft_and_audited(services: ClinicServices, actor: Actor) -> None:
    patient = services.patients.create(actor, family_name="Loesch").id
    photo = services.photos.ingest(
        actor, synthetic_jpeg(95), CaptureContext(patient_id=patient), source_name="d.jpg"
    ).photo
    services.photos.delete(actor, photo.id)
    assert services.photos.list(actor, patient) == []
    with pytest.raises(RecordNotFound):
        services.photos.delete(actor, photo.id)
    with services.workstation.read_session() as session:
        kinds = session.scalars(
            select(AuditEvent.outcome).where(AuditEvent.event_type == "PHOTO_DELETED")
        ).all()
    assert kinds == ["success"]
