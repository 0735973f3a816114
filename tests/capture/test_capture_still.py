"""A still goes from memory into the right patient, visit and body site, with the
scope's profile stored on the photo, and no plaintext image lands on disk."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import cv2
import numpy as np
import pytest
from capture_support import Recordings
from vault_support import MadeVault, plaintext_findings

from pixiodoc_desktop.capture.preview import Preview
from pixiodoc_desktop.capture.profiles import (
    DeviceProfile,
    ProfileStore,
    apply,
    px_per_mm_from_field_of_view,
    px_per_mm_from_ruler,
)
from pixiodoc_desktop.capture.quality import BLURRED
from pixiodoc_desktop.capture.sources import OpenCvCamera
from pixiodoc_desktop.capture.still import take_best_of, take_still
from pixiodoc_desktop.clinic.records.patients import PatientSummary
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize
from pixiodoc_desktop.clinic.records.vocabulary import Modality, PhotoSource
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.vault.schema import Photo

SCOPE = DeviceProfile(
    "DermLite DL5",
    dermatoscope=True,
    polarised=True,
    contact=True,
    magnification=10.0,
    px_per_mm=64.0,
    calibrated_width_px=1280,
)


def test_a_still_from_a_live_video_lands_in_todays_visit_with_the_profile(
    recordings: Recordings,
    services: ClinicServices,
    actor: Actor,
    patient: PatientSummary,
    made_vault: MadeVault,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scratch = tmp_path / "temp"  # the system temp folder, as this process sees it
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setenv("TMPDIR", str(scratch))
    assert services.visits.list(actor, patient.id) == []
    context = CaptureContext(patient_id=patient.id, body_site="forearm-left")
    with Preview(OpenCvCamera(recordings.avi, name="DermLite DL5")) as preview:
        preview.wait_started()
        frame = preview.mailbox.wait_newer(0, timeout=2.0)
        assert frame is not None
        result = take_still(
            services.photos, actor, frame, context, device_name="DermLite DL5", profile=SCOPE
        )
    photo = result.photo
    assert not result.duplicate
    assert result.quality.ok, result.quality
    assert photo.patient_id == patient.id
    assert photo.body_site == "forearm-left"
    assert photo.visit_date == dt.date.today()
    (visit,) = services.visits.list(actor, patient.id)  # today's visit, created on the fly
    assert photo.visit_id == visit.id
    assert photo.source == PhotoSource.CAMERA
    assert photo.modality == Modality.DERMOSCOPY_POLARISED
    assert photo.contact is True
    assert photo.device == "DermLite DL5"
    assert photo.calibration_px_per_mm == pytest.approx(64.0 * 640 / 1280)  # a 640-px mode
    assert photo.magnification == 10.0
    assert (photo.width, photo.height) == (640, 480)
    assert photo.captured_at is not None
    assert [p.id for p in services.photos.list(actor, patient.id)] == [photo.id]
    stored = services.photos.image(actor, photo.id, ImageSize.ORIGINAL, audited=False)
    decoded = cv2.imdecode(np.frombuffer(stored, np.uint8), cv2.IMREAD_COLOR)
    assert decoded.shape == frame.pixels.shape
    assert np.abs(decoded.astype(int) - frame.pixels.astype(int)).mean() < 3  # JPEG q95
    # Memory to vault: nothing plain was written anywhere but the recordings themselves.
    assert plaintext_findings([made_vault.folder, tmp_path], []) == []
    assert list(scratch.iterdir()) == []  # not even a ciphertext scratch file


def test_a_second_still_of_the_same_day_joins_the_same_visit(
    recordings: Recordings, services: ClinicServices, actor: Actor, patient: PatientSummary
) -> None:
    context = CaptureContext(patient_id=patient.id, modality="close-up")
    webcam = DeviceProfile("Integrated Webcam", dermatoscope=False)
    first = take_still(
        services.photos, actor, recordings.frame, context, device_name="Webcam", profile=webcam
    )
    second = take_still(
        services.photos,
        actor,
        np.roll(recordings.frame, 40, axis=0),
        context,
        device_name="Webcam",
        profile=webcam,
    )
    assert first.photo.visit_id == second.photo.visit_id
    assert first.photo.modality == Modality.CLOSE_UP  # a plain camera keeps the screen's choice
    assert first.photo.device == "Integrated Webcam"
    assert first.photo.calibration_px_per_mm is None
    assert first.photo.magnification is None
    assert len(services.visits.list(actor, patient.id)) == 1


def test_a_blurred_still_is_stored_with_a_warning(
    recordings: Recordings, services: ClinicServices, actor: Actor, patient: PatientSummary
) -> None:
    blurred = cv2.GaussianBlur(recordings.frame, (0, 0), 3)
    result = take_still(
        services.photos,
        actor,
        blurred,
        CaptureContext(patient_id=patient.id),
        device_name="DermLite DL5",
    )
    assert result.quality.warnings == (BLURRED,)
    assert result.photo.device == "DermLite DL5"  # a warning, never a block


def test_a_burst_keeps_the_sharpest(
    recordings: Recordings, services: ClinicServices, actor: Actor, patient: PatientSummary
) -> None:
    from pixiodoc_desktop.capture.sources import Frame

    sharp = recordings.frame
    burst = [
        Frame(cv2.GaussianBlur(sharp, (0, 0), 2), 0.0, 1),
        Frame(sharp, 0.01, 2),
        Frame(cv2.GaussianBlur(sharp, (0, 0), 1.5), 0.02, 3),
    ]
    result = take_best_of(
        services.photos,
        actor,
        burst,
        CaptureContext(patient_id=patient.id),
        device_name="DermLite DL5",
        profile=SCOPE,
    )
    stored = services.photos.image(actor, result.photo.id, ImageSize.ORIGINAL, audited=False)
    decoded = cv2.imdecode(np.frombuffer(stored, np.uint8), cv2.IMREAD_COLOR)
    assert np.abs(decoded.astype(int) - sharp.astype(int)).mean() < 3
    assert len(services.photos.list(actor, patient.id)) == 1


def test_calibration_from_the_field_of_view_and_from_a_ruler() -> None:
    assert px_per_mm_from_field_of_view(1920, 24.0) == pytest.approx(80.0)
    assert px_per_mm_from_ruler((100, 100), (400, 500), 10.0) == pytest.approx(50.0)
    with pytest.raises(InvalidInput):
        px_per_mm_from_field_of_view(1920, 0)
    with pytest.raises(InvalidInput):
        px_per_mm_from_ruler((10, 10), (10, 11), 5.0)
    profile = DeviceProfile("DermLite DL5").calibrated(80.0, 1920)
    assert profile.px_per_mm_at(1920) == pytest.approx(80.0)
    assert profile.px_per_mm_at(960) == pytest.approx(40.0)
    with pytest.raises(InvalidInput):
        profile.calibrated(float("nan"), 1920)


def test_the_profile_decides_modality_contact_and_device() -> None:
    context = CaptureContext(patient_id="p", modality="overview")
    non_polarised = DeviceProfile("Heine Delta 30", polarised=False, contact=True)
    applied = apply(non_polarised, context, 1280)
    assert applied.modality == Modality.DERMOSCOPY_NON_POLARISED
    assert applied.contact is True
    assert applied.device == "Heine Delta 30"
    assert applied.magnification is None  # the profile does not state one
    assert apply(SCOPE, context, 1280).magnification == 10.0
    assert apply(None, context, 1280) is context


def test_the_magnification_is_stored_on_the_photo_row(
    recordings: Recordings,
    services: ClinicServices,
    actor: Actor,
    workstation: Workstation,
    patient: PatientSummary,
) -> None:
    result = take_still(
        services.photos,
        actor,
        recordings.frame,
        CaptureContext(patient_id=patient.id),
        device_name="DermLite DL5",
        profile=SCOPE,
    )
    with workstation.read_session() as session:
        row = session.get(Photo, result.photo.id)
        assert row is not None and row.magnification == 10.0
    assert services.photos.get(actor, result.photo.id).magnification == 10.0
    with pytest.raises(InvalidInput, match="magnification"):
        services.photos.ingest(
            actor,
            b"",
            CaptureContext(patient_id=patient.id, magnification=-2.0),
            source_name="nonsense",
        )


def test_profiles_are_kept_per_device_name_in_the_config_folder(tmp_path: Path) -> None:
    store = ProfileStore()
    assert store.get("DermLite DL5") is None
    store.put(SCOPE)
    store.put(DeviceProfile("Heine Delta 30", polarised=False, contact=True))
    assert ProfileStore().get("DermLite DL5") == SCOPE
    assert [p.device_name for p in store.all()] == ["DermLite DL5", "Heine Delta 30"]
    raw = json.loads(store.path.read_text("utf-8"))
    assert raw["DermLite DL5"]["px_per_mm"] == 64.0
    assert store.path.parent == tmp_path / "config"
    store.delete("Heine Delta 30")
    assert [p.device_name for p in store.all()] == ["DermLite DL5"]
    with pytest.raises(InvalidInput):
        store.put(DeviceProfile(" "))
