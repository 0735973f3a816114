"""`PIXIODOC_EXIT_AFTER_FIRST_PAINT=1`: quit once the unlock screen has been painted.

For the start-up benchmark (benchmarks/startup.py): the process writes
`unlock screen painted` on standard output right after the first paint of the
unlock screen, then quits, so the time from launch to that line is what a
clinician waits for after double-clicking the icon.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV_VAR = "PIXIODOC_EXIT_AFTER_FIRST_PAINT"
PAINTED_LINE = "unlock screen painted"


class _FirstPaint(QObject):
    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            QTimer.singleShot(0, self._report)  # after this paint has been drawn
        return False

    def _report(self) -> None:
        sys.stdout.write(PAINTED_LINE + "\n")
        sys.stdout.flush()
        QCoreApplication.quit()


def exit_after_first_paint(page: QWidget) -> None:
    """Quit the application after `page` (the unlock screen) is painted for the first time."""
    page.installEventFilter(_FirstPaint(page))
