"""Regenerate docs/screenshots/*.png: first run, unlock, timeline, viewer.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--theme light|dark] [--language en|de]

Runs offscreen (no display needed) on a small demo clinic built in a
temporary folder, which is deleted afterwards. Nothing plaintext is written
except the PNGs themselves, which show synthetic demo patients only.
"""

from __future__ import annotations

import argparse
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

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from pixiodoc_desktop.config import Settings  # noqa: E402
from pixiodoc_desktop.demo.clinic import DEMO_LOGIN, DEMO_PASSWORD, build_demo_vault  # noqa: E402
from pixiodoc_desktop.gui.application import make_application  # noqa: E402
from pixiodoc_desktop.gui.main_window import MainWindow  # noqa: E402
from pixiodoc_desktop.vault.keys import MINIMUM_KDF  # noqa: E402

SIZE = (1360, 860)


def wait_until(app: QApplication, condition: Callable[[], bool], timeout: float = 30.0) -> None:
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--language", choices=("en", "de"), default="en")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    settings = Settings(theme=args.theme, language=args.language)
    app, _translators = make_application(settings)
    with tempfile.TemporaryDirectory(prefix="pixiodoc-shots-") as temp:
        os.environ["PIXIODOC_CONFIG_DIR"] = str(Path(temp) / "config")
        os.environ["PIXIODOC_LOG_DIR"] = str(Path(temp) / "logs")
        # 1. First run, with the form filled in as far as the password.
        window = MainWindow(settings, vault_folder=Path(temp) / "new-vault", kdf=MINIMUM_KDF)
        window.resize(*SIZE)
        window.show()
        page = window.first_run
        page.clinic.setText("Hautarztpraxis am Stadtpark")
        page.name.setText("Dr. Anna Weber")
        page.login.setText("a.weber")
        page.password.setText("Lindenblüte-Morgen-7")
        save(app, window, args.out / "first-run.png")
        window.close()

        # 2. Unlock, on a small demo clinic.
        print("building a small demo clinic ...")
        demo = build_demo_vault(Path(temp) / "demo", patients=6, visits=4, size=(1200, 900))
        window = MainWindow(settings, vault_folder=demo.folder, kdf=MINIMUM_KDF)
        window.resize(*SIZE)
        window.show()
        wait_until(app, lambda: window.unlock_page.clinician.count() > 0)
        window.unlock_page.password.setText("••••••••••")
        save(app, window, args.out / "unlock.png")

        # 3. The timeline of the first patient.
        window.unlock(DEMO_LOGIN, DEMO_PASSWORD, open_first_patient=True)
        wait_until(app, lambda: window.record is not None)
        view = window.timeline.timeline
        wait_until(
            app, lambda: all(window.thumbnails.thumbnail(i) for i in view.visible_photo_ids())
        )
        save(app, window, args.out / "timeline.png")

        # 4. The viewer on the newest dermoscopy (or first) photo.
        photos = view.photos()
        chosen = next((p for p in photos if p.modality.startswith("dermoscopy")), photos[0])
        window.open_viewer(chosen.id)
        viewer = window.viewer
        assert viewer is not None
        viewer.resize(*SIZE)
        wait_until(app, lambda: chosen.id in viewer.loaded)
        save(app, viewer, args.out / "viewer.png")
        window.close()
        app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
