"""A lesion's measurements over visits decide its status on the body map: grown past the
clinic's threshold (a clinic setting, admin only, audited), new at the latest visit, stable
otherwise; a biopsy or excision stands. Bad values are refused with one clear message."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

import pytest
from sqlalchemy import select

from pixiodoc_desktop.clinic.records.lesion_sizes import (
    DEFAULT_GROWTH_MM,
    LesionSizes,
    SizeSource,
    growth_mm,
)
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.records.timeline import Timelines
from pixiodoc_desktop.clinic.records.visits import LesionStatus
from pixiodoc_desktop.clinic.safekeeping.erasure import erase_patient
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied, RecordNotFound
from pixiodoc_desktop.vault.schema import AuditEvent, LesionMeasurement

FIRST = dt.date(2026, 3, 2)


def _measured_lesion(
    services: ClinicServices,
    actor: Actor,
    make_jpeg: Callable[..., bytes],
    diameters: list[float],
    *,
    label: str = "Naevus 1",
    patient_id: str | None = None,
    first_visit: int = 0,
) -> tuple[str, str]:
    """A lesion measured at visits `first_visit`.. (three months apart); (patient, lesion)."""
    if patient_id is None:
        patient_id = services.patients.create(actor, family_name="Albers").id
    lesion = services.lesions.create(actor, patient_id, body_site_code="chest", label=label)
    sizes = LesionSizes(services.workstation)
    for k, diameter in enumerate(diameters, start=first_visit):
        day = FIRST + dt.timedelta(days=91 * k)
        visit = next(
            (v for v in services.visits.list(actor, patient_id) if v.visit_date == day), None
        ) or services.visits.create(actor, patient_id, visit_date=day)
        photo = services.photos.ingest(
            actor,
            make_jpeg(hash((label, k)) % 1000, captured_at=dt.datetime.combine(day, dt.time(9))),
            CaptureContext(patient_id=patient_id, visit_id=visit.id, lesion_id=lesion.id),
            source_name=f"{label}-{k}.jpg",
        ).photo
        area = math.pi * diameter**2 / 4
        sizes.record(
            actor, lesion.id, photo.id, area_mm2=area, diameter_mm=diameter, points=[(1, 2)] * 3
        )
    return patient_id, lesion.id


def _status(services: ClinicServices, actor: Actor, patient_id: str, lesion_id: str) -> str:
    return next(x for x in services.lesions.list(actor, patient_id) if x.id == lesion_id).status


def test_growth_over_the_threshold_makes_it_grown_and_a_late_one_new(
    services: ClinicServices, actor: Actor, make_jpeg: Callable[..., bytes]
) -> None:
    pid, steady = _measured_lesion(services, actor, make_jpeg, [4.0, 4.1, 3.95], label="N1")
    _pid, growing = _measured_lesion(
        services, actor, make_jpeg, [4.0, 4.6, 5.1], label="N2", patient_id=pid
    )
    _pid, late = _measured_lesion(
        services, actor, make_jpeg, [2.5], label="N3", patient_id=pid, first_visit=2
    )
    lesions = {x.label: x for x in services.lesions.list(actor, pid)}
    assert lesions["N1"].status is LesionStatus.STABLE
    assert lesions["N2"].status is LesionStatus.GROWN
    assert lesions["N3"].status is LesionStatus.NEW
    assert growth_mm(lesions["N2"].sizes) == pytest.approx(1.1)
    assert [s.diameter_mm for s in lesions["N2"].sizes] == [4.0, 4.6, 5.1]
    assert lesions["N2"].recorded_status is LesionStatus.NEW  # nothing stored by hand
    # The timeline (what the record shows) assesses the same way.
    read = {x.label: x.status for x in Timelines(services.workstation).read(actor, pid).lesions}
    assert read == {"N1": "stable", "N2": "grown", "N3": "new"}

    # The clinic raises its threshold: 1.1 mm is no longer growth.
    sizes = LesionSizes(services.workstation)
    assert sizes.growth_threshold_mm() == DEFAULT_GROWTH_MM
    sizes.set_growth_threshold_mm(actor, 1.5)
    assert _status(services, actor, pid, growing) is LesionStatus.STABLE
    # An excision stands whatever the size did.
    services.lesions.record_procedure(
        actor, steady, "excision", date=dt.date(2026, 9, 1), histology="Compound naevus"
    )
    assert _status(services, actor, pid, steady) is LesionStatus.EXCISED
    with services.workstation.read_session() as session:
        changed = session.scalars(
            select(AuditEvent).where(AuditEvent.event_type == "SECURITY_SETTING_CHANGED")
        ).all()
        assert [e.details["to"] for e in changed] == [1.5]
        measured = session.scalars(
            select(AuditEvent).where(
                AuditEvent.event_type == "PATIENT_UPDATED", AuditEvent.object_id == late
            )
        ).all()
        assert {"change": "measurement", "source": "outline"} in [e.details for e in measured]


def test_bad_measurements_and_thresholds_are_refused_and_only_admins_set_it(
    services: ClinicServices,
    actor: Actor,
    second_clinician: Actor,
    make_jpeg: Callable[..., bytes],
) -> None:
    pid, lesion = _measured_lesion(services, actor, make_jpeg, [3.0])
    photo = services.photos.list(actor, pid)[0].id
    sizes = LesionSizes(services.workstation)
    for bad in (float("nan"), -1.0, float("inf")):
        with pytest.raises(InvalidInput, match="diameter must be a finite, positive number"):
            sizes.record(actor, lesion, photo, area_mm2=3.0, diameter_mm=bad)
    with pytest.raises(InvalidInput, match="comes from outline, corrected, traced"):
        sizes.record(actor, lesion, photo, area_mm2=3.0, diameter_mm=2.0, source="guess")
    with pytest.raises(RecordNotFound, match="no lesion"):
        sizes.record(actor, "nope", photo, area_mm2=3.0, diameter_mm=2.0)
    with pytest.raises(RecordNotFound, match="no photo"):
        sizes.record(actor, lesion, "nope", area_mm2=3.0, diameter_mm=2.0)
    for bad in (0.0, 11.0, float("nan")):
        with pytest.raises(InvalidInput, match=r"growth threshold lies between 0\.1 and 10\.0 mm"):
            sizes.set_growth_threshold_mm(actor, bad)
    with pytest.raises(PermissionDenied, match="workspace admin"):
        sizes.set_growth_threshold_mm(second_clinician, 2.0)
    assert sizes.growth_threshold_mm() == DEFAULT_GROWTH_MM
    assert len(sizes.of_lesion(actor, lesion)) == 1
    corrected = sizes.record(
        actor, lesion, photo, area_mm2=7.0, diameter_mm=3.2, source=SizeSource.CORRECTED
    )
    assert corrected.source is SizeSource.CORRECTED


def test_erasing_the_patient_erases_the_measurements(
    services: ClinicServices, actor: Actor, make_jpeg: Callable[..., bytes]
) -> None:
    pid, _lesion = _measured_lesion(services, actor, make_jpeg, [3.0, 3.2])
    erase_patient(services.workstation, actor, pid, "Albers")
    with services.workstation.read_session() as session:
        assert session.scalars(select(LesionMeasurement)).all() == []
