"""Comparisons: two photos of one patient side by side, stored with how they were compared.

A stored comparison keeps the alignment (homography, fit quality, whether a
clinician fixed it by hand), the view options (aligned, normalised) and the
clinician's annotations and measurements as vector data in pixel
coordinates of the photo each belongs to. Nothing is ever burned into a
stored image.

Opening the photos, audited, and the consultation screen's consent rule are
comparison_viewing.py's; the handout export (comparison_handouts.py) is
audited as DATA_EXPORTED.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from pixiodoc_desktop.clinic.access.permissions import Action, require, require_audited
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.body_series import pose_of
from pixiodoc_desktop.clinic.records.comparison_marks import (
    Annotation,
    AnnotationKind,
    MeasurementTrace,
    Side,
)
from pixiodoc_desktop.clinic.records.comparison_viewing import (
    ComparisonViewing,
    NoConsentToShow,
    Screen,
)
from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.errors import InvalidInput, RecordNotFound
from pixiodoc_desktop.imaging.alignment import Alignment
from pixiodoc_desktop.imaging.measure import Measurement, measure
from pixiodoc_desktop.vault.schema import Comparison, Photo

MAX_ANNOTATIONS = 200


__all__ = [
    "Annotation",
    "AnnotationKind",
    "ComparisonRecord",
    "Comparisons",
    "MeasurementTrace",
    "NoConsentToShow",
    "Screen",
    "Side",
    "week_label",
    "weeks_since",
]


@dataclass(frozen=True, slots=True)
class ComparisonRecord:
    id: str
    patient_id: str
    before: PhotoSummary
    after: PhotoSummary
    title: str
    alignment: Alignment | None
    aligned: bool
    normalised: bool
    annotations: tuple[Annotation, ...] = field(default=())
    measurements: tuple[MeasurementTrace, ...] = field(default=())
    version: int = 1

    def measured(self, trace: MeasurementTrace) -> Measurement:
        """The trace's value with the calibration of the photo it was traced on."""
        photo = self.before if trace.side is Side.BEFORE else self.after
        return measure(trace.kind, trace.points, photo.calibration_px_per_mm)


def weeks_since(baseline: dt.date, when: dt.date) -> int:
    """Whole weeks from the baseline visit (0 for the baseline week)."""
    return (when - baseline).days // 7


def week_label(baseline: dt.date, when: dt.date) -> str:
    """'Baseline' or 'Week N' (English; the GUI formats its own translated label)."""
    return "Baseline" if when == baseline else f"Week {weeks_since(baseline, when)}"


def _time_key(photo: PhotoSummary) -> tuple[dt.date, dt.datetime, str]:
    return (photo.visit_date, photo.captured_at or dt.datetime.min, photo.id)


