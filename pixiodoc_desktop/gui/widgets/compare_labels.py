"""Where the labels of the comparison's marks go, so that none lies on another or on a shape.

An automatic outline is both an area and a diameter trace of the same points, so their two
labels used to sit on one spot above the outline. Each label now takes the first place
around its shape (above, below, right, left, then further out) that is free of every
label placed before and of every shape's outline, inside the pane where it can; the
badge is dark with a light rim, readable on light and dark skin alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF

BADGE = QColor(0, 0, 0, 185)
RIM = QColor(255, 255, 255, 140)
GAP = 6.0  # between a label and its shape, and between labels


class LabelLayout:
    """Places label boxes one by one within `bounds`, avoiding shapes and earlier labels."""

    def __init__(self, bounds: QRectF, shapes: Iterable[QPainterPath] = ()) -> None:
        self.bounds = bounds
        self.shapes = [shape for shape in shapes if not shape.isEmpty()]
        self.placed: list[QRectF] = []

    def _free(self, box: QRectF, *, of_shapes: bool) -> bool:
        grown = box.adjusted(-GAP / 2, -GAP / 2, GAP / 2, GAP / 2)
        if any(grown.intersects(other) for other in self.placed):
            return False
        return not (of_shapes and any(shape.intersects(grown) for shape in self.shapes))

    def _candidates(self, size: QRectF, around: QRectF) -> list[QRectF]:
        w, h = size.width(), size.height()
        cx, cy = around.center().x(), around.center().y()
        out = []
        for ring in range(6):
            step = ring * (h + GAP)
            out += [
                QRectF(cx - w / 2, around.top() - GAP - h - step, w, h),  # above
                QRectF(cx - w / 2, around.bottom() + GAP + step, w, h),  # below
                QRectF(around.right() + GAP + ring * (w + GAP), cy - h / 2, w, h),  # right
                QRectF(around.left() - GAP - w - ring * (w + GAP), cy - h / 2, w, h),  # left
            ]
        return out

    def place(self, width: float, height: float, around: QRectF) -> QRectF:
        """A box of that size near `around` (the shape's bounding box), and keep it."""
        candidates = self._candidates(QRectF(0, 0, width, height), around)
        inside = [c for c in candidates if self.bounds.contains(c)] or candidates
        box = next(
            (c for c in inside if self._free(c, of_shapes=True)),
            next((c for c in inside if self._free(c, of_shapes=False)), inside[0]),
        )
        self.placed.append(box)
        return box


def paint_badge(painter: QPainter, box: QRectF, text: str, colour: QColor) -> None:
    """The text centred on a dark rounded badge with a light rim."""
    painter.save()
    painter.setPen(QPen(RIM, 1.0))
    painter.setBrush(BADGE)
    painter.drawRoundedRect(box, 4, 4)
    painter.setPen(colour)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.restore()


def badge_box(painter: QPainter, text: str) -> tuple[float, float]:
    """The width and height of the badge for `text` in the painter's font."""
    metrics = painter.fontMetrics()
    return metrics.horizontalAdvance(text) + 10.0, metrics.height() + 4.0


def shape_area(kind: str, points: list[QPointF]) -> QPainterPath:
    """The area a shape covers on screen: a closed outline with its inside, a line as a
    stroke a few pixels wide."""
    path = QPainterPath()
    if not points:
        return path
    if kind == "circle" and len(points) == 2:
        radius = (
            (points[1].x() - points[0].x()) ** 2 + (points[1].y() - points[0].y()) ** 2
        ) ** 0.5
        path.addEllipse(points[0], radius, radius)
    elif kind in ("outline", "area", "diameter") and len(points) >= 3:
        path.addPolygon(QPolygonF(points))
        path.closeSubpath()
    else:
        path.addPolygon(QPolygonF(points))
        stroker = QPainterPathStroker()
        stroker.setWidth(8.0)
        path = stroker.createStroke(path)
    return path
