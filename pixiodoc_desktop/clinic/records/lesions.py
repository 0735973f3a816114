"""Lesions: the spots a clinic follows over time, on the body map, with their procedures.

A lesion has a stable tracking UID, a body site, a label, a place on the body map,
a status (assessed from its measurements, see `lesion_sizes`) and a history of
biopsies and excisions. Its names are importable from `visits` too.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.access.permissions import Action, require, require_audited
from pixiodoc_desktop.clinic.records.body_sites import body_site
from pixiodoc_desktop.clinic.records.lesion_sizes import (
    DEFAULT_GROWTH_MM,
    LesionSize,
    assessed_status,
    growth_threshold_in,
    latest_visit_of,
    sizes_of_patient,
)
from pixiodoc_desktop.clinic.records.record_changes import audit_update, live_patient
from pixiodoc_desktop.clinic.workstation import Actor, UnitOfWork, Workstation
from pixiodoc_desktop.errors import InvalidInput, RecordNotFound
from pixiodoc_desktop.vault.schema import Lesion


class LesionStatus(StrEnum):
    """Where a followed lesion stands (the body map colours its marker by it)."""

    NEW = "new"  # new since the last visit
    GROWN = "grown"  # grew over the clinic's threshold
    STABLE = "stable"
    BIOPSIED = "biopsied"
    EXCISED = "excised"


class MapView(StrEnum):
    """The body map's views: the whole body from four sides, and three close-ups."""

    FRONT = "front"
    BACK = "back"
    LEFT = "left"  # the patient's left side
    RIGHT = "right"
    HEAD = "head"  # face and scalp
    HANDS = "hands"
    FEET = "feet"


class ProcedureKind(StrEnum):
    BIOPSY = "biopsy"
    EXCISION = "excision"


_STATUS_AFTER = {
    ProcedureKind.BIOPSY: LesionStatus.BIOPSIED,
    ProcedureKind.EXCISION: LesionStatus.EXCISED,
}


@dataclass(frozen=True, slots=True)
class MapPosition:
    """A point on one view of the body map, as fractions of the view's width and height."""

    view: MapView
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class LesionProcedure:
    """A biopsy or an excision of the lesion: when, what histology found, who recorded it."""

    kind: ProcedureKind
    date: dt.date
    histology: str
    recorded_by: str


@dataclass(frozen=True, slots=True)
class LesionSummary:
    id: str
    patient_id: str
    tracking_uid: str
    body_site: str
    label: str
    notes: str
    status: LesionStatus = LesionStatus.NEW
    position: MapPosition | None = None
    history: tuple[LesionProcedure, ...] = ()
    # Its measurements, oldest first; `status` is assessed from them (lesion_sizes.py),
    # `recorded_status` is what was stored (set by hand or by a procedure).
    sizes: tuple[LesionSize, ...] = ()
    recorded_status: LesionStatus = LesionStatus.NEW


def _lesion(
    x: Lesion,
    sizes: tuple[LesionSize, ...] = (),
    latest_visit: dt.date | None = None,
    threshold_mm: float = DEFAULT_GROWTH_MM,
) -> LesionSummary:
    position = None
    if x.map_view is not None and x.map_x is not None and x.map_y is not None:
        position = MapPosition(MapView(x.map_view), x.map_x, x.map_y)
    history = tuple(
        LesionProcedure(
            ProcedureKind(entry["kind"]),
            dt.date.fromisoformat(entry["date"]),
            str(entry.get("histology", "")),
            str(entry.get("by", "")),
        )
        for entry in (x.history or [])
    )
    recorded = LesionStatus(x.status or LesionStatus.NEW)
    return LesionSummary(
        x.id,
        x.patient_id,
        x.tracking_uid,
        x.body_site,
        x.label,
        x.notes,
        LesionStatus(assessed_status(recorded.value, sizes, latest_visit, threshold_mm)),
        position,
        history,
        sizes,
        recorded,
    )


def lesions_of_patient(session: Session, patient_id: str) -> tuple[LesionSummary, ...]:
    """The patient's live lesions by label, with their measurements and assessed status."""
    sizes = sizes_of_patient(session, patient_id)
    latest = latest_visit_of(session, patient_id)
    threshold = growth_threshold_in(session)
    rows = session.scalars(
        select(Lesion)
        .where(Lesion.patient_id == patient_id, ~Lesion.deleted)
        .order_by(Lesion.label)
    )
    return tuple(_lesion(x, sizes.get(x.id, ()), latest, threshold) for x in rows)


def _checked_position(position: MapPosition) -> MapPosition:
    try:
        view = MapView(position.view)
    except ValueError:
        raise InvalidInput(
            f"The body map has no view {position.view!r}; "
            "choose front, back, left, right, head, hands or feet"
        ) from None
    for value in (position.x, position.y):
        if not (math.isfinite(value) and 0.0 <= value <= 1.0):
            raise InvalidInput("A place on the body map must lie within the map")
    return MapPosition(view, float(position.x), float(position.y))


