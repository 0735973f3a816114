"""The workstation window's peak memory at a clinic group's size (issue 19: <= 400 MB).

The window (offscreen) on a group-size vault of ``scale.py``'s make: log in, open the
patient with the largest timeline (1,000 photos) and scroll it top to bottom (every
thumbnail decrypted, decoded and shown once, as timeline.py does). The figure is the
peak RSS (``VmHWM``) of that whole process, unlock included, which reports it itself
when done (and by the end of each step: unlock page, patient list, record, scrolled).
Baseline, same run: a bare PySide6 main window that shows and paints, the floor of any
Qt application here; ratio = floor / value.

The vault is built here, or with ``--reuse DIR`` taken from a folder ``scale.py --keep``
kept (its ``vault/``, ``plain.db`` and ``built.json``): brought to the current schema as
``scale.py --reuse`` does (vault and plain copy alike, so that scale.py can measure there
again), then measured. The followed patient's thumbnails get real JPEGs for the run
(scale.py's are random bytes, which the window could not decode); in a reused folder the
thumbnails it had are put back afterwards. ``vault verify``'s memory and time per GB are
measured by benchmarks/verify.py.

    python benchmarks/scale_memory.py [--quick] [--patients N] [--visits N] [--photos N]
                                      [--keep] [--reuse DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import _common
from _patients import LOGIN, PASSWORD, make_patients
from scale import BUILT, bring_up_to_date, build_vault, group_arguments, group_folder

TARGET_GUI_MB = 400.0
HERE = Path(__file__).resolve().parent


def _peak_child(command: Sequence[str]) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak RSS in MB, stdout) of one child process."""
    env = {**os.environ, "PYTHONPATH": str(_common.REPO_ROOT)}
    start = time.perf_counter()
    before = os.times()
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=HERE
    )
    out, err = child.communicate()
    elapsed = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    if child.returncode != 0:
        raise RuntimeError(f"{command[2:4]} exited {child.returncode}: {err.decode()[-2000:]}")
    # RUSAGE_CHILDREN would give the maximum over all children: each child prints its own.
    lines = out.decode().strip().splitlines()
    peak = json.loads(lines[-1])["peak_rss_mb"]
    return elapsed, cpu, float(peak), "\n".join(lines[:-1])


def _self_peak_mb() -> float:
    """This process's peak RSS since it was started: VmHWM, not ``ru_maxrss``, which
    after fork and exec still holds the parent's peak."""
    for line in Path("/proc/self/status").read_text("utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status (Linux only)")


