"""DESIGN.md §4's merge rules, each pinned down: last writer wins per field by hybrid
clock (device id breaking ties), deletes are tombstones, photos and audit events are
immutable, an enrollment code expires and works once."""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select
from vault_support import assert_search_words_in_step, decodes, synthetic_jpeg

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records import photo_intake
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize
from pixiodoc_desktop.errors import EnrollmentInvalid, PixioDocError
from pixiodoc_desktop.sync import enroll
from pixiodoc_desktop.sync.audit_stream import audit_row_json
from pixiodoc_desktop.sync.dump import canonical_dump
from pixiodoc_desktop.sync.enroll import create_enrollment, join
from pixiodoc_desktop.sync.merge import Merger
from pixiodoc_desktop.sync.ops import Op
from pixiodoc_desktop.sync.pull import Batch, apply_batches
from pixiodoc_desktop.vault import hlc as hlc_module
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.schema import AuditEvent, Patient, Photo, SyncCursor
from tests.sync.sync_support import ACCESS_KEY, SECRET_KEY, ClinicNet, Station

SMALL_DEVICE = "00000000-0000-4000-8000-000000000001"
LARGE_DEVICE = "ffffffff-ffff-4fff-bfff-fffffffffffe"


class WallClock:
    """What the hybrid clocks read as wall time (`time.time()` inside vault/hlc.py only)."""

    def __init__(self) -> None:
        self.ms = int(time.time() * 1000) + 60_000  # ahead of every stamp made so far

    def at(self, ms: int) -> None:
        self.ms = ms

    def time(self) -> float:
        return (self.ms + 0.5) / 1000  # +0.5: int(x * 1000) gives back exactly self.ms


@pytest.fixture
def wall(monkeypatch: pytest.MonkeyPatch) -> Iterator[WallClock]:
    clock = WallClock()
    monkeypatch.setattr(hlc_module, "time", SimpleNamespace(time=clock.time))
    yield clock


def _stamp(ms: int, device: str, counter: int = 0) -> str:
    return f"{ms:013d}-{counter:05d}-{device}"


def _patient_with_photos(station: Station, family: str, seeds: list[int]) -> tuple[str, list[str]]:
    services = station.services
    patient = services.patients.create(station.actor, family_name=family, given_name="Test")
    ids = []
    for seed in seeds:
        result = services.photos.ingest(
            station.actor,
            synthetic_jpeg(seed, captured_at=dt.datetime(2025, 3, 14, 9, 30)),
            CaptureContext(patient.id, visit_date=dt.date(2025, 3, 14)),
            source_name=f"IMG_{seed}.jpg",
        )
        ids.append(result.photo.id)
    return patient.id, ids


def _photo_row(station: Station, photo_id: str) -> dict[str, Any]:
    with station.ws.read_session() as session:
        photo = session.get(Photo, photo_id)
        assert photo is not None
        return {c.name: getattr(photo, c.name) for c in Photo.__table__.columns}


def _live_photo_ids(station: Station, patient_id: str) -> set[str]:
    return {p.id for p in station.services.photos.list(station.actor, patient_id)}


# --- 1. last writer wins per field, by hybrid clock ---------------------------------------


