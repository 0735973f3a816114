"""What leaves the workstation: no plaintext, no patient data in names; erasure travels."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from vault_support import decodes, plaintext_findings, synthetic_jpeg, synthetic_png

from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize
from pixiodoc_desktop.clinic.safekeeping.verify import verify_vault
from pixiodoc_desktop.sync.dump import canonical_dump
from pixiodoc_desktop.sync.engine import sync_keys
from pixiodoc_desktop.sync.ondemand import fetch_original, original_is_local
from pixiodoc_desktop.sync.settings import FULL_IMAGES_SETTING, set_setting
from pixiodoc_desktop.vault.schema import PatientKey
from tests.sync.sync_support import BUCKET, ClinicNet, Weed

NAMES = ("Wendelgard", "Knallmeyer", "Ljudmila", "Ščerbakova")
UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def test_bucket_holds_no_plaintext_and_names_carry_no_patient_data(
    clinic: ClinicNet, weed: Weed, tmp_path: Path
) -> None:
    a = clinic.first()
    services = a.services
    first = services.patients.create(
        a.actor, family_name="Knallmeyer", given_name="Wendelgard", notes="Knallmeyer allergy"
    )
    second = services.patients.create(a.actor, family_name="Ščerbakova", given_name="Ljudmila")
    services.photos.ingest(
        a.actor, synthetic_jpeg(31), CaptureContext(first.id), source_name="Knallmeyer_1.jpg"
    )
    services.photos.ingest(
        a.actor, synthetic_png(32, (320, 240)), CaptureContext(second.id), source_name="scan.png"
    )
    a.sync()
    b = clinic.join("second", via=a)
    b.services.patients.update(b.actor, second.id, notes="Ljudmila prefers mornings")
    clinic.settle()

    objects = weed.all_objects(clinic.prefix + "/")
    assert len(objects) >= 8  # clinic, two batches at least, six images
    workspace = sync_keys(a.ws).workspace
    allowed = re.compile(
        rf"^{re.escape(clinic.prefix)}/(enroll/[0-9A-Z]{{8}}|{workspace}/(clinic|erasures|"
        rf"devices/{UUID}/(ops/\d{{12}}|head)|blobs/[0-9a-f]{{64}}))$"
    )
    for key, _body in objects:
        assert allowed.match(key), key
    dump = tmp_path / "bucket-dump"
    dump.mkdir()
    for index, (_key, body) in enumerate(objects):
        (dump / f"{index:05d}").write_bytes(body)
    assert plaintext_findings([dump, weed.data_dir], NAMES) == []


def test_erasure_destroys_the_key_everywhere_and_deletes_the_remote_images(
    clinic: ClinicNet, weed: Weed
) -> None:
    a = clinic.first()
    patient = a.services.patients.create(a.actor, family_name="Vergessen", given_name="Greta")
    for seed in (41, 42):
        a.services.photos.ingest(
            a.actor, synthetic_jpeg(seed), CaptureContext(patient.id), source_name=f"{seed}.jpg"
        )
    keep = a.services.patients.create(a.actor, family_name="Bleibt", given_name="Bert")
    a.services.photos.ingest(
        a.actor, synthetic_jpeg(43), CaptureContext(keep.id), source_name="43.jpg"
    )
    a.sync()
    b = clinic.join("second", via=a)
    blobs = {
        blob for photo in a.services.photos.list(a.actor, patient.id) for blob in (photo.blob_id,)
    }
    assert len(blobs) == 2  # Greta's two photos: an empty set would prove nothing
    assert all(b.ws.vault.blobs.exists(blob) for blob in blobs)

    # B edits the record offline while A erases it
    b.services.patients.update(b.actor, patient.id, notes="called about results")
    Patients(a.ws).erase(a.actor, patient.id, confirm_family_name="Vergessen")
    clinic.settle()

    dumps = [canonical_dump(s.ws) for s in (a, b)]
    assert dumps[0] == dumps[1]
    erased = next(p for p in dumps[0]["patients"] if p["id"] == patient.id)
    assert erased["deleted"] and erased["notes"] == "" and "Vergessen" not in str(erased)
    for station in (a, b):
        with station.ws.read_session() as session:
            assert session.get(PatientKey, patient.id) is None
            assert session.get(PatientKey, keep.id) is not None
        assert not any(station.ws.vault.blobs.exists(blob) for blob in blobs)
        assert verify_vault(station.ws).ok
    remaining = {key.rsplit("/", 1)[-1] for key, _ in weed.all_objects(clinic.prefix + "/")}
    assert not blobs & remaining
    kept_photo = b.services.photos.list(b.actor, keep.id)[0]
    decodes(b.services.photos.image(b.actor, kept_photo.id, ImageSize.ORIGINAL, audited=False))


def test_join_with_the_recovery_key_and_full_images_on_demand(clinic: ClinicNet) -> None:
    a = clinic.first()
    patient = a.services.patients.create(a.actor, family_name="Spaeter", given_name="Sina")
    a.sync()
    from pixiodoc_desktop.sync.enroll import join
    from tests.sync.sync_support import ACCESS_KEY, SECRET_KEY

    folder = clinic.root / "by-recovery"
    join(
        folder,
        clinic.target(),
        ACCESS_KEY,
        SECRET_KEY,
        recovery_key=clinic.recovery_key,
        store=clinic.store(),
    )
    b = clinic._open("by-recovery", folder)
    set_setting(b.ws.vault, FULL_IMAGES_SETTING, "on_demand")
    photo = a.services.photos.ingest(
        a.actor,
        synthetic_jpeg(51, captured_at=dt.datetime(2025, 6, 1, 8, 0)),
        CaptureContext(patient.id),
        source_name="51.jpg",
    ).photo
    clinic.settle()
    assert canonical_dump(b.ws) == canonical_dump(a.ws)
    assert not original_is_local(b.ws, photo.id)
    decodes(b.services.photos.image(b.actor, photo.id, ImageSize.THUMBNAIL))
    decodes(b.services.photos.image(b.actor, photo.id, ImageSize.SCREEN, audited=False))
    assert verify_vault(b.ws).ok  # a full image left in the cloud is not a fault
    assert fetch_original(b.ws, b.store, photo.id)
    original = b.services.photos.image(b.actor, photo.id, ImageSize.ORIGINAL, audited=False)
    assert original == a.services.photos.image(a.actor, photo.id, ImageSize.ORIGINAL, audited=False)
    assert verify_vault(b.ws).ok
    assert BUCKET  # same bucket throughout
