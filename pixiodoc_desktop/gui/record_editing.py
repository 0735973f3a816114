"""Editing the open record from the workspace: its dialogs, and photos brought in.

`RecordEditing` opens the patient, visit, lesion, consent and photo-notes
dialogs for the record the `SessionState` holds, and starts imports: files
chosen in the File menu, dropped on the timeline or on a patient in the list.
It listens to the workspace panels' requests itself; the main window keeps
one-line slots for its actions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QWidget

from pixiodoc_desktop.clinic.records.visits import MapPosition
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.importing import ImportController
from pixiodoc_desktop.gui.session_state import SessionState
from pixiodoc_desktop.gui.views.body_map_panel import BodyMapPanel
from pixiodoc_desktop.gui.views.details import DetailsPanel
from pixiodoc_desktop.gui.views.dialogs import (
    ConsentDialog,
    LesionDialog,
    PatientDialog,
    PhotoNotesDialog,
    VisitDialog,
)
from pixiodoc_desktop.gui.views.import_context_dialog import ImportContextDialog
from pixiodoc_desktop.gui.views.patients import PatientPanel
from pixiodoc_desktop.gui.views.timeline import TimelinePanel


def open_dialog(dialog: QDialog) -> None:
    """Show `dialog` window-modal; it is deleted once closed."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


class RecordEditing(QObject):
    """The record's dialogs and its imports, for the panels of one workspace.

    `ask_files` asks which files to import (the window's, which tests replace);
    `open_patient` opens a record by patient id.
    """

    def __init__(
        self,
        ctx: GuiContext,
        state: SessionState,
        window: QWidget,
        *,
        panels: tuple[PatientPanel, TimelinePanel, DetailsPanel, BodyMapPanel],
        importer: ImportController,
        open_patient: Callable[[str], None],
        ask_files: Callable[[], list[Path]],
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.state = state
        self.window = window
        self.importer = importer
        self._open_patient = open_patient
        self._ask_files = ask_files
        patients, self.timeline, self.details, body_map = panels
        patients.new_patient_requested.connect(self.new_patient)
        patients.files_dropped.connect(self._dropped_on_patient)
        self.timeline.edit_patient_requested.connect(self.edit_patient)
        self.timeline.new_visit_requested.connect(self.new_visit)
        self.timeline.new_lesion_requested.connect(self.new_lesion)
        self.timeline.consent_requested.connect(self.record_consent)
        self.timeline.import_requested.connect(self.choose_import)
        self.timeline.timeline.files_dropped.connect(self._dropped)
        self.details.edit_notes_requested.connect(self.edit_photo_notes)
        self.details.edit_visit_requested.connect(self.edit_visit)
        self.details.consent_requested.connect(self.record_consent)
        body_map.new_lesion_at.connect(self.new_lesion_at)

    # --- dialogs -------------------------------------------------------------------------

    def new_patient(self) -> None:
        if not self.state.is_unlocked:
            return
        dialog = PatientDialog(self.ctx, None, self.window)
        dialog.saved.connect(lambda patient: self._open_patient(patient.id))
        open_dialog(dialog)

    def edit_patient(self) -> None:
        if (record := self.state.record) is not None:
            open_dialog(PatientDialog(self.ctx, record.patient, self.window))

    def new_visit(self) -> None:
        if (record := self.state.record) is not None:
            open_dialog(VisitDialog(self.ctx, record.patient.id, None, self.window))

    def edit_visit(self) -> None:
        if (record := self.state.record) is not None and self.details.visit is not None:
            open_dialog(VisitDialog(self.ctx, record.patient.id, self.details.visit, self.window))

    def new_lesion(self) -> None:
        if (record := self.state.record) is not None:
            open_dialog(LesionDialog(self.ctx, record.patient.id, self.window))

    def new_lesion_at(self, place: MapPosition, site: str) -> None:
        """A lesion where the body map was clicked: the dialog starts at that site and place."""
        if (record := self.state.record) is not None:
            open_dialog(
                LesionDialog(self.ctx, record.patient.id, self.window, site=site, place=place)
            )

    def record_consent(self) -> None:
        if (record := self.state.record) is not None:
            open_dialog(ConsentDialog(self.ctx, record.patient.id, self.window))

    def edit_photo_notes(self) -> None:
        if self.details.photo is not None:
            open_dialog(PhotoNotesDialog(self.ctx, self.details.photo, self.window))

    # --- imports -------------------------------------------------------------------------

    def choose_import(self) -> None:
        if self.state.record is not None:
            self.ask_import_context(self._ask_files())

    def _dropped(self, paths: list[Path], visit_id: str) -> None:
        self.ask_import_context(paths, visit_id or None)

    def ask_import_context(
        self, paths: list[Path], visit_id: str | None = None
    ) -> ImportContextDialog | None:
        """Ask where the files go (defaults: the timeline's selection), then import them
        into the record shown in the header, whose patient the dialog names."""
        record = self.state.record
        if record is None or not paths:
            return None
        selected_id = self.timeline.timeline.selected()
        selected = next((p for p in record.photos if p.id == selected_id), None)
        dialog = ImportContextDialog(
            record, len(paths), self.window, selected=selected, visit_id=visit_id
        )
        dialog.chosen.connect(
            lambda context: self.importer.start(context.patient_id, paths, context=context)
        )
        open_dialog(dialog)
        return dialog

    def _dropped_on_patient(self, patient_id: str, paths: list[Path]) -> None:
        record = self.state.record
        if record is None or record.patient.id != patient_id:
            self._open_patient(patient_id)
        self.importer.start(patient_id, paths, None)

    def import_paths(self, paths: list[Path], visit_id: str | None = None) -> None:
        if (record := self.state.record) is not None:
            self.importer.start(record.patient.id, paths, visit_id)
