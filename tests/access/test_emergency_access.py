"""Break the glass: a reason, View Only, time-limited, audited, acknowledged by an Admin."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update
from vault_support import SECOND_LOGIN, SECOND_PASSWORD

from pixiodoc_desktop.clinic.access.emergency import EmergencyAccesses
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied
from pixiodoc_desktop.vault.schema import AuditEvent, EmergencyAccess, utcnow

REASON = "Patient in clinic with acute reaction, record holder on leave"


@pytest.fixture
def private(services: ClinicServices, actor: Actor, jpeg_bytes: bytes) -> str:
    patient = services.patients.create(actor, family_name="Notfall", practice_level=None).id
    services.photos.ingest(
        actor, jpeg_bytes, CaptureContext(patient_id=patient), source_name="a.jpg"
    )
    return patient


def _events(services: ClinicServices, kind: str) -> list[AuditEvent]:
    with services.workstation.read_session() as session:
        return list(
            session.scalars(
                select(AuditEvent).where(AuditEvent.event_type == kind).order_by(AuditEvent.id)
            )
        )


def test_reason_is_required(
    services: ClinicServices, second_clinician: Actor, private: str
) -> None:
    with pytest.raises(InvalidInput, match="at least 10"):
        EmergencyAccesses(services.workstation).start(second_clinician, private, "urgent")
    with pytest.raises(PermissionDenied):
        services.patients.get(second_clinician, private)


def test_emergency_access_is_view_only_and_audited(
    services: ClinicServices, actor: Actor, second_clinician: Actor, private: str
) -> None:
    emergencies = EmergencyAccesses(services.workstation)
    access = emergencies.start(second_clinician, private, REASON)
    assert access.is_open and access.expires_at - access.started_at == dt.timedelta(hours=8)
    assert emergencies.start(second_clinician, private, REASON).id == access.id  # no duplicate
    assert services.patients.get(second_clinician, private).access == "view"
    assert len(services.photos.list(second_clinician, private)) == 1
    with pytest.raises(PermissionDenied):
        services.patients.update(second_clinician, private, notes="x")
    with pytest.raises(PermissionDenied):
        services.photos.check_can_add(second_clinician, private)
    [started] = _events(services, "EMERGENCY_ACCESS_STARTED")
    assert started.actor_id == second_clinician.user_id and started.patient_id == private
    assert started.details["reason"] == REASON
    emergencies.end(second_clinician, access.id)
    [ended] = _events(services, "EMERGENCY_ACCESS_ENDED")
    assert ended.details["by"] == "clinician" and ended.object_id == access.id
    with pytest.raises(PermissionDenied):
        services.patients.get(second_clinician, private)


def test_expired_access_closes_and_admins_see_it_until_acknowledged(
    services: ClinicServices, actor: Actor, second_clinician: Actor, private: str
) -> None:
    emergencies = EmergencyAccesses(services.workstation)
    access = emergencies.start(second_clinician, private, REASON, hours=1)
    with services.workstation.vault.write_session() as session, session.begin():
        session.execute(
            update(EmergencyAccess).values(expires_at=utcnow() - dt.timedelta(minutes=1))
        )
    with pytest.raises(PermissionDenied):
        services.patients.get(second_clinician, private)
    with pytest.raises(PermissionDenied):  # only Admins review
        emergencies.pending_for_admin(second_clinician)
    [pending] = emergencies.pending_for_admin(actor)
    assert pending.id == access.id and not pending.is_open
    assert pending.clinician_login == SECOND_LOGIN and pending.reason == REASON
    assert [e.details["by"] for e in _events(services, "EMERGENCY_ACCESS_ENDED")] == ["expiry"]
    emergencies.acknowledge(actor, access.id)
    assert emergencies.pending_for_admin(actor) == []
    acknowledged = [
        e
        for e in _events(services, "AUDIT_LOG_ACCESSED")
        if e.details.get("action") == "emergency acknowledged"
    ]
    assert len(acknowledged) == 1 and acknowledged[0].object_id == access.id


def test_no_emergency_needed_with_a_grant(
    services: ClinicServices, actor: Actor, private: str
) -> None:
    with pytest.raises(InvalidInput, match="already have access"):
        EmergencyAccesses(services.workstation).start(actor, private, REASON)


def test_emergency_cli(
    cli: object, services: ClinicServices, private: str, second_clinician: Actor
) -> None:
    folder = services.workstation.vault.folder
    from vault_support import LOGIN, PASSWORD

    opened = cli(
        "emergency",
        "open",
        "--vault",
        folder,
        "--user",
        SECOND_LOGIN,
        "--password-stdin",
        "--patient",
        private,
        "--reason",
        REASON,
        stdin=SECOND_PASSWORD + "\n",
    )  # type: ignore[operator]
    assert opened.code == 0, opened.output
    listed = cli(
        "audit",
        "emergencies",
        "--vault",
        folder,
        "--user",
        LOGIN,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # type: ignore[operator]
    assert listed.code == 0 and SECOND_LOGIN in listed.stdout and REASON in listed.stdout
