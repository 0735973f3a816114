"""The capture screen's total-body series row: which pose the next photo is, and the
checklist of the visit's series against the clinic's protocol (what is done, what is
missing, the next pose). The photo gets the pose's tag; the ghost is the same pose in the
previous series (capture_overlay.ghost_candidate)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel

from pixiodoc_desktop.clinic.records.body_series import DEFAULT_PROTOCOL, checklist
from pixiodoc_desktop.gui.pose_labels import pose_label
from pixiodoc_desktop.gui.session import PatientRecord

__all__ = ["fill_poses", "pose_label", "show_checklist"]


def fill_poses(combo: QComboBox, record: PatientRecord | None) -> None:
    """'Not in a series', then the clinic's poses in protocol order (the choice kept)."""
    current = combo.currentData()
    poses = (record.series_poses if record is not None else ()) or DEFAULT_PROTOCOL
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(QCoreApplication.translate("BodySeries", "Not in a series"), None)
    names = record.series_names if record is not None else ()
    for pose in poses:
        combo.addItem(pose_label(pose, names), pose)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
    combo.blockSignals(False)


def show_checklist(label: QLabel, record: PatientRecord | None, visit_id: str | None) -> None:
    """'Series 5 of 8 · next: Back, arms raised' (or that it is complete)."""
    poses = (record.series_poses if record is not None else ()) or DEFAULT_PROTOCOL
    photos = record.photos if record is not None else ()
    names = record.series_names if record is not None else ()
    state = checklist(poses, photos, visit_id or "")
    if state.complete:
        text = QCoreApplication.translate("BodySeries", "Series complete: %1 poses")
        label.setText(text.replace("%1", str(len(poses))))
        label.setToolTip("")
        return
    text = QCoreApplication.translate("BodySeries", "Series %1 of %2 · next: %3")
    label.setText(
        text.replace("%1", str(len(state.done)))
        .replace("%2", str(len(poses)))
        .replace("%3", pose_label(state.missing[0], names))
    )
    missing = QCoreApplication.translate("BodySeries", "Missing: %1")
    label.setToolTip(missing.replace("%1", ", ".join(pose_label(p, names) for p in state.missing)))
