"""Timelines.read: the same as the separate services, in one session, audited once, access-checked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from pixiodoc_desktop.clinic.records.consent import Consents
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize
from pixiodoc_desktop.clinic.records.timeline import Timelines
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import PermissionDenied, RecordNotFound
from pixiodoc_desktop.vault.schema import AuditEvent


def _viewed(services: ClinicServices) -> int:
    with services.workstation.read_session() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.event_type == "PATIENT_VIEWED")
            )
            or 0
        )


def test_read_matches_the_services_and_is_audited_once(
    services: ClinicServices, actor: Actor, make_jpeg: Callable[..., bytes]
) -> None:
    patient = services.patients.create(actor, family_name="Becker", given_name="Hannelore")
    services.lesions.create(actor, patient.id, body_site_code="upper-back", label="Naevus 1")
    Consents(services.workstation).record(actor, patient.id, scope="clinical", granted=True)
    for index, day in enumerate((dt.date(2025, 1, 10), dt.date(2025, 3, 14), dt.date(2025, 6, 2))):
        services.photos.ingest(
            actor,
            make_jpeg(20 + index),
            CaptureContext(patient_id=patient.id, visit_date=day, body_site="upper-back"),
            source_name=f"{index}.jpg",
        )
    before = _viewed(services)
    timelines = Timelines(services.workstation)
    full = timelines.read(actor, patient.id)
    assert _viewed(services) == before + 1
    assert full.complete and full.thumbnails == {}
    assert full.photos == tuple(services.photos.list(actor, patient.id))
    assert full.visits == tuple(services.visits.list(actor, patient.id))
    assert full.lesions == tuple(services.lesions.list(actor, patient.id))
    assert full.consents == tuple(
        Consents(services.workstation).current(actor, patient.id).values()
    )
    assert full.patient == services.patients.get(actor, patient.id, audited=False)

    head = timelines.read(actor, patient.id, first=2, thumbnails=1, audited=False)
    assert _viewed(services) == before + 1
    assert not head.complete
    assert head.photos == full.photos[:2]
    newest = full.photos[0].id
    assert head.thumbnails == {newest: services.photos.image(actor, newest, ImageSize.THUMBNAIL)}


def test_read_is_refused_without_a_grant_and_for_unknown_patients(
    services: ClinicServices, actor: Actor, second_clinician: Actor
) -> None:
    patient = services.patients.create(actor, family_name="Nowak", practice_level=None)
    timelines = Timelines(services.workstation)
    with pytest.raises(PermissionDenied):
        timelines.read(second_clinician, patient.id)
    with pytest.raises((RecordNotFound, PermissionDenied)):
        timelines.read(actor, "no-such-patient")
