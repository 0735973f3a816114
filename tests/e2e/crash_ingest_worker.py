"""Ingest synthetic photos in a loop until killed (driven by test_crash_ingest.py).

Usage: crash_ingest_worker.py VAULT SEED PATIENT_ID...; the password comes from
$PIXIODOC_CRASH_PASSWORD. Prints "ready" after logging in, then each photo's id
(flushed) as soon as the vault reports it stored, so the test knows which photos
the vault has promised to keep. An even SEED ingests one photo at a time
(`Photos.ingest`, as the camera does); an odd one imports card folders with
`import_files` (group commit: a photo is stored once its batch has committed).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
from pathlib import Path

import numpy as np

from pixiodoc_desktop.clinic.access.login import log_in
from pixiodoc_desktop.clinic.exchange.importing import import_files
from pixiodoc_desktop.clinic.records.photos import CaptureContext, Photos, PhotoSummary
from pixiodoc_desktop.clinic.workstation import Actor
from pixiodoc_desktop.demo.photos import encode_jpeg, render_photo, scene_for
from pixiodoc_desktop.vault.vault import Vault


def main() -> None:
    folder, seed, patients = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
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


if __name__ == "__main__":
    main()