@contextlib.contextmanager
def jpeg_thumbnails(folder: Path, patient_id: str) -> Iterator[int]:
    """Real JPEG thumbnails (320 x 240, each a little different) for the followed
    patient's photos, encrypted under their ids, so that the window decodes and shows
    them; the objects they replace are put back on leaving. Yields their number."""
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
    finally:
        lock(ws, actor, logged_out=True)
    paths = [vault.blobs.path_for(blob_id) for blob_id in blob_ids]
    before = {path: path.read_bytes() for path in paths if path.is_file()}
    try:
        base = render_photo(scene_for(7, "naevus"), 0, 1, size=(320, 240))
        for index, (blob_id, path) in enumerate(zip(blob_ids, paths, strict=True)):
            pixels = base.copy()
            pixels[index % 240, : 1 + index // 240] = [index % 256, (index * 7) % 256, 40]
            data = encode_jpeg(pixels, captured_at=None, camera_make=None, camera_model=None)
            path.parent.mkdir(parents=True, exist_ok=True)  # as BlobStore.put, no fsyncs
            path.write_bytes(b"".join(encrypt_blob(blob_id, data, key)))
        yield len(blob_ids)
    finally:
        for path in paths:
            if path in before:
                path.write_bytes(before[path])
            else:
                path.unlink(missing_ok=True)


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
    peaks = {"unlock_page": _self_peak_mb()}  # peak RSS (MB) by the end of each step
    window.unlock(LOGIN, PASSWORD)
    wait(app, window.is_unlocked, 120)
    wait(app, lambda: window.patients.model.rowCount() > 0, 120)
    peaks["patient_list"] = _self_peak_mb()
    view = window.timeline.timeline
    first_screenful(app, view, lambda: window.open_patient(patient_id))
    wait(app, lambda: window.record is not None and window.record.complete, 120)
    peaks["record_loaded"] = _self_peak_mb()

    def settled() -> bool:
        return all(window.thumbnails.thumbnail(i) is not None for i in view.visible_photo_ids())

    scroll_through(app, view, settled)  # top to bottom: every thumbnail shown once
    peaks["scrolled"] = _self_peak_mb()
    record = window.record
    assert record is not None
    rounded = {step: round(mb, 1) for step, mb in peaks.items()}
    print(json.dumps({"photos": len(record.photos), "peak_rss_by_step_mb": rounded}))
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
    if kind == "gui":
        _child_gui(*rest)
    elif kind == "bare":
        _child_bare()
    else:
        raise SystemExit(f"unknown child {kind!r}")
    sys.stdout.flush()
    print(json.dumps({"peak_rss_mb": round(_self_peak_mb(), 1)}), flush=True)
    return 0


def _built_here(tmp: Path, args: argparse.Namespace) -> dict[str, Any]:
    """A fresh vault of scale.py's make in tmp/vault; what scale.py writes to built.json."""
    n_patients = args.patients or (1_000 if args.quick else 100_000)
    n_visits = args.visits or (3_000 if args.quick else 300_000)
    n_photos = args.photos or (3_000 if args.quick else 2_000_000)
    _common.log(f"Window's vault: {n_patients:,} / {n_visits:,} / {n_photos:,} ...")
    rng = random.Random(20261205)
    patients = make_patients(n_patients, rng)
    build_s, (visits, photos) = _common.timed(
        lambda: build_vault(tmp / "vault", patients, n_visits, n_photos, quick=args.quick, rng=rng)
    )
    _common.log(f"  built in {build_s:.0f} s")
    return {
        "build_s": build_s,
        "visits": visits,
        "photos": photos,
        "followed": patients[0].id,
        "patients": n_patients,
    }


def _patient_rows(folder: Path) -> int:
    """Patients in the vault, counted in scale.py's plain copy of it (no second unlock)."""
    with contextlib.closing(sqlite3.connect(folder / "plain.db")) as plain:
        return int(plain.execute("SELECT count(*) FROM patients").fetchone()[0])


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["--child"]:
        return run_child(args_list[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    group_arguments(parser, quick="1,000 / 3,000 / 3,000")
    args = parser.parse_args(args_list)
    load_before = _common.load_average()
    with group_folder(args, "pixiodoc-bench-scale-memory-") as tmp:
        folder = tmp / "vault"
        migrated = None
        if args.reuse:
            built = json.loads((tmp / BUILT).read_text("utf-8"))
            _common.log(f"Measuring in {tmp} (built earlier by scale.py)")
            migrated = bring_up_to_date(folder, tmp / "plain.db")
        else:
            built = _built_here(tmp, args)
        with jpeg_thumbnails(folder, built["followed"]) as thumbnails:
            me = [sys.executable, str(HERE / "scale_memory.py"), "--child"]
            gui_s, gui_cpu_s, gui_mb, shown = _peak_child(
                [*me, "gui", str(folder), built["followed"]]
            )
        _s, _cpu, bare_mb, _out = _peak_child([*me, "bare"])
        patients = _patient_rows(tmp) if args.reuse else built["patients"]
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
            size={"patients": patients, "visits": built["visits"], "photos": built["photos"]},
            build_s=round(built["build_s"], 1),
            reused=str(args.reuse) if args.reuse else None,
            migrated=migrated,
            timeline_photos=json.loads(shown)["photos"],
            peak_rss_by_step_mb=json.loads(shown)["peak_rss_by_step_mb"],
            jpeg_thumbnails=thumbnails,
            window_s={"wall": round(gui_s, 2), "cpu": round(gui_cpu_s, 2)},
            load_avg={"start": load_before, "end": _common.load_average()},
            quick=args.quick,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
