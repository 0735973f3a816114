"""Whether this run builds the frozen bundle (tests/packaging/test_frozen_bundle.py), and
why not: tests/test_benchmarks_quick.py leaves the startup benchmark to the bundle's test
where it runs (the same `startup.py --quick`, with the bundle launched too)."""

from __future__ import annotations

import importlib.util
import os
import sys


def bundle_skip_reason() -> str | None:
    """None where the bundle is built and tested in this run, else the reason it is not."""
    if os.environ.get("PIXIODOC_SKIP_BUNDLE") == "1":
        return "PIXIODOC_SKIP_BUNDLE=1"
    if sys.platform != "linux":
        return "the Linux bundle; Windows/macOS build in their CI"
    if importlib.util.find_spec("PyInstaller") is None:
        return "PyInstaller is not installed (pip install -e '.[build]')"
    return None
