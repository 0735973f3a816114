"""A batch written before PCs kept copies of their batches (and before batches named
their predecessor), deleted from a real SeaweedFS bucket: the PC that wrote it rebuilds
it from its own records and audit trail at its next round, and the clinic converges,
audit chains included (issue 14)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import delete as sql_delete
from sqlalchemy import func, select

from pixiodoc_desktop.errors import SyncBatchMissing
from pixiodoc_desktop.sync import push
from pixiodoc_desktop.sync.dump import canonical_dump
from pixiodoc_desktop.sync.engine import sync_status
from pixiodoc_desktop.vault.schema import AuditEvent, SyncSentBatch
from tests.sync.bucket_faults import batch_name, delete, last_batch
from tests.sync.sync_support import ClinicNet, Station


@pytest.fixture
def old_pushes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Batches as the version before links and copies wrote them: no "prev"."""
    monkeypatch.setattr(push, "chain", lambda _ws, _document: None)
    yield


def forget_copies(station: Station) -> None:
    """What that version kept: no copy of any batch it had put."""
    with station.ws.vault.write_session() as session, session.begin():
        session.execute(sql_delete(SyncSentBatch))


def names(station: Station) -> set[str]:
    return {p.family_name for p in station.services.patients.search(station.actor, "")}


def chain_length(station: Station, device: str) -> int:
    with station.ws.vault.read_session() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.device_id == device)
            )
            or 0
        )


def records(station: Station) -> dict[str, Any]:
    return {k: v for k, v in canonical_dump(station.ws).items() if k != "audit_events"}


@pytest.mark.usefixtures("old_pushes")
def test_an_old_batch_lost_in_the_middle_is_rebuilt_by_its_writer(clinic: ClinicNet) -> None:
    front = clinic.first()
    front.sync()
    room = clinic.join("exam-room", via=front)
    seqs = []
    for family in ("Alt", "Mitte", "Neu"):
        patient = front.services.patients.create(front.actor, family_name=family)
        front.services.visits.create(
            front.actor, patient.id, visit_date=dt.date(2025, 6, 1), notes=f"Besuch {family}"
        )
        front.sync()
        seqs.append(last_batch(front))
    forget_copies(front)
    delete(clinic, batch_name(front, seqs[1]))

    with pytest.raises(SyncBatchMissing) as caught:
        room.sync()
    assert caught.value.missing == {front.ws.device_id: seqs[1]}
    assert "Mitte" not in names(room)

    front.sync()  # reads the want, has no copy: rebuilds the batch from its records
    room.sync()
    assert {"Alt", "Mitte", "Neu"} <= names(room)
    assert sync_status(room.ws).missing_batches == {}
    clinic.settle()
    assert records(room) == records(front)
    # the rebuilt batch carried the audit events the lost one had: the replica is whole
    assert chain_length(room, front.ws.device_id) == chain_length(front, front.ws.device_id)


@pytest.mark.usefixtures("old_pushes")
def test_an_old_newest_batch_lost_is_rebuilt_and_a_later_edit_survives(
    clinic: ClinicNet,
) -> None:
    front = clinic.first()
    front.sync()
    room = clinic.join("exam-room", via=front)
    clinic.settle()
    patient = front.services.patients.create(front.actor, family_name="Zuletzt")
    front.sync()
    seq = last_batch(front)
    forget_copies(front)
    delete(clinic, batch_name(front, seq))
    # meanwhile the room renames a patient that came in an earlier batch
    room.services.patients.create(room.actor, family_name="Raum")
    with pytest.raises(SyncBatchMissing):
        room.sync()
    front.sync()
    room.sync()
    room.services.patients.update(room.actor, patient.id, family_name="Zuletzt-Neu")
    clinic.settle()
    assert {"Zuletzt-Neu", "Raum"} <= names(front)
    assert records(room) == records(front)
