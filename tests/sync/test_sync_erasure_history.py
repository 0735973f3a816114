"""Erasure reaches the bucket's history: after a round on every PC, no op batch any
workstation of the clinic can open holds the patient's name, notes or wrapped key, and a
PC that joins afterwards never gets the patient."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from vault_support import decodes, synthetic_jpeg

from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize
from pixiodoc_desktop.clinic.safekeeping.backup import create_backup, restore_backup
from pixiodoc_desktop.clinic.safekeeping.verify import verify_vault
from pixiodoc_desktop.errors import PermissionDenied, RecordNotFound, SyncError
from pixiodoc_desktop.sync.crypto import open_json
from pixiodoc_desktop.sync.dump import canonical_dump
from pixiodoc_desktop.sync.engine import sync_keys
from pixiodoc_desktop.vault.schema import Patient, PatientKey, Photo, Visit
from tests.sync.sync_support import ClinicNet, Station, Weed

IDENTIFYING = ("Vergessen", "Gretchen", "GV-2024-17", "Nussallergie", "rief wegen Befund an")


def _wrapped_key(station: Station, patient_id: str) -> str:
    with station.ws.read_session() as session:
        row = session.get(PatientKey, patient_id)
        assert row is not None
        return bytes(row.wrapped_key).hex()


def _opened_batches(weed: Weed, clinic: ClinicNet, station: Station) -> dict[str, str]:
    """Every op batch in the bucket, opened with the clinic's sync keys (as any of its
    workstations can): object name -> its plaintext."""
    keys = sync_keys(station.ws)
    out: dict[str, str] = {}
    for name, body in weed.all_objects(clinic.prefix + "/"):
        if "/ops/" in name:
            document: dict[str, Any] = open_json(keys.ops, body, name=name)
            out[name] = json.dumps(document, ensure_ascii=False)
    return out


def _findings(batches: dict[str, str], secrets: tuple[str, ...]) -> list[tuple[str, str]]:
    return [
        (name.rsplit("/", 3)[-3][:8], secret)
        for name, plain in batches.items()
        for secret in secrets
        if secret in plain
    ]


def test_erasure_rewrites_every_pcs_history_and_a_later_pc_never_gets_the_patient(
    clinic: ClinicNet, weed: Weed
) -> None:
    a = clinic.first()
    patient = a.services.patients.create(
        a.actor,
        family_name="Vergessen",
        given_name="Gretchen",
        external_id="GV-2024-17",
        notes="Nussallergie",
    )
    a.services.visits.create(
        a.actor, patient.id, visit_date=dt.date(2025, 4, 2), notes="Vergessen: Nussallergie"
    )
    a.services.photos.ingest(
        a.actor, synthetic_jpeg(61), CaptureContext(patient.id), source_name="61.jpg"
    )
    keep = a.services.patients.create(a.actor, family_name="Bleibt", given_name="Berta")
    a.services.photos.ingest(
        a.actor, synthetic_jpeg(62), CaptureContext(keep.id), source_name="62.jpg"
    )
    a.sync()
    b = clinic.join("second", via=a)
    # B writes the patient's data into ITS OWN history too.
    b.services.patients.update(b.actor, patient.id, notes="Nussallergie; rief wegen Befund an")
    clinic.settle()
    wrapped = _wrapped_key(a, patient.id)
    kept_wrapped = _wrapped_key(a, keep.id)
    before = _opened_batches(weed, clinic, a)
    devices = {name.rsplit("/", 3)[-3] for name in before}
    assert devices == {a.ws.device_id, b.ws.device_id}
    # The history did carry them (so the scan below can see them).
    found = _findings(before, (*IDENTIFYING, wrapped))
    assert {secret for _device, secret in found} == {*IDENTIFYING, wrapped}
    assert {device for device, _secret in found} == {a.ws.device_id[:8], b.ws.device_id[:8]}

    Patients(a.ws).erase(a.actor, patient.id, confirm_family_name="Vergessen")
    clinic.settle()

    after = _opened_batches(weed, clinic, a)
    assert after.keys() >= before.keys()  # rewritten in place: numbers stay gap-free
    assert _findings(after, (*IDENTIFYING, wrapped)) == []
    assert kept_wrapped in "".join(after.values())  # the other patient is untouched

    # Life goes on: both PCs push and pull again (their own numbers, rewritten or not).
    a.services.patients.update(a.actor, keep.id, notes="kommt im Mai")
    b.services.patients.update(b.actor, keep.id, given_name="Berta Maria")
    clinic.settle()

    c = clinic.join("third", via=b)
    clinic.settle()
    with c.ws.read_session() as session:
        assert session.get(PatientKey, patient.id) is None
        row = session.get(Patient, patient.id)
        assert row is None or (row.deleted and row.family_name == "(erased)")
        assert session.query(Visit).filter(Visit.patient_id == patient.id).count() == 0
    assert canonical_dump(c.ws) == canonical_dump(a.ws) == canonical_dump(b.ws)
    for station in (a, b, c):
        assert verify_vault(station.ws).ok
    dump = json.dumps(canonical_dump(c.ws), ensure_ascii=False)
    assert all(secret not in dump for secret in (*IDENTIFYING, wrapped))
    kept_photo = c.services.photos.list(c.actor, keep.id)[0]
    decodes(c.services.photos.image(c.actor, kept_photo.id, ImageSize.ORIGINAL, audited=False))
    assert c.services.patients.get(c.actor, keep.id).notes == "kommt im Mai"


def test_a_vault_restored_from_a_backup_before_an_erasure_erases_again_on_its_next_round(
    clinic: ClinicNet, weed: Weed, tmp_path: Path
) -> None:
    a = clinic.first()
    patient = a.services.patients.create(
        a.actor, family_name="Vergessen", given_name="Gretchen", notes="Nussallergie"
    )
    a.services.photos.ingest(
        a.actor, synthetic_jpeg(71), CaptureContext(patient.id), source_name="71.jpg"
    )
    keep = a.services.patients.create(a.actor, family_name="Bleibt", given_name="Berta")
    a.sync()
    backup = create_backup(a.ws, a.actor, tmp_path / "before-erasure.tar").path
    Patients(a.ws).erase(a.actor, patient.id, confirm_family_name="Vergessen")
    a.sync()
    a.close()

    folder = restore_backup(backup, clinic.root / "restored")
    restored = clinic._open("restored", folder)
    with restored.ws.read_session() as session:  # the backup brought the patient back
        assert session.get(PatientKey, patient.id) is not None
    # Its sync identity is taken (documented: join again), but the round first applies
    # the erasure this PC made after the backup.
    with pytest.raises(SyncError, match="restored from a backup"):
        restored.sync()
    with restored.ws.read_session() as session:
        assert session.get(PatientKey, patient.id) is None
        assert session.get(PatientKey, keep.id) is not None
        row = session.get(Patient, patient.id)
        assert row is not None and row.deleted and row.family_name == "(erased)"
        assert session.query(Photo).filter(Photo.patient_id == patient.id).count() == 0
    dump = json.dumps(canonical_dump(restored.ws), ensure_ascii=False)
    assert "Vergessen" not in dump and "Nussallergie" not in dump
    assert verify_vault(restored.ws).ok
    with pytest.raises((RecordNotFound, PermissionDenied)):
        restored.services.patients.get(restored.actor, patient.id)
