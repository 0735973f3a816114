"""A batch missing from the bucket (the newest, or one in the middle) is never a silent
round: the PCs that cannot get it fail typed and audited, say so in `sync status`, and
the PC that wrote it puts it back from its own copy at its next round (issue 14)."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import select

from pixiodoc_desktop import cli
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.errors import SyncBatchMissing
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.dump import canonical_dump
from pixiodoc_desktop.sync.engine import sync_keys, sync_status
from pixiodoc_desktop.sync.push import batch_key
from pixiodoc_desktop.vault.schema import AuditEvent
from tests.sync.sync_support import BUCKET, LOGIN, PASSWORD, ClinicNet, Station


def last_batch(station: Station) -> int:
    with station.ws.vault.read_session() as session:
        return int(state.get(session, state.NEXT_SEQ) or 1) - 1


def batch_name(station: Station, seq: int) -> str:
    return batch_key(station.store, sync_keys(station.ws), station.ws.device_id, seq)


def delete_object(clinic: ClinicNet, key: str) -> None:
    clinic.weed.client().delete_object(Bucket=BUCKET, Key=key)  # type: ignore[attr-defined]


def events(station: Station, kind: audit.EventType) -> list[AuditEvent]:
    with station.ws.vault.read_session() as session:
        return list(
            session.scalars(
                select(AuditEvent).where(
                    AuditEvent.device_id == station.ws.device_id,
                    AuditEvent.event_type == str(kind),
                )
            )
        )


def names(station: Station) -> set[str]:
    return {p.family_name for p in station.services.patients.search(station.actor, "")}


def assert_converged(*stations: Station) -> None:
    dumps = [canonical_dump(s.ws) for s in stations]
    for dump in dumps[1:]:
        assert {k: v for k, v in dump.items() if k != "audit_events"} == {
            k: v for k, v in dumps[0].items() if k != "audit_events"
        }


def add_in_rounds(station: Station, *family: str) -> list[int]:
    """One patient per round; the batch numbers they went out in."""
    seqs = []
    for name in family:
        station.services.patients.create(station.actor, family_name=name)
        station.sync()
        seqs.append(last_batch(station))
    return seqs


def test_a_batch_deleted_in_the_middle_fails_typed_audited_and_is_put_back(
    clinic: ClinicNet,
) -> None:
    front = clinic.first()
    front.sync()
    room = clinic.join("exam-room", via=front)
    seqs = add_in_rounds(front, "Erste", "Zweite", "Dritte")
    delete_object(clinic, batch_name(front, seqs[1]))

    with pytest.raises(SyncBatchMissing) as caught:
        room.sync()
    assert caught.value.missing == {front.ws.device_id: seqs[1]}
    assert names(room) >= {"Erste"} and not names(room) & {"Zweite", "Dritte"}
    status = sync_status(room.ws)
    assert status.missing_batches == {front.ws.device_id: seqs[1]}
    assert status.last_error == caught.value.message
    failed = [e for e in events(room, audit.EventType.SYNC_RUN) if e.outcome == "failure"]
    assert failed and failed[-1].details["error"] == "SyncBatchMissing"
    (alert,) = events(room, audit.EventType.SECURITY_ALERT)
    assert alert.details == {
        "check": "sync batches",
        "missing": {front.ws.device_id: seqs[1]},
    }

    front.sync()  # reads the room's head: puts batch back
    room.sync()
    assert {"Erste", "Zweite", "Dritte"} <= names(room)
    assert sync_status(room.ws).missing_batches == {}
    clinic.settle()
    assert_converged(front, room)


def test_the_newest_batch_deleted_is_noticed_through_the_head(clinic: ClinicNet) -> None:
    front = clinic.first()
    front.sync()
    room = clinic.join("exam-room", via=front)
    (seq,) = add_in_rounds(front, "Neueste")
    delete_object(clinic, batch_name(front, seq))

    with pytest.raises(SyncBatchMissing) as caught:
        room.sync()
    assert caught.value.missing == {front.ws.device_id: seq}
    front.sync()
    room.sync()
    assert "Neueste" in names(room)


def test_the_newest_batch_and_its_writers_head_gone_a_third_pc_tells(
    clinic: ClinicNet,
) -> None:
    front = clinic.first()
    front.sync()
    room = clinic.join("exam-room", via=front)
    lab = clinic.join("lab", via=front)
    clinic.settle()
    (seq,) = add_in_rounds(front, "Bezeugt")
    lab.sync()  # the lab got it, and says so in its head
    delete_object(clinic, batch_name(front, seq))
    delete_object(clinic, front.store.key(sync_keys(front.ws).workspace, "devices",
                                          front.ws.device_id, "head"))  # fmt: skip

    with pytest.raises(SyncBatchMissing):
        room.sync()
    front.sync()
    room.sync()
    assert "Bezeugt" in names(room)


def test_sync_now_exits_non_zero_and_status_names_the_gap(
    clinic: ClinicNet,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    front = clinic.first()
    front.sync()
    room = clinic.join("exam-room", via=front)
    seqs = add_in_rounds(front, "Eins", "Zwei")
    delete_object(clinic, batch_name(front, seqs[0]))
    room.close()
    user = ["--vault", str(room.folder), "--user", LOGIN, "--password-stdin"]

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    code = cli.main(["sync", "now", *user])
    out = capsys.readouterr()
    assert code == 1
    assert out.err.count("\n") == 1 and "missing from the clinic's bucket" in out.err

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    assert cli.main(["sync", "status", *user, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["missing_batches"] == {front.ws.device_id: seqs[0]}
    assert "missing from the clinic's bucket" in shown["last_error"]
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    assert cli.main(["sync", "status", *user]) == 0
    assert f"missing: changes of workstation {front.ws.device_id[:8]}" in capsys.readouterr().out
