"""The demo's first start shows a window at once and builds the clinic off the GUI thread.

`build_with_progress` is what `pixiodoc --demo` runs when the demo vault does
not exist yet. Here its build is a stand-in that reports three patients and
waits, at each, until the test has seen the window say so (so the window is
up and painting while the work goes on); the result comes back, and an error
of the build is raised to the caller (`pixiodoc` prints it as one line).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pixiodoc_desktop.config import Settings
from pixiodoc_desktop.errors import VaultExists
from pixiodoc_desktop.gui.demo_preparation import DemoPreparation, build_with_progress


def _window() -> DemoPreparation | None:
    found = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, DemoPreparation) and w.isVisible()
    ]
    return found[0] if found else None


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "Preparing the demo clinic… {n} of 3 patients"),
        ("de", "Die Demo-Praxis wird vorbereitet… {n} von 3 Patienten"),
    ],
)
def test_the_window_says_which_patient_while_the_build_runs(
    qtbot: QtBot, qapp: QApplication, language: str, said: str
) -> None:
    seen: list[str] = []
    shown = [threading.Event() for _ in range(3)]
    builder: list[str] = []

    def build(on_step: Callable[[int, int], None], on_patient: Callable[[int, int], None]) -> str:
        builder.append(threading.current_thread().name)
        for number in (1, 2, 3):
            on_patient(number, 3)
            on_step(number, 3)
            assert shown[number - 1].wait(20), "the window did not show the progress"
        return "built"

    def look() -> None:
        window = _window()
        if window is None or len(seen) == 3:
            return
        wanted = said.format(n=len(seen) + 1)
        if window.heading.text() == wanted and window.bar.value() == len(seen) + 1:
            seen.append(wanted)
            shown[len(seen) - 1].set()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(look)
    timer.start()
    try:
        assert build_with_progress(Settings(language=language), build) == "built"
    finally:
        timer.stop()
    assert seen == [said.format(n=n) for n in (1, 2, 3)]
    assert builder == ["pixiodoc-demo-build"]  # not the GUI thread
    qtbot.waitUntil(lambda: _window() is None, timeout=5000)  # gone before the workstation


def test_an_error_of_the_build_reaches_the_caller(qapp: QApplication) -> None:
    def build(_on_step: Callable[[int, int], None], _on_patient: Callable[[int, int], None]) -> str:
        raise VaultExists("/tmp/x holds a clinic's vault, not the demo clinic")

    with pytest.raises(VaultExists, match="not the demo clinic"):
        build_with_progress(Settings(), build)
    assert _window() is None
