"""The compare view's controls and their layout around the canvas.

`CompareControls` builds the widgets (photo choices, the five modes and
their settings, alignment, saving, the patient's screen, the progression
strip and the tools row), lays them out, and switches the mode (which
settings show, the blink timer, the Pro plan's slider); `CompareView`
(compare_view.py) connects them to the photos it loads. Strings are
translated in the compare view's context: the controls are part of it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.gui.compare_pipeline import Display
from pixiodoc_desktop.gui.locale_text import number_text
from pixiodoc_desktop.gui.thumbnails import ThumbnailLoader
from pixiodoc_desktop.gui.widgets.compare_canvas import CompareCanvas
from pixiodoc_desktop.gui.widgets.elided_combo import ElidedComboBox
from pixiodoc_desktop.gui.widgets.elided_label import ElidedLabel
from pixiodoc_desktop.gui.widgets.progression_strip import ProgressionStrip
from pixiodoc_desktop.imaging.compose import Mode


def tool_button(text: str, *, checkable: bool = False) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setAccessibleName(text)
    button.setCheckable(checkable)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


def like_with_like(
    series: Sequence[PhotoSummary], shown: PhotoSummary | None
) -> list[PhotoSummary]:
    """The photos of `series` taken like `shown`: its lesion (else body site) and modality.

    The pickers offer every photo of the site (a mixed pair may be chosen); the
    progression strip and Play show only the course of what is compared.
    """
    if shown is None:
        return list(series)
    return [
        photo
        for photo in series
        if photo.modality == shown.modality
        and photo.lesion_id == shown.lesion_id
        and (shown.lesion_id is not None or photo.body_site == shown.body_site)
    ]


class CompareControls(QWidget):
    """The widgets of the compare view, built and laid out once the canvas exists."""

    canvas: CompareCanvas
    thumbnails: ThumbnailLoader | None
    slider_allowed: bool
    blink_timer: QTimer
    progression: list[PhotoSummary]  # the strip's photos: like the pair shown, oldest first

    def _build(self) -> None:
        # A picker narrower than its line (a window smaller than the screen) ends it in "…"
        # and says it whole in its tooltip, instead of cutting it off mid-word.
        self.before_combo = ElidedComboBox()
        self.before_combo.setAccessibleName(
            QCoreApplication.translate("CompareView", "Earlier photo")
        )
        self.after_combo = ElidedComboBox()
        self.after_combo.setAccessibleName(QCoreApplication.translate("CompareView", "Later photo"))
        self.modes = QButtonGroup(self)
        self.mode_buttons: dict[Mode, QToolButton] = {}
        for mode, text in (
            (Mode.SIDE_BY_SIDE, QCoreApplication.translate("CompareView", "Side by side")),
            (Mode.SLIDER, QCoreApplication.translate("CompareView", "Slider")),
            (Mode.OVERLAY, QCoreApplication.translate("CompareView", "Overlay")),
            (Mode.BLINK, QCoreApplication.translate("CompareView", "Blink")),
            (Mode.DIFFERENCE, QCoreApplication.translate("CompareView", "Difference")),
        ):
            button = tool_button(text, checkable=True)
            self.modes.addButton(button)
            self.mode_buttons[mode] = button
        self.horizontal = QCheckBox(QCoreApplication.translate("CompareView", "Horizontal divider"))
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(50)
        self.opacity.setMaximumWidth(140)
        self.opacity.setAccessibleName(
            QCoreApplication.translate("CompareView", "Opacity of the later photo")
        )
        self.blink_rate = QDoubleSpinBox()
        self.blink_rate.setRange(0.5, 6.0)
        self.blink_rate.setSingleStep(0.5)
        self.blink_rate.setValue(1.5)
        self.blink_rate.setSuffix(QCoreApplication.translate("CompareView", " per second"))
        self.blink_rate.setAccessibleName(QCoreApplication.translate("CompareView", "Blink rate"))

        self.align_box = QCheckBox(QCoreApplication.translate("CompareView", "Align"))
        self.align_box.setChecked(True)
        # The alignment's fit and each tool's next step, on a line of their own under the
        # tools, across the window: room for the longest German hint, one line high whatever
        # it says (it elides, whole in its tooltip), so a new hint never moves anything.
        self.quality = ElidedLabel(least=120)
        self.quality.setObjectName("CompareHint")
        self.quality.setProperty("role", "muted")
        self.fix_button = tool_button(
            QCoreApplication.translate("CompareView", "Fix alignment"), checkable=True
        )
        self.normalise_box = QCheckBox(
            QCoreApplication.translate("CompareView", "Even out lighting")
        )
        self.normalise_box.setToolTip(
            QCoreApplication.translate(
                "CompareView", "Match the later photo's colour and exposure to the earlier one"
            )
        )
        self.save_button = tool_button(QCoreApplication.translate("CompareView", "Save comparison"))
        self.export_button = tool_button(QCoreApplication.translate("CompareView", "Export…"))
        self.patient_button = tool_button(
            QCoreApplication.translate("CompareView", "Show to patient")
        )
        self.header = QLabel()
        self.header.setObjectName("CompareHeader")
        self.header.setProperty("role", "patient")
        self.on_screen = QLabel(
            QCoreApplication.translate("CompareView", "● On the patient's screen")
        )
        self.on_screen.setObjectName("OnPatientScreen")
        self.on_screen.setStyleSheet("QLabel { color: #c62828; font-weight: bold; }")
        self.stop_button = tool_button(QCoreApplication.translate("CompareView", "Stop"))
        self.stop_button.setToolTip(
            QCoreApplication.translate("CompareView", "Close the patient's screen")
        )
        self.on_screen.hide()
        self.stop_button.hide()
        # The Stop button is taller than the header's text: its room is kept while it is
        # hidden, so the header and everything under it stay put when it appears.
        keep = self.stop_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.stop_button.setSizePolicy(keep)
        self.show_name = QCheckBox(QCoreApplication.translate("CompareView", "Show name"))
        self.show_name.setToolTip(
            QCoreApplication.translate(
                "CompareView", "Show the patient's name on the consultation screen"
            )
        )

        self.progression = []
        self.strip = ProgressionStrip(self.thumbnails)
        self.strip.setAccessibleName(QCoreApplication.translate("CompareView", "Progression"))
        self.play_button = tool_button(
            QCoreApplication.translate("CompareView", "Play"), checkable=True
        )
        self.results = ElidedLabel(least=120)
        self.results.setObjectName("CompareResults")
        self.results.setProperty("role", "muted")

        # The two pickers share a row of their own, so each is wide enough to show its
        # whole line (date, week, site, lesion, modality) when closed, in German too.
        for combo in (self.before_combo, self.after_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(24)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        pickers = QHBoxLayout()
        pickers.addWidget(self.before_combo, 1)
        arrow = QLabel("→")
        arrow.setAccessibleName(QCoreApplication.translate("CompareView", "compared with"))
        pickers.addWidget(arrow)
        pickers.addWidget(self.after_combo, 1)
        top = QHBoxLayout()
        for button in self.mode_buttons.values():
            top.addWidget(button)
        top.addSpacing(8)
        top.addWidget(self.horizontal)
        top.addWidget(self.opacity)
        top.addWidget(self.blink_rate)
        top.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.align_box)
        second.addWidget(self.fix_button)
        second.addWidget(self.normalise_box)
        second.addStretch(1)
        for widget in (
            self.save_button,
            self.export_button,
            self.show_name,
            self.patient_button,
        ):
            second.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(self.play_button)
        bottom.addWidget(self.strip, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        heading = QHBoxLayout()
        self.heading = heading  # a total-body series' pose row joins it (compare_poses.py)
        heading.addWidget(self.header, 1)
        heading.addWidget(self.on_screen)
        heading.addWidget(self.stop_button)
        layout.addLayout(heading)
        layout.addLayout(pickers)
        layout.addLayout(top)
        layout.addLayout(second)
        self.tool_bar = QHBoxLayout()
        self.tool_bar.setSpacing(2)
        tools = QHBoxLayout()
        tools.addLayout(self.tool_bar)
        tools.addStretch(1)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(tools)
        layout.addWidget(self.quality)
        # The measurements under the hint, across the window, one line (an outline's four
        # changes fit it on a 1366 screen; more end in "…", whole in the tooltip).
        layout.addWidget(self.results)
        layout.addLayout(bottom)

    def enable(self, on: bool) -> None:
        for widget in (
            self.save_button,
            self.export_button,
            self.patient_button,
            self.fix_button,
            self.play_button,
        ):
            widget.setEnabled(on)
        self.mode_buttons[Mode.SLIDER].setEnabled(self.slider_allowed)

    def show_quality(self, display: Display) -> None:
        """How well the later photo was aligned to the earlier one (or why not)."""
        if display.failure:
            self.quality.setText(
                QCoreApplication.translate(
                    "CompareView", "Could not align: too few matching features"
                )
            )
        elif not self.align_box.isChecked() or display.alignment is None:
            self.quality.setText(QCoreApplication.translate("CompareView", "Not aligned"))
        elif display.alignment.manual:
            self.quality.setText(QCoreApplication.translate("CompareView", "Aligned by hand"))
        else:
            verdict = {
                "good": QCoreApplication.translate("CompareView", "good fit"),
                "fair": QCoreApplication.translate("CompareView", "fair fit"),
                "poor": QCoreApplication.translate("CompareView", "poor fit"),
            }[display.alignment.quality.verdict]
            fit = QCoreApplication.translate("CompareView", "{verdict} ({score} %, {error} px)")
            # Under the tools, away from the Align box: the line says what it is about.
            self.quality.setText(
                QCoreApplication.translate("CompareView", "Alignment: {fit}").format(
                    fit=fit.format(
                        verdict=verdict,
                        score=round(display.alignment.quality.score * 100),
                        error=number_text(display.alignment.quality.reprojection_error_px, 1),
                    )
                )
            )

    def fill_choices(
        self,
        series: Sequence[PhotoSummary],
        before: PhotoSummary | None,
        after: PhotoSummary | None,
        label: Callable[[PhotoSummary], str],
        describe: Callable[[PhotoSummary], str] | None = None,
        tip: Callable[[PhotoSummary], str] | None = None,
    ) -> None:
        """The photos of the series in both choosers (grouped by visit, each with its
        thumbnail, date, week, site, lesion and modality) and the strip, the pair selected."""
        describe = describe or label
        for combo, current in ((self.before_combo, before), (self.after_combo, after)):
            combo.blockSignals(True)
            combo.clear()
            combo.setIconSize(QSize(48, 36))
            visit = None
            for photo in series:
                if visit is not None and photo.visit_id != visit:
                    combo.insertSeparator(combo.count())
                visit = photo.visit_id
                combo.addItem(describe(photo), photo.id)
                if tip is not None:
                    combo.setItemData(combo.count() - 1, tip(photo), Qt.ItemDataRole.ToolTipRole)
                self._choice_icon(combo, combo.count() - 1, photo.id)
            if current is not None:
                combo.setCurrentIndex(max(0, combo.findData(current.id)))
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
            combo.blockSignals(False)
        self.progression = like_with_like(series, after or before)
        self.strip.set_photos(
            [(photo.id, label(photo)) for photo in self.progression],
            after.id if after is not None else None,
        )

    def _choice_icon(self, combo: QComboBox, index: int, photo_id: str) -> None:
        image = self.thumbnails.thumbnail(photo_id) if self.thumbnails is not None else None
        if image is not None and not image.isNull():
            combo.setItemIcon(index, QIcon(QPixmap.fromImage(image)))

    def _thumbnail_ready(self, photo_id: str) -> None:
        for combo in (self.before_combo, self.after_combo):
            index = combo.findData(photo_id)
            if index >= 0:
                self._choice_icon(combo, index, photo_id)

    # --- modes -------------------------------------------------------------------------------

    def set_slider_allowed(self, allowed: bool) -> None:
        """The before/after slider is a Pro feature (plan feature "progress_slider")."""
        self.slider_allowed = allowed
        button = self.mode_buttons[Mode.SLIDER]
        button.setEnabled(allowed)
        button.setToolTip(
            ""
            if allowed
            else QCoreApplication.translate(
                "CompareView", "The before/after slider needs the Pro plan"
            )
        )
        if not allowed and self.canvas.state().mode is Mode.SLIDER:
            self.set_mode(Mode.SIDE_BY_SIDE)

    def set_mode(self, mode: Mode) -> None:
        if mode is Mode.SLIDER and not self.slider_allowed:
            mode = Mode.SIDE_BY_SIDE
        self.mode_buttons[mode].setChecked(True)
        self.canvas.setMode(mode)
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
