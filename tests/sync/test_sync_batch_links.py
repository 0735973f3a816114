"""Each op batch names the one before it by hash: batches reordered or replaced in a real
SeaweedFS bucket by someone holding the workspace key (validly sealed, numbers fixed up)
are found on pull, fail typed and audited, and the writer puts its own copies back, after
which the clinic converges (issue 14)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.errors import SyncBatchAltered
from pixiodoc_desktop.sync.crypto import open_json, seal_json
from pixiodoc_desktop.sync.dump import canonical_dump
from pixiodoc_desktop.sync.engine import sync_keys, sync_status
from pixiodoc_desktop.vault.schema import AuditEvent
from tests.sync.bucket_faults import batch_name, last_batch, read, write
from tests.sync.sync_support import ClinicNet, Station


def opened(clinic: ClinicNet, station: Station, seq: int) -> dict[str, Any]:
    name = batch_name(station, seq)
    return open_json(sync_keys(station.ws).ops, read(clinic, name), name=name)


def forge(clinic: ClinicNet, station: Station, seq: int, document: dict[str, Any]) -> None:
    """What a holder of the workspace key can do: seal any batch under any number."""
    name = batch_name(station, seq)
    write(clinic, name, seal_json(sync_keys(station.ws).ops, {**document, "seq": seq}, name=name))


def names(station: Station) -> set[str]:
    return {p.family_name for p in station.services.patients.search(station.actor, "")}


def own_events(station: Station, kind: audit.EventType) -> list[AuditEvent]:
    with station.ws.vault.read_session() as session:
        return list(
            session.scalars(
                select(AuditEvent).where(
                    AuditEvent.device_id == station.ws.device_id,
                    AuditEvent.event_type == str(kind),
                )
            )
        )


def converged(*stations: Station) -> bool:
    dumps = [{k: v for k, v in canonical_dump(s.ws).items() if k != "audit_events"}
             for s in stations]  # fmt: skip
    return all(d == dumps[0] for d in dumps[1:])


def two_rounds(front: Station, *family: str) -> list[int]:
    seqs = []
    for name in family:
        front.services.patients.create(front.actor, family_name=name)
        front.sync()
        seqs.append(last_batch(front))
    return seqs


def assert_fails_altered(room: Station, device: str, seq: int) -> None:
    with pytest.raises(SyncBatchAltered) as caught:
        room.sync()
    assert caught.value.missing == {device: seq}
    assert sync_status(room.ws).missing_batches == {device: seq}
    failed = [e for e in own_events(room, audit.EventType.SYNC_RUN) if e.outcome == "failure"]
    assert failed[-1].details["error"] == "SyncBatchAltered"
    alert = own_events(room, audit.EventType.SECURITY_ALERT)[-1]
    assert alert.details == {"check": "sync batch links", "altered": {device: seq}}


def test_two_batches_swapped_and_resealed_are_found_and_put_back(clinic: ClinicNet) -> None:
    front = clinic.first()
    front.sync()
    room = clinic.join("exam-room", via=front)
    first, second = two_rounds(front, "Erste", "Zweite")
    one, two = opened(clinic, front, first), opened(clinic, front, second)
    forge(clinic, front, first, two)  # each under the other's number, numbers fixed up
    forge(clinic, front, second, one)

    assert_fails_altered(room, front.ws.device_id, first)
    assert not names(room) & {"Erste", "Zweite"}  # nothing of the swapped pair applied
    front.sync()  # reads the room's want: compares with its copies, puts both back
    room.sync()
    assert {"Erste", "Zweite"} <= names(room)
    assert sync_status(room.ws).missing_batches == {}
    clinic.settle()
    assert converged(front, room)


def test_the_newest_batch_replaced_with_a_sealed_forgery_is_found_by_the_head(
    clinic: ClinicNet,
) -> None:
    front = clinic.first()
    front.sync()
    room = clinic.join("exam-room", via=front)
    (seq,) = two_rounds(front, "Echt")
    genuine = opened(clinic, front, seq)
    # another batch under its number: the link to the batch before is right, the ops are not
    patient_op = next(op for op in genuine["ops"] if op["e"] == "patients")
    other = {**patient_op, "id": "f" * 32, "f": {**patient_op["f"], "id": "f" * 32,
                                                  "family_name": "Gefälscht"}}  # fmt: skip
    forged = {**genuine, "ops": [op for op in genuine["ops"] if op is not patient_op] + [other]}
    forge(clinic, front, seq, forged)

    assert_fails_altered(room, front.ws.device_id, seq)
    assert "Gefälscht" not in names(room)
    front.sync()
    room.sync()
    assert "Echt" in names(room) and "Gefälscht" not in names(room)
    clinic.settle()
    assert converged(front, room)


def test_a_middle_batch_replaced_with_a_right_link_is_not_applied(clinic: ClinicNet) -> None:
    """The forgery names its predecessor correctly; the batch after it does not name the
    forgery: the pull applies neither, and the writer's copies repair it."""
    front = clinic.first()
    front.sync()
    room = clinic.join("exam-room", via=front)
    first, _second = two_rounds(front, "Mittig", "Folgend")
    genuine = opened(clinic, front, first)
    patient_op = next(op for op in genuine["ops"] if op["e"] == "patients")
    renamed = {**patient_op, "h": patient_op["h"][:-1] + "0", "f": {"family_name": "Gefälscht"}}
    forge(clinic, front, first, {**genuine, "ops": [*genuine["ops"], renamed]})

    assert_fails_altered(room, front.ws.device_id, first)
    assert not names(room) & {"Gefälscht", "Mittig", "Folgend"}  # nothing of either applied
    front.sync()
    room.sync()
    assert {"Mittig", "Folgend"} <= names(room) and "Gefälscht" not in names(room)
    clinic.settle()
    assert converged(front, room)
