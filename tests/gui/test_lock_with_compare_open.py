"""The idle lock with a compare window on the patient's screen, then unlock, a patient, Ctrl+D.

A new user's walk once ended in a segmentation fault on this path. The
cause: the patient's screen (kept blank on the patient's monitor across the
lock) held on to the compare window that had first opened it, which the
lock closes and deletes; the next "Show to patient" asked that deleted
window which screen it was on. Each scenario runs the demo clinic's real
window in a subprocess under `python -X faulthandler` (a crash prints its
stack and fails the test with the signal, not the whole pytest run), on
Qt's offscreen platform with two virtual screens and with one, several
rounds with seeded random pauses between the steps.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from day_one import demo_vaults
from vault_support import cli_env

from pixiodoc_desktop.demo.clinic import DemoVault

__all__ = ["demo_vaults"]  # the session's demo vault, built once

SCENARIO = Path(__file__).with_name("lock_compare_scenario.py")
CLINICIAN = {"name": "Clinician", "x": 0, "y": 0, "width": 1366, "height": 768}
PATIENT = {"name": "Patient", "x": 1366, "y": 0, "width": 1280, "height": 720}


def _run(
    tmp_path: Path, demo: DemoVault, screens: list[dict[str, Any]], rounds: int, seed: int
) -> dict[str, Any]:
    folder = tmp_path / "vault"
    shutil.copytree(demo.folder, folder)
    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {
                "synchronousWindowSystemEvents": False,
                "windowFrameMargins": False,
                "screens": [
                    {**screen, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
                    for screen in screens
                ],
            }
        ),
        encoding="utf-8",
    )
    env = cli_env(
        {
            "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
            "QT_SCALE_FACTOR": "1",
            "PIXIODOC_CONFIG_DIR": str(tmp_path / "config"),
            "PIXIODOC_LOG_DIR": str(tmp_path / "logs"),
        }
    )
    for name in ("QT_SCREEN_SCALE_FACTORS", "QT_ENABLE_HIGHDPI_SCALING", "QT_FONT_DPI"):
        env.pop(name, None)
    args = [str(folder), demo.login, demo.password, str(rounds), str(seed)]
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", str(SCENARIO), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=240,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"exit {done.returncode}\n{output}"
    assert "Fatal Python error" not in output and "Traceback" not in output, output
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, output
    result: dict[str, Any] = json.loads(lines[-1].removeprefix("RESULT "))
    assert result["errors"] == [], output
    return result


@pytest.mark.timeout(300)
def test_two_screens_lock_unlock_compare_again(
    tmp_path: Path, demo_vaults: Callable[[str], DemoVault]
) -> None:
    result = _run(tmp_path, demo_vaults("en"), [CLINICIAN, PATIENT], rounds=3, seed=13)
    # After every unlock the comparison went to the patient's monitor again.
    assert result["clinician"] == "Clinician"
    assert result["shown"] == ["Patient"] * 3


@pytest.mark.timeout(300)
def test_one_screen_lock_unlock_compare_again(
    tmp_path: Path, demo_vaults: Callable[[str], DemoVault]
) -> None:
    result = _run(tmp_path, demo_vaults("en"), [CLINICIAN], rounds=1, seed=7)
    assert result["shown"] == ["Clinician"]
