"""Ingest synthetic photos in a loop until killed (driven by test_crash_ingest.py).

Usage: crash_ingest_worker.py VAULT SEED PATIENT_ID...; the password comes from
$PIXIODOC_CRASH_PASSWORD. Prints "ready" after logging in, then each photo's id
(flushed) as soon as the vault reports it stored, so the test knows which photos
the vault has promised to keep. An even SEED ingests one photo at a time
(`Photos.ingest`, as the camera does); an odd one imports card folders with
`import_files` (group commit: a photo is stored once its batch has committed).

`crash_ingest_worker.py --fork-server` is how the test starts workers: a process that
has only imported the modules, and forks one worker per line `start OUT ERR VAULT SEED
PATIENT_ID...` on its stdin (it answers the worker's pid; `reap PID` answers its exit
code). Each worker then opens the vault, logs in and ingests exactly as a fresh
process does, minus the second of imports per run that the kills never struck.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import threading
import traceback
from pathlib import Path

import numpy as np

from pixiodoc_desktop.clinic.access.login import log_in
from pixiodoc_desktop.clinic.exchange.importing import import_files
from pixiodoc_desktop.clinic.records.photos import CaptureContext, Photos, PhotoSummary
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.demo.photos import encode_jpeg, render_photo, scene_for
from pixiodoc_desktop.vault.vault import Vault


def main(folder: Path, seed: int, patients: list[str]) -> None:
    rng = random.Random(seed)
    vault = Vault.open(folder)
    ws, actor = log_in(vault, "dr.weber", os.environ["PIXIODOC_CRASH_PASSWORD"])
    photos = Photos(ws)
    base = render_photo(scene_for(seed, "eczema"), 0, 1, size=(192, 144))
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    made: list[tuple[str, bytes]] = []
    if seed % 2:
        _import_cards(photos, actor, seed, patients, base, rng)
    for counter in range(1, 1_000_000):
        if made and rng.random() < 0.15:  # now and then the same picture again: a duplicate
            patient, data = rng.choice(made)
        else:
            data = _photo(base, seed, counter)
            patient = rng.choice(patients)
            made.append((patient, data))
        result = photos.ingest(
            actor,
            data,
            CaptureContext(patient_id=patient, body_site="forearm-left"),
            source_name=f"crash-{seed}-{counter}.jpg",
        )
        sys.stdout.write(result.photo.id + "\n")
        sys.stdout.flush()


def _photo(base: np.ndarray, seed: int, counter: int) -> bytes:
    pixels = base.copy()
    pixels[0, :4] = [(seed >> 8) & 255, seed & 255, counter >> 8 & 255]
    pixels[1, :4] = counter & 255
    captured = dt.datetime(2025, 1, 1, 8, 0) + dt.timedelta(minutes=counter + 1000 * seed)
    return encode_jpeg(pixels, captured_at=captured, camera_model="Crash Cam")


def _import_cards(
    photos: Photos,
    actor: Actor,
    seed: int,
    patients: list[str],
    base: np.ndarray,
    rng: random.Random,
) -> None:
    """Card after card of 20 files (one a repeat, one damaged) through `import_files`."""

    def stored(photo: PhotoSummary) -> None:
        sys.stdout.write(photo.id + "\n")
        sys.stdout.flush()

    counter = 0
    for card_number in range(1, 1_000_000):
        card = Path(f"card-{seed}-{card_number}")
        card.mkdir()
        for index in range(20):
            counter += 1
            (card / f"IMG_{index:04d}.JPG").write_bytes(_photo(base, seed, counter))
        (card / "IMG_0100.JPG").write_bytes((card / "IMG_0003.JPG").read_bytes())
        (card / "IMG_0101.JPG").write_bytes(_photo(base, seed, counter + 1)[:300])
        context = CaptureContext(patient_id=rng.choice(patients), body_site="forearm-left")
        import_files(photos, actor, context, [card], on_stored=stored)


def serve() -> None:
    """Fork a worker per `start` line; `reap PID` waits for one and answers its exit code."""
    for line in sys.stdin:
        command, *args = line.split()
        if command == "reap":
            _pid, status = os.waitpid(int(args[0]), 0)
            _answer(str(os.waitstatus_to_exitcode(status)))
            continue
        out, err, folder, seed, *patients = args
        # a fork copies only the calling thread: nothing may run beside it
        assert threading.active_count() == 1, threading.enumerate()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _run_forked(out, err, Path(folder), int(seed), patients)
        _answer(str(pid))


def _answer(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _run_forked(out: str, err: str, folder: Path, seed: int, patients: list[str]) -> None:
    """The worker in the forked child: its own stdin, stdout and stderr; never returns."""
    stdin = os.open(os.devnull, os.O_RDONLY)
    os.dup2(stdin, 0)
    for fd, path in ((1, out), (2, err)):
        opened = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    code = 0
    try:
        main(folder, seed, patients)
    except BaseException:  # noqa: BLE001 - whatever it was, the test reads it from stderr
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


if __name__ == "__main__":
    if sys.argv[1:] == ["--fork-server"]:
        serve()
    else:
        main(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:])
