"""Image objects a pull brings are checked against their id before they enter the vault;
a missing or damaged one is a typed, audited, retried error, never "erased" and never a
silent unreadable photo; putting the right object back repairs it at the next round, and
`vault verify --repair` fetches again what verify flags (issue 14)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import select
from vault_support import decodes, synthetic_jpeg

from pixiodoc_desktop import cli
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize
from pixiodoc_desktop.errors import SyncImageMissing
from pixiodoc_desktop.sync.engine import sync_keys, sync_status
from pixiodoc_desktop.sync.push import blob_key
from pixiodoc_desktop.vault.schema import AuditEvent, Photo
from tests.sync.sync_support import BUCKET, LOGIN, PASSWORD, ClinicNet, Station


def one_photo(station: Station, family: str) -> tuple[str, Photo]:
    patient = station.services.patients.create(station.actor, family_name=family)
    station.services.photos.ingest(
        station.actor,
        synthetic_jpeg(7, captured_at=dt.datetime(2025, 3, 14, 9, 30)),
        CaptureContext(patient.id, visit_date=dt.date(2025, 3, 14)),
        source_name="IMG_7.jpg",
    )
    with station.ws.vault.read_session() as session:
        photo = session.scalars(select(Photo).where(Photo.patient_id == patient.id)).one()
        session.expunge(photo)
    return patient.id, photo


def photo_at_the_front_desk(clinic: ClinicNet, family: str) -> tuple[Station, Station, Photo]:
    """A front desk and an exam room that joined it; the front desk takes one photo of a
    new patient and pushes it (the room has not pulled it yet)."""
    front = clinic.first()
    front.sync()
    room = clinic.join("exam-room", via=front)
    _patient, photo = one_photo(front, family)
    front.sync()
    return front, room, photo


def verify_cli(monkeypatch: pytest.MonkeyPatch, room: Station, *extra: str) -> int:
    """`pixiodoc vault verify` on the (closed) room's vault, the password on stdin."""
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    user = ["--vault", str(room.folder), "--user", LOGIN, "--password-stdin"]
    return cli.main(["vault", "verify", *user, *extra])


def object_key(station: Station, blob: str) -> str:
    return blob_key(station.store, sync_keys(station.ws), blob)


def alerts(station: Station) -> list[AuditEvent]:
    with station.ws.vault.read_session() as session:
        return list(
            session.scalars(
                select(AuditEvent).where(
                    AuditEvent.device_id == station.ws.device_id,
                    AuditEvent.event_type == str(audit.EventType.SECURITY_ALERT),
                )
            )
        )


def shows(station: Station, photo: Photo, size: ImageSize) -> bool:
    return decodes(station.services.photos.image(station.actor, photo.id, size))


@pytest.mark.parametrize("fault", ["flipped byte", "missing"])
def test_a_bad_thumbnail_in_the_bucket_is_refused_retried_and_repaired(
    clinic: ClinicNet, fault: str
) -> None:
    front, room, photo = photo_at_the_front_desk(clinic, "Bildlos")
    client = clinic.weed.client()
    key = object_key(front, photo.thumbnail_blob_id)
    good = front.ws.vault.blobs.path_for(photo.thumbnail_blob_id).read_bytes()
    if fault == "missing":
        client.delete_object(Bucket=BUCKET, Key=key)  # type: ignore[attr-defined]
    else:
        bad = bytearray(good)
        bad[len(bad) // 2] ^= 0x01
        client.put_object(Bucket=BUCKET, Key=key, Body=bytes(bad))  # type: ignore[attr-defined]

    with pytest.raises(SyncImageMissing):
        room.sync()
    assert not room.ws.vault.blobs.exists(photo.thumbnail_blob_id)  # nothing unchecked kept
    assert shows(room, photo, ImageSize.SCREEN)  # the rest of the photo came
    assert "image(s) from the other workstations" in (sync_status(room.ws).last_error or "")
    assert [a.details for a in alerts(room)] == [{"check": "sync images", "count": 1}]
    with pytest.raises(SyncImageMissing):  # retried, and still failing while it is bad
        room.sync()

    client.put_object(Bucket=BUCKET, Key=key, Body=good)  # type: ignore[attr-defined]
    room.sync()
    assert shows(room, photo, ImageSize.THUMBNAIL)
    assert sync_status(room.ws).last_error is None


def test_vault_verify_repair_fetches_a_damaged_local_image_again(
    clinic: ClinicNet,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    front, room, photo = photo_at_the_front_desk(clinic, "Reparatur")
    room.sync()
    local = room.ws.vault.blobs.path_for(photo.screen_blob_id)
    damaged = bytearray(local.read_bytes())
    damaged[-5] ^= 0x40
    local.write_bytes(bytes(damaged))
    room.close()

    assert verify_cli(monkeypatch, room) == 1
    assert "screen image" in capsys.readouterr().out
    assert verify_cli(monkeypatch, room, "--repair") == 0
    out = capsys.readouterr().out
    assert "Fetched 1 of 1 image objects again." in out and "OK:" in out
    assert local.read_bytes() == front.ws.vault.blobs.path_for(photo.screen_blob_id).read_bytes()


def test_vault_verify_repair_works_in_rounds_when_more_are_damaged_than_a_report_lists(
    clinic: ClinicNet,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _front, room, photo = photo_at_the_front_desk(clinic, "Runden")
    room.sync()
    blobs = room.ws.vault.blobs
    local = [
        blob
        for blob in (photo.blob_id, photo.screen_blob_id, photo.thumbnail_blob_id)
        if blobs.path_for(blob).exists()
    ]
    assert len(local) >= 2
    for blob in local:
        blobs.path_for(blob).unlink()
    room.close()
    # A report lists one damaged object: each round fetches it and verifies again.
    monkeypatch.setattr("pixiodoc_desktop.clinic.safekeeping.verify.DAMAGED_KEPT", 1)
    assert verify_cli(monkeypatch, room, "--repair") == 0
    out = capsys.readouterr().out
    assert f"Fetched {len(local)} of {len(local)} image objects again." in out and "OK:" in out
    assert all(blobs.path_for(blob).exists() for blob in local)
