"""A second opinion that came back through a secure link leaves the record wherever the
record does: `pixiodoc share-link opinions` and the patient's own data (GDPR art. 15/20:
the FHIR Bundle's ClinicalImpression and the summary PDF). A real reply, through the
link's presigned URLs on SeaweedFS, taken in by a round."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from vault_support import synthetic_jpeg

from pixiodoc_desktop import cli
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.sharing.links import ShareLinks
from pixiodoc_desktop.sharing.rounds import tend_links
from tests.exports.exports_support import pdf_text
from tests.sync.link_support import send_reply
from tests.sync.sync_support import LOGIN, PASSWORD, ClinicNet


def test_a_second_opinion_is_in_the_command_line_and_the_patients_data(
    clinic: ClinicNet,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    station = clinic.first()
    services, actor = station.services, station.actor
    patient = services.patients.create(actor, family_name="Halvorsen", given_name="Siri")
    services.consents.record(actor, patient.id, scope="sharing", granted=True)
    added = services.photos.ingest(
        actor,
        synthetic_jpeg(31, size=(320, 240)),
        CaptureContext(patient.id, visit_date=dt.date(2025, 6, 1), body_site="face"),
        source_name="IMG_31.jpg",
    )
    made = ShareLinks(station.ws, station.store).create(actor, patient.id, reply=True)
    send_reply(
        made.url,
        {
            "opinion": "Regular network, no blue-white veil.",
            "diagnosis": "Junctional naevus",
            "recommendation": "Photograph again in six months",
            "name": "Dr. Ole Berg",
            "role": "Dermatologist",
            "written_at": "2026-12-05T09:30:00Z",
            "marks": [{"photo": added.photo.id, "kind": "circle", "points": [[50, 50], [70, 50]]}],
        },
    )
    assert tend_links(station.ws, station.store, actor).replies == 1
    station.close()
    user = ["--vault", str(station.folder), "--user", LOGIN, "--password-stdin"]

    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        code = cli.main([*args])
        out = capsys.readouterr()
        return code, out.out, out.err

    code, out, err = run("share-link", "opinions", *user, "--patient", patient.id, "--json")
    assert code == 0, err
    (opinion,) = json.loads(out)
    assert (opinion["author_name"], opinion["author_role"], opinion["diagnosis"]) == (
        "Dr. Ole Berg",
        "Dermatologist",
        "Junctional naevus",
    )
    assert opinion["link_id"] == made.id and opinion["marks"][0]["photo"] == added.photo.id
    assert opinion["written_at"].startswith("2026-12-05T09:30")
    code, out, _ = run("share-link", "opinions", *user, "--patient", patient.id)
    assert code == 0 and "Dr. Ole Berg, Dermatologist" in out
    assert "Suggested diagnosis: Junctional naevus" in out and "Marks on photos: 1" in out
    code, _, err = run("share-link", "opinions", *user, "--patient", "no-such-patient")
    assert code == 1 and "may not view" in err  # unknown and forbidden read alike

    archive = tmp_path / "Halvorsen.zip"
    code, _, err = run(
        "export", "patient-data", *user, "--patient", patient.id, "--out", str(archive)
    )
    assert code == 0, err
    with zipfile.ZipFile(archive) as opened:
        bundle = json.loads(opened.read("patient.fhir.json"))
        (tmp_path / "summary.pdf").write_bytes(opened.read("summary.pdf"))
    (impression,) = [
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "ClinicalImpression"
    ]
    encounters = [
        e["resource"]["id"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Encounter"
    ]
    assert impression["id"] == opinion["id"] and impression["status"] == "completed"
    assert impression["summary"] == "Regular network, no blue-white veil."
    assert impression["finding"][0]["itemCodeableConcept"]["text"] == "Junctional naevus"
    assert impression["encounter"]["reference"] == f"urn:uuid:{encounters[0]}"
    assert impression["date"].startswith("2026-12-05T09:30")
    notes = [(n["authorString"], n["text"]) for n in impression["note"]]
    assert (
        "Dr. Ole Berg, Dermatologist",
        "Recommendation: Photograph again in six months",
    ) in notes
    assert ("Dr. Ole Berg, Dermatologist", f"Marks on the photo {added.photo.id}: 1") in notes
    summary = pdf_text(tmp_path / "summary.pdf")
    assert "Second opinion from Dr. Ole Berg, Dermatologist" in summary
