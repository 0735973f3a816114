"""Capture: a 1080p30 camera through the live preview, and still-to-committed latency.

1. Preview. A 1080p, 30 fps MJPG .avi (generated here, synthetic skin with sensor
   noise, panning) is opened through ``OpenCvCamera`` and run by ``Preview``: the
   capture thread decodes and paces it as the 30 fps camera it stands in for, while
   a painter thread takes the newest frame 60 times a second and scales it to a
   960 x 540 view, as the capture screen will. Figure: delivered fps / source fps
   (target >= 0.95), with the frames dropped (replaced before the painter took
   them) counted. The file is also read flat out, unpaced, to show the headroom.
2. Stills. Trigger to committed: ``take_still`` on a frame in memory (quality
   check, JPEG encode, previews, three objects encrypted and fsynced, SQLCipher
   commit with audit). A 1080p frame is taken from the running preview (target
   <= 300 ms); a 12 MP frame from memory (target <= 800 ms). Baseline in the
   same run, alternating with the real runs: ``cv2.imencode`` of the same frame
   plus a plain file write with fsync, i.e. a durable but unencrypted save.
   ratio = real / baseline latency (medians).

The JSON's top-level figure is the preview ratio; ``meets_target`` is true only
when all three targets are met (each is listed under ``targets``).

    python benchmarks/capture.py [--quick] [--seconds S] [--stills N] [--keep]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import _common
import cv2
import numpy as np
from numpy.typing import NDArray

from pixiodoc_desktop.capture.preview import Preview, PreviewState
from pixiodoc_desktop.capture.profiles import DeviceProfile
from pixiodoc_desktop.capture.sources import OpenCvCamera
from pixiodoc_desktop.capture.still import take_still
from pixiodoc_desktop.clinic.access.login import lock, log_in
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.clinic.services import ClinicServices
from pixiodoc_desktop.demo.photos import render_photo, scene_for
from pixiodoc_desktop.vault.keys import MINIMUM_KDF
from pixiodoc_desktop.vault.vault import Vault

SOURCE_FPS = 30.0
FULL_HD = (1920, 1080)
TWELVE_MP = (4000, 3000)
PAINTER_HZ = 60.0
VIEW_SIZE = (960, 540)
NOISE_SIGMA = 3.0
TARGET_FPS_RATIO = 0.95
TARGET_1080P_MS = 300.0
TARGET_12MP_MS = 800.0
PASSWORD = "Benchmark-Kamera-Lupe-2026"  # noqa: S105 - a throwaway benchmark vault
SCOPE = DeviceProfile("Bench Scope 1080p", polarised=True, contact=True, px_per_mm=80.0)


def noisy(pixels: NDArray[np.uint8], rng: np.random.Generator) -> NDArray[np.uint8]:
    """Sensor-like noise, so frames carry a camera's entropy rather than a render's."""
    noise = rng.normal(0.0, NOISE_SIGMA, pixels.shape).astype(np.float32)
    return np.clip(pixels.astype(np.float32) + noise, 0, 255).astype(np.uint8)


def make_video(path: Path, frames: int) -> None:
    rng = np.random.default_rng(7)
    base = render_photo(scene_for(7, "naevus"), 0, 1, size=FULL_HD)
    variants = [noisy(base, rng) for _ in range(4)]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), SOURCE_FPS, FULL_HD)
    if not writer.isOpened():
        raise SystemExit("OpenCV cannot write MJPG video on this machine")
    for i in range(frames):
        writer.write(np.roll(variants[i % 4], 4 * i, axis=1))
    writer.release()


def unpaced_fps(path: Path, frames: int) -> float:
    """How fast OpenCV decodes this file when nobody paces it: the headroom."""
    capture = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    count = 0
    start = time.perf_counter()
    while count < frames:
        ok, _ = capture.read()
        if not ok:
            break
        count += 1
    elapsed = time.perf_counter() - start
    capture.release()
    return count / elapsed if elapsed > 0 else 0.0


def run_preview(path: Path, seconds: float) -> dict[str, Any]:
    """The preview with a 60 Hz painter for `seconds`; its figures."""
    preview = Preview(OpenCvCamera(path, name="Bench Scope 1080p"))
    preview.start()
    stop = threading.Event()
    painted = [0]

    def painter() -> None:
        last = 0
        interval = 1.0 / PAINTER_HZ
        while not stop.wait(interval):
            frame = preview.latest()
            if frame is not None and frame.number != last:
                last = frame.number
                cv2.resize(frame.pixels, VIEW_SIZE, interpolation=cv2.INTER_AREA)
                painted[0] += 1

    thread = threading.Thread(target=painter, name="painter")
    try:
        if preview.wait_started(10.0) is not PreviewState.RUNNING:
            raise SystemExit(f"The preview did not start: {preview.message}")
        thread.start()
        time.sleep(0.5)  # warm-up: the first frames and the thread start
        before = preview.stats()
        start = time.monotonic()
        time.sleep(seconds)
        after = preview.stats()
        elapsed = time.monotonic() - start
    finally:
        stop.set()
        if thread.is_alive():
            thread.join(5.0)
        preview.stop()
    delivered = after.frames_delivered - before.frames_delivered
    return {
        "delivered_fps": delivered / elapsed,
        "frames_delivered": delivered,
        "frames_dropped": after.dropped - before.dropped,
        "frames_painted": painted[0],
        "seconds": round(elapsed, 2),
    }


def baseline_save(pixels: NDArray[np.uint8], folder: Path, n: int) -> float:
    """A durable, unencrypted save of the same frame: encode, write, fsync."""
    start = time.perf_counter()
    ok, encoded = cv2.imencode(".jpg", pixels, [cv2.IMWRITE_JPEG_QUALITY, 95])
    if not ok:
        raise SystemExit("OpenCV could not encode a JPEG")
    target = folder / f"still-{n:04d}.jpg"
    with target.open("wb") as out:
        out.write(encoded.tobytes())
        out.flush()
        os.fsync(out.fileno())
    return time.perf_counter() - start


def marked(pixels: NDArray[np.uint8], n: int) -> NDArray[np.uint8]:
    """A different picture every time, so the vault's de-duplication never short-cuts."""
    copy = pixels.copy()
    copy[:32, :32] = [(n * 37) % 256, (n * 11) % 256, (n * 5) % 256]
    return copy


