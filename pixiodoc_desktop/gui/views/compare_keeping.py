"""The compare view's keeping layer: what a comparison says about itself and where it goes.

`CompareKeeping` sits between the controls (compare_controls.py) and the view
(compare_view.py), which loads and renders the pair. It holds the view's
plumbing (vault work on the DB worker, image work on the pool, results
dropped once the window closed), the labels (the patient in the title and
header, each photo's date and week, the pickers' lines), saving and the
handout, and the link to the patient's screen. Strings are translated in the
compare view's context: this layer is part of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Signal
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

from pixiodoc_desktop.clinic.records.body_series import pose_of
from pixiodoc_desktop.clinic.records.comparisons import weeks_since
from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.compare_pipeline import Display
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.locale_text import date_text
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.ondemand_images import submit_on
from pixiodoc_desktop.gui.pose_labels import pose_label
from pixiodoc_desktop.gui.views import compare_handout
from pixiodoc_desktop.gui.views.compare_consultation import ConsultationLink
from pixiodoc_desktop.gui.views.compare_controls import CompareControls
from pixiodoc_desktop.gui.views.compare_tools import CompareTools
from pixiodoc_desktop.imaging.alignment import Alignment
from pixiodoc_desktop.imaging.handout import HandoutFormat


class CompareKeeping(CompareControls):
    """Labels, saving, the handout and the patient's screen of one compare window."""

    saved = Signal(str)
    exported = Signal(str)

    ctx: GuiContext
    tools: CompareTools
    patient_screen: ConsultationLink
    series: list[PhotoSummary]
    before: PhotoSummary | None
    after: PhotoSummary | None
    comparison_id: str | None
    alignment: Alignment | None
    display: Display | None
    patient_name: str
    lesions: dict[str, str]
    series_names: tuple[tuple[str, str], ...]
    _closed: bool
    marks_unsaved: bool = False  # marks drawn since the pair was opened or last saved

    # --- plumbing ------------------------------------------------------------------------

    def _submit(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Image work on the pool; results reach this view only while it is open."""
        self.ctx.images.submit(job, self._alive(on_done), self._alive(on_error))

    def _run(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        fetching: Callable[[], None] | None = None,
    ) -> None:
        """Vault work on the DB worker; results reach this view only while it is open.
        Photos still in the clinic's bucket are fetched first (`fetching()` says so)."""
        run = submit_on(self.ctx.bucket, self.ctx.worker)
        run(job, self._alive(on_done), self._alive(on_error), fetching)

    def _alive(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if not self._closed:
                callback(value)

        return call

    # --- labels ------------------------------------------------------------------------------

    @property
    def patient_id(self) -> str | None:
        return self.before.patient_id if self.before is not None else None

    def _name_patient(self, name: str, birth_date: dt.date | None) -> None:
        """Title and header: whose comparison this is (two windows must never be confused)."""
        self.patient_name = name
        who = (
            QCoreApplication.translate("CompareView", "{name}, born {date}").format(
                name=name, date=date_text(birth_date)
            )
            if birth_date is not None
            else name
        )
        self.header.setText(who)
        self.setWindowTitle(
            QCoreApplication.translate("CompareView", "{patient} — Comparison — PixioDoc").format(
                patient=who
            )
        )

    def photo_label(self, photo: PhotoSummary) -> str:
        """'07.01.2025 · Baseline' or '25.03.2025 · Week 11' (since the first photo shown)."""
        baseline = self.series[0].visit_date if self.series else photo.visit_date
        if self.before is not None:
            baseline = min(baseline, self.before.visit_date)
        date = date_text(photo.visit_date)
        if photo.visit_date == baseline:
            return QCoreApplication.translate("CompareView", "{date} · Baseline").format(date=date)
        weeks = weeks_since(baseline, photo.visit_date)
        return QCoreApplication.translate("CompareView", "{date} · Week {weeks}").format(
            date=date, weeks=weeks
        )

    def photo_choice(self, photo: PhotoSummary) -> str:
        """A picker's line: '01.08.2026 · Baseline — Naevus 1 · Dermoscopy', or with the body
        site when the photo has no lesion ('— Chest · Clinical overview'): a lesion lies on
        one site, and the shorter line shows whole when the picker is closed, in German too."""
        lesion = self.lesions.get(photo.lesion_id, "") if photo.lesion_id else ""
        where = lesion or (labels.body_site(photo.body_site) if photo.body_site else "")
        if (pose := pose_of(photo)) is not None:  # a series photo: its pose ('Legs, front')
            where = pose_label(pose, self.series_names)
        what = [where, labels.modality(photo.modality)]
        return f"{self.photo_label(photo)} — {' · '.join(w for w in what if w)}"

    def photo_tip(self, photo: PhotoSummary) -> str:
        """The picker line's tooltip: the site too ('Upper back · Naevus 01 · Dermoscopy')."""
        what = [
            labels.body_site(photo.body_site) if photo.body_site else "",
            self.lesions.get(photo.lesion_id, "") if photo.lesion_id else "",
            labels.modality(photo.modality),
        ]
        return " · ".join(w for w in what if w)

    # --- storing and export ----------------------------------------------------------------------

    def _draft(self) -> compare_handout.ComparisonDraft | None:
        if self.before is None or self.after is None:
            return None
        return compare_handout.ComparisonDraft(
            self.before.id,
            self.after.id,
            self.comparison_id,
            self.alignment,
            self.align_box.isChecked(),
            self.normalise_box.isChecked(),
            self.tools.annotations(),
            self.tools.traces(),
        )

    def save(self) -> None:
        draft = self._draft()
        if draft is None:
            return

        self.marks_unsaved = False

        def stored(saved_id: str) -> None:
            self.comparison_id = saved_id
            self.ctx.notifier.info(QCoreApplication.translate("CompareView", "Comparison saved"))
            # Said here too: the main window's status bar may be on another screen.
            self.save_button.setText(QCoreApplication.translate("CompareView", "Saved ✓"))
            self.saved.emit(saved_id)

        self._run(compare_handout.store(self.ctx.session, draft), stored, self._failed)

    def _marks_drawn(self) -> None:
        self.marks_unsaved = True

    def keep_and_close(self) -> bool:
        """Another patient's record is open: close without a question in the middle of a
        consultation. Marks not saved yet are saved as the comparison first (the save is
        queued on the vault worker before the window goes, so it is not lost); True when
        that happened. A saved comparison stays as it was saved."""
        kept = False
        if self.marks_unsaved and (self.tools.annotations() or self.tools.traces()):
            self.save()
            kept = True
        self.close()
        return kept

    def _unsaved(self, *_: object) -> None:
        self.save_button.setText(QCoreApplication.translate("CompareView", "Save comparison"))

    def _choose_export(self) -> None:
        chosen = compare_handout.ask_handout_path(self)
        if chosen is not None:
            self.export_to(*chosen)

    def export_to(self, path: Path, fmt: HandoutFormat) -> None:
        draft = self._draft()
        if draft is None or self.before is None or self.after is None:
            return
        text = compare_handout.handout_text(
            self.before, self.after, self.tools.result_lines(), self.photo_label
        )

        def written(target: Path) -> None:
            self.ctx.notifier.info(QCoreApplication.translate("CompareView", "Comparison exported"))
            self.exported.emit(str(target))

        job = compare_handout.write_handout(self.ctx.session, draft, path, text, fmt)
        self._run(job, written, self._failed)

    # --- the consultation screen -------------------------------------------------------------------

    @property
    def consultation(self) -> QWidget | None:
        """The patient's screen while it is open."""
        return self.patient_screen.window

    def show_to_patient(self, screen: QScreen | None = None, geometry: QRect | None = None) -> None:
        """Open the patient-facing screen (the consent is checked first, and the view audited)."""
        self.patient_screen.show(screen, geometry)

    def _choose_screen(self) -> None:
        self.patient_screen.choose_screen(self.patient_button)

    def stop_showing(self) -> None:
        self.patient_screen.stop()

    def _patient_screen_changed(self) -> None:
        """The indicator and Stop show while the patient's screen shows this comparison."""
        on = self.patient_screen.window is not None
        self.on_screen.setVisible(on)
        self.stop_button.setVisible(on)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.patient_screen.took_focus()
        super().changeEvent(event)

    def _failed(self, error: BaseException) -> None:
        message = (
            error_text(error)
            if isinstance(error, PixioDocError)
            else QCoreApplication.translate("CompareView", "The photos could not be compared.")
        )
        self.canvas.message = message
        self.canvas.update()
        self.ctx.notifier.error(message)
