"""What a patient list shows of each patient: `PatientSummary` (with the photo count,
the last visit and the acting clinician's access), a page of them, and how both are
read in a few queries for many patients at once (columns, not ORM objects).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from sqlalchemy import Integer, Select, bindparam, case, func, literal_column, select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.access.permissions import LEVELS, PRACTICE
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.vault.schema import Grant, Patient, Photo, Visit

SUMMARY_COLUMNS = (
    Patient.id,
    Patient.family_name,
    Patient.given_name,
    Patient.birth_date,
    Patient.sex,
    Patient.external_id,
    Patient.notes,
    Patient.origin,
)


class PatientColumns(Protocol):
    """What a summary is made of: a `Patient` row object, or a row of `SUMMARY_COLUMNS`."""

    @property
    def id(self) -> str: ...
    @property
    def family_name(self) -> str: ...
    @property
    def given_name(self) -> str: ...
    @property
    def birth_date(self) -> dt.date | None: ...
    @property
    def sex(self) -> str: ...
    @property
    def external_id(self) -> str | None: ...
    @property
    def notes(self) -> str: ...
    @property
    def origin(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class PatientSummary:
    id: str
    family_name: str
    given_name: str
    birth_date: dt.date | None
    sex: str
    external_id: str | None
    notes: str
    photo_count: int
    last_visit: dt.date | None
    access: str  # the acting clinician's level: view | edit | admin
    origin: str | None = None  # set on View Only records imported from a case bundle

    @property
    def display_name(self) -> str:
        return f"{self.family_name}, {self.given_name}" if self.given_name else self.family_name


PAGE = 50  # rows the patient list asks for at a time: a screenful and some
COUNT_CAP = 1_000  # the list counts matches up to this; past it, "more than 1,000"


@dataclass(frozen=True, slots=True)
class PatientPage:
    """A page of a patient search's matches (in search-key order), whether more follow,
    and how many match in all (None when not counted: `Patients.count_matches` says)."""

    patients: tuple[PatientSummary, ...]
    offset: int
    more: bool
    total: int | None


def access_levels(session: Session, actor: Actor, ids: list[str]) -> dict[str, str]:
    """The acting clinician's level (view | edit | admin) on each patient, by id."""
    out: dict[str, str] = {}
    if not ids:
        return out
    rows = session.execute(
        select(Grant.patient_id, Grant.level).where(
            Grant.patient_id.in_(bindparam("ids", expanding=True)),
            Grant.grantee.in_((actor.user_id, PRACTICE)),
        ),
        {"ids": ids},
    ).all()
    for patient_id, level in rows:
        if patient_id not in out or LEVELS.index(level) > LEVELS.index(out[patient_id]):
            out[patient_id] = level
    return out


def summaries(
    session: Session, patients: Sequence[PatientColumns], levels: dict[str, str]
) -> list[PatientSummary]:
    ids = [p.id for p in patients]
    counts: dict[str, int] = {}
    last: dict[str, dt.date] = {}
    if ids:
        counts = {
            pid: int(n)
            for pid, n in session.execute(
                select(Photo.patient_id, func.count())
                .where(Photo.patient_id.in_(bindparam("ids", expanding=True)), ~Photo.deleted)
                .group_by(Photo.patient_id),
                {"ids": ids},
            )
        }
        last = dict(
            session.execute(
                select(Visit.patient_id, func.max(Visit.visit_date))
                .where(Visit.patient_id.in_(bindparam("ids", expanding=True)), ~Visit.deleted)
                .group_by(Visit.patient_id),
                {"ids": ids},
            ).all()
        )
    return [
        PatientSummary(
            id=p.id,
            family_name=p.family_name,
            given_name=p.given_name,
            birth_date=p.birth_date,
            sex=p.sex,
            external_id=p.external_id,
            notes=p.notes,
            photo_count=counts.get(p.id, 0),
            last_visit=last.get(p.id),
            access=levels.get(p.id, "view"),
            origin=p.origin,
        )
        for p in patients
    ]


@cache
def _page_statement() -> Select[Any]:
    """The summaries of the patients whose rowids are :rowids, with each one's photo
    count, last visit and the rank of the best grant :viewers hold (NULL: none), made
    once, of table columns (SQLAlchemy runs it as plain Core: building and compiling an
    ORM statement costs more than SQLite takes to answer it)."""
    patients, photos, visits, grants = (
        table.__table__.c for table in (Patient, Photo, Visit, Grant)
    )
    photo_count = (
        select(func.count())
        .where(photos.patient_id == patients.id, ~photos.deleted)
        .scalar_subquery()
    )
    last_visit = (
        select(func.max(visits.visit_date))
        .where(visits.patient_id == patients.id, ~visits.deleted)
        .scalar_subquery()
    )
    rank = case(*((grants.level == level, i) for i, level in enumerate(LEVELS)), else_=0)
    level = (
        select(func.max(rank))
        .where(
            grants.patient_id == patients.id,
            grants.grantee.in_(bindparam("viewers", expanding=True)),
        )
        .scalar_subquery()
    )
    rowid = literal_column("patients.rowid", Integer)
    columns = [patients[column.key] for column in SUMMARY_COLUMNS]
    return select(rowid, patients.deleted, photo_count, last_visit, level, *columns).where(
        rowid.in_(bindparam("rowids", expanding=True))
    )


def visible_summaries(
    session: Session, actor: Actor, rowids: Sequence[int]
) -> list[PatientSummary]:
    """The summaries of the patients at these rowids, in their order, leaving out the
    deleted ones and those the actor may not see: one query for a page of the patient
    list (its rows' photo counts, last visits and the actor's level looked up by index).
    """
    if not rowids:
        return []
    rows = session.execute(
        _page_statement(), {"rowids": list(rowids), "viewers": [actor.user_id, PRACTICE]}
    )
    by_rowid = {row[0]: row for row in rows}
    out = []
    for rowid in rowids:
        row = by_rowid.get(rowid)
        if row is None or row.deleted or row[4] is None:
            continue
        _rowid, _deleted, count, last, rank, *_columns = row
        out.append(
            PatientSummary(
                id=row.id,
                family_name=row.family_name,
                given_name=row.given_name,
                birth_date=row.birth_date,
                sex=row.sex,
                external_id=row.external_id,
                notes=row.notes,
                photo_count=int(count or 0),
                last_visit=last,
                access=LEVELS[int(rank)],
                origin=row.origin,
            )
        )
    return out
