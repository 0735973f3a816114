"""Every file with patient data the app writes for a person to take away (the PDF
report, the patient-data archive, DICOM files, an exported photo, the audit export,
a case bundle, a comparison handout, the backup) is created 0600 like the vault's own
files: not readable by every other account on the PC, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from pixiodoc_desktop.clinic.audit.log import AuditFilter, AuditLog
from pixiodoc_desktop.clinic.exchange.case_bundle import CaseBundles
from pixiodoc_desktop.clinic.records.comparison_handouts import ComparisonHandouts
from pixiodoc_desktop.clinic.safekeeping.backup import create_backup
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.exports.dicom import export_folder
from pixiodoc_desktop.exports.patient_data import export_patient_data
from pixiodoc_desktop.exports.pdf_report import export_pdf
from pixiodoc_desktop.imaging.handout import HandoutText
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from tests.exports.exports_support import ExportCase


@pytest.fixture
def shared_umask() -> Iterator[None]:
    """The common default: new files readable by every account (0644)."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("shared_umask")
def test_every_export_with_patient_data_is_written_0600(
    services: ClinicServices,
    workstation: Workstation,
    actor: Actor,
    export_case: ExportCase,
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    patient = export_case.patient_id
    (out / "plain.txt").write_text("a document")  # the umask really shares new files
    assert _mode(out / "plain.txt") == 0o644

    written = {
        "report": export_pdf(workstation, actor, patient, out / "report.pdf"),
        "patient data": export_patient_data(workstation, actor, patient, out / "data.zip"),
        "photo": services.photos.export(actor, export_case.photo_ids[0], out / "photo"),
        "backup": create_backup(workstation, actor, out / "vault.backup").path,
        "handout": ComparisonHandouts(workstation).export(
            actor,
            export_case.photo_ids[1],
            export_case.photo_ids[2],
            out / "handout",
            HandoutText(title="Naevus", before_label="vorher", after_label="nachher"),
            fmt="png",
        ),
    }
    bundle = out / "case.pxcase"
    services.consents.record(actor, patient, scope="sharing", granted=True)
    CaseBundles(workstation, kdf=MINIMUM_KDF).export(
        actor, patient, [export_case.first_visit], bundle, passphrase="a long passphrase"
    )
    written["case bundle"] = bundle
    for fmt in ("csv", "json"):
        AuditLog(workstation).export(actor, AuditFilter(), fmt, out / f"audit.{fmt}")
        written[f"audit {fmt}"] = out / f"audit.{fmt}"
    (out / "dicom").mkdir()
    dicom = export_folder(workstation, actor, patient, out / "dicom")
    assert dicom
    written |= {f"dicom {n}": path for n, path in enumerate(dicom)}

    modes = {name: oct(_mode(path)) for name, path in written.items()}
    assert modes == {name: oct(0o600) for name in written}
    # atomic as before: no temp file is left beside them
    assert not [p for p in out.rglob(".*") if p.is_file()]
