"""A small chart of one lesion's largest diameter over its visits, with the clinic's growth
threshold drawn as a dashed line above the first measurement (a point over it is grown)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from pixiodoc_desktop.clinic.records.lesion_sizes import LesionSize, per_visit
from pixiodoc_desktop.gui.locale_text import date_text, number_text

LINE = QColor("#2a6fb0")
OVER = QColor("#d62828")  # the body map's "grown" colour


class LesionChart(QWidget):
    """Largest diameter (mm) per visit; dates below, values beside the points."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lesionChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(108)
        self.setAccessibleName(self.tr("Largest diameter over visits"))
        self._sizes: list[LesionSize] = []
        self._threshold = 1.0

    def set_sizes(self, sizes: Sequence[LesionSize], threshold_mm: float) -> None:
        self._sizes = per_visit(sizes)
        self._threshold = threshold_mm
        self.setToolTip(self.summary())
        self.update()

    def summary(self) -> str:
        """The chart in words (for the tooltip, the screen reader and the tests)."""
        if not self._sizes:
            return self.tr("Not measured yet")
        parts = [
            f"{date_text(s.measured_on)}: {number_text(s.diameter_mm)} mm" for s in self._sizes
        ]
        return " · ".join(parts)

    def sizeHint(self) -> QSize:
        return QSize(300, 112)

    def points(self) -> list[QPointF]:
        """Where each visit's point is drawn (oldest first)."""
        plot = self._plot_rect()
        low, high = self._range()
        days = [(s.measured_on - self._sizes[0].measured_on).days for s in self._sizes]
        span = max(days[-1], 1) if days else 1
        out = []
        for day, size in zip(days, self._sizes, strict=True):
            x = plot.left() + (day / span if len(days) > 1 else 0.5) * plot.width()
            y = plot.bottom() - (size.diameter_mm - low) / (high - low) * plot.height()
            out.append(QPointF(x, y))
        return out

    def _range(self) -> tuple[float, float]:
        values = [s.diameter_mm for s in self._sizes]
        if self._sizes:
            values.append(self._sizes[0].diameter_mm + self._threshold)
        low, high = (min(values), max(values)) if values else (0.0, 1.0)
        pad = max(0.3, (high - low) * 0.15)
        return max(0.0, low - pad), high + pad

    def _plot_rect(self) -> QRectF:
        metrics = self.fontMetrics()
        top = metrics.height() + 6
        bottom = self.height() - metrics.height() - 6
        return QRectF(40.0, float(top), max(10.0, self.width() - 80.0), max(10.0, bottom - top))

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        text = self.palette().text().color()
        painter.setPen(text)
        painter.drawText(
            QRectF(4, 0, self.width() - 8, self.fontMetrics().height() + 4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.tr("Largest diameter (mm)"),
        )
        if not self._sizes:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Not measured yet"))
            return
        plot = self._plot_rect()
        low, high = self._range()
        painter.setPen(QPen(QColor(text.red(), text.green(), text.blue(), 90), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        # The threshold: the first measurement plus the clinic's growth, dashed.
        limit = self._sizes[0].diameter_mm + self._threshold
        y = plot.bottom() - (limit - low) / (high - low) * plot.height()
        painter.setPen(QPen(OVER, 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.drawText(
            QRectF(0, y - 9, plot.left() - 3, 18),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            "+" + number_text(self._threshold),
        )
        points = self.points()
        painter.setPen(QPen(LINE, 2))
        painter.drawPolyline(QPolygonF(points))
        dated = self.date_places()
        for point, size in zip(points, self._sizes, strict=True):
            over = size.diameter_mm >= limit - 1e-9 and size is not self._sizes[0]
            painter.setPen(QPen(QColor("white"), 1.5))
            painter.setBrush(OVER if over else LINE)
            painter.drawEllipse(point, 4.5, 4.5)
            painter.setPen(text)
            painter.drawText(
                QRectF(point.x() - 30, point.y() - 20, 60, 14),
                Qt.AlignmentFlag.AlignCenter,
                number_text(size.diameter_mm),
            )
        for place, words in dated:
            painter.drawText(place, Qt.AlignmentFlag.AlignCenter, words)

    def date_places(self) -> list[tuple[QRectF, str]]:
        """Where each visit's date goes under its point, leaving out a middle date that would
        run into its neighbour (a narrow panel, visits close together): the first and the
        latest always show, every date is in the tooltip."""
        if not self._sizes:
            return []
        points, top = self.points(), self._plot_rect().bottom() + 3
        metrics = self.fontMetrics()
        places: list[tuple[QRectF, str]] = []
        last = len(points) - 1
        for index, (point, size) in enumerate(zip(points, self._sizes, strict=True)):
            words = date_text(size.measured_on)
            width = metrics.horizontalAdvance(words) + 6
            left = min(max(0.0, point.x() - width / 2), self.width() - width)
            place = QRectF(left, top, width, metrics.height())
            if index == last:  # the latest always shows: middle dates in its way give way
                while len(places) > 1 and places[-1][0].intersects(place):
                    places.pop()
            elif places and places[-1][0].intersects(place):
                continue
            places.append((place, words))
        return places
