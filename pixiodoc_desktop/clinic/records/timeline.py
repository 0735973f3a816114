"""A patient's timeline read in one go: record, visits, lesions, consent, photos, thumbnails.

The workstation opens a record many times a day, and a record can hold
thousands of photos; reading it through the separate services costs a
session and an access check each. This reads everything the timeline
shows in one read session with one access check, audits the opening once
(PATIENT_VIEWED), and can return only the newest photos plus their
decrypted thumbnails, so that the first screen appears at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from pixiodoc_desktop.clinic.access.permissions import Action, require_audited
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.body_series import DEFAULT_PROTOCOL, protocol_in
from pixiodoc_desktop.clinic.records.consent import ConsentDecision
from pixiodoc_desktop.clinic.records.lesion_sizes import DEFAULT_GROWTH_MM, growth_threshold_in
from pixiodoc_desktop.clinic.records.patient_summaries import PatientSummary, summaries
from pixiodoc_desktop.clinic.records.photo_summaries import PhotoSummary
from pixiodoc_desktop.clinic.records.photo_summaries import summary as _summary
from pixiodoc_desktop.clinic.records.second_opinions import SecondOpinionSummary, of_patient
from pixiodoc_desktop.clinic.records.visits import (
    LesionSummary,
    VisitSummary,
    _visit,
    lesions_of_patient,
)
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import RecordNotFound
from pixiodoc_desktop.vault.schema import Consent, Patient, Photo, Visit


@dataclass(frozen=True, slots=True)
class PatientTimeline:
    patient: PatientSummary
    visits: tuple[VisitSummary, ...]  # newest first
    lesions: tuple[LesionSummary, ...]
    consents: tuple[ConsentDecision, ...]  # the decision in force per scope
    photos: tuple[PhotoSummary, ...]  # newest visit first, then by capture time
    complete: bool  # False when only the newest `first` photos were read
    thumbnails: dict[str, bytes]  # decrypted thumbnails of the newest photos, if asked for
    growth_threshold_mm: float = DEFAULT_GROWTH_MM  # the clinic's, for the lesions' charts
    series_poses: tuple[str, ...] = DEFAULT_PROTOCOL  # the clinic's total-body protocol
    series_names: tuple[tuple[str, str], ...] = ()  # (pose, the clinic's own name for it)
    opinions: tuple[SecondOpinionSummary, ...] = ()  # second opinions, newest first


class Timelines:
    def __init__(self, workstation: Workstation) -> None:
        self.ws = workstation

    def read(
        self,
        actor: Actor,
        patient_id: str,
        *,
        first: int | None = None,
        thumbnails: int = 0,
        audited: bool = True,
    ) -> PatientTimeline:
        """The timeline; `first` limits the photos, `thumbnails` decrypts that many of them."""
        with self.ws.read_session() as session:
            level = require_audited(self.ws, session, actor, patient_id, Action.VIEW)
            patient = session.get(Patient, patient_id)
            if patient is None or patient.deleted:
                raise RecordNotFound(f"There is no patient {patient_id}")
            summary = summaries(session, [patient], {patient_id: level})[0]
            visits = tuple(
                _visit(v)
                for v in session.scalars(
                    select(Visit)
                    .where(Visit.patient_id == patient_id, ~Visit.deleted)
                    .order_by(Visit.visit_date.desc(), Visit.created_at.desc())
                )
            )
            lesions = lesions_of_patient(session, patient_id)
            threshold = growth_threshold_in(session)
            protocol = protocol_in(session)
            consents = {
                row.scope: ConsentDecision(
                    row.scope, row.granted, row.decided_on, row.created_by, row.note
                )
                for row in session.scalars(
                    select(Consent)
                    .where(Consent.patient_id == patient_id)
                    .order_by(Consent.decided_on, Consent.created_at)
                )
            }
            stmt = (
                select(Photo, Visit.visit_date)
                .join(Visit, Visit.id == Photo.visit_id)
                .where(Photo.patient_id == patient_id, ~Photo.deleted)
                .order_by(Visit.visit_date.desc(), Photo.captured_at, Photo.created_at)
            )
            if first is not None:
                stmt = stmt.limit(first)
            opinions = of_patient(session, patient_id)
            rows = session.execute(stmt).all()
            photos = tuple(_summary(photo, day) for photo, day in rows)
            wanted: Sequence[tuple[str, str]] = [
                (photo.id, photo.thumbnail_blob_id) for photo, _day in rows[: max(0, thumbnails)]
            ]
            key = self.ws.vault.patient_key(session, patient_id) if wanted else b""
        # Thumbnails still in the clinic's bucket (images on demand) are left to the
        # thumbnail loader, which fetches them; the record opens without waiting for them.
        blobs = self.ws.vault.blobs
        decrypted = {pid: blobs.get(blob, key) for pid, blob in wanted if blobs.exists(blob)}
        if audited:
            self.ws.audit_alone(
                audit.EventDraft(
                    audit.EventType.PATIENT_VIEWED,
                    actor.user_id,
                    patient_id=patient_id,
                    object_type="patient",
                    object_id=patient_id,
                )
            )
        return PatientTimeline(
            patient=summary,
            visits=visits,
            lesions=lesions,
            consents=tuple(consents.values()),
            photos=photos,
            complete=first is None or len(photos) < first,
            thumbnails=decrypted,
            growth_threshold_mm=threshold,
            series_poses=tuple(pose.code for pose in protocol),
            series_names=tuple((pose.code, pose.name) for pose in protocol if pose.name),
            opinions=opinions,
        )
