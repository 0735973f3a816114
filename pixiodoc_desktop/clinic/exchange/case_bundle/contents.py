"""What goes into a case bundle: the minimal record, chosen visits, photos, consents.

Gathering checks the record's Admin grant (EXPORT) and the patient's consent
to sharing; a refusal is audited. The result is the zipped payload that the
container then encrypts.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.access.permissions import Action, require_audited
from pixiodoc_desktop.clinic.exchange.case_bundle.container import FORMAT, VERSION
from pixiodoc_desktop.clinic.exchange.case_bundle.opinions import bundle_opinions
from pixiodoc_desktop.clinic.records.consent import require_sharing_consent
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, RecordNotFound
from pixiodoc_desktop.vault.schema import (
    Lesion,
    LesionMeasurement,
    Patient,
    Photo,
    Visit,
)


def gather(
    ws: Workstation,
    actor: Actor,
    patient_id: str,
    visit_ids: list[str],
    today: dt.date,
    expires: dt.date,
) -> tuple[bytes, tuple[int, int]]:
    """The zipped contents and (visits, photos) counts, after access and consent checks."""
    vault = ws.vault
    with ws.read_session() as session:
        patient = session.get(Patient, patient_id)
        if patient is None or patient.deleted:
            raise RecordNotFound(f"There is no patient {patient_id}")
        require_audited(ws, session, actor, patient_id, Action.EXPORT)
        in_force = require_sharing_consent(ws, actor, session, patient_id, what="case bundle")
        visits = list(
            session.scalars(
                select(Visit)
                .where(Visit.id.in_(visit_ids), Visit.patient_id == patient_id, ~Visit.deleted)
                .order_by(Visit.visit_date)
            )
        )
        if len(visits) != len(set(visit_ids)):
            raise InvalidInput("A chosen visit does not belong to this patient")
        photos = list(
            session.scalars(
                select(Photo)
                .where(Photo.visit_id.in_([v.id for v in visits]), ~Photo.deleted)
                .order_by(Photo.captured_at, Photo.created_at)
            )
        )
        lesions, measurements = _lesions_of(session, photos)
        patient_key = vault.patient_key(session, patient_id)
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "created": today.isoformat(),
            "expires": expires.isoformat(),
            "from_clinic": vault.setting("clinic_name") or "",
            "patient": {
                "family_name": patient.family_name,
                "given_name": patient.given_name,
                "birth_date": patient.birth_date.isoformat() if patient.birth_date else None,
                "sex": patient.sex,
            },
            "consents": [
                {"scope": c.scope, "granted": c.granted, "decided_on": c.decided_on.isoformat()}
                for c in in_force.values()
            ],
            "visits": [
                {
                    "id": v.id,
                    "visit_date": v.visit_date.isoformat(),
                    "reason": v.reason,
                    "conditions": list(v.conditions),
                    "treatment": v.treatment,
                    "notes": v.notes,
                }
                for v in visits
            ],
            "photos": [],
            # The followed lesions these photos show, with their place on the body map,
            # status, procedures and the measurements taken on these photos.
            "lesions": lesions,
            "lesion_measurements": measurements,
            # Colleagues' second opinions on these visits (they travel as the notes do).
            "second_opinions": bundle_opinions(
                session, [v.id for v in visits], {p.id for p in photos}
            ),
        }
        objects: list[tuple[str, str]] = []
        for photo in photos:
            entry = {
                "id": photo.id,
                "visit_id": photo.visit_id,
                "body_site": photo.body_site,
                "modality": photo.modality,
                "contact": photo.contact,
                "device": photo.device,
                "captured_at": photo.captured_at.isoformat() if photo.captured_at else None,
                "tags": list(photo.tags),
                "notes": photo.notes,
                "calibration_px_per_mm": photo.calibration_px_per_mm,
                "magnification": photo.magnification,
                "media_type": photo.media_type,
                "lesion_id": photo.lesion_id,
            }
            for kind, blob in (
                ("original", photo.blob_id),
                ("thumbnail", photo.thumbnail_blob_id),
                ("screen", photo.screen_blob_id),
            ):
                name = f"photos/{photo.id}/{kind}"
                entry[kind] = name
                objects.append((name, blob))
            manifest["photos"].append(entry)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
        for name, blob in objects:
            archive.writestr(name, vault.blobs.get(blob, patient_key))
    return buffer.getvalue(), (len(visits), len(photos))


def _lesions_of(
    session: Session, photos: list[Photo]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The manifest's lesions (those the photos show) and their measurements on the photos."""
    lesion_ids = sorted({p.lesion_id for p in photos if p.lesion_id})
    photo_ids = [p.id for p in photos]
    lesions = [
        {
            "id": x.id,
            "tracking_uid": x.tracking_uid,
            "label": x.label,
            "body_site": x.body_site,
            "notes": x.notes,
            "status": x.status,
            "map_view": x.map_view,
            "map_x": x.map_x,
            "map_y": x.map_y,
            "history": list(x.history or []),
        }
        for x in session.scalars(select(Lesion).where(Lesion.id.in_(lesion_ids), ~Lesion.deleted))
    ]
    measurements = [
        {
            "lesion_id": m.lesion_id,
            "photo_id": m.photo_id,
            "measured_on": m.measured_on.isoformat(),
            "area_mm2": m.area_mm2,
            "diameter_mm": m.diameter_mm,
            "perimeter_mm": m.perimeter_mm,
            "asymmetry": m.asymmetry,
            "source": m.source,
            "points": list(m.points or []),
        }
        for m in session.scalars(
            select(LesionMeasurement)
            .where(LesionMeasurement.photo_id.in_(photo_ids), ~LesionMeasurement.deleted)
            .order_by(LesionMeasurement.measured_on, LesionMeasurement.created_at)
        )
        if m.lesion_id in lesion_ids
    ]
    return lesions, measurements
