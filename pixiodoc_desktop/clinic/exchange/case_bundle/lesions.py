"""A case bundle's lesions, recorded with the new record: label, site, place on the body
map, status, biopsies and excisions, the tracking UID that names the lesion across clinics
(kept unless this vault has a lesion with it already), and the measurements taken on the
bundle's photos. A value out of range is left out (a place off the map, an unknown status
reads "new"); a malformed entry refuses the bundle as incomplete (recording.py)."""

from __future__ import annotations

import datetime as dt
import math
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.records.body_sites import body_site
from pixiodoc_desktop.clinic.records.lesion_sizes import SizeSource
from pixiodoc_desktop.clinic.records.visits import LesionStatus, MapView, ProcedureKind
from pixiodoc_desktop.errors import InvalidInput
from pixiodoc_desktop.vault.schema import Lesion, LesionMeasurement

MAX_LESIONS = 2000


def _fraction(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) and 0.0 <= value <= 1.0 else None


def _size(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) and 0.0 <= value <= 1e5 else None


def _site(code: object) -> str:
    try:
        return body_site(str(code)).code
    except InvalidInput:
        raise ValueError("body site") from None  # refused as incomplete, as other bad entries


def _history(raw: object) -> list[dict[str, str]]:
    out = []
    for entry in raw if isinstance(raw, list) else []:
        kind = ProcedureKind(str(entry["kind"]))
        out.append(
            {
                "kind": kind.value,
                "date": dt.date.fromisoformat(str(entry["date"])).isoformat(),
                "histology": str(entry.get("histology") or "")[:5000],
                "by": "",
            }
        )
    return sorted(out, key=lambda e: e["date"])


def record_lesions(session: Session, patient_id: str, manifest: dict[str, Any]) -> dict[str, str]:
    """Add the manifest's lesions to the new record; {bundle lesion id: new id}."""
    entries = manifest.get("lesions", [])
    if not isinstance(entries, list) or len(entries) > MAX_LESIONS:
        raise ValueError("lesions")
    ids: dict[str, str] = {}
    for entry in entries:
        new_id = str(uuid.uuid4())
        uid = str(entry.get("tracking_uid") or "")[:64]
        taken = uid and session.scalar(select(Lesion.id).where(Lesion.tracking_uid == uid))
        view = entry.get("map_view")
        x, y = _fraction(entry.get("map_x")), _fraction(entry.get("map_y"))
        placed = view in {v.value for v in MapView} and x is not None and y is not None
        status = str(entry.get("status") or "new")
        session.add(
            Lesion(
                id=new_id,
                patient_id=patient_id,
                tracking_uid=uid if uid and not taken else f"2.25.{uuid.uuid4().int}",
                body_site=_site(entry.get("body_site")),
                label=str(entry["label"])[:200] or "Lesion",
                notes=str(entry.get("notes") or ""),
                map_view=view if placed else None,
                map_x=x if placed else None,
                map_y=y if placed else None,
                status=status if status in {s.value for s in LesionStatus} else "new",
                history=_history(entry.get("history")),
            )
        )
        ids[str(entry["id"])] = new_id
    return ids


def record_measurements(
    session: Session,
    patient_id: str,
    manifest: dict[str, Any],
    lesion_ids: dict[str, str],
    photo_ids: dict[str, tuple[str, dt.date]],
) -> int:
    """Add the measurements taken on the bundle's photos; how many."""
    entries = manifest.get("lesion_measurements", [])
    if not isinstance(entries, list):
        raise ValueError("lesion_measurements")
    count = 0
    for entry in entries:
        lesion = lesion_ids.get(str(entry["lesion_id"]))
        photo = photo_ids.get(str(entry["photo_id"]))
        area, diameter = _size(entry.get("area_mm2")), _size(entry.get("diameter_mm"))
        if lesion is None or photo is None or area is None or diameter is None:
            continue
        points = [[float(p[0]), float(p[1])] for p in entry.get("points") or []][:5000]
        session.add(
            LesionMeasurement(
                id=str(uuid.uuid4()),
                patient_id=patient_id,
                lesion_id=lesion,
                photo_id=photo[0],
                measured_on=photo[1],
                area_mm2=area,
                diameter_mm=diameter,
                perimeter_mm=_size(entry.get("perimeter_mm")),
                asymmetry=_size(entry.get("asymmetry")),
                source=SizeSource(str(entry.get("source") or "outline")).value,
                points=points,
            )
        )
        count += 1
    return count
