"""The benchmark scripts run end to end in their --quick form and print a §9 result.

Only the shape of the output is checked: a benchmark is a measurement, never a
timed assertion (DESIGN.md §6).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
REQUIRED_KEYS = (
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


def _run_quick(name: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / f"{name}.py"), "--quick"],
        cwd=BENCHMARKS.parent,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    lines = done.stdout.strip().splitlines()
    assert lines, f"{name}.py printed nothing on stdout; stderr:\n{done.stderr[-2000:]}"
    result = json.loads(lines[-1])
    assert isinstance(result, dict)
    return result


@pytest.mark.parametrize(
    "name",
    ["ingest", "search", "sync", "phone", "gdt", "startup", "scale", "key_rotation", "outline"],
)
def test_quick_benchmark_prints_a_result_in_the_design_shape(name: str) -> None:
    result = _run_quick(name)
    missing = [key for key in REQUIRED_KEYS if key not in result]
    assert not missing, f"{name}: missing {missing} in {result}"
    assert result["benchmark"] == name
    assert isinstance(result["metric"], str) and result["metric"]
    assert isinstance(result["unit"], str) and result["unit"]
    assert isinstance(result["machine"], str) and "Python" in result["machine"]
    assert isinstance(result["meets_target"], bool)
    for key in ("value", "baseline", "ratio", "target"):
        assert isinstance(result[key], int | float), f"{name}: {key} = {result[key]!r}"
        assert result[key] > 0, f"{name}: {key} = {result[key]!r}"
