"""A case bundle carries the followed lesions its photos show: label, site, place on the
body map, status, biopsy/excision with histology, the tracking UID (the same lesion in both
clinics), and the measurements taken on the bundle's photos; the colleague's record shows
the lesion grown, as the sender's did. A bad lesion entry refuses the bundle as incomplete."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from access_support import spoil_bundle_manifest
from vault_support import assert_search_words_in_step, synthetic_jpeg

from pixiodoc_desktop.clinic.exchange.case_bundle import BundleRefused, CaseBundles
from pixiodoc_desktop.clinic.records.lesion_sizes import LesionSizes
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.records.visits import LesionStatus, MapPosition, MapView
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.vault.keys import MINIMUM_KDF

PASSPHRASE = "Walnuss-Brücke-Mondlicht-2026"


def _patient_with_a_grown_naevus(services: ClinicServices, actor: Actor) -> tuple[str, str]:
    patient = services.patients.create(actor, family_name="Brandt", given_name="Ole")
    services.consents.record(actor, patient.id, scope="sharing", granted=True)
    lesion = services.lesions.create(
        actor,
        patient.id,
        body_site_code="upper-back",
        label="Naevus 2",
        position=MapPosition(MapView.BACK, 0.56, 0.24),
    )
    sizes = LesionSizes(services.workstation)
    for index, (day, diameter) in enumerate(
        ((dt.date(2025, 3, 1), 4.6), (dt.date(2025, 9, 1), 5.9))
    ):
        photo = services.photos.ingest(
            actor,
            synthetic_jpeg(900 + index),
            CaptureContext(
                patient_id=patient.id, visit_date=day, body_site="upper-back", lesion_id=lesion.id
            ),
            source_name=f"n2-{index}.jpg",
        ).photo
        sizes.record(
            actor,
            lesion.id,
            photo.id,
            area_mm2=math.pi * diameter**2 / 4,
            diameter_mm=diameter,
            perimeter_mm=math.pi * diameter,
            asymmetry=0.05,
            points=[(10.0, 10.0), (20.0, 10.0), (15.0, 20.0)],
        )
    services.lesions.record_procedure(
        actor, lesion.id, "biopsy", date=dt.date(2025, 9, 2), histology="Dysplastic naevus"
    )
    return patient.id, lesion.id


def test_lesions_travel_with_the_case_bundle(
    services: ClinicServices,
    actor: Actor,
    other_clinic: tuple[ClinicServices, Actor],
    tmp_path: Path,
) -> None:
    pid, lesion_id = _patient_with_a_grown_naevus(services, actor)
    sent = services.lesions.list(actor, pid)[0]
    visits = [v.id for v in services.visits.list(actor, pid)]
    out = tmp_path / "out" / "case"
    out.parent.mkdir()
    bundles = CaseBundles(services.workstation, kdf=MINIMUM_KDF)
    exported = bundles.export(actor, pid, visits, out, passphrase=PASSPHRASE)
    theirs, them = other_clinic
    imported = CaseBundles(theirs.workstation, kdf=MINIMUM_KDF).import_file(
        them, exported.path, passphrase=PASSPHRASE
    )
    [got] = theirs.lesions.list(them, imported.patient_id)
    assert (got.label, got.body_site, got.tracking_uid) == (
        "Naevus 2",
        "upper-back",
        sent.tracking_uid,
    )
    assert got.position == MapPosition(MapView.BACK, 0.56, 0.24)
    assert [(p.kind.value, p.histology) for p in got.history] == [("biopsy", "Dysplastic naevus")]
    assert got.status is LesionStatus.BIOPSIED and sent.status is LesionStatus.BIOPSIED
    assert [round(s.diameter_mm, 1) for s in got.sizes] == [4.6, 5.9]
    photos = theirs.photos.list(them, imported.patient_id)
    assert {p.lesion_id for p in photos} == {got.id}
    # The imported record is found as one types, through the word index kept in step.
    assert [p.id for p in theirs.patients.search(them, "bran")] == [imported.patient_id]
    with theirs.workstation.read_session() as session:
        assert_search_words_in_step(session)
    assert {s.photo_id for s in got.sizes} == {p.id for p in photos}
    del lesion_id


def test_a_bundle_with_a_bad_lesion_is_refused_and_leaves_nothing(
    services: ClinicServices,
    actor: Actor,
    other_clinic: tuple[ClinicServices, Actor],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pid, _lesion = _patient_with_a_grown_naevus(services, actor)
    visits = [v.id for v in services.visits.list(actor, pid)]
    spoil_bundle_manifest(
        monkeypatch, lambda manifest: manifest["lesions"][0].update(body_site="moon")
    )
    out = tmp_path / "out" / "case"
    out.parent.mkdir()
    exported = CaseBundles(services.workstation, kdf=MINIMUM_KDF).export(
        actor, pid, visits, out, passphrase=PASSPHRASE
    )
    theirs, them = other_clinic
    with pytest.raises(BundleRefused, match="incomplete"):
        CaseBundles(theirs.workstation, kdf=MINIMUM_KDF).import_file(
            them, exported.path, passphrase=PASSPHRASE
        )
    assert theirs.patients.search(them, "") == []
