"""The frozen Linux bundle builds from pixiodoc.spec, starts, and passes its self-check.

PyInstaller builds the bundle in about a minute (50-100 s measured on 2 busy cores),
so the test is part of the default run (`bash .ci/run` installs the `build`
extra); it is skipped where PyInstaller is not installed, or with
`PIXIODOC_SKIP_BUNDLE=1` for a quick local run. The bundle's size is reported against
the installed-size target of issue 19, 360 MB (decimal megabytes; the first target,
250 MB, was set before the PyPI OpenCV wheel, ~160 MiB with its OpenBLAS and FFmpeg,
was known to be needed); the assertion is a ceiling, ~5% over the measured size, that
catches a dependency dragging in tens of megabytes more, or the spec's Linux slimming
(ICU data, x265/libaom stubs, shared libgfortran, stripping) not happening: each step
only warns when binutils, icupkg (icu-devtools) or a C compiler is missing (measured:
353 MB = 337 MiB; 366 MB before ICU kept only English and German data and single-byte
converters, 436 MB without the slimming, ~382 without icupkg, ~385 without a C compiler).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from benchmark_support import assert_design_shape, run_quick

from tests.packaging.bundle_support import bundle_skip_reason

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "pixiodoc.spec"
TARGET_MB = 360  # decimal MB (10^6 bytes), installed size (issue 19)
CEILING_MB = 372  # regressions only; the target is reported, see the module docstring

SKIP_REASON = bundle_skip_reason()
pytestmark = pytest.mark.skipif(SKIP_REASON is not None, reason=SKIP_REASON or "")


def _version() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return str(project["version"])


def _size_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/pixiodoc/ built from the spec into a temporary folder."""
    work = tmp_path_factory.mktemp("pyinstaller")
    done = subprocess.run(
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
            str(SPEC),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1500,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-6000:]
    folder = work / "dist" / "pixiodoc"
    assert (folder / "pixiodoc").is_file()
    return folder


@pytest.fixture
def clean_env(tmp_path: Path) -> dict[str, str]:
    """Offscreen Qt; home, XDG folders and temp in empty folders, to see what is left."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "PIXIODOC_", "QT_", "PYTHON"))
    }
    for name in ("home", "tmp"):
        (tmp_path / name).mkdir()
    env.update(
        HOME=str(tmp_path / "home"),
        TMPDIR=str(tmp_path / "tmp"),
        QT_QPA_PLATFORM="offscreen",
        LANG="C.UTF-8",
    )
    return env


@pytest.mark.timeout(1800)
def test_frozen_app_prints_its_version(bundle: Path, clean_env: dict[str, str]) -> None:
    done = subprocess.run(
        [str(bundle / "pixiodoc"), "--version"],
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"PixioDoc Desktop {_version()}"


@pytest.mark.timeout(1800)
def test_frozen_app_passes_its_self_check_and_leaves_nothing(
    bundle: Path, clean_env: dict[str, str], tmp_path: Path
) -> None:
    done = subprocess.run(
        [str(bundle / "pixiodoc"), "--self-check"],
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[-1] == "OK", done.stdout
    assert any(line.strip().startswith("vault: ok") for line in lines), done.stdout
    assert any("qt: ok" in line and "offscreen" in line for line in lines), done.stdout
    left = sorted(
        str(p.relative_to(tmp_path))
        for p in (tmp_path / "home").rglob("*")
        if ".cache/fontconfig" not in str(p)
    ) + sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "tmp").rglob("*"))
    assert not left, left


@pytest.mark.timeout(1800)
def test_bundle_size_is_reported(bundle: Path, capsys: pytest.CaptureFixture[str]) -> None:
    size = _size_bytes(bundle)
    with capsys.disabled():
        print(
            f"\nfrozen bundle {bundle.name}/: {size / 10**6:.1f} MB = {size / 2**20:.1f} MiB "
            f"(target <= {TARGET_MB} MB: {'met' if size <= TARGET_MB * 10**6 else 'NOT met'})"
        )
    assert size <= CEILING_MB * 10**6


@pytest.mark.timeout(1800)
def test_frozen_cli_imports_exports_a_pdf_and_verifies(
    bundle: Path, clean_env: dict[str, str], tmp_path: Path
) -> None:
    """The command line of the bundle end to end: reportlab, OpenCV, migrations, fonts."""
    from pixiodoc_desktop.self_check import generated_photo

    exe, vault, password = (
        str(bundle / "pixiodoc"),
        str(tmp_path / "vault"),
        "Frozen-Kestrel-Orbit-71",
    )

    def run(*args: str, stdin: str = f"{password}\n") -> str:
        done = subprocess.run(
            [exe, *args],
            input=stdin,
            env=clean_env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, f"{args}: {done.stdout}{done.stderr}"
        return done.stdout

    user = ("--vault", vault, "--user", "admin", "--password-stdin")
    run("vault", "init", "--vault", vault, "--clinic", "Frozen", "--admin", "admin",
        "--password-stdin", stdin=f"{password}\n{password}\n")  # fmt: skip
    patient = json.loads(run("patient", "add", *user, "--name", "Müller, Jürgen", "--json"))
    photo = tmp_path / "spot.jpg"
    photo.write_bytes(generated_photo())
    run("import", *user, "--patient", patient["id"], "--body-site", "cheek-left", str(photo))
    report = tmp_path / "report.pdf"
    run("export", "pdf", *user, "--patient", patient["id"], "--out", str(report))
    assert report.read_bytes().startswith(b"%PDF")
    assert "OK: 1 photo" in run("vault", "verify", *user)


@pytest.mark.timeout(1800)
def test_startup_benchmark_runs_on_the_bundle(bundle: Path) -> None:
    """benchmarks/startup.py --quick prints a DESIGN.md §9 result (a shape, never a time),
    with the bundle launched in the same rounds as the source app and the floor. This is
    also the startup case of tests/test_benchmarks_quick.py, which leaves it to this test
    where the bundle is built (one quick run of the benchmark, not two)."""
    result = run_quick("startup", "--bundle", str(bundle), timeout=600)
    assert_design_shape(result, "startup")
    assert result["launches"] == 2  # --quick: two launches of each
    assert result["frozen_s"] > 0  # the bundle itself was launched, not only the source
    assert result["frozen_ratio"] > 0  # against the floor of the same run
    assert result["installed_mb"] > result["installed_mib"] > 0
