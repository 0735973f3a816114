"""Sync against a real SeaweedFS on loopback (DESIGN.md §4, §9).

Three figures, all in one run on the same server:

1. Push throughput: ~500 MB of photo objects (plus their records) pushed by
   `sync_once`, against plain boto3 uploads of the very same files to the same
   bucket (the faster of one-after-another and 4 in parallel is the baseline).
   Ratio = our MB/s / boto3's MB/s; target >= 0.8. This is the headline figure.
2. A round with nothing to do on a vault of 50,000 photos (target <= 2 s).
3. Applying 10,000 operations from another workstation (target <= 5 s).

`--quick` shrinks everything for CI. The JSON object printed last follows §9.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import _common
from _keyring import use_memory_keyring

sys.path.insert(0, str(_common.REPO_ROOT / "tests" / "sync"))

from sqlalchemy import insert
from sync_support import ACCESS_KEY, BUCKET, SECRET_KEY, ClinicNet, Station, Weed

from pixiodoc_desktop.sync.engine import sync_keys, sync_once
from pixiodoc_desktop.sync.pull import apply_batches, fetch_batches
from pixiodoc_desktop.vault.blobs import blob_id_for
from pixiodoc_desktop.vault.schema import Grant, Patient, Photo, Visit


def _photo_rows(
    station: Station, patient_id: str, visit_id: str, count: int, original_mb: float
) -> list[Path]:
    """Photos with real encrypted objects of photo-like (incompressible) size."""
    vault = station.ws.vault
    with vault.read_session() as session:
        key = vault.patient_key(session, patient_id)
    files: list[Path] = []
    with station.ws.unit_of_work(station.actor) as uow:
        for index in range(count):
            sizes = (int(original_mb * 1e6), 40_000, 400_000)
            ids = []
            for size in sizes:
                data = os.urandom(size)
                blob = blob_id_for(vault.keys.blob_id, patient_id, data)
                vault.blobs.put(blob, data, key)
                files.append(vault.blobs.path_for(blob))
                ids.append(blob)
            uow.session.add(
                Photo(
                    id=str(uuid.uuid4()),
                    patient_id=patient_id,
                    visit_id=visit_id,
                    modality="clinical-overview",
                    width=4000,
                    height=3000,
                    media_type="image/jpeg",
                    size_bytes=sizes[0],
                    blob_id=ids[0],
                    thumbnail_blob_id=ids[1],
                    screen_blob_id=ids[2],
                    source="import",
                    source_name=f"bench-{index}.jpg",
                    tags=[],
                    annotations=[],
                )
            )
    return files


def _raw_upload(weed: Weed, files: list[Path], threads: int) -> float:
    import boto3
    from botocore.config import Config

    client = boto3.client(
        "s3",
        endpoint_url=weed.endpoint,
        region_name="eu-central-1",
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        config=Config(s3={"addressing_style": "path"}),
    )
    prefix = f"raw-{uuid.uuid4().hex[:8]}"

    def one(path: Path) -> None:
        client.upload_file(str(path), BUCKET, f"{prefix}/{path.name}")

    with _common.stopwatch() as elapsed:
        if threads == 1:
            for path in files:
                one(path)
        else:
            with ThreadPoolExecutor(threads) as pool:
                list(pool.map(one, files))
    return elapsed[0]


def bench_push(weed: Weed, root: Path, photos: int, original_mb: float) -> dict[str, float]:
    clinic = ClinicNet(weed, root / "push")
    try:
        station = clinic.first()
        patient = station.services.patients.create(station.actor, family_name="Benchmark")
        visit = station.services.visits.create(
            station.actor, patient.id, visit_date=dt.date(2025, 1, 1)
        )
        station.sync()
        _common.log(f"Writing {photos} photos of {original_mb} MB ...")
        files = _photo_rows(station, patient.id, visit.id, photos, original_mb)
        total = sum(p.stat().st_size for p in files)
        _common.log(f"Raw boto3 uploads of {total / 1e6:.0f} MB ...")
        raw_serial = _raw_upload(weed, files, 1)
        raw_parallel = _raw_upload(weed, files, 4)
        _common.log("PixioDoc push ...")
        with _common.stopwatch() as elapsed:
            report = sync_once(station.ws, station.store)
        assert report.pushed_blobs == len(files), report
        raw = min(raw_serial, raw_parallel)
        return {
            "bytes": total,
            "push_s": elapsed[0],
            "push_mb_s": total / 1e6 / elapsed[0],
            "raw_serial_mb_s": total / 1e6 / raw_serial,
            "raw_parallel_mb_s": total / 1e6 / raw_parallel,
            "raw_mb_s": total / 1e6 / raw,
        }
    finally:
        clinic.close()


def bench_idle_round(weed: Weed, root: Path, photos: int) -> dict[str, float]:
    clinic = ClinicNet(weed, root / "idle")
    try:
        station = clinic.first()
        shared = station.services.patients.create(station.actor, family_name="Geteilt").id
        patients = max(1, photos // 50)
        _common.log(f"Building {photos} photo rows for {patients} patients ...")
        actor = station.actor.user_id
        now = dt.datetime(2025, 1, 1, 9, 0)
        with station.ws.vault.write_session() as session, session.begin():
            patient_rows, visit_rows, grant_rows, photo_rows = [], [], [], []
            for p in range(patients):
                pid, vid = str(uuid.uuid4()), str(uuid.uuid4())
                common = {
                    "created_by": actor,
                    "updated_by": actor,
                    "created_at": now,
                    "updated_at": now,
                }
                patient_rows.append(
                    {
                        "id": pid,
                        "family_name": f"P{p}",
                        "given_name": "",
                        "search_key": f"p{p}",
                        "sex": "unknown",
                        "notes": "",
                        "deleted": False,
                        "version": 1,
                        **common,
                    }
                )
                visit_rows.append(
                    {
                        "id": vid,
                        "patient_id": pid,
                        "visit_date": dt.date(2025, 1, 1),
                        "reason": "",
                        "conditions": [],
                        "treatment": "",
                        "notes": "",
                        "deleted": False,
                        "version": 1,
                        **common,
                    }
                )
                grant_rows.append(
                    {
                        "id": str(uuid.uuid4()),
                        "patient_id": pid,
                        "grantee": actor,
                        "level": "admin",
                        "version": 1,
                        **common,
                    }
                )
                station.ws.vault.new_patient_key(session, pid)
                for i in range(photos // patients):
                    photo_rows.append(
                        {
                            "id": str(uuid.uuid4()),
                            "patient_id": pid,
                            "visit_id": vid,
                            "modality": "clinical-overview",
                            "width": 4000,
                            "height": 3000,
                            "bit_depth": 8,
                            "media_type": "image/jpeg",
                            "size_bytes": 1,
                            "blob_id": uuid.uuid4().hex * 2,
                            "thumbnail_blob_id": uuid.uuid4().hex * 2,
                            "screen_blob_id": uuid.uuid4().hex * 2,
                            "source": "import",
                            "source_name": f"{i}.jpg",
                            "tags": [],
                            "annotations": [],
                            "notes": "",
                            "deleted": False,
                            "version": 1,
                            **common,
                        }
                    )
            session.execute(insert(Patient), patient_rows)
            session.execute(insert(Visit), visit_rows)
            session.execute(insert(Grant), grant_rows)
            for start in range(0, len(photo_rows), 5000):
                session.execute(insert(Photo), photo_rows[start : start + 5000])
        clinic.settle([station])
        # A second workstation with a history of its own in the bucket, so that an idle
        # round also lists another device's batches after its cursor, as in a clinic.
        room = clinic.join("exam-room", via=station)
        for n in range(20):
            room.services.patients.update(room.actor, shared, notes=f"Follow-up {n}")
            room.sync()
        clinic.settle([room, station])
        times = []
        for _ in range(5):
            with _common.stopwatch() as elapsed:
                report = station.sync()
            assert not report.moved_records and not report.pushed_audit_events, report
            times.append(elapsed[0])
        return {"photos": photos, "idle_round_s": _common.median(times), "devices": 2}
    finally:
        clinic.close()


def bench_apply(weed: Weed, root: Path, ops: int) -> dict[str, float]:
    clinic = ClinicNet(weed, root / "apply")
    try:
        source = clinic.first()
        source.sync()
        target = clinic.join("target", via=source)
        patient = source.services.patients.create(source.actor, family_name="Viele")
        source.sync()
        target.sync()
        _common.log(f"Recording {ops} operations on the source PC ...")
        with source.ws.unit_of_work(source.actor) as uow:
            for i in range(ops):
                uow.session.add(
                    Visit(
                        id=str(uuid.uuid4()),
                        patient_id=patient.id,
                        visit_date=dt.date(2000, 1, 1) + dt.timedelta(days=i),
                        reason=f"check-up {i}",
                    )
                )
        source.sync()
        keys = sync_keys(target.ws)
        with _common.stopwatch() as fetch:
            batches = fetch_batches(target.ws, target.store, keys)
        count = sum(len(b.ops) for b in batches)
        with _common.stopwatch() as elapsed:
            result = apply_batches(target.ws, batches, [])
        assert result.ops == count
        return {"ops": count, "apply_s": elapsed[0], "fetch_s": fetch[0]}
    finally:
        clinic.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small run for CI")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    photos, original_mb = (8, 1.0) if args.quick else (100, 4.5)
    idle_photos = 2_000 if args.quick else 50_000
    apply_ops = 1_000 if args.quick else 10_000
    use_memory_keyring()
    load_before = _common.load_average()
    tmp = Path(tempfile.mkdtemp(prefix="pixiodoc-bench-sync-"))
    weed = Weed(tmp / "weed")
    try:
        weed.start(new_ports_on_clash=True)
        push = bench_push(weed, tmp, photos, original_mb)
        _common.log(f"  push {push}")
        idle = bench_idle_round(weed, tmp, idle_photos)
        _common.log(f"  idle {idle}")
        applied = bench_apply(weed, tmp, apply_ops)
        _common.log(f"  apply {applied}")
    finally:
        weed.kill()
        if args.keep:
            _common.log(f"Kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    ratio = push["push_mb_s"] / push["raw_mb_s"]
    meets = ratio >= 0.8 and idle["idle_round_s"] <= 2.0 and applied["apply_s"] <= 5.0
    _common.emit(
        _common.result(
            benchmark="sync",
            metric="push throughput vs plain boto3 uploads of the same objects",
            value=_common.rounded(push["push_mb_s"]),
            unit="MB/s",
            baseline=_common.rounded(push["raw_mb_s"]),
            ratio=_common.rounded(ratio),
            target=0.8,
            meets_target=meets,
            pushed_mb=_common.rounded(push["bytes"] / 1e6),
            raw_one_by_one_mb_s=_common.rounded(push["raw_serial_mb_s"]),
            raw_4_parallel_mb_s=_common.rounded(push["raw_parallel_mb_s"]),
            idle_round_photos=idle["photos"],
            idle_round_devices=idle["devices"],
            idle_round_s=_common.rounded(idle["idle_round_s"]),
            idle_round_target_s=2.0,
            apply_ops=applied["ops"],
            apply_s=_common.rounded(applied["apply_s"]),
            apply_target_s=5.0,
            fetch_s=_common.rounded(applied["fetch_s"]),
            quick=args.quick,
            load_average_before=load_before,
            load_average_after=_common.load_average(),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
