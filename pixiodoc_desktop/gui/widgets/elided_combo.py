"""A combo box whose width does not follow its entries: the current line ends in "…" when it
does not fit, and the whole line is its tooltip.

A plain QComboBox either grows with its longest entry (the timeline's filters changed
width with every patient and could push the last one off a 1366 screen) or, squeezed,
cuts its text off mid-word ("Dermatoskopie, pola"). This one takes the width its layout
gives it and says the rest in its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)


class ElidedComboBox(QComboBox):
    def __init__(self, parent: QWidget | None = None, *, tip: str = "") -> None:
        super().__init__(parent)
        self._tip = tip
        self.setToolTip(tip)
        self.currentTextChanged.connect(lambda _text: self._follow())

    def text_room(self) -> int:
        """The pixels the closed box gives its text (frame, arrow and icon taken off)."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        icon = self.itemIcon(self.currentIndex())
        taken = self.iconSize().width() + 4 if not icon.isNull() else 0
        return max(0, field.width() - taken)

    def shown_text(self) -> str:
        """What the closed box shows: the current line, elided to its room."""
        metrics = self.fontMetrics()
        return metrics.elidedText(self.currentText(), Qt.TextElideMode.ElideRight, self.text_room())

    def is_elided(self) -> bool:
        return self.shown_text() != self.currentText()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._follow()

    def _follow(self) -> None:
        """The whole line in the tooltip while it is shortened (after the box's name)."""
        if self.is_elided():
            whole = self.currentText()
            self.setToolTip(f"{self._tip}: {whole}" if self._tip else whole)
        else:
            self.setToolTip(self._tip)

    def paintEvent(self, event: QPaintEvent) -> None:
        # QComboBox.paintEvent, with the label elided instead of cut off.
        painter = QStylePainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        if self.currentIndex() < 0 and self.placeholderText():
            option.palette.setBrush(QPalette.ColorRole.ButtonText, option.palette.placeholderText())
            option.currentText = self.placeholderText()
        else:
            option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        painter.end()
