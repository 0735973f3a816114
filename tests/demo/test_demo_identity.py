"""Every `pixiodoc --demo` start but the first reads the demo's header and nothing more.

A new user saw 80 s without a window when restarting the demo: the start imported
the demo's builder (the clinic's services, OpenCV, SQLCipher) only to learn that
the demo was already there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from vault_support import LOGIN, PASSWORD, MadeVault

from pixiodoc_desktop.demo.identity import DEMO_LOGIN, DEMO_PASSWORD, DemoVault, ready_demo
from pixiodoc_desktop.vault.vault import Vault

ROOT = Path(__file__).resolve().parents[2]


def _mark_as_demo(folder: Path, language: str) -> None:
    vault = Vault.open(folder)
    vault.unlock(LOGIN, PASSWORD)
    try:
        vault.mark_as_demo(language)
    finally:
        vault.lock()


def test_a_built_demo_in_the_chosen_language_is_ready(made_vault: MadeVault) -> None:
    folder = made_vault.folder
    assert ready_demo(folder, "en") is None  # a clinic's own vault is never the demo
    _mark_as_demo(folder, "de")
    assert ready_demo(folder, "en") is None  # its texts must be rewritten first
    assert ready_demo(folder, "de") == DemoVault(folder.resolve(), DEMO_LOGIN, DEMO_PASSWORD)
    assert ready_demo(folder.parent / "nothing here", "de") is None


def test_reading_the_demo_loads_none_of_the_builder(made_vault: MadeVault) -> None:
    _mark_as_demo(made_vault.folder, "en")
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pixiodoc_desktop.demo.identity import ready_demo\n"
        "assert ready_demo(Path(sys.argv[1]), 'en') is not None\n"
        "heavy = ('pixiodoc_desktop.demo.clinic', 'cv2', 'numpy', 'sqlalchemy', 'sqlcipher3')\n"
        "print(','.join(name for name in heavy if name in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(made_vault.folder)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == ""
