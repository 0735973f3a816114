"""A one-line label that shortens its text with "…" instead of growing its window.

A hint or a status line whose text changes with what the clinician does (a
measuring tool's next step, an alignment's fit) must not widen the window
it sits in: a plain QLabel's size hint is its whole text, so a long German
hint once pushed the compare window to 1361 px. This label asks for little
room, takes what the layout gives, shows as much as fits and ends with "…"
(the whole text in its tooltip). It is one line high whatever its text, empty or
not, so that a line of hints or results never moves what is around it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None, *, least: int = 80) -> None:
        super().__init__(parent)
        self._full = ""
        self._least = least
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def full_text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._fit()

    def clear(self) -> None:
        self.setText("")

    def _line_height(self) -> int:
        margins = self.contentsMargins()
        frame = margins.top() + margins.bottom() + 2 * self.margin()
        return max(self.fontMetrics().height(), self.fontMetrics().lineSpacing()) + frame

    def sizeHint(self) -> QSize:
        whole = self.fontMetrics().horizontalAdvance(self._full) + 2 * self.margin() + 4
        return QSize(max(self._least, min(whole, 320)), self._line_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._least, self._line_height())

    def is_elided(self) -> bool:
        return super().text() != self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = max(0, self.width() - 2 * self.margin() - 4)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        super().setText(shown)
