"""Modality Performed Procedure Step: telling the worklist's SCP the step is under way, then done.

When the SCP offers MPPS (not every worklist does; Orthanc does not), taking
a scheduled step creates the performed step IN PROGRESS (N-CREATE), and
`complete` sets it COMPLETED (N-SET) with the series and images the visit
made. The performed step's UID is derived from the visit's id, so no more
needs to be stored. An SCP that does not offer MPPS is no error: the step
just is not reported.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from pydicom.dataset import Dataset
from pynetdicom.sop_class import (  # type: ignore[attr-defined]
    ModalityPerformedProcedureStep,
    ModalityWorklistInformationFind,
)

from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.clinic.records.visits import VisitSummary
from pixiodoc_desktop.clinic.records.vocabulary import Modality
from pixiodoc_desktop.errors import PacsError
from pixiodoc_desktop.exports.dicom import (
    DERMOSCOPIC_PHOTOGRAPHY,
    VL_PHOTOGRAPHIC,
    instance_uid,
    series_uid,
    stable_uid,
)
from pixiodoc_desktop.practice.settings import WorklistSettings
from pixiodoc_desktop.practice.worklist import ScheduledStep, associate

log = logging.getLogger(__name__)

IN_PROGRESS, COMPLETED = "IN PROGRESS", "COMPLETED"
NOT_OFFERED = "not offered"


def performed_step_uid(visit_id: str) -> str:
    return stable_uid("mpps", visit_id)


def _open(settings: WorklistSettings) -> Any | None:
    """An association that accepted MPPS, or None when the SCP does not offer it.

    The worklist query is proposed too, so that a worklist without MPPS accepts the
    association (and only declines MPPS) instead of refusing it."""
    assoc = associate(settings, ModalityPerformedProcedureStep, ModalityWorklistInformationFind)
    if any(c.abstract_syntax == ModalityPerformedProcedureStep for c in assoc.accepted_contexts):
        return assoc
    assoc.release()
    return None


def _checked(status: Dataset | None, what: str, settings: WorklistSettings) -> None:
    code = int(status.Status) if status else -1
    if code != 0x0000:
        answer = f"status 0x{code:04X}" if code >= 0 else "no answer"
        raise PacsError(f"The worklist {settings.ae_title} answered the {what} with {answer}")


def start(
    settings: WorklistSettings, step: ScheduledStep, visit_id: str, *, at: dt.datetime | None = None
) -> str:
    """N-CREATE the performed step IN PROGRESS; returns its status, or NOT_OFFERED."""
    assoc = _open(settings)
    if assoc is None:
        return NOT_OFFERED
    when = at or dt.datetime.now()
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 192"
    item = Dataset()
    item.StudyInstanceUID = step.study_instance_uid
    item.AccessionNumber = step.accession_number
    item.ScheduledProcedureStepID = step.step_id
    item.ScheduledProcedureStepDescription = step.requested_procedure[:64]
    item.RequestedProcedureDescription = step.requested_procedure[:64]
    item.RequestedProcedureID = ""
    item.ReferencedStudySequence = []
    item.ScheduledProtocolCodeSequence = []
    ds.ScheduledStepAttributesSequence = [item]
    ds.PatientName = step.patient_name
    ds.PatientID = step.patient_id
    ds.PatientBirthDate = step.birth_date.strftime("%Y%m%d") if step.birth_date else ""
    ds.PatientSex = {"male": "M", "female": "F", "other": "O"}.get(step.sex, "")
    ds.ReferencedPatientSequence = []
    ds.PerformedProcedureStepID = (step.step_id or visit_id)[:16]
    ds.PerformedStationAETitle = settings.our_ae_title
    ds.PerformedStationName = ""
    ds.PerformedLocation = ""
    ds.PerformedProcedureStepStartDate = when.strftime("%Y%m%d")
    ds.PerformedProcedureStepStartTime = when.strftime("%H%M%S")
    ds.PerformedProcedureStepStatus = IN_PROGRESS
    ds.PerformedProcedureStepDescription = step.requested_procedure[:64]
    ds.PerformedProcedureTypeDescription = ""
    ds.ProcedureCodeSequence = []
    ds.PerformedProcedureStepEndDate = ""
    ds.PerformedProcedureStepEndTime = ""
    ds.Modality = step.modality or "XC"
    ds.StudyID = ""
    ds.PerformedProtocolCodeSequence = []
    ds.PerformedSeriesSequence = []
    try:
        status, _ = assoc.send_n_create(
            ds, ModalityPerformedProcedureStep, performed_step_uid(visit_id)
        )
    finally:
        if assoc.is_established:
            assoc.release()
    _checked(status, "performed step (N-CREATE)", settings)
    return IN_PROGRESS


def _series(visit: VisitSummary, photos: Sequence[PhotoSummary]) -> list[Dataset]:
    by_modality: dict[str, list[PhotoSummary]] = {}
    for photo in photos:
        by_modality.setdefault(photo.modality, []).append(photo)
    out = []
    for modality, members in by_modality.items():
        series = Dataset()
        series.SeriesInstanceUID = series_uid(visit.id, str(Modality(modality)))
        series.SeriesDescription = str(modality)
        series.RetrieveAETitle = ""
        series.PerformingPhysicianName = ""
        series.OperatorsName = ""
        series.ProtocolName = "Photo documentation"
        images = []
        for photo in members:
            ref = Dataset()
            dermoscopy = Modality(photo.modality).is_dermoscopy
            ref.ReferencedSOPClassUID = DERMOSCOPIC_PHOTOGRAPHY if dermoscopy else VL_PHOTOGRAPHIC
            ref.ReferencedSOPInstanceUID = instance_uid(photo.id)
            images.append(ref)
        series.ReferencedImageSequence = images
        series.ReferencedNonImageCompositeSOPInstanceSequence = []
        out.append(series)
    return out


def complete(
    settings: WorklistSettings,
    visit: VisitSummary,
    photos: Sequence[PhotoSummary],
    *,
    at: dt.datetime | None = None,
) -> str:
    """N-SET the visit's performed step COMPLETED with its series; or NOT_OFFERED."""
    assoc = _open(settings)
    if assoc is None:
        return NOT_OFFERED
    when = at or dt.datetime.now()
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.PerformedProcedureStepStatus = COMPLETED
    ds.PerformedProcedureStepEndDate = when.strftime("%Y%m%d")
    ds.PerformedProcedureStepEndTime = when.strftime("%H%M%S")
    ds.PerformedSeriesSequence = _series(visit, photos)
    try:
        status, _ = assoc.send_n_set(
            ds, ModalityPerformedProcedureStep, performed_step_uid(visit.id)
        )
    finally:
        if assoc.is_established:
            assoc.release()
    _checked(status, "completed step (N-SET)", settings)
    return COMPLETED
