"""Record an opened case bundle as a View Only patient marked with its origin.

The record, visits, consents and photos are one unit of work; photos are
prepared (decoded, checked, previews made) one at a time inside it, and the
blobs written for a unit that fails are removed again, so a bad photo or a
malformed manifest leaves nothing behind. Audited as
PATIENT_CREATED with the origin in the details.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from pixiodoc_desktop.clinic.access import plans
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.exchange.case_bundle.container import BundleRefused
from pixiodoc_desktop.clinic.exchange.case_bundle.lesions import record_lesions, record_measurements
from pixiodoc_desktop.clinic.exchange.case_bundle.opinions import record_opinions
from pixiodoc_desktop.clinic.exchange.case_bundle.sender import Sender
from pixiodoc_desktop.clinic.records.names import check_name
from pixiodoc_desktop.clinic.records.patients import search_key
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.imaging.prepare import prepare_image
from pixiodoc_desktop.vault import locking
from pixiodoc_desktop.vault.blobs import blob_id_for
from pixiodoc_desktop.vault.schema import AuditEvent, Consent, Grant, Patient, Photo, Visit


@dataclass(frozen=True, slots=True)
class ImportedCase:
    patient_id: str
    origin: str
    visits: int
    photos: int
    sender_verified: bool = False  # signed with a key this clinic has exchanged (sender.py)


def _magnification(value: object) -> float | None:
    """The photo's optical magnification from a manifest (absent in older bundles)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) and value > 0 else None


