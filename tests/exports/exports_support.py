"""Helpers of the export tests: Orthanc with DICOMweb (orthanc_support.py), dciodvfy, pdftoppm."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from orthanc_support import PLUGINS, Orthanc, start_orthanc

DICOMWEB_PLUGIN = PLUGINS / "libOrthancDicomWeb.so"


@dataclass(frozen=True)
class ExportCase:
    patient_id: str
    first_visit: str
    second_visit: str
    lesion_id: str
    tracking_uid: str
    photo_ids: tuple[str, ...]  # overview (JPEG), dermoscopy polarised (PNG), non-polarised


def start_exports_orthanc(folder: Path) -> Orthanc:
    """Orthanc with DICOMweb on (STOW-RS), uncompressed storage."""
    return start_orthanc(
        folder,
        Orthanc,
        name="pixiodoc-test",
        plugins=[DICOMWEB_PLUGIN] if DICOMWEB_PLUGIN.exists() else [],
        StorageCompression=False,
        HttpThreadsCount=4,
        DicomWeb={"Enable": True, "Root": "/dicom-web/"},
    )


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
