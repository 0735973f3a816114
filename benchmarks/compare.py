"""Comparison: slider frame time on a 24 MP pair in a 3840x2160 view, opening, alignment.

1. Frame time while the before/after divider is dragged: the real paint path
   (`CompareCanvas.paintEvent`, rendered into a 3840x2160 QImage via
   `QWidget.render`) for a sweep of divider positions, median per frame. The
   baseline, in the same run on the same pixels: a plain `QPainter.drawImage`
   of one pre-scaled image into the same target. ratio = canvas / baseline.
2. Opening a comparison: from `CompareView.open_pair` (stored alignment) /
   `open_photo` (alignment computed) to the first painted frame, through the
   vault (decrypting the screen previews, audited), decoding and rendering on
   the workers.
3. Aligning a 12 MP pair (`imaging.alignment.align` on decoded photos).

The pair is a synthetic skin photo and a copy seen rotated 6°, scaled 1.08,
shifted and lit differently, so that alignment has real work to do.

    python benchmarks/compare.py [--quick]
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

import argparse
import datetime as dt
import math
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import _common
import cv2
import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from pixiodoc_desktop.clinic.access.plans import Plans
from pixiodoc_desktop.clinic.records.comparisons import Comparisons
from pixiodoc_desktop.clinic.records.photos import CaptureContext
from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.demo.photos import encode_jpeg, render_photo, scene_for
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.notify import Notifier
from pixiodoc_desktop.gui.session import ClinicSession
from pixiodoc_desktop.gui.views.compare_view import CompareView
from pixiodoc_desktop.gui.workers import ChangeNotifier, DbWorker, ImagePool
from pixiodoc_desktop.imaging.alignment import align
from pixiodoc_desktop.imaging.compose import Mode
from pixiodoc_desktop.vault.keys import MINIMUM_KDF

FRAME_TARGET_MS = 16.0
OPEN_TARGET_MS = 300.0
ALIGN_TARGET_S = 1.0


def known_pair(size: tuple[int, int]) -> tuple[NDArray[np.uint8], NDArray[np.uint8]]:
    """A photo and the same skin seen rotated, scaled, shifted and lit differently."""
    width, height = size
    render = (min(width, 3000), round(min(width, 3000) * height / width))
    scene = scene_for(31, "naevus")
    big = render_photo(
        scene, 0, 1, size=(render[0] * 5 // 4, render[1] * 5 // 4), framing_jitter=False
    )
    big = cv2.resize(big, (width * 5 // 4, height * 5 // 4), interpolation=cv2.INTER_CUBIC)
    rng = np.random.default_rng(3)
    big = np.clip(big.astype(np.int16) + rng.normal(0, 3, big.shape).astype(np.int16), 0, 255)
    big = big.astype(np.uint8)
    ox, oy = (big.shape[1] - width) // 2, (big.shape[0] - height) // 2
    before = np.ascontiguousarray(big[oy : oy + height, ox : ox + width])
    theta, scale = math.radians(6.0), 1.08
    centre = np.array([(width - 1) / 2, (height - 1) / 2])
    rotation = scale * np.array(
        [[math.cos(theta), -math.sin(theta)], [math.sin(theta), math.cos(theta)]]
    )
    to_big = np.eye(3)
    to_big[:2, :2] = rotation
    shift = np.array([ox + 0.04 * width, oy - 0.03 * height])
    to_big[:2, 2] = centre + shift - rotation @ centre
    after = cv2.warpPerspective(
        big, to_big, (width, height), flags=cv2.WARP_INVERSE_MAP | cv2.INTER_LINEAR
    )
    after = np.clip(after.astype(np.float32) * 0.85 + 12, 0, 255).astype(np.uint8)
    return before, after


def _wait(app: QApplication, condition: Callable[[], bool], timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the comparison did not open in time")
        app.processEvents()
        time.sleep(0.0005)


def _call(ctx: GuiContext, fn: Callable[..., Any]) -> Any:
    box: list[Any] = []

    def job() -> None:
        services, actor = ctx.session.require()
        box.append(fn(services, actor))

    ctx.worker.submit(job)
    ctx.worker.wait_idle(600)
    QApplication.processEvents()
    return box[0] if box else None


def frame_times(view: CompareView, view_size: tuple[int, int], frames: int) -> tuple[float, float]:
    """(median ms per slider frame through the canvas, median ms of the plain baseline)."""
    canvas = view.canvas
    canvas.setParent(None)
    canvas.resize(*view_size)
    view.set_mode(Mode.SLIDER)
    canvas.prepareFrame()
    target = QImage(view_size[0], view_size[1], QImage.Format.Format_RGB32)
    canvas.render(target)  # warm-up
    fractions = [0.1 + 0.8 * (i % 50) / 49 for i in range(frames)]
    times = []
    for fraction in fractions:
        start = time.perf_counter()
        canvas.setFraction(fraction)
        canvas.render(target)
        times.append((time.perf_counter() - start) * 1000)
    scaled = next(iter(canvas._scaled.values()))  # the pre-scaled copy the canvas paints
    base = []
    for _ in range(frames):
        start = time.perf_counter()
        painter = QPainter(target)
        painter.drawImage(QPointF(0, 0), scaled)
        painter.end()
        base.append((time.perf_counter() - start) * 1000)
    return _common.median(times), _common.median(base)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="6 MP in a 1920x1080 view (for CI)")
    args = parser.parse_args(argv)
    photo_size = (3000, 2000) if args.quick else (6000, 4000)
    view_size = (1920, 1080) if args.quick else (3840, 2160)
    align_size = (2000, 1500) if args.quick else (4000, 3000)
    frames = 40 if args.quick else 120
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)

    _common.log(f"alignment of a {align_size[0]}x{align_size[1]} pair ...")
    before12, after12 = known_pair(align_size)
    align(before12, after12)  # warm-up
    align_times = []
    for _ in range(3):
        start = time.perf_counter()
        align(before12, after12)
        align_times.append(time.perf_counter() - start)
    align_s = _common.median(align_times)
    _common.log(f"  {align_s * 1000:.0f} ms")

    _common.log(f"a {photo_size[0]}x{photo_size[1]} pair into a vault ...")
    before, after = known_pair(photo_size)
    ctx = GuiContext(
        settings=Settings(),
        session=ClinicSession(kdf=MINIMUM_KDF),
        worker=DbWorker(),
        images=ImagePool(),
        changes=ChangeNotifier(),
        notifier=Notifier(lambda: None),
    )
    ctx.notifier.show_boxes = False
    with tempfile.TemporaryDirectory(prefix="pixiodoc-bench-compare-") as temp:
        os.environ["PIXIODOC_CONFIG_DIR"] = str(Path(temp) / "config")
        os.environ["PIXIODOC_LOG_DIR"] = str(Path(temp) / "logs")
        try:
            ctx.worker.submit(
                lambda: ctx.session.create(
                    Path(temp) / "vault",
                    clinic_name="Benchmark",
                    login_name="bench",
                    display_name="Bench",
                    password="Benchmark-Vergleich-2026!",  # noqa: S106 - throwaway vault
                )
            )
            ctx.worker.wait_idle(600)
            _call(ctx, lambda s, a: Plans(s.workstation).mark_demo(a))
            patient = _call(ctx, lambda s, a: s.patients.create(a, family_name="Bench").id)
            ids = []
            for index, pixels in enumerate((before, after)):
                when = dt.date(2025, 1, 7) + dt.timedelta(weeks=10 * index)
                data = encode_jpeg(pixels, quality=90)
                context = CaptureContext(
                    patient_id=patient, visit_date=when, body_site="upper-back"
                )
                ids.append(
                    _call(
                        ctx,
                        lambda s, a, d=data, c=context: (
                            s.photos.ingest(a, d, c, source_name="bench.jpg").photo.id
                        ),
                    )
                )
            view = CompareView(ctx)
            view.resize(*view_size)
            view.canvas.resize(*view_size)

            def open_and_paint(opener: Callable[[], None]) -> float:
                view.clear()
                app.processEvents()
                start = time.perf_counter()
                opener()
                _wait(app, lambda: view.display is not None)
                # The first frame, as painted while the smooth copy is still being made.
                view.canvas.render(QImage(view_size[0], view_size[1], QImage.Format.Format_RGB32))
                return (time.perf_counter() - start) * 1000

            first_open = open_and_paint(lambda: view.open_photo(ids[0]))
            _common.log(f"  first opening (alignment computed): {first_open:.0f} ms")
            assert view.alignment is not None
            stored = _call(
                ctx,
                lambda s, a: (
                    Comparisons(s.workstation).save(a, ids[0], ids[1], alignment=view.alignment).id
                ),
            )
            opens = [open_and_paint(lambda: view.open_comparison(stored)) for _ in range(5)]
            open_ms = _common.median(opens)
            _common.log(f"  opening a stored comparison: {open_ms:.0f} ms (median of 5)")
            quality = view.alignment.quality.verdict if view.alignment else "none"
            _common.log(f"slider frames in a {view_size[0]}x{view_size[1]} view ...")
            frame_ms, base_ms = frame_times(view, view_size, frames)
            _common.log(f"  {frame_ms:.2f} ms per frame, baseline {base_ms:.2f} ms")
            view.clear()
            view.canvas.shutdown()
        finally:
            ctx.worker.submit(ctx.session.lock)
            ctx.worker.wait_idle(60)
            ctx.worker.stop()
            ctx.images.stop()
    meets = frame_ms <= FRAME_TARGET_MS and open_ms <= OPEN_TARGET_MS and align_s <= ALIGN_TARGET_S
    _common.emit(
        _common.result(
            benchmark="compare",
            metric=f"median slider frame time, {photo_size[0] * photo_size[1] / 1e6:.0f} MP pair "
            f"in a {view_size[0]}x{view_size[1]} view",
            value=_common.rounded(frame_ms, 3),
            unit="ms",
            baseline=_common.rounded(base_ms, 3),
            ratio=_common.rounded(frame_ms / base_ms, 3),
            target=FRAME_TARGET_MS,
            meets_target=meets,
            open_stored_ms=round(open_ms, 1),
            open_stored_target_ms=OPEN_TARGET_MS,
            open_first_ms=round(first_open, 1),
            align_ms=round(align_s * 1000, 1),
            align_megapixels=align_size[0] * align_size[1] / 1e6,
            align_target_ms=ALIGN_TARGET_S * 1000,
            alignment_verdict=quality,
            frames=frames,
            quick=args.quick,
            load_average=_common.load_average(),
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
