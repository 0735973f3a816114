"""Fixtures of the export tests: a patient with visits, a lesion, photos of each kind,
and (once per run) a real Orthanc on loopback."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from orthanc_support import Orthanc
from vault_support import MadeVault, synthetic_jpeg, synthetic_png

from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from tests.exports.exports_support import ExportCase, start_exports_orthanc


@pytest.fixture
def export_case(services: ClinicServices, actor: Actor) -> ExportCase:
    """Müller, Jürgen (PAT-4711): two visits, a tracked naevus, three photos."""
    patient = services.patients.create(
        actor,
        family_name="Müller",
        given_name="Jürgen",
        birth_date=dt.date(1970, 5, 1),
        sex="male",
        external_id="PAT-4711",
    )
    lesion = services.lesions.create(
        actor, patient.id, body_site_code="forearm-left", label="naevus forearm"
    )
    first = services.visits.create(
        actor,
        patient.id,
        visit_date=dt.date(2025, 3, 14),
        reason="Check of a changing mole",
        conditions=("naevus",),
        notes="Itches since January.",
    )
    second = services.visits.create(actor, patient.id, visit_date=dt.date(2025, 9, 2))
    overview = services.photos.ingest(
        actor,
        synthetic_jpeg(1, captured_at=dt.datetime(2025, 3, 14, 9, 30)),
        CaptureContext(patient.id, visit_id=first.id, body_site="face"),
        source_name="overview.jpg",
    )
    polarised = services.photos.ingest(
        actor,
        synthetic_png(2, size=(96, 64)),
        CaptureContext(
            patient.id,
            visit_id=first.id,
            lesion_id=lesion.id,
            modality="dermoscopy-polarised",
            contact=False,
            device="DermLite DL5",
            tags=("10x",),
        ),
        source_name="dermoscopy.png",
    )
    contact = services.photos.ingest(
        actor,
        synthetic_jpeg(3, captured_at=dt.datetime(2025, 9, 2, 11, 5)),
        CaptureContext(
            patient.id,
            visit_id=second.id,
            lesion_id=lesion.id,
            modality="dermoscopy-non-polarised",
            contact=True,
        ),
        source_name="contact.jpg",
    )
    services.consents.record(actor, patient.id, scope="clinical", granted=True)
    services.consents.record(actor, patient.id, scope="teaching", granted=False)
    return ExportCase(
        patient.id,
        first.id,
        second.id,
        lesion.id,
        lesion.tracking_uid,
        (overview.photo.id, polarised.photo.id, contact.photo.id),
    )


@pytest.fixture(scope="session")
def orthanc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Orthanc]:
    if shutil.which("Orthanc") is None:
        pytest.skip("Orthanc is not installed (Debian: apt-get install orthanc orthanc-dicomweb)")
    server = start_exports_orthanc(tmp_path_factory.mktemp("orthanc"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def empty_orthanc(orthanc: Orthanc) -> Orthanc:
    orthanc.delete_everything()
    return orthanc


@pytest.fixture
def made_vault_with_case(
    made_vault: MadeVault, logged_in: tuple[Workstation, Actor], export_case: ExportCase
) -> tuple[Path, str]:
    """The vault folder holding `export_case` (for commands run as a subprocess)."""
    return made_vault.folder, export_case.patient_id
