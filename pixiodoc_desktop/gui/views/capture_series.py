"""The capture screen's total-body series row: which pose the next photo is, and the
checklist of the visit's series against the clinic's protocol (what is done, what is
missing, the next pose). The photo gets the pose's tag; the ghost is the same pose in the
previous series (capture_overlay.ghost_candidate)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel

from pixiodoc_desktop.clinic.records.body_series import DEFAULT_PROTOCOL, checklist
from pixiodoc_desktop.gui.session import PatientRecord


def pose_label(pose: str) -> str:
    names = {
        "front": QCoreApplication.translate("BodySeries", "Front, arms at the sides"),
        "back": QCoreApplication.translate("BodySeries", "Back, arms at the sides"),
        "left": QCoreApplication.translate("BodySeries", "Left side, arms raised"),
        "right": QCoreApplication.translate("BodySeries", "Right side, arms raised"),
        "front-arms-raised": QCoreApplication.translate("BodySeries", "Front, arms raised"),
        "back-arms-raised": QCoreApplication.translate("BodySeries", "Back, arms raised"),
        "legs-front": QCoreApplication.translate("BodySeries", "Legs, front"),
        "legs-back": QCoreApplication.translate("BodySeries", "Legs, back"),
        "head-front": QCoreApplication.translate("BodySeries", "Head and neck, front"),
        "head-back": QCoreApplication.translate("BodySeries", "Head and neck, back"),
        "head-left": QCoreApplication.translate("BodySeries", "Head, left side"),
        "head-right": QCoreApplication.translate("BodySeries", "Head, right side"),
        "soles": QCoreApplication.translate("BodySeries", "Soles of the feet"),
        "palms": QCoreApplication.translate("BodySeries", "Palms"),
        "hands-back": QCoreApplication.translate("BodySeries", "Backs of the hands"),
        "feet-top": QCoreApplication.translate("BodySeries", "Tops of the feet"),
    }
    return names.get(pose, pose)


def fill_poses(combo: QComboBox, record: PatientRecord | None) -> None:
    """'Not in a series', then the clinic's poses in protocol order (the choice kept)."""
    current = combo.currentData()
    poses = (record.series_poses if record is not None else ()) or DEFAULT_PROTOCOL
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(QCoreApplication.translate("BodySeries", "Not in a series"), None)
    for pose in poses:
        combo.addItem(pose_label(pose), pose)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
    combo.blockSignals(False)


def show_checklist(label: QLabel, record: PatientRecord | None, visit_id: str | None) -> None:
    """'Series 5 of 8 · next: Back, arms raised' (or that it is complete)."""
    poses = (record.series_poses if record is not None else ()) or DEFAULT_PROTOCOL
    photos = record.photos if record is not None else ()
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
        .replace("%3", pose_label(state.missing[0]))
    )
    missing = QCoreApplication.translate("BodySeries", "Missing: %1")
    label.setToolTip(missing.replace("%1", ", ".join(pose_label(p) for p in state.missing)))
