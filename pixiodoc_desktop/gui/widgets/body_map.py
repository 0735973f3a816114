"""The body map: the front and back diagrams (resources/body_map/*.svg, drawn for PixioDoc)
side by side; clicking a region chooses its body site and a point on it, the patient's
lesions are markers at their stored place coloured by status, with counts per region.

Each SVG polygon's id is ``site:<code>`` of the body-site vocabulary, so the map needs no
table of its own. Places are stored as fractions of a view's width and height, so redrawing
the diagram keeps the lesions where they were.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from pixiodoc_desktop.clinic.records.visits import LesionStatus, LesionSummary, MapView
from pixiodoc_desktop.gui import labels
from pixiodoc_desktop.gui.resources import RESOURCES_DIR

MAP_DIR = RESOURCES_DIR / "body_map"
VIEW_SIZE = (200.0, 440.0)  # the SVGs' viewBox
STATUS_COLOURS = {
    LesionStatus.NEW: QColor("#1e6fd9"),
    LesionStatus.GROWN: QColor("#d62828"),
    LesionStatus.STABLE: QColor("#2a9d4b"),
    LesionStatus.BIOPSIED: QColor("#e07b00"),
    LesionStatus.EXCISED: QColor("#6b6b6b"),
}
_SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True, slots=True)
class Region:
    view: MapView
    code: str  # a body-site code
    outline: QPolygonF  # in the view's SVG units


@cache
def regions(view: MapView) -> tuple[Region, ...]:
    """The view's regions in drawing order (later ones lie on top)."""
    root = ET.parse(MAP_DIR / f"{view.value}.svg").getroot()  # noqa: S314 - our own file
    out = []
    for polygon in root.iter(f"{_SVG}polygon"):
        ident = polygon.get("id", "")
        if not ident.startswith("site:"):
            continue
        points = [
            tuple(float(v) for v in pair.split(",")) for pair in polygon.get("points", "").split()
        ]
        outline = QPolygonF([QPointF(x, y) for x, y in points])
        out.append(Region(view, ident.removeprefix("site:"), outline))
    return tuple(out)


def status_label(status: LesionStatus) -> str:
    return {
        LesionStatus.NEW: QCoreApplication.translate("BodyMap", "New"),
        LesionStatus.GROWN: QCoreApplication.translate("BodyMap", "Grown"),
        LesionStatus.STABLE: QCoreApplication.translate("BodyMap", "Stable"),
        LesionStatus.BIOPSIED: QCoreApplication.translate("BodyMap", "Biopsied"),
        LesionStatus.EXCISED: QCoreApplication.translate("BodyMap", "Excised"),
    }[status]


