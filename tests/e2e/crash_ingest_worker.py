"""Ingest synthetic photos in a loop until killed (driven by test_crash_ingest.py).

Usage: crash_ingest_worker.py VAULT SEED PATIENT_ID...; the password comes from
$PIXIODOC_CRASH_PASSWORD. Prints "ready" after logging in, then each photo's id
(flushed) as soon as `ingest()` has returned, so the test knows which photos
the vault has promised to keep.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
from pathlib import Path

from pixiodoc_desktop.clinic.access.login import log_in
from pixiodoc_desktop.clinic.records.photos import CaptureContext, Photos
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
    for counter in range(1, 1_000_000):
        if made and rng.random() < 0.15:  # now and then the same picture again: a duplicate
            patient, data = rng.choice(made)
        else:
            pixels = base.copy()
            pixels[0, :4] = [(seed >> 8) & 255, seed & 255, counter >> 8 & 255]
            pixels[1, :4] = counter & 255
            captured = dt.datetime(2025, 1, 1, 8, 0) + dt.timedelta(minutes=counter + 1000 * seed)
            data = encode_jpeg(pixels, captured_at=captured, camera_model="Crash Cam")
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


if __name__ == "__main__":
    main()
