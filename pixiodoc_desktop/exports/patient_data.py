"""A patient's own data, for access and portability (GDPR art. 15 and 20).

One ZIP: the record as a FHIR R4 Bundle (`patient.fhir.json`: Patient,
Encounter per visit, BodyStructure per tracked lesion, Media per photo
whose attachment names the image file in the archive, Consent per decision
in force, ClinicalImpression per second opinion a colleague sent back through
a secure link), every original image under `images/`, and a readable PDF summary.
The archive is written straight to its target through a temp name in the
same folder (fsync, rename): images are decrypted into memory only.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
import zipfile
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from pixiodoc_desktop.clinic.records.body_sites import BODY_SITES
from pixiodoc_desktop.clinic.records.photos import Photos, PhotoSummary
from pixiodoc_desktop.clinic.records.second_opinions import SecondOpinionSummary
from pixiodoc_desktop.clinic.records.vocabulary import Modality
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.exports.pdf_report import photo_caption, write_report
from pixiodoc_desktop.exports.records import (
    PatientRecord,
    ReportFigure,
    audit_export,
    durable_file,
    load_record,
    original_image,
)

BUNDLE_NAME = "patient.fhir.json"
SUMMARY_NAME = "summary.pdf"
SNOMED = "http://snomed.info/sct"
DCM = "http://dicom.nema.org/resources/ontology/DCM"
_GENDER = {"female": "female", "male": "male", "other": "other", "unknown": "unknown"}
_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/tiff": "tif"}
_README = """\
This archive holds the data {clinic} keeps about you in PixioDoc Desktop.

  summary.pdf          a readable summary: your details, visits, photos, consents,
                       and second opinions colleagues gave on your photos
  patient.fhir.json    the same records as a FHIR R4 Bundle (HL7 FHIR, a standard
                       format other health software can import)
  images/              every photo as it is stored, named by its id in the Bundle