class BodyMap(QWidget):
    """Front and back of the body; click to choose a site and a place on it."""

    site_chosen = Signal(str)  # body-site code
    place_chosen = Signal(str, float, float, str)  # view, x, y (fractions), body-site code
    lesion_chosen = Signal(str)  # lesion id: its marker was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyMap")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 300)
        self._renderers = {v: QSvgRenderer(str(MAP_DIR / f"{v.value}.svg")) for v in MapView}
        self._lesions: tuple[LesionSummary, ...] = ()
        self._chosen: Region | None = None
        self._hovered: Region | None = None
        self.setAccessibleName(self.tr("Body map"))

    # --- what it shows ------------------------------------------------------------------

    def set_lesions(self, lesions: Iterable[LesionSummary]) -> None:
        self._lesions = tuple(lesions)
        self.update()

    def choose_site(self, code: str | None) -> None:
        """Highlight a site chosen elsewhere (the list), on the view that has it."""
        self._chosen = next((r for v in MapView for r in regions(v) if r.code == code), None)
        self.update()

    @property
    def chosen_site(self) -> str | None:
        return None if self._chosen is None else self._chosen.code

    def counts(self) -> Counter[str]:
        """Lesions per body site (all of the patient's, placed or not)."""
        return Counter(lesion.body_site for lesion in self._lesions)

    def sizeHint(self) -> QSize:
        return QSize(420, 520)

    # --- geometry -----------------------------------------------------------------------

    def view_rect(self, view: MapView) -> QRectF:
        """Where a view is drawn in the widget (aspect kept, side by side, legend below)."""
        legend = self._legend_height()
        width, height = self.width() / 2.0, max(1.0, self.height() - legend - 24.0)
        scale = min((width - 6) / VIEW_SIZE[0], height / VIEW_SIZE[1])
        w, h = VIEW_SIZE[0] * scale, VIEW_SIZE[1] * scale
        left = (0 if view is MapView.FRONT else width) + (width - w) / 2
        return QRectF(left, 20.0, w, h)

    def to_widget(self, view: MapView, x: float, y: float) -> QPointF:
        rect = self.view_rect(view)
        return QPointF(rect.left() + x * rect.width(), rect.top() + y * rect.height())

    def marker_at(self, point: QPointF) -> LesionSummary | None:
        """The lesion whose marker is under `point` (the nearest, within its radius)."""
        best, best_gap = None, 8.0
        for lesion in self._lesions:
            if lesion.position is None:
                continue
            where = self.to_widget(lesion.position.view, lesion.position.x, lesion.position.y)
            gap = ((where.x() - point.x()) ** 2 + (where.y() - point.y()) ** 2) ** 0.5
            if gap <= best_gap:
                best, best_gap = lesion, gap
        return best

    def _hit(self, point: QPointF) -> tuple[Region, float, float] | None:
        for view in MapView:
            rect = self.view_rect(view)
            if not rect.contains(point):
                continue
            x = (point.x() - rect.left()) / rect.width()
            y = (point.y() - rect.top()) / rect.height()
            svg = QPointF(x * VIEW_SIZE[0], y * VIEW_SIZE[1])
            for region in reversed(regions(view)):
                if region.outline.containsPoint(svg, Qt.FillRule.OddEvenFill):
                    return region, x, y
        return None

    # --- events -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        marker = self.marker_at(event.position())
        if marker is not None:
            self.lesion_chosen.emit(marker.id)
            return
        hit = self._hit(event.position())
        if hit is None:
            return
        region, x, y = hit
        self._chosen = region
        self.update()
        self.site_chosen.emit(region.code)
        self.place_chosen.emit(region.view.value, x, y, region.code)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self._hit(event.position())
        region = None if hit is None else hit[0]
        if region != self._hovered:
            self._hovered = region
            self.update()
            if region is not None:
                count = self.counts()[region.code]
                text = labels.body_site(region.code)
                if count:
                    text += " · " + self.tr("Lesions: %1").replace("%1", str(count))
                QToolTip.showText(event.globalPosition().toPoint(), text, self)

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        titles = {MapView.FRONT: self.tr("Front"), MapView.BACK: self.tr("Back")}
        counts = self.counts()
        for view in MapView:
            rect = self.view_rect(view)
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(rect.left(), 0, rect.width(), 18), Qt.AlignmentFlag.AlignCenter, titles[view]
            )
            self._renderers[view].render(painter, rect)
            painter.save()
            painter.translate(rect.topLeft())
            painter.scale(rect.width() / VIEW_SIZE[0], rect.height() / VIEW_SIZE[1])
            for region, colour in ((self._hovered, "#40808080"), (self._chosen, "#602a7fd4")):
                if region is not None and region.view is view:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(colour))
                    painter.drawPolygon(region.outline)
            painter.restore()
            self._paint_counts(painter, view, counts)
        self._paint_markers(painter)
        self._paint_legend(painter)

    def _paint_counts(self, painter: QPainter, view: MapView, counts: Counter[str]) -> None:
        shown: set[str] = set()
        rect = self.view_rect(view)
        for region in regions(view):
            count = counts.get(region.code, 0)
            if not count or region.code in shown:
                continue
            shown.add(region.code)
            box = region.outline.boundingRect()
            # Top right of the region, out of the markers' way.
            corner = QPointF(
                rect.left() + box.right() / VIEW_SIZE[0] * rect.width(),
                rect.top() + box.top() / VIEW_SIZE[1] * rect.height(),
            )
            badge = QRectF(corner.x() - 16, corner.y() + 2, 16, 15)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 210))
            painter.drawRoundedRect(badge, 7, 7)
            painter.setPen(QColor("#3b2a20"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(count))

    def _paint_markers(self, painter: QPainter) -> None:
        for lesion in self._lesions:
            if lesion.position is None:
                continue
            centre = self.to_widget(lesion.position.view, lesion.position.x, lesion.position.y)
            painter.setPen(QPen(QColor("white"), 1.5))
            painter.setBrush(STATUS_COLOURS[lesion.status])
            painter.drawEllipse(centre, 6.0, 6.0)

    def _legend_places(self) -> list[tuple[LesionStatus, QPointF]]:
        """Where each status's dot goes: one row if it fits the width, else more rows."""
        metrics = self.fontMetrics()
        x, row, places = 8.0, 0, []
        for status in LesionStatus:
            width = 28 + metrics.horizontalAdvance(status_label(status))
            if x + width > self.width() and x > 8.0:
                x, row = 8.0, row + 1
            places.append((status, QPointF(x, row * 18.0)))
            x += width
        return places

    def _legend_height(self) -> float:
        return 18.0 * (1 + max(p.y() for _, p in self._legend_places()) / 18.0) + 6

    def _paint_legend(self, painter: QPainter) -> None:
        top = self.view_rect(MapView.FRONT).bottom() + 10
        for status, place in self._legend_places():
            x, y = place.x(), top + place.y()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(STATUS_COLOURS[status])
            painter.drawEllipse(QPointF(x + 6, y + 6), 5.0, 5.0)
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x + 15, y + 10), status_label(status))
