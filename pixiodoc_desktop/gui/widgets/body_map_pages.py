"""The body map's pages (front/back, sides, face, hands, feet), each view's regions as
Qt polygons on the patient's figure, the colour of each lesion status, and the
words for each, in the BodyMap translation context."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtGui import QColor, QPolygonF

from pixiodoc_desktop.clinic.records import body_outlines
from pixiodoc_desktop.clinic.records.body_outlines import BodyOutline, outline_for
from pixiodoc_desktop.clinic.records.patients import PatientSummary
from pixiodoc_desktop.clinic.records.visits import LesionStatus, MapView

STATUS_COLOURS = {
    LesionStatus.NEW: QColor("#1e6fd9"),
    LesionStatus.GROWN: QColor("#d62828"),
    LesionStatus.STABLE: QColor("#2a9d4b"),
    LesionStatus.BIOPSIED: QColor("#e07b00"),
    LesionStatus.EXCISED: QColor("#6b6b6b"),
}
# The pages of the map and the views each shows side by side.
PAGES: dict[str, tuple[MapView, ...]] = {
    "body": (MapView.FRONT, MapView.BACK),
    "sides": (MapView.LEFT, MapView.RIGHT),
    "head": (MapView.HEAD,),
    "hands": (MapView.HANDS,),
    "feet": (MapView.FEET,),
}


@dataclass(frozen=True, slots=True)
class Region:
    view: MapView
    code: str  # a body-site code
    outline: QPolygonF  # in the view's SVG units


@cache
def regions(view: MapView, outline: BodyOutline = BodyOutline.NEUTRAL) -> tuple[Region, ...]:
    """The view's regions on that figure in drawing order (later ones lie on top)."""
    return tuple(
        Region(view, r.code, QPolygonF([QPointF(x, y) for x, y in r.points]))
        for r in body_outlines.regions(outline, view)
    )


def patient_outline(patient: PatientSummary | None) -> BodyOutline:
    """The figure for the patient on screen: by their recorded sex and their age today."""
    if patient is None:
        return BodyOutline.NEUTRAL
    return outline_for(patient.sex, patient.birth_date, dt.date.today())


def page_of(view: MapView) -> str:
    return next(key for key, views in PAGES.items() if view in views)


def page_title(key: str) -> str:
    return {
        "body": QCoreApplication.translate("BodyMap", "Front/back"),
        "sides": QCoreApplication.translate("BodyMap", "Sides"),
        "head": QCoreApplication.translate("BodyMap", "Face"),
        "hands": QCoreApplication.translate("BodyMap", "Hands"),
        "feet": QCoreApplication.translate("BodyMap", "Feet"),
    }[key]


def view_title(view: MapView) -> str:
    return {
        MapView.FRONT: QCoreApplication.translate("BodyMap", "Front"),
        MapView.BACK: QCoreApplication.translate("BodyMap", "Back"),
        MapView.LEFT: QCoreApplication.translate("BodyMap", "Left side"),
        MapView.RIGHT: QCoreApplication.translate("BodyMap", "Right side"),
        MapView.HEAD: QCoreApplication.translate("BodyMap", "Face and scalp"),
        MapView.HANDS: QCoreApplication.translate(
            "BodyMap", "Palms above, backs of the hands below"
        ),
        MapView.FEET: QCoreApplication.translate("BodyMap", "Tops of the feet above, soles below"),
    }[view]


def status_label(status: LesionStatus) -> str:
    return {
        LesionStatus.NEW: QCoreApplication.translate("BodyMap", "New"),
        LesionStatus.GROWN: QCoreApplication.translate("BodyMap", "Grown"),
        LesionStatus.STABLE: QCoreApplication.translate("BodyMap", "Stable"),
        LesionStatus.BIOPSIED: QCoreApplication.translate("BodyMap", "Biopsied"),
        LesionStatus.EXCISED: QCoreApplication.translate("BodyMap", "Excised"),
    }[status]
