"""A new workstation starts from a snapshot of the clinic's records and replays only the
batches after it (issue 19): the result is the one replaying every batch gives, the
bucket's faults on a snapshot end in replay (audited), and an erased patient never
comes back from one."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from typing import Any

import pytest
from sqlalchemy import select
from vault_support import synthetic_jpeg

from pixiodoc_desktop import cli
from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.patients import Patients
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.errors import SyncDataDamaged, SyncUnavailable
from pixiodoc_desktop.sync import snapshot_take, snapshot_write, snapshots, state
from pixiodoc_desktop.sync.catching_up import CatchingUp, catching_up
from pixiodoc_desktop.sync.crypto import open_json, seal_json
from pixiodoc_desktop.sync.dump import canonical_dump
from pixiodoc_desktop.sync.engine import sync_keys, sync_once
from pixiodoc_desktop.sync.renewal import renew_keys
from pixiodoc_desktop.sync.settings import set_setting
from pixiodoc_desktop.sync.snapshot_take import Pace
from pixiodoc_desktop.sync.snapshots import chunk_key, manifest_key, manifests
from pixiodoc_desktop.vault.schema import (
    AuditEvent,
    Patient,
    PatientKey,
    SyncClock,
    SyncConflict,
    SyncCursor,
    Visit,
)
from tests.sync.bucket_faults import delete, flip, read, swap, write
from tests.sync.sync_support import LOGIN, PASSWORD, ClinicNet, Station

SECRET = "Vergessen"
NOTE = "Befund nur fuer diesen Patienten"


def _clocks(station: Station) -> list[tuple[Any, ...]]:
    with station.ws.vault.read_session() as session:
        return sorted(  # a tombstone's field clocks mean nothing (and erasure empties them)
            (
                c.entity,
                c.entity_id,
                [] if c.deleted_hlc else sorted(c.clocks.items()),
                c.deleted_hlc,
            )
            for c in session.scalars(select(SyncClock))
            if c.entity != "clinicians"  # each PC adds its own login's directory entry
        )


def _conflicts(station: Station) -> list[tuple[Any, ...]]:
    with station.ws.vault.read_session() as session:
        return sorted(
            (c.entity, c.entity_id, c.field, sorted(c.versions.items()), c.kept_hlc)
            for c in session.scalars(select(SyncConflict).where(SyncConflict.resolved_at.is_(None)))
        )


def _records(station: Station) -> dict[str, Any]:
    dump = canonical_dump(station.ws)
    dump.pop("audit_events")
    return dump


def _chains(station: Station, devices: set[str]) -> list[tuple[str, int, str]]:
    with station.ws.vault.read_session() as session:
        return sorted(
            (e.device_id, e.seq, bytes(e.hash).hex())
            for e in session.scalars(select(AuditEvent).where(AuditEvent.device_id.in_(devices)))
        )


def _taken(station: Station) -> str | None:
    with station.ws.vault.read_session() as session:
        taken = state.get(session, snapshot_take.TAKEN)
    return None if taken is None else str(taken["snapshot"])


def _alerts(station: Station) -> list[dict[str, Any]]:
    with station.ws.vault.read_session() as session:
        return [
            dict(e.details)
            for e in session.scalars(
                select(AuditEvent).where(
                    AuditEvent.device_id == station.ws.device_id,
                    AuditEvent.event_type == audit.EventType.SECURITY_ALERT.value,
                )
            )
            if e.details.get("check") == "sync snapshot"
        ]


def _photo(station: Station, patient_id: str, seed: int) -> None:
    station.services.photos.ingest(
        station.actor,
        synthetic_jpeg(seed, captured_at=dt.datetime(2025, 3, 14, 9, 30)),
        CaptureContext(patient_id, visit_date=dt.date(2025, 3, 14)),
        source_name=f"IMG_{seed}.jpg",
    )


def test_a_joiner_from_a_snapshot_holds_what_replaying_every_batch_gives(
    clinic: ClinicNet, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot_write, "PER_CHUNK", 4)  # several chunks of each kind
    front = clinic.first()
    brandt = front.services.patients.create(front.actor, family_name="Brandt", given_name="Jo")
    _photo(front, brandt.id, 1)
    gone = front.services.patients.create(front.actor, family_name="Weg", given_name="Ida")
    erased = front.services.patients.create(front.actor, family_name=SECRET)
    front.services.visits.create(front.actor, erased.id, visit_date=dt.date(2025, 7, 1), notes=NOTE)
    front.sync()
    room = clinic.join("exam-room", via=front)
    # a note edited on both PCs at once (an open conflict), an edit, a delete
    front.services.patients.update(front.actor, brandt.id, notes="Naevus links, Kontrolle")
    room.services.patients.update(room.actor, brandt.id, notes="Exzision gewuenscht")
    room.services.patients.update(room.actor, gone.id, given_name="Ida Maria")
    kaya = room.services.patients.create(room.actor, family_name="Kaya", given_name="Deniz")
    _photo(room, kaya.id, 2)
    for n in range(6):
        room.services.patients.create(room.actor, family_name=f"Muster{n}", given_name="Test")
    clinic.settle([front, room])
    Patients(room.ws).erase(room.actor, erased.id, confirm_family_name=SECRET)
    photo = front.services.photos.list(front.actor, brandt.id)[0]
    front.services.photos.delete(front.actor, photo.id)
    clinic.settle([front, room])
    assert _conflicts(room)

    info = snapshot_write.write_snapshot(room.ws, room.store)
    assert info.chunks > 3 and info.records > 10 and info.audit_events > 0
    # after the snapshot: more batches, which a joiner replays
    front.services.patients.update(front.actor, kaya.id, sex="female")
    later = front.services.patients.create(front.actor, family_name="Spaet", given_name="Lou")
    _photo(front, later.id, 3)
    front.sync()

    with monkeypatch.context() as hidden:  # a joiner that finds no snapshot replays all
        hidden.setattr(snapshot_take, "manifests", lambda store, keys: ([], {}))
        replay = clinic.join("replay-pc", via=front)
    assert _taken(replay) is None
    fresh = clinic.join("snapshot-pc", via=front)
    assert _taken(fresh) == info.sid
    with fresh.ws.vault.read_session() as session:
        cursors = {c.device_id: c.last_seq for c in session.scalars(select(SyncCursor))}
    assert cursors[front.ws.device_id] >= 1 and cursors[room.ws.device_id] >= 1

    clinic.settle([front, room, replay, fresh])
    assert _records(fresh) == _records(replay)
    assert _clocks(fresh) == _clocks(replay)
    assert _conflicts(fresh) == _conflicts(replay) != []
    others = {front.ws.device_id, room.ws.device_id}
    assert _chains(fresh, others) == _chains(replay, others)
    with fresh.ws.read_session() as session:
        assert audit.verify_chain(session, fresh.ws.vault.keys.audit) == []
    assert not _alerts(fresh)
    assert not (fresh.folder / snapshot_take.SPOOL).exists()
    assert not visible(fresh, erased.id) and not visible(replay, erased.id)


# --- a faulty bucket ------------------------------------------------------------------


class Snapshots:
    """Several snapshots of one clinic, as the bucket holds them, and a key holder's pen."""

    def __init__(self, clinic: ClinicNet, writer: Station) -> None:
        self.clinic, self.writer = clinic, writer
        self.keys = sync_keys(writer.ws)

    def chunk(self, sid: str, n: int) -> str:
        return chunk_key(self.writer.store, self.keys, sid, n)

    def manifest(self, sid: str) -> str:
        return manifest_key(self.writer.store, self.keys, sid)

    def reseal_manifest(self, sid: str, change: Any) -> None:
        """What a holder of the workspace key could write."""
        name = self.manifest(sid)
        document = open_json(self.keys.ops, read(self.clinic, name), name=name)
        change(document)
        write(self.clinic, name, seal_json(self.keys.ops, document, name=name))

    def forge(self, sid: str, n: int) -> None:
        """Chunk `n` sealed again as something else, and the manifest naming its bytes."""
        name = self.chunk(sid, n)
        document = open_json(self.keys.ops, read(self.clinic, name), name=name)
        sealed = seal_json(self.keys.ops, {**document, "kind": "something else"}, name=name)
        write(self.clinic, name, sealed)
        digest = hashlib.sha256(sealed).hexdigest()
        self.reseal_manifest(sid, lambda d: d["chunks"][n].__setitem__(0, digest))


