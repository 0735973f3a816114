"""Patients: create, update, find (accent- and case-insensitive, partial, id, birth date)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from pixiodoc_desktop.clinic.records.patients import PatientSummary, fold, parse_date
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied, RecordNotFound
from pixiodoc_desktop.vault.schema import AuditEvent, OutboxOperation


@pytest.fixture
def clinic(services: ClinicServices, actor: Actor) -> dict[str, str]:
    """A few patients with names that need folding."""
    p = services.patients
    return {
        "mueller": p.create(
            actor,
            family_name="Müller",
            given_name="Jürgen",
            birth_date=dt.date(1987, 3, 14),
            external_id="MRN-10231",
        ).id,
        "muellerova": p.create(
            actor, family_name="Müllerová", given_name="Zdeňka", birth_date=dt.date(1990, 1, 1)
        ).id,
        "garcia": p.create(
            actor,
            family_name="García López",
            given_name="Inés",
            birth_date=dt.date(1982, 1, 30),
            external_id="MRN-777",
        ).id,
        "oevergaard": p.create(actor, family_name="Øvergaard", given_name="Sigrid").id,
        "schaefer": p.create(
            actor, family_name="Schäfer", given_name="Lena", birth_date=dt.date(1987, 3, 14)
        ).id,
    }


def _ids(results: list[PatientSummary]) -> set[str]:
    return {r.id for r in results}


def test_fold_removes_accents_and_case() -> None:
    assert fold("Müller-Lüdenscheidt") == "muller-ludenscheidt"
    assert fold("GARCÍA López") == "garcia lopez"
    assert fold("Straße") == "strasse"
    assert fold("Øvergaard") == "overgaard"  # letters Unicode does not decompose
    assert fold("Łukasz Sæther") == "lukasz saether"
    assert fold("Yılmaz") == "yilmaz"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("muller", {"mueller", "muellerova"}),
        ("MÜLLER", {"mueller", "muellerova"}),
        ("mül", {"mueller", "muellerova"}),
        ("muller jurgen", {"mueller"}),
        ("jurgen muller", {"mueller"}),
        ("zdenka", {"muellerova"}),
        ("garcia lopez", {"garcia"}),
        ("ines", {"garcia"}),
        ("lope", {"garcia"}),
        ("schafer", {"schaefer"}),
        ("overgaard", {"oevergaard"}),
        ("Øver", {"oevergaard"}),
        ("MRN-10231", {"mueller"}),
        ("mrn-777", {"garcia"}),
        ("1987-03-14", {"mueller", "schaefer"}),
        ("14.03.1987", {"mueller", "schaefer"}),
        ("1982-01-30", {"garcia"}),
        ("30.01.1982", {"garcia"}),
        ("nobody", set()),
        ("%", set()),
        ("_", set()),
    ],
)
def test_search(
    services: ClinicServices, actor: Actor, clinic: dict[str, str], query: str, expected: set[str]
) -> None:
    found = _ids(services.patients.search(actor, query))
    assert found == {clinic[name] for name in expected}


def test_empty_search_lists_everyone_visible(
    services: ClinicServices, actor: Actor, clinic: dict[str, str]
) -> None:
    assert _ids(services.patients.search(actor, "")) == set(clinic.values())
    assert services.patients.count() == len(clinic)


def test_a_search_comes_a_page_at_a_time_with_the_total(
    services: ClinicServices, actor: Actor, clinic: dict[str, str]
) -> None:
    """What the patient list asks as one types: a page in key order, and how many match."""
    services.visits.create(actor, clinic["garcia"], visit_date=dt.date(2026, 3, 2))
    everyone = [p.id for p in services.patients.search(actor, "")]
    # A page's rows are read in one query; they say what the record itself says.
    for row in services.patients.search_page(actor, "").patients:
        assert row == services.patients.get(actor, row.id, audited=False)
    first = services.patients.search_page(actor, "", limit=2)
    assert ([p.id for p in first.patients], first.total, first.more) == (everyone[:2], 5, True)
    second = services.patients.search_page(actor, "", offset=2, limit=2)
    last = services.patients.search_page(actor, "", offset=4, limit=2)
    assert [p.id for p in second.patients + last.patients] == everyone[2:]
    assert (last.offset, last.total, last.more) == (4, 5, False)
    narrow = services.patients.search_page(actor, "mül", limit=1)
    assert (len(narrow.patients), narrow.total) == (1, 2)
    uncounted = services.patients.search_page(actor, "mül", limit=1, counted=False)
    assert (uncounted.patients, uncounted.more, uncounted.total) == (narrow.patients, True, None)
    assert services.patients.count_matches(actor, "mül") == 2
    assert services.patients.count_matches(actor, "", at_most=2) == 3  # "more than 2"
    assert services.patients.search_page(actor, "mül", offset=9, limit=1).total == 2
    with services.workstation.read_session() as session:
        details = session.scalars(
            select(AuditEvent.details).where(AuditEvent.event_type == "PATIENT_SEARCHED")
        ).all()
    assert {"results": 0, "by": "text", "offset": 9} in details  # every page is audited


def test_create_returns_the_record_with_admin_access(
    services: ClinicServices, actor: Actor
) -> None:
    created = services.patients.create(
        actor,
        family_name="  Nowak  ",
        given_name="Tomasz",
        birth_date=dt.date(1975, 5, 9),
        sex="male",
        external_id=" X-1 ",
        notes="allergic to nickel",
    )
    assert (created.family_name, created.given_name, created.external_id) == (
        "Nowak",
        "Tomasz",
        "X-1",
    )
    assert created.sex == "male" and created.access == "admin"
    assert created.photo_count == 0 and created.last_visit is None
    assert created.display_name == "Nowak, Tomasz"
    again = services.patients.get(actor, created.id)
    assert again == created


def test_update_changes_fields_and_search(
    services: ClinicServices, actor: Actor, clinic: dict[str, str]
) -> None:
    updated = services.patients.update(
        actor, clinic["oevergaard"], family_name="Østergaard", notes="married name"
    )
    assert updated.family_name == "Østergaard" and updated.notes == "married name"
    assert _ids(services.patients.search(actor, "ostergaard")) == {clinic["oevergaard"]}
    assert services.patients.search(actor, "overgaard") == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"family_name": "   "}, "family name is required"),
        ({"family_name": "X" * 201}, "longer than 200"),
        (
            {"family_name": "Zukunft", "birth_date": dt.date.today() + dt.timedelta(days=1)},
            "future",
        ),
        ({"family_name": "Alt", "birth_date": dt.date(1800, 1, 1)}, "130 years"),
        ({"family_name": "Sex", "sex": "robot"}, "not a sex"),
    ],
)
def test_bad_input_is_refused_with_a_reason(
    services: ClinicServices, actor: Actor, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        services.patients.create(actor, **kwargs)  # type: ignore[arg-type]
    assert services.patients.count() == 0


def test_external_id_is_unique(services: ClinicServices, actor: Actor) -> None:
    services.patients.create(actor, family_name="One", external_id="MRN-1")
    with pytest.raises(InvalidInput, match="MRN-1"):
        services.patients.create(actor, family_name="Two", external_id="MRN-1")
    assert services.patients.count() == 1


def test_unknown_patient_is_refused(services: ClinicServices, actor: Actor) -> None:
    # Without a grant on an id there is nothing to tell apart from "no such patient".
    with pytest.raises((RecordNotFound, PermissionDenied)):
        services.patients.update(actor, "no-such-id", notes="x")
    with pytest.raises((RecordNotFound, PermissionDenied)):
        services.patients.get(actor, "no-such-id")


def test_parse_date_formats() -> None:
    assert parse_date("1980-04-23", "date") == dt.date(1980, 4, 23)
    assert parse_date("23.04.1980", "date") == dt.date(1980, 4, 23)
    assert parse_date("23/04/1980", "date") == dt.date(1980, 4, 23)
    with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
        parse_date("1980-13-40", "date of birth")


def test_patient_writes_are_audited_and_queued_for_sync(
    services: ClinicServices, actor: Actor
) -> None:
    created = services.patients.create(actor, family_name="Weiß", given_name="Karl")
    services.patients.update(actor, created.id, notes="psoriasis since 2010")
    services.patients.get(actor, created.id)
    services.patients.search(actor, "weiss")
    with services.workstation.read_session() as session:
        events = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.event_type.like("PATIENT_%"))
            .order_by(AuditEvent.id)
        ).all()
        ops = session.scalars(
            select(OutboxOperation).where(OutboxOperation.entity_id == created.id)
        ).all()
    assert [e.event_type for e in events] == [
        "PATIENT_CREATED",
        "PATIENT_UPDATED",
        "PATIENT_VIEWED",
        "PATIENT_SEARCHED",
    ]
    assert all(e.patient_id in (created.id, None) for e in events)
    for event in events:  # details carry ids and counts, never the name
        assert "Weiß" not in str(event.details) and "weiss" not in str(event.details)
    assert [op.entity for op in ops] == ["patients", "patients"]
    first, second = ops
    assert first.fields["family_name"] == "Weiß" and first.fields["version"] == 1
    assert second.fields["notes"] == "psoriasis since 2010" and second.fields["version"] == 2
    assert "family_name" not in second.fields
    assert first.hlc < second.hlc