def new_tracking_uid() -> str:
    """A DICOM-style UID (2.25 + UUID as integer), stable for the lesion's life."""
    return f"2.25.{uuid.uuid4().int}"


class Lesions:
    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation

    def create(
        self,
        actor: Actor,
        patient_id: str,
        *,
        body_site_code: str,
        label: str,
        notes: str = "",
        position: MapPosition | None = None,
    ) -> LesionSummary:
        site = body_site(body_site_code)
        if not label.strip():
            raise InvalidInput("A tracked lesion needs a label, e.g. 'naevus left shoulder'")
        place = None if position is None else _checked_position(position)
        with self.ws.unit_of_work(actor) as uow:
            require(uow.session, actor, patient_id, Action.EDIT)
            live_patient(uow, patient_id)
            lesion = Lesion(
                id=str(uuid.uuid4()),
                patient_id=patient_id,
                tracking_uid=new_tracking_uid(),
                body_site=site.code,
                label=label.strip(),
                notes=notes,
                status=LesionStatus.NEW.value,
                history=[],
            )
            if place is not None:
                lesion.map_view, lesion.map_x, lesion.map_y = place.view.value, place.x, place.y
            uow.session.add(lesion)
            audit_update(uow, actor, patient_id, "lesion", lesion.id)
            return _lesion(lesion)

    def list(self, actor: Actor, patient_id: str) -> list[LesionSummary]:
        with self.ws.read_session() as session:
            require_audited(self.ws, session, actor, patient_id, Action.VIEW)
            return list(lesions_of_patient(session, patient_id))

    def relabel(self, actor: Actor, lesion_id: str, label: str) -> LesionSummary:
        """Give the lesion another label (its tracking UID, photos and history stay)."""
        if not label.strip():
            raise InvalidInput("A tracked lesion needs a label, e.g. 'naevus left shoulder'")
        with self.ws.unit_of_work(actor) as uow:
            lesion = self._editable(uow, actor, lesion_id)
            lesion.label = label.strip()
            audit_update(uow, actor, lesion.patient_id, "lesion", lesion.id, change="label")
            return _lesion(lesion)

    def place(self, actor: Actor, lesion_id: str, position: MapPosition) -> LesionSummary:
        """Put the lesion at a point of the body map (or move it there)."""
        place = _checked_position(position)
        with self.ws.unit_of_work(actor) as uow:
            lesion = self._editable(uow, actor, lesion_id)
            lesion.map_view, lesion.map_x, lesion.map_y = place.view.value, place.x, place.y
            audit_update(uow, actor, lesion.patient_id, "lesion", lesion.id, change="map position")
            return _lesion(lesion)

    def set_status(self, actor: Actor, lesion_id: str, status: LesionStatus | str) -> LesionSummary:
        try:
            chosen = LesionStatus(status)
        except ValueError:
            names = ", ".join(s.value for s in LesionStatus)
            raise InvalidInput(f"A lesion's status is one of {names}, not {status!r}") from None
        with self.ws.unit_of_work(actor) as uow:
            lesion = self._editable(uow, actor, lesion_id)
            lesion.status = chosen.value
            audit_update(uow, actor, lesion.patient_id, "lesion", lesion.id, change="status")
            return _lesion(lesion)

    def record_procedure(
        self,
        actor: Actor,
        lesion_id: str,
        kind: ProcedureKind | str,
        *,
        date: dt.date,
        histology: str = "",
    ) -> LesionSummary:
        """Add a biopsy or excision to the lesion's history; its status follows."""
        try:
            procedure = ProcedureKind(kind)
        except ValueError:
            raise InvalidInput(
                f"A lesion's procedure is a biopsy or an excision, not {kind!r}"
            ) from None
        if date > dt.date.today():
            raise InvalidInput("A biopsy or excision cannot be dated in the future")
        with self.ws.unit_of_work(actor) as uow:
            lesion = self._editable(uow, actor, lesion_id)
            entry = {
                "kind": procedure.value,
                "date": date.isoformat(),
                "histology": histology.strip(),
                "by": actor.user_id,
            }
            # A new list, so the change is seen (and synced) as a change of the field.
            lesion.history = sorted([*(lesion.history or []), entry], key=lambda e: e["date"])
            lesion.status = _STATUS_AFTER[procedure].value
            audit_update(uow, actor, lesion.patient_id, "lesion", lesion.id, change=procedure.value)
            return _lesion(lesion)

    def _editable(self, uow: UnitOfWork, actor: Actor, lesion_id: str) -> Lesion:
        lesion = uow.session.get(Lesion, lesion_id)
        if lesion is None or lesion.deleted:
            raise RecordNotFound(f"There is no lesion {lesion_id}")
        require(uow.session, actor, lesion.patient_id, Action.EDIT)
        return lesion
