"""The README's main screenshots, taken by the day-in-the-clinic suite on the demo as shipped.

    .venv/bin/python tools/day_one_screenshots.py [--shots DIR] [--out docs/screenshots]

Runs the day-one tests (tests/gui/test_day_one_*.py: the real `pixiodoc --demo`
window driven by clicks and keys) on the whole demo clinic with full-size
photos (PIXIODOC_DEMO_AS_SHIPPED=1), each step's picture written to --shots;
then copies the chosen ones under the README's names to --out. Look at every
picture in --shots before committing the copies. The tests fail the run when a
step fails: no picture of a broken step reaches the README.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# README name <- the suite's picture of that step.
CHOSEN = {
    "timeline.png": "fit-en-workspace-1366x768.png",
    "timeline-de.png": "fit-de-workspace-1366x768.png",
    # (The English compare step is a US clinician's, 3/14/1987 on purpose; the README shows
    # the demo clinic's own reading, so its German twin.)
    "compare-slider.png": "compare-measured-de.png",
    "capture.png": "capture-02-video-file-en.png",
    "unlock.png": "unlock-demo-password-en.png",
    "report-builder.png": "report-01-builder-en.png",
    "phone-pairing-de.png": "phone-pairing-paired-de.png",
    "phone-page-de.png": "phone-page-de.png",
}


SUITE = ("capture", "compare_fit", "finish", "report", "phone", "patient_screen", "share")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shots", type=Path, default=None, help="where the suite writes")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    shots = args.shots or Path(tempfile.mkdtemp(prefix="pixiodoc-day-one-"))
    shots.mkdir(parents=True, exist_ok=True)
    # Dates as the demo clinic (a European practice) reads them in English: with no
    # locale chosen, English shows 05/12/2026, never a US or other machine's own format.
    plain = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANGUAGE"}
    env = {
        **plain,
        "LANG": "C.UTF-8",
        "PIXIODOC_SHOT_DIR": str(shots),
        "PIXIODOC_DEMO_AS_SHIPPED": "1",
        "PYTHONPATH": str(ROOT),
    }
    # The tests whose steps the README shows (the others use their own demos or a bucket).
    tests = [f"tests/gui/test_day_one_{name}.py" for name in SUITE]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
        cwd=ROOT,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        print(f"The day-one suite failed; nothing copied. Its pictures: {shots}")
        return done.returncode
    missing = [source for source in CHOSEN.values() if not (shots / source).exists()]
    if missing:
        print(f"The suite wrote no {', '.join(missing)} (in {shots}); nothing copied.")
        return 1
    for name, source in CHOSEN.items():
        shutil.copyfile(shots / source, args.out / name)
        print(f"{args.out / name} <- {source}")
    print(f"Every step's picture: {shots}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