FAULTS: dict[str, tuple[Any, str]] = {
    "chunk deleted": (lambda s, sid, _o: delete(s.clinic, s.chunk(sid, 1)), "chunk 1 is missing"),
    "chunk flipped": (
        lambda s, sid, _o: flip(s.clinic, s.chunk(sid, 2)),
        "chunk 2 does not match the manifest",
    ),
    "chunks reordered": (
        lambda s, sid, _o: swap(s.clinic, s.chunk(sid, 0), s.chunk(sid, 1)),
        "chunk 0 does not match the manifest",
    ),
    "chunk of an older snapshot": (
        lambda s, sid, older: write(s.clinic, s.chunk(sid, 1), read(s.clinic, s.chunk(older, 1))),
        "chunk 1 does not match the manifest",
    ),
    "manifest naming other bytes": (
        lambda s, sid, older: s.reseal_manifest(
            sid,
            lambda d: (
                write(s.clinic, s.chunk(sid, 1), read(s.clinic, s.chunk(older, 1))),
                d["chunks"][1].__setitem__(
                    0, hashlib.sha256(read(s.clinic, s.chunk(older, 1))).hexdigest()
                ),
            ),
        ),
        "chunk 1 does not open",
    ),
    "manifest leaving the last chunk out": (
        lambda s, sid, _o: s.reseal_manifest(
            sid, lambda d: d.__setitem__("chunks", d["chunks"][:-1])
        ),
        "its manifest leaves chunks out",
    ),
    "first chunk sealed as something else": (
        lambda s, sid, _o: s.forge(sid, 0),
        "chunk 0 is not the chunk its manifest names",
    ),
    "manifest claiming later batches": (
        lambda s, sid, _o: s.reseal_manifest(
            sid, lambda d: d["cursors"].__setitem__(s.writer.ws.device_id, 99)
        ),
        "it names batch 99 of a workstation whose head says fewer",
    ),
}


