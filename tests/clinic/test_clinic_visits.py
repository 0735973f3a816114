"""Visits, tracked lesions, consent by scope and the body-site vocabulary."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from pixiodoc_desktop.clinic.records.body_sites import (
    BODY_SITES,
    LEFT,
    RIGHT,
    body_site,
    check_body_site,
)
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.vault.schema import OutboxOperation


@pytest.fixture
def patient_id(services: ClinicServices, actor: Actor) -> str:
    return services.patients.create(actor, family_name="Verlauf").id


def test_visits_are_listed_newest_first_and_updated(
    services: ClinicServices, actor: Actor, patient_id: str
) -> None:
    first = services.visits.create(
        actor,
        patient_id,
        visit_date=dt.date(2024, 1, 10),
        reason=" Psoriasis ",
        conditions=("Plaque psoriasis", " "),
    )
    second = services.visits.create(actor, patient_id, visit_date=dt.date(2024, 3, 1))
    assert first.reason == "Psoriasis" and first.conditions == ("Plaque psoriasis",)
    assert [v.id for v in services.visits.list(actor, patient_id)] == [second.id, first.id]
    changed = services.visits.update(actor, first.id, treatment="Calcipotriol", notes="better")
    assert (changed.treatment, changed.notes, changed.reason) == (
        "Calcipotriol",
        "better",
        "Psoriasis",
    )
    assert services.patients.get(actor, patient_id).last_visit == dt.date(2024, 3, 1)


def test_visit_in_the_future_is_refused(
    services: ClinicServices, actor: Actor, patient_id: str
) -> None:
    with pytest.raises(InvalidInput, match="future"):
        services.visits.create(actor, patient_id, visit_date=dt.date.today() + dt.timedelta(days=5))


def test_lesions_have_stable_unique_tracking_uids(
    services: ClinicServices, actor: Actor, patient_id: str
) -> None:
    one = services.lesions.create(
        actor, patient_id, body_site_code="Shoulder-Left", label=" Naevus 1 "
    )
    two = services.lesions.create(actor, patient_id, body_site_code="chest", label="Naevus 2")
    assert one.body_site == "shoulder-left" and one.label == "Naevus 1"
    assert re.fullmatch(r"2\.25\.\d+", one.tracking_uid) and len(one.tracking_uid) <= 64
    assert one.tracking_uid != two.tracking_uid
    listed = services.lesions.list(actor, patient_id)
    assert [x.tracking_uid for x in listed] == [one.tracking_uid, two.tracking_uid]
    with pytest.raises(InvalidInput, match="label"):
        services.lesions.create(actor, patient_id, body_site_code="chest", label=" ")
    with pytest.raises(InvalidInput, match="body site"):
        services.lesions.create(actor, patient_id, body_site_code="elbow-middle", label="x")


def test_consent_newest_decision_per_scope_is_in_force(
    services: ClinicServices, actor: Actor, patient_id: str
) -> None:
    consents = services.consents
    consents.record(
        actor, patient_id, scope="teaching", granted=True, decided_on=dt.date(2023, 1, 1)
    )
    consents.record(
        actor,
        patient_id,
        scope="teaching",
        granted=False,
        decided_on=dt.date(2024, 6, 1),
        note="withdrawn by phone",
    )
    consents.record(actor, patient_id, scope="Clinical", granted=True)
    current = consents.current(actor, patient_id)
    assert set(current) == {"teaching", "clinical"}
    assert current["teaching"].granted is False
    assert current["teaching"].note == "withdrawn by phone"
    assert current["teaching"].recorded_by == actor.user_id
    assert current["clinical"].decided_on == dt.date.today()
    with pytest.raises(InvalidInput, match="consent scope"):
        consents.record(actor, patient_id, scope="advertising", granted=True)


def test_visit_lesion_and_consent_writes_go_to_the_outbox(
    services: ClinicServices, actor: Actor, patient_id: str
) -> None:
    visit = services.visits.create(actor, patient_id, visit_date=dt.date(2024, 1, 10))
    lesion = services.lesions.create(actor, patient_id, body_site_code="chest", label="N")
    services.consents.record(actor, patient_id, scope="sharing", granted=True)
    with services.workstation.read_session() as session:
        ops = session.scalars(select(OutboxOperation).order_by(OutboxOperation.id)).all()
    entities = [(op.entity, op.entity_id) for op in ops]
    assert ("visits", visit.id) in entities and ("lesions", lesion.id) in entities
    assert "consents" in [e for e, _ in entities]
    assert all(op.device_id == services.workstation.device_id for op in ops)
    assert [op.hlc for op in ops] == sorted(op.hlc for op in ops)


def test_body_site_vocabulary() -> None:
    assert len(BODY_SITES) >= 40
    for code, site in BODY_SITES.items():
        assert site.code == code
        assert re.fullmatch(r"\d{6,18}", site.snomed), site
        if code.endswith("-left"):
            assert site.laterality == LEFT and code.replace("-left", "-right") in BODY_SITES
        elif code.endswith("-right"):
            assert site.laterality == RIGHT
        else:
            assert site.laterality is None
    assert body_site(" Forearm-LEFT ").label == "Forearm, left"
    assert check_body_site(None) is None and check_body_site("  ") is None
    with pytest.raises(InvalidInput, match="body-sites"):
        body_site("tail")