def test_the_later_clock_wins_a_field_on_both_pcs_and_other_fields_survive(
    clinic: ClinicNet, wall: WallClock
) -> None:
    front = clinic.first()
    patient = front.services.patients.create(front.actor, family_name="Albers", given_name="Eva")
    front.sync()
    room = clinic.join("exam-room", via=front)
    base = wall.ms

    # offline. `sex`: the room's edit has the later clock although the front desk edits
    # after it (in real time) and its value reaches the room last.
    wall.at(base + 200)
    room.services.patients.update(room.actor, patient.id, sex="male")
    wall.at(base + 100)
    front.services.patients.update(front.actor, patient.id, sex="female")
    # `given_name`: the front desk's edit has the later clock; the room's value arrives last
    wall.at(base + 300)
    front.services.patients.update(front.actor, patient.id, given_name="Frieda")
    wall.at(base + 150)  # behind the room's own clock: its stamp is (base+200, counter 1)
    room.services.patients.update(room.actor, patient.id, given_name="Greta")
    # different fields on different PCs
    wall.at(base + 400)
    room.services.patients.update(room.actor, patient.id, birth_date=dt.date(1961, 5, 2))
    front.services.patients.update(front.actor, patient.id, notes="Sun damage, both forearms")

    room.sync()  # the room pushes first: the front desk pulls the room's values ...
    front.sync()  # ... on top of its own pending edits, and pushes its own
    room.sync()  # the room pulls the front desk's values on top of its synced ones
    clinic.settle([room, front])

    for station in (front, room):
        seen = station.services.patients.get(station.actor, patient.id, audited=False)
        assert seen.sex == "male", station.name
        assert seen.given_name == "Frieda", station.name
        assert seen.birth_date == dt.date(1961, 5, 2), station.name
        assert seen.notes == "Sun damage, both forearms", station.name
    assert canonical_dump(front.ws)["patients"] == canonical_dump(room.ws)["patients"]


def test_a_patient_is_found_by_the_merged_name_and_number_on_both_pcs(
    clinic: ClinicNet, wall: WallClock
) -> None:
    """Name and external id win field by field; the search key follows what won."""
    front = clinic.first()
    patient = front.services.patients.create(front.actor, family_name="Albers", given_name="Eva")
    front.sync()
    room = clinic.join("exam-room", via=front)
    base = wall.ms
    wall.at(base + 100)  # the front desk corrects the family name ...
    front.services.patients.update(front.actor, patient.id, family_name="Albrecht")
    wall.at(base + 200)  # ... the room, later, adds the hospital number
    room.services.patients.update(room.actor, patient.id, external_id="KH-5521")

    room.sync()
    front.sync()
    room.sync()
    clinic.settle([room, front])

    for station in (front, room):
        seen = station.services.patients.get(station.actor, patient.id, audited=False)
        assert (seen.family_name, seen.external_id) == ("Albrecht", "KH-5521"), station.name
        for query in ("albrecht", "KH-5521", "Albrecht Eva"):
            found = station.services.patients.search(station.actor, query)
            assert [p.id for p in found] == [patient.id], (station.name, query)
        assert station.services.patients.search(station.actor, "Albers") == [], station.name
        with station.ws.read_session() as session:  # the merged key's words, nothing older
            assert_search_words_in_step(session)
    assert canonical_dump(front.ws)["patients"] == canonical_dump(room.ws)["patients"]


def _apply(station: Station, ops: list[Op]) -> None:
    with station.ws.vault.write_session() as session, session.begin():
        Merger(session).apply(ops)


def _sex(station: Station, patient_id: str) -> str:
    with station.ws.read_session() as session:
        patient = session.get(Patient, patient_id)
        assert patient is not None
        return patient.sex


def test_equal_wall_time_and_counter_the_larger_device_id_wins(clinic: ClinicNet) -> None:
    """The merge function itself: the stamp ends in the device id, compared as text."""
    front = clinic.first()
    patients = [
        front.services.patients.create(front.actor, family_name=f"Tie{i}").id for i in range(3)
    ]
    front.sync()  # nothing pending: only the synced clocks count
    ms = int(time.time() * 1000) + 3_600_000
    small = {"sex": "male"}
    large = {"sex": "female"}

    def op(patient_id: str, fields: dict[str, str], device: str) -> Op:
        return Op("patients", patient_id, "upsert", dict(fields), _stamp(ms, device, 7))

    # one apply, both orders in the list
    _apply(front, [op(patients[0], small, SMALL_DEVICE), op(patients[0], large, LARGE_DEVICE)])
    _apply(front, [op(patients[1], large, LARGE_DEVICE), op(patients[1], small, SMALL_DEVICE)])
    # two applies: the smaller device's op arrives last and still loses
    _apply(front, [op(patients[2], large, LARGE_DEVICE)])
    _apply(front, [op(patients[2], small, SMALL_DEVICE)])
    assert [_sex(front, p) for p in patients] == ["female"] * 3

    # one counter more beats any device id
    _apply(front, [Op("patients", patients[2], "upsert", small, _stamp(ms, SMALL_DEVICE, 8))])
    assert _sex(front, patients[2]) == "male"


