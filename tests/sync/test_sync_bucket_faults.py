"""Fault injection against a real SeaweedFS: between rounds the bucket loses, damages,
reorders, replays or rolls back objects. Every round after a fault either converges or
fails with a typed error that is audited (SYNC_RUN failure and SECURITY_ALERT); never a
silent success with diverged vaults; and the clinic heals by ordinary rounds (issue 14).

One clinic of two PCs serves the whole module (a join costs more than a fault): each test
starts converged, writes three batches on the front desk, injects its fault and heals.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import select
from vault_support import synthetic_jpeg

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.errors import (
    SyncBatchMissing,
    SyncError,
    SyncImageMissing,
)
from pixiodoc_desktop.sync.crypto import open_json
from pixiodoc_desktop.sync.dump import canonical_dump
from pixiodoc_desktop.sync.engine import sync_keys
from pixiodoc_desktop.sync.erasures import erasures_key
from pixiodoc_desktop.sync.push import blob_key
from pixiodoc_desktop.vault.schema import AuditEvent, Photo
from tests.sync.bucket_faults import (
    batch_name,
    delete,
    flip,
    head_name,
    last_batch,
    read,
    roll_back,
    snapshot,
    swap,
    write,
)
from tests.sync.sync_support import ClinicNet, Station, Weed

INTEGRITY = (SyncBatchMissing, SyncImageMissing)
_names = itertools.count(1)


@pytest.fixture(scope="module")
def pair(
    weed: Weed, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[ClinicNet, Station, Station]]:
    clinic = ClinicNet(weed, tmp_path_factory.mktemp("faults") / "pcs")
    try:
        front = clinic.first()
        front.sync()
        room = clinic.join("exam-room", via=front)
        yield clinic, front, room
    finally:
        clinic.close()


def records(station: Station) -> dict[str, Any]:
    return {k: v for k, v in canonical_dump(station.ws).items() if k != "audit_events"}


def last_run(station: Station) -> AuditEvent:
    with station.ws.vault.read_session() as session:
        return session.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.device_id == station.ws.device_id,
                AuditEvent.event_type == str(audit.EventType.SYNC_RUN),
            )
            .order_by(AuditEvent.seq.desc())
            .limit(1)
        ).one()


def alerts(station: Station) -> int:
    with station.ws.vault.read_session() as session:
        return len(
            session.scalars(
                select(AuditEvent.id).where(
                    AuditEvent.device_id == station.ws.device_id,
                    AuditEvent.event_type == str(audit.EventType.SECURITY_ALERT),
                )
            ).all()
        )


def checked_round(station: Station, peer: Station) -> bool:
    """One round: True if it succeeded. A failure must be typed and audited; a success
    after the fault must not leave this PC behind what the peer has settled."""
    before = alerts(station)
    try:
        station.sync()
    except INTEGRITY as exc:
        run = last_run(station)
        assert run.outcome == "failure" and run.details["error"] == type(exc).__name__
        assert alerts(station) == before + 1
        return False
    except SyncError as exc:  # any other sync error is a bug here: the server is up
        raise AssertionError(f"{station.name}: untyped failure {exc!r}") from exc
    return True


def heal(clinic: ClinicNet, front: Station, room: Station, *, passes: int = 6) -> int:
    """Rounds on both PCs until both succeed in one pass; returns the failed rounds."""
    failures = 0
    for _ in range(passes):
        ok = [checked_round(room, front), checked_round(front, room)]
        failures += ok.count(False)
        if all(ok) and records(front) == records(room):
            return failures
    raise AssertionError("the clinic did not converge")


def three_batches(front: Station, *, photo: bool = False) -> list[int]:
    """Three rounds of edits to one patient (the Free plan keeps 10 patients)."""
    found = front.services.patients.search(front.actor, "Fehlerbild")
    patient = (
        found[0] if found else front.services.patients.create(front.actor, family_name="Fehlerbild")
    )
    seqs = []
    for _ in range(3):
        number = next(_names)
        front.services.patients.update(front.actor, patient.id, notes=f"Runde {number}")
        if photo:
            front.services.photos.ingest(
                front.actor,
                synthetic_jpeg(number, captured_at=dt.datetime(2025, 3, 14, 9, 30)),
                CaptureContext(patient.id, visit_date=dt.date(2025, 3, 14)),
                source_name="IMG.jpg",
            )
        front.sync()
        seqs.append(last_batch(front))
    return seqs


def newest_thumbnail(front: Station) -> str:
    with front.ws.vault.read_session() as session:
        return session.scalars(
            select(Photo.thumbnail_blob_id).order_by(Photo.created_at.desc()).limit(1)
        ).one()


def _delete_all(clinic: ClinicNet, front: Station, seqs: list[int]) -> None:
    for seq in seqs:
        delete(clinic, batch_name(front, seq))


Fault = Callable[[ClinicNet, Station, list[int]], None]
BATCH_FAULTS: dict[str, Fault] = {
    "delete the middle batch": lambda c, f, s: delete(c, batch_name(f, s[1])),
    "delete the newest batch": lambda c, f, s: delete(c, batch_name(f, s[2])),
    "delete all three batches": _delete_all,
    "flip a byte in a batch": lambda c, f, s: flip(c, batch_name(f, s[1])),
    "reorder two batches": lambda c, f, s: swap(c, batch_name(f, s[0]), batch_name(f, s[2])),
    "replay an old batch as the newest": lambda c, f, s: write(
        c, batch_name(f, s[2]), read(c, batch_name(f, s[0]))
    ),
    "truncate a batch": lambda c, f, s: write(c, batch_name(f, s[0]), b"PXS1"),
}


@pytest.mark.parametrize("fault", list(BATCH_FAULTS))
def test_a_batch_fault_fails_typed_and_audited_then_heals(
    pair: tuple[ClinicNet, Station, Station], fault: str
) -> None:
    clinic, front, room = pair
    heal(clinic, front, room)
    seqs = three_batches(front)
    BATCH_FAULTS[fault](clinic, front, seqs)
    assert not checked_round(room, front), "the first round after the fault must fail"
    heal(clinic, front, room)


def test_a_stale_head_replayed_changes_nothing(pair: tuple[ClinicNet, Station, Station]) -> None:
    clinic, front, room = pair
    heal(clinic, front, room)
    old_head = read(clinic, head_name(front))
    three_batches(front)
    write(clinic, head_name(front), old_head)
    assert checked_round(room, front)
    assert records(room) == records(front)


def test_a_damaged_erasure_list_is_written_again(
    pair: tuple[ClinicNet, Station, Station],
) -> None:
    clinic, front, room = pair
    patient = front.services.patients.create(front.actor, family_name="Weg")
    front.sync()
    Patients(front.ws).erase(front.actor, patient.id, confirm_family_name="Weg")
    heal(clinic, front, room)
    name = erasures_key(front.store, sync_keys(front.ws))
    flip(clinic, name, at=-3)
    heal(clinic, front, room)
    listed = open_json(sync_keys(front.ws).ops, read(clinic, name), name=name)
    assert patient.id in listed["patients"]


def test_the_bucket_rolled_back_two_rounds_heals(
    pair: tuple[ClinicNet, Station, Station],
) -> None:
    clinic, front, room = pair
    heal(clinic, front, room)
    before = snapshot(clinic)
    three_batches(front)
    room.sync()
    front.services.patients.create(front.actor, family_name="NachDemSchnappschuss")
    front.sync()
    roll_back(clinic, before)
    assert not checked_round(room, front)
    heal(clinic, front, room)
    names = {p.family_name for p in room.services.patients.search(room.actor, "")}
    assert "NachDemSchnappschuss" in names


@pytest.mark.parametrize("fault", ["delete", "flip a byte"])
def test_an_image_object_fault_fails_typed_and_the_writer_uploads_it_again(
    pair: tuple[ClinicNet, Station, Station], fault: str
) -> None:
    clinic, front, room = pair
    heal(clinic, front, room)
    three_batches(front, photo=True)
    key = blob_key(front.store, sync_keys(front.ws), newest_thumbnail(front))
    if fault == "delete":
        delete(clinic, key)
    else:
        flip(clinic, key)
    assert not checked_round(room, front)
    assert heal(clinic, front, room) >= 0
    assert room.ws.vault.blobs.exists(newest_thumbnail(front))
