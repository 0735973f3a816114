"""Sync at a clinic group's size: a new workstation joining, and an idle round.

The clinic: 100,000 patients, ~300,000 visits and 2,000,000 photo rows (with
--quick: 2,000 / 6,000 / 40,000), in the vault of the PC that wrote them (built as
benchmarks/scale.py builds its vault, or copied from a folder scale.py kept:
--builder-from). That PC's whole history is put into a real SeaweedFS bucket as
its pushes would have left it (`_sync_history.py`: the op batches sealed by the
sync code itself), then it runs a real round (head, clinic object).

Figures, each against a baseline in the same run on the same server:

* a new workstation joining from a snapshot (headline; the writer writes one, or
  one it wrote for the same batches is used again): *usable_s*, from typing the
  enrollment code to usable, which here means `enroll.join` has returned (it
  returns once the snapshot's directory stage is in: clinicians, patients with
  their search words, patient keys), the vault is unlocked with the clinician's
  password, the patient list's first page (empty query) and a patient search
  ("müll") have answered, and one patient's thumbnail was fetched on demand
  (`sync.ondemand.fetch_image`; the writer put that photo in the bucket with a
  real round; its row reaches the joiner with a later part, so its id comes from
  the writer, as the GUI would have it once the row is here). Then
  *complete_s*: the rounds the GUI runs back to back while `catching_up` says
  parts are left, until every part is in and the batches after the snapshot are
  pulled. Images stay in the bucket until shown. Baselines: plain boto3 GET (the
  faster of one at a time and 4 threads) of exactly the objects the usable stage
  fetched (the manifest, the directory parts, the last part, the thumbnail), and
  of the whole snapshot. The ratio (baseline / usable, target >= 0.8) compares a
  download with a download plus an encrypted database build of 100,000 patients:
  it is reported, and it cannot reach 0.8 while the build costs more than the
  transfer.
* a new workstation replaying every batch (no snapshot: the old join; skipped with
  --snapshot-only, half an hour at group size), against plain boto3 listing and
  GETting the writer's op batches.
* an idle round (nothing to push or pull) on the writer and on the joiner, at
  this size (target <= 2 s); baseline: the same S3 requests the round made,
  replayed with plain boto3.

CPU seconds (this process) and the load average are reported beside wall times.

    python benchmarks/scale_sync.py [--quick] [--patients N] [--visits N] [--photos N]
        [--builder-from DIR] [--keep] [--reuse DIR] [--snapshot-only] [--profile]
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import random
import shutil
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import _common
from sqlalchemy import select

sys.path.insert(0, str(_common.REPO_ROOT / "tests" / "sync"))

from _keyring import use_memory_keyring
from _patients import LOGIN, PASSWORD, make_patients
from _sync_history import write_history
from _sync_timing import JoinTimers, RequestLog, raw_fetch_all, replay
from _sync_timing import _client as plain_client
from scale import build_vault
from sync_support import ACCESS_KEY, BUCKET, SECRET_KEY, Weed
from vault_support import synthetic_jpeg

from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.photo_summaries import CaptureContext
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.sync import enroll, snapshot_take, snapshot_write, state
from pixiodoc_desktop.sync.catching_up import catching_up
from pixiodoc_desktop.sync.engine import sync_keys, sync_once
from pixiodoc_desktop.sync.ondemand import fetch_image
from pixiodoc_desktop.sync.push import blob_key
from pixiodoc_desktop.sync.settings import SyncTarget, save_credentials, save_target, store_settings
from pixiodoc_desktop.sync.snapshots import chunk_key, manifest_key, manifests
from pixiodoc_desktop.sync.store import ObjectStore, StoreSettings
from pixiodoc_desktop.vault import database
from pixiodoc_desktop.vault.schema import Photo
from pixiodoc_desktop.vault.vault import Vault

TARGET_JOIN_S = 60.0
TARGET_RATIO = 0.8
TARGET_IDLE_S = 2.0
PREFIX = "group"
BUILT = "built.json"
IDLE_ROUNDS = 3
REUSE_BEHIND = 50  # a kept snapshot is used again if the writer wrote at most this many since
USABLE_PHOTO = "usable_photo.json"  # the photo whose thumbnail the joiner fetches


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
    parser.add_argument(
        "--snapshot-only",
        action="store_true",
        help="only the joiner from a snapshot (not the one replaying every batch)",
    )
    parser.add_argument(
        "--catch-up-budget",
        type=float,
        metavar="S",
        help="stop the rounds after the usable join after S seconds (complete_s: null)",
    )
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
    replayed: dict[str, Any] | None = None
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
                if not args.snapshot_only:
                    replayed = _replay_join(weed, builder, tmp / "joiner")
                thumbnail = _photo_in_the_bucket(builder, tmp)
                snapshot = _snapshot(builder)
                snap = _snapshot_join(
                    weed,
                    builder,
                    tmp / "joiner-snapshot",
                    snapshot,
                    thumbnail,
                    args.catch_up_budget,
                )
                joiner, clinician = snap.pop("joiner")
                joiner_idle: dict[str, Any] | None = None
                try:
                    if snap["complete_s"] is not None:  # parts left: no round is idle
                        _common.log("Idle rounds on the joiner ...")
                        joiner_idle = idle_rounds(joiner, clinician, requests)
                        joiner_idle["baseline_s"] = _common.rounded(
                            replay(weed, joiner_idle["requests"])
                        )
                        _common.log(f"  {joiner_idle}")
                    snap["joiner_db_mb"] = round(
                        (tmp / "joiner-snapshot" / database.DB_NAME).stat().st_size / 1e6, 1
                    )
                finally:
                    lock(joiner, clinician, logged_out=True)
                _common.log("Baselines: plain boto3 GET of what the usable stage fetched ...")
                usable_keys = snap.pop("usable_keys")
                all_keys = snap.pop("all_keys")
                baseline_usable = _plain_get(weed, usable_keys)
                baseline_all = _plain_get(weed, all_keys)
                _common.log(f"  usable {baseline_usable}; all {baseline_all}")
                profile = None
                if args.profile:
                    profile = _profiled_join(weed, builder, tmp / "joiner-profiled")
            finally:
                lock(*builder, logged_out=True)
        finally:
            weed.kill()

    usable = snap["usable_s"]
    ratio = baseline_usable["best_s"] / usable
    idle_worst = max(writer_idle["value_s"], joiner_idle["value_s"] if joiner_idle else 0.0)
    meets = usable <= TARGET_JOIN_S and ratio >= TARGET_RATIO and idle_worst <= TARGET_IDLE_S
    complete = snap["complete_s"]
    if replayed is not None:
        replayed["ratio_replay_over_usable"] = _common.rounded(replayed["value_s"] / usable)
        if complete is not None:
            replayed["ratio_replay_over_complete"] = _common.rounded(replayed["value_s"] / complete)
    _common.emit(
        _common.result(
            benchmark="scale_sync",
            metric="new workstation joining the clinic from a snapshot: enrollment code to "
            "usable (patient list, search, a thumbnail on demand)",
            value=_common.rounded(usable),
            unit="s",
            baseline=_common.rounded(baseline_usable["best_s"]),
            ratio=_common.rounded(ratio),
            target=TARGET_RATIO,
            meets_target=meets,
            target_s=TARGET_JOIN_S,
            usable_s=_common.rounded(usable),
            usable_cpu_s=_common.rounded(snap["usable_cpu_s"]),
            complete_s=None if complete is None else _common.rounded(complete),
            complete_cpu_s=None if complete is None else _common.rounded(snap["complete_cpu_s"]),
            complete_ratio=None
            if complete is None
            else _common.rounded(baseline_all["best_s"] / complete),
            baseline_is="plain boto3 GET of the objects the usable stage fetched (manifest, "
            "directory parts, last part, thumbnail; faster of 1 and 4 threads); the ratio "
            "compares that download with a download plus an encrypted database build",
            usable_is="enroll.join returned (directory stage in), unlocked, patient list page "
            "1 and a search answered, one thumbnail fetched on demand",
            complete_is="usable, then back-to-back rounds until every part is in and the "
            "batches after the snapshot are pulled",
            size=built["size"],
            bucket=built["bucket"],
            snapshot_join=snap,
            baseline_usable_fetch=baseline_usable,
            baseline_all_fetch=baseline_all,
            replay_join=replayed,
            idle_round_writer=writer_idle,
            idle_round_joiner=joiner_idle,
            idle_round_target_s=TARGET_IDLE_S,
            profile=profile,
            load_avg={"start": load_before, "end": _common.load_average()},
            quick=args.quick,
        )
    )
    return 0


def _replay_join(weed: Weed, builder: tuple[Any, Any], folder: Path) -> dict[str, Any]:
    """A new PC that finds no snapshot and replays every batch (the join before snapshots)."""
    ws = builder[0]
    _common.log("Baseline: plain boto3 list + GET of the op batches ...")
    keys = sync_keys(ws)
    baseline = raw_fetch_all(weed, f"{PREFIX}/{keys.workspace}/devices/{ws.device_id}/ops/")
    _common.log(f"  {baseline}")
    shutil.rmtree(folder, ignore_errors=True)
    _common.log("Joining a new workstation that replays every batch ...")
    timers = JoinTimers()
    real = snapshot_take.manifests
    snapshot_take.manifests = lambda store, keys: ([], {})  # type: ignore[assignment]
    try:
        joined = measure_join(weed, builder, folder, timers)
    finally:
        snapshot_take.manifests = real
    joiner, clinician = joined.pop("joiner")
    lock(joiner, clinician, logged_out=True)
    _common.log(f"  replayed in {joined['value_s']:.1f} s; {timers.summary()}")
    return {
        "value_s": _common.rounded(joined["value_s"]),
        "cpu_s": _common.rounded(joined["cpu_s"]),
        "join_s": _common.rounded(joined["join_s"]),
        "unlock_s": _common.rounded(joined["unlock_s"]),
        "first_list_and_search_s": _common.rounded(joined["first_list_and_search_s"]),
        "phases_s": timers.summary(),
        "joiner_db_mb": round((folder / database.DB_NAME).stat().st_size / 1e6, 1),
        "baseline_fetch": baseline,
        "ratio": _common.rounded(baseline["best_s"] / joined["value_s"]),
    }


def _plain_get(weed: Weed, keys: list[str]) -> dict[str, Any]:
    """GET exactly these objects with plain boto3: one at a time, then 4 at once."""
    client = plain_client(weed)

    def get(key: str) -> int:
        return len(client.get_object(Bucket=BUCKET, Key=key)["Body"].read())

    with _common.stopwatch() as serial:
        size = sum(get(key) for key in keys)
    with _common.stopwatch() as parallel, ThreadPoolExecutor(4) as pool:
        list(pool.map(get, keys))
    return {
        "objects": len(keys),
        "mb": round(size / 1e6, 1),
        "one_at_a_time_s": _common.rounded(serial[0]),
        "four_threads_s": _common.rounded(parallel[0]),
        "best_s": min(serial[0], parallel[0]),
    }


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


def _photo_in_the_bucket(builder: tuple[Any, Any], tmp: Path) -> tuple[str, str]:
    """(patient, thumbnail object) of a photo whose images are in the bucket: the rows
    of the group's photos name objects the bucket does not hold, so the writer takes
    one real photo of the first patient "müll" finds and pushes it with a real round
    (kept in USABLE_PHOTO for a --reuse run)."""
    saved = tmp / USABLE_PHOTO
    if saved.exists():
        kept = json.loads(saved.read_text("utf-8"))
        return str(kept["patient"]), str(kept["thumbnail"])
    ws, actor = builder
    services = ClinicServices.for_workstation(ws)
    patient = services.patients.search_page(actor, "müll", counted=False).patients[0].id
    taken = services.photos.ingest(
        actor,
        synthetic_jpeg(7, size=(1600, 1200)),
        CaptureContext(patient),
        source_name="IMG_0007.jpg",
    )
    with ws.vault.read_session() as session:
        thumbnail = str(
            session.scalar(select(Photo.thumbnail_blob_id).where(Photo.id == taken.photo.id))
        )
    sync_once(ws, ObjectStore(store_settings(ws.vault)), actor_id=actor.user_id)
    saved.write_text(json.dumps({"patient": patient, "thumbnail": thumbnail}), "utf-8")
    return patient, thumbnail


def _snapshot(builder: tuple[Any, Any]) -> dict[str, Any]:
    """The newest snapshot if it covers every batch the writer knows, else a new one."""
    ws, actor = builder
    store = ObjectStore(store_settings(ws.vault))
    keys = sync_keys(ws)
    sync_once(ws, store, actor_id=actor.user_id)  # a snapshot follows a round
    with ws.vault.read_session() as session:
        latest = int(state.get(session, state.NEXT_SEQ) or 1) - 1
    found, _refused = manifests(store, keys)
    behind = latest - found[0].cursors.get(ws.device_id, 0) if found else latest
    if found and behind <= REUSE_BEHIND:  # a few audit-only batches of earlier runs' rounds
        _common.log(f"Using snapshot {found[0].sid[:8]}, written earlier ({behind} batches on)")
        manifest = found[0]
        written: dict[str, Any] = {"reused": True, "writer_batches_after_it": behind}
    else:
        _common.log("Writing a snapshot on the writer ...")
        with _common.stopwatch() as writing:
            info = snapshot_write.write_snapshot(ws, store)
        manifest = next(m for m in manifests(store, keys)[0] if m.sid == info.sid)
        written = {
            "reused": False,
            "write_s": _common.rounded(writing[0]),
            "write_cpu_s": _common.rounded(writing[1]),
        }
    return {
        **written,
        "sid": manifest.sid,
        "chunks": len(manifest.chunks),
        "records": manifest.document.get("records"),
        "manifest_key": manifest_key(store, keys, manifest.sid),
        "chunk_keys": [chunk_key(store, keys, manifest.sid, n) for _h, n in manifest.chunks],
    }


def _snapshot_join(
    weed: Weed,
    builder: tuple[Any, Any],
    folder: Path,
    snapshot: dict[str, Any],
    thumbnail: tuple[str, str],
    budget: float | None = None,
) -> dict[str, Any]:
    """A new PC joins from the snapshot: usable, then the rounds until complete (or
    until `budget` seconds of rounds: complete_s is then None)."""
    ws, actor = builder
    shutil.rmtree(folder, ignore_errors=True)
    code, _expires = enroll.create_enrollment(ws, _store(weed), actor)
    arrivals: list[tuple[float, int, int]] = []

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "snapshot":
            arrivals.append((time.perf_counter(), done, total))

    patient, thumb = thumbnail
    _common.log(f"Joining a new workstation from snapshot {snapshot['sid'][:8]} ...")
    load_at_start = _common.load_average()
    started = time.perf_counter()
    with _common.stopwatch() as usable:
        with _common.stopwatch() as joining:
            enroll.join(
                folder,
                _target(weed),
                ACCESS_KEY,
                SECRET_KEY,
                code=code,
                on_demand=True,
                progress=progress,
            )
        with _common.stopwatch() as unlocking:
            joiner, clinician = _open(folder)
        services = ClinicServices.for_workstation(joiner)
        with _common.stopwatch() as listing:
            first_page = services.patients.search_page(clinician, "", counted=False)
            found = services.patients.search_page(clinician, "müll", counted=False)
        store = ObjectStore(store_settings(joiner.vault))
        with _common.stopwatch() as fetching:
            fetched = fetch_image(joiner, store, thumb, patient)
    assert first_page.patients and found.patients, "the joiner's patient list is empty"
    assert fetched and patient in {p.id for p in found.patients}
    left = catching_up(joiner)
    assert left is not None, "the join took every part (no directory stage?)"
    load_at_usable = _common.load_average()
    _common.log(
        f"  usable in {usable[0]:.1f} s ({usable[1]:.1f} s CPU): {left.applied} of "
        f"{left.total} parts; the rounds bring the rest ..."
    )
    rounds: list[float] = []
    with _common.stopwatch() as catching:
        began = time.perf_counter()
        while catching_up(joiner) is not None:
            if budget is not None and time.perf_counter() - began > budget:
                _common.log(f"  catching up stopped after {budget:.0f} s (--catch-up-budget)")
                break
            with _common.stopwatch() as one:
                sync_once(joiner, store, actor_id=clinician.user_id, progress=progress)
            rounds.append(one[0])
            if len(rounds) % 20 == 0:
                now = catching_up(joiner)
                _common.log(f"    round {len(rounds)}: {now}")
    parts_s = [b[0] - a[0] for a, b in itertools.pairwise(arrivals)]
    unfinished = catching_up(joiner)
    directory_parts = left.applied
    usable_keys = [snapshot["manifest_key"], *snapshot["chunk_keys"][:directory_parts]]
    usable_keys.append(snapshot["chunk_keys"][-1])
    thumb_key = _blob_key(joiner, store, thumb)
    return {
        "usable_s": usable[0],
        "usable_cpu_s": usable[1],
        "complete_s": None if unfinished else usable[0] + catching[0],
        "complete_cpu_s": None if unfinished else usable[1] + catching[1],
        "usable_phases_s": {
            "join": _common.rounded(joining[0]),
            "join_cpu": _common.rounded(joining[1]),
            "unlock": _common.rounded(unlocking[0]),
            "first_list_and_search": _common.rounded(listing[0]),
            "thumbnail_on_demand": _common.rounded(fetching[0]),
        },
        "parts": {
            "total": left.total,
            "directory_stage": directory_parts,
            "first_part_at_s": _common.rounded(arrivals[0][0] - started) if arrivals else None,
            "median_part_s": _common.rounded(_common.median(parts_s)) if parts_s else None,
            "slowest_part_s": _common.rounded(max(parts_s)) if parts_s else None,
        },
        "catching_up": {
            "rounds": len(rounds),
            "wall_s": _common.rounded(catching[0]),
            "cpu_s": _common.rounded(catching[1]),
            "round_median_s": _common.rounded(_common.median(rounds)) if rounds else None,
            "round_longest_s": _common.rounded(max(rounds)) if rounds else None,
            "round_bound_s": snapshot_take.ROUND_SECONDS,
            "parts_left": unfinished.remaining if unfinished else 0,
            "parts_per_minute": _common.rounded(
                ((unfinished.applied if unfinished else left.total) - left.applied)
                * 60
                / max(catching[0], 1e-9)
            ),
        },
        "snapshot": {k: v for k, v in snapshot.items() if not k.endswith(("_key", "_keys"))},
        "load_avg": {
            "start": load_at_start,
            "usable": load_at_usable,
            "complete": _common.load_average(),
        },
        "usable_keys": [*usable_keys, thumb_key],
        "all_keys": [snapshot["manifest_key"], *snapshot["chunk_keys"], thumb_key],
        "joiner": (joiner, clinician),
    }


def _blob_key(ws: Any, store: ObjectStore, blob_id: str) -> str:
    return blob_key(store, sync_keys(ws), blob_id)


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
