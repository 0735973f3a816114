"""benchmarks/consultation.py runs end to end in its --quick form (about 8 s) and prints a §9
result: the three user actions on the demo clinic reach the right pair on the patient's screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_consultation_benchmark_quick_prints_a_result_in_the_design_shape(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "consultation.py"), "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "PIXIODOC_CONFIG_DIR": str(tmp_path / "c")},
    )
    assert done.returncode == 0, done.stderr[-4000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["benchmark"] == "consultation" and result["unit"] == "s"
    assert result["user_actions"] == 3 and result["right_pair"] is True
    for key in ("value", "baseline", "ratio"):
        assert isinstance(result[key], int | float) and result[key] > 0, key
    assert set(result["steps_s"]) == {"select_photo", "ctrl_d_compare", "show_to_patient"}
