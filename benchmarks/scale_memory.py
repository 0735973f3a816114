"""Memory at a clinic group's size: `vault verify` per GB and the window's peak RSS.

Two figures of issue 19 that ``benchmarks/scale.py`` leaves out, each measured in a
child process that reports its own peak RSS (``VmHWM``) when done:

* ``pixiodoc vault verify`` (the CLI as shipped) on two vaults whose every photo has
  real encrypted objects (original, screen image, thumbnail; the second vault is
  ``SCALE_UP`` times the first): seconds per GB and peak RSS at both sizes. Baseline,
  same run, same folders: a plain process that reads every file of the vault and
  hashes it (SHA-256, streaming). Memory is flat when the larger vault's peak RSS is
  at most ``FLAT_SLACK`` above the smaller one's.
* The workstation window (offscreen) on the group-size vault of ``scale.py``: log in,
  open the patient with the largest timeline (1,000 photos) and scroll it top to bottom
  (every thumbnail decrypted and shown once, as timeline.py does); peak RSS of the
  whole process, unlock included (target <= 400 MB).
  Baseline: a bare PySide6 main window that shows and paints, the floor of any Qt
  application here; ratio = floor / value.

    python benchmarks/scale_memory.py [--quick] [--patients N] [--visits N] [--photos N]
                                      [--verify-photos N]
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
from _patients import LOGIN, PASSWORD, make_patients
from scale import build_vault

TARGET_GUI_MB = 400.0
SCALE_UP = 3  # the second verify vault holds this many times the first one's objects
FLAT_SLACK = 0.10  # peak RSS may grow this much (relative) and still count as flat
OBJECT_BYTES = (60_000, 20_000, 4_000)  # original, screen image, thumbnail (incompressible)
HERE = Path(__file__).resolve().parent


def _peak_child(command: Sequence[str], stdin: str = "") -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, stdout) of one child process."""
    env = {**os.environ, "PYTHONPATH": str(_common.REPO_ROOT)}
    start = time.perf_counter()
    child = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=HERE,
    )
    out, err = child.communicate(stdin.encode())
    # RUSAGE_CHILDREN would give the maximum over all children: each child prints its own.
    elapsed = time.perf_counter() - start
    if child.returncode != 0:
        raise RuntimeError(f"{command[1:3]} exited {child.returncode}: {err.decode()[-2000:]}")
    lines = out.decode().strip().splitlines()
    peak = json.loads(lines[-1])["peak_rss_mb"]
    return elapsed, float(peak), "\n".join(lines[:-1])


def _self_peak_mb() -> float:
    """This process's peak RSS since it was started: VmHWM, not ``ru_maxrss``, which
    after fork and exec still holds the parent's peak."""
    for line in Path("/proc/self/status").read_text("utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status (Linux only)")


def real_objects(folder: Path, rng: random.Random) -> int:
    """Give every photo real encrypted objects whose ids match their content; returns
    the bytes of plain image data written."""
    from sqlalchemy import select, update

    from pixiodoc_desktop.clinic.access.login import lock, log_in
    from pixiodoc_desktop.vault.blobs import blob_id_for, encrypt_blob
    from pixiodoc_desktop.vault.schema import Photo
    from pixiodoc_desktop.vault.vault import Vault

    vault = Vault.open(folder)
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    written = 0
    try:
        with vault.read_session() as session:
            photos = session.execute(select(Photo.id, Photo.patient_id)).all()
            keys = {pid: vault.patient_key(session, pid) for pid in {p for _i, p in photos}}
        changes: list[dict[str, str]] = []
        for photo_id, patient_id in photos:
            ids = []
            for size in OBJECT_BYTES:
                data = rng.randbytes(size)
                blob = blob_id_for(vault.keys.blob_id, patient_id, data)
                path = vault.blobs.path_for(blob)  # as BlobStore.put lays it out, no fsyncs
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(b"".join(encrypt_blob(blob, data, keys[patient_id])))
                ids.append(blob)
                written += size
            changes.append(
                {"pid": photo_id, "b": ids[0], "s": ids[1], "t": ids[2]}  # bound by name
            )
        with vault.write_session() as session, session.begin():
            from sqlalchemy import bindparam

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


