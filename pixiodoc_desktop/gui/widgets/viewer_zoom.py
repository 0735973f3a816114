"""Zoom and position of the photo viewer: fit, 1:1, zoom around a point, the pannable photo.

`zoom` is device pixels per image pixel (1.0: one image pixel on one
screen pixel), clamped to 2 %-1600 %. Fit leaves a little dark surround; an
image smaller than the widget is centred, a larger one covers it without
gaps. Once the zoom reaches the shown image's own pixels the host is asked
once per photo for the full-resolution original (`detailWanted`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QCursor

from pixiodoc_desktop.gui.widgets.viewer_painting import ViewerPainting

MIN_ZOOM = 0.02
MAX_ZOOM = 16.0
_KEY_ZOOM_STEP = 2.0**0.5
# Fit leaves a little dark surround, so the photo's edge is always visible.
_FIT_MARGIN = 12


class ViewerZoom(ViewerPainting):
    """Zoom and pan (one layer above painting)."""

    zoomChanged = Signal(float)
    # Zoomed to the shown image's own pixels or closer: the host may now bring the full
    # resolution original (see refineImage); asked once per photo.
    detailWanted = Signal(str)

    _fit: bool
    _current: str | None  # the id whose image is shown or awaited
    _detail_asked: str | None  # detailWanted was emitted for this id
    _drag_from: QPointF | None

    def zoom(self) -> float:
        return self._zoom

    def isFit(self) -> bool:
        return self._fit

    def fitToWindow(self) -> None:
        if self._image is None:
            return
        self._fit = True
        self._changed()

    def showActualSize(self, anchor: QPointF | None = None) -> None:
        self.setZoom(1.0, anchor)

    def zoomIn(self) -> None:
        self.setZoom(self._zoom * _KEY_ZOOM_STEP)

    def zoomOut(self) -> None:
        self.setZoom(self._zoom / _KEY_ZOOM_STEP)

    def setZoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom so that the image point under ``anchor`` (default: the centre) stays there."""
        if self._image is None:
            return
        if anchor is None:
            anchor = QPointF(self.width() / 2, self.height() / 2)
        under = self.widgetToImage(anchor)
        self._fit = False
        self._zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        scale = self._scale()
        self._offset = QPointF(anchor.x() - under.x() * scale, anchor.y() - under.y() * scale)
        self._changed()

    def imageToWidget(self, point: QPointF) -> QPointF:
        scale = self._scale()
        return QPointF(self._offset.x() + point.x() * scale, self._offset.y() + point.y() * scale)

    def widgetToImage(self, point: QPointF) -> QPointF:
        scale = self._scale()
        return QPointF(
            (point.x() - self._offset.x()) / scale, (point.y() - self._offset.y()) / scale
        )

    def _fit_zoom(self) -> float:
        assert self._image is not None
        width, height = self._image.width(), self._image.height()
        margin = _FIT_MARGIN if min(self.width(), self.height()) > 8 * _FIT_MARGIN else 0
        room_x, room_y = self.width() - 2 * margin, self.height() - 2 * margin
        fit = min(room_x / width, room_y / height) * self._dpr
        return min(max(fit, MIN_ZOOM), MAX_ZOOM)

    def _layout(self) -> None:
        """Recompute the fit zoom and keep the image where it can be seen."""
        if self._image is None:
            return
        self._dpr = self.devicePixelRatioF()
        if self._fit:
            self._zoom = self._fit_zoom()
        self._offset = self._clamped(self._offset)

    def _clamped(self, offset: QPointF) -> QPointF:
        """An image smaller than the widget is centred; a larger one covers it without gaps."""
        assert self._image is not None
        scale = self._scale()

        def axis(value: float, extent: float, room: float) -> float:
            if extent <= room:
                return (room - extent) / 2
            return min(0.0, max(room - extent, value))

        return QPointF(
            axis(offset.x(), self._image.width() * scale, self.width()),
            axis(offset.y(), self._image.height() * scale, self.height()),
        )

    def _changed(self) -> None:
        before = self._zoom
        self._layout()
        self._schedule_scaling()
        self._describe()
        self._update_cursor()
        self.update()
        if not math.isclose(before, self._zoom):
            self.zoomChanged.emit(self._zoom)
        self._ask_for_detail()

    def _ask_for_detail(self) -> None:
        current = self._current
        if (
            current is not None
            and self._image is not None
            and self._detail_asked != current
            and self._zoom >= 1.0 - 1e-9
        ):
            self._detail_asked = current
            self.detailWanted.emit(current)

    def _pannable(self) -> bool:
        if self._image is None:
            return False
        scale = self._scale()
        return (
            self._image.width() * scale > self.width() + 0.5
            or self._image.height() * scale > self.height() + 0.5
        )

    def _update_cursor(self) -> None:
        if self._drag_from is not None:
            return
        if self._pannable():
            self.setCursor(QCursor(Qt.CursorShape.OpenHandCursor))
        else:
            self.unsetCursor()
