"""What the compare view reads from the vault: the pair for a photo, a stored comparison, a pair.

Each function returns the job for the DB worker (the view runs it with
`DbOperation`); the services check the clinician's rights and audit the
photos decrypted (PHOTO_VIEWED, screen "comparison").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from pixiodoc_desktop.clinic.access.plans import Plans
from pixiodoc_desktop.clinic.records.body_series import BodySeriesProtocol, pose_of, pose_pairs
from pixiodoc_desktop.clinic.records.comparisons import ComparisonRecord, Comparisons
from pixiodoc_desktop.clinic.records.photos import ImageSize, PhotoSummary
from pixiodoc_desktop.gui.session import ClinicSession

PROGRESS_SLIDER = "progress_slider"  # the plan feature that unlocks the before/after slider


@dataclass(frozen=True, slots=True)
class FetchedPair:
    before: PhotoSummary
    after: PhotoSummary
    series: list[PhotoSummary]  # every photo of the lesion (else body site), oldest first
    before_data: bytes  # screen-size images, decrypted
    after_data: bytes
    slider_allowed: bool
    patient_name: str  # for the clinician's title and header (the patient's screen asks first)
    birth_date: dt.date | None
    lesions: dict[str, str]  # lesion id -> its label, for the photo pickers
    series_poses: tuple[str, ...] = ()  # the clinic's total-body protocol
    series_names: tuple[tuple[str, str], ...] = ()  # (pose, the clinic's own name for it)


def pair_for_photo(
    session: ClinicSession, photo_id: str
) -> Callable[[], tuple[PhotoSummary, PhotoSummary, str]]:
    """The first and latest photo of this photo's lesion or body site, and the patient's name."""

    def job() -> tuple[PhotoSummary, PhotoSummary, str]:
        services, actor = session.require()
        before, after = Comparisons(services.workstation).pair_for(actor, photo_id)
        # The name is shown on the patient's screen only when "Show name" is ticked.
        patient = services.patients.get(actor, before.patient_id, audited=False)
        return before, after, patient.display_name

    return job


def stored_comparison(session: ClinicSession, comparison_id: str) -> Callable[[], ComparisonRecord]:
    def job() -> ComparisonRecord:
        services, actor = session.require()
        return Comparisons(services.workstation).get(actor, comparison_id)

    return job


def fetch_pair(session: ClinicSession, before_id: str, after_id: str) -> Callable[[], FetchedPair]:
    def job() -> FetchedPair:
        services, actor = session.require()
        comparisons = Comparisons(services.workstation)
        before = services.photos.get(actor, before_id)
        after = services.photos.get(actor, after_id)
        # Every photo of the lesion or site, whatever the modality: a mixed pair may be chosen.
        series = comparisons.series(
            actor,
            before.patient_id,
            lesion_id=before.lesion_id,
            body_site=None if before.lesion_id else before.body_site,
            pose=pose_of(before),  # a total-body series: that pose over the visits
        )
        before_data, after_data = comparisons.images(
            actor, before_id, after_id, size=ImageSize.SCREEN
        )
        allowed = Plans(services.workstation).current().allows(PROGRESS_SLIDER)
        patient = services.patients.get(actor, before.patient_id, audited=False)
        protocol = BodySeriesProtocol(services.workstation).protocol()
        return FetchedPair(
            before,
            after,
            series,
            before_data,
            after_data,
            allowed,
            patient.display_name,
            patient.birth_date,
            {lesion.id: lesion.label for lesion in services.lesions.list(actor, before.patient_id)},
            tuple(pose.code for pose in protocol),
            tuple((pose.code, pose.name) for pose in protocol if pose.name),
        )

    return job


def next_pose_pair(
    session: ClinicSession, before: PhotoSummary, after: PhotoSummary, step: int = 1
) -> Callable[[], tuple[str, str] | None]:
    """The next (`step` 1) or previous (-1) pose of the protocol that both series have,
    wrapping round: its pair."""

    def job() -> tuple[str, str] | None:
        services, actor = session.require()
        protocol = BodySeriesProtocol(services.workstation).poses()
        photos = services.photos.list(actor, before.patient_id)
        pairs = pose_pairs(protocol, photos, before.visit_id, after.visit_id)
        if not pairs:
            return None
        poses = [pose for pose, _b, _a in pairs]
        current = pose_of(before)
        at = poses.index(current) + step if current in poses else 0
        _pose, first, last = pairs[at % len(pairs)]
        return first.id, last.id

    return job