def test_damaged_snapshots_are_refused_audited_and_the_joiner_converges(
    clinic: ClinicNet, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot_write, "PER_CHUNK", 3)
    monkeypatch.setattr(snapshot_write, "KEEP", 20)
    front = clinic.first()
    patient = front.services.patients.create(front.actor, family_name="Brandt")
    front.services.visits.create(
        front.actor, patient.id, visit_date=dt.date(2025, 7, 1), notes=NOTE
    )
    for n in range(8):
        front.services.patients.create(front.actor, family_name=f"Muster{n}")
    front.sync()
    good = snapshot_write.write_snapshot(front.ws, front.store)  # the oldest: tried last
    front.services.patients.update(front.actor, patient.id, given_name="Jonas")
    front.sync()
    damaged = {name: snapshot_write.write_snapshot(front.ws, front.store).sid for name in FAULTS}
    flipped = snapshot_write.write_snapshot(front.ws, front.store).sid
    snapshots = Snapshots(clinic, front)
    for name, (fault, _reason) in FAULTS.items():
        fault(snapshots, damaged[name], good.sid)
    flip(clinic, snapshots.manifest(flipped))

    joiner = clinic.join("new-pc", via=front)
    assert _taken(joiner) == good.sid  # every newer one refused, each audited with its reason
    reasons = {a["snapshot"]: a["reason"] for a in _alerts(joiner)}
    assert reasons.pop(flipped[:8]).startswith("The sync object")
    assert reasons == {damaged[name][:8]: reason for name, (_f, reason) in FAULTS.items()}
    assert _records(joiner) == _records(front)  # and the batches after it were replayed

    # every snapshot unusable: the joiner replays every batch, and converges
    delete(clinic, snapshots.chunk(good.sid, 0))
    replayer = clinic.join("replaying-pc", via=front)
    assert _taken(replayer) is None
    assert good.sid[:8] in {a["snapshot"] for a in _alerts(replayer)}
    assert _records(replayer) == _records(front)


# --- erasure ----------------------------------------------------------------------------


def visible(station: Station, patient_id: str) -> bool:
    with station.ws.vault.read_session() as session:
        return (
            session.get(PatientKey, patient_id) is not None
            or SECRET in set(session.scalars(select(Patient.family_name)))
            or NOTE in set(session.scalars(select(Visit.notes)))
        )


