"""Regenerate docs/screenshots/compare-*.png: the compare view in slider, side-by-side and
difference mode, and the consultation screen, on synthetic demo photos.

    .venv/bin/python tools/compare_screenshots.py [--out docs/screenshots] [--language en|de]

Runs offscreen on a vault built in a temporary folder, deleted afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QRect  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from pixiodoc_desktop.clinic.access.plans import Plans  # noqa: E402
from pixiodoc_desktop.clinic.records.comparisons import MeasurementTrace, Side  # noqa: E402
from pixiodoc_desktop.clinic.records.photos import CaptureContext, ImageSize  # noqa: E402
from pixiodoc_desktop.config import Settings  # noqa: E402
from pixiodoc_desktop.demo.photos import encode_jpeg, render_photo, scene_for  # noqa: E402
from pixiodoc_desktop.gui.application import make_application  # noqa: E402
from pixiodoc_desktop.gui.context import GuiContext  # noqa: E402
from pixiodoc_desktop.gui.notify import Notifier  # noqa: E402
from pixiodoc_desktop.gui.session import ClinicSession  # noqa: E402
from pixiodoc_desktop.gui.thumbnails import ThumbnailCache, ThumbnailLoader  # noqa: E402
from pixiodoc_desktop.gui.views.compare_view import CompareView  # noqa: E402
from pixiodoc_desktop.gui.workers import ChangeNotifier, DbWorker, ImagePool  # noqa: E402
from pixiodoc_desktop.imaging.compose import Mode  # noqa: E402
from pixiodoc_desktop.imaging.measure import MeasureKind  # noqa: E402
from pixiodoc_desktop.vault.keys import MINIMUM_KDF  # noqa: E402

SIZE = (1360, 860)
VISITS = 4


def wait_until(app: QApplication, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get ready in time")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def save(app: QApplication, widget: QWidget, path: Path) -> None:
    settle(app)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path}")


def call(ctx: GuiContext, app: QApplication, fn: Callable[..., Any]) -> Any:
    box: list[Any] = []

    def job() -> None:
        services, actor = ctx.session.require()
        box.append(fn(services, actor))

    ctx.worker.submit(job)
    ctx.worker.wait_idle(120)
    app.processEvents()
    return box[0] if box else None


def seed(ctx: GuiContext, app: QApplication, folder: Path) -> list[str]:
    """A patient with a growing naevus photographed at four visits, calibrated."""
    ctx.worker.submit(
        lambda: ctx.session.create(
            folder,
            clinic_name="Hautarztpraxis am Stadtpark",
            login_name="a.weber",
            display_name="Dr. Anna Weber",
            password="Lindenblüte-Morgen-7",  # noqa: S106 - a throwaway demo vault
        )
    )
    ctx.worker.wait_idle(120)
    call(ctx, app, lambda s, a: Plans(s.workstation).mark_demo(a))
    patient = call(ctx, app, lambda s, a: s.patients.create(a, family_name="Demo").id)
    call(
        ctx,
        app,
        lambda s, a: s.consents.record(a, patient, scope="consultation-screen", granted=True),
    )
    scene = scene_for(7, "naevus")
    ids = []
    for index in range(VISITS):
        when = dt.date(2025, 1, 14) + dt.timedelta(weeks=8 * index)
        data = encode_jpeg(
            render_photo(scene, index, VISITS, size=(1600, 1200)),
            captured_at=dt.datetime.combine(when, dt.time(10)),
        )
        context = CaptureContext(
            patient_id=patient, visit_date=when, body_site="upper-back", calibration_px_per_mm=14.0
        )
        ids.append(
            call(
                ctx,
                app,
                lambda s, a, d=data, c=context: (
                    s.photos.ingest(a, d, c, source_name="x.jpg").photo.id
                ),
            )
        )
    return ids


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", choices=("en", "de"), default="en")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    settings = Settings(language=args.language)
    app, _translators = make_application(settings)
    ctx = GuiContext(
        settings=settings,
        session=ClinicSession(kdf=MINIMUM_KDF),
        worker=DbWorker(),
        images=ImagePool(),
        changes=ChangeNotifier(),
        notifier=Notifier(lambda: None),
    )
    ctx.notifier.show_boxes = False
    suffix = "" if args.language == "en" else f"-{args.language}"
    with tempfile.TemporaryDirectory(prefix="pixiodoc-compare-shots-") as temp:
        os.environ["PIXIODOC_CONFIG_DIR"] = str(Path(temp) / "config")
        os.environ["PIXIODOC_LOG_DIR"] = str(Path(temp) / "logs")
        try:
            ids = seed(ctx, app, Path(temp) / "vault")
            loader = ThumbnailLoader(
                lambda photo_id: _thumbnail(ctx, photo_id),
                ThumbnailCache(),
                submit=lambda job, done, failed: ctx.worker.submit(job, done, failed),
            )
            view = CompareView(ctx, thumbnails=loader)
            view.resize(*SIZE)
            view.show()
            view.open_photo(ids[0])
            wait_until(app, lambda: view.display is not None)
            strip = [view.strip.item(row) for row in range(view.strip.count())]
            wait_until(app, lambda: all(not item.icon().isNull() for item in strip))
            # The lesion traced on both photos (demo: the naevus sits at the frame centre).
            view.tools.load(
                (),
                (
                    MeasurementTrace(MeasureKind.DIAMETER, Side.BEFORE, _ring(800, 600, 95)),
                    MeasurementTrace(MeasureKind.DIAMETER, Side.AFTER, _ring(800, 600, 150)),
                ),
            )
            view.set_mode(Mode.SLIDER)
            view.canvas.setFraction(0.5)
            view.canvas.prepareFrame()
            save(app, view, args.out / f"compare-slider{suffix}.png")
            view.set_mode(Mode.SIDE_BY_SIDE)
            view.canvas.prepareFrame()
            save(app, view, args.out / f"compare-side-by-side{suffix}.png")
            view.set_mode(Mode.DIFFERENCE)
            view.canvas.prepareFrame()
            save(app, view, args.out / f"compare-difference{suffix}.png")
            view.set_mode(Mode.SLIDER)
            view.canvas.setFraction(0.55)
            view.show_to_patient(geometry=QRect(0, 0, 1280, 720))
            wait_until(app, lambda: view.consultation is not None)
            consultation = view.consultation
            assert consultation is not None
            save(app, consultation, args.out / f"compare-consultation{suffix}.png")
            view.clear()
            view.close()
        finally:
            ctx.worker.submit(ctx.session.lock)
            ctx.worker.wait_idle(30)
            ctx.worker.stop()
            ctx.images.stop()
            app.processEvents()
    return 0


def _thumbnail(ctx: GuiContext, photo_id: str) -> bytes:
    services, actor = ctx.session.require()
    return services.photos.image(actor, photo_id, ImageSize.THUMBNAIL)


def _ring(cx: float, cy: float, radius: float) -> tuple[tuple[float, float], ...]:
    import math

    return tuple(
        (cx + radius * math.cos(2 * math.pi * k / 24), cy + radius * math.sin(2 * math.pi * k / 24))
        for k in range(24)
    )


if __name__ == "__main__":
    raise SystemExit(main())
