"""Who is logged in and which patient's record is open: the one place that announces it.

The main window owns one `SessionState` and is the only one that changes it
(`log_in`, `unlock`, `show_record`, `close_record`, `lock`). Every other part
of the GUI reads it and observes its signals instead of holding the window.
Anything that shows a patient's data outside the window's own panels (a side
window, the patient's consultation screen, a phone-capture pairing) must let
go of it when another patient opens, when the record closes and when the
session locks:

    state.patient_opened.connect(stop)   # another patient's record is open now
    state.patient_closed.connect(stop)   # no record is open: closed, erased, emergency
                                         # access ended, or the session locked
    state.locked.connect(stop)           # the session locked

The signals, in the order they come:

* A clinician logs in: `clinician_changed(LoginInfo)`; once the workspace is on
  screen, `unlocked(LoginInfo)`. A vault just created logs its Admin in
  while the recovery key is still shown, so `unlocked` comes later.
* A record opens: `patient_opened(patient_id)` when it is another patient than
  the one open, then `record_shown(patient_id)`. The same record shown again
  (after an edit, an import, a sync round, or the rest of a long timeline)
  emits `record_shown(patient_id)` only.
* The record closes (erased, emergency access ended): `patient_closed()`, then
  `record_shown("")`.
* The session locks (Ctrl+L, idle time, switching clinician): the window has
  already hidden every patient datum and closed its side windows; then
  `patient_closed()` if a record was open, `clinician_changed(None)` and
  `locked()`. Another clinician taking over is a lock followed by a login.

Quitting does not announce a lock: `MainWindow.shutdown()` stops every
thread itself. All signals are emitted on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from pixiodoc_desktop.gui.session import LoginInfo, PatientRecord


class SessionState(QObject):
    """The logged-in clinician, the open record, and whether the workspace is unlocked."""

    clinician_changed = Signal(object)  # LoginInfo, or None when the session locks
    unlocked = Signal(object)  # LoginInfo: the workspace is on screen
    locked = Signal()  # no clinician, no record; every patient datum is hidden
    patient_opened = Signal(str)  # patient id: another patient's record is open now
    patient_closed = Signal()  # no record is open any more
    record_shown = Signal(str)  # patient id of the record (re)shown; "" after it closed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clinician: LoginInfo | None = None
        self._record: PatientRecord | None = None
        self._unlocked = False

    # --- reading ------------------------------------------------------------------------

    @property
    def clinician(self) -> LoginInfo | None:
        """Who is logged in (also while a new vault's recovery key is shown)."""
        return self._clinician

    @property
    def record(self) -> PatientRecord | None:
        """The patient's record on screen, as last loaded."""
        return self._record

    @property
    def patient_id(self) -> str | None:
        return self._record.patient.id if self._record is not None else None

    @property
    def is_unlocked(self) -> bool:
        """The workspace is on screen (from `unlocked` until `locked`)."""
        return self._unlocked

    @property
    def is_admin(self) -> bool:
        """Unlocked, by a practice Admin (the services still check every act)."""
        return self._unlocked and self._clinician is not None and self._clinician.role == "admin"

    def has_record(self) -> bool:
        return self._unlocked and self._record is not None

    # --- changing (the main window only) ---------------------------------------------------

    def log_in(self, clinician: LoginInfo) -> None:
        self._clinician = clinician
        self.clinician_changed.emit(clinician)

    def unlock(self) -> None:
        """The workspace is on screen for the clinician logged in."""
        self._unlocked = True
        self.unlocked.emit(self._clinician)

    def show_record(self, record: PatientRecord) -> None:
        before = self.patient_id
        self._record = record
        if record.patient.id != before:
            self.patient_opened.emit(record.patient.id)
        self.record_shown.emit(record.patient.id)

    def close_record(self) -> None:
        had_record = self._record is not None
        self._record = None
        if had_record:
            self.patient_closed.emit()
        self.record_shown.emit("")

    def lock(self) -> None:
        """Announce a lock the window has already carried out."""
        self._unlocked = False
        had_record = self._record is not None
        self._record = None
        self._clinician = None
        if had_record:
            self.patient_closed.emit()
        self.clinician_changed.emit(None)
        self.locked.emit()
