"""Issue 5: "Show to patient" goes full screen on the screen meant for the patient.

pytest-qt's QApplication in this process has one offscreen screen, so each
scenario runs in a subprocess (consultation_screens_scenario.py) on Qt's
offscreen platform with virtual screens from a configfile
(`QT_QPA_PLATFORM=offscreen:configfile=...`), and without the geometry seam:

* two screens: by default the window goes to the screen that is not the
  clinician's (whichever of the two the clinician's window is on); the
  "Show to patient" button offers a menu of both screens and the chosen one
  is covered; dismissing the menu opens nothing; no menu is left behind;
* one screen: the window covers it, from the default and from the button
  (no menu); Esc closes it every time.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from vault_support import cli_env

SCENARIO = Path(__file__).with_name("consultation_screens_scenario.py")
CLINICIAN = {"name": "Clinician", "x": 0, "y": 0, "width": 1920, "height": 1080}
PATIENT = {"name": "Patient", "x": 1920, "y": 0, "width": 2560, "height": 1440}
ONLY = {"name": "Only", "x": 0, "y": 0, "width": 1600, "height": 900}
TITLE = "Consultation — PixioDoc"


def _run(tmp_path: Path, screens: list[dict[str, Any]]) -> dict[str, Any]:
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
    env = cli_env({"QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": "1"})
    for name in ("QT_SCREEN_SCALE_FACTORS", "QT_ENABLE_HIGHDPI_SCALING", "QT_FONT_DPI"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, str(SCENARIO), str(tmp_path / "vault")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=240,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stdout + done.stderr
    result: dict[str, Any] = json.loads(lines[-1].removeprefix("RESULT "))
    return result


def _rect(screen: dict[str, Any]) -> list[int]:
    return [screen["x"], screen["y"], screen["width"], screen["height"]]


def _covers(opening: dict[str, Any], screen: dict[str, Any]) -> None:
    """The window opened full screen, frameless and nameless on `screen`; Esc closed it."""
    assert opening["opened"], opening
    assert opening["screen"] == opening["handle_screen"] == screen["name"], opening
    assert opening["geometry"] == _rect(screen), opening
    assert opening["full_screen"] and opening["frameless"], opening
    assert opening["title"] == TITLE and "Sommer" not in opening["title"], opening
    assert opening["esc_closes"], opening


@pytest.mark.timeout(600)
def test_two_screens_patient_gets_the_other_one_or_the_chosen_one(tmp_path: Path) -> None:
    result = _run(tmp_path, [CLINICIAN, PATIENT])
    assert result["screens"] == [
        {"name": s["name"], "geometry": _rect(s)} for s in (CLINICIAN, PATIENT)
    ]
    assert result["primary"] == "Clinician"
    openings = result["openings"]
    by = {(o["clinician"], o["how"], o.get("chose")): o for o in openings}
    assert len(by) == len(openings) == 8
    screen = {"Clinician": CLINICIAN, "Patient": PATIENT}
    for mine, other in (("Clinician", "Patient"), ("Patient", "Clinician")):
        # Without a choice: the screen the clinician's window is not on.
        _covers(by[(mine, "default", None)], screen[other])
        # The button: a menu of both screens, the clinician's marked; either can be chosen.
        for chosen in ("Clinician", "Patient"):
            opening = by[(mine, "button", chosen)]
            _covers(opening, screen[chosen])
            assert opening["menus"] == [
                [
                    "Screen 1 (1920×1080, left)"
                    + (" — this window" if mine == "Clinician" else ""),
                    "Screen 2 (2560×1440, right)" + (" — this window" if mine == "Patient" else ""),
                ]
            ]
            assert opening["menus_left"] == 0  # the menu made for this click is gone
        # Esc is said and offered only where the window covers the clinician's own screen.
        assert not by[(mine, "default", None)]["return_bar"]
        assert by[(mine, "button", mine)]["return_bar"]
        assert not by[(mine, "button", other)]["return_bar"]
        # Blanked (another patient opened): a neutral screen stays on the patient's monitor.
        blank = next(b for b in result["blanks"] if b["clinician"] == mine)
        assert blank == {
            "shown_geometry": _rect(screen[other]),
            "after": "neutral",
            "neutral_geometry": _rect(screen[other]),
            "clinician": mine,
        }, blank
        # Esc on the menu: nothing is shown to the patient.
        dismissed = by[(mine, "button", "")]
        assert dismissed["opened"] is False and len(dismissed["menus"]) == 1, dismissed
        assert dismissed["menus_left"] == 0


@pytest.mark.timeout(600)
def test_one_screen_is_covered_and_esc_returns(tmp_path: Path) -> None:
    result = _run(tmp_path, [ONLY])
    assert result["screens"] == [{"name": "Only", "geometry": _rect(ONLY)}]
    default, button = result["openings"]
    assert default["how"] == "default" and default["clinician"] == "Only"
    _covers(default, ONLY)
    assert button["how"] == "button"
    _covers(button, ONLY)
    assert button["menus"] == [] and button["menus_left"] == 0  # no menu with one screen
    assert default["return_bar"] and button["return_bar"]  # Esc said and offered
    # Blanking over the clinician's only screen closes it (nothing to show there).
    assert result["blanks"] == [
        {"shown_geometry": _rect(ONLY), "after": "closed", "clinician": "Only"}
    ]