def test_an_erasure_retires_the_snapshots_that_hold_the_patient(
    clinic: ClinicNet, monkeypatch: pytest.MonkeyPatch
) -> None:
    front = clinic.first()
    patient = front.services.patients.create(front.actor, family_name=SECRET)
    front.services.visits.create(
        front.actor, patient.id, visit_date=dt.date(2025, 7, 1), notes=NOTE
    )
    front.services.patients.create(front.actor, family_name="Bleibt")
    front.sync()
    old = snapshot_write.write_snapshot(front.ws, front.store)
    keys = sync_keys(front.ws)
    folder = front.store.key(keys.workspace, "snapshots") + "/"
    held = dict(clinic.weed.all_objects(folder))

    Patients(front.ws).erase(front.actor, patient.id, confirm_family_name=SECRET)

    def offline(*_args: Any) -> None:
        raise SyncUnavailable("offline")

    with monkeypatch.context() as cut:  # the erasing PC's round is cut off before it deletes
        cut.setattr(snapshots, "delete_snapshot", offline)
        with pytest.raises(SyncUnavailable):
            front.sync()
    assert [m.sid for m in manifests(front.store, keys)[0]] == [old.sid]
    front.sync()  # its next round retires the snapshot
    assert manifests(front.store, keys) == ([], {})
    assert not clinic.weed.all_objects(folder)

    # the bucket puts the old snapshot back (a restore): a joiner refuses it
    for key, body in held.items():
        write(clinic, key, body)
    late = clinic.join("late-pc", via=front)
    assert _taken(late) is None
    assert {a["reason"] for a in _alerts(late)} == {"it predates an erasure"}
    assert not visible(late, patient.id)
    front.sync()  # and the next round of a PC that knows retires it again
    assert manifests(front.store, keys)[0] == []

    # a snapshot written after the erasure is used, without the patient
    new = snapshot_write.write_snapshot(front.ws, front.store)
    assert new.sid != old.sid
    newest = clinic.join("newest-pc", via=front)
    assert _taken(newest) == new.sid
    assert all(not visible(s, patient.id) for s in (front, late, newest))
    raw = b"".join(body for _key, body in clinic.weed.all_objects(folder))
    assert SECRET.encode() not in raw and NOTE.encode() not in raw


