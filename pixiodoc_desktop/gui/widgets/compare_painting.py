"""Painting one frame of the comparison: the photos in their mode, divider, marks, labels.

Only the surround is filled (the photos cover the rest). The scaled copies
are drawn at whole pixels when they fit the zoom; otherwise the visible
part of the display copy is drawn scaled on the fly. Marks are vector data
in the pixels of the photo they belong to, so they stay on the skin
whatever the zoom and alignment; on the patient's screen they and the
labels are drawn larger.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QRegion,
)

from pixiodoc_desktop.gui.widgets.compare_geometry import Pane
from pixiodoc_desktop.gui.widgets.compare_labels import LabelLayout, shape_area
from pixiodoc_desktop.gui.widgets.compare_marks import (
    ANNOTATION,
    MEASUREMENT,
    PENDING,
    Mark,
    paint_labels,
    paint_shape,
)
from pixiodoc_desktop.gui.widgets.compare_scaling import CanvasScaling
from pixiodoc_desktop.imaging.compose import (
    BACKGROUND,
    DIVIDER,
    DIVIDER_WIDTH,
    Mode,
    Orientation,
    blink_shows_after,
)

_BACKGROUND = QColor(*reversed(BACKGROUND))
_DIVIDER = QColor(*reversed(DIVIDER))


class CanvasPainting(CanvasScaling):
    """Paints the canvas (one layer above its scaled copies)."""

    patient_facing: bool
    message: str
    _labels: tuple[str, str]
    _marks: list[Mark]
    # The labels of the marks as last painted, with the shapes they keep clear of.
    painted_labels: list[QRectF]
    painted_shapes: list[QPainterPath]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.painted_labels, self.painted_shapes = [], []
        try:
            if self._images is None:
                painter.fillRect(event.rect(), _BACKGROUND)
                self._paint_message(painter)
                return
            # Only the surround is filled: the photos cover the rest, and a 4K frame
            # written twice costs as much as the whole rest of the frame.
            surround = QRegion(event.rect())
            for pane in self._panes():
                surround -= QRegion(self._covered(pane))
            painter.setClipRegion(surround)
            painter.fillRect(event.rect(), _BACKGROUND)
            painter.setClipping(False)
            state = self._state
            for pane in self._panes():
                painter.save()
                painter.setClipRect(pane.rect)
                if pane.side is not None:
                    self._draw(painter, pane, pane.side)
                elif state.mode is Mode.SLIDER:
                    self._paint_slider(painter, pane)
                elif state.mode is Mode.OVERLAY:
                    self._draw(painter, pane, "before")
                    painter.setOpacity(state.opacity)
                    self._draw(painter, pane, "after")
                    painter.setOpacity(1.0)
                elif state.mode is Mode.BLINK:
                    self._draw(
                        painter, pane, "after" if blink_shows_after(state.tick) else "before"
                    )
                else:
                    self._draw(painter, pane, "heat")
                self._paint_marks(painter, pane)
                painter.restore()
            self._paint_labels(painter)
        finally:
            painter.end()

    def _covered(self, pane: Pane) -> QRect:
        """The whole view pixels of `pane` that the photo covers completely."""
        assert self._images is not None
        width, height = self._images.photo_size
        top_left = self.photoToPane(pane, -0.5, -0.5)
        bottom_right = self.photoToPane(pane, width - 0.5, height - 0.5)
        if self._scaled_ready(self._wanted_key()):
            # The scaled copy is drawn at a whole pixel and is a whole number of pixels.
            top_left = QPointF(round(top_left.x()), round(top_left.y()))
        left, top = math.ceil(top_left.x()), math.ceil(top_left.y())
        right, bottom = math.floor(bottom_right.x()), math.floor(bottom_right.y())
        if self._scaled_ready(self._wanted_key()):
            key = self._wanted_key()
            assert key is not None
            right, bottom = left + key[1], top + key[2]
        return QRect(left, top, max(0, right - left), max(0, bottom - top)).intersected(pane.rect)

    def _paint_slider(self, painter: QPainter, pane: Pane) -> None:
        cut = self.dividerPosition()
        vertical = self._state.orientation is Orientation.VERTICAL
        rect = pane.rect
        first = (
            QRect(rect.x(), rect.y(), cut, rect.height())
            if vertical
            else QRect(rect.x(), rect.y(), rect.width(), cut)
        )
        second = (
            QRect(cut, rect.y(), rect.width() - cut, rect.height())
            if vertical
            else QRect(rect.x(), cut, rect.width(), rect.height() - cut)
        )
        painter.setClipRect(first)
        self._draw(painter, pane, "before")
        painter.setClipRect(second)
        self._draw(painter, pane, "after")
        painter.setClipRect(rect)
        half = DIVIDER_WIDTH // 2
        if vertical:
            painter.fillRect(QRect(cut - half, rect.y(), DIVIDER_WIDTH, rect.height()), _DIVIDER)
        else:
            painter.fillRect(QRect(rect.x(), cut - half, rect.width(), DIVIDER_WIDTH), _DIVIDER)
        self._paint_handle(painter, cut, vertical)

    def _paint_handle(self, painter: QPainter, cut: int, vertical: bool) -> None:
        centre = QPointF(cut, self.height() / 2) if vertical else QPointF(self.width() / 2, cut)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(60, 60, 60), 1))
        painter.setBrush(_DIVIDER)
        painter.drawEllipse(centre, 14, 14)
        painter.setPen(QPen(QColor(60, 60, 60), 2))
        for sign in (-1, 1):
            tip = (
                QPointF(centre.x() + sign * 9, centre.y())
                if vertical
                else QPointF(centre.x(), centre.y() + sign * 9)
            )
            base = (
                QPointF(centre.x() + sign * 4, centre.y())
                if vertical
                else QPointF(centre.x(), centre.y() + sign * 4)
            )
            off = QPointF(0, 4) if vertical else QPointF(4, 0)
            painter.drawPolyline(QPolygonF([base - off, tip, base + off]))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _draw(self, painter: QPainter, pane: Pane, which: str) -> None:
        images = self._images
        assert images is not None
        source = {"before": images.before, "after": images.after, "heat": images.heat}[which]
        if source is None:
            return
        top_left = self.photoToPane(pane, -0.5, -0.5)
        key = self._wanted_key()
        scaled = self._scaled.get(which)
        if scaled is not None and key is not None and key == self._scaled_key:
            painter.drawImage(QPointF(round(top_left.x()), round(top_left.y())), scaled)
            return
        zoom = self.zoom() * images.photo_size[0] / max(1, source.width())
        target = QRectF(top_left.x(), top_left.y(), source.width() * zoom, source.height() * zoom)
        visible = target.intersected(QRectF(painter.clipBoundingRect()))
        if visible.isEmpty():
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, zoom <= 4.0)
        src = QRectF(
            (visible.x() - target.x()) / zoom,
            (visible.y() - target.y()) / zoom,
            visible.width() / zoom,
            visible.height() / zoom,
        )
        painter.drawImage(visible, source, src)

    def _paint_marks(self, painter: QPainter, pane: Pane) -> None:
        if not self._marks:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        shown = []
        for mark in self._marks:
            if pane.side is not None and mark.side != pane.side:
                continue
            points = [
                self.photoToPane(pane, *(self._after_point(*p) if mark.side == "after" else p))
                for p in mark.points
            ]
            shown.append((mark, points))
        # Every label keeps clear of every shape and of the labels placed before it.
        shapes = [shape_area(m.kind, p) for m, p in shown]
        layout = LabelLayout(QRectF(pane.rect), shapes)
        for mark, points in shown:
            colour = MEASUREMENT if mark.measurement else ANNOTATION
            if mark.kind == "points":
                colour = PENDING
            painter.setPen(QPen(colour, 2.5 if not self.patient_facing else 4.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            paint_shape(
                painter, mark, points, colour, self.font(), large=self.patient_facing, layout=layout
            )
        self.painted_labels += layout.placed
        self.painted_shapes += shapes
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_labels(self, painter: QPainter) -> None:
        before, after = self._labels
        state = self._state
        if state.mode is Mode.BLINK:
            texts = [(after if blink_shows_after(state.tick) else before, "left")]
        elif state.mode is Mode.DIFFERENCE:
            texts = [(f"{before}  →  {after}" if before and after else "", "left")]
        elif state.mode is Mode.SLIDER and state.orientation is Orientation.HORIZONTAL:
            texts = [(before, "left"), (after, "left-bottom")]
        else:
            texts = [(before, "left"), (after, "right")]
        paint_labels(painter, texts, self.font(), self.size(), large=self.patient_facing)

    def _paint_message(self, painter: QPainter) -> None:
        painter.setPen(QColor(150, 150, 150))
        text = self.message or QCoreApplication.translate(
            "CompareCanvas", "Choose two photos to compare"
        )
        painter.drawText(QRectF(self.rect()), int(Qt.AlignmentFlag.AlignCenter), text)
