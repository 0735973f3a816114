"""The capture screen's Take photo row: the button, the burst choice, the camera and
profile in use, and on a line of its own why Take photo is off when it is.

The reason has two lines kept for it always, so the live preview above keeps its
place when a reason comes and goes; beside the buttons a German reason had too
little room and was cut off.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pixiodoc_desktop.capture.profiles import DeviceProfile
from pixiodoc_desktop.gui.locale_text import number_text, short_number


class TakePhotoRow(QWidget):
    """Take photo (Space or the pedal do the same), a burst of 3 or one frame, and the
    caption naming the camera, its frame rate and the device profile."""

    take = Signal()

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 8) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(spacing)
        self.take_button = QPushButton(self.tr("Take photo"))
        self.take_button.setProperty("role", "primary")
        self.take_button.setAccessibleName(self.tr("Take photo"))
        self.take_button.setToolTip(self.tr("Space or the foot pedal"))
        self.take_button.setMinimumHeight(40)
        self.take_button.setMinimumWidth(180)
        self.take_button.setEnabled(False)
        self.burst_check = QCheckBox(self.tr("Burst of 3, keep the sharpest"))
        self.burst_check.setAccessibleName(self.tr("Burst of 3, keep the sharpest"))
        self.burst_check.setChecked(True)
        self.take_reason = QLabel()
        self.take_reason.setObjectName("TakePhotoReason")
        # Two lines, so that it never makes the window taller than a small screen.
        self.take_reason.setWordWrap(True)
        self.take_reason.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.take_reason.setFixedHeight(2 * self.take_reason.fontMetrics().lineSpacing() + 6)
        self.camera_caption = QLabel()
        self.camera_caption.setProperty("role", "muted")
        self.camera_caption.setAccessibleName(self.tr("Camera and profile"))
        row = QHBoxLayout()
        row.addWidget(self.take_button)
        row.addWidget(self.burst_check)
        row.addStretch(1)
        self.row = row  # the phone capture adds "Capture with phone…" here
        row.addWidget(self.camera_caption)
        column.addLayout(row)
        column.addWidget(self.take_reason)
        self.take_button.clicked.connect(self.take)

    def burst(self) -> bool:
        return self.burst_check.isChecked()

    def show_readiness(self, *, running: bool, may_add: bool, view_only: bool) -> None:
        """Take photo works with a camera running on a record that takes photos; else say why."""
        self.take_button.setEnabled(running and may_add)
        if view_only:
            reason = self.tr("This record is View Only: it takes no new photos.")
        elif not running:
            reason = self.tr("No camera is running: choose one (or Video file…) under Camera.")
        else:
            reason = ""
        self.take_reason.setText(reason)
        self.take_reason.setToolTip(reason)
        self.take_button.setToolTip(reason or self.tr("Space or the foot pedal"))

    def show_profile(self, profile: DeviceProfile | None, fps: float | None = None) -> None:
        """The camera's name and what its device profile says about the photos it takes."""
        if profile is None:
            self.camera_caption.clear()
            return
        parts = [profile.device_name]
        if fps:
            parts.append(self.tr("%1 fps").replace("%1", f"{fps:.0f}"))
        if profile.dermatoscope:
            parts.append(self.tr("polarised") if profile.polarised else self.tr("non-polarised"))
        if profile.contact is not None:
            parts.append(self.tr("contact") if profile.contact else self.tr("non-contact"))
        if profile.magnification:
            parts.append(f"{short_number(profile.magnification)} ×")
        if profile.px_per_mm:
            parts.append(self.tr("%1 px/mm").replace("%1", number_text(profile.px_per_mm)))
        self.camera_caption.setText(" · ".join(parts))
