"""A followed lesion's size over visits and whether it grew past the clinic's threshold.

Each measurement belongs to one photo of the lesion (the automatic outline, accepted or
corrected by the clinician, or a traced outline): area, largest diameter, perimeter and
asymmetry. The lesion's status on the body map follows from them: a biopsy or excision
stands; a largest diameter grown by the clinic's threshold (a clinic-wide setting, 1 mm
unless changed) since its first measured visit makes it "grown"; a lesion first measured
at the patient's latest visit is "new"; one measured at two visits or more that did not
grow is "stable". A lesion never measured keeps the status the clinician gave it.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.access.permissions import Action, require, require_audited
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import InvalidInput, PermissionDenied, RecordNotFound
from pixiodoc_desktop.vault.schema import Lesion, LesionMeasurement, Photo, Setting, Visit

GROWTH_SETTING = "lesion_growth_mm"
DEFAULT_GROWTH_MM = 1.0
MIN_GROWTH_MM = 0.1
MAX_GROWTH_MM = 10.0
MAX_POINTS = 5000
# Statuses the measurements decide; a procedure's status (biopsied, excised) always stands.
_MEASURED_STATUSES = ("new", "grown", "stable")


class SizeSource(StrEnum):
    OUTLINE = "outline"  # the automatic outline, accepted as proposed
    CORRECTED = "corrected"  # the automatic outline, its points dragged by the clinician
    TRACED = "traced"  # traced by hand


@dataclass(frozen=True, slots=True)
class LesionSize:
    """The lesion measured on one photo."""

    id: str
    lesion_id: str
    photo_id: str
    measured_on: dt.date
    area_mm2: float
    diameter_mm: float
    perimeter_mm: float | None
    asymmetry: float | None
    source: SizeSource


def _size(row: LesionMeasurement) -> LesionSize:
    return LesionSize(
        row.id,
        row.lesion_id,
        row.photo_id,
        row.measured_on,
        row.area_mm2,
        row.diameter_mm,
        row.perimeter_mm,
        row.asymmetry,
        SizeSource(row.source),
    )


def per_visit(sizes: Iterable[LesionSize]) -> list[LesionSize]:
    """One measurement per visit date (the last one taken that day), oldest first."""
    by_day: dict[dt.date, LesionSize] = {}
    for size in sizes:
        by_day[size.measured_on] = size
    return [by_day[day] for day in sorted(by_day)]


def growth_mm(sizes: Sequence[LesionSize]) -> float | None:
    """How much the largest diameter grew from the first measured visit to the latest."""
    visits = per_visit(sizes)
    if len(visits) < 2:
        return None
    return visits[-1].diameter_mm - visits[0].diameter_mm


def assessed_status(
    recorded: str,
    sizes: Sequence[LesionSize],
    latest_visit: dt.date | None,
    threshold_mm: float,
) -> str:
    """The status the body map shows, from the recorded one and the measurements."""
    if recorded not in _MEASURED_STATUSES:
        return recorded  # biopsied, excised: a procedure stands whatever the size did
    visits = per_visit(sizes)
    if not visits:
        return recorded
    grown = growth_mm(visits)
    if grown is not None and grown >= threshold_mm - 1e-9:
        return "grown"
    if len(visits) == 1:
        return "new" if visits[0].measured_on == latest_visit else recorded
    return "grown" if recorded == "grown" else "stable"  # the clinician's "grown" stands


def sizes_of_patient(session: Session, patient_id: str) -> dict[str, tuple[LesionSize, ...]]:
    """Every live measurement of the patient's lesions, by lesion id, oldest first."""
    rows = session.scalars(
        select(LesionMeasurement)
        .where(LesionMeasurement.patient_id == patient_id, ~LesionMeasurement.deleted)
        .order_by(LesionMeasurement.measured_on, LesionMeasurement.created_at)
    )
    out: dict[str, list[LesionSize]] = {}
    for row in rows:
        out.setdefault(row.lesion_id, []).append(_size(row))
    return {lesion_id: tuple(sizes) for lesion_id, sizes in out.items()}


def latest_visit_of(session: Session, patient_id: str) -> dt.date | None:
    return session.scalar(
        select(Visit.visit_date)
        .where(Visit.patient_id == patient_id, ~Visit.deleted)
        .order_by(Visit.visit_date.desc())
        .limit(1)
    )


def growth_threshold_in(session: Session) -> float:
    row = session.get(Setting, GROWTH_SETTING)
    try:
        return float(row.value) if row is not None else DEFAULT_GROWTH_MM
    except ValueError:
        return DEFAULT_GROWTH_MM


def _checked(value: float | None, name: str, *, optional: bool = False) -> float | None:
    if value is None and optional:
        return None
    if value is None or not math.isfinite(value) or value < 0 or value > 1e5:
        raise InvalidInput(f"A lesion's {name} must be a finite, positive number")
    return float(value)


