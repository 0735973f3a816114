"""A second opinion's marks drawn over the photo in the viewer (never burned into it).

Marks are arrows and circles in the photo's own pixels (as the colleague drew
them in the link's viewer page); the shown image may be the screen-size
preview or the original, so they are scaled from the photo's width.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from pixiodoc_desktop.clinic.records.second_opinions import PhotoMark

MARK_COLOUR = QColor("#ffd400")
OUTLINE = QColor(0, 0, 0, 170)


def paint_marks(
    painter: QPainter,
    marks: Sequence[PhotoMark],
    *,
    photo_width: int,
    image_width: int,
    offset: QPointF,
    scale: float,
) -> None:
    """Draw `marks` for an image of `image_width` px shown at `scale` from `offset`."""
    if not marks or photo_width <= 0:
        return
    factor = scale * image_width / photo_width

    def at(point: tuple[float, float]) -> QPointF:
        return QPointF(offset.x() + point[0] * factor, offset.y() + point[1] * factor)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for colour, width in ((OUTLINE, 5.0), (MARK_COLOUR, 2.5)):
        painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for mark in marks:
            start, end = at(mark.points[0]), at(mark.points[1])
            if mark.kind == "circle":
                radius = math.hypot(end.x() - start.x(), end.y() - start.y())
                painter.drawEllipse(start, radius, radius)
                continue
            painter.drawLine(start, end)
            angle = math.atan2(end.y() - start.y(), end.x() - start.x())
            size = max(10.0, min(28.0, 0.25 * math.hypot(end.x() - start.x(), end.y() - start.y())))
            head = QPolygonF(
                [
                    end,
                    QPointF(
                        end.x() - size * math.cos(angle + 0.45),
                        end.y() - size * math.sin(angle + 0.45),
                    ),
                    QPointF(
                        end.x() - size * math.cos(angle - 0.45),
                        end.y() - size * math.sin(angle - 0.45),
                    ),
                ]
            )
            painter.setBrush(colour)
            painter.drawPolygon(head)
            painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.restore()