def jpeg_thumbnails(folder: Path, patient_id: str) -> int:
    """Real JPEG thumbnails (320 x 240, each a little different) for the followed
    patient's photos, encrypted under their ids, so that the window decodes and shows
    them (scale.py's thumbnails are random bytes: it measures decryption only)."""
    from sqlalchemy import select

    from pixiodoc_desktop.clinic.access.login import lock, log_in
    from pixiodoc_desktop.demo.photos import encode_jpeg, render_photo, scene_for
    from pixiodoc_desktop.vault.blobs import encrypt_blob
    from pixiodoc_desktop.vault.schema import Photo
    from pixiodoc_desktop.vault.vault import Vault

    vault = Vault.open(folder)
    ws, actor = log_in(vault, LOGIN, PASSWORD)
    try:
        with vault.read_session() as session:
            key = vault.patient_key(session, patient_id)
            blob_ids = session.scalars(
                select(Photo.thumbnail_blob_id).where(Photo.patient_id == patient_id)
            ).all()
        base = render_photo(scene_for(7, "naevus"), 0, 1, size=(320, 240))
        for index, blob_id in enumerate(blob_ids):
            pixels = base.copy()
            pixels[index % 240, : 1 + index // 240] = [index % 256, (index * 7) % 256, 40]
            data = encode_jpeg(pixels, captured_at=None, camera_make=None, camera_model=None)
            path = vault.blobs.path_for(blob_id)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"".join(encrypt_blob(blob_id, data, key)))
    finally:
        lock(ws, actor, logged_out=True)
    return len(blob_ids)


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure_verify(folder: Path) -> dict[str, float]:
    """`pixiodoc vault verify` and the plain read-and-hash of the same folder."""
    cli = [sys.executable, str(HERE / "scale_memory.py"), "--child", "verify", str(folder)]
    verify_s, verify_mb, shown = _peak_child(cli, PASSWORD + "\n")
    report = json.loads(shown)
    if report.get("faults"):
        raise RuntimeError(f"verify found faults in a sound vault: {report['faults'][:3]}")
    plain = [sys.executable, str(HERE / "scale_memory.py"), "--child", "hash", str(folder)]
    hash_s, hash_mb, _out = _peak_child(plain)
    gb = _folder_bytes(folder) / 1e9
    return {
        "gb": gb,
        "photos": report.get("photos_checked", 0),
        "objects": report.get("objects_checked", 0),
        "s_per_gb": verify_s / gb,
        "peak_rss_mb": verify_mb,
        "baseline_s_per_gb": hash_s / gb,
        "baseline_peak_rss_mb": hash_mb,
    }


def _child_verify(folder: str) -> None:
    from pixiodoc_desktop.cli import main as cli_main

    code = cli_main(
        ["vault", "verify", "--vault", folder, "--user", LOGIN, "--password-stdin", "--json"]
    )
    if code != 0:
        raise SystemExit(code)


def _child_hash(folder: str) -> None:
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            digest = hashlib.sha256()
            with path.open("rb") as stream:
                while chunk := stream.read(1 << 20):
                    digest.update(chunk)


def _child_gui(folder: str, patient_id: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_SCALE_FACTOR", "1")
    from PySide6.QtWidgets import QApplication
    from timeline import WINDOW, first_screenful, scroll_through, wait

    from pixiodoc_desktop.config import Settings
    from pixiodoc_desktop.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    window = MainWindow(Settings(), vault_folder=Path(folder))
    window.ctx.notifier.show_boxes = False
    window.resize(*WINDOW)
    window.show()
    wait(app, lambda: window.unlock_page.clinician.count() > 0, 120)
    window.unlock(LOGIN, PASSWORD)
    wait(app, window.is_unlocked, 120)
    wait(app, lambda: window.patients.model.rowCount() > 0, 120)
    view = window.timeline.timeline
    first_screenful(app, view, lambda: window.open_patient(patient_id))
    wait(app, lambda: window.record is not None and window.record.complete, 120)

    def settled() -> bool:
        return all(window.thumbnails.thumbnail(i) is not None for i in view.visible_photo_ids())

    scroll_through(app, view, settled)  # top to bottom: every thumbnail shown once
    record = window.record
    assert record is not None
    print(json.dumps({"photos": len(record.photos)}))
    window.close()
    app.processEvents()


def _child_bare() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    from timeline import WINDOW

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("PixioDoc"))
    window.resize(*WINDOW)
    window.show()
    window.grab()  # painted
    app.processEvents()
    window.close()


