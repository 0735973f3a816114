"""The workstation's one patient-facing screen, and which comparison drives it.

There is one consultation window (views/consultation_window.py) per
workstation, whichever compare window shows on it. It only ever shows the
patient whose comparison drives it: the moment the main window opens
another patient, another compare window takes the focus, the driving
compare window closes, or the session locks, it blanks to a neutral clinic
screen (no photo, no date, no name). With one monitor the consultation
window covers the clinician's own screen, so there blanking closes it.

The compare views reach it through their `ConsultationLink`
(views/compare_consultation.py); the side windows watch the session for it:

    screen = PatientScreen(keep_blank=True)
    screen.watch(state)            # SessionState: patient_opened / patient_closed / locked
    window = screen.take(link, patient_id)   # then paint the picture, show_on(...)
    screen.focus_moved_to(link)    # another compare window became active
    screen.release(link)           # the compare window closes
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.views.consultation_window import ConsultationWindow


class PatientScreen(QObject):
    """Owns the consultation window; `changed` when it opens, blanks, changes hands or closes.

    `keep_blank`: blanking leaves a neutral screen up on the patient's monitor
    (the workstation's screen); a compare view on its own closes it instead.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None, *, keep_blank: bool = False) -> None:
        super().__init__(parent)
        self.keep_blank = keep_blank
        self.window: ConsultationWindow | None = None
        self.driver: object | None = None  # the ConsultationLink whose comparison is shown
        self.patient_id: str | None = None

    def watch(self, state: SessionState) -> None:
        state.patient_opened.connect(self._patient_opened)
        state.patient_closed.connect(self.blank)
        state.locked.connect(self.blank)

    def drives(self, driver: object) -> bool:
        return self.window is not None and self.driver is driver

    def take(self, driver: object, patient_id: str) -> ConsultationWindow:
        """The window, now driven by `driver` for this patient (made when none is open).

        The window is kept (blank) across compare windows and locks, so it is never tied
        to the compare window that first opened it: that one may be gone by now."""
        window = self.window
        if window is None:
            window = ConsultationWindow()
            window.closed.connect(lambda w=window: self._closed(w))
            self.window = window
        self.driver = driver
        self.patient_id = patient_id
        self.changed.emit()
        return window

    def blank(self) -> None:
        """No patient's data on the patient's screen any more."""
        window = self.window
        self.driver = None
        self.patient_id = None
        if window is not None:
            if self.keep_blank and not window.on_clinician_screen:
                window.show_blank()
            else:
                window.close()
        self.changed.emit()

    def stop(self) -> None:
        """Close the patient's screen."""
        if self.window is not None:
            self.window.close()

    def release(self, driver: object) -> None:
        """The driving compare window closes or forgets its photos."""
        if self.driver is driver:
            self.blank()

    def focus_moved_to(self, driver: object) -> None:
        """Another compare window is active: the one shown lets go."""
        if self.driver is not None and self.driver is not driver:
            self.blank()

    def _patient_opened(self, patient_id: str) -> None:
        if self.patient_id is not None and patient_id != self.patient_id:
            self.blank()

    def _closed(self, window: ConsultationWindow) -> None:
        if self.window is window:
            self.window = None
            self.driver = None
            self.patient_id = None
            self.changed.emit()
