"""benchmarks/consultation.py runs end to end in its --quick form (about 8 s) and prints a §9
result: the three user actions on the demo clinic reach the right pair on the patient's screen."""

from __future__ import annotations

from pathlib import Path

from benchmark_support import run_quick


def test_consultation_benchmark_quick_prints_a_result_in_the_design_shape(tmp_path: Path) -> None:
    result = run_quick("consultation", timeout=600, config_dir=tmp_path / "c")
    assert result["benchmark"] == "consultation" and result["unit"] == "s"
    assert result["user_actions"] == 3 and result["right_pair"] is True
    for key in ("value", "baseline", "ratio"):
        assert isinstance(result[key], int | float) and result[key] > 0, key
    assert set(result["steps_s"]) == {"select_photo", "ctrl_d_compare", "show_to_patient"}
