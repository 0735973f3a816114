"""Consultation: from an open timeline to the right pair on the patient's screen (area 6).

The demo clinic as shipped (`build_demo_vault`), in the real main window built
as `pixiodoc --demo` builds it (`make_application`, `MainWindow`, the demo
login), offscreen with one monitor. The clinician's actions, each timed from
the action until the application has done its part:

1. click a photo in the timeline (a dermoscopy of a tracked lesion),
2. Ctrl+D: the compare window opens on the default pair, registered (aligned),
3. click "Show to patient": the consultation screen paints that pair.

value = the application's seconds for the three (median over the runs); the
pair must be the right one (the selected photo's lesion and modality, first
and latest visit), else the run fails; `registered` says whether every run's
pair was aligned automatically (the target needs it). Baseline, in the same run on the same
two photos (screen previews already decrypted): decoding both and painting
them side by side into an image the size of the patient's screen.
ratio = value / baseline. Target: 3 actions, under 2 s.

    python benchmarks/consultation.py [--quick]
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import _common
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

TARGET_S = 2.0
TARGET_ACTIONS = 3


def _wait(condition: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the step did not finish in time")
        QApplication.processEvents()
        time.sleep(0.0005)


def _timed(action: Callable[[], None], done: Callable[[], bool]) -> float:
    start = time.perf_counter()
    action()
    _wait(done)
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small photos, two runs")
    args = parser.parse_args(argv)
    runs = 2 if args.quick else 5
    size = (800, 600) if args.quick else (1600, 1200)

    with tempfile.TemporaryDirectory(prefix="pixiodoc-consultation-") as temp:
        root = Path(temp)
        os.environ["PIXIODOC_CONFIG_DIR"] = str(root / "config")
        os.environ["PIXIODOC_LOG_DIR"] = str(root / "logs")
        from pixiodoc_desktop.clinic.records.photos import ImageSize
        from pixiodoc_desktop.config import Settings
        from pixiodoc_desktop.demo.clinic import build_demo_vault
        from pixiodoc_desktop.gui.application import make_application
        from pixiodoc_desktop.gui.compare_pipeline import decode
        from pixiodoc_desktop.gui.main_window import MainWindow
        from pixiodoc_desktop.gui.views.compare_view import CompareView

        _common.log(f"building the demo clinic ({size[0]}x{size[1]} photos)…")
        demo = build_demo_vault(root / "vault", patients=2, size=size)
        settings = Settings()
        app, translators = make_application(settings)
        window = MainWindow(
            settings, vault_folder=demo.folder, settings_path=root / "config" / "settings.toml"
        )
        window.ctx.notifier.show_boxes = False
        window.resize(1366, 768)
        window.show()
        window.unlock(demo.login, demo.password, open_first_patient=True)
        _wait(lambda: window.record is not None and window.record.complete)
        _common.log(f"{len(window.record.photos) if window.record else 0} photos on the timeline")
        record = window.record
        assert record is not None
        # The latest photo of a lesion (else site) photographed the same way twice or more.
        by_kind: dict[tuple[str | None, str], list[Any]] = {}
        for photo in record.photos:
            key = (photo.lesion_id or photo.body_site, photo.modality)
            by_kind.setdefault(key, []).append(photo)
        groups = sorted(
            (photos for photos in by_kind.values() if len(photos) >= 2),
            key=lambda photos: photos[0].lesion_id is None,
        )
        chosen = max(groups[0], key=lambda p: (p.visit_date, p.captured_at or p.visit_date))
        same = sorted(
            by_kind[(chosen.lesion_id or chosen.body_site, chosen.modality)],
            key=lambda p: (p.visit_date, p.captured_at or p.visit_date, p.id),
        )
        expected = (same[0].id, same[-1].id)
        timeline = window.timeline.timeline
        totals, steps = [], []
        registered = True  # every run's pair was aligned automatically
        patient_screen = window.side.patient_screen
        views: list[CompareView] = []

        def compare_open() -> bool:
            views[:] = [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, CompareView) and w.isVisible() and w.display is not None
            ]
            return bool(views)

        def ctrl_d() -> None:
            QTest.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

        def click(button: Any) -> None:
            QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() // 2, 8))

        for run in range(runs):
            timeline.select(record.photos[0].id if record.photos[0].id != chosen.id else None)
            window.activateWindow()  # the clinician's eyes are on the timeline
            _wait(window.isActiveWindow, 10)
            select = _timed(
                lambda: timeline.select(chosen.id),
                lambda: window.details.photo is not None and window.details.photo.id == chosen.id,
            )
            open_compare = _timed(ctrl_d, compare_open)
            view = views[0]
            assert view.before is not None and view.after is not None
            if (view.before.id, view.after.id) != expected:
                raise AssertionError(f"wrong pair {view.before.id}, {view.after.id}")
            show = _timed(
                lambda v=view: click(v.patient_button),
                lambda: (
                    patient_screen.window is not None
                    and patient_screen.window.isVisible()
                    and patient_screen.window.picture is not None
                ),
            )
            QApplication.processEvents()
            totals.append(select + open_compare + show)
            steps.append((select, open_compare, show))
            _common.log(
                f"run {run + 1}: select {select:.3f} s, Ctrl+D {open_compare:.3f} s, "
                f"show {show:.3f} s (aligned: {view.display is not None and not view.display.failure})"
            )
            registered = registered and view.display is not None and not view.display.failure
            patient_screen.stop()
            view.close()
            _wait(lambda: not compare_open())

        # Baseline: the same two photos' screen previews, decoded and painted side by side.
        def previews(services: Any, actor: Any) -> tuple[bytes, bytes]:
            return (
                services.photos.image(actor, expected[0], ImageSize.SCREEN),
                services.photos.image(actor, expected[1], ImageSize.SCREEN),
            )

        box: list[tuple[bytes, bytes]] = []
        window.ctx.worker.submit(lambda: box.append(previews(*window.ctx.session.require())))
        window.ctx.worker.wait_idle(120)
        screen = app.primaryScreen().geometry()
        target = QImage(screen.width(), screen.height(), QImage.Format.Format_RGB32)
        base = []
        for _ in range(max(runs, 3)):
            start = time.perf_counter()
            painter = QPainter(target)
            half = screen.width() / 2
            for index, data in enumerate(box[0]):
                pixels = decode(data)
                height, width = pixels.shape[:2]
                image = QImage(pixels.data, width, height, 3 * width, QImage.Format.Format_BGR888)
                painter.drawImage(QRectF(index * half, 0, half, screen.height()), image)
            painter.end()
            base.append(time.perf_counter() - start)

        window.shutdown()
        window.close()
        translators.remove()

    value = _common.median(totals)
    baseline = _common.median(base)
    _common.emit(
        _common.result(
            benchmark="consultation",
            metric="timeline to the right pair on the patient's screen (application time)",
            value=_common.rounded(value),
            unit="s",
            baseline=_common.rounded(baseline),
            ratio=_common.rounded(value / baseline),
            target=TARGET_S,
            meets_target=value < TARGET_S and registered,
            user_actions=TARGET_ACTIONS,
            target_actions=TARGET_ACTIONS,
            right_pair=True,
            registered=registered,
            steps_s={
                "select_photo": _common.rounded(_common.median([s[0] for s in steps])),
                "ctrl_d_compare": _common.rounded(_common.median([s[1] for s in steps])),
                "show_to_patient": _common.rounded(_common.median([s[2] for s in steps])),
            },
            runs=runs,
            photo_size=f"{size[0]}x{size[1]}",
            baseline_what="decode both screen previews and paint them side by side",
            load=_common.load_average(),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
