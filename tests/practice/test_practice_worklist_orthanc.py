"""The DICOM Modality Worklist against a real Orthanc: list today's steps, take one (the
patient by Patient ID, a visit linked to the order), photograph, send to the same Orthanc
and read back that the PACS filed the photos under the order. Errors say which."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from orthanc_support import free_port
from vault_support import LOGIN, PASSWORD, CliRunner, synthetic_jpeg
from worklist_support import (
    WORKLIST_PLUGIN,
    Order,
    WorklistOrthanc,
    start,
    write_worklist_file,
)

from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.exports import pacs


def _schedule(worklists: Path) -> None:
    """Today's two orders and yesterday's one, dated when called: a date taken at import
    (collection) was yesterday's once CI passed midnight before this test ran."""
    today = dt.date.today()
    for order in (
        Order("SPS1001", "KH-778899", "Größer^Jürgen", "ACC-2025-0001",
              "1.2.826.0.1.3680043.8.498.1", "Dermatoskopie Rücken", today),
        Order("SPS1002", "KH-112233", "Weiß^Ännchen", "ACC-2025-0002",
              "1.2.826.0.1.3680043.8.498.2", "Fotodokumentation Unterarm", today),
        Order("SPS0999", "KH-445566", "Alt^Otto", "ACC-2024-0999",
              "1.2.826.0.1.3680043.8.498.3", "Vorjahr", today - dt.timedelta(days=1)),
    ):  # fmt: skip
        write_worklist_file(worklists, order)


@pytest.fixture(scope="module")
def orthanc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorklistOrthanc]:
    if shutil.which("Orthanc") is None or not WORKLIST_PLUGIN.exists():
        pytest.skip("Orthanc with its worklist plugin is not installed (apt-get install orthanc)")
    server = start(tmp_path_factory.mktemp("orthanc-worklist"))
    _schedule(server.worklists)
    try:
        yield server
    finally:
        server.stop()


def _run(run_cli: CliRunner, vault: Path, *args: object) -> Any:
    return run_cli(*args, "--vault", vault, "--user", LOGIN, "--password-stdin",
                   stdin=PASSWORD + "\n")  # fmt: skip


def test_list_take_photograph_send_and_the_pacs_files_it_under_the_order(
    run_cli: CliRunner, made_vault: Any, orthanc: WorklistOrthanc, services: ClinicServices,
    actor: Actor,
) -> None:  # fmt: skip
    vault = made_vault.folder
    done = _run(run_cli, vault, "worklist", "configure", "--ae-title", "ORTHANC",
                "--host", "127.0.0.1", "--port", str(orthanc.dicom_port))  # fmt: skip
    assert done.code == 0, done.output
    _schedule(orthanc.worklists)  # dated now, not when the module's server started
    listed = _run(run_cli, vault, "worklist", "list", "--json")
    assert listed.code == 0, listed.output
    steps = json.loads(listed.stdout)
    assert [s["step_id"] for s in steps] == ["SPS1001", "SPS1002"]  # today only
    assert steps[0]["patient_name"] == "Größer^Jürgen" and steps[0]["modality"] == "XC"

    taken = _run(run_cli, vault, "worklist", "take", "SPS1001", "--json")
    assert taken.code == 0, taken.output
    result = json.loads(taken.stdout)
    assert result["created_patient"] is True
    assert result["performed_step"] == "not offered"  # Orthanc's worklist has no MPPS
    assert result["order"] == {
        "accession_number": "ACC-2025-0001",
        "study_instance_uid": "1.2.826.0.1.3680043.8.498.1",
        "requested_procedure": "Dermatoskopie Rücken",
        "referring_physician": "Hausarzt^Hanna^^Dr.",
        "scheduled_step_id": "SPS1001",
    }
    patient = services.patients.get(actor, result["patient_id"], audited=False)
    assert (patient.family_name, patient.given_name, patient.external_id, patient.sex) == (
        "Größer", "Jürgen", "KH-778899", "female"
    )  # fmt: skip
    again = json.loads(_run(run_cli, vault, "worklist", "take", "SPS1001", "--json").stdout)
    assert (again["visit_id"], again["created_patient"]) == (result["visit_id"], False)
    assert again["performed_step"] == "already reported"

    services.photos.ingest(
        actor, synthetic_jpeg(5), CaptureContext(patient.id, visit_id=result["visit_id"],
        body_site="upper-back"), source_name="back.jpg",
    )  # fmt: skip
    pacs.configure(actor=actor, ws=services.workstation, settings=pacs.PacsSettings(
        ae_title="ORTHANC", host="127.0.0.1", port=orthanc.dicom_port))  # fmt: skip
    assert pacs.send_to_pacs(services.workstation, actor, patient.id) == 1
    (study,) = orthanc.get("/studies?expand")
    tags = study["MainDicomTags"]
    assert tags["AccessionNumber"] == "ACC-2025-0001"
    assert tags["StudyInstanceUID"] == "1.2.826.0.1.3680043.8.498.1"
    assert tags["ReferringPhysicianName"] == "Hausarzt^Hanna^^Dr."
    assert tags["StudyDescription"] == "Dermatoskopie Rücken"
    assert study["PatientMainDicomTags"]["PatientID"] == "KH-778899"


def test_errors_say_which(run_cli: CliRunner, made_vault: Any, orthanc: WorklistOrthanc) -> None:
    vault = made_vault.folder
    cases = (
        (("--ae-title", "NOTORTHANC", "--port", str(orthanc.dicom_port)), "rejected the association"),
        (("--ae-title", "ORTHANC", "--port", str(free_port())), "cannot be reached"),
        (("--ae-title", "ORTHANC", "--port", str(orthanc.http_port)), "aborted the association"),
    )  # fmt: skip
    for options, expected in cases:
        assert _run(run_cli, vault, "worklist", "configure", "--host", "127.0.0.1",
                    *options).code == 0  # fmt: skip
        done = _run(run_cli, vault, "worklist", "list")
        assert done.code == 1
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], done.stderr
    assert _run(run_cli, vault, "worklist", "configure", "--host", "127.0.0.1", "--ae-title",
                "ORTHANC", "--port", str(orthanc.dicom_port)).code == 0  # fmt: skip
    missing = _run(run_cli, vault, "worklist", "take", "SPS4711")
    assert missing.code == 1 and "SPS4711" in missing.stderr
