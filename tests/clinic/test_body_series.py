"""Total-body series: the clinic's protocol of poses (eight by default, admin-editable,
audited), one series per visit found by the photos' pose tags, the checklist of what is
missing (and the next pose), the previous series' photo of a pose as the ghost, and two
series paired pose by pose."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select

from pixiodoc_desktop.clinic.records.body_series import (
    DEFAULT_PROTOCOL,
    POSES_SETTING,
    BodySeriesProtocol,
    Pose,
    checklist,
    ghost_for,
    pose_of,
    pose_pairs,
    pose_tag,
    slug,
)
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied
from pixiodoc_desktop.vault.schema import AuditEvent


def test_series_checklist_ghost_and_pose_pairs(
    services: ClinicServices, actor: Actor, make_jpeg: Callable[..., bytes]
) -> None:
    assert len(DEFAULT_PROTOCOL) == 8
    patient = services.patients.create(actor, family_name="Ahrens")
    days = (dt.date(2025, 4, 1), dt.date(2025, 10, 1))
    taken = {days[0]: DEFAULT_PROTOCOL, days[1]: DEFAULT_PROTOCOL[:5]}
    for day, poses in taken.items():
        for number, pose in enumerate(poses):
            services.photos.ingest(
                actor,
                make_jpeg(
                    hash((day, pose)) % 997,
                    captured_at=dt.datetime.combine(day, dt.time(9, number)),
                ),
                CaptureContext(patient_id=patient.id, visit_date=day, tags=(pose_tag(pose),)),
                source_name=f"{day}-{pose}.jpg",
            )
    photos = services.photos.list(actor, patient.id)
    visit = {v.visit_date: v.id for v in services.visits.list(actor, patient.id)}
    first = checklist(DEFAULT_PROTOCOL, photos, visit[days[0]])
    assert first.complete and first.next_pose is None
    second = checklist(DEFAULT_PROTOCOL, photos, visit[days[1]])
    assert second.done == DEFAULT_PROTOCOL[:5]
    assert second.missing == DEFAULT_PROTOCOL[5:] and second.next_pose == DEFAULT_PROTOCOL[5]
    ghost = ghost_for(second.next_pose or "", photos, visit[days[1]])
    assert ghost is not None and ghost.visit_id == visit[days[0]]
    assert pose_of(ghost) == DEFAULT_PROTOCOL[5]
    assert ghost_for("front", photos, visit[days[0]]) is None  # nothing earlier than the first
    pairs = pose_pairs(DEFAULT_PROTOCOL, photos, visit[days[0]], visit[days[1]])
    assert [pose for pose, _b, _a in pairs] == list(DEFAULT_PROTOCOL[:5])
    assert all(b.visit_id == visit[days[0]] and a.visit_id == visit[days[1]] for _p, b, a in pairs)


def test_the_protocol_is_the_clinics_to_change(
    services: ClinicServices, actor: Actor, second_clinician: Actor
) -> None:
    protocol = BodySeriesProtocol(services.workstation)
    assert protocol.poses() == DEFAULT_PROTOCOL
    assert protocol.set_poses(actor, ["front", "back", "Soles"]) == ("front", "back", "soles")
    assert protocol.poses() == ("front", "back", "soles")
    for bad, why in (
        ([], "at least one pose"),
        (["front", "front"], "appears twice"),
        (["front; drop"], "not a pose code"),
    ):
        with pytest.raises(InvalidInput, match=why):
            protocol.set_poses(actor, bad)
    with pytest.raises(PermissionDenied, match="workspace admin"):
        protocol.set_poses(second_clinician, ["front"])
    assert protocol.poses() == ("front", "back", "soles")


def test_the_clinic_names_and_adds_poses_and_the_change_is_audited(
    services: ClinicServices, actor: Actor
) -> None:
    protocol = BodySeriesProtocol(services.workstation)
    scalp = slug("Kopfhaut, von oben", [])
    assert scalp == "kopfhaut-von-oben"
    assert slug("Kopfhaut, von oben", [scalp]) == "kopfhaut-von-oben-2"
    assert slug("???", []) == "pose"
    chosen = [Pose("back"), Pose("front", "Front, standing"), Pose(scalp, "Kopfhaut,  von oben")]
    assert protocol.set_poses(actor, chosen) == ("back", "front", scalp)
    assert protocol.protocol() == (
        Pose("back"),
        Pose("front", "Front, standing"),
        Pose(scalp, "Kopfhaut, von oben"),
    )
    assert protocol.poses() == ("back", "front", scalp)
    with pytest.raises(InvalidInput, match="printable"):
        protocol.set_poses(actor, [Pose("front", "x" * 61)])
    with services.workstation.read_session() as session:
        events = session.scalars(
            select(AuditEvent).where(
                AuditEvent.event_type == "SECURITY_SETTING_CHANGED",
                AuditEvent.object_id == POSES_SETTING,
            )
        ).all()
        assert len(events) == 1  # the refused name changed nothing
        assert events[-1].details["to"] == [
            "back",
            {"code": "front", "name": "Front, standing"},
            {"code": scalp, "name": "Kopfhaut, von oben"},
        ]
