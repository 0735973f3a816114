"""Sending to a real Orthanc on loopback: C-STORE and STOW-RS, values via its REST API,
re-sending updates instead of duplicating, and clear errors when the PACS says no."""

from __future__ import annotations

import pytest
from orthanc_support import Orthanc, free_port

from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import AssociationRejected, PacsUnreachable, StoreRefused
from pixiodoc_desktop.exports import dicom, pacs
from tests.exports.exports_support import ExportCase, audit_events


def _configure(ws: Workstation, actor: Actor, orthanc: Orthanc, **changes: object) -> None:
    settings = pacs.PacsSettings(
        ae_title=orthanc.ae_title,
        host="127.0.0.1",
        port=orthanc.dicom_port,
        our_ae_title="PIXIODOC",
        dicomweb_url=orthanc.dicomweb_url,
    )
    for key, value in changes.items():
        object.__setattr__(settings, key, value)
    pacs.configure(ws, actor, settings)


def _check_orthanc_holds_the_case(orthanc: Orthanc, case: ExportCase) -> None:
    patients = orthanc.get("/patients?expand")
    assert len(patients) == 1
    tags = patients[0]["MainDicomTags"]
    assert tags["PatientID"] == "PAT-4711"
    assert tags["PatientName"] == "Müller^Jürgen"
    assert tags["PatientBirthDate"] == "19700501"
    studies = orthanc.get("/studies?expand")
    assert sorted(s["MainDicomTags"]["StudyInstanceUID"] for s in studies) == sorted(
        [dicom.study_uid(case.first_visit), dicom.study_uid(case.second_visit)]
    )
    assert sorted(s["MainDicomTags"]["StudyDate"] for s in studies) == ["20250314", "20250902"]
    instances = orthanc.get("/instances?expand")
    assert len(instances) == 3
    by_uid = {i["MainDicomTags"]["SOPInstanceUID"]: i["ID"] for i in instances}
    polarised = orthanc.get(
        f"/instances/{by_uid[dicom.instance_uid(case.photo_ids[1])]}/tags?simplify"
    )
    assert polarised["SOPClassUID"] == "1.2.840.10008.5.1.4.1.1.77.1.7"
    assert polarised["Modality"] == "DMS"
    assert polarised["LightSourcePolarization"] == "POLARIZED"
    assert polarised["TrackingUID"] == case.tracking_uid
    assert polarised["AnatomicRegionSequence"][0]["CodeValue"] == "14975008"
    overview = orthanc.get(
        f"/instances/{by_uid[dicom.instance_uid(case.photo_ids[0])]}/tags?simplify"
    )
    assert overview["SOPClassUID"] == "1.2.840.10008.5.1.4.1.1.77.1.4"


def test_c_store_to_orthanc_and_again_without_duplicates(
    workstation: Workstation, actor: Actor, export_case: ExportCase, empty_orthanc: Orthanc
) -> None:
    _configure(workstation, actor, empty_orthanc)
    pacs.echo(pacs.load_settings(workstation))
    assert pacs.send_to_pacs(workstation, actor, export_case.patient_id) == 3
    _check_orthanc_holds_the_case(empty_orthanc, export_case)
    assert pacs.send_to_pacs(workstation, actor, export_case.patient_id) == 3
    _check_orthanc_holds_the_case(empty_orthanc, export_case)  # still 1 patient, 2 studies, 3
    _, outcome, details = audit_events(workstation, "DATA_EXPORTED")[0]
    assert outcome == "success"
    assert details["format"] == "DICOM" and details["destination"] == "PACS (C-STORE)"


def test_stow_rs_to_orthanc_and_again_without_duplicates(
    workstation: Workstation, actor: Actor, export_case: ExportCase, empty_orthanc: Orthanc
) -> None:
    _configure(workstation, actor, empty_orthanc)
    pacs.check_dicomweb(pacs.load_settings(workstation))
    for _ in range(2):
        sent = pacs.send_to_pacs(workstation, actor, export_case.patient_id, method="stow-rs")
        assert sent == 3
        _check_orthanc_holds_the_case(empty_orthanc, export_case)
    _, _, details = audit_events(workstation, "DATA_EXPORTED")[0]
    assert details["destination"] == "PACS (DICOMweb STOW-RS)"


def test_unknown_called_ae_title_is_a_rejected_association(
    workstation: Workstation, actor: Actor, export_case: ExportCase, orthanc: Orthanc
) -> None:
    _configure(workstation, actor, orthanc, ae_title="NOTORTHANC")
    with pytest.raises(AssociationRejected, match="rejected"):
        pacs.send_to_pacs(workstation, actor, export_case.patient_id)
    _, outcome, details = audit_events(workstation, "DATA_EXPORTED")[0]
    assert (outcome, details["error"]) == ("failure", "AssociationRejected")


def test_nothing_listening_is_unreachable(
    workstation: Workstation, actor: Actor, export_case: ExportCase, orthanc: Orthanc
) -> None:
    port = free_port()
    _configure(
        workstation, actor, orthanc, port=port, dicomweb_url=f"http://127.0.0.1:{port}/dicom-web"
    )
    settings = pacs.load_settings(workstation)
    with pytest.raises(PacsUnreachable):
        pacs.echo(settings)
    with pytest.raises(PacsUnreachable):
        pacs.send_to_pacs(workstation, actor, export_case.patient_id, method="stow-rs")


def test_http_error_from_dicomweb_is_reported(
    workstation: Workstation, actor: Actor, export_case: ExportCase, orthanc: Orthanc
) -> None:
    _configure(workstation, actor, orthanc, dicomweb_url=f"{orthanc.url}/no-such-root")
    with pytest.raises(StoreRefused, match="HTTP 404"):
        pacs.send_to_pacs(workstation, actor, export_case.patient_id, method="stow-rs")
