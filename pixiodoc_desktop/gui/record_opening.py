"""Which record the workspace shows: opening one, refreshing it after a change, closing it.

`RecordOpening` opens a patient's record through the `RecordLoader` (chosen
in the list, asked for by another part, or the demo's first patient once the
first search answers), shows it in the workspace and announces it on the
`SessionState`; a change to the open record loads it again. The window
passes in how its actions follow (`actions_follow(unlocked)`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from pixiodoc_desktop.gui import memory
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.record_loader import RecordLoader
from pixiodoc_desktop.gui.session import PatientRecord
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.thumbnails import ThumbnailCache
from pixiodoc_desktop.gui.workspace import Workspace


class RecordOpening(QObject):
    """Opens, refreshes and closes the record shown; `select_first` opens the first
    patient the next search finds (demo mode), until the clinician searches or picks."""

    def __init__(
        self,
        ctx: GuiContext,
        state: SessionState,
        workspace: Workspace,
        cache: ThumbnailCache,
        actions_follow: Callable[[bool], None],
    ) -> None:
        super().__init__(workspace)
        self.state = state
        self.workspace = workspace
        self.select_first = False
        self._actions_follow = actions_follow
        self.loader = RecordLoader(
            ctx, cache, workspace.timeline.timeline, lambda: state.record, self
        )
        self.loader.loaded.connect(self._show)
        patients = workspace.patients
        patients.patient_chosen.connect(self.open)
        # Once the clinician searches or picks, the demo's "open the first patient" is off:
        # a late first search must not open a patient behind their back.
        patients.patient_chosen.connect(self._user_chose)
        patients.search.textEdited.connect(self._user_chose)
        patients.search_done.connect(self._search_done)

    def open(self, patient_id: str) -> None:
        self.loader.open(patient_id)

    def close(self) -> None:
        """The open record is gone (erased, or an emergency access ended): show none."""
        self.workspace.show_no_record()
        self.state.close_record()
        self._actions_follow(self.state.is_unlocked)

    def changed(self, patient_id: str) -> None:
        """A patient's record changed: the open one is loaded again."""
        record = self.state.record
        if record is not None and record.patient.id == patient_id:
            self.loader.refresh(patient_id)

    def _search_done(self, count: int) -> None:
        if self.select_first and count:
            self.select_first = False
            self.workspace.patients.select_row(0)

    def _user_chose(self, *_what: object) -> None:
        self.select_first = False

    def _show(self, record: PatientRecord, fresh: bool = False) -> None:
        current = self.state.record
        same = current is not None and current.patient.id == record.patient.id
        if not fresh and not same:
            return  # a refresh of a record no longer open (another one opened meanwhile)
        self.workspace.show_record(record, fresh=fresh, same=same)
        self.state.show_record(record)
        self._actions_follow(True)
        if record.complete:
            memory.settle()
