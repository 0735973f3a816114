"""GUI test fixtures: offscreen Qt, a workstation window with a fast KDF, no leaked threads.

`QT_QPA_PLATFORM=offscreen` is set before anything imports Qt. A test that
leaves a Python thread or a Qt pool thread running fails. Plaintext test
images are written only inside tmp_path.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_SCALE_FACTOR", "1")

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.demo.clinic import DemoVault, build_demo_vault
from pixiodoc_desktop.gui.i18n import Translators
from pixiodoc_desktop.gui.main_window import MainWindow
from pixiodoc_desktop.gui.theme import apply_theme
from pixiodoc_desktop.vault.keys import MINIMUM_KDF


def _live_threads() -> set[threading.Thread]:
    return {
        t
        for t in threading.enumerate()
        if t.is_alive() and not isinstance(t, threading._DummyThread)
    }


@pytest.fixture(autouse=True)
def no_gui_thread_left_running() -> Iterator[None]:
    """Fail a test that leaves a Python thread or a Qt pool thread running."""
    before = _live_threads()
    yield
    deadline = time.monotonic() + 5.0
    leftover = [t for t in _live_threads() if t not in before]
    for thread in leftover:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    still = [t.name for t in leftover if t.is_alive()]
    if still:
        pytest.fail(f"threads left running after the test: {', '.join(still)}")
    pool = QThreadPool.globalInstance()
    if not pool.waitForDone(2000):
        pytest.fail("Qt's global thread pool still has work running after the test")


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def session_demo_vaults(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], DemoVault]:
    """The demo clinic per language, built once for the whole session (day_one's
    `demo_app` copies it for each test): lean by default, four patients with smaller
    photos; the whole demo clinic, full-size photos, as `pixiodoc --demo` builds it with
    PIXIODOC_DEMO_AS_SHIPPED=1 (tools/day_one_screenshots.py, the README's pictures)."""
    built: dict[str, Any] = {}
    as_shipped = os.environ.get("PIXIODOC_DEMO_AS_SHIPPED") == "1"

    def vault(language: str) -> DemoVault:
        if language not in built:
            folder = tmp_path_factory.mktemp(f"demo-{language}") / "vault"
            lean = {} if as_shipped else {"patients": 4, "size": (480, 360)}
            built[language] = build_demo_vault(folder, language=language, **lean)  # type: ignore[arg-type]
        return built[language]

    return vault


@pytest.fixture
def make_window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, settings: Settings
) -> Iterator[Callable[..., MainWindow]]:
    """Build a workstation window on a vault folder in tmp_path; shut down afterwards."""
    windows: list[MainWindow] = []
    apply_theme(qapp, "light")

    def make(folder: Path | None = None, **kwargs: object) -> MainWindow:
        window = MainWindow(
            settings,
            vault_folder=folder or tmp_path / "vault",
            kdf=MINIMUM_KDF,
            settings_path=tmp_path / "config" / "settings.toml",
            **kwargs,  # type: ignore[arg-type]
        )
        window.ctx.notifier.show_boxes = False
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The German translation installed for the test, removed afterwards."""
    translators = Translators()
    assert translators.install("de"), "the German translation did not load"
    try:
        yield
    finally:
        translators.remove()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform says it cannot do window-manager things (raise,
    # size hints); that is the platform's limitation, not a fault of ours.
    for item in items:
        if "gui" in item.path.parts:
            item.add_marker(pytest.mark.qt_log_ignore(r"This plugin does not support"))


@pytest.fixture(scope="session")
def moles_demo_vaults(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Any]:
    """The shipped demo builder with the mole-mapping patient alone (Reza Ahmadi: three
    visits, a total-body series at the first and the latest), built once per language for
    every test module that uses it (each build takes half a minute)."""
    from pixiodoc_desktop.demo.clinic import build_demo_vault

    built: dict[str, Any] = {}

    def vault(language: str) -> DemoVault:
        if language not in built:
            folder = tmp_path_factory.mktemp(f"moles-{language}") / "vault"
            built[language] = build_demo_vault(
                folder, families=("Ahmadi",), visits=3, size=(480, 360), language=language
            )
        return built[language]

    return vault