def run_child(argv: Sequence[str]) -> int:
    kind, *rest = argv
    {"verify": _child_verify, "hash": _child_hash, "gui": _child_gui, "bare": _child_bare}[kind](
        *rest
    )
    sys.stdout.flush()
    print(json.dumps({"peak_rss_mb": round(_self_peak_mb(), 1)}), flush=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["--child"]:
        return run_child(args_list[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a small run for CI")
    parser.add_argument("--patients", type=int, help="window's vault; default 100,000")
    parser.add_argument("--visits", type=int, help="default 300,000")
    parser.add_argument("--photos", type=int, help="default 2,000,000")
    parser.add_argument("--verify-photos", type=int, help="smaller verify vault; default 2,000")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = parser.parse_args(args_list)
    n_patients = args.patients or (1_000 if args.quick else 100_000)
    n_visits = args.visits or (3_000 if args.quick else 300_000)
    n_photos = args.photos or (3_000 if args.quick else 2_000_000)
    verify_photos = args.verify_photos or (150 if args.quick else 2_000)
    rng = random.Random(20261205)
    load_before = _common.load_average()
    with _common.scratch_folder("pixiodoc-bench-scale-memory-", keep=args.keep) as tmp:
        verified = []
        for n in (verify_photos, verify_photos * SCALE_UP):
            folder = tmp / f"verify-{n}"
            people = make_patients(max(2, n // 20), rng)
            _common.log(f"Verify vault: {n:,} photos with real objects ...")
            build_vault(folder, people, max(1, n // 7), n, quick=True, rng=rng)
            real_objects(folder, rng)
            verified.append(measure_verify(folder))
            _common.log(f"  {verified[-1]}")
        _common.log(f"Window's vault: {n_patients:,} / {n_visits:,} / {n_photos:,} ...")
        folder = tmp / "group"
        patients = make_patients(n_patients, rng)
        build_s, (visits, photos) = _common.timed(
            lambda: build_vault(folder, patients, n_visits, n_photos, quick=args.quick, rng=rng)
        )
        _common.log(f"  built in {build_s:.0f} s")
        jpeg_thumbnails(folder, patients[0].id)
        me = [sys.executable, str(HERE / "scale_memory.py"), "--child"]
        _s, gui_mb, shown = _peak_child([*me, "gui", str(folder), patients[0].id])
        _s, bare_mb, _out = _peak_child([*me, "bare"])
        timeline_photos = json.loads(shown)["photos"]
    small, large = verified
    flat = large["peak_rss_mb"] <= small["peak_rss_mb"] * (1 + FLAT_SLACK)
    _common.emit(
        _common.result(
            benchmark="scale_memory",
            metric="peak RSS of the workstation window, vault open, largest timeline loaded",
            value=gui_mb,
            unit="MB",
            baseline=bare_mb,
            ratio=_common.rounded(bare_mb / gui_mb, 3),
            target=TARGET_GUI_MB,
            meets_target=gui_mb <= TARGET_GUI_MB,
            baseline_is="a bare PySide6 main window, shown and painted (offscreen)",
            size={"patients": n_patients, "visits": visits, "photos": photos},
            build_s=round(build_s, 1),
            timeline_photos=timeline_photos,
            verify={
                "sizes": [
                    {k: _common.rounded(v) for k, v in one.items()} for one in (small, large)
                ],
                "s_per_gb": _common.rounded(large["s_per_gb"]),
                "baseline_s_per_gb": _common.rounded(large["baseline_s_per_gb"]),
                "ratio": _common.rounded(large["baseline_s_per_gb"] / large["s_per_gb"], 3),
                "peak_rss_growth": _common.rounded(
                    large["peak_rss_mb"] / small["peak_rss_mb"] - 1, 3
                ),
                "memory_flat": flat,
                "flat_means": f"peak RSS grows <= {FLAT_SLACK:.0%} at {SCALE_UP}x the objects",
                "baseline_is": "reading and SHA-256 hashing every file of the same folder",
                "progress_shown": False,
            },
            load_avg={"start": load_before, "end": _common.load_average()},
            quick=args.quick,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
