"""Faults: SeaweedFS SIGKILLed at random points of pushes and pulls, then restarted on the
same data; a workstation SIGKILLed while applying. Every round resumes and converges.

At least 20 server kills that strike a running push or pull ($PIXIODOC_SYNC_KILLS for
more; kills that come after a round already ended do not count); the moments come from a
seeded generator ($PIXIODOC_SYNC_SEED) so that a failure can be replayed.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import func, select
from vault_support import decodes, synthetic_jpeg

from pixiodoc_desktop.clinic.audit import trail as audit
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize
from pixiodoc_desktop.errors import SyncError
from pixiodoc_desktop.sync.dump import canonical_dump
from pixiodoc_desktop.sync.engine import Progress
from pixiodoc_desktop.vault.schema import SyncCursor, Visit
from tests.sync.sync_support import ACCESS_KEY, BUCKET, SECRET_KEY, ClinicNet, Station, Weed

WORKER = Path(__file__).with_name("sync_apply_worker.py")


@pytest.fixture
def own_weed(tmp_path: Path) -> Iterator[Weed]:
    """A SeaweedFS of this test alone: it is killed and restarted many times."""
    server = Weed(tmp_path / "weed-data")
    server.start(new_ports_on_clash=True)
    try:
        yield server
    finally:
        server.kill()


def _round_in_thread(
    station: Station, cut_off: list[str], progress: Progress | None = None
) -> threading.Thread:
    def run() -> None:
        try:
            station.sync(progress)
        except SyncError as exc:  # the server died under it: expected
            cut_off.append(type(exc).__name__)

    thread = threading.Thread(target=run, name=f"sync-{station.name}")
    thread.start()
    return thread


def _photo(seed: int) -> bytes:
    # big enough that a push takes a while, small enough to keep the test quick
    return synthetic_jpeg(seed, size=(1024, 768), captured_at=dt.datetime(2025, 5, 1, 10, 0))


@pytest.mark.slow
def test_server_killed_at_random_points_of_push_and_pull(own_weed: Weed, tmp_path: Path) -> None:
    kills = max(20, int(os.environ.get("PIXIODOC_SYNC_KILLS", "20")))
    rng = random.Random(int(os.environ.get("PIXIODOC_SYNC_SEED", "20261128")))
    clinic = ClinicNet(own_weed, tmp_path / "pcs")
    # the restart after a kill (~2.6 s, mostly SeaweedFS's own start-up pauses) runs
    # while the next round's photos are ingested, which needs no server
    restarts = ThreadPoolExecutor(1, thread_name_prefix="weed-restart")
    restarted: Future[None] | None = None
    try:
        front = clinic.first()
        front.sync()
        room = clinic.join("exam-room", via=front)
        patients = [
            front.services.patients.create(front.actor, family_name=f"Absturz{i}").id
            for i in range(3)
        ]
        clinic.settle()
        made = 0
        cut_off: list[str] = []
        landed = {"push": 0, "pull": 0}  # kills that struck a round still running
        kill = 0
        while landed["push"] + landed["pull"] < kills:
            assert kill < 3 * kills, f"only {landed} of {kill} kills struck a running round"
            pusher, puller = (front, room) if kill % 2 == 0 else (room, front)
            patient = rng.choice(patients)
            for _ in range(rng.randint(1, 2)):
                made += 1
                pusher.services.photos.ingest(
                    pusher.actor,
                    _photo(1000 + made),
                    CaptureContext(patient, body_site="forearm-left"),
                    source_name=f"kill-{made}.jpg",
                )
            pusher.services.patients.update(pusher.actor, patient, notes=f"round {kill}")
            if restarted is not None:
                restarted.result()  # the server is up again before the next round
            # Kill at a chosen step of the round's transfers, or after a random
            # delay, whichever comes first: a fast machine must not finish every
            # round before the kill lands.
            mid_round = threading.Event()
            step = rng.randint(1, 3)

            def at_step(
                _phase: str,
                done: int,
                _total: int,
                step: int = step,
                mid_round: threading.Event = mid_round,
            ) -> None:
                if done >= step:
                    mid_round.set()

            threads = [_round_in_thread(pusher, cut_off, at_step)]
            if rng.random() < 0.5:
                threads.append(_round_in_thread(puller, cut_off, at_step))
            mid_round.wait(rng.uniform(0.0, 0.6))
            running = [thread.is_alive() for thread in threads]
            own_weed.kill()
            kill += 1
            landed["push"] += running[0]
            landed["pull"] += len(running) > 1 and running[1]
            for thread in threads:
                thread.join(60)
                assert not thread.is_alive()
            restarted = restarts.submit(own_weed.start)
        assert restarted is not None
        restarted.result()
        assert landed["pull"] >= kills // 4, landed  # pulls were struck too, not only pushes
        assert len(cut_off) >= kills // 2, cut_off  # and most of the struck rounds failed
        clinic.settle()
        dumps = [canonical_dump(front.ws), canonical_dump(room.ws)]
        assert dumps[0] == dumps[1]
        assert len(dumps[0]["photos"]) == made
        for station in (front, room):
            photos = station.services.photos
            for patient in patients:
                for photo in photos.list(station.actor, patient):
                    decodes(
                        photos.image(station.actor, photo.id, ImageSize.ORIGINAL, audited=False)
                    )
            with station.ws.read_session() as session:
                assert audit.verify_chain(session, station.ws.vault.keys.audit) == []
    finally:
        restarts.shutdown()
        clinic.close()


def _cursor_and_patients(station: Station) -> tuple[int, int]:
    with station.ws.read_session() as session:
        cursor = session.scalar(select(func.max(SyncCursor.last_seq))) or 0
        patients = session.scalar(select(func.count()).select_from(Visit)) or 0
    return int(cursor), int(patients)


@pytest.mark.slow
def test_workstation_killed_mid_apply_recovers(clinic: ClinicNet, weed: Weed) -> None:
    front = clinic.first()
    front.sync()
    room = clinic.join("exam-room", via=front)
    before = _cursor_and_patients(room)
    patient = front.services.patients.create(front.actor, family_name="Viele")
    with front.ws.unit_of_work(front.actor) as uow:  # 3,000 ops: applying them takes a moment
        for i in range(3000):
            uow.session.add(
                Visit(
                    id=str(uuid.uuid4()),
                    patient_id=patient.id,
                    visit_date=dt.date(2020, 1, 1) + dt.timedelta(days=i),
                    reason=f"check-up {i}",
                )
            )
    front.sync()
    room.close()
    rng = random.Random(7)
    env = {
        **os.environ,
        "PIXIODOC_SYNC_PASSWORD": "Lichtung-Ahorn-Kiesel-47",
        "PIXIODOC_SYNC_SECRET": SECRET_KEY,
        "PYTHONPATH": os.pathsep.join(
            [str(Path(__file__).resolve().parents[2]), str(Path(__file__).parent)]
        ),
    }
    killed_mid_apply = 0
    for _attempt in range(4):
        proc = subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                str(room.folder),
                weed.endpoint,
                BUCKET,
                clinic.prefix,
                ACCESS_KEY,
            ],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline().decode()
        if line.strip() == "applying":
            time.sleep(rng.uniform(0.0, 0.3))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                killed_mid_apply += 1
        proc.wait(60)
        proc.stdout.close()
        # each start afterwards sees all of the batch or none of it
        station = clinic._open("exam-room", room.folder)
        cursor, count = _cursor_and_patients(station)
        assert (cursor, count) == before or count == 3000 + before[1]
        station.close()
        if count != before[1]:
            break
    assert killed_mid_apply >= 1
    station = clinic._open("exam-room", room.folder)
    clinic.settle([front, station])
    assert canonical_dump(station.ws)["patients"] == canonical_dump(front.ws)["patients"]
