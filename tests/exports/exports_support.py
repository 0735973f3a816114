"""Helpers of the export tests: a real Orthanc on loopback, dciodvfy, pdftoppm."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DICOMWEB_PLUGIN = Path("/usr/share/orthanc/plugins/libOrthancDicomWeb.so")


@dataclass(frozen=True)
class ExportCase:
    patient_id: str
    first_visit: str
    second_visit: str
    lesion_id: str
    tracking_uid: str
    photo_ids: tuple[str, ...]  # overview (JPEG), dermoscopy polarised (PNG), non-polarised


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Orthanc:
    process: subprocess.Popen[bytes]
    dicom_port: int
    http_port: int
    ae_title: str
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def dicomweb_url(self) -> str:
        return f"{self.url}/dicom-web"

    def get(self, path: str) -> Any:
        with urllib.request.urlopen(f"{self.url}{path}", timeout=10) as response:  # noqa: S310
            return json.loads(response.read())

    def delete_everything(self) -> None:
        for patient in self.get("/patients"):
            request = urllib.request.Request(f"{self.url}/patients/{patient}", method="DELETE")  # noqa: S310
            with urllib.request.urlopen(request, timeout=10):  # noqa: S310
                pass

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start_orthanc(folder: Path) -> Orthanc:
    """Orthanc on free loopback ports with its own storage, DICOMweb on, no authentication."""
    binary = shutil.which("Orthanc")
    assert binary is not None
    folder.mkdir(parents=True, exist_ok=True)
    dicom_port, http_port = free_port(), free_port()
    config: dict[str, Any] = {
        "Name": "pixiodoc-test",
        "StorageDirectory": str(folder / "storage"),
        "IndexDirectory": str(folder / "storage"),
        "DicomAet": "ORTHANC",
        "DicomPort": dicom_port,
        "HttpPort": http_port,
        "RemoteAccessAllowed": False,
        "AuthenticationEnabled": False,
        "DicomCheckCalledAet": True,
        "OverwriteInstances": True,
        "StorageCompression": False,
        "HttpThreadsCount": 4,
        "DicomThreadsCount": 2,
        "Plugins": [str(DICOMWEB_PLUGIN)] if DICOMWEB_PLUGIN.exists() else [],
        "DicomWeb": {"Enable": True, "Root": "/dicom-web/"},
    }
    config_file = folder / "orthanc.json"
    config_file.write_text(json.dumps(config), encoding="utf-8")
    log = folder / "orthanc.log"
    with log.open("wb") as out:
        process = subprocess.Popen([binary, str(config_file)], stdout=out, stderr=subprocess.STDOUT)
    orthanc = Orthanc(process, dicom_port, http_port, "ORTHANC", log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Orthanc exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            orthanc.get("/system")
            return orthanc
        except OSError:
            time.sleep(0.2)
    orthanc.stop()
    raise RuntimeError("Orthanc did not start within 30 s")


def dciodvfy_errors(path: Path) -> list[str]:
    done = subprocess.run(
        ["dciodvfy", str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    return [line for line in (done.stdout + done.stderr).splitlines() if line.startswith("Error")]


def pdf_pages_as_png(pdf: Path, out_prefix: Path, dpi: int = 60) -> list[Path]:
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_prefix)],
        check=True,
        timeout=60,
        capture_output=True,
    )
    return sorted(out_prefix.parent.glob(f"{out_prefix.name}-*.png"))


def audit_events(ws: Any, event_type: str) -> list[tuple[str | None, str, dict[str, Any]]]:
    """(patient id, outcome, details) of every audit event of a type, newest first."""
    from sqlalchemy import select

    from pixiodoc_desktop.vault.schema import AuditEvent

    with ws.read_session() as session:
        rows = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.event_type == event_type)
            .order_by(AuditEvent.id.desc())
        ).all()
        return [(r.patient_id, r.outcome, dict(r.details or {})) for r in rows]


def pdf_text(pdf: Path) -> str:
    """The text poppler reads from a PDF, whitespace folded to single spaces."""
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        timeout=60,
        capture_output=True,
    )
    return " ".join(done.stdout.decode("utf-8").split())
