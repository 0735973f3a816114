"""The clinic's erasure list is applied in the same transaction as the batches a pull
brings: a PC that joins after the bucket was rolled back to unredacted batches (but
after a PC that knew of the erasure wrote the list again) never shows the erased
patient, not even between its pull and the rest of its round; and every round does the
same (issue 14)."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.workstation import Workstation
from pixiodoc_desktop.errors import SyncError
from pixiodoc_desktop.sync import engine
from pixiodoc_desktop.sync.crypto import open_json
from pixiodoc_desktop.sync.engine import sync_keys
from pixiodoc_desktop.sync.erasures import erasures_key
from pixiodoc_desktop.vault.schema import Patient, PatientKey, Visit
from tests.sync.bucket_faults import roll_back, snapshot
from tests.sync.sync_support import ClinicNet, Station

SECRET = "Vergessen"
NOTE = "Befund nur fuer diesen Patienten"


def visible(ws: Workstation, patient_id: str) -> bool:
    """Anything of the patient a clinician could see: key, name, a visit's note."""
    with ws.vault.read_session() as session:
        return (
            session.get(PatientKey, patient_id) is not None
            or SECRET in set(session.scalars(select(Patient.family_name)))
            or NOTE in set(session.scalars(select(Visit.notes)))
        )


def listed(clinic: ClinicNet, station: Station) -> set[str]:
    name = erasures_key(station.store, sync_keys(station.ws))
    body = clinic.weed.client().get_object(Bucket="clinic-sync", Key=name)["Body"].read()  # type: ignore[attr-defined]
    return set(open_json(sync_keys(station.ws).ops, body, name=name)["patients"])


def test_a_joiner_after_a_rollback_never_shows_an_erased_patient(
    clinic: ClinicNet, monkeypatch: pytest.MonkeyPatch
) -> None:
    front = clinic.first()
    patient = front.services.patients.create(front.actor, family_name=SECRET)
    front.services.visits.create(front.actor, patient.id, visit_date=dt.date(2025, 7, 1),
                                 notes=NOTE)  # fmt: skip
    front.sync()
    room = clinic.join("exam-room", via=front)
    before = snapshot(clinic)
    Patients(front.ws).erase(front.actor, patient.id, confirm_family_name=SECRET)
    front.sync()
    room.sync()
    assert not visible(room.ws, patient.id)

    # a partial restore: the workstations' folders back to the snapshot (unredacted
    # batches, the erasure's batch gone, old heads), the clinic's erasure list kept
    erasures = erasures_key(front.store, sync_keys(front.ws))
    roll_back(clinic, {**before, erasures: snapshot(clinic)[erasures]})
    assert patient.id in listed(clinic, room)

    # every moment a round of the joining PC could show something: after its pull, and
    # when the rest of the round (the list, compaction) begins
    seen: list[tuple[str, bool]] = []
    real_pull, real_keep = engine.pull, engine.keep_erasures

    def pull(ws: Workstation, *args: Any, **kwargs: Any) -> Any:
        result = real_pull(ws, *args, **kwargs)
        seen.append(("after pull", visible(ws, patient.id)))
        return result

    def keep(ws: Workstation, *args: Any, **kwargs: Any) -> Any:
        seen.append(("before the list", visible(ws, patient.id)))
        return real_keep(ws, *args, **kwargs)

    monkeypatch.setattr(engine, "pull", pull)
    monkeypatch.setattr(engine, "keep_erasures", keep)
    late = clinic.join("late-pc", via=room)
    assert seen and not any(shown for _when, shown in seen), seen
    assert not visible(late.ws, patient.id)
    seen.clear()
    late.sync()  # and in every round
    assert seen and not any(shown for _when, shown in seen), seen
    for _ in range(3):  # the PCs that knew put their batches back and redact them again
        for station in (front, room, late):
            with contextlib.suppress(SyncError):
                station.sync()
    assert not any(visible(s.ws, patient.id) for s in (front, room, late))
