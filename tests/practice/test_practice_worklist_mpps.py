"""MPPS: taking a scheduled step reports it IN PROGRESS (N-CREATE), completing the visit
reports it COMPLETED (N-SET) with its series and images. Orthanc has no MPPS, so the peer
here is pynetdicom's own MPPS service on loopback, a real DICOM association."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from orthanc_support import free_port
from pydicom.dataset import Dataset
from pynetdicom import AE, evt
from pynetdicom.sop_class import (  # type: ignore[attr-defined]
    ModalityPerformedProcedureStep,
    ModalityWorklistInformationFind,
)
from vault_support import synthetic_jpeg

from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.clinic.workstation import Actor, Workstation
from pixiodoc_desktop.exports.dicom import instance_uid
from pixiodoc_desktop.practice import mpps, worklist
from pixiodoc_desktop.practice.settings import WorklistSettings

STEP = worklist.ScheduledStep(
    step_id="SPS77", patient_id="KH-77", patient_name="Größer^Jürgen",
    birth_date=dt.date(1970, 5, 1), sex="male", accession_number="ACC-77",
    study_instance_uid="1.2.826.0.1.3680043.8.498.77", requested_procedure="Dermatoskopie",
    referring_physician="", modality="XC", station_ae_title="PIXIODOC", start=None,
)  # fmt: skip


@pytest.fixture
def mpps_scp() -> Iterator[tuple[int, list[tuple[str, str, Dataset]]]]:
    received: list[tuple[str, str, Dataset]] = []
    steps: dict[str, Dataset] = {}

    def created(event: Any) -> tuple[int, Dataset]:
        uid = str(event.request.AffectedSOPInstanceUID)
        steps[uid] = copy.deepcopy(event.attribute_list)
        received.append(("N-CREATE", uid, event.attribute_list))
        return 0x0000, event.attribute_list

    def modified(event: Any) -> tuple[int, Dataset | None]:
        uid = str(event.request.RequestedSOPInstanceUID)
        if uid not in steps:
            return 0x0112, None  # no such object
        steps[uid].update(event.modification_list)
        received.append(("N-SET", uid, event.modification_list))
        return 0x0000, steps[uid]

    ae = AE(ae_title="MPPSSCP")
    ae.acse_timeout = ae.network_timeout = 1.0
    ae.add_supported_context(ModalityPerformedProcedureStep)
    port = free_port()
    server = ae.start_server(
        ("127.0.0.1", port),
        block=False,
        evt_handlers=[(evt.EVT_N_CREATE, created), (evt.EVT_N_SET, modified)],
    )
    try:
        yield port, received
    finally:
        _stop(ae, server)


def _stop(ae: AE, server: Any) -> None:
    """Stop the server and wait for its associations' threads (no thread outlives a test).

    The client's reachability probe (a bare TCP connect) leaves a server association
    waiting for a request that never comes; the short ACSE timeout ends it."""
    accepted = list(server.active_associations)
    server.shutdown()
    for assoc in accepted:
        assoc.join(10)


def test_in_progress_when_taken_completed_with_the_photos(
    workstation: Workstation, actor: Actor, services: ClinicServices,
    mpps_scp: tuple[int, list[tuple[str, str, Dataset]]],
) -> None:  # fmt: skip
    port, received = mpps_scp
    settings = WorklistSettings("MPPSSCP", "127.0.0.1", port)
    taken = worklist.take(workstation, actor, STEP)
    assert taken.created_visit
    assert mpps.start(settings, STEP, taken.visit.id) == mpps.IN_PROGRESS
    photo = services.photos.ingest(
        actor, synthetic_jpeg(4), CaptureContext(taken.patient.id, visit_id=taken.visit.id),
        source_name="a.jpg",
    ).photo  # fmt: skip
    assert mpps.complete(settings, taken.visit, [photo]) == mpps.COMPLETED

    (kind, uid, created), (kind2, uid2, changed) = received
    assert (kind, kind2) == ("N-CREATE", "N-SET") and uid == uid2
    assert uid == mpps.performed_step_uid(taken.visit.id)
    assert created.PerformedProcedureStepStatus == "IN PROGRESS"
    scheduled = created.ScheduledStepAttributesSequence[0]
    assert scheduled.StudyInstanceUID == STEP.study_instance_uid
    assert (scheduled.AccessionNumber, scheduled.ScheduledProcedureStepID) == ("ACC-77", "SPS77")
    assert created.PatientID == "KH-77" and str(created.PatientName) == "Größer^Jürgen"
    assert changed.PerformedProcedureStepStatus == "COMPLETED"
    (series,) = changed.PerformedSeriesSequence
    assert [r.ReferencedSOPInstanceUID for r in series.ReferencedImageSequence] == [
        instance_uid(photo.id)
    ]
    assert not worklist.take(workstation, actor, STEP).created_visit  # the same visit again


def test_a_peer_without_mpps_is_not_an_error(
    mpps_scp: tuple[int, list[tuple[str, str, Dataset]]],
) -> None:
    _, received = mpps_scp
    other = AE(ae_title="NOMPPS")
    other.acse_timeout = other.network_timeout = 1.0
    other.add_supported_context(ModalityWorklistInformationFind)  # a worklist, no MPPS
    own = free_port()
    server = other.start_server(("127.0.0.1", own), block=False)
    try:
        settings = WorklistSettings("NOMPPS", "127.0.0.1", own)
        assert mpps.start(settings, STEP, "visit-1") == mpps.NOT_OFFERED
    finally:
        _stop(other, server)
    assert received == []
