"""Composition root: settings, then the vault, then the GUI, in that order.

Everything the workstation needs is built here and passed down; nothing is
looked up from a global registry.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from pixiodoc_desktop.config import APP_AUTHOR, APP_NAME, load_settings

if TYPE_CHECKING:
    from pixiodoc_desktop.demo.identity import DemoVault

Progress = Callable[[int, int], None]

log = logging.getLogger(__name__)


def demo_vault_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "demo-vault"


def run(
    *, vault: Path | None, demo: bool, camera: str | None = None, gdt_request: Path | None = None
) -> int:
    """Start the workstation GUI; returns the process exit code."""
    settings = load_settings()
    log.info("Starting PixioDoc (demo=%s)", demo)
    demo_login = None
    if demo:
        folder = vault or demo_vault_dir()
        from pixiodoc_desktop.demo.identity import ready_demo

        ready = ready_demo(folder, settings.language)
        if ready is not None:  # every start but the first: nothing to build or rewrite
            demo_vault = ready
        elif (folder / "vault.json").exists():
            from pixiodoc_desktop.demo.clinic import ensure_demo_vault

            demo_vault = ensure_demo_vault(folder, language=settings.language)
        else:  # the first start builds it: a window with its progress at once, the work off it
            print(f"Preparing the demo clinic in {folder} ...", flush=True)  # noqa: T201
            from pixiodoc_desktop.gui.demo_preparation import build_with_progress

            def build(on_step: Progress, on_patient: Progress) -> DemoVault:
                # Imported here, on the build's thread: the window is up before OpenCV and
                # SQLCipher load.
                from pixiodoc_desktop.demo.clinic import ensure_demo_vault

                return ensure_demo_vault(
                    folder, language=settings.language, on_progress=on_step, on_patient=on_patient
                )

            demo_vault = build_with_progress(settings, build)
        vault = demo_vault.folder
        demo_login = (demo_vault.login, demo_vault.password)
        print(f"Demo login: {demo_vault.login} / password: {demo_vault.password}", flush=True)  # noqa: T201
    from pixiodoc_desktop.gui.application import run_workstation

    return run_workstation(
        settings, vault=vault, demo_login=demo_login, camera=camera, gdt_request=gdt_request
    )


def self_check(out: Callable[[str], None]) -> int:
    """`pixiodoc --self-check`: the core steps, then Qt's, composed here."""
    from pixiodoc_desktop import self_check as checks
    from pixiodoc_desktop.gui.self_check import qt_self_check

    return checks.run(out, qt_check=qt_self_check)
