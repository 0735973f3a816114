"""benchmarks/compare.py runs end to end in its --quick form and prints a §9 result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = (
    "benchmark",
    "metric",
    "value",
    "unit",
    "baseline",
    "ratio",
    "target",
    "meets_target",
    "machine",
)


def test_compare_benchmark_quick_prints_a_result_in_the_design_shape(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "compare.py"), "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "PIXIODOC_CONFIG_DIR": str(tmp_path / "c")},
    )
    assert done.returncode == 0, done.stderr[-4000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert [key for key in REQUIRED if key not in result] == []
    assert result["benchmark"] == "compare" and result["unit"] == "ms"
    for key in ("value", "baseline", "ratio", "open_stored_ms", "align_ms"):
        assert isinstance(result[key], int | float) and result[key] > 0, key
    assert isinstance(result["meets_target"], bool)
