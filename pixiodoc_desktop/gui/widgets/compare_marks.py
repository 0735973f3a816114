"""Painting the marks and labels of a comparison: annotations, measurements, date labels.

Kept apart from the canvas's geometry and image painting; the same functions
paint the clinician's view and the patient-facing consultation screen (`large`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPolygonF

from pixiodoc_desktop.gui.widgets.compare_labels import (
    LabelLayout,
    badge_box,
    paint_badge,
    shape_area,
)

LABEL_BACKGROUND = QColor(0, 0, 0, 160)
LABEL_TEXT = QColor(235, 235, 235)
ANNOTATION = QColor(255, 206, 84)
MEASUREMENT = QColor(110, 205, 230)
PENDING = QColor(255, 255, 255)


@dataclass(frozen=True, slots=True)
class Mark:
    """One annotation or measurement to paint, in its own photo's pixel coordinates."""

    side: str  # "before" | "after"
    kind: str  # arrow | circle | outline | text | distance | diameter | area | points
    points: tuple[tuple[float, float], ...]
    text: str = ""
    measurement: bool = False


def paint_shape(
    painter: QPainter,
    mark: Mark,
    points: list[QPointF],
    colour: QColor,
    base_font: QFont,
    *,
    large: bool = False,
    layout: LabelLayout | None = None,
) -> None:
    """One mark, its points already in widget coordinates; its label goes where `layout`
    finds room (clear of the other labels and shapes)."""
    kind = mark.kind
    if kind in ("arrow", "distance") and len(points) == 2:
        painter.drawLine(points[0], points[1])
        if kind == "arrow":
            arrow_head(painter, points[0], points[1])
    elif kind == "circle" and len(points) == 2:
        radius = math.hypot(points[1].x() - points[0].x(), points[1].y() - points[0].y())
        painter.drawEllipse(points[0], radius, radius)
    elif kind in ("outline", "area", "diameter") and len(points) >= 2:
        painter.drawPolygon(QPolygonF(points))
    elif kind == "points":
        painter.setBrush(QBrush(colour))
        for index, point in enumerate(points):
            painter.drawEllipse(point, 4, 4)
            painter.drawText(point + QPointF(7, -7), str(index + 1))
    if mark.text and points and kind != "points":
        font = QFont(base_font)
        font.setPointSizeF(max(8.0, font.pointSizeF() * (1.6 if large else 1.0)))
        painter.setFont(font)
        if layout is None:
            layout = LabelLayout(QRectF(painter.viewport()))
        width, height = badge_box(painter, mark.text)
        around = shape_area(kind, points).boundingRect()
        if kind in ("arrow", "distance", "text") or around.isEmpty():
            # A line's label goes by its end, where the clinician finished drawing it.
            around = QRectF(points[-1], points[-1]).adjusted(-4, -4, 4, 4)
        paint_badge(painter, layout.place(width, height, around), mark.text, colour)


def arrow_head(painter: QPainter, tail: QPointF, head: QPointF) -> None:
    angle = math.atan2(head.y() - tail.y(), head.x() - tail.x())
    size = 12.0
    path = QPainterPath(head)
    for delta in (math.radians(150), math.radians(-150)):
        path.moveTo(head)
        path.lineTo(head + QPointF(size * math.cos(angle + delta), size * math.sin(angle + delta)))
    painter.drawPath(path)


def paint_labels(
    painter: QPainter,
    texts: list[tuple[str, str]],
    base_font: QFont,
    size: QSize,
    *,
    large: bool = False,
) -> None:
    """Date labels in dark rounded boxes; `where` is "left", "right" or "left-bottom"."""
    font = QFont(base_font)
    base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(base * (2.4 if large else 1.05))
    font.setBold(large)
    painter.setFont(font)
    metrics = painter.fontMetrics()
    pad_x, pad_y, margin = (18, 10, 24) if large else (8, 4, 10)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for text, where in texts:
        if not text:
            continue
        width = metrics.horizontalAdvance(text) + 2 * pad_x
        height = metrics.height() + 2 * pad_y
        x = margin if where.startswith("left") else size.width() - width - margin
        y = size.height() - height - margin if where.endswith("bottom") else margin
        box = QRectF(x, y, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LABEL_BACKGROUND)
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(LABEL_TEXT)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
