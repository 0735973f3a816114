"""Two and three workstations edit offline, then sync: they converge, nothing lost or doubled."""

from __future__ import annotations

import datetime as dt

from vault_support import decodes, synthetic_jpeg

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize
from pixiodoc_desktop.sync.conflicts import open_conflicts, resolve
from pixiodoc_desktop.sync.dump import canonical_dump
from pixiodoc_desktop.sync.engine import sync_status
from tests.sync.sync_support import ClinicNet, Station


def _add_patient_with_photos(
    station: Station, family: str, seeds: list[int], *, visit: dt.date | None = None
) -> str:
    services = station.services
    patient = services.patients.create(station.actor, family_name=family, given_name="Test")
    for seed in seeds:
        services.photos.ingest(
            station.actor,
            synthetic_jpeg(seed, captured_at=dt.datetime(2025, 3, 14, 9, 30)),
            CaptureContext(patient.id, visit_date=visit or dt.date(2025, 3, 14)),
            source_name=f"IMG_{seed}.jpg",
        )
    return patient.id


def _assert_converged(stations: list[Station]) -> dict[str, object]:
    dumps = [canonical_dump(s.ws) for s in stations]
    for station, dump in zip(stations[1:], dumps[1:], strict=True):
        for table in dumps[0]:
            assert dump[table] == dumps[0][table], f"{station.name} differs in {table}"
    for station in stations:
        with station.ws.read_session() as session:
            assert audit.verify_chain(session, station.ws.vault.keys.audit) == []
    return dumps[0]


def test_two_workstations_converge_after_offline_edits(clinic: ClinicNet) -> None:
    front = clinic.first()
    front_patient = _add_patient_with_photos(front, "Brandt", [1, 2])
    front.sync()
    room = clinic.join("exam-room-1", via=front)

    # both offline now: each adds and edits
    room_patient = _add_patient_with_photos(room, "Kaya", [3])
    _add_patient_with_photos(front, "Özdemir", [4, 5])
    room.services.patients.update(room.actor, front_patient, given_name="Jonas")
    front.services.photos.annotate(
        front.actor, front.services.photos.list(front.actor, front_patient)[0].id, tags=("left",)
    )
    clinic.settle()

    dump = _assert_converged([front, room])
    assert len(dump["photos"]) == 5  # type: ignore[arg-type]
    assert len({p["blob_id"] for p in dump["photos"]}) == 5  # type: ignore[union-attr,index]
    for station in (front, room):
        photos = station.services.photos
        for patient in (front_patient, room_patient):
            for photo in photos.list(station.actor, patient):
                decodes(photos.image(station.actor, photo.id, ImageSize.THUMBNAIL))
                decodes(photos.image(station.actor, photo.id, ImageSize.ORIGINAL, audited=False))
        assert sync_status(station.ws).pending_changes == 0
    assert (
        room.services.patients.get(room.actor, front_patient, audited=False).given_name == "Jonas"
    )


def test_three_workstations_resolve_concurrent_edits_the_same_way(clinic: ClinicNet) -> None:
    a = clinic.first("pc-a")
    patient = _add_patient_with_photos(a, "Lindqvist", [11])
    a.sync()
    b = clinic.join("pc-b", via=a)
    c = clinic.join("pc-c", via=a)

    # the same field on all three, offline
    a.services.patients.update(a.actor, patient, sex="female")
    b.services.patients.update(b.actor, patient, sex="male")
    c.services.patients.update(c.actor, patient, sex="other")
    # a note edited on two PCs at once
    a.services.patients.update(
        a.actor, patient, notes="Naevus left shoulder, follow up in 3 months"
    )
    b.services.patients.update(b.actor, patient, notes="Patient asks for removal of the naevus")
    # and each adds photos of its own
    _add_patient_with_photos(b, "Nowak", [12, 13])
    _add_patient_with_photos(c, "Silva", [14])
    clinic.settle()

    dump = _assert_converged([a, b, c])
    assert len(dump["photos"]) == 4  # type: ignore[arg-type]
    sexes = {s.services.patients.get(s.actor, patient, audited=False).sex for s in (a, b, c)}
    assert len(sexes) == 1
    notes = {s.services.patients.get(s.actor, patient, audited=False).notes for s in (a, b, c)}
    assert len(notes) == 1
    for station in (a, b, c):
        conflicts = open_conflicts(station.ws, station.actor)
        assert len(conflicts) == 1, station.name
        assert set(conflicts[0].versions) == {
            "Naevus left shoulder, follow up in 3 months",
            "Patient asks for removal of the naevus",
        }
        assert conflicts[0].versions[-1] in notes  # the newer text is the one shown
        assert sync_status(station.ws).open_conflicts == 1

    # a clinician resolves it on one PC; the others follow
    conflict = open_conflicts(b.ws, b.actor)[0]
    merged = " / ".join(conflict.versions)
    resolve(b.ws, b.actor, conflict.id, merged)
    clinic.settle()
    _assert_converged([a, b, c])
    for station in (a, b, c):
        assert open_conflicts(station.ws, station.actor) == []
        assert station.services.patients.get(station.actor, patient, audited=False).notes == merged
