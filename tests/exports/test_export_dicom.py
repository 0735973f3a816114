"""DICOM export: the right IOD per modality, valid per dciodvfy, stable UIDs, tag values."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pydicom
import pytest
from PIL import Image
from pydicom.encaps import generate_frames
from vault_support import synthetic_jpeg

from pixiodoc_desktop.capture.profiles import DeviceProfile, ProfileStore
from pixiodoc_desktop.capture.still import take_still
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.demo.photos import render_photo, scene_for
from pixiodoc_desktop.errors import PermissionDenied
from pixiodoc_desktop.exports import dicom
from tests.exports.exports_support import ExportCase, audit_events, dciodvfy_errors

DERMOSCOPIC = "1.2.840.10008.5.1.4.1.1.77.1.7"
VL_PHOTO = "1.2.840.10008.5.1.4.1.1.77.1.4"


def _by_photo(files: list[Path]) -> dict[str, pydicom.Dataset]:
    sets = [pydicom.dcmread(f) for f in files]
    return {str(ds.SOPInstanceUID): ds for ds in sets}


def test_dicom_export_fills_patient_study_series_and_dermoscopy(
    workstation: Workstation, actor: Actor, export_case: ExportCase, tmp_path: Path
) -> None:
    out = tmp_path / "dicom"
    out.mkdir()
    files = dicom.export_folder(workstation, actor, export_case.patient_id, out)
    assert len(files) == 3
    by_uid = _by_photo(files)
    overview, polarised, contact = (by_uid[dicom.instance_uid(p)] for p in export_case.photo_ids)

    for ds in (overview, polarised, contact):
        assert ds.file_meta.TransferSyntaxUID == "1.2.840.10008.1.2.4.50"
        assert str(ds.PatientName) == "Müller^Jürgen"
        assert ds.PatientID == "PAT-4711"
        assert ds.PatientBirthDate == "19700501"
        assert ds.PatientSex == "M"
        frame = next(generate_frames(ds.PixelData, number_of_frames=1))
        with Image.open(io.BytesIO(frame)) as image:
            assert image.format == "JPEG" and not image.info.get("progressive")
            assert image.size == (ds.Columns, ds.Rows)

    assert overview.SOPClassUID == VL_PHOTO and overview.Modality == "XC"
    assert overview.AnatomicRegionSequence[0].CodeValue == "89545001"  # face
    assert overview.AcquisitionDateTime == "20250314093000"
    assert overview.StudyInstanceUID == dicom.study_uid(export_case.first_visit)
    assert overview.StudyDate == "20250314"

    assert polarised.SOPClassUID == DERMOSCOPIC and polarised.Modality == "DMS"
    assert polarised.LightSourcePolarization == "POLARIZED"
    assert polarised.ContactMethod == "NON_CONTACT"
    assert polarised.OpticalMagnificationFactor == 10
    assert polarised.TrackingUID == export_case.tracking_uid
    assert polarised.ManufacturerModelName == "DermLite DL5"
    region = polarised.AnatomicRegionSequence[0]
    assert (region.CodeValue, region.CodingSchemeDesignator) == ("14975008", "SCT")  # forearm
    assert region.AnatomicRegionModifierSequence[0].CodeValue == "7771000"  # left
    assert polarised.StudyInstanceUID == overview.StudyInstanceUID
    assert polarised.SeriesInstanceUID != overview.SeriesInstanceUID  # a series per modality

    assert contact.LightSourcePolarization == "NON_POLARIZED"
    assert contact.ContactMethod == "CONTACT"
    assert contact.TrackingUID == export_case.tracking_uid
    assert contact.StudyInstanceUID == dicom.study_uid(export_case.second_visit)

    patient, outcome, details = audit_events(workstation, "DATA_EXPORTED")[0]
    assert (patient, outcome) == (export_case.patient_id, "success")
    assert details["format"] == "DICOM" and details["destination"] == "folder"


@pytest.mark.skipif(
    shutil.which("dciodvfy") is None, reason="dciodvfy (Debian dicom3tools) missing"
)
def test_dicom_files_pass_dciodvfy(
    workstation: Workstation, actor: Actor, export_case: ExportCase, tmp_path: Path
) -> None:
    files = dicom.export_folder(workstation, actor, export_case.patient_id, tmp_path)
    assert len(files) == 3  # an empty export would pass the loop below unchecked
    for path in files:
        assert dciodvfy_errors(path) == [], path.name


def test_second_dicom_export_keeps_every_uid(
    workstation: Workstation, actor: Actor, export_case: ExportCase, tmp_path: Path
) -> None:
    first = dicom.export_folder(workstation, actor, export_case.patient_id, tmp_path)
    again = dicom.export_folder(workstation, actor, export_case.patient_id, tmp_path)
    assert sorted(first) == sorted(again)
    assert len(list(tmp_path.glob("*.dcm"))) == 3
    uids = [
        (ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID)
        for ds in map(pydicom.dcmread, sorted(again))
    ]
    assert len({u[2] for u in uids}) == 3
    assert all(len(u) <= 64 for triple in uids for u in triple)


def test_one_visit_is_one_study(
    workstation: Workstation, actor: Actor, export_case: ExportCase, tmp_path: Path
) -> None:
    files = dicom.export_folder(
        workstation, actor, export_case.patient_id, tmp_path, visit_ids=[export_case.second_visit]
    )
    assert len(files) == 1
    assert pydicom.dcmread(files[0]).StudyInstanceUID == dicom.study_uid(export_case.second_visit)


def test_dicom_export_needs_the_admin_grant(
    workstation: Workstation,
    second_clinician: Actor,
    export_case: ExportCase,
    tmp_path: Path,
) -> None:
    # The practice holds Editor on new records: enough to work, not to export.
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PermissionDenied):
        dicom.export_folder(workstation, second_clinician, export_case.patient_id, out)
    assert list(out.iterdir()) == []
    patient, outcome, _ = audit_events(workstation, "DATA_EXPORTED")[0]
    assert (patient, outcome) == (export_case.patient_id, "denied")


@pytest.mark.skipif(
    shutil.which("dciodvfy") is None, reason="dciodvfy (Debian dicom3tools) missing"
)
def test_photo_without_body_site_is_valid_too(
    workstation: Workstation,
    services: ClinicServices,
    actor: Actor,
    export_case: ExportCase,
    tmp_path: Path,
) -> None:
    photo = services.photos.ingest(
        actor,
        synthetic_jpeg(9),
        CaptureContext(export_case.patient_id, visit_id=export_case.second_visit),
        source_name="no-site.jpg",
    ).photo
    out = tmp_path / "out"
    out.mkdir()
    dicom.export_folder(workstation, actor, export_case.patient_id, out)
    path = out / f"{dicom.instance_uid(photo.id)}.dcm"
    ds = pydicom.dcmread(path)
    assert "AnatomicRegionSequence" not in ds and ds.Laterality == ""
    assert dciodvfy_errors(path) == []


def test_magnification_comes_from_the_device_profile(
    workstation: Workstation, actor: Actor, export_case: ExportCase, tmp_path: Path
) -> None:
    files = dicom.export_folder(
        workstation,
        actor,
        export_case.patient_id,
        tmp_path,
        magnifications={"Test Camera 1": 20.0, "DermLite DL5": 30.0},
    )
    by_uid = _by_photo(files)
    polarised = by_uid[dicom.instance_uid(export_case.photo_ids[1])]
    contact = by_uid[dicom.instance_uid(export_case.photo_ids[2])]
    assert polarised.OpticalMagnificationFactor == 10  # noted on the photo: wins
    assert contact.OpticalMagnificationFactor == 20  # from its device's profile


def test_a_capture_still_keeps_its_magnification_without_a_device_profile(
    services: ClinicServices,
    workstation: Workstation,
    actor: Actor,
    export_case: ExportCase,
    tmp_path: Path,
) -> None:
    """Exported on another workstation (no profile of the scope here), or after the
    profile changed: the Dermoscopic module has the magnification it was taken at."""
    scope = DeviceProfile("Scope X", polarised=True, contact=False, magnification=10.0)
    still = take_still(
        services.photos,
        actor,
        render_photo(scene_for(3, "naevus"), 0, 1, size=(320, 240)),
        CaptureContext(export_case.patient_id, visit_id=export_case.second_visit),
        device_name="Scope X",
        profile=scope,
    )
    assert still.photo.magnification == 10.0
    assert ProfileStore().all() == []  # this workstation knows nothing of the scope
    uid = dicom.instance_uid(still.photo.id)

    files = dicom.export_folder(workstation, actor, export_case.patient_id, tmp_path)
    ds = _by_photo(files)[uid]
    assert ds.SOPClassUID == DERMOSCOPIC
    assert ds.LightSourcePolarization == "POLARIZED"
    assert ds.OpticalMagnificationFactor == 10
    if shutil.which("dciodvfy") is not None:
        assert dciodvfy_errors(tmp_path / f"{uid}.dcm") == []

    changed = tmp_path / "changed"
    changed.mkdir()
    files = dicom.export_folder(
        workstation, actor, export_case.patient_id, changed, magnifications={"Scope X": 30.0}
    )
    assert _by_photo(files)[uid].OpticalMagnificationFactor == 10  # the photo's own wins
