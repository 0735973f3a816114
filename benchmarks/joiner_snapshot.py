"""A new workstation joining from a snapshot against one replaying every batch (issue 19).

One clinic on a real SeaweedFS (loopback): a PC records patients and visits,
then edits them over many rounds (a history of many batches, most of whose ops
were overwritten later, as in a practice's years). Then, in the same run:

1. baseline: a new PC joins and replays every batch (no snapshot exists yet);
2. that PC writes a snapshot of what it now holds (`write_snapshot`);
3. value: another new PC joins and starts from that snapshot.

Both joins are the real `sync join` path (enrollment code, new vault, two
rounds). Ratio = replay seconds / snapshot seconds (higher is better; target
>= 1: a snapshot must never make joining slower). Process CPU seconds and the
load average are reported beside the wall-clock figures: the machine is shared.
`--quick` is a small run for CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import _common
from _keyring import use_memory_keyring

sys.path.insert(0, str(_common.REPO_ROOT / "tests" / "sync"))

from sqlalchemy import func, select
from sync_support import ClinicNet, Station, Weed

from pixiodoc_desktop.clinic.records.patients import search_key
from pixiodoc_desktop.sync import state
from pixiodoc_desktop.sync.snapshot_take import TAKEN
from pixiodoc_desktop.sync.snapshot_write import write_snapshot
from pixiodoc_desktop.vault.schema import Patient, SyncCursor, Visit


def _history(station: Station, patients: int, visits: int, rounds: int, edits: int) -> int:
    """Records, then `rounds` rounds of `edits` note edits each; returns batches written."""
    ids: list[str] = []
    with station.ws.unit_of_work(station.actor) as uow:
        for n in range(patients):
            family = f"Muster{n:06d}"
            patient = Patient(
                id=str(uuid.uuid4()),
                family_name=family,
                given_name="Test",
                search_key=search_key(family, "Test", None),
                birth_date=dt.date(1950, 1, 1) + dt.timedelta(days=n % 20_000),
            )
            uow.session.add(patient)
            ids.append(patient.id)
            for v in range(visits):
                uow.session.add(
                    Visit(
                        id=str(uuid.uuid4()),
                        patient_id=patient.id,
                        visit_date=dt.date(2020, 1, 1) + dt.timedelta(days=v),
                        reason=f"check-up {v}",
                    )
                )
    station.sync()
    for r in range(rounds):
        with station.ws.unit_of_work(station.actor) as uow:
            for k in range(edits):
                patient_id = ids[(r * edits + k) % len(ids)]
                row = uow.session.get(Patient, patient_id)
                assert row is not None
                row.notes = f"Kontrolle {r}"
        station.sync()
    with station.ws.vault.read_session() as session:
        return int(state.get(session, state.NEXT_SEQ) or 1) - 1


def _join(clinic: ClinicNet, name: str, via: Station) -> tuple[Station, float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    station = clinic.join(name, via=via)
    return station, time.perf_counter() - wall, time.process_time() - cpu


def _holds(station: Station) -> tuple[int, int, int]:
    with station.ws.vault.read_session() as session:
        return (
            int(session.scalar(select(func.count()).select_from(Patient)) or 0),
            int(session.scalar(select(func.count()).select_from(Visit)) or 0),
            int(session.scalar(select(func.coalesce(func.sum(SyncCursor.last_seq), 0))) or 0),
        )


def bench(weed: Weed, root: Path, sizes: dict[str, int]) -> dict[str, Any]:
    clinic = ClinicNet(weed, root / "clinic")
    try:
        front = clinic.first()
        _common.log(f"Recording a history: {sizes} ...")
        batches = _history(
            front, sizes["patients"], sizes["visits"], sizes["rounds"], sizes["edits"]
        )
        _common.log(f"  {batches} batches; a PC joins and replays them ...")
        replay, replay_s, replay_cpu = _join(clinic, "replaying-pc", front)
        cpu, wall = time.process_time(), time.perf_counter()
        info = write_snapshot(replay.ws, replay.store)
        write_s, write_cpu = time.perf_counter() - wall, time.process_time() - cpu
        _common.log(f"  snapshot {info}; a PC joins from it ...")
        fresh, snapshot_s, snapshot_cpu = _join(clinic, "snapshot-pc", front)
        with fresh.ws.vault.read_session() as session:
            taken = state.get(session, TAKEN)
        assert taken and taken["snapshot"] == info.sid, taken
        assert _holds(fresh)[:2] == _holds(replay)[:2] == _holds(front)[:2]
        return {
            "batches": batches,
            "replay_s": replay_s,
            "replay_cpu_s": replay_cpu,
            "snapshot_s": snapshot_s,
            "snapshot_cpu_s": snapshot_cpu,
            "write_s": write_s,
            "write_cpu_s": write_cpu,
            "snapshot_chunks": info.chunks,
            "snapshot_records": info.records,
            "snapshot_mb": info.sealed_bytes / 1e6,
        }
    finally:
        clinic.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small run for CI")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    sizes = (
        {"patients": 300, "visits": 2, "rounds": 30, "edits": 50}
        if args.quick
        else {"patients": 5_000, "visits": 3, "rounds": 200, "edits": 500}
    )
    use_memory_keyring()
    load_before = _common.load_average()
    tmp = Path(tempfile.mkdtemp(prefix="pixiodoc-bench-joiner-snapshot-"))
    weed = Weed(tmp / "weed")
    try:
        weed.start(new_ports_on_clash=True)
        figures = bench(weed, tmp, sizes)
        _common.log(f"  {figures}")
    finally:
        weed.kill()
        if args.keep:
            _common.log(f"Kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    ratio = figures["replay_s"] / figures["snapshot_s"]
    _common.emit(
        _common.result(
            benchmark="joiner_snapshot",
            metric="a new PC joining from a snapshot vs replaying every batch (same clinic)",
            value=_common.rounded(figures["snapshot_s"]),
            unit="s",
            baseline=_common.rounded(figures["replay_s"]),
            ratio=_common.rounded(ratio),
            target=1.0,
            meets_target=ratio >= 1.0,
            **sizes,
            **{k: _common.rounded(v) if isinstance(v, float) else v for k, v in figures.items()},
            load_average_before=load_before,
            load_average_after=_common.load_average(),
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
