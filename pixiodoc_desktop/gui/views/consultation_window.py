"""The consultation screen: the chosen comparison, and nothing else, shown to the patient.

A frameless full-screen window on the screen the clinician chooses (the
second monitor when one is connected). It shows only the two photos of the
comparison with large date labels, follows the clinician's slider, mode
and zoom, and names the patient only when the clinician allows it. With one
monitor it covers the screen, and a bar at its foot says that Esc returns
to the workstation and offers it as a button (on a second monitor the
patient would see it, so it is not shown there). The window title never
names the patient (task bars and screen sharing show it).

`show_blank()` turns it into a neutral clinic screen with no patient datum
at all (views/patient_screen.py does it the moment the patient changes);
`picture` is what it paints now (None while blank).

Consent is checked before this window is made (views/compare_consultation.py,
`Comparisons.may_show_to_patient`); it never loads anything by itself and
knows nothing of the compare view: it paints the `ComparisonPicture` it is
given, and the state and marks it is told. It outlives the compare windows
(blank on the patient's monitor across a lock), so it holds none of them:
whoever opens it names the clinician's window for that one call.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pixiodoc_desktop.gui.compare_pipeline import Display
from pixiodoc_desktop.gui.widgets.compare_canvas import CompareCanvas, CompareState
from pixiodoc_desktop.gui.widgets.compare_marks import Mark


@dataclass(frozen=True, slots=True)
class ComparisonPicture:
    """What the patient sees: the two photos as rendered, their labels, marks and view."""

    display: Display
    before_size: tuple[int, int]  # the earlier photo's pixels, which marks refer to
    labels: tuple[str, str]
    marks: list[Mark]
    state: CompareState


def patient_screen(clinician: QWidget | None = None) -> QScreen:
    """A screen other than the clinician's when there is one, else the only one."""
    screens = QGuiApplication.screens()
    current = clinician.screen() if clinician is not None else QGuiApplication.primaryScreen()
    others = [screen for screen in screens if screen is not current]
    return others[0] if others else current


class ConsultationWindow(QWidget):
    closed = Signal()

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("ConsultationWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Consultation — PixioDoc"))
        self.canvas = CompareCanvas(self, patient_facing=True)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.name_label = QLabel()
        self.name_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name_label.setStyleSheet(
            "QLabel { background: #202020; color: #e6e6e6; padding: 10px; }"
        )
        font = QFont(self.font())
        font.setPointSizeF(max(14.0, font.pointSizeF() * 2.2))
        self.name_label.setFont(font)
        self.name_label.hide()
        self.neutral = QLabel(self.tr("PixioDoc"))
        self.neutral.setObjectName("NeutralScreen")
        self.neutral.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.neutral.setStyleSheet("QLabel { background: #202020; color: #5a5a5a; }")
        neutral_font = QFont(self.font())
        neutral_font.setPointSizeF(max(18.0, neutral_font.pointSizeF() * 2.5))
        self.neutral.setFont(neutral_font)
        self.neutral.hide()
        self.return_bar = QWidget()
        self.return_bar.setObjectName("ReturnBar")
        self.return_bar.setStyleSheet(
            "#ReturnBar { background: #101010; } QLabel { color: #e6e6e6; }"
        )
        self.return_hint = QLabel(
            self.tr("Full screen for the patient. Press Esc to return to PixioDoc.")
        )
        self.return_button = QPushButton(self.tr("Return (Esc)"))
        self.return_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.return_button.clicked.connect(self.close)
        bar = QHBoxLayout(self.return_bar)
        bar.setContentsMargins(12, 6, 12, 6)
        bar.addWidget(self.return_hint, 1)
        bar.addWidget(self.return_button)
        self.return_bar.hide()
        self.on_clinician_screen = False  # one monitor: this window covers the clinician's
        self.picture: ComparisonPicture | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.name_label)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.neutral, 1)
        layout.addWidget(self.return_bar)
        self.setStyleSheet("ConsultationWindow { background: #202020; }")
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

    def show_name(self, name: str) -> None:
        """The patient's name above the photos; "" shows none."""
        self.name_label.setText(name)
        self.name_label.setVisible(bool(name))

    def show_blank(self) -> None:
        """A neutral clinic screen: no photo, no date, no name."""
        self.picture = None
        self.canvas.clear()
        self.canvas.hide()
        self.show_name("")
        self.neutral.show()

    def show_picture(self, picture: ComparisonPicture | None) -> None:
        if picture is None:
            self.show_blank()
            return
        self.picture = picture
        self.neutral.hide()
        self.canvas.show()
        display = picture.display
        self.canvas.setImages(
            display.before,
            display.after,
            picture.before_size,
            heat=display.heat,
            after_to_frame=display.after_to_frame,
        )
        self.canvas.setLabels(*picture.labels)
        self.canvas.setMarks(picture.marks)
        self.canvas.setState(picture.state)

    def set_marks(self, marks: list[Mark]) -> None:
        self.canvas.setMarks(marks)

    def set_state(self, state: CompareState) -> None:
        self.canvas.setState(state)

    def show_on(
        self,
        screen: QScreen | None = None,
        geometry: QRect | None = None,
        *,
        clinician: QWidget | None = None,
    ) -> None:
        """Full screen on `screen` (default: not the screen of `clinician`'s window, if there
        are two).

        `geometry` places the window on an exact rectangle instead (a test seam,
        and for a projector that reports a wrong screen size).
        """
        if geometry is not None:
            self.on_clinician_screen = False  # a separate display, placed by hand
            self.setGeometry(geometry)
            self.show()
        else:
            target = screen or patient_screen(clinician)
            mine = clinician.screen() if clinician is not None else None
            self.on_clinician_screen = target is mine or len(QGuiApplication.screens()) < 2
            self.setGeometry(target.geometry())
            self.show()
            handle = self.windowHandle()
            if handle is not None:
                handle.setScreen(target)
            self.setGeometry(target.geometry())
            self.showFullScreen()
        self.return_bar.setVisible(self.on_clinician_screen)
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.picture = None
        self.canvas.clear()
        self.closed.emit()
        super().closeEvent(event)