class LesionSizes:
    """Record a lesion's measurement on a photo; read them; the clinic's growth threshold."""

    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation

    def record(
        self,
        actor: Actor,
        lesion_id: str,
        photo_id: str,
        *,
        area_mm2: float,
        diameter_mm: float,
        perimeter_mm: float | None = None,
        asymmetry: float | None = None,
        source: SizeSource | str = SizeSource.OUTLINE,
        points: Sequence[tuple[float, float]] = (),
    ) -> LesionSize:
        try:
            kind = SizeSource(source)
        except ValueError:
            names = ", ".join(s.value for s in SizeSource)
            raise InvalidInput(f"A measurement comes from {names}, not {source!r}") from None
        area = _checked(area_mm2, "area")
        diameter = _checked(diameter_mm, "diameter")
        perimeter = _checked(perimeter_mm, "perimeter", optional=True)
        asym = _checked(asymmetry, "asymmetry", optional=True)
        if len(points) > MAX_POINTS:
            raise InvalidInput(f"An outline has at most {MAX_POINTS} points")
        outline = [[float(x), float(y)] for x, y in points]
        if not all(math.isfinite(v) for p in outline for v in p):
            raise InvalidInput("An outline's points must be finite numbers")
        with self.ws.unit_of_work(actor) as uow:
            lesion = uow.session.get(Lesion, lesion_id)
            if lesion is None or lesion.deleted:
                raise RecordNotFound(f"There is no lesion {lesion_id}")
            require(uow.session, actor, lesion.patient_id, Action.EDIT)
            photo = uow.session.get(Photo, photo_id)
            if photo is None or photo.deleted or photo.patient_id != lesion.patient_id:
                raise RecordNotFound(f"There is no photo {photo_id} of this patient")
            visit = uow.session.get(Visit, photo.visit_id)
            assert visit is not None  # a photo always belongs to a visit
            row = LesionMeasurement(
                id=str(uuid.uuid4()),
                patient_id=lesion.patient_id,
                lesion_id=lesion.id,
                photo_id=photo.id,
                measured_on=visit.visit_date,
                area_mm2=area,
                diameter_mm=diameter,
                perimeter_mm=perimeter,
                asymmetry=asym,
                source=kind.value,
                points=outline,
            )
            uow.session.add(row)
            uow.audit(
                audit.EventDraft(
                    audit.EventType.PATIENT_UPDATED,
                    actor.user_id,
                    patient_id=lesion.patient_id,
                    object_type="lesion",
                    object_id=lesion.id,
                    details={"change": "measurement", "source": kind.value},
                )
            )
            uow.session.flush()
            return _size(row)

    def of_lesion(self, actor: Actor, lesion_id: str) -> list[LesionSize]:
        """The lesion's measurements, oldest first."""
        with self.ws.read_session() as session:
            lesion = session.get(Lesion, lesion_id)
            if lesion is None or lesion.deleted:
                raise RecordNotFound(f"There is no lesion {lesion_id}")
            require_audited(self.ws, session, actor, lesion.patient_id, Action.VIEW)
            return list(sizes_of_patient(session, lesion.patient_id).get(lesion_id, ()))

    def growth_threshold_mm(self) -> float:
        with self.ws.read_session() as session:
            return growth_threshold_in(session)

    def set_growth_threshold_mm(self, actor: Actor, mm: float) -> float:
        """The clinic's threshold: a lesion whose diameter grew this much shows as grown."""
        if not actor.is_workspace_admin:
            denied = PermissionDenied("Only a workspace admin changes the clinic's settings")
            self.ws.audit_alone(
                audit.EventDraft(
                    audit.EventType.SECURITY_SETTING_CHANGED,
                    actor.user_id,
                    object_type="setting",
                    object_id=GROWTH_SETTING,
                    outcome=audit.Outcome.DENIED,
                )
            )
            raise denied
        if not (math.isfinite(mm) and MIN_GROWTH_MM <= mm <= MAX_GROWTH_MM):
            raise InvalidInput(
                f"The growth threshold lies between {MIN_GROWTH_MM} and {MAX_GROWTH_MM} mm"
            )
        previous = self.growth_threshold_mm()
        with self.ws.unit_of_work(actor) as uow:
            row = uow.session.get(Setting, GROWTH_SETTING)
            if row is None:
                uow.session.add(Setting(key=GROWTH_SETTING, value=str(mm)))
            else:
                row.value = str(mm)
            uow.audit(
                audit.EventDraft(
                    audit.EventType.SECURITY_SETTING_CHANGED,
                    actor.user_id,
                    object_type="setting",
                    object_id=GROWTH_SETTING,
                    details={"setting": "lesion growth threshold", "from": previous, "to": mm},
                )
            )
        return mm
