"""A lesion's place on the body map, its status and its history travel by sync: what one
workstation records, the other shows after a round, and concurrent edits of different
fields both survive (last writer wins per field)."""

from __future__ import annotations

import datetime as dt

from vault_support import synthetic_jpeg

from pixiodoc_desktop.clinic.records.lesion_sizes import LesionSizes
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.records.visits import (
    LesionStatus,
    MapPosition,
    MapView,
    ProcedureKind,
)
from tests.sync.sync_support import ClinicNet


def test_map_position_status_and_history_sync_both_ways(clinic: ClinicNet) -> None:
    front = clinic.first()
    patient = front.services.patients.create(front.actor, family_name="Lange", given_name="Eva")
    lesion = front.services.lesions.create(
        front.actor,
        patient.id,
        body_site_code="upper-back",
        label="Naevus 1",
        position=MapPosition(MapView.BACK, 0.4, 0.3),
    )
    front.sync()
    room = clinic.join("exam-room-1", via=front)
    room.sync()
    [seen] = room.services.lesions.list(room.actor, patient.id)
    assert seen.position == MapPosition(MapView.BACK, 0.4, 0.3)
    assert seen.status is LesionStatus.NEW

    # Offline on both: the room records the excision, the front desk moves the marker.
    room.services.lesions.record_procedure(
        room.actor,
        lesion.id,
        ProcedureKind.EXCISION,
        date=dt.date(2025, 6, 3),
        histology="Junctional naevus, margins clear",
    )
    front.services.lesions.place(front.actor, lesion.id, MapPosition(MapView.BACK, 0.45, 0.32))
    clinic.settle()

    for station in (front, room):
        [now] = station.services.lesions.list(station.actor, patient.id)
        assert now.position == MapPosition(MapView.BACK, 0.45, 0.32)
        assert now.status is LesionStatus.EXCISED
        assert [(p.kind, p.date, p.histology) for p in now.history] == [
            (ProcedureKind.EXCISION, dt.date(2025, 6, 3), "Junctional naevus, margins clear")
        ]


def test_measurements_from_two_workstations_both_arrive_and_the_threshold_travels(
    clinic: ClinicNet,
) -> None:
    front = clinic.first()
    patient = front.services.patients.create(front.actor, family_name="Roth", given_name="Ida")
    lesion = front.services.lesions.create(
        front.actor, patient.id, body_site_code="chest", label="Naevus 3"
    )
    photos = []
    for index, day in enumerate((dt.date(2025, 2, 1), dt.date(2025, 8, 1))):
        photos.append(
            front.services.photos.ingest(
                front.actor,
                synthetic_jpeg(40 + index),
                CaptureContext(patient_id=patient.id, visit_date=day, lesion_id=lesion.id),
                source_name=f"n3-{index}.jpg",
            ).photo
        )
    front.sync()
    room = clinic.join("exam-room-2", via=front)
    room.sync()
    # Offline on both: each measures one of the photos; the admin raises the threshold.
    LesionSizes(front.services.workstation).record(
        front.actor, lesion.id, photos[0].id, area_mm2=12.6, diameter_mm=4.0
    )
    LesionSizes(room.services.workstation).record(
        room.actor, lesion.id, photos[1].id, area_mm2=22.9, diameter_mm=5.4
    )
    LesionSizes(front.services.workstation).set_growth_threshold_mm(front.actor, 1.5)
    clinic.settle()
    for station in (front, room):
        [now] = station.services.lesions.list(station.actor, patient.id)
        assert [s.diameter_mm for s in now.sizes] == [4.0, 5.4]  # both kept (a union)
        assert LesionSizes(station.services.workstation).growth_threshold_mm() == 1.5
        assert now.status is LesionStatus.STABLE  # 1.4 mm is under the clinic's 1.5 mm