def _shape_problem(manifest: dict[str, Any]) -> str | None:
    """What is wrong with the manifest's shape (lists of objects where lists belong), or None."""
    if not isinstance(manifest.get("patient"), dict):
        return "patient"
    for part in (
        "visits",
        "photos",
        "consents",
        "lesions",
        "lesion_measurements",
        "second_opinions",
    ):
        items = manifest.get(part, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            return part
    return None


def _refuse_a_second_import(ws: Workstation, bundle_id: str) -> None:
    """The same bundle twice would make two records of one patient: refuse, naming the first.

    The bundle's id is in its import's audit event (kept at least a year, and a
    bundle expires within one); a record erased since may be imported again.
    """
    if not bundle_id:
        return
    with ws.read_session() as session:
        rows = session.execute(
            select(AuditEvent.patient_id, AuditEvent.details, AuditEvent.at)
            .join(Patient, Patient.id == AuditEvent.patient_id)
            .where(AuditEvent.event_type == "PATIENT_CREATED", ~Patient.deleted)
        ).all()
    for patient_id, details, occurred_at in rows:
        if isinstance(details, dict) and details.get("bundle") == bundle_id:
            raise BundleRefused(
                f"This case bundle was imported already on {occurred_at:%Y-%m-%d} "
                f"(patient {patient_id}); open that record instead"
            )


def record_case(ws: Workstation, actor: Actor, manifest: dict[str, Any]) -> ImportedCase:
    """Write the manifest's patient, visits, consents and photos as a new record.

    Photos are read from the bundle, prepared and stored one at a time, so an
    import holds one photo in memory, not the whole case.
    """
    objects: Mapping[str, bytes] = manifest["_objects"]
    problem = _shape_problem(manifest)
    if problem is not None:
        raise BundleRefused(f"The case bundle's contents are damaged (its {problem} part)")
    try:
        person = manifest["patient"]
        created = str(manifest["created"])
        made_by = manifest.get("_sender") or Sender(signed=False)
        origin = (
            f"Case bundle from {str(manifest['from_clinic'])[:120]}, made {created}; {made_by.text}"
        )
    except KeyError as exc:
        raise BundleRefused("The case bundle's contents are incomplete") from exc
    bundle_id = str(manifest.get("_bundle_id") or "")
    _refuse_a_second_import(ws, bundle_id)
    vault = ws.vault
    patient_id = str(uuid.uuid4())
    written: list[str] = []
    try:
        with locking.writing(vault.folder), ws.unit_of_work(actor) as uow:
            session = uow.session
            plans.require_room_for_patient(session)
            birth = person.get("birth_date")
            family = " ".join(check_name(str(person["family_name"]), "family name").split())[:200]
            given = " ".join(check_name(str(person.get("given_name") or ""), "given name").split())
            given = given[:200]
            session.add(
                Patient(
                    id=patient_id,
                    family_name=family,
                    given_name=given,
                    search_key=search_key(family, given, None),
                    birth_date=dt.date.fromisoformat(birth) if birth else None,
                    sex=str(person.get("sex") or "unknown"),
                    notes="",
                    origin=origin[:300],
                )
            )
            session.flush()
            pdk = vault.new_patient_key(session, patient_id)
            session.add(
                Grant(
                    id=str(uuid.uuid4()),
                    patient_id=patient_id,
                    grantee=actor.user_id,
                    level="admin",
                )
            )
            visit_ids: dict[str, str] = {}
            for v in manifest["visits"]:
                visit_ids[v["id"]] = str(uuid.uuid4())
                session.add(
                    Visit(
                        id=visit_ids[v["id"]],
                        patient_id=patient_id,
                        visit_date=dt.date.fromisoformat(v["visit_date"]),
                        reason=str(v.get("reason") or ""),
                        conditions=[str(c) for c in v.get("conditions") or []],
                        treatment=str(v.get("treatment") or ""),
                        notes=str(v.get("notes") or ""),
                    )
                )
            for c in manifest.get("consents", []):
                session.add(
                    Consent(
                        id=str(uuid.uuid4()),
                        patient_id=patient_id,
                        scope=str(c["scope"]),
                        granted=bool(c["granted"]),
                        decided_on=dt.date.fromisoformat(c["decided_on"]),
                        note="from case bundle",
                    )
                )
            lesion_ids = record_lesions(session, patient_id, manifest)
            session.flush()
            visit_days = {
                v["id"]: dt.date.fromisoformat(v["visit_date"]) for v in manifest["visits"]
            }
            photo_ids: dict[str, tuple[str, dt.date]] = {}
            for index, entry in enumerate(manifest["photos"]):
                image = prepare_image(
                    objects[entry["original"]], source_name=f"case photo {index + 1}"
                )
                ids = []
                for content in (image.stored, image.thumbnail, image.screen):
                    blob = blob_id_for(vault.keys.blob_id, patient_id, content)
                    if not vault.blobs.exists(blob):
                        vault.blobs.put(blob, content, pdk)
                        written.append(blob)
                    ids.append(blob)
                captured = entry.get("captured_at")
                photo_id = str(uuid.uuid4())
                photo_ids[str(entry.get("id"))] = (photo_id, visit_days[entry["visit_id"]])
                session.add(
                    Photo(
                        id=photo_id,
                        lesion_id=lesion_ids.get(str(entry.get("lesion_id"))),
                        patient_id=patient_id,
                        visit_id=visit_ids[entry["visit_id"]],
                        body_site=entry.get("body_site"),
                        modality=str(entry.get("modality") or "overview"),
                        contact=entry.get("contact"),
                        device=entry.get("device"),
                        captured_at=dt.datetime.fromisoformat(captured) if captured else None,
                        width=image.width,
                        height=image.height,
                        bit_depth=image.bit_depth,
                        media_type=image.media_type,
                        size_bytes=len(image.stored),
                        blob_id=ids[0],
                        thumbnail_blob_id=ids[1],
                        screen_blob_id=ids[2],
                        source="import",
                        source_name="case bundle",
                        tags=[str(t) for t in entry.get("tags") or []],
                        annotations=[],
                        calibration_px_per_mm=entry.get("calibration_px_per_mm"),
                        magnification=_magnification(entry.get("magnification")),
                        notes=str(entry.get("notes") or ""),
                    )
                )
            session.flush()
            measured = record_measurements(session, patient_id, manifest, lesion_ids, photo_ids)
            opinions = record_opinions(
                uow,
                patient_id,
                manifest,
                visit_ids,
                {old: new for old, (new, _) in photo_ids.items()},
            )
            uow.audit(
                audit.EventDraft(
                    audit.EventType.PATIENT_CREATED,
                    actor.user_id,
                    patient_id=patient_id,
                    object_type="patient",
                    object_id=patient_id,
                    details={
                        "origin": "case bundle",
                        "bundle": bundle_id,
                        "sender": made_by.fingerprint or "unsigned",
                        "sender_verified": made_by.verified,
                        "visits": len(visit_ids),
                        "photos": len(manifest["photos"]),
                        "lesions": len(lesion_ids),
                        "measurements": measured,
                        "second opinions": opinions,
                    },
                )
            )
    except (KeyError, TypeError, ValueError) as exc:
        for blob in written:
            vault.blobs.delete(blob)
        raise BundleRefused("The case bundle's contents are incomplete") from exc
    except BaseException:
        for blob in written:
            vault.blobs.delete(blob)
        raise
    return ImportedCase(
        patient_id,
        origin,
        len(manifest["visits"]),
        len(manifest["photos"]),
        sender_verified=made_by.verified,
    )
