"""The names of the total-body series' poses, as the clinician reads them: the clinic's
own name for a pose when it gave one (Settings › Total-body series), else the standard
pose's name in the clinician's language, else the code of a pose added without a name."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication


def standard_pose_label(pose: str) -> str:
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


def pose_label(pose: str, names: Iterable[tuple[str, str]] = ()) -> str:
    """'Front, arms at the sides' (or the clinic's own name for the pose, from `names`:
    (code, name) pairs as the record carries them)."""
    own = dict(names).get(pose, "")
    return own or standard_pose_label(pose)
