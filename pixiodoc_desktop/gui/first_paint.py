"""`PIXIODOC_EXIT_AFTER_FIRST_PAINT=1`: quit once the unlock screen has been painted.

For the start-up benchmark (benchmarks/startup.py): the process writes
`unlock screen painted` on standard output right after the first paint of the
unlock screen, then quits, so the time from launch to that line is what a
clinician waits for after double-clicking the icon.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV_VAR = "PIXIODOC_EXIT_AFTER_FIRST_PAINT"
PAINTED_LINE = "unlock screen painted"


class _FirstPaint(QObject):
    def __init__(self, page: QWidget, then: Callable[[], object]) -> None:
        super().__init__(page)
        self._done = False
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after this paint has been drawn
        return False


def after_first_paint(page: QWidget, then: Callable[[], object]) -> None:
    """Call `then` once `page` has been painted for the first time."""
    page.installEventFilter(_FirstPaint(page, then))


def _report() -> None:
    sys.stdout.write(PAINTED_LINE + "\n")
    sys.stdout.flush()
    # On standard error too: there it marks where `python -X importtime` output reaches
    # the paint (benchmarks/startup.py counts only the modules loaded before it).
    sys.stderr.write(PAINTED_LINE + "\n")
    sys.stderr.flush()
    QCoreApplication.quit()


def exit_after_first_paint(page: QWidget) -> None:
    """Quit the application after `page` (the unlock screen) is painted for the first time."""
    after_first_paint(page, _report)
