"""The demo clinic's first start: a window at once, the clinic built off the GUI thread.

Building the demo clinic (rendering, encrypting and storing some hundred
photos) takes a minute or more on a modest PC. `build_with_progress` shows a
small window straight away ("Preparing the demo clinic… 3 of 8 patients",
with a bar), runs the build on a thread of its own, and returns its result
(or raises its error) once it is done; the workstation window follows. The
window cannot be closed half-way: a demo vault cut off mid-build would lack
patients for good.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from pixiodoc_desktop.config import Settings

T = TypeVar("T")

Progress = Callable[[int, int], None]  # (done, in all)


class DemoPreparation(QWidget):
    """The small window shown while the demo clinic is built."""

    patient_reached = Signal(int, int)  # the patient now prepared (1-based), patients in all
    step_done = Signal(int, int)  # photos stored, photos in all
    finished = Signal()

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("DemoPreparation")
        self.setWindowTitle("PixioDoc")
        self.heading = QLabel(self.tr("Preparing the demo clinic…"))
        self.heading.setObjectName("DemoPreparationHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first step says how many there are
        self.note = QLabel(
            self.tr("This happens once, at the demo's first start; the next start is immediate.")
        )
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.note)
        self.setFixedWidth(520)
        self._running = True
        self.patient_reached.connect(self._patient)
        self.step_done.connect(self._step)

    def _patient(self, number: int, count: int) -> None:
        self.heading.setText(
            self.tr("Preparing the demo clinic… %1 of %2 patients")
            .replace("%1", str(number))
            .replace("%2", str(count))
        )

    def _step(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)

    def done(self) -> None:
        self._running = False
        self.finished.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            event.ignore()  # half a demo clinic would stay half for good
            return
        super().closeEvent(event)


def build_with_progress(settings: Settings, build: Callable[[Progress, Progress], T]) -> T:
    """Show the preparation window, run `build(on_step, on_patient)` on a thread, and return
    its result (its error is raised here). Makes the application if there is none yet."""
    from pixiodoc_desktop.gui.application import make_application

    app, translators = make_application(settings)
    window = DemoPreparation()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["value"] = build(window.step_done.emit, window.patient_reached.emit)
        except BaseException as exc:  # noqa: BLE001 - raised again on the GUI thread
            outcome["error"] = exc
        finally:
            window.done()

    loop = QEventLoop()
    window.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    window.show()
    area = window.screen().availableGeometry()  # centred: no window manager needed
    window.move(area.center() - window.rect().center())
    QCoreApplication.processEvents()
    thread = threading.Thread(target=work, name="pixiodoc-demo-build", daemon=True)
    thread.start()
    loop.exec()
    thread.join()
    window.close()
    window.deleteLater()
    app.processEvents()
    translators.remove()  # run_workstation installs its own
    if "error" in outcome:
        raise outcome["error"]
    value: T = outcome["value"]
    return value
