"""Sync at a clinic group's size: a new workstation joining, and an idle round.

The clinic: 100,000 patients, ~300,000 visits and 2,000,000 photo rows (with
--quick: 2,000 / 6,000 / 40,000), in the vault of the PC that wrote them (built as
benchmarks/scale.py builds its vault, or copied from a folder scale.py kept:
--builder-from). That PC's whole history is put into a real SeaweedFS bucket as
its pushes would have left it (`_sync_history.py`: the op batches sealed by the
sync code itself), then it runs a real round (head, clinic object).

Figures, each against a baseline in the same run on the same server:

* a new workstation joining (headline): from typing the enrollment code to
  *usable*, which here means: `enroll.join` has created the vault and run its
  rounds (everything pulled and applied, as the command line and the GUI join),
  the vault is unlocked with the clinician's password, and the patient list's
  first page (empty query) and a patient search ("müll") have answered. Images
  stay in the bucket until shown (`sync.full_images` and `sync.previews` on
  demand: the rows name 6,000,000 image objects). Target <= 60 s. Baseline: plain
  boto3 listing the writer's op batches and GETting every one (the faster of one
  at a time and 4 threads); ratio = baseline / joiner (target >= 0.8). Where the
  join's time went (list, GET, decrypt, parse, apply, the rest) comes from timers
  around those functions during the timed join; `--profile` adds a cProfile run.
* an idle round (nothing to push or pull) on the writer and on the joiner, at
  this size (target <= 2 s); baseline: the same S3 requests the round made,
  replayed with plain boto3.

    python benchmarks/scale_sync.py [--quick] [--patients N] [--visits N] [--photos N]
        [--builder-from DIR] [--keep] [--reuse DIR] [--profile]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import _common

sys.path.insert(0, str(_common.REPO_ROOT / "tests" / "sync"))

from _keyring import use_memory_keyring
from _patients import LOGIN, PASSWORD, make_patients
from _sync_history import write_history
from _sync_timing import JoinTimers, RequestLog, raw_fetch_all, replay
from scale import build_vault
from sync_support import ACCESS_KEY, BUCKET, SECRET_KEY, Weed

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.sync import enroll
from pixiodoc_desktop.sync.engine import sync_keys, sync_once
from pixiodoc_desktop.sync.settings import SyncTarget, save_credentials, save_target, store_settings
from pixiodoc_desktop.sync.store import ObjectStore, StoreSettings
from pixiodoc_desktop.vault import database
from pixiodoc_desktop.vault.vault import Vault

TARGET_JOIN_S = 60.0
TARGET_RATIO = 0.8
TARGET_IDLE_S = 2.0
PREFIX = "group"
BUILT = "built.json"
IDLE_ROUNDS = 3


def _store(weed: Weed) -> ObjectStore:
    return ObjectStore(
        StoreSettings(weed.endpoint, "eu-central-1", BUCKET, PREFIX, ACCESS_KEY, SECRET_KEY)
    )


def _target(weed: Weed) -> SyncTarget:
    return SyncTarget(weed.endpoint, "eu-central-1", BUCKET, PREFIX)


def _open(folder: Path) -> tuple[Any, Any]:
    vault = Vault.open(folder)
    return log_in(vault, LOGIN, PASSWORD)


def idle_rounds(ws: Any, actor: Any, requests: RequestLog) -> dict[str, Any]:
    """Median of IDLE_ROUNDS rounds with nothing to do, and the S3 requests of the last."""
    store = ObjectStore(store_settings(ws.vault))
    sync_once(ws, store, actor_id=actor.user_id)  # the audit events of logging in go out
    times: list[float] = []
    cpu: list[float] = []
    for _ in range(IDLE_ROUNDS):
        requests.clear()
        with requests.recording(), _common.stopwatch() as elapsed:
            report = sync_once(ws, store, actor_id=actor.user_id)
        assert not report.moved_records and not report.pulled_ops, report
        times.append(elapsed[0])
        cpu.append(elapsed[1])
    return {
        "value_s": _common.rounded(_common.median(times)),
        "cpu_s": _common.rounded(_common.median(cpu)),
        "runs_s": [_common.rounded(t) for t in times],
        "requests": requests.summary(),
    }


def measure_join(
    weed: Weed, builder: tuple[Any, Any], folder: Path, timers: JoinTimers
) -> dict[str, Any]:
    """Enroll a new PC with a real code and time it until the patient list answers."""
    ws, actor = builder
    code, _expires = enroll.create_enrollment(ws, _store(weed), actor)
    with timers.installed(), _common.stopwatch() as elapsed:
        with _common.stopwatch() as joining:
            enroll.join(folder, _target(weed), ACCESS_KEY, SECRET_KEY, code=code, on_demand=True)
        with _common.stopwatch() as unlocking:
            joiner, clinician = _open(folder)
        services = ClinicServices.for_workstation(joiner)
        with _common.stopwatch() as listing:
            first_page = services.patients.search_page(clinician, "", counted=False)
            found = services.patients.search_page(clinician, "müll", counted=False)
    assert first_page.patients and found.patients, "the joiner's patient list is empty"
    return {
        "value_s": elapsed[0],
        "cpu_s": elapsed[1],
        "join_s": joining[0],
        "join_cpu_s": joining[1],
        "unlock_s": unlocking[0],
        "first_list_and_search_s": listing[0],
        "joiner": (joiner, clinician),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="2,000 / 6,000 / 40,000 (for CI)")
    parser.add_argument("--patients", type=int, help="default 100,000")
    parser.add_argument("--visits", type=int, help="default 300,000")
    parser.add_argument("--photos", type=int, help="default 2,000,000")
    parser.add_argument(
        "--builder-from", type=Path, metavar="DIR", help="copy the vault of a kept scale.py run"
    )
    parser.add_argument("--keep", action="store_true", help="keep the vault and the bucket")
    parser.add_argument("--reuse", type=Path, metavar="DIR", help="measure again in a kept run")
    parser.add_argument("--profile", action="store_true", help="also profile a second join")
    parser.add_argument(
        "--build-only", action="store_true", help="with --keep: build, measure later"
    )
    args = parser.parse_args(argv)
    n_patients = args.patients or (2_000 if args.quick else 100_000)
    n_visits = args.visits or (6_000 if args.quick else 300_000)
    n_photos = args.photos or (40_000 if args.quick else 2_000_000)
    use_memory_keyring()
    load_before = _common.load_average()
    scratch = (
        contextlib.nullcontext(args.reuse)
        if args.reuse
        else _common.scratch_folder("pixiodoc-bench-scalesync-", keep=args.keep)
    )
    requests = RequestLog()
    timers = JoinTimers()
    with scratch as tmp:
        builder_folder = tmp / "builder"
        weed = Weed(tmp / "weed")
        built: dict[str, Any]
        try:
            weed.start(new_ports_on_clash=True)
            if args.reuse:
                built = json.loads((tmp / BUILT).read_text("utf-8"))
                _common.log(f"Measuring again in {tmp} (built earlier)")
            else:
                built = _build(args, tmp, builder_folder, weed, n_patients, n_visits, n_photos)
                (tmp / BUILT).write_text(json.dumps(built), "utf-8")
                if args.build_only:
                    _common.log(f"Built: {built}")
                    return 0
            builder = _open(builder_folder)
            try:
                save_target(builder[0].vault, _target(weed))  # the ports are new each start
                save_credentials(builder[0].vault.header.vault_id, ACCESS_KEY, SECRET_KEY)
                _common.log("Idle rounds on the writer ...")
                writer_idle = idle_rounds(*builder, requests)
                writer_idle["baseline_s"] = _common.rounded(replay(weed, writer_idle["requests"]))
                _common.log(f"  {writer_idle}")
                _common.log("Baseline: plain boto3 list + GET of the op batches ...")
                keys = sync_keys(builder[0])
                ops_prefix = f"{PREFIX}/{keys.workspace}/devices/{builder[0].device_id}/ops/"
                baseline = raw_fetch_all(weed, ops_prefix)
                _common.log(f"  {baseline}")
                joiner_folder = tmp / "joiner"
                shutil.rmtree(joiner_folder, ignore_errors=True)
                _common.log("Joining a new workstation ...")
                joined = measure_join(weed, builder, joiner_folder, timers)
                _common.log(f"  joined in {joined['value_s']:.1f} s; {timers.summary()}")
                joiner, clinician = joined.pop("joiner")
                try:
                    _common.log("Idle rounds on the joiner ...")
                    joiner_idle = idle_rounds(joiner, clinician, requests)
                    joiner_idle["baseline_s"] = _common.rounded(
                        replay(weed, joiner_idle["requests"])
                    )
                    _common.log(f"  {joiner_idle}")
                    joiner_db_mb = (joiner_folder / database.DB_NAME).stat().st_size / 1e6
                finally:
                    lock(joiner, clinician, logged_out=True)
                snapshot = _snapshot_join(weed, builder, tmp / "joiner-snapshot")
                if snapshot is not None:
                    snapshot["ratio_replay_over_snapshot"] = _common.rounded(
                        joined["value_s"] / snapshot["value_s"]
                    )
                    _common.log(f"  snapshot {snapshot}")
                profile = None
                if args.profile:
                    profile = _profiled_join(weed, builder, tmp / "joiner-profiled")
            finally:
                lock(*builder, logged_out=True)
        finally:
            weed.kill()

    value = joined["value_s"]
    ratio = baseline["best_s"] / value
    idle_worst = max(writer_idle["value_s"], joiner_idle["value_s"])
    meets = value <= TARGET_JOIN_S and ratio >= TARGET_RATIO and idle_worst <= TARGET_IDLE_S
    _common.emit(
        _common.result(
            benchmark="scale_sync",
            metric="new workstation joining the clinic: enrollment code to patient list usable",
            value=_common.rounded(value),
            unit="s",
            baseline=_common.rounded(baseline["best_s"]),
            ratio=_common.rounded(ratio),
            target=TARGET_RATIO,
            meets_target=meets,
            target_s=TARGET_JOIN_S,
            baseline_is="plain boto3: list the writer's op batches and GET every one "
            "(faster of 1 and 4 threads)",
            usable_is="enroll.join done (all rounds), unlocked, patient list page 1 and a "
            "search answered; images on demand",
            size=built["size"],
            bucket=built["bucket"],
            join={
                "cpu_s": _common.rounded(joined["cpu_s"]),
                "join_s": _common.rounded(joined["join_s"]),
                "join_cpu_s": _common.rounded(joined["join_cpu_s"]),
                "unlock_s": _common.rounded(joined["unlock_s"]),
                "first_list_and_search_s": _common.rounded(joined["first_list_and_search_s"]),
                "phases_s": timers.summary(),
                "joiner_db_mb": round(joiner_db_mb, 1),
            },
            baseline_fetch=baseline,
            idle_round_writer=writer_idle,
            idle_round_joiner=joiner_idle,
            idle_round_target_s=TARGET_IDLE_S,
            snapshot_join=snapshot,
            profile=profile,
            load_avg={"start": load_before, "end": _common.load_average()},
            quick=args.quick,
        )
    )
    return 0


def _build(
    args: argparse.Namespace,
    tmp: Path,
    folder: Path,
    weed: Weed,
    n_patients: int,
    n_visits: int,
    n_photos: int,
) -> dict[str, Any]:
    """The writer's vault (built, or copied from a kept scale.py run) and its history
    in the bucket; returns what a --reuse run needs to know."""
    started = time.perf_counter()
    if args.builder_from:
        source = Path(args.builder_from)
        _common.log(f"Copying the vault of {source} ...")
        shutil.copytree(source / "vault", folder, symlinks=True)
        size = json.loads((source / "built.json").read_text("utf-8"))
        size = {"patients": n_patients, "visits": size["visits"], "photos": size["photos"]}
    else:
        _common.log(f"Building {n_patients:,} patients, {n_visits:,} visits, {n_photos:,} photos")
        rng = random.Random(20261205)
        patients = make_patients(n_patients, rng)
        visits, photos = build_vault(
            folder, patients, n_visits, n_photos, quick=args.quick, rng=rng
        )
        size = {"patients": n_patients, "visits": visits, "photos": photos}
    vault_s = time.perf_counter() - started
    ws, actor = _open(folder)
    try:
        save_target(ws.vault, _target(weed))
        save_credentials(ws.vault.header.vault_id, ACCESS_KEY, SECRET_KEY)
        store = _store(weed)
        _common.log("Sealing the writer's history into the bucket ...")
        with _common.stopwatch() as sealing:
            counts = write_history(ws, store, sync_keys(ws), _common.log)
        _common.log(f"  {counts} in {sealing[0]:.0f} s")
        sync_once(ws, store, actor_id=actor.user_id)  # its head and the clinic object
    finally:
        lock(ws, actor, logged_out=True)
    return {
        "size": size,
        "bucket": {**counts, "mb": round(counts.pop("bytes") / 1e6, 1)},
        "vault_s": round(vault_s, 1),
        "history_s": round(sealing[0], 1),
    }


def _snapshot_join(weed: Weed, builder: tuple[Any, Any], folder: Path) -> dict[str, Any] | None:
    """When snapshots exist (sync/snapshot_write.py): the writer writes one of its
    records, and a second new PC joins from it instead of replaying every batch."""
    try:
        from pixiodoc_desktop.sync import snapshot_write  # type: ignore[attr-defined]
    except ImportError:
        return None
    from pixiodoc_desktop.sync import state

    ws, actor = builder
    store = ObjectStore(store_settings(ws.vault))
    sync_once(ws, store, actor_id=actor.user_id)  # the snapshot follows a round
    _common.log("Writing a snapshot on the writer ...")
    with _common.stopwatch() as writing:
        info = snapshot_write.write_snapshot(ws, store)
    shutil.rmtree(folder, ignore_errors=True)
    timers = JoinTimers()
    _common.log("Joining a second new workstation from the snapshot ...")
    joined = measure_join(weed, builder, folder, timers)
    joiner, clinician = joined.pop("joiner")
    try:
        with joiner.vault.read_session() as session:
            taken = state.get(session, "snapshot_taken")
    finally:
        lock(joiner, clinician, logged_out=True)
    return {
        "value_s": _common.rounded(joined["value_s"]),
        "cpu_s": _common.rounded(joined["cpu_s"]),
        "join_s": _common.rounded(joined["join_s"]),
        "phases_s": timers.summary(),
        "taken": taken,
        "write_s": _common.rounded(writing[0]),
        "write_cpu_s": _common.rounded(writing[1]),
        "chunks": getattr(info, "chunks", None),
        "records": getattr(info, "records", None),
        "sealed_mb": round(getattr(info, "sealed_bytes", 0) / 1e6, 1),
    }


def _profiled_join(weed: Weed, builder: tuple[Any, Any], folder: Path) -> list[str]:
    """A second join under cProfile: the top functions by own time (cProfile slows
    Python code down, so its times are only read for where the time goes)."""
    import cProfile
    import io
    import pstats

    shutil.rmtree(folder, ignore_errors=True)
    ws, actor = builder
    code, _expires = enroll.create_enrollment(ws, _store(weed), actor)
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        enroll.join(folder, _target(weed), ACCESS_KEY, SECRET_KEY, code=code, on_demand=True)
    finally:
        profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(25)
    (folder.parent / "join-profile.txt").write_text(text.getvalue(), "utf-8")
    _common.log(text.getvalue())
    lines = [line.strip() for line in text.getvalue().splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("ncalls"))
    return lines[start : start + 26]


if __name__ == "__main__":
    sys.exit(main())