# --- 2. deletes are tombstones -----------------------------------------------------------


def test_a_deleted_photo_stays_deleted_on_both_pcs_despite_an_older_concurrent_edit(
    clinic: ClinicNet, wall: WallClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    front = clinic.first()
    patient, (soft, hard) = _patient_with_photos(front, "Lorenz", [41, 42])
    front.sync()
    room = clinic.join("exam-room", via=front)
    base = wall.ms

    # offline: the room tags both photos first (older clocks) ...
    wall.at(base + 100)
    room.services.photos.annotate(room.actor, soft, tags=("room-soft",), notes="room")
    room.services.photos.annotate(room.actor, hard, tags=("room-hard",))
    # ... then the front desk deletes one (a soft delete: the row stays as a tombstone)
    wall.at(base + 200)
    front.services.photos.delete(front.actor, soft)
    # and deletes the other and imports the same image again: the old row is removed
    # (a delete operation) and a new photo with a larger id takes the image
    front.services.photos.delete(front.actor, hard)
    again = uuid.UUID("ffffffff-ffff-4fff-bfff-ffffffffffff")
    with monkeypatch.context() as patch:
        patch.setattr(photo_intake, "uuid", SimpleNamespace(uuid4=lambda: again))
        reimported = front.services.photos.ingest(
            front.actor,
            synthetic_jpeg(42, captured_at=dt.datetime(2025, 3, 14, 9, 30)),
            CaptureContext(patient, visit_date=dt.date(2025, 3, 14)),
            source_name="IMG_42.jpg",
        ).photo.id
    assert reimported == str(again) and not reimported < hard

    front.sync()
    room.sync()  # pushes the older tags, pulls the deletes
    front.sync()  # pulls the older tags after its deletes
    clinic.settle([front, room])
    clinic.settle([room, front])  # later pulls bring nothing back

    for station in (front, room):
        assert _live_photo_ids(station, patient) == {reimported}, station.name
        assert _photo_row(station, soft)["deleted"] is True, station.name
        with station.ws.read_session() as session:
            assert session.get(Photo, hard) is None, station.name
        decodes(
            station.services.photos.image(
                station.actor, reimported, ImageSize.ORIGINAL, audited=False
            )
        )
    assert canonical_dump(front.ws)["photos"] == canonical_dump(room.ws)["photos"]

    # a stale full copy of the removed photo (a PC that never heard of the delete) with
    # a clock newer than the delete does not bring it back either
    stale = {
        k: v.isoformat() if isinstance(v, dt.datetime) else v
        for k, v in _photo_row(front, reimported).items()
        if k != "id"
    }
    stale["blob_id"] = "stale-" + str(stale["blob_id"])[6:]  # no clash with the live photo
    late = _stamp(wall.ms + 10_000, SMALL_DEVICE)
    _apply(room, [Op("photos", hard, "upsert", dict(stale), late)])
    # nor on a PC that hears of a photo's deletion before the photo itself (no field
    # clocks to go by: only the tombstone keeps it out)
    unseen = str(uuid.uuid4())
    _apply(room, [Op("photos", unseen, "delete", {}, _stamp(wall.ms + 20_000, LARGE_DEVICE))])
    _apply(
        room, [Op("photos", unseen, "upsert", dict(stale), _stamp(wall.ms + 30_000, SMALL_DEVICE))]
    )
    with room.ws.read_session() as session:
        assert session.get(Photo, hard) is None
        assert session.get(Photo, unseen) is None


# --- 3. photos and audit events are immutable ------------------------------------------


def _cursor(station: Station, device: str) -> int:
    with station.ws.read_session() as session:
        cursor = session.get(SyncCursor, device)
        assert cursor is not None
        return cursor.last_seq


def test_a_remote_op_cannot_change_a_photos_image_or_identity(clinic: ClinicNet) -> None:
    front = clinic.first()
    patient, (photo,) = _patient_with_photos(front, "Ritter", [51])
    other, (other_photo,) = _patient_with_photos(front, "Sommer", [52])
    front.sync()
    room = clinic.join("exam-room", via=front)
    before = _photo_row(room, photo)
    theirs = _photo_row(room, other_photo)
    late = _stamp(int(time.time() * 1000) + 3_600_000, SMALL_DEVICE)
    forged = {
        "patient_id": other,
        "visit_id": theirs["visit_id"],
        "blob_id": theirs["blob_id"],
        "thumbnail_blob_id": theirs["thumbnail_blob_id"],
        "screen_blob_id": theirs["screen_blob_id"],
        "size_bytes": 1,
        "width": 1,
        "height": 1,
        "bit_depth": 16,
        "media_type": "image/png",
        "captured_at": "2001-01-01T00:00:00",
        "created_at": "2001-01-01T00:00:00",
        "created_by": SMALL_DEVICE,
        # editable metadata: last writer wins as for any record
        "tags": ["forged-but-allowed"],
        "notes": "a later note",
        "body_site": "back",
    }
    # through the pull's entry point: a batch of another device, merged and applied
    apply_batches(
        room.ws, [Batch(SMALL_DEVICE, 1, [Op("photos", photo, "upsert", forged, late)], [])], []
    )

    after = _photo_row(room, photo)
    for name in forged.keys() - {"tags", "notes", "body_site"}:
        assert after[name] == before[name], name
    assert after["tags"] == ["forged-but-allowed"]
    assert after["notes"] == "a later note"
    assert after["body_site"] == "back"
    image = room.services.photos.image(room.actor, photo, ImageSize.ORIGINAL, audited=False)
    assert image == front.services.photos.image(
        front.actor, photo, ImageSize.ORIGINAL, audited=False
    )
    assert _live_photo_ids(room, patient) == {photo}
    assert _live_photo_ids(room, other) == {other_photo}

    # a photo new to this PC is fixed by its first op; a later one cannot re-point it
    new_id = str(uuid.uuid4())
    made = {k: v for k, v in _photo_row(room, photo).items() if k != "id"}
    made = {k: v.isoformat() if isinstance(v, dt.datetime) else v for k, v in made.items()}
    made["blob_id"] = "b" * 64
    first = _stamp(int(time.time() * 1000) + 3_600_001, SMALL_DEVICE)
    second = _stamp(int(time.time() * 1000) + 3_600_002, SMALL_DEVICE)
    apply_batches(
        room.ws,
        [
            Batch(
                SMALL_DEVICE,
                2,
                [
                    Op("photos", new_id, "upsert", made, first),
                    Op("photos", new_id, "upsert", {"blob_id": "c" * 64, "tags": ["t"]}, second),
                ],
                [],
            )
        ],
        [],
    )
    created = _photo_row(room, new_id)
    assert created["blob_id"] == "b" * 64
    assert created["tags"] == ["t"]


def test_a_remote_audit_event_cannot_be_rewritten(clinic: ClinicNet) -> None:
    front = clinic.first()
    _patient_with_photos(front, "Vogt", [61])
    front.sync()
    room = clinic.join("exam-room", via=front)
    with room.ws.read_session() as session:
        event = session.scalar(
            select(AuditEvent)
            .where(AuditEvent.device_id == front.ws.device_id)
            .order_by(AuditEvent.seq)
        )
        assert event is not None
        original = audit_row_json(event)
        row_id = event.id
    tampered = {
        **original,
        "event_type": "PATIENT_VIEWED",
        "actor_id": SMALL_DEVICE,
        "details": {"forged": True},
        "at": "2001-01-01T00:00:00.000000",
    }
    late = _stamp(int(time.time() * 1000) + 3_600_000, front.ws.device_id)
    op = Op("audit_events", str(row_id), "upsert", {"details": {"forged": True}}, late)
    seq = _cursor(room, front.ws.device_id)  # not moving the cursor back
    apply_batches(room.ws, [Batch(front.ws.device_id, seq, [op], [tampered])], [])

    with room.ws.read_session() as session:
        rows = session.scalars(
            select(AuditEvent).where(
                AuditEvent.device_id == front.ws.device_id, AuditEvent.seq == original["seq"]
            )
        ).all()
        assert [audit_row_json(r) for r in rows] == [original]
        assert audit.verify_chain(session, room.ws.vault.keys.audit) == []


# --- 4. enrollment codes expire and work once --------------------------------------------


def _join(clinic: ClinicNet, folder: Path, code: str) -> None:
    join(folder, clinic.target(), ACCESS_KEY, SECRET_KEY, code=code, store=clinic.store())


def test_an_expired_enrollment_code_is_refused(
    clinic: ClinicNet, monkeypatch: pytest.MonkeyPatch
) -> None:
    front = clinic.first()
    code, expires = create_enrollment(
        front.ws, front.store, front.actor, valid_for=dt.timedelta(minutes=5), kdf=MINIMUM_KDF
    )
    late = clinic.root / "late-pc"
    with monkeypatch.context() as patch:
        patch.setattr(enroll, "utcnow", lambda: expires + dt.timedelta(seconds=1))
        with pytest.raises(EnrollmentInvalid) as refused:
            _join(clinic, late, code)
    assert str(refused.value) == ("This enrollment code has expired; ask an Admin for a new one.")
    assert not late.exists()  # nothing made on the late PC
    # the expired enrollment is gone from the bucket: not even a clock set back opens it
    with pytest.raises(EnrollmentInvalid, match="No enrollment waits under this code"):
        _join(clinic, late, code)

    # one second before its time, a code still works
    code, expires = create_enrollment(
        front.ws, front.store, front.actor, valid_for=dt.timedelta(minutes=5), kdf=MINIMUM_KDF
    )
    with monkeypatch.context() as patch:
        patch.setattr(enroll, "utcnow", lambda: expires - dt.timedelta(seconds=1))
        _join(clinic, clinic.root / "in-time-pc", code)
    assert (clinic.root / "in-time-pc").is_dir()


def test_an_enrollment_code_works_once(clinic: ClinicNet) -> None:
    front = clinic.first()
    code, _expires = create_enrollment(front.ws, front.store, front.actor, kdf=MINIMUM_KDF)
    _join(clinic, clinic.root / "second-pc", code)
    assert (clinic.root / "second-pc").is_dir()
    with pytest.raises(EnrollmentInvalid) as refused:
        _join(clinic, clinic.root / "third-pc", code)
    assert "was already used to join a PC" in str(refused.value)  # not "not found"
    assert not (clinic.root / "third-pc").exists()


def test_two_pcs_joining_with_one_code_at_once_only_one_gets_in(clinic: ClinicNet) -> None:
    front = clinic.first()
    code, _expires = create_enrollment(front.ws, front.store, front.actor, kdf=MINIMUM_KDF)
    store = clinic.store()
    # The first PC has checked the code and claimed it, and is still pulling ...
    (name,) = [n for n, _size in store.objects(store.key(enroll.ENROLL_DIR) + "/")]
    store.put(f"{name}.claimed", b"{}", if_absent=True)
    # ... when the second PC tries the same code: refused before it creates anything.
    with pytest.raises(EnrollmentInvalid, match="Another PC is joining"):
        _join(clinic, clinic.root / "third-pc", code)
    assert not (clinic.root / "third-pc").exists()
    store.delete(f"{name}.claimed")  # the first PC's join ended without success

    # A join that fails (here: its folder is taken) gives the code back for a new try.
    taken = clinic.root / "taken"
    taken.mkdir()
    (taken / "vault.json").write_text("{}", "utf-8")
    with pytest.raises(PixioDocError):
        _join(clinic, taken, code)
    _join(clinic, clinic.root / "second-pc", code)
    assert (clinic.root / "second-pc" / "vault.json").is_file()
    # The code's sealed keys and the claim are gone; a marker says it was used until its time.
    ((left, _size),) = list(store.objects(store.key(enroll.ENROLL_DIR) + "/"))
    assert left == name and set(json.loads(store.get(left))) == {"format", "used_at", "expires_at"}
