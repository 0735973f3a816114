"""GDPR access/portability archive: valid FHIR R4, images that decode, a PDF summary."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from vault_support import LOGIN, PASSWORD, CliRunner, decodes

from pixiodoc_desktop.clinic.records.visits import Lesions, MapPosition, MapView
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import PermissionDenied
from pixiodoc_desktop.exports.patient_data import BUNDLE_NAME, SUMMARY_NAME, export_patient_data
from tests.exports.exports_support import ExportCase, audit_events, pdf_text


def test_patient_data_archive_holds_fhir_images_and_summary(
    workstation: Workstation, actor: Actor, export_case: ExportCase, tmp_path: Path
) -> None:
    target = export_patient_data(workstation, actor, export_case.patient_id, tmp_path / "data")
    assert target.name == "data.zip"
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".data")] == []  # no temp left
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        bundle = json.loads(archive.read(BUNDLE_NAME))
        summary = archive.read(SUMMARY_NAME)
        images = {n: archive.read(n) for n in names if n.startswith("images/")}

    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    resources = [e["resource"] for e in bundle["entry"]]
    full_urls = {e["fullUrl"] for e in bundle["entry"]}
    assert all(e["fullUrl"] == f"urn:uuid:{e['resource']['id']}" for e in bundle["entry"])
    kinds = [r["resourceType"] for r in resources]
    assert kinds.count("Patient") == 1
    assert kinds.count("Encounter") == 2
    assert kinds.count("Media") == 3
    assert kinds.count("Consent") == 2
    assert kinds.count("BodyStructure") == 1

    patient = resources[kinds.index("Patient")]
    assert patient["name"][0] == {"use": "official", "family": "Müller", "given": ["Jürgen"]}
    assert patient["birthDate"] == "1970-05-01" and patient["gender"] == "male"
    assert {"use": "usual", "type": {"text": "Patient number (clinic)"}, "value": "PAT-4711"} in (
        patient["identifier"]
    )

    # Every reference resolves inside the bundle.
    def references(node: object) -> list[str]:
        if isinstance(node, dict):
            found = [node["reference"]] if isinstance(node.get("reference"), str) else []
            return found + [r for v in node.values() for r in references(v)]
        if isinstance(node, list):
            return [r for v in node for r in references(v)]
        return []

    refs = references(resources)
    assert refs and set(refs) <= full_urls

    media = [r for r in resources if r["resourceType"] == "Media"]
    for item in media:
        assert item["status"] == "completed"
        assert item["content"]["url"] in images
        assert decodes(images[item["content"]["url"]]) == (item["width"], item["height"])
    dermoscopy = next(m for m in media if m["id"] == export_case.photo_ids[1])
    assert dermoscopy["bodySite"]["coding"][0]["code"] == "14975008"
    assert dermoscopy["modality"]["coding"][0]["code"] == "DMS"
    assert dermoscopy["content"]["contentType"] == "image/png"

    consents = {r["provision"]["type"]: r for r in resources if r["resourceType"] == "Consent"}
    assert set(consents) == {"permit", "deny"}

    assert summary.startswith(b"%PDF")
    (tmp_path / "summary.pdf").write_bytes(summary)
    readable = pdf_text(tmp_path / "summary.pdf")  # what the patient reads, not only a PDF
    for expected in (
        "Your data at this practice",
        "Müller, Jürgen",
        "PAT-4711",
        "Visit of 2025-03-14",
        "Notes: Itches since January.",
        "Visit of 2025-09-02",
        "Consent decisions",
        "teaching: refused",
        "Tracked lesions naevus forearm (Forearm, left)",
    ):
        assert expected in readable, expected
    # Every image in the archive is named in the summary, so the patient can find it.
    assert all(f"File: {name}" in readable for name in images)
    assert len(images) == 3
    patient_id, outcome, details = audit_events(workstation, "DATA_EXPORTED")[0]
    assert (patient_id, outcome, details["format"]) == (
        export_case.patient_id,
        "success",
        "patient data",
    )


def test_patient_data_needs_the_admin_grant(
    workstation: Workstation, second_clinician: Actor, export_case: ExportCase, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied):
        export_patient_data(
            workstation, second_clinician, export_case.patient_id, tmp_path / "d.zip"
        )
    assert not (tmp_path / "d.zip").exists()


def test_export_patient_data_command(
    cli: CliRunner, made_vault_with_case: tuple[Path, str], tmp_path: Path
) -> None:
    folder, patient_id = made_vault_with_case
    out = tmp_path / "mine.zip"
    done = cli(
        "export", "patient-data", "--vault", folder, "--user", LOGIN, "--password-stdin",
        "--patient", patient_id, "--out", out, stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert done.code == 0, done.output
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as archive:
        assert BUNDLE_NAME in archive.namelist()


def test_the_lesion_s_status_place_and_histology_are_in_the_archive(
    workstation: Workstation, actor: Actor, export_case: ExportCase, tmp_path: Path
) -> None:
    lesions = Lesions(workstation)
    lesions.place(actor, export_case.lesion_id, MapPosition(MapView.BACK, 0.25, 0.5))
    lesions.record_procedure(
        actor,
        export_case.lesion_id,
        "excision",
        date=dt.date(2025, 6, 3),
        histology="Compound naevus, margins clear",
    )
    target = export_patient_data(workstation, actor, export_case.patient_id, tmp_path / "data")
    with zipfile.ZipFile(target) as archive:
        bundle = json.loads(archive.read(BUNDLE_NAME))
    [lesion] = [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "BodyStructure"
    ]
    assert lesion["active"] is False
    extensions = {e["url"]: e for e in lesion["extension"]}
    assert extensions["urn:pixiodoc:lesion-status"]["valueCode"] == "excised"
    assert extensions["urn:pixiodoc:body-map-position"]["valueString"] == "back 0.2500,0.5000"
    procedure = {e["url"]: e for e in extensions["urn:pixiodoc:lesion-procedure"]["extension"]}
    assert procedure["kind"]["valueCode"] == "excision"
    assert procedure["date"]["valueDate"] == "2025-06-03"
    assert procedure["histology"]["valueString"] == "Compound naevus, margins clear"
