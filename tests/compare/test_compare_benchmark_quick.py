"""benchmarks/compare.py runs end to end in its --quick form and prints a §9 result."""

from __future__ import annotations

from pathlib import Path

from benchmark_support import run_quick


def test_compare_benchmark_quick_prints_a_result_in_the_design_shape(tmp_path: Path) -> None:
    result = run_quick("compare", timeout=600, config_dir=tmp_path / "c")  # DESIGN §9 keys
    assert result["benchmark"] == "compare" and result["unit"] == "ms"
    for key in ("value", "baseline", "ratio", "open_stored_ms", "align_ms"):
        assert isinstance(result[key], int | float) and result[key] > 0, key
    assert isinstance(result["meets_target"], bool)
