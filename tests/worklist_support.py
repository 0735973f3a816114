"""A real Orthanc on loopback serving a Modality Worklist (its ModalityWorklists plugin)
from files the tests write with pydicom, and storing what PixioDoc sends it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from orthanc_support import PLUGINS, Orthanc, start_orthanc
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

WORKLIST_PLUGIN = PLUGINS / "libModalityWorklists.so"


class WorklistOrthanc(Orthanc):
    """Orthanc serving the worklist files the tests write into `worklists`."""

    @property
    def worklists(self) -> Path:
        return self.folder / "worklists"


def start(folder: Path) -> WorklistOrthanc:
    (folder / "worklists").mkdir(parents=True)
    return start_orthanc(
        folder,
        WorklistOrthanc,
        name="pixiodoc-worklist-test",
        plugins=[WORKLIST_PLUGIN],
        HttpThreadsCount=2,
        Worklists={"Enable": True, "Database": str(folder / "worklists")},
        DicomAlwaysAllowFindWorklist=True,
    )


@dataclass(frozen=True)
class Order:
    step_id: str
    patient_id: str
    patient_name: str
    accession: str
    study_uid: str
    procedure: str
    day: dt.date


def write_worklist_file(folder: Path, order: Order) -> Path:
    """One scheduled step as a worklist file (.wl), the way a RIS feeds Orthanc."""
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.276.0.7230010.3.1.0.1"  # dcmtk's worklist file class
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.PatientName = order.patient_name
    ds.PatientID = order.patient_id
    ds.PatientBirthDate = "19700501"
    ds.PatientSex = "F"
    ds.AccessionNumber = order.accession
    ds.StudyInstanceUID = order.study_uid
    ds.RequestedProcedureDescription = order.procedure
    ds.RequestedProcedureID = f"RP{order.step_id}"
    ds.ReferringPhysicianName = "Hausarzt^Hanna^^Dr."
    step = Dataset()
    step.ScheduledStationAETitle = "PIXIODOC"
    step.ScheduledProcedureStepStartDate = order.day.strftime("%Y%m%d")
    step.ScheduledProcedureStepStartTime = "093000"
    step.Modality = "XC"
    step.ScheduledProcedureStepID = order.step_id
    step.ScheduledProcedureStepDescription = order.procedure
    ds.ScheduledProcedureStepSequence = [step]
    path = folder / f"{order.step_id}.wl"
    ds.save_as(path, enforce_file_format=True)
    return path