def stills(
    services: ClinicServices,
    actor: Any,
    context: CaptureContext,
    frames: Sequence[NDArray[np.uint8]],
    plain: Path,
    offset: int,
) -> tuple[list[float], list[float]]:
    """Alternating real and baseline runs on the same frames; seconds each."""
    real: list[float] = []
    base: list[float] = []
    for i, frame in enumerate(frames):
        n = offset + i
        pixels = marked(frame, n)
        base.append(baseline_save(pixels, plain, n))
        start = time.perf_counter()
        result = take_still(
            services.photos, actor, pixels, context, device_name=SCOPE.device_name, profile=SCOPE
        )
        real.append(time.perf_counter() - start)
        if result.duplicate:
            raise SystemExit("A still was taken for a duplicate; the figures would be wrong")
        if (result.photo.width, result.photo.height) != (pixels.shape[1], pixels.shape[0]):
            raise SystemExit("The stored photo does not have the frame's size")
    return real, base


def figures(real: list[float], base: list[float], target_ms: float) -> dict[str, Any]:
    median_ms = _common.median(real) * 1000
    base_ms = _common.median(base) * 1000
    return {
        "median_ms": _common.rounded(median_ms),
        "p95_ms": _common.rounded(_common.percentile(real, 95) * 1000),
        "baseline_ms": _common.rounded(base_ms),
        "ratio": _common.rounded(median_ms / base_ms),
        "target_ms": target_ms,
        "meets_target": median_ms <= target_ms,
        "runs": len(real),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small run CI can afford")
    parser.add_argument("--seconds", type=float, help="preview measurement time")
    parser.add_argument("--stills", type=int, help="stills of each size")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    seconds = args.seconds or (3.0 if args.quick else 20.0)
    count = args.stills or (3 if args.quick else 12)
    frames_in_file = 60 if args.quick else 300

    tmp = Path(tempfile.mkdtemp(prefix="pixiodoc-bench-capture-"))
    os.environ["PIXIODOC_CONFIG_DIR"] = str(tmp / "config")
    os.environ["PIXIODOC_LOG_DIR"] = str(tmp / "logs")
    try:
        video = tmp / "scope-1080p30.avi"
        _common.log(f"writing a {frames_in_file}-frame 1080p30 MJPG video ...")
        make_video(video, frames_in_file)
        headroom = unpaced_fps(video, frames_in_file)
        _common.log(f"unpaced decode: {headroom:.1f} fps")
        _common.log(f"preview for {seconds:g} s with a {PAINTER_HZ:g} Hz painter ...")
        preview = run_preview(video, seconds)
        fps_ratio = preview["delivered_fps"] / SOURCE_FPS
        _common.log(
            f"delivered {preview['delivered_fps']:.2f} fps, "
            f"dropped {preview['frames_dropped']}, painted {preview['frames_painted']}"
        )

        vault, _ = Vault.create(
            tmp / "vault",
            clinic_name="Benchmark Clinic",
            admin_login="bench",
            admin_name="Bench Admin",
            password=PASSWORD,
            kdf=MINIMUM_KDF,
        )
        vault.lock()
        ws, actor = log_in(Vault.open(tmp / "vault"), "bench", PASSWORD)
        try:
            services = ClinicServices.for_workstation(ws)
            patient = services.patients.create(actor, family_name="Benchmark", given_name="Pat")
            context = CaptureContext(patient_id=patient.id, body_site="forearm-left")
            plain = tmp / "plain"
            plain.mkdir()
            rng = np.random.default_rng(11)

            # Warm-up (first ingest opens the database pages, imports lazily): untimed.
            warm = noisy(render_photo(scene_for(2, "acne"), 0, 1, size=FULL_HD), rng)
            stills(services, actor, context, [warm], plain, 10_000)

            _common.log(f"{count} 1080p stills from the running preview ...")
            live = Preview(OpenCvCamera(video, name=SCOPE.device_name))
            live.start()
            try:
                if live.wait_started(10.0) is not PreviewState.RUNNING:
                    raise SystemExit(f"The preview did not start: {live.message}")
                grabbed = []
                for _ in range(count):
                    frame = live.mailbox.wait_newer(0 if not grabbed else grabbed[-1][1], 2.0)
                    if frame is None:
                        raise SystemExit("The preview stopped delivering frames")
                    grabbed.append((frame.pixels, frame.number))
                real_hd, base_hd = stills(
                    services, actor, context, [g[0] for g in grabbed], plain, 0
                )
                during = live.stats()
            finally:
                live.stop()

            _common.log(f"{count} 12 MP stills ...")
            half = render_photo(scene_for(9, "psoriasis"), 0, 1, size=(2000, 1500))
            big = noisy(cv2.resize(half, TWELVE_MP, interpolation=cv2.INTER_CUBIC), rng)
            real_12, base_12 = stills(services, actor, context, [big] * count, plain, 1000)
        finally:
            lock(ws, actor, logged_out=True)
    finally:
        if args.keep:
            _common.log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    hd = figures(real_hd, base_hd, TARGET_1080P_MS)
    twelve = figures(real_12, base_12, TARGET_12MP_MS)
    preview_ok = fps_ratio >= TARGET_FPS_RATIO
    _common.log(f"1080p still: {hd['median_ms']} ms (baseline {hd['baseline_ms']} ms)")
    _common.log(f"12 MP still: {twelve['median_ms']} ms (baseline {twelve['baseline_ms']} ms)")
    _common.emit(
        _common.result(
            benchmark="capture",
            metric="preview delivered fps / source fps (1080p30 MJPG, 60 Hz painter)",
            value=_common.rounded(preview["delivered_fps"]),
            unit="fps",
            baseline=SOURCE_FPS,
            ratio=_common.rounded(fps_ratio),
            target=TARGET_FPS_RATIO,
            meets_target=preview_ok and hd["meets_target"] and twelve["meets_target"],
            targets={
                "preview_fps_ratio": {
                    "value": _common.rounded(fps_ratio),
                    "target": 0.95,
                    "meets_target": preview_ok,
                },
                "still_1080p_ms": hd,
                "still_12mp_ms": twelve,
            },
            preview={
                **{
                    k: _common.rounded(v) if isinstance(v, float) else v for k, v in preview.items()
                },
                "unpaced_decode_fps": _common.rounded(headroom),
                "painter_hz": PAINTER_HZ,
                "delivered_fps_while_taking_stills": during.delivered_fps,
            },
            quick=bool(args.quick),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