def test_a_round_writes_a_snapshot_when_enough_batches_were_written_and_an_admin_on_demand(
    clinic: ClinicNet, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    front = clinic.first()
    set_setting(front.ws.vault, snapshot_write.EVERY_SETTING, "3")
    keys = sync_keys(front.ws)
    for n in range(3):
        front.services.patients.create(front.actor, family_name=f"Muster{n}")
        front.sync()
    found, _ = manifests(front.store, keys)
    assert len(found) == 1 and found[0].covers == 3
    front.services.patients.create(front.actor, family_name="Muster3")  # not sent yet

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    args = ["sync", "snapshot", "--vault", str(front.folder), "--user", LOGIN, "--password-stdin"]
    assert cli.main([*args, "--json"]) == 0
    written = json.loads(capsys.readouterr().out)
    found, _ = manifests(front.store, keys)
    assert [m.sid for m in found] == [written["sid"], found[1].sid]
    assert found[0].covers == 4 and written["records"] > found[1].document["records"]
    with front.ws.vault.read_session() as session:
        runs = [
            e.details
            for e in session.scalars(
                select(AuditEvent).where(AuditEvent.event_type == audit.EventType.SYNC_RUN.value)
            )
            if "snapshot" in e.details
        ]
    assert [r["snapshot"] for r in runs] == [found[1].sid[:8], written["sid"][:8]]
    assert runs[-1]["trigger"] == "Admin"
    raw = b"".join(
        body for _key, body in clinic.weed.all_objects(front.store.key(keys.workspace, "snapshots"))
    )
    assert b"Muster" not in raw


def test_after_a_key_renewal_snapshots_are_sealed_with_the_new_keys(clinic: ClinicNet) -> None:
    front = clinic.first()
    front.services.patients.create(front.actor, family_name="Brandt")
    front.sync()
    old_keys = sync_keys(front.ws)
    snapshot_write.write_snapshot(front.ws, front.store)
    renew_keys(front.ws, front.actor, PASSWORD, front.store, front.sync)
    new_keys = sync_keys(front.ws)
    assert new_keys.workspace != old_keys.workspace
    info = snapshot_write.write_snapshot(front.ws, front.store)
    name = manifest_key(front.store, new_keys, info.sid)
    with pytest.raises(SyncDataDamaged):
        open_json(old_keys.ops, read(clinic, name), name=name)
    assert [m.sid for m in manifests(front.store, new_keys)[0]] == [info.sid]
    for key, _body in clinic.weed.all_objects(front.store.key(new_keys.workspace, "snapshots")):
        chunk = key.rsplit("/", 1)[-1]
        if chunk != "manifest":  # every chunk opens with the new keys only
            open_json(new_keys.ops, read(clinic, key), name=key)
            with pytest.raises(SyncDataDamaged):
                open_json(old_keys.ops, read(clinic, key), name=key)


def test_a_joiner_cut_off_while_applying_a_snapshot_finishes_it_at_its_next_round(
    clinic: ClinicNet, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot_write, "PER_CHUNK", 3)
    front = clinic.first()
    for n in range(8):
        front.services.patients.create(front.actor, family_name=f"Muster{n}")
    front.sync()
    info = snapshot_write.write_snapshot(front.ws, front.store)
    real = snapshot_take.open_part

    def cut_off(*args: Any) -> dict[str, Any]:
        if args[3] == info.chunks - 2:  # the records are in, the audit trail not yet
            raise RuntimeError("the PC went off")
        return real(*args)

    station = clinic.join("new-pc", via=front, wait_for_everything=False)  # usable
    monkeypatch.setattr(snapshot_take, "open_part", cut_off)
    with pytest.raises(RuntimeError):
        sync_once(station.ws, station.store, catch_up=Pace.EVERYTHING)
    monkeypatch.setattr(snapshot_take, "open_part", real)
    with station.ws.vault.read_session() as session:
        taking = state.get(session, snapshot_take.TAKING)
        assert (taking["snapshot"], taking["applied"], taking["total"]) == (
            info.sid,
            info.chunks - 2,
            info.chunks,
        )
        assert session.scalar(select(Patient.id).limit(1)) is not None  # half applied
    assert catching_up(station.ws) == CatchingUp(info.chunks - 2, info.chunks)
    while catching_up(station.ws) is not None:  # from the part after the last one in
        station.sync()
    assert _taken(station) == info.sid
    assert catching_up(station.ws) is None
    assert _records(station) == _records(front)


def test_a_later_chunk_sealed_wrongly_by_a_key_holder_stops_the_round_then_the_pc_replays(
    clinic: ClinicNet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chunk that opens, and that the manifest names, yet is not a snapshot chunk, found
    after earlier chunks were applied: the round stops typed and audited, the next one
    replays over what was applied (in the first chunk: the damaged-snapshots test)."""
    monkeypatch.setattr(snapshot_write, "PER_CHUNK", 3)
    front = clinic.first()
    for n in range(6):
        front.services.patients.create(front.actor, family_name=f"Muster{n}")
    front.sync()
    info = snapshot_write.write_snapshot(front.ws, front.store)
    forged = info.chunks - 2  # after the directory stage, which is checked before applying
    Snapshots(clinic, front).forge(info.sid, forged)
    station = clinic.join("new-pc", via=front, wait_for_everything=False)
    with pytest.raises(SyncDataDamaged):
        sync_once(station.ws, station.store, catch_up=Pace.EVERYTHING)
    assert [a["reason"] for a in _alerts(station)] == [
        f"chunk {forged} is not the chunk its manifest names"
    ]
    with station.ws.vault.read_session() as session:
        failed = [
            e.details
            for e in session.scalars(
                select(AuditEvent).where(AuditEvent.event_type == audit.EventType.SYNC_RUN.value)
            )
            if e.outcome == audit.Outcome.FAILURE.value
        ]
    assert [f["error"] for f in failed] == ["SyncDataDamaged"]
    station.sync()  # the next round replays the batches over what was applied
    assert _taken(station) is None
    assert _records(station) == _records(front)
    assert len(_alerts(station)) == 1
