"""The benchmark scripts run end to end in their --quick form and print a §9 result.

Only the shape of the output is checked: a benchmark is a measurement, never a
timed assertion (DESIGN.md §6).
"""

from __future__ import annotations

import pytest
from benchmark_support import run_quick


@pytest.mark.parametrize(
    "name",
    ["ingest", "search", "sync", "phone", "gdt", "startup", "scale", "key_rotation", "outline"],
)
def test_quick_benchmark_prints_a_result_in_the_design_shape(name: str) -> None:
    result = run_quick(name)  # every key of the DESIGN §9 shape is there
    assert result["benchmark"] == name
    assert isinstance(result["metric"], str) and result["metric"]
    assert isinstance(result["unit"], str) and result["unit"]
    assert isinstance(result["machine"], str) and "Python" in result["machine"]
    assert isinstance(result["meets_target"], bool)
    for key in ("value", "baseline", "ratio", "target"):
        assert isinstance(result[key], int | float), f"{name}: {key} = {result[key]!r}"
        assert result[key] > 0, f"{name}: {key} = {result[key]!r}"
