"""A real Orthanc on loopback serving a Modality Worklist (its ModalityWorklists plugin)
from files the tests write with pydicom, and storing what PixioDoc sends it."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

PLUGINS = Path("/usr/share/orthanc/plugins")
WORKLIST_PLUGIN = PLUGINS / "libModalityWorklists.so"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class WorklistOrthanc:
    process: subprocess.Popen[bytes]
    dicom_port: int
    http_port: int
    worklists: Path
    ae_title: str = "ORTHANC"

    def get(self, path: str) -> Any:
        url = f"http://127.0.0.1:{self.http_port}{path}"
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.loads(response.read())

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start(folder: Path) -> WorklistOrthanc:
    binary = shutil.which("Orthanc")
    assert binary is not None
    worklists = folder / "worklists"
    worklists.mkdir(parents=True)
    dicom_port, http_port = free_port(), free_port()
    config = {
        "Name": "pixiodoc-worklist-test",
        "StorageDirectory": str(folder / "storage"),
        "IndexDirectory": str(folder / "storage"),
        "DicomAet": "ORTHANC",
        "DicomPort": dicom_port,
        "HttpPort": http_port,
        "RemoteAccessAllowed": False,
        "AuthenticationEnabled": False,
        "DicomCheckCalledAet": True,
        "OverwriteInstances": True,
        "DicomThreadsCount": 2,
        "HttpThreadsCount": 2,
        "Plugins": [str(WORKLIST_PLUGIN)],
        "Worklists": {"Enable": True, "Database": str(worklists)},
        "DicomAlwaysAllowFindWorklist": True,
    }
    (folder / "orthanc.json").write_text(json.dumps(config), encoding="utf-8")
    log = folder / "orthanc.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary, str(folder / "orthanc.json")], stdout=out, stderr=subprocess.STDOUT
        )
    server = WorklistOrthanc(process, dicom_port, http_port, worklists)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Orthanc exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            server.get("/system")
            return server
        except OSError:
            time.sleep(0.1)
    server.stop()
    raise RuntimeError("Orthanc did not start within 30 s")


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
