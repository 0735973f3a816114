"""End to end: `python -m pixiodoc_desktop --demo` under a real X server (Xvfb).

The demo must open straight into a patient's timeline, paint it (the app
saves a picture of its window after the first screenful of thumbnails,
via PIXIODOC_SCREENSHOT), and stay up. Skipped, with the reason, where
Xvfb is not installed (Debian: xvfb, plus the xcb libraries Qt needs).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

STAY_UP_S = 8.0


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip(
            "Xvfb is not installed (apt-get install xvfb); the end-to-end test needs a real X server"
        )
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        server.wait()
        pytest.fail("Xvfb did not report a display number")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for(path: Path, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if process.poll() is not None:
            pytest.fail(f"the demo exited early with code {process.returncode}")
        if time.monotonic() > deadline:
            pytest.fail("the demo did not paint a timeline in time")
        time.sleep(0.2)
    time.sleep(0.5)  # the PNG is written in one go; give it a moment to be closed


def test_demo_stays_up_and_paints_a_timeline(xvfb_display: str, tmp_path: Path) -> None:
    shot = tmp_path / "demo.png"
    env = {
        **os.environ,
        "DISPLAY": xvfb_display,
        "QT_QPA_PLATFORM": "xcb",
        "PIXIODOC_SCREENSHOT": str(shot),
        "PIXIODOC_CONFIG_DIR": str(tmp_path / "config"),
        "PIXIODOC_LOG_DIR": str(tmp_path / "logs"),
    }
    env.pop("QT_SCALE_FACTOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "pixiodoc_desktop", "--demo", "--vault", str(tmp_path / "demo")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    try:
        _wait_for(shot, process, timeout=180)
        image = QImage(str(shot))
        assert not image.isNull()
        assert image.width() >= 1000 and image.height() >= 600
        # A painted timeline has many colours (skin photographs), not a blank window.
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 500
        if shutil.which("xwininfo"):
            tree = subprocess.run(
                ["xwininfo", "-root", "-tree"],
                env=env,
                capture_output=True,
                text=True,
                timeout=10,
                check=True,
            ).stdout
            assert "PixioDoc" in tree
        time.sleep(STAY_UP_S)
        assert process.poll() is None, "the demo did not stay up"
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            output, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
    text = output.decode("utf-8", "replace")
    assert "Traceback" not in text, text
    log = (tmp_path / "logs" / "pixiodoc.log").read_text("utf-8")
    assert "Screenshot saved" in log
    assert "ERROR" not in log, log
