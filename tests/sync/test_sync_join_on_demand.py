"""A PC joining a clinic's long history: images stay in the bucket until shown, and the
history is applied in parts (each one transaction with its cursors) so that a group's
millions of records fit in memory (issue 19; benchmarks/scale_sync.py measures it)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select
from vault_support import decodes, synthetic_jpeg

from pixiodoc_desktop.cli import vault as vault_cli
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize
from pixiodoc_desktop.clinic.safekeeping.verify import verify_vault
from pixiodoc_desktop.sync import pull
from pixiodoc_desktop.sync.dump import canonical_dump
from pixiodoc_desktop.sync.enroll import create_enrollment, join
from pixiodoc_desktop.sync.ondemand import fetch_image
from pixiodoc_desktop.vault import database
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.schema import Patient, Photo, SyncBlob, SyncClock, SyncCursor
from tests.sync.sync_support import ACCESS_KEY, SECRET_KEY, ClinicNet


def test_a_joiner_with_images_on_demand_applies_the_history_in_parts(
    clinic: ClinicNet, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    a = clinic.first()
    first = a.services.patients.create(a.actor, family_name="Anfang", given_name="Ida")
    photo = a.services.photos.ingest(
        a.actor,
        synthetic_jpeg(19, captured_at=dt.datetime(2025, 4, 2, 10, 0)),
        CaptureContext(first.id),
        source_name="19.jpg",
    ).photo
    a.sync()
    for n in range(6):  # more batches, each with a patient, its key and its grants
        a.services.patients.create(a.actor, family_name=f"Folge{n}")
        a.sync()
    parts: list[int] = []
    apply_batches = pull.apply_batches

    def counted(*args: object, **kwargs: object) -> pull.PullResult:
        result = apply_batches(*args, **kwargs)  # type: ignore[arg-type]
        parts.append(result.ops)
        return result

    monkeypatch.setattr(pull, "APPLY_OPS", 5)
    monkeypatch.setattr(pull, "apply_batches", counted)
    code, _expires = create_enrollment(a.ws, a.store, a.actor, kdf=MINIMUM_KDF)
    folder = clinic.root / "joiner"
    join(folder, clinic.target(), ACCESS_KEY, SECRET_KEY, code=code, on_demand=True)
    b = clinic._open("joiner", folder)

    assert len(parts) >= 3, parts  # in parts, not in one transaction
    with b.ws.vault.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Patient)) == 7
        assert session.scalar(select(SyncCursor.last_seq)) == 7
        remote = dict(session.execute(select(SyncBlob.blob_id, SyncBlob.state)).all())
    with a.ws.vault.read_session() as session:
        row = session.get(Photo, photo.id)
        assert row is not None
        blobs = (row.blob_id, row.thumbnail_blob_id, row.screen_blob_id)
    thumbnail_blob = blobs[1]
    assert {remote[blob] for blob in blobs} == {"remote"}
    assert not any(b.ws.vault.blobs.exists(blob) for blob in blobs)
    assert not b.sync().pulled_blobs  # a round leaves them there, and is green
    clinic.settle([a, b])
    assert canonical_dump(b.ws) == canonical_dump(a.ws)
    report = verify_vault(b.ws)
    assert report.ok  # images left in the cloud are not a fault, but are not called checked
    assert (report.objects_checked, report.objects_in_bucket) == (0, 3)
    assert vault_cli._print_report(report, as_json=False) == 0
    out = capsys.readouterr().out
    assert "0 image objects" in out
    assert "Not checked here: 3 image objects in the clinic's bucket, not on this PC" in out
    assert vault_cli._print_report(report, as_json=True) == 0
    told = json.loads(capsys.readouterr().out)
    assert (told["ok"], told["objects_checked"], told["objects_in_bucket"]) == (True, 0, 3)

    assert fetch_image(b.ws, b.store, thumbnail_blob)  # shown: fetched, checked
    assert not fetch_image(b.ws, b.store, thumbnail_blob)
    thumbnail = b.services.photos.image(b.actor, photo.id, ImageSize.THUMBNAIL)
    decodes(thumbnail)
    assert thumbnail == a.services.photos.image(a.actor, photo.id, ImageSize.THUMBNAIL)
    assert b.ws.vault.blobs.existing(blobs) == {thumbnail_blob}
    after = verify_vault(b.ws)  # the fetched thumbnail is checked here now
    assert after.ok and (after.objects_checked, after.objects_in_bucket) == (1, 2)


def test_field_clocks_are_stored_with_the_shared_stamp_once(clinic: ClinicNet) -> None:
    a = clinic.first()
    patient = a.services.patients.create(a.actor, family_name="Takt", given_name="Uhr")
    a.sync()
    a.services.patients.update(a.actor, patient.id, notes="later")
    a.sync()
    with a.ws.vault.read_session() as session:
        clocks = session.get(SyncClock, ("patients", patient.id))
        assert clocks is not None
        held = dict(clocks.clocks)
    stamps = set(held.values())
    assert len(held) >= 10 and len(stamps) == 2  # made in one go, then a note and its time
    assert held["family_name"] < held["notes"] == held["updated_at"]
    with database.raw_connection(a.folder / database.DB_NAME, a.ws.vault.keys.database) as raw:
        (stored,) = raw.execute(
            "SELECT clocks FROM sync_clocks WHERE entity = 'patients' AND entity_id = ?",
            (patient.id,),
        ).fetchone()
    assert stored.count(held["family_name"]) == 1  # the shared stamp, once
    assert len(stored) < 0.7 * len(json.dumps(held))  # written out in full before
