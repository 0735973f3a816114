"""Regenerate docs/screenshots/capture.png: the capture screen with the ghost overlay on.

    .venv/bin/python tools/capture_screenshot.py [--out docs/screenshots] [--theme light|dark]

Runs offscreen on a small demo clinic in a temporary folder (deleted
afterwards). The camera is a demo video written there: the naevus of the
demo patient Hannelore Becker as the dermatoscope sees it today, so the
ghost of her last visit lies over the same skin.
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pixiodoc_desktop.capture.devices import ModeMemory  # noqa: E402
from pixiodoc_desktop.capture.profiles import DeviceProfile, ProfileStore  # noqa: E402
from pixiodoc_desktop.config import Settings  # noqa: E402
from pixiodoc_desktop.demo.clinic import (  # noqa: E402
    DEMO_LOGIN,
    DEMO_PASSWORD,
    DEMO_PATIENTS,
    build_demo_vault,
)
from pixiodoc_desktop.demo.photos import SkinScene, render_photo, scene_for  # noqa: E402
from pixiodoc_desktop.gui.application import make_application  # noqa: E402
from pixiodoc_desktop.gui.main_window import MainWindow  # noqa: E402
from pixiodoc_desktop.gui.views.capture_view import CaptureView  # noqa: E402
from pixiodoc_desktop.vault.keys import MINIMUM_KDF  # noqa: E402

SIZE = (1360, 860)
VISITS = 4
PATIENT = 6  # Becker, Hannelore: a naevus followed by dermoscopy


def wait_until(app: QApplication, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get ready in time")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def scope_video(path: Path) -> Path:
    """Today's dermoscopy of the demo naevus, held by a slightly unsteady hand."""
    demo = DEMO_PATIENTS[PATIENT]
    scene = scene_for(1000 + PATIENT, demo.condition)
    close = SkinScene(5000 + PATIENT, demo.condition, scene.skin_tone, scene.trend)
    base = render_photo(close, VISITS - 1, VISITS, size=(1000, 750))
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 30.0, (960, 720))
    for i in range(30):
        dx, dy = round(6 * np.sin(i / 5)), round(4 * np.cos(i / 7))
        writer.write(np.ascontiguousarray(base[15 + dy : 735 + dy, 20 + dx : 980 + dx]))
    writer.release()
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument(
        "--tab", type=int, default=0, help="side tab to show (0 record, 1 camera, 2 hot folder)"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    settings = Settings(theme=args.theme)
    app, _translators = make_application(settings)
    with tempfile.TemporaryDirectory(prefix="pixiodoc-capture-shot-") as temp:
        folder = Path(temp)
        os.environ["PIXIODOC_CONFIG_DIR"] = str(folder / "config")
        os.environ["PIXIODOC_LOG_DIR"] = str(folder / "logs")
        print("building a small demo clinic ...")
        demo = build_demo_vault(
            folder / "demo",
            patients=PATIENT + 1,
            visits=VISITS,
            size=(1000, 750),
            today=dt.date.today() - dt.timedelta(days=10),  # today is a new visit
        )
        camera = scope_video(folder / "DermLite DL5.avi")
        profiles = ProfileStore(folder / "config" / "profiles.json")
        profiles.put(
            DeviceProfile(
                camera.name,
                dermatoscope=True,
                polarised=True,
                contact=True,
                magnification=10.0,
                px_per_mm=38.4,
                calibrated_width_px=960,
            )
        )
        window = MainWindow(settings, vault_folder=demo.folder, kdf=MINIMUM_KDF)
        window.resize(*SIZE)
        window.show()
        window.unlock(DEMO_LOGIN, DEMO_PASSWORD)
        wait_until(app, window.is_unlocked)
        window.patients.refresh()
        wait_until(app, lambda: window.patients.model.rowCount() > PATIENT)
        becker = next(p for p in window.patients.model.rows() if p.family_name == "Becker")
        view = CaptureView(
            window.ctx,
            becker.id,
            window,
            camera=str(camera),
            devices=list,
            profiles=profiles,
            modes=ModeMemory(folder / "config" / "modes.json"),
        )
        view.resize(*SIZE)
        view.show()
        wait_until(app, lambda: view.is_running() and view.record is not None)
        view.set_lesion(view.record_panel.lesion_combo.itemData(1))
        wait_until(app, lambda: view.live.has_ghost())
        view.overlay_panel.opacity_slider.setValue(35)
        view.overlay_panel.grid_check.setChecked(True)
        view.tabs.setCurrentIndex(args.tab)
        settle(app, 1.0)
        target = args.out / ("capture.png" if args.tab == 0 else f"capture-tab{args.tab}.png")
        if not view.grab().save(str(target)):
            raise OSError(f"could not write {target}")
        print(f"wrote {target}")
        view.close()
        window.close()
        app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
