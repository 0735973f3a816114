"""The lesion registry: each followed lesion has its place on the body map, a status and a
history of biopsies and excisions; every change is access-checked and audited as
PATIENT_UPDATED with what changed in the details, and survives the vault being reopened."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from pixiodoc_desktop.clinic.records.visits import (
    LesionStatus,
    MapPosition,
    MapView,
    ProcedureKind,
)
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied, RecordNotFound
from pixiodoc_desktop.vault.schema import AuditEvent, Grant


def _updates(services: ClinicServices, lesion_id: str) -> list[dict[str, str]]:
    with services.workstation.read_session() as session:
        rows = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.event_type == "PATIENT_UPDATED", AuditEvent.object_id == lesion_id)
            .order_by(AuditEvent.seq)
        )
        return [dict(row.details or {}) for row in rows]


def _grant(services: ClinicServices, owner: Actor, patient_id: str, who: Actor, level: str) -> None:
    with services.workstation.unit_of_work(owner) as uow:
        grant = uow.session.scalar(
            select(Grant).where(Grant.patient_id == patient_id, Grant.grantee == who.user_id)
        )
        if grant is None:
            grant = Grant(id=str(uuid.uuid4()), patient_id=patient_id, grantee=who.user_id)
            uow.session.add(grant)
        grant.level = level


def test_a_new_lesion_is_new_and_can_be_placed_on_the_map(
    services: ClinicServices, actor: Actor
) -> None:
    patient = services.patients.create(actor, family_name="Albers", given_name="Ute")
    lesion = services.lesions.create(
        actor,
        patient.id,
        body_site_code="upper-back",
        label="Naevus 1",
        position=MapPosition(MapView.BACK, 0.42, 0.31),
    )
    assert lesion.status is LesionStatus.NEW
    assert lesion.position == MapPosition(MapView.BACK, 0.42, 0.31)
    assert lesion.history == ()
    moved = services.lesions.place(actor, lesion.id, MapPosition(MapView.FRONT, 0.5, 0.6))
    assert moved.position == MapPosition(MapView.FRONT, 0.5, 0.6)
    assert services.lesions.list(actor, patient.id) == [moved]
    assert _updates(services, lesion.id) == [{}, {"change": "map position"}]


def test_biopsy_then_excision_make_the_history_and_the_status(
    services: ClinicServices, actor: Actor
) -> None:
    patient = services.patients.create(actor, family_name="Albers", given_name="Ute")
    lesion = services.lesions.create(
        actor, patient.id, body_site_code="upper-back", label="Naevus 2"
    )
    grown = services.lesions.set_status(actor, lesion.id, "grown")
    assert grown.status is LesionStatus.GROWN
    services.lesions.record_procedure(
        actor,
        lesion.id,
        ProcedureKind.EXCISION,
        date=dt.date(2025, 5, 20),
        histology="Compound naevus, completely excised",
    )
    after = services.lesions.record_procedure(
        actor, lesion.id, "biopsy", date=dt.date(2025, 4, 2), histology="Dysplastic naevus"
    )
    # Oldest first, whatever order they were entered in; the status follows the last entry.
    assert [(p.kind, p.date) for p in after.history] == [
        (ProcedureKind.BIOPSY, dt.date(2025, 4, 2)),
        (ProcedureKind.EXCISION, dt.date(2025, 5, 20)),
    ]
    assert after.history[1].histology == "Compound naevus, completely excised"
    assert after.history[0].recorded_by == actor.user_id
    assert after.status is LesionStatus.BIOPSIED
    assert _updates(services, lesion.id) == [
        {},
        {"change": "status"},
        {"change": "excision"},
        {"change": "biopsy"},
    ]


def test_bad_values_are_refused_with_what_is_wrong(services: ClinicServices, actor: Actor) -> None:
    patient = services.patients.create(actor, family_name="Albers", given_name="Ute")
    lesion = services.lesions.create(actor, patient.id, body_site_code="upper-back", label="N3")
    with pytest.raises(InvalidInput, match="within the map"):
        services.lesions.place(actor, lesion.id, MapPosition(MapView.FRONT, 1.2, 0.5))
    with pytest.raises(InvalidInput, match="within the map"):
        services.lesions.place(actor, lesion.id, MapPosition(MapView.FRONT, float("nan"), 0.5))
    with pytest.raises(InvalidInput, match="no view 'side'"):
        services.lesions.place(actor, lesion.id, MapPosition("side", 0.5, 0.5))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="one of new, grown, stable, biopsied, excised"):
        services.lesions.set_status(actor, lesion.id, "worse")
    with pytest.raises(InvalidInput, match="biopsy or an excision"):
        services.lesions.record_procedure(actor, lesion.id, "laser", date=dt.date(2025, 1, 1))
    with pytest.raises(InvalidInput, match="future"):
        services.lesions.record_procedure(
            actor, lesion.id, "biopsy", date=dt.date.today() + dt.timedelta(days=2)
        )
    with pytest.raises(RecordNotFound):
        services.lesions.set_status(actor, "no-such-lesion", "stable")
    assert services.lesions.list(actor, patient.id)[0].status is LesionStatus.NEW
    assert _updates(services, lesion.id) == [{}]


def test_only_editors_change_a_lesion(
    services: ClinicServices, actor: Actor, second_clinician: Actor
) -> None:
    # Not shared with the whole practice: only the grants below count.
    patient = services.patients.create(
        actor, family_name="Albers", given_name="Ute", practice_level=None
    )
    lesion = services.lesions.create(actor, patient.id, body_site_code="upper-back", label="N4")
    with pytest.raises(PermissionDenied):
        services.lesions.set_status(second_clinician, lesion.id, "stable")
    _grant(services, actor, patient.id, second_clinician, "view")
    with pytest.raises(PermissionDenied):
        services.lesions.place(second_clinician, lesion.id, MapPosition(MapView.BACK, 0.5, 0.5))
    with pytest.raises(PermissionDenied):
        services.lesions.record_procedure(
            second_clinician, lesion.id, "biopsy", date=dt.date(2025, 1, 1)
        )
    _grant(services, actor, patient.id, second_clinician, "edit")
    placed = services.lesions.place(
        second_clinician, lesion.id, MapPosition(MapView.BACK, 0.5, 0.5)
    )
    assert placed.position is not None
    assert services.lesions.list(actor, patient.id)[0].status is LesionStatus.NEW
