"""The compare view: two photos of one site or lesion, five modes, alignment, measurement.

API for the main window:

* ``CompareView(ctx, parent=None, thumbnails=None)``; ``open_photo(photo_id)`` compares the
  first and the latest photo of that photo's lesion (else body site);
  ``open_pair(before_id, after_id)``; ``open_comparison(comparison_id)`` opens
  a stored one. ``clear()`` when the workstation locks (stops every timer,
  closes the consultation screen, forgets the images).
* ``show_to_patient(screen=None, geometry=None)`` opens the consultation
  screen (refused without consent); ``export_to(path, fmt)`` writes a handout.
* Signals: ``opened(before_id, after_id)``, ``stateChanged(CompareState)``,
  ``marksChanged()``, ``consultationRefused(str)``, ``saved(comparison_id)``.

With the workspace's thumbnail loader, the progression strip
(widgets/progression_strip.py) shows each visit's photo, not only its date.

Decrypting runs on the DB worker (audited as PHOTO_VIEWED, screen
"comparison"); decoding, alignment and rendering on the image pool.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QHideEvent, QScreen
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.access.plans import Plans
from pixiodoc_desktop.clinic.records.comparisons import Comparisons, Screen, weeks_since
from pixiodoc_desktop.clinic.records.photos import ImageSize, PhotoSummary
from pixiodoc_desktop.errors import PixioDocError
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.compare_pipeline import Decoded, Display, decode, make_display
from pixiodoc_desktop.gui.context import GuiContext
from pixiodoc_desktop.gui.notify import error_text
from pixiodoc_desktop.gui.thumbnails import ThumbnailLoader
from pixiodoc_desktop.gui.views.compare_tools import CompareTools
from pixiodoc_desktop.gui.widgets.compare_canvas import CompareCanvas, CompareState
from pixiodoc_desktop.gui.widgets.progression_strip import ProgressionStrip
from pixiodoc_desktop.gui.workers import DbOperation
from pixiodoc_desktop.imaging.alignment import Alignment
from pixiodoc_desktop.imaging.compose import Mode, Orientation
from pixiodoc_desktop.imaging.handout import HandoutFormat, HandoutText

PROGRESS_SLIDER = "progress_slider"  # the plan feature that unlocks the before/after slider


class CompareView(QWidget):
    opened = Signal(str, str)
    stateChanged = Signal(object)
    marksChanged = Signal()
    consultationRefused = Signal(str)
    saved = Signal(str)
    exported = Signal(str)

    def __init__(
        self,
        ctx: GuiContext,
        parent: QWidget | None = None,
        *,
        thumbnails: ThumbnailLoader | None = None,
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
        self._heat_requested = False
        self._closed = False  # results arriving after the window closed are dropped
        self._consultation_pair: tuple[str, str] | None = None  # checked and audited for it
        self.slider_allowed = True
        self.consultation: QWidget | None = None
        self.patient_name = ""
        self.blink_timer = QTimer(self)
        self.blink_timer.timeout.connect(self._blink)
        # Single shot, restarted once a step is on screen: a slow decode on a busy PC
        # delays the sequence instead of each step cancelling the one before.
        self.play_timer = QTimer(self)
        self.play_timer.setSingleShot(True)
        self.play_timer.setInterval(1200)
        self.play_timer.timeout.connect(self._play_step)
        self._build()
        self.tools = CompareTools(self)

    # --- building ------------------------------------------------------------------------

    def _button(self, text: str, *, checkable: bool = False) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(text)
        button.setCheckable(checkable)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _build(self) -> None:
        self.before_combo = QComboBox()
        self.before_combo.setAccessibleName(self.tr("Earlier photo"))
        self.after_combo = QComboBox()
        self.after_combo.setAccessibleName(self.tr("Later photo"))
        self.before_combo.activated.connect(self._choose)
        self.after_combo.activated.connect(self._choose)
        self.modes = QButtonGroup(self)
        self.mode_buttons: dict[Mode, QToolButton] = {}
        for mode, text in (
            (Mode.SIDE_BY_SIDE, self.tr("Side by side")),
            (Mode.SLIDER, self.tr("Slider")),
            (Mode.OVERLAY, self.tr("Overlay")),
            (Mode.BLINK, self.tr("Blink")),
            (Mode.DIFFERENCE, self.tr("Difference")),
        ):
            button = self._button(text, checkable=True)
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            self.modes.addButton(button)
            self.mode_buttons[mode] = button
        self.horizontal = QCheckBox(self.tr("Horizontal divider"))
        self.horizontal.toggled.connect(
            lambda on: self.canvas.setOrientation(
                Orientation.HORIZONTAL if on else Orientation.VERTICAL
            )
        )
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(50)
        self.opacity.setMaximumWidth(140)
        self.opacity.setAccessibleName(self.tr("Opacity of the later photo"))
        self.opacity.valueChanged.connect(lambda v: self.canvas.setOpacity(v / 100))
        self.blink_rate = QDoubleSpinBox()
        self.blink_rate.setRange(0.5, 6.0)
        self.blink_rate.setSingleStep(0.5)
        self.blink_rate.setValue(1.5)
        self.blink_rate.setSuffix(self.tr(" per second"))
        self.blink_rate.setAccessibleName(self.tr("Blink rate"))
        self.blink_rate.valueChanged.connect(self._restart_blink)

        self.align_box = QCheckBox(self.tr("Align"))
        self.align_box.setChecked(True)
        self.align_box.toggled.connect(lambda _on: self._render())
        self.quality = QLabel()
        self.quality.setProperty("role", "muted")
        self.fix_button = self._button(self.tr("Fix alignment"), checkable=True)
        self.normalise_box = QCheckBox(self.tr("Even out lighting"))
        self.normalise_box.setToolTip(
            self.tr("Match the later photo's colour and exposure to the earlier one")
        )
        self.normalise_box.toggled.connect(lambda _on: self._render())
        self.save_button = self._button(self.tr("Save comparison"))
        self.save_button.clicked.connect(self.save)
        self.export_button = self._button(self.tr("Export…"))
        self.export_button.clicked.connect(self._choose_export)
        self.patient_button = self._button(self.tr("Show to patient"))
        self.patient_button.clicked.connect(self._choose_screen)
        self.show_name = QCheckBox(self.tr("Show name"))
        self.show_name.setToolTip(self.tr("Show the patient's name on the consultation screen"))

        self.strip = ProgressionStrip(self.thumbnails)
        self.strip.setAccessibleName(self.tr("Progression"))
        self.strip.photoClicked.connect(self._strip_clicked)
        self.play_button = self._button(self.tr("Play"), checkable=True)
        self.play_button.toggled.connect(self._play)
        self.results = QLabel()
        self.results.setProperty("role", "muted")
        self.results.setWordWrap(True)

        for combo in (self.before_combo, self.after_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        top = QHBoxLayout()
        top.addWidget(self.before_combo)
        arrow = QLabel("→")
        arrow.setAccessibleName(self.tr("compared with"))
        top.addWidget(arrow)
        top.addWidget(self.after_combo)
        top.addSpacing(16)
        for button in self.mode_buttons.values():
            top.addWidget(button)
        top.addSpacing(8)
        top.addWidget(self.horizontal)
        top.addWidget(self.opacity)
        top.addWidget(self.blink_rate)
        top.addStretch(1)
        second = QHBoxLayout()
        for widget in (self.align_box, self.quality, self.fix_button, self.normalise_box):
            second.addWidget(widget)
        second.addStretch(1)
        for widget in (self.save_button, self.export_button, self.show_name, self.patient_button):
            second.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(self.play_button)
        bottom.addWidget(self.strip, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(second)
        self.tool_bar = QHBoxLayout()
        self.tool_bar.setSpacing(2)
        tools = QHBoxLayout()
        tools.addLayout(self.tool_bar)
        tools.addSpacing(12)
        tools.addWidget(self.results, 1)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(tools)
        layout.addLayout(bottom)
        self.set_mode(Mode.SLIDER)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        for widget in (
            self.save_button,
            self.export_button,
            self.patient_button,
            self.fix_button,
            self.play_button,
        ):
            widget.setEnabled(on)
        self.mode_buttons[Mode.SLIDER].setEnabled(self.slider_allowed)

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
    ) -> None:
        """Vault work on the DB worker; results reach this view only while it is open."""
        DbOperation(job).success(self._alive(on_done)).failure(self._alive(on_error)).run(
            self.ctx.worker
        )

    def _alive(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if not self._closed:
                callback(value)

        return call

    # --- labels ------------------------------------------------------------------------------

    def photo_label(self, photo: PhotoSummary) -> str:
        """'07.01.2025 · Baseline' or '25.03.2025 · Week 11' (since the first photo shown)."""
        baseline = self.series[0].visit_date if self.series else photo.visit_date
        if self.before is not None:
            baseline = min(baseline, self.before.visit_date)
        date = photo.visit_date.strftime("%d.%m.%Y")
        if photo.visit_date == baseline:
            return self.tr("{date} · Baseline").format(date=date)
        weeks = weeks_since(baseline, photo.visit_date)
        return self.tr("{date} · Week {weeks}").format(date=date, weeks=weeks)

    # --- opening -------------------------------------------------------------------------------

    def open_photo(self, photo_id: str) -> None:
        """Compare the first and latest photo of this photo's lesion or body site."""
        session = self.ctx.session

        def pair() -> tuple[PhotoSummary, PhotoSummary, str]:
            services, actor = session.require()
            before, after = Comparisons(services.workstation).pair_for(actor, photo_id)
            # The name is shown on the patient's screen only when "Show name" is ticked.
            patient = services.patients.get(actor, before.patient_id, audited=False)
            return before, after, patient.display_name

        def opened(found: tuple[PhotoSummary, PhotoSummary, str]) -> None:
            self.patient_name = found[2]
            self.open_pair(found[0].id, found[1].id)

        self._run(pair, opened, self._failed)

    def open_comparison(self, comparison_id: str) -> None:
        session = self.ctx.session

        def load() -> Any:
            services, actor = session.require()
            return Comparisons(services.workstation).get(actor, comparison_id)

        def loaded(record: Any) -> None:
            self.comparison_id = record.id
            self.align_box.blockSignals(True)
            self.align_box.setChecked(record.aligned)
            self.align_box.blockSignals(False)
            self.normalise_box.blockSignals(True)
            self.normalise_box.setChecked(record.normalised)
            self.normalise_box.blockSignals(False)
            self.tools.load(record.annotations, record.measurements)
            self.open_pair(record.before.id, record.after.id, alignment=record.alignment, keep=True)

        self._run(load, loaded, self._failed)

    def open_pair(
        self,
        before_id: str,
        after_id: str,
        *,
        alignment: Alignment | None = None,
        keep: bool = False,
    ) -> None:
        """Load, align and show two photos; `keep` keeps the marks and stored id."""
        self._request += 1
        request = self._request
        session = self.ctx.session
        if not keep:
            self.comparison_id = None
            self.tools.load((), ())
        self.alignment = alignment
        self.canvas.message = self.tr("Loading photos…")
        self.canvas.clear()

        def fetch() -> tuple[Any, ...]:
            services, actor = session.require()
            comparisons = Comparisons(services.workstation)
            before = services.photos.get(actor, before_id)
            after = services.photos.get(actor, after_id)
            series = comparisons.series(
                actor,
                before.patient_id,
                lesion_id=before.lesion_id,
                body_site=None if before.lesion_id else before.body_site,
            )
            data = comparisons.images(actor, before_id, after_id, size=ImageSize.SCREEN)
            allowed = Plans(services.workstation).current().allows(PROGRESS_SLIDER)
            return before, after, series, data, allowed

        def fetched(result: tuple[Any, ...]) -> None:
            if request != self._request:
                return
            before, after, series, (before_data, after_data), allowed = result
            self.before, self.after, self.series = before, after, series
            self.set_slider_allowed(allowed)
            self._fill_choices()

            # Both photos decode at once, one on each pool thread.
            images: dict[str, Any] = {}

            def one(name: str) -> Callable[[Any], None]:
                def done(image: Any) -> None:
                    images[name] = image
                    if len(images) == 2:
                        decoded = Decoded(before, after, images["before"], images["after"])
                        self._decoded_ready(request, decoded)

                return done

            self._submit(lambda: decode(before_data), one("before"), self._failed)
            self._submit(lambda: decode(after_data), one("after"), self._failed)

        self._run(fetch, fetched, self._failed)

    def _decoded_ready(self, request: int, decoded: Decoded) -> None:
        if request != self._request:
            return
        self._decoded = decoded
        self._render(find=True)

    def _render(self, *, find: bool = False) -> None:
        decoded = self._decoded
        if decoded is None:
            return
        request = self._request
        alignment = self.alignment
        aligned, normalised = self.align_box.isChecked(), self.normalise_box.isChecked()
        heat = self.canvas.state().mode is Mode.DIFFERENCE
        self._heat_requested = heat

        def work() -> Display:
            return make_display(
                decoded, alignment, aligned=aligned, normalised=normalised, find=find, heat=heat
            )

        def done(display: Display) -> None:
            if request != self._request:
                return
            self.show_display(display)

        self._submit(work, done, self._failed)

    def show_display(self, display: Display) -> None:
        assert self.before is not None and self.after is not None
        self.display = display
        self.alignment = display.alignment
        self.canvas.setImages(
            display.before,
            display.after,
            (self.before.width, self.before.height),
            heat=display.heat,
            after_to_frame=display.after_to_frame,
        )
        self.canvas.setLabels(self.photo_label(self.before), self.photo_label(self.after))
        self._show_quality(display)
        self.tools.refresh()
        self._enable(True)
        self.opened.emit(self.before.id, self.after.id)
        self.stateChanged.emit(self.canvas.state())
        self._sync_consultation()
        if self.play_button.isChecked():
            self.play_timer.start()

    def _show_quality(self, display: Display) -> None:
        if display.failure:
            self.quality.setText(self.tr("Could not align: too few matching features"))
        elif not self.align_box.isChecked() or display.alignment is None:
            self.quality.setText(self.tr("Not aligned"))
        elif display.alignment.manual:
            self.quality.setText(self.tr("Aligned by hand"))
        else:
            verdict = {
                "good": self.tr("good fit"),
                "fair": self.tr("fair fit"),
                "poor": self.tr("poor fit"),
            }[display.alignment.quality.verdict]
            self.quality.setText(
                self.tr("{verdict} ({score} %, {error} px)").format(
                    verdict=verdict,
                    score=round(display.alignment.quality.score * 100),
                    error=f"{display.alignment.quality.reprojection_error_px:.1f}",
                )
            )

    def _fill_choices(self) -> None:
        for combo, current in ((self.before_combo, self.before), (self.after_combo, self.after)):
            combo.blockSignals(True)
            combo.clear()
            for photo in self.series:
                combo.addItem(self.photo_label(photo), photo.id)
            if current is not None:
                combo.setCurrentIndex(max(0, combo.findData(current.id)))
            combo.blockSignals(False)
        self.strip.set_photos(
            [(photo.id, self.photo_label(photo)) for photo in self.series],
            self.after.id if self.after is not None else None,
        )

    def _choose(self, _index: int = 0) -> None:
        before_id = self.before_combo.currentData()
        after_id = self.after_combo.currentData()
        if before_id and after_id and before_id != after_id:
            self.open_pair(str(before_id), str(after_id))

    def _strip_clicked(self, photo_id: str) -> None:
        if self.before is not None and photo_id != self.before.id:
            self.open_pair(self.before.id, photo_id)

    # --- modes -------------------------------------------------------------------------------

    def set_slider_allowed(self, allowed: bool) -> None:
        """The before/after slider is a Pro feature (plan feature "progress_slider")."""
        self.slider_allowed = allowed
        button = self.mode_buttons[Mode.SLIDER]
        button.setEnabled(allowed)
        button.setToolTip("" if allowed else self.tr("The before/after slider needs the Pro plan"))
        if not allowed and self.canvas.state().mode is Mode.SLIDER:
            self.set_mode(Mode.SIDE_BY_SIDE)

    def set_mode(self, mode: Mode) -> None:
        if mode is Mode.SLIDER and not self.slider_allowed:
            mode = Mode.SIDE_BY_SIDE
        self.mode_buttons[mode].setChecked(True)
        self.canvas.setMode(mode)
        missing_heat = self.display is not None and self.display.heat is None
        if mode is Mode.DIFFERENCE and missing_heat and not self._heat_requested:
            self._render()
        self.horizontal.setVisible(mode is Mode.SLIDER)
        self.opacity.setVisible(mode is Mode.OVERLAY)
        self.blink_rate.setVisible(mode is Mode.BLINK)
        self._restart_blink()

    def _restart_blink(self) -> None:
        if self.canvas.state().mode is Mode.BLINK and self.isVisible():
            self.blink_timer.start(round(1000 / self.blink_rate.value()))
        else:
            self.blink_timer.stop()

    def _blink(self) -> None:
        self.canvas.setTick(self.canvas.state().tick + 1)

    def _play(self, on: bool) -> None:
        if on and len(self.series) > 1:
            self.play_timer.start()
        else:
            self.play_timer.stop()
            self.play_button.setChecked(False)

    def _play_step(self) -> None:
        """Show the next visit of the progression as the later photo."""
        if self.before is None or len(self.series) < 2:
            self._play(False)
            return
        ids = [p.id for p in self.series]
        current = ids.index(self.after.id) if self.after and self.after.id in ids else 0
        following = [i for i in ids[current + 1 :] if i != self.before.id] or [
            i for i in ids if i != self.before.id
        ]
        self.open_pair(self.before.id, following[0])

    def _state_changed(self, state: CompareState) -> None:
        self.stateChanged.emit(state)

    # --- alignment by hand --------------------------------------------------------------------

    def use_alignment(self, alignment: Alignment | None) -> None:
        """Take a (manual) alignment and redraw."""
        self.alignment = alignment
        self.align_box.blockSignals(True)
        self.align_box.setChecked(alignment is not None)
        self.align_box.blockSignals(False)
        self._render()

    # --- storing and export ----------------------------------------------------------------------

    def save(self) -> None:
        if self.before is None or self.after is None:
            return
        session = self.ctx.session
        before_id, after_id = self.before.id, self.after.id
        comparison_id, alignment = self.comparison_id, self.alignment
        aligned, normalised = self.align_box.isChecked(), self.normalise_box.isChecked()
        annotations, measurements = self.tools.annotations(), self.tools.traces()

        def store() -> str:
            services, actor = session.require()
            record = Comparisons(services.workstation).save(
                actor,
                before_id,
                after_id,
                comparison_id=comparison_id,
                alignment=alignment,
                aligned=aligned,
                normalised=normalised,
                annotations=annotations,
                measurements=measurements,
            )
            return record.id

        def stored(saved_id: str) -> None:
            self.comparison_id = saved_id
            self.ctx.notifier.info(self.tr("Comparison saved"))
            self.saved.emit(saved_id)

        self._run(store, stored, self._failed)

    def handout_text(self) -> HandoutText:
        assert self.before is not None and self.after is not None
        site = self.tr("Comparison · {site}").format(site=labels.body_site(self.before.body_site))
        footer = self.tr("Exported on {date}").format(date=dt.date.today().strftime("%d.%m.%Y"))
        return HandoutText(
            title=site,
            before_label=self.photo_label(self.before),
            after_label=self.photo_label(self.after),
            lines=tuple(self.tools.result_lines()),
            footer=footer,
        )

    def _choose_export(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export comparison"),
            "",
            self.tr("PNG image (*.png);;PDF handout (*.pdf)"),
        )
        if path:
            fmt = (
                HandoutFormat.PDF
                if path.lower().endswith(".pdf") or "pdf" in chosen
                else HandoutFormat.PNG
            )
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: HandoutFormat) -> None:
        if self.before is None or self.after is None:
            return
        session = self.ctx.session
        before_id, after_id = self.before.id, self.after.id
        alignment = self.alignment if self.align_box.isChecked() else None
        normalised, text, comparison_id = (
            self.normalise_box.isChecked(),
            self.handout_text(),
            self.comparison_id,
        )

        def write() -> Path:
            services, actor = session.require()
            return Comparisons(services.workstation).export_handout(
                actor,
                before_id,
                after_id,
                path,
                text,
                fmt=fmt,
                alignment=alignment,
                normalised=normalised,
                comparison_id=comparison_id,
            )

        def written(target: Path) -> None:
            self.ctx.notifier.info(self.tr("Comparison exported"))
            self.exported.emit(str(target))

        self._run(write, written, self._failed)

    # --- the consultation screen -------------------------------------------------------------------

    def show_to_patient(self, screen: QScreen | None = None, geometry: QRect | None = None) -> None:
        """Open the patient-facing screen (the consent is checked first, and the view audited)."""
        if self.before is None or self.after is None or self.display is None:
            return
        session = self.ctx.session
        before_id, after_id = self.before.id, self.after.id

        def check() -> None:
            services, actor = session.require()
            Comparisons(services.workstation).images(
                actor, before_id, after_id, size=ImageSize.SCREEN, screen=Screen.CONSULTATION
            )

        def refused(error: Exception) -> None:
            message = error_text(error) if isinstance(error, PixioDocError) else str(type(error))
            self.ctx.notifier.error(message)
            self.consultationRefused.emit(message)

        self._run(check, lambda _: self._open_consultation(screen, geometry), refused)

    def _choose_screen(self) -> None:
        """With two or more monitors the clinician picks the patient's; else the only one."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            self.show_to_patient()
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new menu on every click
        mine = self.screen()
        for index, screen in enumerate(screens, start=1):
            size = screen.geometry().size()
            text = self.tr("Screen {number}: {name} ({width}×{height})").format(
                number=index, name=screen.name(), width=size.width(), height=size.height()
            )
            if screen is mine:
                text = self.tr("{screen} — this window").format(screen=text)
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, s=screen: self.show_to_patient(s))
        menu.popup(self.patient_button.mapToGlobal(self.patient_button.rect().bottomLeft()))

    def _open_consultation(self, screen: QScreen | None, geometry: QRect | None) -> None:
        from pixiodoc_desktop.gui.views.consultation_window import ConsultationWindow

        if self.consultation is not None:
            self.consultation.close()
        window = ConsultationWindow(self)
        self.consultation = window
        window.closed.connect(self._consultation_closed)
        name = self.patient_name if self.show_name.isChecked() else ""
        window.follow(self, name=name)
        self._consultation_pair = (
            (self.before.id, self.after.id) if self.before and self.after else None
        )
        window.show_on(screen, geometry)

    def _consultation_closed(self) -> None:
        self.consultation = None

    def _sync_consultation(self) -> None:
        """The patient's screen follows to another pair only through the same consent
        check and audit as opening it; a refusal closes it."""
        from pixiodoc_desktop.gui.views.consultation_window import ConsultationWindow

        window = self.consultation
        if not isinstance(window, ConsultationWindow) or self.before is None or self.after is None:
            return
        pair = (self.before.id, self.after.id)
        if pair == self._consultation_pair:
            window.take_images(self)
            return
        session = self.ctx.session

        def check() -> None:
            services, actor = session.require()
            Comparisons(services.workstation).images(
                actor, pair[0], pair[1], size=ImageSize.SCREEN, screen=Screen.CONSULTATION
            )

        def allowed(_: object) -> None:
            if self.consultation is window and self.before and self.after:
                self._consultation_pair = (self.before.id, self.after.id)
                window.take_images(self)

        def refused(error: Exception) -> None:
            if self.consultation is window:
                window.close()
            self._failed(error)

        self._run(check, allowed, refused)

    # --- life cycle -----------------------------------------------------------------------------

    def _failed(self, error: BaseException) -> None:
        message = (
            error_text(error)
            if isinstance(error, PixioDocError)
            else self.tr("The photos could not be compared.")
        )
        self.canvas.message = message
        self.canvas.update()
        self.ctx.notifier.error(message)

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
        if self.consultation is not None:
            self.consultation.close()
            self.consultation = None
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
        if self.consultation is not None:
            self.consultation.close()
            self.consultation = None
        self.canvas.clear()
        self.canvas.message = ""
        self._decoded = None
        self.display = None
        self.before = self.after = None
        self.series = []
        self.alignment = None
        self.comparison_id = None
        self.tools.load((), ())
        self.before_combo.clear()
        self.after_combo.clear()
        self.strip.clear()
        self.quality.clear()
        self._enable(False)

    def state(self) -> CompareState:
        return self.canvas.state()

    def set_state(self, state: CompareState) -> None:
        self.canvas.setState(replace(state))
