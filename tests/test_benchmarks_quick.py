"""The benchmark scripts run end to end in their --quick form and print a §9 result.

Only the shape of the output is checked: a benchmark is a measurement, never a
timed assertion (DESIGN.md §6).
"""

from __future__ import annotations

import pytest
from benchmark_support import assert_design_shape, run_quick

from tests.packaging.bundle_support import bundle_skip_reason

# where the frozen bundle is built, its test runs startup.py --quick with the bundle too
STARTUP = pytest.param(
    "startup",
    marks=pytest.mark.skipif(
        bundle_skip_reason() is None,
        reason="run with the bundle by tests/packaging/test_frozen_bundle.py",
    ),
)


@pytest.mark.parametrize(
    "name",
    ["ingest", "search", "sync", "phone", "gdt", STARTUP, "scale", "key_rotation", "outline"],
)
def test_quick_benchmark_prints_a_result_in_the_design_shape(name: str) -> None:
    result = run_quick(name)  # every key of the DESIGN §9 shape is there
    assert_design_shape(result, name)
