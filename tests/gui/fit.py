"""What a person sees cut off: a label, button, check box or combo whose text does not fit.

`clipped(window)` walks the visible widgets of a window or dialog and names
each one whose text needs more room than it has (its size hint, or the
height its wrapped text needs at its width). Text elided on purpose (a
label whose text ends in "…") is not counted.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

SLACK = 2  # pixels of rounding


def _name(widget: QWidget, text: str) -> str:
    kind = type(widget).__name__
    return f"{kind} {widget.objectName() or ''} {text!r} ({widget.width()}x{widget.height()})"


def text_room(combo: QComboBox) -> int:
    """The pixels a closed combo gives its text (its frame, arrow and icon taken off)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    icon = combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() else 0
    return field.width() - icon


def clipped(window: QWidget) -> list[str]:
    found: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text or (widget.pixmap() is not None and not widget.pixmap().isNull()):
                continue
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + SLACK:
                    found.append(_name(widget, text) + f" needs height {need}")
            elif widget.sizeHint().width() > widget.width() + SLACK and not text.endswith("…"):
                found.append(_name(widget, text) + f" needs width {widget.sizeHint().width()}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            hint = widget.sizeHint()
            if hint.width() > widget.width() + SLACK or hint.height() > widget.height() + SLACK:
                found.append(
                    _name(widget, widget.text()) + f" needs {hint.width()}x{hint.height()}"
                )
        elif isinstance(widget, QComboBox) and widget.currentText():
            need = widget.fontMetrics().horizontalAdvance(widget.currentText()) + 36
            if need > widget.width() + SLACK:
                found.append(_name(widget, widget.currentText()) + f" needs width {need}")
        elif isinstance(widget, QGroupBox) and widget.title():
            need = widget.fontMetrics().horizontalAdvance(widget.title()) + 16
            if need > widget.width() + SLACK:
                found.append(_name(widget, widget.title()) + f" needs width {need}")
    return found
