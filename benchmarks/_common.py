"""Helpers shared by the benchmark scripts: machine description, timing, JSON out.

Every benchmark prints one JSON object as its last line of standard output, in
the shape of DESIGN.md §9. Progress and diagnostics go to standard error so
that the last stdout line stays machine-readable.

Importing this module also puts the repository root on ``sys.path``, so that a
script runs from a plain checkout (``python benchmarks/NAME.py``) without the
package being installed.
"""

from __future__ import annotations

import json
import math
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

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


def cpu_model() -> str:
    """The CPU's marketing name from /proc/cpuinfo (Linux), else what platform knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def machine() -> str:
    """A short description: CPU model, cores usable here, Python version, OS."""
    return (
        f"{cpu_model()}, {usable_cores()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def load_average() -> list[float]:
    """1, 5 and 15 minute load averages (others' work on a shared machine skews timings)."""
    try:
        return [round(v, 2) for v in os.getloadavg()]
    except (AttributeError, OSError):
        return []


def log(message: str) -> None:
    """Progress for the human watching; never on stdout."""
    print(message, file=sys.stderr, flush=True)


@contextmanager
def stopwatch() -> Iterator[list[float]]:
    """``with stopwatch() as t: ...`` then ``t[0]`` holds the wall seconds and ``t[1]``
    the CPU seconds of the whole process (all threads) spent meanwhile. CPU time
    hardly depends on what else the machine is doing; wall time does."""
    holder: list[float] = []
    start, start_cpu = time.perf_counter(), time.process_time()
    try:
        yield holder
    finally:
        holder.extend((time.perf_counter() - start, time.process_time() - start_cpu))


@contextmanager
def scratch_folder(prefix: str, *, keep: bool = False) -> Iterator[Path]:
    """A temporary folder for one run, deleted afterwards unless `keep` (its path is logged)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield folder
    finally:
        if keep:
            log(f"Kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def percentile(values: Sequence[float], pct: float) -> float:
    """The pct-th percentile with linear interpolation (numpy's default method)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100.0
    low = math.floor(rank)
    high = math.ceil(rank)
    if low == high:
        return ordered[low]
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def rounded(value: float, digits: int = 4) -> float:
    return float(f"{value:.{digits}g}")


def result(
    *,
    benchmark: str,
    metric: str,
    value: float,
    unit: str,
    baseline: float | None,
    ratio: float | None,
    target: float,
    meets_target: bool,
    **extra: Any,
) -> dict[str, Any]:
    """A result object in the DESIGN.md §9 shape; `extra` keys follow the required ones."""
    out: dict[str, Any] = {
        "benchmark": benchmark,
        "metric": metric,
        "value": value,
        "unit": unit,
        "baseline": baseline,
        "ratio": ratio,
        "target": target,
        "meets_target": meets_target,
        "machine": machine(),
    }
    out.update(extra)
    return out


def emit(payload: dict[str, Any]) -> None:
    """Print the result as one JSON line, the last line on stdout."""
    missing = [key for key in REQUIRED_KEYS if key not in payload]
    if missing:
        raise ValueError(f"benchmark result lacks {', '.join(missing)}")
    sys.stdout.flush()
    print(json.dumps(payload, ensure_ascii=False, sort_keys=False), flush=True)
