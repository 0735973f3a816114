"""A start that feels instant: the unlock screen paints before the heavy libraries load,
and the workspace is built right after that paint."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot
from vault_support import LOGIN, PASSWORD, MadeVault

from pixiodoc_desktop.clinic.records.lesion_sizes import DEFAULT_GROWTH_MM
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.session import PatientRecord

ROOT = Path(__file__).resolve().parents[2]
# What the unlock screen does not need; each loads when first used (issue 19).
HEAVY = (
    "cv2",
    "numpy",
    "PIL",
    "sqlalchemy",
    "alembic",
    "sqlcipher3",
    "boto3",
    "botocore",
    "pydicom",
    "pynetdicom",
    "reportlab",
    "keyring",
    "segno",
    "cryptography",  # OpenSSL's bindings: a password is tried after the paint
    "_hashlib",  # OpenSSL's libcrypto (hashlib, hmac, secrets): the same
    "importlib.metadata",  # the version, with email and zipfile: asked for by --version
    "PySide6.QtUiTools",  # QUiLoader: designer plugins (Qt Quick) and every widget class
    "PySide6.QtPrintSupport",
    "pixiodoc_desktop.clinic.services",
    "pixiodoc_desktop.vault.vault",
    "pixiodoc_desktop.gui.workspace",
    "pixiodoc_desktop.gui.views.first_run",
)
# The real entry point (`pixiodoc --vault DIR`), told to quit once the unlock screen has
# been painted; at that moment it prints which of HEAVY are loaded.
DRIVER = f"""
import sys
from pixiodoc_desktop.gui import first_paint

painted = first_paint._report


def report() -> None:
    loaded = sorted(name for name in {HEAVY!r} if name in sys.modules)
    print("loaded before the paint: " + ",".join(loaded), flush=True)
    painted()


first_paint._report = report
from pixiodoc_desktop.cli import main

sys.exit(main(["--vault", sys.argv[1]]))
"""


def test_the_unlock_screen_paints_before_any_heavy_library_loads(made_vault: MadeVault) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "PIXIODOC_EXIT_AFTER_FIRST_PAINT": "1",
    }
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(made_vault.folder)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert "unlock screen painted" in lines, done.stdout
    assert "loaded before the paint: " in lines, done.stdout  # none of HEAVY


def test_the_workspace_is_built_after_the_first_paint_and_unlocks(
    qtbot: QtBot, made_vault: MadeVault, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(made_vault.folder, furnish_later=True)
    assert not window.furnished and not hasattr(window, "workspace")
    window.show()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock_card, timeout=10000)
    assert window.unlock_page.clinician.currentData() == LOGIN  # the header was read
    qtbot.waitUntil(lambda: window.furnished, timeout=20000)  # right after the paint
    assert window.stack.indexOf(window.workspace) >= 0
    window.unlock_page.password.setText(PASSWORD)
    window.unlock_page.unlock_button.click()
    qtbot.waitUntil(window.is_unlocked, timeout=20000)
    assert window.stack.currentWidget() is window.workspace
    qtbot.waitUntil(lambda: window.patients.search.isEnabled(), timeout=5000)


def test_the_record_default_is_the_clinics_default_growth() -> None:
    # gui/session.py spells it out so as not to import the clinic layer at start.
    default = PatientRecord.__dataclass_fields__["growth_threshold_mm"].default
    assert default == DEFAULT_GROWTH_MM
