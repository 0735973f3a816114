"""A lesion's place on the body map, its status and its history travel by sync: what one
workstation records, the other shows after a round, and concurrent edits of different
fields both survive (last writer wins per field)."""

from __future__ import annotations

import datetime as dt

from sync_support import ClinicNet

from pixiodoc_desktop.clinic.records.visits import (
    LesionStatus,
    MapPosition,
    MapView,
    ProcedureKind,
)


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
