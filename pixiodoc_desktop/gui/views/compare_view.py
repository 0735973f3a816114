"""The compare view: two photos of one site or lesion, five modes, alignment, measurement.

API for the main window:

* ``CompareView(ctx, parent=None, thumbnails=None, patient_screen=None)``; ``open_photo(photo_id)`` compares the
  first and the latest photo of that photo's lesion (else body site);
  ``open_pair(before_id, after_id)``; ``open_comparison(comparison_id)`` opens
  a stored one. ``clear()`` when the workstation locks (stops every timer,
  closes the consultation screen, forgets the images).
* ``show_to_patient(screen=None, geometry=None)`` opens the consultation
  screen (refused without consent) on the workstation's `PatientScreen`
  (a view on its own makes its own); ``stop_showing()`` closes it. The
  window title and header name the patient and the date of birth;
  ``patient_id`` is the patient compared (None before the first pair); ``export_to(path, fmt)`` writes a handout.
* Signals: ``opened(before_id, after_id)``, ``stateChanged(CompareState)``,
  ``marksChanged()``, ``consultationRefused(str)``, ``saved(comparison_id)``.

With the workspace's thumbnail loader, the progression strip
(widgets/progression_strip.py) shows each visit's photo, not only its date.
Beside it, one idea each: compare_controls.py (the controls, their layout
and the modes), compare_keeping.py (labels, saving and the handout, the
patient's screen, and the worker plumbing under them), compare_showing.py (the
pair fetched, decoded, rendered and shown), compare_loading.py (what is read from the vault),
compare_tools.py (marks, measurements, alignment by hand),
compare_consultation.py (the patient's screen), compare_handout.py (saving
and the handout).

Decrypting runs on the DB worker (audited as PHOTO_VIEWED, screen
"comparison"); decoding, alignment and rendering on the image pool.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from pixiodoc_desktop.clinic.records.comparisons import ComparisonRecord
from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.gui.compare_pipeline import Decoded, Display
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.thumbnails import ThumbnailLoader
from pixiodoc_desktop.gui.views import compare_loading
from pixiodoc_desktop.gui.views.compare_consultation import ConsultationLink
from pixiodoc_desktop.gui.views.compare_outline import CompareOutline
from pixiodoc_desktop.gui.views.compare_poses import ComparePoses
from pixiodoc_desktop.gui.views.compare_showing import CompareShowing
from pixiodoc_desktop.gui.views.compare_tools import CompareTools
from pixiodoc_desktop.gui.views.consultation_window import ComparisonPicture
from pixiodoc_desktop.gui.views.patient_screen import PatientScreen
from pixiodoc_desktop.gui.widgets.compare_canvas import CompareCanvas, CompareState
from pixiodoc_desktop.imaging.alignment import Alignment
from pixiodoc_desktop.imaging.compose import Mode, Orientation


class CompareView(CompareShowing):
    marksChanged = Signal()
    consultationRefused = Signal(str)

    def __init__(
        self,
        ctx: GuiContext,
        parent: QWidget | None = None,
        *,
        thumbnails: ThumbnailLoader | None = None,
        patient_screen: PatientScreen | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.thumbnails = thumbnails
        self.setObjectName("CompareView")
        self.canvas = CompareCanvas(self, submit=self._submit)
        self.canvas.stateChanged.connect(self._state_changed)
        self.series: list[PhotoSummary] = []
        self.before: PhotoSummary | None = None
        self.after: PhotoSummary | None = None
        self.comparison_id: str | None = None
        self.alignment: Alignment | None = None
        self.display: Display | None = None
        self._decoded: Decoded | None = None
        self._request = 0
        self._renders = 0  # renders finish out of order on the pool: only the newest is shown
        self._heat_requested = False
        self._closed = False  # results arriving after the window closed are dropped
        self.slider_allowed = True
        self.patient_name = ""
        self.lesions: dict[str, str] = {}
        self.series_poses: tuple[str, ...] = ()
        self.series_names: tuple[tuple[str, str], ...] = ()
        self.blink_timer = QTimer(self)
        self.blink_timer.timeout.connect(self._blink)
        # Single shot, restarted once a step is on screen: a slow decode on a busy PC
        # delays the sequence instead of each step cancelling the one before.
        self.play_timer = QTimer(self)
        self.play_timer.setSingleShot(True)
        self.play_timer.setInterval(1200)
        self.play_timer.timeout.connect(self._play_step)
        self._build()
        self._connect()
        if thumbnails is not None:
            thumbnails.thumbnailReady.connect(self._thumbnail_ready)
        self.set_mode(Mode.SLIDER)
        self.enable(False)
        self.tools = CompareTools(
            self,
            self.canvas,
            bar=self.tool_bar,
            fix_button=self.fix_button,
            results=self.results,
            notifier=ctx.notifier,
            parent=self,
        )
        self.tools.marksChanged.connect(self.marksChanged)
        # Esc closes the window as the photo viewer's does, once no tool is left to cancel;
        # Ctrl+W (the platform's Close) closes it at once.
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._escape)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)  # every binding: Ctrl+W too
        self.outline = CompareOutline(ctx, self, self.tools, self.canvas, self.tool_bar, self)
        # Two total-body series: the pose named, steps to the previous and next pose.
        self.poses = ComparePoses(self.heading, self)
        self.next_pose_button = self.poses.next_button
        self.poses.step.connect(self.next_pose)
        self.marksChanged.connect(self._unsaved)
        self.tools.marksChanged.connect(self._marks_drawn)
        self.opened.connect(self._unsaved)
        self.patient_screen = ConsultationLink(
            ctx,
            self,
            run=self._run,
            failed=self._failed,
            pair=lambda: (self.before.id, self.after.id) if self.before and self.after else None,
            picture=self._picture,
            name=lambda: self.patient_name if self.show_name.isChecked() else "",
            patient=lambda: self.patient_id,
            screen=patient_screen,
        )
        self.patient_screen.refused.connect(self.consultationRefused)
        self.patient_screen.changed.connect(self._patient_screen_changed)
        self.stop_button.clicked.connect(self.stop_showing)
        self.setWindowTitle(self.tr("Comparison — PixioDoc"))
        self.stateChanged.connect(self.patient_screen.follow_state)
        self.marksChanged.connect(lambda: self.patient_screen.follow_marks(self.canvas.marks()))

    # --- building ------------------------------------------------------------------------

    def _connect(self) -> None:
        for mode, button in self.mode_buttons.items():
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
        self.before_combo.activated.connect(self._choose)
        self.after_combo.activated.connect(self._choose)
        self.horizontal.toggled.connect(
            lambda on: self.canvas.setOrientation(
                Orientation.HORIZONTAL if on else Orientation.VERTICAL
            )
        )
        self.opacity.valueChanged.connect(lambda v: self.canvas.setOpacity(v / 100))
        self.blink_rate.valueChanged.connect(self._restart_blink)
        self.align_box.toggled.connect(lambda _on: self._render())
        self.normalise_box.toggled.connect(lambda _on: self._render())
        self.save_button.clicked.connect(self.save)
        self.export_button.clicked.connect(self._choose_export)
        self.patient_button.clicked.connect(self._choose_screen)
        self.strip.photoClicked.connect(self._strip_clicked)
        self.play_button.toggled.connect(self._play)

    # --- opening -------------------------------------------------------------------------------

    def open_photo(self, photo_id: str) -> None:
        """Compare the first and latest photo of this photo's lesion or body site."""

        def opened(found: tuple[PhotoSummary, PhotoSummary, str]) -> None:
            self.patient_name = found[2]
            self.open_pair(found[0].id, found[1].id)

        self._run(compare_loading.pair_for_photo(self.ctx.session, photo_id), opened, self._failed)

    def open_comparison(self, comparison_id: str) -> None:
        def loaded(record: ComparisonRecord) -> None:
            self.comparison_id = record.id
            self.align_box.blockSignals(True)
            self.align_box.setChecked(record.aligned)
            self.align_box.blockSignals(False)
            self.normalise_box.blockSignals(True)
            self.normalise_box.setChecked(record.normalised)
            self.normalise_box.blockSignals(False)
            self.tools.load(record.annotations, record.measurements)
            self.marks_unsaved = False
            self.open_pair(record.before.id, record.after.id, alignment=record.alignment, keep=True)

        job = compare_loading.stored_comparison(self.ctx.session, comparison_id)
        self._run(job, loaded, self._failed)

    def _choose(self, _index: int = 0) -> None:
        before_id = self.before_combo.currentData()
        after_id = self.after_combo.currentData()
        if before_id and after_id and before_id != after_id:
            self.open_pair(str(before_id), str(after_id))

    def _strip_clicked(self, photo_id: str) -> None:
        if self.before is not None and photo_id != self.before.id:
            self.open_pair(self.before.id, photo_id)

    # --- modes -------------------------------------------------------------------------------

    def _play(self, on: bool) -> None:
        if on and len(self.progression) > 1:
            self.play_timer.start()
        else:
            self.play_timer.stop()
            self.play_button.setChecked(False)

    def _play_step(self) -> None:
        """Show the next visit of the progression as the later photo."""
        if self.before is None or len(self.progression) < 2:
            self._play(False)
            return
        ids = [p.id for p in self.progression]
        current = ids.index(self.after.id) if self.after and self.after.id in ids else 0
        following = [i for i in ids[current + 1 :] if i != self.before.id] or [
            i for i in ids if i != self.before.id
        ]
        self.open_pair(self.before.id, following[0])

    def _state_changed(self, state: CompareState) -> None:
        self.stateChanged.emit(state)

    # --- what the clinician sees, for the patient's screen ------------------------------------

    def next_pose(self, step: int = 1) -> None:
        """The pair of the next (`step` 1) or previous (-1) pose both series have."""
        before, after = self.before, self.after
        if before is None or after is None:
            return

        def chosen(pair: tuple[str, str] | None) -> None:
            if pair is not None:
                self.open_pair(*pair)

        self._run(
            compare_loading.next_pose_pair(self.ctx.session, before, after, step),
            chosen,
            self._failed,
        )

    def _escape(self) -> None:
        if not self.tools.cancel():
            self.close()

    def show_hint(self, text: str) -> None:
        self.quality.setText(text)

    def _picture(self) -> ComparisonPicture | None:
        if self.display is None or self.before is None:
            return None
        return ComparisonPicture(
            self.display,
            (self.before.width, self.before.height),
            self.canvas.labels(),
            self.canvas.marks(),
            self.canvas.state(),
        )

    # --- life cycle -----------------------------------------------------------------------------

    def hideEvent(self, event: QHideEvent) -> None:
        self.blink_timer.stop()
        self.play_timer.stop()
        self.play_button.setChecked(False)
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the comparison closes the patient's screen with it."""
        self._closed = True
        self._request += 1
        self.blink_timer.stop()
        self.play_timer.stop()
        self.patient_screen.close()
        super().closeEvent(event)

    def showEvent(self, event: Any) -> None:
        self._closed = False
        super().showEvent(event)
        self._restart_blink()

    def clear(self) -> None:
        """The workstation locks: stop, close the patient's screen, forget every image."""
        self._request += 1
        self.blink_timer.stop()
        self.play_timer.stop()
        self.patient_screen.close()
        self.canvas.clear()
        self.canvas.message = ""
        self._decoded = None
        self.display = None
        self.before = self.after = None
        self.series = []
        self.progression = []
        self.patient_name = ""
        self.header.clear()
        self.poses.show_pair(None, (), ())
        self.setWindowTitle(self.tr("Comparison — PixioDoc"))
        self.alignment = None
        self.comparison_id = None
        self.tools.load((), ())
        self.before_combo.clear()
        self.after_combo.clear()
        self.strip.clear()
        self.quality.clear()
        self.enable(False)

    def state(self) -> CompareState:
        return self.canvas.state()

    def set_state(self, state: CompareState) -> None:
        self.canvas.setState(replace(state))
