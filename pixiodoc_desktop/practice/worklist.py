"""Today's worklist: the DICOM Modality Worklist's scheduled steps, and taking one.

A C-FIND (Modality Worklist Information Model - FIND) asks the worklist SCP
for the steps scheduled on a date (for our station and modality when the
settings name them). Taking a step opens or creates the patient (matched by
Patient ID as the external id) and a visit that keeps the order: Accession
Number, Study Instance UID, Requested Procedure, referring physician. The
visit's DICOM export and PACS send carry them (exports/dicom.py).

Failures are one line that says which: nothing listens, the SCP rejected our
AE title, it aborted, or it answered with a failure status.
"""

from __future__ import annotations

import datetime as dt
import socket
import time
from dataclasses import dataclass
from typing import Any

from pydicom.dataset import Dataset
from pynetdicom import AE
from pynetdicom.sop_class import ModalityWorklistInformationFind  # type: ignore[attr-defined]

from pixiodoc_desktop.clinic.records.patients import Patients, PatientSummary
from pixiodoc_desktop.clinic.records.visits import VisitOrder, Visits, VisitSummary
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.errors import (
    AssociationRejected,
    PacsError,
    PacsUnreachable,
    RecordNotFound,
)
from pixiodoc_desktop.practice.exchange import find_by_number
from pixiodoc_desktop.practice.settings import WorklistSettings

_TIMEOUT = 20.0
SOURCE = "DICOM worklist"
_SEX = {"M": "male", "F": "female", "O": "other"}


@dataclass(frozen=True, slots=True)
class ScheduledStep:
    """One scheduled procedure step as the worklist lists it."""

    step_id: str
    patient_id: str  # the hospital's Patient ID
    patient_name: str  # DICOM PN: Family^Given
    birth_date: dt.date | None
    sex: str
    accession_number: str
    study_instance_uid: str
    requested_procedure: str
    referring_physician: str
    modality: str
    station_ae_title: str
    start: dt.datetime | None

    @property
    def family_name(self) -> str:
        return self.patient_name.split("^")[0].strip()

    @property
    def given_name(self) -> str:
        parts = self.patient_name.split("^")
        return parts[1].strip() if len(parts) > 1 else ""

    @property
    def order(self) -> VisitOrder:
        return VisitOrder(
            accession_number=self.accession_number or None,
            study_instance_uid=self.study_instance_uid or None,
            requested_procedure=self.requested_procedure or None,
            referring_physician=self.referring_physician or None,
            scheduled_step_id=self.step_id or None,
        )


def _query(settings: WorklistSettings, day: dt.date | None) -> Dataset:
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 192"
    for keyword in ("PatientName", "PatientID", "PatientBirthDate", "PatientSex",
                    "AccessionNumber", "StudyInstanceUID", "RequestedProcedureDescription",
                    "RequestedProcedureID", "ReferringPhysicianName"):  # fmt: skip
        setattr(ds, keyword, "")
    step = Dataset()
    step.ScheduledStationAETitle = settings.station_ae_title or ""
    step.ScheduledProcedureStepStartDate = day.strftime("%Y%m%d") if day else ""
    step.ScheduledProcedureStepStartTime = ""
    step.Modality = settings.modality or ""
    step.ScheduledProcedureStepID = ""
    step.ScheduledProcedureStepDescription = ""
    ds.ScheduledProcedureStepSequence = [step]
    return ds


def _text(ds: Dataset, keyword: str) -> str:
    value = ds.get(keyword, "")
    return str(value).strip() if value is not None else ""


def _date(text: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text[:8], "%Y%m%d").date() if text else None
    except ValueError:
        return None


def _step(ds: Dataset) -> ScheduledStep:
    steps = ds.get("ScheduledProcedureStepSequence") or [Dataset()]
    sps = steps[0]
    day = _date(_text(sps, "ScheduledProcedureStepStartDate"))
    clock = _text(sps, "ScheduledProcedureStepStartTime")
    start = None
    if day is not None:
        try:
            start = dt.datetime.combine(day, dt.datetime.strptime(clock[:4], "%H%M").time())
        except ValueError:
            start = dt.datetime.combine(day, dt.time())
    return ScheduledStep(
        step_id=_text(sps, "ScheduledProcedureStepID"),
        patient_id=_text(ds, "PatientID"),
        patient_name=_text(ds, "PatientName"),
        birth_date=_date(_text(ds, "PatientBirthDate")),
        sex=_SEX.get(_text(ds, "PatientSex").upper(), "unknown"),
        accession_number=_text(ds, "AccessionNumber"),
        study_instance_uid=_text(ds, "StudyInstanceUID"),
        requested_procedure=_text(ds, "RequestedProcedureDescription")
        or _text(sps, "ScheduledProcedureStepDescription"),
        referring_physician=_text(ds, "ReferringPhysicianName"),
        modality=_text(sps, "Modality"),
        station_ae_title=_text(sps, "ScheduledStationAETitle"),
        start=start,
    )


