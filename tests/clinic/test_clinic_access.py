"""Who may do what with a patient record: grants, the creator as Admin, the practice grant."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import select
from vault_support import synthetic_jpeg

from pixiodoc_desktop.clinic.access.permissions import LEVELS, PRACTICE, Action, allows
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import PermissionDenied
from pixiodoc_desktop.vault.schema import AuditEvent, Grant

EXPECTED = {  # the design's matrix: level -> actions it allows
    None: set(),
    "view": {Action.VIEW},
    "edit": {Action.VIEW, Action.EDIT},
    "admin": set(Action),
}


@pytest.mark.parametrize("level", [None, *LEVELS])
@pytest.mark.parametrize("action", list(Action))
def test_matrix_of_level_and_action(level: str | None, action: Action) -> None:
    assert allows(level, action) == (action in EXPECTED[level])


def _grant(
    services: ClinicServices, admin: Actor, patient_id: str, grantee: str, level: str
) -> None:
    with services.workstation.unit_of_work(admin) as uow:
        uow.session.add(
            Grant(id=str(uuid.uuid4()), patient_id=patient_id, grantee=grantee, level=level)
        )


def _denials(services: ClinicServices, actor: Actor) -> list[AuditEvent]:
    with services.workstation.read_session() as session:
        return list(
            session.scalars(
                select(AuditEvent).where(
                    AuditEvent.outcome == "denied", AuditEvent.actor_id == actor.user_id
                )
            )
        )


@pytest.fixture
def private_patient(services: ClinicServices, actor: Actor) -> str:
    """A record only its creator may see (no practice grant)."""
    return services.patients.create(actor, family_name="Geheim", practice_level=None).id


def test_creator_is_admin(services: ClinicServices, actor: Actor, private_patient: str) -> None:
    assert services.patients.get(actor, private_patient).access == "admin"


def test_second_clinician_without_grant_is_denied_and_it_is_audited(
    services: ClinicServices, second_clinician: Actor, private_patient: str
) -> None:
    assert services.patients.search(second_clinician, "geheim") == []
    assert services.patients.search(second_clinician, "") == []
    attempts = [
        lambda: services.patients.get(second_clinician, private_patient),
        lambda: services.patients.update(second_clinician, private_patient, notes="x"),
        lambda: services.photos.ingest(
            second_clinician,
            synthetic_jpeg(2),
            CaptureContext(patient_id=private_patient),
            source_name="a.jpg",
        ),
        lambda: services.visits.list(second_clinician, private_patient),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied) as caught:
            attempt()
        assert second_clinician.login in caught.value.message
        assert "Geheim" not in caught.value.message
    denials = _denials(services, second_clinician)
    assert len(denials) >= 3
    assert all(d.patient_id == private_patient for d in denials)
    assert {d.details["action"] for d in denials} >= {"view", "edit"}


@pytest.mark.parametrize("level", LEVELS)
def test_grants_through_the_services(
    services: ClinicServices,
    actor: Actor,
    second_clinician: Actor,
    private_patient: str,
    level: str,
    tmp_path: Path,
) -> None:
    photo = services.photos.ingest(
        actor, synthetic_jpeg(4), CaptureContext(patient_id=private_patient), source_name="a.jpg"
    ).photo
    _grant(services, actor, private_patient, second_clinician.user_id, level)
    checks = {
        Action.VIEW: lambda: services.patients.get(second_clinician, private_patient),
        Action.EDIT: lambda: services.patients.update(
            second_clinician, private_patient, notes="seen"
        ),
        Action.EXPORT: lambda: services.photos.export(
            second_clinician, photo.id, tmp_path / "out.jpg"
        ),
    }
    for action, attempt in checks.items():
        if action in EXPECTED[level]:
            attempt()
        else:
            with pytest.raises(PermissionDenied):
                attempt()
    assert services.patients.search(second_clinician, "geheim")[0].access == level


def test_practice_grant_reaches_every_clinician(
    services: ClinicServices, actor: Actor, second_clinician: Actor
) -> None:
    shared = services.patients.create(actor, family_name="Gemeinsam").id  # default: practice edits
    viewable = services.patients.create(actor, family_name="Lesbar", practice_level="view").id
    assert services.patients.get(second_clinician, shared).access == "edit"
    services.photos.ingest(
        second_clinician,
        synthetic_jpeg(6),
        CaptureContext(patient_id=shared),
        source_name="a.jpg",
    )
    assert services.patients.get(second_clinician, viewable).access == "view"
    with pytest.raises(PermissionDenied):
        services.patients.update(second_clinician, viewable, notes="x")
    # a personal grant above the practice level wins
    _grant(services, actor, viewable, second_clinician.user_id, "admin")
    assert services.patients.get(second_clinician, viewable).access == "admin"
    with services.workstation.read_session() as session:
        practice = session.scalars(select(Grant).where(Grant.grantee == PRACTICE)).all()
    assert {(g.patient_id, g.level) for g in practice} == {(shared, "edit"), (viewable, "view")}