Created {created}.
"""


def _ref(kind: str, record_id: str) -> dict[str, str]:
    return {"reference": f"urn:uuid:{record_id}", "type": kind}


def image_name(photo: PhotoSummary) -> str:
    return f"images/{photo.id}.{_EXTENSIONS.get(photo.media_type, 'bin')}"


def _narrative(lines: Sequence[str]) -> dict[str, str]:
    body = "".join(f"<p>{escape(line)}</p>" for line in lines if line)
    return {
        "status": "generated",
        "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{body or "<p>-</p>"}</div>',
    }


def _patient(record: PatientRecord) -> dict[str, Any]:
    p = record.patient
    identifiers: list[dict[str, Any]] = [{"system": "urn:pixiodoc:patient-id", "value": p.id}]
    if p.external_id:
        identifiers.insert(
            0, {"use": "usual", "type": {"text": "Patient number (clinic)"}, "value": p.external_id}
        )
    resource: dict[str, Any] = {
        "resourceType": "Patient",
        "id": p.id,
        "identifier": identifiers,
        "name": [
            {
                "use": "official",
                "family": p.family_name,
                **({"given": p.given_name.split()} if p.given_name else {}),
            }
        ],
        "gender": _GENDER.get(p.sex, "unknown"),
    }
    if p.birth_date:
        resource["birthDate"] = p.birth_date.isoformat()
    if p.notes:
        resource["text"] = _narrative([p.notes])
    return resource


def _encounter(record: PatientRecord, visit_index: int) -> dict[str, Any]:
    v = record.visits[visit_index]
    resource: dict[str, Any] = {
        "resourceType": "Encounter",
        "id": v.id,
        "status": "finished",
        "class": {
            "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
            "code": "AMB",
            "display": "ambulatory",
        },
        "subject": _ref("Patient", record.patient.id),
        "period": {"start": v.visit_date.isoformat(), "end": v.visit_date.isoformat()},
        "text": _narrative(
            [
                f"Visit of {v.visit_date.isoformat()}",
                f"Reason: {v.reason}" if v.reason else "",
                f"Findings: {', '.join(v.conditions)}" if v.conditions else "",
                f"Treatment: {v.treatment}" if v.treatment else "",
                f"Notes: {v.notes}" if v.notes else "",
            ]
        ),
    }
    reasons = [{"text": v.reason}] if v.reason else []
    reasons += [{"text": c} for c in v.conditions]
    if reasons:
        resource["reasonCode"] = reasons
    return resource


def _body_site(code: str | None) -> dict[str, Any] | None:
    site = BODY_SITES.get(code or "")
    if site is None:
        return None
    return {
        "coding": [{"system": SNOMED, "code": site.snomed, "display": site.label.split(",")[0]}],
        "text": site.label,
    }


def _body_structure(record: PatientRecord, index: int) -> dict[str, Any]:
    lesion = record.lesions[index]
    resource: dict[str, Any] = {
        "resourceType": "BodyStructure",
        "id": lesion.id,
        "identifier": [{"system": "urn:ietf:rfc:3986", "value": f"urn:oid:{lesion.tracking_uid}"}],
        "description": lesion.label,
        "patient": _ref("Patient", record.patient.id),
    }
    site = _body_site(lesion.body_site)
    if site is not None:
        resource["location"] = site
    # What FHIR's BodyStructure has no element for (status, place on the body map, biopsies
    # and excisions with their histology) travels as extensions, so none of it is left out.
    resource["active"] = lesion.status != "excised"
    extensions: list[dict[str, Any]] = [
        {"url": "urn:pixiodoc:lesion-status", "valueCode": str(lesion.status)}
    ]
    if lesion.position is not None:
        extensions.append(
            {
                "url": "urn:pixiodoc:body-map-position",
                "valueString": f"{lesion.position.view} "
                f"{lesion.position.x:.4f},{lesion.position.y:.4f}",
            }
        )
    for procedure in lesion.history:
        extensions.append(
            {
                "url": "urn:pixiodoc:lesion-procedure",
                "extension": [
                    {"url": "kind", "valueCode": str(procedure.kind)},
                    {"url": "date", "valueDate": procedure.date.isoformat()},
                    {"url": "histology", "valueString": procedure.histology},
                ],
            }
        )
    resource["extension"] = extensions
    return resource


def _media(record: PatientRecord, photo: PhotoSummary) -> dict[str, Any]:
    modality = Modality(photo.modality)
    resource: dict[str, Any] = {
        "resourceType": "Media",
        "id": photo.id,
        "status": "completed",
        "type": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/media-type",
                    "code": "image",
                    "display": "Image",
                }
            ]
        },
        "modality": {
            "coding": [{"system": DCM, "code": "DMS" if modality.is_dermoscopy else "XC"}],
            "text": str(modality),
        },
        "subject": _ref("Patient", record.patient.id),
        "encounter": _ref("Encounter", photo.visit_id),
        "width": photo.width,
        "height": photo.height,
        "content": {
            "contentType": photo.media_type,
            "url": image_name(photo),
            "size": photo.size_bytes,
            "title": f"Photo of {photo.visit_date.isoformat()}",
        },
    }
    if photo.captured_at is not None:
        resource["createdDateTime"] = photo.captured_at.isoformat(timespec="seconds")
    if photo.device:
        resource["deviceName"] = photo.device
    site = _body_site(photo.body_site)
    if site is not None:
        resource["bodySite"] = site
    notes = [photo.notes] if photo.notes else []
    lesion = record.lesion(photo.lesion_id)
    if lesion is not None:
        notes.append(f"Tracked lesion: {lesion.label} ({lesion.tracking_uid})")
        resource["partOf"] = [_ref("BodyStructure", lesion.id)]
    if photo.magnification:
        notes.append(f"Optical magnification: {photo.magnification:g}×")  # Media has no element
    if photo.tags:
        notes.append("Tags: " + ", ".join(photo.tags))
    if notes:
        resource["note"] = [{"text": n} for n in notes]
    return resource


def _consents(record: PatientRecord) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for decision in record.consents:
        out.append(
            {
                "resourceType": "Consent",
                "id": str(uuid.uuid5(uuid.UUID(record.patient.id), f"consent:{decision.scope}")),
                "status": "active",
                "scope": {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/consentscope",
                            "code": "patient-privacy",
                        }
                    ]
                },
                "category": [{"text": f"PixioDoc consent scope: {decision.scope}"}],
                "patient": _ref("Patient", record.patient.id),
                "dateTime": decision.decided_on.isoformat(),
                "policyRule": {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                            "code": "OPTIN" if decision.granted else "OPTOUT",
                        }
                    ]
                },
                "provision": {"type": "permit" if decision.granted else "deny"},
                **({"text": _narrative([decision.note])} if decision.note else {}),
            }
        )
    return out


def _second_opinion(record: PatientRecord, opinion: SecondOpinionSummary) -> dict[str, Any]:
    """A colleague's second opinion: who (as they gave it), when, the text, the suggested
    diagnosis, the recommendation and the marks they drew, on the visit it concerns."""
    author = opinion.author or "a colleague"
    when = opinion.when.replace(tzinfo=dt.UTC).isoformat(timespec="seconds")
    resource: dict[str, Any] = {
        "resourceType": "ClinicalImpression",
        "id": opinion.id,
        "status": "completed",
        "description": f"Second opinion from {author} (secure link {opinion.link_id})",
        "subject": _ref("Patient", record.patient.id),
        "date": when,
        "summary": opinion.opinion,
    }
    if opinion.visit_id:
        resource["encounter"] = _ref("Encounter", opinion.visit_id)
    if opinion.diagnosis:
        resource["finding"] = [
            {"itemCodeableConcept": {"text": opinion.diagnosis}, "basis": "Suggested diagnosis"}
        ]
    notes = [f"Recommendation: {opinion.recommendation}"] if opinion.recommendation else []
    marked = {mark.photo_id: 0 for mark in opinion.marks}
    for mark in opinion.marks:
        marked[mark.photo_id] += 1
    notes += [f"Marks on the photo {photo}: {count}" for photo, count in marked.items()]
    resource["note"] = [{"authorString": author, "time": when, "text": n} for n in notes] or [
        {"authorString": author, "time": when, "text": opinion.opinion}
    ]
    return resource


def fhir_bundle(record: PatientRecord) -> dict[str, Any]:
    """The record as a FHIR R4 Bundle of type collection (references by urn:uuid)."""
    resources: list[dict[str, Any]] = [_patient(record)]
    resources += [_encounter(record, i) for i in range(len(record.visits))]
    resources += [_body_structure(record, i) for i in range(len(record.lesions))]
    resources += [_media(record, p) for p in record.photos]
    resources += _consents(record)
    resources += [_second_opinion(record, o) for o in reversed(record.opinions)]
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources],
    }


def _summary_pdf(ws: Workstation, actor: Actor, record: PatientRecord) -> bytes:
    photos = Photos(ws)
    thumbs = photos.thumbnails(actor, record.patient.id, [p.id for p in record.photos])
    figures = [
        ReportFigure(
            thumbs[p.id], (*photo_caption(record, p), f"File: {image_name(p)}"), p.visit_id
        )
        for p in record.photos
        if p.id in thumbs
    ]

    def appendix(styles: dict[str, ParagraphStyle]) -> list[Any]:
        story: list[Any] = [Paragraph("Consent decisions", styles["h2"])]
        if not record.consents:
            story.append(Paragraph("None recorded.", styles["body"]))
        for decision in record.consents:
            verdict = "given" if decision.granted else "refused"
            story.append(
                Paragraph(
                    escape(f"{decision.scope}: {verdict} on {decision.decided_on.isoformat()}"),
                    styles["body"],
                )
            )
        if record.lesions:
            story.append(Paragraph("Tracked lesions", styles["h2"]))
            for lesion in record.lesions:
                site = BODY_SITES.get(lesion.body_site)
                story.append(
                    Paragraph(
                        escape(f"{lesion.label} ({site.label if site else lesion.body_site})"),
                        styles["body"],
                    )
                )
        return story

    out = io.BytesIO()
    write_report(out, record, figures, title="Your data at this practice", extra=appendix)
    return out.getvalue()


def export_patient_data(ws: Workstation, actor: Actor, patient_id: str, out: Path) -> Path:
    """Write the patient's data archive to `out` (.zip); needs the Admin grant; audited."""
    target = out if out.suffix else out.with_suffix(".zip")
    record = load_record(ws, actor, patient_id)
    bundle = fhir_bundle(record)
    summary = _summary_pdf(ws, actor, record)
    with durable_file(target) as handle, zipfile.ZipFile(handle, "w") as archive:
        archive.writestr(
            "README.txt",
            _README.format(clinic=record.clinic_name or "the practice", created=dt.date.today()),
            compress_type=zipfile.ZIP_DEFLATED,
        )
        archive.writestr(
            BUNDLE_NAME,
            json.dumps(bundle, indent=2, ensure_ascii=False),
            compress_type=zipfile.ZIP_DEFLATED,
        )
        archive.writestr(SUMMARY_NAME, summary, compress_type=zipfile.ZIP_DEFLATED)
        for photo in record.photos:
            # Images are compressed already; storing them keeps the export fast.
            archive.writestr(image_name(photo), original_image(ws, actor, photo.id))
    audit_export(
        ws,
        actor,
        patient_id,
        {
            "format": "patient data",
            "what": "GDPR access/portability archive (FHIR R4, images, PDF)",
            "visits": len(record.visits),
            "photos": len(record.photos),
        },
    )
    return target
