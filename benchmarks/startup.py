"""Start-up: launch to the painted unlock screen, frozen bundle against `python -m`.

Each launch is a new process (a "cold" start of the application: nothing is
loaded yet in that process; the operating system's file cache is left as it is,
since emptying it needs root and slows everyone else on a shared machine). The
process opens an existing vault (created once, beforehand) and is told by
`PIXIODOC_EXIT_AFTER_FIRST_PAINT=1` to print a line and quit once the unlock
screen has been painted; the time from launch to that line is measured. Qt runs
offscreen. The frozen bundle and `python -m pixiodoc_desktop` alternate, so
both see the same machine load. The very first launch of each is reported too
(files not yet in the cache).

value = median frozen seconds; baseline = median `python -m pixiodoc_desktop`
seconds; ratio = value / baseline; target: the frozen app starts no slower
than 1.25x the source install. The bundle's size is reported against 250 MB.

    python benchmarks/startup.py [--quick] [--bundle dist/pixiodoc]

Without `--bundle` the bundle is built first from pixiodoc.spec into a temporary
folder (PyInstaller, the `build` extra; a few minutes).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common

PAINTED_LINE = "unlock screen painted"  # pixiodoc_desktop/gui/first_paint.py
TARGET_RATIO = 1.25
BUNDLE_TARGET_MB = 250
PASSWORD = "Startup-Bench-Velvet-42"  # noqa: S105 - a throw-away benchmark vault


def build_bundle(work: Path) -> Path:
    _common.log("building the bundle with PyInstaller (a few minutes) ...")
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(_common.REPO_ROOT / "pixiodoc.spec"),
        ],
        cwd=_common.REPO_ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    _common.log(f"built in {time.perf_counter() - started:.0f} s")
    return work / "dist" / "pixiodoc"


def bundle_mb(folder: Path) -> float:
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    return total / 2**20


def environment(home: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "PIXIODOC_", "QT_"))
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        QT_QPA_PLATFORM="offscreen",
        QT_SCALE_FACTOR="1",
        PIXIODOC_EXIT_AFTER_FIRST_PAINT="1",
    )
    return env


def make_vault(folder: Path, env: dict[str, str]) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pixiodoc_desktop",
            "vault",
            "init",
            "--vault",
            str(folder),
            "--clinic",
            "Start-up benchmark",
            "--admin",
            "admin",
            "--password-stdin",
        ],
        input=f"{PASSWORD}\n{PASSWORD}\n",
        env={**env, "PYTHONPATH": str(_common.REPO_ROOT)},
        cwd=_common.REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )


def launch(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from launch to the unlock screen's first paint."""
    started = time.perf_counter()
    with subprocess.Popen(
        argv,
        env=env,
        cwd=_common.REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        assert process.stdout is not None
        painted = None
        for line in process.stdout:
            if line.strip() == PAINTED_LINE:
                painted = time.perf_counter() - started
                break
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    if painted is None:
        raise RuntimeError(f"{argv[0]} exited ({process.returncode}) before painting")
    return painted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="three launches of each (for CI)")
    parser.add_argument("--bundle", type=Path, help="an existing one-folder bundle (dist/pixiodoc)")
    args = parser.parse_args()
    runs = 3 if args.quick else 7

    with tempfile.TemporaryDirectory(prefix="pixiodoc-startup-") as temp:
        root = Path(temp)
        bundle = args.bundle.resolve() if args.bundle else build_bundle(root / "pyinstaller")
        frozen_exe = bundle / ("pixiodoc.exe" if os.name == "nt" else "pixiodoc")
        env = environment(root / "home")
        vault = root / "vault"
        make_vault(vault, env)
        frozen_argv = [str(frozen_exe), "--vault", str(vault)]
        source_argv = [sys.executable, "-m", "pixiodoc_desktop", "--vault", str(vault)]
        source_env = {**env, "PYTHONPATH": str(_common.REPO_ROOT)}

        frozen: list[float] = []
        source: list[float] = []
        for index in range(runs):
            frozen.append(launch(frozen_argv, env))
            source.append(launch(source_argv, source_env))
            _common.log(
                f"launch {index + 1}/{runs}: frozen {frozen[-1]:.2f} s, "
                f"python -m {source[-1]:.2f} s"
            )
        size = bundle_mb(bundle)

    value = _common.median(frozen)
    baseline = _common.median(source)
    ratio = value / baseline
    _common.emit(
        _common.result(
            benchmark="startup",
            metric="frozen app, launch to painted unlock screen (median)",
            value=_common.rounded(value),
            unit="s",
            baseline=_common.rounded(baseline),
            ratio=_common.rounded(ratio, 3),
            target=TARGET_RATIO,
            meets_target=ratio <= TARGET_RATIO,
            baseline_is="python -m pixiodoc_desktop, same vault, same run",
            launches=runs,
            frozen_s=[_common.rounded(v) for v in frozen],
            source_s=[_common.rounded(v) for v in source],
            first_launch_frozen_s=_common.rounded(frozen[0]),
            first_launch_source_s=_common.rounded(source[0]),
            bundle_mib=round(size, 1),
            bundle_target_mib=BUNDLE_TARGET_MB,
            bundle_meets_target=size <= BUNDLE_TARGET_MB,
            load_average=_common.load_average(),
            quick=args.quick,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
