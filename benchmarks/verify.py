"""`vault verify` per GB of image objects, and its memory from a small vault to a group's.

Two figures of issue 19, each measured in child processes that report their own CPU
time and peak RSS (``VmHWM``):

* Time per GB: a vault whose photos carry real encrypted objects of a realistic size
  (an original of 2-6 MB, a 400 kB screen image, a 20 kB thumbnail, incompressible)
  is verified (log-in excluded). Baseline, same run, same files: a plain Python
  process that reads every object file and hashes it (SHA-256, streamed in 1 MiB
  reads), the least any check of every byte costs. ratio = baseline / verify (CPU
  seconds; the machine is shared, so wall seconds are reported beside them only).
* Memory flat: peak RSS of verify on a small vault and on a large one of the same
  make (photo rows naming objects that are not on disk, so every photo is a fault
  and the fault cap is exercised too). The large one is ``--group-vault DIR`` (a copy
  of the vault ``scale.py --keep`` builds: 100,000 patients, 2,000,000 photos) or
  else one built here at ``LARGE_FACTOR`` times the small one. memory_ratio = large
  peak / small peak (target close to 1).

    python benchmarks/verify.py [--quick] [--photos N] [--group-vault DIR] [--keep]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import _common
import scale
from _patients import LOGIN, PASSWORD, make_patients

HERE = Path(__file__).resolve().parent
TARGET_RATIO = 0.5  # verify (decrypt + keyed hash) within twice a plain read-and-hash
TARGET_MEMORY_RATIO = 1.25  # the group's vault may peak this much above a small one
SCREEN_BYTES, THUMBNAIL_BYTES = 400_000, 20_000
LARGE_FACTOR = 10


def _child(kind: str, *args: str) -> dict[str, float]:
    """Run this script as `--child KIND ARGS`; its last stdout line is its figures."""
    env = {**os.environ, "PYTHONPATH": str(_common.REPO_ROOT)}
    done = subprocess.run(
        [sys.executable, str(HERE / "verify.py"), "--child", kind, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=HERE,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"child {kind} exited {done.returncode}: {done.stderr[-3000:]}")
    progress = [line for line in done.stderr.splitlines() if line.startswith("Verifying:")]
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["progress_lines"] = len(progress)
    if progress:
        _common.log(f"  {kind}: {progress[-1]}")
    return figures


def _peak_rss_mb() -> float:
    """VmHWM: this process's own peak (ru_maxrss after fork keeps the parent's)."""
    for line in Path("/proc/self/status").read_text("utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status (Linux only)")


def _child_verify(folder: str) -> dict[str, float]:
    from pixiodoc_desktop.cli.common import VerifyProgress
    from pixiodoc_desktop.clinic.access.login import lock, log_in
    from pixiodoc_desktop.clinic.safekeeping.verify import verify_vault
    from pixiodoc_desktop.vault.vault import Vault

    ws, actor = log_in(Vault.open(Path(folder)), LOGIN, PASSWORD)
    phases = {"login": _peak_rss_mb()}  # peak RSS by the end of each phase
    show = VerifyProgress(every_s=10.0)

    def told(done: int, total: int, read: int) -> None:
        phases.setdefault("database_checks", _peak_rss_mb())  # before the first photo
        show(done, total, read)

    try:
        wall, cpu = time.perf_counter(), time.process_time()
        report = verify_vault(ws, progress=told)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        phases["verify"] = _peak_rss_mb()
    finally:
        lock(ws, actor, logged_out=True)
    _common.log(f"  peak RSS (MB) by the end of: {phases}")
    return {
        "wall_s": wall,
        "cpu_s": cpu,
        "photos": report.photos_checked,
        "objects": report.objects_checked,
        "bytes": report.bytes_checked,
        "faults": report.fault_count,
        "faults_kept": len(report.faults),
        "peak_rss_by_login_mb": phases["login"],
        "peak_rss_by_first_photo_mb": phases.get("database_checks", phases["verify"]),
    }


def _child_hash(folder: str) -> dict[str, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    read = 0
    for path in sorted((Path(folder) / "blobs").rglob("*")):
        if path.is_file():
            digest = hashlib.sha256()
            with path.open("rb") as stream:
                while chunk := stream.read(1 << 20):
                    digest.update(chunk)
                    read += len(chunk)
    return {
        "wall_s": time.perf_counter() - wall,
        "cpu_s": time.process_time() - cpu,
        "bytes": read,
    }


def real_objects(folder: Path, rng: random.Random, original_bytes: tuple[int, int]) -> int:
    """Give every photo real encrypted objects whose ids match their content (one photo
    in memory at a time); returns the bytes of plain image data written."""
    from sqlalchemy import bindparam, select, update

    from pixiodoc_desktop.clinic.access.login import lock, log_in
    from pixiodoc_desktop.vault.blobs import blob_id_for, encrypt_blob
    from pixiodoc_desktop.vault.schema import Photo
    from pixiodoc_desktop.vault.vault import Vault

    vault = Vault.open(folder)
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    written = 0
    changes: list[dict[str, str]] = []
    try:
        with vault.read_session() as session:
            photos = session.execute(select(Photo.id, Photo.patient_id)).all()
            keys = {pid: vault.patient_key(session, pid) for pid in {p for _i, p in photos}}
        for photo_id, patient_id in photos:
            ids = []
            for size in (rng.randint(*original_bytes), SCREEN_BYTES, THUMBNAIL_BYTES):
                data = os.urandom(size)
                blob = blob_id_for(vault.keys.blob_id, patient_id, data)
                path = vault.blobs.path_for(blob)  # as BlobStore.put lays it out, no fsyncs
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(b"".join(encrypt_blob(blob, data, keys[patient_id])))
                ids.append(blob)
                written += size
            changes.append({"pid": photo_id, "b": ids[0], "s": ids[1], "t": ids[2]})
        with vault.write_session() as session, session.begin():
            session.connection().execute(
                update(Photo)
                .where(Photo.id == bindparam("pid"))
                .values(
                    blob_id=bindparam("b"),
                    screen_blob_id=bindparam("s"),
                    thumbnail_blob_id=bindparam("t"),
                ),
                changes,
            )
    finally:
        lock(ws, actor, logged_out=True)
    return written


def _vault(folder: Path, photos: int, rng: random.Random) -> Path:
    """A vault of scale.py's make with `photos` rows (its first patient, whom scale.py
    gives 1,000 photos, gets a tenth of them here)."""
    people = make_patients(max(2, photos // 20), rng)
    scale.FOLLOWED_PHOTOS = max(1, min(1_000, photos // 10))
    # The standard KDF, as scale.py's group vault has: Argon2id's memory is most of the peak at
    # log-in, so the small and large vaults must pay the same for the ratio to be about size.
    scale.build_vault(folder, people, max(1, photos // 7), photos, quick=False, rng=rng)
    return folder


def per_gb(
    tmp: Path, photos: int, original: tuple[int, int], rng: random.Random
) -> dict[str, float]:
    folder = _vault(tmp / "sized", photos, rng)
    _common.log(f"Writing real objects for {photos} photos ...")
    real_objects(folder, rng, original)
    first = _child("hash", str(folder))  # also brings the files into the page cache
    verified = _child("verify", str(folder))
    second = _child("hash", str(folder))
    if verified["faults"]:
        raise RuntimeError(f"verify found {verified['faults']} faults in a sound vault")
    base = min((first, second), key=lambda one: one["cpu_s"])
    gb = base["bytes"] / 1e9
    return {
        "gb": gb,
        "photos": verified["photos"],
        "objects": verified["objects"],
        "verify_cpu_s_per_gb": verified["cpu_s"] / gb,
        "verify_wall_s_per_gb": verified["wall_s"] / gb,
        "baseline_cpu_s_per_gb": base["cpu_s"] / gb,
        "baseline_wall_s_per_gb": base["wall_s"] / gb,
        "verify_peak_rss_mb": verified["peak_rss_mb"],
        "progress_lines": verified["progress_lines"],
    }


def memory(
    tmp: Path, small_photos: int, group: Path | None, rng: random.Random
) -> dict[str, float]:
    small = _child("verify", str(_vault(tmp / "small", small_photos, rng)))
    if group is None:
        large_folder = _vault(tmp / "large", small_photos * LARGE_FACTOR, rng)
    else:
        large_folder = group
    _common.log(f"Verifying {large_folder} ...")
    large = _child("verify", str(large_folder))
    return {
        "small_photos": small["photos"],
        "small_peak_rss_mb": small["peak_rss_mb"],
        "small_faults": small["faults"],
        "large_photos": large["photos"],
        "large_peak_rss_mb": large["peak_rss_mb"],
        "large_peak_rss_by_login_mb": large["peak_rss_by_login_mb"],
        "large_peak_rss_by_first_photo_mb": large["peak_rss_by_first_photo_mb"],
        "large_faults": large["faults"],
        "large_faults_kept": large["faults_kept"],
        "large_cpu_s": large["cpu_s"],
        "large_wall_s": large["wall_s"],
        "large_progress_lines": large["progress_lines"],
        "memory_ratio": large["peak_rss_mb"] / small["peak_rss_mb"],
    }


def run_child(argv: Sequence[str]) -> int:
    kind, *rest = argv
    figures = {"verify": _child_verify, "hash": _child_hash}[kind](*rest)
    figures["peak_rss_mb"] = round(_peak_rss_mb(), 1)
    sys.stdout.flush()
    print(json.dumps(figures), flush=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["--child"]:
        return run_child(args_list[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a small run for CI")
    parser.add_argument("--photos", type=int, help="photos with real objects; default 300")
    parser.add_argument(
        "--group-vault", type=Path, help="a COPY of scale.py's vault (verify logs in to it)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = parser.parse_args(args_list)
    photos = args.photos or (8 if args.quick else 300)
    original = (200_000, 600_000) if args.quick else (2_000_000, 6_000_000)
    small_photos = 500 if args.quick else 2_000
    rng = random.Random(20261205)
    load_before = _common.load_average()
    with _common.scratch_folder("pixiodoc-bench-verify-", keep=args.keep) as tmp:
        sized = per_gb(tmp, photos, original, rng)
        _common.log(f"  per GB: {sized}")
        mem = memory(tmp, small_photos, args.group_vault, rng)
        _common.log(f"  memory: {mem}")
    ratio = sized["baseline_cpu_s_per_gb"] / sized["verify_cpu_s_per_gb"]
    _common.emit(
        _common.result(
            benchmark="verify",
            metric="vault verify, CPU seconds per GB of image objects (log-in excluded)",
            value=_common.rounded(sized["verify_cpu_s_per_gb"]),
            unit="s/GB",
            baseline=_common.rounded(sized["baseline_cpu_s_per_gb"]),
            ratio=_common.rounded(ratio, 3),
            target=TARGET_RATIO,
            meets_target=ratio >= TARGET_RATIO and mem["memory_ratio"] <= TARGET_MEMORY_RATIO,
            baseline_is="reading every object file and SHA-256 hashing it (plain Python)",
            per_gb={k: _common.rounded(v) for k, v in sized.items()},
            memory={k: _common.rounded(v) for k, v in mem.items()},
            memory_target=f"large peak RSS <= {TARGET_MEMORY_RATIO} x small",
            group_vault=str(args.group_vault) if args.group_vault else None,
            load_avg={"start": load_before, "end": _common.load_average()},
            quick=args.quick,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
