"""A benchmark script run in its --quick form, as a test does, and its DESIGN §9 result read.

Only shapes are checked with it: a benchmark is a measurement, never a timed assertion.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks._common import REQUIRED_KEYS

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def run_quick(
    name: str, *args: str, timeout: float = 240, config_dir: Path | None = None
) -> dict[str, Any]:
    """`benchmarks/<name>.py --quick ARGS...`; its last line of output as JSON, which holds
    every key of the DESIGN §9 shape. `config_dir` keeps the settings it writes (the demo
    clinic's) inside the test's tmp_path."""
    env = None if config_dir is None else {**os.environ, "PIXIODOC_CONFIG_DIR": str(config_dir)}
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / f"{name}.py"), "--quick", *args],
        cwd=BENCHMARKS.parent,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    lines = done.stdout.strip().splitlines()
    assert lines, f"{name}.py printed nothing on stdout; stderr:\n{done.stderr[-2000:]}"
    result = json.loads(lines[-1])
    assert isinstance(result, dict)
    missing = [key for key in REQUIRED_KEYS if key not in result]
    assert not missing, f"{name}: missing {missing} in {result}"
    return result


def assert_design_shape(result: dict[str, Any], name: str) -> None:
    """The DESIGN §9 result of benchmark `name`: typed, the figures measured (> 0)."""
    assert result["benchmark"] == name
    assert isinstance(result["metric"], str) and result["metric"]
    assert isinstance(result["unit"], str) and result["unit"]
    assert isinstance(result["machine"], str) and "Python" in result["machine"]
    assert isinstance(result["meets_target"], bool)
    for key in ("value", "baseline", "ratio", "target"):
        assert isinstance(result[key], int | float), f"{name}: {key} = {result[key]!r}"
        assert result[key] > 0, f"{name}: {key} = {result[key]!r}"
