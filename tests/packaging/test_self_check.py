"""`pixiodoc --self-check` from the source install: OK and exit 0, nothing left behind;
a failing step is named, with exit 1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pixiodoc_desktop import self_check

ROOT = Path(__file__).resolve().parents[2]


def test_self_check_passes_and_leaves_no_file(tmp_path: Path) -> None:
    home, temp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "PIXIODOC_", "QT_"))
    }
    env.update(HOME=str(home), TMPDIR=str(temp), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "pixiodoc_desktop", "--self-check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[0].startswith("PixioDoc Desktop ") and lines[0].endswith(" self-check")
    assert lines[-1] == "OK"
    assert "vault: ok (1 photo ingested" in done.stdout
    assert "qt: ok (Qt " in done.stdout and "German translation" in done.stdout
    left = [p for p in [*home.rglob("*"), *temp.rglob("*")] if ".cache/fontconfig" not in str(p)]
    assert not left, left


def test_a_failing_step_is_named_and_exits_1() -> None:
    def broken_qt() -> str:
        raise RuntimeError("The German translation is missing")

    printed: list[str] = []
    assert self_check.run(printed.append, qt_check=broken_qt) == self_check.EXIT_FAIL
    assert printed[-1] == "  qt: FAILED - RuntimeError: The German translation is missing"
    assert any(line.startswith("  vault: ok") for line in printed)
