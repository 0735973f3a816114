"""Second opinions: a colleague's reply through a secure link, kept as part of the record.

An opinion names who wrote it (as they gave their name and role), when, the
free text, a suggested diagnosis and a recommendation, and any marks they
drew on a shared photo (arrows and circles in that photo's pixels). It is
written by the sync round that collects the reply (sharing/rounds.py), which
audits it (PATIENT_UPDATED, "second opinion"); it syncs like any record. The
clinician who shared the link is told: an opinion stays "new" for them until
they open the record.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pixiodoc_desktop.clinic.access.permissions import Action, require
from pixiodoc_desktop.clinic.workstation import AccessDenied, Actor, UnitOfWork, Workstation
from pixiodoc_desktop.vault.schema import Patient, Photo, SecondOpinion, utcnow

MARK_KINDS = ("arrow", "circle")
MAX_MARKS = 40


@dataclass(frozen=True, slots=True)
class PhotoMark:
    """An arrow (from the first point to the second) or a circle (centre, a point on it)."""

    photo_id: str
    kind: str
    points: tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True, slots=True)
class SecondOpinionSummary:
    id: str
    patient_id: str
    visit_id: str | None
    link_id: str
    author_name: str
    author_role: str
    written_at: dt.datetime | None  # as the colleague's browser gave it (UTC)
    received_at: dt.datetime  # when the clinic took it in (UTC)
    opinion: str
    diagnosis: str
    recommendation: str
    marks: tuple[PhotoMark, ...]
    for_clinician: str
    seen: bool

    @property
    def author(self) -> str:
        return ", ".join(part for part in (self.author_name, self.author_role) if part)

    @property
    def when(self) -> dt.datetime:
        return self.written_at or self.received_at

    def marks_on(self, photo_id: str) -> list[PhotoMark]:
        return [m for m in self.marks if m.photo_id == photo_id]


def clean_marks(raw: Any) -> list[dict[str, Any]]:
    """The marks of a reply as stored: known kinds, two finite points each, at most 40."""
    out: list[dict[str, Any]] = []
    if not isinstance(raw, list):
        return out
    for item in raw[:MAX_MARKS]:
        if not isinstance(item, dict) or item.get("kind") not in MARK_KINDS:
            continue
        points = item.get("points")
        if not isinstance(points, list) or len(points) != 2:
            continue
        try:
            pairs = [[float(p[0]), float(p[1])] for p in points]
        except (TypeError, ValueError, IndexError, KeyError):
            continue
        if not all(math.isfinite(v) and abs(v) < 100_000 for pair in pairs for v in pair):
            continue
        out.append(
            {"photo": str(item.get("photo") or "")[:36], "kind": item["kind"], "points": pairs}
        )
    return out


def summary(row: SecondOpinion) -> SecondOpinionSummary:
    marks = tuple(
        PhotoMark(
            str(m["photo"]),
            str(m["kind"]),
            (
                (float(m["points"][0][0]), float(m["points"][0][1])),
                (float(m["points"][1][0]), float(m["points"][1][1])),
            ),
        )
        for m in clean_marks(row.marks)
    )
    return SecondOpinionSummary(
        row.id,
        row.patient_id,
        row.visit_id,
        row.link_id,
        row.author_name,
        row.author_role,
        row.written_at,
        row.created_at,
        row.opinion,
        row.diagnosis,
        row.recommendation,
        marks,
        row.for_clinician,
        row.seen_at is not None,
    )


def of_patient(session: Session, patient_id: str) -> tuple[SecondOpinionSummary, ...]:
    """The patient's opinions, newest first (read inside an access-checked session)."""
    rows = session.scalars(
        select(SecondOpinion)
        .where(SecondOpinion.patient_id == patient_id, ~SecondOpinion.deleted)
        .order_by(SecondOpinion.created_at.desc(), SecondOpinion.id)
    )
    return tuple(summary(row) for row in rows)


def add(
    uow: UnitOfWork,
    *,
    patient_id: str,
    visit_id: str | None,
    link_id: str,
    reply: dict[str, Any],
    for_clinician: str,
) -> SecondOpinion:
    """Write a reply as an opinion of the record in `uow` (the caller audits it). Marks on
    a photo that is not this patient's are dropped."""
    marks = clean_marks(reply.get("marks"))
    if marks:
        own = set(
            uow.session.scalars(
                select(Photo.id).where(
                    Photo.patient_id == patient_id, Photo.id.in_({m["photo"] for m in marks})
                )
            )
        )
        marks = [m for m in marks if m["photo"] in own]
    written: dt.datetime | None = None
    try:
        moment = dt.datetime.fromisoformat(
            str(reply.get("written_at") or "").replace("Z", "+00:00")
        )
        written = moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment
    except ValueError:
        written = None
    row = SecondOpinion(
        id=str(uuid.uuid4()),
        patient_id=patient_id,
        visit_id=visit_id,
        link_id=link_id,
        author_name=str(reply.get("name") or "").strip(),
        author_role=str(reply.get("role") or "").strip(),
        written_at=written,
        opinion=str(reply.get("opinion") or "").strip(),
        diagnosis=str(reply.get("diagnosis") or "").strip(),
        recommendation=str(reply.get("recommendation") or "").strip(),
        marks=marks,
        for_clinician=for_clinician,
        seen_at=None,
        deleted=False,
    )
    uow.session.add(row)
    return row


class SecondOpinions:
    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation

    def unseen(self, actor: Actor) -> list[tuple[str, str, str]]:
        """(opinion id, patient id, patient's name) of the opinions on links this clinician
        shared that they have not seen yet, on records they may still view."""
        out = []
        with self.ws.read_session() as session:
            rows = session.execute(
                select(SecondOpinion.id, SecondOpinion.patient_id, Patient)
                .join(Patient, Patient.id == SecondOpinion.patient_id)
                .where(
                    SecondOpinion.for_clinician == actor.user_id,
                    SecondOpinion.seen_at.is_(None),
                    ~SecondOpinion.deleted,
                    ~Patient.deleted,
                )
                .order_by(SecondOpinion.created_at)
            ).all()
            for opinion_id, patient_id, patient in rows:
                try:
                    require(session, actor, patient_id, Action.VIEW)
                except AccessDenied:
                    continue
                name = (
                    f"{patient.family_name}, {patient.given_name}"
                    if patient.given_name
                    else patient.family_name
                )
                out.append((opinion_id, patient_id, name))
        return out

    def mark_seen(self, actor: Actor, patient_id: str) -> int:
        """The sharing clinician opened the record: their new opinions on it are seen."""
        with self.ws.unit_of_work(actor) as uow:
            rows = list(
                uow.session.scalars(
                    select(SecondOpinion).where(
                        SecondOpinion.patient_id == patient_id,
                        SecondOpinion.for_clinician == actor.user_id,
                        SecondOpinion.seen_at.is_(None),
                    )
                )
            )
            for row in rows:
                row.seen_at = utcnow()
        return len(rows)
