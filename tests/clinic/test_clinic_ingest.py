"""The one ingest path: dedupe, dates, metadata stripping, all-or-nothing writes."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import ExifTags, Image
from sqlalchemy import event, func, select
from vault_support import decodes, synthetic_jpeg, synthetic_png

from pixiodoc_desktop.clinic.exchange.importing import Refusal, import_files
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize, Photos, PhotoSummary
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, UnitOfWork, Workstation
from pixiodoc_desktop.errors import (
    BlobDamaged,
    IngestError,
    InvalidInput,
    PermissionDenied,
    UnsupportedImage,
)
from pixiodoc_desktop.vault import blobs as blobs_module
from pixiodoc_desktop.vault import durable
from pixiodoc_desktop.vault.blobs import BlobStore
from pixiodoc_desktop.vault.schema import AuditEvent, OutboxOperation, Photo, Visit

CAPTURED = dt.datetime(2025, 3, 14, 9, 30)


@dataclass(frozen=True, slots=True)
class State:
    outbox: int
    audit: int
    photos: int
    visits: int
    blobs: frozenset[str]
    temps: int


def _state(ws: Workstation) -> State:
    with ws.read_session() as session:

        def count(model: type) -> int:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

        return State(
            count(OutboxOperation),
            count(AuditEvent),
            count(Photo),
            count(Visit),
            frozenset(ws.vault.blobs.ids()),
            len(list(ws.vault.blobs.temp_files())),
        )


@pytest.fixture
def patient_id(services: ClinicServices, actor: Actor) -> str:
    return services.patients.create(actor, family_name="Bildmann", given_name="Ida").id


def test_ingest_stores_the_photo_encrypted(
    services: ClinicServices, actor: Actor, patient_id: str, jpeg_bytes: bytes
) -> None:
    result = services.photos.ingest(
        actor,
        jpeg_bytes,
        CaptureContext(patient_id=patient_id, body_site="forearm-left"),
        source_name="arm.jpg",
    )
    photo = result.photo
    assert not result.duplicate
    assert (photo.width, photo.height, photo.media_type) == (320, 240, "image/jpeg")
    assert photo.device == "Test Camera 1" and photo.captured_at == CAPTURED
    assert photo.body_site == "forearm-left" and photo.source == "import"
    assert photo.visit_date == CAPTURED.date()
    original = services.photos.image(actor, photo.id, ImageSize.ORIGINAL)
    assert decodes(original) == (320, 240)
    thumb = decodes(services.photos.image(actor, photo.id, ImageSize.THUMBNAIL))
    screen = decodes(services.photos.image(actor, photo.id, ImageSize.SCREEN))
    assert max(thumb) <= 256 and max(screen) <= 2048
    vault = services.workstation.vault
    for blob in vault.referenced_blob_ids():
        raw = vault.blobs.read_raw(blob)
        assert raw[:4] == b"PXB1" and original not in raw and b"JFIF" not in raw
    assert [p.id for p in services.photos.list(actor, patient_id)] == [photo.id]
    assert services.patients.get(actor, patient_id).photo_count == 1


def test_identical_import_for_the_same_patient_is_a_duplicate(
    services: ClinicServices, actor: Actor, patient_id: str, jpeg_bytes: bytes
) -> None:
    first = services.photos.ingest(
        actor, jpeg_bytes, CaptureContext(patient_id=patient_id), source_name="a.jpg"
    )
    before = _state(services.workstation)
    again = services.photos.ingest(
        actor, jpeg_bytes, CaptureContext(patient_id=patient_id), source_name="copy of a.jpg"
    )
    assert again.duplicate and again.photo.id == first.photo.id
    after = _state(services.workstation)
    assert after.blobs == before.blobs and after.photos == before.photos == 1
    assert after.outbox == before.outbox


def test_same_image_for_two_patients_is_stored_twice(
    services: ClinicServices, actor: Actor, patient_id: str, jpeg_bytes: bytes
) -> None:
    other = services.patients.create(actor, family_name="Zweitmann").id
    one = services.photos.ingest(
        actor, jpeg_bytes, CaptureContext(patient_id=patient_id), source_name="a.jpg"
    ).photo
    two = services.photos.ingest(
        actor, jpeg_bytes, CaptureContext(patient_id=other), source_name="a.jpg"
    ).photo
    assert one.id != two.id and one.blob_id != two.blob_id
    assert len(_state(services.workstation).blobs) == 6
    assert services.photos.image(actor, one.id, ImageSize.ORIGINAL) == services.photos.image(
        actor, two.id, ImageSize.ORIGINAL
    )
    vault = services.workstation.vault
    with vault.read_session() as session:
        key_one = vault.patient_key(session, patient_id)
    with pytest.raises(BlobDamaged):  # each patient's images are under their own key
        vault.blobs.get(two.blob_id, key_one)


def test_visit_date_follows_the_capture_date(
    services: ClinicServices, actor: Actor, patient_id: str
) -> None:
    taken = {
        "old": synthetic_jpeg(11, captured_at=dt.datetime(2023, 6, 1, 10, 0)),
        "same-day": synthetic_jpeg(12, captured_at=dt.datetime(2023, 6, 1, 16, 45)),
        "undated": synthetic_jpeg(13, captured_at=None),
        "future": synthetic_jpeg(14, captured_at=dt.datetime.now() + dt.timedelta(days=30)),
        "explicit": synthetic_jpeg(15, captured_at=dt.datetime(2023, 6, 1, 10, 0)),
    }
    photos = {}
    for name, data in taken.items():
        ctx = CaptureContext(
            patient_id=patient_id,
            visit_date=dt.date(2024, 2, 29) if name == "explicit" else None,
        )
        photos[name] = services.photos.ingest(actor, data, ctx, source_name=f"{name}.jpg").photo
    today = dt.date.today()
    assert photos["old"].visit_date == dt.date(2023, 6, 1)
    assert photos["same-day"].visit_id == photos["old"].visit_id  # one visit per day
    assert photos["undated"].visit_date == today and photos["undated"].captured_at is None
    assert photos["future"].visit_date == today
    assert photos["explicit"].visit_date == dt.date(2024, 2, 29)
    visits = services.visits.list(actor, patient_id)
    assert [v.visit_date for v in visits] == [today, dt.date(2024, 2, 29), dt.date(2023, 6, 1)]


def test_photo_goes_into_the_chosen_visit(
    services: ClinicServices, actor: Actor, patient_id: str, jpeg_bytes: bytes
) -> None:
    visit = services.visits.create(actor, patient_id, visit_date=dt.date(2024, 11, 5))
    photo = services.photos.ingest(
        actor,
        jpeg_bytes,
        CaptureContext(patient_id=patient_id, visit_id=visit.id),
        source_name="a.jpg",
    ).photo
    assert (photo.visit_id, photo.visit_date) == (visit.id, dt.date(2024, 11, 5))


def _jpeg_with_identifying_metadata() -> bytes:
    plain = Image.open(io.BytesIO(synthetic_jpeg(21)))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "GeoCam"
    exif[ExifTags.Base.Model] = "GeoCam 7"
    exif[ExifTags.Base.Artist] = "Schwester Ramona Quandt"
    exif[ExifTags.Base.DateTime] = "2025:01:20 11:12:13"
    details = exif.get_ifd(ExifTags.IFD.Exif)
    details[ExifTags.Base.DateTimeOriginal] = "2025:01:20 11:12:13"
    details[ExifTags.Base.CameraOwnerName] = "Praxis Quandt"
    details[ExifTags.Base.BodySerialNumber] = "SN-98765-QX"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 31.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (13.0, 24.0, 36.0)
    buffer = io.BytesIO()
    plain.save(buffer, format="JPEG", quality=90, exif=exif, comment=b"Patientin Quandt, Arm")
    data = buffer.getvalue()
    check = Image.open(io.BytesIO(data)).getexif()
    assert check.get_ifd(ExifTags.IFD.GPSInfo), "the test image must carry GPS to begin with"
    return data


def test_location_and_identifying_metadata_are_stripped(
    services: ClinicServices, actor: Actor, patient_id: str
) -> None:
    data = _jpeg_with_identifying_metadata()
    photo = services.photos.ingest(
        actor, data, CaptureContext(patient_id=patient_id), source_name="geo.jpg"
    ).photo
    stored = services.photos.image(actor, photo.id, ImageSize.ORIGINAL)
    exif = Image.open(io.BytesIO(stored)).getexif()
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert ExifTags.IFD.GPSInfo not in exif
    assert ExifTags.Base.Artist not in exif
    details = exif.get_ifd(ExifTags.IFD.Exif)
    assert ExifTags.Base.CameraOwnerName not in details
    assert ExifTags.Base.BodySerialNumber not in details
    for secret in (b"Quandt", b"SN-98765", b"Ramona"):
        assert secret not in stored
    # what the timeline needs stays
    assert photo.captured_at == dt.datetime(2025, 1, 20, 11, 12, 13)
    assert photo.device == "GeoCam 7"
    for size in (ImageSize.THUMBNAIL, ImageSize.SCREEN):
        preview = services.photos.image(actor, photo.id, size)
        assert b"Quandt" not in preview
        assert not Image.open(io.BytesIO(preview)).getexif().get_ifd(ExifTags.IFD.GPSInfo)


def test_png_is_accepted_and_kept_lossless(
    services: ClinicServices, actor: Actor, patient_id: str
) -> None:
    data = synthetic_png(5, size=(40, 30))
    photo = services.photos.ingest(
        actor, data, CaptureContext(patient_id=patient_id), source_name="scan.png"
    ).photo
    assert photo.media_type == "image/png"
    stored = services.photos.image(actor, photo.id, ImageSize.ORIGINAL)
    assert Image.open(io.BytesIO(stored)).tobytes() == Image.open(io.BytesIO(data)).tobytes()


def test_ingest_writes_outbox_and_audit_in_the_same_transaction(
    services: ClinicServices, actor: Actor, patient_id: str, jpeg_bytes: bytes
) -> None:
    before = _state(services.workstation)
    photo = services.photos.ingest(
        actor, jpeg_bytes, CaptureContext(patient_id=patient_id), source_name="a.jpg"
    ).photo
    with services.workstation.read_session() as session:
        ops = session.scalars(
            select(OutboxOperation).where(OutboxOperation.id > before.outbox)
        ).all()
        events = session.scalars(select(AuditEvent).where(AuditEvent.id > before.audit)).all()
    assert sorted(op.entity for op in ops) == ["photos", "visits"]
    photo_op = next(op for op in ops if op.entity == "photos")
    assert photo_op.entity_id == photo.id and photo_op.fields["blob_id"] == photo.blob_id
    assert [(e.event_type, e.object_id) for e in events if e.event_type == "PHOTO_ADDED"] == [
        ("PHOTO_ADDED", photo.id)
    ]


def test_refused_file_leaves_nothing(
    services: ClinicServices, actor: Actor, patient_id: str
) -> None:
    before = _state(services.workstation)
    with pytest.raises(UnsupportedImage, match=r"notes\.jpg"):
        services.photos.ingest(
            actor,
            b"Befund: Patientin Quandt\n",
            CaptureContext(patient_id=patient_id),
            source_name="notes.jpg",
        )
    assert _state(services.workstation) == before


def test_ingest_refused_after_encryption_leaves_nothing(
    services: ClinicServices, actor: Actor, patient_id: str, jpeg_bytes: bytes
) -> None:
    """A check that fails after the objects were written must not leave them behind."""
    other = services.patients.create(actor, family_name="Fremd").id
    lesion = services.lesions.create(actor, other, body_site_code="shoulder-left", label="N1")
    before = _state(services.workstation)
    with pytest.raises(InvalidInput, match="another patient"):
        services.photos.ingest(
            actor,
            jpeg_bytes,
            CaptureContext(patient_id=patient_id, lesion_id=lesion.id),
            source_name="a.jpg",
        )
    assert _state(services.workstation) == before
    visit_of_other = services.visits.create(actor, other, visit_date=dt.date(2024, 1, 1))
    with pytest.raises(InvalidInput, match="visit"):
        services.photos.ingest(
            actor,
            jpeg_bytes,
            CaptureContext(patient_id=patient_id, visit_id=visit_of_other.id),
            source_name="a.jpg",
        )
    after = _state(services.workstation)
    assert after.blobs == before.blobs and after.photos == before.photos


def test_storage_failure_midway_leaves_nothing(
    services: ClinicServices,
    actor: Actor,
    patient_id: str,
    jpeg_bytes: bytes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _state(services.workstation)
    real_put = BlobStore.put
    calls = []

    def put_then_fail(self: BlobStore, blob_id: str, data: bytes, key: bytes) -> int:
        calls.append(blob_id)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real_put(self, blob_id, data, key)

    monkeypatch.setattr(BlobStore, "put", put_then_fail)
    with pytest.raises(OSError, match="No space"):
        services.photos.ingest(
            actor, jpeg_bytes, CaptureContext(patient_id=patient_id), source_name="a.jpg"
        )
    monkeypatch.setattr(BlobStore, "put", real_put)
    assert _state(services.workstation) == before
    # and the same file goes in cleanly afterwards
    services.photos.ingest(
        actor, jpeg_bytes, CaptureContext(patient_id=patient_id), source_name="a.jpg"
    )
    assert len(_state(services.workstation).blobs) == 3


def test_denied_ingest_writes_only_the_denial(
    services: ClinicServices,
    actor: Actor,
    second_clinician: Actor,
    jpeg_bytes: bytes,
) -> None:
    private = services.patients.create(actor, family_name="Privat", practice_level=None).id
    before = _state(services.workstation)
    with pytest.raises(PermissionDenied):
        services.photos.ingest(
            second_clinician, jpeg_bytes, CaptureContext(patient_id=private), source_name="a.jpg"
        )
    after = _state(services.workstation)
    assert (after.outbox, after.photos, after.blobs) == (before.outbox, before.photos, before.blobs)
    assert after.audit == before.audit + 1


def test_import_many_files_one_bad_never_stops_the_rest(
    services: ClinicServices, actor: Actor, patient_id: str, tmp_path: Path
) -> None:
    folder = tmp_path / "Kamera Import"
    (folder / "sub").mkdir(parents=True)
    for index in range(3):
        (folder / f"img{index}.jpg").write_bytes(synthetic_jpeg(30 + index))
    (folder / "sub" / "again.jpg").write_bytes(synthetic_jpeg(30))
    (folder / "broken.jpg").write_bytes(synthetic_jpeg(40)[:500])
    (folder / ".hidden.jpg").write_bytes(b"not looked at")
    (folder / "Thumbs.db").write_bytes(b"not looked at")
    seen: list[tuple[int, int]] = []
    report = import_files(
        services.photos,
        actor,
        CaptureContext(patient_id=patient_id),
        [folder],
        on_progress=lambda done, total, _path: seen.append((done, total)),
    )
    assert len(report.imported) == 3 and len(report.duplicates) == 1
    assert [r.path.name for r in report.refused] == ["broken.jpg"]
    assert "broken.jpg" in report.refused[0].reason
    assert report.summary == "3 imported, 1 duplicates, 1 refused"
    assert seen[-1] == (5, 5)


def test_ingest_into_a_lesion_timeline(
    services: ClinicServices, actor: Actor, patient_id: str, jpeg_bytes: bytes
) -> None:
    lesion = services.lesions.create(
        actor, patient_id, body_site_code="upper-back", label="Naevus 1"
    )
    photo = services.photos.ingest(
        actor,
        jpeg_bytes,
        CaptureContext(patient_id=patient_id, lesion_id=lesion.id, modality="dermoscopy-polarised"),
        source_name="d.jpg",
    ).photo
    assert (photo.lesion_id, photo.body_site, photo.modality) == (
        lesion.id,
        "upper-back",
        "dermoscopy-polarised",
    )


@pytest.mark.parametrize(
    ("context", "error"),
    [
        ({"modality": "x-ray"}, "modality"),
        ({"body_site": "elbow-middle"}, "body site"),
    ],
)
def test_bad_context_is_refused_before_any_work(
    services: ClinicServices,
    actor: Actor,
    patient_id: str,
    jpeg_bytes: bytes,
    context: dict[str, str],
    error: str,
) -> None:
    before = _state(services.workstation)
    with pytest.raises(InvalidInput, match=error):
        services.photos.ingest(
            actor,
            jpeg_bytes,
            CaptureContext(patient_id=patient_id, **context),  # type: ignore[arg-type]
            source_name="a.jpg",
        )
    assert _state(services.workstation) == before


def test_export_writes_the_stored_image_and_is_audited(
    services: ClinicServices, actor: Actor, patient_id: str, jpeg_bytes: bytes, tmp_path: Path
) -> None:
    photo = services.photos.ingest(
        actor, jpeg_bytes, CaptureContext(patient_id=patient_id), source_name="a.jpg"
    ).photo
    target = services.photos.export(actor, photo.id, tmp_path / "x")
    assert target == tmp_path / "x.jpg"
    assert target.read_bytes() == services.photos.image(actor, photo.id, ImageSize.ORIGINAL)
    with services.workstation.read_session() as session:
        last = session.scalars(
            select(AuditEvent).where(AuditEvent.event_type == "DATA_EXPORTED")
        ).all()
    assert [(e.object_id, e.patient_id, e.outcome) for e in last] == [
        (photo.id, patient_id, "success")
    ]
    with pytest.raises(InvalidInput, match="does not exist"):
        services.photos.export(actor, photo.id, tmp_path / "missing" / "x.jpg")


def test_ingest_error_types_are_ingest_errors() -> None:
    assert issubclass(UnsupportedImage, IngestError)


def test_a_card_is_committed_a_batch_per_transaction_after_its_folders_are_synced(
    services: ClinicServices,
    actor: Actor,
    patient_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    card = tmp_path / "DCIM"
    card.mkdir()
    for index in range(7):
        (card / f"IMG_{index:04d}.JPG").write_bytes(synthetic_jpeg(70 + index))
    vault = services.workstation.vault
    synced: list[Path] = []
    sync_folder = durable.fsync_folder
    monkeypatch.setattr(
        durable, "fsync_folder", lambda folder: (synced.append(folder), sync_folder(folder))[1]
    )
    monkeypatch.setattr(blobs_module, "fsync_folder", durable.fsync_folder)
    synced_at_commit: list[set[Path]] = []
    on_commit = lambda _connection: synced_at_commit.append(set(synced))  # noqa: E731
    event.listen(vault.write_engine, "commit", on_commit)
    heard: list[tuple[str, bool]] = []

    def stored(photo: PhotoSummary) -> None:  # only after its batch has committed
        with vault.read_session() as session:
            heard.append((photo.source_name, session.get(Photo, photo.id) is not None))

    try:
        report = import_files(
            services.photos,
            actor,
            CaptureContext(patient_id=patient_id),
            [card],
            batch_size=3,
            on_stored=stored,
        )
    finally:
        event.remove(vault.write_engine, "commit", on_commit)

    assert report.summary == "7 imported, 0 duplicates, 0 refused"
    assert heard == [(f"IMG_{index:04d}.JPG", True) for index in range(7)]
    assert len(synced_at_commit) == 3  # 3 + 3 + 1 photos: one transaction each
    with vault.read_session() as session:
        rows = {p.source_name: p for p in session.scalars(select(Photo))}
    for index, photo in enumerate(report.imported):
        row = rows[photo.source_name]
        folders = {
            vault.blobs.path_for(blob).parent
            for blob in (row.blob_id, row.thumbnail_blob_id, row.screen_blob_id)
        }
        assert folders <= synced_at_commit[index // 3], f"{photo.source_name} committed unsynced"
    assert _state(services.workstation).temps == 0


def test_a_photo_failing_in_a_batch_is_undone_alone(
    services: ClinicServices,
    actor: Actor,
    patient_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    card = tmp_path / "DCIM"
    card.mkdir()
    for index in range(3):
        (card / f"IMG_{index:04d}.JPG").write_bytes(synthetic_jpeg(80 + index))
    before = _state(services.workstation)
    visit_for = Photos._visit_for
    calls: list[str] = []

    def first_fails(self: Photos, uow: UnitOfWork, *args: object) -> tuple[str, dt.date]:
        answer = visit_for(self, uow, *args)  # type: ignore[arg-type]
        calls.append(answer[0])
        if len(calls) == 1:  # the visit (and its audit event) was made for this photo
            raise InvalidInput("That visit is closed")
        return answer

    monkeypatch.setattr(Photos, "_visit_for", first_fails)
    report = import_files(
        services.photos, actor, CaptureContext(patient_id=patient_id), [card], batch_size=8
    )

    assert report.summary == "2 imported, 0 duplicates, 1 refused"
    assert report.refused == [Refusal(card / "IMG_0000.JPG", "That visit is closed")]
    after = _state(services.workstation)
    assert (after.photos, after.visits) == (before.photos + 2, before.visits + 1)
    # Two photos and one visit, each with its outbox operation and audit event; nothing
    # of the undone photo's visit, row or objects is left.
    assert after.outbox == before.outbox + 3
    assert after.audit == before.audit + 3
    assert len(after.blobs - before.blobs) == 6 and after.temps == 0
