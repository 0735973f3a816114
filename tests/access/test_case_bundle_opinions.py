"""A case bundle carries the second opinions given on its visits (they travel as the visits'
notes do): who, when, the text, suggested diagnosis, recommendation and the marks on the
bundle's photos; the colleague's record shows them on the same visit. An opinion on a visit
left out stays home; a damaged opinion entry refuses the bundle and leaves nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from access_support import spoil_bundle_manifest
from vault_support import synthetic_jpeg

from pixiodoc_desktop.clinic.exchange.case_bundle import BundleRefused, CaseBundles
from pixiodoc_desktop.clinic.records import second_opinions
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.records.timeline import Timelines
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.vault.keys import MINIMUM_KDF

PASSPHRASE = "Walnuss-Brücke-Mondlicht-2026"


def _record_with_an_opinion(services: ClinicServices, actor: Actor) -> tuple[str, list[str]]:
    """Two visits of one photo each; a colleague's opinion (with a circle) on the later one."""
    patient = services.patients.create(actor, family_name="Aalto", given_name="Kaisa")
    services.consents.record(actor, patient.id, scope="sharing", granted=True)
    photos = [
        services.photos.ingest(
            actor,
            synthetic_jpeg(700 + n, size=(320, 240)),
            CaptureContext(patient.id, visit_date=day, body_site="face"),
            source_name=f"a{n}.jpg",
        ).photo
        for n, day in enumerate((dt.date(2025, 2, 1), dt.date(2025, 8, 1)))
    ]
    with services.workstation.unit_of_work(actor) as uow:
        second_opinions.add(
            uow,
            patient_id=patient.id,
            visit_id=photos[1].visit_id,
            link_id="ab12cd34",
            reply={
                "opinion": "Symmetric, regular network.",
                "diagnosis": "Compound naevus",
                "recommendation": "Follow up in 12 months",
                "name": "Dr. Jonas Petersen",
                "role": "Dermatologist",
                "written_at": "2025-08-03T10:00:00Z",
                "marks": [{"photo": photos[1].id, "kind": "circle", "points": [[9, 9], [19, 9]]}],
            },
            for_clinician=actor.user_id,
        )
    return patient.id, [str(p.visit_id) for p in photos]


def test_second_opinions_travel_with_their_visits(
    services: ClinicServices,
    actor: Actor,
    other_clinic: tuple[ClinicServices, Actor],
    tmp_path: Path,
) -> None:
    pid, visits = _record_with_an_opinion(services, actor)
    bundles = CaseBundles(services.workstation, kdf=MINIMUM_KDF)
    theirs, them = other_clinic
    receiving = CaseBundles(theirs.workstation, kdf=MINIMUM_KDF)

    whole = bundles.export(actor, pid, visits, tmp_path / "whole", passphrase=PASSPHRASE)
    imported = receiving.import_file(them, whole.path, passphrase=PASSPHRASE)
    timeline = Timelines(theirs.workstation).read(them, imported.patient_id, audited=False)
    (opinion,) = timeline.opinions
    assert (opinion.author, opinion.diagnosis, opinion.recommendation) == (
        "Dr. Jonas Petersen, Dermatologist",
        "Compound naevus",
        "Follow up in 12 months",
    )
    assert opinion.opinion == "Symmetric, regular network."
    assert opinion.written_at == dt.datetime(2025, 8, 3, 10, 0)
    (on,) = [v for v in timeline.visits if v.id == opinion.visit_id]
    assert on.visit_date == dt.date(2025, 8, 1)
    (later_photo,) = [p for p in timeline.photos if p.visit_id == on.id]
    assert [(m.photo_id, m.kind) for m in opinion.marks] == [(later_photo.id, "circle")]
    assert opinion.seen and opinion.for_clinician == them.user_id  # no "new opinion" alert

    earlier = bundles.export(actor, pid, visits[:1], tmp_path / "early", passphrase=PASSPHRASE)
    theirs.patients.erase(them, imported.patient_id, confirm_family_name="Aalto")
    alone = receiving.import_file(them, earlier.path, passphrase=PASSPHRASE)
    assert Timelines(theirs.workstation).read(them, alone.patient_id, audited=False).opinions == ()


def test_a_bundle_with_a_damaged_opinion_is_refused_and_leaves_nothing(
    services: ClinicServices,
    actor: Actor,
    other_clinic: tuple[ClinicServices, Actor],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pid, visits = _record_with_an_opinion(services, actor)
    spoil_bundle_manifest(
        monkeypatch,
        lambda manifest: manifest["second_opinions"][0].update(
            visit_id="a visit not in the bundle"
        ),
    )
    exported = CaseBundles(services.workstation, kdf=MINIMUM_KDF).export(
        actor, pid, visits, tmp_path / "case", passphrase=PASSPHRASE
    )
    theirs, them = other_clinic
    with pytest.raises(BundleRefused, match="incomplete"):
        CaseBundles(theirs.workstation, kdf=MINIMUM_KDF).import_file(
            them, exported.path, passphrase=PASSPHRASE
        )
    assert theirs.patients.search(them, "") == []
