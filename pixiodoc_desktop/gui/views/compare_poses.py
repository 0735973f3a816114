"""The compare view's total-body series row: which pose two series are compared in
("Pose 3 of 8: Left side, arms raised"), and the steps to the previous and next pose that
both series have (the same two visits). Shown only while the pair is a series' pose.
Strings are translated in the compare view's context: the row is part of it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from pixiodoc_desktop.clinic.records.body_series import pose_of
from pixiodoc_desktop.clinic.records.photos import PhotoSummary
from pixiodoc_desktop.gui.pose_labels import pose_label
from pixiodoc_desktop.gui.views.compare_controls import tool_button


def pose_caption(pose: str, protocol: tuple[str, ...], names: Iterable[tuple[str, str]]) -> str:
    """'Pose 3 of 8: Left side, arms raised' (the name alone for a pose the protocol has
    no longer)."""
    name = pose_label(pose, names)
    if pose not in protocol:
        return name
    return (
        QCoreApplication.translate("CompareView", "Pose %1 of %2: %3")
        .replace("%1", str(protocol.index(pose) + 1))
        .replace("%2", str(len(protocol)))
        .replace("%3", name)
    )


class ComparePoses(QObject):
    """Previous pose, the pose's caption, next pose; `step(+1 or -1)` when clicked."""

    step = Signal(int)

    def __init__(self, row: QHBoxLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self.previous_button: QToolButton = tool_button(
            QCoreApplication.translate("CompareView", "◀ Previous pose")
        )
        self.previous_button.setObjectName("previousPose")
        self.caption = QLabel()
        self.caption.setObjectName("ComparePose")
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        self.next_button: QToolButton = tool_button(
            QCoreApplication.translate("CompareView", "Next pose ▶")
        )
        self.next_button.setObjectName("nextPose")
        for widget in (self.previous_button, self.caption, self.next_button):
            row.addWidget(widget)
            widget.setVisible(False)
        self.previous_button.clicked.connect(lambda: self.step.emit(-1))
        self.next_button.clicked.connect(lambda: self.step.emit(1))

    def show_pair(
        self,
        before: PhotoSummary | None,
        protocol: tuple[str, ...],
        names: Iterable[tuple[str, str]],
    ) -> None:
        pose = pose_of(before) if before is not None else None
        for widget in (self.previous_button, self.caption, self.next_button):
            widget.setVisible(pose is not None)
        self.caption.setText(pose_caption(pose, protocol, names) if pose is not None else "")