def associate(settings: WorklistSettings, *sop_classes: Any) -> Any:
    """An association with the worklist SCP proposing `sop_classes` (default: the worklist
    query); one line that says which when it fails."""
    where = f"{settings.host}:{settings.port}"
    try:
        with socket.create_connection((settings.host, settings.port), timeout=_TIMEOUT):
            pass
    except OSError as exc:
        raise PacsUnreachable(
            f"The worklist at {where} cannot be reached ({exc.strerror or exc}); "
            "check host, port, network and firewall."
        ) from None
    ae = AE(ae_title=settings.our_ae_title)
    ae.acse_timeout = ae.dimse_timeout = ae.network_timeout = _TIMEOUT
    ae.connection_timeout = _TIMEOUT
    for sop_class in sop_classes or (ModalityWorklistInformationFind,):
        ae.add_requested_context(sop_class)
    for attempt in range(2):
        try:
            assoc = ae.associate(settings.host, settings.port, ae_title=settings.ae_title)
        except OSError as exc:
            raise PacsUnreachable(f"The worklist at {where} cannot be reached ({exc})") from None
        if assoc.is_established or assoc.is_rejected:
            break
        _close_aborted(assoc)
        # Aborted while negotiating: a busy SCP, whose threads may still hold the probe
        # connection above. One more try; a second abort is the answer.
        if attempt == 0:
            time.sleep(0.5)
    if assoc.is_established:
        return assoc
    if assoc.is_rejected:
        raise AssociationRejected(
            f"The worklist {settings.ae_title} at {where} rejected the association from "
            f"{settings.our_ae_title}; check both AE titles."
        )
    raise PacsUnreachable(
        f"The worklist at {where} aborted the association; check that it is a DICOM worklist."
    )


def _close_aborted(assoc: Any) -> None:
    """pynetdicom leaves the socket of an aborted association open: close it once its
    threads have ended."""
    for thread in (assoc, getattr(assoc, "dul", None)):
        if thread is not None and thread.ident is not None:  # started
            thread.join(_TIMEOUT)
    dul = getattr(assoc, "dul", None)
    if dul is not None:
        transport = getattr(dul, "socket", None)
        raw = getattr(transport, "socket", None)
        if raw is not None:
            raw.close()


def query(settings: WorklistSettings, day: dt.date | None = None) -> list[ScheduledStep]:
    """The scheduled steps of `day` (every day when None), earliest first."""
    assoc = associate(settings)
    found: list[ScheduledStep] = []
    failure: int | None = None
    try:
        for status, identifier in assoc.send_c_find(
            _query(settings, day), ModalityWorklistInformationFind
        ):
            code = int(status.Status) if status else -1
            if code in (0xFF00, 0xFF01) and identifier is not None:
                found.append(_step(identifier))
            elif code not in (0x0000, 0xFF00, 0xFF01):
                failure = code
    finally:
        if assoc.is_established:
            assoc.release()
    if failure is not None:
        what = f"status 0x{failure:04X}" if failure >= 0 else "no answer"
        raise PacsError(f"The worklist {settings.ae_title} answered the query with {what}")
    return sorted(found, key=lambda s: (s.start or dt.datetime.max, s.step_id))


def find_step(settings: WorklistSettings, step_id: str) -> ScheduledStep:
    for step in query(settings):
        if step.step_id == step_id:
            return step
    raise RecordNotFound(f"The worklist has no scheduled step {step_id}")


@dataclass(frozen=True, slots=True)
class TakenStep:
    patient: PatientSummary
    visit: VisitSummary
    created_patient: bool
    created_visit: bool = True


def take(
    ws: Workstation, actor: Actor, step: ScheduledStep, *, today: dt.date | None = None
) -> TakenStep:
    """Open or create the step's patient (by Patient ID) and a visit linked to the order.

    Taking the same step again opens the visit made the first time."""
    if not step.patient_id:
        raise RecordNotFound(f"The scheduled step {step.step_id} names no Patient ID")
    patients = Patients(ws)
    found = find_by_number(ws, step.patient_id)
    if found is None:
        patient = patients.create(
            actor,
            family_name=step.family_name or step.patient_id,
            given_name=step.given_name,
            birth_date=step.birth_date,
            sex=step.sex,
            external_id=step.patient_id,
            source=SOURCE,
        )
    else:
        patient = patients.get(actor, found)  # audited as viewed, or denied
    visits = Visits(ws)
    for visit in visits.list(actor, patient.id):
        order = visit.order
        if order is not None and (
            (step.study_instance_uid and order.study_instance_uid == step.study_instance_uid)
            or (step.step_id and order.scheduled_step_id == step.step_id)
        ):
            return TakenStep(patient, visit, found is None, created_visit=False)
    visit = visits.create(
        actor,
        patient.id,
        visit_date=today or dt.date.today(),
        reason=step.requested_procedure,
        order=step.order,
    )
    return TakenStep(patient, visit, found is None)
