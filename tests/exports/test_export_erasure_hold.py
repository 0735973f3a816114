"""Erasure (GDPR art. 17) as the exports see it: photos unreadable, a tombstone without a
name in the audit, and a retention hold that refuses erasure with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, text
from vault_support import LOGIN, PASSWORD, CliRunner

from pixiodoc_desktop.clinic.records.photos import ImageSize
from pixiodoc_desktop.clinic.safekeeping.retention import hold_of, set_hold
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import (
    PermissionDenied,
    RecordNotFound,
    RetentionHold,
    VaultDamaged,
)
from pixiodoc_desktop.exports.pdf_report import export_pdf
from pixiodoc_desktop.vault.schema import AuditEvent, Patient, PatientKey, Photo
from pixiodoc_desktop.vault.vault import Vault
from tests.exports.exports_support import ExportCase


def _decrypted_rows(vault: Vault) -> tuple[str, list[bytes]]:
    """Every row of every table of the vault's database, read through the vault's own
    (SQLCipher) session: its text, and every binary value."""
    texts: list[str] = []
    binaries: list[bytes] = []
    with vault.read_session() as session:
        tables = session.scalars(
            text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ).all()
        assert "patient_keys" in tables and "outbox" in " ".join(tables)
        for table in tables:
            query = f'SELECT * FROM "{table}"'  # noqa: S608 (names from sqlite_master)
            for row in session.execute(text(query)):
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        binaries.append(bytes(value))
                    else:
                        texts.append(str(value))
    return "\n".join(texts), binaries


def test_erasure_makes_every_copy_of_the_photos_unreadable(
    workstation: Workstation, services: ClinicServices, actor: Actor, export_case: ExportCase
) -> None:
    vault = workstation.vault
    patient_id = export_case.patient_id
    services.patients.update(actor, patient_id, notes="Müller prefers morning appointments")
    with vault.read_session() as session:
        blob_ids = list(session.scalars(select(Photo.blob_id)))
        wrapped = session.scalars(
            select(PatientKey.wrapped_key).where(PatientKey.patient_id == patient_id)
        ).all()
        assert len(wrapped) == 1  # the only wrapped key material of this patient
        wrapped_key = bytes(wrapped[0])
        # The vault's own path opens the images before the erasure.
        assert vault.blobs.get(blob_ids[0], vault.patient_key(session, patient_id))
    # What a backup or the cloud holds: the ciphertext exactly as stored.
    copies = {b: vault.blobs.read_raw(b) for b in blob_ids}
    before_text, before_binaries = _decrypted_rows(vault)
    assert json.dumps("Müller")[1:-1] in before_text  # the dump sees the pending changes
    assert wrapped_key in before_binaries

    destroyed = services.patients.erase(actor, patient_id, confirm_family_name="müller")
    assert destroyed == 3

    with vault.read_session() as session:
        left = session.scalars(
            select(PatientKey.wrapped_key).where(PatientKey.patient_id == patient_id)
        ).all()
    assert left == []
    dump_text, binaries = _decrypted_rows(vault)
    for identifying in ("Müller", "Jürgen", "PAT-4711", "1970-05-01", "morning appointments"):
        for form in (identifying, json.dumps(identifying)[1:-1]):  # as typed, as JSON holds it
            assert form not in dump_text, form
    assert not any(wrapped_key in value for value in binaries)
    assert wrapped_key.hex() not in dump_text  # nor as the hex that sync bookkeeping uses

    for blob_id, raw in copies.items():
        assert not vault.blobs.exists(blob_id)
        # Put the old ciphertext back (a copy from a backup or the cloud): the vault's own
        # read path still cannot open it, because the patient's key is gone.
        path = vault.blobs.path_for(blob_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
        with vault.read_session() as session, pytest.raises(VaultDamaged, match="missing"):
            vault.blobs.get(blob_id, vault.patient_key(session, patient_id))
        path.unlink()
    with pytest.raises((RecordNotFound, PermissionDenied)):
        services.photos.image(actor, export_case.photo_ids[0], ImageSize.ORIGINAL)
    with pytest.raises((RecordNotFound, PermissionDenied)):  # its grants went with it
        services.patients.get(actor, patient_id)

    with vault.read_session() as session:
        tombstone = session.get(Patient, patient_id)
        assert tombstone is not None and tombstone.deleted
        assert (tombstone.family_name, tombstone.given_name, tombstone.birth_date) == (
            "(erased)",
            "",
            None,
        )
        events = session.scalars(select(AuditEvent)).all()
        erased = [e for e in events if e.event_type == "PATIENT_ERASED"]
        assert len(erased) == 1 and erased[0].outcome == "success"
        trail = json.dumps([e.details for e in events], ensure_ascii=False)
    for identifying in ("Müller", "Jürgen", "PAT-4711", "1970"):
        assert identifying not in trail


def test_retention_hold_refuses_erasure_with_its_reason(
    workstation: Workstation, services: ClinicServices, actor: Actor, export_case: ExportCase
) -> None:
    reason = "statutory retention of records until 2035"
    assert set_hold(workstation, actor, export_case.patient_id, reason) == reason
    assert hold_of(workstation, actor, export_case.patient_id) == reason
    with pytest.raises(RetentionHold, match="until 2035"):
        services.patients.erase(actor, export_case.patient_id, confirm_family_name="Müller")
    # Nothing was erased; the refusal is audited.
    assert len(services.photos.list(actor, export_case.patient_id)) == 3
    with workstation.vault.read_session() as session:
        refused = session.scalars(
            select(AuditEvent).where(AuditEvent.event_type == "PATIENT_ERASED")
        ).all()
        updates = session.scalars(
            select(AuditEvent).where(AuditEvent.event_type == "PATIENT_UPDATED")
        ).all()
    assert [(e.outcome, e.details) for e in refused] == [("denied", {"reason": "retention hold"})]
    assert {"retention_hold": "set"} in [e.details for e in updates]

    assert set_hold(workstation, actor, export_case.patient_id, None) is None
    assert services.patients.erase(actor, export_case.patient_id, confirm_family_name="Müller") == 3


def test_only_the_records_admin_sets_a_hold(
    workstation: Workstation, second_clinician: Actor, export_case: ExportCase
) -> None:
    with pytest.raises(PermissionDenied):
        set_hold(workstation, second_clinician, export_case.patient_id, "keep")


def test_export_after_erasure_is_refused(
    workstation: Workstation,
    services: ClinicServices,
    actor: Actor,
    export_case: ExportCase,
    tmp_path: Path,
) -> None:
    services.patients.erase(actor, export_case.patient_id, confirm_family_name="Müller")
    with pytest.raises((RecordNotFound, PermissionDenied)):
        export_pdf(workstation, actor, export_case.patient_id, tmp_path / "gone.pdf")


def test_patient_hold_and_erase_commands(
    run_cli: CliRunner,
    made_vault_with_case: tuple[Path, str],
    tmp_path: Path,
    workstation: Workstation,
    actor: Actor,
) -> None:
    folder, patient_id = made_vault_with_case
    user = ("--vault", folder, "--user", LOGIN, "--password-stdin", "--patient", patient_id)
    pw = PASSWORD + "\n"
    done = run_cli("patient", "hold", *user, "--reason", "pending claim", stdin=pw)
    assert done.code == 0, done.output
    done = run_cli("patient", "erase", *user, "--confirm", "MÜLLER", stdin=pw)
    assert done.code == 1 and "retention hold" in done.stderr and "pending claim" in done.stderr
    assert "Traceback" not in done.output
    set_hold(workstation, actor, patient_id, None)
    done = run_cli("export", "pdf", *user, "--out", tmp_path / "r.pdf", stdin=pw)
    assert done.code == 0, done.output
    done = run_cli("patient", "erase", *user, "--confirm", "MÜLLER", stdin=pw)
    assert done.code == 0, done.output
    assert "3 photos destroyed" in done.stdout
    assert "not reached by erasure" in done.stdout and "PDF to a file" in done.stdout


def test_erasure_overwrites_deleted_rows_and_empties_the_write_ahead_log(
    workstation: Workstation, services: ClinicServices, actor: Actor, export_case: ExportCase
) -> None:
    vault = workstation.vault
    with vault.write_session() as session:
        assert session.execute(text("PRAGMA secure_delete")).scalar() == 1
    wal = vault.folder / "vault.db-wal"
    services.patients.update(actor, export_case.patient_id, notes="grows in the WAL")
    assert wal.exists() and wal.stat().st_size > 0
    services.patients.erase(actor, export_case.patient_id, confirm_family_name="müller")
    # The erased rows' old versions are in no WAL frame any more.
    assert not wal.exists() or wal.stat().st_size == 0
