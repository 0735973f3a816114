"""The capture screen's verdict on the photo just taken: sharp and well exposed, or why not.

A blurred or clipped photo is saved all the same; the bar says what is wrong and
offers Retake, and (to an Admin) Discard for the photo just taken. The bar keeps its
place while hidden and is as tall for one line as for two: the live preview above it
does not shrink when the first verdict appears, nor jump from one verdict to the next.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from pixiodoc_desktop.capture.quality import BLURRED, HIGHLIGHTS_CLIPPED, SHADOWS_CLIPPED
from pixiodoc_desktop.capture.still import StillResult


class QualityBar(QFrame):
    """Hidden until the first photo is stored; then its verdict, Retake and Discard."""

    retake = Signal()
    discard = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QualityBar")
        self.setProperty("role", "panel")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.setSizeConstraint(QHBoxLayout.SizeConstraint.SetNoConstraint)  # the hints below
        self.quality_label = QLabel()
        self.quality_label.setAccessibleName(self.tr("Photo quality"))
        self.quality_label.setWordWrap(True)
        self.retake_button = QPushButton(self.tr("Retake"))
        self.retake_button.setAccessibleName(self.tr("Retake"))
        self.discard_button = QPushButton(self.tr("Discard last photo"))
        self.discard_button.setAccessibleName(self.tr("Discard last photo"))
        row.addWidget(self.quality_label, 1)
        row.addWidget(self.retake_button)
        row.addWidget(self.discard_button)
        self.retake_button.clicked.connect(self.retake)
        self.discard_button.clicked.connect(self.discard)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.setVisible(False)

    def _steady_height(self) -> int:
        """Two lines of verdict or a row of buttons, whichever is taller, and the margins."""
        row = self.layout()
        margins = row.contentsMargins() if row is not None else self.contentsMargins()
        text = 2 * self.quality_label.fontMetrics().lineSpacing()
        buttons = max(
            self.retake_button.sizeHint().height(), self.discard_button.sizeHint().height()
        )
        return max(text, buttons) + margins.top() + margins.bottom() + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._steady_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._steady_height())

    def hasHeightForWidth(self) -> bool:
        return False  # the verdict wraps inside the bar's height, never makes it taller

    def show_result(self, result: StillResult, *, may_delete: bool) -> None:
        verdict = result.quality
        if result.duplicate:
            text = self.tr("This picture is already in the record.")
        elif verdict.warnings:
            words = {
                BLURRED: self.tr("The photo looks blurred."),
                HIGHLIGHTS_CLIPPED: self.tr("Highlights are clipped (glare?)."),
                SHADOWS_CLIPPED: self.tr("Shadows are clipped (too dark?)."),
            }
            text = " ".join(words.get(w, w) for w in verdict.warnings)
            text = self.tr("Saved, but: %1 Retake?").replace("%1", text)
        else:
            text = self.tr("Saved. Sharp and well exposed.")
        self.quality_label.setText(text)
        self.quality_label.setProperty("role", "error" if verdict.warnings else "muted")
        self.quality_label.style().unpolish(self.quality_label)
        self.quality_label.style().polish(self.quality_label)
        self.retake_button.setVisible(bool(verdict.warnings))
        self.discard_button.setVisible(not result.duplicate and may_delete)
        self.discard_button.setEnabled(not result.duplicate)
        self.setVisible(True)

    def warning_shown(self) -> bool:
        """The photo just taken has a warning (Retake is offered)."""
        return self.retake_button.isVisible()
