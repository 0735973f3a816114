"""What a link shows: the chosen visits (or one lesion's series) with their photos.

Gathering checks the record's Admin grant (EXPORT) and the patient's consent
to sharing, as case bundles do; a refusal is audited. The images are the
stored screen-size previews and thumbnails, decrypted with the patient key
only in memory: the caller re-encrypts them under the link's key at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from pixiodoc_desktop.clinic.access.permissions import Action, require_audited
from pixiodoc_desktop.clinic.records.consent import require_sharing_consent
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, RecordNotFound
from pixiodoc_desktop.imaging.measure import measure
from pixiodoc_desktop.sharing.site_names import site_labels
from pixiodoc_desktop.vault.schema import Comparison, Lesion, Patient, Photo, Visit


@dataclass(slots=True)
class Contents:
    """The viewer's record (JSON-ready) and, per photo, where to fetch its two images."""

    record: dict[str, Any]
    images: list[tuple[str, str, str]] = field(default_factory=list)  # (photo id, kind, blob)
    patient_key: bytes = b""

    @property
    def visits(self) -> int:
        return len(self.record["visits"])

    @property
    def photos(self) -> int:
        return len(self.record["photos"])


def _age(birth: dt.date | None, today: dt.date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def gather(
    ws: Workstation,
    actor: Actor,
    patient_id: str,
    *,
    visit_ids: list[str],
    lesion_id: str | None,
    today: dt.date,
) -> Contents:
    """The record to share: all visits when none are named, else those; one lesion's photos
    when a lesion is named."""
    vault = ws.vault
    with ws.read_session() as session:
        patient = session.get(Patient, patient_id)
        if patient is None or patient.deleted:
            raise RecordNotFound(f"There is no patient {patient_id}")
        require_audited(ws, session, actor, patient_id, Action.EXPORT)
        require_sharing_consent(ws, actor, session, patient_id, what="secure link")
        query = select(Visit).where(Visit.patient_id == patient_id, ~Visit.deleted)
        if visit_ids:
            query = query.where(Visit.id.in_(visit_ids))
        visits = list(session.scalars(query.order_by(Visit.visit_date)))
        if visit_ids and len(visits) != len(set(visit_ids)):
            raise InvalidInput("A chosen visit does not belong to this patient")
        photo_query = select(Photo).where(
            Photo.visit_id.in_([v.id for v in visits]), ~Photo.deleted
        )
        lesions = {
            lesion.id: lesion
            for lesion in session.scalars(
                select(Lesion).where(Lesion.patient_id == patient_id, ~Lesion.deleted)
            )
        }
        if lesion_id is not None:
            if lesion_id not in lesions:
                raise InvalidInput("The chosen lesion does not belong to this patient")
            photo_query = photo_query.where(Photo.lesion_id == lesion_id)
        photos = list(session.scalars(photo_query.order_by(Photo.captured_at, Photo.created_at)))
        if not photos:
            raise InvalidInput("The chosen visits hold no photos to share")
        if lesion_id is not None:
            with_photos = {p.visit_id for p in photos}
            visits = [v for v in visits if v.id in with_photos]
        contents = Contents(
            {
                "clinic": vault.setting("clinic_name") or "",
                "patient": {
                    "name": f"{patient.given_name} {patient.family_name}".strip(),
                    "age": _age(patient.birth_date, today),
                    "sex": patient.sex,
                },
                "visits": [
                    {
                        "id": v.id,
                        "date": v.visit_date.isoformat(),
                        "reason": v.reason,
                        "conditions": list(v.conditions),
                        "treatment": v.treatment,
                        "notes": v.notes,
                    }
                    for v in visits
                ],
                "lesions": [
                    {"id": lesion.id, "label": lesion.label, "site": lesion.body_site}
                    for lesion in lesions.values()
                    if any(p.lesion_id == lesion.id for p in photos)
                ],
                "photos": [],
            },
            patient_key=vault.patient_key(session, patient_id),
        )
        contents.record["comparisons"] = _comparisons(session, patient_id, photos)
        for photo in photos:
            names = site_labels(photo.body_site)  # both travel; the page picks the browser's
            contents.record["photos"].append(
                {
                    "id": photo.id,
                    "visit": photo.visit_id,
                    "lesion": photo.lesion_id,
                    "site": photo.body_site,
                    "site_label": names["en"],
                    "site_labels": names,
                    "modality": photo.modality,
                    "captured_at": photo.captured_at.isoformat() if photo.captured_at else None,
                    "width": photo.width,
                    "height": photo.height,
                    "px_per_mm": photo.calibration_px_per_mm,
                    "notes": photo.notes,
                }
            )
            contents.images.append((photo.id, "screen", photo.screen_blob_id))
            contents.images.append((photo.id, "thumbnail", photo.thumbnail_blob_id))
    return contents


def _comparisons(session: Any, patient_id: str, photos: list[Photo]) -> list[dict[str, Any]]:
    """The saved comparisons of two shared photos: alignment (after -> before, in photo
    pixels) and measurements (the traces, and their values in mm where calibrated)."""
    shared = {p.id: p for p in photos}
    out = []
    for comparison in session.scalars(
        select(Comparison)
        .where(Comparison.patient_id == patient_id, ~Comparison.deleted)
        .order_by(Comparison.created_at)
    ):
        before = shared.get(comparison.before_photo_id)
        after = shared.get(comparison.after_photo_id)
        if before is None or after is None:
            continue
        alignment = comparison.alignment or {}
        traces = []
        for trace in comparison.measurements or []:
            if not isinstance(trace, dict):
                continue
            photo = before if trace.get("side") == "before" else after
            try:
                value = measure(
                    str(trace.get("kind")),
                    [tuple(p) for p in trace.get("points", [])],
                    photo.calibration_px_per_mm,
                )
            except (InvalidInput, TypeError, ValueError):
                continue
            calibrated = bool(photo.calibration_px_per_mm)
            traces.append(
                {
                    "kind": str(trace.get("kind")),
                    "side": "before" if photo is before else "after",
                    "points": trace.get("points", []),
                    "label": str(trace.get("label") or "")[:40],
                    # mm or mm² on a calibrated photo, as the workstation shows it; on an
                    # uncalibrated one the page says so instead of a size in pixels.
                    "value": round(value.value, 1) if calibrated else None,
                    "unit": value.unit if calibrated else None,
                }
            )
        out.append(
            {
                "id": comparison.id,
                "title": comparison.title,
                "before": before.id,
                "after": after.id,
                "homography": alignment.get("homography") if comparison.aligned else None,
                "measurements": traces,
            }
        )
    return out
