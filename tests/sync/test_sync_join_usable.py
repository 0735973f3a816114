"""A new workstation that joins from a snapshot can be used once the directory stage is in
(clinicians, patients, their keys), and the rest arrives with later rounds, a part per
transaction (issue 19): edits made on it meanwhile merge as on a PC that replayed, its
own changes go out meanwhile, and a part damaged in the bucket by then ends typed and
audited, then in replay."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from pixiodoc_desktop import cli
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.errors import SyncDataDamaged
from pixiodoc_desktop.sync import snapshot_parts, snapshot_take, snapshot_write
from pixiodoc_desktop.sync.catching_up import catching_up
from pixiodoc_desktop.sync.engine import sync_keys
from pixiodoc_desktop.sync.enroll import create_enrollment
from pixiodoc_desktop.sync.snapshots import chunk_key
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.schema import AuditEvent, Photo, Visit
from tests.sync.bucket_faults import delete, flip, read, write
from tests.sync.sync_support import (
    ACCESS_KEY,
    BUCKET,
    LOGIN,
    PASSWORD,
    SECRET_KEY,
    ClinicNet,
    Station,
)
from tests.sync.test_sync_snapshots import _alerts, _clocks, _photo, _records, _taken

NAMES = [f"Lindqvist{n}" for n in range(8)]


def _clinic_with_a_snapshot(clinic: ClinicNet) -> tuple[Station, list[Any], str]:
    front = clinic.first()
    patients = [
        front.services.patients.create(front.actor, family_name=name, given_name="Test")
        for name in NAMES
    ]
    for n, patient in enumerate(patients[:3]):
        front.services.visits.create(
            front.actor, patient.id, visit_date=dt.date(2025, 3, 14), notes=f"Befund {n}"
        )
        _photo(front, patient.id, n + 1)
    front.sync()
    sid = snapshot_write.write_snapshot(front.ws, front.store).sid
    front.services.patients.update(front.actor, patients[1].id, notes="nach dem Schnappschuss")
    front.sync()  # a batch after the snapshot: replayed once every part is in
    return front, patients, sid


def _cli_join(
    clinic: ClinicNet, front: Station, folder: Path, capsys: pytest.CaptureFixture[str]
) -> str:
    code, _expires = create_enrollment(front.ws, front.store, front.actor, kdf=MINIMUM_KDF)
    target = ["--endpoint", clinic.weed.endpoint, "--bucket", BUCKET, "--prefix", clinic.prefix]
    args = ["sync", "join", "--vault", str(folder), *target, "--access-key", ACCESS_KEY]
    pytest.MonkeyPatch().setattr("sys.stdin", io.StringIO(f"{SECRET_KEY}\n"))
    assert cli.main([*args, "--code", code, "--password-stdin"]) == 0
    return capsys.readouterr().out


def _plain_on_disk(folder: Path) -> list[str]:
    return [
        str(path)
        for path in folder.rglob("*")
        if path.is_file() and any(name.encode() in path.read_bytes() for name in NAMES)
    ]


def test_a_new_pc_is_used_while_the_clinic_s_records_arrive_and_ends_as_one_that_replayed(
    clinic: ClinicNet, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot_write, "PER_CHUNK", 4)
    front, patients, sid = _clinic_with_a_snapshot(clinic)

    out = _cli_join(clinic, front, clinic.root / "new-pc", capsys)
    joiner = clinic._open("new-pc", clinic.root / "new-pc")
    left = catching_up(joiner.ws)
    assert left is not None and 0 < left.applied < left.total - 2
    assert f"({left.applied} of {left.total} parts" in out
    assert f"The other {left.total - left.applied} parts" in out
    assert "stay in the clinic's bucket until they are first shown" in out
    # usable: every patient listed and found, while visits and photos are still to come
    listed = joiner.services.patients.search(joiner.actor)
    assert sorted(p.family_name for p in listed) == NAMES
    assert [p.id for p in joiner.services.patients.search(joiner.actor, "lindqvist5")] == [
        patients[5].id
    ]
    with joiner.ws.vault.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Visit)) < 3
        assert session.scalar(select(func.count()).select_from(Photo)) == 0
    assert (joiner.folder / snapshot_parts.SPOOL).is_dir()  # sealed parts, nothing plain
    assert not _plain_on_disk(joiner.folder)

    # used meanwhile: an edit, a new visit with a photo
    joiner.services.patients.update(joiner.actor, patients[0].id, given_name="Toni")
    joiner.services.visits.create(joiner.actor, patients[4].id, visit_date=dt.date(2025, 9, 1))
    _photo(joiner, patients[4].id, 9)

    monkeypatch.setattr(snapshot_take, "ROUND_SECONDS", 0.0)  # one part a round
    report = joiner.sync()
    assert report.pushed_ops > 0 and report.pushed_blobs == 3  # its own photo goes out meanwhile
    assert catching_up(joiner.ws) == type(left)(left.applied + 1, left.total)
    args = ["sync", "status", "--vault", str(joiner.folder), "--user", LOGIN, "--password-stdin"]
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    assert cli.main(args) == 0
    status = capsys.readouterr().out
    assert f"catching up with the clinic: {left.applied + 1} of {left.total} parts" in status
    rounds = 1
    while catching_up(joiner.ws) is not None:
        joiner.sync()
        rounds += 1
    assert rounds == left.total - left.applied
    assert _taken(joiner) == sid and not (joiner.folder / snapshot_parts.SPOOL).exists()

    with monkeypatch.context() as hidden:  # a PC that finds no snapshot replays every batch
        hidden.setattr(snapshot_take, "manifests", lambda store, keys: ([], {}))
        replay = clinic.join("replay-pc", via=front)
    assert _taken(replay) is None
    clinic.settle([front, joiner, replay])
    assert _records(joiner) == _records(replay) == _records(front)
    assert _clocks(joiner) == _clocks(replay)
    toni = joiner.services.patients.get(joiner.actor, patients[0].id)
    assert toni.given_name == "Toni"
    with joiner.ws.vault.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Photo)) == 4
    with joiner.ws.read_session() as session:
        assert audit.verify_chain(session, joiner.ws.vault.keys.audit) == []


def test_a_part_damaged_in_the_bucket_after_the_pc_is_in_use_ends_audited_then_in_replay(
    clinic: ClinicNet, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot_write, "PER_CHUNK", 2)
    monkeypatch.setattr(snapshot_parts, "AHEAD", 1)  # nothing fetched ahead into the spool
    front, _patients, sid = _clinic_with_a_snapshot(clinic)
    keys = sync_keys(front.ws)

    for name, fault in (("deleted", delete), ("flipped", flip)):
        joiner = clinic.join(f"pc-{name}", via=front, wait_for_everything=False)
        left = catching_up(joiner.ws)
        assert left is not None and left.remaining > 2
        part = chunk_key(front.store, keys, sid, left.applied)  # the next one to come
        kept = read(clinic, part)
        fault(clinic, part)
        with pytest.raises(SyncDataDamaged):
            joiner.sync()
        reason = {"deleted": "is missing", "flipped": "does not match the manifest"}[name]
        assert [a["reason"] for a in _alerts(joiner)] == [f"chunk {left.applied} {reason}"]
        with joiner.ws.vault.read_session() as session:
            failed = [
                e.details["error"]
                for e in session.scalars(
                    select(AuditEvent).where(
                        AuditEvent.event_type == audit.EventType.SYNC_RUN.value,
                        AuditEvent.outcome == audit.Outcome.FAILURE.value,
                    )
                )
            ]
        assert failed == ["SyncDataDamaged"]
        assert catching_up(joiner.ws) is None
        joiner.sync()  # the next round replays every batch over what was applied
        assert _taken(joiner) is None
        assert _records(joiner) == _records(front)
        write(clinic, part, kept)