class Comparisons(ComparisonViewing):
    """Pairs chosen like with like, and comparisons stored with how they were compared;
    showing the pair (and the consent it takes) is `ComparisonViewing`'s."""

    # --- choosing photos ---------------------------------------------------------------

    def series(
        self,
        actor: Actor,
        patient_id: str,
        *,
        body_site: str | None = None,
        lesion_id: str | None = None,
        modality: str | None = None,
        pose: str | None = None,
    ) -> list[PhotoSummary]:
        """Every photo of the lesion (or else the body site) in time order: the progression;
        with `modality`, only the photos taken that way; with `pose`, the total-body series'
        photos of that pose."""
        photos = self.photos.list(actor, patient_id)
        if pose is not None:
            photos = [p for p in photos if pose_of(p) == pose]
        elif lesion_id is not None:
            photos = [p for p in photos if p.lesion_id == lesion_id]
        elif body_site is not None:
            photos = [p for p in photos if p.body_site == body_site]
        if modality is not None:
            photos = [p for p in photos if p.modality == modality]
        return sorted(photos, key=_time_key)

    def default_pair(
        self,
        actor: Actor,
        patient_id: str,
        *,
        body_site: str | None = None,
        lesion_id: str | None = None,
        modality: str | None = None,
        pose: str | None = None,
    ) -> tuple[PhotoSummary, PhotoSummary]:
        """The first and the latest photo of the lesion, body site or series pose (in one
        modality)."""
        series = self.series(
            actor,
            patient_id,
            body_site=body_site,
            lesion_id=lesion_id,
            modality=modality,
            pose=pose,
        )
        if len(series) < 2:
            if modality is not None:
                raise InvalidInput(
                    f"A comparison needs at least two photos of this site or lesion taken "
                    f"the same way ({modality}); choose a mixed pair in the compare window"
                )
            raise InvalidInput("A comparison needs at least two photos of this site or lesion")
        return series[0], series[-1]

    def pair_for(self, actor: Actor, photo_id: str) -> tuple[PhotoSummary, PhotoSummary]:
        """Like with like, starting from one photo: the first and latest photo of its lesion
        (else its body site) taken in its modality. A mixed pair is only ever chosen by hand."""
        photo = self.photos.get(actor, photo_id)
        pose = pose_of(photo)
        if pose is not None:  # a total-body series: the same pose in the first and latest
            return self.default_pair(actor, photo.patient_id, pose=pose, modality=photo.modality)
        if photo.lesion_id is not None:
            return self.default_pair(
                actor, photo.patient_id, lesion_id=photo.lesion_id, modality=photo.modality
            )
        return self.default_pair(
            actor, photo.patient_id, body_site=photo.body_site, modality=photo.modality
        )

    # --- storing ---------------------------------------------------------------------------

    def save(
        self,
        actor: Actor,
        before_id: str,
        after_id: str,
        *,
        comparison_id: str | None = None,
        title: str = "",
        alignment: Alignment | None = None,
        aligned: bool = True,
        normalised: bool = False,
        annotations: Sequence[Annotation] = (),
        measurements: Sequence[MeasurementTrace] = (),
    ) -> ComparisonRecord:
        """Create (or, with `comparison_id`, update) a stored comparison; audited."""
        if before_id == after_id:
            raise InvalidInput("Choose two different photos to compare")
        if len(annotations) > MAX_ANNOTATIONS or len(measurements) > MAX_ANNOTATIONS:
            raise InvalidInput(f"A comparison holds at most {MAX_ANNOTATIONS} marks")
        if len(title) > 200:
            raise InvalidInput("The title is longer than 200 characters")
        with self.ws.unit_of_work(actor) as uow:
            photos = {
                p.id: p
                for p in uow.session.scalars(
                    select(Photo).where(Photo.id.in_((before_id, after_id)), ~Photo.deleted)
                )
            }
            if before_id not in photos or after_id not in photos:
                raise RecordNotFound("One of the compared photos does not exist")
            patient_id = photos[before_id].patient_id
            if photos[after_id].patient_id != patient_id:
                raise InvalidInput("Both photos of a comparison must be of the same patient")
            require(uow.session, actor, patient_id, Action.EDIT)
            if comparison_id is None:
                row = Comparison(id=str(uuid.uuid4()), patient_id=patient_id)
                uow.session.add(row)
            else:
                found = uow.session.get(Comparison, comparison_id)
                if found is None or found.deleted or found.patient_id != patient_id:
                    raise RecordNotFound(f"There is no comparison {comparison_id}")
                row = found
            row.before_photo_id = before_id
            row.after_photo_id = after_id
            row.title = title
            row.alignment = alignment.to_json() if alignment is not None else None
            row.aligned = aligned
            row.normalised = normalised
            row.annotations = [a.to_json() for a in annotations]
            row.measurements = [m.to_json() for m in measurements]
            uow.audit(
                audit.EventDraft(
                    audit.EventType.PATIENT_UPDATED,
                    actor.user_id,
                    patient_id=patient_id,
                    object_type="comparison",
                    object_id=row.id,
                    details={
                        "created": comparison_id is None,
                        "annotations": len(annotations),
                        "measurements": len(measurements),
                    },
                )
            )
            uow.session.flush()
            saved_id = row.id
        return self.get(actor, saved_id)

    def get(self, actor: Actor, comparison_id: str) -> ComparisonRecord:
        with self.ws.read_session() as session:
            row = session.get(Comparison, comparison_id)
            if row is None or row.deleted:
                raise RecordNotFound(f"There is no comparison {comparison_id}")
            require_audited(self.ws, session, actor, row.patient_id, Action.VIEW)
            data = _row_data(row)
        return self._record(actor, data)

    def list(self, actor: Actor, patient_id: str) -> list[ComparisonRecord]:
        """The patient's stored comparisons, newest first."""
        with self.ws.read_session() as session:
            require_audited(self.ws, session, actor, patient_id, Action.VIEW)
            live = select(Photo.id).where(Photo.patient_id == patient_id, ~Photo.deleted)
            rows = session.scalars(
                select(Comparison)
                .where(
                    Comparison.patient_id == patient_id,
                    ~Comparison.deleted,
                    # A comparison of a since deleted photo is not offered any more.
                    Comparison.before_photo_id.in_(live),
                    Comparison.after_photo_id.in_(live),
                )
                .order_by(Comparison.updated_at.desc())
            ).all()
            data = [_row_data(row) for row in rows]
        return [self._record(actor, d) for d in data]

    def delete(self, actor: Actor, comparison_id: str) -> None:
        with self.ws.unit_of_work(actor) as uow:
            row = uow.session.get(Comparison, comparison_id)
            if row is None or row.deleted:
                raise RecordNotFound(f"There is no comparison {comparison_id}")
            require(uow.session, actor, row.patient_id, Action.EDIT)
            row.deleted = True
            uow.audit(
                audit.EventDraft(
                    audit.EventType.PATIENT_UPDATED,
                    actor.user_id,
                    patient_id=row.patient_id,
                    object_type="comparison",
                    object_id=row.id,
                    details={"deleted": True},
                )
            )

    def _record(self, actor: Actor, data: dict[str, Any]) -> ComparisonRecord:
        alignment = data["alignment"]
        return ComparisonRecord(
            id=data["id"],
            patient_id=data["patient_id"],
            before=self.photos.get(actor, data["before"]),
            after=self.photos.get(actor, data["after"]),
            title=data["title"],
            alignment=Alignment.from_json(alignment) if alignment else None,
            aligned=data["aligned"],
            normalised=data["normalised"],
            annotations=tuple(Annotation.from_json(a) for a in data["annotations"]),
            measurements=tuple(MeasurementTrace.from_json(m) for m in data["measurements"]),
            version=data["version"],
        )


def _row_data(row: Comparison) -> dict[str, Any]:
    return {
        "id": row.id,
        "patient_id": row.patient_id,
        "before": row.before_photo_id,
        "after": row.after_photo_id,
        "title": row.title,
        "alignment": row.alignment,
        "aligned": row.aligned,
        "normalised": row.normalised,
        "annotations": list(row.annotations or []),
        "measurements": list(row.measurements or []),
        "version": row.version,
    }
